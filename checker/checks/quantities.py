"""Figures as numbers: value, unit and what they count, so that the checks can do arithmetic on a report.

Reads Arabic figures (56, 1,860, 12.5) and Chinese numerals (二十三, 一百零五, 三万五千), with 万 and 亿
(1.2万人次 = 12000 人次; money becomes 元: 12.4万元 = 124000 元). A figure written as approximate (10余件, 约50人,
超过100次, 100件以上) is marked `approx`, so that arithmetic leaves it out. Not figures: ordinals (第3次), time
limits (20个工作日), percentage points (3个百分点), and one-digit Chinese numerals inside names (一件事, 三项制度).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
SMALL = {"十": 10, "百": 100, "千": 1000}
BIG = {"万": 10 ** 4, "亿": 10 ** 8}

COUNT_UNITS = ("人次|件次|户次|家次|场次|册次|个次|人|名|件|次|项|条|家|个|户|起|场|份|篇|期|批|卷|宗|所|处|部|册|门|套|台"
               "|辆|座|栋")
MONEY_UNITS = {"亿元": 10 ** 8, "万元": 10 ** 4, "元": 1}
FIGURE_BODY = (
    r"(?P<before>约|近|超过|逾|将近|大约|不足|不到|近乎)?"
    r"(?:(?P<ar>\d{1,3}(?:,\d{3})+(?![\d.])|\d+(?:\.\d+)?)\s*(?P<mult>万|亿)?"
    r"|(?P<cn>[零〇一二两三四五六七八九十百千万亿]+))"
    rf"\s*(?P<more>余|多)?\s*(?P<unit>亿元|万元|元|%|‰|{COUNT_UNITS})"
    r"(?P<after>以上|左右|多|余)?")
# The same with a lookahead naming every character a figure can start with: the engine then skips the other
# positions fast (2–3× quicker on a report) instead of trying each alternative at each of them.
FIGURE_START = r"(?=[约近超逾将大不\d零〇一二两三四五六七八九十百千万亿])"
FIGURE = re.compile(FIGURE_START + FIGURE_BODY)
NOT_AFTER = re.compile(r"\s*(?:工作日|日内|天内|小时|学时|课时|月内|月|季度|年度|百分点|以内|之内|周)")
# A one-digit Chinese numeral counts only where the unit ends a phrase: 维持三件、 but not 一件事 or 三项制度.
PHRASE_END = re.compile(r"[,;:。、!?()，；：！？（）\"“”‘’\s]|$")
LABEL_STOP = re.compile(r"[,;:。、!?()，；：！？（）《》“”\"‘’\n]")


@dataclass(frozen=True)
class Figure:
    """A number with its unit and the words it counts, as the figure checks compare them."""
    value: float
    unit: str          # 件, 人次 …, 元 for money, % for shares and rates
    start: int         # the figure's span in the text: number and unit
    end: int
    approx: bool
    label: str = ""    # what it counts: the words before it back to a mark or the figure before (负责人出庭)
    label_start: int = 0


def shown(value: float, unit: str) -> str:
    """A value with its unit as a reader writes it (56件, 12.5%, 12.4万元)."""
    if unit == "元" and value >= 10 ** 4:
        return f"{number(value / 10 ** 4)}万元"
    return f"{number(value)}{unit}"


def number(value: float) -> str:
    """12 for 12.0, 12.5 for 12.5, never 1e+05."""
    return f"{value:.10g}" if value != int(value) else str(int(value))


def parse_chinese(text: str) -> int | None:
    """The value of a Chinese numeral (二十三 → 23, 一百零五 → 105, 三万五千 → 35000); None if it is not one
    (二三, 百十, a colloquial 一百五)."""
    if not text or text[-1] in "零〇":
        return None
    total = section = 0
    digit: int | None = None
    last_small = 10 ** 5  # units inside a section must fall: 一千二百三十
    last_big = 10 ** 9
    zero = False
    for ch in text:
        if ch in DIGITS:
            if DIGITS[ch] == 0:
                if digit is not None:
                    return None
                zero = True
                continue
            if digit is not None:
                return None
            digit = DIGITS[ch]
        elif ch in SMALL:
            unit = SMALL[ch]
            if unit >= last_small or (digit is None and (section or total or zero) and unit != 10):
                return None
            section += (1 if digit is None else digit) * unit
            digit, last_small, zero = None, unit, False
        else:
            unit = BIG[ch]
            if digit is not None:
                if last_small > 10 and last_small != 10 ** 5 and not zero:
                    return None
                section += digit
            if section == 0 or unit >= last_big:
                return None
            total = (total + section) * unit if unit == 10 ** 8 else total + section * unit
            section, digit, last_small, last_big, zero = 0, None, 10 ** 5, unit, False
    if digit is not None:
        if not zero and (last_small > 10 and last_small != 10 ** 5 or last_small == 10 ** 5 and last_big < 10 ** 9):
            return None  # 一百五 and 三万五 say 150 and 35000 in speech; a report writes 一百五十, 三万五千
        section += digit
    return total + section


def figures(text: str, start: int = 0, end: int | None = None) -> list[Figure]:
    """The figures in text[start:end] in order, each with its label: the words back to a mark or the figure
    before it."""
    end = len(text) if end is None else end
    out: list[Figure] = []
    previous_end = start
    for m in FIGURE.finditer(text, start, end):
        found = _figure(text, m)
        if found is None:
            continue
        value, unit, figure_start, approx = found
        cut = max((s.end() for s in LABEL_STOP.finditer(text, previous_end, figure_start)), default=previous_end)
        before = text[cut:figure_start]
        label_start = cut + len(before) - len(before.lstrip())
        out.append(Figure(value, unit, figure_start, m.end(), approx, before.strip(), label_start))
        previous_end = m.end()
    return out


def _figure(text: str, m: re.Match) -> tuple[float, str, int, bool] | None:
    """(value, unit, start, approximate) of a match that is a figure, or None."""
    start = m.start("ar") if m.group("ar") else m.start("cn")
    if start > 0 and (text[start - 1] in "第.-/" or text[start - 1].isascii() and text[start - 1].isalnum()):
        return None
    if NOT_AFTER.match(text, m.end("unit")):
        return None
    unit = m.group("unit")
    if m.group("ar"):
        value = float(m.group("ar").replace(",", ""))
        if m.group("mult"):
            value *= BIG[m.group("mult")]
    else:
        numeral = m.group("cn")
        if start > 0 and (text[start - 1] in DIGITS or text[start - 1] in SMALL or text[start - 1] in BIG):
            return None
        parsed = parse_chinese(numeral)
        if parsed is None or (len(numeral) == 1 and not PHRASE_END.match(text, m.end("unit"))):
            return None
        value = float(parsed)
        if unit in ("%", "‰"):
            return None  # 百分之 is how a Chinese numeral writes a share; 三% is not a figure
    if unit in MONEY_UNITS:
        value, unit = value * MONEY_UNITS[unit], "元"
    approx = bool(m.group("before") or m.group("more") or m.group("after"))
    return value, unit, m.start("before") if m.group("before") else start, approx
