"""title and signoff: what the structure step read off the report's title and its 落款.

    title: {needs: [body, year, subject, report], headline_genres: [news]}
    title: {needs: [subject, report], need_any: true, quoted: true}   # or a name in the opening sentence
    signoff: {needs: [body, date]}
"""

from __future__ import annotations

import re

from checker.matchers.base import Branch, Check, Matcher, Mention, Outcome
from checker.model import Span
from checker.packs.schema import Field
from checker.structure.genre import GENRE_NAMES
from checker.structure.metadata import names_place

TITLE_PARTS = {"body": "发文机关", "year": "年度", "subject": "报告主题（pack.yaml 的 title_subject）",
               "report": "“报告”字样"}
SIGNOFF_PARTS = {"body": "机关名称", "date": "成文日期"}
# 落款 found elsewhere than at the end (Signoff.kind), each counted only under its own switch of the same name:
# what a trace says of its place, and what it adds when the switch is off
ELSEWHERE = {"byline": ("标题下的署名", "，不算落款"), "notice": ("文末没有落款；这是正文前所附印发、报送通知的落款", "，不算")}
REPORT = re.compile(r"报告")
# A text without a title line that names itself in its first sentence, as it is published (现将《……报告》予以公布,
# 现公布……报告, 编制了《……报告》); "现将……情况报告如下" reports, it names nothing. 本/我 make a description, not a name.
OPENING_SENTENCE = 300
NAME = r"《?(?P<{}>[^《》。\n本我]{{4,60}}?(?:报告|总结))》?"
NAMED_IN_OPENING = re.compile(
    r"(?:现|特|现予|特此|向社会)(?:予以)?公布" + NAME.format("a") + r"|编制了?" + NAME.format("b")
    + r"|(?:现将|特将)" + NAME.format("c") + r"予以(?:公布|公开|发布)"
)


class Title(Matcher):
    name = "title"
    summary = "标题写明发文机关、年度、法治政府建设和“报告”"
    fields = (
        Field("needs", "words", f"标题须写明哪些：{'、'.join(TITLE_PARTS)}（body 须带地名，只写“市司法局”“省人民政府”不算）",
              required=True,
              example="[body, year, subject, report]"),
        Field("need_any", "bool", "true：needs 中有一项即可", default=False, example="false"),
        Field("headline_genres", "words", "这些类型的文件首行是新闻标题，不是文件自己的标题（类型名见 checker outline --format json 的 genre）",
              default=(), example="[news]"),
        Field("quoted", "bool", "true：没有标题行时，开头一句中写明的本文件名称（现将《……报告》予以公布、编制了《……报告》）也算标题",
              default=False, example="true"),
    )

    @staticmethod
    def check(params, problem) -> None:
        _check_parts(params, TITLE_PARTS, problem)
        named = {genre: name for genre, name in GENRE_NAMES.items() if genre != "unknown"}
        for genre in params.get("headline_genres") or ():
            if genre == "unknown":
                problem("headline_genres 不能写“其他文件”这一类型：未识别类型的文件首行可能正是报告标题",
                        "删去这一项，只写 news 这类确知首行是新闻标题的类型")
            elif genre not in named:
                problem(f'headline_genres 中没有 "{genre}" 这一类型',
                        "可选：" + "、".join(f"{g}（{n}）" for g, n in named.items()))

    def evaluate(self, ctx) -> Outcome:
        found = self.title_of(ctx)
        if found is None:
            return Outcome(False)
        title, span = found
        have = self.parts(ctx, title)
        results = [have[p] is not None for p in self.params["needs"]]
        ok = any(results) if self.params["need_any"] else all(results)
        return Outcome(ok, (span,) if span else ())

    def title_of(self, ctx) -> tuple[str, Span | None] | None:
        """The title line, or with quoted the name in the opening sentence of a text without one; None for a
        headline of the genres named."""
        meta = ctx.doc.meta
        if meta.genre in self.params["headline_genres"]:
            return None
        if meta.title:
            return meta.title, meta.title_span
        return named_in_opening(ctx) if self.params["quoted"] else None

    @staticmethod
    def parts(ctx, title: str) -> dict[str, str | None]:
        """What the title says for each part (the words found), or None where it says nothing."""
        meta = ctx.doc.meta
        year = re.search(r"(?:19|20)\d\d", title)
        return {
            "body": meta.body if meta.body and meta.body in title and names_place(meta.body) else None,
            "year": year.group() if year else None,
            "subject": next((w for w in ctx.pack.title_subject if w in title), None),
            "report": "报告" if REPORT.search(title) else None,
        }

    def trace(self, ctx, labels) -> Branch:
        meta = ctx.doc.meta
        if meta.title and meta.genre in self.params["headline_genres"]:
            return Branch(self.name, self.describe(labels), False,
                          note=f"文件是{GENRE_NAMES[meta.genre]}，首行“{meta.title}”是它的标题，不是报告标题")
        found = self.title_of(ctx)
        if found is None:
            return Branch(self.name, self.describe(labels), False, note="没有识别出标题")
        title, span = found
        have = self.parts(ctx, title)
        checks = [Check(TITLE_PARTS[p], have[p] is not None, f"“{have[p]}”" if have[p] else _missing(meta, title, p))
                  for p in self.params["needs"]]
        where = "标题" if meta.title else "没有标题行；开头一句写明的名称"
        return Branch(self.name, self.describe(labels), self.evaluate(ctx).ok, [Mention(span or Span(0, 0), checks)],
                      note=f"{where}：{title}")

    def describe(self, labels=None) -> str:
        join = "之一" if self.params["need_any"] else ""
        headlines = "、".join(GENRE_NAMES[g] for g in self.params["headline_genres"])
        quoted = "（没有标题行时，开头一句写明的文件名称也算）" if self.params["quoted"] else ""
        return "标题写明" + "、".join(TITLE_PARTS[p] for p in self.params["needs"]) + join + \
            (f"（{headlines}的首行不算）" if headlines else "") + quoted


def named_in_opening(ctx) -> tuple[str, Span] | None:
    """The name a text without a title line gives itself in its first sentence, with its span."""
    start, text = ctx.text_start, ctx.text
    if start is None:
        return None
    end = text.find("。", start, start + OPENING_SENTENCE)
    m = NAMED_IN_OPENING.search(text, start, end if end >= 0 else start + OPENING_SENTENCE)
    if m is None:
        return None
    return m.group(m.lastgroup), Span(m.start(m.lastgroup), m.end(m.lastgroup))  # each alternative names one group


def _missing(meta, title: str, part: str) -> str:
    """Why a title part was not found: a body named by its level alone is in the title but names no one."""
    if part == "body" and meta.body and meta.body in title:
        return f"“{meta.body}”只写了层级，没有地名"
    return "标题中没有"


class Signoff(Matcher):
    name = "signoff"
    summary = "文末落款写明机关名称和成文日期"
    fields = (
        Field("needs", "words", f"落款须有哪些：{'、'.join(SIGNOFF_PARTS)}", required=True,
              example="[body, date]"),
        Field("need_any", "bool", "true：needs 中有一项即可", default=False, example="true"),
        Field("byline", "bool", "标题下带日期的署名也算", default=False, example="true"),
        Field("notice", "bool", "文末没有落款时，正文前所附印发、报送通知的落款也算", default=False, example="true"),
    )

    @staticmethod
    def check(params, problem) -> None:
        _check_parts(params, SIGNOFF_PARTS, problem)

    def evaluate(self, ctx) -> Outcome:
        sign = ctx.doc.meta.signoff
        if sign is None or (sign.kind in ELSEWHERE and not self.params[sign.kind]):  # only if the pack asks
            return Outcome(False)
        have = {"body": bool(sign.body), "date": bool(sign.date)}
        results = [have[p] for p in self.params["needs"]]
        ok = any(results) if self.params["need_any"] else all(results)
        return Outcome(ok, (sign.span,))

    def trace(self, ctx, labels) -> Branch:
        sign = ctx.doc.meta.signoff
        if sign is None:
            return Branch(self.name, self.describe(labels), False, note="文末没有识别出落款")
        have = {"body": sign.body, "date": sign.date}
        checks = [Check(SIGNOFF_PARTS[p], bool(have[p]), f"“{have[p]}”" if have[p] else "落款中没有")
                  for p in self.params["needs"]]
        if sign.kind in ELSEWHERE:
            where, refused = ELSEWHERE[sign.kind]
            allowed = self.params[sign.kind]
            checks.append(Check("位置", allowed, where + (f"（{sign.kind}: true，也算）" if allowed else refused)))
        return Branch(self.name, self.describe(labels), self.evaluate(ctx).ok, [Mention(sign.span, checks)])

    def describe(self, labels=None) -> str:
        join = "之一" if self.params["need_any"] else ""
        by = "（标题下的署名日期也算）" if self.params["byline"] else ""
        notice = "（所附通知的落款也算）" if self.params["notice"] else ""
        return "文末落款写明" + "、".join(SIGNOFF_PARTS[p] for p in self.params["needs"]) + join + by + notice


def _check_parts(params, parts: dict[str, str], problem) -> None:
    for part in params.get("needs") or ():
        if part not in parts:
            problem(f'needs 中没有 "{part}" 这一项', f"可选：{'、'.join(parts)}")
