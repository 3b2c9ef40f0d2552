from fractions import Fraction

import pytest

from figcheck.model import INF, Interval
from figcheck.rules.fc205_change_against_levels import implied_change
from tests.builders import figure, findings_of, pairs, quantity, write_documents_ledger


def change_findings(tmp_path, figures, level_kind="flow"):
    quantities = {
        "victims": quantity(level_kind),
        "victims-change": quantity("change", unit="percent", of="victims"),
    }
    return findings_of(write_documents_ledger(tmp_path, quantities, {"doc": figures}), "FC205")


def test_exact_decline_with_exact_arithmetic(tmp_path):
    # 540 against 1,000 is exactly -46%, not -46.00000000000001%.
    assert not change_findings(
        tmp_path,
        [
            figure("y2013", "victims", 1000, "2013"),
            figure("y2014", "victims", 540, "2014"),
            figure("change", "victims-change", -46, "2013/2014"),
        ],
    )


def test_decimal_levels_are_exact_too(tmp_path):
    # 0.3 against 0.1 is +200%; binary floats would make it 199.99999999999997.
    assert not change_findings(
        tmp_path,
        [
            figure("a", "victims", 0.1, "2013"),
            figure("b", "victims", 0.3, "2014"),
            figure("change", "victims-change", 200, "2013/2014"),
        ],
    )


def test_change_the_levels_do_not_bear_out(tmp_path):
    found = change_findings(
        tmp_path,
        [
            figure("y2013", "victims", 1000, "2013"),
            figure("y2014", "victims", 600, "2014"),
            figure("change", "victims-change", -46, "2013/2014"),
        ],
    )
    assert pairs(found) == {frozenset({"y2013", "y2014", "change"})}
    assert "-40" in found[0].message


def test_hedged_levels_widen_the_implied_change(tmp_path):
    # about 1,000 and about 600: (540/1100 - 1) to (660/900 - 1) = -50.9% to -26.7%.
    assert not change_findings(
        tmp_path,
        [
            figure("y2013", "victims", 1000, "2013", approx="about"),
            figure("y2014", "victims", 600, "2014", approx="about"),
            figure("change", "victims-change", -46, "2013/2014"),
        ],
    )


def test_hedged_change(tmp_path):
    # "over 40%" down means (-inf, -40): -46 from 1000 to 540 fits it.
    assert not change_findings(
        tmp_path,
        [
            figure("y2013", "victims", 1000, "2013"),
            figure("y2014", "victims", 540, "2014"),
            figure("change", "victims-change", -40, "2013/2014", approx="over"),
        ],
    )


def test_no_levels_no_finding(tmp_path):
    assert not change_findings(
        tmp_path,
        [
            figure("change", "victims-change", -46, "2013/2014"),
            figure("y2014", "victims", 540, "2014"),
        ],
    )


def test_flow_levels_must_cover_exactly_the_period(tmp_path):
    assert not change_findings(
        tmp_path,
        [
            figure("h2013", "victims", 1000, "2013-01/2013-06"),
            figure("y2014", "victims", 600, "2014"),
            figure("change", "victims-change", -46, "2013/2014"),
        ],
    )


def test_stock_levels_within_the_periods(tmp_path):
    found = change_findings(
        tmp_path,
        [
            figure("mid2013", "victims", 1000, "2013-06-30"),
            figure("mid2014", "victims", 600, "2014-06-30"),
            figure("change", "victims-change", -46, "2013/2014"),
        ],
        level_kind="stock",
    )
    assert pairs(found) == {frozenset({"mid2013", "mid2014", "change"})}


def test_several_levels_for_a_period_count_together(tmp_path):
    # 600 or 540 in 2014: the widest reading, [540, 600], holds -46%.
    assert not change_findings(
        tmp_path,
        [
            figure("y2013", "victims", 1000, "2013"),
            figure("y2014", "victims", 600, "2014"),
            figure("y2014-b", "victims", 540, "2014", said_by="Other"),
            figure("change", "victims-change", -46, "2013/2014"),
        ],
    )


def test_an_open_bound_of_the_implied_change_excludes_its_end(tmp_path):
    # Under 1,000 in 2013 and 540 in 2014 imply a change above -46% (the level fell from less
    # than 1,000), so exactly -46% does not fit, while at most 1,000 allows it.
    figures = [
        figure("y2013", "victims", 1000, "2013", approx="under"),
        figure("y2014", "victims", 540, "2014"),
        figure("change", "victims-change", -46, "2013/2014"),
    ]
    assert pairs(change_findings(tmp_path, figures)) == {frozenset({"y2013", "y2014", "change"})}
    figures[0] = figure("y2013", "victims", 1000, "2013", approx="at-most")
    assert not change_findings(tmp_path / "2", figures)


def closed(low, high):
    return Interval(Fraction(low), Fraction(high))


@pytest.mark.parametrize(
    ("before", "after", "implied"),
    [
        (closed(100, 100), closed(50, 50), closed(-50, -50)),
        (closed(1, 1), closed(2, 2), closed(100, 100)),
        (closed(10, 10), closed(0, 0), closed(-100, -100)),  # down to nothing: -100%
        # over 10 before: the change starts just above -100%, and ends below -50%.
        (Interval(10, INF, low_open=True), closed(5, 5), Interval(-100, -50, True, True)),
        # at least 5 after: no upper end, and an open one.
        (closed(10, 10), Interval(5, INF), Interval(-50, INF, False, True)),
        # under 20 after: the change ends just below +100%.
        (closed(10, 10), Interval(0, 20, high_open=True), Interval(-100, 100, False, True)),
        # more than 10 and up to 20 before, 20 after: from 0% up to just below +100%.
        (Interval(10, 20, low_open=True), closed(20, 20), Interval(0, 100, False, True)),
        # A level that may have been 0 or less: no percent change.
        (closed(0, 0), closed(5, 5), None),
        (closed(-10, -5), closed(5, 5), None),
        (closed(10, 10), closed(-5, -5), None),
        (closed(0, 10), closed(5, 5), Interval(-50, INF, False, True)),
    ],
)
def test_the_implied_change_between_two_levels(before, after, implied):
    assert implied_change(before, after) == implied


def test_a_change_of_nothing_recorded_is_not_checked(tmp_path):
    quantities = {"change": quantity("change", unit="percent")}
    figures = [figure("c", "change", -46, "2013/2014")]
    assert not findings_of(write_documents_ledger(tmp_path, quantities, {"doc": figures}), "FC205")


def test_stock_levels_are_those_within_each_period_exactly(tmp_path):
    # 2012's 500 is not a level of 2013, while 2013's 100, ending on its last day, is.
    found = change_findings(
        tmp_path,
        [
            figure("y2012", "victims", 500, "2012"),
            figure("y2013", "victims", 100, "2013"),
            figure("y2014", "victims", 50, "2014"),
            figure("change", "victims-change", -80, "2013/2014"),
        ],
        level_kind="stock",
    )
    assert pairs(found) == {frozenset({"y2013", "y2014", "change"})}


def test_each_change_figure_is_checked_after_those_that_fit_or_have_no_levels(tmp_path):
    found = change_findings(
        tmp_path,
        [
            figure("y2013", "victims", 100, "2013"),
            figure("y2014", "victims", 50, "2014"),
            figure("y2015", "victims", 40, "2015"),
            figure("no-levels", "victims-change", -10, "2011/2012"),
            figure("fits", "victims-change", -50, "2013/2014"),
            figure("does-not-fit", "victims-change", -80, "2014/2015"),
        ],
    )
    assert pairs(found) == {frozenset({"y2014", "y2015", "does-not-fit"})}
    assert found[0].quantity == "victims-change"


def test_a_change_is_checked_after_one_whose_level_has_no_figures(tmp_path):
    quantities = {
        "all": quantity("flow", parts=["north"]),
        "all-change": quantity("change", unit="percent", of="all"),
        "north": quantity("flow"),
        "north-change": quantity("change", unit="percent", of="north"),
    }
    figures = [
        figure("all-change", "all-change", -10, "2013/2014"),
        figure("y2013", "north", 100, "2013"),
        figure("y2014", "north", 50, "2014"),
        figure("north-change", "north-change", -80, "2013/2014"),
    ]
    found = findings_of(write_documents_ledger(tmp_path, quantities, {"doc": figures}), "FC205")
    assert pairs(found) == {frozenset({"y2013", "y2014", "north-change"})}


def test_the_message_gives_every_level_and_the_implied_change(tmp_path):
    (found,) = change_findings(
        tmp_path,
        [
            figure("y2013", "victims", 1000, "2013", said_by="ICG"),
            figure("y2014", "victims", 600, "2014", said_by="ICG"),
            figure("y2014-b", "victims", 700, "2014", said_by="Other"),
            figure("change", "victims-change", -46, "2013/2014", said_by="ICG"),
        ],
    )
    assert found.message == (
        "-46% (2013 to 2014, ICG, in doc) does not fit the levels of victims: "
        "1,000 (2013, ICG, in doc) "
        "and then 600 (2014, ICG, in doc) or 700 (2014, Other, in doc) imply a change of "
        "[-40, -30]%, which [-46, -46] does not overlap"
    )
