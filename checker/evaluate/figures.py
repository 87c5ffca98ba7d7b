"""Concrete figures about the year's work: a number with a unit of things done.

Not figures: dates, ordinals (第3次, 第41条), time limits (20个工作日内), blanks ("专项检查 次" has no number).
Strict figures also leave out approximations (10余件, 约50人) and bare counts of structure (6个部门).
"""

from __future__ import annotations

import re

UNITS = ("人次|件次|户次|万元|亿元|元|件|次|项|人|名|家|起|条|场|份|卷|户|宗|期|批|篇|册|所|处|个|%|亩|吨|公里|平方米|万")
FIGURE = re.compile(rf"(?<![\d.第])(\d+(?:\.\d+)?)\s*(余|多)?\s*(万|亿)?\s*(?:{UNITS})(?!工作日|小时|学时|日内|天内)")
APPROX_BEFORE = re.compile(r"(?:约|近|超过|逾|将近|大约|上)$")
TIME_LIMIT_AFTER = re.compile(r"^\s*(?:个)?(?:工作日|日内|天内|小时|学时|个月|年内)")
# Figures in Chinese numerals count from ten upward (三十二件, 一百二十次): 三项制度, 一件事 and 五大体系 are names.
CN_FIGURE = re.compile(r"(?<![一二三四五六七八九十百千万两零〇第数几上近逾])([一二三四五六七八九两十][一二三四五六七八九十百千万两零〇]*)"
                       r"(余|多)?(人次|件次|件|次|人|名|家|起|条|场|份|卷|户|宗|篇|万元|元)")


def _bare_count(figure: str, text: str, end: int) -> bool:
    """6个部门 and 1.2万 describe structure or scale; 示范村2个 at the end of a phrase is a result."""
    if figure.endswith("万"):
        return True
    return figure.endswith("个") and end < len(text) and "\u4e00" <= text[end] <= "\u9fff"


def find_figures(text: str, start: int, end: int, strict: bool) -> list[tuple[int, int]]:
    """Spans of figures in text[start:end]."""
    out = []
    for m in FIGURE.finditer(text, start, end):
        if TIME_LIMIT_AFTER.match(text, m.end(1)):
            continue
        if strict:
            approximate = m.group(2) or APPROX_BEFORE.search(text[max(start, m.start() - 3):m.start()])
            if approximate or _bare_count(m.group(0), text, m.end()):
                continue
        out.append((m.start(), m.end()))
    for m in CN_FIGURE.finditer(text, start, end):
        if re.search("[十百千万]", m.group(1)) and not (strict and m.group(2)):
            out.append((m.start(), m.end()))
    return sorted(out)
