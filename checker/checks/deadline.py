"""The sign-off (or publication) date against the deadline for the body's level: governments publish before
1 April of the next year, departments submit before 1 March (《法治政府建设与责任落实督察工作规定》)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from checker.checks.base import Context
from checker.model import Finding


def validate(options: dict) -> list[tuple[str, str]]:
    problems = []
    for key in ("government_before", "department_before"):
        if key in options:
            try:
                month, day = _month_day(str(options[key]))
                date(2001, month, day)
            except ValueError:
                problems.append((f'{key} "{options[key]}" 不是月和日', f'例如 {key}: "04-01"'))
    return problems


def _month_day(value: str) -> tuple[int, int]:
    month, day = value.split("-")
    return int(month), int(day)


def run(ctx: Context) -> Iterator[Finding]:
    meta = ctx.doc.meta
    if meta.year is None or meta.genre != "annual_report" or meta.year < int(ctx.options.get("from_year", 2019)):
        return  # reports on 2018 and before were filed before the 规定 (in force 2019-04-15) set these dates
    department = meta.level == "department"
    due = ctx.options.get("department_before" if department else "government_before",
                          "03-01" if department else "04-01")
    month, day = _month_day(str(due))
    deadline = date(meta.year + 1, month, day)
    candidates = []
    if meta.published and not department:  # governments: the duty is to publish
        candidates.append(("发布日期", meta.published, None))
    if meta.signoff and meta.signoff.date:
        candidates.append(("成文日期", meta.signoff.date, meta.signoff.span))
    for what, value, span in candidates[:1]:
        try:
            when = date.fromisoformat(value)
        except ValueError:
            continue
        if when < deadline or when.year <= meta.year:
            return
        late = (when - deadline).days + 1
        who = "部门应于" if department else "政府应于"
        detail = (f"{what}{when.year}年{when.month}月{when.day}日，{who}{deadline.year}年{month}月{day}日前"
                  f"{'报送' if department else '向社会公开'}，逾期{late}天")
        if span is not None:
            yield ctx.finding(span.start, span.end, detail)
        else:
            start = meta.title_span.start if meta.title_span else 0
            yield ctx.finding(start, start + 1, detail, text=value)
        return
