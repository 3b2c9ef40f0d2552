"""`statement:` through the commands: `figcheck draft` writes the id it drafts for a
headline and its body in both formats, `figcheck add --from` and `figcheck curate` record
it, and the ledger then passes `figcheck check`. The text is written for the tests."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from figcheck import check, load_ledger
from figcheck.cli import cli
from figcheck.curation.session import Session

FILES = {
    "quantities.yaml": """
        quantities:
          stranded:
            label: Travellers stranded at the airport
            unit: people
            kind: stock
        """,
    "sources/storm.yaml": """
        document:
          id: storm
          title: Snowstorm strands 2,400 at Kessel airport
          published: 2026-01-14
          text: ../documents/storm.txt
        """,
    "documents/storm.txt": """
        Snowstorm strands 2,400 at Kessel airport

        KESSEL, Jan 14 (Wire) - About 2,400 travellers were stranded at Kessel airport on
        Tuesday, the airport operator said.
        """,
}
STATEMENT = "airport-operator-2026-01-13"


@pytest.fixture
def ledger(tmp_path: Path, write_tree) -> Path:
    return write_tree(tmp_path / "ledger", FILES)


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_the_yaml_drafts_give_the_headline_and_the_body_one_statement(ledger: Path) -> None:
    code, out, err = run("draft", "storm", "--data", str(ledger))
    assert code == 0, err
    figures = yaml.safe_load(out)["figures"]
    assert [f["statement"] for f in figures] == [STATEMENT, STATEMENT]
    assert "# statement: the same number, speaker and date at lines 1, 3" in out


def test_the_json_drafts_give_the_statement(ledger: Path) -> None:
    code, out, _ = run("draft", "storm", "--data", str(ledger), "--format", "json")
    assert code == 0
    drafts = [d for d in json.loads(out)["drafts"] if d["action"] == "record"]
    assert [d["record"]["statement"] for d in drafts] == [STATEMENT, STATEMENT]
    assert all("statement" in d["confidence"] for d in drafts)


def test_add_from_records_the_statement(ledger: Path, tmp_path: Path) -> None:
    _, out, _ = run("draft", "storm", "--data", str(ledger))
    drafts = tmp_path / "drafts.yaml"
    drafts.write_text(out, encoding="utf-8")
    code, _, err = run("add", "--from", str(drafts), "--data", str(ledger))
    assert code == 0, err
    loaded = load_ledger(ledger)
    assert [f.statement for f in loaded.figures.values()] == [STATEMENT, STATEMENT]
    assert check(loaded).exit_code() == 0


def test_add_from_refuses_a_statement_that_is_no_id(ledger: Path, tmp_path: Path) -> None:
    _, out, _ = run("draft", "storm", "--data", str(ledger))
    drafts = tmp_path / "drafts.yaml"
    drafts.write_text(out.replace(STATEMENT, "the operator, on Tuesday", 1), encoding="utf-8")
    code, out, err = run("add", "--from", str(drafts), "--data", str(ledger))
    assert code == 2
    assert "statement" in out + err
    assert not load_ledger(ledger).figures


def test_curate_records_the_statement_and_offers_it_to_the_next(ledger: Path) -> None:
    session = Session(ledger, "storm")
    headline = session.current
    assert headline is not None and headline.record is not None
    assert session.record(headline, headline.record).written
    body = next(d for d in session.pending if d.record is not None)
    assert body.record is not None
    assert body.record.statement == STATEMENT  # from the recorded headline
    assert session.record(body, body.record).written
    loaded = load_ledger(ledger)
    assert [f.statement for f in loaded.figures.values()] == [STATEMENT, STATEMENT]
