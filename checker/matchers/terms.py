"""terms: words (with synonyms) present as real words, not substrings; any, all, or at least N of the groups.

    terms: {any: [行政复议, [复议申请, 复议案件]], guards: [title]}
    terms: {at_least: 2, of: [公众参与, 专家论证, 风险评估, 合法性审查, 集体讨论]}
    terms: {any: [$leaders, 一把手]}             # $leaders: the words of the pack's list `leaders`
"""

from __future__ import annotations

import re

from checker.matchers.base import (
    GUARDS,
    SCOPE,
    UNLESS,
    Branch,
    Check,
    Matcher,
    Mention,
    Outcome,
)
from checker.model import Span
from checker.packs.schema import Field

BOUNDARY = Field("boundary", "choice", "word（按 jieba 分词的词边界，默认）或 char（普通子串）",
                 default="word", choices=("word", "char"))
EXCEPT = Field("except", "words", "较长的短语，提及落在其中时不计（如“监督”之于“市场监督管理局”）",
               default=(), example="[监督管理局, 协调解决]")
WITH_FIGURE = Field("with_figure", "bool", "提及所在的句子（或 figure_within 指定的分句）还须有具体数字（23件、95%）",
                    default=False, example="true")
FIGURE_WITHIN = Field("figure_within", "choice", "with_figure 看哪里：sentence（默认）或 clause",
                      default="sentence", choices=("sentence", "clause"))


def compile_terms(groups: tuple[tuple[str, ...], ...]) -> list[re.Pattern[str]]:
    return [re.compile("|".join(re.escape(w) for w in sorted(g, key=len, reverse=True))) for g in groups]


class Terms(Matcher):
    name = "terms"
    summary = "词语（含同义词）作为完整词出现"
    fields = (
        Field("any", "terms", "至少出现其中一组", example="[行政复议, 复议案件]"),
        Field("all", "terms", "每一组都要出现", example="[公示, 全过程记录, 法制审核]"),
        Field("of", "terms", "与 at_least 一起：从这些组中数", example="[公众参与, 专家论证, 风险评估]"),
        Field("at_least", "int", "of 中至少要出现几组", minimum=1, example="2"),
        Field("min_count", "int", "合计至少几处计入的提及", default=1, minimum=1, example="2"),
        Field("min_sentences", "int", "计入的提及至少分布在几句中", default=1, minimum=1, example="2"),
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
            problem("terms 须有 any、all 或 at_least 加 of 三者之一",
                    "例如 terms: {any: [行政复议]} 或 terms: {at_least: 2, of: [A, B, C]}")
        elif params.get("at_least") and not params.get("of"):
            problem("at_least 要与 of 一起用", "应写 terms: {at_least: 2, of: [A, B, C]}")
        elif params.get("at_least") and params["at_least"] > len(params["of"]):
            problem(f"at_least {params['at_least']} 多于 of 中的 {len(params['of'])} 组", "减小 at_least 或增加组")

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
        """Drop hits whose sentence (or window) lacks a required figure (lazily)."""
        if not self.params["with_figure"]:
            yield from hits
            return
        for hit in hits:
            if ctx.has_figure(self.figure_window(ctx, hit)):
                yield hit

    def figure_window(self, ctx, hit):
        if self.params.get("figure_within") == "clause":
            return Span(ctx.clause_start(hit.start), ctx.clause_end(hit.end))
        return ctx.sentence_of(hit.start)

    def trace(self, ctx, labels) -> Branch:
        mentions, counted = [], [0] * len(self.patterns)
        for i, pattern in enumerate(self.patterns):
            for mention in self.mentions(ctx, pattern, labels):
                if mention.counted:
                    counted[i] += 1
                mentions.append(mention)
        mentions.sort(key=lambda m: m.span.start)
        sentences = {ctx.sentence_of(m.span.start).start for m in mentions if m.counted}
        groups = sum(1 for n in counted if n)
        note = f"计入{sum(counted)}处（{groups}组，{len(sentences)}句）；需要{self._needs()}"
        return Branch(self.name, self.describe(labels), self.evaluate(ctx).ok, mentions, note=note)

    def mentions(self, ctx, pattern, labels):
        """Every occurrence of the pattern in the text, each with the tests it met, for a trace."""
        for m in pattern.finditer(ctx.text):
            hit = Span(m.start(), m.end())
            mention = Mention(hit, self.find_checks(ctx, hit, labels))
            if mention.counted:
                mention.checks += self.guard_checks(ctx, hit) + self.figure_checks(ctx, hit)
            yield mention

    def find_checks(self, ctx, hit, labels) -> list[Check]:
        """Scope, word boundary and `except`: what decides whether an occurrence is a mention at all."""
        checks = [self.scope_check(ctx, hit, labels)]
        phrase = ctx.exception_at(hit.start, hit.end, self.params["except"]) if self.params["except"] else None
        checks.append(Check("排除短语", phrase is None, f"在“{phrase}”中" if phrase else ""))
        if self.params["boundary"] == "word" and phrase is None:
            word = ctx.is_word(hit)
            checks.append(Check("完整词", word, "" if word else f"是“{ctx.around(hit)}”中一个词的一部分"))
        return checks

    def figure_checks(self, ctx, hit) -> list[Check]:
        if not self.params["with_figure"]:
            return []
        window = self.figure_window(ctx, hit)
        figures = ctx.figures((window,), strict=False)
        where = "同分句" if self.params.get("figure_within") == "clause" else "同句"
        return [Check("数字", bool(figures), f"{where}有“{ctx.text[figures[0].start:figures[0].end]}”" if figures
                      else f"{where}没有具体数字")]

    def _needs(self) -> str:
        how = "全部各组" if self.params.get("all") else (f"至少{self.need}组" if self.params.get("of") else "任一组")
        count = f"，合计至少{self.params['min_count']}处" if self.params["min_count"] > 1 else ""
        if self.params["min_sentences"] > 1:
            count += f"，分布在至少{self.params['min_sentences']}句"
        return how + count

    def describe(self, labels=None) -> str:
        words = "、".join("/".join(g) for g in self.groups)
        how = "全部" if self.params.get("all") else (f"至少{self.need}项" if self.params.get("of") else "任一")
        extra = "，且同句有具体数字" if self.params["with_figure"] else ""
        count = f"，合计至少{self.params['min_count']}处" if self.params["min_count"] > 1 else ""
        if self.params["min_sentences"] > 1:
            count += f"，分布在至少{self.params['min_sentences']}句"
        return f"{self.describe_scope(labels)}出现{how}：{words}{extra}{count}{self.describe_guards()}"
