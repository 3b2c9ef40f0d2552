"""A half that names a period ("first-half profit") is no fraction, written with a hyphen as
with a space. Sentences written for the tests."""

from __future__ import annotations

import pytest

from figcheck.text.numbers import find_numbers


@pytest.mark.parametrize(
    "text",
    [
        "Analysts expect a first-half loss at the airline.",
        "Its second-half sales recovered.",
        "A last-half rally lifted the index.",
        "Its first half sales recovered.",
    ],
)
def test_a_half_of_a_period_is_no_fraction(text: str) -> None:
    assert [n.kind for n in find_numbers(text)].count("fraction") == 0


def test_half_of_something_is_still_one() -> None:
    (half,) = find_numbers("Half of the ferries were cancelled.")
    assert (half.kind, half.value) == ("fraction", 0.5)
