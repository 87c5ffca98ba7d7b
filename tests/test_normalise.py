"""Normalisation: canonical spelling for matching, with an offset map that always points back to the original."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from checker.normalise import normalise, normalise_char, normalise_each

CHARS = st.sampled_from(list("法治政府建设（一）一、1．⑴⒈，。：；　 \t\r\n\u00a0\u200bＡａ０９年件%％*＊")) | st.characters(
    blacklist_categories=("Cs",))


def test_examples() -> None:
    text, _ = normalise("  （一）依法　行政，\r\n⑴ 全年办理１２件。\t \n")
    assert text == "(一)依法 行政,\n(1) 全年办理12件。\n"


@settings(max_examples=400, deadline=None)
@given(st.text(CHARS, max_size=120))
def test_offsets_map_every_character_back_to_its_source(raw: str) -> None:
    text, offsets = normalise(raw)
    assert len(offsets) == len(text) + 1 and offsets[-1] == len(raw)
    assert list(offsets[:-1]) == sorted(offsets[:-1])
    for i, ch in enumerate(text):
        source = raw[offsets[i]]
        if ch == "\n":
            assert source in "\r\n"
        else:
            assert ch in normalise_char(source), (ch, source)


@settings(max_examples=300, deadline=None)
@given(st.text(CHARS, max_size=120))
def test_line_count_is_kept_and_normalising_twice_changes_nothing(raw: str) -> None:
    text, _ = normalise(raw)
    expected_lines = raw.replace("\r\n", "\n").replace("\r", "\n").count("\n")
    assert text.count("\n") == expected_lines
    assert normalise(text)[0] == text


@settings(max_examples=600, deadline=None)
@given(st.text(CHARS, max_size=160))
def test_fast_path_agrees_with_the_character_by_character_path(raw: str) -> None:
    assert normalise(raw) == normalise_each(raw)


@settings(max_examples=300, deadline=None)
@given(st.text(st.sampled_from(list("法治，（一）　 \t\n１Ａ年件")), max_size=160))
def test_fast_path_on_texts_that_take_it(raw: str) -> None:
    assert normalise(raw) == normalise_each(raw)


def test_bold_marks_go_and_a_single_star_stays() -> None:
    text, offsets = normalise("**一、主要举措和成效**\n* 列表项\n办理案件____件")
    assert text == "一、主要举措和成效\n* 列表项\n办理案件____件"  # a blank (____) stays for the blank-figure check
    assert offsets[0] == 2


def test_spaces_around_numbers_in_running_text_go() -> None:
    """Word and PDF exports space out numbers (共 12 件); a space before a date after a name separates them."""
    text, offsets = normalise("全年共办理 12 件，其中 10 个当场办结，满意率 98.5% 以上\n某县人民政府 2025年3月5日\n时间：23:36:09 点击")
    assert text == "全年共办理12件,其中10个当场办结,满意率98.5%以上\n某县人民政府 2025年3月5日\n时间:23:36:09 点击"
    assert offsets[text.index("12件")] == 6 and offsets[text.index("件,")] == 9  # still the user's characters


@settings(max_examples=600, deadline=None)
@given(st.text(st.sampled_from(list("法件、,(（1２9.%％ 　:\n")), max_size=80))
def test_number_spaces_agree_with_their_definition(raw: str) -> None:
    assert normalise(raw) == normalise_each(raw)
    text, _ = normalise(raw)
    assert normalise(text)[0] == text


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(["— 3 —", "- 12 -", "—12—", "第3页 共10页", "第 3 页/共 10 页", "Page 3 of 10", "12",
                                 "— 2023年 —", "一是", "  — 1 — ", "\r", "", "第3页", "页", " "]), max_size=12))
def test_page_number_lines_agree_with_their_definition(pieces: list[str]) -> None:
    raw = "\n".join(pieces)
    assert normalise(raw) == normalise_each(raw)
    text, offsets = normalise(raw)
    assert text.count("\n") == raw.replace("\r\n", "\n").replace("\r", "\n").count("\n")  # each line's break stays
    assert normalise(text)[0] == text and list(offsets) == sorted(offsets)


def test_traditional_script_is_read_as_simplified_one_for_one() -> None:
    from checker.normalise import normalise

    raw = "我市召開2023年度黨政主要負責人專題述法評議會議，發現問題40項。"
    text, offsets = normalise(raw)
    assert text == "我市召开2023年度党政主要负责人专题述法评议会议,发现问题40项。"
    assert list(offsets) == list(range(len(raw) + 1))  # one for one: evidence still quotes the user's characters


def test_simplified_text_and_a_stray_traditional_word_are_left_alone() -> None:
    from checker.simplified import simplify

    assert simplify("县政府审议通过《某某条例》。") == "县政府审议通过《某某条例》。"
    assert simplify("引用了台湾“行政院”的說法。") == "引用了台湾“行政院”的說法。"  # one telltale character is no script


def test_without_the_table_the_text_is_left_as_it_is(monkeypatch) -> None:
    from checker import simplified

    simplified._table.cache_clear()
    monkeypatch.setattr(simplified.importlib.util, "find_spec", lambda name: None)
    try:
        assert simplified.simplify("我們這個國會發") == "我們這個國會發"
    finally:
        simplified._table.cache_clear()
