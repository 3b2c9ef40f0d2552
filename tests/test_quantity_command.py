"""`figcheck quantity add` and `figcheck quantity relate`: quantities defined and related
without editing quantities.yaml by hand, validated as `figcheck check` validates them, the
rest of the file byte for byte; and `figcheck add` with a quantity not defined yet."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from figcheck import check, load_ledger
from figcheck.cli import cli

FIXTURE = Path(__file__).parent / "fixtures" / "curation"
LABEL = "People from Russia fighting with the Islamic State at the time"


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return Path(shutil.copytree(FIXTURE, tmp_path / "ledger"))


def run(root: Path, *args: str, **kwargs: object) -> Result:
    return CliRunner().invoke(cli, [*args, "--data", str(root)], **kwargs)  # type: ignore[arg-type]


def files(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def define(root: Path, *extra: str) -> Result:
    return run(
        root, "quantity", "add", "ru-fighting-isis", "--label", LABEL, "--unit", "people",
        "--kind", "stock", *extra,
    )  # fmt: skip


def test_a_quantity_is_appended_in_the_files_style_and_the_rest_kept(root: Path) -> None:
    path = root / "quantities.yaml"
    old = path.read_bytes()
    result = define(root, "--subset-of", "ru-fighting", "--note", "From the FSB's briefings.")
    assert result.exit_code == 0, result.output
    assert (
        path.read_bytes()
        == old
        + (
            "\n"
            "  ru-fighting-isis:\n"
            f"    label: {LABEL}\n"
            "    unit: people\n"
            "    kind: stock\n"
            "    subset_of: [ru-fighting]\n"
            "    note: From the FSB's briefings.\n"
        ).encode()
    )
    assert f"Defined ru-fighting-isis at {path}:19." in result.stdout
    quantity = load_ledger(root).quantities["ru-fighting-isis"]
    assert quantity.subset_of == ("ru-fighting",) and quantity.kind == "stock"


def test_every_relation_option_is_written(root: Path) -> None:
    result = run(
        root, "quantity", "add", "all-left", "--label", "Everyone who left", "--unit", "people",
        "--kind", "cumulative", "--parts", "ru-departed-syria", "--parts", "ru-fighting",
        "--exhaustive",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    quantity = load_ledger(root).quantities["all-left"]
    assert quantity.parts == ("ru-departed-syria", "ru-fighting") and quantity.exhaustive


def test_a_quantity_takes_its_own_window(root: Path) -> None:
    result = define(root, "--window-days", "3")
    assert result.exit_code == 0, result.output
    assert "    window_days: 3\n" in (root / "quantities.yaml").read_text()
    assert load_ledger(root).quantities["ru-fighting-isis"].window_days == 3
    refused = define(root, "--window-days", "-1")
    assert refused.exit_code == 2 and "--window-days" in refused.stderr


def test_a_quantity_that_figures_already_name_is_counted(root: Path) -> None:
    source = root / "sources" / "tass.yaml"
    source.write_text(source.read_text().replace("ru-departed-syria-killed", "killed-syria"))
    assert check(load_ledger(root)).exit_code() == 2  # the figure names an undefined quantity
    result = run(
        root, "quantity", "add", "killed-syria", "--label", "Killed", "--unit", "people",
        "--kind", "cumulative",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "1 figure of the ledger name it." in result.stdout


@pytest.mark.parametrize(
    ("extra", "said"),
    [
        (["--subset-of", "ru-fightng"], "error FC102 quantity ru-fighting-isis: subset_of names"),
        (["--unit", "cases", "--subset-of", "ru-fighting"], "units differ"),
        (["--of", "ru-fighting"], "`of` names the level a change is of"),
    ],
)
def test_a_definition_that_brings_a_data_error_writes_nothing(
    root: Path, extra: list[str], said: str
) -> None:
    before = files(root)
    result = define(root, *extra)
    assert result.exit_code == 2, result.output
    assert said in result.stderr and "nothing was written" in result.stderr
    assert files(root) == before


def test_a_quantity_defined_twice_is_refused(root: Path) -> None:
    result = run(
        root, "quantity", "add", "ru-fighting", "--label", "x", "--unit", "people",
        "--kind", "stock",
    )  # fmt: skip
    assert result.exit_code == 2
    assert "ru-fighting is defined already" in result.stderr
    assert "figcheck quantity relate ru-fighting" in result.stderr


def test_dry_run_and_json(root: Path) -> None:
    before = files(root)
    result = define(root, "--dry-run", "--format", "json")
    assert result.exit_code == 0, result.output
    shown = json.loads(result.stdout)
    assert shown["quantity"] == "ru-fighting-isis" and shown["written"] is False
    assert "  ru-fighting-isis:\n    label:" in shown["entry"]
    assert files(root) == before


def test_missing_options_without_a_terminal_are_one_usage_line(root: Path) -> None:
    result = run(root, "quantity", "add", "x", "--unit", "people")
    assert result.exit_code == 2
    assert "missing --label, --kind" in result.stderr


def test_at_a_terminal_what_is_missing_is_asked_for(root: Path, monkeypatch) -> None:
    from figcheck.commands import quantity

    monkeypatch.setattr(quantity, "stdin_is_terminal", lambda: True)
    result = run(root, "quantity", "add", input=f"new-q\n{LABEL}\npeople\nstock\n")
    assert result.exit_code == 0, result.output
    assert load_ledger(root).quantities["new-q"].label == LABEL


def test_a_missing_quantities_file_is_created(tmp_path: Path) -> None:
    (tmp_path / "ledger").mkdir()
    result = define(tmp_path / "ledger")
    assert result.exit_code == 0, result.output
    assert "(a new file)" in result.stdout
    assert "ru-fighting-isis" in load_ledger(tmp_path / "ledger").quantities


# -- relate ----------------------------------------------------------------------------------


def test_relate_adds_to_a_flow_list_and_shows_what_it_brings(root: Path) -> None:
    path = root / "quantities.yaml"
    old = path.read_text()
    result = run(root, "quantity", "relate", "ru-departed-syria", "--parts", "ru-fighting")
    assert result.exit_code == 0, result.output
    assert path.read_text() == old.replace(
        "parts: [ru-departed-syria-killed]", "parts: [ru-departed-syria-killed, ru-fighting]"
    )
    assert "Related ru-departed-syria: parts ru-fighting" in result.stdout


def test_relate_adds_a_missing_field_and_reports_the_findings_it_brings(root: Path) -> None:
    # about 2,200 fighting in 2015 against a running total of 2,719 who went: fine; as a
    # superset of the 160 killed, the 2,200 is fine too; as a subset of the killed, not.
    result = run(
        root, "quantity", "relate", "ru-fighting", "--subset-of", "ru-departed-syria-killed"
    )
    assert result.exit_code == 1, result.output
    assert "It brings 1 finding:" in result.stdout
    assert "FC204 subset exceeds superset" in result.stdout
    assert "    subset_of: [ru-departed-syria-killed]\n" in (root / "quantities.yaml").read_text()


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["ru-departed-syria", "--parts", "ru-departed-syria-killed"], "already"),
        (["ru-departed-syria", "--subset-of", "ru-departed-syria-killed"], "go round in a circle"),
        (["nothing-such", "--subset-of", "ru-fighting"], "is not a quantity of"),
        (["ru-fighting"], "give a relation to add"),
    ],
)
def test_relate_refuses(root: Path, args: list[str], said: str) -> None:
    before = files(root)
    result = run(root, "quantity", "relate", *args)
    assert result.exit_code == 2, result.output
    assert said in result.stderr
    assert files(root) == before


@pytest.mark.parametrize("option", ["--parts", "--subset-of"])
def test_ids_run_together_with_commas_are_one_usage_line(root: Path, option: str) -> None:
    before = files(root)
    result = run(root, "quantity", "relate", "ru-departed-syria", option, "ru-fighting, a-b")
    assert result.exit_code == 2
    assert f"repeat it for several: {option} ru-fighting {option} a-b" in result.stderr
    assert "Traceback" not in result.output + result.stderr
    assert files(root) == before


# -- figcheck add with a quantity not defined yet --------------------------------------------

ADD = [
    "add", "--document", "tass", "--value", "2,719", "--as-of", "2015-11-19",
    "--said-by", "Oleg Syromolotov", "--quote", "From Russia went to Syria 2719 Russian citizens",
]  # fmt: skip


def test_add_with_an_undefined_quantity_says_how_to_define_it(root: Path) -> None:
    result = run(root, *ADD, "--quantity", "ru-fighting-isis")
    assert result.exit_code == 2
    assert result.stderr == (
        "figcheck: quantity 'ru-fighting-isis' is not defined in quantities.yaml; define it "
        "first: figcheck quantity add ru-fighting-isis --label TEXT --unit UNIT "
        "--kind stock|cumulative|flow|change\n"
    )


def test_add_suggests_only_a_plausible_misspelling(root: Path) -> None:
    typo = run(root, *ADD, "--quantity", "ru-departed-syra")
    assert "did you mean 'ru-departed-syria'?" in typo.stderr
    other = run(root, *ADD, "--quantity", "departed")
    assert "did you mean" not in other.stderr
