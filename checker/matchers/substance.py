"""substance: sentences of concrete content, enough of them and not drowned in formulas.

    substance: {concrete: '(?:印发|出台)[^。;]{0,15}《', formula: '(?:进一步|不断)(?:加强|完善)', min_sentences: 2,
                formulas_per_concrete: 3, scope: achievements}

A reviewer calls a part 写实 when it names things done (a document issued, a meeting held, cases handled) and 套话
when it is made of formulas (进一步加强、不断完善): one concrete line among twenty formulas is still 套话. A sentence
counts as concrete when `concrete` matches in it where no guard refuses the match (a formula beside a named fact
does not undo the fact), and as a formula when only `formula` does. The part passes with at least min_sentences
concrete sentences and no more than formulas_per_concrete formula sentences for each of them.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from checker.evaluate.firstchars import with_first_chars
from checker.matchers.base import (
    EVIDENCE_HITS,
    GUARDS,
    SCOPE,
    UNLESS,
    Branch,
    Matcher,
    Mention,
    Outcome,
)
from checker.model import Span
from checker.packs.schema import Field


class Substance(Matcher):
    name = "substance"
    summary = "写实的句子足够多，且不被套话淹没"
    fields = (
        Field("concrete", "regex", "一句具体内容的写法（正则；正文中的全角标点已统一为半角）", required=True,
              example="'(?:印发|出台)[^。;]{0,15}《'"),
        Field("formula", "regex", "一句套话的写法（正则）", required=True, example="'(?:进一步|不断)(?:加强|完善)'"),
        Field("min_sentences", "int", "至少几句具体内容", default=2, minimum=1, example="2"),
        Field("formulas_per_concrete", "number", "每句具体内容至多容许几句套话", default=3, minimum=0, example="3"),
        UNLESS, SCOPE, GUARDS,
    )

    def __init__(self, params):
        super().__init__(params)
        # tried on every sentence of the part: with their first characters in front (the same matches, found fast)
        self.concrete, self.formula = with_first_chars(params["concrete"]), with_first_chars(params["formula"])

    def evaluate(self, ctx) -> Outcome:
        concrete, formulas = self._count(ctx, settle=True)
        ok = len(concrete) >= self.params["min_sentences"] and \
            formulas <= self.params["formulas_per_concrete"] * len(concrete)
        return Outcome(ok, tuple(concrete[:EVIDENCE_HITS]))

    def _count(self, ctx, settle: bool = False) -> tuple[list[Span], int]:
        """The concrete hits (one per sentence) and the number of formula sentences in the scope. With settle, it
        stops once the part passes whatever the sentences still to come are and the evidence is complete: in a long
        report most of the part is then never read. A sentence to come can add a formula only where the formula's
        words occur in it; once the evidence is complete, those sentences are what is left to fear."""
        concrete: list[Span] = []
        formulas = 0
        spans = ctx.scope(self.scope)
        need = max(self.params["min_sentences"], EVIDENCE_HITS)
        per = self.params["formulas_per_concrete"]
        left = _most_sentences(ctx, spans) if settle else 0  # a trace counts every sentence
        sentences = iter(ctx.sentences(spans))
        for sentence in sentences:
            formulas += self._tally(ctx, sentence, concrete)
            if settle:
                left -= 1
                if len(concrete) >= need:
                    if formulas + left <= per * len(concrete):
                        return concrete, formulas
                    break
        else:
            return concrete, formulas
        rest = list(sentences)
        could = [self.formula.search(ctx.text, s.start, s.end) is not None for s in rest]
        possible = sum(could)  # formula sentences still possible, an upper bound that falls as the part is read
        for sentence, maybe in zip(rest, could):
            if formulas + possible <= per * len(concrete):
                break
            formulas += self._tally(ctx, sentence, concrete)
            possible -= maybe
        return concrete, formulas

    def _tally(self, ctx, sentence: Span, concrete: list[Span]) -> int:
        """1 for a formula sentence; a concrete one adds its hit to concrete instead."""
        hit = self._concrete(ctx, sentence)
        if hit is not None:
            concrete.append(hit)
            return 0
        return int(self._formula(ctx, sentence))

    def _concrete(self, ctx, sentence: Span) -> Span | None:
        for m in self.concrete.finditer(ctx.text, sentence.start, sentence.end):
            if m.end() > m.start():
                for hit in self.guarded(ctx, (Span(m.start(), m.end()),)):
                    return hit
        return None

    def _formula(self, ctx, sentence: Span) -> bool:
        hits = (Span(m.start(), m.end()) for m in self.formula.finditer(ctx.text, sentence.start, sentence.end))
        return next(self.guarded(ctx, hits), None) is not None

    def trace(self, ctx, labels) -> Branch:
        mentions = []
        for sentence in ctx.sentences(ctx.scope(self.scope)):
            m = self.params["concrete"].search(ctx.text, sentence.start, sentence.end)
            if m is None or m.end() == m.start():
                continue
            hit = Span(m.start(), m.end())
            mention = Mention(hit, [self.scope_check(ctx, hit, labels)])
            mention.checks += self.guard_checks(ctx, hit)
            mentions.append(mention)
        concrete, formulas = self._count(ctx)
        note = (f"具体内容{len(concrete)}句、套话{formulas}句；需要至少{self.params['min_sentences']}句具体内容，"
                f"套话不超过其{self.params['formulas_per_concrete']:g}倍")
        return Branch(self.name, self.describe(labels), self.evaluate(ctx).ok, mentions, note=note)

    def describe(self, labels=None) -> str:
        return (f"{self.describe_scope(labels)}至少{self.params['min_sentences']}句具体内容"
                f"（/{self.params['concrete'].pattern}/），且套话句（/{self.params['formula'].pattern}/）不超过具体内容"
                f"句的{self.params['formulas_per_concrete']:g}倍{self.describe_guards()}")


def _most_sentences(ctx, spans: tuple[Span, ...]) -> int:
    """At least as many as ctx.sentences yields: in each span, one sentence, and one more at each sentence end
    inside it (where the next one starts)."""
    ends = ctx.doc.sentence_ends
    return sum(bisect_left(ends, span.end) - bisect_right(ends, span.start) + 1 for span in spans)
