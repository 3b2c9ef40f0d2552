"""The as_of of a drafted record (figcheck.text.drafting.drafts): the date of the number's
own clause first, "since" as the start of a count, a period named again, and the period an
earlier sentence of the paragraph gives. Every sentence is written for the tests."""

from __future__ import annotations

from figcheck.dates import parse_date
from figcheck.text.drafting.drafts import Context, DraftRecord, draft_text

# 13 August 2025 is a Wednesday.
WEDNESDAY = "2025-08-13"


def as_of(text: str, published: str = WEDNESDAY) -> dict[str, str]:
    """Each drafted record's as_of, by the text of its number."""
    found = {}
    for draft in draft_text(text, Context(published=parse_date(published))):
        if draft.record is not None:
            found[draft.number.text] = draft.record.as_of
    return found


def test_the_date_of_the_numbers_own_clause_wins() -> None:
    text = "Ferries carried 5,200 cars on Tuesday, up from 3,900 cars and vans counted on Sunday."
    assert as_of(text) == {"5,200": "2025-08-12?", "3,900": "2025-08-10?"}


def test_a_date_elsewhere_in_the_sentence_serves_a_clause_without_one() -> None:
    text = "On Monday the port said 40 ships had docked, and 12 were waiting."
    assert as_of(text) == {"40": "2025-08-11?", "12": "2025-08-11?"}


def test_since_a_weekday_starts_the_count_which_holds_at_the_report() -> None:
    text = "Some 2,300 people have left the island since Friday, the coast guard said."
    assert as_of(text) == {"2,300": "2025-08-13?"}


def test_since_a_weekday_leaves_the_date_of_the_attribution() -> None:
    text = "Some 2,300 people have left since Friday, the coast guard said on Tuesday."
    assert as_of(text) == {"2,300": "2025-08-12?"}


def test_relative_periods_are_read_against_the_publication() -> None:
    text = (
        "The mill made 41,000 tonnes of steel in the second quarter.\n\n"
        "It shipped 12,500 tonnes last month.\n\n"
        "It hired 75 welders last week."
    )
    assert as_of(text) == {
        "41,000": "2025-34?",
        "12,500": "2025-07?",
        "75": "2025-08-04?/2025-08-10?",
    }


def test_a_year_earlier_is_read_against_the_period_of_its_sentence() -> None:
    text = "The mill made 41,000 tonnes in the first half, against 38,000 a year earlier."
    assert as_of(text) == {"41,000": "2025-40?", "38,000": "2024-40?"}


def test_a_period_named_again_in_a_later_paragraph() -> None:
    text = (
        "Steel output rose to 41,000 tonnes in the second quarter.\n\n"
        "The mills hired some 600 workers in the quarter, the union said."
    )
    assert as_of(text)["600"] == "2025-34?"


def test_the_period_of_the_paragraph_carries_past_a_comparison() -> None:
    text = (
        "Steel output rose to 41,000 tonnes in the second quarter, from 39,000 a year earlier. "
        "Exports took 17,000 tonnes."
    )
    assert as_of(text) == {"41,000": "2025-34?", "39,000": "2024-34?", "17,000": "2025-34?"}


def test_a_change_runs_from_the_same_period_a_year_before() -> None:
    text = "In the first half, steel output fell 4%. Exports grew 7% over the year."
    found = as_of(text)
    assert found == {"4%": "2024-40?/2025-40?", "7%": "2024-40?/2025-40?"}


def test_a_day_in_another_paragraph_does_not_carry() -> None:
    text = "Output rose on Monday.\n\nThe mill employs 3,200 people."
    assert as_of(text) == {"3,200": "2025-08-13?"}


def test_the_quarter_of_the_lead_dates_the_report_of_a_release() -> None:
    text = (
        "Mill output up in spring quarter\n\n"
        "KEMBLE, Aug 13 (Wire) - Steel output rose to 41,000 tonnes in the second quarter, "
        "the trade body said.\n\n"
        "Exports took 17,000 tonnes, and the mills hired 300 welders."
    )
    found = as_of(text)
    assert (found["17,000"], found["300"]) == ("2025-34?", "2025-34?")


def test_a_quarter_outside_the_lead_does_not_date_the_report() -> None:
    text = (
        "Steel output rose to 41,000 tonnes on Monday, the trade body said.\n\n"
        "In the second quarter the mills were idle.\n\n"
        "Exports took 17,000 tonnes."
    )
    assert as_of(text)["17,000"] == "2025-08-13?"


def test_each_draft_date_is_valid_edtf() -> None:
    text = (
        "Some 2,300 have left since Friday. On Sunday 90 more came, against 70 the same day a "
        "year earlier. In the quarter, 14 ships sank; last week 3 did, and this week 2."
    )
    records: list[DraftRecord] = [
        d.record for d in draft_text(text, Context(published=parse_date(WEDNESDAY))) if d.record
    ]
    assert len(records) >= 5
    for record in records:
        parse_date(record.as_of)


def test_since_an_event_on_a_weekday_starts_the_count() -> None:
    text = "About 1,800 people have been moved since the levee failed on Sunday."
    assert as_of(text) == {"1,800": "2025-08-13?"}


def test_a_count_since_a_day_holds_at_the_report_not_at_an_earlier_sentences_date() -> None:
    text = (
        "The port counted 9,000 passengers on Sunday. Since Friday some 40 sailings have "
        "been cancelled."
    )
    assert as_of(text) == {"9,000": "2025-08-10?", "40": "2025-08-13?"}
