"""The sweeps' first pass, which stops a sweep when no pair can exist, never stops one that
has a pair: every pair of small intervals, open or closed at each end, touching or not, at
overlapping and at successive dates, is found as a comparison of all pairs finds it."""

from fractions import Fraction
from itertools import product

import pytest

from figcheck import sweep
from figcheck.model import INF
from tests.test_sweep import ids, make_figure, one_way

BOUNDS = [Fraction(1), Fraction(2), Fraction(3)]


def intervals():
    """Every interval over a few values, with each end open or closed where that means
    something, and unbounded above."""
    for low, high in product(BOUNDS, [*BOUNDS, INF]):
        if high < low:
            continue
        for low_open, high_open in product((False, True), repeat=2):
            if (low_open or high_open) and low == high:
                continue
            if high == INF and not high_open:
                continue
            yield low, high, low_open, high_open


PAIRS = list(product(intervals(), intervals()))


@pytest.mark.parametrize(("first_days", "second_days"), [((0, 2), (1, 3)), ((0, 0), (1, 1))])
def test_every_pair_of_two_figures_is_found(first_days, second_days):
    for a, b in PAIRS:
        first = make_figure(1, *a, *first_days)
        second = make_figure(2, *b, *second_days)
        figs = sweep.by_date([first, second])
        expected_disjoint = [
            (x, y)
            for i, x in enumerate(figs)
            for y in figs[i + 1 :]
            if x.as_of.overlaps(y.as_of) and not x.interval.overlaps(y.interval)
        ]
        found = list(sweep.disjoint_at_overlapping_dates(figs))
        assert ids(found) == ids(expected_disjoint), (a, b)
        expected_higher = [
            (x, y)
            for x in figs
            for y in figs
            if y.as_of.start > x.as_of.end and y.interval.lies_below(x.interval)
        ]
        assert one_way(sweep.higher_before(figs)) == one_way(expected_higher), (a, b)


def test_figures_that_agree_need_no_index():
    # A running total that grows: no pair at all, and the first pass says so.
    figs = [make_figure(n, Fraction(n), Fraction(n + 1), False, False, n, n) for n in range(50)]
    keys = sweep.Keys(figs)
    assert not sweep._may_be_disjoint(figs, keys)
    assert not sweep._may_be_higher_before(figs, keys)
    assert list(sweep.disjoint_at_overlapping_dates(figs)) == []
    assert list(sweep.higher_before(figs)) == []
