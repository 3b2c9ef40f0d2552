"""`figcheck add` with the dates curators meet: impossible days are the loader's FC101, never
an internal error, and the phrases reports use are written as the EDTF they mean."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from figcheck.cli import cli

FIXTURE = Path(__file__).parent / "fixtures" / "curation"
QUOTE = "From Russia went to Syria 2719 Russian citizens"


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return Path(shutil.copytree(FIXTURE, tmp_path / "ledger"))


def add(root: Path, *args: str) -> Result:
    return CliRunner().invoke(cli, ["add", "--data", str(root), *args])


def departed(as_of: str) -> list[str]:
    return [
        "--document", "tass", "--quantity", "ru-departed-syria", "--value", "2,719",
        "--as-of", as_of, "--said-by", "Oleg Syromolotov", "--quote", QUOTE,
    ]  # fmt: skip


@pytest.mark.parametrize("day", ["2015-02-30", "2017-02-29", "2015-04-31"])
def test_a_day_the_month_does_not_have_is_fc101_not_an_internal_error(root: Path, day: str) -> None:
    before = (root / "sources" / "tass.yaml").read_bytes()
    result = add(root, *departed(day))
    assert result.exit_code == 2, result.output
    assert "internal error" not in result.stderr
    assert "error FC101 figure tass/departed-2: `as_of`: date" in result.stderr
    assert (root / "sources" / "tass.yaml").read_bytes() == before


def test_an_impossible_published_date_of_a_new_document_is_fc101(root: Path) -> None:
    args = [
        "--document", "ria", "--title", "A report", "--published", "2017-02-29",
        "--quantity", "ru-fighting", "--value", "5", "--as-of", "2017", "--said-by", "X",
        "--quote", "five",
    ]  # fmt: skip
    result = add(root, *args)
    assert result.exit_code == 2, result.output
    assert "internal error" not in result.stderr
    assert "error FC101 document: `published`: date '2017-02-29'" in result.stderr
    assert not (root / "sources" / "ria.yaml").exists()
