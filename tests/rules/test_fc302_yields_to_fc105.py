"""A mistyped value is one mistake: FC105 reports it, and FC302 does not report the number
of the quote again."""

from __future__ import annotations

TEXT = "From Russia went to Syria 2,719 Russian citizens, officials said in 2015.\n"
QUOTE = "From Russia went to Syria 2,719 Russian citizens"


def test_a_mistyped_value_is_fc105_alone(text_ledger, rule_findings) -> None:
    ledger = text_ledger(
        TEXT, [{"value": 2791, "quote": QUOTE}], [{"text": "in 2015", "why": "a date"}]
    )
    assert [f.figures for f in rule_findings(ledger, "FC105")] == [("doc/f0",)]
    assert rule_findings(ledger, "FC302") == []


def test_numbers_outside_the_misquoting_figures_quote_are_still_reported(
    text_ledger, rule_findings
) -> None:
    ledger = text_ledger(TEXT, [{"value": 2791, "quote": QUOTE}])
    found = [f.message.split(" ")[0] for f in rule_findings(ledger, "FC302")]
    assert found == ["2015"]


def test_a_correct_value_records_its_number(text_ledger, rule_findings) -> None:
    ledger = text_ledger(TEXT, [{"value": 2719, "quote": QUOTE}])
    assert rule_findings(ledger, "FC105") == []
    assert [f.message.split(" ")[0] for f in rule_findings(ledger, "FC302")] == ["2015"]
