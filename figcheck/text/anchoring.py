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
import re
from array import array
from collections.abc import Callable, Iterable, Iterator, Mapping, MutableSequence, Sequence
from dataclasses import dataclass, field, replace
from fractions import Fraction
from functools import cached_property
from itertools import islice
from pathlib import Path
from stat import S_ISREG
from typing import TYPE_CHECKING, Literal

from figcheck import wording
from figcheck.model import Document, Figure, Ignored, Location
from figcheck.text.folding import Folded, fold
from figcheck.text.numbers import Occurrence, find_numbers
from figcheck.text.value_match import SPECIAL, numbers_saying_value

if TYPE_CHECKING:
    from figcheck.ledger import Ledger

Span = tuple[int, int]
StatusName = Literal["recorded", "ignored", "unrecorded"]


# What figcheck reads in one text. A text above either limit is refused (FC104 says so):
# 16 MiB of plain text is a book of several thousand pages, and reading a text costs about
# 7 microseconds a number (listing an unrecorded one in JSON about 30 more), so that the
# largest text figcheck reads is checked in seconds.
MAX_TEXT_BYTES = 16 * 1024 * 1024
MAX_NUMBERS = 200_000
# Places of quotes and ignored texts looked at in one text: each quote or ignored text is
# looked for at up to all of what is left of PLACES_PER_TEXT, and at least at its first
# PLACES_EACH. A quote that recurs more often than that is a notice of FC104.
PLACES_PER_TEXT = 200_000
PLACES_EACH = 1_000
# A figure whose value is a range reads both ends within one place: it is looked for at
# its quote's first RANGE_PLACES places.
RANGE_PLACES = 1_000
# The context of a number: this many characters either side at most, within its line.
CONTEXT_CHARACTERS = 72


class TextUnreadable(Exception):
    """A document's text that figcheck cannot read: not UTF-8, too large, too many numbers."""


def read_text(path: Path) -> str:
    """The file's text, decoded as UTF-8 (a leading byte-order mark is dropped). Raises
    TextUnreadable with a one-line reason."""
    try:
        status = path.stat()
        if not S_ISREG(status.st_mode):  # a pipe or a device would block the read forever
            raise TextUnreadable("is not a regular file")
    except OSError as error:
        raise TextUnreadable(f"cannot be read: {error.strerror or error}") from None
    if status.st_size > MAX_TEXT_BYTES:
        raise TextUnreadable(
            f"is {wording.size(status.st_size)}, more than the {wording.size(MAX_TEXT_BYTES)} "
            "figcheck reads in one text; split the document into parts of that size"
        )
    try:
        with path.open("rb") as stream:  # no more than the limit, should the file grow
            data = stream.read(MAX_TEXT_BYTES + 1)
    except OSError as error:
        raise TextUnreadable(f"cannot be read: {error.strerror or error}") from None
    if len(data) > MAX_TEXT_BYTES:
        raise TextUnreadable(f"is more than the {wording.size(MAX_TEXT_BYTES)} figcheck reads")
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
class Cut:
    """A quote or ignored text found at more places than were looked at."""

    what: str  # "the quote of doc/figure", "the ignored text '...'"
    places: int  # how many places were looked at


@dataclass(frozen=True)
class Anchors:
    """One text, its numbers, and where its records stand in it.

    Each number's status is kept as two small integers (the index of the figure that records
    it and of the ignore entry that covers it, each plus one, 0 for none) rather than as an
    object, so that a text of half a million numbers costs little more than its numbers."""

    text: str
    folded: Folded
    numbers: tuple[Occurrence, ...]
    quotes: Mapping[str, tuple[Span, ...]]  # figure full id -> the places of its quote looked at
    ignores: tuple[tuple[Ignored, tuple[Span, ...]], ...]
    # figure full id -> the numbers in its quote's places that say its value (FC105's test),
    # for the rules that read what stands next to them (FC106); none: the value is not said
    said: Mapping[str, tuple[Occurrence, ...]]
    recorded_by: Sequence[int]  # per number: 1 + the index in `figure_ids`, or 0
    ignored_by: Sequence[int]  # per number: 1 + the index in `ignores`, or 0
    misquoted_by: Sequence[int]  # per number: 1 + the index of a figure misquoting it, or 0
    figure_ids: tuple[str, ...]
    cut: tuple[Cut, ...] = ()

    def says_value(self, full_id: str) -> bool:
        """Whether a place of the figure's quote says its value."""
        return bool(self.said.get(full_id))

    @property
    def entries(self) -> Iterator[Entry]:
        """Each number with its status, in text order (made as they are read)."""
        figure_ids, ignores = self.figure_ids, self.ignores
        for number, figure, ignored, misquoted in zip(
            self.numbers, self.recorded_by, self.ignored_by, self.misquoted_by, strict=True
        ):
            if figure:
                yield Entry(number, figure_ids[figure - 1])
            else:
                yield Entry(
                    number,
                    None,
                    ignores[ignored - 1][0] if ignored else None,
                    figure_ids[misquoted - 1] if misquoted else None,
                )

    def inside(self, span: Span) -> list[Occurrence]:
        """The numbers lying wholly inside `span`."""
        return _inside(self.numbers, self._starts, span)

    @cached_property
    def _starts(self) -> list[int]:
        return [n.start for n in self.numbers]

    def counts(self) -> dict[StatusName, int]:
        recorded = sum(1 for figure in self.recorded_by if figure)
        ignored = sum(
            1
            for figure, entry in zip(self.recorded_by, self.ignored_by, strict=True)
            if entry and not figure
        )
        return {
            "recorded": recorded,
            "ignored": ignored,
            "unrecorded": len(self.numbers) - recorded - ignored,
        }

    @cached_property
    def _line_starts(self) -> list[int]:
        return [0, *(m.end() for m in re.finditer("\n", self.text))]

    def line_of(self, position: int) -> int:
        """The 1-based line of a position in the text."""
        return bisect.bisect_right(self._line_starts, position)


def analyse(
    text: str,
    figures: Sequence[tuple[Figure, str]] = (),
    ignored: Sequence[Ignored] = (),
    units: Mapping[str, str] | None = None,
) -> Anchors:
    """Anchor `figures` (each with its quantity's kind) and `ignored` entries in `text`;
    `units` gives each figure's unit by full id (a fraction says a share in percent).
    Raises TextUnreadable when the text holds more than MAX_NUMBERS numbers.

    The cost is linear in the text: each distinct quote (and ignored text) is looked for in
    one pass, at a bounded number of places (PLACES_PER_TEXT, PLACES_EACH); the numbers
    inside its places are each examined once, against the figures that share the quote."""
    numbers = _numbers(text)
    starts = [n.start for n in numbers]
    folded = Folded.of(text)
    budget = _Budget()
    cut: list[Cut] = []
    units = units or {}
    figure_ids = tuple(figure.full_id for figure, _ in figures)
    recorded_by = array("l", bytes(array("l").itemsize * len(numbers)))
    misquoted_by = array("l", bytes(array("l").itemsize * len(numbers)))
    said: dict[str, tuple[Occurrence, ...]] = {}
    quotes: dict[str, tuple[Span, ...]] = {}
    by_quote: dict[str, list[int]] = {}
    for index, (figure, _) in enumerate(figures):
        by_quote.setdefault(fold(figure.quote), []).append(index)
    for needle, indexes in by_quote.items():
        places = budget.places(folded, needle)
        if budget.was_cut:
            cut.append(Cut(f"the quote of {figures[indexes[0]][0].full_id}", len(places)))
        for index in indexes:
            quotes[figure_ids[index]] = places
        members = [(index, *figures[index], units.get(figure_ids[index], "")) for index in indexes]
        group = _Group(members, text)
        group.record(numbers, starts, places, recorded_by)
        for index in indexes:
            said[figure_ids[index]] = group.said_by(index)
            if not said[figure_ids[index]]:  # a misquote: its numbers are FC105's to report
                for i in _covered(numbers, starts, places):
                    if not misquoted_by[i]:
                        misquoted_by[i] = index + 1
    ignored_by = array("l", bytes(array("l").itemsize * len(numbers)))
    by_text: dict[str, list[int]] = {}
    for index, entry in enumerate(ignored):
        by_text.setdefault(fold(entry.text), []).append(index)
    spans_of: dict[int, tuple[Span, ...]] = {}
    for needle, indexes in by_text.items():
        places = budget.places(folded, needle)
        if budget.was_cut:
            cut.append(
                Cut(f"the ignored text {wording.quoted(ignored[indexes[0]].text)}", len(places))
            )
        first = indexes[0] + 1
        for i in _covered(numbers, starts, places):
            if not ignored_by[i] or ignored_by[i] > first:
                ignored_by[i] = first
        for index in indexes:
            spans_of[index] = places
    ignores = [(entry, spans_of[index]) for index, entry in enumerate(ignored)]
    return Anchors(
        text,
        folded,
        tuple(numbers),
        quotes,
        tuple(ignores),
        said,
        recorded_by,
        ignored_by,
        misquoted_by,
        figure_ids,
        tuple(cut),
    )


# A run of digits, with the digits it is joined to by a comma, a point or a group space (a
# number is never longer): there are at most as many of them as numbers in a text, so more
# of them than MAX_NUMBERS refuses a text of "1 1 1 ..." at once, before reading it. Should
# figcheck.text.numbers read another separator inside a number, it belongs here too.
_DIGIT_RUN = re.compile(r"\d+(?:[,.]\d+|[ \u00a0\u2009\u202f]\d{3}(?!\d))*")


def _numbers(text: str) -> list[Occurrence]:
    too_many = TextUnreadable(
        f"holds more than {MAX_NUMBERS:,} numbers, the most figcheck reads in one text; "
        "split the document into parts with fewer"
    )
    if len(text) // 2 > MAX_NUMBERS:
        runs = _DIGIT_RUN.finditer(text)
        if next(islice(runs, MAX_NUMBERS, None), None) is not None:  # one more than allowed
            raise too_many
    numbers = find_numbers(text, limit=MAX_NUMBERS)
    if len(numbers) > MAX_NUMBERS:
        raise too_many
    return numbers


class _Budget:
    """How many more places of quotes and ignored texts this text may look at."""

    def __init__(self) -> None:
        self.left = PLACES_PER_TEXT
        self.was_cut = False

    def places(self, folded: Folded, needle: str) -> tuple[Span, ...]:
        """The original spans of the places of `needle` (folded), as many as the budget
        allows; `was_cut` says whether figcheck stopped looking before the last."""
        places, complete = folded.folded_places(needle, max(self.left, PLACES_EACH))
        self.was_cut = not complete
        self.left = max(self.left - len(places), 0)
        return tuple(folded.original_span((at, at + len(needle))) for at in places)


def _covered(
    numbers: Sequence[Occurrence], starts: list[int], places: Sequence[Span]
) -> Iterator[int]:
    """The index of each number that lies wholly inside at least one of `places` (sorted by
    start, and so by end), each once: overlapping places do not examine a number twice."""
    done = 0  # every number before this one is examined, or starts before the place
    count = len(numbers)
    for start, end in places:
        i = max(bisect.bisect_left(starts, start), done)
        while i < count and numbers[i].start < end and numbers[i].end <= end:
            yield i
            i += 1
        done = i


class _Group:
    """The figures that share one quote, and which numbers in its places say their values.

    Figures that read alike (the same value and hedge, both of a change quantity or
    neither, both in percent or neither) say their value at the same numbers: each is
    examined once, for the first of them in file order. A number is examined against the
    figures of its own value only, but a vague quantity, a multiple or a fraction (which say
    a value other than their own: "many thousands", "doubled", "a third") against each."""

    def __init__(self, members: list[tuple[int, Figure, str, str]], text: str) -> None:
        self.text = text
        self.first: dict[tuple[object, ...], int] = {}  # how a figure reads -> first index
        self.reading: dict[int, tuple[object, ...]] = {}
        self.by_value: dict[Fraction, list[tuple[int, Figure, str, str]]] = {}
        self.scalars: list[tuple[int, Figure, str, str]] = []
        self.ranges: list[tuple[int, Figure, str, str]] = []
        for index, figure, kind, unit in members:
            key = (figure.value, figure.approx, kind == "change", unit in ("percent", "%"))
            self.reading[index] = key
            if key in self.first:
                continue
            self.first[key] = index
            member = (index, figure, kind, unit)
            if isinstance(figure.value, tuple):
                self.ranges.append(member)
            else:
                wanted = abs(figure.stated)  # its value, as an exact rational
                self.by_value.setdefault(wanted, []).append(member)
                self.scalars.append(member)
        self.said: dict[int, list[Occurrence]] = {}  # first index -> the numbers saying it

    def said_by(self, index: int) -> tuple[Occurrence, ...]:
        """The numbers that say the value of the figure at `index`, in text order."""
        found = self.said.get(self.first[self.reading[index]], [])
        return tuple(sorted(set(found), key=lambda n: n.start))

    def record(
        self,
        numbers: Sequence[Occurrence],
        starts: list[int],
        places: Sequence[Span],
        recorded_by: MutableSequence[int],
    ) -> None:
        text = self.text
        if self.scalars:
            for i in _covered(numbers, starts, places):
                number = numbers[i]
                if number.kind in SPECIAL:
                    candidates: Sequence[tuple[int, Figure, str, str]] = self.scalars
                elif number.value is not None:
                    candidates = self.by_value.get(number.value, ())
                else:
                    continue
                for index, figure, kind, unit in candidates:
                    if numbers_saying_value(figure, kind, figure.quote, (number,), text, unit):
                        self._said(index, number, i, recorded_by)
        for index, figure, kind, unit in self.ranges:
            for span in places[:RANGE_PLACES]:
                inside = _inside(numbers, starts, span)
                for number in numbers_saying_value(figure, kind, figure.quote, inside, text, unit):
                    self._said(index, number, bisect.bisect_left(starts, number.start), recorded_by)

    def _said(
        self, index: int, number: Occurrence, i: int, recorded_by: MutableSequence[int]
    ) -> None:
        self.said.setdefault(index, []).append(number)
        if not recorded_by[i] or recorded_by[i] > index + 1:
            recorded_by[i] = index + 1


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
    # The ids of the ledger's accepted findings: a rule that sums up some of its findings
    # still reports an accepted one in full, so that its acceptance stays current.
    accepted: frozenset[str] = frozenset()
    # Reads the document again (for a finding that lists what it sums up, on demand).
    reread: Callable[[], DocumentText] | None = field(default=None, compare=False, repr=False)

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
            self.document.id, len(self.anchors.numbers), counts["recorded"], counts["ignored"]
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
    accepted = frozenset(entry.finding for entry in ledger.acceptances)
    shown = display(document.text_path) if document.text_path is not None else None
    base = DocumentText(
        document,
        tuple(figures),
        display,
        shown,
        units=units,
        accepted=accepted,
        reread=lambda: read_document(document, ledger),
    )
    if document.text_path is None:
        return base
    try:
        text = read_text(document.text_path)
        anchors = analyse(text, figures, document.ignored, units)
    except TextUnreadable as error:
        return replace(base, unreadable=str(error))
    return replace(base, anchors=anchors)


def context(text: str, start: int, end: int, words: int = 6) -> tuple[str, str, str]:
    """A few words either side of text[start:end], within its line and at most
    CONTEXT_CHARACTERS either side: (before, it, after), white space folded, with the spaces
    that separate them kept. The cost does not depend on the length of the line."""
    reach = CONTEXT_CHARACTERS
    line_start = text.rfind("\n", max(0, start - reach), start) + 1
    line_end = text.find("\n", end, end + reach)
    line_end = min(len(text), end + reach) if line_end < 0 else line_end
    before = " ".join(text[max(line_start, start - reach) : start].split()[-words:])
    after = " ".join(text[end:line_end].split()[:words])
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
