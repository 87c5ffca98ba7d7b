"""Dates that cannot be right: 2月30日, 13月, and a year range run together by extraction (20232025年)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from checker.checks.base import Context
from checker.model import Finding, Span

YEAR_RANGE = re.compile(r"(?=[12])(?<!\d)((?:19|20)\d\d)((?:19|20)\d\d)(?=\s?年)")
DATE = re.compile(r"(?=\d)(?:(?<!\d)((?:19|20)\d\d)\s?年\s?)?(?<!\d)(\d{1,2})\s?月\s?(?:(\d{1,2})\s?[日号])?")


def run(ctx: Context) -> Iterator[Finding]:
    for m in YEAR_RANGE.finditer(ctx.text):
        first, second = int(m.group(1)), int(m.group(2))
        if 0 < second - first <= 15:
            yield ctx.finding(m.start(), m.end(), f"年份区间“{m.group()}年”缺少连接号，应为“{first}—{second}年”",
                              shown=_line_piece(ctx.text, m.start(), m.end() + 1))
    for m in DATE.finditer(ctx.text):
        year = int(m.group(1)) if m.group(1) else None
        month = int(m.group(2))
        day = int(m.group(3)) if m.group(3) else None
        if not (year or day):
            continue  # "3月" alone may be a count of months (3个月 is written differently, but be safe)
        if not 1 <= month <= 12:
            yield ctx.finding(m.start(), m.end(), f"“{m.group().strip()}”中的月份不存在")
        elif day is not None and not 1 <= day <= _days_in(year or 2000, month):
            yield ctx.finding(m.start(), m.end(), f"“{m.group().strip()}”不存在")


def _days_in(year: int, month: int) -> int:
    """Days in the month, by the Gregorian rule (calendar.monthrange without importing calendar)."""
    if month == 2:
        return 29 if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) else 28
    return 30 if month in (4, 6, 9, 11) else 31


def _line_piece(text: str, start: int, end: int) -> Span:
    left = max(text.rfind("\n", 0, start) + 1, start - 12)
    right = text.find("\n", end)
    right = min(right if right != -1 else len(text), end + 4)
    return Span(left, right)
