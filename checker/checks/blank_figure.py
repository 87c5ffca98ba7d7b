"""A measure word with no number before it: 专项检查 次, 办理案件 件, 同比增长 %.

The number was left blank (or lost when the page was copied). Only a measure word standing alone after a space
counts, so 次年, 件件有着落, 一件事一次办 and 办理案件三十二件 stay quiet.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from checker.checks.base import Context
from checker.model import Finding, Span

DEFAULT_UNITS = ("次", "件", "个", "项", "人", "人次", "名", "家", "场", "起", "份", "条", "篇", "期", "户", "宗", "批",
                 "所", "元", "万元", "亿元", "天", "小时", "学时", "课时", "%", "‰")
CJK = r"[\u4e00-\u9fff]"
AFTER = r"(?![\u4e00-\u9fffA-Za-z0-9])"  # 次年, 件件, 个人, 项目: a word, not a lone measure word


def run(ctx: Context) -> Iterator[Finding]:
    units = sorted(ctx.options.get("units") or DEFAULT_UNITS, key=len, reverse=True)
    alternatives = "|".join(re.escape(u) for u in units)
    gap = re.compile(rf"({CJK}|[,，(（、])( +)({alternatives}){AFTER}")
    percent = re.compile(rf"(?<=增长|下降|提高|降低|上升|减少|占比|比例|比率|达到|率达)()()(%){AFTER}")
    for pattern in (gap, percent):
        for m in pattern.finditer(ctx.text):
            unit_start = m.start(3)
            if not ctx.in_content(unit_start) or _quoted(ctx.text, unit_start):
                continue
            start = _context_start(ctx.text, unit_start)
            yield ctx.finding(start, m.end(3), f"“{m.group(3)}”前缺少数字", shown=Span(start, m.end(3)))


def _context_start(text: str, at: int) -> int:
    start = at
    floor = max(text.rfind("\n", 0, at) + 1, at - 12)
    while start > floor and text[start - 1] not in ",，。;；、:：(（":
        start -= 1
    return start


def _quoted(text: str, at: int) -> bool:
    """Inside a short quotation (“办理案件 件”): an example being discussed, not a blank."""
    opening = text.rfind("“", max(0, at - 20), at)
    if opening == -1 or "”" in text[opening:at]:
        return False
    closing = text.find("”", at, at + 6)
    return closing != -1
