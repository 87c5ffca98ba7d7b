"""Text from pictures of pages by OCR: scanned PDF and OFD pages, and .png/.jpg/.tif files, through the optional extra
`fazhi-checker[ocr]`: RapidOCR on ONNX Runtime, whose detection and recognition models ship inside the package, so
nothing is downloaded at run time (verified offline, see bench/README.md).

Each detected text box becomes a Line with its horizontal extent (in the unit of the page it came from, so that a
PDF or OFD mixing text pages and scanned pages reflows as one), boxes on one row join into one line, and from there
the text is reflowed like a PDF's. The RawText says which pages were read by OCR and how sure the engine was
(properties `ocr_pages` and `ocr_confidence`), and the `ocr` check tells the reader so in every output format.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from functools import lru_cache
from importlib.util import find_spec

from checker.errors import InputError
from checker.model import RawText
from checker.read.layout import Line, reflow, strip_running

INSTALL = "安装 OCR 组件后可识别：pip install 'fazhi-checker[ocr]'"
MAX_PIXELS = 60_000_000  # one page picture; a scan at 600 dpi of A4 is 35 Mpx


@dataclass(frozen=True)
class PageText:
    """What OCR read on one page: its lines, and the engine's confidence weighted by characters."""

    lines: list[Line]
    chars: int
    confidence: float


def available() -> bool:
    return find_spec("rapidocr") is not None and find_spec("onnxruntime") is not None


def missing(reason: str) -> str:
    """The message for a picture of text when the OCR extra is not installed."""
    return f"{reason}；{INSTALL}"


@lru_cache(maxsize=1)
def _engine():
    import logging

    from rapidocr import RapidOCR

    logging.getLogger("RapidOCR").setLevel(logging.CRITICAL)
    return RapidOCR(params={"Global.log_level": "critical"})


def recognise(image, scale: float = 1.0, left: float = 0.0, top: float = 0.0) -> PageText:
    """OCR one page picture (a PIL image). Line extents are `left + x * scale` in the caller's unit."""
    import numpy as np

    result = _engine()(np.asarray(image.convert("RGB")))
    if result.boxes is None or not result.txts:
        return PageText([], 0, 0.0)
    boxes = []
    for box, text, score in zip(result.boxes, result.txts, result.scores):
        text = text.strip()
        if text:
            xs, ys = [float(p[0]) for p in box], [float(p[1]) for p in box]
            boxes.append((min(ys), max(ys), min(xs), max(xs), text, float(score)))
    lines = [_line(row, scale, left) for row in _rows(boxes)]
    chars = sum(len(b[4]) for b in boxes)
    confidence = sum(len(b[4]) * b[5] for b in boxes) / chars if chars else 0.0
    return PageText(lines, chars, confidence)


def _rows(boxes: list[tuple]) -> list[list[tuple]]:
    """Boxes whose vertical middles fall inside one another's extent are one row, top to bottom."""
    rows: list[list[tuple]] = []
    for box in sorted(boxes, key=lambda b: (b[0] + b[1]) / 2):
        middle = (box[0] + box[1]) / 2
        if rows and rows[-1][-1][0] <= middle <= rows[-1][-1][1]:
            rows[-1].append(box)
        else:
            rows.append([box])
    return rows


def _line(row: list[tuple], scale: float, left: float) -> Line:
    row = sorted(row, key=lambda b: b[2])
    parts = [row[0][4]]
    for before, box in zip(row, row[1:]):
        gap, height = box[2] - before[3], box[1] - box[0]
        parts.append((" " if gap > height else "") + box[4])
    return Line("".join(parts), left + row[0][2] * scale, left + row[-1][3] * scale)


def properties(pages: dict[int, PageText]) -> tuple[tuple[str, str], ...]:
    """`ocr_pages` (1-based, comma-separated) and `ocr_confidence` (0–1, character-weighted) of the OCR'd pages."""
    chars = sum(p.chars for p in pages.values())
    confidence = sum(p.chars * p.confidence for p in pages.values()) / chars if chars else 0.0
    return (("ocr_pages", ",".join(str(i + 1) for i in sorted(pages))), ("ocr_confidence", f"{confidence:.3f}"))


def open_image(source: str, data: bytes):
    """A PIL image from bytes, refusing decompression bombs with one clear line."""
    from PIL import Image

    Image.MAX_IMAGE_PIXELS = MAX_PIXELS
    try:
        image = Image.open(io.BytesIO(data))
        image.size  # noqa: B018 - opening reads the header; a bomb is refused here
    except Image.DecompressionBombError:
        raise InputError(source, "图片像素过多，疑似图片炸弹，已拒绝读取") from None
    except (OSError, ValueError, SyntaxError):
        raise InputError(source, "图片已损坏或格式不受支持，无法识别") from None
    return image


def read_image(source: str, data: bytes) -> RawText:
    """A .png/.jpg/.tif picture of a report: each frame (a multi-page TIFF has several) is one page."""
    if not available():
        raise InputError(source, missing("图片中的文字需要 OCR 识别"))
    from PIL import ImageSequence

    image = open_image(source, data)
    pages: dict[int, PageText] = {}
    try:
        for index, frame in enumerate(ImageSequence.Iterator(image)):
            pages[index] = recognise(frame)
    except (OSError, ValueError):
        raise InputError(source, "图片已损坏，无法识别") from None
    if sum(page.chars for page in pages.values()) < 10:
        raise InputError(source, "图片中没有识别到文字")
    return assemble(source, [pages[i].lines for i in sorted(pages)], pages, "image")


def assemble(source: str, lines: list[list[Line]], ocr: dict[int, PageText], kind: str,
             extra: tuple[tuple[str, str], ...] = ()) -> RawText:
    """RawText from pages of lines, some or all of them read by OCR, reflowed like a PDF; the encoding is "ocr"
    when every page was."""
    text, page_starts = reflow(strip_running(lines))
    return RawText(source=source, text=text, encoding="ocr" if len(ocr) == len(lines) else kind, kind=kind,
                   page_starts=tuple(page_starts), properties=extra + properties(ocr))
