"""Relative dates in running text (figcheck.date_phrases.dates_in): weeks and months counted
from the publication, a period named again ("in the quarter", "the same quarter of 2023"),
and "since Friday" as the start of a count. Every sentence is written for the tests."""

from __future__ import annotations

import pytest

from figcheck.date_phrases import DateMention, dates_in
from figcheck.dates import is_date, parse_date

# 14 August 2025 is a Thursday.
THURSDAY = "2025-08-14"


def mentions(text: str, published: str = THURSDAY) -> dict[str, DateMention]:
    return {m.text: m for m in dates_in(text, parse_date(published))}


def edtfs(text: str, published: str = THURSDAY) -> dict[str, str]:
    return {words: m.edtf for words, m in mentions(text, published).items()}


@pytest.mark.parametrize(
    ("text", "words", "edtf"),
    [
        ("Last week, the port handled 40 ships.", "Last week", "2025-08-04?/2025-08-10?"),
        ("This week the port handled 40 ships.", "This week", "2025-08-11?/2025-08-14?"),
        ("Over the past week 40 ships came.", "Over the past week", "2025-08-08?/2025-08-14?"),
        ("The port handled 40 ships last weekend.", "last weekend", "2025-08-09?/2025-08-10?"),
        ("The port handled 40 ships last month.", "last month", "2025-07?"),
        ("The port handled 40 ships in the previous month.", "in the previous month", "2025-07?"),
        ("Earlier this month 40 ships came.", "Earlier this month", "2025-08?"),
    ],
)
def test_weeks_and_months_counted_from_the_publication(text: str, words: str, edtf: str) -> None:
    assert edtfs(text)[words] == edtf


def test_last_month_in_january_is_december_of_the_year_before() -> None:
    assert edtfs("Sales fell last month.", "2026-01-09")["last month"] == "2025-12?"


def test_the_last_week_of_a_month_is_no_week_before_the_publication() -> None:
    found = edtfs("The plan is due in the last week of September.")
    assert "the last week" not in " ".join(found)
    assert all(is_date(edtf) for edtf in found.values())


def test_a_week_needs_a_publication_dated_to_the_day() -> None:
    assert "Last week" not in edtfs("Last week, 40 ships came.", "2025-08")


@pytest.mark.parametrize(
    ("text", "words", "edtf"),
    [
        # "the quarter": the quarter the text named last
        (
            "Output grew 2% in the third quarter. Mines hired 900 people in the quarter.",
            "in the quarter",
            "2025-35?",
        ),
        (
            "Output grew 2% in the first half. Mines cut 900 jobs over the period.",
            "over the period",
            "2025-40?",
        ),
        (
            "Output grew 2% in the third quarter of 2024. Mines shed 3% of staff over the year.",
            "over the year",
            "2024-35",
        ),
        (
            "Output grew in the third quarter. Staff fell 3% over the year to about 9,000.",
            "over the year",
            "2025-35?",
        ),
        # "in the year": the year of the latest date
        ("On 2 March 2023 the mill shut. It lost 40 staff in the year.", "in the year", "2023"),
        # a comparison names the same period in another year
        (
            "Exports rose in the third quarter of 2024, against the same quarter of 2023.",
            "the same quarter of 2023",
            "2023-35",
        ),
        (
            "Exports rose in May 2024, up from the same month a year earlier.",
            "the same month a year earlier",
            "2023-05",
        ),
        (
            "Exports rose in the first half, above the same period last year.",
            "the same period last year",
            "2024-40?",
        ),
    ],
)
def test_a_period_named_again_is_the_one_named_before(text: str, words: str, edtf: str) -> None:
    assert edtfs(text)[words] == edtf


def test_a_comparison_is_marked_as_one() -> None:
    found = mentions("Rents rose 4% in the second quarter, from 3% a year earlier.")
    assert not found["in the second quarter"].compared
    assert found["a year earlier"].compared


def test_the_period_named_again_is_not_a_comparison() -> None:
    found = mentions("Rents rose in the second quarter. Sales fell in the quarter.")
    assert not found["in the quarter"].compared


@pytest.mark.parametrize(
    "text",
    [
        "It was the worst quarter of the decade.",  # no quarter named before
        "The year to June saw 40 strikes, after the second quarter.",  # another period
        "It was the hottest year on record.",
        "Exports rose in the second quarter, and in the year to June they fell.",
    ],
)
def test_a_period_without_one_named_before_it_is_no_date(text: str) -> None:
    found = mentions(text)
    assert not any(m.text.lower().endswith(("the quarter", "the year")) for m in found.values())


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Some 3,000 people have left since Friday, police said.", "Friday"),
        ("Some 3,000 people have left since 2 August, police said.", "2 August"),
        ("Some 3,000 people have left since June, police said.", "June"),
        ("Some 3,000 people have left ever since last week.", "last week"),
        ("Some 3,000 people have left since the dam broke late on Friday.", "late on Friday"),
    ],
)
def test_since_a_relative_date_starts_a_count(text: str, words: str) -> None:
    (mention,) = [m for m in mentions(text).values() if m.text.endswith(words)]
    assert mention.role == "since"


def test_a_weekday_without_since_is_the_date_of_the_count() -> None:
    found = mentions("Police counted 3,000 on Friday, up from 2,000 since Monday.")
    assert (found["on Friday"].role, found["Monday"].role) == ("at", "since")


def test_since_ends_at_punctuation() -> None:
    found = mentions("Prices have risen since, and on Friday the index hit 300.")
    assert found["on Friday"].role == "at"
