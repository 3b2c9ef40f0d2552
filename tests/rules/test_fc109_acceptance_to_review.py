"""FC109 acceptance to review: an entry of accepted.yaml without a `why`, or whose finding no
longer occurs (or names no rule); never called stale while the rules could not run."""

import json

import pytest
from click.testing import CliRunner

from figcheck import check, load_ledger
from figcheck.cli import cli
from figcheck.findings import finding_id
from tests.builders import (
    copy_curation_ledger,
    figure,
    quantity,
    result_of,
    write_documents_ledger,
)

CONFLICTS = {
    "doc": [
        figure("a", "q", 100, "2015"),
        figure("b", "q", 200, "2015", said_by="B"),
        figure("c", "q", 300, "2015", said_by="C"),
    ]
}


def invoke(*args):
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


@pytest.fixture
def conflicting(tmp_path):
    """One conflict: doc/a's about 2,200 against doc/b's 2,719."""
    return write_documents_ledger(
        tmp_path / "conflicting",
        {"q": quantity("stock")},
        {
            "doc": [
                figure("a", "q", 2200, "2015", approx="about"),
                figure("b", "q", 2719, "2015-11-19", said_by="B"),
            ]
        },
    )


def accepted(tmp_path, entries, config=None):
    return write_documents_ledger(
        tmp_path, {"q": quantity("stock")}, CONFLICTS, accepted=entries, config=config
    )


def fc109(result):
    return sorted(f.message for f in result.findings if f.rule == "FC109")


def test_an_acceptance_of_a_current_finding_is_fine(tmp_path):
    current = finding_id("FC201", ["doc/a", "doc/b"])
    reviewed = {
        "doc/a": {"value": 100, "approx": "exact", "as_of": "2015"},
        "doc/b": {"value": 200, "approx": "exact", "as_of": "2015"},
    }
    entry = {"finding": current, "why": "reviewed", "reviewed": reviewed}
    result = result_of(accepted(tmp_path, [entry]))
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


def test_stale_and_unexplained_acceptances_are_warnings(conflicting):
    fid = finding_id("FC201", ["doc/a", "doc/b"])
    (conflicting / "accepted.yaml").write_text(
        f"accepted:\n  - finding: {fid}\n  - finding: FC201:0000000000\n    why: gone\n"
    )
    result = invoke("check", "--data", conflicting, "--format", "json")
    report = json.loads(result.output)
    warnings = [f for f in report["findings"] if f["rule"] == "FC109" and f["severity"] != "info"]
    assert [w["locations"][0]["line"] for w in warnings] == [2, 3]
    assert "no `why`" in warnings[0]["message"] and "no longer occurs" in warnings[1]["message"]
    assert result.exit_code == 0
    assert invoke("check", "--data", conflicting, "--fail-on", "warning").exit_code == 1


def test_an_acceptance_to_review_cannot_be_accepted(tmp_path):
    root = copy_curation_ledger(tmp_path / "ledger", conflict=True)
    (root / "accepted.yaml").write_text("accepted:\n  - finding: FC201:0123456789\n    why: gone\n")
    (stale,) = [f for f in check(load_ledger(root)).findings if f.rule == "FC109"]
    result = CliRunner().invoke(cli, ["accept", "--data", str(root), stale.id, "--why", "fine"])
    assert result.exit_code == 2
    assert f"{stale.id} (FC109 acceptance to review) is about accepted.yaml itself" in result.stderr
