"""The curation session behind `figcheck curate`, without a terminal: each step writes as
the commands do, undo takes it back, and the ledger alone holds the progress."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from figcheck import check, load_ledger
from figcheck.curation.session import Session
from figcheck.writing.atomic import Refused
from figcheck.writing.defining import NewQuantity

TEXT = (
    "HOLMBY, May 3 (Wire) - About 3,400 people were evacuated, the civil defence agency "
    "said. The zoo lost 12 giraffes."
)


@pytest.fixture
def ledger(text_ledger) -> Path:
    return text_ledger(TEXT, [])


def test_the_drafts_come_in_text_order_with_the_progress(ledger: Path) -> None:
    session = Session(ledger, "doc")
    assert [d.number.text for d in session.pending] == ["3", "3,400", "12"]
    progress = session.progress()
    assert (progress.done, progress.left, progress.found) == (0, 3, 3)


def test_record_ignore_and_the_ledger_passes(ledger: Path) -> None:
    session = Session(ledger, "doc")
    dateline = session.current
    assert dateline is not None and dateline.ignore is not None
    session.ignore(dateline, dateline.ignore.text, dateline.ignore.why)
    evacuated = session.current
    assert evacuated is not None and evacuated.record is not None
    added = session.record(evacuated, evacuated.record)
    assert added.written and not added.problems
    giraffes = session.current
    assert giraffes is not None and giraffes.record is not None
    assert giraffes.record.quantity is None
    with pytest.raises(Refused):
        session.record(giraffes, giraffes.record)
    session.define(NewQuantity("giraffes", "Giraffes in the zoo", "giraffes", "stock"))
    session.record(giraffes, replace(giraffes.record, quantity="giraffes"))
    assert session.current is None
    assert session.progress().done == 3
    assert check(load_ledger(ledger)).exit_code() == 0


def test_an_invalid_edit_writes_nothing(ledger: Path) -> None:
    session = Session(ledger, "doc")
    draft = session.pending[1]
    assert draft.record is not None
    added = session.record(draft, replace(draft.record, value=3500))
    assert not added.written and added.problems
    assert not load_ledger(ledger).figures
    assert session.history == []


def test_undo_restores_the_file_byte_for_byte(ledger: Path) -> None:
    source = ledger / "sources" / "doc.yaml"
    original = source.read_bytes()
    session = Session(ledger, "doc")
    draft = session.pending[1]
    assert draft.record is not None
    session.record(draft, draft.record)
    assert source.read_bytes() != original
    assert session.undo() == "recorded doc/people"
    assert source.read_bytes() == original
    assert session.current is not None and session.current.number.text == "3"


def test_undo_takes_back_a_skip_and_a_quantity(ledger: Path) -> None:
    quantities = ledger / "quantities.yaml"
    original = quantities.read_bytes()
    session = Session(ledger, "doc")
    first = session.current
    assert first is not None
    session.skip(first)
    assert session.current is not None and session.current.number.text == "3,400"
    session.undo()
    assert session.current is not None and session.current.number.text == "3"
    session.define(NewQuantity("giraffes", "Giraffes in the zoo", "giraffes", "stock"))
    assert quantities.read_bytes() != original
    session.undo()
    assert quantities.read_bytes() == original
    with pytest.raises(Refused, match="nothing to undo"):
        session.undo()


def test_undo_leaves_a_file_changed_since_alone(ledger: Path) -> None:
    source = ledger / "sources" / "doc.yaml"
    session = Session(ledger, "doc")
    draft = session.pending[1]
    assert draft.record is not None
    session.record(draft, draft.record)
    source.write_text(source.read_text() + "# edited by hand\n")
    with pytest.raises(Refused, match="changed since"):
        session.undo()
    assert source.read_text().endswith("# edited by hand\n")


def test_a_new_session_resumes_where_the_last_stopped(ledger: Path) -> None:
    first = Session(ledger, "doc")
    dateline = first.current
    assert dateline is not None and dateline.ignore is not None
    first.ignore(dateline, dateline.ignore.text, dateline.ignore.why)
    first.skip(first.pending[0])
    second = Session(ledger, "doc")
    assert [d.number.text for d in second.pending] == ["3,400", "12"]  # a skip is not kept
    assert second.progress().done == 1
