"""terms: words (with synonyms) present as real words, not substrings; any, all, or at least N of the groups.

    terms: {any: [行政复议, [复议申请, 复议案件]], guards: [title]}
    terms: {at_least: 2, of: [公众参与, 专家论证, 风险评估, 合法性审查, 集体讨论]}
"""

from __future__ import annotations

import re

from checker.matchers.base import GUARDS, SCOPE, Matcher, Outcome
from checker.model import Span
from checker.packs.schema import Field

BOUNDARY = Field("boundary", "choice", "word (jieba word boundaries, default) or char (plain substring)",
                 default="word", choices=("word", "char"))
EXCEPT = Field("except", "str_list", "longer phrases in which a hit does not count (市场监督管理局 for 监督)",
               default=(), example="[监督管理局, 协调解决]")
UNLESS = Field("unless", "str_list", "words that, in the same sentence, cancel a hit (普法 for training aimed at "
               "the public)", default=(), example="[普法, 村民]")
WITH_FIGURE = Field("with_figure", "bool", "a hit counts only if its sentence also has a figure (23件, 95%)",
                    default=False, example="true")
FIGURE_WITHIN = Field("figure_within", "choice", "where with_figure looks: sentence (default) or clause",
                      default="sentence", choices=("sentence", "clause"))


def compile_terms(groups: tuple[tuple[str, ...], ...]) -> list[re.Pattern[str]]:
    return [re.compile("|".join(re.escape(w) for w in sorted(g, key=len, reverse=True))) for g in groups]


class Terms(Matcher):
    name = "terms"
    summary = "词语（含同义词）作为完整词出现"
    fields = (
        Field("any", "terms", "groups of which at least one must be present", example="[行政复议, 复议案件]"),
        Field("all", "terms", "groups that must all be present", example="[公示, 全过程记录, 法制审核]"),
        Field("of", "terms", "groups counted by at_least", example="[公众参与, 专家论证, 风险评估]"),
        Field("at_least", "int", "how many of the `of` groups must be present", minimum=1, example="2"),
        Field("min_count", "int", "how many counted mentions in all", default=1, minimum=1, example="2"),
        Field("min_sentences", "int", "how many different sentences must have a counted mention", default=1,
              minimum=1, example="2"),
        WITH_FIGURE, FIGURE_WITHIN, UNLESS, BOUNDARY, EXCEPT, SCOPE, GUARDS,
    )

    def __init__(self, params):
        super().__init__(params)
        if params.get("all"):
            self.groups, self.need = params["all"], len(params["all"])
        elif params.get("of"):
            self.groups, self.need = params["of"], params.get("at_least") or 1
        else:
            self.groups, self.need = params.get("any") or (), 1
        self.patterns = compile_terms(self.groups)

    @staticmethod
    def check(params, problem) -> None:
        given = [k for k in ("any", "all", "of") if params.get(k)]
        if len(given) != 1:
            problem("terms needs exactly one of any, all, or at_least with of",
                    "write e.g. terms: {any: [行政复议]} or terms: {at_least: 2, of: [A, B, C]}")
        elif params.get("at_least") and not params.get("of"):
            problem("at_least goes with of", "write terms: {at_least: 2, of: [A, B, C]}")
        elif params.get("at_least") and params["at_least"] > len(params["of"]):
            problem(f"at_least {params['at_least']} is more than the {len(params['of'])} groups in of",
                    "lower at_least or add groups")

    def evaluate(self, ctx) -> Outcome:
        """The first counted hit of each group is its evidence; counting stops once min_count and min_sentences
        are reached, since more mentions change neither the verdict nor the evidence."""
        spans = ctx.scope(self.scope)
        min_count, min_sentences = self.params["min_count"], self.params["min_sentences"]
        found, total, sentences = [], 0, set()
        for pattern in self.patterns:
            hits = ctx.find(pattern, spans, self.params["boundary"] == "word", self.params["except"])
            for i, hit in enumerate(self.keep(ctx, self.guarded(ctx, hits))):
                if i == 0:
                    found.append(hit)
                total += 1
                sentences.add(ctx.sentence_of(hit.start).start)
                if total >= min_count and len(sentences) >= min_sentences:
                    break
        ok = len(found) >= self.need and total >= min_count and len(sentences) >= min_sentences
        return Outcome(ok, tuple(found))

    def keep(self, ctx, hits):
        """Drop hits whose sentence lacks a required figure or has a cancelling word (lazily)."""
        unless = self.params["unless"]
        for hit in hits:
            sentence = ctx.sentence_of(hit.start)
            if self.params["with_figure"] and not ctx.has_figure(self.figure_window(ctx, hit)):
                continue
            if unless and any(w in ctx.text[sentence.start:sentence.end] for w in unless):
                continue
            yield hit

    def figure_window(self, ctx, hit):
        if self.params.get("figure_within") == "clause":
            return Span(ctx.clause_start(hit.start), ctx.clause_end(hit.end))
        return ctx.sentence_of(hit.start)

    def describe(self) -> str:
        words = "、".join("/".join(g) for g in self.groups)
        how = "全部" if self.params.get("all") else (f"至少{self.need}项" if self.params.get("of") else "任一")
        extra = "，且同句有具体数字" if self.params["with_figure"] else ""
        count = f"，合计至少{self.params['min_count']}处" if self.params["min_count"] > 1 else ""
        if self.params["min_sentences"] > 1:
            count += f"，分布在至少{self.params['min_sentences']}句"
        if self.params["unless"]:
            count += "（同句出现" + "、".join(self.params["unless"]) + "的不计）"
        return f"{self.describe_scope()}出现{how}：{words}{extra}{count}{self.describe_guards()}"
