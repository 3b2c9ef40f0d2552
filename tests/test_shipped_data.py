"""The shipped ledger in data/: it loads cleanly, passes `figcheck check`, explains every
accepted divergence, and keeps the five documents exactly as they were given."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

import figcheck
from figcheck.cli import cli
from figcheck.engine import CheckResult

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "data"
SEEDS = REPO.parent / "shared" / "seeds"  # the documents as given, beside the repository
DOCUMENT_NAMES = sorted(p.name for p in (DATA / "documents").glob("*.txt"))


@pytest.fixture(scope="module")
def result() -> CheckResult:
    return figcheck.check(figcheck.load_ledger(DATA))


def test_the_shipped_ledger_has_no_data_errors(result: CheckResult) -> None:
    problems = [f"{f.rule} {f.locations[0]}: {f.message}" for f in result.ledger.problems]
    assert problems == []
    assert result.rules_ran


def test_the_shipped_ledger_has_no_unaccepted_finding_of_any_severity(result: CheckResult) -> None:
    open_findings = [f"{f.id} {f.message}" for f in result.findings if not result.is_accepted(f)]
    assert open_findings == []


def test_every_acceptance_gives_a_reason_and_matches_a_current_finding(result: CheckResult) -> None:
    acceptances = result.ledger.acceptances
    assert acceptances, "the shipped data accepts the divergences it exists to show"
    assert [a.finding for a in acceptances if not (a.why and a.why.strip())] == []
    current = {f.id for f in result.findings}
    assert [a.finding for a in acceptances if a.finding not in current] == []


def test_figcheck_check_exits_0_on_the_shipped_data(monkeypatch) -> None:
    monkeypatch.chdir(REPO)
    outcome = CliRunner().invoke(cli, ["check", "--fail-on", "warning"])
    assert outcome.exit_code == 0, outcome.output


def test_each_document_has_exactly_one_source_file_that_points_at_it(result: CheckResult) -> None:
    texts = sorted(d.text_path.name for d in result.ledger.documents.values() if d.text_path)
    assert texts == DOCUMENT_NAMES
    assert len(DOCUMENT_NAMES) == 5
    for document in result.ledger.documents.values():
        assert document.source_file.stem == document.text_path.stem  # type: ignore[union-attr]


def test_every_number_in_the_five_texts_is_recorded_or_ignored(result: CheckResult) -> None:
    counted = result.coverage
    assert counted.skipped == ()
    assert sorted(counted.documents) == sorted(result.ledger.documents)
    assert all(c.found > 0 for c in counted.documents.values())
    unrecorded = {doc: c.unrecorded for doc, c in counted.documents.items() if c.unrecorded}
    assert unrecorded == {}


@pytest.mark.parametrize("name", DOCUMENT_NAMES)
def test_each_document_is_byte_for_byte_its_seed(name: str) -> None:
    if not SEEDS.is_dir():
        pytest.skip(f"the seed documents are not beside this checkout ({SEEDS} is absent)")
    assert (DATA / "documents" / name).read_bytes() == (SEEDS / name).read_bytes()


def test_every_seed_is_shipped() -> None:
    if not SEEDS.is_dir():
        pytest.skip(f"the seed documents are not beside this checkout ({SEEDS} is absent)")
    assert sorted(p.name for p in SEEDS.glob("*.txt")) == DOCUMENT_NAMES
