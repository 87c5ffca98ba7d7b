"""`checker explain NAME`: an element or a text check, named by its id, its Chinese title or an unambiguous part of
the title; a name that fits several or none is a usage error (exit 2) that says what to write."""

from __future__ import annotations

import subprocess
import sys

import pytest

from checker.errors import UsageError
from tests.helpers import invoke


@pytest.mark.parametrize("name", ["problem-causes", "原因分析", "原因", " 原因分析 ", "PROBLEM-CAUSES"])
def test_an_element_by_id_title_or_short_form(name: str) -> None:
    run = invoke("explain", name)
    assert run.code == 0
    assert run.out.startswith("【原因分析】（必备要素）") and "要写什么" in run.out and "怎么写" in run.out


@pytest.mark.parametrize("name", ["placeholder", "占位符未替换", "占位符"])
def test_a_text_check_by_id_title_or_short_form(name: str) -> None:
    run = invoke("explain", name)
    assert run.code == 0
    out = run.out
    assert out.startswith("【占位符未替换】（文字检查 placeholder）")
    assert "查什么：报告中留有占位符或待填说明" in out
    assert "级别：错误，会使报告判为未通过" in out
    assert "怎么改：" in out and "为什么：" in out


def test_a_check_is_shown_with_what_it_reports_on_an_example() -> None:
    out = invoke("explain", "blank-figure").out
    assert "级别：警告，提醒核对，不影响是否通过" in out
    example = out[out.index("示例"):]
    assert "第3行" in example and "→ 数字未填写" in example and "不会报出的情形" in example


def test_a_check_of_a_pack_whose_parent_sits_beside_it_is_explained(tmp_path) -> None:
    """A user's pack extending a parent of its own (extends: ../base, id base): explain works and says the check
    (the parent is not a built-in pack, so its examples are not looked up by id)."""
    import shutil

    from tests.conftest import RULES

    base, mine = tmp_path / "base", tmp_path / "mine"
    shutil.copytree(RULES / "fazhi-annual", base)
    (base / "pack.yaml").write_text((base / "pack.yaml").read_text(encoding="utf-8").replace(
        "id: fazhi-annual", "id: base"), encoding="utf-8")
    mine.mkdir()
    (mine / "pack.yaml").write_text('id: mine\ntitle: 我的\nversion: "1"\nextends: ../base\n', encoding="utf-8")
    run = invoke("explain", "placeholder", "--pack", str(mine))
    assert run.code == 0, run.err
    assert run.out.startswith("【占位符未替换】（文字检查 placeholder）")


def test_every_check_of_the_pack_can_be_explained(pack) -> None:
    for check in pack.checks:
        run = invoke("explain", check.id)
        assert run.code == 0 and run.out.startswith(f"【{check.title}】"), check.id
        assert f"怎么改：{check.suggestion}" in run.out


def test_an_ambiguous_short_form_lists_what_it_could_mean() -> None:
    with pytest.raises(UsageError, match="行政复议（administrative-reconsideration）.*请写全称或编号"):
        invoke("explain", "行政")


def test_an_unknown_name_is_one_line_on_stderr_and_exit_2() -> None:
    run = subprocess.run([sys.executable, "-m", "checker", "explain", "blank-figur"], capture_output=True,
                         text=True, encoding="utf-8")
    assert run.returncode == 2 and run.stdout == ""
    assert run.stderr.strip().splitlines() == [
        "checker: 规则包 fazhi-annual 中没有要素或文字检查“blank-figur”，是否指 空白数字（blank-figure）？"]
