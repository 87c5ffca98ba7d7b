"""Reading: every encoding Chinese drafts arrive in, detected without being told; forced encodings; limits."""

from __future__ import annotations

import codecs
import io
import sys
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from checker.errors import InputError
from checker.read import expand_paths, read_source
from checker.read.encoding import DecodeFailure, decode

TEXT = "镇平县人民政府关于2024年法治政府建设情况的报告\n一、强化第一责任人职责（一）全年办理行政复议案件23件。\n"


@pytest.mark.parametrize(("encoding", "expected"), [
    ("utf-8", "utf-8"), ("utf-8-sig", "utf-8-sig"), ("gb18030", "gb18030"), ("gbk", "gb18030"),
    ("gb2312", "gb18030"), ("utf-16", "utf-16"), ("utf-16-le", "utf-16-le"), ("utf-16-be", "utf-16-be"),
])
def test_encodings_are_detected(tmp_path: Path, encoding: str, expected: str) -> None:
    path = tmp_path / "draft.txt"
    path.write_bytes(TEXT.encode(encoding))
    raw = read_source(str(path))
    assert raw.text == TEXT and raw.encoding == expected


def test_forced_encoding_is_used_and_failures_are_reported(tmp_path: Path) -> None:
    path = tmp_path / "draft.txt"
    path.write_bytes(TEXT.encode("gb18030"))
    assert read_source(str(path), encoding="gb18030").text == TEXT
    with pytest.raises(InputError, match="utf-8"):
        read_source(str(path), encoding="utf-8")


def test_markdown_kind(tmp_path: Path) -> None:
    path = tmp_path / "draft.md"
    path.write_text("# 标题\n正文", encoding="utf-8")
    assert read_source(str(path)).kind == "markdown"


def test_size_limit(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text("法" * 2000, encoding="utf-8")
    with pytest.raises(InputError, match="大小上限"):
        read_source(str(path), max_bytes=1000)


def test_stdin(monkeypatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(TEXT.encode("gb18030"))))
    raw = read_source("-")
    assert raw.source == "<stdin>" and raw.text == TEXT


def test_directory_walk_skips_hidden_and_readme(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text("x", encoding="utf-8")
    (tmp_path / "a.md").write_text("x", encoding="utf-8")
    (tmp_path / "README.md").write_text("x", encoding="utf-8")
    (tmp_path / ".draft.txt").write_text("x", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "c.txt").write_text("x", encoding="utf-8")
    (tmp_path / "table.csv").write_text("x", encoding="utf-8")
    names = [Path(p).name for p in expand_paths([str(tmp_path)])]
    assert names == ["a.md", "b.txt", "c.txt"]


REPORT_TEXT = st.text(
    alphabet=st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5) | st.sampled_from(list("，。、；：“”（）《》"))
    | st.characters(min_codepoint=0x20, max_codepoint=0x7E) | st.sampled_from(["\n", "\u3000"]),
    min_size=1, max_size=300)


@settings(max_examples=300, deadline=None)
@given(REPORT_TEXT)
@example("聽")  # GB18030 C2 A0, which is also UTF-8 for a no-break space
@example("聟说明")  # GB18030 C2 85 …, UTF-8 for U+0085
def test_report_like_text_round_trips_in_every_encoding(text: str) -> None:
    """Every reading comes back, except where GB18030 bytes are also UTF-8 that looks at least as much like a
    report: then the bytes are ambiguous and the documented tie rule (UTF-8 first) decides."""
    from checker.read.encoding import plausibility

    for encoding in ("utf-8", "utf-8-sig", "gb18030", "utf-16"):
        data = text.encode(encoding)
        decoded, _ = decode(data)
        if decoded != text:
            assert encoding == "gb18030", encoding
            assert data.decode("utf-8") == decoded
            assert plausibility(decoded) >= plausibility(text)


def test_ambiguous_short_bytes_go_to_utf8_and_a_longer_text_is_told_apart() -> None:
    """瑕丩 in GB18030 (E8 A6 81 4C) is also 要L in UTF-8; both look like report text, so the tie goes to UTF-8.
    A sentence around it is no longer valid UTF-8 and comes back as written."""
    assert decode("瑕丩".encode("gb18030")) == ("要L", "utf-8")
    sentence = "瑕丩，本年度依法行政工作报告如下。"
    assert decode(sentence.encode("gb18030")) == (sentence, "gb18030")


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=300))
def test_decode_never_crashes(data: bytes) -> None:
    try:
        text, name = decode(data)
    except DecodeFailure:
        return
    assert isinstance(text, str) and codecs.lookup(name)


def test_long_ascii_utf16_without_bom_is_not_taken_for_utf8() -> None:
    text = "Annual report on law-based government, 2024.\n" * 20
    assert decode(text.encode("utf-16-le")) == (text, "utf-16-le")


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
def test_plausibility_counts_what_a_report_is_made_of(text: str) -> None:
    from checker.read.encoding import plausibility

    def made_of(ch: str) -> bool:
        return (ch in "\t\n\r\f\v" or " " <= ch <= "~" or "\u3000" <= ch <= "\u303f" or "\u4e00" <= ch <= "\u9fff"
                or "\uff00" <= ch <= "\uffef" or ch in "“”‘’—…·")

    expected = sum(map(made_of, text)) / len(text) if text else 0.0
    assert plausibility(text) == pytest.approx(expected)


def test_a_stray_control_character_is_text_and_many_are_a_binary_file() -> None:
    """An ESC pasted from a terminal into a short draft is still the draft; a file full of them is not text."""
    draft = "某县人民政府关于2024年法治政府建设情况的报告\n\x1b全年办理行政复议案件23件。\n"
    assert decode(draft.encode("utf-8"))[0] == draft
    with pytest.raises(DecodeFailure, match="控制字符"):
        decode(("报告\x01\x02\x03\x04" * 10).encode("utf-8"), "utf-8")
