"""FC106: the record's approx must be the hedge its document gives the number."""

from __future__ import annotations

import pytest

TEXT = (
    "More than 8,700 people have left, officials said. About 3,400 fighters are there now.\n"
    "Nearly 500 came back. The ministry counted 2,719 in all, or 3,000 or so by other counts.\n"
)


def hedge_findings(text_ledger, rule_findings, value, approx, quote):
    figure = {"value": value, "quote": quote}
    if approx is not None:
        figure["approx"] = approx
    return rule_findings(text_ledger(TEXT, [figure]), "FC106")


@pytest.mark.parametrize(
    ("value", "approx", "quote", "said"),
    [
        (8700, None, "More than 8,700 people have left", "over"),
        (3400, "over", "About 3,400 fighters", "about"),
        (500, "about", "Nearly 500 came back", "nearly"),
        (3000, None, "3,000 or so by other counts", "about"),
        # The hedge stands in the text just before the quote: it is read there.
        (8700, None, "8,700 people have left", "over"),
    ],
)
def test_a_hedge_other_than_the_record_is_reported(
    text_ledger, rule_findings, value, approx, quote, said
) -> None:
    (finding,) = hedge_findings(text_ledger, rule_findings, value, approx, quote)
    assert finding.severity == "error" and not finding.is_data_error
    assert finding.figures == ("doc/f0",)
    assert f"which is {said}: write `approx: {said}`" in finding.message


@pytest.mark.parametrize(
    ("value", "approx", "quote"),
    [
        (8700, "over", "More than 8,700 people have left"),
        (3400, "about", "About 3,400 fighters"),
        (500, "nearly", "Nearly 500 came back"),
        (3000, "about", "3,000 or so by other counts"),
        # No hedge word next to the number: nothing to compare, whatever the approx.
        (2719, None, "The ministry counted 2,719 in all"),
        (2719, "about", "The ministry counted 2,719 in all"),
        # The value is not in the quote: FC105's finding, not this one.
        (2791, "about", "The ministry counted 2,719 in all"),
    ],
)
def test_the_document_s_hedge_or_none_passes(
    text_ledger, rule_findings, value, approx, quote
) -> None:
    assert hedge_findings(text_ledger, rule_findings, value, approx, quote) == []


def test_a_figure_without_a_text_is_read_in_its_quote(text_ledger, rule_findings) -> None:
    ledger = text_ledger(None, [{"value": 500, "approx": "over", "quote": "nearly 500 came"}])
    (finding,) = rule_findings(ledger, "FC106")
    assert "says “nearly 500”" in finding.message


def test_a_range_figure_is_left_to_fc105(text_ledger, rule_findings) -> None:
    ledger = text_ledger(
        "Between 5,000 and 7,000 fighters.",
        [{"value": [5000, 7000], "approx": "range", "quote": "Between 5,000 and 7,000"}],
    )
    assert rule_findings(ledger, "FC106") == []


def test_one_end_of_a_range_recorded_as_a_number(text_ledger, rule_findings) -> None:
    ledger = text_ledger(
        "Putin said 5,000 to 7,000 fighters.", [{"value": 5000, "quote": "5,000 to 7,000"}]
    )
    (finding,) = rule_findings(ledger, "FC106")
    assert "says “5,000 to 7,000”, which is range" in finding.message


def test_it_can_be_accepted_with_a_reason(text_ledger) -> None:
    from click.testing import CliRunner

    from figcheck import check, load_ledger
    from figcheck.cli import cli

    ledger = text_ledger(TEXT, [{"value": 8700, "quote": "More than 8,700 people have left"}])
    (finding,) = [f for f in check(load_ledger(ledger)).findings if f.rule == "FC106"]
    assert f"figcheck accept {finding.id}" in finding.advice
    result = CliRunner().invoke(
        cli,
        ["accept", finding.id, "--why", "the exact count is given later", "--data", str(ledger)],
    )
    assert result.exit_code == 0, result.output
    assert check(load_ledger(ledger)).exit_code() == 0


# -- figcheck add ----------------------------------------------------------------------------


def add_to(ledger, *args: str):
    from click.testing import CliRunner

    from figcheck.cli import cli

    base = ["add", "--data", str(ledger), "--document", "doc", "--quantity", "people"]
    common = ["--as-of", "2017", "--said-by", "An official"]
    return CliRunner().invoke(cli, [*base, *args, *common])


def test_add_without_approx_takes_the_hedge_and_says_which_words(text_ledger) -> None:
    ledger = text_ledger(TEXT)
    result = add_to(ledger, "--value", "8,700", "--quote", "8,700 people have left")
    assert result.exit_code == 0, result.output
    assert "approx: over, from 'More than'" in result.stdout
    assert "    approx: over\n" in (ledger / "sources" / "doc.yaml").read_text()


def test_add_without_approx_and_without_hedge_words_writes_no_approx(text_ledger) -> None:
    ledger = text_ledger(TEXT)
    result = add_to(ledger, "--value", "2,719", "--quote", "The ministry counted 2,719 in all")
    assert result.exit_code == 0, result.output
    assert "approx:" not in result.stdout
    assert "approx" not in (ledger / "sources" / "doc.yaml").read_text()


def test_add_with_an_approx_that_disagrees_reports_fc106(text_ledger) -> None:
    ledger = text_ledger(TEXT)
    result = add_to(ledger, "--value", "500", "--approx", "about", "--quote", "Nearly 500")
    assert result.exit_code == 1, result.output
    assert "FC106 hedge differs from quote" in result.stdout
    assert "    approx: about\n" in (ledger / "sources" / "doc.yaml").read_text()
