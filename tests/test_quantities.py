"""The figure parser behind figure-consistency: Chinese numerals, 万/亿, units, approximations, labels."""

from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from checker.checks.quantities import figures, parse_chinese

DIGIT_WORDS = "零一二三四五六七八九"


def to_chinese(n: int) -> str:
    """How a report writes n (below 10^12) in Chinese numerals: 一百零五, 三万五千, 十二 (not 一十二)."""
    if n == 0:
        return "零"
    out = ""
    for big, name in ((10 ** 8, "亿"), (10 ** 4, "万"), (1, "")):
        group = n // big % 10 ** 4
        if not group:
            if out and not out.endswith("零") and n % big:
                out += "零"
            continue
        if out and group < 1000 and not out.endswith("零"):
            out += "零"
        out += _below_ten_thousand(group) + name
    if out.startswith("一十"):
        out = out[1:]
    return out.rstrip("零")


def _below_ten_thousand(n: int) -> str:
    out = ""
    zero = False
    for value, name in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit = n // value % 10
        if digit:
            if zero and out:
                out += "零"
            out += DIGIT_WORDS[digit] + name
            zero = False
        else:
            zero = bool(out)
    return out


@given(st.integers(min_value=1, max_value=10 ** 11 - 1))
def test_chinese_numerals_read_back(n: int) -> None:
    assert parse_chinese(to_chinese(n)) == n, to_chinese(n)


@given(st.integers(min_value=0, max_value=10 ** 7), st.sampled_from(["件", "人次", "次", "条", "项"]))
def test_arabic_figures_read_back_with_their_unit(n: int, unit: str) -> None:
    [figure] = figures(f"全年办理{n}{unit}。")
    assert (figure.value, figure.unit, figure.label, figure.approx) == (n, unit, "全年办理", False)


@given(st.text(alphabet="零〇一二两三四五六七八九十百千万亿件次人,。、", max_size=30))
def test_any_run_of_numerals_is_read_or_left_alone(text: str) -> None:
    for figure in figures(text):
        assert figure.value >= 0 and figure.start < figure.end <= len(text)


@pytest.mark.parametrize(("text", "value"), [("二十三", 23), ("一百零五", 105), ("三万五千", 35000), ("十", 10),
                                             ("两千", 2000), ("一亿二千万", 120000000), ("一千零二十", 1020)])
def test_chinese_numerals(text: str, value: int) -> None:
    assert parse_chinese(text) == value


@pytest.mark.parametrize("text", ["二三", "一百五", "三万五", "万", "零", "百千"])
def test_not_a_numeral(text: str) -> None:
    assert parse_chinese(text) is None


@pytest.mark.parametrize(("text", "value", "unit", "approx"), [
    ("参训1.2万人次。", 12000, "人次", False),
    ("罚没款12.4万元。", 124000, "元", False),
    ("减税2.37亿元。", 237000000, "元", False),
    ("办理案件10余件。", 10, "件", True),
    ("约50人参加。", 50, "人", True),
    ("超过100次。", 100, "次", True),
    ("受理1,860件。", 1860, "件", False),
    ("审结三十二件。", 32, "件", False),
    ("维持三件、撤销两件。", 3, "件", False),
    ("出庭应诉率 95 %。", 95, "%", False),
])
def test_figures(text: str, value: float, unit: str, approx: bool) -> None:
    first = figures(text)[0]
    assert (first.value, first.unit, first.approx) == (value, unit, approx)


@pytest.mark.parametrize("text", ["第3次会议", "20个工作日内", "提高3个百分点", "推行“一件事一次办”", "落实三项制度",
                                  "十件实事", "2023年3月"])
def test_not_figures(text: str) -> None:
    assert figures(text) == []


def test_labels_stop_at_marks_and_figures() -> None:
    found = figures("办理行政复议案件56件，其中维持30件、撤销12件")
    assert [f.label for f in found] == ["办理行政复议案件", "其中维持", "撤销"]


def test_label_start_is_where_the_label_begins_even_before_a_space() -> None:
    text = "受理纠纷733 件,成功调处 688 件"
    assert [text[f.label_start:f.end] for f in figures(text)] == ["受理纠纷733 件", "成功调处 688 件"]


FIGURE_TEXT = st.text(alphabet=st.sampled_from(list("约近超过逾将大不足到乎0123456789,.０１２零〇一二两三四五六七八九十百千万亿"
                                                   "余多以上左右元%‰人次件名项条家个场工作日 \n，。、审结受理")),
                      max_size=120)


@given(FIGURE_TEXT)
@example("将近5件、大约3人、超过100次、不足10件、不到10件、近乎3件、逾20人、约8场、近6项")  # every word before a figure
@example("３件和٣人")  # Unicode digits, which \d matches
def test_the_first_character_lookahead_changes_no_match(text: str) -> None:
    """FIGURE's lookahead only lets the engine skip positions faster: it must name every character a figure can
    start with, so that the pattern finds exactly what its body alone finds (a new 约-like word must be added)."""
    import re

    from checker.checks.quantities import FIGURE, FIGURE_BODY

    body = re.compile(FIGURE_BODY)
    assert [m.span() for m in FIGURE.finditer(text)] == [m.span() for m in body.finditer(text)]
