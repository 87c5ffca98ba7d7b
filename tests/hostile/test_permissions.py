"""Cases that need permissions to bind: run as nobody, or as root without its permission override, when the tests
run as root (see unprivileged() in conftest.py); skipped only when neither is possible."""

from __future__ import annotations

from pathlib import Path

from tests.hostile.conftest import (
    DRAFT,
    error_lines,
    one_error,
    report,
    run_bounded,
    snapshot,
    unprivileged,
)


def test_a_read_only_folder_leaves_no_temporary_file_unprivileged(tmp_path: Path, draft: Path) -> None:
    """The twin of test_outputs.test_a_read_only_folder_leaves_no_temporary_file, which skips as root."""
    as_user = unprivileged(tmp_path)
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        proc = run_bounded("audit", str(draft), "-o", "ro/结果.json", cwd=tmp_path, as_user=as_user)
        assert proc.returncode == 2 and "没有写入权限" in one_error(proc, "ro/结果.json")
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o755)


def test_an_unreadable_folder_and_file_in_a_walk_are_input_errors(tmp_path: Path) -> None:
    as_user = unprivileged(tmp_path)
    root = tmp_path / "报告"
    (root / "锁住的目录").mkdir(parents=True)
    (root / "锁住的目录" / "看不到.txt").write_text(DRAFT, encoding="utf-8")
    (root / "好.txt").write_text(DRAFT, encoding="utf-8")
    (root / "锁住.txt").write_text(DRAFT, encoding="utf-8")
    before = snapshot(root)
    (root / "锁住的目录").chmod(0)
    (root / "锁住.txt").chmod(0)
    try:
        proc = run_bounded("audit", "报告", "--format", "json", "--exit-zero", cwd=tmp_path, as_user=as_user)
        lines = error_lines(proc)
        docs = report(proc)
    finally:
        (root / "锁住的目录").chmod(0o755)
        (root / "锁住.txt").chmod(0o644)
    assert proc.returncode == 2
    assert docs["报告/好.txt"]["score"] is not None
    assert "目录无法读取（没有读取权限）" in docs["报告/锁住的目录"]["error"]["message"]
    assert "没有读取权限" in docs["报告/锁住.txt"]["error"]["message"]
    assert sorted(lines) == sorted([f"checker: 报告/锁住.txt: {docs['报告/锁住.txt']['error']['message']}",
                                    f"checker: 报告/锁住的目录: {docs['报告/锁住的目录']['error']['message']}"])
    assert snapshot(root) == before


def test_an_unreadable_config_is_one_line(tmp_path: Path, draft: Path) -> None:
    as_user = unprivileged(tmp_path)
    config = tmp_path / ".checker.yaml"
    config.write_text("format: json\n", encoding="utf-8")
    config.chmod(0)
    try:
        proc = run_bounded("audit", draft.name, cwd=tmp_path, as_user=as_user)
    finally:
        config.chmod(0o644)
    assert proc.returncode == 2 and ".checker.yaml" in one_error(proc, ".checker.yaml")
