"""`statement:`, an optional field of a figure: read, described by the JSON Schema, and
written by `figcheck add --statement`."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from figcheck import load_ledger
from figcheck.cli import cli
from tests.test_ledger_schema import QUANTITIES, figure, verdicts

FIXTURE = Path(__file__).parent / "fixtures" / "curation"


def test_a_figure_keeps_its_statement(tmp_path, write_tree):
    files = {"quantities.yaml": QUANTITIES, "sources/a.yaml": figure(statement="briefing-0710")}
    ledger = load_ledger(write_tree(tmp_path / "ledger", files))
    assert [f.statement for f in ledger.figures.values()] == ["briefing-0710"]


@pytest.mark.parametrize("value", ["briefing-0710", "tass.2015_11", "7", "null"])
def test_schema_and_loader_both_accept(value, tmp_path, write_tree):
    assert verdicts("source", figure(statement=value), tmp_path, write_tree) == (True, True)


@pytest.mark.parametrize("value", ["'has space'", "'-dash-first'", "[a, b]", "true", "''"])
def test_schema_and_loader_both_reject(value, tmp_path, write_tree):
    assert verdicts("source", figure(statement=value), tmp_path, write_tree) == (False, False)


def test_a_bad_statement_is_reported_at_its_line(tmp_path, write_tree):
    text = figure(statement="'two words'")
    root = write_tree(tmp_path / "ledger", {"quantities.yaml": QUANTITIES, "sources/a.yaml": text})
    (problem,) = [f for f in load_ledger(root).problems if f.is_data_error]
    assert problem.rule == "FC101"
    assert problem.locations[0].line == text.splitlines().index("    statement: 'two words'") + 1
    assert "statement" in problem.message


def test_add_writes_the_statement_after_the_speaker(tmp_path):
    root = Path(shutil.copytree(FIXTURE, tmp_path / "ledger"))
    result = CliRunner().invoke(
        cli,
        [
            "add",
            "--data",
            str(root),
            "--document",
            "tass",
            "--quantity",
            "ru-departed-syria",
            "--value",
            "2,719",
            "--as-of",
            "2015-11-19",
            "--said-by",
            "Oleg Syromolotov",
            "--statement",
            "briefing-1119",
            "--quote",
            "From Russia went to Syria 2719 Russian citizens",
        ],
    )
    assert result.exit_code == 0, result.output
    (figure_,) = [f for f in load_ledger(root).figures.values() if f.statement]
    assert figure_.statement == "briefing-1119"
    written = (root / "sources" / "tass.yaml").read_text()
    assert "said_by: Oleg Syromolotov\n    statement: briefing-1119\n    quote:" in written


def test_add_refuses_a_statement_that_is_not_an_id(tmp_path):
    root = Path(shutil.copytree(FIXTURE, tmp_path / "ledger"))
    before = (root / "sources" / "tass.yaml").read_bytes()
    result = CliRunner().invoke(
        cli,
        [
            "add",
            "--data",
            str(root),
            "--document",
            "tass",
            "--quantity",
            "ru-departed-syria",
            "--value",
            "2719",
            "--as-of",
            "2015-11-19",
            "--said-by",
            "S",
            "--statement",
            "press conference",
            "--quote",
            "From Russia went to Syria 2719 Russian citizens",
        ],
    )
    assert result.exit_code == 2
    assert "statement" in result.stderr
    assert (root / "sources" / "tass.yaml").read_bytes() == before
