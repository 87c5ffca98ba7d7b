"""Rule cases: short drafts with the status a reviewer gives one element. They live beside the element they test,
in <pack>/cases/<element>.yaml of the pack that defines it, so that they ship with the built-in packs and an
inherited element brings its cases along."""

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
    """The pack's own case files (cases/*.yaml beside its pack.yaml), and for each element without one of its own,
    the case file of the pack that defines it."""
    own = {path.stem: path for path in (Path(pack.origin).parent / "cases").glob("*.yaml")}
    inherited = {e.id: Path(e.origin).parent.parent / "cases" / f"{e.id}.yaml" for e in pack.elements
                 if e.origin and e.id not in own}
    return sorted([*own.values(), *(path for path in inherited.values() if path.is_file())])


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
