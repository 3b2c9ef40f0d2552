"""The number extractor: every form reports write, one occurrence each, with span and line."""

from __future__ import annotations

import doctest
import re
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import figcheck.text.numbers
from figcheck.text.numbers import find_numbers
from tests.builders import scanned_and_searched


def found(text: str) -> list[tuple[str, object, str]]:
    """(as written, value or (low, high), kind) for each number in `text`."""
    return [
        (n.text, n.value if n.value is not None else (n.low, n.high), n.kind)
        for n in find_numbers(text)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2,719 people", [("2,719", 2719, "plain")]),
        ("2719 people", [("2719", 2719, "plain")]),
        ("2 719 people", [("2 719", 2719, "plain")]),
        (
            "2\u00a0719 and 2\u2009719 and 2\u202f719",
            [(f"2{s}719", 2719, "plain") for s in "\u00a0\u2009\u202f"],
        ),
        ("1,234,567", [("1,234,567", 1234567, "plain")]),
        ("2.9 of them", [("2.9", Fraction(29, 10), "plain")]),
        ("more than 25 thousand foreign", [("25 thousand", 25000, "plain")]),
        ("2.9 thousand", [("2.9 thousand", 2900, "plain")]),
        ("1.5 million", [("1.5 million", 1500000, "plain")]),
        ("46%", [("46%", 46, "percent")]),
        ("46 %", [("46 %", 46, "percent")]),
        ("46 percent", [("46 percent", 46, "percent")]),
        ("46 per cent", [("46 per cent", 46, "percent")]),
        ("forty percent", [("forty percent", 40, "percent")]),
        ("one", [("one", 1, "plain")]),
        ("nineteen", [("nineteen", 19, "plain")]),
        ("ninety", [("ninety", 90, "plain")]),
        ("forty-four came back", [("forty-four", 44, "plain")]),
        ("forty four came back", [("forty four", 44, "plain")]),
        ("two hundred people", [("two hundred", 200, "plain")]),
        ("a hundred people", [("a hundred", 100, "plain")]),
        ("one hundred and five", [("one hundred and five", 105, "plain")]),
        ("two thousand five hundred", [("two thousand five hundred", 2500, "plain")]),
        ("a dozen people", [("a dozen", 12, "plain")]),
        ("dozen", [("dozen", 12, "plain")]),
        ("two dozen", [("two dozen", 24, "plain")]),
        ("half a dozen", [("half a dozen", 6, "plain")]),
        ("the second largest ethnic group", [("second", 2, "ordinal")]),
        ("the twentieth time", [("twentieth", 20, "ordinal")]),
        ("the twenty-first century", [("twenty-first", 21, "ordinal")]),
        ("the 7th regional conference", [("7th", 7, "ordinal")]),
        ("2nd, 21st, 3rd", [("2nd", 2, "ordinal"), ("21st", 21, "ordinal"), ("3rd", 3, "ordinal")]),
        ("since 2014", [("2014", 2014, "plain")]),
        ("in the 2010s", [("2010s", 2010, "plain")]),
        ("Copyright ©2014-2024 Ukraine", [("2014", 2014, "plain"), ("2024", 2024, "plain")]),
        ("24/7, every day", [("24", 24, "plain"), ("7", 7, "plain")]),
        ("hundreds of attacks", [("hundreds", (200, 999), "vague")]),
        ("dozens", [("dozens", (24, 99), "vague")]),
        ("thousands of fighters", [("thousands", (2000, 9999), "vague")]),
        ("Millions", [("Millions", (2000000, 9999999), "vague")]),
        ("hundreds of thousands", [("hundreds of thousands", (200000, 999999), "vague")]),
        ("No one has sent them", [("one", 1, "plain")]),
        ("one of them was at home", [("one", 1, "plain")]),
        ("FORTY-FOUR", [("FORTY-FOUR", 44, "plain")]),
        ("the 38-year-old", [("38", 38, "plain")]),
    ],
)
def test_forms(text: str, expected: list) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    "text",
    ["someone", "often", "attend", "a single mother", "anyone", "tone", "Ura.ru", "a number of"],
)
def test_words_containing_number_words_are_not_numbers(text: str) -> None:
    assert found(text) == []


def test_number_at_a_clause_end_keeps_its_comma_outside() -> None:
    assert found("went to Syria 2,719, 160 of them") == [
        ("2,719", 2719, "plain"),
        ("160", 160, "plain"),
    ]


def test_space_grouping_does_not_join_a_year_and_a_number() -> None:
    assert found("In 2014 300 people") == [("2014", 2014, "plain"), ("300", 300, "plain")]


def test_separate_words_are_separate_numbers() -> None:
    text = "six people in the car: two were detained, four more ran away; the first two years"
    assert found(text) == [
        ("six", 6, "plain"),
        ("two", 2, "plain"),
        ("four", 4, "plain"),
        ("first", 1, "ordinal"),
        ("two", 2, "plain"),
    ]
    assert found("two and four") == [("two", 2, "plain"), ("four", 4, "plain")]


def test_spans_and_lines() -> None:
    text = "Title 1\n\nIt fell by 46%\nand forty-four left."
    numbers = find_numbers(text)
    assert [(n.start, n.end, n.line) for n in numbers] == [(6, 7, 1), (20, 23, 3), (28, 38, 4)]
    assert [text[n.start : n.end] for n in numbers] == ["1", "46%", "forty-four"]


def test_values_are_exact_fractions() -> None:
    (number,) = find_numbers("2.9")
    assert number.value == Fraction(29, 10)
    assert isinstance(number.value, Fraction)


def test_shown() -> None:
    shown = [n.shown() for n in find_numbers("2719, 46%, second, hundreds, 12th")]
    assert shown == ["2,719", "46%", "2nd", "200 to 999", "12th"]


def test_module_examples() -> None:
    assert doctest.testmod(figcheck.text.numbers).failed == 0


_PIECES_OF_TEXT = [
    "2,719",
    "2 719",
    "2.9",
    "25 thousand",
    "46%",
    "46 percent",
    " per cent",
    "forty-four",
    "forty four",
    "a dozen",
    "half a dozen",
    "dozens",
    "hundreds of thousands",
    "second",
    "7th",
    "2010s",
    "24/7",
    "©2014-2024",
    "No one",
    "someone",
    "MH17",
    "one hundred and five",
    "a",
    "an",
    "and",
    "the",
    " ",
    "  ",
    "\n",
    ",",
    ".",
    "-",
    "—",
    "x_one",
    "ONE",
    "Tens of",
    "millions",
    "thousand",
    "İ",
    "ß",
    "1st",
    "3rd",
    "twenty-first",
    "hundredth",
]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PIECES_OF_TEXT), max_size=12).map("".join))
def test_the_token_scan_finds_what_a_full_search_finds(text):
    """The scan only tries the pattern where a number can start; it must find exactly the
    matches that searching with the pattern at every position finds."""
    by_scan, by_search = scanned_and_searched(text)
    assert by_scan == by_search


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (1, "1st"),
        (2, "2nd"),
        (3, "3rd"),
        (4, "4th"),
        (10, "10th"),
        (11, "11th"),
        (12, "12th"),
        (13, "13th"),
        (14, "14th"),
        (21, "21st"),
        (22, "22nd"),
        (23, "23rd"),
        (101, "101st"),
        (111, "111th"),
        (112, "112th"),
        (113, "113th"),
        (1012, "1,012th"),
        (1013, "1,013th"),
        (1000, "1,000th"),
    ],
)
def test_ordinals_are_written_with_their_suffix(value, text):
    assert figcheck.text.numbers.ordinal(Fraction(value)) == text


@pytest.mark.parametrize(
    ("text", "meaning"),
    [
        ("forty-four", "44"),
        ("2719", None),
        ("2,719", None),
        ("hundreds", "200 to 999"),
        ("46%", None),
        ("46 percent", "46%"),
        ("7th", None),
        ("second", "2nd"),
        ("25 thousand", "25,000"),
    ],
)
def test_the_meaning_is_given_only_where_it_reads_differently(text, meaning):
    (number,) = find_numbers(text)
    assert number.meaning() == meaning


def test_a_vague_plural_keeps_its_own_place():
    (number,) = find_numbers("There were hundreds of them")
    assert (number.start, number.end, number.text) == (11, 19, "hundreds")


def test_numbers_among_number_words_are_each_read():
    assert found("forty cats, 7 dogs and five birds") == [
        ("forty", 40, "plain"),
        ("7", 7, "plain"),
        ("five", 5, "plain"),
    ]


def test_dozens_after_digits():
    assert found("3 dozen eggs") == [("3 dozen", 36, "plain")]


def test_a_whole_number_of_thousands_of_digits_is_read_exactly():
    digits = "7" * 4500  # beyond what int() reads from text
    assert found(f"a figure of {digits} people") == [(digits, 7 * (10**4500 - 1) // 9, "plain")]


def test_phrases_are_tried_longest_first_and_as_plain_text():
    alternation = figcheck.text.numbers._alternation(["four", "a  dozen", "fourteen", "a.b"])
    assert re.match(alternation, "fourteen").group() == "fourteen"
    assert re.match(alternation, "a \n dozen").group() == "a \n dozen"
    assert re.match(alternation, "a.b").group() == "a.b"
    assert re.match(alternation, "axb") is None
