"""Figures that disagree (勾稽关系): parts that add up to more than their whole, shares over 100%, a rate that the
counts beside it do not give, a year-on-year change its own two figures contradict, and the same quantity given
twice with different values.

Precision comes first: when a sentence can be read in a way that makes its figures agree, nothing is said. So
approximate figures (10余件) never take part, different units never add (件, 人次 and 次 are different things), a
part is compared with every total before its 其中, and a rate with every count it could be a share of.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass

from checker.checks.base import Context, Covering
from checker.checks.quantities import Figure, figures, number, shown
from checker.checks.topics import topics_of
from checker.model import Finding, Span

PARTS = re.compile(r"其中(?!包括|包含|之一|涉及|不少于)")
STAGES = re.compile(r"受理|审结|办结|结案|立案|审理|开庭|答复|办理|处理|完成|收到|收案")
NOT_A_PARTITION = re.compile(r"累计|历年|以来|截至|截止|同比|上年|去年|(?:19|20)\d\d年|涉|适用|占")
RATE_VERBS = re.compile(r"(?:均|分别|已经|已|也|仍|同比|全年|平均)?(?:保持在|保持|达到了|达到|提高到|提升到|提高至|提升至|上升到|上升至|"
                        r"增至|达|为|是|约为|约|超过|在)?$")
SHARE_NAME = re.compile(r"(?:率|占比|比例|比重|满意度|知晓度)$")
NOT_A_SHARE = re.compile(r"增长|增幅|增速|涨幅|上升|提高|提升|下降|降低|减少|增加|同比|环比|超出|高出|完成|超额|计划|目标|任务|"
                         r"结收比|利用率|周转")
SHARE_OF_BEFORE = re.compile(r"^(?:约|均|分别)?占(?:比)?(?:为|达|达到)?$")
NEGATED = re.compile(r"未|不|没有|无")
SHARED_RATE = re.compile(r"均|分别|以上")
CLAUSE_BREAK = re.compile(r"[,;:，；：]")
CHANGE = re.compile(r"(?:同比|较上年|比上年|比去年|较去年|与上年相比|较\d{4}年|比\d{4}年)?(?:分别)?"
                    r"(?P<verb>增长|增加|上升|提高|提升|下降|减少|降低)了?$")
DOWN = ("下降", "减少", "降低")
PREVIOUS_YEAR = re.compile(r"上年|去年|上一年|上年度|上年同期|同期")
# What a count's label may start with and still name the same thing: the government itself, the year, a total.
LEAD_WORDS = re.compile(r"^(?:[省市县区旗]?(?:人民)?政府|其中|全年|本年度|本年|年内|今年|当年|一年来|共计|总计|合计|一共|共|"
                        r"组织开展|开展|组织|举办|召开|完成|办理|进行|实施|集中|先后)+")
LABEL_TAIL = re.compile(r"(?:达到|达|为|共|了|有|约|计)+$")
NOT_ONE_COUNT = re.compile(r"累计|历年|以来|截至|截止|近[一二三四五两\d]年|[三五]年来|同比|上年|去年|比上|较上|增长|下降|增加|减少|"
                           r"分别|平均|每|目标")
YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)\s?年")
MIN_LABEL = 4


def run(ctx: Context) -> Iterator[Finding]:
    plan = Covering(ctx.scope("plan"))
    counted: list[tuple[Figure, Span]] = []
    heads = Covering(s.heading for s in ctx.doc.headings())
    for span in ctx.content:
        before: tuple[Span, list[Figure]] | None = None
        for sentence in ctx.sentences(span):
            if heads.contains(sentence):
                continue
            found = figures(ctx.text, sentence.start, sentence.end)
            same_paragraph = before is not None and "\n" not in ctx.text[before[0].end:sentence.start]
            previous = before[1] if same_paragraph else []
            before = (sentence, found)
            if not found:
                continue
            yield from _parts(ctx, found, sentence, previous)
            yield from _shares(ctx, found)
            yield from _rates(ctx, found, sentence)
            yield from _changes(ctx, found)
            if not plan.holds(sentence.start):
                if _one_count(ctx, found[0], sentence):
                    counted.append((found[0], sentence))
    yield from _twice(ctx, counted)


# ---- parts and their whole ----------------------------------------------------------------------------------

def _parts(ctx: Context, found: list[Figure], sentence: Span, previous: list[Figure]) -> Iterator[Finding]:
    """其中 after a total in the same sentence, or opening a sentence after the one that gives the total.
    The figures are in text order, so the totals before each 其中 are kept as it is reached (the largest and the
    last of each unit), and the parts after it are found by bisection: linear in the figures of the sentence."""
    marks = [m.start() for m in PARTS.finditer(ctx.text, sentence.start, sentence.end)]
    if not marks:
        return
    starts = [f.start for f in found]
    so_far: dict[str, tuple[float, Figure]] = {}  # unit → (largest value, last figure) of the countable ones
    taken = 0
    for i, mark in enumerate(marks):
        stop = marks[i + 1] if i + 1 < len(marks) else sentence.end
        while taken < len(found) and found[taken].end <= mark:
            _keep(so_far, found[taken])
            taken += 1
        wholes = so_far
        if mark == sentence.start:
            wholes = {}
            for f in previous:
                _keep(wholes, f)
        after = found[bisect_right(starts, mark):bisect_left(starts, stop)]
        for unit in dict.fromkeys(f.unit for f in after if f.unit != "%"):
            parts = [f for f in after if f.unit == unit]
            if unit not in wholes or any(p.approx for p in parts) or _not_a_partition(parts):
                continue
            total = sum(p.value for p in parts)
            largest, whole = wholes[unit]
            if total <= largest + 1e-9:
                continue
            if len(parts) == 1:
                detail = f"“其中”一项“{_said(ctx, parts[0])}”多于总数“{_said(ctx, whole)}”"
            else:
                sums = "+".join(number(p.value) for p in parts)
                detail = f"“其中”各项{sums}={shown(total, unit)}，多于总数“{_said(ctx, whole)}”"
            yield ctx.finding(whole.label_start, parts[-1].end, detail,
                              suggestion="核对合计数和各分项：分项之和不应超过合计；分项如有交叉或另有口径，写明口径。")


def _keep(so_far: dict[str, tuple[float, Figure]], f: Figure) -> None:
    if _countable(f):
        largest = so_far[f.unit][0] if f.unit in so_far else f.value
        so_far[f.unit] = (max(largest, f.value), f)


def _not_a_partition(parts: list[Figure]) -> bool:
    """Stages of one flow (受理38件，审结36件), running totals, other years and shares are not parts to add."""
    if sum(1 for p in parts if STAGES.search(p.label)) >= 2:
        return True
    return any(NOT_A_PARTITION.search(p.label) for p in parts)


# ---- shares over 100% ---------------------------------------------------------------------------------------

def _shares(ctx: Context, found: list[Figure]) -> Iterator[Finding]:
    for f in found:
        if f.unit != "%" or f.approx or f.value <= 100:
            continue
        name = RATE_VERBS.sub("", f.label)
        if SHARE_NAME.search(name) and not NOT_A_SHARE.search(name):
            yield ctx.finding(f.label_start, f.end, f"“{_said(ctx, f)}”是所占比例，不可能超过100%",
                              suggestion="核对分子和分母：比例不超过100%；如是增长幅度或完成目标的程度，写明“增长”“完成目标的”。")


# ---- a rate and the counts it is made of --------------------------------------------------------------------

def _rates(ctx: Context, found: list[Figure], sentence: Span) -> Iterator[Finding]:
    earlier: list[Figure] = []  # the counts before the figure at hand, kept as the figures are read
    for rate in found:
        if _countable(rate):
            if rate.unit != "元":
                earlier.append(rate)
            continue
        if rate.unit != "%" or rate.approx or rate.value > 100 or SHARED_RATE.search(rate.label):
            continue
        name = RATE_VERBS.sub("", rate.label)
        if SHARE_OF_BEFORE.match(rate.label) and earlier and earlier[-1].end >= rate.label_start - 1:
            numerators = [[earlier[-1]]]
        elif name.endswith("率") and not NOT_A_SHARE.search(name) and len(name) >= 3:
            numerators = _numerators(earlier, name[-3:-1])
        else:
            continue
        tolerance = 10.0 ** -_decimals(ctx.text[rate.start:rate.end]) + 1e-9
        readings = [(parts, whole) for parts in numerators for whole in _wholes(ctx, earlier, parts, sentence)]
        if not readings or any(abs(_sum(parts) / whole.value * 100 - rate.value) <= tolerance
                               for parts, whole in readings):
            continue
        parts, whole = readings[0]
        share = _sum(parts) / whole.value * 100
        counted = "+".join(f"“{_said(ctx, p)}”" for p in parts)
        yield ctx.finding(whole.label_start, rate.end,
                          f"{'+'.join(number(p.value) for p in parts)}÷{number(whole.value)}={share:.1f}%，"
                          f"与所写“{_said(ctx, rate)}”不符（{counted}÷“{_said(ctx, whole)}”）",
                          suggestion="核对比率和计算它的两个数字，使比率等于所列数字之比（四舍五入）。")


def _numerators(earlier: list[Figure], key: str) -> list[list[Figure]]:
    """What the rate may count: the nearest count whose label names it (出庭率 → 负责人出庭40件), and the run of
    such counts before the rate together (局长出庭应诉1件，副局长出庭应诉2件). None when a count negates it."""
    run: list[Figure] = []
    for f in reversed(earlier):
        at = f.label.find(key)
        if at == -1:
            if run:
                break
            continue
        if NEGATED.search(f.label[:at]) or (run and f.unit != run[0].unit):
            return []
        run.insert(0, f)
    return [run[-1:], run] if len(run) > 1 else [run] if run else []


def _wholes(ctx: Context, earlier: list[Figure], parts: list[Figure], sentence: Span) -> list[Figure]:
    """Counts in the unit of the parts, before them, at least as large, and in a clause of their own (not a
    sibling in a list: 县政府文件9件、部门文件7件). Parts after 其中 are compared with the totals before the 其中."""
    first = parts[0]
    marks = [m.start() for m in PARTS.finditer(ctx.text, sentence.start, first.start)]
    limit = marks[-1] if marks else first.start
    return [f for f in earlier if f.unit == first.unit and f.end <= limit and f.value >= _sum(parts) and f.value > 0
            and CLAUSE_BREAK.search(ctx.text, f.end, first.label_start + 1)]


def _sum(parts: list[Figure]) -> float:
    return sum(p.value for p in parts)


def _decimals(written: str) -> int:
    m = re.search(r"\.(\d+)", written)
    return len(m.group(1)) if m else 0


# ---- year on year -------------------------------------------------------------------------------------------

def _changes(ctx: Context, found: list[Figure]) -> Iterator[Finding]:
    """The counts of the sentence and those of them that are last year's are the same for every change claimed in
    it: they are found once, and this year's counts before each claim are kept as the claims are reached."""
    previous: list[Figure] | None = None
    current: list[Figure] = []
    values: list[float] = []  # the values of current, sorted, each once
    taken = 0
    for claim in found:
        if claim.unit != "%" or claim.approx:
            continue
        m = CHANGE.search(claim.label)
        if m is None:
            continue
        if previous is None:
            counts = [f for f in found if _countable(f)]
            before_year = [f for f in counts if _last_year(ctx, f)]
            if not before_year:
                return
            unit = before_year[0].unit
            previous = [f for f in before_year if f.unit == unit and f.value > 0]
            if not previous:
                return
            bases = list(dict.fromkeys(f.value for f in previous))
            last_year = {id(f) for f in before_year}
            this_year = [f for f in counts if f.unit == unit and id(f) not in last_year]
        while taken < len(this_year) and this_year[taken].end <= claim.start:
            current.append(this_year[taken])
            at = bisect_left(values, this_year[taken].value)
            if at == len(values) or values[at] != this_year[taken].value:
                values.insert(at, this_year[taken].value)
            taken += 1
        if not current:
            continue
        sign = -1 if m.group("verb") in DOWN else 1
        tolerance = 10.0 ** -_decimals(ctx.text[claim.start:claim.end]) + 1e-9
        if any(_gives(values, p, sign * claim.value, tolerance) for p in bases):
            continue
        now, then = current[-1], previous[0]
        change = (now.value - then.value) / then.value * 100
        said = f"增长{change:.1f}%" if change >= 0 else f"下降{-change:.1f}%"
        yield ctx.finding(min(now.label_start, then.label_start), max(claim.end, then.end),
                          f"({number(now.value)}-{number(then.value)})÷{number(then.value)}，应为{said}，"
                          f"与所写“{_said(ctx, claim)}”不符",
                          suggestion="核对本年和上年的数字及增减幅度：幅度=（本年-上年）÷上年。")


def _gives(values: list[float], base: float, change: float, tolerance: float) -> bool:
    """Some value n (sorted) changes base by change% within tolerance: abs((n - base) / base * 100 - change) <=
    tolerance. The difference grows with n (each step rounds monotonically), so the values that pass are a run of
    the sorted list, found by bisection: the first value not below the run is in it if any is."""
    def off(n: float) -> float:
        return (n - base) / base * 100 - change

    i = bisect_left(values, -tolerance, key=off)
    return i < len(values) and abs(off(values[i])) <= tolerance


def _last_year(ctx: Context, f: Figure) -> bool:
    """上年为100件, 由2022年的80件 (in a report on 2023), 较上年(410件)."""
    said = f.label
    if not said and ctx.text[f.label_start - 1:f.label_start] in "(（":
        said = ctx.text[max(0, f.label_start - 6):f.label_start]
    if PREVIOUS_YEAR.search(said):
        return True
    year = ctx.doc.meta.year
    m = YEAR.search(said)
    return bool(year and m and int(m.group(1)) == year - 1)


# ---- the same quantity twice --------------------------------------------------------------------------------

@dataclass(frozen=True)
class _Count:
    """A figure, the sentence it stands in and what it counts: the unit of comparison between two mentions."""
    figure: Figure
    sentence: Span
    key: tuple[str, str]


def _twice(ctx: Context, counted: list[tuple[Figure, Span]]) -> Iterator[Finding]:
    """The first figure of each sentence is its own count (审核18件); later ones often depend on it (提出意见46条
    about those 18), so only first figures are compared."""
    first: dict[tuple[str, str], _Count] = {}
    told: set[tuple[tuple[str, str], float]] = set()
    topics: dict[Span, frozenset[str]] = {}  # an earlier count is compared with each later one: its topics once

    def topics_in(span: Span) -> frozenset[str]:
        if span not in topics:
            topics[span] = topics_of(ctx.text[span.start:span.end], ctx.pack)
        return topics[span]

    for f, sentence in counted:
        label = _core(f.label)
        if len(label) < MIN_LABEL:
            continue
        header = ctx.text[sentence.start:f.label_start]  # 行政复议：结果维持2件 and 行政诉讼：结果维持1件 differ
        colon = max(header.rfind(":"), header.rfind("："))
        count = _Count(f, sentence, (header[:colon] + label if colon != -1 else label, f.unit))
        earlier = first.setdefault(count.key, count)
        if earlier is count or earlier.figure.value == f.value or (count.key, f.value) in told:
            continue
        if not (topics_in(earlier.sentence) & topics_in(sentence)):
            continue
        told.add((count.key, f.value))
        line = ctx.doc.position(earlier.figure.start)[0]
        yield ctx.finding(f.label_start, f.end,
                          f"同一事项前后数字不一致：第{line}行写“{_said(ctx, earlier.figure)}”，此处写“{_said(ctx, f)}”",
                          suggestion="核对原始数据，同一事项在报告中只用一个数字；确属不同范围或时段的，写明范围或时段。")


def _one_count(ctx: Context, f: Figure, sentence: Span) -> bool:
    """A figure that states this year's count of something: not a total over years, a comparison, a part, a
    target or an average."""
    if f.approx or f.unit in ("%", "‰"):
        return False
    said = ctx.text[sentence.start:sentence.end]
    if NOT_ONE_COUNT.search(said) or said.startswith("其中") or ctx.evaluation.future_marker.search(said):
        return False
    year = ctx.doc.meta.year
    return all(int(y) == year for y in YEAR.findall(said)) if year else not YEAR.search(said)


def _core(label: str) -> str:
    return LABEL_TAIL.sub("", LEAD_WORDS.sub("", label.strip()))


# ---- shared -------------------------------------------------------------------------------------------------

def _countable(f: Figure) -> bool:
    return f.unit not in ("%", "‰") and not f.approx


def _said(ctx: Context, f: Figure) -> str:
    """The figure as the report writes it, with its label (负责人出庭40件)."""
    said = " ".join(ctx.doc.raw_slice(Span(f.label_start, f.end)).split())
    return said.removeprefix("其中")

