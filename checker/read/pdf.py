"""Text PDFs through PDFium (pypdfium2, the optional extra `fazhi-checker[pdf]`).

Chosen by measurement on the five seeds printed to PDF with an embedded CID font (Noto Serif CJK SC subset,
Type0/Identity-H with a ToUnicode CMap, written by fpdf2): pypdfium2 5.15 recovered 98.4–99.4 % of the Chinese text
in reading order at ~15 ms a report; pypdf 7.1 put a NUL before every character (similarity 0.59–0.66) at ~27 ms;
pdfminer.six 20260107 returned no text at all (form feeds only). Only one PDF producer was measured; see
bench/README.md.

What comes out: each page's lines with the running header and footer and the page numbers removed, and lines that a
PDF wrapped at the right margin joined back into their paragraph, so that a heading or a sentence is one line as in
the Word original. `page_starts` gives the raw offset where each page begins, for the page number in evidence.
A page with (almost) no text that shows a picture is a scan: with the `ocr` extra it is rendered and read by OCR
(checker/read/ocr.py); a document that is all scans, without the extra, is refused with how to install it.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from typing import NamedTuple

from checker.errors import InputError
from checker.model import RawText
from checker.read.encoding import plausibility
from checker.sentences import LINE_ENDS_SENTENCE

INSTALL = "读取 PDF 需要可选组件，请安装 checker[pdf]: pip install 'fazhi-checker[pdf]'"
NO_TEXT = "没有文字层，请提供可复制文字的PDF或Word版本"
GARBLED = "PDF 中的文字无法正确提取（字体缺少 Unicode 映射），请提供 Word 版本或可复制文字的 PDF"
PAGE_NUMBER = re.compile(
    r"^[-—–_·\s]*(?:第\s*)?[0-9一二三四五六七八九十]{1,4}\s*(?:页)?(?:\s*(?:/|共)\s*[0-9]{1,4}\s*页?)?[-—–_·\s]*$"
    r"|^[-—–\s]*[0-9]{1,4}\s*/\s*[0-9]{1,4}[-—–\s]*$|^(?:page|Page|PAGE)\s*\d+(?:\s*of\s*\d+)?$"
)
SPACE = " \t\u3000\u00a0"
STANDALONE = re.compile(  # a line that is never the tail of a wrapped sentence: a date alone (the 落款's date)
    r"^\(?(?:\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|[〇○零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,3}月"
    r"[一二三四五六七八九十]{1,3}日|\d{4}-\d{1,2}-\d{1,2})\)?$")
HEADING = re.compile(r"^(?:第[一二三四五六七八九十]+(?:部分|章)|[一二三四五六七八九十]{1,3}、"
                     r"|[(（][一二三四五六七八九十]{1,3}[)）]"
                     r"|\d{1,2}[、.．](?!\d)|[(（]\d{1,2}[)）]|[\u2460-\u2473])")
# Some PDF producers map ideographs to look-alike Kangxi radicals or compatibility ideographs (⼀ U+2F00 for 一,
# ⽂ U+2F42 for 文): they look right but match nothing. NFKC gives the ordinary ideograph.
LOOKALIKES = {code: unicodedata.normalize("NFKC", chr(code))
              for code in (*range(0x2F00, 0x2FD6), *range(0xF900, 0xFAFF))
              if unicodedata.normalize("NFKC", chr(code)) != chr(code)}
EDGE = 2  # lines at the top and at the bottom of a page that may be running header/footer
MIN_PAGE_CHARS = 10  # fewer visible characters than this: a page (or a document) without a text layer
OCR_DPI = 150  # 10.5 pt text is 22 px a character, enough for recognition; more pixels cost detection time


class Line(NamedTuple):
    """One extracted line and, when known, the x of its first glyph's left and last glyph's right edge (points)."""

    text: str
    left: float | None = None
    right: float | None = None


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


def _key(line: str) -> str:
    return re.sub(r"\d+", "#", re.sub(r"\s+", "", line))


def strip_running(pages: list[list[Line]]) -> list[list[Line]]:
    """Drop page numbers at a page's edges, and lines that recur at the edges of most pages (running header/footer).

    Only edge lines are candidates, and a page loses at most one line of each recurring shape at each edge, so the
    title under a running header that repeats it stays.
    """
    pages = [[line if isinstance(line, Line) else Line(line) for line in lines] for lines in pages]

    def edges(lines: list[Line]) -> tuple[list[int], list[int]]:
        filled = [i for i, line in enumerate(lines) if line.text.strip(SPACE)]
        return filled[:EDGE], filled[-EDGE:]

    counts: Counter[str] = Counter()
    for lines in pages:
        top, bottom = edges(lines)
        counts.update({_key(lines[i].text) for i in set(top) | set(bottom)})
    need = max(2, (len(pages) + 1) // 2)
    running = {key for key, n in counts.items() if n >= need and len(pages) >= 2}
    out = []
    for lines in pages:
        top, bottom = edges(lines)
        drop: set[int] = set()
        for group in (top, reversed(bottom)):
            used: set[str] = set()
            for i in group:
                line = lines[i].text.strip(SPACE)
                key = _key(line)
                if PAGE_NUMBER.match(line) or (key in running and key not in used):
                    drop.add(i)
                    used.add(key)
                else:
                    break
        out.append([line for i, line in enumerate(lines) if i not in drop])
    return out


def _width(line: str) -> float:
    return sum(0.5 if ord(ch) < 0x2000 else 1.0 for ch in line)


def _margins(pages: list[list[Line]]) -> tuple[float, float, float] | None:
    """(left margin, right margin, one character's width) of the body text, from the lines' extents."""
    lefts = sorted(line.left for lines in pages for line in lines if line.left is not None)
    rights = sorted(line.right for lines in pages for line in lines if line.right is not None)
    if len(lefts) < 3:
        return None
    left = lefts[len(lefts) // 10]  # most lines start at the margin; a few stray glyphs further left do not count
    right = rights[int(len(rights) * 0.9)]
    spans = sorted((line.right - line.left) / max(_width(line.text.strip(SPACE)), 0.5)
                   for lines in pages for line in lines if line.left is not None and len(line.text.strip()) >= 8)
    em = spans[len(spans) // 2] if spans else 12.0
    return left, right, em


def reflow(pages: list[list[Line]]) -> tuple[str, list[int]]:
    """Join lines wrapped at the right margin into their paragraph. A paragraph ends at a line that stops short of
    the right margin, before a blank line, an indented line (首行缩进, a centred title, a right-aligned 落款), a date
    standing alone, or a numbered heading after a finished sentence. Without glyph positions, widths are estimated
    by counting characters."""
    pages = [[line if isinstance(line, Line) else Line(line) for line in lines] for lines in pages]
    margins = _margins(pages)
    widths = sorted(_width(line.text.strip(SPACE)) for lines in pages for line in lines if line.text.strip(SPACE))
    full = widths[int(len(widths) * 0.9)] if widths else 0
    out: list[str] = []
    starts: list[int] = []
    length = 0
    open_para = False  # the last line written may go on
    for lines in pages:
        page_first = True
        for line in lines:
            text = line.text.rstrip(SPACE)
            bare = text.lstrip(SPACE)
            if not bare:
                open_para = False
                continue
            if margins and line.left is not None:
                indented = line.left > margins[0] + 1.2 * margins[2]
                reaches = line.right >= margins[1] - 1.5 * margins[2]
            else:
                indented = len(bare) < len(text)
                reaches = full > 8 and _width(bare) >= full - 2.5 - (2 if indented else 0)
            if open_para and not indented and not STANDALONE.match(bare) and not (
                    HEADING.match(bare) and LINE_ENDS_SENTENCE.search(out[-1])):
                glue = " " if out[-1][-1:].isascii() and out[-1][-1:].isalnum() and bare[0].isascii() else ""
                if page_first:
                    starts.append(length + len(glue))
                    page_first = False
                out.append(glue + bare)
                length += len(glue) + len(bare)
            else:
                if out:
                    out.append("\n")
                    length += 1
                if page_first:
                    starts.append(length)
                    page_first = False
                out.append(bare)
                length += len(bare)
            open_para = reaches
        if page_first:
            starts.append(length)
    text = "".join(out)
    return (text + "\n" if text and not text.endswith("\n") else text), starts
