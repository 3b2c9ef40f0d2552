"""Dates in running text (figcheck.date_phrases.dates_in): what `figcheck draft` reads as a
figure's date, the forms without a year read against the publication date."""

from __future__ import annotations

import pytest

from figcheck.date_phrases import dates_in
from figcheck.dates import is_date, parse_date


def found(text: str, published: str | None = None) -> list[tuple[str, str]]:
    span = parse_date(published) if published else None
    return [(m.text, m.edtf) for m in dates_in(text, span)]


@pytest.mark.parametrize(
    ("text", "mention", "edtf"),
    [
        ("The toll rose sharply in 2019, officials said.", "in 2019", "2019"),
        ("Prices had doubled by the end of 2021.", "by the end of 2021", "2021-12~"),
        ("Output fell in late 2018 and recovered.", "in late 2018", "2018-39"),
        ("Sales peaked in the first half of 2020.", "in the first half of 2020", "2020-40"),
        ("Exports grew in Q3 2017, the ministry said.", "in Q3 2017", "2017-35"),
        ("Arrivals slowed in the summer of 2016.", "in the summer of 2016", "2016-22"),
        ("The law took effect on 1 January 2019.", "on 1 January 2019", "2019-01-01"),
        ("The law took effect on January 1, 2019.", "on January 1, 2019", "2019-01-01"),
        ("Rents rose during the 1990s.", "the 1990s", "1990/1999"),
        ("The index was revised on 2020-05-04.", "2020-05-04", "2020-05-04"),
        ("Emissions fell in May 2021.", "in May 2021", "2021-05"),
    ],
)
def test_dates_with_their_year(text: str, mention: str, edtf: str) -> None:
    assert (mention, edtf) in found(text)


@pytest.mark.parametrize(
    ("text", "published", "mention", "edtf"),
    [
        # A month without a year: the latest one up to the publication.
        ("Inflation eased in June, the bank said.", "2022-09-30", "in June", "2022-06?"),
        ("Inflation eased in October, the bank said.", "2022-09-30", "in October", "2021-10?"),
        ("By March the camp held 900 people.", "2018-05", "By March", "2018-03?"),
        # "last October" is the one before the publication's month.
        ("Last October the mayor resigned.", "2019-10-02", "Last October", "2018-10?"),
        ("Last October the mayor resigned.", "2019-12-02", "Last October", "2019-10?"),
        ("Last October the mayor resigned.", "2019?", "Last October", "2018-10?"),
        # A day without a year: this year's, or last year's if it is after the publication.
        ("The dam broke on 12 April.", "2021-04-20", "on 12 April", "2021-04-12?"),
        ("The dam broke on April 12.", "2021-03-01", "on April 12", "2020-04-12?"),
        ("Last year 300 people left.", "2016-02-11?", "Last year", "2015?"),
        ("Growth will slow this year.", "2023-07", "this year", "2023?"),
        # A weekday is the latest one on or before a publication dated to the day.
        ("The agency said on Monday.", "2024-03-06", "on Monday", "2024-03-04?"),
        ("The agency said on Wednesday.", "2024-03-06", "on Wednesday", "2024-03-06?"),
        ("Police said yesterday.", "2020-01-01", "yesterday", "2019-12-31?"),
        ("At the moment 40 are held.", "2017-08-09?", "At the moment", "2017-08-09?"),
        ("So far 12 have died.", "2017-08", "So far", "2017-08?"),
        ("Sales rose in the second quarter.", "2024-07-17", "in the second quarter", "2024-34?"),
        ("Sales rose in the fourth quarter.", "2024-07-17", "in the fourth quarter", "2023-36?"),
        ("Prices rose last autumn.", "2016-02", "last autumn", "2015-23?"),
        ("Floods hit in early June.", "2012-07-01", "in early June", "2012-06-01?/2012-06-10?"),
    ],
)
def test_dates_read_against_the_publication(
    text: str, published: str, mention: str, edtf: str
) -> None:
    assert (mention, edtf) in found(text, published)


def test_a_year_earlier_is_a_year_before_the_date_of_its_sentence() -> None:
    text = "The rate fell to 5% in the third quarter, from 6% a year earlier."
    assert ("a year earlier", "2021-35?") in found(text, "2022-10-20")


def test_a_year_ago_without_another_date_is_a_year_before_the_publication() -> None:
    assert ("a year ago", "2019-06-02?") in found("Fewer than a year ago.", "2020-06-02")


def test_without_a_publication_date_only_dates_with_a_year_are_read() -> None:
    assert found("In June, and last year, and on Monday, 40 came in 2011.") == [("in 2011", "2011")]


def test_since_marks_the_start_of_a_count() -> None:
    (mention,) = dates_in("The group has recruited 400 people since 2014.")
    assert (mention.text, mention.role) == ("since 2014", "since")


def test_the_time_of_writing_is_marked_now() -> None:
    (mention,) = dates_in("There are currently 30 camps.", parse_date("2019-04-04"))
    assert mention.role == "now"


@pytest.mark.parametrize(
    "text",
    [
        "Prices may fall again.",  # "may" and "fall" are a verb here
        "Protesters march to the square.",
        "The spring water was clean.",
        "The 2019 people who signed.",  # a year needs a word that makes it one
        "It cost 2,014 dollars in total.",
    ],
)
def test_words_that_only_look_like_dates(text: str) -> None:
    assert found(text, "2019-05-05") == []


def test_every_date_found_is_valid_edtf() -> None:
    text = (
        "On 30 February the office said that in June, by the end of 2015, last year, on "
        "Sunday, in winter, in the 2010s and on 31 April 40 people came."
    )
    mentions = dates_in(text, parse_date("2016-01-15"))
    assert mentions
    assert all(is_date(m.edtf) for m in mentions)
    assert "On 30 February" not in [m.text for m in mentions]
