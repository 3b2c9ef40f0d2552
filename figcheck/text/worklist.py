"""The curator's work list behind `figcheck extract`: every number of one text, with its
context and status (recorded by which figure, ignored and why, or unrecorded)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from figcheck.text import anchoring
from figcheck.wording import shorten

if TYPE_CHECKING:
    from figcheck.ledger import Ledger


class TargetError(Exception):
    """What `figcheck extract` was given is neither a document id nor a readable text."""


@dataclass(frozen=True, slots=True)
class Row:
    entry: anchoring.Entry
    before: str
    it: str
    after: str

    @property
    def context(self) -> str:
        return f"{self.before}{self.it}{self.after}"


@dataclass(frozen=True)
class Worklist:
    """The numbers of one text with their statuses. The rows are made as they are listed,
    so that the work list of a text of half a million numbers is never held whole."""

    document: str | None  # the document id; None for a text outside the ledger
    path: str  # the text file, as shown to the user
    anchors: anchoring.Anchors
    unrecorded_only: bool = False

    @property
    def rows(self) -> Rows:
        return Rows(self)

    def _rows(self) -> Iterator[Row]:
        found = self.anchors
        for entry in found.entries:
            if self.unrecorded_only and entry.status != "unrecorded":
                continue
            before, it, after = anchoring.context(found.text, entry.number.start, entry.number.end)
            yield Row(entry, before, it, after)

    def counts(self) -> dict[str, int]:
        """How many numbers the text holds, and of them how many are recorded, ignored and
        unrecorded: the document's counts, whichever numbers are listed."""
        counts = self.anchors.counts()
        return {"found": sum(counts.values()), **{str(k): v for k, v in counts.items()}}

    def only_unrecorded(self) -> Worklist:
        return replace(self, unrecorded_only=True)


class Rows:
    """A work list's rows: each iteration makes them anew, from the text's analysis."""

    def __init__(self, worklist: Worklist) -> None:
        self.worklist = worklist

    def __iter__(self) -> Iterator[Row]:
        return self.worklist._rows()

    def __len__(self) -> int:
        counts = self.worklist.counts()
        return counts["unrecorded"] if self.worklist.unrecorded_only else counts["found"]


def build(target: str, ledger: Ledger | None) -> Worklist:
    """The work list of a document (by id, or by the path of its text) or of any text file.
    Raises TargetError with a one-line reason."""
    if ledger is not None and target in ledger.documents:
        return _of_document(ledger, target)
    path = Path(target)
    try:
        is_file = path.is_file()
    except (OSError, ValueError):  # too long a name, a NUL byte: not a file here
        is_file = False
    if is_file:
        if ledger is not None:
            resolved = path.resolve()
            for document in ledger.documents.values():
                if document.text_path == resolved:
                    return _of_document(ledger, document.id)
        try:
            found = anchoring.analyse(anchoring.read_text(path))
        except anchoring.TextUnreadable as error:
            raise TargetError(f"{target} {error}") from None
        return Worklist(None, target, found)
    known = ", ".join(sorted(ledger.documents)) if ledger is not None else ""
    raise TargetError(
        f"{shorten(target)!r} is neither a document id nor a text file; "
        + (f"known documents: {known}" if known else "the ledger has no documents")
    )


def _of_document(ledger: Ledger, doc_id: str) -> Worklist:
    document = ledger.documents[doc_id]
    if document.text_path is None:
        raise TargetError(
            f"document {doc_id} has no `text:` in {ledger.display(document.source_file)}; "
            "add its plain text under documents/, or give the path of a text file"
        )
    text = anchoring.read_document(document, ledger)
    if text.anchors is None:
        raise TargetError(f"{text.text_file} {text.unreadable}")
    return Worklist(doc_id, text.text_file or "", text.anchors)
