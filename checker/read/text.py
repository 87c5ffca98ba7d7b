"""Plain text and Markdown: decode and hand on; Markdown headings are recognised by structure/."""

from __future__ import annotations

from checker.model import RawText
from checker.read.encoding import decode

SUFFIXES = {".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown"}


def read_text(source: str, data: bytes, encoding: str | None, suffix: str) -> RawText:
    text, used = decode(data, encoding)
    return RawText(source=source, text=text, encoding=used, kind=SUFFIXES.get(suffix, "text"))
