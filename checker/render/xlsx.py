"""Excel workbook (optional extra `xlsx`, needs openpyxl): sheet 汇总 with one row per document and the gate's reasons,
sheet 要素 with one row per document × element (the CSV's 要素 rows, same columns), sheet 文字问题 with the defect
findings. Status cells are
colour-coded, long text wraps, the header row is bold, frozen and filtered. Returns the .xlsx bytes.

Written with openpyxl's write-only workbook: each sheet streams its rows to a temporary file as documents arrive,
so styles are set cell by cell (WriteOnlyCell) and column widths and the frozen row before the first row."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator

from checker.errors import UsageError
from checker.model import Result
from checker.render.csv_table import HEADER, element_rows
from checker.render.json import document_dict
from checker.render.stream import READ_SIZE, feed
from checker.words import FINDING_WORDS

INSTALL_HINT = "xlsx 格式需要 openpyxl，请安装 openpyxl：pip install 'fazhi-checker[xlsx]'"
FILLS = {"具备": "DAFBE1", "薄弱": "FFF8C5", "缺失": "FFEBE9", "不适用": "F6F8FA", "错误": "FFEBE9",
         "通过": "DAFBE1", "未通过": "FFEBE9", "无法检查": "FFEBE9"}
WRAP_OVER = 30  # text longer than this wraps in its cell

# name, header, column widths, the (1-based) columns whose cells are coloured by their value
SHEETS = (
    ("汇总", ("文件", "标题", "发文机关", "年度", "得分", "等级", "结论", "缺失", "薄弱", "文字问题", "原因"),
     (36, 40, 20, 8, 8, 6, 10, 6, 6, 8, 40), (7,)),
    ("要素", HEADER, (36, 20, 10, 8, 8, 6, 10, 24, 16, 8, 8, 50, 50, 8, 8, 6, 50), (7, 10)),
    ("文字问题", ("文件", "行", "列", "级别", "检查", "原文", "问题", "建议"), (36, 6, 6, 6, 14, 30, 50, 50), ()),
)


def render_xlsx(results: list[Result]) -> bytes:
    return b"".join(feed(XlsxStream(), results))


class XlsxStream:
    """Each document's rows are appended to all three sheets as it arrives; chunks() zips the workbook into a
    temporary file and reads it back."""

    def __init__(self) -> None:
        try:
            from openpyxl import Workbook
            from openpyxl.cell import WriteOnlyCell
            from openpyxl.styles import Alignment, Font, PatternFill
            from openpyxl.utils import get_column_letter
        except ImportError as exc:
            raise UsageError(INSTALL_HINT) from exc
        self._cell = WriteOnlyCell
        self._column = get_column_letter
        self._fills = {word: PatternFill("solid", fgColor=colour) for word, colour in FILLS.items()}
        self._wrap = Alignment(wrap_text=True, vertical="top")
        self._book = Workbook(write_only=True)
        self._sheets = []
        self._heights = []  # rows written per sheet, the header included
        bold = Font(bold=True)
        for name, header, widths, _ in SHEETS:
            ws = self._book.create_sheet(name)
            for i, width in enumerate(widths, 1):
                ws.column_dimensions[get_column_letter(i)].width = width
            ws.freeze_panes = "A2"
            cells = [self._cell(ws, value) for value in header]
            for cell in cells:
                cell.font = bold
            ws.append(cells)
            self._sheets.append(ws)
            self._heights.append(1)

    def add(self, result: Result) -> None:
        d = document_dict(result)
        tables = (_summary_rows(d), element_rows(d), _finding_rows(d))
        for n, (ws, table, (_, _, _, coloured)) in enumerate(zip(self._sheets, tables, SHEETS)):
            for row in table:
                ws.append([self._styled(ws, _safe(value), col in coloured) for col, value in enumerate(row, 1)])
            self._heights[n] += len(table)

    def _styled(self, ws, value, coloured: bool):
        fill = self._fills.get(value) if coloured and isinstance(value, str) else None
        wrap = isinstance(value, str) and len(value) > WRAP_OVER
        if not (fill or wrap):
            return value
        cell = self._cell(ws, value)
        if fill:
            cell.fill = fill
        if wrap:
            cell.alignment = self._wrap
        return cell

    def chunks(self) -> Iterator[bytes]:
        for ws, height, (_, header, _, _) in zip(self._sheets, self._heights, SHEETS):
            ws.auto_filter.ref = f"A1:{self._column(len(header))}{height}"  # written after the rows: known by now
        with tempfile.TemporaryFile() as zipped:
            self._book.save(zipped)
            zipped.seek(0)
            while chunk := zipped.read(READ_SIZE):
                yield chunk


def _summary_rows(d: dict) -> list[list]:
    if d["error"]:
        return [[d["path"], None, None, None, None, None, "无法检查", None, None, None, d["error"]["message"]]]
    count = {s: sum(1 for e in d["elements"] if e["status"] == s) for s in ("fail", "partial")}
    return [[d["path"], d["title"], d["body"], d["year"], d["score"], d["grade"], "通过" if d["passed"] else "未通过",
             count["fail"], count["partial"], len(d["findings"]), "；".join(d["reasons"])]]


def _finding_rows(d: dict) -> list[list]:
    return [[d["path"], f["line"], f["column"], FINDING_WORDS.get(f["severity"], f["severity"]), f["check"],
             f["text"], f["message"], f["suggestion"]] for f in d["findings"]]


def _safe(value):
    """Text starting with =, +, -, @ would be a formula in Excel: store it as text with a leading quote."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@"):
        return "'" + value
    return value
