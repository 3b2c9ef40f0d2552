"""EDTF dates: figcheck's own parser, checked against the `edtf` package as an oracle."""

from datetime import date

import edtf
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from figcheck import dates
from figcheck.dates import FIRST_DAY, LAST_DAY, DateError, describe, describe_point, parse_date
from figcheck.model import DatePoint


@pytest.fixture(autouse=True)
def parse_afresh():
    """Each test parses its dates anew: what an earlier test left in the parser's memo must
    not answer for the parser."""
    dates._parse.cache_clear()


def days(text, margin=0):
    span = parse_date(text, margin)
    return date.fromordinal(span.start).isoformat(), date.fromordinal(span.end).isoformat()


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("2015", "2015-01-01", "2015-12-31"),
        ("2015-11", "2015-11-01", "2015-11-30"),
        ("2016-02", "2016-02-01", "2016-02-29"),
        ("2015-11-19", "2015-11-19", "2015-11-19"),
        ("2015?", "2015-01-01", "2015-12-31"),
        ("2015-11~", "2015-11-01", "2015-11-30"),
        ("2015-11-19%", "2015-11-19", "2015-11-19"),
        ("2015-11/2015-12", "2015-11-01", "2015-12-31"),
        ("2013/2014", "2013-01-01", "2014-12-31"),
        ("2015-06~/2016?", "2015-06-01", "2016-12-31"),
    ],
)
def test_days_of_each_form(text, first, last):
    assert days(text) == (first, last)


def test_yaml_int_year_is_accepted():
    assert days(2015) == ("2015-01-01", "2015-12-31")


def test_open_ends():
    assert parse_date("../2015").start == FIRST_DAY
    assert parse_date("2015/..").end == LAST_DAY
    assert days("../2015")[1] == "2015-12-31"


def test_qualifiers_are_kept_and_do_not_widen_by_default():
    span = parse_date("2015-11~")
    assert span.points[0].qualifier == "~"
    assert days("2015-11~") == days("2015-11")


def test_margin_widens_only_qualified_ends():
    assert days("2015-11-19?", 3) == ("2015-11-16", "2015-11-22")
    assert days("2015-11-19", 3) == ("2015-11-19", "2015-11-19")
    assert days("2015-11-19~/2015-12-01", 3) == ("2015-11-16", "2015-12-01")


@pytest.mark.parametrize(
    "text",
    [
        "",
        " 2015",
        "2015 ",
        "15",
        "2015-1",
        "2015-13",
        "2015-02-29",
        "2015/",
        "/2015",
        "../..",
        "2016/2015",
        "2015/2016/2017",
        "2015-11-19T10:00",
        "spring 2015",
        "2015-20",
        "2015-25",
        "2015-42",
        "2015-21-03",
        "0000",
        "2015??",
        "..",
        "2015-11-19/2015-11-18",
        [2015],
        2.5,
        True,
        None,
    ],
)
def test_rejected(text):
    with pytest.raises(DateError):
        parse_date(text)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("2015-11-19", "19 Nov 2015"),
        ("2015-11", "Nov 2015"),
        ("2016?", "2016?"),
        ("2015-12~", "around Dec 2015"),
        ("2015%", "around 2015?"),
        ("2013/2014", "2013 to 2014"),
        ("../2015", "until 2015"),
        ("2015-06/..", "from Jun 2015"),
    ],
)
def test_described_for_a_reader(text, words):
    assert describe(parse_date(text)) == words


point = st.builds(
    lambda y, m, d, precision, q: (
        (
            f"{y:04d}"
            if precision == 0
            else f"{y:04d}-{m:02d}"
            if precision == 1
            else f"{y:04d}-{m:02d}-{d:02d}"
        )
        + q
    ),
    st.integers(1000, 2999),
    st.integers(1, 12),
    st.integers(1, 28),
    st.integers(0, 2),
    st.sampled_from(["", "?", "~", "%"]),
)


def oracle_days(text):
    parsed = edtf.parse_edtf(text)
    as_date = lambda t: date(t.tm_year, t.tm_mon, t.tm_mday).isoformat()  # noqa: E731
    return as_date(parsed.lower_strict()), as_date(parsed.upper_strict())


@settings(max_examples=300, deadline=None)
@given(point)
def test_points_agree_with_the_edtf_package(text):
    assert days(text) == oracle_days(text)


@settings(max_examples=200, deadline=None)
@given(point, point)
def test_intervals_agree_with_the_edtf_package(a, b):
    text = f"{a}/{b}"
    try:
        ours = days(text)
    except DateError:
        # figcheck rejects reversed intervals, which the edtf package accepts.
        assert oracle_days(a)[0] > oracle_days(b)[1]
        return
    assert ours == (oracle_days(a)[0], oracle_days(b)[1]) == oracle_days(text)


@pytest.mark.parametrize(
    ("text", "point"),
    [
        ("2015", DatePoint("2015", 735599, 735963, "year")),
        ("2015-11~", DatePoint("2015-11~", 735903, 735932, "month", "~")),
        ("2015-11-19?", DatePoint("2015-11-19?", 735921, 735921, "day", "?")),
        ("2015-11-19", DatePoint("2015-11-19", 735921, 735921, "day")),
    ],
)
def test_each_end_keeps_its_text_precision_and_qualifier(text, point):
    assert parse_date(text).points == (point,)


def test_an_open_end_is_written_and_shown_as_two_dots():
    span = parse_date("2015/..")
    assert span.points[1] == DatePoint("..", FIRST_DAY, LAST_DAY, "open")
    assert describe_point(span.points[1]) == ".."
    assert parse_date("../2015").points[0].text == ".."


def test_a_qualified_date_is_not_widened_unless_asked():
    assert parse_date("2015-11~").period == parse_date("2015-11").period


def test_a_margin_never_reaches_beyond_the_calendar():
    assert parse_date("0001-01-01?", 10).start == FIRST_DAY
    assert parse_date("9999-12-31~", 10).end == LAST_DAY
    assert days("0001-01-11?", 10)[0] == "0001-01-01"


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (
            "2015-1",
            "date '2015-1' is not one of YYYY, YYYY-MM, YYYY-MM-DD (with an optional ?, ~ or %)",
        ),
        ("0000", "date '0000': there is no year 0000"),
        ("2015-13", "date '2015-13' has month 13; months run 01 to 12"),
        ("2015-02-30", "date '2015-02-30': Feb 2015 has 28 days"),
        ("2016-11-31", "date '2016-11-31': Nov 2016 has 30 days"),
        (True, "a date must be text such as 2015-11-19, not true/false"),
        ([2015], "a date must be text such as 2015-11-19, not a list"),
        (2.5, "a date must be text such as 2015-11-19, not a number"),
    ],
)
def test_each_refusal_says_what_is_wrong(value, message):
    with pytest.raises(DateError) as refused:
        parse_date(value)
    assert str(refused.value).startswith(message)
