"""The records figcheck reasons with: intervals of values, spans of days, places, advice."""

from fractions import Fraction

import pytest

from figcheck.model import INF, DatePoint, DateSpan, Finding, Interval, Location


def closed(low, high) -> Interval:
    return Interval(Fraction(low), Fraction(high))


def test_a_location_shows_its_line_unless_it_is_a_whole_file():
    assert str(Location("ledger/sources/a.yaml", 12)) == "ledger/sources/a.yaml:12"
    assert str(Location("ledger/quantities.yaml", 0)) == "ledger/quantities.yaml"


@pytest.mark.parametrize(
    ("first", "second", "below"),
    [
        (closed(1, 2), closed(3, 4), True),
        (closed(3, 4), closed(1, 2), False),
        (closed(1, 3), closed(2, 4), False),  # overlapping
        (closed(1, 2), closed(2, 3), False),  # both hold 2
        (Interval(1, 2, high_open=True), closed(2, 3), True),  # 2 is not in the first
        (closed(1, 2), Interval(2, 3, low_open=True), True),  # 2 is not in the second
        (Interval(1, 2, low_open=True), closed(2, 3), False),  # the open end is elsewhere
        (closed(1, 2), Interval(2, 3, high_open=True), False),
        (Interval(-INF, 5), Interval(6, INF), True),
    ],
)
def test_an_interval_lies_below_another_when_no_value_of_it_reaches_the_other(first, second, below):
    assert first.lies_below(second) is below
    assert first.overlaps(second) is not (below or second.lies_below(first))


def test_intervals_overlap_in_either_order_or_not_at_all():
    assert closed(1, 3).overlaps(closed(2, 4)) and closed(2, 4).overlaps(closed(1, 3))
    assert closed(1, 2).overlaps(closed(2, 3)) and closed(2, 3).overlaps(closed(1, 2))
    assert not closed(1, 2).overlaps(closed(3, 4))
    assert not closed(3, 4).overlaps(closed(1, 2))
    assert not Interval(2, 3, low_open=True).overlaps(closed(1, 2))


def test_adding_intervals_adds_the_bounds_and_keeps_an_open_side_open():
    total = Interval(1, 2, low_open=True) + Interval(10, 20, high_open=True)
    assert total == Interval(11, 22, True, True)
    assert closed(1, 2) + closed(10, 20) == Interval(11, 22, False, False)
    assert Interval(1, 2, high_open=True) + closed(0, 0) == Interval(1, 2, False, True)
    assert closed(0, 0) + Interval(1, 2, low_open=True) == Interval(1, 2, True, False)


def test_the_hull_holds_both_and_takes_the_openness_of_the_outer_bound():
    assert closed(1, 2).hull(closed(5, 6)) == closed(1, 6)
    assert closed(5, 6).hull(closed(1, 2)) == closed(1, 6)
    assert Interval(1, 2, low_open=True).hull(closed(5, 6)) == Interval(1, 6, True, False)
    assert closed(5, 6).hull(Interval(1, 2, low_open=True)) == Interval(1, 6, True, False)
    assert closed(1, 2).hull(Interval(5, 6, high_open=True)) == Interval(1, 6, False, True)
    assert Interval(5, 6, high_open=True).hull(closed(1, 2)) == Interval(1, 6, False, True)
    # At an equal bound the hull is closed if either side is: the value is in one of them.
    assert Interval(1, 2, True, True).hull(closed(1, 2)) == closed(1, 2)
    assert closed(1, 2).hull(Interval(1, 2, True, True)) == closed(1, 2)
    assert Interval(1, 2, True, True).hull(Interval(1, 2, True, True)) == Interval(1, 2, True, True)


def span(start: int, end: int, points: int = 1) -> DateSpan:
    point = DatePoint("x", start, end, "day")
    return DateSpan("x", start, end, (point,) * points)


def test_a_span_of_two_points_is_an_interval():
    assert span(1, 2, points=2).is_interval
    assert not span(1, 2).is_interval


@pytest.mark.parametrize(
    ("a", "b", "overlap", "gap"),
    [
        ((1, 5), (5, 9), True, 0),
        ((1, 5), (6, 9), False, 1),
        ((6, 9), (1, 5), False, 1),
        ((1, 5), (8, 9), False, 3),
        ((8, 9), (1, 5), False, 3),
        ((1, 9), (3, 4), True, 0),
        ((3, 4), (1, 9), True, 0),
    ],
)
def test_spans_overlap_when_they_share_a_day_and_are_otherwise_days_apart(a, b, overlap, gap):
    first, second = span(*a), span(*b)
    assert first.overlaps(second) is overlap
    assert second.overlaps(first) is overlap
    assert first.gap_days(second) == gap
    assert first.period == a


def finding(**fields) -> Finding:
    return Finding("FC201:0123456789", "FC201", "error", "conflict", "a message", **fields)


def test_advice_for_a_data_error_a_remedy_and_a_divergence():
    assert finding(data_error=True).is_data_error
    assert not finding().is_data_error
    assert finding(data_error=True).advice == "fix the file; data errors cannot be accepted"
    assert finding(data_error=True, remedy="edit it").advice.startswith("fix the file")
    assert finding(remedy="edit the entry").advice == "edit the entry"
    assert finding().advice == (
        "correct the record, or, if the documents really diverge, "
        'figcheck accept FC201:0123456789 --why "..."'
    )
