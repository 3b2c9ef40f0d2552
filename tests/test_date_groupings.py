"""EDTF's sub-year groupings (ISO 8601-2): seasons 21-24, quarters 33-36, quadrimesters
37-39, semesters 40-41, with qualifiers and in intervals, and shown in words."""

from __future__ import annotations

from datetime import date

import edtf
import pytest

from figcheck.dates import DateError, describe, parse_date


def days(text: str, margin: int = 0) -> tuple[str, str]:
    span = parse_date(text, margin)
    return date.fromordinal(span.start).isoformat(), date.fromordinal(span.end).isoformat()


@pytest.mark.parametrize(
    ("text", "first", "last", "words"),
    [
        ("2015-21", "2015-03-01", "2015-05-31", "spring 2015"),
        ("2015-22", "2015-06-01", "2015-08-31", "summer 2015"),
        ("2015-23", "2015-09-01", "2015-11-30", "autumn 2015"),
        ("2015-24", "2015-12-01", "2016-02-29", "winter 2015/16"),
        ("2015-33", "2015-01-01", "2015-03-31", "Q1 2015"),
        ("2015-34", "2015-04-01", "2015-06-30", "Q2 2015"),
        ("2015-35", "2015-07-01", "2015-09-30", "Q3 2015"),
        ("2017-36", "2017-10-01", "2017-12-31", "Q4 2017"),
        ("2015-37", "2015-01-01", "2015-04-30", "Jan to Apr 2015"),
        ("2015-38", "2015-05-01", "2015-08-31", "May to Aug 2015"),
        ("2015-39", "2015-09-01", "2015-12-31", "Sep to Dec 2015"),
        ("2015-40", "2015-01-01", "2015-06-30", "first half of 2015"),
        ("2015-41", "2015-07-01", "2015-12-31", "second half of 2015"),
    ],
)
def test_each_grouping(text: str, first: str, last: str, words: str) -> None:
    assert days(text) == (first, last)
    assert describe(parse_date(text)) == words


@pytest.mark.parametrize("code", [21, 22, 23, 33, 34, 35, 36, 37, 38, 39, 40, 41])
def test_the_groupings_agree_with_the_edtf_package(code: int) -> None:
    # The edtf package ends winter on 31 December; figcheck's runs to February.
    parsed = edtf.parse_edtf(f"2015-{code}")
    low, high = parsed.lower_strict(), parsed.upper_strict()
    expected = (
        date(low.tm_year, low.tm_mon, low.tm_mday).isoformat(),
        date(high.tm_year, high.tm_mon, high.tm_mday).isoformat(),
    )
    assert days(f"2015-{code}") == expected


def test_qualifiers_and_intervals() -> None:
    assert describe(parse_date("2015-33?")) == "Q1 2015?"
    assert describe(parse_date("2015-36~")) == "around Q4 2015"
    assert days("2015-21%", 3) == ("2015-02-26", "2015-06-03")
    assert days("2015-33/2015-35") == ("2015-01-01", "2015-09-30")
    assert describe(parse_date("2015-40/2016-06")) == "first half of 2015 to Jun 2016"
    assert days("2015-24/..")[0] == "2015-12-01"


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("2015-21-03", "has no day"),
        ("2015-25", "21-24 are seasons, 33-36 quarters"),
        ("2015-42", "months run 01 to 12"),
        ("2015-36/2015-33", "ends before it starts"),
    ],
)
def test_what_is_refused(text: str, said: str) -> None:
    with pytest.raises(DateError, match=said):
        parse_date(text)


def test_a_grouping_in_a_finding_is_shown_in_words(tmp_path) -> None:
    from tests.builders import figure, findings_of, quantity, write_documents_ledger

    root = write_documents_ledger(
        tmp_path,
        {"q": quantity("stock")},
        {"doc": [figure("a", "q", 100, "2015-36"), figure("b", "q", 300, "2015-12")]},
    )
    (finding,) = findings_of(root, "FC201")
    assert "(Q4 2015, A Speaker, in doc)" in finding.message
