import pytest

from tests.builders import figure, findings_of, pairs, quantity, write_documents_ledger


def subset_findings(tmp_path, superset_kind, figures, subset_kind=None):
    quantities = {
        "russia": quantity(superset_kind),
        "chechnya": quantity(subset_kind or superset_kind, subset_of=["russia"]),
    }
    return pairs(
        findings_of(write_documents_ledger(tmp_path, quantities, {"doc": figures}), "FC204")
    )


def test_subset_within_superset(tmp_path):
    assert not subset_findings(
        tmp_path,
        "cumulative",
        [
            figure("chechnya", "chechnya", 405, "2015-06"),
            figure("russia", "russia", 2719, "2015-11-19"),
        ],
    )


def test_subset_above_superset_at_an_overlapping_date(tmp_path):
    found = subset_findings(
        tmp_path,
        "stock",
        [
            figure("chechnya", "chechnya", 405, "2015"),
            figure("russia", "russia", 300, "2015-06"),
        ],
    )
    assert found == {frozenset({"chechnya", "russia"})}


def test_cumulative_superset_counted_later_still_bounds_the_subset(tmp_path):
    found = subset_findings(
        tmp_path,
        "cumulative",
        [
            figure("chechnya", "chechnya", 405, "2015-06"),
            figure("russia", "russia", 300, "2015-11-19"),
        ],
    )
    assert found == {frozenset({"chechnya", "russia"})}


def test_cumulative_superset_counted_earlier_does_not(tmp_path):
    assert not subset_findings(
        tmp_path,
        "cumulative",
        [
            figure("russia", "russia", 300, "2014"),
            figure("chechnya", "chechnya", 405, "2015-06"),
        ],
    )


def test_stock_superset_counted_later_does_not_bound(tmp_path):
    assert not subset_findings(
        tmp_path,
        "stock",
        [
            figure("chechnya", "chechnya", 405, "2015-06"),
            figure("russia", "russia", 300, "2015-11-19"),
        ],
    )


@pytest.mark.parametrize(
    ("approx", "exceeds"), [(None, False), ("over", True), ("at-least", False)]
)
def test_equal_bounds(tmp_path, approx, exceeds):
    found = subset_findings(
        tmp_path,
        "stock",
        [
            figure("chechnya", "chechnya", 405, "2015", approx=approx),
            figure("russia", "russia", 405, "2015"),
        ],
    )
    assert bool(found) is exceeds


def test_flow_superset_compares_identical_periods(tmp_path):
    found = subset_findings(
        tmp_path,
        "flow",
        [
            figure("chechnya-year", "chechnya", 50, "2014"),
            figure("chechnya-half", "chechnya", 50, "2014-01/2014-06"),
            figure("russia", "russia", 40, "2014"),
        ],
    )
    assert found == {frozenset({"chechnya-year", "russia"})}


def test_every_exceeding_pair_is_reported(tmp_path):
    found = subset_findings(
        tmp_path,
        "cumulative",
        [
            figure("c1", "chechnya", 405, "2015-06"),
            figure("c2", "chechnya", 500, "2015-09"),
            figure("r1", "russia", 450, "2015-10"),
            figure("r2", "russia", 2719, "2015-11-19"),
        ],
    )
    assert found == {frozenset({"c2", "r1"})}


def test_change_subsets_compare_only_the_same_two_periods(tmp_path):
    # 2013/2014 (two years) and 2013-01/2014-12 (two months) span the same days.
    quantities = {
        "russia": quantity("change", unit="percent"),
        "chechnya": quantity("change", unit="percent", subset_of=["russia"]),
    }
    figures = [
        figure("chechnya-years", "chechnya", 200, "2013/2014"),
        figure("chechnya-months", "chechnya", 10, "2013-01/2014-12"),
        figure("russia-years", "russia", 300, "2013/2014"),
        figure("russia-months", "russia", 5, "2013-01/2014-12"),
    ]
    root = write_documents_ledger(tmp_path, quantities, {"doc": figures})
    assert pairs(findings_of(root, "FC204")) == {frozenset({"chechnya-months", "russia-months"})}


def test_the_finding_says_when_the_superset_was_counted_later(tmp_path):
    quantities = {
        "russia": quantity("cumulative"),
        "chechnya": quantity("cumulative", subset_of=["russia"]),
    }
    later = [
        figure("chechnya", "chechnya", 405, "2015-06-30", said_by="Kadyrov"),
        figure("russia", "russia", 300, "2015-07-01", said_by="FSB"),
    ]
    (finding,) = findings_of(
        write_documents_ledger(tmp_path / "later", quantities, {"doc": later}), "FC204"
    )
    assert finding.quantity == "chechnya"
    assert finding.message == (
        "chechnya is within russia, but 405 (30 Jun 2015, Kadyrov, in doc) is more than "
        "300 (1 Jul 2015, FSB, in doc) counted later: [405, 405] lies above [300, 300]"
    )
    same_day = [
        figure("chechnya", "chechnya", 405, "2015-06-30", said_by="Kadyrov"),
        figure("russia", "russia", 300, "2015-06-30", said_by="FSB"),
    ]
    (finding,) = findings_of(
        write_documents_ledger(tmp_path / "same", quantities, {"doc": same_day}), "FC204"
    )
    assert finding.message == (
        "chechnya is within russia, but 405 (30 Jun 2015, Kadyrov, in doc) is more than "
        "300 (30 Jun 2015, FSB, in doc): [405, 405] lies above [300, 300]"
    )


@pytest.mark.parametrize("kind", ["stock", "cumulative", "flow"])
def test_a_subset_without_figures_is_no_finding_and_no_error(tmp_path, kind):
    """Only the superset has figures: there is nothing to compare, and the rule says so by
    saying nothing (it must not look for the subset's first figure)."""
    assert not subset_findings(tmp_path, kind, [figure("russia", "russia", 300, "2015")])
