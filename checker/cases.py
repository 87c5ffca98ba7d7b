"""Rule cases: short drafts with the status a reviewer gives one element. A pack's own cases live in
<pack>/cases/<element>.yaml; the built-in packs' cases live in the source tree's tests/rule_cases/<pack>/."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from checker.packs.model import Pack

KINDS = ("pass", "fail", "near_miss")


@dataclass(frozen=True, slots=True)
class CaseOutcome:
    element: str
    name: str
    expect: str
    got: str
    why: str

    @property
    def ok(self) -> bool:
        return self.expect == self.got


def find_cases(pack: Pack) -> list[Path]:
    own = Path(pack.origin).parent / "cases"
    if own.is_dir():
        return sorted(own.glob("*.yaml"))
    source_tree = Path(__file__).resolve().parents[1] / "tests" / "rule_cases" / pack.id
    return sorted(source_tree.glob("*.yaml")) if source_tree.is_dir() else []


def load_case_file(path: Path) -> list[dict]:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return list(data.get("cases") or [])


def run_cases(pack: Pack, files: list[Path]) -> list[CaseOutcome]:
    from checker.audit import audit_text

    outcomes = []
    for path in files:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        element_id = data.get("element", path.stem)
        for case in data.get("cases") or []:
            result = audit_text(case["text"], pack, source=case["name"])
            got = next((e.status for e in result.elements if e.id == element_id), "missing")
            outcomes.append(CaseOutcome(element_id, case["name"], case["expect"], got, case.get("why", "")))
    return outcomes
