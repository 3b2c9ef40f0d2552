"""Item 13 of issue 9, decided: errors of reading (FC101-FC103) stop the consistency rules,
since the records cannot be read; a figure that its document does not bear out (FC104,
FC105) is left out of them, and they run on the others. Exit code 2 either way."""

from __future__ import annotations

import yaml
from click.testing import CliRunner

from figcheck.cli import cli
from tests.builders import figure, quantity, result_of, write_documents_ledger

QUANTITIES = {"fighting": quantity("stock"), "killed": quantity("stock")}


def ledger_with_a_mistyped_value(tmp_path):
    return write_documents_ledger(
        tmp_path,
        QUANTITIES,
        {
            "doc": [
                # 2,791 typed for the 2,719 quoted: FC105; it would conflict with 2,719.
                figure("typo", "fighting", 2791, "2015", quote="went to Syria 2,719 people"),
                figure("same", "fighting", 2719, "2015-11", quote="the same 2,719"),
                # A real conflict elsewhere.
                figure("killed-a", "killed", 100, "2015"),
                figure("killed-b", "killed", 300, "2015-06"),
            ]
        },
    )


def test_a_figure_with_an_anchoring_error_is_left_out_and_the_rules_run_on_the_rest(tmp_path):
    result = result_of(ledger_with_a_mistyped_value(tmp_path))
    # FC304 notes the quantity the typo leaves with one figure; the others are the point.
    rules = sorted(f.rule for f in result.findings if f.rule != "FC304")
    assert rules == ["FC105", "FC201"]
    (conflict,) = [f for f in result.findings if f.rule == "FC201"]
    assert set(conflict.figures) == {"doc/killed-a", "doc/killed-b"}
    assert result.rules_ran and result.left_out == {"doc/typo"}
    assert result.exit_code() == 2


def test_the_text_output_says_the_figure_was_left_out(tmp_path):
    root = ledger_with_a_mistyped_value(tmp_path)
    outcome = CliRunner().invoke(cli, ["check", "--data", str(root)])
    assert outcome.exit_code == 2
    assert "1 figure that its document does not bear out (data errors above) was left" in (
        outcome.stdout
    )
    assert "FC201 conflict" in outcome.stdout


def test_an_error_of_reading_still_stops_the_rules(tmp_path):
    root = ledger_with_a_mistyped_value(tmp_path)
    (root / "sources" / "broken.yaml").write_text("document: {id: broken}\n")
    result = result_of(root)
    assert not result.rules_ran
    assert [f.rule for f in result.findings if not f.is_data_error] == []


def test_acceptances_are_not_called_stale_while_figures_are_left_out(tmp_path):
    root = ledger_with_a_mistyped_value(tmp_path)
    entries = {"accepted": [{"finding": "FC201:0123456789", "why": "about the typo's pair"}]}
    (root / "accepted.yaml").write_text(yaml.safe_dump(entries))
    assert [f for f in result_of(root).findings if f.rule == "FC109"] == []
