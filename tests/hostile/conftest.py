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


# --- bounds, privileges and checks shared by the hostile cases -------------------------------------------------

MEMORY_MB = 1024  # address space of one checker process; the YAML bombs took 2–2.6 GB before they were capped
CPU_SECONDS = 60  # CPU of one checker process: a hang ends in SIGXCPU, never in a wall-clock assert


def limits(memory_mb: int = MEMORY_MB, cpu_seconds: int = CPU_SECONDS):
    """A preexec_fn that bounds the child's memory and CPU (each worker of -j inherits the same bounds)."""
    import resource

    def apply() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (memory_mb * 2**20, memory_mb * 2**20))
        resource.setrlimit(resource.RLIMIT_CPU, (cpu_seconds, cpu_seconds + 5))

    return apply


def run_bounded(*args: str, cwd: Path, memory_mb: int = MEMORY_MB, cpu_seconds: int = CPU_SECONDS,
                as_user=None, **popen) -> subprocess.CompletedProcess:
    """run_checker inside limits(); as_user is a preexec_fn from unprivileged() for permission cases."""
    bound = limits(memory_mb, cpu_seconds)

    def preexec() -> None:
        if as_user is not None:
            as_user()
        bound()

    return run_checker(*args, cwd=cwd, preexec_fn=preexec, **popen)


def error_lines(proc: subprocess.CompletedProcess) -> list[str]:
    """stderr as lines, asserting that none of it is a traceback or a crash by signal."""
    text = proc.stderr.decode("utf-8")
    assert proc.returncode >= 0, f"killed by signal {-proc.returncode} (a resource limit?): {text[-500:]}"
    assert "Traceback" not in text and "Exception ignored" not in text, text[-2000:]
    return text.strip().splitlines()


def one_error(proc: subprocess.CompletedProcess, name: str) -> str:
    """The one stderr line, which names the file."""
    lines = error_lines(proc)
    assert len(lines) == 1, lines
    assert name in lines[0], lines
    return lines[0]


def report(proc: subprocess.CompletedProcess) -> dict[str, dict]:
    """The JSON report on stdout, documents by path."""
    import json

    return {d["path"]: d for d in json.loads(proc.stdout.decode("utf-8"))["documents"]}


# --- another user, for permission cases --------------------------------------------------------------------------


def _as_nobody() -> None:
    import pwd

    nobody = pwd.getpwnam("nobody")
    os.setgroups([])
    os.setgid(nobody.pw_gid)
    os.setuid(nobody.pw_uid)


def _root_without_file_permission_override() -> None:
    """Stay uid 0 but drop CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH from the bounding set: after exec, file
    permission bits bind this process as they bind any user (used where nobody cannot even start Python, e.g.
    when the interpreter lives under /root)."""
    import ctypes

    libc = ctypes.CDLL(None, use_errno=True)
    pr_capbset_drop = 24
    for capability in (1, 2):  # CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH
        if libc.prctl(pr_capbset_drop, capability, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")


def unprivileged(tmp_path: Path):
    """A preexec_fn under which permissions bind the child: none when the tests do not run as root; as root, the
    user nobody where it can run checker on tmp_path, else root without its permission override; skip if neither
    works. Probed on a folder nobody may not read."""
    if os.geteuid() != 0:
        return None
    probe = tmp_path / "probe-locked"
    probe.mkdir()
    probe.chmod(0)
    try:
        for candidate in (_as_nobody, _root_without_file_permission_override):
            try:
                proc = subprocess.run([sys.executable, "-c", f"import os, checker; os.listdir({str(probe)!r})"],
                                      cwd=tmp_path, env={"PYTHONPATH": str(ROOT)}, preexec_fn=candidate,
                                      capture_output=True, timeout=60)
            except (OSError, subprocess.SubprocessError):
                continue
            if b"PermissionError" in proc.stderr:
                return candidate
    finally:
        probe.chmod(0o755)
        probe.rmdir()
    pytest.skip("no way to run checker without root's permission override here")


# --- documents built at test time ------------------------------------------------------------------------------

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def docx_bytes(text: str = DRAFT, mutate=None, extra: dict[str, str] | None = None) -> bytes:
    """A .docx of text (one paragraph a line), its document.xml passed through mutate, extra parts added."""
    import io
    import zipfile

    import docx

    document = docx.Document()
    for line in text.splitlines():
        document.add_paragraph(line)
    plain = io.BytesIO()
    document.save(plain)
    source = zipfile.ZipFile(plain)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in source.namelist():
            if extra and name in extra:
                continue
            data = source.read(name)
            if name == "word/document.xml" and mutate:
                data = mutate(data.decode("utf-8")).encode("utf-8")
            archive.writestr(name, data)
        for name, data in (extra or {}).items():
            archive.writestr(name, data)
    return out.getvalue()
