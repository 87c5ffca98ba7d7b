"""One rule for showing a file name in every output format and on stderr.

A name is shown as the user would recognise it, except what no format can carry or what would act on a terminal:
bytes that are not UTF-8 (Python keeps them as lone surrogates, e.g. the GBK names of a zip made on Windows) become
\\xNN, one per byte; control characters (tab, newline, ESC…), other lone surrogates and the invisible bidirectional
controls become \\xNN or \\uNNNN. A normal name, Chinese and full-width spaces included, is returned unchanged, so
JSON consumers that map documents by file stem keep working.
"""

from __future__ import annotations

import unicodedata

BIDI_CONTROLS = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def safe_name(name: str) -> str:
    """The name with every character that cannot be printed or stored safely escaped."""
    if name.isprintable():
        return name
    return "".join(_escaped(ch) for ch in name)


def _escaped(ch: str) -> str:
    code = ord(ch)
    if 0xDC80 <= code <= 0xDCFF:  # os.fsdecode's surrogateescape: the original byte
        return f"\\x{code - 0xDC00:02x}"
    if unicodedata.category(ch) in ("Cc", "Cs", "Zl", "Zp") or ch in BIDI_CONTROLS:
        return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
    return ch
