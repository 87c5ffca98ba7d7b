"""A heading with nothing under it: no text and no sub-headings before the next heading.

Only a short heading counts: a long numbered line with a comma ("(一)进一步加强学习,提高……能力") or a figure is a
one-line list item that carries its own content, not an empty heading."""

from __future__ import annotations

import re
from collections.abc import Iterator

from checker.checks.base import Context
from checker.model import Finding


def run(ctx: Context) -> Iterator[Finding]:
    for section in ctx.doc.headings():
        if section.children or not _looks_like_heading(section.title, int(ctx.options.get("max_title_chars", 16))):
            continue
        body = ctx.text[section.body.start:section.body.end]
        if len("".join(body.split())) < int(ctx.options.get("min_chars", 1)):
            yield ctx.finding(section.heading.start, section.heading.end,
                              f"“{section.number}{section.title}”下没有内容",
                              text=f"{section.number}{section.title}")


def _looks_like_heading(title: str, longest: int) -> bool:
    return 0 < len(title) <= longest and not re.search(r"[,，、;；\d]", title)
