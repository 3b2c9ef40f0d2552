"""`figcheck draft`'s engine (figcheck.text.drafting.drafts): each field of a drafted record, read
from sentences written for the tests."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest

from figcheck.dates import is_date, parse_date
from figcheck.model import Location, Quantity
from figcheck.text.drafting.drafts import Context, Draft, DraftRecord, draft_text
from figcheck.text.folding import Folded
from figcheck.text.hedges import stated_hedge
from figcheck.text.numbers import find_numbers
from figcheck.text.value_match import numbers_saying

QUANTITIES = {
    q.id: q
    for q in (
        Quantity(
            "flood-deaths",
            "People killed in the floods (running total)",
            "people",
            "cumulative",
            Location("q", 1),
        ),
        Quantity(
            "flood-evacuated",
            "People evacuated from their homes in the floods",
            "people",
            "cumulative",
            Location("q", 2),
        ),
        Quantity("jobless-rate", "Unemployment rate", "percent", "stock", Location("q", 3)),
        Quantity(
            "jobless-change",
            "Change in the number of people out of work",
            "percent",
            "change",
            Location("q", 4),
        ),
    )
}


def drafts(text: str, published: str | None = "2022-03-09", **context: object) -> list[Draft]:
    span = parse_date(published) if published else None
    return draft_text(text, Context(published=span, **context))  # type: ignore[arg-type]


def record(text: str, number: str, published: str | None = "2022-03-09") -> DraftRecord:
    for draft in drafts(text, published, quantities=QUANTITIES):
        if draft.number.text == number:
            assert draft.record is not None, draft.ignore
            return draft.record
    raise AssertionError(f"no draft at {number!r}")


# -- value and approx ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "number", "value", "approx"),
    [
        ("Officials said 2,719 people were evacuated.", "2,719", 2719, "exact"),
        ("Officials said forty-four people died.", "forty-four", 44, "exact"),
        ("Damage is put at 1,2 billion euros.", "1,2 billion", 1_200_000_000, "exact"),
        ("Damage is put at 3.4m euros.", "3.4m", 3_400_000, "exact"),
        ("More than 8,700 homes lost power.", "8,700", 8700, "over"),
        ("Nearly 500 people stayed in shelters.", "500", 500, "nearly"),
        ("Some 15,000 homes lost power.", "15,000", 15000, "about"),
        ("5,000 or more people joined the march.", "5,000", 5000, "at-least"),
        ("Up to 300 soldiers took part.", "300", 300, "at-most"),
        ("Hundreds of people were evacuated.", "Hundreds", (200, 999), "range"),
        ("Several hundred people were evacuated.", "Several hundred", (200, 999), "range"),
        ("Many thousands of people marched.", "Many thousands", 2000, "at-least"),
        ("Crews rescued between 150 and 200 people.", "150", (150, 200), "range"),
        ("Crews rescued 150 to 200 people.", "150", (150, 200), "range"),
        ("Unemployment fell to 6.1% in May.", "6.1%", Decimal("6.1"), "exact"),
        ("The number of people out of work fell by 12% in 2021.", "12%", -12, "exact"),
        ("Joblessness dropped 12% over the year.", "12%", -12, "exact"),
        ("The year brought a 12% drop in joblessness.", "12%", -12, "exact"),
        ("Joblessness changed by -12% last year.", "12%", -12, "exact"),
        ("Wages rose 4.5% in June.", "4.5%", Decimal("4.5"), "exact"),
        ("It was the second largest group.", "second", 2, "exact"),
    ],
)
def test_value_and_approx(text: str, number: str, value: object, approx: str) -> None:
    drafted = record(text, number)
    assert (drafted.value, drafted.approx) == (value, approx)


def test_a_range_is_one_draft_for_both_numbers() -> None:
    (draft,) = drafts("Crews rescued between 150 and 200 people.")
    assert [n.text for n in draft.numbers] == ["150", "200"]


def test_records_anchor_as_written() -> None:
    """Every drafted quote is found in the text, on whole words, and holds a number that
    says the drafted value, with the drafted hedge next to it: FC104, FC105 and FC106
    would pass."""
    text = (
        "RIVERTON, May 2 (Wire) - More than 8,700 homes lost power, the grid operator said on "
        "Monday, down from some 15,000 on Saturday. Joblessness fell by 12% in April, while "
        "about 3,400 people were evacuated and between 150 and 200 were rescued. "
        "Almost forty people died, said Mayor Eva Lund."
    )
    folded = Folded.of(text)
    records = [d.record for d in drafts(text) if d.record is not None]
    assert len(records) == 6
    for drafted in records:
        assert folded.spans(drafted.quote), drafted.quote
        kind = "change" if isinstance(drafted.value, int) and drafted.value < 0 else "stock"
        said = numbers_saying(
            drafted.value, kind, drafted.quote, find_numbers(drafted.quote), drafted.quote
        )
        assert said, drafted
        hedge = stated_hedge(drafted.quote, drafted.value, kind, text)
        assert hedge is None or hedge[0].allows(drafted.approx), drafted


# -- quote -----------------------------------------------------------------------------------


def test_the_quote_is_the_clause_of_its_number() -> None:
    text = "Of those who left, 40 were killed, 12 came back and 3 are missing, officials said."
    quotes = [d.record.quote for d in drafts(text) if d.record is not None]
    assert quotes == ["Of those who left, 40 were killed", "12 came back", "3 are missing"]


def test_the_quote_is_trimmed_of_its_attribution() -> None:
    assert record("About 300 people were evacuated, the fire brigade said.", "300").quote == (
        "About 300 people were evacuated"
    )
    assert record("According to the police, 300 people were hurt.", "300").quote == (
        "300 people were hurt"
    )


def test_the_quote_stops_where_a_new_clause_starts() -> None:
    text = "The number of camps is in the hundreds, and most of them are full."
    assert record(text, "hundreds").quote == "The number of camps is in the hundreds"


def test_the_quote_keeps_the_words_of_its_hedge_and_of_a_fall() -> None:
    text = "Output in the sector, which had fallen by 5% in 2020, recovered."
    drafted = record(text, "5%")
    assert drafted.value == -5
    assert "fallen" in drafted.quote


# -- as_of -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "number", "published", "as_of"),
    [
        ("In June 2019, 40 people were hurt.", "40", "2022-03-09", "2019-06"),
        ("Some 40 people were hurt in late 2019.", "40", "2022-03-09", "2019-39"),
        ("Some 40 people were hurt last year.", "40", "2022-03-09", "2021?"),
        ("Some 40 people were hurt on Monday.", "40", "2022-03-09", "2022-03-07?"),
        ("Some 40 people were hurt in January.", "40", "2022-03-09", "2022-01?"),
        ("Some 40 people were hurt.", "40", "2022-03-09", "2022-03-09?"),
        ("Some 40 people were hurt.", "40", "2016?", "2016?"),
        # A date earlier in the paragraph holds for the sentences after it.
        ("The storm hit in May 2020. Some 40 people were hurt.", "40", "2022-03-09", "2020-05"),
        # A change runs from the year before.
        ("Joblessness fell by 12% in 2021.", "12%", "2022-03-09", "2020/2021"),
        ("Joblessness fell by 12%.", "12%", "2022-03-09", "2021-03-09?/2022-03-09?"),
        # "since" dates the start of a running count, not the count.
        ("Since 2014, 400 people have left.", "400", "2022-03-09", "2022-03-09?"),
    ],
)
def test_as_of(text: str, number: str, published: str, as_of: str) -> None:
    assert record(text, number, published).as_of == as_of


def test_without_a_publication_date_the_latest_year_the_text_gives() -> None:
    text = "The dam was built in 1990 and rebuilt in 2011.\n\nSome 40 people work there."
    drafted = record(text, "40", published=None)
    assert drafted.as_of == "2011?"
    assert is_date(record("Some 40 people work there.", "40", published=None).as_of)


# -- said_by ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "number", "said_by"),
    [
        ("Some 40 people were hurt, the fire brigade said.", "40", "fire brigade"),
        (
            "Interior Minister Ana Ruiz said 40 people were hurt.",
            "40",
            "Ana Ruiz, Interior Minister",
        ),
        # The attribution of the paragraph holds for its other sentences.
        ("Police said on Monday the road was shut. Some 40 cars were stuck.", "40", "Police"),
        # Inside a quotation, the speaker of the quotation.
        ("“Forty cars were stuck,” the mayor, Eva Lund, said.", "Forty", "Eva Lund, mayor"),
        ("Some 40 cars were stuck.", "40", "author"),
    ],
)
def test_said_by(text: str, number: str, said_by: str) -> None:
    assert record(text, number).said_by == said_by


# -- quantity --------------------------------------------------------------------------------


def test_the_quantity_whose_words_match_best() -> None:
    text = "About 3,400 people were evacuated from their homes, and 12 people were killed."
    found = drafts(text, quantities=QUANTITIES)
    assert [d.record.quantity for d in found if d.record] == ["flood-evacuated", "flood-deaths"]
    assert found[0].confidence["quantity"] >= 0.2
    assert found[0].candidates[0].quantity == "flood-evacuated"


def test_a_percentage_matches_only_quantities_in_percent_and_a_change_only_changes() -> None:
    level = drafts("Unemployment was 6.1% in May.", quantities=QUANTITIES)[0]
    change = drafts("Unemployment fell by 0.3% in May.", quantities=QUANTITIES)[0]
    assert level.record is not None and level.record.quantity == "jobless-rate"
    assert [c.quantity for c in level.candidates] == ["jobless-rate"]
    assert {c.quantity for c in change.candidates} <= {"jobless-change"}


def test_no_quantity_matches_well_and_one_is_suggested() -> None:
    (draft,) = drafts("The zoo now has 12 giraffes.", quantities=QUANTITIES)
    assert draft.record is not None and draft.record.quantity is None
    assert draft.confidence["quantity"] == 0
    assert draft.new_quantity is not None
    assert draft.new_quantity.id == "giraffes"
    assert draft.new_quantity.kind == "stock"


def test_the_quotes_of_recorded_figures_help_to_match() -> None:
    text = "Rescuers pulled 12 people from the rubble."
    without = drafts(text, quantities=QUANTITIES)[0]
    helped = drafts(
        text,
        quantities=QUANTITIES,
        quotes={"flood-evacuated": ["rescuers pulled 40 people from the rubble"]},
    )[0]
    assert without.record is not None and without.record.quantity is None
    assert helped.record is not None and helped.record.quantity == "flood-evacuated"


# -- what is drafted -------------------------------------------------------------------------


def test_ignore_entries_with_their_reasons_and_every_number_they_hold() -> None:
    text = "Copyright 2014-2022 Wire.\nTalks resumed at 10:30 on Monday; no one was hurt."
    found = {d.number.text: d for d in drafts(text)}
    assert set(found) == {"2014", "10", "one"}
    copyright_line = found["2014"]
    assert copyright_line.ignore is not None
    assert copyright_line.ignore.text == "Copyright 2014-2022 Wire."
    assert [n.text for n in copyright_line.numbers] == ["2014", "2022"]
    assert [n.text for n in found["10"].numbers] == ["10", "30"]
    assert found["one"].action == "ignore"


def test_numbers_the_ledger_accounts_for_are_not_drafted() -> None:
    text = "About 40 people died and 12 fled in 2020."
    numbers = find_numbers(text)
    left = drafts(
        text, recorded=frozenset({numbers[0].start}), ignored=frozenset({numbers[2].start})
    )
    assert [d.number.text for d in left] == ["12"]
    assert left[0].record is not None and left[0].record.quote == "12 fled in 2020"


def test_an_ignore_entry_is_widened_where_its_words_would_hide_a_figure() -> None:
    text = "In 2019 the town had 2019 voters. The vote was in 2019."
    found = drafts(text)
    ignores = [d.ignore.text for d in found if d.ignore is not None]
    for words in ignores:
        hidden = [
            s for s in Folded.of(text).spans(words) if s[0] <= text.index("2019 voters") < s[1]
        ]
        assert not hidden, words


def test_values_are_exact() -> None:
    drafted = record("The rate was 6.35% in May.", "6.35%")
    assert isinstance(drafted.value, Decimal)
    assert Fraction(drafted.value) == Fraction(635, 100)


def test_an_attribution_holds_for_the_sentences_after_it_not_before() -> None:
    text = "Some 40 boats sank. The coast guard said 12 crews were saved. Some 30 were missing."
    found = {d.number.text: d.record.said_by for d in drafts(text) if d.record}
    assert found == {"40": "author", "12": "coast guard", "30": "coast guard"}
    pointed = "Some 40 boats sank. This was stated by Captain Ana Ruiz on Monday."
    assert record(pointed, "40").said_by == "Ana Ruiz, Captain"


def test_a_value_restated_from_another_report_points_at_its_quantity() -> None:
    from figcheck.text.drafting.quantity_match import QuantityIndex

    index = QuantityIndex(QUANTITIES, {}, {"flood-evacuated": [Fraction(2719)]})
    ranked = index.rank(
        "the count stood at 2,719", "", percent=False, change=False, value=Fraction(2719)
    )
    assert ranked[0].quantity == "flood-evacuated" and ranked[0].score >= 0.2
    # A round or small value tells nothing: 2,000 and 4 are given for many things.
    for common in (Fraction(2000), Fraction(4)):
        index = QuantityIndex(QUANTITIES, {}, {"flood-evacuated": [common]})
        assert not index.rank("it stood at", "", percent=False, change=False, value=common)


def test_a_suggested_quantity_of_people_counts_people() -> None:
    (draft,) = drafts("Some 300 volunteers cleared the beach.", quantities=QUANTITIES)
    assert draft.new_quantity is not None and draft.new_quantity.unit == "people"


def test_words_to_ignore_that_recur_are_one_entry_for_every_place() -> None:
    # An ignore entry covers its words wherever they stand: a second entry for the same words
    # would ignore nothing, and `add --from` would refuse it.
    text = (
        "Ferry strike over by late 2019, union says\n\n"
        "About 1,200 crew members were back at work by late 2019, the union said.\n"
    )
    found = drafts(text, quantities=QUANTITIES)
    ignores = [d for d in found if d.ignore is not None]
    assert [d.ignore.text for d in ignores if d.ignore is not None] == ["by late 2019"]
    assert [n.text for n in ignores[0].numbers] == ["2019", "2019"]


def test_he_after_an_unnamed_official_is_that_official_and_leaves_the_quote() -> None:
    text = (
        "Port reopens\n\n"
        "The harbour was closed for nine days, a port official told reporters on Monday. "
        "Around 40 ships were still waiting outside, he added.\n"
    )
    ships = record(text, "40")
    assert ships.said_by == "port official"
    assert ships.quote == "Around 40 ships were still waiting outside"


def test_a_quote_inside_a_quotation_ends_at_its_closing_mark() -> None:
    text = (
        "Port reopens\n\n"
        '"By Friday more than 300 containers had been cleared," the harbour master, who '
        "spoke on condition of anonymity, said on Monday.\n"
    )
    containers = record(text, "300")
    assert containers.quote == "By Friday more than 300 containers had been cleared"


def test_a_suggested_quantity_stops_where_its_clause_or_quotation_ends() -> None:
    from figcheck.text.drafting.quantity_match import suggest_quantity

    def suggested(following: str) -> tuple[str, str, str]:
        new = suggest_quantity(following, "", [], percent=False, change=False, running=False)
        return new.id, new.label, new.unit

    assert suggested(' of our citizens joined," the minister told parliament') == (
        "citizens-joined",
        "Of our citizens joined",
        "people",
    )
    assert suggested(" U.S. dollars went to each recruit. Then") == (
        "u-s-dollars-went",
        "U.S. dollars went to each recruit",
        "dollars",
    )
    # A word that is not a plural noun is as likely a verb: no unit is made of it.
    assert suggested(" had been killed") == ("killed", "Had been killed", "count")
    assert suggested(" people - a record - were seen")[2] == "people"
