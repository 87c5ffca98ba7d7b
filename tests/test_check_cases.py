"""Every case in rules/fazhi-annual/check-cases/<check>.yaml: a short draft and exactly the findings a careful reviewer expects
from that check (line, and a piece of the text or message). Each check has pass, fail and near-miss cases."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from checker.audit import _audit_raw
from checker.checks import REGISTRY
from checker.model import RawText
from checker.structure import build_document

CASES = Path(__file__).resolve().parent.parent / "rules" / "fazhi-annual" / "check-cases"
KINDS = ("pass", "fail", "near_miss")


def load_cases():
    for path in sorted(CASES.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for case in data["cases"]:
            yield pytest.param(data, case, id=f"{data['check']}[{case['name']}]")


def matches(finding, want: dict) -> bool:
    return (finding.line == want.get("line", finding.line)
            and want.get("text", "") in finding.text
            and want.get("message", "") in finding.message
            and finding.severity == want.get("severity", finding.severity))


@pytest.mark.parametrize(("data", "case"), list(load_cases()))
def test_check_case(pack, data: dict, case: dict) -> None:
    baseline = build_document(RawText("baseline", data["baseline"], "utf-8", "text")) if "baseline" in data else None
    properties = tuple((case.get("properties") or {}).items())  # what a reader records beside the text
    raw = RawText(case["name"], case["text"], "utf-8", "text", properties=properties)
    result = _audit_raw(raw, pack, None, baseline)
    got = [f for f in result.findings if f.check == data["check"]]
    shown = "\n".join(f"  line {f.line}:{f.column} [{f.severity}] {f.text} | {f.message}" for f in got)
    left = list(got)
    for want in case["expect"]:
        hit = next((f for f in left if matches(f, want)), None)
        assert hit is not None, f"{case['kind']} case: {case['why']}\n missing {want}\n got:\n{shown}"
        left.remove(hit)
    assert not left, f"{case['kind']} case: {case['why']}\n unexpected findings:\n{shown}"


def test_every_check_has_all_kinds_of_case(pack) -> None:
    missing = []
    for spec in pack.checks:
        path = CASES / f"{spec.id}.yaml"
        kinds = {c["kind"] for c in yaml.safe_load(path.read_text(encoding="utf-8"))["cases"]} \
            if path.is_file() else set()
        missing += [f"{spec.id}: no {k} case" for k in KINDS if k not in kinds]
    assert not missing, "\n".join(missing)


def test_case_files_name_real_checks() -> None:
    for path in CASES.glob("*.yaml"):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert data["check"] == path.stem and data["check"] in REGISTRY, path
        assert all(c["kind"] in KINDS for c in data["cases"]), path
        assert len({c["name"] for c in data["cases"]}) == len(data["cases"]), path


def test_every_registered_check_is_in_the_default_pack(pack) -> None:
    assert {c.id for c in pack.checks} == set(REGISTRY)
