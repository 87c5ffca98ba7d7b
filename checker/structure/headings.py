"""Headings in the shapes real reports use, and the section tree built from them.

Rank orders the numbering styles (第一部分 > 一、 > (一) > 1. > (1) > ①); a document that starts at (一) still nests
correctly because the tree is built by rank, not by an assumed depth. Run-in headings ("(一)依法履职。一是……")
take the text up to the first full stop as their title; the rest of the line is body.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from checker.model import Section, Span

CN_NUM = "一二三四五六七八九十"
STYLES: tuple[tuple[int, re.Pattern[str]], ...] = (
    (0, re.compile(rf"第[{CN_NUM}百零]+(?:部分|章)[、.:\s]?")),
    (1, re.compile(rf"[{CN_NUM}]{{1,3}}[、.](?![{CN_NUM}])")),
    (2, re.compile(rf"\([{CN_NUM}]{{1,3}}\)[、.]?")),
    (3, re.compile(r"\d{1,2}(?:、|\.(?![\d.]))")),
    (4, re.compile(r"\(\d{1,2}\)[、.]?")),
    (5, re.compile(r"[\u2460-\u2473]")),
)
# A heading whose opening bracket and number were lost in extraction, e.g. ")实施八大工程" for "(三)实施八大工程".
MANGLED = re.compile(rf"[{CN_NUM}]{{0,3}}\)(?=[\u4e00-\u9fff])")
# The characters a numbered heading (STYLES or MANGLED) can start with, besides digits (\\d is str.isdecimal).
OPENERS = frozenset(f"第(){CN_NUM}" + "".join(chr(c) for c in range(0x2460, 0x2474)))
MARKDOWN = re.compile(r"(#{1,6})\s*")
TITLE_END = re.compile(r"[。!?;:]")
CLAUSE_END = re.compile(r"[,，]")
MAX_RUN_IN_TITLE = 60
THEME_MAX = 30


@dataclass(frozen=True, slots=True)
class HeadingLine:
    """A line read as a heading: its number, title, rank and where its body starts."""
    number: str
    title: str
    rank: int
    heading: Span
    body_start: int
    malformed: bool


def find_heading(line: str, start: int, markdown: bool) -> HeadingLine | None:
    """Recognise one (normalised) line as a heading, or return None."""
    offset = 0
    md = MARKDOWN.match(line) if markdown else None
    if md:
        offset = md.end()
    rest = line[offset:]
    if rest[:1] in OPENERS or rest[:1].isdecimal():  # most lines of text are settled by their first character
        for rank, pattern in STYLES:
            m = pattern.match(rest)
            if m and m.end() < len(rest):
                return _make(line, start, offset, m.end(), m.group().rstrip("、.: "), rank, False)
        m = MANGLED.match(rest)
        if m and m.end() < len(rest):
            return _make(line, start, offset, m.end(), m.group(), 2, True)
    if md:
        return _make(line, start, offset, 0, "", len(md.group(1)) - 1, False)
    return None


def _make(line: str, start: int, offset: int, marker_end: int, number: str, rank: int,
          malformed: bool) -> HeadingLine:
    rest = line[offset + marker_end:]
    stop = TITLE_END.search(rest)
    if stop is None or stop.start() > MAX_RUN_IN_TITLE:
        stop = CLAUSE_END.search(rest) if len(rest) > MAX_RUN_IN_TITLE else None
    if stop and stop.start() <= MAX_RUN_IN_TITLE:
        title_end = offset + marker_end + stop.start()
        body_start = title_end + 1
    else:
        title_end = body_start = len(line)
    title = line[offset + marker_end:title_end].strip()
    return HeadingLine(number, title, rank, Span(start, start + title_end), start + body_start, malformed)


def is_theme_heading(line: str, next_line: str) -> bool:
    """An unnumbered heading: a short line without sentence punctuation, followed by a longer paragraph."""
    return (
        4 <= len(line) <= THEME_MAX
        and not re.search(r"[。;:!?]|\d{4}年\d{1,2}月|\d{4}-\d", line)
        and len(next_line) > max(40, 2 * len(line))
    )


def build_tree(headings: list[HeadingLine], end: int) -> tuple[Section, ...]:
    """Nest headings by rank; each section's body runs to the next heading of the same or a higher rank."""

    def build(items: list[HeadingLine], stop: int) -> tuple[Section, ...]:
        out: list[Section] = []
        i = 0
        while i < len(items):
            head = items[i]
            j = i + 1
            while j < len(items) and items[j].rank > head.rank:
                j += 1
            section_end = items[j].heading.start if j < len(items) else stop
            children = build(items[i + 1:j], section_end)
            body = Span(min(head.body_start, section_end), section_end)
            out.append(Section(head.number, head.title, head.rank, head.heading, body, head.malformed, children))
            i = j
        return tuple(out)

    return build(headings, end)
