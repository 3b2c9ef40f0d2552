"""`figcheck draft DOC`: the drafts as a YAML fragment to review and as JSON."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from figcheck.cli import cli

TEXT = (
    "Storm floods the valley\n\n"
    "HOLMBY, May 3 (Wire) - At least 41 people have died in the floods, the civil defence "
    "agency said on Monday. About 3,400 people were evacuated, and hundreds of them are in "
    "shelters. Copyright 2021 Wire."
)
FIGURES = [{"value": 41, "approx": "at-least", "quote": "At least 41 people have died"}]


@pytest.fixture
def ledger(text_ledger) -> Path:
    """A ledger whose one document has TEXT and a publication date."""
    root = text_ledger(TEXT, FIGURES)
    source = root / "sources" / "doc.yaml"
    source.write_text(
        source.read_text().replace("title: A report", "title: A report\n  published: 2021-05-03")
    )
    return root


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_yaml_is_a_source_fragment_with_comments(ledger: Path) -> None:
    code, out, err = run("draft", "doc", "--data", str(ledger))
    assert code == 0, err
    fragment = yaml.safe_load(out)
    assert fragment["document"] == "doc"
    figures = fragment["figures"]
    assert [f["value"] for f in figures] == [3400, [200, 999]]
    assert figures[0] == {
        "quantity": "people",
        "value": 3400,
        "approx": "about",
        "as_of": "2021-05-03?",  # "on Monday" in 2021 is 3 May
        "said_by": "civil defence agency",
        "quote": "About 3,400 people were evacuated",
    }
    assert [e["text"] for e in fragment["ignore"]] == ["HOLMBY, May 3", "Copyright 2021 Wire."]
    assert [e["why"] for e in fragment["ignore"]] == ["the dateline", "the copyright line"]
    # Each draft is introduced by its line and sentence, and the command to record them.
    assert "# line 3: About 3,400 people were evacuated, and hundreds" in out
    assert f"figcheck add --from THIS_FILE --data {ledger}" in out
    assert "# confidence: quantity " in out


def test_json_has_the_contract_keys(ledger: Path) -> None:
    code, out, _ = run("draft", "doc", "--data", str(ledger), "--format", "json")
    assert code == 0
    listing = json.loads(out)
    assert listing["document"] == "doc"
    drafts = listing["drafts"]
    assert [d["action"] for d in drafts] == ["ignore", "record", "record", "ignore"]
    evacuated = drafts[1]
    assert set(evacuated["number"]) == {"line", "start", "end", "text", "value"}
    assert evacuated["number"]["text"] == "3,400" and evacuated["number"]["value"] == 3400
    assert TEXT[evacuated["number"]["start"] : evacuated["number"]["end"]] == "3,400"
    assert set(evacuated["record"]) == {"quantity", "value", "approx", "as_of", "said_by", "quote"}
    assert drafts[2]["record"]["value"] == [200, 999]
    assert drafts[0]["ignore"] == {"text": "HOLMBY, May 3", "why": "the dateline"}
    for draft in drafts:
        assert all(0 <= score <= 1 for score in draft["confidence"].values())
    assert set(evacuated["confidence"]) >= {"quantity", "value", "approx", "as_of", "said_by"}


def test_a_number_no_quantity_fits_has_an_empty_quantity_and_a_suggestion(text_ledger) -> None:
    ledger = text_ledger("The zoo now keeps 12 giraffes.", [])
    code, out, _ = run("draft", "doc", "--data", str(ledger))
    assert code == 0
    assert yaml.safe_load(out)["figures"][0]["quantity"] is None
    assert "#   figcheck quantity add giraffes --label" in out
    code, out, _ = run("draft", "doc", "--data", str(ledger), "--format", "json")
    (draft,) = json.loads(out)["drafts"]
    assert draft["record"]["quantity"] is None
    assert draft["new_quantity"]["id"] == "giraffes"


def test_a_document_whose_numbers_are_all_accounted_for(text_ledger) -> None:
    ledger = text_ledger("At least 41 people have died.", FIGURES)
    code, out, _ = run("draft", "doc", "--data", str(ledger))
    assert code == 0
    assert "nothing to draft" in out
    assert yaml.safe_load(out) == {"document": "doc"}


def test_an_unknown_document_or_one_without_a_text(text_ledger) -> None:
    ledger = text_ledger(None, [])
    code, _, err = run("draft", "nope", "--data", str(ledger))
    assert code == 2
    assert "no document 'nope'" in err and "known documents: doc" in err
    code, _, err = run("draft", "doc", "--data", str(ledger))
    assert code == 2
    assert "has no `text:`" in err
    assert "Traceback" not in err


def test_without_a_publication_date_a_yearless_date_is_still_no_figure(text_ledger) -> None:
    root = text_ledger("HOLMBY, May 3 (Wire) - Some 40 homes were flooded.", [])
    code, out, _ = run("draft", "doc", "--data", str(root))
    assert code == 0
    fragment = yaml.safe_load(out)
    assert [e["text"] for e in fragment["ignore"]] == ["HOLMBY, May 3"]
    assert [f["value"] for f in fragment["figures"]] == [40]


def test_a_hostile_text_still_makes_valid_yaml_that_records_as_drafted(text_ledger) -> None:
    text = (
        '- Note: "about 40 #people" were hurt\x1b[1m, officials said.\tSome 12: “quoted” '
        "fled — 7 #tags.\n# 3 items: ok\u2028next"
    )
    root = text_ledger(text, [])
    code, out, _ = run("draft", "doc", "--data", str(root))
    assert code == 0
    fragment = yaml.safe_load(out)  # no control character in a comment, every value quoted
    quotes = [f["quote"] for f in fragment["figures"]]
    assert quotes[0] == 'Note: "about 40 #people" were hurt\x1b[1m'
    assert "7 #tags" in quotes


def test_the_yaml_fragment_records_with_add_from(text_ledger, tmp_path: Path) -> None:
    root = text_ledger("Some 12 “quoted” #people fled: 7 stayed.", [])
    code, out, _ = run("draft", "doc", "--data", str(root))
    path = tmp_path / "drafts.yaml"
    path.write_text(out.replace("  - quantity:\n", "  - quantity: people\n"), encoding="utf-8")
    code, _, err = run("add", "--from", str(path), "--data", str(root))
    assert code in (0, 1), err  # recorded (two figures of one quantity may conflict)
    assert "figcheck:" not in err
    from figcheck import load_ledger

    figures = load_ledger(root).figures.values()
    assert sorted(f.quote for f in figures) == ["7 stayed", "Some 12 “quoted” #people fled"]
