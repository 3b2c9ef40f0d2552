"""What the sources agree on: consensus intervals, majorities, disputes and lone figures,
each worked out by hand in the test."""

from __future__ import annotations

from figcheck.model import Interval
from figcheck.report import consensus
from figcheck.report.consensus import intersection, interval_words, most_supported
from tests.builders import figure, quantity, result_of, write_documents_ledger


def clusters_of(tmp_path, figures_by_document, kind="stock", unit="people", config=None):
    root = write_documents_ledger(
        tmp_path, {"q": quantity(kind, unit=unit)}, figures_by_document, config=config
    )
    result = result_of(root)
    (family,) = result.families
    return consensus.of_family(family, consensus.window_days(result.ledger.config))


def ids(statements):
    return {s.figure.id for s in statements}


def test_figures_whose_intervals_meet_agree_on_their_intersection(tmp_path):
    # about 2,200 is [1980, 2420]; 2,000 to 2,500 is [2000, 2500]: together [2000, 2420].
    (cluster,) = clusters_of(
        tmp_path,
        {
            "a": [figure("a", "q", 2200, "2015-07", approx="about", said_by="A")],
            "b": [figure("b", "q", [2000, 2500], "2015-09", approx="range", said_by="B")],
        },
    )
    assert cluster.verdict == "agreed"
    assert cluster.interval == Interval(2000, 2420)
    assert "2 figures from 2 speakers agree on 2,000 to 2,420" in cluster.sentence()


def test_the_largest_set_that_meets_is_a_majority(tmp_path):
    # 100 and about 100 ([90, 110]) meet at 100; 150 meets neither.
    (cluster,) = clusters_of(
        tmp_path,
        {
            "a": [figure("a", "q", 100, "2015", said_by="A")],
            "b": [figure("b", "q", 100, "2015", approx="about", said_by="B")],
            "c": [figure("c", "q", 150, "2015", said_by="C")],
        },
    )
    assert cluster.verdict == "majority"
    assert cluster.interval == Interval(100, 100)
    assert ids(cluster.supporting) == {"a", "b"} and ids(cluster.disagreeing) == {"c"}
    assert "2 of 3 figures agree on 100; 150 (2015, C, c) disagrees" in cluster.sentence()


def test_figures_that_do_not_meet_have_no_consensus(tmp_path):
    # 2,200 and 2,900: (2900 - 2200) / 2900 = 24.1%.
    (cluster,) = clusters_of(
        tmp_path,
        {
            "a": [figure("a", "q", 2200, "2015-07-07", said_by="A")],
            "b": [figure("b", "q", 2900, "2015-12", said_by="B")],
        },
    )
    assert cluster.verdict == "none" and cluster.interval is None
    assert cluster.sentence() == (
        "q, 7 Jul 2015 to Dec 2015: no consensus; 2 figures, 2 speakers, 24% apart"
    )


def test_two_pairs_that_tie_have_no_consensus(tmp_path):
    # [1, 2] meets [1.5, 3]; [10, 11] meets [10.5, 12]: two sets of two, neither larger.
    (cluster,) = clusters_of(
        tmp_path,
        {
            "a": [figure("a", "q", [1, 2], "2015", approx="range", said_by="A")],
            "b": [figure("b", "q", [1.5, 3], "2015", approx="range", said_by="B")],
            "c": [figure("c", "q", [10, 11], "2015", approx="range", said_by="C")],
            "d": [figure("d", "q", [10.5, 12], "2015", approx="range", said_by="D")],
        },
    )
    assert cluster.verdict == "none"


def test_open_bounds_stay_open(tmp_path):
    # over 2,000 is (2000, inf): it excludes 2,000 itself; at least 2,000 includes it.
    (over,) = clusters_of(
        tmp_path / "over",
        {
            "a": [figure("a", "q", 2000, "2015", approx="over", said_by="A")],
            "b": [figure("b", "q", 2000, "2015", said_by="B")],
        },
    )
    assert over.verdict == "none"
    (at_least,) = clusters_of(
        tmp_path / "at-least",
        {
            "a": [figure("a", "q", 2000, "2015", approx="at-least", said_by="A")],
            "b": [figure("b", "q", 2000, "2015", said_by="B")],
        },
    )
    assert at_least.verdict == "agreed" and at_least.interval == Interval(2000, 2000)


def test_clusters_of_a_stock_follow_the_divergence_window(tmp_path):
    # Jan 2015 ends on 31 Jan 2015; 366 days later is 1 Feb 2016, before Jun 2016 starts:
    # two clusters, each figure alone. Jul and Dec 2015 are one cluster.
    found = clusters_of(
        tmp_path / "apart",
        {
            "a": [figure("a", "q", 100, "2015-01", said_by="A")],
            "b": [figure("b", "q", 100, "2016-06", said_by="B")],
        },
    )
    assert [c.verdict for c in found] == ["alone", "alone"]
    # A window of 30 days (figcheck.yaml) splits Jul and Dec 2015.
    found = clusters_of(
        tmp_path / "window",
        {
            "a": [figure("a", "q", 100, "2015-07", said_by="A")],
            "b": [figure("b", "q", 100, "2015-12", said_by="B")],
        },
        config={"rules": {"FC301": {"window_days": 30}}},
    )
    assert [c.verdict for c in found] == ["alone", "alone"]


def test_a_flow_is_compared_within_the_identical_period_only(tmp_path):
    found = clusters_of(
        tmp_path,
        {
            "a": [figure("a", "q", 100, "2014", said_by="A")],
            "b": [figure("b", "q", 40, "2014-01/2014-06", said_by="B")],
        },
        kind="flow",
    )
    # In date order: the first half of 2014 ends before the whole of 2014 does.
    assert [(c.verdict, ids(c.statements)) for c in found] == [
        ("alone", {"b"}),
        ("alone", {"a"}),
    ]


def test_a_figure_repeated_in_one_document_counts_once(tmp_path):
    # 160 three times in one report and 170 in another: two statements, (170 - 160) / 170
    # = 5.88%, shown as 5.9%.
    (cluster,) = clusters_of(
        tmp_path,
        {
            "tass": [
                figure("h", "q", 160, "2015-11-19", said_by="A", quote="160 in the headline"),
                figure("b", "q", 160, "2015-11-19", said_by="A", quote="160 in the body"),
                figure("c", "q", 160, "2015-11-19", said_by="A", quote="160 in a caption"),
            ],
            "other": [figure("o", "q", 170, "2015-11-19", said_by="B")],
        },
    )
    assert len(cluster.statements) == 2
    assert cluster.sentence().endswith("no consensus; 2 figures, 2 speakers, 5.9% apart")


def test_changes_are_apart_by_points(tmp_path):
    (cluster,) = clusters_of(
        tmp_path,
        {
            "a": [figure("a", "q", -46, "2013/2014", said_by="A")],
            "b": [figure("b", "q", -40, "2013/2014", said_by="B")],
        },
        kind="change",
        unit="percent",
    )
    assert cluster.sentence().endswith("6 points apart")


def test_interval_words():
    assert interval_words(Interval(1980, 2420), "people") == "1,980 to 2,420"
    assert interval_words(Interval(2000, float("inf"), low_open=True), "people") == "over 2,000"
    assert interval_words(Interval(0, 500, high_open=True), "people") == (
        "at least 0 and under 500"
    )
    assert interval_words(Interval(-50, -41), "percent") == "-50% to -41%"


def test_most_supported_and_intersection_directly():
    one, two, three = Interval(0, 10), Interval(5, 15), Interval(20, 30)
    assert most_supported([one, two, three]) == (5, 0)  # 0-10 and 5-15 meet from 5 up
    assert intersection([one, two]) == Interval(5, 10)
    assert intersection([one, three]) is None
    # Touching ends: [0, 10] and (10, 20] do not meet; [0, 10] and [10, 20] do, at 10.
    assert most_supported([one, Interval(10, 20, low_open=True)]) is None
    assert intersection([one, Interval(10, 20)]) == Interval(10, 10)
