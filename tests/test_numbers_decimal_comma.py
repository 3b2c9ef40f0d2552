"""Decimal commas and abbreviated scales: `1,8 thousand` is one number, 1,800, wherever
figcheck reads numbers (extract, FC105, FC302) and `figcheck add --value 1,800` records it."""

from __future__ import annotations

import json
from fractions import Fraction

import pytest
from click.testing import CliRunner

from figcheck.cli import cli
from figcheck.text.numbers import find_numbers


def read(text: str) -> list[tuple[str, Fraction, str]]:
    return [(n.text, n.low, n.kind) for n in find_numbers(text)]


@pytest.mark.parametrize(
    ("text", "written", "value"),
    [
        ("some 1,8 thousand fighters", "1,8 thousand", 1800),
        ("2,5 million people", "2,5 million", 2_500_000),
        ("0,75 billion", "0,75 billion", 750_000_000),
        ("1.8 th. of them", "1.8 th.", 1800),
        ("1.8 th people", "1.8 th", 1800),
        ("1,8 th. people", "1,8 th.", 1800),
        ("25 thou. recruits", "25 thou.", 25_000),
        ("10k fighters", "10k", 10_000),
        ("2.5K fighters", "2.5K", 2500),
        ("3 mln people", "3 mln", 3_000_000),
        ("2,5 mln people", "2,5 mln", 2_500_000),
        ("3mn people", "3mn", 3_000_000),
        ("a budget of 3.4m", "3.4m", 3_400_000),
        ("a budget of 3.4M", "3.4M", 3_400_000),
        ("2 bn roubles", "2 bn", 2_000_000_000),
        ("1,2 bln roubles", "1,2 bln", 1_200_000_000),
    ],
)
def test_one_number_with_its_scale(text: str, written: str, value: int) -> None:
    assert read(text) == [(written, Fraction(value), "plain")]


def test_a_decimal_comma_before_a_percent() -> None:
    assert read("fell by 12,5%") == [("12,5%", Fraction(25, 2), "percent")]
    assert read("fell by 12,5 per cent") == [("12,5 per cent", Fraction(25, 2), "percent")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A comma before three digits separates thousands.
        ("2,719 people", [("2,719", 2719)]),
        ("2,719 thousand", [("2,719 thousand", 2_719_000)]),
        # A comma before one or two digits without a scale ends the number.
        ("1,8", [("1", 1), ("8", 8)]),
        ("in 2015,16 people", [("2015", 2015), ("16", 16)]),
        ("in 2014,15% of them", [("2014", 2014), ("15%", 15)]),
        # `m` means million only after a decimal; `k` and `m` only attached.
        ("5m away", [("5", 5)]),
        ("3.4 m high", [("3.4", Fraction(17, 5))]),
        ("10 k", [("10", 10)]),
        ("5km", [("5", 5)]),
        ("3.4mm", [("3.4", Fraction(17, 5))]),
        # `th` attached is an ordinal.
        ("the 7th time", [("7th", 7)]),
    ],
)
def test_what_is_not_a_scale_or_a_decimal_comma(text: str, expected: list) -> None:
    assert [(written, value) for written, value, _ in read(text)] == [
        (w, Fraction(v)) for w, v in expected
    ]


TEXT = "Interior Minister Vladimir Kolokoltsev said 1,8 thousand Russians were fighting.\n"
QUOTE = "1,8 thousand Russians were fighting"


def test_extract_lists_the_phrase_as_one_number_with_its_value(text_ledger) -> None:
    ledger = text_ledger(TEXT)
    result = CliRunner().invoke(cli, ["extract", "doc", "--data", str(ledger), "--format", "json"])
    assert result.exit_code == 0, result.output
    (number,) = json.loads(result.stdout)["numbers"]
    assert (number["text"], number["value"]) == ("1,8 thousand", 1800)


def test_fc105_anchors_it_and_fc302_counts_it_recorded(text_ledger, rule_findings) -> None:
    ledger = text_ledger(TEXT, [{"value": 1800, "quote": QUOTE, "quantity": "people"}])
    assert rule_findings(ledger, "FC105") == []
    assert rule_findings(ledger, "FC302") == []


def test_a_value_of_1_or_8_does_not_say_it(text_ledger, rule_findings) -> None:
    ledger = text_ledger(TEXT, [{"value": 8000, "quote": QUOTE}])
    (finding,) = rule_findings(ledger, "FC105")
    assert "'1,8 thousand' (1,800)" in finding.message


def test_add_records_it_with_value_1800(text_ledger) -> None:
    ledger = text_ledger(TEXT)
    args = [
        "add", "--data", str(ledger), "--document", "doc", "--quantity", "people",
        "--value", "1,800", "--as-of", "2015", "--said-by", "Vladimir Kolokoltsev",
        "--quote", QUOTE,
    ]  # fmt: skip
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    assert "value: 1800\n" in (ledger / "sources" / "doc.yaml").read_text()


def test_add_explains_a_decimal_comma_in_the_value(text_ledger) -> None:
    ledger = text_ledger(TEXT)
    args = [
        "add", "--data", str(ledger), "--document", "doc", "--quantity", "people",
        "--value", "1,8", "--as-of", "2015", "--said-by", "X", "--quote", QUOTE,
    ]  # fmt: skip
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 2
    assert "write a decimal with a point (1.8)" in result.stderr
