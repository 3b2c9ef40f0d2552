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


@pytest.mark.parametrize(
    ("phrase", "written", "words"),
    [
        ("late 2017", "2017-39", "Sep to Dec 2017"),
        ("Q4 2017", "2017-36", "Q4 2017"),
        ("7 July 2015", "2015-07-07", "7 Jul 2015"),
        ("end of 2015", "2015-12~", "around Dec 2015"),
    ],
)
def test_as_of_as_reports_write_it_is_written_as_edtf(
    root: Path, phrase: str, written: str, words: str
) -> None:
    result = add(root, *departed(phrase))
    assert result.exit_code == 0, result.output
    assert f"--as-of {phrase!r} is written {written} ({words})" in result.stdout
    assert f"    as_of: {written}\n" in (root / "sources" / "tass.yaml").read_text()


def test_published_as_reports_write_it(root: Path) -> None:
    args = [
        "--document", "ria", "--title", "A report", "--published", "June 2015",
        "--quantity", "ru-fighting", "--value", "2,200", "--as-of", "early 2015",
        "--said-by", "X", "--quote", "2,200", "--format", "json",
    ]  # fmt: skip
    result = add(root, *args)
    assert result.exit_code == 0, result.output
    import json

    given = {(d["option"], d["given"], d["written"]) for d in json.loads(result.stdout)["dates"]}
    assert given == {("--published", "June 2015", "2015-06"), ("--as-of", "early 2015", "2015-37")}
    assert "published: 2015-06\n" in (root / "sources" / "ria.yaml").read_text()


def test_a_day_first_date_is_refused_with_its_iso_form(root: Path) -> None:
    result = add(root, *departed("24/10/2017"))
    assert result.exit_code == 2
    assert "'24/10/2017' reads as day first: write 2017-10-24" in result.stderr
    assert "A/B" in result.stderr
