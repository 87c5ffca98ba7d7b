"""Every case in rules/<pack>/cases/<element>.yaml: a short Chinese draft and the verdict a careful reviewer
gives that element. Written independently of the rules; each element has pass, fail and near-miss cases."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from checker.audit import audit_text
from checker.packs.loader import builtin_packs, load_pack
from tests.conftest import RULES

KINDS = ("pass", "fail", "near_miss")


def load_cases():
    for path in sorted(RULES.glob("*/cases/*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for case in data["cases"]:
            yield pytest.param(path.parent.parent.name, data["element"], case,
                               id=f"{path.parent.parent.name}/{data['element']}[{case['name']}]")


@pytest.mark.parametrize(("pack_id", "element_id", "case"), list(load_cases()))
def test_rule_case(pack_id: str, element_id: str, case: dict) -> None:
    result = audit_text(case["text"], load_pack(pack_id), source=case["name"])
    status = {e.id: e for e in result.elements}[element_id]
    assert status.status == case["expect"], (
        f"{case['kind']} case: {case['why']}\n got {status.status}, evidence: {status.evidence}")


@pytest.mark.parametrize("pack_id", builtin_packs())
def test_every_element_has_all_kinds_of_case(pack_id: str) -> None:
    pack = load_pack(pack_id)
    missing = []
    for element in pack.elements:
        kinds = set()
        for owner in (pack.id, *pack.extends):  # an inherited element's cases live with the pack that defines it
            path = RULES / owner / "cases" / f"{element.id}.yaml"
            if path.is_file():
                kinds |= {c["kind"] for c in yaml.safe_load(path.read_text(encoding="utf-8"))["cases"]}
        missing += [f"{element.id}: no {k} case" for k in KINDS if k not in kinds]
    assert not missing, "\n".join(missing)


def test_case_files_name_real_elements() -> None:
    for path in RULES.glob("*/cases/*.yaml"):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert data["element"] == path.stem
        assert load_pack(path.parent.parent.name).element(data["element"]) is not None, path
        assert all(c["kind"] in KINDS and c["expect"] in ("pass", "partial", "fail") for c in data["cases"]), path
        assert len({c["name"] for c in data["cases"]}) == len(data["cases"]), f"duplicate case names in {path}"


def test_rule_cases_exist() -> None:
    assert Path(RULES / "fazhi-annual" / "cases").is_dir()
