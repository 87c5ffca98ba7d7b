"""Step 5: element statuses become a weighted 0–100 total, a grade and the gate's verdict with its reasons."""

from __future__ import annotations

from checker.model import ElementResult, Finding, Score
from checker.packs.model import Pack
from checker.structure.genre import GENRE_NAMES
from checker.words import FINDING_WORDS

FAILING = {"error": ("error",), "warning": ("error", "warning"), "never": ()}


def score(elements: tuple[ElementResult, ...], pack: Pack, genre: str = "annual_report",
          fail_under: float | None = None, findings: tuple[Finding, ...] = ()) -> Score:
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
    reasons.extend(finding_reasons(findings, pack))
    return Score(total=total, grade=grade_for(total, pack), passed=not reasons, reasons=tuple(reasons))


def grade_for(total: float, pack: Pack) -> str:
    for letter, lowest in pack.grades:
        if total >= lowest:
            return letter
    return pack.grades[-1][0] if pack.grades else ""


def finding_reasons(findings: tuple[Finding, ...], pack: Pack) -> list[str]:
    """One reason per failing severity: 存在文字错误：个人信息 1 处、占位符未替换 2 处."""
    out = []
    for severity in FAILING.get(pack.fail_on, ("error",)):
        counts: dict[str, int] = {}
        for f in findings:
            if f.severity == severity:
                spec = pack.check(f.check)
                title = spec.title if spec else f.check
                counts[title] = counts.get(title, 0) + 1
        if counts:
            listed = "、".join(f"{title} {n} 处" for title, n in counts.items())
            out.append(f"存在文字{FINDING_WORDS[severity]}：{listed}")
    return out
