"""`figcheck extract --unrecorded` lists only what still needs work, but its counts describe
the whole document."""

from __future__ import annotations

import json

from click.testing import CliRunner

from figcheck.cli import cli

TEXT = "Went to Syria 2719 citizens, 160 of them destroyed. Copyright ©2014. Forty came back."
FIGURES = [
    {"value": 2719, "quote": "Went to Syria 2719 citizens"},
    {"value": 160, "quote": "160 of them destroyed"},
]
IGNORE = [{"text": "©2014", "why": "copyright year"}]
WHOLE = {"found": 4, "recorded": 2, "ignored": 1, "unrecorded": 1}


def extract(ledger, *args: str) -> str:
    result = CliRunner().invoke(cli, ["extract", "doc", "--data", str(ledger), *args])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_json_counts_are_the_documents_whatever_is_listed(text_ledger) -> None:
    ledger = text_ledger(TEXT, FIGURES, IGNORE)
    listing = json.loads(extract(ledger, "--format", "json", "--unrecorded"))
    assert [n["text"] for n in listing["numbers"]] == ["Forty"]
    assert listing["counts"] == WHOLE


def test_text_summary_counts_the_whole_document(text_ledger) -> None:
    ledger = text_ledger(TEXT, FIGURES, IGNORE)
    out = extract(ledger, "--unrecorded")
    assert out.rstrip().endswith("4 numbers: 2 recorded, 1 ignored, 1 unrecorded")


def test_a_fully_accounted_document_still_counts_its_numbers(text_ledger) -> None:
    ledger = text_ledger(TEXT, FIGURES, [*IGNORE, {"text": "Forty came", "why": "a test"}])
    listing = json.loads(extract(ledger, "--format", "json", "--unrecorded"))
    assert listing["numbers"] == []
    assert listing["counts"] == {"found": 4, "recorded": 2, "ignored": 2, "unrecorded": 0}
