"""Excel workbook (optional extra `xlsx`, needs openpyxl): sheet 汇总 with one row per document, sheet 要素 with one
row per document × element (the same table as the CSV), sheet 文字问题 with the defect findings. Status cells are
colour-coded, the header row is frozen and filtered. Returns the .xlsx bytes."""

from __future__ import annotations

import io

from checker.errors import UsageError
from checker.model import Result
from checker.render.csv_table import HEADER, rows
from checker.render.json import document_dict

INSTALL_HINT = "xlsx 格式需要 openpyxl，请安装 openpyxl：pip install 'fazhi-checker[xlsx]'"
FILLS = {"具备": "DAFBE1", "薄弱": "FFF8C5", "缺失": "FFEBE9", "不适用": "F6F8FA", "错误": "FFEBE9",
         "通过": "DAFBE1", "未通过": "FFEBE9", "无法检查": "FFEBE9"}
FINDING_WORDS = {"error": "错误", "warning": "警告", "info": "提示"}


def render_xlsx(results: list[Result]) -> bytes:
    try:
        from openpyxl import Workbook
        from openpyxl.styles import Alignment, Font, PatternFill
        from openpyxl.utils import get_column_letter
    except ImportError as exc:
        raise UsageError(INSTALL_HINT) from exc

    docs = [document_dict(r) for r in results]
    book = Workbook()
    bold = Font(bold=True)
    fills = {word: PatternFill("solid", fgColor=colour) for word, colour in FILLS.items()}

    def sheet(ws, header, table, widths, coloured=()):
        ws.append(list(header))
        for row in table:
            ws.append([_safe(v) for v in row])
        for cell in ws[1]:
            cell.font = bold
        ws.freeze_panes = "A2"
        ws.auto_filter.ref = ws.dimensions
        for i, width in enumerate(widths, 1):
            ws.column_dimensions[get_column_letter(i)].width = width
        for col in coloured:
            for (cell,) in ws.iter_rows(min_row=2, min_col=col, max_col=col):
                if cell.value in fills:
                    cell.fill = fills[cell.value]
        for line in ws.iter_rows(min_row=2):
            for cell in line:
                if isinstance(cell.value, str) and len(cell.value) > 30:
                    cell.alignment = Alignment(wrap_text=True, vertical="top")

    summary = book.active
    summary.title = "汇总"
    table = []
    for d in docs:
        if d["error"]:
            table.append([d["path"], None, None, None, None, None, "无法检查", None, None, None, d["error"]["message"]])
            continue
        count = {s: sum(1 for e in d["elements"] if e["status"] == s) for s in ("fail", "partial")}
        table.append([d["path"], d["title"], d["body"], d["year"], d["score"], d["grade"],
                      "通过" if d["passed"] else "未通过", count["fail"], count["partial"], len(d["findings"]),
                      "；".join(d["reasons"])])
    sheet(summary, ("文件", "标题", "发文机关", "年度", "得分", "等级", "结论", "缺失", "薄弱", "文字问题", "原因"),
          table, (36, 40, 20, 8, 8, 6, 10, 6, 6, 8, 40), coloured=(7,))
    sheet(book.create_sheet("要素"), HEADER, rows(results), (36, 20, 10, 8, 8, 6, 10, 24, 16, 8, 8, 50, 50, 8),
          coloured=(7, 10))
    findings = [[d["path"], f["line"], f["column"], FINDING_WORDS.get(f["severity"], f["severity"]), f["check"],
                 f["text"], f["message"], f["suggestion"]] for d in docs for f in d["findings"]]
    sheet(book.create_sheet("文字问题"), ("文件", "行", "列", "级别", "检查", "原文", "问题", "建议"), findings,
          (36, 6, 6, 6, 14, 30, 50, 50))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _safe(value):
    """Text starting with =, +, -, @ would be a formula in Excel: store it as text with a leading quote."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@"):
        return "'" + value
    return value
