"""figures: at least N concrete figures (a number with a unit of things done) in the scope.

    figures: {min: 3, strict: true, scope: achievements}

strict leaves out approximations (10余件) and bare counts (6个部门); dates, ordinals and time limits never count.
The units are the pack's (pack.yaml `figures:`).
"""

from __future__ import annotations

from itertools import islice

from checker.matchers.base import (
    EVIDENCE_HITS,
    GUARDS,
    SCOPE,
    UNLESS,
    Branch,
    Check,
    Matcher,
    Mention,
    Outcome,
)
from checker.packs.schema import Field


class Figures(Matcher):
    name = "figures"
    summary = "有具体数字（数字加单位，如23件、95%）"
    fields = (
        Field("min", "int", "至少几个数字", required=True, minimum=1, example="3"),
        Field("strict", "bool", "不计约数（10余件）和结构性的数（6个部门、覆盖44家执法部门；对这些单位做的事仍计入）",
              default=True, example="true"),
        UNLESS, SCOPE, GUARDS,
    )

    def evaluate(self, ctx) -> Outcome:
        figures = self.guarded(ctx, ctx.figures(ctx.scope(self.scope), self.params["strict"]))
        found = list(islice(figures, max(self.params["min"], EVIDENCE_HITS)))
        return Outcome(len(found) >= self.params["min"], tuple(found[:EVIDENCE_HITS]))

    def trace(self, ctx, labels) -> Branch:
        whole = ctx.document
        exact = set(ctx.figures(whole, True))
        mentions = []
        for hit in ctx.figures(whole, False):
            mention = Mention(hit, [self.scope_check(ctx, hit, labels)])
            if self.params["strict"]:
                mention.checks.append(Check("确切数字", hit in exact, "" if hit in exact else "约数或结构性的数"))
            if mention.counted:
                mention.checks += self.guard_checks(ctx, hit)
            mentions.append(mention)
        note = f"计入{sum(m.counted for m in mentions)}个；需要至少{self.params['min']}个"
        return Branch(self.name, self.describe(labels), self.evaluate(ctx).ok, mentions, note=note)

    def describe(self, labels=None) -> str:
        kind = "确切" if self.params["strict"] else ""
        return f"{self.describe_scope(labels)}至少有{self.params['min']}个{kind}数字{self.describe_guards()}"
