"""`figcheck ignore DOC --text TEXT --why TEXT`: an `ignore:` entry written without editing
the source file by hand, anchored in the document's text as `figcheck check` anchors it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from figcheck import check, load_ledger
from figcheck.cli import cli

TEXT = (
    "Moscow, November 19. From Russia went to Syria 2719 Russian citizens.\n"
    "It was said at the 7th regional conference, open 24/7.\n"
)
FIGURES = [{"value": 2719, "quote": "From Russia went to Syria 2719 Russian citizens"}]


def ignore(ledger: Path, *args: str, **kwargs: object) -> Result:
    return CliRunner().invoke(cli, ["ignore", *args, "--data", str(ledger)], **kwargs)  # type: ignore[arg-type]


def files(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def test_an_entry_is_appended_and_the_numbers_it_covers_listed(text_ledger) -> None:
    ledger = text_ledger(TEXT, FIGURES, [{"text": "November 19", "why": "the dateline"}])
    source = ledger / "sources" / "doc.yaml"
    old = source.read_text()
    result = ignore(ledger, "doc", "--text", "the 7th regional conference", "--why", "a name")
    assert result.exit_code == 0, result.output
    assert source.read_text() == old + "- text: the 7th regional conference\n  why: a name\n"
    assert f"Ignored in doc at {source}:" in result.stdout
    assert "line 2: 7th ignored" in result.stdout
    assert "doc: 2 numbers still neither recorded nor ignored" in result.stdout
    fc302 = [f for f in check(load_ledger(ledger)).findings if f.rule == "FC302"]
    assert [f.message.split(" ")[0] for f in fc302] == ["24", "7"]


def test_an_entry_in_a_flow_list_follows_its_style(text_ledger) -> None:
    ledger = text_ledger(TEXT, FIGURES)
    source = ledger / "sources" / "doc.yaml"
    source.write_text(source.read_text() + 'ignore:\n  - {text: "November 19", why: "a date"}\n')
    result = ignore(ledger, "doc", "--text", "open 24/7", "--why", "opening hours")
    assert result.exit_code == 0, result.output
    assert source.read_text().endswith(
        '  - {text: "November 19", why: "a date"}\n  - {text: open 24/7, why: opening hours}\n'
    )


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["doc", "--text", "the 8th regional conference", "--why", "x"], "error FC104"),
        (["doc", "--text", "regional conference", "--why", "x"], "holds no number"),
        (["doc", "--text", "Syria 2719", "--why", "x"], "2719 recorded by doc/f0"),
        (["doc", "--text", "November 19", "--why", "x"], "19 ignored at"),
        (["dok", "--text", "7th", "--why", "x"], "is not a document of the ledger"),
        (["doc", "--text", "7th", "--why", " "], "--why is empty"),
    ],
)
def test_what_is_refused_writes_nothing(text_ledger, args: list[str], said: str) -> None:
    ledger = text_ledger(TEXT, FIGURES, [{"text": "Moscow, November 19", "why": "dateline"}])
    before = files(ledger)
    result = ignore(ledger, *args)
    assert result.exit_code == 2, result.output
    assert said in result.stderr
    assert files(ledger) == before


def test_a_document_without_a_text_is_refused(text_ledger) -> None:
    ledger = text_ledger(None, FIGURES)
    result = ignore(ledger, "doc", "--text", "7th", "--why", "x")
    assert result.exit_code == 2
    assert "has no `text:`" in result.stderr


def test_dry_run_and_json(text_ledger) -> None:
    ledger = text_ledger(TEXT, FIGURES)
    before = files(ledger)
    result = ignore(
        ledger, "doc", "--text", "open 24/7", "--why", "hours", "--dry-run", "--format", "json"
    )
    assert result.exit_code == 0, result.output
    shown = json.loads(result.stdout)
    assert shown["written"] is False and shown["document"] == "doc"
    assert [(n["text"], n["status"]) for n in shown["numbers"]] == [
        ("24", "ignored"),
        ("7", "ignored"),
    ]
    assert files(ledger) == before


def test_missing_options_without_a_terminal(text_ledger) -> None:
    ledger = text_ledger(TEXT, FIGURES)
    result = ignore(ledger, "doc", "--text", "7th")
    assert result.exit_code == 2
    assert "missing --why" in result.stderr


def test_at_a_terminal_what_is_missing_is_asked_for(text_ledger, monkeypatch) -> None:
    from figcheck.commands import ignore as command

    monkeypatch.setattr(command, "stdin_is_terminal", lambda: True)
    ledger = text_ledger(TEXT, FIGURES)
    result = ignore(ledger, input="doc\nthe 7th regional\na name\n")
    assert result.exit_code == 0, result.output
    assert "the 7th regional" in (ledger / "sources" / "doc.yaml").read_text()


def test_works_on_a_ledger_with_data_errors_elsewhere(text_ledger) -> None:
    ledger = text_ledger(TEXT, FIGURES)
    (ledger / "sources" / "broken.yaml").write_text("document: {id: broken}\n")
    result = ignore(ledger, "doc", "--text", "the 7th regional conference", "--why", "a name")
    assert result.exit_code == 0, result.output
