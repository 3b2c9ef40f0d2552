"""The curation loop's keys, fed without a terminal (the real-terminal test is
test_curate_terminal.py): what each key does and what the loop says."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest

from figcheck import load_ledger
from figcheck.curation import terminal
from figcheck.curation.session import Session

TEXT = "HOLMBY, May 3 (Wire) - About 3,400 people were evacuated. No one was hurt."


def run(ledger: Path, keys: str, monkeypatch: pytest.MonkeyPatch) -> tuple[int, str]:
    fed: Iterator[str] = iter(keys)
    monkeypatch.setattr(terminal.click, "getchar", lambda: next(fed))
    out = io.StringIO()
    code = terminal.Loop(Session(ledger, "doc"), out).run()
    return code, out.getvalue()


def test_skipped_numbers_are_not_called_done(text_ledger, monkeypatch) -> None:
    ledger = text_ledger(TEXT, [])
    code, out = run(ledger, "sas", monkeypatch)
    assert code == 0
    assert "Done for now: 1 of 3 numbers recorded or ignored; 2 numbers skipped" in out
    assert "are recorded or ignored" not in out
    loaded = load_ledger(ledger)  # the dateline skipped, 3,400 recorded, "No one" skipped
    assert [f.value for f in loaded.figures.values()] == [3400]
    assert not loaded.documents["doc"].ignored


def test_accept_everything_then_finished(text_ledger, monkeypatch) -> None:
    ledger = text_ledger(TEXT, [])
    code, out = run(ledger, "aaa", monkeypatch)
    assert code == 0
    assert "All 3 numbers of doc are recorded or ignored" in out
    assert "Added doc/people" in out
    loaded = load_ledger(ledger)
    assert [f.value for f in loaded.figures.values()] == [3400]
    assert [i.why for i in loaded.documents["doc"].ignored] == [
        "the dateline",
        "a pronoun (one), not a count",
    ]


def test_quit_says_where_it_stopped_and_undo_takes_a_step_back(text_ledger, monkeypatch) -> None:
    ledger = text_ledger(TEXT, [])
    code, out = run(ledger, "auq", monkeypatch)
    assert code == 0
    assert "undone: ignored 'HOLMBY, May 3'" in out
    assert "Stopped: 0 of 3 numbers done, 3 left. `figcheck curate doc` resumes here." in out
    assert not load_ledger(ledger).documents["doc"].ignored


def test_other_keys_are_explained_and_a_refusal_keeps_the_loop_going(
    text_ledger, monkeypatch
) -> None:
    ledger = text_ledger("The zoo lost 12 giraffes.", [])
    code, out = run(ledger, "xauq", monkeypatch)
    assert code == 0
    assert "press one of a, e, c, i, s, u, q" in out
    assert "choose the quantity first: press c" in out  # no quantity matched the giraffes
    assert "figcheck: nothing to undo in this session" in out


def test_an_unknown_document_or_one_without_a_text(text_ledger, monkeypatch) -> None:
    from click.testing import CliRunner

    from figcheck.cli import cli
    from figcheck.commands import curate

    monkeypatch.setattr(curate, "at_a_terminal", lambda: True)
    ledger = text_ledger(None, [])
    result = CliRunner().invoke(cli, ["curate", "nope", "--data", str(ledger)])
    assert result.exit_code == 2 and "no document 'nope'" in result.stderr
    result = CliRunner().invoke(cli, ["curate", "doc", "--data", str(ledger)])
    assert result.exit_code == 2 and "has no `text:`" in result.stderr


def test_quantities_complete_by_the_letters_of_their_id_or_the_words_of_their_label() -> None:
    from prompt_toolkit.document import Document

    completer = terminal.QuantityCompleter(
        [
            ("chechnya-returned", "Of those who left Chechnya, those who came back"),
            ("ru-departed", "Citizens of Russia who went to Syria"),
        ]
    )

    def completions(typed: str) -> list[str]:
        document = Document(typed, len(typed))
        return [c.text for c in completer.get_completions(document, None)]

    assert completions("chret") == ["chechnya-returned"]
    assert completions("came back") == ["chechnya-returned"]
    assert completions("syria") == ["ru-departed"]
    assert completions("") == ["chechnya-returned", "ru-departed"]
    assert completions("zzz") == []
