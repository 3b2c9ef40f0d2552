"""Vague quantities with a quantifier ("several hundred", "many thousands", "scores of",
"a handful"): read as one number each, with the range or bound it means, and a record of
that range or bound is anchored by FC105."""

from __future__ import annotations

import json
from fractions import Fraction

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from figcheck.cli import cli
from figcheck.model import INF
from figcheck.text.numbers import find_numbers
from tests.builders import scanned_and_searched


def found(text: str) -> list[tuple[str, object, object, str]]:
    return [(n.text, n.low, n.high, n.kind) for n in find_numbers(text)]


@pytest.mark.parametrize(
    ("text", "written", "low", "high"),
    [
        ("several hundred people were evacuated", "several hundred", 200, 999),
        ("A few hundred homes collapsed", "A few hundred", 200, 999),
        ("several thousand tents", "several thousand", 2_000, 9_999),
        ("a few thousand volunteers", "a few thousand", 2_000, 9_999),
        ("several dozen aftershocks", "several dozen", 24, 99),
        ("several million tonnes", "several million", 2_000_000, 9_999_999),
        ("several hundred thousand displaced", "several hundred thousand", 200_000, 999_999),
        ("many thousands were trapped", "many thousands", 2_000, INF),
        ("Many hundreds of thousands fled", "Many hundreds of thousands", 200_000, INF),
        ("tens of villages were cut off", "tens of", 20, 99),
        ("scores of buildings", "scores of", 40, 99),
        ("only a handful survived", "a handful", 2, 9),
    ],
)
def test_quantifier_phrases_are_one_vague_number(text, written, low, high):
    assert found(text) == [(written, low, high, "vague")]


def test_the_longer_phrases_still_win():
    assert found("tens of thousands") == [("tens of thousands", 20_000, 99_999, "vague")]
    assert found("hundreds of families, thousands more") == [
        ("hundreds", 200, 999, "vague"),
        ("thousands", 2_000, 9_999, "vague"),
    ]
    # A number that follows is its own: "several hundred" is not "several" and 100.
    assert [n.text for n in find_numbers("several hundred, then 300")] == [
        "several hundred",
        "300",
    ]


def test_words_that_are_not_quantities():
    assert found("a few of them") == []
    assert found("severally, manyfold, handful, many of them, several") == []


def test_an_open_bound_is_shown_as_such():
    (many,) = find_numbers("many thousands")
    assert many.value is None
    assert many.shown() == "2,000 or more"
    assert many.meaning() == "2,000 or more"


TEXT = (
    "Rescuers pulled several hundred people from the rubble. Many thousands are still "
    "missing, and scores of villages have no water. Only a handful of bridges stand.\n"
)


def ledger(text_ledger, *figures):
    return text_ledger(TEXT, list(figures))


@pytest.mark.parametrize(
    "figure",
    [
        {"value": [200, 999], "approx": "range", "quote": "several hundred people"},
        {"value": 2000, "approx": "at-least", "quote": "Many thousands are still missing"},
        {"value": [40, 99], "approx": "range", "quote": "scores of villages"},
        {"value": [2, 9], "approx": "range", "quote": "a handful of bridges"},
    ],
    ids=lambda f: f["quote"],
)
def test_a_record_of_the_phrase_range_is_anchored(text_ledger, rule_findings, figure):
    root = ledger(text_ledger, {**figure, "quantity": "victims"})
    assert rule_findings(root, "FC105") == []


@pytest.mark.parametrize(
    "figure",
    [
        {"value": 100, "quote": "several hundred people"},
        {"value": [300, 999], "approx": "range", "quote": "several hundred people"},
        {"value": 2000, "approx": "over", "quote": "Many thousands are still missing"},
        {"value": [2000, 9999], "approx": "range", "quote": "Many thousands are still missing"},
    ],
    ids=str,
)
def test_another_range_is_not(text_ledger, rule_findings, figure):
    root = ledger(text_ledger, {**figure, "quantity": "victims"})
    (finding,) = rule_findings(root, "FC105")
    assert finding.figures == ("doc/f0",)


def test_extract_lists_the_phrases_and_what_records_them(text_ledger, tmp_path):
    root = ledger(
        text_ledger,
        {"value": [200, 999], "approx": "range", "quote": "several hundred people"},
    )
    result = CliRunner().invoke(cli, ["extract", "doc", "--data", str(root), "--format", "json"])
    assert result.exit_code == 0, result.output
    numbers = {n["text"]: n for n in json.loads(result.output)["numbers"]}
    assert list(numbers) == ["several hundred", "Many thousands", "scores of", "a handful"]
    assert numbers["several hundred"]["status"] == "recorded"
    assert numbers["Many thousands"]["low"] == 2000
    assert numbers["Many thousands"]["high"] is None  # no upper bound
    assert numbers["Many thousands"]["status"] == "unrecorded"
    text = CliRunner().invoke(cli, ["extract", "doc", "--data", str(root)]).output
    assert "Many thousands = 2,000 or more" in text
    assert Fraction(numbers["scores of"]["low"]) == 40


_PIECES = [
    "several",
    "Several",
    "a few",
    "a",
    "few",
    "many",
    " ",
    "  ",
    "\n",
    "hundred",
    "hundreds",
    "thousand",
    "thousands",
    " of ",
    "tens",
    "tens of",
    "scores",
    "scores of",
    "handful",
    "a handful",
    "dozen",
    "2",
    ",",
]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=10).map("".join))
def test_the_token_scan_finds_what_a_full_search_finds(text):
    """The quantifiers start numbers too: the scan must try the pattern at them."""
    by_scan, by_search = scanned_and_searched(text)
    assert by_scan == by_search
