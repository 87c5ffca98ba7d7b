"""figures: at least N concrete figures (a number with a unit of things done) in the scope.

    figures: {min: 3, strict: true, scope: achievements}

strict leaves out approximations (10余件) and bare counts (6个部门); dates, ordinals and time limits never count.
"""

from __future__ import annotations

from itertools import islice

from checker.matchers.base import EVIDENCE_HITS, GUARDS, SCOPE, Matcher, Outcome
from checker.packs.schema import Field


class Figures(Matcher):
    name = "figures"
    summary = "有具体数字（数字加单位，如23件、95%）"
    fields = (
        Field("min", "int", "how many figures", required=True, minimum=1, example="3"),
        Field("strict", "bool", "leave out approximate figures and bare counts", default=True, example="true"),
        SCOPE, GUARDS,
    )

    def evaluate(self, ctx) -> Outcome:
        figures = self.guarded(ctx, ctx.figures(ctx.scope(self.scope), self.params["strict"]))
        found = list(islice(figures, max(self.params["min"], EVIDENCE_HITS)))
        return Outcome(len(found) >= self.params["min"], tuple(found[:EVIDENCE_HITS]))

    def describe(self) -> str:
        kind = "确切" if self.params["strict"] else ""
        return f"{self.describe_scope()}至少有{self.params['min']}个{kind}数字{self.describe_guards()}"
