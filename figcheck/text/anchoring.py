"""Anchoring a document's records to its text: where each quote and each `ignore:` text
stands, and whether every number in the text is recorded, ignored or unrecorded.

A number is *recorded* by a figure when it lies inside a place where the figure's quote
matches the text and it says the figure's value (figcheck.text.value_match); a number inside the
quote that says some other value is not recorded by that figure. It is *ignored* when it
lies inside any place where an `ignore:` entry's text matches. Recorded wins over ignored.

The engine reads each document once (`read_document`) and hands the result to the
document rules (FC104, FC105, FC302); the coverage of `figcheck report` is counted from the
same analyses, and `figcheck extract` builds its work list from one.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from functools import cached_property
from pathlib import Path
from stat import S_ISREG
from typing import TYPE_CHECKING, Literal

from figcheck import wording
from figcheck.model import Document, Figure, Ignored, Location
from figcheck.text.folding import Folded
from figcheck.text.numbers import Occurrence, find_numbers
from figcheck.text.value_match import numbers_saying_value

if TYPE_CHECKING:
    from figcheck.ledger import Ledger

Span = tuple[int, int]
StatusName = Literal["recorded", "ignored", "unrecorded"]


class TextUnreadable(Exception):
    """A document's text file that cannot be read as UTF-8 text."""


def read_text(path: Path) -> str:
    """The file's text, decoded as UTF-8 (a leading byte-order mark is dropped). Raises
    TextUnreadable with a one-line reason."""
    try:
        if not S_ISREG(path.stat().st_mode):  # a pipe or a device would block the read forever
            raise TextUnreadable("is not a regular file")
    except OSError as error:
        raise TextUnreadable(f"cannot be read: {error.strerror or error}") from None
    try:
        data = path.read_bytes()
    except OSError as error:
        raise TextUnreadable(f"cannot be read: {error.strerror or error}") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise TextUnreadable(
            f"is not UTF-8 text (byte 0x{data[error.start]:02x} on line {line}); save it as UTF-8"
        ) from None
    # Line numbers count \n; a file saved with \r\n keeps them right, a lone \r is a break.
    return text.replace("\r\n", "\n").replace("\r", "\n")


@dataclass(frozen=True, slots=True)
class Entry:
    """One number of the text and its status."""

    number: Occurrence
    figure: str | None = None  # full id of the figure that records it
    ignored: Ignored | None = None
    # Full id of a figure whose quote holds this number though no number of the quote says
    # the figure's value (a mistyped value: FC105 reports it, and the number with it).
    misquoted_by: str | None = None

    @property
    def status(self) -> StatusName:
        if self.figure is not None:
            return "recorded"
        return "ignored" if self.ignored is not None else "unrecorded"


@dataclass(frozen=True)
class Anchors:
    """One text, its numbers, and where its records stand in it."""

    text: str
    folded: Folded
    numbers: tuple[Occurrence, ...]
    quotes: Mapping[str, tuple[Span, ...]]  # figure full id -> the places of its quote
    ignores: tuple[tuple[Ignored, tuple[Span, ...]], ...]
    entries: tuple[Entry, ...]
    # figure full id -> the numbers inside its quote's places that say its value (FC105's
    # test), for the rules that read what stands next to them (FC106)
    said: Mapping[str, tuple[Occurrence, ...]] = field(default_factory=dict)

    def inside(self, span: Span) -> list[Occurrence]:
        """The numbers lying wholly inside `span`."""
        return _inside(self.numbers, self._starts, span)

    @cached_property
    def _starts(self) -> list[int]:
        return [n.start for n in self.numbers]

    def counts(self) -> dict[StatusName, int]:
        counts: dict[StatusName, int] = {"recorded": 0, "ignored": 0, "unrecorded": 0}
        for entry in self.entries:
            counts[entry.status] += 1
        return counts


def analyse(
    text: str,
    figures: Sequence[tuple[Figure, str]] = (),
    ignored: Sequence[Ignored] = (),
    units: Mapping[str, str] | None = None,
) -> Anchors:
    """Anchor `figures` (each with its quantity's kind) and `ignored` entries in `text`;
    `units` gives each figure's unit by full id (a fraction says a share in percent)."""
    units = units or {}
    folded = Folded.of(text)
    numbers = tuple(find_numbers(text))
    starts = [n.start for n in numbers]
    quotes = {figure.full_id: tuple(folded.spans(figure.quote)) for figure, _ in figures}
    recorded: dict[int, str] = {}  # number start -> full id of the first figure recording it
    misquoted: dict[int, str] = {}  # number start -> a figure whose value its quote does not say
    said: dict[str, tuple[Occurrence, ...]] = {}
    for figure, kind in figures:
        saying: list[Occurrence] = []
        held: list[Occurrence] = []
        for start, end in quotes[figure.full_id]:
            inside = _inside(numbers, starts, (start, end))
            held += inside
            unit = units.get(figure.full_id, "")
            saying += numbers_saying_value(figure, kind, figure.quote, inside, text, unit)
        for number in saying:
            recorded.setdefault(number.start, figure.full_id)
        if held and not saying:
            for number in held:
                misquoted.setdefault(number.start, figure.full_id)
        said[figure.full_id] = tuple(saying)
    ignores = tuple((entry, tuple(folded.spans(entry.text))) for entry in ignored)
    ignoring: dict[int, Ignored] = {}
    for entry, spans in ignores:
        for span in spans:
            for number in _inside(numbers, starts, span):
                ignoring.setdefault(number.start, entry)
    entries = tuple(
        Entry(n, recorded[n.start])
        if n.start in recorded
        else Entry(n, None, ignoring.get(n.start), misquoted.get(n.start))
        for n in numbers
    )
    return Anchors(text, folded, numbers, quotes, ignores, entries, said)


def _inside(numbers: Sequence[Occurrence], starts: list[int], span: Span) -> list[Occurrence]:
    """The numbers wholly inside `span`; `starts` are their start positions, in order."""
    start, end = span
    found = []
    for i in range(bisect.bisect_left(starts, start), len(numbers)):
        if numbers[i].start >= end:
            break
        if numbers[i].end <= end:
            found.append(numbers[i])
    return found


@dataclass(frozen=True)
class DocumentText:
    """A document as the document rules read it: its figures with their quantities' kinds,
    and the analysis of its text, or why there is none (no `text:`, or `unreadable`)."""

    document: Document
    figures: tuple[tuple[Figure, str], ...]
    display: Callable[[Path], str]  # a path of the ledger as shown to the user
    text_file: str | None  # the text's path as shown to the user; None without `text:`
    anchors: Anchors | None = None
    unreadable: str | None = None  # why the text cannot be read
    units: Mapping[str, str] = field(default_factory=dict)  # figure full id -> its unit

    @property
    def source_file(self) -> str:
        """The document's source file, as shown to the user."""
        return self.display(self.document.source_file)

    def location(self, line: int = 0) -> Location:
        """A place in the text file."""
        assert self.text_file is not None
        return Location(self.text_file, line)

    def coverage(self) -> DocumentCoverage | None:
        """The counts of the text's numbers; None without a readable text."""
        if self.anchors is None:
            return None
        counts = self.anchors.counts()
        return DocumentCoverage(
            self.document.id, len(self.anchors.entries), counts["recorded"], counts["ignored"]
        )


def read_document(document: Document, ledger: Ledger) -> DocumentText:
    """Read the document's text, if it has one, and anchor its records in it."""
    figures = []
    units = {}
    for full_id in document.figures:
        figure = ledger.figures[full_id]
        quantity = ledger.quantities.get(figure.quantity)
        figures.append((figure, quantity.kind if quantity else ""))
        units[full_id] = quantity.unit if quantity else ""
    display = ledger.display
    if document.text_path is None:
        return DocumentText(document, tuple(figures), display, None, units=units)
    shown = display(document.text_path)
    try:
        text = read_text(document.text_path)
    except TextUnreadable as error:
        return DocumentText(
            document, tuple(figures), display, shown, unreadable=str(error), units=units
        )
    anchors = analyse(text, figures, document.ignored, units)
    return DocumentText(document, tuple(figures), display, shown, anchors, units=units)


def context(text: str, start: int, end: int, words: int = 6) -> tuple[str, str, str]:
    """A few words either side of text[start:end], within its line: (before, it, after),
    white space folded, with the spaces that separate them kept."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    before = " ".join(text[max(line_start, start - 12 * words) : start].split()[-words:])
    after = " ".join(text[end : min(line_end, end + 12 * words)].split()[:words])
    if before and text[start - 1].isspace():
        before += " "
    if after and text[end].isspace():
        after = " " + after
    return before, " ".join(text[start:end].split()), after


# -- coverage ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class DocumentCoverage:
    """How many numbers a text holds, and how many of them are accounted for."""

    document: str  # the document id; '' for the total over documents
    found: int
    recorded: int
    ignored: int

    @property
    def unrecorded(self) -> int:
        return self.found - self.recorded - self.ignored

    @property
    def ratio(self) -> Fraction | None:
        """Recorded and ignored numbers against all numbers found; None when none were."""
        return Fraction(self.recorded + self.ignored, self.found) if self.found else None


@dataclass(frozen=True)
class Coverage:
    """Per document with a readable text, its counts; the documents without one apart."""

    documents: Mapping[str, DocumentCoverage]
    skipped: tuple[str, ...]  # document ids without a text, or with an unreadable one

    @classmethod
    def of(cls, counted: Iterable[tuple[str, DocumentCoverage | None]]) -> Coverage:
        """The coverage of documents given with their counts (None: no readable text)."""
        documents: dict[str, DocumentCoverage] = {}
        skipped = []
        for doc_id, counts in counted:
            if counts is None:
                skipped.append(doc_id)
            else:
                documents[doc_id] = counts
        return cls(documents, tuple(skipped))

    @cached_property
    def total(self) -> DocumentCoverage:
        counts = self.documents.values()
        return DocumentCoverage(
            "",
            sum(c.found for c in counts),
            sum(c.recorded for c in counts),
            sum(c.ignored for c in counts),
        )

    def summary(self) -> str:
        """'coverage: 96 of 100 numbers recorded or ignored (96%), 4 unrecorded'."""
        total = self.total
        if total.ratio is None:
            return "coverage: no numbers found (no document has a readable text)"
        percent = f"{wording.rounded(total.ratio * 100)}%"
        if total.unrecorded and percent == "100%":
            percent = "99%"  # never round an incomplete coverage up to complete
        return (
            f"coverage: {total.recorded + total.ignored:,} of {total.found:,} numbers "
            f"recorded or ignored ({percent}), {total.unrecorded:,} unrecorded"
        )
