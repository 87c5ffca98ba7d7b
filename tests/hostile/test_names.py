"""File names that are not valid UTF-8 (GBK bytes, as in a zip made on Windows) or hold control characters are
shown by one rule in every format (bytes as \\xNN, controls escaped), never a crash; an ordinary name is kept."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest

from tests.hostile.conftest import DRAFT, error_lines, run_bounded, snapshot

GBK_NAME = "报告".encode("gbk") + b".txt"  # b'\xb1\xa8\xb8\xe6.txt': not UTF-8
GBK_SHOWN = "\\xb1\\xa8\\xb8\\xe6.txt"
CONTROL_NAME = "a\x1b[31m\tb.txt"
CONTROL_SHOWN = "a\\x1b[31m\\x09b.txt"
FORMATS = ["json", "markdown", "html", "sarif", "junit", "github", "csv", "xlsx", "text"]


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "稿"
    folder.mkdir()
    for name in (GBK_NAME, CONTROL_NAME.encode("utf-8"), "正常.txt".encode("utf-8")):
        with open(os.path.join(os.fsencode(folder), name), "wb") as handle:
            handle.write(DRAFT.encode("utf-8"))
    (folder / "坏.txt").write_bytes(b"\x00" * 100)  # an error result in the same batch
    return folder


def _text_of(fmt: str, data: bytes) -> str:
    """The output as text, parsed where the format has a parser, so that a broken file fails here."""
    if fmt == "xlsx":
        from openpyxl import load_workbook

        book = load_workbook(io.BytesIO(data), read_only=True)
        return "\n".join(str(cell) for sheet in book for row in sheet.iter_rows(values_only=True) for cell in row)
    text = data.decode("utf-8")
    if fmt in ("json", "sarif"):
        return json.dumps(json.loads(text), ensure_ascii=False)
    if fmt == "junit":
        ET.fromstring(text)
    if fmt == "csv":
        list(csv.reader(io.StringIO(text)))
    if fmt == "markdown":
        return re.sub(r"\\(.)", r"\1", text)  # Markdown's own escapes (\\ for \, \[ for [) undone
    return text


@pytest.mark.parametrize("fmt", FORMATS)
def test_odd_names_in_every_format(tmp_path: Path, fmt: str) -> None:
    folder = _folder(tmp_path)
    before = snapshot(folder)
    proc = run_bounded("audit", "稿", "--format", fmt, "-o", f"结果.{fmt}", cwd=tmp_path)
    lines = error_lines(proc)
    assert proc.returncode == 2 and len(lines) == 1 and "坏.txt" in lines[0]  # only the bad file
    shown = _text_of(fmt, (tmp_path / f"结果.{fmt}").read_bytes())
    assert "\x1b" not in shown and "\udcb1" not in shown
    for name in (GBK_SHOWN, CONTROL_SHOWN, "正常.txt"):
        expected = name.replace("\\", "\\\\") if fmt in ("json", "sarif") else name  # JSON escapes the backslash
        if fmt == "sarif":
            continue  # SARIF names artifacts by URI; checked below
        assert expected in shown or name in shown, (fmt, name)
    if fmt == "sarif":
        assert "%5Cxb1" in shown or "\\\\xb1" in shown
    assert snapshot(folder) == before


def test_json_path_keeps_ordinary_names_for_score_py(tmp_path: Path) -> None:
    _folder(tmp_path)
    proc = run_bounded("audit", "稿", "--format", "json", cwd=tmp_path)
    paths = [d["path"] for d in json.loads(proc.stdout.decode("utf-8"))["documents"]]
    assert "稿/正常.txt" in paths and f"稿/{GBK_SHOWN}" in paths
    assert Path("稿/正常.txt").stem == "正常"


def test_an_odd_name_in_an_error_line_and_in_outline(tmp_path: Path) -> None:
    folder = tmp_path / "稿"
    folder.mkdir()
    with open(os.path.join(os.fsencode(folder), "坏".encode("gbk") + b".txt"), "wb") as handle:
        handle.write(b"\x00" * 64)
    proc = run_bounded("audit", "稿", "-q", cwd=tmp_path)
    [line] = error_lines(proc)
    assert proc.returncode == 2 and "\\xbb\\xb5.txt" in line
    proc = run_bounded("outline", "稿", "--format", "json", cwd=tmp_path)
    error_lines(proc)
    assert json.loads(proc.stdout.decode("utf-8"))["documents"][0]["path"] == "稿/\\xbb\\xb5.txt"


def test_xlsx_is_a_valid_workbook_with_control_characters_in_names(tmp_path: Path) -> None:
    _folder(tmp_path)
    proc = run_bounded("audit", "稿", "--format", "xlsx", "-o", "结果.xlsx", cwd=tmp_path)
    error_lines(proc)
    assert zipfile.ZipFile(tmp_path / "结果.xlsx").testzip() is None
