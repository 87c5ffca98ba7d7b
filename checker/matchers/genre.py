"""genre: what kind of document this is, as checker/structure/genre.py reads it (the genre `checker outline
--format json` prints). It lets an element ask more of a text that reports on or explains something else than of a
report: a news item tells of one event, so one concrete sentence in it is no account of the year's measures.

    all: [ {genre: {is_not: [news, interpretation]}}, {substance: …} ]
"""

from __future__ import annotations

from checker.matchers.base import Branch, Matcher, Outcome
from checker.packs.schema import Field
from checker.structure.genre import GENRE_NAMES


class Genre(Matcher):
    name = "genre"
    summary = "文件类型是（或不是）其中几类"
    fields = (
        Field("is", "words", "文件类型是其中之一（类型名见 checker outline --format json 的 genre）", default=(),
              example="[news]"),
        Field("is_not", "words", "文件类型不是其中任何一个", default=(), example="[news, interpretation]"),
    )

    @staticmethod
    def check(params, problem) -> None:
        if bool(params.get("is")) == bool(params.get("is_not")):
            problem("genre 须恰好写 is 或 is_not 其中之一", "例如 genre: {is_not: [news]}")
        named = {genre: name for genre, name in GENRE_NAMES.items() if genre != "unknown"}
        for genre in (*(params.get("is") or ()), *(params.get("is_not") or ())):
            if genre == "unknown":
                problem("genre 不能写“其他文件”这一类型：未识别类型的文件可能正是一份报告", "只写确知的类型，例如 news")
            elif genre not in named:
                problem(f'没有 "{genre}" 这一文件类型', "可选：" + "、".join(f"{g}（{n}）" for g, n in named.items()))

    def evaluate(self, ctx) -> Outcome:
        genre = ctx.doc.meta.genre
        return Outcome(genre in self.params["is"] if self.params["is"] else genre not in self.params["is_not"])

    def trace(self, ctx, labels) -> Branch:
        genre = ctx.doc.meta.genre
        return Branch(self.name, self.describe(labels), self.evaluate(ctx).ok,
                      note=f"文件类型：{GENRE_NAMES.get(genre, genre)}", whole_document=True)

    def describe(self, labels=None) -> str:
        named = "、".join(GENRE_NAMES[g] for g in self.params["is"] or self.params["is_not"])
        if self.params["is"]:
            return f"文件类型是{named}" + ("之一" if len(self.params["is"]) > 1 else "")
        return f"文件类型不是{named}"
