"""Placeholders a drafter forgot to fill: ××, XX, 20××年, X月X日, *次, 【待补充】, （数据）, 此处填写.

Quiet on X光机 (an X alone before a noun), 次年, 件件有着落, 一件事一次办, and figures written in Chinese.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from checker.checks.base import Context, Covering
from checker.model import Finding, Span

X = "X×xＸ╳"
CN = "一二三四五六七八九十零〇○"  # 二○○八年 writes zero as ○
PATTERNS = (
    (re.compile(rf"(?:19|20)[{X}]{{2}}\s?年"), "年份未填写"),
    (re.compile(rf"(?=[{X}○])(?<![A-Za-z{CN}])[{X}○]{{1,2}}\s?月\s?[{X}○]{{1,2}}\s?日"), "日期未填写"),
    (re.compile(rf"(?=[{X}○])(?<![A-Za-z{CN}])[{X}○]{{1,2}}\s?(?:月份?|日|号)(?![A-Za-z])"), "日期未填写"),
    (re.compile(rf"(?=[{X}○△□])(?:(?<![A-Za-z0-9])[{X}]{{2,}}(?![A-Za-z0-9])|(?<![{CN}])○{{2,}}(?![{CN}年月日])|△{{2,}}|□{{2,}})"),
     "占位符未替换"),
    (re.compile(r"(?=[\*＊])(?<![A-Za-z0-9])[\*＊]+\s?(?=[次件个项人家场起份条名所万元%])"), "数字以星号占位"),
    (re.compile(r"[【\[(（]\s*(?:待补充|待填写?|待定|待核实|待更新|数据|数字|此处[^】\])）]{0,8}|"
                r"填写[^】\])）]{0,8}|XXX?|××)\s*[】\])）]"), "占位说明未删除"),
    (re.compile(r"(?=[此待T])(?:此处(?:填写|填入|插入|补充|待补)|(?<![不已])待补充(?:数据|内容|材料)?|(?:TODO|TBD)(?![A-Za-z]))"),
     "占位说明未删除"),
)


def run(ctx: Context) -> Iterator[Finding]:
    """A match that overlaps one an earlier pattern took is left out. The matches of one pattern never overlap each
    other, so only the spans of the earlier patterns are asked, by bisection (Covering)."""
    taken: list[Span] = []
    for pattern, detail in PATTERNS:
        earlier = Covering(taken)
        for m in pattern.finditer(ctx.text):
            if earlier.overlaps(Span(m.start(), m.end())):
                continue
            if not ctx.in_content(m.start()) and not _in_title(ctx, m.start()):
                continue
            taken.append(Span(m.start(), m.end()))
            yield ctx.finding(m.start(), m.end(), f"{detail}（“{m.group().strip()}”）", shown=_around(ctx, m))


def _in_title(ctx: Context, offset: int) -> bool:
    span = ctx.doc.meta.title_span
    return span is not None and span.start <= offset < span.end


def _around(ctx: Context, m: re.Match) -> Span:
    start = max(m.start() - 8, ctx.text.rfind("\n", 0, m.start()) + 1)
    end = min(m.end() + 4, len(ctx.text))
    nl = ctx.text.find("\n", m.end(), end)
    return Span(start, nl if nl != -1 else end)
