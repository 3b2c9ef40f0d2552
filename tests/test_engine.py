"""The engine: findings kept whole, acceptances kept honest."""

import pytest

from figcheck.findings import finding_id
from tests.builders import figure, quantity, result_of, write_documents_ledger

CONFLICTS = {
    "doc": [
        figure("a", "q", 100, "2015"),
        figure("b", "q", 200, "2015", said_by="B"),
        figure("c", "q", 300, "2015", said_by="C"),
    ]
}


def test_two_findings_with_one_id_are_both_reported(tmp_path, monkeypatch):
    # Ten hex digits of a hash can collide (they did, once in 100,000 findings); a collision
    # must not silently drop a finding.
    monkeypatch.setattr("figcheck.findings.finding_id", lambda rule, subjects: f"{rule}:0000000000")
    result = result_of(write_documents_ledger(tmp_path, {"q": quantity("stock")}, CONFLICTS))
    assert len([f for f in result.findings if f.rule == "FC201"]) == 3


def accepted(tmp_path, entries, config=None):
    return write_documents_ledger(
        tmp_path, {"q": quantity("stock")}, CONFLICTS, accepted=entries, config=config
    )


def fc109(result):
    return sorted(f.message for f in result.findings if f.rule == "FC109")


def test_an_acceptance_of_a_current_finding_is_fine(tmp_path):
    current = finding_id("FC201", ["doc/a", "doc/b"])
    result = result_of(accepted(tmp_path, [{"finding": current, "why": "reviewed"}]))
    assert not fc109(result)
    assert result.accepted == {current: "reviewed"}


def test_a_stale_acceptance_is_reported(tmp_path):
    result = result_of(accepted(tmp_path, [{"finding": "FC201:0123456789", "why": "old"}]))
    assert fc109(result) == [
        "FC201:0123456789 is accepted but no longer occurs; remove the entry (the figures it "
        "was about were corrected or removed)"
    ]


def test_nothing_is_called_stale_while_the_rules_did_not_run(tmp_path):
    root = accepted(tmp_path, [{"finding": "FC201:0123456789", "why": "old"}])
    (root / "sources" / "broken.yaml").write_text("document: {id: x}\n")  # no title: FC101
    result = result_of(root)
    assert not result.rules_ran
    assert not fc109(result)


def test_an_acceptance_for_a_rule_turned_off_is_not_called_stale(tmp_path):
    entries = [{"finding": "FC301:0123456789", "why": "old"}]
    result = result_of(
        accepted(tmp_path, entries, config={"rules": {"FC301": {"severity": "off"}}})
    )
    assert not fc109(result)


def test_an_acceptance_of_no_rule(tmp_path):
    result = result_of(accepted(tmp_path, [{"finding": "FC999:0123456789", "why": "x"}]))
    assert fc109(result) == ["FC999:0123456789 names no rule figcheck has"]


@pytest.mark.parametrize("severity", ["error", "warning"])
def test_fc109_turned_up_to_error_fails_the_run_but_is_no_data_error(tmp_path, severity):
    entries = [{"finding": "FC201:0123456789", "why": "old"}]
    config = {"rules": {"FC109": {"severity": severity}, "FC201": {"severity": "info"}}}
    result = result_of(accepted(tmp_path, entries, config=config))
    assert not result.has_data_errors
    assert result.exit_code() == (1 if severity == "error" else 0)
