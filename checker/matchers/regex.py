"""regex: a regular expression, compiled once at load time; patterns that can backtrack catastrophically are
refused by the loader.

    regex: {pattern: '负责人出庭(?:应诉)?率', min_count: 1}
"""

from __future__ import annotations

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


class Regex(Matcher):
    name = "regex"
    summary = "正则表达式匹配"
    fields = (
        Field("pattern", "regex", "Python 正则表达式（正文中的全角标点已统一为半角）", required=True, example="'出庭应诉率'"),
        Field("min_count", "int", "至少几处计入的匹配", default=1, minimum=1, example="1"),
        Field("min_sentences", "int", "计入的匹配至少分布在几句中", default=1, minimum=1, example="2"),
        UNLESS, SCOPE, GUARDS,
    )

    def evaluate(self, ctx) -> Outcome:
        pattern = self.params["pattern"]
        hits = [Span(m.start(), m.end()) for span in ctx.scope(self.scope)
                for m in pattern.finditer(ctx.text, span.start, span.end) if m.end() > m.start()]
        hits = list(self.guarded(ctx, hits))
        sentences = {ctx.sentence_of(h.start).start for h in hits}
        ok = len(hits) >= self.params["min_count"] and len(sentences) >= self.params["min_sentences"]
        return Outcome(ok, tuple(hits[:EVIDENCE_HITS]))

    def trace(self, ctx, labels) -> Branch:
        mentions = []
        for m in self.params["pattern"].finditer(ctx.text):
            if m.end() > m.start():
                hit = Span(m.start(), m.end())
                mention = Mention(hit, [self.scope_check(ctx, hit, labels)])
                if mention.counted:
                    mention.checks += self.guard_checks(ctx, hit)
                mentions.append(mention)
        counted = [m for m in mentions if m.counted]
        sentences = {ctx.sentence_of(m.span.start).start for m in counted}
        note = (f"计入{len(counted)}处（{len(sentences)}句）；需要至少{self.params['min_count']}处、"
                f"{self.params['min_sentences']}句")
        return Branch(self.name, self.describe(labels), self.evaluate(ctx).ok, mentions, note=note)

    def describe(self, labels=None) -> str:
        count = f"至少{self.params['min_count']}处" if self.params["min_count"] > 1 else ""
        if self.params["min_sentences"] > 1:
            count += f"在至少{self.params['min_sentences']}句中"
        return f"{self.describe_scope(labels)}{count}匹配 /{self.params['pattern'].pattern}/{self.describe_guards()}"
