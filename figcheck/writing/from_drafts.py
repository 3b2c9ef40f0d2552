"""Recording a reviewed draft file (`figcheck draft`'s YAML): what `figcheck add --from FILE`
does, without the command line.

A draft file names its document (`document: ID`) and holds `figures:` (the fields of
`figcheck add`: quantity, value, approx, as_of, said_by, quote, and optionally statement,
id and note) and `ignore:` entries (text, why). Every figure and every entry is validated
and anchored exactly as `figcheck add` and `figcheck ignore` do one by one, because it is
theirs that do it: they are applied in turn, each through `add_figure` or `ignore_number`,
to a scratch copy of the ledger, so that each is checked with those before it in place.
The real source file is replaced only when all of them are valid, in one atomic write,
under the ledger's lock held from the first read to the write: one error, and nothing is
written, every error listed with the line of the draft file it comes from. A draft whose
quantity is still empty is refused before anything else, with the list of what to fill in.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from decimal import Decimal
from pathlib import Path
from typing import Any

from figcheck.engine import EXIT_DATA, EXIT_FINDINGS, EXIT_OK, CheckResult, run_rules
from figcheck.ledger import Ledger, ledger_root, load_ledger, yaml_reading
from figcheck.model import Finding, Location
from figcheck.wording import plural, shorten
from figcheck.writing.adding import add_figure
from figcheck.writing.atomic import (
    TEMP_SUFFIX,
    Refused,
    atomic_write,
    ledger_lock,
    remove_stale_temporaries,
)
from figcheck.writing.changing import new_findings
from figcheck.writing.ignoring import NewIgnore, ignore_number
from figcheck.writing.records import NewFigure, Value, parse_value

# The fields a drafted figure may have.
FIGURE_FIELDS = (
    "quantity",
    "value",
    "approx",
    "as_of",
    "said_by",
    "quote",
    "statement",
    "id",
    "note",
)
REQUIRED = ("quantity", "value", "as_of", "said_by", "quote")


@dataclass(frozen=True)
class DraftedFigure:
    line: int  # in the draft file
    figure: NewFigure


@dataclass(frozen=True)
class DraftedIgnore:
    line: int
    entry: NewIgnore


@dataclass(frozen=True)
class DraftFile:
    """A draft file as read: its document, its figures and its ignore entries."""

    path: str  # as shown to the user
    document: str
    figures: tuple[DraftedFigure, ...]
    ignores: tuple[DraftedIgnore, ...]


@dataclass(frozen=True)
class Outcome:
    """What became of one draft: the full id of its figure (or the text of its ignore
    entry), and its problems, one line each (none when it is valid)."""

    line: int
    kind: str  # figure, ignore
    name: str
    problems: tuple[str, ...] = ()
    written_line: int | None = None  # where it stands in the source file, once recorded


@dataclass(frozen=True)
class Recorded:
    """What `record_drafts` did, or would do with `dry_run`."""

    draft_file: str
    file: str  # the document's source file, as shown
    written: bool
    outcomes: tuple[Outcome, ...]
    result: CheckResult | None = None
    findings: tuple[Finding, ...] = field(default=())  # the findings the new records bring

    @property
    def invalid(self) -> tuple[Outcome, ...]:
        return tuple(o for o in self.outcomes if o.problems)

    def exit_code(self) -> int:
        """2 when a draft is invalid (nothing written), 1 when the records take part in an
        unaccepted error-level finding, else 0."""
        if self.invalid:
            return EXIT_DATA
        if self.result is None:
            return EXIT_OK
        failing = [
            f for f in self.findings if f.severity == "error" and not self.result.is_accepted(f)
        ]
        return EXIT_FINDINGS if failing else EXIT_OK


# -- reading the draft file ------------------------------------------------------------------


def read_draft_file(path: Path, shown: str | None = None) -> DraftFile:
    """The drafts of a file. Raises Refused listing every problem with its line, and first
    of all the drafts whose quantity is still empty."""
    shown = shown or str(path)
    try:
        data, duplicates = yaml_reading.loads(path.read_bytes())
    except OSError as error:
        raise Refused(f"{shown} cannot be read: {error.strerror or error}") from None
    except yaml_reading.YamlError as error:
        raise Refused(f"{shown}:{error.line}: {error}") from None
    problems = [f"{shown}:{d.line}: {d.key!r} is given twice" for d in duplicates]
    if not isinstance(data, yaml_reading.LineMap):
        raise Refused(f"{shown} is not a draft file: it holds no `document:` and `figures:`")
    document = data.get("document")
    if isinstance(document, dict):  # a whole source file: its document's id
        document = document.get("id")
    if not isinstance(document, str) or not document.strip():
        raise Refused(f"{shown}:{data.line_of('document')}: give the document's id: `document: ID`")
    unknown = sorted(str(k) for k in data if k not in ("document", "figures", "ignore"))
    if unknown:
        problems.append(
            f"{shown}:{data.line_of(unknown[0])}: unknown key {unknown[0]!r} (a draft file holds "
            "document, figures and ignore)"
        )
    figures, empty = _figures(data, shown, document, problems)
    ignores = _ignores(data, shown, document, problems)
    if empty:
        raise Refused(
            f"{plural(len(empty), 'draft')} in {shown} {'has' if len(empty) == 1 else 'have'} "
            "no quantity yet: fill in each `quantity:` with an id of quantities.yaml (or define "
            "one with `figcheck quantity add ID --label ... --unit ... --kind ...`), then run "
            "the command again",
            tuple(empty),
        )
    if problems:
        raise Refused(
            f"{shown} has {plural(len(problems), 'problem')}; nothing was written", tuple(problems)
        )
    if not figures and not ignores:
        raise Refused(f"{shown} holds no figures and no ignore entries: nothing to record")
    return DraftFile(shown, document, tuple(figures), tuple(ignores))


def _items(data: yaml_reading.LineMap, key: str, shown: str, problems: list[str]) -> list[Any]:
    items = data.get(key)
    if items is None:
        return []
    if not isinstance(items, list):
        problems.append(f"{shown}:{data.line_of(key)}: `{key}:` must be a list")
        return []
    found = []
    for item in items:
        if not isinstance(item, yaml_reading.LineMap):
            problems.append(f"{shown}:{data.line_of(key)}: each of `{key}:` must be a mapping")
        else:
            found.append(item)
    return found


def _figures(
    data: yaml_reading.LineMap, shown: str, document: str, problems: list[str]
) -> tuple[list[DraftedFigure], list[str]]:
    figures, empty = [], []
    for item in _items(data, "figures", shown, problems):
        at = f"{shown}:{item.line}"
        unknown = [str(k) for k in item if k not in FIGURE_FIELDS]
        if unknown:
            problems.append(
                f"{shown}:{item.line_of(unknown[0])}: unknown field {unknown[0]!r} (a figure has "
                f"{', '.join(FIGURE_FIELDS)})"
            )
            continue
        if item.get("quantity") in (None, ""):
            quote = shorten(str(item.get("quote") or ""), 70)
            empty.append(f"{at}: value {_shown_value(item.get('value'))}: {quote}")
            continue
        missing = [name for name in REQUIRED if item.get(name) in (None, "")]
        if missing:
            problems.append(f"{at}: missing {', '.join(missing)}")
            continue
        try:
            value = _value(item["value"])
        except ValueError as error:
            problems.append(f"{shown}:{item.line_of('value')}: {error}")
            continue
        approx = item.get("approx")
        figures.append(
            DraftedFigure(
                item.line,
                NewFigure(
                    document=document,
                    quantity=str(item["quantity"]),
                    value=value,
                    as_of=str(item["as_of"]),
                    said_by=str(item["said_by"]),
                    quote=str(item["quote"]),
                    approx=str(approx) if approx not in (None, "") else None,
                    id=str(item["id"]) if item.get("id") not in (None, "") else None,
                    note=str(item["note"]) if item.get("note") not in (None, "") else None,
                    statement=_optional(item.get("statement")),
                ),
            )
        )
    return figures, empty


def _ignores(
    data: yaml_reading.LineMap, shown: str, document: str, problems: list[str]
) -> list[DraftedIgnore]:
    ignores = []
    for item in _items(data, "ignore", shown, problems):
        missing = [name for name in ("text", "why") if item.get(name) in (None, "")]
        unknown = [str(k) for k in item if k not in ("text", "why")]
        if missing or unknown:
            what = f"missing {', '.join(missing)}" if missing else f"unknown field {unknown[0]!r}"
            problems.append(f"{shown}:{item.line}: {what} (an ignore entry has text and why)")
            continue
        ignores.append(
            DraftedIgnore(item.line, NewIgnore(document, str(item["text"]), str(item["why"])))
        )
    return ignores


def _value(raw: object) -> Value:
    """A value as the draft file holds it: a number, `[low, high]`, or text as `figcheck
    add --value` takes it (`2,719`, `2000..3000`)."""
    if isinstance(raw, bool):
        raise ValueError(f"value {raw!r} is not a number")
    if isinstance(raw, int):
        return raw
    if isinstance(raw, float):
        # The loader reads this text back as the same float, and takes it for the rational
        # of its shortest decimal text: the digits written.
        return Decimal(repr(raw))
    if isinstance(raw, list) and len(raw) == 2:
        low, high = (_value(end) for end in raw)
        if isinstance(low, tuple) or isinstance(high, tuple):
            raise ValueError("a range is [low, high] of two numbers")
        return (low, high)
    if isinstance(raw, str):
        return parse_value(raw)
    raise ValueError(f"value {raw!r} is not a number, nor [low, high]")


def _optional(raw: object) -> str | None:
    return None if raw in (None, "") else str(raw)


def _shown_value(raw: object) -> str:
    return "?" if raw is None else str(raw)


# -- recording -------------------------------------------------------------------------------


def record_drafts(root: Path, drafts: DraftFile, *, dry_run: bool = False) -> Recorded:
    """Record every draft of `drafts` in the ledger at `root`, all or nothing. Raises
    Refused when the drafts cannot be recorded as asked; LedgerNotFound, LockTimeout."""
    root = ledger_root(root)
    with ledger_lock(root):
        remove_stale_temporaries(root)
        before = load_ledger(root)
        errors = [p for p in before.problems if p.is_data_error]
        if errors:
            raise Refused(
                f"the ledger has {plural(len(errors), 'data error')}; fix them first "
                f"(`figcheck check --data {root}` shows them)"
            )
        document = before.documents.get(drafts.document)
        if document is None:
            raise Refused(
                f"{drafts.document} is not a document of the ledger; create it with its first "
                f"figure (`figcheck add --document {drafts.document} --title ... --text PATH "
                "...`), then record the drafts"
            )
        source = document.source_file
        shown = before.display(source)
        original = source.read_bytes()
        with tempfile.TemporaryDirectory(prefix="figcheck-drafts-") as scratch_dir:
            scratch = _copy(root, Path(scratch_dir) / "ledger")
            outcomes = _apply(before, scratch, drafts)
            if any(o.problems for o in outcomes):
                return Recorded(drafts.path, shown, False, outcomes)
            written_text = (scratch / source.relative_to(root)).read_bytes()
            if dry_run:  # the rules read the texts of the scratch ledger: run them here
                tried = run_rules(load_ledger(scratch))
                rename = _Renamer(tried.ledger.display(scratch), before.display(root))
                result = replace(tried, findings=tuple(map(rename.finding, tried.findings)))
        if not dry_run:
            if source.read_bytes() != original:  # no other writer holds the lock: a safeguard
                raise Refused(f"{shown} changed while the drafts were checked; run again")
            atomic_write(source, written_text)
            result = run_rules(load_ledger(root))
    return Recorded(
        drafts.path,
        shown,
        not dry_run,
        _with_written_lines(outcomes, result.ledger, drafts.document),
        result,
        new_findings(run_rules(before), result),
    )


def _with_written_lines(
    outcomes: tuple[Outcome, ...], ledger: Ledger, document_id: str
) -> tuple[Outcome, ...]:
    """Each outcome with the line of its record in the source file as finally written (a
    record added later may have moved one added before)."""
    document = ledger.documents.get(document_id)
    ignored = {} if document is None else {i.text: i.location.line for i in document.ignored}
    placed = []
    for outcome in outcomes:
        if outcome.kind == "figure":
            figure = ledger.figures.get(outcome.name)
            line = None if figure is None else figure.location.line
        else:
            line = ignored.get(outcome.name)
        placed.append(replace(outcome, written_line=line))
    return tuple(placed)


def _copy(root: Path, scratch: Path) -> Path:
    """A copy of the ledger to try the drafts in (without figcheck's temporary files)."""
    shutil.copytree(root, scratch, ignore=shutil.ignore_patterns(f"*{TEMP_SUFFIX}", ".git"))
    return scratch


def _apply(before: Ledger, scratch: Path, drafts: DraftFile) -> tuple[Outcome, ...]:
    """Each draft applied in turn to the scratch ledger by `figcheck add` and `figcheck
    ignore`'s own functions, in the order of the draft file."""
    ledger = load_ledger(scratch)
    real = _Renamer(ledger.display(scratch), before.display(before.root))
    steps: list[tuple[int, Callable[[], Outcome]]] = []
    for drafted in drafts.figures:
        steps.append((drafted.line, lambda d=drafted: _add(ledger, d, real)))  # type: ignore[misc]
    for ignored in drafts.ignores:
        steps.append((ignored.line, lambda i=ignored: _ignore(scratch, i, real)))  # type: ignore[misc]
    return tuple(step() for _, step in sorted(steps, key=lambda s: s[0]))


def _add(ledger: Ledger, drafted: DraftedFigure, real: _Renamer) -> Outcome:
    try:
        added = add_figure(ledger, drafted.figure)
    except Refused as error:
        return Outcome(drafted.line, "figure", "", (real(str(error)), *map(real, error.details)))
    problems = tuple(real(f"{p.severity} {p.rule} {p.message}") for p in added.problems)
    return Outcome(drafted.line, "figure", added.figure, problems)


def _ignore(scratch: Path, ignored: DraftedIgnore, real: _Renamer) -> Outcome:
    try:
        added = ignore_number(scratch, ignored.entry)
    except Refused as error:
        return Outcome(
            ignored.line,
            "ignore",
            ignored.entry.text,
            (real(str(error)), *map(real, error.details)),
        )
    problems = tuple(real(f"{p.severity} {p.rule} {p.message}") for p in added.problems)
    return Outcome(ignored.line, "ignore", ignored.entry.text, problems)


class _Renamer:
    """Messages about the scratch ledger, written about the real one."""

    def __init__(self, scratch: str, real: str) -> None:
        self.scratch, self.real = scratch, real

    def __call__(self, message: str) -> str:
        return message.replace(self.scratch, self.real)

    def finding(self, finding: Finding) -> Finding:
        places = tuple(Location(self(p.file), p.line) for p in finding.locations)
        return replace(finding, message=self(finding.message), locations=places)
