"""A name that promises a binary format whose bytes are not that format is refused as damaged or misnamed, never
audited as text; and the pre-commit hook passes every format checker reads, binary ones included."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from checker.errors import InputError
from checker.read import READERS, read_source
from tests.fixtures.build import ROOT
from tests.helpers import invoke

DRAFT = "某县人民政府关于2024年法治政府建设情况的报告\n一、主要举措和成效\n全年办理行政复议案件12件。\n"


@pytest.mark.parametrize(("name", "reason"), [
    ("draft.docx", "不是有效的 Word 文档（文件已损坏或扩展名有误）"),
    ("draft.DOCM", "不是有效的 Word 文档"),
    ("table.xlsx", "不是有效的 Excel 文件"),
    ("draft.pdf", "不是有效的 PDF 文件（文件已损坏或扩展名有误）"),
    ("draft.ofd", "不是有效的 OFD 文件（文件已损坏或扩展名有误）"),
    ("scan.png", "不是有效的图片"),
])
def test_text_under_a_binary_name_is_refused(tmp_path: Path, name: str, reason: str) -> None:
    path = tmp_path / name
    path.write_text(DRAFT, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_source(str(path))
    assert caught.value.reason.startswith(reason)


def test_one_line_exit_two_and_the_batch_goes_on(tmp_path: Path) -> None:
    bad, good = tmp_path / "a.docx", tmp_path / "b.txt"
    bad.write_text(DRAFT, encoding="utf-8")
    good.write_text(DRAFT, encoding="utf-8")
    run = invoke("audit", "--format", "json", str(bad), str(good))
    assert run.code == 2
    assert run.err.strip().splitlines() == [f"checker: {bad}: 不是有效的 Word 文档（文件已损坏或扩展名有误）"]
    assert '"path": "' + str(good) in run.out


def test_content_still_decides_for_formats_checker_knows(tmp_path: Path) -> None:
    """A web page or a Word package under another format's name is read as what it is; a plain .txt stays text."""
    page = tmp_path / "saved.pdf"
    page.write_text(f"<!DOCTYPE html><html><body><p>{DRAFT}</p></body></html>", encoding="utf-8")
    assert read_source(str(page)).kind == "html"
    word = tmp_path / "report.pdf"
    word.write_bytes((Path(__file__).parent / "fixtures" / "formats" / "000.docx").read_bytes())
    assert read_source(str(word)).kind == "docx"
    text = tmp_path / "report.txt"
    text.write_text(DRAFT, encoding="utf-8")
    assert read_source(str(text)).kind == "text"


def test_pre_commit_hook_passes_every_readable_format() -> None:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    hook = next(h for h in hooks if h["id"] == "checker")
    assert "types_or" not in hook and hook.get("types", ["file"]) == ["file"]
    files = re.compile(hook["files"])
    for suffix in READERS:
        for name in (f"报告{suffix}", f"报告{suffix.upper()}"):
            assert files.search(name), name
    for other in ("logo.png", "notes.py", "data.xlsx"):
        assert not files.search(other), other
