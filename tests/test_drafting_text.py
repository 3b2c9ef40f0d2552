"""The pieces `figcheck draft` reads a text with: sentences and clauses, attributions, and
what is plainly not a figure. Every sentence here is written for the tests."""

from __future__ import annotations

import pytest

from figcheck.date_phrases import dates_in
from figcheck.dates import parse_date
from figcheck.text.drafting.attribution import acronyms, attributions
from figcheck.text.drafting.not_figures import classify, is_rank
from figcheck.text.drafting.sentences import Layout, clause_break, new_clauses
from figcheck.text.numbers import find_numbers

# -- sentences and clauses ----------------------------------------------------------------


def sentences(text: str) -> list[str]:
    layout = Layout.of(text)
    return [layout.words(s) for s in layout.sentences]


def test_sentences_end_at_stops_not_at_abbreviations_or_decimals() -> None:
    text = "Gen. Ivan Orlov said 2.5 million were hit. Dr. J. Smith disagreed! Was he right?"
    assert sentences(text) == [
        "Gen. Ivan Orlov said 2.5 million were hit.",
        "Dr. J. Smith disagreed!",
        "Was he right?",
    ]


def test_a_headline_and_a_dateline_line_are_sentences_of_their_own() -> None:
    text = "Dam bursts in the north\nLONDON, May 3 - Water flooded 40 homes.\n\nNext one."
    assert sentences(text) == [
        "Dam bursts in the north",
        "LONDON, May 3 - Water flooded 40 homes.",
        "Next one.",
    ]
    assert [s.paragraph for s in Layout.of(text).sentences] == [0, 0, 1]


def test_a_line_wrapped_mid_sentence_runs_on() -> None:
    text = "The agency counted 300\nboats in the harbour. Then it left."
    assert sentences(text)[0] == "The agency counted 300\nboats in the harbour."


def test_a_quotation_closing_after_its_stop_ends_the_sentence() -> None:
    text = "“We found 12 bodies.” Police then left."
    assert sentences(text) == ["“We found 12 bodies.”", "Police then left."]


def test_clause_break_is_the_last_separator_between_two_numbers() -> None:
    text = "Of them 12 were hurt, 3 were killed and 9 fled"
    first_gap = (text.index("12") + 2, text.index("3 were"))
    start, end = clause_break(text, *first_gap)  # type: ignore[misc]
    assert text[:start].endswith("hurt") and text[end:].startswith("3 were")
    second_gap = (text.index("3 were") + 1, text.index("9 fled"))
    start, end = clause_break(text, *second_gap)  # type: ignore[misc]
    assert text[:start].endswith("killed") and text[end:].startswith("9 fled")
    assert clause_break("2,719 went", 1, 3) is None  # a thousands separator


def test_new_clauses_start_at_a_joining_word_not_at_a_comma_alone() -> None:
    text = "A total of 40 people, officials said, were hurt, while the rest fled"
    breaks = new_clauses(text, 0, len(text))
    assert [text[end:].split()[0] for _, end in breaks] == ["the"]


# -- attributions ---------------------------------------------------------------------------


def speakers(text: str) -> list[str]:
    return [a.speaker for a in attributions(Layout.of(text))]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Some 40 people were hurt, the fire brigade said.", "fire brigade"),
        ("Some 40 people were hurt, said Anna Berg.", "Anna Berg"),
        ("According to the health ministry, 40 people were hurt.", "health ministry"),
        (
            "Labour Minister Tomas Ek told parliament that 40 jobs went.",
            "Tomas Ek, Labour Minister",
        ),
        (
            "“It is worse,” said Jan Holm, a senior analyst at a think tank.",
            "Jan Holm, senior analyst at a think tank",
        ),
        ("According to the regional mayor, Eva Lund, 40 people fled.", "Eva Lund, regional mayor"),
        ("Its spokeswoman, Mia Roth, said 40 left.", "Mia Roth, spokeswoman"),
        (
            "This was stated by Deputy Governor Karl Hahn at a briefing.",
            "Karl Hahn, Deputy Governor",
        ),
        ("The Bank of Ruritania estimated that 40 banks failed.", "Bank of Ruritania"),
        ("Analysts often say the figure is 40.", "Analysts"),
    ],
)
def test_speakers(text: str, speaker: str) -> None:
    assert speakers(text) == [speaker]


def test_a_pronoun_and_a_role_stand_for_the_latest_named_speaker() -> None:
    text = (
        "Finance Minister Olga Berg said on Monday that 40 banks failed. She added that 3 "
        "merged. The minister said 2 more were at risk."
    )
    assert speakers(text) == ["Olga Berg, Finance Minister"] * 3


def test_a_surname_alone_is_the_person_named_before() -> None:
    text = "Police chief Ana Diaz said 40 were held. “We need 12 more cells,” Diaz said."
    assert speakers(text) == ["Ana Diaz, Police chief"] * 2


def test_an_acronym_the_text_introduced_is_written_out() -> None:
    text = "The World Weather Agency (WWA) tracks storms. Storms rose 12%, the WWA report said."
    assert acronyms(text) == {"WWA": "World Weather Agency"}
    assert speakers(text) == ["World Weather Agency"]


@pytest.mark.parametrize(
    "text",
    [
        "According to preliminary data, 40 people were hurt.",  # data is no speaker
        "According to our figures, 40 people were hurt.",
        "The United States sent 40 planes.",  # "States" is a noun here
        "Factories added 18,000 jobs.",  # added a number: not an attribution
        "Other reports on the matter vary.",
    ],
)
def test_words_that_are_not_attributions(text: str) -> None:
    assert speakers(text) == []


# -- what is not a figure -------------------------------------------------------------------


def why(text: str, number_text: str, published: str | None = "2021-06-09") -> str | None:
    layout = Layout.of(text)
    mentions = dates_in(text, parse_date(published) if published else None)
    number = next(n for n in find_numbers(text) if n.text == number_text)
    found = classify(text, number, layout, mentions)
    return None if found is None else f"{text[found.start : found.end]} | {found.why}"


@pytest.mark.parametrize(
    ("text", "number", "expected"),
    [
        ("Floods hit the coast in 2019, killing 40.", "2019", "in 2019 | a date"),
        ("Floods hit the coast on 12 May, killing 40.", "12", "on 12 May | a date"),
        ("OSLO, May 12 (Wire) - Floods killed 40.", "12", "OSLO, May 12 | the dateline"),
        ("The vote closes at 6 p.m. on the day.", "6", "at 6 p.m. | a time of day"),
        ("Talks resumed at 14:30 GMT.", "14", "at 14:30 GMT | a time of day"),
        ("Talks resumed at 14:30 GMT.", "30", "at 14:30 GMT | a time of day"),
        ("Under article 12 of the treaty, it may leave.", "12", "article 12 | "),
        ("Flight MH17 was shot down.", "17", "MH17 | part of a name or code"),
        ("He lives at 221 Baker Street in London.", "221", "221 Baker Street | an address"),
        ("Second, the plan costs too much.", "Second", "Second, | a list marker"),
        ("It opened a second bridge.", "second", "a second bridge | the ordinal second"),
        ("The war went on for three years in all.", "three", "for three years | a span of time"),
        ("No one was hurt in the blast.", "one", "No one | a pronoun"),
        ("One of them was a child.", "One", "One of them | one of ... singles out one"),
        ("The channel Sky One aired it.", "One", "Sky One | part of a name"),
        ("Copyright 2021 Wire Ltd. All rights reserved.", "2021", "Copyright 2021 Wire Ltd."),
        ("Share\n12 Comments\nMore", "12", "12 Comments | the count of comments"),
        ("Notes\n1. The agency revised its count.", "1", "1. The agency | the number of a list"),
        ("We work 24/7 for you.", "24", "24/7 | 24/7 means around the clock"),
        ("See https://example.org/report-2021 for more.", "2021", "https://example.org/"),
    ],
)
def test_not_figures(text: str, number: str, expected: str) -> None:
    found = why(text, number)
    assert found is not None
    shown_text, _, reason = expected.partition(" | ")
    assert found.startswith(shown_text)
    assert reason in found


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Some 2,000 people fled in 2019.", "2,000"),
        ("In total 2019 people signed the petition.", "2019"),
        ("The 38-year-old was arrested.", "38"),  # an age
        ("Aged 40, he ran for office.", "40"),
        ("It was the second largest group.", "second"),  # a rank
        ("The team came third in the league.", "third"),
        ("One person died and 40 were hurt.", "One"),
        ("Prices rose 4% over the year.", "4%"),
    ],
)
def test_figures_are_not_ignored(text: str, number: str) -> None:
    assert why(text, number) is None


def test_a_rank_is_an_ordinal_before_a_superlative() -> None:
    text = "the third-biggest city, and the fourth city"
    third, fourth = find_numbers(text)
    assert is_rank(text, third) and not is_rank(text, fourth)


def test_after_told_comes_who_heard_it() -> None:
    text = "The head of the port authority, Ivo Dal, told a meeting of mayors that 40 ships came."
    assert speakers(text) == ["Ivo Dal, head of the port authority"]
    assert speakers("Ivo Dal told reporters that 40 ships came.") == ["Ivo Dal"]


def test_this_was_stated_by_points_back_at_the_sentence_before() -> None:
    layout = Layout.of("Some 40 ships came in. This was stated by Mayor Ivo Dal at a briefing.")
    (found,) = attributions(layout)
    assert found.speaker == "Ivo Dal, Mayor" and found.refers_back


def test_the_first_months_of_a_year() -> None:
    text = (
        "In the first nine months of the year 40 ships came, and 12 in the first 3 months of 2016."
    )
    found = [(m.text, m.edtf) for m in dates_in(text, parse_date("2017-10-24"))]
    assert ("In the first nine months of the year", "2017-01?/2017-09?") in found
    assert ("in the first 3 months of 2016", "2016-01/2016-03") in found
