"""regex: a regular expression, compiled once at load time; patterns that can backtrack catastrophically are
refused by the loader.

    regex: {pattern: '负责人出庭(?:应诉)?率', min_count: 1}
"""

from __future__ import annotations

from checker.matchers.base import EVIDENCE_HITS, GUARDS, SCOPE, Matcher, Outcome
from checker.model import Span
from checker.packs.schema import Field


class Regex(Matcher):
    name = "regex"
    summary = "正则表达式匹配"
    fields = (
        Field("pattern", "regex", "a Python regular expression", required=True, example="'出庭应诉率'"),
        Field("min_count", "int", "how many counted matches", default=1, minimum=1, example="1"),
        Field("min_sentences", "int", "how many different sentences must match", default=1, minimum=1,
              example="2"),
        SCOPE, GUARDS,
    )

    def evaluate(self, ctx) -> Outcome:
        pattern = self.params["pattern"]
        hits = [Span(m.start(), m.end()) for span in ctx.scope(self.scope)
                for m in pattern.finditer(ctx.text, span.start, span.end) if m.end() > m.start()]
        hits = list(self.guarded(ctx, hits))
        sentences = {ctx.sentence_of(h.start).start for h in hits}
        ok = len(hits) >= self.params["min_count"] and len(sentences) >= self.params["min_sentences"]
        return Outcome(ok, tuple(hits[:EVIDENCE_HITS]))

    def describe(self) -> str:
        count = f"至少{self.params['min_count']}处" if self.params["min_count"] > 1 else ""
        if self.params["min_sentences"] > 1:
            count += f"在至少{self.params['min_sentences']}句中"
        return f"{self.describe_scope()}{count}匹配 /{self.params['pattern'].pattern}/{self.describe_guards()}"
