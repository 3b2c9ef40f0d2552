"""Hedged values as exact intervals, and how they are written for a reader."""

from fractions import Fraction

import pytest

from figcheck import values
from figcheck.model import INF, Interval


@pytest.mark.parametrize(
    ("value", "approx", "expected"),
    [
        (2719, "exact", Interval(2719, 2719)),
        (2200, "about", Interval(1980, 2420)),
        (500, "nearly", Interval(450, 500)),
        (2000, "over", Interval(2000, INF, low_open=True)),
        (2000, "at-least", Interval(2000, INF)),
        (100, "under", Interval(0, 100, high_open=True)),
        (100, "at-most", Interval(0, 100)),
        ((200, 999), "range", Interval(200, 999)),
        (2.9, "exact", Interval(Fraction(29, 10), Fraction(29, 10))),
        # Negative values (percent changes): the hedge applies to the magnitude.
        (-46, "about", Interval(Fraction(-506, 10), Fraction(-414, 10))),
        (-46, "nearly", Interval(-46, Fraction(-414, 10))),
        (-40, "over", Interval(-INF, -40, high_open=True)),
        (-40, "under", Interval(-40, 0, low_open=True)),
        ((-10, 5), "range", Interval(-10, 5)),
    ],
)
def test_intervals(value, approx, expected):
    assert values.interval(value, approx) == expected


def test_tolerances_are_exact_rationals():
    interval = values.interval(2.9, "about")
    assert interval.low == Fraction(261, 100) and interval.high == Fraction(319, 100)
    assert values.interval(2200, "about", about=Fraction(1, 4)) == Interval(1650, 2750)


def test_overlap_respects_open_bounds():
    closed = Interval(Fraction(0), Fraction(10))
    assert closed.overlaps(Interval(Fraction(10), Fraction(20)))
    assert not closed.overlaps(Interval(Fraction(10), INF, low_open=True))
    assert Interval(Fraction(10), INF, low_open=True).lies_below(Interval(INF, INF)) is False


def test_hull_keeps_the_wider_side_and_its_openness():
    a = Interval(Fraction(1), Fraction(5), low_open=True)
    b = Interval(Fraction(1), Fraction(7), high_open=True)
    # b holds 1, so the hull is closed there; only b reaches 7, so it stays open there.
    assert a.hull(b) == Interval(Fraction(1), Fraction(7), high_open=True)
    c = Interval(Fraction(1), Fraction(7), low_open=True)
    assert a.hull(c) == Interval(Fraction(1), Fraction(7), low_open=True)


@pytest.mark.parametrize(
    ("value", "approx", "unit", "words"),
    [
        (2719, "exact", "people", "2,719"),
        (2200, "about", "people", "about 2,200"),
        (2000, "over", "people", "over 2,000"),
        (-46, "exact", "percent", "-46%"),
        ((200, 999), "range", "people", "200 to 999"),
        (2.5, "at-most", "people", "at most 2.5"),
    ],
)
def test_as_written(value, approx, unit, words):
    assert values.as_written(value, approx, unit) == words


@pytest.mark.parametrize(
    ("interval", "text"),
    [
        (Interval(Fraction(1980), Fraction(2420)), "[1980, 2420]"),
        (Interval(Fraction(2000), INF, low_open=True), "(2000, ∞)"),
        (Interval(Fraction(0), Fraction(100), high_open=True), "[0, 100)"),
        (Interval(Fraction(24471, 10), Fraction(2719)), "[2447.1, 2719]"),
        (Interval(Fraction(1, 3), Fraction(1)), "[≈0.333, 1]"),
        (Interval(Fraction(1, 10**7), Fraction(10, 3)), "[0.0000001, ≈3.33]"),
    ],
)
def test_interval_described(interval, text):
    assert values.describe_interval(interval) == text


@pytest.mark.parametrize(
    ("value", "places", "text"),
    [
        (Fraction(2, 3), 2, "0.67"),
        (Fraction(-1, 8), 1, "-0.1"),
        (Fraction(1234567, 2), 0, "617,284"),
        (Fraction(10**40, 3), 0, f"{10**40 // 3:,}"),
        (Fraction(10**400, 3), 0, "≈3.333e+399"),
        (Fraction(3, 10), 0, "0"),
    ],
)
def test_exact_rounding_for_messages(value, places, text):
    from figcheck.wording import rounded

    assert rounded(value, places) == text


def test_numbers_too_large_to_write_out():
    from figcheck.wording import number

    assert number(10**400) == "≈1.000e+400"
    assert number(Fraction(10**400, 3)) == "≈3.333e+399"
    assert number(10**59) == f"{10**59:,}"


@pytest.mark.parametrize(
    ("value", "approx", "expected"),
    [
        (0, "over", Interval(0, INF, low_open=True)),
        (0, "exact", Interval(0, 0)),
        (0.5, "about", Interval(Fraction(45, 100), Fraction(55, 100))),
        (0.5, "under", Interval(0, Fraction(1, 2), high_open=True)),
    ],
)
def test_intervals_of_zero_and_of_values_below_one(value, approx, expected):
    assert values.interval(value, approx) == expected


def test_the_tolerances_given_apply_to_negative_values_too():
    about = values.interval(-46, "about", about=Fraction(1, 4), nearly=Fraction(1, 2))
    assert about == Interval(Fraction(-115, 2), Fraction(-69, 2))
    nearly = values.interval(-50, "nearly", about=Fraction(1, 2), nearly=Fraction(1, 5))
    assert nearly == Interval(-50, -40)


def test_an_unknown_hedge_is_refused_by_name():
    with pytest.raises(ValueError, match="unknown approx 'roughly'"):
        values.interval(5, "roughly")


@pytest.mark.parametrize(
    ("value", "stated"),
    [(2719, 2719), (2.9, Fraction(29, 10)), ((100, 200), 150), ((1, 2), Fraction(3, 2))],
)
def test_a_figure_states_its_value_or_the_middle_of_its_range(value, stated):
    assert values.stated(value) == stated


@pytest.mark.parametrize(
    ("value", "approx", "unit", "words"),
    [
        (46, "exact", "%", "46%"),
        (2000, "range", "people", "2,000"),  # a hedge without a word adds none
        (2000, "exact", "", "2,000"),
    ],
)
def test_as_written_with_a_percent_sign_or_no_hedge_word(value, approx, unit, words):
    assert values.as_written(value, approx, unit) == words


def test_an_interval_without_a_lower_end_is_open_there():
    assert values.describe_interval(Interval(-INF, -40, high_open=True)) == "(-∞, -40)"
    assert values.describe_interval(Interval(-INF, -40)) == "(-∞, -40]"
