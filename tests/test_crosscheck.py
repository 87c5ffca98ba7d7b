"""The cross-checks beyond their rule cases: items of a section, topic likeness, the labelled sets, and
--baseline-dir pairing each report with last year's by issuing body and year."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from checker.audit import audit_text
from checker.checks.items import items
from checker.checks.likeness import Likeness
from checker.evaluate.context import DocContext
from checker.model import RawText
from checker.structure import build_document
from tests.conftest import ROOT
from tests.helpers import invoke

DATA = ROOT / "tests" / "data" / "crosscheck"
TITLE = "某县人民政府关于2023年法治政府建设情况的报告\n一、主要举措和成效\n"


def doc(text: str):
    return build_document(RawText("t.txt", text, "utf-8", "text"))


# ---- items ----------------------------------------------------------------------------------------------------

def test_items_are_sub_headings_or_enumerated_pieces_without_lead_ins_and_causes(pack) -> None:
    d = doc("某县人民政府关于2022年法治政府建设情况的报告\n一、主要工作\n审核文件15件。\n"
            "二、存在的问题\n虽然取得了成效，但仍存在一些不足：一是执法人员素质不高。二是备案审查不及时。\n"
            "三、原因\n一是培训不够。\n"
            "四、2023年工作安排\n（一）开展执法人员轮训。\n（二）建成复议服务中心。为群众提供一站式服务。\n")
    view = DocContext(d, pack)
    assert [i.title for i in items(d, view.scope("problems"))] == ["执法人员素质不高", "备案审查不及时"]
    plan = items(d, view.scope("plan"))
    assert [i.title for i in plan] == ["开展执法人员轮训", "建成复议服务中心"]
    assert plan[1].text == "建成复议服务中心。为群众提供一站式服务。"


def test_cause_sub_headings_are_not_problems(pack) -> None:
    d = doc("某县人民政府关于2022年法治政府建设情况的报告\n一、存在的不足和原因\n（一）执法不够规范。\n"
            "（二）原因分析。培训不够系统。\n")
    assert [i.title for i in items(d, DocContext(d, pack).scope("problems"))] == ["执法不够规范"]


# ---- likeness -------------------------------------------------------------------------------------------------

def test_a_task_in_other_words_is_alike_and_another_task_is_not() -> None:
    task = "为一线执法人员配齐执法记录仪，开展执法全过程记录专项检查。"
    done = "新购置执法记录仪320台，一线执法人员实现人手一台。"
    other = "全年组织行政执法案卷评查，抽查案卷150卷。"
    likeness = Likeness([task, done, other])
    assert likeness.similarity(task, done) > 0.2 > likeness.similarity(task, other)


def test_a_task_is_not_done_by_a_sentence_sharing_only_its_field() -> None:
    task = "建成县级行政复议服务中心。"
    figures = "全年收到行政复议申请41件，审结38件。"
    likeness = Likeness([task, figures], frozenset({"行政复议"}))
    assert likeness.similarity(task, figures, task=True) == 0
    assert likeness.similarity(task, figures) > 0  # a problem in the field may be followed up by such work


# ---- the labelled sets ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["figures.yaml", "figures-heldout.yaml"])
def test_figure_consistency_never_cries_wolf_on_the_labelled_passages(pack, name: str) -> None:
    passages = yaml.safe_load((DATA / name).read_text(encoding="utf-8"))["passages"]
    alarms, found, truths = [], 0, 0
    for p in passages:
        got = [f for f in audit_text(TITLE + p["text"], pack).findings if f.check == "figure-consistency"]
        if p["truth"] == "none":
            alarms += [p["id"]] if got else []
        else:
            truths += 1
            found += bool(got)
    assert not alarms, alarms
    assert found / truths >= 0.8


def test_every_pair_names_real_lines() -> None:
    pairs = sorted((DATA / "pairs").glob("[0-9]*.yaml"))
    assert len(pairs) >= 12
    total = 0
    for path in pairs:
        truth = yaml.safe_load(path.read_text(encoding="utf-8"))
        last = (path.parent / truth["last"]).read_text(encoding="utf-8")
        this = (path.parent / truth["this"]).read_text(encoding="utf-8")
        for entry in (truth.get("problems") or []) + (truth.get("plan") or []):
            total += 1
            assert entry["item"] in last, (path.name, entry["item"])
            for key in ("work", "done", "again"):
                assert entry.get(key) is None or entry[key] in this, (path.name, entry[key])
    assert total >= 80


# ---- options --------------------------------------------------------------------------------------------------

def test_followup_options_are_checked_at_load(tmp_path: Path) -> None:
    from tests.test_checks import child_pack, problems_of

    root = child_pack(tmp_path / "p", """\
        checks:
          baseline-followup:
            options: {work_similarity: 15, plan_scop: plan}
        """)
    problems = problems_of(root)
    assert any(":3:" in p and "0 到 1 之间" in p and "work_similarity: 0.15" in p for p in problems)
    assert any('是否指 "plan_scope"' in p for p in problems)


def test_a_pack_without_the_scopes_gets_no_followup(pack) -> None:
    from dataclasses import replace

    bare = replace(pack, checks=tuple(replace(c, options={**c.options, "problems_scope": "none", "plan_scope": "none"})
                                      if c.id == "baseline-followup" else c for c in pack.checks))
    last = doc("某县人民政府关于2022年法治政府建设情况的报告\n一、存在的不足\n执法不规范。\n")
    result = audit_text("某县人民政府关于2023年法治政府建设情况的报告\n一、主要工作\n开展执法检查。\n", bare,
                        baseline=last)
    assert not [f for f in result.findings if f.check == "baseline-followup"]


# ---- --baseline-dir -------------------------------------------------------------------------------------------

@pytest.fixture
def years(tmp_path: Path) -> tuple[Path, Path]:
    """This year's reports and last year's, named so that file names would pair them wrongly."""
    pairs = DATA / "pairs"
    this, last = tmp_path / "2023", tmp_path / "2022"
    this.mkdir()
    last.mkdir()
    shutil.copy(pairs / "01-this.txt", this / "a.txt")      # 桐川县 2023
    shutil.copy(pairs / "04-this.txt", this / "b.txt")      # 白石镇 2023: no report of 2022 below
    shutil.copy(pairs / "01-last.txt", last / "b.txt")      # 桐川县 2022
    shutil.copy(pairs / "02-last.txt", last / "a.txt")      # 南岭市 2021
    return this, last


def followups(run_out: str) -> dict[str, list[dict]]:
    return {Path(d["path"]).name: [f for f in d["findings"] if f["check"] == "baseline-followup"]
            for d in json.loads(run_out)["documents"]}


def test_baseline_dir_pairs_by_body_and_year_not_by_file_name(years) -> None:
    this, last = years
    run = invoke("audit", "--format", "json", "--exit-zero", "-j", "1", "--baseline-dir", str(last), str(this))
    assert run.code == 0
    found = followups(run.out)
    assert any("桐川县人民政府关于2022年" in f["text"] for f in found["a.txt"])
    assert found["b.txt"] == []
    assert run.err.count("\n") == 1 and "b.txt 没有找到同一机关上一年度的报告" in run.err


def test_one_folder_of_all_years_pairs_each_report_with_the_year_before(tmp_path: Path) -> None:
    pairs = DATA / "pairs"
    for name in ("01-last.txt", "01-this.txt"):
        shutil.copy(pairs / name, tmp_path / name)
    run = invoke("audit", "--format", "json", "--exit-zero", "--baseline-dir", str(tmp_path), str(tmp_path))
    found = followups(run.out)
    assert found["01-this.txt"] and found["01-last.txt"] == []
    assert "01-last.txt 没有找到" in run.err


def exit_code(args: list[str], capsys) -> tuple[int, str]:
    from checker.cli.main import main

    with pytest.raises(SystemExit) as exit_info:
        main(args)
    return exit_info.value.code, capsys.readouterr().err


def test_baseline_dir_is_exclusive_with_baseline_and_must_be_a_folder(years, capsys) -> None:
    this, last = years
    code, err = exit_code(["audit", "--baseline", str(last / "a.txt"), "--baseline-dir", str(last), str(this)], capsys)
    assert code == 2 and "--baseline 与 --baseline-dir 不能同时使用" in err
    code, err = exit_code(["audit", "--baseline-dir", str(last / "a.txt"), str(this)], capsys)
    assert code == 2 and "不是目录" in err
    code, err = exit_code(["audit", "--baseline-dir", str(last), "-"], capsys)
    assert code == 2 and "标准输入" in err


def test_an_unreadable_baseline_is_named_and_the_batch_goes_on(years) -> None:
    this, last = years
    (last / "broken.docx").write_bytes(b"PK\x03\x04 not a real docx")
    run = invoke("audit", "--format", "json", "--exit-zero", "--baseline-dir", str(last), str(this))
    assert run.code == 0 and "broken.docx: 不能作为上年报告" in run.err
    assert followups(run.out)["a.txt"]


def test_parallel_workers_read_their_own_baselines(years) -> None:
    """-j 2 in real processes gives what -j 1 gives: each worker gets a path and reads only its own baseline."""
    this, last = years
    env = {"PATH": "/usr/bin:/bin", "NO_COLOR": "1", "PYTHONPATH": str(ROOT),
           "CHECKER_CACHE_DIR": os.environ["CHECKER_CACHE_DIR"]}
    outs = [subprocess.run([sys.executable, "-m", "checker", "audit", "--format", "json", "--exit-zero", "-j", jobs,
                            "--baseline-dir", str(last), str(this)], capture_output=True, env=env, cwd=ROOT,
                           timeout=120).stdout for jobs in ("1", "2")]
    assert followups(outs[0].decode()) == followups(outs[1].decode()) and followups(outs[0].decode())["a.txt"]
