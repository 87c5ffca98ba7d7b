"""The terminal report: layout by cell width (Chinese takes two cells), colour only on a terminal, rendered the same
in workers as in the main process; the progress bar beside streamed reports; documents streamed as judged."""

from __future__ import annotations

import io
import json
from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from checker.audit import audit_text
from checker.cli.batch import for_report
from checker.cli.progress import ERASE, Progress
from checker.model import Score
from checker.render.json import JsonStream
from checker.render.layout import cells, shorten_path, wrap
from checker.render.text import TextStyle, render_result, render_summary
from tests.conftest import SEEDS
from tests.helpers import invoke

DRAFT = """某某县人民政府关于2024年法治政府建设情况的报告

一、主要举措和成效
县政府常务会议研究法治政府建设工作4次，县长主持召开专题会议2次。全县办理行政复议案件23件，纠错3件。

二、存在的不足
行政执法人员业务能力参差不齐。主要原因是培训经费投入不足，基层执法队伍流动频繁。

某某县人民政府
2025年3月10日
"""
TEXT = st.text(st.sampled_from(list("法治政府建设行政复议，。、（）ab1 2　·…✔")), max_size=200)


def plain_lines(text: str) -> list[str]:
    assert "\x1b[" not in text
    return text.splitlines()


@settings(max_examples=200, deadline=None)
@given(TEXT, st.integers(min_value=4, max_value=60))
def test_wrapped_lines_fit_and_keep_every_character(text: str, width: int) -> None:
    lines = wrap([(text, "")], width)
    assert all(cells("".join(t for t, _ in line)) <= width for line in lines)
    kept = "".join(t for line in lines for t, _ in line)
    assert "".join(kept.split()) == "".join(text.split())  # only whitespace at a break may go


def test_a_chinese_character_takes_two_cells_and_never_overflows() -> None:
    assert cells("法治") == 4 and cells("ab") == 2 and cells("（一）") == 6
    lines = wrap([("法" * 9, "")], 5, pad=True)
    assert ["".join(t for t, _ in line) for line in lines] == ["法法 ", "法法 ", "法法 ", "法法 ", "法   "]


def test_every_line_of_a_report_fits_80_columns(pack) -> None:
    result = for_report(audit_text(DRAFT * 3, pack, "某某县/乡镇/某镇2024年度法治政府建设情况报告（征求意见稿）.txt"))
    text = render_result(result, TextStyle(80, False), verbose=True)
    assert all(cells(line) <= 80 for line in plain_lines(text))
    assert "得分" in text and "原因分析" in text


def test_a_long_reason_wraps_under_itself_not_under_its_dot(pack) -> None:
    result = for_report(audit_text(DRAFT, pack))
    reason = "缺少必备要素：" + "、".join(["第一责任人职责", "原因分析", "下一年度工作安排", "行政执法三项制度"] * 2)
    result = replace(result, score=Score(result.score.total, result.score.grade, False, (reason,)))
    lines = plain_lines(render_result(result, TextStyle(80, False)))
    first = next(i for i, line in enumerate(lines) if "·" in line)
    assert lines[first].startswith("│   · 缺少必备要素")
    assert lines[first + 1].startswith("│     ") and lines[first + 1][6] != " "  # continued under the text
    assert all(cells(line) == 80 for line in lines[:first + 3])


def test_colour_only_where_asked_and_not_with_no_color(pack, monkeypatch) -> None:
    result = for_report(audit_text(DRAFT, pack))
    assert "\x1b[" in render_result(result, TextStyle(80, True))
    assert "\x1b[" not in render_result(result, TextStyle(80, False))
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.setenv("FORCE_COLOR", "1")
    assert TextStyle.for_terminal() == TextStyle(100, True)
    assert TextStyle.for_terminal(no_color=True) == TextStyle(100, False)
    monkeypatch.setenv("NO_COLOR", "1")
    assert not TextStyle.for_terminal().colour
    monkeypatch.delenv("NO_COLOR")
    monkeypatch.delenv("FORCE_COLOR")
    assert not TextStyle.for_terminal().colour  # under pytest stdout is not a terminal


def test_long_paths_in_the_summary_are_shortened_from_the_left(pack) -> None:
    long = "某市/某某县人民政府办公室/法治政府建设/各乡镇报告/乡镇/某镇2024年报告.txt"
    results = [for_report(audit_text(DRAFT, pack, long)), for_report(audit_text(DRAFT, pack, "短.txt"))]
    lines = plain_lines(render_summary(results, TextStyle(80, False)))
    assert all(cells(line) <= 80 for line in lines)
    row = next(line for line in lines if "某镇2024年报告.txt" in line)
    assert "│ …/" in row and "/乡镇/某镇2024年报告.txt" in row
    assert shorten_path(long, 30) == "…/乡镇/某镇2024年报告.txt"
    assert shorten_path("a/" + "很长的文件名" * 5 + ".txt", 12) == "…" + ("很长的文件名" * 5 + ".txt")[-7:]
    assert shorten_path("短.txt", 30) == "短.txt"


def test_the_weakest_elements_line_never_parts_a_count_from_its_unit(pack) -> None:
    """最常缺失或薄弱 lists 'element N份': a wrapped line must not start with 份 (or leave a count at a line's end)."""
    results = [for_report(audit_text(DRAFT, pack, f"{i}.txt")) for i in range(3)]
    for width in range(40, 90):
        lines = plain_lines(render_summary(results, TextStyle(width, False)))
        block = lines[next(i for i, line in enumerate(lines) if line.startswith("最常缺失或薄弱")):]
        assert not any(line.startswith("份") for line in block[1:]), (width, block)
        assert not any(line.rstrip().endswith(("1", "2", "3")) for line in block), (width, block)


def test_workers_render_the_same_report_as_the_main_process() -> None:
    seeds = [str(p) for p in sorted(SEEDS.glob("*.txt"))]
    serial = invoke("audit", "--no-color", "--exit-zero", "-j", "1", *seeds)
    parallel = invoke("audit", "--no-color", "--exit-zero", "-j", "2", *seeds)
    assert serial.out == parallel.out and serial.out.count("╭─ ") == len(seeds)


def test_the_progress_bar_never_wraps_and_steps_aside_for_reports() -> None:
    stream = io.StringIO()
    bar = Progress(12345, stream, width=80)
    for _ in range(12344):
        bar.advance()
    assert cells(bar.line(10.0)) <= 79
    with bar.aside():
        assert stream.getvalue().endswith(ERASE)  # erased before the report is written
    assert stream.getvalue().rsplit(ERASE, 1)[1].startswith("检查中")  # and drawn again after
    bar.close()
    assert stream.getvalue().endswith(ERASE)
    assert cells(Progress(5, io.StringIO(), width=20).line(1.0)) <= 19


def test_json_documents_go_out_as_they_are_judged(pack) -> None:
    stream = JsonStream()
    stream.add(for_report(audit_text(DRAFT, pack, "一.txt")))
    first = "".join(stream.ready())
    assert '"documents": [' in first and '"path": "一.txt"' in first  # before the second is judged
    stream.add(for_report(audit_text(DRAFT, pack, "二.txt")))
    data = json.loads(first + "".join(stream.ready()) + "".join(stream.chunks()))
    assert [d["path"] for d in data["documents"]] == ["一.txt", "二.txt"]
    assert data["summary"] == {"documents": 2, "passed": 0, "failed": 2, "errors": 0}


def test_the_first_report_is_written_before_the_next_document_is_judged(pack) -> None:
    """The command line writes each document's part as it comes out of the batch, text and JSON alike."""
    from checker.cli.audit import _outputs

    pulled = []

    def judged(render):
        for name in ("一.txt", "二.txt"):
            pulled.append(name)
            result = for_report(audit_text(DRAFT, pack, name))
            yield result, render(result)

    for stream, render in ((None, lambda r: render_result(r, TextStyle(80, False))), (JsonStream(), JsonStream.render)):
        pulled.clear()
        chunks = _outputs(judged(render), stream, [], TextStyle(80, False), False, None)
        first = "".join(next(chunks) for _ in range(2 if stream else 1))
        assert "一.txt" in first and pulled == ["一.txt"]
        rest = "".join(chunks)
        assert "二.txt" in rest and pulled == ["一.txt", "二.txt"]


@settings(max_examples=200, deadline=None)
@given(st.text(st.sampled_from(list("法治政府建设，。、；）》”")), max_size=120), st.integers(min_value=6, max_value=40))
def test_a_folded_line_never_starts_with_a_closing_mark(text: str, width: int) -> None:
    """Chinese line breaking (禁则): ，。、；）》” stay at the end of the line before, unless a line is all of them."""
    lines = ["".join(t for t, _ in line) for line in wrap([(text, "")], width)]
    assert "".join(lines) == text
    for before, line in zip(lines, lines[1:]):
        assert line[0] not in "，。、；）》”" or all(c in "，。、；）》”" for c in before[1:]), (before, line)
