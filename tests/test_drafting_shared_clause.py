"""Numbers whose nouns share one predicate share its clause in their quotes ("Two ferries
and 35 barges were stranded"), and each is matched to a quantity by its own words.
Every sentence is written for the tests."""

from __future__ import annotations

import pytest

from figcheck.dates import parse_date
from figcheck.model import Location, Quantity
from figcheck.text.drafting.drafts import Context, Draft, draft_text
from figcheck.text.drafting.sentences import coordinated

QUANTITIES = {
    q.id: q
    for q in (
        Quantity("ferries", "Ferries stranded in port", "ferries", "stock", Location("q", 1)),
        Quantity("barges", "Barges stranded in port", "barges", "stock", Location("q", 2)),
    )
}


def drafted(text: str) -> dict[str, Draft]:
    context = Context(published=parse_date("2025-03-12"), quantities=QUANTITIES)
    return {d.number.text: d for d in draft_text(text, context) if d.record is not None}


def quotes(text: str) -> dict[str, str]:
    return {number: d.record.quote for number, d in drafted(text).items() if d.record}


def test_numbers_of_one_subject_share_the_clause() -> None:
    text = "Two ferries and 35 barges were stranded in the harbour, the port said."
    clause = "Two ferries and 35 barges were stranded in the harbour"
    assert quotes(text) == {"Two": clause, "35": clause}


def test_hedged_numbers_of_one_subject_share_the_clause() -> None:
    text = "At least 12 ferries and about 35 barges were stranded, while 4 tugs sank."
    found = quotes(text)
    assert found["12"] == found["35"] == "At least 12 ferries and about 35 barges were stranded"
    assert found["4"] == "4 tugs sank"


def test_numbers_of_two_clauses_keep_their_own() -> None:
    text = "Two ferries sank and 35 barges were stranded."
    assert quotes(text) == {"Two": "Two ferries sank", "35": "35 barges were stranded"}


def test_each_number_of_a_shared_clause_matches_its_own_quantity() -> None:
    found = drafted("Two ferries and 35 barges were stranded in the harbour.")
    assert (found["Two"].record.quantity, found["35"].record.quantity) == (  # type: ignore[union-attr]
        "ferries",
        "barges",
    )


@pytest.mark.parametrize(
    ("between", "joined"),
    [
        (" ferries and ", True),
        (" ferries or about ", True),
        (" ferries sank and ", False),  # a verb: two clauses
        (" were killed and ", False),
        (" ferries, and ", False),  # a comma
        (" and ", False),  # no noun of its own
    ],
)
def test_coordinated(between: str, joined: bool) -> None:
    text = f"2{between}35"
    assert coordinated(text, 1, len(text) - 2) is joined
