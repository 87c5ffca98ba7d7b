"""Data loss through -o: an output that is an input, a device, a symlink, a missing folder; and signals in batches."""

from __future__ import annotations

import json
import os
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.hostile.conftest import DRAFT, limits, run_checker, snapshot


def one_line(proc: subprocess.CompletedProcess) -> str:
    lines = proc.stderr.decode("utf-8").strip().splitlines()
    assert len(lines) == 1, lines
    assert "Traceback" not in lines[0]
    return lines[0]


def test_output_onto_the_input_is_refused(tmp_path: Path, draft: Path) -> None:
    before = snapshot(tmp_path)
    proc = run_checker("audit", draft.name, "-o", draft.name, cwd=tmp_path)
    assert proc.returncode == 2
    assert draft.name in one_line(proc) and "输入文件" in one_line(proc)
    assert snapshot(tmp_path) == before


def test_output_onto_an_input_through_a_symlink_or_hard_link_is_refused(tmp_path: Path, draft: Path) -> None:
    (tmp_path / "link.txt").symlink_to(draft.name)
    os.link(draft, tmp_path / "hard.txt")
    before = snapshot(tmp_path)
    for output in ("link.txt", "hard.txt"):
        proc = run_checker("audit", draft.name, "--format", "json", "-o", output, cwd=tmp_path)
        assert proc.returncode == 2, output
        assert "输入文件" in one_line(proc)
    assert snapshot(tmp_path) == before


def test_output_onto_the_baseline_is_refused(tmp_path: Path, draft: Path) -> None:
    last = tmp_path / "上年.txt"
    last.write_text(DRAFT.replace("2024", "2023"), encoding="utf-8")
    before = snapshot(tmp_path)
    proc = run_checker("audit", draft.name, "--baseline", last.name, "-o", last.name, cwd=tmp_path)
    assert proc.returncode == 2 and snapshot(tmp_path) == before


def test_output_inside_an_audited_folder_with_a_readable_suffix_is_refused(tmp_path: Path, draft: Path) -> None:
    before = snapshot(tmp_path)
    for name in ("汇总.md", "sub/汇总.TXT", "结果.html"):
        proc = run_checker("audit", ".", "-o", name, cwd=tmp_path)
        assert proc.returncode == 2, name
        assert "被检查的目录" in one_line(proc)
    assert snapshot(tmp_path) == before
    # a format checker never reads is fine there
    proc = run_checker("audit", ".", "--format", "json", "-o", "结果.json", cwd=tmp_path)
    assert proc.returncode in (0, 1) and (tmp_path / "结果.json").is_file()


def _device(tmp_path: Path, name: str, minor: int) -> Path:
    """A character device of our own (as root), so that a regression cannot replace the machine's /dev/null."""
    node = tmp_path / name
    try:
        os.mknod(node, 0o666 | stat.S_IFCHR, os.makedev(1, minor))
    except PermissionError:
        return Path("/dev") / name  # without root, /dev cannot be written to anyway
    return node


def test_dev_null_and_dev_full_stay_devices(tmp_path: Path, draft: Path) -> None:
    null, full = _device(tmp_path, "null", 3), _device(tmp_path, "full", 7)
    proc = run_checker("audit", str(draft), "-q", "-o", str(null), cwd=tmp_path)
    assert proc.returncode in (0, 1) and null.is_char_device()
    proc = run_checker("audit", str(draft), "-q", "-o", str(full), cwd=tmp_path)
    assert proc.returncode == 2
    assert str(full) in one_line(proc) and "空间" in one_line(proc)
    assert full.is_char_device()


def test_dev_stdout_writes_to_standard_output(tmp_path: Path, draft: Path) -> None:
    proc = run_checker("audit", str(draft), "--format", "json", "-o", "/dev/stdout", cwd=tmp_path)
    assert proc.returncode in (0, 1)
    assert proc.stdout.decode("utf-8").lstrip().startswith("{") and Path("/dev/stdout").is_symlink()
    with open(tmp_path / "captured.json", "wb") as sink:  # stdout redirected to a file: written at its offset
        proc = run_checker("audit", str(draft), "--format", "json", "-o", "/dev/stdout", cwd=tmp_path, stdout=sink,
                           stderr=subprocess.PIPE)
    assert '"schema": "checker-report/1"' in (tmp_path / "captured.json").read_text(encoding="utf-8")


def test_a_fifo_is_written_through(tmp_path: Path, draft: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    reader = subprocess.Popen(["cat", str(fifo)], stdout=subprocess.PIPE)
    proc = run_checker("audit", str(draft), "--format", "json", "-o", str(fifo), cwd=tmp_path)
    out, _ = reader.communicate(timeout=60)
    assert proc.returncode in (0, 1) and b"checker-report/1" in out
    assert fifo.is_fifo()


def test_a_symlink_to_a_report_keeps_its_link(tmp_path: Path, draft: Path) -> None:
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "report.json").write_text("old", encoding="utf-8")
    (tmp_path / "latest.json").symlink_to("out/report.json")
    proc = run_checker("audit", str(draft), "--format", "json", "-o", "latest.json", cwd=tmp_path)
    assert proc.returncode in (0, 1)
    assert (tmp_path / "latest.json").is_symlink()
    assert "checker-report/1" in (tmp_path / "out" / "report.json").read_text(encoding="utf-8")


def test_a_missing_folder_names_the_output_not_a_temporary_file(tmp_path: Path, draft: Path) -> None:
    proc = run_checker("audit", str(draft), "-o", "没有/结果.json", cwd=tmp_path)
    line = one_line(proc)
    assert proc.returncode == 2 and "没有/结果.json" in line and "目录不存在" in line and ".tmp" not in line


def test_a_read_only_folder_leaves_no_temporary_file(tmp_path: Path, draft: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("root writes into read-only folders; tests/hostile/test_permissions.py runs this as nobody")
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        proc = run_checker("audit", str(draft), "-o", "ro/结果.json", cwd=tmp_path)
        assert proc.returncode == 2 and "没有写入权限" in one_line(proc)
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o755)


def _batch(tmp_path: Path, n: int = 400) -> Path:
    folder = tmp_path / "batch"
    folder.mkdir()
    for i in range(n):
        (folder / f"{i:04}.txt").write_text(DRAFT.replace("23件", f"{i}件"), encoding="utf-8")
    return folder


def _children(pid: int) -> list[int]:
    """The live child processes of pid, read from /proc (every /proc/N/stat names its parent; the per-task
    children files need a kernel option that not every kernel has)."""
    found = []
    for entry in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = entry.read_text().rsplit(")", 1)[1].split()  # after "N (name)": state, ppid, ...
        except (OSError, IndexError):
            continue  # gone meanwhile
        if fields[1] == str(pid) and fields[0] != "Z":
            found.append(int(entry.parent.name))
    return sorted(found)


def _alive(pids: list[int]) -> list[int]:
    return [pid for pid in pids if Path(f"/proc/{pid}").exists()
            and "zombie" not in Path(f"/proc/{pid}/status").read_text()]


def _start_batch(tmp_path: Path, folder: Path, *args: str) -> tuple[subprocess.Popen, list[int]]:
    """checker audit -j 2 over folder in its own session, within limits(), once both of its workers are up."""
    env = {"PATH": "/usr/bin:/bin", "NO_COLOR": "1", "PYTHONPATH": str(ROOT),
           "CHECKER_CACHE_DIR": os.environ["CHECKER_CACHE_DIR"]}
    proc = subprocess.Popen([sys.executable, "-m", "checker", "audit", "-j", "2", "-q", "--format", "json", *args,
                             str(folder)], cwd=tmp_path, env=env, stderr=subprocess.PIPE, stdout=subprocess.PIPE,
                            start_new_session=True, preexec_fn=limits())
    deadline = time.monotonic() + 60
    while len(_children(proc.pid)) < 2 and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.05)
    workers = _children(proc.pid)
    if len(workers) < 2:
        _stop_group(proc)
        pytest.fail(f"the batch never started its two workers: {workers}")
    return proc, workers


def _stop_group(proc: subprocess.Popen) -> None:
    """Whatever the test found, leave no process of the batch behind."""
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)


@pytest.mark.parametrize("signum, code", [(signal.SIGTERM, 143), (signal.SIGINT, 130)])
def test_a_signal_stops_the_workers_and_leaves_nothing_behind(tmp_path: Path, signum: int, code: int) -> None:
    folder = _batch(tmp_path, 3000)  # still running when the signal comes, however fast the audit
    proc, workers = _start_batch(tmp_path, folder, "-o", "结果.json")
    try:
        if signum == signal.SIGINT:
            os.killpg(proc.pid, signum)  # Ctrl-C reaches the whole foreground group
        else:
            os.kill(proc.pid, signum)  # kill PID reaches the main process only
        _, err = proc.communicate(timeout=60)
    finally:
        _stop_group(proc)
    assert proc.returncode == code
    lines = err.decode("utf-8").strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in err.decode("utf-8")
    time.sleep(0.2)
    assert _alive(workers) == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["batch"]  # no partial output, no temporary file


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the kernel's parent-death signal is Linux's")
def test_workers_do_not_outlive_a_main_process_killed_with_sigkill(tmp_path: Path) -> None:
    """kill -9 of the main process runs none of its clean-up; its workers must still end (they would otherwise
    sit forever sending results nobody reads)."""
    folder = _batch(tmp_path)
    proc, workers = _start_batch(tmp_path, folder)
    try:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
        deadline = time.monotonic() + 20
        while _alive(workers) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert _alive(workers) == []
    finally:
        for pid in _alive(workers):
            os.kill(pid, signal.SIGKILL)


GONE = "检查时工作进程意外退出（可能内存不足），未能检查"
CHUNK = 16  # the most documents one worker holds at a time in a batch of 400 at -j 2 (see chunk in batch.run)


def test_a_worker_killed_mid_batch_is_an_error_for_its_documents_not_a_hang(tmp_path: Path) -> None:
    """kill -9 of one worker (what the OOM killer does): the run still ends, exit 2; the documents that worker
    held are named on stderr and are error results; every other document has its verdict, in order."""
    folder = _batch(tmp_path)
    proc, workers = _start_batch(tmp_path, folder)
    try:
        os.kill(workers[0], signal.SIGKILL)
        out, err = proc.communicate(timeout=120)
    finally:
        _stop_group(proc)
    text = err.decode("utf-8")
    assert "Traceback" not in text and "Exception ignored" not in text, text[-2000:]
    assert proc.returncode == 2, text[-2000:]
    lines = text.strip().splitlines()
    lost = [line.removeprefix("checker: ").removesuffix(f": {GONE}") for line in lines]
    assert all(line.endswith(f": {GONE}") for line in lines), lines
    assert 1 <= len(lost) <= CHUNK  # what the killed worker held, no more
    documents = json.loads(out.decode("utf-8"))["documents"]
    assert [d["path"] for d in documents] == sorted(str(p) for p in folder.iterdir())
    assert [d["path"] for d in documents if d["error"]] == lost
    assert all(d["error"] == {"kind": "internal", "message": GONE} for d in documents if d["error"])
    assert all(d["score"] is not None for d in documents if not d["error"])
    assert _alive(workers) == []


def test_sigterm_after_a_worker_died_still_stops_everything(tmp_path: Path) -> None:
    """A worker killed, then SIGTERM to the main process (which may by then wait on its replacement): exit 143
    at once, no worker left, the replacement included, no partial output."""
    folder = _batch(tmp_path, 3000)  # long enough to be still running after the pause, however fast the audit
    proc, workers = _start_batch(tmp_path, folder, "-o", "结果.json")
    try:
        os.kill(workers[0], signal.SIGKILL)
        time.sleep(0.5)
        workers += _children(proc.pid)
        if proc.poll() is not None:
            pytest.fail("the batch ended before the signal was sent: make it larger")
        os.kill(proc.pid, signal.SIGTERM)
        _, err = proc.communicate(timeout=60)
    finally:
        _stop_group(proc)
    text = err.decode("utf-8")
    assert "Traceback" not in text and "Exception ignored" not in text, text[-2000:]
    assert proc.returncode == 143
    lines = text.strip().splitlines()
    assert "SIGTERM" in lines[-1] and all(line.endswith(GONE) for line in lines[:-1]), lines
    time.sleep(0.2)
    assert _alive(workers) == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["batch"]
