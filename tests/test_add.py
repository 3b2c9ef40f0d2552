"""`figcheck add`: validation as the loader does it, the file kept byte for byte, ids, prompts,
exit codes, and the curator's scenario on the shipped ledger."""

from __future__ import annotations

import json
import re
import shutil
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import click
import pytest
from click.testing import CliRunner, Result

from figcheck import load_ledger
from figcheck.cli import cli
from figcheck.writing.records import figure_id, parse_value
from tests.builders import CURATION, copy_curation_ledger

SHIPPED = Path(__file__).parent.parent / "data"
SYROMOLOTOV = "Oleg Syromolotov, Deputy Foreign Minister"
DEPARTED = [
    "--document",
    "tass",
    "--quantity",
    "ru-departed-syria",
    "--value",
    "2,719",
    "--as-of",
    "2015-11-19",
    "--said-by",
    SYROMOLOTOV,
    "--quote",
    "From Russia went to Syria 2719 Russian citizens",
]


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return copy_curation_ledger(tmp_path / "ledger")


def add(root: Path, *args: str, **kwargs: object) -> Result:
    return CliRunner().invoke(cli, ["add", "--data", str(root), *args], **kwargs)  # type: ignore[arg-type]


def snapshot(root: Path) -> dict[str, bytes]:
    """Every file of the ledger but the lock file, which writers leave in place."""
    files = (p for p in root.rglob("*") if p.is_file())
    return {str(p.relative_to(root)): p.read_bytes() for p in files}


def changed_files(before: dict[str, bytes], root: Path) -> set[str]:
    after = snapshot(root)
    return {name for name in before.keys() | after.keys() if before.get(name) != after.get(name)}


def refused(root: Path, *args: str) -> str:
    """Run `add`, which must refuse (exit 2) and leave every file as it was; its stderr."""
    before = snapshot(root)
    result = add(root, *args)
    assert result.exit_code == 2, result.output
    assert changed_files(before, root) == set()
    return result.stderr


def replaced(args: list[str], old: str, new: str) -> list[str]:
    return [new if arg == old else arg for arg in args]


# -- help ------------------------------------------------------------------------------------


@pytest.mark.parametrize("command", ["add", "accept"])
def test_the_command_summary_fits_a_60_column_terminal(command: str) -> None:
    # In a 60-column terminal click formats help 58 columns wide (it keeps 2 free).
    result = CliRunner().invoke(cli, ["--help"], terminal_width=58)
    (line,) = [line for line in result.stdout.splitlines() if line.startswith(f"  {command} ")]
    following = result.stdout.splitlines()[result.stdout.splitlines().index(line) + 1]
    assert len(line) <= 58 and not line.endswith("...") and not following.startswith("    ")
    assert len(line.split()) >= 4  # a summary, not just the name


def test_add_help_marks_the_required_options_and_explains_every_one() -> None:
    from figcheck.commands.add import add as add_command

    context = click.Context(add_command, info_name="add")
    records = [p.get_help_record(context) for p in add_command.get_params(context)]
    by_name = {
        opts.split()[0].rstrip(","): f"{opts} {text}" for opts, text in filter(None, records)
    }
    for name in ("--document", "--quantity", "--value", "--as-of", "--said-by", "--quote"):
        assert "[required]" in by_name[name], by_name[name]
    for name in ("--approx", "--id", "--note", "--dry-run", "--format"):
        assert "[required]" not in by_name[name]
    assert all(len(entry.split()) >= 4 for entry in by_name.values()), by_name  # help for each
    assert "text|json" in by_name["--format"] and "Show" in by_name["--format"]


# -- appending -------------------------------------------------------------------------------


def test_a_figure_is_appended_to_its_documents_file_byte_for_byte(root: Path) -> None:
    source = root / "sources" / "tass.yaml"
    old = source.read_bytes()
    result = add(root, *DEPARTED)
    assert result.exit_code == 0, result.output
    assert source.read_bytes() == old + (
        b"\n  - id: departed-2\n"
        b"    quantity: ru-departed-syria\n"
        b"    value: 2719\n"
        b"    as_of: 2015-11-19\n"
        b"    said_by: Oleg Syromolotov, Deputy Foreign Minister\n"
        b"    quote: From Russia went to Syria 2719 Russian citizens\n"
    )
    assert f"Added tass/departed-2 at {root}/sources/tass.yaml:23" in result.stdout
    # The ledger's first figure of ru-departed-syria: nothing can check it yet.
    assert "The new figure takes part in 1 finding:" in result.stdout
    assert "info     FC304 unverifiable" in result.stdout
    assert "to do: record a second report of the figure" in result.stdout
    assert "tass/departed-2" in load_ledger(root).figures


QUOTE = "1 fighter: ‘quoted’ # x"
FIELDS = ["quantity: ru-fighting", "value: 1", "as_of: 2014", "said_by: S", f"quote: '{QUOTE}'"]


def block(dash: int, content: int) -> str:
    lines = [" " * dash + "-" + " " * (content - dash - 1) + "id: fighting"]
    return "\n".join(lines + [" " * content + field for field in FIELDS])


FLOW_ITEM = (
    "{id: fighting, quantity: ru-fighting, value: 1, as_of: '2014', said_by: S, "
    f"quote: '{QUOTE}'}}"
)

# Each style: the file before, and the file after `add` (byte for byte).
STYLES = {
    "no final newline": (
        "document:\n  id: styled\n  title: T\nfigures:\n  - id: a\n    quantity: ru-fighting\n"
        "    value: 1\n    as_of: 2014\n    said_by: S\n    quote: 1 fighter",
        "{old}\n" + block(2, 4),
    ),
    "empty flow list": (
        "# comment\ndocument: {id: styled, title: T}\nfigures: []  # none yet\n",
        "# comment\ndocument: {id: styled, title: T}\nfigures:  # none yet\n" + block(2, 4) + "\n",
    ),
    "flow entries": (
        "document: {id: styled, title: T}\nfigures:\n- {id: a, quantity: ru-fighting, value: 1, "
        "as_of: 2014, said_by: S, quote: 1 fighter}\n",
        "{old}- " + FLOW_ITEM + "\n",
    ),
    "four spaces": (
        "document:\n    id: styled\n    title: T\nfigures:\n    -   id: a\n        quantity: "
        "ru-fighting\n        value: 1\n        as_of: '2014'\n        said_by: S\n"
        "        quote: '1 fighter'   # quoted\n\n# trailing comment\n",
        "document:\n    id: styled\n    title: T\nfigures:\n    -   id: a\n        quantity: "
        "ru-fighting\n        value: 1\n        as_of: '2014'\n        said_by: S\n"
        "        quote: '1 fighter'   # quoted\n" + block(4, 8) + "\n\n# trailing comment\n",
    ),
}


@pytest.mark.parametrize("style", STYLES)
def test_the_file_appended_to_keeps_its_comments_and_formatting(root: Path, style: str) -> None:
    old, expected = STYLES[style]
    source = root / "sources" / "styled.yaml"
    source.write_bytes(old.encode())
    args = ["--document", "styled", "--quantity", "ru-fighting", "--value", "1", "--as-of"]
    result = add(root, *args, "2014", "--said-by", "S", "--quote", QUOTE)
    assert result.exit_code == 0, result.output
    assert source.read_bytes().decode() == expected.replace("{old}", old)
    figure = load_ledger(root).figures["styled/fighting"]
    assert (figure.quote, figure.as_of.text, figure.value) == (QUOTE, "2014", 1)


def test_a_new_document_gets_its_own_source_file(root: Path) -> None:
    result = add(
        root,
        "--document",
        "fsb-2016",
        "--quantity",
        "ru-fighting",
        "--value",
        "2300",
        "--as-of",
        "2015-12~",
        "--said-by",
        "FSB of Russia",
        "--quote",
        "participate 2,300 citizens of Russia",
        "--title",
        "Experts: departure of militants",
        "--outlet",
        "Kommersant",
        "--published",
        "2016?",
        "--url",
        "https://example.org/a?b=c#d",
    )
    assert result.exit_code == 0, result.output
    assert (root / "sources" / "fsb-2016.yaml").read_text() == (
        "document:\n"
        "  id: fsb-2016\n"
        "  title: 'Experts: departure of militants'\n"
        "  outlet: Kommersant\n"
        "  published: 2016?\n"
        "  url: https://example.org/a?b=c#d\n"
        "figures:\n"
        "  - id: fighting\n"
        "    quantity: ru-fighting\n"
        "    value: 2300\n"
        "    as_of: 2015-12~\n"
        "    said_by: FSB of Russia\n"
        "    quote: participate 2,300 citizens of Russia\n"
    )
    assert "created" in result.stdout
    assert load_ledger(root).documents["fsb-2016"].published.text == "2016?"  # type: ignore[union-attr]


NEW_DOCUMENT = [
    "--document",
    "ria",
    "--quantity",
    "ru-fighting",
    "--value",
    "2200",
    "--approx",
    "about",
    "--as-of",
    "2015",
    "--said-by",
    SYROMOLOTOV,
    "--quote",
    "around 2,200 people from Russia are fighting in Syria and Iraq",
    "--title",
    "RIA report",
]


def test_a_text_outside_the_ledger_is_copied_into_documents(root: Path, tmp_path: Path) -> None:
    text = tmp_path / "download.txt"
    text.write_text("Around 2,200 people from Russia are fighting in Syria and Iraq.\n")
    before = snapshot(root)
    dry = add(root, *NEW_DOCUMENT, "--text", str(text), "--dry-run")
    assert dry.exit_code == 0, dry.output
    assert changed_files(before, root) == set()  # not even the copy
    result = add(root, *NEW_DOCUMENT, "--text", str(text))
    assert result.exit_code == 0, result.output
    assert (root / "documents" / "ria.txt").read_bytes() == text.read_bytes()
    assert "  text: ../documents/ria.txt\n" in (root / "sources" / "ria.yaml").read_text()
    document = load_ledger(root).documents["ria"]
    assert document.text_path == (root / "documents" / "ria.txt").resolve()


def test_a_text_is_never_copied_over_another(root: Path, tmp_path: Path) -> None:
    text = tmp_path / "download.txt"
    text.write_text("Around 2,200 people from Russia are fighting in Syria and Iraq.\n")
    (root / "documents" / "ria.txt").write_text("another text\n")
    stderr = refused(root, *NEW_DOCUMENT, "--text", str(text))
    assert "documents/ria.txt already exists with other content" in stderr


def test_a_text_inside_the_ledger_is_referred_to(root: Path) -> None:
    result = add(root, *NEW_DOCUMENT, "--text", str(root / "documents" / "tass.txt"))
    assert result.exit_code == 0, result.output
    assert "  text: ../documents/tass.txt\n" in (root / "sources" / "ria.yaml").read_text()
    assert sorted(p.name for p in (root / "documents").iterdir()) == ["tass.txt"]


# -- ids -------------------------------------------------------------------------------------


def test_ids_are_made_from_the_quantity_and_kept_unique_in_the_document(root: Path) -> None:
    assert add(root, *DEPARTED).exit_code == 0
    assert add(root, *DEPARTED).exit_code == 0
    assert add(root, *DEPARTED, "--id", "headline").exit_code == 0
    ledger = load_ledger(root)
    assert [ledger.figures[f].id for f in ledger.documents["tass"].figures] == [
        "departed",
        "killed",
        "departed-2",
        "departed-3",
        "headline",
    ]


def test_figure_id_heuristic() -> None:
    quantities = load_ledger(CURATION).quantities
    assert figure_id("ru-departed-syria", quantities, set()) == "departed"
    assert figure_id("ru-departed-syria", quantities, {"departed", "departed-2"}) == "departed-3"
    assert figure_id("ru-departed-syria-killed", quantities, set()) == "departed-killed"
    assert figure_id("nc-attack-victims", quantities, set()) == "attack"
    assert figure_id("xy", quantities, {"xy"}) == "xy-2"


def test_a_repeated_id_is_the_loaders_duplicate_error(root: Path) -> None:
    stderr = refused(root, *DEPARTED, "--id", "killed")
    assert "tass.yaml:23: error FC103 figure id 'killed' is already used at line 16" in stderr
    assert "nothing was written" in stderr


# -- values ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("2719", 2719),
        ("2,719", 2719),
        ("-46", -46),
        ("2.5", 2.5),
        ("1,000,000.5", 1000000.5),
        ("2,000..3,000", (2000, 3000)),
        ("-51..-46", (-51, -46)),
    ],
)
def test_values_as_curators_write_them(text: str, value: object) -> None:
    assert parse_value(text) == value


def test_a_decimal_is_kept_with_the_digits_typed() -> None:
    assert parse_value("0.1234567890") == Decimal("0.123456789")  # not a float's rounding
    assert str(parse_value("0.1234567890")) == "0.1234567890"
    assert str(parse_value("2,719.50")) == "2719.50"
    assert parse_value("0" * 5000 + "1") == 1  # leading zeros are no digits of the number
    assert parse_value("-" + "9" * 308) == -(10**308 - 1)


# Interfax has no text, so the quote is free (but must hold the value, or FC105 fires).
FIGHTING = [
    *("--document", "interfax", "--quantity", "ru-fighting", "--as-of", "2016"),
    *("--said-by", "S"),
]


@pytest.mark.parametrize(
    ("typed", "written", "number"),
    [
        ("0.0000001", "0.0000001", Fraction(1, 10**7)),
        ("100000000000000000000.0", "100000000000000000000.0", Fraction(10**20)),
        ("100,000,000,000,000,000,000", "100000000000000000000", Fraction(10**20)),
        ("2,719.50", "2719.50", Fraction(5439, 2)),
        ("0.1", "0.1", Fraction(1, 10)),
        ("0" * 30 + "7", "7", Fraction(7)),  # never the octal 07 of YAML 1.1
        ("1" * 309, "1" * 309, Fraction(int("1" * 309))),
        ("0.000001..1.5", "[0.000001, 1.5]", (Fraction(1, 10**6), Fraction(3, 2))),
    ],
)
def test_a_value_is_written_in_plain_digits_and_read_back_as_typed(
    root: Path, typed: str, written: str, number: object
) -> None:
    quote = f"as many as {typed.replace('..', ' to ')} fight"
    result = add(root, *FIGHTING, "--value", typed, "--id", "new", "--quote", quote)
    assert result.exit_code in (0, 1), result.output
    assert f"    value: {written}\n" in (root / "sources" / "interfax.yaml").read_text()
    figure = load_ledger(root).figures["interfax/new"]
    if isinstance(number, tuple):
        assert (figure.interval.low, figure.interval.high) == number
    else:
        assert figure.stated == number


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("1.23456789012345678901", "--value '1.23456789012345678901' cannot be kept exactly"),
        ("0." + "0" * 400 + "1", "cannot be kept exactly: figcheck reads a number with a"),
        ("1" * 400 + ".5", "(402 characters) is too large: figcheck keeps numbers smaller"),
        ("1" * 5000, "(5,000 characters) is too large"),
        ("-" + "1" * 4301, "is too large"),
        ("2" * 309, "is too large"),  # 309 digits, but above 1.79e308
        ("٢٧١٩", "--value '٢٧١٩' is not a number"),  # Arabic-Indic digits
        ("1e-07", "--value '1e-07' is not a number"),
    ],
)
def test_a_value_that_cannot_be_kept_as_typed_is_one_usage_line(
    root: Path, value: str, message: str
) -> None:
    stderr = refused(root, *FIGHTING, "--value", value, "--quote", f"{value} fight")
    assert stderr.startswith("figcheck: --value") and message in stderr, stderr
    assert stderr.count("\n") == 1 and len(stderr) < 300
    assert "sys.set_int_max_str_digits" not in stderr


def test_a_range_is_written_as_a_list_with_approx_range(root: Path) -> None:
    args = replaced(NEW_DOCUMENT, "2200", "2,000..3,000")
    args = replaced(args, NEW_DOCUMENT[NEW_DOCUMENT.index("--quote") + 1], "2,000 to 3,000 fight")
    del args[args.index("--approx") : args.index("--approx") + 2]
    assert add(root, *args).exit_code == 0
    text = (root / "sources" / "ria.yaml").read_text()
    assert "    value: [2000, 3000]\n    approx: range\n" in text


@pytest.mark.parametrize(
    ("value", "extra", "message"),
    [
        ("abc", [], "--value 'abc' is not a number"),
        ("2,71", [], "--value '2,71' is not a number"),
        ("1..x", [], "--value '1..x' is not a number"),
        ("2000..3000", ["--approx", "about"], "is a range; it cannot also be --approx about"),
        ("2000", ["--approx", "range"], "--approx range needs --value LOW..HIGH"),
    ],
)
def test_bad_values_are_usage_errors(
    root: Path, value: str, extra: list[str], message: str
) -> None:
    assert message in refused(root, *replaced(DEPARTED, "2,719", value), *extra)


def test_approx_is_one_of_the_hedges_in_any_case(root: Path) -> None:
    stderr = refused(root, *DEPARTED, "--approx", "bogus")
    assert "--approx" in stderr and "bogus" in stderr and "FC101" not in stderr
    quote = "about 2,700 are fighting"
    result = add(root, *FIGHTING, "--value", "2,700", "--quote", quote, "--approx", "About")
    assert result.exit_code == 0, result.output
    (new,) = [f for f in load_ledger(root).figures.values() if f.value == 2700]
    assert new.approx == "about"


# -- validation ------------------------------------------------------------------------------


@pytest.mark.parametrize("option", ["--quote", "--said-by", "--as-of", "--id", "--note"])
def test_bytes_that_are_not_utf8_are_refused_naming_the_option(root: Path, option: str) -> None:
    # Python decodes such command-line bytes to lone surrogates, which no YAML file holds.
    stderr = refused(root, *FIGHTING, "--value", "5", "--quote", "5 fight", option, "x\udcff")
    assert stderr == (
        f"figcheck: {option} holds bytes that are not UTF-8 text ('x\\udcff'); check the "
        "encoding of your terminal or script\n"
    )


def test_an_unknown_quantity_is_refused_with_how_to_define_it(root: Path) -> None:
    stderr = refused(root, *replaced(DEPARTED, "ru-departed-syria", "ru-departed-syra"))
    assert stderr.splitlines()[0] == (
        "figcheck: quantity 'ru-departed-syra' is not defined in quantities.yaml; did you mean "
        "'ru-departed-syria'? If not, define it first: figcheck quantity add ru-departed-syra "
        "--label TEXT --unit UNIT --kind stock|cumulative|flow|change"
    )


def test_a_bad_date_is_fc101_at_its_line(root: Path) -> None:
    stderr = refused(root, *replaced(DEPARTED, "2015-11-19", "19.11.2015"))
    assert stderr.startswith(
        f"{root}/sources/tass.yaml:26: error FC101 figure tass/departed-2: `as_of`: date "
        "'19.11.2015' is not one of YYYY, YYYY-MM, YYYY-MM-DD"
    )


def test_a_new_document_needs_a_title(root: Path) -> None:
    stderr = refused(root, *NEW_DOCUMENT[:-2])
    assert "ria is a new document; give --title to create it" in stderr


def test_document_metadata_is_only_for_a_new_document(root: Path) -> None:
    stderr = refused(root, *DEPARTED, "--title", "Another title")
    assert "--title: only for a new document; tass already exists" in stderr


def test_a_ledger_with_data_errors_gets_nothing_added(root: Path) -> None:
    (root / "sources" / "broken.yaml").write_text("document: {id: broken}\n")
    stderr = refused(root, *DEPARTED)
    assert "the ledger has 1 data error; fix it first" in stderr
    assert "broken.yaml:1: error FC101 document: `title` is missing" in stderr


def test_missing_options_without_a_terminal_are_named_in_one_line(root: Path) -> None:
    result = add(root, "--document", "tass", "--value", "5")
    assert result.exit_code == 2
    assert result.stderr == (
        "figcheck: missing --quantity, --as-of, --said-by, --quote (figcheck asks for them "
        "only when run at a terminal)\n"
    )


def test_at_a_terminal_what_is_missing_is_asked_for(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("figcheck.commands.add.stdin_is_terminal", lambda: True)
    answers = ["tass", "ru-departd", "ru-departed-syria", "many", "2,719", "2015-11-19"]
    answers += [SYROMOLOTOV, "From Russia went to Syria 2719 Russian citizens"]
    result = add(root, input="\n".join(answers) + "\n")
    assert result.exit_code == 0, result.output
    assert "ru-departed-syria-killed  Of those, killed there" in result.stderr  # offered
    assert "interfax  Russian foreign ministry on fighters from Russia" in result.stderr
    assert result.stderr.count("Quantity:") == 2  # 'ru-departd' was refused and asked again
    assert "--value 'many' is not a number" in result.stderr
    figure = load_ledger(root).figures["tass/departed-2"]
    assert (figure.value, figure.said_by) == (2719, SYROMOLOTOV)


def test_at_a_terminal_a_new_document_is_asked_for_its_metadata(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("figcheck.commands.add.stdin_is_terminal", lambda: True)
    result = add(root, *NEW_DOCUMENT[:-2], input="RIA report\nRIA Novosti\n\n\n")
    assert result.exit_code == 0, result.output
    document = load_ledger(root).documents["ria"]
    assert (document.title, document.outlet, document.published) == (
        "RIA report",
        "RIA Novosti",
        None,
    )


# -- findings and exit codes -----------------------------------------------------------------

CONTRADICTION = [
    "--document",
    "interfax",
    "--quantity",
    "ru-fighting",
    "--value",
    "4100",
    "--as-of",
    "2015-12",
    "--said-by",
    "FSB of Russia",
    "--quote",
    "4100 citizens of Russia are fighting",
]


def test_a_contradiction_is_saved_shown_and_exits_1(root: Path) -> None:
    result = add(root, *CONTRADICTION)
    assert result.exit_code == 1, result.output
    assert "interfax/fighting-2" in load_ledger(root).figures
    assert "error    FC201 conflict" in result.stdout
    assert f"about 2,200 (2015, {SYROMOLOTOV}, in interfax) and 4,100" in result.stdout
    assert re.search(r'figcheck accept FC201:[0-9a-f]{10} --why "\.\.\."', result.stdout)


def test_a_warning_only_does_not_fail(root: Path) -> None:
    # At least 2,900 in mid-2016, against about 2,200 (at most 2,420) in 2015: 17% apart.
    args = replaced(CONTRADICTION, "4100", "2900")
    args = replaced(args, "2015-12", "2016-06")
    args = replaced(args, "4100 citizens of Russia are fighting", "at least 2900 are fighting")
    result = add(root, *args, "--approx", "at-least")
    assert result.exit_code == 0, result.output
    assert "warning  FC301 divergence" in result.stdout


def test_dry_run_checks_everything_and_writes_nothing(root: Path) -> None:
    before = snapshot(root)
    result = add(root, *CONTRADICTION, "--dry-run")
    assert result.exit_code == 1
    assert "Dry run: interfax/fighting-2 would go to" in result.stdout
    assert "  - id: fighting-2\n    quantity: ru-fighting\n" in result.stdout
    assert "FC201 conflict" in result.stdout
    assert changed_files(before, root) == set()


def test_json_output(root: Path) -> None:
    result = add(root, *CONTRADICTION, "--format", "json")
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert report["figure"] == "interfax/fighting-2"
    assert (report["written"], report["dry_run"], report["created"]) == (True, False, False)
    assert report["exit_code"] == 1 and report["problems"] == []
    (finding,) = report["findings"]
    assert finding["rule"] == "FC201" and finding["accepted"] is False
    assert set(finding["figures"]) == {"interfax/fighting", "interfax/fighting-2"}


def test_json_output_of_an_invalid_record(root: Path) -> None:
    args = replaced(DEPARTED, "2015-11-19", "19.11.2015")
    report = json.loads(add(root, *args, "--format", "json").stdout)
    assert (report["written"], report["exit_code"]) == (False, 2)
    assert [p["rule"] for p in report["problems"]] == ["FC101"]


# -- anchoring: document-scope rules judge the record before it is written -------------------


def test_a_quote_missing_from_the_documents_text_is_refused(root: Path) -> None:
    args = replaced(DEPARTED, "From Russia went to Syria 2719 Russian citizens", "2719 left")
    assert "FC104" in refused(root, *args)


# -- the scenario on the shipped ledger ----------------------------------------------


def check_json(root: Path) -> tuple[int, dict]:  # type: ignore[type-arg]
    result = CliRunner().invoke(cli, ["check", "--data", str(root), "--format", "json"])
    return result.exit_code, json.loads(result.stdout)


def accept(root: Path, finding: str, why: str) -> Result:
    return CliRunner().invoke(cli, ["accept", finding, "--why", why, "--data", str(root)])


def test_a_new_document_contradicting_the_fsb_count_then_accepted(tmp_path: Path) -> None:
    root = Path(shutil.copytree(SHIPPED, tmp_path / "data"))
    # Start from a passing ledger, whatever the shipped data holds today.
    for finding in check_json(root)[1]["findings"]:
        if finding["severity"] == "error" and not finding["accepted"]:
            assert accept(root, finding["id"], "reviewed before this test").exit_code == 0
    assert check_json(root)[0] == 0
    ledger = load_ledger(root)
    (fsb,) = [f for f in ledger.figures.values() if f.value == 2900 and "FSB" in f.said_by]

    result = add(
        root,
        *("--document", "fsb-count-4100", "--quantity", fsb.quantity, "--value", "4,100"),
        *("--as-of", fsb.as_of.text, "--said-by", fsb.said_by, "--format", "json"),
        *("--quote", "4,100 citizens of Russia take part in the fighting in Syria and Iraq"),
        *("--title", "A later FSB count", "--outlet", "Example News", "--published", "2016"),
    )
    assert result.exit_code == 1, result.output
    report = json.loads(result.stdout)
    new = report["figure"]
    assert new in load_ledger(root).figures  # the record stays
    both = [f for f in report["findings"] if set(f["figures"]) == {fsb.full_id, new}]
    assert both and both[0]["severity"] == "error"
    assert check_json(root)[0] == 1

    for finding in report["findings"]:
        if finding["severity"] == "error":
            why = "The FSB revised its count; both figures are reported as given."
            accepted = accept(root, finding["id"], why)
            assert accepted.exit_code == 0, accepted.output
    code, after = check_json(root)
    assert code == 0
    assert all(f["accepted"] for f in after["findings"] if f["id"] == both[0]["id"])
