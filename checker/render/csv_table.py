"""CSV for offices that live in spreadsheets: one row per document × element, UTF-8 with a BOM and CRLF line ends so
Excel opens the Chinese text correctly by double-click. A document that could not be read is one row with its error.
Returns bytes (the BOM and line ends are part of the format). Named csv_table so it never shadows the stdlib csv."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator

from checker.model import Result
from checker.render.json import document_dict
from checker.render.stream import SpooledStream, feed
from checker.words import LEVEL_WORDS, SEVERITY_WORDS, STATUS_WORDS

HEADER = ("文件", "发文机关", "层级", "年度", "得分", "等级", "是否通过", "要素编号", "要素", "状态", "级别", "问题",
          "建议", "原文行号")


def document_rows(d: dict) -> list[list]:
    """One document's rows as values (numbers stay numbers); shared with the xlsx renderer."""
    if d["error"]:
        return [[d["path"], None, None, None, None, None, "无法检查", None, None, "错误", None, d["error"]["message"],
                 None, None]]
    head = [d["path"], d["body"], LEVEL_WORDS.get(d["level"] or "", d["level"]), d["year"], d["score"], d["grade"],
            "通过" if d["passed"] else "未通过"]
    out = []
    for el in d["elements"]:
        gap = el["status"] in ("fail", "partial")
        out.append(head + [el["id"], el["title"], STATUS_WORDS.get(el["status"], el["status"]),
                           SEVERITY_WORDS.get(el["severity"], el["severity"]),
                           el["message"] if gap else None, el["suggestion"] if gap else None,
                           el["evidence"][0]["line"] if el["evidence"] else None])
    return out


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
