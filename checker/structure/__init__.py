"""Step 3: a normalised text becomes a Document with sections, title, body, level, year and sign-off.

Never fails on odd input: a report with no title, no headings or a mangled heading is still a Document.
"""

from __future__ import annotations

import re

from checker.limits import MAX_HEADINGS, sentence_ends
from checker.model import Document, Metadata, RawText, Span
from checker.normalise import normalise
from checker.structure.genre import classify
from checker.structure.headings import (
    HeadingLine,
    build_tree,
    find_heading,
    is_theme_heading,
)
from checker.structure.metadata import (
    body_from_title,
    find_byline,
    find_notice_signoff,
    find_signoff,
    find_title,
    find_year,
    is_chrome,
    level_of,
    looks_like_organ,
    published_date,
    related_links_start,
)
from checker.unspace import unspace
from checker.unwrap import unwrap

REFLOWED = ("pdf", "ofd", "image")  # laid-out sources whose readers join wrapped lines by their positions (OCR too)
OPENING_CHARS = 400  # where the year reported on is looked for when the title names none
MARKDOWN_HEADING = re.compile(r"^#{1,6}[ \t]*", re.M)


def build_document(raw: RawText) -> Document:
    text, offsets = unspace(*normalise(raw.text))
    if raw.kind not in REFLOWED:  # text copied out of a PDF is wrapped wherever it was pasted: a .txt, Word, a page
        text, offsets = unwrap(text, offsets, raw.text)
    ends, long_sentence, cut = sentence_ends(text)
    limits = []
    if cut is not None:  # a hostile length: only the first MAX_SENTENCES sentences are read
        text, offsets = text[:cut], offsets[:cut + 1]
        limits.append(("sentences", cut))
    if long_sentence is not None:
        limits.append(("sentence", long_sentence))
    lines = _lines(text)
    chrome = [(s, line) for s, line in lines if line and is_chrome(line)]
    chrome_starts = {s for s, _ in chrome}
    related = related_links_start(lines)
    if related is not None:  # the related-links block is chrome; the sign-off is found above it
        chrome += [(s, line) for s, line in lines[related:] if line and not is_chrome(line)]
        lines = lines[:related] + [(s, "") for s, _ in lines[related:]]
    found = find_title(lines)
    title, title_span = found if found else (None, None)
    signoff, signoff_index = find_signoff(lines)
    content_start = title_span.end if title_span else 0
    content_end = _content_end(lines, signoff_index, text)
    if signoff is None:
        signoff = find_byline(lines, content_start) or find_notice_signoff(lines, content_start)
    headings = _headings(lines, content_start, content_end, title, raw.kind == "markdown", chrome_starts)
    if len(headings) > MAX_HEADINGS:
        limits.append(("headings", headings[MAX_HEADINGS].heading.start))
        headings = headings[:MAX_HEADINGS]
    body = (body_from_title(title) if title else None) or (signoff.body if signoff else None) or _source_body(chrome)
    opening = _opening(lines, content_start, chrome_starts)
    published = published_date([line for _, line in chrome])
    meta = Metadata(
        title=title,
        title_span=title_span,
        body=body,
        level=level_of(body, text),
        year=find_year(title, (opening, text[content_start:content_start + OPENING_CHARS]), published),
        signoff=signoff,
        published=published,
        genre=classify(title, _without_markdown_marks(text[content_start:], raw.kind), body),
    )
    return Document(
        source=raw.source, kind=raw.kind, encoding=raw.encoding, raw=raw.text, text=text, offsets=offsets,
        sections=build_tree(headings, content_end), meta=meta, content=Span(content_start, content_end),
        chrome=tuple(Span(s, s + len(line)) for s, line in chrome), page_starts=raw.page_starts,
        properties=raw.properties, sentence_ends=ends, limits=tuple(sorted(limits, key=lambda kv: kv[1])),
    )


def _without_markdown_marks(text: str, kind: str) -> str:
    """A Markdown text as its reader sees it, for telling its genre: ## 一、主要举措和成效 is the heading 一、……"""
    return MARKDOWN_HEADING.sub("", text) if kind == "markdown" else text


def _opening(lines: list[tuple[int, str]], content_start: int, chrome_starts: set[int]) -> str:
    """The content's first characters without the page's chrome (发布时间, 字号……), from the end of the title
    (a line the title runs on in is kept from there)."""
    kept, size = [], 0
    for start, line in lines:
        if start + len(line) <= content_start or not line or start in chrome_starts:
            continue
        line = line[max(0, content_start - start):]
        kept.append(line)
        size += len(line) + 1
        if size >= OPENING_CHARS:
            break
    return "\n".join(kept)[:OPENING_CHARS]


def _lines(text: str) -> list[tuple[int, str]]:
    out, start = [], 0
    for line in text.split("\n"):
        out.append((start, line))
        start += len(line) + 1
    return out


def _content_end(lines: list[tuple[int, str]], signoff_index: int, text: str) -> int:
    """Content stops at the sign-off, or at the trailing web chrome, or at the end."""
    end = signoff_index
    while end > 0 and (not lines[end - 1][1] or is_chrome(lines[end - 1][1])):
        end -= 1
    return lines[end][0] if end < len(lines) else len(text)


def _headings(lines: list[tuple[int, str]], start: int, end: int, title: str | None, markdown: bool,
              chrome: set[int]) -> list[HeadingLine]:
    """The heading lines, up to one more than MAX_HEADINGS (that one says where the cap applies); chrome holds
    the starts of the lines of page chrome."""
    body_lines = [(s, line) for s, line in lines if start <= s < end and line and s not in chrome]
    out: list[HeadingLine] = []
    for i, (s, line) in enumerate(body_lines):
        if len(out) > MAX_HEADINGS:
            break
        if line == title:
            continue
        heading = find_heading(line, s, markdown)
        if heading is None and i + 1 < len(body_lines) and is_theme_heading(line, body_lines[i + 1][1]):
            heading = HeadingLine("", line, 1, Span(s, s + len(line)), s + len(line), False)
        if heading:
            out.append(heading)
    return out


def _source_body(chrome: list[tuple[int, str]]) -> str | None:
    """The body a page's 来源 or 发布机构 field names: the field's value up to the next field on its line
    (来源:某县司法局 浏览次数:126), when it names a body (本站, a news site or an editor's name is none)."""
    for _, line in chrome:
        if line.startswith(("来源", "信息来源", "发布机构", "发文机关")):
            name = _field_value(line.split(":", 1)[-1])
            if name:
                return name
    for _, line in chrome:
        marker = line.find("信息来源:")
        if marker >= 0:
            name = _field_value(line[marker + 5:])
            if name:
                return name
    return None


def _field_value(rest: str) -> str | None:
    words = rest.replace("|", " ").split()  # a field in a page's table: | 某街道 |
    return words[0] if words and looks_like_organ(words[0]) else None


__all__ = ["build_document", "normalise"]
