import pytest

from tests.builders import figure, findings_of, pairs, quantity, write_documents_ledger


def decreases(tmp_path, kind, *figures):
    return pairs(
        findings_of(
            write_documents_ledger(tmp_path, {"q": quantity(kind)}, {"doc": figures}), "FC202"
        )
    )


def test_running_total_that_falls_later(tmp_path):
    found = decreases(
        tmp_path,
        "cumulative",
        figure("nov", "q", 2719, "2015-11-19"),
        figure("dec", "q", 2400, "2015-12"),
    )
    assert found == {frozenset({"nov", "dec"})}


def test_running_total_that_grows_or_stays(tmp_path):
    assert not decreases(
        tmp_path,
        "cumulative",
        figure("nov", "q", 2719, "2015-11-19"),
        figure("dec", "q", 2719, "2015-12"),
        figure("jan", "q", 3000, "2016-01"),
    )


def test_hedge_that_still_reaches_the_earlier_figure(tmp_path):
    # about 2,600 reaches 2,860.
    assert not decreases(
        tmp_path,
        "cumulative",
        figure("nov", "q", 2719, "2015-11-19"),
        figure("dec", "q", 2600, "2015-12", approx="about"),
    )


@pytest.mark.parametrize(("approx", "falls"), [(None, False), ("under", True), ("at-most", False)])
def test_touching_bounds(tmp_path, approx, falls):
    found = decreases(
        tmp_path,
        "cumulative",
        figure("before", "q", 100, "2015-01-01"),
        figure("after", "q", 100, "2015-01-02", approx=approx),
    )
    assert bool(found) is falls


def test_overlapping_dates_are_not_strictly_later(tmp_path):
    # 2015 and 2015-12 overlap: that is a conflict (FC201), not a decrease.
    assert not decreases(
        tmp_path,
        "cumulative",
        figure("year", "q", 3000, "2015"),
        figure("dec", "q", 100, "2015-12"),
    )


def test_a_stock_may_fall(tmp_path):
    assert not decreases(
        tmp_path, "stock", figure("a", "q", 3000, "2014"), figure("b", "q", 100, "2015")
    )


def test_every_earlier_higher_figure_is_paired(tmp_path):
    found = decreases(
        tmp_path,
        "cumulative",
        figure("a", "q", 500, "2013"),
        figure("b", "q", 400, "2014"),
        figure("c", "q", 300, "2015"),
        figure("d", "q", 450, "2016"),
    )
    assert found == {frozenset(p) for p in ({"a", "b"}, {"a", "c"}, {"b", "c"}, {"a", "d"})}


def test_the_finding_names_the_quantity_and_both_figures_as_written(tmp_path):
    root = write_documents_ledger(
        tmp_path,
        {"q": quantity("cumulative")},
        {"doc": [figure("nov", "q", 2719, "2015-11-19"), figure("dec", "q", 2400, "2015-12")]},
    )
    (finding,) = findings_of(root, "FC202")
    assert finding.quantity == "q"
    assert finding.figures == ("doc/nov", "doc/dec")
    assert finding.message.startswith("q is a running total, but it falls from 2,719 (")
    assert " to 2,400 (" in finding.message


def test_a_running_total_after_another_kind_in_its_family_is_checked(tmp_path):
    # The family's first quantity is a stock (not checked); its subset after it still is.
    quantities = {"all": quantity("stock"), "q": quantity("cumulative", subset_of=["all"])}
    documents = {
        "doc": [
            figure("a", "all", 3000, "2014"),
            figure("b", "all", 100, "2015"),
            figure("nov", "q", 90, "2015-11-19"),
            figure("dec", "q", 80, "2015-12"),
        ]
    }
    found = findings_of(write_documents_ledger(tmp_path, quantities, documents), "FC202")
    assert pairs(found) == {frozenset({"nov", "dec"})}
