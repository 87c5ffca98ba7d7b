"""The items of a problems or plan section: what a report lists one by one, each with a short title.

An item is a sub-heading with its text ((二)提升行政执法质量。落实……), or, where a section lists without
sub-headings, an enumerated piece (一是……；二是……, 1. …, (1) …, ① …) or a paragraph. Lead-ins (但仍存在一些不足：)
and causes (主要原因是……, a 原因 sub-heading) are not items.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from checker.checks.base import Covering
from checker.model import Document, Section, Span
from checker.sentences import paragraphs

ENUMERATOR = re.compile(r"(?:^|(?<=[。;；!?！？:：]))\s*(?:[一二三四五六七八九十]是|其[一二三四五六七八九十][,，、]|第[一二三四五六七八九十][,，、]|"
                        r"\(\d{1,2}\)|\d{1,2}[.、](?!\d)|[①②③④⑤⑥⑦⑧⑨⑩])", re.M)
CAUSE = re.compile(r"^\s*(?:主要|究其|产生|存在(?:这些|上述)问题的)?原因")
LEAD_IN = re.compile(r"[:：]$|(?:存在|还有|仍有|面临)[^。]{0,16}(?:问题|不足|差距|短板|困难)[^。]{0,6}$|主要表现在")
TITLE_END = re.compile(r"[。;；!?！？]")
NUMBER = re.compile(r"^\s*(?:[（(][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}[、.．]|\d{1,2}[.、．]|[①-⑩])\s*")
TITLE_CHARS = 28
MIN_ITEM_CHARS = 6


@dataclass(frozen=True)
class Item:
    """One item of a part (a numbered point or an enumerated piece), as the checks compare items."""
    span: Span
    title: str   # 提升行政执法质量, or the first sentence of an enumerated piece, as the report spells it
    text: str    # the whole item, title included, normalised (for matching)


def items(doc: Document, spans: tuple[Span, ...]) -> list[Item]:
    """The items inside `spans` (a scope), in order. The scope's top heading (二、存在的不足) holds items; a
    sub-heading is one, unless its text enumerates several."""
    out: list[Item] = []
    scope = Covering(spans)
    inner = [s for s in doc.headings() if scope.holds(s.heading.start)]
    top = min((s.rank for s in inner), default=0)
    for section in inner:
        if section.children:
            continue
        is_container = section.rank == top
        if CAUSE.search(section.title) and not is_container:
            continue
        pieces = _pieces(doc, section.body)
        if is_container or len(pieces) > 1:
            out += pieces
        elif len(doc.text[section.body.start:section.body.end].strip()) + len(section.title) >= MIN_ITEM_CHARS:
            span = Span(section.heading.start, section.body.end)
            title = NUMBER.sub("", doc.raw_slice(section.heading), count=1)
            out.append(Item(span, _short(title), _text(doc.text, section, span)))
    return out


def _text(text: str, section: Section, span: Span) -> str:
    return f"{section.title}。{text[section.body.start:span.end].strip()}"


def _pieces(doc: Document, body: Span) -> list[Item]:
    """Enumerated pieces of the paragraphs in body, or the paragraphs themselves."""
    text = doc.text
    out: list[Item] = []
    for paragraph in paragraphs(text, body.start, body.end):
        starts = [m.end() for m in ENUMERATOR.finditer(text, paragraph.start, paragraph.end)]
        cuts = [m.start() for m in ENUMERATOR.finditer(text, paragraph.start, paragraph.end)]
        if not starts:
            starts, cuts = [paragraph.start], [paragraph.start]
        elif cuts[0] > paragraph.start:
            _add(out, doc, Span(paragraph.start, cuts[0]))  # a lead-in before 一是, usually dropped below
        for i, start in enumerate(starts):
            _add(out, doc, Span(start, cuts[i + 1] if i + 1 < len(cuts) else paragraph.end))
    return out


def _add(out: list[Item], doc: Document, span: Span) -> None:
    piece = doc.text[span.start:span.end].strip()
    if len(piece) < MIN_ITEM_CHARS or CAUSE.search(piece) or LEAD_IN.search(piece):
        return
    first = TITLE_END.split(doc.raw_slice(span).strip(), maxsplit=1)[0]
    out.append(Item(span, _short(first), piece))


def _short(title: str) -> str:
    """A title short enough for one line of a table: cut at the first comma when long, else clipped."""
    title = title.strip(" 。;；")
    if len(title) <= TITLE_CHARS:
        return title
    head = re.split(r"[,，]", title, maxsplit=1)[0]
    return head if 6 <= len(head) <= TITLE_CHARS else title[:TITLE_CHARS - 1] + "…"
