"""Concrete figures about the year's work: a number with a unit of things done.

Not figures: dates, ordinals (第3次, 第41条), time limits (20个工作日内), blanks ("专项检查 次" has no number).
Strict figures also leave out approximations (10余件, 约50人) and bare counts of structure (6个部门).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from checker.evaluate.firstchars import with_first_chars

# The units a pack uses unless it names its own (pack.yaml `figures:`); fazhi-annual writes the same lists out.
UNITS = ("人次", "件次", "户次", "万元", "亿元", "元", "件", "次", "项", "人", "名", "家", "起", "条", "场", "份", "卷", "户",
         "宗", "期", "批", "篇", "册", "所", "处", "个", "台", "套", "张", "类", "辆", "部", "%", "亩", "吨", "公里", "平方米", "万")
CHINESE_UNITS = ("人次", "件次", "件", "次", "人", "名", "家", "起", "条", "场", "份", "卷", "户", "宗", "篇", "万元", "元")
APPROX_BEFORE = re.compile(r"(?:约|近|超过|逾|将近|大约|上)$")
TIME_LIMIT_AFTER = re.compile(r"^\s*(?:个)?(?:工作日|日内|天内|小时|学时|个月|年内)")


@dataclass(frozen=True)
class FigureUnits:
    """The units after a number that make it a figure of work done: after digits (23件, 95%) and after Chinese
    numerals (三十二件); longer units are tried first, so 人次 wins over 人. Both patterns start with a lookbehind,
    so their first characters go in front (checker.evaluate.firstchars): they are searched in every sentence."""

    units: tuple[str, ...] = UNITS
    chinese_units: tuple[str, ...] = CHINESE_UNITS

    @cached_property
    def digits(self) -> re.Pattern[str]:
        return with_first_chars(re.compile(rf"(?<![\d.第])(\d+(?:\.\d+)?)\s*(余|多)?\s*(万|亿)?\s*"
                                           rf"(?:{_alternation(self.units)})(?!工作日|小时|学时|日内|天内)"))

    @cached_property
    def chinese(self) -> re.Pattern[str]:
        """Figures in Chinese numerals count from ten upward (三十二件, 一百二十次): 三项制度 and 一件事 are names."""
        return with_first_chars(re.compile(r"(?<![一二三四五六七八九十百千万两零〇第数几上近逾])"
                                           r"([一二三四五六七八九两十][一二三四五六七八九十百千万两零〇]*)"
                                           rf"(余|多)?({_alternation(self.chinese_units)})"))


def _alternation(units: tuple[str, ...]) -> str:
    return "|".join(re.escape(u) for u in sorted(units, key=len, reverse=True))


DEFAULT_UNITS = FigureUnits()


ORGAN_KIND = r"(?:[^\u4e00-\u9fff]{0,2}(?:市直|县直|区直|省直|基层|执法|职能|相关|成员))?"
STRUCTURE = re.compile(ORGAN_KIND + r"(?:部门|单位|乡镇|街道|镇|乡|行政村|村|辖市区|辖区|委办局|社区|县|区|市|省|方面|领域|"
                       r"环节|层级|科室|处室|股室|站所|片区|网格)")
GOVERNMENT_UNITS = re.compile(ORGAN_KIND + r"(?:部门|单位)")
# 家 counts what was done to units (抽查32家执法单位) unless it states an extent: 覆盖全区44家执法部门, ……等6家单位
EXTENT_BEFORE = re.compile(r"(?:覆盖|涉及|包括|共有|等)(?:全[省市县区])?$")
# ……but a list closed by 等 is what the work was done to when 对/向 opens its clause: 对公安、交通等6家单位开展检查
LIST_ACTED_ON = re.compile(r"(?:对|向)[^，,；;。：:\n]*等$")
LIST_REACH = 40  # characters before the figure in which the clause's 对/向 is looked for


# the items a plan or a list is made of (7个方面58项具体措施, 25项工作重点): its shape, not what the year did,
# unless the clause says they were done (完成35项重点任务)
PLAN_ITEMS = re.compile(r"(?:具体|重点|主要|工作)?(?:措施|举措|任务|工作重点|要点|目标)")
DONE = re.compile(r"(?:完成|落实|办结|实现|达成)(?:了|全部|各类)?$")
# the staff a body assigns (配备2名干部, 目前共有1名同志), not the people its work reached (组织500名干部参加考试)
STAFF = re.compile(r"(?:[^\u4e00-\u9fff]{0,2}(?:专职|兼职|专门|工作))?(?:干部|同志|工作人员|人员)")
STAFFED = re.compile(r"(?:配备|配齐|配强|共有|现有|目前有|各)(?:了|专职|兼职)?$")
# units the year's work was done to (对6个市县进行实地督察, 为12个乡镇配备) are results, not the body's structure
ACTED_ON = re.compile(r"(?:对|为)(?:全[省市县区])?$")


def _bare_count(figure: str, text: str, lo: int, start: int, end: int) -> bool:
    """6个部门, 12个方面, 覆盖44家执法部门 and 1.2万 describe structure or scale; 22个问题, 示范村2个, 抽查32家单位
    and 126家公共机构 are results. lo is where the searched span starts: nothing before it is looked at."""
    if figure.endswith("万"):
        return True
    if figure.endswith("家"):
        return bool(GOVERNMENT_UNITS.match(text, end) and EXTENT_BEFORE.search(text, max(lo, start - 6), start)
                    and not LIST_ACTED_ON.search(text, max(lo, start - LIST_REACH), start))
    if figure.endswith("项") and PLAN_ITEMS.match(text, end) and not DONE.search(text, max(lo, start - 4), start):
        return True
    if figure.endswith("名") and STAFF.match(text, end) and STAFFED.search(text, max(lo, start - 6), start):
        return True
    return figure.endswith("个") and bool(STRUCTURE.match(text, end))


def find_figures(text: str, start: int, end: int, strict: bool,
                 units: FigureUnits = DEFAULT_UNITS) -> list[tuple[int, int]]:
    """Spans of figures in text[start:end]."""
    out = []
    for m in units.digits.finditer(text, start, end):
        if TIME_LIMIT_AFTER.match(text, m.end(1)):
            continue
        if strict:
            approximate = m.group(2) or APPROX_BEFORE.search(text[max(start, m.start() - 3):m.start()])
            acted_on = ACTED_ON.search(text, max(start, m.start() - 4), m.start())
            if approximate or (_bare_count(m.group(0), text, start, m.start(), m.end()) and not acted_on):
                continue
        out.append((m.start(), m.end()))
    for m in units.chinese.finditer(text, start, end):
        if re.search("[十百千万]", m.group(1)) and not (strict and m.group(2)):
            out.append((m.start(), m.end()))
    return sorted(out)
