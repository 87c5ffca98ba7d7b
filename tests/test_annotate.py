"""`checker annotate`: the review copy keeps the draft's text, anchors each comment on the words it is about (runs
split where a comment starts or ends inside one), puts the verdict on the title and the missing elements where they
belong, and never touches the original."""

from __future__ import annotations

import hashlib
import io
import shutil
import subprocess
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.audit import audit_source
from checker.cli.main import main
from checker.packs.loader import load_pack
from checker.read import read_source
from checker.render.review_docx import _split_run, paragraph_text, plan_notes, text_runs
from tests.helpers import invoke

FORMATS = Path(__file__).parent / "fixtures" / "formats"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
PARAGRAPHS = [
    "某县人民政府关于2024年法治政府建设情况的报告",
    "2024年，我县坚持以习近平法治思想为指导，全面推进法治政府建设，现将有关情况报告如下。",
    "一、主要举措和成效",
    "县政府常务会议每季度研究1次法治政府建设工作。全年办理行政复议案件37件，纠错3件，制发意见书2份。",
    "全年组织行政执法人员培训4期，培训××人次。",
    "二、存在的不足",
    "一是基层执法人员法治素养有待提高。二是行政执法监督力量薄弱。",
    "三、2025年工作安排",
    "年底前完成行政规范性文件全面清理，全年组织执法人员培训4期以上，实现执法监督全覆盖。",
    "某县人民政府",
    "2025年3月20日",
]


def _draft(path: Path) -> Path:
    """A Word draft whose sentences are split over runs of different formatting, with a manual line break and a
    table, as drafts are."""
    document = docx.Document()
    for text in PARAGRAPHS:
        paragraph = document.add_paragraph()
        if "行政复议案件" in text:
            head, tail = text.split("37件")
            paragraph.add_run(head)
            paragraph.add_run("37件").bold = True
            paragraph.add_run(tail)
        elif "培训××" in text:
            paragraph.add_run("全年组织行政执法人员培训4期，")
            paragraph.add_run().add_break()
            paragraph.add_run("培训××人次。")
            table = document.add_table(rows=1, cols=2)
            table.cell(0, 0).text = "行政应诉"
            table.cell(0, 1).text = "全年行政诉讼案件45件，行政机关负责人出庭应诉率100%。"
            paragraph._p.addnext(table._tbl)
        else:
            paragraph.add_run(text)
    path.write_bytes(_saved(document))
    return path


def _saved(document) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def anchored(document) -> dict[str, str]:
    """Comment id → the text between its range start and end, in document order."""
    open_ranges: dict[str, list[str]] = {}
    done: dict[str, str] = {}
    for node in document.element.body.iter():
        if node.tag == W + "commentRangeStart":
            open_ranges[node.get(qn("w:id"))] = []
        elif node.tag == W + "commentRangeEnd":
            done[node.get(qn("w:id"))] = "".join(open_ranges.pop(node.get(qn("w:id")), []))
        elif node.tag in (W + "t", W + "tab", W + "br") and node.getparent().tag == W + "r":
            piece = node.text or "" if node.tag == W + "t" else "\t" if node.tag == W + "tab" else "\n"
            for parts in open_ranges.values():
                parts.append(piece)
    assert not open_ranges, "a comment range was opened and never closed"
    return done


def _comments(document) -> dict[str, list[str]]:
    return {str(c.comment_id): [p.text for p in c.paragraphs] for c in document.comments}


def test_review_copy_of_a_docx(tmp_path: Path) -> None:
    draft = _draft(tmp_path / "草稿.docx")
    before = hashlib.sha256(draft.read_bytes()).hexdigest()
    out = tmp_path / "审阅稿.docx"
    run = invoke("annotate", str(draft), "-o", str(out), "--isolated")
    assert run.code in (0, 1), run.err
    assert "已写入审阅稿" in run.out and hashlib.sha256(draft.read_bytes()).hexdigest() == before
    review = docx.Document(str(out))
    comments, ranges = _comments(review), anchored(review)
    result = audit_source(str(draft), None)
    notes = plan_notes(result, load_pack(result.pack.id))
    assert len(comments) == len(notes) == len(ranges)
    assert read_source(str(out)).text == read_source(str(draft)).text  # comments add no text
    first = comments[min(comments, key=int)]
    assert first[0].startswith("checker 审阅意见：得分") and "结论" in first[0]
    assert ranges[min(comments, key=int)] == PARAGRAPHS[0]
    assert {c.author for c in review.comments} == {"checker"}
    by_text = {" ".join(lines): ranges[cid] for cid, lines in comments.items()}
    # the evidence on the split sentence covers the runs around the bold "37件"
    reconsideration = next(text for body, text in by_text.items() if body.startswith("◐ 行政复议")
                           or body.startswith("✔ 行政复议"))
    assert "行政复议案件37件" in reconsideration
    # a placeholder finding is anchored on the placeholder, after the manual line break
    placeholder = next(text for body, text in by_text.items() if body.startswith("【") and "占位" in body)
    assert placeholder == "培训××人次。"
    # the missing causes are anchored at the end of the problems section
    causes = next(text for body, text in by_text.items() if body.startswith("✘ 原因分析"))
    assert causes == PARAGRAPHS[6] and "建议在此处之后补写" in next(b for b in by_text if b.startswith("✘ 原因分析"))
    # a table row's evidence lands in its cell
    assert any("出庭应诉率" in text for text in ranges.values())


def test_evidence_ranges_quote_the_evidence(tmp_path: Path) -> None:
    """On a real draft with Word's automatic numbering, every evidence comment covers the quoted words (their end:
    a generated number like "一、" is in no run, so no range can hold it)."""
    draft = tmp_path / "003.docx"
    shutil.copy(FORMATS / "003.docx", draft)
    out = tmp_path / "out.docx"
    assert invoke("annotate", str(draft), "-o", str(out), "--isolated", "-q").code in (0, 1)
    review = docx.Document(str(out))
    result = audit_source(str(draft), None)
    quotes = [ev.text.strip("…").replace(" ", "")[-6:] for e in result.elements for ev in e.evidence]
    covered = [text.replace(" ", "") for text in anchored(review).values()]
    for quote in quotes:
        assert any(quote in text for text in covered), quote
    assert read_source(str(out)).text == read_source(str(draft)).text


def test_review_copy_of_a_text_draft_has_word_headings(tmp_path: Path) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text("\n".join(PARAGRAPHS) + "\n", encoding="utf-8")
    out = tmp_path / "draft.docx"
    assert invoke("annotate", str(draft), "-o", str(out), "--reviewer", "县司法局", "--isolated").code in (0, 1)
    review = docx.Document(str(out))
    styles = {p.text: p.style.name for p in review.paragraphs}
    assert styles[PARAGRAPHS[0]] == "Title"
    assert styles["一、主要举措和成效"] == "Heading 1" and styles[PARAGRAPHS[3]] == "Normal"
    assert {c.author for c in review.comments} == {"县司法局"}
    assert read_source(str(out)).text.splitlines() == PARAGRAPHS


def test_reviewer_from_the_config_and_the_flag_wins(tmp_path: Path, monkeypatch) -> None:
    draft = _draft(tmp_path / "draft.docx")
    (tmp_path / ".checker.yaml").write_text("reviewer: 县司法局\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert invoke("annotate", "draft.docx", "-o", "a.docx").code in (0, 1)
    assert {c.author for c in docx.Document("a.docx").comments} == {"县司法局"}
    assert invoke("annotate", str(draft), "-o", "b.docx", "--reviewer", "依法治县办").code in (0, 1)
    assert {c.author for c in docx.Document("b.docx").comments} == {"依法治县办"}


def _main(*args: str, capsys) -> tuple[int, str]:
    with pytest.raises(SystemExit) as stopped:
        main(list(args))
    return stopped.value.code, capsys.readouterr().err


def test_refuses_to_write_onto_the_draft_and_reports_bad_input(tmp_path: Path, capsys) -> None:
    draft = _draft(tmp_path / "draft.docx")
    before = draft.read_bytes()
    code, err = _main("annotate", str(draft), "-o", str(draft), capsys=capsys)
    assert code == 2 and "覆盖原稿" in err and draft.read_bytes() == before
    broken = tmp_path / "broken.docx"
    broken.write_text("不是 Word 文档", encoding="utf-8")
    code, err = _main("annotate", str(broken), "-o", str(tmp_path / "x.docx"), capsys=capsys)
    assert code == 2 and err.strip() == f"checker: {broken}: 不是有效的 Word 文档（文件已损坏或扩展名有误）"
    assert not (tmp_path / "x.docx").exists()
    code, err = _main("annotate", str(tmp_path), "-o", str(tmp_path / "x.docx"), capsys=capsys)
    assert code == 2 and "一次只处理一份草稿" in err


def test_exit_codes_follow_the_gate(tmp_path: Path) -> None:
    draft = _draft(tmp_path / "draft.docx")
    failing = invoke("annotate", str(draft), "-o", str(tmp_path / "a.docx"), "--isolated", "--fail-under", "100")
    assert failing.code == 1
    assert invoke("annotate", str(draft), "-o", str(tmp_path / "b.docx"), "--isolated", "--fail-under", "100",
                  "--exit-zero").code == 0


_PIECE = st.one_of(st.text(alphabet="法治政府ab 1", min_size=1, max_size=6).map(lambda t: ("t", t)),
                   st.just(("tab", "\t")), st.just(("br", "\n")))


@settings(max_examples=60, deadline=None)
@given(st.lists(_PIECE, min_size=1, max_size=8), st.data())
def test_splitting_a_run_keeps_text_and_formatting(pieces: list[tuple[str, str]], data) -> None:
    document = docx.Document()
    paragraph = document.add_paragraph()
    run = paragraph.add_run()
    run.bold = True
    for kind, text in pieces:
        if kind == "t":
            element = run._r.makeelement(W + "t", {})
            element.text = text
            run._r.append(element)
        else:
            run._r.append(run._r.makeelement(W + kind, {}))
    text = paragraph_text(paragraph._p)
    k = data.draw(st.integers(1, max(len(text) - 1, 1)))
    if len(text) < 2:
        return
    _split_run(paragraph._p.xpath("w:r")[0], k)
    runs = text_runs(paragraph._p)
    assert paragraph_text(paragraph._p) == text and len(runs) == 2
    assert len("".join(str(e) for e in runs[0].xpath("w:t | w:tab | w:br"))) == k
    assert all(r.find(W + "rPr") is not None for r in runs)


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_opens_the_review_copy(tmp_path: Path) -> None:
    pdfium = pytest.importorskip("pypdfium2")
    draft = _draft(tmp_path / "draft.docx")
    out = tmp_path / "review.docx"
    invoke("annotate", str(draft), "-o", str(out), "--isolated", "-q")
    done = subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path}/lo", "--headless", "--convert-to",
                           'pdf:writer_pdf_Export:{"ExportNotes":{"type":"boolean","value":"true"}}',
                           "--outdir", str(tmp_path), str(out)], capture_output=True, timeout=180)
    assert done.returncode == 0 and (tmp_path / "review.pdf").exists(), done.stderr
    pdf = pdfium.PdfDocument(str(tmp_path / "review.pdf"))
    pages = [pdf[i] for i in range(len(pdf))]  # held: a page's raw handle dies with the page object
    notes = sum(pdfium.raw.FPDFPage_GetAnnotCount(page.raw) for page in pages)
    assert notes >= len(docx.Document(str(out)).comments)
