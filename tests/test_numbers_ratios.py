"""Multiples and fractions: "doubled", "twice as many", "half", "a third of", "one in five"
are numbers that `extract` lists, and FC105 anchors a change or a share recorded from them."""

from __future__ import annotations

import json
from fractions import Fraction

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from figcheck.cli import cli
from figcheck.text.numbers import find_numbers
from tests.builders import figure, quantity, result_of, scanned_and_searched, write_documents_ledger


def found(text: str) -> list[tuple[str, Fraction | None, str]]:
    return [(n.text, n.value, n.kind) for n in find_numbers(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the toll doubled overnight", [("doubled", 2, "multiple")]),
        ("doubling the figure officials gave", [("doubling", 2, "multiple")]),
        ("Tripled since Monday", [("Tripled", 3, "multiple")]),
        ("the ration was halved", [("halved", Fraction(1, 2), "multiple")]),
        ("twice as many tents", [("twice", 2, "multiple")]),
        ("double the number given", [("double", 2, "multiple")]),
        ("three times the toll", [("three times", 3, "multiple")]),
        ("5 times higher", [("5 times", 5, "multiple")]),
        ("a fourfold rise", [("fourfold", 4, "multiple")]),
        ("a 10-fold rise", [("10-fold", 10, "multiple")]),
        ("half of them were children", [("half", Fraction(1, 2), "fraction")]),
        ("a third of the houses", [("a third", Fraction(1, 3), "fraction")]),
        ("one quarter of the wells", [("one quarter", Fraction(1, 4), "fraction")]),
        ("two thirds were women", [("two thirds", Fraction(2, 3), "fraction")]),
        ("three-quarters of the city", [("three-quarters", Fraction(3, 4), "fraction")]),
        ("one in five children", [("one in five", Fraction(1, 5), "fraction")]),
        ("1 in 4 homes", [("1 in 4", Fraction(1, 4), "fraction")]),
        ("nine out of ten", [("nine out of ten", Fraction(9, 10), "fraction")]),
        ("one in every three", [("one in every three", Fraction(1, 3), "fraction")]),
    ],
)
def test_multiples_and_fractions_are_read(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a double standard", []),
        ("he was arrested twice", []),
        ("a third time", [("third", 3, "ordinal")]),
        ("the first half of 2014", [("first", 1, "ordinal"), ("2014", 2014, "plain")]),
        ("half a dozen", [("half a dozen", 6, "plain")]),
        ("two and a half years", [("two", 2, "plain")]),
        ("a half-hearted search", []),
        ("3 in 10 days", [("3", 3, "plain"), ("10", 10, "plain")]),
        ("arrested 3 in 2015", [("3", 3, "plain"), ("2015", 2015, "plain")]),
        ("on behalf of the ministry", []),
    ],
)
def test_what_is_not_a_multiple_or_a_fraction(text, expected):
    assert found(text) == expected


def test_shown_with_the_change_or_share_it_means():
    shown = [n.shown() for n in find_numbers("doubled, halved, half of, a third of them")]
    assert shown == ["×2 (+100%)", "×1/2 (-50%)", "1/2 (50%)", "1/3 (≈33.33%)"]


QUANTITIES = {
    "toll": quantity("cumulative"),
    "toll-change": quantity("change", unit="percent", of="toll"),
    "share-children": quantity("stock", unit="percent"),
}


def fc105(tmp_path, *figures):
    result = result_of(write_documents_ledger(tmp_path, QUANTITIES, {"doc": list(figures)}))
    return [f for f in result.findings if f.rule == "FC105"]


def change(value, quote, fid="c"):
    return figure(fid, "toll-change", value, "2023-02-08/2023-02-12", quote=quote)


def share(value, quote, fid="s"):
    return figure(fid, "share-children", value, "2023-02-12", quote=quote)


@pytest.mark.parametrize(
    "record",
    [
        change(100, "doubling the figure officials gave"),
        change(100, "twice as many as on Wednesday"),
        change(200, "the toll has tripled"),
        change(-50, "the count was halved after duplicates were removed"),
        change(-50, "fell by half"),
        change(50, "rose by half"),
        share(50, "half of them were children"),
        share(33, "a third of the dead were children"),
        share(33.3, "a third of the dead were children"),
        share(20, "one in five of the dead was a child"),
        share(67, "two thirds of the injured were children"),
    ],
    ids=lambda r: f"{r['value']} {r['quote']}",
)
def test_a_change_or_share_recorded_from_them_is_anchored(tmp_path, record):
    assert fc105(tmp_path, record) == []


@pytest.mark.parametrize(
    "record",
    [
        change(50, "doubling the figure officials gave"),  # doubling is +100%
        change(2, "doubling the figure officials gave"),  # a factor is not a change
        change(50, "fell by half"),  # the sign was lost
        change(-50, "rose by half"),
        share(34, "a third of the dead were children"),
        share(33.4, "a third of the dead were children"),
        share(25, "one in five of the dead was a child"),
        figure("p", "toll", 50, "2023-02-12", quote="half of them were children"),  # people
        figure("t", "toll", 2, "2023-02-12", quote="the toll doubled"),
    ],
    ids=lambda r: f"{r['value']} {r['quote']}",
)
def test_another_value_is_not(tmp_path, record):
    (finding,) = fc105(tmp_path, record)
    assert finding.figures == (f"doc/{record['id']}",)


def test_extract_lists_them_and_coverage_is_not_complete(tmp_path):
    text = tmp_path / "report.txt"
    text.write_text("The toll doubled to 24,000. Half of them were children.\n")
    result = CliRunner().invoke(cli, ["extract", str(text), "--format", "json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert [(n["text"], n["kind"]) for n in report["numbers"]] == [
        ("doubled", "multiple"),
        ("24,000", "plain"),
        ("Half", "fraction"),
    ]
    assert report["counts"]["unrecorded"] == 3
    listing = CliRunner().invoke(cli, ["extract", str(text)]).output
    assert "doubled = ×2 (+100%)" in listing and "Half = 1/2 (50%)" in listing


_PIECES = [
    "doubled",
    "twice",
    " as ",
    "half",
    " a dozen",
    "a third",
    " of ",
    "one",
    "two",
    " in ",
    "five",
    "1",
    "5",
    " times",
    " the",
    "fold",
    "-",
    " ",
    "first ",
    "thirds",
    " days",
    ".",
    ",",
]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=10).map("".join))
def test_the_token_scan_finds_what_a_full_search_finds(text):
    """Multiples and fractions start at their own words: the scan must try them there."""
    by_scan, by_search = scanned_and_searched(text)
    assert by_scan == by_search
