"""Step 4: each element of a pack judged on a document: pass, partial (its weak_if holds), fail, or skip.

Pure: takes values, returns values, never prints.
"""

from __future__ import annotations

from checker.evaluate.context import DocContext
from checker.evaluate.surround import surrounding
from checker.matchers.base import EVIDENCE_HITS
from checker.model import Document, ElementResult, Evidence, Span
from checker.packs.model import Element, Pack

EVIDENCE_CHARS = 90
MAX_EVIDENCE = EVIDENCE_HITS


def evaluate(doc: Document, pack: Pack) -> tuple[ElementResult, ...]:
    ctx = DocContext(doc, pack)
    return tuple(judge(ctx, element) for element in pack.elements)


def judge(ctx: DocContext, element: Element) -> ElementResult:
    meta = ctx.doc.meta
    if not element.applies(meta.level, meta.year):
        return _result(ctx, element, "skip", ())
    outcome = element.match.evaluate(ctx)
    if outcome.ok:
        return _result(ctx, element, "pass", outcome.hits)
    if element.weak_if is not None:
        weak = element.weak_if.evaluate(ctx)
        if weak.ok:
            return _result(ctx, element, "partial", weak.hits or outcome.hits)
    return _result(ctx, element, "fail", outcome.hits)


def _result(ctx: DocContext, element: Element, status: str, hits: tuple[Span, ...]) -> ElementResult:
    return ElementResult(
        id=element.id, title=element.title, status=status, weight=element.weight, severity=element.severity,
        message=element.message, suggestion=element.suggestion, basis=element.basis,
        evidence=tuple(evidence(ctx, hit) for hit in _distinct(ctx, hits)[:MAX_EVIDENCE]),
    )


def _distinct(ctx: DocContext, hits: tuple[Span, ...]) -> list[Span]:
    """The first hit of each sentence: two hits in one sentence would quote it twice."""
    seen, out = set(), []
    for hit in sorted(hits, key=lambda h: h.start):
        sentence = ctx.sentence_of(hit.start).start
        if sentence not in seen:
            seen.add(sentence)
            out.append(hit)
    return out


def evidence(ctx: DocContext, hit: Span) -> Evidence:
    """The hit's line and column in the user's text, and its sentence as they wrote it (trimmed)."""
    line, column = ctx.doc.position(hit.start)
    sentence = ctx.sentence_of(hit.start)
    start = max(sentence.start, hit.start - EVIDENCE_CHARS // 3)
    end = min(sentence.end, start + EVIDENCE_CHARS)
    quoted = Span(start, end)
    text = ctx.doc.raw_slice(quoted).strip()
    if start > sentence.start:
        text = "…" + text
    if end < sentence.end:
        text += "…"
    before, after = surrounding(ctx.doc, quoted)
    return Evidence(line=line, column=column, text=" ".join(text.split()), page=ctx.doc.page(hit.start),
                    before=before, after=after)
