"""Text PDFs through PDFium (pypdfium2, the optional extra `fazhi-checker[pdf]`).

Chosen by measurement on the five seeds printed to PDF with an embedded CID font (Noto Serif CJK SC subset,
Type0/Identity-H with a ToUnicode CMap, written by fpdf2): pypdfium2 5.15 recovered 98.4–99.4 % of the Chinese text
in reading order at ~15 ms a report; pypdf 7.1 put a NUL before every character (similarity 0.59–0.66) at ~27 ms;
pdfminer.six 20260107 returned no text at all (form feeds only). Only one PDF producer was measured; see
bench/README.md.

What comes out: each page's lines with the running header and footer and the page numbers removed, and lines that a
PDF wrapped at the right margin joined back into their paragraph (checker/read/layout.py, shared with OFD and OCR),
so that a heading or a sentence is one line as in the Word original. `page_starts` gives the raw offset where each page begins, for the page number in evidence.
A page with (almost) no text that shows a picture is a scan: with the `ocr` extra it is rendered and read by OCR
(checker/read/ocr.py); a document that is all scans, without the extra, is refused with how to install it.
"""

from __future__ import annotations

import re
import unicodedata

from checker.errors import InputError
from checker.model import RawText
from checker.read.encoding import plausibility
from checker.read.layout import PAGE_NUMBER, SPACE, Line, reflow, strip_running  # noqa: F401 - read from here too

INSTALL = "读取 PDF 需要可选组件，请安装 checker[pdf]: pip install 'fazhi-checker[pdf]'"
NO_TEXT = "没有文字层，请提供可复制文字的PDF或Word版本"
GARBLED = "PDF 中的文字无法正确提取（字体缺少 Unicode 映射），请提供 Word 版本或可复制文字的 PDF"
# Some PDF producers map ideographs to look-alike Kangxi radicals or compatibility ideographs (⼀ U+2F00 for 一,
# ⽂ U+2F42 for 文): they look right but match nothing. NFKC gives the ordinary ideograph.
LOOKALIKES = {code: unicodedata.normalize("NFKC", chr(code))
              for code in (*range(0x2F00, 0x2FD6), *range(0xF900, 0xFAFF))
              if unicodedata.normalize("NFKC", chr(code)) != chr(code)}
MIN_PAGE_CHARS = 10  # fewer visible characters than this: a page (or a document) without a text layer
OCR_DPI = 150  # 10.5 pt text is 22 px a character, enough for recognition; more pixels cost detection time


def read_pdf(source: str, data: bytes) -> RawText:
    """A text PDF; a page that is only a picture (a scan) is read by OCR when the `ocr` extra is installed."""
    try:
        import pypdfium2 as pdfium
    except ImportError:
        raise InputError(source, INSTALL) from None
    from checker.read import ocr

    pages, pictures = _page_lines(source, data, pdfium)
    chars = [sum(len(line.text.strip(SPACE)) for line in page) for page in pages]
    scanned = [i for i in pictures if chars[i] < MIN_PAGE_CHARS]
    if scanned and (ocr.available() or sum(chars) < MIN_PAGE_CHARS):
        if not ocr.available():
            raise InputError(source, ocr.missing(NO_TEXT))
        read = _ocr_pages(source, data, pdfium, scanned)
        for i, page in read.items():
            pages[i] = page.lines
        if read:
            return ocr.assemble(source, pages, read, "pdf")
    if sum(chars) < MIN_PAGE_CHARS:
        raise InputError(source, NO_TEXT)
    text, page_starts = reflow(strip_running(pages))
    if plausibility(text) < 0.6:
        raise InputError(source, GARBLED)
    return RawText(source=source, text=text, encoding="pdf", kind="pdf", page_starts=tuple(page_starts))


def _open(source: str, data: bytes, pdfium):
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise InputError(source, "PDF 已加密，需要密码才能打开；请提供未加密的版本") from None
        raise InputError(source, "PDF 已损坏或不完整，无法读取") from None


def _page_lines(source: str, data: bytes, pdfium) -> tuple[list[list[Line]], list[int]]:
    """Each page's lines, and which of the pages that have (almost) no text show a picture."""
    from pypdfium2 import raw

    document = _open(source, data, pdfium)
    pages: list[list[Line]] = []
    pictures: list[int] = []
    try:
        for index in range(len(document)):
            page = document[index]
            try:
                textpage = page.get_textpage()
                try:
                    pages.append(_lines(textpage))
                finally:
                    textpage.close()
                if sum(len(line.text.strip(SPACE)) for line in pages[-1]) < MIN_PAGE_CHARS and any(
                        True for _ in page.get_objects(filter=(raw.FPDF_PAGEOBJ_IMAGE,), max_depth=4)):
                    pictures.append(index)
            finally:
                page.close()
    except pdfium.PdfiumError:
        raise InputError(source, "PDF 已损坏或不完整，无法读取页面文字") from None
    finally:
        document.close()
    return pages, pictures


def _ocr_pages(source: str, data: bytes, pdfium, indices: list[int]) -> dict:
    """OCR of the given pages rendered at OCR_DPI; line extents in points like the text pages'. Pages where
    nothing was recognised are left out."""
    from checker.read import ocr

    scale = OCR_DPI / 72
    document = _open(source, data, pdfium)
    read = {}
    try:
        for index in indices:
            page = document[index]
            try:
                image = page.render(scale=scale).to_pil()
            finally:
                page.close()
            found = ocr.recognise(image, 1 / scale)
            if found.chars:
                read[index] = found
    except pdfium.PdfiumError:
        raise InputError(source, "PDF 已损坏或不完整，无法渲染扫描页") from None
    finally:
        document.close()
    return read


def _lines(textpage) -> list[Line]:
    """The page's lines with their horizontal extent. PDFium's text has one character per glyph index, line breaks
    included, so a line's first and last glyph boxes are found by position; where that fails (characters outside the
    BMP take two code units) the extent is left unknown and reflow falls back to counting characters."""
    text = textpage.get_text_range()
    geometry = len(text) == textpage.count_chars()
    out: list[Line] = []
    at = 0
    for raw in re.split(r"(?<=\r\n)|(?<=\n)(?<!\r\n)|(?<=\r)(?!\n)", text):
        line = raw.rstrip("\r\n")
        clean = line.replace("\x02", "").replace("\ufffe", "").translate(LOOKALIKES)
        first = next((i for i, ch in enumerate(line) if ch not in SPACE and ch not in "\x02\ufffe"), None)
        if geometry and first is not None:
            last = len(line.rstrip(SPACE)) - 1
            out.append(Line(clean, textpage.get_charbox(at + first)[0], textpage.get_charbox(at + last)[2]))
        else:
            out.append(Line(clean))
        at += len(raw)
    return out
