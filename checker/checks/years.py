"""Years that do not fit the year reported on (Y, from the title): a next-year plan not about Y+1, 今年 in a
report signed the year after, dates after the sign-off told as done, a year long before Y told as this year's
event (2010年1月正式运行 in a report on 2019), and the 2015–2020 纲要 cited in a report on 2022 or later."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from checker.checks.base import Context, Covering
from checker.model import Finding
from checker.sentences import sentences

YEAR = re.compile(r"(?=[12])(?<!\d)((?:19|20)\d\d)\s?年(?:度)?")
YEAR_MONTH = re.compile(r"(?=[12])(?<![\d《])((?:19|20)\d\d)\s?年\s?(\d{1,2})\s?月(?:\s?(\d{1,2})\s?[日号])?")
TODAY_YEAR = re.compile(r"今年")
OLD_OUTLINE = re.compile(r"纲要\s?[(（]?\s?2015\s?[-－—–~至到]{1,2}\s?2020|2015\s?[-－—–~至到]{1,2}\s?2020\s?年\s?[)）]?\s?》?"
                         r"(?=[^。\n]{0,6}纲要)")
HISTORY = re.compile(r"以来|成立|始于|始建|自\s?(?:19|20)|从\s?(?:19|20)|起|曾|历史|前身|此前|先后|至今|累计|沿用|早在|当年")
ACHIEVEMENT_HEADING = re.compile(r"主要(?:工作|做法|举措|成效)|工作(?:情况|成效)|完成情况|履职情况")


def run(ctx: Context) -> Iterator[Finding]:
    year = ctx.doc.meta.year
    if year is None or ctx.doc.meta.genre != "annual_report":
        return
    plan = Covering(ctx.scope("plan"))
    yield from _headings(ctx, year)
    yield from _this_year(ctx, year, plan)
    yield from _dated_events(ctx, year, plan)
    if year >= int(ctx.options.get("outline_expired_from", 2022)):
        for m in OLD_OUTLINE.finditer(ctx.text):
            if ctx.in_content(m.start()):
                yield ctx.finding(m.start(), m.end(), f"报告年度为{year}年，仍引用已到期的《法治政府建设实施纲要"
                                  "（2015－2020年）》，应为《法治政府建设实施纲要（2021－2025年）》或其后的纲要")


def _headings(ctx: Context, year: int) -> Iterator[Finding]:
    plan_patterns = ctx.pack.scopes.get("plan").headings if "plan" in ctx.pack.scopes else ()
    for section in ctx.doc.headings():
        title = section.title
        years = [int(m.group(1)) for m in YEAR.finditer(title)]
        if not years:
            continue
        is_plan = any(p.search(title) for p in plan_patterns) and not ACHIEVEMENT_HEADING.search(title)
        if is_plan and year + 1 not in years:
            yield ctx.finding(section.heading.start, section.heading.end,
                              f"报告年度为{year}年，下一年度安排应写{year + 1}年，标题写的是{years[0]}年",
                              text=f"{section.number}{title}")
        elif not is_plan and ACHIEVEMENT_HEADING.search(title) and year not in years:
            yield ctx.finding(section.heading.start, section.heading.end,
                              f"报告年度为{year}年，本年工作的标题写的是{years[0]}年", text=f"{section.number}{title}")


def _signed(ctx: Context) -> date | None:
    meta = ctx.doc.meta
    for value in ((meta.signoff.date if meta.signoff else None), meta.published):
        if value:
            try:
                return date.fromisoformat(value)
            except ValueError:
                continue
    return None


def _this_year(ctx: Context, year: int, plan: Covering) -> Iterator[Finding]:
    signed = _signed(ctx)
    if signed is None or signed.year <= year:
        return
    for m in TODAY_YEAR.finditer(ctx.text):
        if ctx.in_content(m.start()) and not plan.holds(m.start()):
            yield ctx.finding(m.start(), m.end() + 6,
                              f"报告写的是{year}年，成文于{signed.year}年，“今年”指哪一年不清楚，应写明“{year}年”")


def _dated_events(ctx: Context, year: int, plan: Covering) -> Iterator[Finding]:
    signed = _signed(ctx)
    gap = int(ctx.options.get("anachronism_years", 5))
    for m in YEAR_MONTH.finditer(ctx.text):
        if not ctx.in_content(m.start()) or plan.holds(m.start()):
            continue
        y, month = int(m.group(1)), int(m.group(2))
        if not 1 <= month <= 12:
            continue
        sentence = next((s for s in sentences(ctx.text, max(0, m.start() - 300), min(len(ctx.text), m.end() + 300))
                         if s.start <= m.start() < s.end), None)
        said = ctx.text[sentence.start:sentence.end] if sentence else ""
        if _in_book_title(said, m.group()) or ctx.pack.lexicon.future.search(said):
            continue  # 计划于2024年6月…: a plan, not a claim
        if y < year - gap and not HISTORY.search(said):
            yield ctx.finding(m.start(), m.end() + 8,
                              f"报告年度为{year}年，这里把{y}年{month}月的事作为本年度工作来写，年份可能有误")
        elif signed is not None and (y, month) > (signed.year, signed.month):
            yield ctx.finding(m.start(), m.end() + 8,
                              f"{y}年{month}月晚于成文日期{signed.isoformat()}，却写成已完成的工作")


def _in_book_title(sentence: str, piece: str) -> bool:
    for m in re.finditer(r"《[^《》]*》", sentence):
        if piece in m.group():
            return True
    return False
