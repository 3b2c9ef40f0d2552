"""Adding one figure to the ledger: what `figcheck add` does, without the command line.

The record is appended as text to its document's source file (or a new source file is made
for a new document), validated by loading the ledger with the new content in place of the
file, through the same loader that `figcheck check` uses, then checked by the engine; only a
valid record is written. Reading the file, choosing the id, validating and writing all happen
under the ledger's lock (figcheck/writing/atomic.py), so concurrent commands never lose a record.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from pathlib import Path

from figcheck import date_phrases, dates
from figcheck.engine import EXIT_DATA, EXIT_FINDINGS, EXIT_OK, CheckResult, run_rules
from figcheck.findings import one_line
from figcheck.ledger import RECORD_ID, Ledger, load_ledger, yaml_reading
from figcheck.model import Finding
from figcheck.rules import RULES, Rule
from figcheck.text.anchoring import TextUnreadable, read_text
from figcheck.text.hedges import Hedge, stated_hedge
from figcheck.wording import did_you_mean, misspelling_of, plural, quoted
from figcheck.writing.atomic import Refused, atomic_write, ledger_lock, remove_stale_temporaries
from figcheck.writing.records import NewDocument, NewFigure, figure_id, figure_record, new_source
from figcheck.writing.yaml_appending import (
    Appended,
    CannotAppend,
    append_item,
    not_utf8,
    number_text,
)


@dataclass(frozen=True)
class DateTranslation:
    """A date given as a report writes it, and the EDTF written for it."""

    option: str  # --as-of, --published
    given: str  # late 2017
    written: str  # 2017-39

    def describe(self) -> str:
        """ "--as-of 'late 2017' is written 2017-39 (Sep to Dec 2017)"."""
        words = dates.describe(dates.parse_date(self.written))
        return f"{self.option} {self.given!r} is written {self.written} ({words})"


@dataclass(frozen=True)
class Added:
    """What `add_figure` did, or would do with `dry_run`."""

    figure: str  # full id, document/figure
    file: str  # as shown to the user
    first_line: int  # the record's lines in the file
    last_line: int
    item: str  # the record as written into the file
    created: bool  # a new source file for a new document
    written: bool
    # The record's data errors (FC1xx, anchoring included); when there are any, nothing
    # was written.
    problems: tuple[Finding, ...] = ()
    result: CheckResult | None = None
    involved: tuple[Finding, ...] = ()  # findings the new figure takes part in
    copied_text: str | None = None  # where --text was copied into the ledger, if it was
    # Without --approx: the hedge read next to the value's number, which set the approx.
    hedge: Hedge | None = None
    dates: tuple[DateTranslation, ...] = ()  # dates given as phrases, and their EDTF

    def exit_code(self) -> int:
        """2 for an invalid record, 1 when the figure takes part in an unaccepted error, else 0."""
        if self.problems:
            return EXIT_DATA
        assert self.result is not None
        failing = (f for f in self.involved if f.severity == "error")
        return EXIT_FINDINGS if any(not self.result.is_accepted(f) for f in failing) else EXIT_OK


def add_figure(
    ledger: Ledger,
    figure: NewFigure,
    document: NewDocument | None = None,
    *,
    dry_run: bool = False,
    rules: Mapping[str, Rule] = RULES,
) -> Added:
    """Add `figure` to the ledger that `ledger` was loaded from: `ledger` tells where the
    document lives and what the quantities are, and the file itself is read again under the
    lock. `document` (with a title) is required when figure.document is a new document.
    Raises Refused when the add cannot go ahead as asked, and LockTimeout."""
    document = document or NewDocument()
    _refuse_bytes_that_are_not_text(figure, document)
    figure, document, translated = _translate_dates(figure, document)
    _refuse_data_errors(ledger.problems, ledger.root)
    _refuse_undefined_quantity(ledger, figure.quantity)
    path, new = _target(ledger, figure, document)
    text = _TextFile.plan(ledger, figure.document, document.text) if new else None
    hedge = None
    if figure.approx is None and not isinstance(figure.value, tuple):
        hedge = _hedge(ledger, figure, text)
        if hedge is not None and hedge.approx != "exact":
            figure = replace(figure, approx=hedge.approx)
    with ledger_lock(ledger.root):
        if path.parent.is_dir():
            remove_stale_temporaries(path.parent)
        if new:
            if path.exists():
                raise Refused(
                    f"{ledger.display(path)} was created while this command waited (by another "
                    "figcheck add?); run the command again"
                )
            reference = text.reference if text is not None else None
            source, taken = new_source(figure.document, document, reference), set[str]()
        else:
            source, taken = _read_source(ledger, path, figure.document)
        record = figure_record(
            figure, figure.id or figure_id(figure.quantity, ledger.quantities, taken)
        )
        try:
            appended = append_item(source, "figures", record)
        except CannotAppend as error:
            raise Refused(f"cannot add a figure to {ledger.display(path)}: {error}") from None
        full_id = f"{figure.document}/{record['id']}"
        # The anchoring rules read the text from the ledger, so a copy is made before the
        # check; it is removed again when nothing is written (--dry-run, an invalid record).
        copied = text.stage() if text is not None else None
        written = False
        try:
            added = _validate(ledger, path, new, full_id, appended, rules)
            if not added.problems and not dry_run:
                path.parent.mkdir(parents=True, exist_ok=True)
                atomic_write(path, appended.text.encode("utf-8"))
                written = True
        finally:
            if copied is not None and not written:
                copied.unlink(missing_ok=True)
    return replace(
        added,
        written=written,
        copied_text=ledger.display(copied) if copied is not None and written else None,
        hedge=hedge,
        dates=translated,
    )


def _translate_dates(
    figure: NewFigure, document: NewDocument
) -> tuple[NewFigure, NewDocument, tuple[DateTranslation, ...]]:
    """--as-of and --published as reports write dates ('late 2017', 'Q4 2017', '7 July
    2015') in the EDTF they mean; a date figcheck does not recognise is left for the loader
    to refuse, with what it would accept."""
    done: list[DateTranslation] = []

    def edtf(option: str, given: str) -> str:
        written = date_phrases.to_edtf(given)
        if written is None or written == given:
            return given
        done.append(DateTranslation(option, given, written))
        return written

    figure = replace(figure, as_of=edtf("--as-of", figure.as_of))
    if document.published:
        document = replace(document, published=edtf("--published", document.published))
    return figure, document, tuple(done)


def _hedge(ledger: Ledger, figure: NewFigure, text: _TextFile | None) -> Hedge | None:
    """The hedge the document gives the number of the quote that says the value (read in
    the document's text where it has one), as FC106 reads it; a range is left to FC106."""
    document = ledger.documents.get(figure.document)
    path = text.source if text is not None else document.text_path if document else None
    try:
        content = read_text(path) if path is not None else None
    except TextUnreadable:
        content = None
    quantity = ledger.quantities.get(figure.quantity)
    found = stated_hedge(figure.quote, figure.value, quantity.kind if quantity else "", content)
    if found is None or found[0].approx == "range":  # one number of a range: FC106 says so
        return None
    return found[0]


def _refuse_bytes_that_are_not_text(figure: NewFigure, document: NewDocument) -> None:
    for given in (figure, document):
        for field in fields(given):
            text = getattr(given, field.name)
            problem = not_utf8(str(text)) if isinstance(text, (str, Path)) else None
            if problem:
                raise Refused(f"--{field.name.replace('_', '-')} {problem}")


def _refuse_data_errors(problems: tuple[Finding, ...], root: Path) -> None:
    errors = [p for p in problems if p.is_data_error]
    if errors:
        them = "it" if len(errors) == 1 else "them"
        raise Refused(
            f"the ledger has {plural(len(errors), 'data error')}; fix {them} first "
            f"(`figcheck check --data {root}` shows {them} too)",
            tuple(one_line(p) for p in errors),
        )


def _refuse_undefined_quantity(ledger: Ledger, quantity_id: str) -> None:
    """A quantity that quantities.yaml does not define: say so and how to define it, and
    suggest a defined one only where the id plausibly misspells it."""
    if quantity_id in ledger.quantities:
        return
    meant = misspelling_of(quantity_id, ledger.quantities)
    if meant is not None:
        raise Refused(
            f"quantity {quoted(quantity_id)} is not defined in quantities.yaml; did you mean "
            f"{meant!r}? If not, define it first: figcheck quantity add {quantity_id} "
            "--label TEXT --unit UNIT --kind stock|cumulative|flow|change"
        )
    raise Refused(
        f"quantity {quoted(quantity_id)} is not defined in quantities.yaml; define it first: "
        f"figcheck quantity add {quantity_id} --label TEXT --unit UNIT "
        "--kind stock|cumulative|flow|change"
    )


def _target(ledger: Ledger, figure: NewFigure, document: NewDocument) -> tuple[Path, bool]:
    """The source file the figure goes to, and whether it is a new document's new file."""
    if isinstance(figure.value, tuple) and figure.approx not in (None, "range"):
        raise Refused(
            f"--value {number_text(figure.value[0])}..{number_text(figure.value[1])} is a "
            f"range; it cannot also be --approx {figure.approx} (drop --approx, or give one "
            "number)"
        )
    if figure.approx == "range" and not isinstance(figure.value, tuple):
        raise Refused("--approx range needs --value LOW..HIGH, such as 2000..3000")
    existing = ledger.documents.get(figure.document)
    if existing is not None:
        if document.given():
            options = ", ".join(f"--{name}" for name in document.given())
            raise Refused(
                f"{options}: only for a new document; {figure.document} already exists "
                f"({existing.location}): edit its `document:` there"
            )
        return existing.source_file, False
    if not RECORD_ID.fullmatch(figure.document):
        raise Refused(
            f"document id {figure.document!r} may hold only letters, digits, '.', '_' and '-'"
        )
    if not document.title:
        raise Refused(
            f"{figure.document} is a new document{did_you_mean(figure.document, ledger.documents)}"
            "; give --title to create it (and --outlet, --published, --url, --text if known)"
        )
    path = ledger.root / "sources" / f"{figure.document}.yaml"
    if path.exists():
        raise Refused(
            f"{ledger.display(path)} exists but does not hold document {figure.document}; "
            "give the new document another id"
        )
    return path, True


def _read_source(ledger: Ledger, path: Path, document_id: str) -> tuple[str, set[str]]:
    """The source file as it is now (under the lock), and the figure ids it already uses."""
    shown = ledger.display(path)
    try:
        raw = path.read_bytes()
        text = raw.decode("utf-8")
        data, _ = yaml_reading.loads(raw)
    except OSError as error:
        raise Refused(f"{shown} cannot be read: {error.strerror or error}") from None
    except UnicodeDecodeError:
        raise Refused(f"{shown} is not UTF-8 text; save it as UTF-8") from None
    except yaml_reading.YamlError as error:
        raise Refused(f"{shown}:{error.line}: {error}; fix it first") from None
    header = data.get("document") if isinstance(data, dict) else None
    if (
        not isinstance(data, dict)
        or not isinstance(header, dict)
        or header.get("id") != document_id
    ):
        raise Refused(
            f"{shown} no longer holds document {document_id} (it changed while this command "
            "waited); run the command again"
        )
    figures = data.get("figures")
    entries = figures if isinstance(figures, list) else []
    # Only ids that are text or numbers are taken; a list as an id is never turned to text.
    return text, {
        str(e["id"])
        for e in entries
        if isinstance(e, dict) and isinstance(e.get("id"), (str, int)) and e["id"] is not True
    }


def _validate(
    ledger: Ledger,
    path: Path,
    new: bool,
    full_id: str,
    appended: Appended,
    rules: Mapping[str, Rule],
) -> Added:
    """Load the ledger with the new content in place of the file, and check it."""
    checked = load_ledger(ledger.root, {path: appended.text})
    shown = ledger.display(path)

    def in_record(finding: Finding) -> bool:
        return full_id in finding.figures or any(
            loc.file == shown and (new or appended.first_line <= loc.line <= appended.last_line)
            for loc in finding.locations
        )

    added = Added(
        figure=full_id,
        file=shown,
        first_line=appended.first_line,
        last_line=appended.last_line,
        item=appended.item,
        created=new,
        written=False,
    )
    problems = tuple(p for p in checked.problems if in_record(p))
    if problems:
        return replace(added, problems=problems)
    _refuse_data_errors(checked.problems, ledger.root)
    if full_id not in checked.figures:
        raise Refused(f"{shown} changed while this command waited; run the command again")
    result = run_rules(checked, rules)
    involved = tuple(f for f in result.findings if in_record(f))
    # Anchoring (FC104, FC105: the quote is in the text, the value in the quote) and any
    # other rule that finds a data error in the record make it invalid, as loading does.
    invalid = tuple(f for f in involved if f.is_data_error)
    return replace(added, problems=invalid, result=result, involved=involved)


@dataclass(frozen=True)
class _TextFile:
    """A new document's --text: referred to where it lies inside the ledger, or copied to
    documents/<document id>.txt when it lies outside (the loader reads texts only inside)."""

    reference: str  # the `text:` value, relative to sources/
    source: Path
    copy_to: Path | None

    @classmethod
    def plan(cls, ledger: Ledger, document_id: str, text: Path | None) -> _TextFile | None:
        if text is None:
            return None
        source = text.resolve()
        if not source.is_file():
            raise Refused(f"--text {text}: no such file")
        root = ledger.root.resolve()
        inside = source.is_relative_to(root)
        target = source if inside else root / "documents" / f"{document_id}.txt"
        reference = Path(os.path.relpath(target, root / "sources")).as_posix()
        return cls(reference, source, None if inside else target)

    def stage(self) -> Path | None:
        """Copy the text into the ledger if it must be; the path made, if one was."""
        if self.copy_to is None:
            return None
        content = self.source.read_bytes()
        if self.copy_to.exists():
            if self.copy_to.read_bytes() == content:
                return None
            raise Refused(
                f"{self.copy_to} already exists with other content; pass --text {self.copy_to} "
                "to use it, or give the new document another id"
            )
        self.copy_to.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(self.copy_to, content)
        return self.copy_to
