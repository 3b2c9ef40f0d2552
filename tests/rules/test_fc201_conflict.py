import pytest

from figcheck.findings import finding_id
from tests.builders import figure, findings_of, pairs, quantity, write_documents_ledger


def conflicts(tmp_path, kind, *figures, documents=None):
    docs = documents or {"doc": list(figures)}
    return pairs(
        findings_of(write_documents_ledger(tmp_path, {"q": quantity(kind)}, docs), "FC201")
    )


def test_values_that_cannot_both_hold_at_overlapping_dates_conflict(tmp_path):
    found = conflicts(
        tmp_path,
        "stock",
        figure("a", "q", 2200, "2015", approx="about"),
        figure("b", "q", 2719, "2015-11-19", said_by="Other"),
    )
    assert found == {frozenset({"a", "b"})}


def test_values_that_can_both_hold_do_not_conflict(tmp_path):
    assert not conflicts(
        tmp_path,
        "stock",
        figure("a", "q", 2200, "2015", approx="about"),
        figure("b", "q", 2300, "2015-11-19", said_by="Other"),
    )


def test_touching_closed_bounds_overlap(tmp_path):
    # about 2,000 is [1,800, 2,200]; 2,200 touches it.
    assert not conflicts(
        tmp_path,
        "stock",
        figure("a", "q", 2000, "2015", approx="about"),
        figure("b", "q", 2200, "2015"),
    )


@pytest.mark.parametrize(
    ("approx", "value", "other", "conflict"),
    [
        ("over", 2000, 2000, True),  # (2000, inf) excludes 2000
        ("at-least", 2000, 2000, False),
        ("under", 100, 100, True),  # [0, 100) excludes 100
        ("at-most", 100, 100, False),
        ("nearly", 500, 451, False),  # [450, 500]
        ("nearly", 500, 449, True),
        ("nearly", 500, 501, True),
    ],
)
def test_open_and_closed_bounds(tmp_path, approx, value, other, conflict):
    found = conflicts(
        tmp_path,
        "stock",
        figure("a", "q", value, "2015-11-19", approx=approx),
        figure("b", "q", other, "2015-11-19", said_by="Other"),
    )
    assert bool(found) is conflict


def test_year_against_day_precision(tmp_path):
    found = conflicts(
        tmp_path,
        "stock",
        figure("a", "q", 100, "2015"),
        figure("b", "q", 200, "2015-12-31", said_by="B"),
        figure("c", "q", 300, "2016-01-01", said_by="C"),
    )
    # 2015 holds 31 Dec 2015 but not 1 Jan 2016.
    assert found == {frozenset({"a", "b"})}


def test_dates_that_do_not_overlap_do_not_conflict(tmp_path):
    assert not conflicts(
        tmp_path, "stock", figure("a", "q", 100, "2014"), figure("b", "q", 200, "2015", said_by="B")
    )


def test_every_conflicting_pair_is_found_once(tmp_path):
    found = conflicts(
        tmp_path,
        "cumulative",
        figure("a", "q", 100, "2015"),
        figure("b", "q", 200, "2015-06", said_by="B"),
        figure("c", "q", 300, "2015-06-01", said_by="C"),
        figure("d", "q", 200, "2015-06-02", said_by="D"),
    )
    # c (1 June) and d (2 June) do not overlap; b (June) and d agree.
    assert found == {frozenset(p) for p in ({"a", "b"}, {"a", "c"}, {"a", "d"}, {"b", "c"})}


def test_flows_compare_only_identical_periods(tmp_path):
    found = conflicts(
        tmp_path,
        "flow",
        figure("year", "q", 100, "2014"),
        figure("half", "q", 300, "2014-01/2014-06", said_by="B"),
        figure("same", "q", 200, "2014-01/2014-12", said_by="C"),
    )
    # 2014 and 2014-01/2014-12 are the same days; the half year is another measurement.
    assert found == {frozenset({"year", "same"})}


def test_changes_compare_only_the_same_two_periods(tmp_path):
    quantities = {"level": quantity("flow"), "q": quantity("change", unit="percent", of="level")}
    docs = {
        "doc": [
            figure("a", "q", -46, "2013/2014"),
            figure("b", "q", -30, "2013/2014", said_by="B"),
            figure("c", "q", -10, "2014/2015", said_by="C"),
        ]
    }
    assert pairs(findings_of(write_documents_ledger(tmp_path, quantities, docs), "FC201")) == {
        frozenset({"a", "b"})
    }


def test_same_speaker_in_two_documents_is_left_to_fc206(tmp_path):
    docs = {
        "doc-a": [figure("a", "q", 100, "2015", said_by="Oleg Syromolotov")],
        "doc-b": [figure("b", "q", 200, "2015", said_by="oleg  syromolotov")],
    }
    assert not conflicts(tmp_path, "stock", documents=docs)


def test_same_speaker_twice_in_one_document_is_a_conflict(tmp_path):
    found = conflicts(
        tmp_path,
        "stock",
        figure("a", "q", 100, "2015", said_by="X"),
        figure("b", "q", 200, "2015", said_by="X"),
    )
    assert found == {frozenset({"a", "b"})}


def test_finding_names_both_figures_with_id_locations_and_arithmetic(tmp_path):
    root = write_documents_ledger(
        tmp_path,
        {"q": quantity("stock")},
        {
            "doc": [
                figure("a", "q", 2200, "2015", approx="about", said_by="Oleg Syromolotov, Deputy"),
                figure("b", "q", 2719, "2015-11-19", said_by="FSB"),
            ]
        },
    )
    (finding,) = findings_of(root, "FC201")
    assert finding.id == finding_id("FC201", ["doc/a", "doc/b"])
    assert finding.id.startswith("FC201:") and len(finding.id) == 16
    assert finding.quantity == "q"
    assert [loc.line for loc in finding.locations] == [6, 13]  # each figure's first line
    for part in (
        "about 2,200",
        "2,719",
        "19 Nov 2015",
        "Oleg Syromolotov",
        "doc",
        "[1980, 2420]",
        "[2719, 2719]",
    ):
        assert part in finding.message
