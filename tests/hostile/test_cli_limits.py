"""Option values that would switch a check off or crash, and a standard output that cannot take the report."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.hostile.conftest import error_lines, limits, run_bounded

CHINESE = tuple(chr(c) for c in range(0x4E00, 0xA000))


def _usage_error(proc: subprocess.CompletedProcess, option: str) -> str:
    text = "\n".join(error_lines(proc))
    assert proc.returncode == 2 and option in text and any(ch in text for ch in CHINESE), text
    assert proc.stdout == b""
    return text


@pytest.mark.parametrize("option, value", [("--fail-under", "nan"), ("--max-size", "inf"), ("--max-size", "nan")])
def test_non_finite_numbers_are_usage_errors(tmp_path: Path, draft: Path, option: str, value: str) -> None:
    """nan passed FloatRange (every comparison with it is false) and switched the gate off."""
    proc = run_bounded("audit", draft.name, option, value, cwd=tmp_path)
    assert "有限" in _usage_error(proc, option)


def test_a_huge_max_size_is_a_limit_not_an_allocation(tmp_path: Path, draft: Path) -> None:
    proc = run_bounded("audit", draft.name, "--max-size", "1e300", "--format", "json", cwd=tmp_path)
    assert error_lines(proc) == [] and proc.returncode in (0, 1)


@pytest.mark.parametrize("command", ["audit", "outline"])
@pytest.mark.parametrize("codec", ["undefined", "rot13", "hex", "base64", "zlib", "no-such-codec"])
def test_codecs_that_cannot_decode_text_are_usage_errors(tmp_path: Path, draft: Path, command: str,
                                                          codec: str) -> None:
    proc = run_bounded(command, draft.name, "--encoding", codec, cwd=tmp_path)
    assert codec in _usage_error(proc, "--encoding")


def _audit_to(tmp_path: Path, draft: Path, fmt: str, stdout, close_stdout: bool = False, env_extra=None):
    env = {"PATH": "/usr/bin:/bin", "NO_COLOR": "1", "PYTHONPATH": str(ROOT),
           "CHECKER_CACHE_DIR": os.environ["CHECKER_CACHE_DIR"], **(env_extra or {})}
    bound = limits()

    def preexec() -> None:
        bound()
        if close_stdout:
            os.close(1)

    return subprocess.run([sys.executable, "-m", "checker", "audit", draft.name, "--format", fmt],
                          stdout=stdout, stderr=subprocess.PIPE, cwd=tmp_path, env=env, preexec_fn=preexec,
                          timeout=300)


@pytest.mark.parametrize("fmt", ["text", "json", "xlsx"])
def test_a_closed_stdout_is_an_output_error(tmp_path: Path, draft: Path, fmt: str) -> None:
    proc = _audit_to(tmp_path, draft, fmt, subprocess.DEVNULL, close_stdout=True)
    [line] = error_lines(proc)
    assert proc.returncode == 2 and "标准输出已关闭" in line


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_a_full_stdout_is_an_output_error(tmp_path: Path, draft: Path, fmt: str) -> None:
    with open("/dev/full", "wb") as full:
        proc = _audit_to(tmp_path, draft, fmt, full)
    [line] = error_lines(proc)
    assert proc.returncode == 2 and "标准输出" in line and "空间" in line


def test_a_stdout_that_cannot_encode_chinese_is_an_output_error(tmp_path: Path, draft: Path) -> None:
    proc = _audit_to(tmp_path, draft, "text", subprocess.PIPE, env_extra={"PYTHONIOENCODING": "ascii"})
    assert proc.returncode == 2 and "PYTHONIOENCODING=utf-8" in proc.stderr.decode("ascii", "backslashreplace")
    assert "Traceback" not in proc.stderr.decode("ascii", "replace")


@pytest.mark.parametrize(("fmt", "to"), [("text", []), ("json", []), ("csv", []), ("json", ["-o", "/dev/stdout"])])
def test_a_broken_pipe_is_a_quiet_141(tmp_path: Path, fmt: str, to: list[str]) -> None:
    """checker audit … | head -1: the reader left on purpose. 141 = 128 + SIGPIPE, what a Unix filter reports
    (and what bash's pipefail sees from one); not 1, which would read as a failed gate; nothing on stderr."""
    folder = tmp_path / "批"
    folder.mkdir()
    from tests.hostile.conftest import DRAFT

    for i in range(150):
        (folder / f"{i:03}.txt").write_text(DRAFT.replace("23件", f"{i}件"), encoding="utf-8")
    env = {"PATH": "/usr/bin:/bin", "NO_COLOR": "1", "PYTHONPATH": str(ROOT),
           "CHECKER_CACHE_DIR": os.environ["CHECKER_CACHE_DIR"]}
    checker = subprocess.Popen([sys.executable, "-m", "checker", "audit", "批", "-v", "-j", "2", "--format", fmt, *to],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=tmp_path, env=env,
                               preexec_fn=limits())
    checker.stdout.readline()
    checker.stdout.close()  # what head does after its line
    err = checker.stderr.read()
    assert checker.wait(timeout=300) == 141 and err == b"", err[-2000:]


def test_zero_columns_still_prints_the_report(tmp_path: Path, draft: Path) -> None:
    env = {"COLUMNS": "0"}
    proc = _audit_to(tmp_path, draft, "text", subprocess.PIPE, env_extra=env)
    assert error_lines(proc) == [] and "法治政府建设" in proc.stdout.decode("utf-8")


def test_a_config_number_must_be_finite(tmp_path: Path) -> None:
    """.nan would switch the gate off and .inf the size limit; both are refused at the config's line."""
    from tests.hostile.conftest import DRAFT, run_checker

    (tmp_path / "草稿.txt").write_text(DRAFT, encoding="utf-8")
    for setting in ("fail_under: .nan", "max_size: .inf"):
        (tmp_path / ".checker.yaml").write_text(setting + "\n", encoding="utf-8")
        proc = run_checker("audit", "草稿.txt", cwd=tmp_path)
        err = proc.stderr.decode("utf-8")
        assert proc.returncode == 2 and ".checker.yaml:1:" in err and "有限的数字" in err and "Traceback" not in err


def test_a_truncated_ofd_is_a_damaged_ofd(tmp_path: Path) -> None:
    from tests.hostile.conftest import run_checker

    (tmp_path / "报告.ofd").write_bytes(b"PK\x03\x04" + b"\x00" * 36)
    proc = run_checker("audit", "报告.ofd", cwd=tmp_path)
    assert proc.returncode == 2 and "OFD" in proc.stderr.decode("utf-8") and "Word" not in proc.stderr.decode("utf-8")
