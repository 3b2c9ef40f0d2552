"""A percentage followed by "to" and an amount is a change and the level it reached, not a
range (FC106 and the drafts read ranges with figcheck.text.hedges). Sentences written for
the tests."""

from __future__ import annotations

import pytest

from figcheck.text.hedges import read_hedge
from figcheck.text.numbers import find_numbers


def hedges(text: str) -> dict[str, str | None]:
    return {n.text: (h.approx if (h := read_hedge(text, n)) else None) for n in find_numbers(text)}


@pytest.mark.parametrize(
    "text",
    [
        "Exports grew 4.2% to 310.5 million euros in May.",
        "Ticket sales rose 12 percent to 1,450 a week.",
        "The herd shrank 8% to 2,300 animals.",
    ],
)
def test_a_percentage_to_an_amount_is_no_range(text: str) -> None:
    assert set(hedges(text).values()) == {None}


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("The bank expects growth of 1.5 to 2.5% next year.", "1.5", "2.5%"),
        ("The bank expects growth of 1.5% to 2.5% next year.", "1.5%", "2.5%"),
        ("Between 300 and 450 tents were put up.", "300", "450"),
        ("Crews put up 300 to 450 tents.", "300", "450"),
    ],
)
def test_ranges_of_like_numbers_are_still_read(text: str, low: str, high: str) -> None:
    read = hedges(text)
    assert read[low] == read[high] == "range"
