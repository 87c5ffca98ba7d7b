"""The command line through click's runner: exit codes, formats, output files, stdin and every bad input."""

from __future__ import annotations

import io
import json
import os
import shutil
from pathlib import Path

import pytest

from checker.audit import audit_source
from checker.cli.main import main
from checker.render.registry import EXTENSIONS
from checker.render.registry import FORMATS as OUTPUT_FORMATS
from tests.conftest import DRAFTS, SEEDS
from tests.helpers import invoke

STRONG = DRAFTS / "strong.txt"  # written for these tests: passes the gate, and weak.txt fails it, by wide margins
WEAK = DRAFTS / "weak.txt"


def run_main(args: list[str], capsys) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exit_info:
        main(args)
    captured = capsys.readouterr()
    return exit_info.value.code, captured.out, captured.err


def test_passing_document_exits_zero() -> None:
    run = invoke("audit", "--no-color", str(STRONG))
    assert run.code == 0, run.out
    assert "通过" in run.out and "得分" in run.out


def test_failing_document_exits_one_with_reasons() -> None:
    run = invoke("audit", "--no-color", str(WEAK))
    assert run.code == 1
    assert "未通过" in run.out
    assert "缺少必备要素" in run.out


def test_exit_zero_overrides_the_gate_but_not_errors(tmp_path: Path) -> None:
    assert invoke("audit", "--exit-zero", str(WEAK)).code == 0
    assert invoke("audit", "--exit-zero", str(WEAK), str(tmp_path / "missing.txt")).code == 2


def test_fail_under_raises_the_bar() -> None:
    fair = DRAFTS / "fair.txt"  # every required part, several recommended ones missing: a middling score
    assert invoke("audit", str(fair)).code == 0
    assert invoke("audit", "--fail-under", "99", str(fair)).code == 1


def test_json_output_follows_the_contract() -> None:
    run = invoke("audit", "--format", "json", str(STRONG), str(WEAK))
    data = json.loads(run.out)
    assert data["schema"] == "checker-report/1"
    assert data["tool"]["name"] == "checker"
    assert data["summary"] == {"documents": 2, "passed": 1, "failed": 1, "errors": 0}
    doc = data["documents"][0]
    assert set(doc) == {"path", "pack", "title", "body", "level", "year", "genre", "score", "grade", "passed",
                        "reasons", "elements", "findings", "error"}
    assert doc["pack"]["id"] == "fazhi-annual"
    assert len(doc["elements"]) == 19
    element = doc["elements"][0]
    assert set(element) == {"id", "title", "status", "score", "weight", "severity", "message", "suggestion",
                            "basis", "evidence"}
    assert all(e["status"] in ("pass", "partial", "fail", "skip") for e in doc["elements"])
    evidence = next(e["evidence"][0] for e in doc["elements"] if e["evidence"])
    assert set(evidence) == {"line", "column", "text"}
    assert run.code == 1


@pytest.mark.parametrize("path", [STRONG, *sorted(SEEDS.glob("*.txt"))], ids=lambda p: p.stem[:3])
def test_evidence_line_points_at_the_text(path: Path) -> None:
    data = json.loads(invoke("audit", "--format", "json", "--exit-zero", str(path)).out)
    lines = path.read_text(encoding="utf-8").splitlines()
    for element in data["documents"][0]["elements"]:
        for ev in element["evidence"]:
            snippet = ev["text"].strip("…")[:6]
            assert snippet in lines[ev["line"] - 1], (element["id"], ev)


def _xlsx_values(data: bytes) -> dict[str, list[tuple]]:
    openpyxl = pytest.importorskip("openpyxl")
    return {ws.title: list(ws.iter_rows(values_only=True)) for ws in openpyxl.load_workbook(io.BytesIO(data))}


@pytest.mark.parametrize("fmt", sorted(OUTPUT_FORMATS))
def test_every_format_is_written_whole_to_a_file_and_the_same_to_stdout(tmp_path: Path, fmt: str,
                                                                      capsysbinary) -> None:
    """A folder streamed through the command line is the pure renderer's output for the same documents."""
    if fmt == "xlsx":
        pytest.importorskip("openpyxl")
    folder = tmp_path / "reports"
    folder.mkdir()
    for seed in (STRONG, WEAK):
        shutil.copy(seed, folder / seed.name)
    (folder / "empty.txt").write_bytes(b"")
    out = tmp_path / f"report{EXTENSIONS[fmt]}"
    args = ["audit", "--isolated", "-q", "-j", "2", "--format", fmt, str(folder)]
    code, stdout, err = run_main([*args, "--output", str(out)], capsysbinary)
    assert code == 2 and stdout == b"" and err.decode().count("\n") == 1 and "empty.txt" in err.decode()
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["reports", out.name])
    expected = OUTPUT_FORMATS[fmt]([audit_source(str(p), None) for p in sorted(folder.iterdir())])
    expected = expected if isinstance(expected, bytes) else expected.encode("utf-8")
    code, stdout, _ = run_main(args, capsysbinary)
    assert code == 2
    if fmt == "xlsx":  # a zip with the time it was made: compare the cells
        assert _xlsx_values(out.read_bytes()) == _xlsx_values(stdout) == _xlsx_values(expected)
    else:
        assert out.read_bytes() == stdout == expected
    if fmt == "json":
        assert json.loads(stdout)["summary"] == {"documents": 3, "passed": 1, "failed": 1, "errors": 1}


def test_text_output_file_has_no_colour(tmp_path: Path) -> None:
    out = tmp_path / "report.txt"
    invoke("audit", "--output", str(out), str(WEAK))
    text = out.read_text(encoding="utf-8")
    assert "\x1b[" not in text and "原因分析" in text


def test_inputs_are_never_modified(tmp_path: Path) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_bytes(WEAK.read_bytes())
    before = (draft.stat().st_mtime_ns, draft.read_bytes())
    invoke("audit", "--format", "json", "--output", str(tmp_path / "out.json"), str(draft))
    assert (draft.stat().st_mtime_ns, draft.read_bytes()) == before


def test_stdin_is_read_with_a_dash() -> None:
    run = invoke("audit", "--format", "json", "-", input=STRONG.read_bytes())
    doc = json.loads(run.out)["documents"][0]
    assert doc["path"] == "<stdin>" and doc["year"] == 2024


def test_directory_is_walked_in_order() -> None:
    data = json.loads(invoke("audit", "--format", "json", "--exit-zero", str(SEEDS)).out)
    paths = [Path(d["path"]).name for d in data["documents"]]
    assert paths == sorted(p.name for p in SEEDS.glob("*.txt"))


def test_no_color_and_NO_COLOR_env_mean_plain_text() -> None:
    assert "\x1b[" not in invoke("audit", "--no-color", str(WEAK)).out
    assert "\x1b[" not in invoke("audit", str(WEAK), env={"NO_COLOR": "1"}).out


def test_batch_ends_with_a_summary_table() -> None:
    run = invoke("audit", "--no-color", str(STRONG), str(WEAK))
    assert "汇总" in run.out and "共 2 份" in run.out


def test_version_names_tool_and_pack(capsys) -> None:
    code, out, _ = run_main(["--version"], capsys)
    assert code == 0 and "checker 0." in out and "fazhi-annual" in out


def test_rules_list_shows_every_element() -> None:
    run = invoke("rules", "list")
    assert run.code == 0
    assert "problem-causes" in run.out and "required" in run.out


# ---- bad input: one line on stderr naming the file, exit 2, the rest of the batch still audited ----------------

def bad_inputs(tmp_path: Path) -> dict[str, tuple[Path, str]]:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    blank = tmp_path / "blank.txt"
    blank.write_text(" \n\u3000\n\t\n", encoding="utf-8")
    binary = tmp_path / "binary.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    undecodable = tmp_path / "undecodable.txt"
    undecodable.write_bytes("法治政府建设".encode("utf-8") + b"\xff\xfe\xfa" + b"\x81")
    empty_dir = tmp_path / "nothing_here"
    empty_dir.mkdir()
    (empty_dir / "notes.csv").write_text("a,b", encoding="utf-8")
    return {
        "missing": (tmp_path / "missing.txt", "文件不存在"),
        "empty": (empty, "为空"),
        "blank": (blank, "为空"),
        "binary": (binary, "二进制"),
        "undecodable": (undecodable, "编码"),
        "empty_dir": (empty_dir, "没有可读取的文件"),
    }


@pytest.mark.parametrize("case", ["missing", "empty", "blank", "binary", "undecodable", "empty_dir"])
def test_bad_input_is_one_line_and_exit_two_and_the_batch_goes_on(tmp_path: Path, case: str, capsys) -> None:
    path, reason = bad_inputs(tmp_path)[case]
    code, out, err = run_main(["audit", "--format", "json", str(path), str(STRONG)], capsys)
    assert code == 2
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1 and str(path) in lines[0] and reason in lines[0], err
    assert "Traceback" not in err
    data = json.loads(out)
    assert data["summary"]["errors"] == 1 and data["summary"]["passed"] == 1
    bad = next(d for d in data["documents"] if d["error"])
    assert bad["error"]["kind"] == "input" and bad["elements"] == []


def test_unknown_encoding_is_a_usage_error(capsys) -> None:
    code, _, err = run_main(["audit", "--encoding", "klingon", str(STRONG)], capsys)
    assert code == 2 and "klingon" in err and "Traceback" not in err


def test_unsupported_format_says_what_to_do(tmp_path: Path, capsys) -> None:
    doc = tmp_path / "draft.docx"
    doc.write_bytes(b"PK\x03\x04not really")
    code, _, err = run_main(["audit", str(doc)], capsys)
    assert code == 2 and "draft.docx" in err


def test_usage_errors_exit_two(capsys) -> None:
    code, _, err = run_main(["audit"], capsys)
    assert code == 2 and "Traceback" not in err
    code, _, _ = run_main(["audit", "--format", "yaml", str(STRONG)], capsys)
    assert code == 2


def test_unknown_pack_name(capsys) -> None:
    code, _, err = run_main(["audit", "--pack", "no-such-pack", str(STRONG)], capsys)
    assert code == 2 and "no-such-pack" in err and "fazhi-annual" in err


def test_ctrl_c_style_abort_is_130(monkeypatch, capsys) -> None:
    import checker.cli.batch

    def interrupted(*_a, **_k):
        raise KeyboardInterrupt

    monkeypatch.setattr(checker.cli.batch, "run_job", interrupted)
    code, _, err = run_main(["audit", str(STRONG)], capsys)
    assert code == 130 and "中断" in err


def test_cli_never_writes_to_cwd(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    invoke("audit", "--exit-zero", str(STRONG))
    assert os.listdir(tmp_path) == []
