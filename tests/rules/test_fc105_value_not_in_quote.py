"""FC105: the figure's value must be what its quote says."""

from __future__ import annotations

import pytest

TEXT = (
    "From Russia went to Syria 2719 Russian citizens, 160 of them have been destroyed. "
    "More than 25 thousand foreign terrorists. Among those, forty-four came back, "
    "about 2 719 in all. It was the second largest group. A dozen left. "
    "The number of victims has decreased by 46% in 2015 decreased by 51%. "
    "Victims: −12% in 2016 and 3% in 2017, up from 2016. They carried out hundreds of attacks, "
    "between 100 and 200 a year."
)


@pytest.mark.parametrize(
    "figure",
    [
        {"value": 2719, "quote": "From Russia went to Syria 2719 Russian citizens"},
        {"value": 2719, "approx": "about", "quote": "about 2 719 in all"},
        {"value": 160, "quote": "160 of them have been destroyed"},
        {"value": 25000, "approx": "over", "quote": "More than 25 thousand foreign terrorists"},
        {"value": 44, "quote": "forty-four came back"},
        {"value": 2, "quote": "the second largest group"},
        {"value": 12, "quote": "A dozen left"},
        {"value": -46, "quote": "has decreased by 46%"},
        {"value": -51, "quote": "in 2015 decreased by 51%"},
        {"value": -12, "quote": "−12% in 2016"},
        {"value": 3, "as_of": "2016/2017", "quote": "3% in 2017, up from 2016"},
        {"value": [200, 999], "approx": "range", "quote": "hundreds of attacks"},
        {"value": [100, 200], "approx": "range", "quote": "between 100 and 200 a year"},
    ],
    ids=lambda f: f["quote"],
)
def test_value_written_in_the_quote_passes(text_ledger, rule_findings, figure) -> None:
    if figure["value"] == 3:
        figure = {**figure, "quantity": "victims-change", "said_by": "ICG"}
    ledger = text_ledger(TEXT, [figure])
    assert rule_findings(ledger, "FC105") == []
    assert rule_findings(ledger, "FC104") == []


@pytest.mark.parametrize(
    ("figure", "says"),
    [
        ({"value": 2791, "quote": "From Russia went to Syria 2719 Russian citizens"}, "'2719'"),
        ({"value": 2720, "quote": "From Russia went to Syria 2719 Russian citizens"}, "'2719'"),
        ({"value": 161, "quote": "160 of them have been destroyed"}, "'160'"),
        ({"value": 25, "quote": "More than 25 thousand foreign terrorists"}, "(25,000)"),
        ({"value": 45, "quote": "forty-four came back"}, "'forty-four' (44)"),
        ({"value": 3, "quote": "the second largest group"}, "(2nd)"),
        ({"value": -47, "quote": "has decreased by 46%"}, "'46%'"),
        ({"value": 46, "quote": "has decreased by 46%"}, "write -46"),
        ({"value": -3, "as_of": "2016/2017", "quote": "3% in 2017, up from 2016"}, "no word"),
        ({"value": [200, 998], "approx": "range", "quote": "hundreds of attacks"}, "range"),
        ({"value": [100, 201], "approx": "range", "quote": "between 100 and 200 a year"}, "'100'"),
        ({"value": 2719, "quote": "the second largest group"}, "'second' (2nd)"),
        ({"value": 7, "quote": "A dozen left"}, "'A dozen' (12)"),
    ],
    ids=lambda f: str(f),
)
def test_value_not_written_in_the_quote_fails(text_ledger, rule_findings, figure, says) -> None:
    if figure["value"] == 46:
        figure = {**figure, "quantity": "victims-change", "as_of": "2013/2014", "said_by": "ICG"}
    ledger = text_ledger(TEXT, [figure])
    (finding,) = rule_findings(ledger, "FC105")
    assert finding.severity == "error"
    assert finding.figures == ("doc/f0",)
    assert says in finding.message


def test_a_positive_level_may_say_less(text_ledger, rule_findings) -> None:
    """The lost-sign test is for changes only: 'fewer than 40' is a hedge, not a decrease."""
    ledger = text_ledger(
        "There were fewer than 40 of them.",
        [{"value": 40, "approx": "under", "quote": "fewer than 40 of them"}],
    )
    assert rule_findings(ledger, "FC105") == []


def test_numbers_are_read_within_the_quote_place(text_ledger, rule_findings) -> None:
    """A quote that stops before 'thousand' does not say 25: the text says 25,000."""
    text = "More than 25 thousand foreign terrorists"
    ledger = text_ledger(text, [{"value": 25, "quote": "More than 25"}])
    assert rule_findings(ledger, "FC104") == []
    (finding,) = rule_findings(ledger, "FC105")
    assert "no number" in finding.message


def test_without_text_the_quote_alone_is_read(text_ledger, rule_findings) -> None:
    good = text_ledger(None, [{"value": 2719, "quote": "went to Syria 2,719 citizens"}])
    assert rule_findings(good, "FC105") == []
    bad = text_ledger(None, [{"value": 2791, "quote": "went to Syria 2,719 citizens"}])
    assert len(rule_findings(bad, "FC105")) == 1


def test_any_place_of_a_repeated_quote_may_say_the_value(text_ledger, rule_findings) -> None:
    text = "Syria destroyed 160 militants.\n\nSyria destroyed 160 militants."
    ledger = text_ledger(text, [{"value": 160, "quote": "Syria destroyed 160 militants"}])
    assert rule_findings(ledger, "FC105") == []
