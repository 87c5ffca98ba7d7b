"""Scanned pages and pictures: without the `ocr` extra the error says how to install it and text pages still read;
with it (these tests skip cleanly when it is not installed), a picture of a draft gives the text's verdicts, page
numbers in evidence and an `ocr` note in every output format."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from checker.audit import audit_source, audit_text
from checker.errors import InputError
from checker.packs.loader import load_pack
from checker.read import ocr, read_source
from tests.fixtures.ofd import build_ofd
from tests.helpers import invoke

FORMATS = Path(__file__).parent / "fixtures" / "formats"
FONT = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
LINES = [
    "某县人民政府2024年法治政府建设年度报告",
    "2024年，我县坚持以习近平法治思想为指导，全面推进法治政府建设，依法行政水平持续提升，现将有关情况报告如下。",
    "一、主要举措和成效",
    "县政府常务会议每季度研究1次法治政府建设工作。",
    "全年办理行政复议案件37件，纠错3件。",
    "二、存在的不足和原因",
    "基层执法力量薄弱，主要原因是编制不足。",
    "三、2025年工作安排",
    "年底前完成规范性文件清理，培训执法人员4期。",
    "某县人民政府",
    "2025年3月20日",
]
INSTALL = r"pip install 'fazhi-checker\[ocr\]'"

needs_ocr = pytest.mark.skipif(not ocr.available(), reason="the ocr extra (rapidocr, onnxruntime) is not installed")


def _image_pdf(page_count: int = 1, text_pdf: bytes | None = None) -> bytes:
    """A PDF whose (last) pages are only a white picture: a scan without a text layer; after the pages of
    `text_pdf` when given."""
    pdfium = pytest.importorskip("pypdfium2")
    pdf = pdfium.PdfDocument(text_pdf) if text_pdf else pdfium.PdfDocument.new()
    for _ in range(page_count):
        page = pdf.new_page(595, 842)
        bitmap = pdfium.PdfBitmap.new_native(100, 140, pdfium.raw.FPDFBitmap_BGR)
        bitmap.fill_rect((255, 255, 255, 255), 0, 0, 100, 140)
        image = pdfium.PdfImage.new(pdf)
        image.set_bitmap(bitmap)
        image.set_matrix(pdfium.PdfMatrix().scale(595, 842))
        page.insert_obj(image)
        page.gen_content()
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()


@pytest.fixture
def without_ocr(monkeypatch):
    monkeypatch.setattr(ocr, "available", lambda: False)


def test_a_scanned_pdf_without_the_extra_says_how_to_install_it(tmp_path: Path, without_ocr) -> None:
    path = tmp_path / "scan.pdf"
    path.write_bytes(_image_pdf(2))
    with pytest.raises(InputError, match=rf"没有文字层.*{INSTALL}"):
        read_source(str(path))


def test_a_picture_without_the_extra_says_how_to_install_it(tmp_path: Path, without_ocr) -> None:
    from tests.test_ofd import _png

    path = tmp_path / "page.png"
    path.write_bytes(_png())
    with pytest.raises(InputError, match=rf"OCR.*{INSTALL}"):
        read_source(str(path))


def test_text_pages_still_read_beside_a_scanned_page_without_the_extra(tmp_path: Path, without_ocr) -> None:
    path = tmp_path / "mixed.pdf"
    path.write_bytes(_image_pdf(1, (FORMATS / "000.pdf").read_bytes()))
    raw = read_source(str(path))
    assert raw.text == read_source(str(FORMATS / "000.pdf")).text and not raw.properties


def test_a_picture_is_not_taken_from_a_folder_walk(tmp_path: Path) -> None:
    from tests.test_ofd import _png

    (tmp_path / "logo.png").write_bytes(_png())
    (tmp_path / "report.txt").write_text("\n".join(LINES), encoding="utf-8")
    run = invoke("audit", "--format", "json", "--exit-zero", str(tmp_path))
    assert [d["path"] for d in json.loads(run.out)["documents"]] == [str(tmp_path / "report.txt")]


# ---------------------------------------------------------------- with the extra

@pytest.fixture(scope="module")
def page_png() -> bytes:
    """The draft typeset on a page picture as a word processor would (36 px characters, about 150 dpi): the title
    centred, paragraphs with a two-character indent, wrapped at the right margin."""
    if not ocr.available():
        pytest.skip("the ocr extra is not installed")
    if not FONT.exists():
        pytest.skip("a CJK font is needed to draw the page: apt-get install fonts-noto-cjk")
    from PIL import Image, ImageDraw, ImageFont

    size, left, per_line = 36, 100, 28
    placed: list[tuple[float, str]] = [((1240 - size * len(LINES[0])) / 2, LINES[0])]
    for paragraph in LINES[1:]:
        first = per_line - 2
        placed.append((left + 2 * size, paragraph[:first]))
        placed += [(left, paragraph[i:i + per_line]) for i in range(first, len(paragraph), per_line)]
    font = ImageFont.truetype(str(FONT), size)
    image = Image.new("L", (1240, 140 + 64 * len(placed)), 255)
    draw = ImageDraw.Draw(image)
    for i, (x, line) in enumerate(placed):
        draw.text((x, 70 + 64 * i), line, font=font, fill=0)
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def _statuses(result) -> dict[str, str]:
    assert result.error is None, result.error
    return {e.id: e.status for e in result.elements}


@needs_ocr
def test_a_picture_of_a_draft_reads_like_its_text(tmp_path: Path, page_png: bytes) -> None:
    path = tmp_path / "page.png"
    path.write_bytes(page_png)
    raw = read_source(str(path))
    assert raw.kind == "image" and raw.encoding == "ocr"
    assert float(dict(raw.properties)["ocr_confidence"]) > 0.9 and dict(raw.properties)["ocr_pages"] == "1"
    result = audit_source(str(path), None)
    pack = load_pack(result.pack.id)
    assert _statuses(result) == _statuses(audit_text("\n".join(LINES) + "\n", pack))
    note = [f for f in result.findings if f.check == "ocr"]
    assert len(note) == 1 and note[0].severity == "info" and "OCR" in note[0].message


@needs_ocr
def test_scanned_pdf_and_ofd_pages_are_read_by_ocr(tmp_path: Path, page_png: bytes) -> None:
    from PIL import Image

    pdf = tmp_path / "scan.pdf"
    Image.open(io.BytesIO(page_png)).save(pdf, "PDF", resolution=150)
    ofd = tmp_path / "scan.ofd"
    ofd.write_bytes(build_ofd([], scan=page_png, pages=[]))
    for path in (pdf, ofd):
        result = audit_source(str(path), None)
        assert result.document.encoding == "ocr", path
        assert all(ev.page == 1 for e in result.elements for ev in e.evidence)
        assert result.document.raw.splitlines()[0] == LINES[0]
    run = invoke("audit", "--format", "json", "--exit-zero", str(pdf))
    findings = json.loads(run.out)["documents"][0]["findings"]
    assert [f["check"] for f in findings if f["check"] == "ocr"] == ["ocr"]
