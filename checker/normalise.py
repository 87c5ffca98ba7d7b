"""Step 2: one canonical spelling of the text for matching, with a map back to the original characters.

Full-width ASCII becomes half-width (（一） → (一), ， → ,), every kind of space becomes one ASCII space, runs of
spaces collapse, lines lose leading and trailing spaces, line ends become \\n, ⑴ becomes (1) and ⒈ becomes 1.
Line breaks are kept one for one, so a normalised line number is the original line number.
"""

from __future__ import annotations

import re

from checker.simplified import simplify

SPACES = {"\u3000", "\t", "\u00a0", "\u2002", "\u2003", "\u2009", "\u202f", "\x0b", "\x0c"}
DROP = {"\u200b", "\u200c", "\u200d", "\u2060", "\ufeff"}


def normalise_char(ch: str) -> str:
    """The normalised spelling of one character ("" drops it)."""
    code = ord(ch)
    if 0xFF01 <= code <= 0xFF5E:
        return chr(code - 0xFEE0)
    if ch in SPACES:
        return " "
    if ch in DROP:
        return ""
    if 0x2474 <= code <= 0x2487:  # ⑴..⒇
        return f"({code - 0x2473})"
    if 0x2488 <= code <= 0x249B:  # ⒈..⒛
        return f"{code - 0x2487}."
    return ch


# Texts without these characters map one character to one, and take the fast path.
NEEDS_SLOW_PATH = re.compile("[\r\u200b\u200c\u200d\u2060\ufeff\u2474-\u249b]")
ONE_TO_ONE = str.maketrans({**{chr(c): chr(c - 0xFEE0) for c in range(0xFF01, 0xFF5F)}, **dict.fromkeys(SPACES, " ")})
SPACE_RUN = re.compile(" +")


def normalise(raw: str) -> tuple[str, tuple[int, ...]]:
    """Return (text, offsets) where offsets[i] is the index in `raw` that produced text[i].

    offsets has one extra entry, len(raw), so that a span's end maps too.
    """
    raw = simplify(raw)  # traditional script read as simplified, one for one: every index stays the same
    if NEEDS_SLOW_PATH.search(raw):
        return normalise_each(raw)
    text = raw.translate(ONE_TO_ONE)
    parts: list[str] = []
    offsets: list[int] = []
    pos = 0
    for m in SPACE_RUN.finditer(text):
        start, end = m.span()
        parts.append(text[pos:start])
        offsets.extend(range(pos, start))
        if start > 0 and text[start - 1] != "\n" and end < len(text) and text[end] != "\n":
            parts.append(" ")  # an inner run of spaces becomes one; leading and trailing ones go
            offsets.append(start)
        pos = end
    parts.append(text[pos:])
    offsets.extend(range(pos, len(text)))
    offsets.append(len(raw))
    return "".join(parts), tuple(offsets)


def normalise_each(raw: str) -> tuple[str, tuple[int, ...]]:
    """The general path, character by character: line ends, dropped and expanding characters."""
    out: list[str] = []
    offsets: list[int] = []
    line_out: list[str] = []
    line_off: list[int] = []

    def flush_line() -> None:
        while line_out and line_out[-1] == " ":
            line_out.pop()
            line_off.pop()
        out.extend(line_out)
        offsets.extend(line_off)
        line_out.clear()
        line_off.clear()

    i, n = 0, len(raw)
    while i < n:
        ch = raw[i]
        if ch == "\r" or ch == "\n":
            flush_line()
            out.append("\n")
            offsets.append(i)
            i += 2 if ch == "\r" and i + 1 < n and raw[i + 1] == "\n" else 1
            continue
        for piece in normalise_char(ch):
            if piece == " " and (not line_out or line_out[-1] == " "):
                continue
            line_out.append(piece)
            line_off.append(i)
        i += 1
    flush_line()
    offsets.append(n)
    return "".join(out), tuple(offsets)
