"""title and signoff: what the structure step read off the report's title and its 落款.

    title: {needs: [body, year, subject, report]}
    signoff: {needs: [body, date]}
"""

from __future__ import annotations

import re

from checker.matchers.base import Matcher, Outcome
from checker.packs.schema import Field

TITLE_PARTS = {"body": "发文机关", "year": "年度", "subject": "法治政府建设", "report": "“报告”字样"}
SIGNOFF_PARTS = {"body": "机关名称", "date": "成文日期"}
SUBJECT = re.compile(r"法治政府建设|依法行政|法治建设")
REPORT = re.compile(r"报告")


class Title(Matcher):
    name = "title"
    summary = "标题写明发文机关、年度、法治政府建设和“报告”"
    fields = (
        Field("needs", "str_list", f"what the title must name: {', '.join(TITLE_PARTS)}", required=True,
              example="[body, year, subject, report]"),
        Field("need_any", "bool", "true: one of needs is enough", default=False, example="false"),
    )

    @staticmethod
    def check(params, problem) -> None:
        _check_parts(params, TITLE_PARTS, problem)

    def evaluate(self, ctx) -> Outcome:
        meta = ctx.doc.meta
        if not meta.title:
            return Outcome(False)
        have = {
            "body": bool(meta.body and meta.body in meta.title),
            "year": bool(re.search(r"(?:19|20)\d\d", meta.title)),
            "subject": bool(SUBJECT.search(meta.title)),
            "report": bool(REPORT.search(meta.title)),
        }
        results = [have[p] for p in self.params["needs"]]
        ok = any(results) if self.params["need_any"] else all(results)
        return Outcome(ok, (meta.title_span,) if meta.title_span else ())

    def describe(self) -> str:
        join = "之一" if self.params["need_any"] else ""
        return "标题写明" + "、".join(TITLE_PARTS[p] for p in self.params["needs"]) + join


class Signoff(Matcher):
    name = "signoff"
    summary = "文末落款写明机关名称和成文日期"
    fields = (
        Field("needs", "str_list", f"what the sign-off must have: {', '.join(SIGNOFF_PARTS)}", required=True,
              example="[body, date]"),
        Field("need_any", "bool", "true: one of needs is enough", default=False, example="true"),
        Field("byline", "bool", "a dated byline under the title also counts", default=False, example="true"),
    )

    @staticmethod
    def check(params, problem) -> None:
        _check_parts(params, SIGNOFF_PARTS, problem)

    def evaluate(self, ctx) -> Outcome:
        sign = ctx.doc.meta.signoff
        if sign is None or (sign.kind == "byline" and not self.params["byline"]):
            return Outcome(False)
        have = {"body": bool(sign.body), "date": bool(sign.date)}
        results = [have[p] for p in self.params["needs"]]
        ok = any(results) if self.params["need_any"] else all(results)
        return Outcome(ok, (sign.span,))

    def describe(self) -> str:
        join = "之一" if self.params["need_any"] else ""
        by = "（标题下的署名日期也算）" if self.params["byline"] else ""
        return "文末落款写明" + "、".join(SIGNOFF_PARTS[p] for p in self.params["needs"]) + join + by


def _check_parts(params, parts: dict[str, str], problem) -> None:
    for part in params.get("needs") or ():
        if part not in parts:
            problem(f'unknown part "{part}" in needs', f"use {', '.join(parts)}")
