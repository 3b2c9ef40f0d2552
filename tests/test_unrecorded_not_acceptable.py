"""An unrecorded number (FC302) is accounted for by a record or an `ignore:` entry with its
reason, never by an acceptance: `figcheck accept` refuses it, and an entry for it in
accepted.yaml accepts nothing and is itself reported (FC109)."""

from __future__ import annotations

from pathlib import Path

import yaml
from click.testing import CliRunner

from figcheck import check, load_ledger
from figcheck.cli import cli

TEXT = "Went to Syria 2719 citizens. Another 160 were killed.\n"
FIGURES = [{"value": 2719, "quote": "Went to Syria 2719 citizens"}]


def unrecorded_id(ledger: Path) -> str:
    (finding,) = [f for f in check(load_ledger(ledger)).findings if f.rule == "FC302"]
    return finding.id


def test_accept_refuses_an_unrecorded_number_and_says_what_to_do(text_ledger) -> None:
    ledger = text_ledger(TEXT, FIGURES)
    finding_id = unrecorded_id(ledger)
    result = CliRunner().invoke(
        cli, ["accept", finding_id, "--why", "not important", "--data", str(ledger)]
    )
    assert result.exit_code == 2
    assert f"{finding_id} (FC302 unrecorded number)" in result.stderr
    assert "record it, or list it under `ignore:`" in result.stderr
    assert not (ledger / "accepted.yaml").exists()


def test_an_entry_for_an_unrecorded_number_accepts_nothing_and_is_reported(text_ledger) -> None:
    ledger = text_ledger(TEXT, FIGURES)
    finding_id = unrecorded_id(ledger)
    entries = {"accepted": [{"finding": finding_id, "why": "not important"}]}
    (ledger / "accepted.yaml").write_text(yaml.safe_dump(entries))
    result = check(load_ledger(ledger))
    (unrecorded,) = [f for f in result.findings if f.rule == "FC302"]
    assert not result.is_accepted(unrecorded)
    (review,) = [f for f in result.findings if f.rule == "FC109"]
    assert review.locations[0].file.endswith("accepted.yaml")
    assert f"{finding_id} (unrecorded number) cannot be accepted" in review.message
    assert result.exit_code("warning") == 1


def test_an_entry_for_an_unrecorded_number_is_reported_once_it_no_longer_occurs(
    text_ledger,
) -> None:
    ledger = text_ledger(TEXT, FIGURES)
    finding_id = unrecorded_id(ledger)
    ledger = text_ledger(TEXT, FIGURES, [{"text": "Another 160", "why": "a test"}])
    entries = {"accepted": [{"finding": finding_id, "why": "not important"}]}
    (ledger / "accepted.yaml").write_text(yaml.safe_dump(entries))
    (review,) = [f for f in check(load_ledger(ledger)).findings if f.rule == "FC109"]
    assert "cannot be accepted" in review.message
