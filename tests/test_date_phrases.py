"""Dates as reports write them, and the EDTF they mean; what to write for a refused date."""

from __future__ import annotations

import pytest

from figcheck.date_phrases import PHRASES, suggestion, to_edtf
from figcheck.dates import DateError, parse_date


@pytest.mark.parametrize(
    ("phrase", "edtf"),
    [
        ("early 2015", "2015-37"),
        ("mid-2015", "2015-38"),
        ("mid 2015", "2015-38"),
        ("late 2017", "2017-39"),
        ("in late 2017", "2017-39"),
        ("start of 2015", "2015-01~"),
        ("the beginning of 2015", "2015-01~"),
        ("end of 2015", "2015-12~"),
        ("at the end of 2015", "2015-12~"),
        ("first half of 2015", "2015-40"),
        ("second half of 2015", "2015-41"),
        ("H1 2015", "2015-40"),
        ("Q4 2017", "2017-36"),
        ("2017-Q4", "2017-36"),
        ("q1 2016", "2016-33"),
        ("fourth quarter of 2017", "2017-36"),
        ("spring 2015", "2015-21"),
        ("summer of 2015", "2015-22"),
        ("autumn 2015", "2015-23"),
        ("fall 2015", "2015-23"),
        ("winter 2015", "2015-24"),
        ("winter 2015/16", "2015-24"),
        ("June 2015", "2015-06"),
        ("Sept. 2015", "2015-09"),
        ("7 July 2015", "2015-07-07"),
        ("July 7, 2015", "2015-07-07"),
        ("7th of July 2015", "2015-07-07"),
        ("early June 2015", "2015-06-01/2015-06-10"),
        ("mid-June 2015", "2015-06-11/2015-06-20"),
        ("late February 2016", "2016-02-21/2016-02-29"),
        # EDTF already: as it is.
        ("2015-11-19", "2015-11-19"),
        ("2017-24", "2017-24"),
    ],
)
def test_phrases(phrase: str, edtf: str) -> None:
    assert to_edtf(phrase) == edtf
    parse_date(edtf)  # the ledger reads what is written


@pytest.mark.parametrize("phrase", ["soon", "31 June 2015", "Q5 2015", "late", "2015 or 2016"])
def test_what_is_not_a_known_phrase(phrase: str) -> None:
    assert to_edtf(phrase) is None


def test_every_example_of_the_manual_translates_as_it_says() -> None:
    for examples, edtf in PHRASES:
        for phrase in examples:
            assert to_edtf(phrase) == edtf, phrase


@pytest.mark.parametrize(
    ("text", "advice"),
    [
        ("24/10/2017", "'24/10/2017' reads as day first: write 2017-10-24"),
        ("19.11.2015", "'19.11.2015' reads as day first: write 2015-11-19"),
        ("10/24/2017", "'10/24/2017' reads as month first: write 2017-10-24"),
        ("05/06/2017", "2017-06-05 day first, or 2017-05-06 month first"),
        ("late 2017", "'late 2017' is written 2017-39"),
    ],
)
def test_a_refused_date_says_what_to_write(text: str, advice: str) -> None:
    assert advice in (suggestion(text) or "")
    with pytest.raises(DateError) as refused:
        parse_date(text)
    assert advice in str(refused.value)
    assert "A/B" in str(refused.value)


def test_the_season_code_24_is_winter_not_month_24() -> None:
    assert parse_date("2017-24").points[0].precision == "grouping"


def test_the_manual_lists_every_phrase_with_its_edtf() -> None:
    from pathlib import Path

    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    for examples, edtf in PHRASES:
        row = f"| {', '.join(f'{chr(34)}{p}{chr(34)}' for p in examples)} | `{edtf}` |"
        assert row in readme, row
