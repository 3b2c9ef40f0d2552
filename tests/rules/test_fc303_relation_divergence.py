"""FC303: a subset above its superset, or parts above their whole, at dates within the
window but not overlapping (the same time is FC204's and FC203's case)."""

from __future__ import annotations

import pytest

from tests.builders import figure, findings_of, pairs, quantity, result_of, write_documents_ledger

FIGHTING = {
    "went": quantity("cumulative"),
    "fighting": quantity("stock", subset_of=["went"]),
    "fighting-is": quantity("stock", subset_of=["fighting"]),
}


def divergences(tmp_path, figures, quantities=FIGHTING, config=None):
    root = write_documents_ledger(tmp_path, quantities, {"doc": figures}, config=config)
    return findings_of(root, "FC303")


def test_the_subset_a_month_before_at_twice_the_superset(tmp_path):
    # Bortnikov's "closer to 5,000" with IS in June 2015, Syromolotov's "about 2,200" in all.
    (finding,) = divergences(
        tmp_path,
        [
            figure("bortnikov", "fighting-is", 5000, "2015-06", approx="about"),
            figure("syromolotov", "fighting", 2200, "2015-07-07", approx="about"),
        ],
    )
    assert finding.severity == "warning"
    assert pairs([finding]) == {frozenset({"bortnikov", "syromolotov"})}
    assert "fighting-is is within fighting, but about 5,000 (Jun 2015" in finding.message
    assert (
        "for both to hold, fighting would have fallen from at least 4,500 (Jun 2015) "
        "to at most 2,420 (7 Jul 2015) in under a month"
    ) in finding.message


def test_the_change_per_month_is_given(tmp_path):
    (finding,) = divergences(
        tmp_path,
        [
            figure("sup", "fighting", 2000, "2015-01"),
            figure("sub", "fighting-is", 5000, "2015-07"),
        ],
    )
    assert "6 months apart" in finding.message
    assert "fighting would have grown from at most 2,000 (Jan 2015) to at least 5,000" in (
        finding.message
    )
    assert "in 6 months, +504 a month" in finding.message


def test_read_through_to_a_superset_of_a_superset(tmp_path):
    (finding,) = divergences(
        tmp_path,
        [
            figure("sub", "fighting-is", 5000, "2015-03"),
            figure("went", "went", 3000, "2015-01"),
        ],
    )
    assert "fighting-is is within fighting, which is within went" in finding.message


@pytest.mark.parametrize(
    ("subset_date", "superset_date"),
    [
        ("2015-06", "2016-09"),  # beyond the window
        ("2015-06", "2015-06-15"),  # the same time: FC204's
    ],
)
def test_outside_the_window_or_at_the_same_time_it_says_nothing(
    tmp_path, subset_date, superset_date
):
    assert not divergences(
        tmp_path,
        [
            figure("sub", "fighting-is", 5000, subset_date),
            figure("sup", "fighting", 2000, superset_date),
        ],
    )


def test_an_excess_within_the_threshold_is_left_to_rounding(tmp_path):
    assert not divergences(
        tmp_path,
        [
            figure("sub", "fighting-is", 2300, "2015-06"),
            figure("sup", "fighting", 2100, "2015-01"),
        ],
    )


def test_window_and_threshold_come_from_figcheck_yaml(tmp_path):
    figures = [
        figure("sub", "fighting-is", 5000, "2015-06"),
        figure("sup", "fighting", 2000, "2016-09"),
    ]
    config = {"rules": {"FC303": {"window_days": 800, "threshold": 0.5}}}
    assert pairs(divergences(tmp_path, figures, config=config)) == {frozenset({"sub", "sup"})}
    config = {"rules": {"FC303": {"window_days": 800, "threshold": 0.65}}}  # 60% apart
    assert not divergences(tmp_path / "b", figures, config=config)


def test_a_running_total_counted_later_is_fc204_not_repeated(tmp_path):
    root = write_documents_ledger(
        tmp_path,
        FIGHTING,
        {
            "doc": [
                figure("sub", "fighting", 5000, "2015-03"),
                figure("went", "went", 3000, "2015-09"),
            ]
        },
    )
    found = [f.rule for f in result_of(root).findings if f.rule in ("FC204", "FC303")]
    assert found == ["FC204"]


def test_a_running_total_counted_earlier_may_have_grown(tmp_path):
    (finding,) = divergences(
        tmp_path,
        [
            figure("went", "went", 3000, "2015-01"),
            figure("sub", "fighting", 5000, "2015-09"),
        ],
    )
    assert "went would have grown" in finding.message


def test_flows_of_different_periods_are_not_compared(tmp_path):
    quantities = {"all": quantity("flow"), "some": quantity("flow", subset_of=["all"])}
    assert not divergences(
        tmp_path,
        [figure("some", "some", 500, "2015"), figure("all", "all", 100, "2014")],
        quantities,
    )


PARTS = {
    "left": quantity("cumulative", parts=["killed", "returned"]),
    "killed": quantity("cumulative"),
    "returned": quantity("cumulative"),
}


def test_parts_above_their_whole_within_the_window(tmp_path):
    (finding,) = divergences(
        tmp_path,
        [
            figure("left", "left", 120, "2016-01"),
            figure("killed", "killed", 104, "2016-03"),
            figure("returned", "returned", 44, "2016-01"),
        ],
        PARTS,
    )
    assert pairs([finding]) == {frozenset({"left", "killed", "returned"})}
    assert "the parts of left add up to more than it within 366 days" in finding.message
    assert "killed 104" in finding.message and "make at least 148" in finding.message


def test_parts_at_the_same_time_are_fc203_not_repeated(tmp_path):
    root = write_documents_ledger(
        tmp_path,
        PARTS,
        {
            "doc": [
                figure("left", "left", 120, "2016-01"),
                figure("killed", "killed", 104, "2016-01"),
                figure("returned", "returned", 44, "2016"),
            ]
        },
    )
    assert [f.rule for f in result_of(root).findings if f.rule in ("FC203", "FC303")] == ["FC203"]


def test_parts_within_the_whole_pass(tmp_path):
    assert not divergences(
        tmp_path,
        [
            figure("left", "left", 2719, "2015-11"),
            figure("killed", "killed", 160, "2016-02"),
        ],
        PARTS,
    )
