"""CSV for offices that live in spreadsheets: one table, one row per item, UTF-8 with a BOM and CRLF line ends so
Excel and WPS open the Chinese text correctly by double-click. Column 类别 says what a row is: 结论 (a reason the
document failed the gate), 要素 (one per document × element), 文字问题 (one per defect finding, its severity in 级别)
or 错误 (a document that could not be read); filter on it to see one kind. The first fourteen columns are those of
earlier versions, in the same order. Returns bytes (the BOM and line ends are part of the format). Named csv_table
so it never shadows the stdlib csv."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator

from checker.model import Result
from checker.render.json import document_dict
from checker.render.stream import SpooledStream, feed
from checker.words import FINDING_WORDS, LEVEL_WORDS, SEVERITY_WORDS, STATUS_WORDS

HEADER = ("文件", "发文机关", "层级", "年度", "得分", "等级", "是否通过", "要素编号", "要素", "状态", "级别", "问题",
          "建议", "原文行号", "类别", "列", "原文")


def document_rows(d: dict) -> list[list]:
    """All of one document's rows: the gate's reasons, the elements, the findings."""
    if d["error"]:
        return element_rows(d)
    head = _head(d)
    reasons = [head + [None, None, None, None, reason, None, None, "结论", None, None] for reason in d["reasons"]]
    findings = [head + [f["check"], None, None, FINDING_WORDS.get(f["severity"], f["severity"]), f["message"],
                        f["suggestion"], f["line"], "文字问题", f["column"], f["text"]] for f in d["findings"]]
    return reasons + element_rows(d) + findings


def element_rows(d: dict) -> list[list]:
    """One row per element as values (numbers stay numbers), or the one row of a document that could not be read;
    shared with the xlsx renderer's 要素 sheet."""
    if d["error"]:
        return [[d["path"], None, None, None, None, None, "无法检查", None, None, "错误", None, d["error"]["message"],
                 None, None, "错误", None, None]]
    head = _head(d)
    out = []
    for el in d["elements"]:
        gap = el["status"] in ("fail", "partial")
        first = el["evidence"][0] if el["evidence"] else {}
        out.append(head + [el["id"], el["title"], STATUS_WORDS.get(el["status"], el["status"]),
                           SEVERITY_WORDS.get(el["severity"], el["severity"]),
                           el["message"] if gap else None, el["suggestion"] if gap else None,
                           first.get("line"), "要素", first.get("column"), first.get("text")])
    return out


def _head(d: dict) -> list:
    return [d["path"], d["body"], LEVEL_WORDS.get(d["level"] or "", d["level"]), d["year"], d["score"], d["grade"],
            "通过" if d["passed"] else "未通过"]


def safe_cell(value):
    """Keep a spreadsheet from running text as a formula (CSV injection): text starting =, +, -, @ gets a quote."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def render_csv(results: list[Result]) -> bytes:
    return b"".join(feed(CsvStream(), results))


class CsvStream(SpooledStream):
    """Rows are spooled as documents arrive; the BOM and header go in front."""

    binary = True

    def part(self, result: Result) -> str:
        return _lines(document_rows(document_dict(result)))

    def head(self) -> Iterator[str]:
        yield "\ufeff" + _lines([HEADER])


def _lines(table: Iterable[Iterable]) -> str:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerows(["" if v is None else safe_cell(v) for v in row] for row in table)
    return buffer.getvalue()
