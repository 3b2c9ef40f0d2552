"""The hedge vocabulary: the words next to a number, and the approx they mean."""

from __future__ import annotations

import pytest

from figcheck.model import APPROXES
from figcheck.rules import get
from figcheck.text.hedges import VOCABULARY, read_hedge, stated_hedge
from figcheck.text.numbers import find_numbers


def hedge_of(text: str, number: str) -> tuple[str, str] | None:
    (occurrence,) = [n for n in find_numbers(text) if n.text == number]
    found = read_hedge(text, occurrence)
    return None if found is None else (found.approx, found.phrase)


@pytest.mark.parametrize(
    ("text", "number", "approx", "phrase"),
    [
        ("More than 8,700 people have left", "8,700", "over", "More than 8,700"),
        ("About 3,400 fighters", "3,400", "about", "About 3,400"),
        ("Nearly 500 came back", "500", "nearly", "Nearly 500"),
        ("an estimated 3,000 people", "3,000", "about", "an estimated 3,000"),
        ("some 1,8 thousand Russians", "1,8 thousand", "about", "some 1,8 thousand"),
        ("at least 10 were killed", "10", "at-least", "at least 10"),
        ("no fewer than 40", "40", "at-least", "no fewer than 40"),
        ("no more than 300", "300", "at-most", "no more than 300"),
        ("up to 200 recruits", "200", "at-most", "up to 200"),
        ("fewer than 50 left", "50", "under", "fewer than 50"),
        ("exactly 2,719 citizens", "2,719", "exact", "exactly 2,719"),
        ("fell by more than 40%", "40%", "over", "more than 40%"),
        ("about $5 billion", "5 billion", "about", "about $5 billion"),
        ("(about 500 of them)", "500", "about", "about 500"),
        ("5,000 or more fighters", "5,000", "at-least", "5,000 or more"),
        ("500 or so people", "500", "about", "500 or so"),
        ("5,000-plus fighters", "5,000", "at-least", "5,000-plus"),
        ("between 5,000 and 7,000 people", "5,000", "range", "between 5,000 and 7,000"),
        ("between 5,000 and 7,000 people", "7,000", "range", "between 5,000 and 7,000"),
        ("5,000 to 7,000 people", "5,000", "range", "5,000 to 7,000"),
        ("5,000 to 7,000 people", "7,000", "range", "5,000 to 7,000"),
        ("5,000–7,000 people", "7,000", "range", "5,000–7,000"),
    ],
)
def test_the_words_next_to_a_number(text: str, number: str, approx: str, phrase: str) -> None:
    assert hedge_of(text, number) == (approx, phrase)


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("the 2,719 who left", "2,719"),
        ("more of them, 2,719 in all", "2,719"),  # not right before the number
        ("rose from 5,000 to 7,000", "7,000"),  # a change, not a range
        ("rose from 5,000 to 7,000", "5,000"),
        ("grew from 1,000 in 2014 to 2,200 in 2015", "2,200"),
        ("7,000 to 5,000", "7,000"),  # a range runs upwards
        ("someone said 400", "400"),  # whole words only
    ],
)
def test_no_hedge(text: str, number: str) -> None:
    assert hedge_of(text, number) is None


def test_words_that_read_two_ways_allow_both() -> None:
    (number,) = find_numbers("close to 500")
    close = read_hedge("close to 500", number)
    assert close is not None and close.approx == "nearly"
    assert close.allows("about") and close.allows("nearly") and not close.allows("over")


def test_every_phrase_means_an_approx_and_is_documented_in_fc106() -> None:
    doc = " ".join(get("FC106").doc.split())
    for phrase in VOCABULARY:
        assert phrase.approx in APPROXES and set(phrase.also) <= set(APPROXES)
        assert phrase.words in doc, phrase.words


def test_stated_hedge_reads_the_number_that_says_the_value_in_the_text() -> None:
    text = "Officials said 300 left. More than 8,700 people have left since 2014."
    found = stated_hedge("8,700 people have left", 8700, "cumulative", text)
    assert found is not None
    hedge, number = found
    assert (hedge.approx, hedge.words, number.text) == ("over", "More than", "8,700")
    assert stated_hedge("8,700 people have left", 8700, "cumulative") is None  # quote alone
    assert stated_hedge("More than 8,700 people", 9000, "cumulative", text) is None
