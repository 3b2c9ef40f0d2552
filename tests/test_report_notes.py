"""The report's "Read together" notes: a subset's share only of a superset counted within
the window, with the gap said; sums of parts that keep their hedges."""

from __future__ import annotations

import pytest

from figcheck import check, load_ledger
from figcheck.ledger.config import Config
from figcheck.report import read_together as insights
from tests.builders import figure, quantity, write_documents_ledger

SUBSET = {"all": quantity("cumulative"), "part": quantity("cumulative", subset_of=["all"])}


def notes_of(tmp_path, quantities, figures, config=None):
    result = check(
        load_ledger(write_documents_ledger(tmp_path, quantities, {"doc": figures}, config=config))
    )
    (family,) = result.families
    return insights.notes(family, result.ledger.config)


def shares(notes):
    return [n for n in notes if "% of" in n and not n.startswith("parts of")]


def test_a_superset_counted_years_away_gives_no_share(tmp_path):
    notes = notes_of(
        tmp_path,
        SUBSET,
        [figure("s", "part", 2719, "2015-11-19"), figure("w", "all", 3417, "2017-10")],
    )
    assert shares(notes) == []


def test_a_share_within_the_window_says_how_far_apart(tmp_path):
    (note,) = shares(
        notes_of(
            tmp_path,
            SUBSET,
            [figure("s", "part", 405, "2015-06"), figure("w", "all", 2719, "2015-11-19")],
        )
    )
    assert note.endswith("is 15% of all 2,719 (19 Nov 2015, A Speaker, in doc), 5 months apart")


def test_at_the_same_time_no_gap_is_said(tmp_path):
    (note,) = shares(
        notes_of(
            tmp_path,
            SUBSET,
            [figure("s", "part", 405, "2015"), figure("w", "all", 2719, "2015-11")],
        )
    )
    assert note.endswith("(Nov 2015, A Speaker, in doc)")


def test_the_window_is_figcheck_yaml_s(tmp_path):
    figures = [figure("s", "part", 2719, "2015-11-19"), figure("w", "all", 3417, "2017-10")]
    config = {"rules": {"FC303": {"window_days": 1000}}}
    (note,) = shares(notes_of(tmp_path, SUBSET, figures, config))
    assert "23 months apart" in note


def test_notes_without_a_configuration_use_a_year(tmp_path):
    result = check(
        load_ledger(
            write_documents_ledger(
                tmp_path,
                SUBSET,
                {
                    "doc": [
                        figure("s", "part", 2719, "2015-11"),
                        figure("w", "all", 3417, "2017-10"),
                    ]
                },
            )
        )
    )
    (family,) = result.families
    assert shares(insights.notes(family)) == shares(insights.notes(family, Config())) == []


PARTS = {
    "left": quantity("cumulative", parts=["killed", "back"]),
    "killed": quantity("cumulative"),
    "back": quantity("cumulative"),
}


@pytest.mark.parametrize(
    ("killed", "back", "sum_said"),
    [
        ((4000, "at-least"), (5000, None), "= at least 9,000, at least 45% of it"),
        ((4000, "over"), (5000, "at-least"), "= over 9,000, at least 45% of it"),
        ((400, "about"), (50, None), "= about 450, about 2.2% of it"),
        ((400, "nearly"), (50, None), "= nearly 450, about 2.2% of it"),
        ((400, "under"), (50, None), "= under 450, at most 2.2% of it"),
        (([200, 999], "range"), (50, None), "= 250 to 1,049"),
        ((400, None), (50, None), "= 450, 2.2% of it"),
    ],
)
def test_sums_keep_their_hedges(tmp_path, killed, back, sum_said):
    figures = [
        figure("l", "left", 20000, "2016"),
        figure("k", "killed", killed[0], "2016", approx=killed[1]),
        figure("b", "back", back[0], "2016", approx=back[1]),
    ]
    (note,) = [n for n in notes_of(tmp_path, PARTS, figures) if n.startswith("parts of")]
    assert sum_said in note


def test_what_an_exhaustive_whole_leaves_keeps_the_hedge(tmp_path):
    quantities = {
        "left": quantity("cumulative", parts=["killed", "back", "unknown"], exhaustive=True),
        "killed": quantity("cumulative"),
        "back": quantity("cumulative"),
        "unknown": quantity("cumulative"),
    }
    figures = [
        figure("l", "left", 405, "2015-06"),
        figure("k", "killed", 100, "2015-06", approx="about"),
        figure("b", "back", 44, "2015-06"),
    ]
    (note,) = [n for n in notes_of(tmp_path, quantities, figures) if n.startswith("parts of")]
    assert "= about 144, about 36% of it; that leaves about 261 for unknown" in note
    figures[1] = figure("k", "killed", 100, "2015-06", approx="over")
    (note,) = [n for n in notes_of(tmp_path / "b", quantities, figures) if n.startswith("parts of")]
    assert "leaves" not in note
