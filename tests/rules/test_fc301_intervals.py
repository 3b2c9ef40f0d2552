"""FC301 compares what two figures say, hedges included: intervals that overlap (one holding
the other, sharing an end, hedges that meet) are hedging, not a divergence; the threshold
applies to the gap between intervals that lie apart."""

from __future__ import annotations

from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from figcheck.rules.fc301_divergence import _far_apart, gap
from tests.builders import figure, findings_of, pairs, quantity, write_documents_ledger
from tests.test_sweep import figures as drawn_figures


def divergences(tmp_path, figures, kind="stock"):
    root = write_documents_ledger(tmp_path, {"q": quantity(kind)}, {"doc": figures})
    return findings_of(root, "FC301")


def test_the_same_estimate_reworded_is_not_a_divergence(tmp_path):
    # "Up to 4,000" and "2,000 to 4,000": the middle of the range, 3,000, is 25% below 4,000.
    assert not divergences(
        tmp_path,
        [
            figure("up-to", "q", 4000, "2016-03", approx="at-most"),
            figure("range", "q", [2000, 4000], "2016-04", approx="range"),
        ],
    )


def test_a_hedge_that_holds_the_other_figure_is_not_a_divergence(tmp_path):
    assert not divergences(
        tmp_path,
        [
            figure("over", "q", 2000, "2015-03", approx="over"),
            figure("exact", "q", 2900, "2015-12"),
        ],
    )


def test_ranges_sharing_an_end_are_not_a_divergence(tmp_path):
    assert not divergences(
        tmp_path,
        [
            figure("low", "q", [2000, 4000], "2015-03", approx="range"),
            figure("high", "q", [4000, 6000], "2015-09", approx="range"),
        ],
    )


def test_hedges_that_meet_are_not_a_divergence(tmp_path):
    # About 2,000 reaches 2,200, about 2,400 goes down to 2,160.
    assert not divergences(
        tmp_path,
        [
            figure("a", "q", 2000, "2015-03", approx="about"),
            figure("b", "q", 2400, "2015-09", approx="about"),
        ],
    )


def test_the_threshold_applies_to_the_gap_between_the_intervals(tmp_path):
    # 2,000 and 2,500 differ by 20%, but about 2,000 reaches 2,200: 12% below 2,500.
    assert not divergences(
        tmp_path,
        [
            figure("a", "q", 2000, "2015-03", approx="about"),
            figure("b", "q", 2500, "2015-09"),
        ],
    )
    # About 2,200 reaches 2,420: 16.6% below 2,900.
    (found,) = divergences(
        tmp_path / "2",
        [
            figure("a", "q", 2200, "2015-07", approx="about"),
            figure("b", "q", 2900, "2015-12"),
        ],
    )
    assert pairs([found]) == {frozenset({"a", "b"})}
    assert "differ by 17% even at the nearest values their hedges allow, 2,420 and 2,900" in (
        found.message
    )
    assert "went from 2,200 to 2,900 in 5 months" in found.message


def test_a_decline_hedged_apart_from_another(tmp_path):
    # Changes of the identical period: "fell by over 40%" is below -40, "fell by about 10%"
    # is -11 to -9; FC201 reports them, and with it off, FC301 measures the gap between -40
    # and -11: 29 of 40, 72.5%.
    root = write_documents_ledger(
        tmp_path,
        {"q": quantity("stock"), "c": quantity("change", unit="percent", of="q")},
        {
            "a": [figure("a", "c", -40, "2013/2014", approx="over", said_by="A")],
            "b": [figure("b", "c", -10, "2013/2014", approx="about", said_by="B")],
        },
        config={"rules": {"FC201": {"severity": "off"}}},
    )
    (found,) = findings_of(root, "FC301")
    assert "differ by 72% even at the nearest values their hedges allow, -40 and -11" in (
        found.message
    )


@settings(max_examples=300, deadline=None)
@given(
    drawn_figures(),
    st.integers(0, 4),
    st.fractions(min_value=0, max_value=Fraction(9, 10), max_denominator=10),
)
def test_the_sweep_finds_exactly_the_pairs_whose_gap_exceeds_the_threshold(
    figures, window, threshold
):
    found = {frozenset((a.full_id, b.full_id)) for a, b in _far_apart(figures, window, threshold)}
    expected = set()
    for i, a in enumerate(figures):
        for b in figures[i + 1 :]:
            near = a.as_of.gap_days(b.as_of) <= window
            apart = gap(a, b)
            if near and apart is not None and apart[2] > threshold:
                expected.add(frozenset((a.full_id, b.full_id)))
    assert found == expected
