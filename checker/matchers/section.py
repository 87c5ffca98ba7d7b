"""section: a heading matching one of the patterns exists and has a body of at least min_chars characters.

    section: {headings: ['原因'], min_chars: 60}
    section: {part: plan, min_chars: 80}        # the headings of a scope named in pack.yaml
    section: {headings: ['监督'], min_chars: 150, about: [人大, 政协, 审计], unless: {words: [安全生产], within: heading}}

`about` makes a heading count only if its body is about the topic: one of the words is mentioned there as a word,
and the mention passes the matcher's `guards`. `unless` looks at the heading (default) or the body.
"""

from __future__ import annotations

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
from checker.matchers.terms import compile_terms
from checker.packs.schema import Field


class Section(Matcher):
    name = "section"
    summary = "有标题符合要求的部分，且标题下有内容"
    unless_reach = ("heading", "body")
    fields = (
        Field("headings", "regex_list", "标题文字（不含序号）的正则表达式", default=(),
              example="['存在.{0,4}(问题|不足)', '短板']"),
        Field("part", "str", "改用 pack.yaml 中这个 scope 的标题正则", default=None, example="plan"),
        Field("min_chars", "int", "标题下正文至少几个字", default=1, minimum=0, example="60"),
        Field("about", "terms", "标题下正文须作为完整词提到其中之一（经 guards 检查），否则这一部分不算",
              default=(), example="[人大, 政协, 审计, 执法监督]"),
        UNLESS, SCOPE, GUARDS,
    )

    def __init__(self, params):
        super().__init__(params)
        self.groups = params.get("about") or ()
        self.pattern = compile_terms((tuple(w for g in self.groups for w in g),))[0] if self.groups else None

    @staticmethod
    def check(params, problem) -> None:
        if bool(params.get("headings")) == bool(params.get("part")):
            problem("section 须有 headings 或 part（二者之一）",
                    "应写 section: {headings: ['原因']} 或 section: {part: plan}")

    def evaluate(self, ctx) -> Outcome:
        sections = ctx.sections_matching(self.headings(ctx), ctx.scope(self.scope))
        full = [s for s in sections if self.body_chars(ctx, s) >= self.params["min_chars"]
                and self.cancelled(ctx, s) is None and (self.pattern is None or self.topic(ctx, s) is not None)]
        return Outcome(bool(full), tuple(s.heading for s in (full or sections)[:2]))

    def headings(self, ctx):
        part = self.params["part"]
        return ctx.pack.heading_patterns(part) if part else self.params["headings"]

    @staticmethod
    def body_chars(ctx, section) -> int:
        return sum(1 for ch in ctx.text[section.body.start:section.body.end] if not ch.isspace())

    def cancelled(self, ctx, section) -> str | None:
        """A word of `unless` in the heading (or, with within: body, in the body)."""
        for unless in self.unless:
            word = unless.cancels(ctx, section.heading, section.body if unless.within == "body" else section.heading)
            if word:
                return word
        return None

    def topic(self, ctx, section):
        """The first mention of an `about` word in the body that no guard refuses, or None."""
        found = ctx.find(self.pattern, (section.body,), True)
        guards = self.guards
        return next((hit for hit in found if not guards or ctx.blocked(hit, guards) is None), None)

    def trace(self, ctx, labels) -> Branch:
        patterns = self.headings(ctx)
        mentions = []
        for section in ctx.doc.headings():
            if not any(p.search(section.title) for p in patterns):
                continue
            hit = section.heading
            chars = self.body_chars(ctx, section)
            checks = [self.scope_check(ctx, hit, labels),
                      Check("字数", chars >= self.params["min_chars"],
                            f"标题下{chars}字，需要至少{self.params['min_chars']}字")]
            word = self.cancelled(ctx, section)
            if self.unless:
                checks.append(Check("取消词", word is None, f"标题或正文有“{word}”" if word else ""))
            if self.pattern is not None:
                topic = self.topic(ctx, section)
                checks.append(Check("正文主题", topic is not None,
                                    f"正文提到“{ctx.text[topic.start:topic.end]}”" if topic is not None
                                    else "正文没有（经防误判后）提到 " + "/".join(w for g in self.groups for w in g)))
            mentions.append(Mention(hit, checks))
        note = f"符合的标题{sum(m.counted for m in mentions)}个"
        return Branch(self.name, self.describe(labels), self.evaluate(ctx).ok, mentions, note=note)

    def describe(self, labels=None) -> str:
        part = self.params["part"]
        heads = f"“{(labels or {}).get(part, part)}”类" if part else "、".join(
            p.pattern for p in self.params["headings"])
        about = ("，正文提到" + "/".join(w for g in self.groups for w in g)) if self.groups else ""
        unless = "".join(u.describe() for u in self.unless)
        return f"{self.describe_scope(labels)}有标题含 {heads} 的部分，其下至少{self.params['min_chars']}字{about}{unless}"
