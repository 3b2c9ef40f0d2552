"""Reading a ledger directory into the model, reporting every data error with file:line.

A ledger is a directory:

    quantities.yaml     what is being counted, and how quantities relate
    sources/*.yaml      one file per document: its metadata and its figures
    documents/*.txt     optional plain text of a document
    accepted.yaml       optional: divergences reviewed and accepted, each with a reason
    figcheck.yaml       optional: tolerances and rule severities

Loading never raises for bad content: every problem becomes an FC101, FC102 or FC103
finding in `Ledger.problems`, and records with problems are left out of the model.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

from figcheck import findings, values
from figcheck.ledger import config as config_file
from figcheck.ledger.fields import FINDING_ID, QUANTITY_ID, Fields, Report
from figcheck.ledger.fields import RECORD_ID as RECORD_ID  # re-exported for the writers
from figcheck.ledger.relations import cycles
from figcheck.ledger.yaml_reading import LineMap, YamlError
from figcheck.ledger.yaml_reading import load as load_yaml
from figcheck.ledger.yaml_reading import loads as loads_yaml
from figcheck.model import (
    APPROXES,
    KINDS,
    Acceptance,
    Document,
    Figure,
    Finding,
    Ignored,
    Location,
    Quantity,
)
from figcheck.rules import RULES
from figcheck.wording import did_you_mean, quoted, shorten, type_name

FIGURE_FIELDS = ("id", "quantity", "value", "approx", "as_of", "said_by", "quote", "note")
REQUIRED_FIGURE_FIELDS = ("id", "quantity", "value", "as_of", "said_by", "quote")
DOCUMENT_FIELDS = ("id", "title", "outlet", "published", "url", "text")
QUANTITY_FIELDS = ("label", "unit", "kind", "parts", "exhaustive", "subset_of", "of", "note")


ACCEPTED_FILE = "accepted.yaml"

UNREADABLE = object()


class LedgerNotFound(Exception):
    """The ledger directory itself is missing: nothing to report findings about."""


@dataclass(frozen=True)
class Ledger:
    root: Path
    quantities: Mapping[str, Quantity]
    documents: Mapping[str, Document]
    figures: Mapping[str, Figure]  # by full id, in file order
    acceptances: tuple[Acceptance, ...]
    config: config_file.Config
    problems: tuple[Finding, ...] = ()
    source_files: tuple[Path, ...] = field(default=())

    @property
    def has_data_errors(self) -> bool:
        """Whether reading found data errors (the consistency rules then do not run)."""
        return any(p.is_data_error for p in self.problems)

    def display(self, path: Path) -> str:
        return _display(self.root, path)


# File path -> content to read in place of the file (see load_ledger).
Overrides = Mapping[str | os.PathLike[str], str | bytes]


def load_ledger(path: str | os.PathLike[str], overrides: Overrides | None = None) -> Ledger:
    """Read the ledger in directory `path`. Raises LedgerNotFound if it is not a directory;
    every other problem is a finding in `Ledger.problems`.

    `overrides` maps a file path to the content to read in place of what is on disk (or in
    place of a file not written yet, such as a new `sources/*.yaml`): `figcheck add` and
    `figcheck accept` validate a change this way, with this very code, before writing it."""
    return _Reader(ledger_root(path), overrides).read()


def ledger_root(path: str | os.PathLike[str]) -> Path:
    """`path` as the ledger's root directory; raises LedgerNotFound if it is not one."""
    root = Path(path)
    shown = shorten(os.fspath(path))
    try:
        if root.is_dir():
            return root
        what = "is not a directory" if root.exists() else "does not exist"
    except (OSError, ValueError) as error:  # too long a name, a NUL byte
        what = f"cannot be used ({error.strerror if isinstance(error, OSError) else error})"
    raise LedgerNotFound(f"ledger directory {shown} {what}")


def load_acceptances(
    path: str | os.PathLike[str], overrides: Overrides | None = None
) -> tuple[tuple[Acceptance, ...], tuple[Finding, ...]]:
    """Only the ledger's accepted.yaml: its entries, and its problems as load_ledger reports
    them (`figcheck accept` validates the file it is about to write this way)."""
    root = Path(path)
    reader = _Reader(root, overrides)
    acceptances = reader.read_accepted(root / ACCEPTED_FILE)
    return acceptances, tuple(reader.problems)


@lru_cache(maxsize=4096)
def _display(root: Path, path: Path) -> str:
    """`path` as the user should see it: under the ledger directory as they named it."""
    try:
        relative = path.relative_to(root)
    except ValueError:
        try:  # a resolved path, such as a document's text
            relative = path.relative_to(root.resolve())
        except ValueError:
            return os.fspath(path)
    return os.path.normpath(os.path.join(os.fspath(root), relative))


def _override_key(path: str | os.PathLike[str]) -> str:
    return os.path.normcase(os.path.abspath(path))


class _Reader:
    def __init__(self, root: Path, overrides: Overrides | None = None) -> None:
        self.root = root
        self.problems: list[Finding] = []
        self.config = config_file.Config()
        # Quantities dropped for a reported problem: figures of theirs are left out quietly,
        # since "not in quantities.yaml" would send the curator looking in the wrong place.
        self.dropped_quantities: set[str] = set()
        # When quantities.yaml itself cannot be read, every figure's quantity is unknown:
        # one problem says so, not one per figure.
        self.quantities_unreadable = False
        self.overrides = {_override_key(p): content for p, content in (overrides or {}).items()}

    def override(self, path: Path) -> str | bytes | None:
        return self.overrides.get(_override_key(path)) if self.overrides else None

    def exists(self, path: Path) -> bool:
        return self.override(path) is not None or path.exists()

    # -- reporting ---------------------------------------------------------------------------

    def reporter(self, path: Path) -> Report:
        """Report problems of one file: what `Fields` needs."""
        return lambda code, line, message: self.problem(code, path, line, message)

    def problem(self, code: str, path: Path, line: int, message: str, *subject: str) -> None:
        location = Location(_display(self.root, path), line)
        rule = RULES[code]
        self.problems.append(
            findings.make(
                code,
                rule.severity,
                rule.title,
                message,
                locations=(location,),
                subject=subject or (str(location), message),
            )
        )

    def yaml(self, path: Path) -> object:
        """The parsed file (None when it is empty), or UNREADABLE after reporting why."""
        content = self.override(path)
        try:
            data, duplicates = load_yaml(path) if content is None else loads_yaml(content)
        except YamlError as error:
            self.problem("FC101", path, error.line, f"{path.name} {error}")
            return UNREADABLE
        for dup in duplicates:
            self.problem(
                "FC103",
                path,
                dup.line,
                f"key {quoted(dup.key)} appears twice in one mapping (first at line "
                f"{dup.first_line}); YAML would silently keep only one of them",
            )
        return data

    # -- the whole ledger --------------------------------------------------------------------

    def read(self) -> Ledger:
        config_path = self.root / "figcheck.yaml"
        if self.exists(config_path):
            data = self.yaml(config_path)
            self.config = config_file.read(
                None if data is UNREADABLE else data,
                lambda line, message: self.problem("FC101", config_path, line, message),
            )
        quantities = self.read_quantities(self.root / "quantities.yaml")
        source_files = self.source_files()
        documents: dict[str, Document] = {}
        figures: dict[str, Figure] = {}
        for path in source_files:
            self.read_source(path, quantities, documents, figures)
        acceptances = self.read_accepted(self.root / ACCEPTED_FILE)
        return Ledger(
            root=self.root,
            quantities=quantities,
            documents=documents,
            figures=figures,
            acceptances=acceptances,
            config=self.config,
            problems=tuple(self.problems),
            source_files=tuple(source_files),
        )

    def source_files(self) -> list[Path]:
        sources = self.root / "sources"
        on_disk = set(sources.iterdir()) if sources.is_dir() else set()
        # A source file given only in memory (not written yet) is read like the others.
        in_memory = {
            sources / os.path.basename(key)
            for key in self.overrides
            if os.path.dirname(key) == _override_key(sources)
        }
        return sorted(
            p
            for p in on_disk | in_memory
            if p.suffix in (".yaml", ".yml") and not p.name.startswith(".")
        )

    # -- quantities.yaml ---------------------------------------------------------------------

    def read_quantities(self, path: Path) -> dict[str, Quantity]:
        if not self.exists(path):
            self.problem(
                "FC101",
                path,
                0,
                "quantities.yaml is missing; every ledger needs one "
                "(`figcheck init DIR` starts a ledger)",
            )
            self.quantities_unreadable = True
            return {}
        data = self.yaml(path)
        if data is UNREADABLE:
            self.quantities_unreadable = True
            return {}
        if not isinstance(data, LineMap) or not isinstance(data.get("quantities"), LineMap):
            line = data.line_of("quantities") if isinstance(data, LineMap) else 1
            self.problem(
                "FC101",
                path,
                line,
                "quantities.yaml must hold a mapping under `quantities:`, keyed by quantity id",
            )
            self.quantities_unreadable = True
            return {}
        for key in data:
            if key != "quantities":
                self.problem(
                    "FC101",
                    path,
                    data.line_of(key),
                    f"unknown top-level key {quoted(key)}; "
                    "quantities.yaml holds only `quantities:`",
                )
        table: LineMap = data["quantities"]
        quantities: dict[str, Quantity] = {}
        for qid, entry in table.items():
            quantity = self.quantity(path, table.line_of(qid), qid, entry)
            if quantity is not None:
                quantities[quantity.id] = quantity
            else:
                self.dropped_quantities.add(str(qid))
        self.check_relations(path, quantities)
        return quantities

    def quantity(self, path: Path, line: int, qid: object, entry: object) -> Quantity | None:
        if not isinstance(qid, str) or not QUANTITY_ID.fullmatch(qid):
            self.problem(
                "FC101",
                path,
                line,
                f"quantity id {quoted(qid)} must be lowercase letters, "
                "digits and hyphens, starting with a letter or digit",
            )
            return None
        if not isinstance(entry, LineMap):
            self.problem(
                "FC101",
                path,
                line,
                f"quantity {qid} must be a mapping with label, unit "
                f"and kind, not {type_name(entry)}",
            )
            return None
        fields = Fields(self.reporter(path), entry, f"quantity {qid}", line)
        fields.unknown(QUANTITY_FIELDS)
        label = fields.text("label", required=True)
        unit = fields.text("unit", required=True)
        kind = fields.choice("kind", KINDS, required=True)
        parts = fields.id_list("parts")
        subset_of = fields.id_list("subset_of")
        of = fields.text("of")
        exhaustive = fields.flag("exhaustive")
        fields.text("note")
        if of is not None and kind not in (None, "change"):
            fields.error(
                "of",
                f"`of` names the level a change is of; quantity {qid} is a {kind}, not a change",
            )
        if exhaustive and not parts:
            fields.error("exhaustive", "`exhaustive: true` needs `parts`")
        if fields.failed or label is None or unit is None or kind is None:
            return None
        return Quantity(
            id=qid,
            label=label,
            unit=unit,
            kind=kind,
            location=Location(_display(self.root, path), line),
            parts=parts,
            exhaustive=bool(exhaustive),
            subset_of=subset_of,
            of=of,
        )

    def check_relations(self, path: Path, quantities: dict[str, Quantity]) -> None:
        """FC102 for unknown names and cycles; FC101 for relations across units. Quantities
        with a broken relation are removed, so that the rules never follow one."""
        broken: set[str] = set()
        for q in quantities.values():
            for relation, names in (
                ("parts", q.parts),
                ("subset_of", q.subset_of),
                ("of", (q.of,) if q.of else ()),
            ):
                for name in names:
                    other = quantities.get(name)
                    if name in self.dropped_quantities:
                        broken.add(q.id)  # that quantity's own problem is reported already
                    elif other is None:
                        self.problem(
                            "FC102",
                            path,
                            q.location.line,
                            f"quantity {q.id}: {relation} names {quoted(name)}, which is not in "
                            f"quantities.yaml{did_you_mean(name, quantities)}",
                            q.id,
                            name,
                        )
                        broken.add(q.id)
                    elif relation != "of" and other.unit != q.unit:
                        self.problem(
                            "FC101",
                            path,
                            q.location.line,
                            f"quantity {q.id} ({q.unit}) cannot relate by {relation} to "
                            f"{name} ({other.unit}): units differ",
                        )
                        broken.add(q.id)
        for cycle in cycles(quantities):
            self.problem(
                "FC102",
                path,
                quantities[cycle[0]].location.line,
                "relations go round in a circle: " + " -> ".join([*cycle, cycle[0]]),
                *cycle,
            )
            broken.update(cycle)
        for qid in broken:
            quantities.pop(qid, None)
        self.dropped_quantities |= broken

    # -- sources/*.yaml ----------------------------------------------------------------------

    def read_source(
        self,
        path: Path,
        quantities: Mapping[str, Quantity],
        documents: dict[str, Document],
        figures: dict[str, Figure],
    ) -> None:
        data = self.yaml(path)
        if data is UNREADABLE:
            return
        if not isinstance(data, LineMap):
            self.problem(
                "FC101",
                path,
                1,
                "a source file must be a mapping with `document:` and `figures:`"
                + (" but it is empty" if data is None else f", not {type_name(data)}"),
            )
            return
        for key in data:
            if key not in ("document", "figures", "ignore"):
                self.problem(
                    "FC101",
                    path,
                    data.line_of(key),
                    f"unknown top-level key {quoted(key)}"
                    f"{did_you_mean(key, ('document', 'figures', 'ignore'))}; a source file "
                    "holds document, figures and ignore",
                )
        document = self.document(path, data)
        if document is None:
            return
        if document.id in documents:
            first = documents[document.id].location
            self.problem(
                "FC103",
                path,
                document.location.line,
                f"document id {quoted(document.id)} is already used by {first}",
                document.id,
            )
            return
        local_ids: dict[str, int] = {}
        full_ids: list[str] = []
        raw_figures = data.get("figures")
        if raw_figures is None:
            raw_figures = []
        if not isinstance(raw_figures, list):
            self.problem(
                "FC101",
                path,
                data.line_of("figures"),
                f"`figures:` must be a list of figures, not {type_name(raw_figures)}",
            )
            raw_figures = []
        for entry in raw_figures:
            figure = self.figure(path, data.line_of("figures"), document.id, entry, quantities)
            if figure is None:
                continue
            if figure.id in local_ids:
                self.problem(
                    "FC103",
                    path,
                    figure.location.line,
                    f"figure id {quoted(figure.id)} is already used at line "
                    f"{local_ids[figure.id]} of this document",
                    figure.full_id,
                )
                continue
            local_ids[figure.id] = figure.location.line
            figures[figure.full_id] = figure
            full_ids.append(figure.full_id)
        ignored = self.ignored(path, data)
        documents[document.id] = replace(document, figures=tuple(full_ids), ignored=ignored)

    def document(self, path: Path, data: LineMap) -> Document | None:
        entry = data.get("document")
        if not isinstance(entry, LineMap):
            line = data.line_of("document") if "document" in data else 1
            self.problem(
                "FC101",
                path,
                line,
                "a source file needs `document:`, a mapping with id "
                "and title" + ("" if entry is None else f", not {type_name(entry)}"),
            )
            return None
        fields = Fields(self.reporter(path), entry, "document")
        fields.unknown(DOCUMENT_FIELDS)
        doc_id = fields.record_id("id")
        title = fields.text("title", required=True)
        outlet = fields.text("outlet")
        published = fields.date("published", self.config.qualified_margin_days)
        url = fields.text("url")
        text_path = self.text_path(path, fields)
        if fields.failed or doc_id is None or title is None:
            return None
        return Document(
            id=doc_id,
            title=title,
            location=Location(_display(self.root, path), entry.line),
            source_file=path,
            outlet=outlet,
            published=published,
            url=url,
            text_path=text_path,
        )

    def text_path(self, path: Path, fields: Fields) -> Path | None:
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
        if not resolved.is_relative_to(self.root.resolve()):
            fields.error(
                "text",
                f"text {quoted(text)} points outside the ledger; keep documents under "
                f"{_display(self.root, self.root / 'documents')}",
            )
            return None
        if not is_file:
            fields.error(
                "text", f"text file {quoted(text)} not found (paths are relative to this file)"
            )
            return None
        return resolved

    def figure(
        self,
        path: Path,
        list_line: int,
        doc_id: str,
        entry: object,
        quantities: Mapping[str, Quantity],
    ) -> Figure | None:
        if not isinstance(entry, LineMap):
            self.problem(
                "FC101",
                path,
                list_line,
                "each figure must be a mapping with "
                f"{', '.join(REQUIRED_FIGURE_FIELDS)}, not {type_name(entry)}",
            )
            return None
        label = f"figure {doc_id}/{entry['id']}" if "id" in entry else f"a figure of {doc_id}"
        fields = Fields(self.reporter(path), entry, label)
        fields.unknown(FIGURE_FIELDS)
        figure_id = fields.record_id("id")
        quantity_id = fields.text("quantity", required=True)
        approx = fields.choice("approx", APPROXES) or "exact"
        value = fields.value(approx)
        as_of = fields.date("as_of", self.config.qualified_margin_days, required=True)
        said_by = fields.text("said_by", required=True)
        quote = fields.text("quote", required=True)
        note = fields.text("note")
        full_id = f"{doc_id}/{figure_id}"
        quantity = quantities.get(quantity_id) if quantity_id else None
        if quantity_id in self.dropped_quantities or self.quantities_unreadable:
            fields.failed = True
        elif quantity_id is not None and quantity is None:
            self.problem(
                "FC102",
                path,
                entry.line_of("quantity"),
                f"{full_id}: quantity {quoted(quantity_id)} is not in quantities.yaml"
                f"{did_you_mean(quantity_id, quantities)}",
                full_id,
            )
            fields.failed = True
        if quantity is not None and value is not None:
            fields.check_against_kind(quantity, value, as_of)
        if fields.failed or None in (figure_id, quantity, value, as_of, said_by, quote):
            return None
        assert quantity is not None and as_of is not None and value is not None
        interval = values.interval(value, approx, self.config.about, self.config.nearly)
        return Figure(
            full_id=full_id,
            id=figure_id,
            document=doc_id,
            quantity=quantity.id,  # type: ignore[arg-type]
            value=value,
            approx=approx,
            as_of=as_of,
            said_by=said_by,
            quote=quote,  # type: ignore[arg-type]
            interval=interval,
            stated=values.stated(value),
            location=Location(_display(self.root, path), entry.line),
            note=note,
        )

    def ignored(self, path: Path, data: LineMap) -> tuple[Ignored, ...]:
        entries = data.get("ignore")
        if entries is None:
            return ()
        if not isinstance(entries, list):
            self.problem(
                "FC101", path, data.line_of("ignore"), "`ignore:` must be a list of {text, why}"
            )
            return ()
        result = []
        for entry in entries:
            if not isinstance(entry, LineMap):
                self.problem(
                    "FC101",
                    path,
                    data.line_of("ignore"),
                    f"each ignore entry must be a mapping with text and why, "
                    f"not {type_name(entry)}",
                )
                continue
            fields = Fields(self.reporter(path), entry, "ignore entry")
            fields.unknown(("text", "why"))
            text = fields.text("text", required=True)
            why = fields.text("why", required=True)
            if text is not None and why is not None and not fields.failed:
                result.append(Ignored(text, why, Location(_display(self.root, path), entry.line)))
        return tuple(result)

    # -- accepted.yaml -----------------------------------------------------------------------

    def read_accepted(self, path: Path) -> tuple[Acceptance, ...]:
        if not self.exists(path):
            return ()
        data = self.yaml(path)
        if data is UNREADABLE or data is None:
            return ()
        if not isinstance(data, LineMap) or not isinstance(data.get("accepted", []), list):
            self.problem("FC101", path, 1, "accepted.yaml must hold a list under `accepted:`")
            return ()
        for key in data:
            if key != "accepted":
                self.problem(
                    "FC101",
                    path,
                    data.line_of(key),
                    f"unknown top-level key {quoted(key)}; accepted.yaml holds only `accepted:`",
                )
        seen: dict[str, int] = {}
        result = []
        for entry in data.get("accepted") or []:
            if not isinstance(entry, LineMap):
                self.problem(
                    "FC101",
                    path,
                    data.line_of("accepted"),
                    "each acceptance must be a mapping with finding and why",
                )
                continue
            fields = Fields(self.reporter(path), entry, "acceptance")
            fields.unknown(("finding", "why"))
            finding = fields.text("finding", required=True)
            why = fields.text("why")
            if finding is not None and not FINDING_ID.fullmatch(finding):
                fields.error(
                    "finding", f"{quoted(finding)} is not a finding id like FC201:3f9a1c0b2d"
                )
            if fields.failed or finding is None:
                continue
            if finding in seen:
                self.problem(
                    "FC103",
                    path,
                    entry.line,
                    f"finding {finding} is already accepted at line {seen[finding]}",
                    finding,
                )
                continue
            seen[finding] = entry.line
            result.append(Acceptance(finding, why, Location(_display(self.root, path), entry.line)))
        return tuple(result)
