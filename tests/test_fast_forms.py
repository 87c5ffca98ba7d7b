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


def _pack_patterns() -> list[re.Pattern[str]]:
    """The lexicon's future marker and every substance pattern of every pack: what with_first_chars is used on."""
    from pathlib import Path

    from checker.matchers.substance import Substance
    from checker.packs.loader import load_pack

    def leaves(matcher):
        yield matcher
        for child in getattr(matcher, "children", ()):
            yield from leaves(child)

    found = {}
    for folder in sorted(Path(__file__).resolve().parent.parent.joinpath("rules").glob("*/pack.yaml")):
        pack = load_pack(folder.parent.name)
        found[pack.lexicon.future.pattern] = pack.lexicon.future
        for element in pack.elements:
            for matcher in (element.match, element.weak_if):
                for leaf in leaves(matcher) if matcher is not None else ():
                    if isinstance(leaf, Substance):
                        found[leaf.params["concrete"].pattern] = leaf.params["concrete"]
                        found[leaf.params["formula"].pattern] = leaf.params["formula"]
    return list(found.values())


PACK_PATTERNS = _pack_patterns()
TRICKY = [re.compile(p) for p in (r"(?<!始终)将(?:进一步|继续)|我们将", r"(?:a|)b", r"(?:\d*|x)年", r"(?<=[来去])[^a]",
                                   r"(?:(?:x)?y){1,2}|z+", r"(?!下)\w年", r"[ab]{0}c", r"(?:19|20)\d\d年")]
PATTERN_CHARS = sorted({ch for p in PACK_PATTERNS + TRICKY for ch in p.pattern if ord(ch) > 0x2e7f} |
                       set("0123456789年,;。\n ab xyzc"))


@given(st.sampled_from(PACK_PATTERNS + TRICKY), st.text(alphabet=st.sampled_from(PATTERN_CHARS), max_size=60),
       st.integers(0, 60), st.integers(0, 60))
def test_first_character_lookahead_changes_no_match(pattern: re.Pattern[str], text: str, a: int, b: int) -> None:
    """The same matches, in the whole text and in any window of it (matchers search between a sentence's ends)."""
    from checker.evaluate.firstchars import with_first_chars

    fast = with_first_chars(pattern)
    assert [m.span() for m in fast.finditer(text)] == [m.span() for m in pattern.finditer(text)]
    start, end = min(a, b), max(a, b)
    assert [m.span() for m in fast.finditer(text, start, end)] == [m.span() for m in pattern.finditer(text, start, end)]
    assert fast.groupindex == pattern.groupindex and fast.groups == pattern.groups


def test_the_lookahead_is_put_where_the_engine_has_none() -> None:
    from checker.evaluate.firstchars import with_first_chars

    for slow in (TRICKY[0].pattern, r"(?:a|)b", r"x*y", r"(?<!a)b"):
        assert with_first_chars(re.compile(slow)).pattern.startswith("(?=[")
    for plain in (r"(?:持续|进一步)(?:推进|加强)", r"[一二]年", r"下一步",  # the engine's own first characters
                  r".a", r"(?i)ab", r"a*", r"[^a]b", r"(a)\1"):  # cannot be told
        assert with_first_chars(re.compile(plain)).pattern == plain


FIGURE_CHARS = list("0123456789.第一二三四五六七八九十百千万两零〇数几上近逾余多亿件次人名家元%工作日小时 ,。")


@given(st.sampled_from(["digits", "chinese"]), st.text(alphabet=st.sampled_from(FIGURE_CHARS), max_size=40))
@example("digits", "第3次办理12件，20个工作日内")
@example("chinese", "三十二件、一件事、近十次")
def test_figure_patterns_find_what_their_bodies_find(name: str, text: str) -> None:
    from checker.evaluate.figures import DEFAULT_UNITS

    fast = getattr(DEFAULT_UNITS, name)
    body = re.fullmatch(r"\(\?=\[[^\]]*\]\)\(\?:(.*)\)", fast.pattern, re.S)
    assert body is not None, fast.pattern
    plain = re.compile(body.group(1))
    assert [(m.span(), m.groups()) for m in fast.finditer(text)] == [(m.span(), m.groups()) for m in plain.finditer(text)]


@given(st.text(alphabet=st.sampled_from(list("們這個國會發区县a\n")), max_size=30))
def test_telltale_characters_are_counted_as_by_a_set(text: str) -> None:
    from checker.simplified import TELLTALE, TELLTALE_CHAR

    assert set(TELLTALE_CHAR.findall(text)) == TELLTALE.intersection(text)


@given(st.text(alphabet=st.sampled_from(list("此处填写待补充数据不已TODOBa ")), max_size=30))
def test_placeholder_lookahead_changes_no_match(text: str) -> None:
    from checker.checks.placeholder import PATTERNS

    fast = PATTERNS[-1][0]
    body = re.compile(re.fullmatch(r"\(\?=\[[^\]]*\]\)\(\?:(.*)\)", fast.pattern).group(1))
    assert [m.span() for m in fast.finditer(text)] == [m.span() for m in body.finditer(text)]
