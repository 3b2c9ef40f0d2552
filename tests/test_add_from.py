"""`figcheck add --from FILE`: a reviewed draft file recorded all or nothing, each draft
validated and anchored as `figcheck add` and `figcheck ignore` do, problems listed with
the draft file's lines."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from figcheck import check, load_ledger
from figcheck.cli import cli

TEXT = (
    "HOLMBY, May 3 (Wire) - About 3,400 people were evacuated, the civil defence agency "
    "said. At least 41 people have died since 2019."
)


@pytest.fixture
def ledger(text_ledger) -> Path:
    return text_ledger(TEXT, [])


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def drafts_file(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "drafts.yaml"
    path.write_text(textwrap.dedent(body).lstrip(), encoding="utf-8")
    return path


VALID = """
    # reviewed drafts
    document: doc

    figures:
      - quantity: people
        value: 3400
        approx: about
        as_of: 2021-05-03?
        said_by: civil defence agency
        quote: About 3,400 people were evacuated

      - quantity: people
        value: 41
        as_of: 2021-05-03?
        said_by: author
        quote: At least 41 people have died since 2019

    ignore:
      - text: HOLMBY, May 3
        why: the dateline
      - text: since 2019
        why: a date
    """


def test_every_draft_is_recorded(ledger: Path, tmp_path: Path) -> None:
    path = drafts_file(tmp_path, VALID)
    code, out, err = run("add", "--from", str(path), "--data", str(ledger))
    assert code == 0, err
    assert "Recorded 2 figures and 2 ignore entries" in out
    loaded = load_ledger(ledger)
    # Each record's line in the source file as written, then its draft's line.
    at = loaded.figures["doc/people"].location.line
    holmby = loaded.documents["doc"].ignored[0].location.line
    assert f"line {at}: doc/people (draft line 5)" in out
    assert f"line {holmby}: ignore 'HOLMBY, May 3' (draft line 19)" in out
    source = (ledger / "sources" / "doc.yaml").read_text(encoding="utf-8").splitlines()
    assert "quantity: people" in source[at] and "HOLMBY, May 3" in source[holmby - 1]
    assert [f.value for f in loaded.figures.values()] == [3400, 41]
    # Without approx, it is taken from the hedge next to the number, as `figcheck add` does.
    assert loaded.figures["doc/people-2"].approx == "at-least"
    assert [i.text for i in loaded.documents["doc"].ignored] == ["HOLMBY, May 3", "since 2019"]
    result = check(loaded)
    assert result.exit_code() == 0
    assert not [f for f in result.findings if f.rule == "FC302"]  # every number accounted for


def test_one_invalid_draft_and_nothing_is_written(ledger: Path, tmp_path: Path) -> None:
    source = ledger / "sources" / "doc.yaml"
    before = source.read_bytes()
    body = VALID.replace("value: 41", "value: 14").replace("text: since 2019", "text: in 2018")
    code, _, err = run("add", "--from", str(drafts_file(tmp_path, body)), "--data", str(ledger))
    assert code == 2
    assert source.read_bytes() == before
    lines = err.splitlines()
    assert any(line.startswith(f"{tmp_path / 'drafts.yaml'}:12: error FC105") for line in lines)
    assert any(line.startswith(f"{tmp_path / 'drafts.yaml'}:21: ") for line in lines), err
    assert "2 drafts of 4" in err and "nothing was written" in err
    assert "figcheck-drafts-" not in err  # no scratch path shown


def test_drafts_without_a_quantity_are_refused_with_what_to_fill_in(
    ledger: Path, tmp_path: Path
) -> None:
    body = VALID.replace(
        "  - quantity: people\n        value: 41", "  - quantity:\n        value: 41"
    )
    path = drafts_file(tmp_path, body)
    code, _, err = run("add", "--from", str(path), "--data", str(ledger))
    assert code == 2
    assert "1 draft in" in err and "has no quantity yet" in err
    assert f"{path}:12: value 41: At least 41 people have died since 2019" in err
    assert not load_ledger(ledger).figures


def test_an_undefined_quantity_says_how_to_define_it(ledger: Path, tmp_path: Path) -> None:
    body = VALID.replace(
        "quantity: people\n        value: 3400", "quantity: evacuees\n        value: 3400"
    )
    code, _, err = run("add", "--from", str(drafts_file(tmp_path, body)), "--data", str(ledger))
    assert code == 2
    assert "figcheck quantity add evacuees" in err
    assert not load_ledger(ledger).figures


def test_a_dry_run_writes_nothing(ledger: Path, tmp_path: Path) -> None:
    path = drafts_file(tmp_path, VALID)
    code, out, _ = run("add", "--from", str(path), "--data", str(ledger), "--dry-run")
    assert code == 0
    assert "Dry run: 2 figures and 2 ignore entries would go to" in out
    assert not load_ledger(ledger).figures


def test_findings_the_records_bring_are_shown_with_real_paths(ledger: Path, tmp_path: Path) -> None:
    """An approx that the hedge contradicts is recorded (FC106 can be accepted) and shown
    at once, at its place in the ledger's own source file, in a dry run too."""
    body = VALID.replace("value: 41\n", "value: 41\n        approx: exact\n")
    path = drafts_file(tmp_path, body)
    for extra in (["--dry-run"], []):
        code, out, _ = run("add", "--from", str(path), "--data", str(ledger), *extra)
        assert code == 1
        assert "FC106 hedge differs from quote" in out
        assert f"at {ledger / 'sources' / 'doc.yaml'}:" in out
        assert "figcheck-drafts-" not in out
    assert len(load_ledger(ledger).figures) == 2


def test_json(ledger: Path, tmp_path: Path) -> None:
    path = drafts_file(tmp_path, VALID)
    code, out, _ = run("add", "--from", str(path), "--data", str(ledger), "--format", "json")
    assert code == 0
    result = json.loads(out)
    assert result["written"] is True and result["exit_code"] == 0
    loaded = load_ledger(ledger)
    at = loaded.figures["doc/people"].location.line
    holmby = loaded.documents["doc"].ignored[0].location.line
    assert result["recorded"][0] == {"line": 5, "figure": "doc/people", "written_line": at}
    assert result["recorded"][2] == {
        "line": 19,
        "ignore": "HOLMBY, May 3",
        "written_line": holmby,
    }
    assert result["problems"] == []


FIGURE = "{{quantity: people, value: {value}, as_of: 2020, said_by: a, quote: b}}\n"


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("figures: []\n", "give the document's id"),
        (
            "document: nope\nfigures:\n  - " + FIGURE.format(value=1),
            "nope is not a document of the ledger",
        ),
        (
            "document: doc\nfigures:\n  - " + FIGURE.format(value="x"),
            "is not a number",
        ),
        (
            "document: doc\nfigures:\n  - {quantity: people, value: 1, said_by: a, quote: b}\n",
            "missing as_of",
        ),
        (
            "document: doc\nfigures:\n  - " + FIGURE.format(value=1)[:-2] + ", colour: red}\n",
            "unknown field 'colour'",
        ),
        ("document: doc\nignore:\n  - {text: May 3}\n", "missing why"),
        ("document: doc\n", "nothing to record"),
        ("document: [doc\n", ""),
    ],
)
def test_a_draft_file_that_cannot_be_read(
    ledger: Path, tmp_path: Path, body: str, message: str
) -> None:
    code, _, err = run("add", "--from", str(drafts_file(tmp_path, body)), "--data", str(ledger))
    assert code == 2
    assert message in err
    assert "Traceback" not in err and "internal error" not in err
    assert not load_ledger(ledger).figures


def test_from_goes_with_no_record_option(ledger: Path, tmp_path: Path) -> None:
    path = drafts_file(tmp_path, VALID)
    code, _, err = run("add", "--from", str(path), "--value", "3", "--data", str(ledger))
    assert code == 2 and "--value cannot go with it" in err


def test_what_figcheck_draft_writes_is_recorded_once_filled_in(
    ledger: Path, tmp_path: Path
) -> None:
    code, out, _ = run("draft", "doc", "--data", str(ledger))
    assert code == 0
    fragment = yaml.safe_load(out)
    assert all(f["quantity"] == "people" for f in fragment["figures"])
    path = tmp_path / "drafted.yaml"
    path.write_text(out, encoding="utf-8")
    code, out, err = run("add", "--from", str(path), "--data", str(ledger))
    assert code == 0, err
    assert check(load_ledger(ledger)).exit_code() == 0
    code, out, _ = run("draft", "doc", "--data", str(ledger))
    assert "nothing to draft" in out
