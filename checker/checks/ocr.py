"""A note that the text was read by OCR (a scanned PDF or OFD page, a picture of a page): recognition can misread a
figure or a word, so the reader is told which pages and how sure the engine was, and checks evidence against the
original. It reads what the reader recorded (properties `ocr_pages`, `ocr_confidence`, see checker/read/ocr.py);
a document with a text layer gets no note.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator

from checker.checks.base import Context
from checker.model import Finding


def run(ctx: Context) -> Iterator[Finding]:
    found = dict(ctx.doc.properties)
    listed = [int(p) for p in found.get("ocr_pages", "").split(",") if p.strip().isdigit()]
    if not listed:
        return
    confidence = _number(found.get("ocr_confidence"))
    low = ctx.options.get("low_confidence", 0.9)
    if ctx.doc.kind == "image" and len(listed) == 1:
        where = "图片中的文字"
    elif len(listed) == len(ctx.doc.page_starts):
        where = "全文"
    else:
        where = f"第 {_ranges(listed)} 页"
    detail = f"{where}由 OCR 识别，平均置信度 {confidence:.1%}"
    if confidence < low:
        detail += "，识别质量较低"
    start = _page_start(ctx, listed[0])
    end = ctx.text.find("\n", start)
    yield ctx.finding(start, end if end > start else len(ctx.text), detail)


def _number(text: str | None) -> float:
    try:
        return float(text or 0)
    except ValueError:
        return 0.0


def _ranges(pages: list[int]) -> str:
    """1,2,3,5 → 1–3、5."""
    out: list[str] = []
    first = last = pages[0]
    for page in pages[1:] + [None]:
        if page is not None and page == last + 1:
            last = page
            continue
        out.append(f"{first}–{last}" if last > first else str(first))
        if page is not None:
            first = last = page
    return "、".join(out)


def _page_start(ctx: Context, page: int) -> int:
    """The normalised offset where a 1-based page begins (0 without page information)."""
    starts = ctx.doc.page_starts
    if not starts or page > len(starts):
        return 0
    return min(bisect_left(ctx.doc.offsets, starts[page - 1]), max(len(ctx.text) - 1, 0))
