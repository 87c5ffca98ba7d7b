"""Heading numbers: at each level under one parent the sequence runs 一 二 三 …, (一) (二) …, 1. 2. … with no
gap, repeat or restart, in one style; a heading whose number was mangled (")实施八大工程") is reported with the
number it should have. Never raises, whatever the heading sequence (a property test pins this)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence

from checker.checks.base import Context
from checker.model import Finding, Section

CN_DIGITS = {"零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
CIRCLED = {chr(0x2460 + i): i + 1 for i in range(20)}


def value_of(number: str) -> int | None:
    """The integer a heading number stands for: 三 → 3, (十二) → 12, 4 → 4, (5) → 5, ⑥ → 6, 第二部分 → 2."""
    core = re.sub(r"^第|(?:部分|章)$", "", number.strip().strip("()（）、.: "))
    if not core:
        return None
    if core.isascii() and core.isdigit():
        return int(core)
    if core in CIRCLED:
        return CIRCLED[core]
    return chinese_value(core)


def chinese_value(core: str) -> int | None:
    if not core or any(ch not in CN_DIGITS and ch not in "十百" for ch in core):
        return None
    if "百" in core:
        head, _, rest = core.partition("百")
        hundreds = CN_DIGITS.get(head, 1 if not head else -1)
        rest_value = chinese_value(rest.lstrip("零")) if rest.lstrip("零") else 0
        return None if hundreds < 0 or rest_value is None else hundreds * 100 + rest_value
    if "十" in core:
        head, _, tail = core.partition("十")
        if "十" in tail or len(head) > 1 or len(tail) > 1:
            return None
        tens = CN_DIGITS[head] if head else 1
        return tens * 10 + (CN_DIGITS[tail] if tail else 0)
    return CN_DIGITS[core] if len(core) == 1 else None


def spell(value: int, like: str) -> str:
    """`value` written in the style of the heading number `like`: spell(3, "(二)") == "(三)"."""
    bare = like.strip()
    core = re.sub(r"^第|(?:部分|章)$", "", bare.strip("()（）、.: "))
    if core.isascii() and core.isdigit():
        digits = str(value)
    elif core in CIRCLED:
        digits = chr(0x2460 + value - 1) if 1 <= value <= 20 else str(value)
    else:
        digits = chinese(value)
    if bare.startswith("第"):
        return f"第{digits}{bare[len(bare.rstrip('部分章')):] or '部分'}"
    if bare.startswith("("):
        return f"({digits})"
    return digits


def chinese(value: int) -> str:
    names = "零一二三四五六七八九"
    if value < 10:
        return names[value]
    if value < 20:
        return "十" + (names[value - 10] if value > 10 else "")
    if value < 100:
        return names[value // 10] + "十" + (names[value % 10] if value % 10 else "")
    return str(value)


def run(ctx: Context) -> Iterator[Finding]:
    last: dict[int, int] = {}  # the last number seen at each rank, for numbering that runs on across sections
    yield from check_siblings(ctx, ctx.doc.sections, last)
    for section in ctx.doc.headings():
        yield from check_siblings(ctx, section.children, last, section)


def check_siblings(ctx: Context, siblings: Sequence[Section], last: dict[int, int] | None = None,
                   parent: Section | None = None) -> Iterator[Finding]:
    last = {} if last is None else last
    by_rank: dict[int, list[Section]] = {}
    for section in siblings:
        if section.number or section.malformed:
            by_rank.setdefault(section.rank, []).append(section)
    for rank, group in by_rank.items():
        yield from check_sequence(ctx, group, last.get(rank), parent)
        yield from check_punctuation(ctx, group)
        values = [value_of(s.number) for s in group if not s.malformed]
        if values and values[-1] is not None:
            last[rank] = values[-1]


SEPARATORS = "、.:,"


def check_punctuation(ctx: Context, group: list[Section]) -> Iterator[Finding]:
    """一、 and 二. at one level: the mark after the number differs from the one most siblings use."""
    marks = []
    for section in group:
        if section.malformed or not section.number:
            marks.append(None)
            continue
        marks.append(_mark(ctx, section))
    counted = Counter(m for m in marks if m is not None)
    if len(counted) < 2:
        return
    usual, _ = counted.most_common(1)[0]
    for section, mark in zip(group, marks):
        if mark is not None and mark != usual:
            written = f"{section.number}{mark}" if mark else section.number
            yield ctx.finding(section.heading.start, section.heading.end,
                              f"同级标题序号后的标点不一致：“{written}”，其他标题用“{usual or '无标点'}”",
                              text=f"{written}{section.title}")


def check_sequence(ctx: Context, group: list[Section], ran_on_from: int | None = None,
                   parent: Section | None = None) -> Iterator[Finding]:
    like = next((s.number for s in group if not s.malformed and value_of(s.number) is not None), None)
    first = value_of(group[0].number) if group and not group[0].malformed else None
    # 3. 4. under 二 after 1. 2. under 一: numbering that runs on through the whole report is a style, not a gap
    previous: int | None = ran_on_from if ran_on_from is not None and first == ran_on_from + 1 else None
    for section in group:
        value = None if section.malformed else value_of(section.number)
        expected = 1 if previous is None else previous + 1
        shown = f"{section.number}{section.title}"
        if value is None:
            if section.malformed or section.number:
                proper = spell(expected, like) if like else "完整的序号"
                yield ctx.finding(section.heading.start, section.heading.end,
                                  f"标题序号残缺（“{section.number}”），按顺序应为“{proper}”", text=shown)
            previous = expected
            continue
        if previous is None and value != 1 and _continues(ctx, parent, section, value):
            yield ctx.finding(section.heading.start, section.heading.end,
                              f"序号样式不一致：“{section.number}{_mark(ctx, section)}”接着上一级的"
                              f"“{parent.number}{_mark(ctx, parent)}”往下编，应为同级的"
                              f"“{spell(value, parent.number)}{_mark(ctx, parent)}”", text=shown)
        elif previous is None and value != 1:
            yield ctx.finding(section.heading.start, section.heading.end,
                              f"本级第一个标题的序号是“{section.number}”，应从“{spell(1, section.number)}”开始",
                              text=shown)
        elif previous is not None and value == previous:
            yield ctx.finding(section.heading.start, section.heading.end,
                              f"序号“{section.number}”重复，应为“{spell(expected, section.number)}”", text=shown)
        elif previous is not None and value > expected:
            missing = "、".join(spell(v, section.number) for v in range(expected, min(value, expected + 5)))
            yield ctx.finding(section.heading.start, section.heading.end,
                              f"序号跳过了“{missing}”（上一个是“{spell(previous, section.number)}”）", text=shown)
        elif previous is not None and value < previous:
            yield ctx.finding(section.heading.start, section.heading.end,
                              f"序号“{section.number}”排在“{spell(previous, section.number)}”之后，顺序颠倒或重新开始",
                              text=shown)
        previous = value


def _continues(ctx: Context, parent: Section | None, section: Section, value: int) -> bool:
    """一、二、3、: a first sub-heading numbered one past its parent, with the parent's mark after the number, is
    the parent's next sibling written in another style (a real sub-level has its own form: (二), 2.)."""
    return (parent is not None and not parent.malformed and value_of(parent.number) == value - 1
            and _mark(ctx, parent) == _mark(ctx, section) != "")


def _mark(ctx: Context, section: Section) -> str:
    """The separator right after a heading's number (、 . : ,), or "" if there is none."""
    at = section.heading.start + len(section.number)
    after = ctx.text[at:at + 1] if 0 <= at < len(ctx.text) else ""
    return after if after and after in SEPARATORS else ""
