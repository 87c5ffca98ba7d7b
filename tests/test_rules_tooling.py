"""Rule tooling: rules list/show/test, explain, the level variants and the worked example of a local pack."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from checker.audit import audit_source, audit_text
from checker.cli.rules import explain, rules
from checker.packs.loader import load_pack
from checker.packs.select import choose, load_variants
from checker.read import read_source
from checker.structure import build_document
from tests.conftest import ROOT, SEEDS

EXAMPLE = ROOT / "examples" / "province-pack"


def run(command, *args: str):
    result = CliRunner().invoke(command, list(args), standalone_mode=False, catch_exceptions=False)
    return result.return_value, result.stdout, result.stderr


def test_rules_list_shows_origin_and_years() -> None:
    code, out, _ = run(rules, "list", "--pack", str(EXAMPLE))
    assert code == 0
    assert "example-province ← fazhi-annual" in out
    assert "enforcement-coordination" in out and "2024–年" in out and "enforcement-coordination.yaml" in out


def test_rules_show_explains_matchers_in_words_with_examples() -> None:
    code, out, _ = run(rules, "show", "three-enforcement-systems")
    assert code == 0
    for words in ("要求：", "依据：", "判为具备：", "判为薄弱：", "合格示例", "不合格示例", "国办发〔2018〕118号"):
        assert words in out, words


def test_explain_is_addressed_to_a_writer() -> None:
    code, out, _ = run(explain, "problem-causes")
    assert code == 0 and "要写什么" in out and "怎么写" in out


def test_unknown_element_suggests_the_nearest() -> None:
    from checker.errors import UsageError

    with pytest.raises(UsageError, match="problem-causes"):
        run(rules, "show", "problem-cause")


def _case_count(path: Path) -> int:
    """The number of cases in a case file, or in every case file of a folder."""
    files = sorted(path.glob("*.yaml")) if path.is_dir() else [path]
    return sum(len(yaml.safe_load(p.read_text(encoding="utf-8"))["cases"]) for p in files)


def test_worked_example_pack_passes_its_own_and_its_inherited_cases() -> None:
    code, out, _ = run(rules, "test", str(EXAMPLE))
    expected = _case_count(EXAMPLE / "cases") + _case_count(ROOT / "rules" / "fazhi-annual" / "cases")
    assert code == 0 and f"{expected} passed, 0 failed" in out


def test_worked_example_pack_audits_a_draft(tmp_path: Path) -> None:
    pack = load_pack(str(EXAMPLE))
    result = audit_text("某县人民政府关于2024年度法治政府建设情况的报告\n全年开展行政执法案卷评查2次，评查案卷316卷。",
                        pack)
    status = {e.id: e.status for e in result.elements}
    assert status["enforcement-coordination"] == "pass" and len(status) == 20


def test_rules_test_reports_a_failing_case(tmp_path: Path) -> None:
    pack_dir = tmp_path / "mine"
    (pack_dir / "cases").mkdir(parents=True)
    (pack_dir / "pack.yaml").write_text(f"id: mine\ntitle: t\nversion: '1'\nextends: {ROOT / 'rules' / 'fazhi-annual'}\n",
                                        encoding="utf-8")
    (pack_dir / "cases" / "problems.yaml").write_text(
        "element: problems\ncases:\n  - {name: wrong, kind: pass, expect: pass, why: 故意写错, text: 全年办理案件12件。}\n",
        encoding="utf-8")
    code, out, _ = run(rules, "test", str(pack_dir))
    inherited = _case_count(ROOT / "rules" / "fazhi-annual" / "cases") - _case_count(
        ROOT / "rules" / "fazhi-annual" / "cases" / "problems.yaml")  # its own problems.yaml replaces the default's
    assert code == 1 and "problems[wrong]" in out and f"{inherited} passed, 1 failed" in out


@pytest.mark.parametrize(("seed", "pack"), [
    ("000", "fazhi-annual"), ("001", "fazhi-annual"), ("002", "fazhi-annual"),
    ("003", "fazhi-township"), ("004", "fazhi-sanxiang"),
])
def test_each_seed_is_judged_by_the_right_variant(seed: str, pack: str) -> None:
    path = next(SEEDS.glob(f"{seed}_*.txt"))
    chosen, why = choose(build_document(read_source(str(path))))
    assert chosen == pack and why.startswith("自动选择")


def test_level_option_picks_by_name() -> None:
    doc = build_document(read_source(str(next(SEEDS.glob("000_*.txt")))))
    assert choose(doc, "department")[0] == "fazhi-department"
    assert choose(doc, "city")[0] == "fazhi-city"
    assert choose(doc, "county")[0] == "fazhi-annual"


def test_variants_file_names_real_packs() -> None:
    variants = load_variants()
    for variant in variants.variants:
        load_pack(variant.pack)
    assert set(variants.levels) == {"province", "city", "county", "township", "department"}


def test_sanxiang_variant_only_informs_on_what_a_special_report_does_not_cover() -> None:
    path = next(SEEDS.glob("004_*.txt"))
    result = audit_source(str(path), load_pack("fazhi-sanxiang"))
    elements = {e.id: e for e in result.elements}
    assert elements["administrative-reconsideration"].status == "fail"
    assert elements["administrative-reconsideration"].weight == 0
    assert elements["administrative-reconsideration"].severity == "advisory"
    assert elements["three-enforcement-systems"].status == "pass"
    assert "缺少必备要素：重大行政决策、行政复议" not in result.score.reasons


def test_audit_chooses_the_variant_and_says_why() -> None:
    import json

    from tests.helpers import invoke

    run = invoke("audit", "--format", "json", "--exit-zero", str(SEEDS))
    packs = {Path(d["path"]).name[:3]: d["pack"] for d in json.loads(run.out)["documents"]}
    assert packs["003"]["id"] == "fazhi-township" and "乡镇" in packs["003"]["reason"]
    assert packs["004"]["id"] == "fazhi-sanxiang" and "三项制度" in packs["004"]["reason"]
    assert packs["001"]["id"] == "fazhi-annual" and "2015－2020" in packs["001"]["reason"]
    text = invoke("audit", "--no-color", str(next(SEEDS.glob("003_*.txt")))).out
    assert "fazhi-township" in text and "选择依据" in text


def test_level_and_pack_options() -> None:
    import json

    from tests.helpers import invoke

    seed = str(next(SEEDS.glob("003_*.txt")))
    by_level = json.loads(invoke("audit", "--format", "json", "--level", "county", seed).out)["documents"][0]
    assert by_level["pack"] == {"id": "fazhi-annual", "version": "2025.1",
                                "reason": by_level["pack"]["reason"]} and "--level county" in by_level["pack"]["reason"]
    by_pack = json.loads(invoke("audit", "--format", "json", "--pack", "fazhi-department", seed).out)["documents"][0]
    assert by_pack["pack"] == {"id": "fazhi-department", "version": "2025.1"}


def test_explain_through_the_main_cli() -> None:
    from tests.helpers import invoke

    run = invoke("explain", "three-enforcement-systems")
    assert run.code == 0 and "要写什么" in run.out


def test_unknown_level_is_a_usage_error(capsys) -> None:
    from checker.cli.main import main

    with pytest.raises(SystemExit) as info:
        main(["audit", "--level", "village", str(next(SEEDS.glob("003_*.txt")))])
    assert info.value.code == 2 and "village" in capsys.readouterr().err


def _own_pack(tmp_path: Path, cases: str) -> Path:
    pack_dir = tmp_path / "mine"
    (pack_dir / "cases").mkdir(parents=True)
    (pack_dir / "pack.yaml").write_text(f"id: mine\ntitle: t\nversion: '1'\nextends: {ROOT / 'rules' / 'fazhi-annual'}\n",
                                        encoding="utf-8")
    (pack_dir / "cases" / "problems.yaml").write_text(cases, encoding="utf-8")
    return pack_dir


@pytest.mark.parametrize(("cases", "where", "what"), [
    ("element: problems\ncases:\n  - {name: a, kind: pass, expect: passed, why: 写错, text: 全年办理案件12件。}\n",
     ":3:", '"expect" 应为 pass、partial、fail、skip 之一，实际为"passed"'),
    ("element: problemz\ncases:\n  - {name: a, kind: pass, expect: pass, why: 写错, text: 全年办理案件12件。}\n",
     ":1:", 'element "problemz" 不是规则包 mine 的要素；是否指 "problems"'),
    ("element: problems\ncases:\n  - {name: a, kind: good, expect: pass, why: 写错, text: 全年办理案件12件。}\n",
     ":3:", '"kind" 应为 pass、fail、near_miss 之一'),
    ("element: problems\ncases:\n  - {name: a, kind: pass, expect: pass, text: 全年办理案件12件。}\n",
     ":3:", '缺少 "why"'),
])
def test_bad_rule_cases_are_errors_in_chinese_with_file_and_line(tmp_path: Path, capsys, cases, where, what) -> None:
    from checker.cli.main import main

    pack_dir = _own_pack(tmp_path, cases)
    with pytest.raises(SystemExit) as info:
        main(["rules", "test", str(pack_dir)])
    err = capsys.readouterr().err
    assert info.value.code == 2 and f"problems.yaml{where}" in err and what in err and "实际missing" not in err
