"""section: a heading matching one of the patterns exists and has a body of at least min_chars characters.

    section: {headings: ['原因'], min_chars: 60}
    section: {part: plan, min_chars: 80}        # the headings of a scope named in pack.yaml
"""

from __future__ import annotations

from checker.matchers.base import SCOPE, Matcher, Outcome
from checker.packs.schema import Field


class Section(Matcher):
    name = "section"
    summary = "有标题符合要求的部分，且标题下有内容"
    fields = (
        Field("headings", "regex_list", "patterns for the heading text (without its number)", default=(),
              example="['存在.{0,4}(问题|不足)', '短板']"),
        Field("part", "str", "use the heading patterns of this scope from pack.yaml instead", default=None,
              example="plan"),
        Field("min_chars", "int", "the least number of characters under the heading", default=1, minimum=0,
              example="60"),
        SCOPE,
    )

    @staticmethod
    def check(params, problem) -> None:
        if bool(params.get("headings")) == bool(params.get("part")):
            problem("section needs headings or part (one of them)",
                    "write section: {headings: ['原因']} or section: {part: plan}")

    def evaluate(self, ctx) -> Outcome:
        sections = ctx.sections_matching(self.headings(ctx), ctx.scope(self.scope))
        need = self.params["min_chars"]
        full = [s for s in sections if _chars(ctx.text[s.body.start:s.body.end]) >= need]
        return Outcome(bool(full), tuple(s.heading for s in (full or sections)[:2]))

    def headings(self, ctx):
        part = self.params["part"]
        return ctx.pack.scopes[part].headings if part else self.params["headings"]

    def describe(self) -> str:
        heads = f"“{self.params['part']}”类" if self.params["part"] else "、".join(
            p.pattern for p in self.params["headings"])
        return f"{self.describe_scope()}有标题含 {heads} 的部分，其下至少{self.params['min_chars']}字"


def _chars(text: str) -> int:
    return sum(1 for ch in text if not ch.isspace())
