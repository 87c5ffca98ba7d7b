"""The hostile suite: each case is built at test time (nothing large is committed) and run as a real process."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

DRAFT = """某某县人民政府关于2024年法治政府建设情况的报告

一、主要举措和成效
县政府常务会议研究法治政府建设工作4次，县长主持召开专题会议2次。全县办理行政复议案件23件，纠错3件。

二、存在的不足
行政执法人员业务能力参差不齐。主要原因是培训经费投入不足，基层执法队伍流动频繁。

三、2025年工作安排
年底前完成全部乡镇执法人员轮训，开展专项执法检查4次。

某某县人民政府
2025年3月10日
"""


def run_checker(*args: str, cwd: Path, stdin: bytes | None = None, timeout: float = 120,
                **popen) -> subprocess.CompletedProcess:
    env = {"PATH": "/usr/bin:/bin", "NO_COLOR": "1", "PYTHONPATH": str(ROOT),
           "CHECKER_CACHE_DIR": os.environ["CHECKER_CACHE_DIR"]}
    popen.setdefault("stdout", subprocess.PIPE)
    popen.setdefault("stderr", subprocess.PIPE)
    return subprocess.run([sys.executable, "-m", "checker", *args], input=stdin, cwd=cwd, timeout=timeout, env=env,
                          **popen)


@pytest.fixture
def draft(tmp_path: Path) -> Path:
    path = tmp_path / "草稿.txt"
    path.write_text(DRAFT, encoding="utf-8")
    return path


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under folder with its bytes: to show that nothing was changed, added or left behind."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}
