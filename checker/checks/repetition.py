"""The same paragraph or sentence twice in one report (a paste done twice, a section copied into another)."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator

from checker.checks.base import Context, Covering
from checker.model import Finding, Span
from checker.sentences import paragraphs

NOISE = re.compile(r"[\s,，。.;；:：、!！?？“”\"'‘’()（）《》【】\-—]")


def key(text: str) -> str:
    return NOISE.sub("", text)


def run(ctx: Context) -> Iterator[Finding]:
    min_sentence = int(ctx.options.get("min_sentence_chars", 20))
    min_paragraph = int(ctx.options.get("min_paragraph_chars", 40))
    headings = sorted((s.heading for s in ctx.doc.headings()), key=lambda h: h.start)
    heading_starts = [h.start for h in headings]
    seen: dict[str, Span] = {}
    reported: list[Span] = []
    for content in ctx.content:
        for para in paragraphs(ctx.text, content.start, content.end):
            if len(para) < min_paragraph:  # its key is no longer than it
                continue
            k = key(ctx.text[para.start:para.end])
            if len(k) < min_paragraph:
                continue
            if k in seen:
                line, _ = ctx.doc.position(seen[k].start)
                reported.append(para)
                yield ctx.finding(para.start, para.end, f"这一段与第{line}行的段落完全相同")
            else:
                seen[k] = para
    seen = {}
    duplicated = Covering(reported)  # a sentence inside a paragraph reported already is not reported again
    for content in ctx.content:
        for sentence in ctx.sentences(content):
            if len(sentence) < min_sentence:
                continue
            near = _overlapping(headings, heading_starts, sentence)
            if near and _is_heading_only(sentence, near):
                continue
            k = key(ctx.text[sentence.start:sentence.end])
            if len(k) < min_sentence:
                continue
            if k in seen and not duplicated.contains(sentence):
                line, _ = ctx.doc.position(seen[k].start)
                yield ctx.finding(sentence.start, sentence.end, f"这句话与第{line}行的句子重复")
            seen.setdefault(k, sentence)


def _overlapping(headings: list[Span], starts: list[int], span: Span) -> list[Span]:
    """The headings (sorted, disjoint) that overlap span."""
    out = []
    i = bisect_left(starts, span.end) - 1
    while i >= 0 and headings[i].end > span.start:
        out.append(headings[i])
        i -= 1
    return out


def _is_heading_only(sentence: Span, headings: list[Span]) -> bool:
    return any(h.contains(sentence) or sentence.contains(h) and len(sentence) - len(h) < 4 for h in headings)
