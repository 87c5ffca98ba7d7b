"""Step 5: element statuses become a weighted 0–100 total, a grade and the gate's verdict with its reasons."""

from __future__ import annotations

from checker.model import ElementResult, Score
from checker.packs.model import Pack
from checker.structure.genre import GENRE_NAMES


def score(elements: tuple[ElementResult, ...], pack: Pack, genre: str = "annual_report",
          fail_under: float | None = None) -> Score:
    judged = [e for e in elements if e.status != "skip"]
    possible = sum(e.weight * 2 for e in judged)
    total = round(100 * sum(e.weight * e.points for e in judged) / possible, 1) if possible else 0.0
    threshold = pack.gate.fail_under if fail_under is None else fail_under
    reasons = []
    if genre != "annual_report":
        reasons.append(f"该文档似为{GENRE_NAMES.get(genre, '其他文件')}，而非法治政府建设年度报告")
    if pack.gate.required_must_not_fail:
        missing = [e.title for e in judged if e.severity == "required" and e.status == "fail"]
        if missing:
            reasons.append("缺少必备要素：" + "、".join(missing))
    if total < threshold:
        reasons.append(f"总分 {total:g} 低于及格线 {threshold:g}")
    return Score(total=total, grade=grade_for(total, pack), passed=not reasons, reasons=tuple(reasons))


def grade_for(total: float, pack: Pack) -> str:
    for letter, lowest in pack.grades:
        if total >= lowest:
            return letter
    return pack.grades[-1][0] if pack.grades else ""
