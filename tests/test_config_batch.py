"""Configuration discovery and errors, per-path settings, and batches that keep their order in parallel."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from checker.cli.batch import WORKER_GONE, Job, _in_workers
from checker.cli.config import find_config, load_config
from checker.cli.main import main
from checker.errors import PackError
from checker.model import Result
from tests.conftest import SEEDS
from tests.helpers import invoke


def run_main(args: list[str], capsys) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as info:
        main(args)
    captured = capsys.readouterr()
    return info.value.code, captured.out, captured.err


def project(tmp_path: Path, config: str) -> Path:
    (tmp_path / ".checker.yaml").write_text(config, encoding="utf-8")
    (tmp_path / "departments").mkdir()
    (tmp_path / "drafts").mkdir()
    shutil.copy(next(SEEDS.glob("000_*.txt")), tmp_path / "drafts" / "county.txt")
    shutil.copy(next(SEEDS.glob("000_*.txt")), tmp_path / "departments" / "bureau.txt")
    return tmp_path


def test_config_is_found_by_walking_up(tmp_path: Path) -> None:
    root = project(tmp_path, "fail_under: 95\n")
    assert find_config(root / "drafts") == root / ".checker.yaml"


def test_config_settings_apply_and_the_command_line_wins(tmp_path: Path, monkeypatch) -> None:
    root = project(tmp_path, "format: json\nfail_under: 95\ndisable: [problem-causes]\n"
                             "paths:\n  - match: 'departments/**'\n    level: department\n")
    monkeypatch.chdir(root / "drafts")
    run = invoke("audit", str(root))
    docs = {Path(d["path"]).name: d for d in json.loads(run.out)["documents"]}
    assert docs["bureau.txt"]["pack"]["id"] == "fazhi-department"
    assert docs["county.txt"]["pack"]["id"] == "fazhi-annual"
    status = {e["id"]: e["status"] for e in docs["county.txt"]["elements"]}
    assert status["problem-causes"] == "skip"
    assert any("低于及格线 95" in r for r in docs["county.txt"]["reasons"])
    run = invoke("audit", "--format", "json", "--fail-under", "10", "--level", "county", str(root))
    docs = {Path(d["path"]).name: d for d in json.loads(run.out)["documents"]}
    assert docs["bureau.txt"]["pack"]["id"] == "fazhi-annual" and docs["county.txt"]["passed"]


def test_isolated_and_explicit_config(tmp_path: Path, monkeypatch) -> None:
    root = project(tmp_path, "format: json\n")
    monkeypatch.chdir(root)
    assert invoke("audit", "--isolated", "--no-color", "drafts").out.lstrip().startswith("╭")
    other = tmp_path / "other.yaml"
    other.write_text("fail_under: 99\n", encoding="utf-8")
    run = invoke("audit", "--config", str(other), "--format", "json", "drafts")
    assert "低于及格线 99" in run.out


@pytest.mark.parametrize(("text", "where", "what"), [
    ("fail_undr: 70\n", ":1:", '是否指 "fail_under"'),
    ("level: villages\n", ":1:", "villages"),
    ("paths:\n  - level: county\n", ":2:", '缺少 "match"'),
    ("severity: {signoff: fatal}\n", ":1:", "severity"),
    ("format: [json\n", ":2:", "YAML 语法错误"),
])
def test_bad_config_is_an_exit_two_error_naming_file_and_line(tmp_path: Path, capsys, text, where, what) -> None:
    config = tmp_path / ".checker.yaml"
    config.write_text(text, encoding="utf-8")
    with pytest.raises(PackError):
        load_config(config)
    code, _, err = run_main(["audit", "--config", str(config), str(next(SEEDS.glob("001_*.txt")))], capsys)
    assert code == 2 and f".checker.yaml{where}" in err and what in err and "Traceback" not in err


def test_missing_config_file(capsys) -> None:
    code, _, err = run_main(["audit", "--config", "no/such.yaml", str(SEEDS)], capsys)
    assert code == 2 and "no/such.yaml" in err


def test_parallel_batch_keeps_order_and_verdicts(tmp_path: Path) -> None:
    for i in range(6):
        for seed in SEEDS.glob("*.txt"):
            shutil.copy(seed, tmp_path / f"{i}-{seed.name}")
    serial = json.loads(invoke("audit", "--format", "json", "--jobs", "1", str(tmp_path)).out)["documents"]
    parallel = json.loads(invoke("audit", "--format", "json", "--jobs", "2", str(tmp_path)).out)["documents"]
    assert [d["path"] for d in parallel] == sorted(str(p) for p in tmp_path.iterdir())
    assert [(d["path"], d["score"], d["passed"]) for d in parallel] == \
        [(d["path"], d["score"], d["passed"]) for d in serial]


def test_a_bad_file_in_a_parallel_batch(tmp_path: Path) -> None:
    shutil.copy(next(SEEDS.glob("001_*.txt")), tmp_path / "a.txt")
    (tmp_path / "b.txt").write_bytes(b"")
    shutil.copy(next(SEEDS.glob("001_*.txt")), tmp_path / "c.txt")
    run = invoke("audit", "--format", "json", "--jobs", "2", str(tmp_path))
    data = json.loads(run.out)
    assert run.code == 2 and data["summary"] == {"documents": 3, "passed": 2, "failed": 0, "errors": 1}


def _judge_or_die(job: Job) -> tuple[Result, None]:
    """A stand-in for judged(): the worker dies for real (as under the OOM killer) on a document named *die*."""
    if "die" in job.source:
        os._exit(9)
    return Result(source=job.source), None


def _always_die(job: Job) -> tuple[Result, None]:
    os._exit(9)


def _lost(job: Job) -> tuple[Result, None]:
    return Result(source=job.source, error=("internal", WORKER_GONE)), None


def _jobs(names: list[str]) -> list[Job]:
    return [Job(name, None, "auto", None, None, 1) for name in names]


def test_a_dead_worker_loses_its_task_and_a_new_worker_judges_the_rest() -> None:
    names = [f"{i:02}" for i in range(24)]
    names[3] = "03-die"
    out = list(_in_workers(_judge_or_die, _jobs(names), 2, 2, _lost))
    assert [result.source for result, _ in out] == names
    lost = {i for i, (result, _) in enumerate(out) if result.error}
    assert lost == {2, 3}  # its task (two documents a task here), no other
    assert all(out[i][0].error == ("internal", WORKER_GONE) for i in lost)


def test_workers_that_cannot_live_end_the_batch_with_every_document_an_error() -> None:
    """Two workers die, their replacements die before judging anything: no more; the rest are errors."""
    names = [f"{i:02}" for i in range(40)]
    out = list(_in_workers(_always_die, _jobs(names), 2, 2, _lost))
    assert [result.source for result, _ in out] == names
    assert all(result.error == ("internal", WORKER_GONE) for result, _ in out)


def test_batch_summary_names_the_weakest_elements() -> None:
    run = invoke("audit", "--no-color", "-q", str(SEEDS))
    assert "最常缺失或薄弱" in run.out and "原因分析" in run.out


@pytest.mark.parametrize("fmt", ["markdown", "html", "sarif", "junit", "github", "csv", "xlsx"])
def test_every_format_through_the_command_line(tmp_path: Path, fmt: str) -> None:
    pytest.importorskip("openpyxl") if fmt == "xlsx" else None
    out = tmp_path / f"report.{fmt}"
    run = invoke("audit", "--format", fmt, "--output", str(out), str(SEEDS))
    assert run.code == 1 and out.stat().st_size > 1000
    data = out.read_bytes()
    if fmt == "csv":
        assert data.startswith(b"\xef\xbb\xbf")
    elif fmt == "xlsx":
        assert data.startswith(b"PK")
    else:
        assert "原因分析" in data.decode("utf-8")
    assert sorted(p.name for p in tmp_path.iterdir()) == [out.name]


def test_binary_format_to_stdout(capsys) -> None:
    code, _, _ = run_main(["audit", "--format", "csv", "--exit-zero", str(next(SEEDS.glob("001_*.txt")))], capsys)
    assert code == 0


def test_size_limit_is_configurable(tmp_path: Path, capsys) -> None:
    seed = str(next(SEEDS.glob("001_*.txt")))
    code, out, err = run_main(["audit", "--max-size", "0.01", "--format", "json", seed], capsys)
    assert code == 2 and "大小上限" in err and "10 KB" in err
    (tmp_path / ".checker.yaml").write_text("max_size: 0.01\n", encoding="utf-8")
    code, _, err = run_main(["audit", "--config", str(tmp_path / ".checker.yaml"), seed], capsys)
    assert code == 2 and "大小上限" in err
    assert run_main(["audit", "--max-size", "1", "--exit-zero", seed], capsys)[0] == 0


def test_streamed_json_equals_the_whole_report_at_once() -> None:
    from checker import __version__
    from checker.audit import audit_source
    from checker.render.json import SCHEMA, document_dict, render_json

    results = [audit_source(str(p), None) for p in sorted(SEEDS.glob("*.txt"))] + [audit_source("missing.txt", None)]
    for batch in (results, results[:1], []):
        whole = {"schema": SCHEMA, "tool": {"name": "checker", "version": __version__},
                 "summary": {"documents": len(batch), "passed": sum(r.passed for r in batch),
                             "failed": sum(r.error is None and not r.passed for r in batch),
                             "errors": sum(r.error is not None for r in batch)},
                 "documents": [document_dict(r) for r in batch]}
        text = render_json(batch)
        assert json.loads(text) == whole
        assert text.endswith("\n")
        # A key per line, and each element and finding on a line of its own: readable and greppable.
        element_lines = [line for line in text.splitlines() if line.startswith('        {"id": ')]
        assert len(element_lines) == sum(len(r.elements) for r in batch)
        assert all(json.loads(line.strip().rstrip(","))["status"] for line in element_lines)


@pytest.mark.parametrize(("text", "where", "what"), [
    ("disable: [xi-rule-of-law-thougt]\n", ":1:", '是否指 "xi-rule-of-law-thought"'),
    ("disable:\n  - signoff\n  - repetitoin\n", ":3:", '是否指 "repetition"'),
    ("severity: {signof: required}\n", ":1:", '是否指 "signoff"'),
    ("severity:\n  signoff: error\n", ":2:", "required、recommended、advisory"),
    ("severity: {deadline: required}\n", ":1:", "error、warning、info"),
    ("fail_under: 170\n", ":1:", '"fail_under" 应为数字（0–100）'),
    ("paths:\n  - match: 'a/**'\n    pack: fazhi-townshp\n", ":3:", '找不到规则包 fazhi-townshp；是否指 "fazhi-township"'),
    ("pack: ./no-such-pack\n", ":1:", "找不到规则包 ./no-such-pack"),
])
def test_config_mistakes_once_accepted_in_silence(tmp_path: Path, capsys, text, where, what) -> None:
    config = tmp_path / ".checker.yaml"
    config.write_text(text, encoding="utf-8")
    code, _, err = run_main(["audit", "--config", str(config), str(next(SEEDS.glob("001_*.txt")))], capsys)
    assert code == 2 and f".checker.yaml{where}" in err and what in err and "Traceback" not in err


def test_a_missing_pack_in_paths_stops_before_the_batch_not_inside_a_worker(tmp_path: Path, capsys) -> None:
    root = project(tmp_path, "paths:\n  - match: 'departments/**'\n    pack: ./packs/mine\n")
    code, out, err = run_main(["audit", "--config", str(root / ".checker.yaml"), "--jobs", "2", "--format", "json",
                               str(root)], capsys)
    assert code == 2 and out == "" and ".checker.yaml:3: 找不到规则包 ./packs/mine" in err


@pytest.mark.parametrize("text", ["", "# 暂无设置\n"])
def test_an_empty_config_is_no_settings(tmp_path: Path, text: str) -> None:
    config = tmp_path / ".checker.yaml"
    config.write_text(text, encoding="utf-8")
    loaded = load_config(config)
    assert loaded.path == config and loaded.disable == () and loaded.defaults.fail_under is None
