"""The nearest figure in time, found in O(log n), is exactly what comparing every candidate
finds (the report's notes relied on the comparison, which took n x m steps)."""

from __future__ import annotations

from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from figcheck.model import DatePoint, DateSpan, Figure, Interval, Location
from figcheck.report.nearest import NearestInTime


def at(first: int, length: int, name: str) -> Figure:
    point = DatePoint("x", first, first + length, "day")
    span = DateSpan("x", first, first + length, (point,))
    one = Fraction(1)
    return Figure(
        name,
        name,
        "doc",
        "q",
        1,
        "exact",
        span,
        "A",
        "q",
        Interval(one, one),
        one,
        Location("f", 1),
    )


def brute(figure: Figure, candidates: list[Figure]) -> Figure | None:
    if not candidates:
        return None
    return min(candidates, key=lambda c: (c.as_of.gap_days(figure.as_of), -c.as_of.start))


spans = st.tuples(st.integers(0, 60), st.integers(0, 20))


@settings(max_examples=400, deadline=None)
@given(st.lists(spans, max_size=25), spans)
def test_the_same_answer_as_comparing_every_candidate(candidates, query):
    figures = [at(first, length, f"c{i}") for i, (first, length) in enumerate(candidates)]
    figure = at(*query, "query")
    index = NearestInTime(figures)
    assert index.closest(figure) is brute(figure, figures)
    overlapping = [c for c in figures if c.as_of.overlaps(figure.as_of)]
    assert index.closest_overlapping(figure) is brute(figure, overlapping)


def test_ties_go_to_the_later_start_then_to_the_first_given():
    # Both end 5 days before the query starts; the one that starts later is nearer.
    early, late = at(0, 10, "early"), at(5, 5, "late")
    assert NearestInTime([early, late]).closest(at(15, 1, "q")) is late
    # One before and one after, each 5 days away: the later start wins.
    before, after = at(0, 4, "before"), at(15, 1, "after")
    assert NearestInTime([before, after]).closest(at(9, 1, "q")) is after
    # Two identical spans: the first given.
    one, two = at(3, 2, "one"), at(3, 2, "two")
    assert NearestInTime([one, two]).closest(at(4, 0, "q")) is one
