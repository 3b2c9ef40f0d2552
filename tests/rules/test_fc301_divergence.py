import math
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from figcheck.rules.fc301_divergence import agreeing
from tests.builders import figure, findings_of, pairs, quantity, write_documents_ledger


def divergences(tmp_path, figures, kind="stock", config=None):
    root = write_documents_ledger(tmp_path, {"q": quantity(kind)}, {"doc": figures}, config=config)
    return findings_of(root, "FC301")


def test_figures_that_agree_within_the_threshold(tmp_path):
    # 2,719 and 2,900 differ by 6%.
    assert not divergences(
        tmp_path,
        [
            figure("a", "q", 2719, "2015-11-19"),
            figure("b", "q", 2900, "2015-12"),
        ],
    )


def test_figures_that_can_both_hold_but_differ_widely(tmp_path):
    # About 2,000 reaches 2,200 at most: 24% below 2,900, within the year.
    found = divergences(
        tmp_path,
        [
            figure("a", "q", 2000, "2015-01", approx="about"),
            figure("b", "q", 2900, "2015-12"),
        ],
    )
    assert pairs(found) == {frozenset({"a", "b"})}
    assert found[0].severity == "warning"
    assert "24%" in found[0].message


def test_the_threshold_is_relative_to_the_larger_value(tmp_path):
    # 85 against 100 is exactly 15%: not more than the threshold.
    assert not divergences(
        tmp_path,
        [
            figure("a", "q", 85, "2015-01-01"),
            figure("b", "q", 100, "2015-02-01"),
        ],
    )
    found = divergences(
        tmp_path / "2",
        [
            figure("a", "q", 84, "2015-01-01"),
            figure("b", "q", 100, "2015-02-01"),
        ],
    )
    assert pairs(found) == {frozenset({"a", "b"})}


def test_message_gives_the_change_per_month(tmp_path):
    (found,) = divergences(
        tmp_path,
        [
            figure("a", "q", 1000, "2015-01-01"),
            figure("b", "q", 1600, "2016-01-01"),
        ],
    )
    assert "from 1,000 to 1,600 in 12 months, +50 a month" in found.message


def test_figures_further_apart_than_the_window(tmp_path):
    # 31 Dec 2013 to 1 Jan 2015 is 366 days: within the default window; a day more is not.
    within = [figure("a", "q", 1000, "2013"), figure("b", "q", 2000, "2015")]
    assert pairs(divergences(tmp_path, within)) == {frozenset({"a", "b"})}
    beyond = [figure("a", "q", 1000, "2013-12-30"), figure("b", "q", 2000, "2015")]
    assert not divergences(tmp_path / "2", beyond)


def test_window_and_threshold_come_from_figcheck_yaml(tmp_path):
    figures = [figure("a", "q", 1000, "2012"), figure("b", "q", 2000, "2015")]
    wide = {"rules": {"FC301": {"window_days": 800}}}
    assert pairs(divergences(tmp_path, figures, config=wide)) == {frozenset({"a", "b"})}
    lenient = {"rules": {"FC301": {"window_days": 800, "threshold": 0.6}}}
    assert not divergences(tmp_path / "2", figures, config=lenient)


def test_conflicts_are_not_repeated_as_divergences(tmp_path):
    assert not divergences(
        tmp_path,
        [
            figure("a", "q", 1000, "2015"),
            figure("b", "q", 2000, "2015-06"),
        ],
    )


def test_decreases_are_not_repeated_as_divergences(tmp_path):
    assert not divergences(
        tmp_path,
        [
            figure("a", "q", 2000, "2015-01"),
            figure("b", "q", 1000, "2015-06"),
        ],
        kind="cumulative",
    )


def test_with_the_conflict_rules_off_the_divergence_is_reported(tmp_path):
    # FC301 yields a pair to FC201 and FC202 only while they are on to report it.
    off = {"rules": {"FC201": {"severity": "off"}, "FC202": {"severity": "off"}}}
    conflict = [figure("a", "q", 1000, "2015"), figure("b", "q", 2000, "2015-06")]
    assert pairs(divergences(tmp_path, conflict, config=off)) == {frozenset({"a", "b"})}
    decrease = [figure("a", "q", 2000, "2015-01"), figure("b", "q", 1000, "2015-06")]
    found = divergences(tmp_path / "2", decrease, kind="cumulative", config=off)
    assert pairs(found) == {frozenset({"a", "b"})}


def test_flows_of_different_periods_are_different_measurements(tmp_path):
    assert not divergences(
        tmp_path,
        [
            figure("a", "q", 1000, "2014"),
            figure("b", "q", 2000, "2015"),
        ],
        kind="flow",
    )


def test_rule_can_be_turned_off(tmp_path):
    figures = [figure("a", "q", 2000, "2015-01"), figure("b", "q", 2900, "2015-12")]
    assert divergences(tmp_path, figures)
    off = {"rules": {"FC301": {"severity": "off"}}}
    assert not divergences(tmp_path / "2", figures, config=off)


@settings(max_examples=300, deadline=None)
@given(
    st.integers(-10_000, 10_000),
    st.fractions(min_value=0, max_value=Fraction(99, 100), max_denominator=100),
)
def test_agreeing_keys_are_exactly_the_values_within_the_threshold(value, threshold):
    low, high = agreeing(value, threshold)
    for other in range(value - 3 * abs(value) - 2, value + 3 * abs(value) + 3):
        within = abs(other - value) <= threshold * max(abs(other), abs(value))
        assert (low <= other <= high) is within, (other, low, high)


def test_a_gap_just_above_the_threshold_is_not_rounded_down_to_it(tmp_path):
    # 3,570 against 4,210 differ by 15.2%: "differ by 15%, more than the 15%" would read wrong.
    (found,) = divergences(
        tmp_path,
        [
            figure("a", "q", 3570, "2015-01-01"),
            figure("b", "q", 4210, "2015-02-01"),
        ],
    )
    assert "differ by 15.2%, more than the 15% that" in found.message
    assert "in 1 month," in found.message


def test_enormous_values_are_described_exactly(tmp_path):
    (found,) = divergences(
        tmp_path,
        [
            figure("a", "q", 10**400, "2015-01-01"),
            figure("b", "q", 2 * 10**400, "2016-01-01"),
        ],
    )
    assert "differ by 50%" in found.message and " a month" in found.message


def test_the_agreement_ends_exactly_at_the_threshold_above_a_later_figure(tmp_path):
    # A later 85 agrees with an earlier 100 (15% less), not with 101 (15.8% less).
    agreeing_pair = [
        figure("a", "q", 100, "2015-01-01"),
        figure("b", "q", 85, "2015-02-01"),
    ]
    assert not divergences(tmp_path, agreeing_pair)
    diverging = [
        figure("a", "q", 101, "2015-01-01"),
        figure("b", "q", 85, "2015-02-01"),
    ]
    assert pairs(divergences(tmp_path / "2", diverging)) == {frozenset({"a", "b"})}


def test_figures_of_one_time_are_named_in_ledger_order(tmp_path):
    (found,) = divergences(
        tmp_path,
        [
            figure("a", "q", 2000, "2015-01-10", said_by="Ministry"),
            figure("b", "q", 2900, "2015-01-20", said_by="FSB"),
        ],
    )
    assert found.quantity == "q"
    assert found.message == (
        "2,000 (10 Jan 2015, Ministry, in doc) and 2,900 (20 Jan 2015, FSB, in doc) differ by "
        "31%, more than the 15% that rounding explains; they describe about the same time"
    )


def test_a_gap_is_given_to_two_places_where_one_would_round_it_to_the_threshold(tmp_path):
    (found,) = divergences(
        tmp_path,
        [
            figure("a", "q", 10000, "2015-01-01", said_by="Ministry"),
            figure("b", "q", 8496, "2015-02-01", said_by="FSB"),
        ],
    )
    assert found.message == (
        "10,000 (1 Jan 2015, Ministry, in doc) and 8,496 (1 Feb 2015, FSB, in doc) differ by "
        "15.04%, more than the 15% that rounding explains; if both hold, q went "
        "from 10,000 to 8,496 in 1 month, -1,477 a month"
    )


def test_a_rate_below_ten_a_month_has_one_decimal(tmp_path):
    (found,) = divergences(
        tmp_path,
        [figure("a", "q", 100, "2013-01-01"), figure("b", "q", 120, "2015-01-01")],
        config={"rules": {"FC301": {"window_days": 1000}}},
    )
    assert found.message.endswith("q went from 100 to 120 in 24 months, +0.8 a month")


def test_a_rate_of_exactly_ten_a_month_is_whole(tmp_path):
    # From 1 Jan to the middle of 1-2 Sep is 243.5 days, exactly 8 months of 30.4375 days.
    (found,) = divergences(
        tmp_path,
        [figure("a", "q", 400, "2015-01-01"), figure("b", "q", 480, "2015-09-01/2015-09-02")],
    )
    assert found.message.endswith("q went from 400 to 480 in 8 months, +10 a month")


@pytest.mark.parametrize("key", [10**400, -(10**400), 3 * 10**20 + 7, -(3 * 10**20 + 7)])
def test_agreeing_keys_of_enormous_values_are_exact(key):
    threshold = Fraction(15, 100)
    low, high = agreeing(key, threshold)
    if key > 0:  # u agrees with v > 0 when v(1 - t) <= u <= v / (1 - t)
        assert (low, high) == (math.ceil(key * (1 - threshold)), math.floor(key / (1 - threshold)))
    else:
        assert (low, high) == (math.ceil(key / (1 - threshold)), math.floor(key * (1 - threshold)))
