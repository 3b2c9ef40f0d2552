"""The state of a curation session and its steps, apart from any terminal.

A session works through the drafts of one document (figcheck/text/drafting/drafts.py) in text
order. Each step that changes the ledger goes through the functions of the commands a
curator has: `add_figure` (`figcheck add`), `ignore_number` (`figcheck ignore`) and
`define_quantity` (`figcheck quantity add`), so that it is validated, anchored, atomic and
locked as they are, and the findings it brings are those they show. After each step the
document is drafted again from the ledger as it now is: a new record's quote helps to match
the next quantities, and an ignore entry may account for several numbers.

Nothing but the ledger holds the progress: quitting and starting again offers exactly the
numbers that are still neither recorded nor ignored. A skipped number is offered again in
the next session.

Undo takes the last step back: the file it changed gets back the bytes it had before, if
it still holds the bytes the step wrote (a file changed since by someone else is left as
it is, and undo says so); a skip is undone by offering that number again.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from figcheck.ledger import Ledger, ledger_root, load_ledger
from figcheck.text.drafting.drafts import Draft, DraftRecord, Drafts, draft_document
from figcheck.writing.adding import Added, add_figure
from figcheck.writing.atomic import Refused, atomic_write, ledger_lock
from figcheck.writing.defining import QUANTITIES_FILE, Defined, NewQuantity, define_quantity
from figcheck.writing.ignoring import IgnoreAdded, NewIgnore, ignore_number
from figcheck.writing.records import NewFigure


@dataclass(frozen=True)
class Snapshot:
    """A file's bytes before a step (None: it did not exist) and after it."""

    path: Path
    before: bytes | None
    after: bytes | None


@dataclass(frozen=True)
class Step:
    """One step of the session, and what undoing it means."""

    what: str  # "recorded doc/departed", "ignored 'in 2015'", "skipped 2,719"
    number: int | None = None  # the start of the number it was about
    files: tuple[Snapshot, ...] = ()  # the files it changed; none for a skip


@dataclass(frozen=True)
class Progress:
    done: int  # numbers of the text recorded or ignored
    left: int  # numbers still neither
    skipped: int  # of those left, skipped in this session

    @property
    def found(self) -> int:
        return self.done + self.left


@dataclass
class Session:
    """The curation of one document of the ledger at `root`."""

    root: Path
    document: str
    skipped: list[int] = field(default_factory=list)  # starts of numbers skipped
    history: list[Step] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.root = ledger_root(self.root)
        self.ledger: Ledger
        self.drafts: Drafts
        self.refresh()

    def refresh(self) -> None:
        """Load the ledger and draft the document again. Raises DraftError."""
        self.ledger = load_ledger(self.root)
        self.drafts = draft_document(self.ledger, self.document)

    @property
    def pending(self) -> list[Draft]:
        return [d for d in self.drafts.drafts if d.number.start not in self.skipped]

    @property
    def current(self) -> Draft | None:
        pending = self.pending
        return pending[0] if pending else None

    def progress(self) -> Progress:
        left = self.drafts.found - self.drafts.accounted
        skipped = sum(len(d.numbers) for d in self.drafts.drafts if d.number.start in self.skipped)
        return Progress(self.drafts.accounted, left, skipped)

    # -- steps ------------------------------------------------------------------------------

    def record(self, draft: Draft, record: DraftRecord) -> Added:
        """Write `record` (the draft's, or the curator's edit of it) as `figcheck add` does.
        An invalid record writes nothing: its problems are in the result."""
        if record.quantity is None:
            raise Refused("choose the quantity first")
        figure = NewFigure(
            document=self.document,
            quantity=record.quantity,
            value=record.value,
            as_of=record.as_of,
            said_by=record.said_by,
            quote=record.quote,
            approx=record.approx,
            statement=record.statement,
        )
        source = self.ledger.documents[self.document].source_file
        before = _read(source)
        added = add_figure(self.ledger, figure)
        if added.written:
            self._done(
                f"recorded {added.figure}", draft, (Snapshot(source, before, _read(source)),)
            )
        return added

    def ignore(self, draft: Draft, text: str, why: str) -> IgnoreAdded:
        """Add the ignore entry {text, why} as `figcheck ignore` does."""
        source = self.ledger.documents[self.document].source_file
        before = _read(source)
        added = ignore_number(self.root, NewIgnore(self.document, text, why))
        if added.written:
            self._done(f"ignored {text!r}", draft, (Snapshot(source, before, _read(source)),))
        return added

    def define(self, quantity: NewQuantity) -> Defined:
        """Define a quantity as `figcheck quantity add` does."""
        path = self.root / QUANTITIES_FILE
        before = _read(path)
        defined = define_quantity(self.root, quantity)
        if defined.written:
            step = Step(f"defined {quantity.id}", None, (Snapshot(path, before, _read(path)),))
            self.history.append(step)
            self.refresh()
        return defined

    def skip(self, draft: Draft) -> None:
        self.skipped.append(draft.number.start)
        self.history.append(Step(f"skipped {draft.number.text}", draft.number.start))

    def undo(self) -> str:
        """Take the last step back; what was undone, in words. Raises Refused when there is
        nothing to undo or a file changed since the step wrote it."""
        if not self.history:
            raise Refused("nothing to undo in this session")
        step = self.history[-1]
        if step.files:
            with ledger_lock(self.root):
                for snapshot in step.files:
                    if _read(snapshot.path) != snapshot.after:
                        shown = self.ledger.display(snapshot.path)
                        raise Refused(
                            f"{shown} changed since this session {step.what}; undo it by hand"
                        )
                for snapshot in step.files:
                    if snapshot.before is None:
                        snapshot.path.unlink(missing_ok=True)
                    else:
                        atomic_write(snapshot.path, snapshot.before)
        elif step.number is not None and step.number in self.skipped:
            self.skipped.remove(step.number)
        self.history.pop()
        self.refresh()
        return step.what

    def _done(self, what: str, draft: Draft, files: Sequence[Snapshot]) -> None:
        self.history.append(Step(what, draft.number.start, tuple(files)))
        self.refresh()


def _read(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None
