"""Plain text wrapped at a fixed width (copied out of a PDF viewer, saved by pdftotext) is joined back into its
paragraphs, and only such text: a report with a paragraph on each line is left as it is."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.model import RawText
from checker.normalise import normalise, normalise_char
from checker.read.layout import text_width
from checker.structure import build_document
from checker.unwrap import unwrap
from tests.accuracy import labelled
from tests.conftest import SEEDS
from tests.helpers import reading, unwrapped

PARAGRAPHS = [
    "2023年，青川县坚持以习近平法治思想为指导，深入推进法治政府建设，县政府常务会议专题研究法治政府建设工作4次，"
    "审议通过规范性文件7件，全部经过合法性审查。",
    "全县行政执法机关全面落实行政执法公示、执法全过程记录和重大执法决定法制审核制度，全年办理行政处罚案件1326件，"
    "行政许可事项8640件，重大执法决定法制审核率100%。",
    "县司法局组织开展行政执法案卷评查，抽查案卷210卷，发现问题46个，均已督促整改到位；全年办理行政复议案件38件，"
    "纠错率13.2%。",
]


def wrapped(text: str, width: float) -> str:
    """Every line cut where it would pass width, as a viewer or pdftotext wraps it."""
    out = []
    for line in text.split("\n"):
        current = ""
        for ch in line:
            if text_width(current + ch) > width:
                out.append(current)
                current = ""
            current += ch
        out.append(current)
    return "\n".join(out)


def test_wrapped_paragraphs_are_joined_and_the_rest_of_the_page_is_left_alone() -> None:
    raw = "\n".join(["青川县人民政府关于2023年度法治政府建设情况的报告", "", "一、主要举措和成效", *PARAGRAPHS,
                     "二、存在的不足和原因", PARAGRAPHS[0], "", "青川县人民政府", "2024年3月1日"])
    lines = unwrapped(wrapped(raw, 30)).split("\n")
    assert lines[:3] == ["青川县人民政府关于2023年度法治政府建设情况的报告", "", "一、主要举措和成效"]
    assert [line.replace(",", "，").replace(";", "；") for line in lines[3:6]] == PARAGRAPHS
    assert lines[6] == "二、存在的不足和原因" and lines[-2:] == ["青川县人民政府", "2024年3月1日"]


def test_wrapped_lines_of_a_letter_spaced_export_are_joined() -> None:
    """A PDF export that spaces its letters out after wrapping them: the lines' widths are read without those spaces,
    so the wrap is found and its paragraphs joined as in the unspaced text."""
    raw = "\n".join(["青川县人民政府关于2023年度法治政府建设情况的报告", "", "一、主要举措和成效",
                     *("\u3000\u3000" + p for p in PARAGRAPHS)])  # indented: a first line shows less text
    spaced = re.sub(r"(?<=\S)(?=\S)", " ", wrapped(raw, 30))
    text = build_document(RawText("<spaced>", spaced, "utf-8", "text")).text
    assert text == build_document(RawText("<plain>", wrapped(raw, 30), "utf-8", "text")).text
    assert text.count("\n") == raw.count("\n")


def test_an_indented_line_starts_a_paragraph() -> None:
    body = wrapped(PARAGRAPHS[1], 30).split("\n")
    indented = wrapped("\u3000\u3000" + PARAGRAPHS[2], 30).split("\n")  # 首行缩进
    raw = "\n".join(body + indented + body)
    lines = unwrapped(raw).split("\n")
    assert len(lines) == 3 and lines[1].startswith("县司法局组织开展")


def test_a_report_with_a_paragraph_on_each_line_is_left_as_it_is() -> None:
    for path in sorted(SEEDS.glob("*.txt")):
        raw = path.read_text(encoding="utf-8")
        text, offsets = normalise(raw)
        assert unwrap(text, offsets, raw) == (text, offsets), path.name


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(PARAGRAPHS + ["一、主要举措和成效", "青川县人民政府", "2024年3月1日", ""]),
                min_size=4, max_size=14), st.sampled_from([24, 30, 37, 45]))
def test_offsets_still_point_at_the_users_characters(paragraphs: list[str], width: int) -> None:
    raw = wrapped("\n".join(paragraphs), width)
    text, offsets = unwrap(*normalise(raw), raw)
    assert len(offsets) == len(text) + 1 and offsets[-1] == len(raw)
    assert list(offsets) == sorted(offsets)
    for i, ch in enumerate(text):
        source = raw[offsets[i]]
        assert ch in normalise_char(source) or ch == "\n" and source in "\r\n" or ch == " " and source == "\n"


def test_the_seeds_wrapped_by_a_viewer_are_judged_as_they_are() -> None:
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        for width in (37, 45):
            assert reading(wrapped(text, width)) == reading(text), (path.name, width)


WRAPPED_DOCUMENTS = [doc for doc in labelled(["own"]) if doc.part == "tune"] + \
    [doc for doc in labelled(["real"]) if doc.part == "tune"][::8]  # full-length drafts, and real pages' openings


@pytest.fixture(scope="module")
def readings() -> dict[str, tuple]:
    return {doc.id: reading(doc.path.read_text(encoding="utf-8")) for doc in WRAPPED_DOCUMENTS}


@pytest.mark.parametrize(("width", "share"), [(28, 0.91), (37, 0.96)])
def test_the_corpus_wrapped_by_a_viewer_is_judged_as_it_is(width: int, share: float, readings: dict) -> None:
    """The written corpus and an eighth of the real pages' tune part, wrapped at 28 characters (a 公文's line) and at
    37; without joining, two in three of them read differently. What still does is mostly a line that the wrap ended
    on its sentence's mark (the paragraph seems to end there) and a title as wide as the lines."""
    same = sum(reading(wrapped(doc.path.read_text(encoding="utf-8"), width)) == readings[doc.id]
               for doc in WRAPPED_DOCUMENTS)
    assert same >= share * len(WRAPPED_DOCUMENTS)


def test_a_number_broken_at_its_hyphen_and_a_text_cut_mid_sentence_keep_their_last_line_joined() -> None:
    """A footer's ICP number wrapped after its hyphen (……号- / 1) is one line again, so the 落款 above it is still the
    last thing before the chrome; the short rest of a page opening cut mid-sentence is the end of its paragraph."""
    footer = "主办：宁川县人民政府办公室　　网站标识码：5306270001　　滇ICP备05001234号-1"
    raw = "\n".join(["宁川县人民政府关于2024年度法治政府建设情况的报告", *PARAGRAPHS, "", "宁川县人民政府",
                     "2025年3月10日", "", footer])
    text = wrapped(raw, 37)
    assert text.endswith("号-\n1")  # the viewer broke the number
    lines = unwrapped(text).split("\n")
    assert lines[-1].endswith("号-1") and lines[-4:-2] == ["宁川县人民政府", "2025年3月10日"]
    cut = "\n".join([*PARAGRAPHS, PARAGRAPHS[0][:60]])  # the page's saved text stops in the middle of a sentence
    assert unwrapped(wrapped(cut, 30)).split("\n")[-1] == PARAGRAPHS[0][:60].replace("，", ",")


def test_a_wrapped_heading_and_a_number_broken_by_the_wrap_are_whole_again() -> None:
    """A heading longer than the line keeps its short rest (……指导做 / 好卫生健康法治工作: it ends without a mark, as a
    heading does), and a figure the wrap cut (发现问题4 / 6个) is one number again, not 4 and 6."""
    heading = "（一）提高政治站位，以党的二十大精神和习近平法治思想指导做好卫生健康法治工作"
    raw = "\n".join(["一、主要举措和成效", heading, *PARAGRAPHS, "二、存在的不足和原因", PARAGRAPHS[0]])
    text = wrapped(raw, 29)
    assert "指导做\n好卫生健康法治工作\n" in text and "问题4\n6个" in text  # what the viewer did
    lines = unwrapped(text).split("\n")
    assert lines[:2] == ["一、主要举措和成效", heading.replace("，", ",").replace("（", "(").replace("）", ")")]
    assert "发现问题46个" in lines[4] and lines[5] == "二、存在的不足和原因"


def test_a_full_line_standing_alone_keeps_the_line_under_it_apart() -> None:
    """A page's path as wide as the text's lines, over the title, and a title over its document number: each is a
    line of its own, not the start of a wrapped paragraph."""
    path = "首页 > 政务公开 > 部门信息公开目录 > 县司法局 > 法治政府建设"
    title = "青川县司法局2023年度法治政府建设情况报告"
    raw = "\n".join([path, title, "川司发〔2024〕3号", *wrapped("\n".join(PARAGRAPHS), text_width(path)).split("\n")])
    assert unwrapped(raw).split("\n")[:3] == [path, title, "川司发〔2024〕3号"]


def test_a_word_document_pasted_from_a_pdf_reads_as_the_report(tmp_path) -> None:
    """Text copied out of a PDF into Word keeps a paragraph for each line of the page: the Word document is wrapped
    as a .txt would be, and is judged as the report it holds."""
    import docx

    from checker.audit import audit_source

    seed = sorted(SEEDS.glob("*.txt"))[0]
    document = docx.Document()
    for line in wrapped(seed.read_text(encoding="utf-8"), 28).split("\n"):
        document.add_paragraph(line)
    pasted = tmp_path / "pasted.docx"
    document.save(pasted)
    original, copy = audit_source(str(seed), None), audit_source(str(pasted), None)
    assert copy.document.meta.title == original.document.meta.title
    assert [(e.id, e.status) for e in copy.elements] == [(e.id, e.status) for e in original.elements]
