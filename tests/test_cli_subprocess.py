"""checker as a real process: the console script's module entry, exit codes, stdout and stderr."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from tests.conftest import DRAFTS, ROOT, SEEDS


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "checker", *args], input=stdin, capture_output=True, cwd=ROOT,
                          timeout=120, env={"PATH": "/usr/bin:/bin", "NO_COLOR": "1", "PYTHONPATH": str(ROOT),
                               "CHECKER_CACHE_DIR": os.environ["CHECKER_CACHE_DIR"]})


def test_a_folder_as_json_with_exit_codes() -> None:
    proc = run("audit", "--format", "json", str(DRAFTS))
    assert proc.returncode == 1, proc.stderr.decode()
    data = json.loads(proc.stdout.decode("utf-8"))
    assert data["summary"] == {"documents": 3, "passed": 2, "failed": 1, "errors": 0}
    assert proc.stderr == b""
    assert run("audit", "--format", "json", str(DRAFTS / "strong.txt")).returncode == 0


def test_the_seeds_are_read_and_judged_without_errors() -> None:
    proc = run("audit", "--format", "json", "--exit-zero", str(SEEDS))
    assert proc.returncode == 0 and proc.stderr == b""
    assert json.loads(proc.stdout.decode("utf-8"))["summary"]["documents"] == 5


def test_exit_zero_and_text_report() -> None:
    proc = run("audit", "--exit-zero", str(DRAFTS / "weak.txt"))
    assert proc.returncode == 0
    out = proc.stdout.decode("utf-8")
    assert "原因分析" in out and "依据" in out and "\x1b[" not in out


def test_missing_file_is_one_line_and_exit_two() -> None:
    proc = run("audit", "no/such/draft.txt", str(SEEDS / "001_3dc2c55ea39481b7.txt"))
    assert proc.returncode == 2
    err = proc.stderr.decode("utf-8").strip().splitlines()
    assert len(err) == 1 and "no/such/draft.txt" in err[0] and "文件不存在" in err[0]
    assert "001_3dc2c55ea39481b7" in proc.stdout.decode("utf-8")


def test_stdin_in_gb18030() -> None:
    data = (SEEDS / "003_1dfc0bfff4510739.txt").read_text(encoding="utf-8").encode("gb18030")
    proc = run("audit", "--format", "json", "-", stdin=data)
    doc = json.loads(proc.stdout.decode("utf-8"))["documents"][0]
    assert doc["body"] == "翠华镇" and doc["level"] == "township"


def test_version() -> None:
    proc = run("--version")
    assert proc.returncode == 0 and proc.stdout.decode("utf-8").startswith("checker ")
