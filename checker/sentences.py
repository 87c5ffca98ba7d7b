"""Where sentences, clauses and paragraphs end: one definition for the PDF reader, the engine and the checks.

The text is normalised (full-width ！？；，： become !?;,:) before the engine and the checks see it; the marks are
listed in both widths so that the same definitions hold for raw text too (the PDF reader joins lines before
normalising).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from checker.model import Span

SENTENCE_MARKS = "。!?;！？；"
CLAUSE_MARKS = ",:，："
LIST_MARK = "、"
SENTENCE_END = re.compile(f"[{SENTENCE_MARKS}\n]")
CLAUSE_END = re.compile(f"[{SENTENCE_MARKS}{CLAUSE_MARKS}{LIST_MARK}\n]")
CLAUSE_END_NOT_LIST = re.compile(f"[{SENTENCE_MARKS}{CLAUSE_MARKS}\n]")  # an enumeration (A、B、C) stays one clause
LINE_ENDS_SENTENCE = re.compile(f"[{SENTENCE_MARKS}:：]$")  # a line after which a new paragraph may start
MAX_SENTENCE_CHARS = 1000  # a longer sentence is read in pieces of this length (checker.limits says why)


def sentences(text: str, start: int = 0, end: int | None = None) -> Iterator[Span]:
    """Sentence spans (without the closing mark) between start and end, stripped of spaces. A sentence longer than
    MAX_SENTENCE_CHARS comes in pieces of that length, as in the document's sentence ends (checker.limits), so that
    what a check does within one sentence is bounded whatever the input."""
    end = len(text) if end is None else end
    pos = start
    for m in SENTENCE_END.finditer(text, start, end):
        yield from _pieces(text, pos, m.start())
        pos = m.end()
    yield from _pieces(text, pos, end)


def _pieces(text: str, start: int, end: int) -> Iterator[Span]:
    while end - start > MAX_SENTENCE_CHARS:
        yield from _stripped(text, start, start + MAX_SENTENCE_CHARS)
        start += MAX_SENTENCE_CHARS
    yield from _stripped(text, start, end)


def paragraphs(text: str, start: int = 0, end: int | None = None) -> Iterator[Span]:
    """Line spans between start and end, stripped of spaces; empty lines give none."""
    end = len(text) if end is None else end
    pos = start
    while pos < end:
        nl = text.find("\n", pos, end)
        stop = end if nl == -1 else nl
        yield from _stripped(text, pos, stop)
        pos = stop + 1


def _stripped(text: str, start: int, end: int) -> Iterator[Span]:
    while start < end and text[start] in " \t":
        start += 1
    while end > start and text[end - 1] in " \t":
        end -= 1
    if end > start:
        yield Span(start, end)
