"""Covering answers exactly what a scan over its spans would, for overlapping and nested spans too."""

from hypothesis import given
from hypothesis import strategies as st

from checker.checks.base import Covering
from checker.model import Span

spans = st.lists(st.tuples(st.integers(0, 60), st.integers(0, 20)).map(lambda p: Span(p[0], p[0] + p[1])),
                 max_size=12)


@given(spans, st.integers(-2, 85))
def test_holds_is_a_scan_over_the_spans(given_spans: list[Span], offset: int) -> None:
    assert Covering(given_spans).holds(offset) == any(s.start <= offset < s.end for s in given_spans)


@given(spans, st.integers(0, 80), st.integers(0, 10))
def test_contains_is_a_scan_over_the_spans(given_spans: list[Span], start: int, length: int) -> None:
    span = Span(start, start + length)
    assert Covering(given_spans).contains(span) == any(s.contains(span) for s in given_spans)


def test_nothing_covers_anything_when_there_are_no_spans() -> None:
    assert not Covering([]).holds(0) and not Covering([]).contains(Span(0, 0))


@given(spans, st.integers(0, 80), st.integers(0, 10))
def test_overlaps_is_a_scan_over_the_spans(given_spans: list[Span], start: int, length: int) -> None:
    span = Span(start, start + length)
    assert Covering(given_spans).overlaps(span) == any(s.start < span.end and span.start < s.end for s in given_spans)
