"""Reading one source file (sources/*.yaml): a document's metadata, its figures, and the
numbers of its text that are not figures (`ignore:`).

A figure with a problem is left out of the model, and so is every figure of a document whose
`document:` cannot be read. Ids must be unique within the document; that a document id is
unique across files is checked by the loader, which sees every file.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path

from figcheck import values
from figcheck.ledger.config import Config
from figcheck.ledger.fields import RECORD_ID, Fields
from figcheck.ledger.problems import FileProblems, Problem
from figcheck.ledger.quantities import Quantities
from figcheck.ledger.yaml_reading import LineMap
from figcheck.model import APPROXES, Document, Figure, Ignored, Location
from figcheck.wording import did_you_mean, quoted, shorten, type_name

FIGURE_FIELDS = (
    "id",
    "quantity",
    "value",
    "approx",
    "as_of",
    "said_by",
    "statement",
    "quote",
    "note",
)
REQUIRED_FIGURE_FIELDS = ("id", "quantity", "value", "as_of", "said_by", "quote")
DOCUMENT_FIELDS = ("id", "title", "outlet", "published", "url", "text")
TOP_LEVEL = ("document", "figures", "ignore")


@dataclass(frozen=True)
class Setting:
    """What reading a source file needs besides the file: where the ledger is and how to show
    a path in it, its settings, and the quantities read before."""

    root: Path
    display: Callable[[Path], str]
    config: Config
    quantities: Quantities


@dataclass(frozen=True)
class SourceRead:
    """What one source file says by itself: its problems, its document (None when the file
    cannot be read as a source file), and its figures by full id, in file order.

    Whether its document id is already used by an earlier file is the loader's to say (it
    sees every file): that problem goes after the first `head` problems (those of the file's
    YAML, its top-level keys and its document), and when it is reported the file's figures,
    and the problems after `head`, are left out."""

    document: Document | None
    figures: dict[str, Figure]
    problems: tuple[Problem, ...] = ()
    head: int = 0


def read(data: object, path: Path, setting: Setting, report: FileProblems) -> SourceRead:
    """Read the parsed source file at `path`; its problems go to `report`, whose list is the
    file's own (`SourceRead.problems` is that list as it stands at the end)."""
    problems = report.into
    if not isinstance(data, LineMap):
        report(
            "invalid",
            1,
            "a source file must be a mapping with `document:` and `figures:`"
            + (" but it is empty" if data is None else f", not {type_name(data)}"),
        )
        return SourceRead(None, {}, tuple(problems), len(problems))
    for key in data:
        if key not in TOP_LEVEL:
            report(
                "invalid",
                data.line_of(key),
                f"unknown top-level key {quoted(key)}{did_you_mean(key, TOP_LEVEL)}; a source "
                "file holds document, figures and ignore",
            )
    document = _document(data, path, setting, report)
    head = len(problems)
    if document is None:
        return SourceRead(None, {}, tuple(problems), head)
    doc_id = document.id
    local_ids: dict[str, int] = {}
    figures: dict[str, Figure] = {}
    raw_figures = data.get("figures")
    if raw_figures is None:
        raw_figures = []
    if not isinstance(raw_figures, list):
        report(
            "invalid",
            data.line_of("figures"),
            f"`figures:` must be a list of figures, not {type_name(raw_figures)}",
        )
        raw_figures = []
    for entry in raw_figures:
        figure = _figure(entry, data.line_of("figures"), doc_id, setting, report)
        if figure is None:
            continue
        if figure.id in local_ids:
            report(
                "duplicate",
                figure.location.line,
                f"figure id {quoted(figure.id)} is already used at line "
                f"{local_ids[figure.id]} of this document",
                figure.full_id,
            )
            continue
        local_ids[figure.id] = figure.location.line
        figures[figure.full_id] = figure
    ignored = _ignored(data, report)
    document = replace(document, figures=tuple(figures), ignored=ignored)
    return SourceRead(document, figures, tuple(problems), head)


def text_reference(data: object) -> str | None:
    """The `text:` of a parsed source file's document as the reader takes it (see
    Fields.text), or None: what the file's reading depends on besides its own bytes (whether
    that path leads to a file)."""
    document = data.get("document") if isinstance(data, LineMap) else None
    value = document.get("text") if isinstance(document, LineMap) else None
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        return None
    return str(value)


def text_state(path: Path, reference: str) -> tuple[str, bool] | None:
    """Where the text named `reference` in the source file at `path` leads and whether it is
    a file there, as `_text_path` finds them; None when that cannot be said."""
    try:  # as Path.resolve() and Path.is_file() find them, without making Path objects
        resolved = os.path.realpath(os.path.join(os.path.dirname(path), reference))
        return resolved, os.path.isfile(resolved)
    except (OSError, ValueError, RuntimeError):
        return None


def duplicate_document(
    document: Document, documents: Mapping[str, Document], report: FileProblems
) -> bool:
    """Whether an earlier file's document has the id of `document`; reports it if so."""
    if document.id not in documents:
        return False
    report(
        "duplicate",
        document.location.line,
        f"document id {quoted(document.id)} is already used by {documents[document.id].location}",
        document.id,
    )
    return True


def _document(data: LineMap, path: Path, setting: Setting, report: FileProblems) -> Document | None:
    entry = data.get("document")
    if not isinstance(entry, LineMap):
        line = data.line_of("document") if "document" in data else 1
        report(
            "invalid",
            line,
            "a source file needs `document:`, a mapping with id "
            "and title" + ("" if entry is None else f", not {type_name(entry)}"),
        )
        return None
    fields = Fields(report, entry, "document")
    fields.unknown(DOCUMENT_FIELDS)
    doc_id = fields.record_id("id")
    title = fields.text("title", required=True)
    outlet = fields.text("outlet")
    published = fields.date("published", setting.config.qualified_margin_days)
    url = fields.text("url")
    text_path = _text_path(path, fields, setting)
    if fields.failed or doc_id is None or title is None:
        return None
    return Document(
        id=doc_id,
        title=title,
        location=Location(report.file, entry.line),
        source_file=path,
        outlet=outlet,
        published=published,
        url=url,
        text_path=text_path,
    )


def _text_path(path: Path, fields: Fields, setting: Setting) -> Path | None:
    text = fields.text("text")
    if text is None:
        return None
    try:
        resolved = (path.parent / text).resolve()
        is_file = resolved.is_file()
    except (OSError, ValueError, RuntimeError) as error:  # NUL byte, too long, a link loop
        reason = error.strerror if isinstance(error, OSError) and error.strerror else error
        fields.error("text", f"text {quoted(text)} is not a usable path: {reason}")
        return None
    if not resolved.is_relative_to(setting.root.resolve()):
        fields.error(
            "text",
            f"text {quoted(text)} points outside the ledger; keep documents under "
            f"{setting.display(setting.root / 'documents')}",
        )
        return None
    if not is_file:
        fields.error(
            "text", f"text file {quoted(text)} not found (paths are relative to this file)"
        )
        return None
    return resolved


def _figure(
    entry: object, list_line: int, doc_id: str, setting: Setting, report: FileProblems
) -> Figure | None:
    if not isinstance(entry, LineMap):
        report(
            "invalid",
            list_line,
            "each figure must be a mapping with "
            f"{', '.join(REQUIRED_FIGURE_FIELDS)}, not {type_name(entry)}",
        )
        return None
    config, quantities = setting.config, setting.quantities
    given_id = entry.get("id")
    label = (
        f"figure {doc_id}/{shorten(str(given_id))}"
        if isinstance(given_id, (str, int)) and not isinstance(given_id, bool)
        else f"a figure of {doc_id}"  # an id that is no id (a list, say) is never turned to text
    )
    fields = Fields(report, entry, label)
    fields.unknown(FIGURE_FIELDS)
    figure_id = fields.record_id("id")
    quantity_id = fields.text("quantity", required=True)
    approx = fields.choice("approx", APPROXES) or "exact"
    value = fields.value(approx)
    as_of = fields.date("as_of", config.qualified_margin_days, required=True)
    said_by = fields.text("said_by", required=True)
    statement = fields.text("statement")
    if statement is not None and not RECORD_ID.fullmatch(statement):
        fields.error(
            "statement",
            f"statement {quoted(statement)} must be an id: letters, digits, '.', '_' and '-'",
        )
    quote = fields.text("quote", required=True)
    note = fields.text("note")
    full_id = f"{doc_id}/{figure_id}"
    quantity = quantities.kept.get(quantity_id) if quantity_id else None
    if quantity_id in quantities.dropped or not quantities.readable:
        fields.failed = True  # that quantity's problem, or the file's, is reported already
    elif quantity_id is not None and quantity is None:
        report(
            "unknown-reference",
            entry.line_of("quantity"),
            f"{full_id}: quantity {quoted(quantity_id)} is not in quantities.yaml"
            f"{did_you_mean(quantity_id, quantities.kept)}",
            full_id,
        )
        fields.failed = True
    if quantity is not None and value is not None:
        fields.check_against_kind(quantity, value, as_of)
    if (
        fields.failed
        or figure_id is None
        or quantity is None
        or value is None
        or as_of is None
        or said_by is None
        or quote is None
    ):
        return None
    return Figure(
        full_id=full_id,
        id=figure_id,
        document=doc_id,
        quantity=quantity.id,
        value=value,
        approx=approx,  # type: ignore[arg-type]  # one of APPROXES: fields.choice checked it
        as_of=as_of,
        said_by=said_by,
        quote=quote,
        interval=values.interval(value, approx, config.about, config.nearly),
        stated=values.stated(value),
        location=Location(report.file, entry.line),
        note=note,
        statement=statement,
    )


def _ignored(data: LineMap, report: FileProblems) -> tuple[Ignored, ...]:
    entries = data.get("ignore")
    if entries is None:
        return ()
    if not isinstance(entries, list):
        report("invalid", data.line_of("ignore"), "`ignore:` must be a list of {text, why}")
        return ()
    result = []
    for entry in entries:
        if not isinstance(entry, LineMap):
            report(
                "invalid",
                data.line_of("ignore"),
                f"each ignore entry must be a mapping with text and why, not {type_name(entry)}",
            )
            continue
        fields = Fields(report, entry, "ignore entry")
        fields.unknown(("text", "why"))
        text = fields.text("text", required=True)
        why = fields.text("why", required=True)
        if text is not None and why is not None and not fields.failed:
            result.append(Ignored(text, why, Location(report.file, entry.line)))
    return tuple(result)
