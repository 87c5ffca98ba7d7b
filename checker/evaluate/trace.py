"""Why an element got its status on one document: every matcher branch with its verdict, every candidate mention
with its line, the scope it lies in and each test (scope, word boundary, each guard, unless, figure, partner
words) that accepted or refused it. The verdicts are the engine's own; the trace only shows how they came about."""

from __future__ import annotations

from dataclasses import dataclass

from checker.evaluate.context import DocContext
from checker.evaluate.engine import judge
from checker.matchers.base import Branch, Mention
from checker.model import Document
from checker.packs.model import Element, Pack


@dataclass
class ElementTrace:
    element: Element
    status: str
    match: Branch
    weak_if: Branch | None
    applies: bool


def trace_element(doc: Document, pack: Pack, element: Element) -> ElementTrace:
    ctx = DocContext(doc, pack)
    labels = pack.scope_labels
    status = judge(ctx, element).status
    weak = element.weak_if.trace(ctx, labels) if element.weak_if is not None else None
    return ElementTrace(element, status, element.match.trace(ctx, labels), weak,
                        element.applies(doc.meta.level, doc.meta.year))


def mention_dict(doc: Document, mention: Mention) -> dict:
    line, column = doc.position(mention.span.start)
    return {"line": line, "column": column, "text": doc.text[mention.span.start:mention.span.end],
            "counted": mention.counted, "checks": [{"name": c.name, "ok": c.ok, "why": c.why} for c in mention.checks]}


def branch_dict(doc: Document, branch: Branch) -> dict:
    return {"matcher": branch.matcher, "description": branch.description, "ok": branch.ok, "note": branch.note,
            "whole_document": branch.whole_document, "mentions": [mention_dict(doc, m) for m in branch.mentions],
            "children": [branch_dict(doc, c) for c in branch.children]}
