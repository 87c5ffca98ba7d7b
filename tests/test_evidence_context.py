"""Evidence as a reviewer reads it: one quote per sentence, and the lines around each quote, taken at judgement time
so that the HTML report can show them after the batch has dropped the document's text."""

from __future__ import annotations

from checker.audit import audit_text
from checker.cli.batch import for_report
from checker.evaluate.surround import CONTEXT_CHARS, surrounding
from checker.model import RawText, Span
from checker.structure import build_document

DRAFT = """某县人民政府关于2024年法治政府建设情况的报告

一、主要举措和成效
县政府召开常务会议4次研究法治政府建设，审核规范性文件12件，办理行政复议案件35件，行政机关负责人出庭应诉28次。

二、存在的不足和原因
一是执法人员素质不高。主要原因是培训不够。

三、2025年工作安排
2025年，将全面落实行政执法三年行动计划，2025年开展执法培训3次，2025年完成执法监督平台建设。
加强执法监督。

某县人民政府
2025年3月1日
"""


def _doc(text: str):
    return build_document(RawText("t.txt", text, "utf-8", "text"))


def test_a_sentence_with_several_hits_is_quoted_once(pack) -> None:
    """Line 4 holds four figures in one sentence: 主要举措和成效 and 数据支撑 quote it once, not three times."""
    result = audit_text(DRAFT, pack)
    quoted = {e.id: e.evidence for e in result.elements}
    assert [ev.line for ev in quoted["quantitative-evidence"]] == [4]
    for element in result.elements:
        lines = [(ev.line, ev.text) for ev in element.evidence]
        assert len(set(lines)) == len(lines), element.id
        cores = [ev.text.strip("…") for ev in element.evidence]
        assert not any(a in b for i, a in enumerate(cores) for j, b in enumerate(cores) if i != j), element.id


def test_each_quote_carries_the_lines_around_it(pack) -> None:
    result = for_report(audit_text(DRAFT, pack))  # what a batch keeps: no text, the context is in the evidence
    assert result.document.raw == ""
    plan = next(e for e in result.elements if e.id == "next-year-plan").evidence[0]
    assert plan.line == 9 and plan.text == "三、2025年工作安排"
    assert plan.before.endswith("\n一是执法人员素质不高。主要原因是培训不够。\n")
    assert plan.after.startswith("\n2025年，将全面落实")
    for element in result.elements:
        for ev in element.evidence:
            core = ev.text.strip("…")
            assert f"{ev.before}{core}{ev.after}".replace("\n", "") in DRAFT.replace("\n", ""), (element.id, ev)
            assert len(ev.before) <= CONTEXT_CHARS + 1 and len(ev.after) <= CONTEXT_CHARS + 1


def test_context_keeps_whole_lines_that_fit_and_cuts_a_long_paragraph() -> None:
    long_line = "甲" * 500
    text = f"第一行\n\n\n第二行\n前文{long_line}引文后文{long_line}\n末行\n"
    doc = _doc(text)
    start = doc.text.index("引文")
    before, after = surrounding(doc, Span(start, start + 2), limit=40)
    assert before == "…" + "甲" * 40 and after == "后文" + "甲" * 38 + "…"  # no line break near: cut with …
    short = _doc("标题\n\n\n一、工作\n全年办理案件3件。\n二、不足\n")
    at = short.text.index("全年")
    before, after = surrounding(short, Span(at, at + 9), limit=40)
    assert before == "标题\n一、工作\n"  # blank lines between paragraphs become one line break
    assert after == "\n二、不足"
