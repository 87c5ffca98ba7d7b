"""near: words from every group close together: in one sentence, one clause, or within N characters.

    near: {groups: [[第一责任人, 主要负责人], [主持召开, 专题研究]], within: sentence, with_figure: true}

The first group is the anchor: guards apply to it, and evidence points at it.
"""

from __future__ import annotations

from checker.matchers.base import EVIDENCE_HITS, GUARDS, SCOPE, Matcher, Outcome
from checker.matchers.terms import (
    BOUNDARY,
    EXCEPT,
    UNLESS,
    WITH_FIGURE,
    Terms,
    compile_terms,
)
from checker.model import Span
from checker.packs.schema import Field


class Near(Matcher):
    name = "near"
    summary = "几组词语出现在同一句、同一分句或相距不超过N个字"
    fields = (
        Field("groups", "any", "two or more lists of words; one word of each list must be near the others",
              required=True, example="[[行政复议], [案件, 审结, 纠错]]"),
        Field("within", "any", "sentence (default), clause, or a number of characters", default="sentence",
              example="sentence"),
        Field("min_count", "int", "how many separate sentences must have the words together", default=1,
              minimum=1, example="2"),
        WITH_FIGURE, UNLESS, BOUNDARY, EXCEPT, SCOPE, GUARDS,
    )
    keep = Terms.keep

    def figure_window(self, ctx, hit: Span) -> Span:
        return self.window(ctx, hit)

    def __init__(self, params):
        super().__init__(params)
        self.groups = params["groups"]
        self.patterns = compile_terms(self.groups)

    @staticmethod
    def check(params, problem) -> None:
        within = params.get("within")
        if not (within in ("sentence", "clause") or (isinstance(within, int) and not isinstance(within, bool)
                                                     and within > 0)):
            problem(f'"within" must be sentence, clause or a number of characters, got "{within}"',
                    "write within: sentence")

    def window(self, ctx, hit: Span) -> Span:
        within = self.params["within"]
        if within == "sentence":
            return ctx.sentence_of(hit.start)
        if within == "clause":
            return ctx.clause_of(hit.start)
        return Span(max(0, hit.start - within), min(len(ctx.text), hit.end + within))

    def evaluate(self, ctx) -> Outcome:
        spans = ctx.scope(self.scope)
        word = self.params["boundary"] == "word"
        exceptions = self.params["except"]
        anchors = self.guarded(ctx, ctx.find(self.patterns[0], spans, word, exceptions))
        enough = max(self.params["min_count"], EVIDENCE_HITS)
        found: dict[int, Span] = {}
        for hit in self.keep(ctx, anchors):
            if len(found) >= enough:
                break
            window = self.window(ctx, hit)
            key = ctx.sentence_of(hit.start).start
            if key in found:
                continue
            if all(any(not hit.contains(other) for other in ctx.find(p, (window,), word, exceptions))
                   for p in self.patterns[1:]):
                found[key] = hit
        hits = tuple(found.values())
        return Outcome(len(hits) >= self.params["min_count"], hits)

    def describe(self) -> str:
        within = {"sentence": "同一句", "clause": "同一分句"}.get(self.params["within"],
                                                              f"相距{self.params['within']}字以内")
        groups = " + ".join("/".join(w for g in group for w in g) for group in self.groups)
        extra = "，且有具体数字" if self.params["with_figure"] else ""
        count = f"，至少{self.params['min_count']}处" if self.params["min_count"] > 1 else ""
        return f"{self.describe_scope()}{within}内同时出现：{groups}{extra}{count}{self.describe_guards()}"
