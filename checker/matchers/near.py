"""near: words from every group close together: in one sentence, one clause, or within N characters.

    near: {groups: [[第一责任人, 主要负责人], [主持召开, 专题研究]], within: sentence, with_figure: true}
    near: {groups: [$leaders, [主持召开, 专题研究]]}     # a group may be a named list of the pack

The first group is the anchor: guards apply to it, and evidence points at it.
"""

from __future__ import annotations

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
from checker.matchers.terms import BOUNDARY, EXCEPT, WITH_FIGURE, Terms, compile_terms
from checker.model import Span
from checker.packs.schema import Field

WITHIN_WORDS = {"sentence": "同一句", "clause": "同一分句"}


class Near(Matcher):
    name = "near"
    summary = "几组词语出现在同一句、同一分句或相距不超过N个字"
    fields = (
        Field("groups", "any", "两组或更多组词语（每组是词语列表或 $列表名）；每组须有一个词在窗口内",
              required=True, example="[[行政复议], [案件, 审结, 纠错]]"),
        Field("within", "any", "窗口：sentence（默认）、clause 或字数", default="sentence", example="sentence"),
        Field("min_count", "int", "至少几句中各组词语同时出现", default=1, minimum=1, example="2"),
        WITH_FIGURE, UNLESS, BOUNDARY, EXCEPT, SCOPE, GUARDS,
    )
    keep = Terms.keep
    find_checks = Terms.find_checks
    figure_checks = Terms.figure_checks

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
            problem(f'"within" 应为 sentence、clause 或字数，实际为 "{within}"', "例如 within: sentence")

    def window(self, ctx, hit: Span) -> Span:
        within = self.params["within"]
        if within == "sentence":
            return ctx.sentence_of(hit.start)
        if within == "clause":
            return ctx.clause_of(hit.start)
        return Span(max(0, hit.start - within), min(len(ctx.text), hit.end + within))

    def partner(self, ctx, hit: Span, window: Span, pattern) -> Span | None:
        """The first word of a group after the anchor in the anchor's window (not inside the anchor), or None."""
        found = ctx.find(pattern, (window,), self.params["boundary"] == "word", self.params["except"])
        return next((other for other in found if not hit.contains(other)), None)

    def evaluate(self, ctx) -> Outcome:
        """The first anchor of each sentence that has every partner and passes the word boundary, the guards and
        the figure test. The tests are asked cheapest first (partners are a search in one window; the word
        boundary segments the run, the guards read around it); as they only filter, the order changes nothing."""
        spans = ctx.scope(self.scope)
        word = self.params["boundary"] == "word"
        enough = max(self.params["min_count"], EVIDENCE_HITS)
        found: dict[int, Span] = {}
        for hit in ctx.find(self.patterns[0], spans, False, self.params["except"]):
            if len(found) >= enough:
                break
            key = ctx.sentence_of(hit.start).start
            if key in found:
                continue
            window = self.window(ctx, hit)
            if not all(self.partner(ctx, hit, window, p) is not None for p in self.patterns[1:]):
                continue
            if (not word or ctx.is_word(hit)) and any(True for _ in self.keep(ctx, self.guarded(ctx, (hit,)))):
                found[key] = hit
        hits = tuple(found.values())
        return Outcome(len(hits) >= self.params["min_count"], hits)

    def trace(self, ctx, labels) -> Branch:
        mentions, counted = [], {}
        for m in self.patterns[0].finditer(ctx.text):
            hit = Span(m.start(), m.end())
            checks = self.find_checks(ctx, hit, labels)
            if all(c.ok for c in checks):
                checks += self.guard_checks(ctx, hit) + self.figure_checks(ctx, hit) + self.partner_checks(ctx, hit)
            if all(c.ok for c in checks):
                key = ctx.sentence_of(hit.start).start
                if key in counted:
                    line = ctx.doc.position(counted[key].start)[0]
                    checks.append(Check("每句一处", False, f"与第{line}行的提及同一句，只计一次"))
                else:
                    counted[key] = hit
            mentions.append(Mention(hit, checks))
        note = f"计入{len(counted)}句；需要至少{self.params['min_count']}句"
        return Branch(self.name, self.describe(labels), self.evaluate(ctx).ok, mentions, note=note)

    def partner_checks(self, ctx, hit: Span) -> list[Check]:
        where = WITHIN_WORDS.get(self.params["within"], f"相距{self.params['within']}字内")
        checks, window = [], self.window(ctx, hit)
        for i, pattern in enumerate(self.patterns[1:]):
            other = self.partner(ctx, hit, window, pattern)
            words = "/".join(self.groups[i + 1][:6]) + ("…" if len(self.groups[i + 1]) > 6 else "")
            checks.append(Check(f"第{i + 2}组", other is not None,
                                f"{where}有“{ctx.text[other.start:other.end]}”" if other is not None
                                else f"{where}没有第{i + 2}组的词（{words}）"))
        return checks

    def describe(self, labels=None) -> str:
        within = WITHIN_WORDS.get(self.params["within"], f"相距{self.params['within']}字以内")
        groups = " + ".join("/".join(group) for group in self.groups)
        extra = "，且有具体数字" if self.params["with_figure"] else ""
        count = f"，至少{self.params['min_count']}处" if self.params["min_count"] > 1 else ""
        return f"{self.describe_scope(labels)}{within}内同时出现：{groups}{extra}{count}{self.describe_guards()}"
