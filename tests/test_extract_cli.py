"""`figcheck extract`: the curator's work list, as text and as JSON."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

from click.testing import CliRunner

from figcheck import load_ledger
from figcheck.cli import cli
from figcheck.output import extract_text
from figcheck.text.worklist import build

TEXT = (
    "From Russia went to Syria 2719 Russian citizens, 160 of them have been destroyed.\n"
    "Thousands of fighters, forty-four came back. Copyright ©2014"
)
FIGURES = [{"value": 2719, "quote": "From Russia went to Syria 2719 Russian citizens"}]
IGNORE = [{"text": "©2014", "why": "copyright year"}]


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_json_lists_every_number_with_its_status(text_ledger) -> None:
    ledger = text_ledger(TEXT, FIGURES, IGNORE)
    code, out, _ = run("extract", "doc", "--data", str(ledger), "--format", "json")
    assert code == 0
    listing = json.loads(out)
    assert listing["document"] == "doc"
    assert listing["counts"] == {"found": 5, "recorded": 1, "ignored": 1, "unrecorded": 3}
    rows = [(n["text"], n["status"], n["figure"], n["why"]) for n in listing["numbers"]]
    assert rows == [
        ("2719", "recorded", "doc/f0", None),
        ("160", "unrecorded", None, None),
        ("Thousands", "unrecorded", None, None),
        ("forty-four", "unrecorded", None, None),
        ("2014", "ignored", None, "copyright year"),
    ]
    thousands = listing["numbers"][2]
    assert (thousands["value"], thousands["low"], thousands["high"]) == (None, 2000, 9999)
    assert thousands["kind"] == "vague"
    assert listing["numbers"][3]["value"] == 44
    assert listing["numbers"][1]["line"] == 1 and listing["numbers"][3]["line"] == 2
    assert "Syria 2719 Russian citizens" in listing["numbers"][0]["context"]


def test_unrecorded_only(text_ledger) -> None:
    ledger = text_ledger(TEXT, FIGURES, IGNORE)
    code, out, _ = run("extract", "doc", "--data", str(ledger), "--format=json", "--unrecorded")
    assert code == 0
    assert [n["text"] for n in json.loads(out)["numbers"]] == ["160", "Thousands", "forty-four"]


def test_text_output(text_ledger) -> None:
    ledger = text_ledger(TEXT, FIGURES, IGNORE)
    code, out, _ = run("extract", "doc", "--data", str(ledger))
    assert code == 0
    assert "recorded by doc/f0" in out
    assert "ignored: copyright year" in out
    assert "forty-four = 44" in out
    assert "Thousands = 2,000 to 9,999" in out
    assert out.rstrip().endswith("5 numbers: 1 recorded, 1 ignored, 3 unrecorded")


def test_text_output_fits_narrow_and_wide_terminals(text_ledger) -> None:
    ledger = text_ledger(TEXT, FIGURES, IGNORE)
    worklist = build("doc", load_ledger(ledger))
    for width in (60, 100):
        stream = io.StringIO()
        stream.isatty = lambda: True  # type: ignore[method-assign]
        extract_text.render(worklist, stream, width=width)
        lines = re.sub(r"\x1b\[[0-9;]*m", "", stream.getvalue()).splitlines()
        assert max(len(line.rstrip()) for line in lines) <= width
        assert any("forty-four = 44" in line for line in lines)


def test_a_document_given_by_its_text_path_keeps_its_statuses(text_ledger) -> None:
    ledger = text_ledger(TEXT, FIGURES, IGNORE)
    path = ledger / "documents" / "doc.txt"
    code, out, _ = run("extract", str(path), "--data", str(ledger), "--format", "json")
    assert code == 0
    assert json.loads(out)["counts"]["recorded"] == 1


def test_any_text_file_lists_every_number_unrecorded(tmp_path: Path) -> None:
    path = tmp_path / "note.txt"
    path.write_text("In 2015, 2,900 citizens; a dozen more.", encoding="utf-8")
    code, out, _ = run(
        "extract", str(path), "--data", str(tmp_path / "no-ledger"), "--format", "json"
    )
    assert code == 0
    listing = json.loads(out)
    assert listing["document"] is None
    assert [(n["text"], n["status"]) for n in listing["numbers"]] == [
        ("2015", "unrecorded"),
        ("2,900", "unrecorded"),
        ("a dozen", "unrecorded"),
    ]


def test_unknown_document_is_a_usage_error_listing_the_known_ones(text_ledger) -> None:
    ledger = text_ledger(TEXT, FIGURES)
    code, out, err = run("extract", "tass", "--data", str(ledger))
    assert code == 2
    assert out == ""
    assert len(err.strip().splitlines()) == 1
    assert "known documents: doc" in err
    assert "Traceback" not in err


def test_document_without_text_is_a_usage_error(text_ledger) -> None:
    ledger = text_ledger(None, FIGURES)
    code, _, err = run("extract", "doc", "--data", str(ledger))
    assert code == 2
    assert "has no `text:`" in err


def test_unreadable_text_is_one_line(tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes(b"caf\xe9 2015")
    code, _, err = run("extract", str(path), "--data", str(tmp_path))
    assert code == 2
    assert "not UTF-8" in err
    assert len(err.strip().splitlines()) == 1


def test_missing_ledger_and_no_file(tmp_path: Path) -> None:
    code, _, err = run("extract", "doc", "--data", str(tmp_path / "absent"))
    assert code == 2
    assert "does not exist" in err
