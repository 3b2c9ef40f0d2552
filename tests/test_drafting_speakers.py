"""The said_by of a drafted record (figcheck.text.drafting.drafts and .attribution): the
attribution of its own sentence first, verbs of expecting as well as of saying, and an
attribution that opens a later clause speaking for that clause only. Every sentence is
written for the tests."""

from __future__ import annotations

from figcheck.dates import parse_date
from figcheck.text.drafting.attribution import attributions
from figcheck.text.drafting.drafts import Context, DraftRecord, draft_text
from figcheck.text.drafting.sentences import Layout


def records(text: str) -> dict[str, DraftRecord]:
    found = {}
    for draft in draft_text(text, Context(published=parse_date("2025-03-12"))):
        if draft.record is not None:
            found[draft.number.text] = draft.record
    return found


def said_by(text: str) -> dict[str, str]:
    return {number: record.said_by for number, record in records(text).items()}


def speakers(text: str) -> list[str]:
    return [a.speaker for a in attributions(Layout.of(text))]


def test_the_attribution_of_its_own_sentence_wins_over_the_paragraphs() -> None:
    text = (
        "The port authority said 40 ships were stuck. According to the pilots' union, "
        "12 crews had walked out. Some 300 containers fell overboard, the coast guard said."
    )
    assert said_by(text) == {
        "40": "port authority",
        "12": "pilots' union",
        "300": "coast guard",
    }


def test_a_speaker_before_an_auxiliary_and_its_verb() -> None:
    assert speakers("The port authority has said 40 ships were stuck.") == ["port authority"]
    assert speakers("Traders had estimated 12 cargoes were lost.") == ["Traders"]


def test_verbs_of_expecting_name_a_speaker() -> None:
    assert speakers("Analysts polled by the wire had expected a 2.4% rise.") == [
        "Analysts polled by the wire"
    ]
    assert speakers("The central bank forecasts growth of 1.5%.") == ["central bank"]


def test_the_quote_keeps_the_words_of_an_expectation() -> None:
    (record,) = records("Analysts polled by the wire had expected a 2.4% rise.").values()
    assert record.said_by == "Analysts polled by the wire"
    assert record.quote == "Analysts polled by the wire had expected a 2.4% rise"


def test_the_quote_is_trimmed_of_a_verb_of_saying() -> None:
    (record,) = records("Some 300 containers fell overboard, the coast guard said.").values()
    assert record.quote == "Some 300 containers fell overboard"


def test_who_said_it_over_who_expects_it() -> None:
    text = "The bank expects growth of 1.5% this year, its governor Ada Kern said on Monday."
    assert said_by(text) == {"1.5%": "Ada Kern, governor"}


def test_an_attribution_opening_a_later_clause_speaks_for_that_clause_only() -> None:
    text = "Freight fell 3% last year, and the port authority expects growth of 2% this year."
    assert said_by(text) == {"3%": "author", "2%": "port authority"}
    text = "Freight fell 3% last year; the port authority said 40 ships were stuck."
    assert said_by(text)["3%"] == "author"


def test_a_trailing_attribution_speaks_for_the_whole_sentence() -> None:
    text = "Some 40 ships were stuck, and 12 crews walked out, the port authority said."
    assert said_by(text) == {"40": "port authority", "12": "port authority"}


def test_a_passive_without_by_names_no_one() -> None:
    assert speakers("Forty stranded ships were reported on Monday.") == []
    assert speakers("Forty stranded ships were reported by the coast guard.") == ["coast guard"]


def test_a_verb_before_a_gerund_says_nothing() -> None:
    assert speakers("The mayor has continued quietly funding 12 shelters.") == []


def test_a_number_after_said_is_what_was_said_not_who() -> None:
    text = "Two tugs were idle, and the harbour master, Ida Holm, said some 40 sailings were off."
    assert speakers(text) == ["Ida Holm, harbour master"]
    assert said_by(text)["40"] == "Ida Holm, harbour master"


def test_a_named_role_after_a_joining_word_leaves_the_word_out() -> None:
    text = (
        "Two tugs were idle, and a spokeswoman for the port, Ida Holm, said 40 sailings were off."
    )
    (attribution,) = attributions(Layout.of(text))
    assert attribution.speaker == "Ida Holm, spokeswoman for the port"
    assert text[attribution.start :].startswith("a spokeswoman")
    assert said_by(text)["Two"] == "author"  # the attribution opens the later clause
