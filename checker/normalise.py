"""Step 2: one canonical spelling of the text for matching, with a map back to the original characters.

Full-width ASCII becomes half-width (（一） → (一), ， → ,), every kind of space becomes one ASCII space, runs of
spaces collapse, lines lose leading and trailing spaces, line ends become \\n, ⑴ becomes (1) and ⒈ becomes 1.
Markdown's bold marks (**一、主要举措和成效**, as drafts pasted from a chat assistant or converted by pandoc carry them)
go. The spaces that Word and PDF exports put around numbers in running text go ("共 12 件" → "共12件", "10 个" → "10个";
"某县人民政府 2025年3月5日" keeps its space: one space before a number alone is a separator). A page number alone
on its line (— 3 —, 第3页 共10页, Page 3 of 10: a PDF's, left in its text) goes; its line stays, empty.
Line breaks are kept one for one, so a normalised line number is the original line number.
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Iterator

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


# Characters that do not map one to one: line ends (\r\n is one \n), dropped ones (and bold's **), and ⑴ → (1),
# ⒈ → 1.
RESHAPED = re.compile("\r\n?|\\*\\*|[\u200b\u200c\u200d\u2060\ufeff\u2474-\u249b]")
ONE_TO_ONE = {**{chr(c): chr(c - 0xFEE0) for c in range(0xFF01, 0xFF5F)}, **dict.fromkeys(SPACES, " ")}
MAPPED_ONE_TO_ONE = re.compile("[" + "".join(map(re.escape, sorted(ONE_TO_ONE))) + "]")
SPACE_RUN = re.compile(" +")
HAN = "\u4e00-\u9fff"
# the space after a number in running text (one a Han character, 、 , ( or the line's start leads to), before a Han
# character; and the space before a number that such a space follows. Every match starts at a digit or that space:
# the lookahead says so first, and the engine passes the other positions quickly (three times quicker on a report).
NUMBER_SPACE = re.compile(rf"(?=[\d ])(?:(?:(?<=[{HAN},、(])|(?<=[{HAN}] )|^)\d+(?:\.\d+)?%?( )(?=[{HAN}])"
                          rf"|(?<=[{HAN}])( )(?=\d+(?:\.\d+)?%? [{HAN}]))", re.M)

# a page number left in text saved from a PDF or a Word export (— 3 —, - 12 -, 第3页 共10页, Page 3 of 10), alone on
# its line: the medium's, not the writer's, and it would cut a passage in two (a heading from its first line). A bare
# figure may be a table's cell and stays.
PAGE_NUMBER_LINE = re.compile(r"^(?:[-—–]+ ?\d{1,4} ?[-—–]+|第 ?\d{1,4} ?页(?: ?[,/]? ?共 ?\d{1,4} ?页)?"
                              r"|(?:page|Page|PAGE) ?\d+(?: of \d+)?)$", re.M)


def normalise(raw: str) -> tuple[str, array]:
    """Return (text, offsets) where offsets[i] is the index in `raw` that produced text[i].

    offsets has one extra entry, len(raw), so that a span's end maps too; it is an array of 4-byte integers.
    The work is done by str.translate, regex passes and array slices, never a Python step per character, so
    that time and memory stay linear and small on any input (normalise_each is the definition it is tested on).
    """
    text = _one_to_one(simplify(raw))  # traditional script read as simplified, one for one: indices stay
    base = None  # text[i] came from raw[i] until a character is reshaped
    if RESHAPED.search(text):
        text, base = _reshape(text)
    parts: list[str] = []
    offsets = index_array(len(raw))
    pos = 0
    for m in SPACE_RUN.finditer(text):
        start, end = m.span()
        parts.append(text[pos:start])
        offsets.extend(range(pos, start) if base is None else base[pos:start])
        if start > 0 and text[start - 1] != "\n" and end < len(text) and text[end] != "\n":
            parts.append(" ")  # an inner run of spaces becomes one; leading and trailing ones go
            offsets.append(start if base is None else base[start])
        pos = end
    parts.append(text[pos:])
    offsets.extend(range(pos, len(text)) if base is None else base[pos:])
    offsets.append(len(raw))
    return _drop_page_numbers(*_drop_number_spaces("".join(parts), offsets))


def _drop_number_spaces(text: str, offsets: array) -> tuple[str, array]:
    """The text without the spaces around numbers, and its offsets without their entries."""
    if not NUMBER_SPACE.search(text):
        return text, offsets
    spaces = (m.start(1) if m.group(1) else m.start(2) for m in NUMBER_SPACE.finditer(text))
    return without(text, offsets, ((space, space + 1) for space in spaces))


def _drop_page_numbers(text: str, offsets: array) -> tuple[str, array]:
    """The text without the page numbers standing alone on their lines (each line's break stays)."""
    if not PAGE_NUMBER_LINE.search(text):
        return text, offsets
    return without(text, offsets, (m.span() for m in PAGE_NUMBER_LINE.finditer(text)))


def without(text: str, offsets: array, cuts: Iterator[tuple[int, int]]) -> tuple[str, array]:
    """The text and its offsets without the pieces (start, end) cut, which come in order and do not overlap."""
    parts: list[str] = []
    kept = index_array(offsets[-1])
    pos = 0
    for start, end in cuts:
        parts.append(text[pos:start])
        kept.extend(offsets[pos:start])
        pos = end
    parts.append(text[pos:])
    kept.extend(offsets[pos:])
    return "".join(parts), kept


def _one_to_one(text: str) -> str:
    """Full-width ASCII to half-width and every kind of space to " ": one str.replace per character that occurs
    (about fifteen in a report), several times faster than str.translate, which looks up every character."""
    pos = 0
    while m := MAPPED_ONE_TO_ONE.search(text, pos):
        text = text.replace(m.group(), ONE_TO_ONE[m.group()])
        pos = m.start()
    return text


def _reshape(text: str) -> tuple[str, array]:
    """Line ends, dropped and expanding characters, with the index each output character came from."""
    parts: list[str] = []
    offsets = index_array(len(text))
    pos = 0
    for m in RESHAPED.finditer(text):
        start = m.start()
        parts.append(text[pos:start])
        offsets.extend(range(pos, start))
        piece = "\n" if m.group()[0] == "\r" else "" if m.group() == "**" else normalise_char(m.group())
        parts.append(piece)
        offsets.extend([start] * len(piece))
        pos = m.end()
    parts.append(text[pos:])
    offsets.extend(range(pos, len(text)))
    return "".join(parts), offsets


def index_array(size: int) -> array:
    """An empty array for indexes up to size: 4 bytes an entry, where a tuple of ints takes about 36."""
    return array("I" if size < 1 << 32 else "Q")


def normalise_each(raw: str) -> tuple[str, array]:
    """The definition, character by character: what normalise must return for every text."""
    out: list[str] = []
    offsets = index_array(len(raw))
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
        if normalise_char(ch) == "*" and i + 1 < n and normalise_char(raw[i + 1]) == "*":
            i += 2  # bold's ** goes
            continue
        for piece in normalise_char(ch):
            if piece == " " and (not line_out or line_out[-1] == " "):
                continue
            line_out.append(piece)
            line_off.append(i)
        i += 1
    flush_line()
    offsets.append(n)
    return _without_page_numbers(*_without_number_spaces("".join(out), offsets))


def _without_page_numbers(text: str, offsets: array) -> tuple[str, array]:
    """The definition: each line that is a page number and nothing else is emptied, one line at a time."""
    out: list[str] = []
    kept = index_array(offsets[-1])
    pos = 0
    for line in text.split("\n"):
        if not PAGE_NUMBER_LINE.fullmatch(line):
            out.append(line)
            kept.extend(offsets[pos:pos + len(line)])
        else:
            out.append("")
        kept.extend(offsets[pos + len(line):pos + len(line) + 1])  # the line's break, or the final len(raw)
        pos += len(line) + 1
    return "\n".join(out), kept


def _without_number_spaces(text: str, offsets: array) -> tuple[str, array]:
    """The definition of the spaces around numbers that go, one space at a time: the space between a number in
    running text (12, 1.5, 95%, led to by a Han character, 、 , ( , the line's start, or a Han character and a
    space) and a Han character after it; and the space between a Han character and a number that such a space
    follows."""
    def han(at: int) -> bool:
        return 0 <= at < len(text) and "\u4e00" <= text[at] <= "\u9fff"

    def digit(at: int) -> bool:
        return 0 <= at < len(text) and "0" <= text[at] <= "9"

    def number_before(space: int) -> int | None:  # where the number ending at text[space] starts
        at = space - 1 if space > 0 and text[space - 1] == "%" else space
        end = at
        while digit(at - 1):
            at -= 1
        if at < end and at >= 2 and text[at - 1] == "." and digit(at - 2):
            at -= 1
            while digit(at - 1):
                at -= 1
        return at if at < end and digit(at) and (at == 0 or text[at - 1] in "\n,、(" or han(at - 1) or
                                                  text[at - 1] == " " and han(at - 2)) else None

    def goes_after_number(space: int) -> bool:
        return text[space] == " " and han(space + 1) and number_before(space) is not None

    def goes_before_number(space: int) -> bool:
        if text[space] != " " or not han(space - 1) or not digit(space + 1):
            return False
        end = space + 1
        while digit(end):
            end += 1
        if text[end:end + 1] == "." and digit(end + 1):
            end += 1
            while digit(end):
                end += 1
        if text[end:end + 1] == "%":
            end += 1
        return text[end:end + 1] == " " and han(end + 1) and number_before(end) == space + 1

    out, kept = [], index_array(offsets[-1])
    for i, ch in enumerate(text):
        if ch == " " and (goes_after_number(i) or goes_before_number(i)):
            continue
        out.append(ch)
        kept.append(offsets[i])
    kept.append(offsets[-1])
    return "".join(out), kept
