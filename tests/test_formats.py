"""Every format a report really comes in gives the engine the same text: the seeds as GB18030 text, Word (one with
Word's automatic numbering), a saved portal web page, PDF and Word 97-2003 give the same element statuses as the
plain-text seed, and evidence line/page numbers point at the text they quote. Bad inputs are one line and exit 2.

The fixtures are built by tests/fixtures/build.py and committed; the PDF tests need the `pdf` extra (in `test`).
"""

from __future__ import annotations

import io
import json
import re
import sys
import zipfile
from pathlib import Path

import pytest

from checker.audit import audit_source
from checker.cli.main import main
from checker.errors import InputError
from checker.read import expand_paths, read_source
from tests.conftest import SEEDS

FIXTURES = Path(__file__).resolve().parent / "fixtures"
FORMATS = FIXTURES / "formats"
BAD = FIXTURES / "bad"
SEED_FILES = {p.stem[:3]: p for p in sorted(SEEDS.glob("*.txt"))}
KINDS = ["gb18030.txt", "docx", "html", "pdf", "doc"]


def needs(kind: str) -> None:
    if kind == "pdf":
        pytest.importorskip("pypdfium2")
    if kind == "doc":
        from checker.read.legacy import soffice

        if soffice() is None:
            pytest.skip("LibreOffice (soffice) is not installed")


@pytest.fixture(scope="module")
def txt_results(pack):
    return {key: audit_source(str(path), pack) for key, path in SEED_FILES.items()}


def fixture_cases():
    for key in SEED_FILES:
        for kind in KINDS:
            if (FORMATS / f"{key}.{kind}").exists():
                yield key, kind


@pytest.mark.parametrize(("key", "kind"), list(fixture_cases()))
def test_every_format_gives_the_statuses_of_the_text(pack, txt_results, key: str, kind: str) -> None:
    needs(kind)
    result = audit_source(str(FORMATS / f"{key}.{kind}"), pack)
    assert result.error is None, result.error
    base = txt_results[key]
    assert {e.id: e.status for e in result.elements} == {e.id: e.status for e in base.elements}
    meta, want = result.document.meta, base.document.meta
    assert (meta.title, meta.body, meta.level, meta.year, meta.published) == \
        (want.title, want.body, want.level, want.year, want.published)
    got_sign = meta.signoff and (meta.signoff.body, meta.signoff.date)
    assert got_sign == (want.signoff and (want.signoff.body, want.signoff.date))
    assert [s.title for s in result.document.sections] == [s.title for s in base.document.sections]


def _core(text: str) -> str:
    """The quoted text without the renderer's ellipses, normalised as the engine sees it."""
    from checker.normalise import normalise

    return normalise(text.replace("…", ""))[0].strip()


@pytest.mark.parametrize(("key", "kind"), [c for c in fixture_cases() if c[1] != "doc"])
def test_evidence_lines_and_pages_point_at_the_quoted_text(pack, key: str, kind: str) -> None:
    needs(kind)
    result = audit_source(str(FORMATS / f"{key}.{kind}"), pack)
    doc = result.document
    raw_lines = doc.raw.split("\n")
    evidence = [ev for e in result.elements for ev in e.evidence]
    assert evidence
    page_texts = _pdf_pages(FORMATS / f"{key}.{kind}") if kind == "pdf" else None
    for ev in evidence:
        core = _core(ev.text)
        line = _core(raw_lines[ev.line - 1])
        assert core[:20] in line, (ev, raw_lines[ev.line - 1])
        if page_texts is not None:
            assert ev.page is not None
            at = sum(len(line) + 1 for line in raw_lines[:ev.line - 1]) + ev.column - 1  # where it is reported at
            page_end = doc.page_starts[ev.page] if ev.page < len(doc.page_starts) else len(doc.raw)
            snippet = re.sub(r"\s", "", _core(doc.raw[at:min(at + 20, page_end)])[:10])  # up to its page's end
            assert snippet in page_texts[ev.page - 1], (ev.page, snippet)
        else:
            assert ev.page is None


def _pdf_pages(path: Path) -> list[str]:
    import pypdfium2 as pdfium

    from checker.normalise import normalise

    document = pdfium.PdfDocument(str(path))
    out = []
    for page in document:
        out.append(re.sub(r"\s", "", normalise(page.get_textpage().get_text_range())[0]))
    document.close()
    return out


def test_word_auto_numbering_is_rendered_as_the_reader_sees_it() -> None:
    xml = zipfile.ZipFile(FORMATS / "003.docx").read("word/document.xml").decode()
    assert "一、2024年主要工作" not in xml and "<w:numPr>" in xml  # the numbers are Word's, not typed
    raw = read_source(str(FORMATS / "003.docx"))
    lines = raw.text.splitlines()
    assert lines[2] == "一、2024年主要工作完成情况"
    assert lines[3].startswith("（一）以习近平法治思想为引领")
    assert "测试标题" not in raw.text  # core properties are not report text
    from checker.structure import build_document

    doc = build_document(raw)
    assert [(s.number, s.title) for s in doc.sections] == [
        ("一", "2024年主要工作完成情况"), ("二", "存在问题和不足"), ("三", "2025年工作思路")]
    assert [c.number for c in doc.sections[0].children] == ["(一)", "(二)", "(三)", "(四)", "(五)", "(六)", "(七)", "(八)"]


def test_docx_tables_and_numbering_formats(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("某县人民政府关于2024年法治政府建设情况的报告")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "指标", "数量"
    table.cell(1, 0).text, table.cell(1, 1).text = "行政复议案件", "23件"
    document.add_paragraph("表后正文。")
    path = tmp_path / "table.docx"
    document.save(str(path))
    assert read_source(str(path)).text.splitlines() == [
        "某县人民政府关于2024年法治政府建设情况的报告", "指标\t数量", "行政复议案件\t23件", "表后正文。"]
    from checker.read.docx import _chinese, _format

    assert [_chinese(n) for n in (1, 10, 11, 20, 21, 99, 100, 105, 110)] == [
        "一", "十", "十一", "二十", "二十一", "九十九", "一百", "一百零五", "一百一十"]
    assert _format(3, "decimalEnclosedCircle") == "③" and _format(4, "upperRoman") == "IV"


def test_docx_content_controls_are_read_and_an_empty_one_is_no_damage(tmp_path: Path) -> None:
    """Templates wrap fields in content controls (w:sdt); one with properties and no content is legal Word."""
    import docx
    from docx.oxml import parse_xml

    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    document = docx.Document()
    document.add_paragraph("某县人民政府关于2024年法治政府建设情况的报告")
    body = document.element.body
    body.insert(1, parse_xml(f'<w:sdt {w}><w:sdtPr/><w:sdtContent><w:p><w:r><w:t>控件中的正文。</w:t></w:r></w:p>'
                             '</w:sdtContent></w:sdt>'))
    body.insert(2, parse_xml(f'<w:sdt {w}><w:sdtPr/></w:sdt>'))
    document.add_paragraph("控件后的正文。")
    path = tmp_path / "controls.docx"
    document.save(str(path))
    assert read_source(str(path)).text.splitlines() == [
        "某县人民政府关于2024年法治政府建设情况的报告", "控件中的正文。", "控件后的正文。"]


def test_docx_tracked_changes_and_inline_controls_read_as_the_draft_now_stands(tmp_path: Path) -> None:
    """A draft under review with Track Changes: inserted text is the draft's, deleted text is not; text in an
    inline content control or a smart tag is read in its place."""
    import docx
    from docx.oxml import parse_xml

    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    document = docx.Document()
    document.add_paragraph("某县人民政府关于2024年法治政府建设情况的报告")
    document.element.body.insert(1, parse_xml(
        f'<w:p {w}><w:r><w:t>全年</w:t></w:r><w:ins w:id="1" w:author="审核人"><w:r><w:t>办理行政复议案件32件</w:t></w:r>'
        '</w:ins><w:del w:id="2" w:author="审核人"><w:r><w:delText>若干件</w:delText></w:r></w:del>'
        '<w:sdt><w:sdtPr/><w:sdtContent><w:r><w:t>，纠错3件</w:t></w:r></w:sdtContent></w:sdt>'
        '<w:smartTag w:uri="x" w:element="y"><w:r><w:t>。</w:t></w:r></w:smartTag></w:p>'))
    path = tmp_path / "tracked.docx"
    document.save(str(path))
    assert read_source(str(path)).text.splitlines() == [
        "某县人民政府关于2024年法治政府建设情况的报告", "全年办理行政复议案件32件，纠错3件。"]


def test_numbering_from_a_heading_style_and_a_damaged_member(tmp_path: Path) -> None:
    """Government templates put 一、 on the "标题 1" style itself; numbering restarts below a new top heading."""
    import docx
    from docx.oxml import parse_xml

    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    document = docx.Document()
    numbering = document.part.numbering_part.element
    numbering.insert(0, parse_xml(
        f'<w:abstractNum {w} w:abstractNumId="97"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
        '<w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/>'
        '<w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/></w:lvl></w:abstractNum>'))
    numbering.append(parse_xml(f'<w:num {w} w:numId="97"><w:abstractNumId w:val="97"/></w:num>'))
    style = document.styles["Heading 1"].element
    style.get_or_add_pPr().append(parse_xml(f'<w:numPr {w}><w:numId w:val="97"/></w:numPr>'))
    for title, items in (("主要举措和成效", ["复议", "应诉"]), ("存在的不足", ["队伍"])):
        document.add_paragraph(title, style="Heading 1")
        for item in items:
            p = document.add_paragraph(item)
            p._p.get_or_add_pPr().append(parse_xml(f'<w:numPr {w}><w:ilvl w:val="1"/><w:numId w:val="97"/></w:numPr>'))
    path = tmp_path / "styled.docx"
    document.save(str(path))
    assert read_source(str(path)).text.splitlines() == [
        "一、主要举措和成效", "1.复议", "2.应诉", "二、存在的不足", "1.队伍"]

    data = bytearray(path.read_bytes())  # a member whose deflate stream is damaged
    info = zipfile.ZipFile(path).getinfo("word/document.xml")
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    data[start + 10:start + 60] = bytes(50)
    damaged = tmp_path / "damaged.docx"
    damaged.write_bytes(bytes(data))
    with pytest.raises(InputError, match="已损坏"):
        read_source(str(damaged))


def test_html_keeps_the_article_and_the_publication_date_and_drops_the_chrome() -> None:
    raw = read_source(str(FORMATS / "000.html"))
    assert raw.kind == "html"
    for chrome in ("浏览次数", "字号", "您现在的位置", "打印本页", "分享到", "ICP", "2025年法治政府建设工作要点的通知", "_hmt", "主办单位"):
        assert chrome not in raw.text, chrome
    lines = raw.text.splitlines()
    assert lines[0] == "镇平县人民政府关于2024年法治政府建设情况的报告"
    assert "发布时间:2025-03-25" in raw.text
    from checker.structure import build_document

    meta = build_document(raw).meta
    assert meta.published == "2025-03-25" and meta.signoff is None  # 发布时间 is metadata, not a 落款


OLD_PORTAL = """<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>某市司法局2023年法治政府建设年度报告--某市人民政府</title></head><body>
<table width="100%"><tr><td class="nav">首页 | 政务公开 | 办事服务</td></tr></table>
<table width="980"><tr><td class="position">当前位置：首页 &gt; 法治政府</td></tr>
<tr><td class="biaoti">某市司法局2023年法治政府建设年度报告</td></tr>
<tr><td class="fbxx">发布日期：2024-02-18　来源：某市司法局　【字体：大 中 小】</td></tr>
<tr><td class="zw"><p>2023年，市司法局在市委、市政府坚强领导下，深入学习贯彻习近平法治思想，现将有关情况报告如下：</p>
<p>一、主要举措和成效</p><p>全年办理行政复议案件23件，纠错率15%。<br>审核规范性文件41件。</p>
<table border="1"><tr><td>指标</td><td>数量</td></tr><tr><td>法律顾问</td><td>52人</td></tr></table>
<p>二、存在的不足和原因</p><p>一是队伍力量不足，主要原因是编制紧张。</p></td></tr></table>
<div class="footer">版权所有：某市人民政府　网站标识码：1234</div></body></html>"""


def test_old_table_portal_in_gb2312_saved_as_txt(tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    path.write_bytes(OLD_PORTAL.encode("gb18030"))
    raw = read_source(str(path))
    assert raw.kind == "html" and raw.encoding == "gb18030"
    assert raw.text.splitlines() == [
        "某市司法局2023年法治政府建设年度报告", "", "发布日期：2024-02-18 来源：某市司法局", "",
        "2023年，市司法局在市委、市政府坚强领导下，深入学习贯彻习近平法治思想，现将有关情况报告如下：",
        "一、主要举措和成效", "全年办理行政复议案件23件，纠错率15%。", "审核规范性文件41件。",
        "指标\t数量", "法律顾问\t52人", "二、存在的不足和原因", "一是队伍力量不足，主要原因是编制紧张。"]
    from checker.structure import build_document

    meta = build_document(raw).meta
    assert (meta.title, meta.body, meta.level, meta.year, meta.published) == (
        "某市司法局2023年法治政府建设年度报告", "某市司法局", "department", 2023, "2024-02-18")


def test_paragraphs_written_as_divs_are_one_article() -> None:
    from checker.read.html import read_html

    paragraphs = "".join(f"<div>第{i}段：全年办理行政复议案件{i}件，依法纠错，规范行政执法行为，推进法治政府建设。</div>"
                         for i in range(1, 6))
    page = (f"<html><body><div class='menu'>首页 机构 政务公开 互动</div><div id='content'><h2>某县2024年法治政府建设"
            f"年度报告</h2><div class='TRS_Editor'>{paragraphs}</div></div><div class='copyright'>版权所有</div></body></html>")
    lines = read_html("page.html", page.encode()).text.splitlines()
    assert lines[0] == "某县2024年法治政府建设年度报告" and len([l for l in lines if l.startswith("第")]) == 5
    assert "首页" not in "".join(lines) and "版权所有" not in "".join(lines)


def test_publication_date_from_the_cms_meta_tag_when_the_page_shows_none() -> None:
    from checker.read.html import read_html
    from checker.structure import build_document

    page = ("<html><head><meta name='PubDate' content='2024-03-28 10:12'><meta name='ContentSource' content='某县司法局'>"
            "</head><body><div class='content'><p>某县2023年法治政府建设年度报告</p><p>" + "全县依法行政工作取得成效，" * 5
            + "</p></div></body></html>")
    raw = read_html("page.html", page.encode())
    assert raw.text.splitlines()[0] == "发布时间:2024-03-28 来源:某县司法局"
    assert build_document(raw).meta.published == "2024-03-28"


def test_pdf_strips_running_headers_footers_and_page_numbers() -> None:
    pytest.importorskip("pypdfium2")
    raw = read_source(str(FORMATS / "001.pdf"))
    assert raw.kind == "pdf" and len(raw.page_starts) >= 4 and raw.page_starts[0] == 0
    assert not re.search(r"^— \d+ —$", raw.text, re.M)
    header = "关于2019年度法治政府建设情况报告"
    assert raw.text.count(header) == 1  # the title once; the running header on every page is gone
    assert all(0 <= a < b for a, b in zip(raw.page_starts, raw.page_starts[1:]))


def test_page_number_patterns() -> None:
    from checker.read.pdf import PAGE_NUMBER, strip_running

    for line in ("— 3 —", "- 12 -", "第 3 页", "第3页 共12页", "3 / 12", "7"):
        assert PAGE_NUMBER.match(line), line
    for line in ("2024年", "一、总体情况", "3个部门"):
        assert not PAGE_NUMBER.match(line), line
    pages = [["某县报告", "正文第一页", "1"], ["某县报告", "正文第二页", "2"], ["某县报告", "正文第三页", "3"]]
    assert [[line.text for line in page] for page in strip_running(pages)] == [["正文第一页"], ["正文第二页"], ["正文第三页"]]


def test_one_page_number_an_edge() -> None:
    """A paragraph that wraps to a bare figure just above the page number keeps it (found by
    tests/test_ofd.py::test_paragraphs_survive_layout_and_shuffled_objects: "…、、0" lost its "0")."""
    from checker.read.pdf import strip_running

    pages = [["报告", "执法检查共计1", "0", "- 1 -"], ["正文", "- 2 -"]]
    assert [[line.text for line in page] for page in strip_running(pages)] == [["报告", "执法检查共计1", "0"], ["正文"]]


def test_pdf_lookalike_radicals_become_ideographs() -> None:
    from checker.read.pdf import LOOKALIKES

    assert "⼀、法治政府建设⽂件".translate(LOOKALIKES) == "一、法治政府建设文件"


def test_reflow_joins_wrapped_lines_by_position() -> None:
    from checker.read.pdf import Line, reflow

    full = 500.0
    page1 = [Line("某县人民政府关于2024年法治政府建设情况的报告", 150, 420),           # centred title
             Line("2024年,我县坚持以习近平法治思想为指导,全面推进依法行政工作,", 98, full),  # indented first line
             Line("取得了良好成效。现将有关情况报告如下:", 74, 300),                   # short: paragraph ends
             Line("一、主要举措和成效", 98, 210),
             Line("(一)全面履行政府职能。全年办理行政复议案件23件,纠错率达到百分之", 98, full),
             Line("十五,较上年提高三个百分点,行政机关负责人出庭应诉率百分之百。", 74, full)]
    page2 = [Line("全县各部门共聘请法律顾问52人。", 74, 250),  # goes on from page 1
             Line("某县人民政府", 380, full),
             Line("2025年3月5日", 390, full)]
    text, starts = reflow([page1, page2])
    assert text.splitlines() == [
        "某县人民政府关于2024年法治政府建设情况的报告",
        "2024年,我县坚持以习近平法治思想为指导,全面推进依法行政工作,取得了良好成效。现将有关情况报告如下:",
        "一、主要举措和成效",
        "(一)全面履行政府职能。全年办理行政复议案件23件,纠错率达到百分之十五,较上年提高三个百分点,"
        "行政机关负责人出庭应诉率百分之百。全县各部门共聘请法律顾问52人。",
        "某县人民政府", "2025年3月5日"]
    assert starts[0] == 0 and text[starts[1]:].startswith("全县各部门")


@pytest.mark.parametrize(("name", "target"), [("003.docx", "draft.doc"), ("000.html", "page.txt"),
                                               ("000.pdf", "report.txt"), ("003.docx", "noext")])
def test_the_type_is_decided_by_content(tmp_path: Path, name: str, target: str) -> None:
    if name.endswith(".pdf"):
        pytest.importorskip("pypdfium2")
    path = tmp_path / target
    path.write_bytes((FORMATS / name).read_bytes())
    raw = read_source(str(path))
    assert raw.kind == Path(name).suffix.lstrip(".")


def test_stdin_docx(monkeypatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO((FORMATS / "003.docx").read_bytes())))
    assert read_source("-").kind == "docx"


def test_directory_walk_takes_every_supported_format(tmp_path: Path) -> None:
    for name in ("a.docx", "b.pdf", "c.html", "d.htm", "e.doc", "f.wps", "g.txt", "h.xlsx", "~$a.docx"):
        (tmp_path / name).write_bytes(b"x")
    names = [Path(p).name for p in expand_paths([str(tmp_path)])]
    assert names == ["a.docx", "b.pdf", "c.html", "d.htm", "e.doc", "f.wps", "g.txt"]


BAD_CASES = {
    "truncated.docx": "已损坏",
    "truncated.pdf": "已损坏",
    "no-text.docx": "没有文字",
    "zip-bomb.docx": "压缩炸弹",
    "entity-bomb.docx": "XML 炸弹",
    "encrypted.docx": "已加密",
    "encrypted.pdf": "已加密",
    "scanned.pdf": "没有文字层，请提供可复制文字的PDF或Word版本",
    "no-article.html": "没有找到正文",
    "empty.docx": "为空",
    "empty.pdf": "为空",
    "empty.html": "为空",
    "empty.doc": "为空",
    "empty.txt": "为空",
}


@pytest.mark.parametrize("name", sorted(BAD_CASES))
def test_bad_input_is_one_line_and_exit_two_and_the_batch_goes_on(name: str, capsys) -> None:
    if name.endswith(".pdf") and not name.startswith("empty"):
        pytest.importorskip("pypdfium2")
    path = BAD / name
    good = SEED_FILES["001"]
    with pytest.raises(SystemExit) as exit_info:
        main(["audit", "--format", "json", str(path), str(good)])
    captured = capsys.readouterr()
    assert exit_info.value.code == 2
    lines = [line for line in captured.err.splitlines() if line.strip()]
    assert len(lines) == 1 and str(path) in lines[0] and BAD_CASES[name] in lines[0], captured.err
    data = json.loads(captured.out)
    assert data["summary"]["errors"] == 1 and data["summary"]["passed"] == 1


def test_bombs_stay_bounded(tmp_path: Path) -> None:
    """Each bomb is refused in a fresh interpreter whose peak memory stays near an idle one's (~30 MB here)."""
    import subprocess

    if not Path("/proc/self/status").exists():
        pytest.skip("peak memory is read from /proc (Linux)")
    big_part = tmp_path / "big-part.docx"  # under the 256 MB total, but one XML part of 100 MB
    with zipfile.ZipFile(big_part, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w", force_zip64=True) as handle:
            for _ in range(100):
                handle.write(b" " * (1024 * 1024))
    script = (
        "import re, sys\n"
        "from checker.read import read_source\n"
        "from checker.errors import InputError\n"
        "try:\n    read_source(sys.argv[1])\nexcept InputError as exc:\n    print(exc.reason)\n"
        "status = open('/proc/self/status').read()\n"  # VmHWM, unlike ru_maxrss, is not inherited from pytest
        "print(int(re.search(r'VmHWM:\\s*(\\d+)', status).group(1)) // 1024)\n")
    for path, reason in ((BAD / "zip-bomb.docx", "压缩炸弹"), (BAD / "entity-bomb.docx", "XML 炸弹"),
                         (big_part, "压缩炸弹")):
        done = subprocess.run([sys.executable, "-c", script, str(path)], capture_output=True, text=True, timeout=60,
                              cwd=Path(__file__).resolve().parents[1])
        message, peak_mb = done.stdout.splitlines()
        assert reason in message and int(peak_mb) < 100, (path.name, message, peak_mb)


def test_a_zip_that_is_not_word_and_ofd(tmp_path: Path) -> None:
    for name, member, reason in (("book.docx", "xl/workbook.xml", "不支持的压缩文件"),
                                 ("gongwen.ofd", "OFD.xml", "OFD")):
        path = tmp_path / name
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr(member, "<x/>")
        with pytest.raises(InputError, match=reason):
            read_source(str(path))


def test_size_limit_applies_to_every_format(tmp_path: Path) -> None:
    path = tmp_path / "big.docx"
    path.write_bytes((FORMATS / "003.docx").read_bytes())
    with pytest.raises(InputError, match="大小上限"):
        read_source(str(path), max_bytes=10_000)


def test_legacy_without_libreoffice_names_the_fix(monkeypatch) -> None:
    import checker.read.legacy as legacy

    monkeypatch.setattr(legacy, "soffice", lambda: None)
    path = FORMATS / "003.doc"
    if not path.exists():
        pytest.skip("no .doc fixture")
    with pytest.raises(InputError, match="LibreOffice") as info:
        read_source(str(path))
    assert "\n" not in info.value.reason


def test_wps_and_rtf_through_libreoffice(tmp_path: Path) -> None:
    needs("doc")
    wps = tmp_path / "draft.wps"
    wps.write_bytes((FORMATS / "003.doc").read_bytes())
    assert read_source(str(wps)).text.startswith("翠华镇2024年度法治政府建设工作报告\n")
    rtf = tmp_path / "saved-as.doc"  # what "save as .doc" often really writes
    rtf.write_bytes(b"{\\rtf1\\ansi " + "".join(f"\\u{ord(c)}?" for c in "某县法治政府建设年度报告").encode()
                    + b"\\par}")
    raw = read_source(str(rtf))
    assert raw.kind == "rtf" and raw.text == "某县法治政府建设年度报告\n"


def test_pdf_without_the_extra_says_how_to_install(monkeypatch) -> None:
    monkeypatch.setitem(sys.modules, "pypdfium2", None)
    with pytest.raises(InputError, match=r"pip install 'fazhi-checker\[pdf\]'"):
        read_source(str(FORMATS / "000.pdf"))


def test_docx_core_properties_are_metadata_not_text(tmp_path) -> None:
    import docx as python_docx

    from checker.read import read_source
    from checker.structure import build_document

    document = python_docx.Document()
    document.core_properties.title = "属性标题"
    document.core_properties.author = "县司法局"
    document.add_paragraph("某县2024年度法治政府建设情况的报告")
    document.add_paragraph("2024年，全县办理行政复议案件23件。")
    path = tmp_path / "draft.docx"
    document.save(str(path))
    doc = build_document(read_source(str(path)))
    props = dict(doc.properties)
    assert props["title"] == "属性标题" and props["author"] == "县司法局" and "modified" in props
    assert "属性标题" not in doc.text
