"""Text whose characters an export set apart (法 治 政 府 建 设, 2 0 2 4 年: some PDF tools and OCR put a space after
every character) is read as the writer wrote it, and only such text: a report with a spaced title is left alone."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from checker.normalise import normalise, normalise_char
from checker.unspace import unspace
from tests.accuracy import labelled
from tests.conftest import SEEDS
from tests.helpers import reading

REPORT = ("青川县人民政府关于2023年度法治政府建设情况的报告\n一、主要举措和成效\n"
          "2023年，县政府常务会议专题研究法治政府建设工作4次，审议通过规范性文件7件，全部经过合法性审查。\n"
          "全年办理行政复议案件38件，纠错率13.2%；行政机关负责人出庭应诉率100%。\n"
          "二、存在的不足\n基层执法人员法律素养有待提高。\n青川县人民政府\n2024年3月1日")


def letter_spaced(text: str) -> str:
    """A space after every character of every line, as a PDF tool that places each glyph apart writes it."""
    return re.sub(r"(?<=\S)(?=\S)", " ", text)


def unspaced(raw: str) -> str:
    return unspace(*normalise(raw))[0]


def test_a_letter_spaced_report_reads_as_written() -> None:
    assert unspaced(letter_spaced(REPORT)) == normalise(REPORT)[0]


def test_a_report_with_a_spaced_title_is_left_alone() -> None:
    raw = REPORT.replace("青川县人民政府关于2023年度法治政府建设情况的报告", "法 治 政 府 建 设 报 告")
    text, offsets = normalise(raw)
    assert unspace(text, offsets) == (text, offsets)


def test_latin_words_keep_their_space() -> None:
    raw = letter_spaced(REPORT) + "\n通 过 ISO 9001 质 量 管 理 体 系 认 证"
    assert unspaced(raw).endswith("通过ISO 9001质量管理体系认证")


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(REPORT.split("\n")), min_size=3, max_size=12))
def test_offsets_still_point_at_the_users_characters(lines: list[str]) -> None:
    raw = letter_spaced("\n".join(lines))
    text, offsets = unspace(*normalise(raw))
    assert len(offsets) == len(text) + 1 and offsets[-1] == len(raw) and list(offsets) == sorted(offsets)
    assert all(ch in normalise_char(raw[offsets[i]]) or ch == "\n" for i, ch in enumerate(text))


def judged(text: str) -> tuple:
    """What checker reads of a text, a space inside its title or body aside: the space between two bodies (中共某县委
    某县人民政府) cannot be told from the export's."""
    (genre, title, body, level, year), statuses = reading(text)
    return (genre, title and title.replace(" ", ""), body and body.replace(" ", ""), level, year), statuses


def test_the_seeds_and_the_corpus_letter_spaced_are_judged_as_they_are() -> None:
    """The seeds, and a sixth of the tune part: without joining, nearly every document reads differently. What
    still does is mostly page chrome that a PDF does not have (a portal's path run into the title once its spaces
    are gone)."""
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        assert reading(letter_spaced(text)) == reading(text), path.name
    documents = [doc for doc in labelled() if doc.part == "tune"][::6]
    same = sum(judged(letter_spaced(text)) == judged(text)
               for text in (doc.path.read_text(encoding="utf-8") for doc in documents))
    assert same >= 0.98 * len(documents)
