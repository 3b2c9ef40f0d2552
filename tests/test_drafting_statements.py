"""Figures a document gives twice (figcheck.text.drafting.statements): a headline's figure
completed from the body that gives it again, and one `statement:` id for the drafts of one
number, speaker and date. Every text is written for the tests."""

from __future__ import annotations

from pathlib import Path

from figcheck.dates import parse_date
from figcheck.ledger import load_ledger
from figcheck.model import Location, Quantity
from figcheck.text.drafting.drafts import Context, DraftRecord, draft_document, draft_text

QUANTITIES = {
    q.id: q
    for q in (
        Quantity(
            "stranded", "Travellers stranded at the airport", "people", "stock", Location("q", 1)
        ),
        Quantity(
            "flights", "Flights cancelled at the airport", "flights", "flow", Location("q", 2)
        ),
    )
}

STORM = (
    "Snowstorm strands 2,400 at Kessel airport\n\n"
    "KESSEL, Jan 14 (Wire) - About 2,400 travellers were stranded at Kessel airport on "
    "Tuesday, the airport operator said, after 180 flights were cancelled.\n\n"
    "The operator said it had 300 camp beds."
)


def records(text: str, **context: object) -> list[DraftRecord]:
    found = draft_text(
        text,
        Context(published=parse_date("2026-01-14"), quantities=QUANTITIES, **context),  # type: ignore[arg-type]
    )
    return [d.record for d in found if d.record is not None]


def by_value(text: str) -> dict[object, list[DraftRecord]]:
    found: dict[object, list[DraftRecord]] = {}
    for record in records(text):
        found.setdefault(record.value, []).append(record)
    return found


def test_a_headline_takes_the_date_speaker_and_quantity_of_its_body() -> None:
    headline, body = by_value(STORM)[2400]
    assert body.as_of == "2026-01-13?" and body.said_by == "airport operator"
    assert (headline.as_of, headline.said_by, headline.quantity) == (
        body.as_of,
        body.said_by,
        body.quantity,
    )
    assert headline.quote == "Snowstorm strands 2,400 at Kessel airport"


def test_the_headline_and_its_body_are_one_statement() -> None:
    headline, body = by_value(STORM)[2400]
    assert headline.statement == body.statement == "airport-operator-2026-01-13"
    assert all(r.statement is None for r in records(STORM) if r.value != 2400)


def test_a_headline_with_its_own_speaker_and_date_keeps_them() -> None:
    text = "Kessel police: 2,400 stranded on Monday\n\n" + STORM.split("\n\n", 1)[1]
    headline, body = by_value(text)[2400]
    assert (headline.said_by, headline.as_of) == ("Kessel police", "2026-01-12?")
    assert headline.statement is body.statement is None  # two speakers: two statements


def test_a_number_given_again_by_another_speaker_is_another_statement() -> None:
    text = (
        "About 2,400 travellers were stranded, the airport operator said.\n\n"
        "Police said 2,400 travellers were stranded."
    )
    assert [r.statement for r in records(text)] == [None, None]


def test_the_same_number_of_two_quantities_is_two_statements() -> None:
    text = "The airport operator said 180 travellers were stranded and 180 flights were cancelled."
    assert [r.statement for r in records(text)] == [None, None]


def test_a_small_number_without_a_quantity_is_no_statement() -> None:
    text = "Four ferries sank, police said.\n\nFour buses crashed, police said."
    found = draft_text(text, Context(published=parse_date("2026-01-14")))
    assert [d.record.statement for d in found if d.record] == [None, None]


def test_two_statements_of_one_speaker_and_date_get_two_ids() -> None:
    text = (
        "Stranded: 2,400; flights: 180\n\n"
        "About 2,400 travellers were stranded on Tuesday, the airport operator said. It "
        "said 180 flights were cancelled."
    )
    ids = {r.value: r.statement for r in records(text)}
    assert ids[2400] == "airport-operator-2026-01-13"
    assert ids[180] == "airport-operator-2026-01-13-2"


def test_the_id_is_ascii_from_the_speakers_first_words() -> None:
    text = (
        "2,400 stranded\n\n"
        "About 2,400 people were stranded on Tuesday, said Ayşe Çelik, governor of the region."
    )
    headline, body = by_value(text)[2400]
    assert body.said_by == "Ayşe Çelik, governor of the region"
    assert headline.statement == body.statement == "ayse-celik-2026-01-13"


SOURCE = """\
document:
  id: storm
  title: Snowstorm strands 2,400
  published: 2026-01-14
  text: ../documents/storm.txt
figures:
  - id: stranded
    quantity: stranded
    value: 2400
    approx: about
    as_of: 2026-01-13
    said_by: airport operator
    statement: kessel-operator-briefing
    quote: About 2,400 travellers were stranded at Kessel airport on Tuesday
"""
QUANTITIES_YAML = """\
quantities:
  stranded: {label: Travellers stranded at the airport, unit: people, kind: stock}
  flights: {label: Flights cancelled at the airport, unit: flights, kind: flow}
"""


def test_a_recorded_figure_gives_its_statement_to_the_draft_of_the_headline(
    tmp_path: Path,
) -> None:
    (tmp_path / "sources").mkdir()
    (tmp_path / "documents").mkdir()
    (tmp_path / "quantities.yaml").write_text(QUANTITIES_YAML)
    (tmp_path / "sources" / "storm.yaml").write_text(SOURCE)
    (tmp_path / "documents" / "storm.txt").write_text(STORM)
    drafts = draft_document(load_ledger(tmp_path), "storm").drafts
    headline = next(d.record for d in drafts if d.number.line == 1)
    assert headline is not None
    assert (headline.statement, headline.as_of, headline.said_by) == (
        "kessel-operator-briefing",
        "2026-01-13",
        "airport operator",
    )


def test_a_small_number_twice_in_the_body_is_no_statement() -> None:
    text = (
        "Police said two travellers were stranded at the airport on Tuesday.\n\n"
        "Police said two travellers were stranded at the station on Tuesday."
    )
    found = [r for r in records(text) if r.value == 2]
    assert [(r.said_by, r.quantity) for r in found] == [("Police", "stranded")] * 2
    assert [r.statement for r in found] == [None, None]


def test_a_small_number_in_a_headline_and_its_body_is_one_statement() -> None:
    text = (
        "Four stranded at Kessel airport\n\n"
        "Four travellers were stranded at Kessel airport on Tuesday, the airport operator "
        "said."
    )
    headline, body = records(text)
    assert headline.statement == body.statement == "airport-operator-2026-01-13"
