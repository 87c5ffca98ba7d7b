"""The CI configurations in the README, tried as far as an offline machine can: every checker command they contain
runs on real reports, gates with the documented exit code, and leaves a report the CI system can read."""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml

from tests.conftest import ROOT, SEEDS

BLOCKS = re.findall(r"```yaml\n(.*?)```", (ROOT / "README.md").read_text(encoding="utf-8"), re.S)


def snippet(marker: str) -> dict:
    found = [yaml.safe_load(block) for block in BLOCKS if marker in block]
    assert len(found) == 1, f"README should have exactly one yaml block with {marker}"
    return found[0]


def checker_commands(lines: list[str]) -> list[list[str]]:
    commands = [shlex.split(line) for text in lines for line in text.splitlines() if line.strip()]
    return [[sys.executable, "-m", "checker", *c[1:]] for c in commands if c and c[0] == "checker"]


@pytest.fixture()
def reports(tmp_path: Path) -> Path:
    folder = tmp_path / "报告"
    folder.mkdir()
    for seed in sorted(SEEDS.glob("*.txt"))[:2]:
        shutil.copy(seed, folder / seed.name)
    return tmp_path


def run(command: list[str], cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "NO_COLOR": "1"}
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=120, env=env)


def test_github_actions_workflow(reports: Path) -> None:
    steps = snippet("runs-on")["jobs"]["checker"]["steps"]
    runs = [step for step in steps if "run" in step]
    gate = next(i for i, step in enumerate(steps) if "checker audit --format github" in step.get("run", ""))
    # Reports and uploads come after the gate, so each must run even when the gate step failed.
    assert all(step.get("if") == "always()" for step in steps[gate + 1:])
    commands = checker_commands([step["run"] for step in runs])
    assert len(commands) == 3
    gate_run = run(commands[0], reports)
    assert gate_run.returncode == 1  # the seeds do not all pass: the step fails, as the README says
    assert re.search(r"^::error file=报告/.+,line=\d+,col=\d+,title=.+::", gate_run.stdout, re.M)
    for command in commands[1:]:
        assert run(command, reports).returncode == 0
    sarif = json.loads((reports / "checker.sarif").read_text(encoding="utf-8"))
    assert sarif["version"] == "2.1.0" and sarif["runs"][0]["results"]
    html = (reports / "checker.html").read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and 'class="matrix"' in html
    uploads = [step["with"] for step in steps if str(step.get("uses", "")).startswith(("github/codeql-action",
                                                                                        "actions/upload-artifact"))]
    assert {"sarif_file": "checker.sarif", "category": "checker"} in uploads
    assert any(u.get("path") == "checker.html" for u in uploads)


def test_gitlab_ci_job(reports: Path) -> None:
    job = snippet("script:")["checker"]
    (command,) = checker_commands(job["script"])
    assert run(command, reports).returncode == 1
    report = job["artifacts"]["reports"]["junit"]
    assert job["artifacts"]["when"] == "always" and report in job["artifacts"]["paths"]
    suites = ET.parse(reports / report).getroot()
    assert suites.tag == "testsuites" and int(suites.get("failures")) > 0
    assert len(suites.findall("testsuite")) == 2
