"""Patterns rewritten to be found faster must find what their plain forms found: each plain form is kept here as the
definition, and the fast one is held to it on texts made of the characters that decide."""

from __future__ import annotations

import re

from hypothesis import example, given
from hypothesis import strategies as st

from checker.evaluate.surround import _tidy
from checker.normalise import HAN, NUMBER_SPACE
from checker.structure.genre import NEWS

PLAIN_NUMBER_SPACE = re.compile(rf"(?:(?<=[{HAN},、(])|(?<=[{HAN}] )|^)\d+(?:\.\d+)?%?( )(?=[{HAN}])"
                                rf"|(?<=[{HAN}])( )(?=\d+(?:\.\d+)?%? [{HAN}])", re.M)
PLAIN_NEWS_CREDIT = re.compile(r"[\u4e00-\u9fff]{1,4}网?讯\s*记者")
FAST_NEWS_CREDIT = re.compile(r"(?<=[\u4e00-\u9fff])讯\s*记者")
BLANK_LINES = re.compile(r"[ \t\u3000]*\r?\n(?:[ \t\u3000]*\r?\n)+")


@given(st.text(alphabet=st.sampled_from(list("12３.%件共县 \n,、(a")), max_size=60))
@example("共 12 件，某县 2025年")
@example("10 个\n 3 件")
def test_number_space_lookahead_changes_no_match(text: str) -> None:
    assert [(m.span(), m.span(1), m.span(2)) for m in NUMBER_SPACE.finditer(text)] == \
        [(m.span(), m.span(1), m.span(2)) for m in PLAIN_NUMBER_SPACE.finditer(text)]


@given(st.text(alphabet=st.sampled_from(list("某市网讯记者 \n,a")), max_size=30))
@example("某某网讯 记者")
@example("讯记者")
def test_news_credit_matches_where_its_plain_form_does(text: str) -> None:
    assert bool(FAST_NEWS_CREDIT.search(text)) == bool(PLAIN_NEWS_CREDIT.search(text))
    assert FAST_NEWS_CREDIT.pattern in NEWS.pattern and PLAIN_NEWS_CREDIT.pattern not in NEWS.pattern


@given(st.text(alphabet=st.sampled_from(list(" \t\u3000\r\na文")), max_size=30))
@example("a \n\u3000\r\n\nb")
def test_tidy_equals_the_plain_substitution(text: str) -> None:
    assert _tidy(text) == BLANK_LINES.sub("\n", text).replace("\r", "")


def plain_exception_at(text: str, start: int, end: int, exceptions: tuple[str, ...]) -> str | None:
    """The first phrase with an occurrence in text that holds text[start:end]: each phrase searched for around it."""
    for phrase in exceptions:
        lo = max(0, end - len(phrase))
        at = text.find(phrase, lo, start + len(phrase))
        while at != -1 and at <= start:
            if at + len(phrase) >= end:
                return phrase
            at = text.find(phrase, at + 1, start + len(phrase))
    return None


WORDS = st.text(alphabet="副县长办公会", min_size=1, max_size=5)


@given(st.text(alphabet="副县长办公会市", min_size=1, max_size=40), st.lists(WORDS, max_size=5), st.data())
@example("副县长办公会", ["县长办公会", "副县长"], None)
def test_exception_at_finds_what_a_search_around_the_hit_finds(text: str, phrases: list[str], data) -> None:
    """A hit is a piece of the text (start < end <= len(text))."""
    from checker.evaluate.context import DocContext

    ctx = DocContext.__new__(DocContext)
    ctx.text = text
    if data is None:
        start, end = 1, 3
    else:
        start = data.draw(st.integers(0, len(text) - 1))
        end = data.draw(st.integers(start + 1, len(text)))
    assert ctx.exception_at(start, end, tuple(phrases)) == plain_exception_at(text, start, end, tuple(phrases))
