"""--level NAME: the user names the document's level, and the report and every judgement use that level, not the one
read from the issuing body's name."""

from __future__ import annotations

import json

from tests.helpers import invoke

COUNTY = """某县人民政府关于2024年法治政府建设情况的报告

一、主要举措和成效
县政府召开常务会议4次研究法治政府建设，办理行政复议案件35件。

二、存在的不足和原因
一是执法人员素质不高。主要原因是培训不够。

三、2025年工作安排
加强执法监督。

某县人民政府
2025年3月15日
"""


def _document(tmp_path, *options: str) -> dict:
    path = tmp_path / "report.txt"
    path.write_text(COUNTY, encoding="utf-8")
    run = invoke("audit", "--format", "json", "--exit-zero", *options, str(path))
    assert run.code == 0, run.err
    return json.loads(run.out)["documents"][0]


def test_the_level_read_from_the_body_without_level(tmp_path) -> None:
    doc = _document(tmp_path)
    assert doc["level"] == "county" and doc["pack"]["id"] == "fazhi-annual"
    assert not any(f["check"] == "deadline" for f in doc["findings"])  # 3月15日 is before a government's 4月1日


def test_a_named_level_is_the_documents_level(tmp_path) -> None:
    doc = _document(tmp_path, "--level", "township")
    assert doc["level"] == "township" and doc["pack"]["id"] == "fazhi-township"


def test_a_named_level_decides_the_judgement_too(tmp_path) -> None:
    """A department submits before 1 March: with --level department the same draft is late."""
    doc = _document(tmp_path, "--level", "department")
    assert doc["level"] == "department" and doc["pack"]["id"] == "fazhi-department"
    assert any(f["check"] == "deadline" for f in doc["findings"])


def test_a_named_level_with_a_named_pack(tmp_path) -> None:
    doc = _document(tmp_path, "--level", "city", "--pack", "fazhi-annual")
    assert doc["level"] == "city" and doc["pack"]["id"] == "fazhi-annual"
