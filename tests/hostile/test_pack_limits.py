"""Rule packs and configs are untrusted input: YAML alias bombs, deep nesting, huge files and regexes that
backtrack catastrophically are refused at load time with one Chinese line naming file:line, exit 2, inside
memory and CPU limits (before the caps a bomb took 30 s+ and 2–2.6 GB)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.hostile.conftest import DRAFT, error_lines, run_bounded, snapshot

PACK = "id: p\ntitle: 测试规则包\nversion: '1'\nelements: [e]\n"
ELEMENT = """id: e
title: 行政复议
severity: required
weight: 1
requires: 写明行政复议情况
message: 未见行政复议情况
suggestion: 写明案件数
basis: [《法治政府建设实施纲要（2021－2025年）》]
{extra}match:
  {match}
"""
TERMS = "terms: {any: [行政复议]}"


def _bomb(levels: int = 9, width: int = 9) -> str:
    """`defs:` anchors that double… ninefold at each level, and a match tree that uses the last: 9^8 matchers."""
    lines = ["defs:", "  - &a0 {terms: {any: [法治]}}"]
    for i in range(1, levels):
        lines.append(f"  - &a{i} {{any: [{', '.join([f'*a{i - 1}'] * width)}]}}")
    return "\n".join(lines) + "\n"


def _pack(tmp_path: Path, element: str) -> Path:
    root = tmp_path / "我的规则包"
    (root / "elements").mkdir(parents=True)
    (root / "pack.yaml").write_text(PACK, encoding="utf-8")
    (root / "elements" / "e.yaml").write_text(element, encoding="utf-8")
    return root


def _refused(tmp_path: Path, *args: str) -> str:
    """Run, expect exit 2 with Chinese lines only, nothing written; return stderr."""
    before = snapshot(tmp_path)
    proc = run_bounded(*args, cwd=tmp_path)
    lines = error_lines(proc)
    assert proc.returncode == 2, lines
    assert lines and all(":" in line for line in lines), lines  # each names file:line
    assert snapshot(tmp_path) == before
    return "\n".join(lines)


@pytest.mark.parametrize("command", [("rules", "validate", "我的规则包"),
                                     ("audit", "--pack", "我的规则包", "草稿.txt")])
def test_an_alias_bomb_in_an_element_is_refused_with_its_line(tmp_path: Path, draft: Path, command) -> None:
    _pack(tmp_path, ELEMENT.format(extra=_bomb(), match="*a8"))
    err = _refused(tmp_path, *command)
    assert "e.yaml:" in err and "100000 个节点" in err and "别名" in err


def test_an_alias_bomb_in_a_config_is_refused(tmp_path: Path, draft: Path) -> None:
    bomb = _bomb().replace("defs:", "x-defs:").replace("{terms: {any: [法治]}}", "[法治]")
    (tmp_path / ".checker.yaml").write_text(bomb + "disable: *a8\n", encoding="utf-8")
    err = _refused(tmp_path, "audit", "草稿.txt")
    assert ".checker.yaml:" in err and "别名" in err


@pytest.mark.parametrize("body, expected", [
    ("title: " + "[" * 5000 + "]" * 5000 + "\n", "嵌套超过 100 层"),  # flow nesting: past libyaml's own limit
    ("chain: &c0 [x]\n" + "".join(f"c{i}: &c{i} [*c{i - 1}]\n" for i in range(1, 3000)), "嵌套超过 100 层"),
    ("? [a, b]\n: 1\n", "键应是简单的值"),  # a list as a key was a TypeError traceback
])
def test_deep_or_odd_yaml_is_one_line(tmp_path: Path, body: str, expected: str) -> None:
    root = _pack(tmp_path, ELEMENT.format(extra="", match=TERMS))
    (root / "pack.yaml").write_text(PACK + body, encoding="utf-8")
    assert expected in _refused(tmp_path, "rules", "validate", "我的规则包")


def test_a_pack_file_over_the_size_cap_is_refused(tmp_path: Path) -> None:
    root = _pack(tmp_path, ELEMENT.format(extra="", match=TERMS))
    (root / "pack.yaml").write_text(PACK + "#" * (1024 * 1024 + 1) + "\n", encoding="utf-8")
    assert "超过 1 MB 上限" in _refused(tmp_path, "rules", "validate", "我的规则包")


@pytest.mark.parametrize("pattern", [r"(a{1,30}){1,30}$", r"(a?){25}a{25}", r"(复议+)+案", r"(?:\d+、)+$",
                                     r".*复议.*案件数"])
def test_a_regex_that_can_hang_is_refused_at_load_time(tmp_path: Path, pattern: str) -> None:
    _pack(tmp_path, ELEMENT.format(extra="", match=f"regex: {{pattern: '{pattern}'}}"))
    (tmp_path / "草稿.txt").write_text(DRAFT + "a" * 30 + "b\n", encoding="utf-8")
    err = _refused(tmp_path, "audit", "--pack", "我的规则包", "草稿.txt")
    assert "e.yaml:" in err and "请" in err  # where, and what to write instead


def test_an_element_missing_a_required_key_is_a_problem_not_a_traceback(tmp_path: Path, draft: Path) -> None:
    _pack(tmp_path, ELEMENT.format(extra="", match=TERMS).replace("basis: [《法治政府建设实施纲要（2021－2025年）》]\n", ""))
    assert '缺少 "basis"' in _refused(tmp_path, "audit", "--pack", "我的规则包", "草稿.txt")


def test_shipped_packs_load_unchanged(tmp_path: Path) -> None:
    proc = run_bounded("rules", "validate", *(str(p.parent) for p in
                                              sorted((Path(__file__).parents[2] / "rules").glob("*/pack.yaml"))),
                       cwd=tmp_path)
    error_lines(proc)
    assert proc.returncode == 0, proc.stdout.decode("utf-8")
