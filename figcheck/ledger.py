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
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

from figcheck import config as config_file
from figcheck import dates, findings, values
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
from figcheck.wording import did_you_mean, type_name
from figcheck.yamlio import LineMap, YamlError
from figcheck.yamlio import load as load_yaml
from figcheck.yamlio import loads as loads_yaml

QUANTITY_ID = re.compile(r"[a-z0-9][a-z0-9-]*")
RECORD_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")
FINDING_ID = re.compile(r"FC\d{3}:[0-9a-f]{10}")

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
    if not root.is_dir():
        what = "is not a directory" if root.exists() else "does not exist"
        raise LedgerNotFound(f"ledger directory {os.fspath(path)} {what}")
    return root


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
        self.overrides = {_override_key(p): content for p, content in (overrides or {}).items()}

    def override(self, path: Path) -> str | bytes | None:
        return self.overrides.get(_override_key(path)) if self.overrides else None

    def exists(self, path: Path) -> bool:
        return self.override(path) is not None or path.exists()

    # -- reporting ---------------------------------------------------------------------------

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
                f"key {dup.key!r} appears twice in one mapping (first at line {dup.first_line});"
                " YAML would silently keep only one of them",
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
            return {}
        data = self.yaml(path)
        if data is UNREADABLE:
            return {}
        if not isinstance(data, LineMap) or not isinstance(data.get("quantities"), LineMap):
            line = data.line_of("quantities") if isinstance(data, LineMap) else 1
            self.problem(
                "FC101",
                path,
                line,
                "quantities.yaml must hold a mapping under `quantities:`, keyed by quantity id",
            )
            return {}
        for key in data:
            if key != "quantities":
                self.problem(
                    "FC101",
                    path,
                    data.line_of(key),
                    f"unknown top-level key {key!r}; quantities.yaml holds only `quantities:`",
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
                f"quantity id {qid!r} must be lowercase letters, "
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
        fields = _Fields(self, path, entry, f"quantity {qid}", line)
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
                    if other is None:
                        self.problem(
                            "FC102",
                            path,
                            q.location.line,
                            f"quantity {q.id}: {relation} names {name!r}, which is not in "
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
        for cycle in _cycles(quantities):
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
                "a source file must be a mapping with `document:` and "
                f"`figures:`, not {type_name(data)}",
            )
            return
        for key in data:
            if key not in ("document", "figures", "ignore"):
                self.problem(
                    "FC101",
                    path,
                    data.line_of(key),
                    f"unknown top-level key {key!r}"
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
                f"document id {document.id!r} is already used by {first}",
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
                    f"figure id {figure.id!r} is already used at line "
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
        fields = _Fields(self, path, entry, "document")
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

    def text_path(self, path: Path, fields: _Fields) -> Path | None:
        text = fields.text("text")
        if text is None:
            return None
        resolved = (path.parent / text).resolve()
        if not resolved.is_relative_to(self.root.resolve()):
            fields.error(
                "text",
                f"text {text!r} points outside the ledger; keep documents under "
                f"{_display(self.root, self.root / 'documents')}",
            )
            return None
        if not resolved.is_file():
            fields.error("text", f"text file {text!r} not found (paths are relative to this file)")
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
        fields = _Fields(self, path, entry, label)
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
        if quantity_id in self.dropped_quantities:
            fields.failed = True
        elif quantity_id is not None and quantity is None:
            self.problem(
                "FC102",
                path,
                entry.line_of("quantity"),
                f"{full_id}: quantity {quantity_id!r} is not in quantities.yaml"
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
            fields = _Fields(self, path, entry, "ignore entry")
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
                    f"unknown top-level key {key!r}; accepted.yaml holds only `accepted:`",
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
            fields = _Fields(self, path, entry, "acceptance")
            fields.unknown(("finding", "why"))
            finding = fields.text("finding", required=True)
            why = fields.text("why")
            if finding is not None and not FINDING_ID.fullmatch(finding):
                fields.error("finding", f"{finding!r} is not a finding id like FC201:3f9a1c0b2d")
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


class _Fields:
    """Typed access to the fields of one YAML mapping; each problem is reported at its line."""

    def __init__(
        self, reader: _Reader, path: Path, data: LineMap, what: str, line: int | None = None
    ) -> None:
        self.reader, self.path, self.data, self.what = reader, path, data, what
        self.line = data.line if line is None else line  # where a missing field is reported
        self.failed = False

    def error(self, key: str, message: str, code: str = "FC101") -> None:
        self.reader.problem(code, self.path, self.data.line_of(key), f"{self.what}: {message}")
        self.failed = True

    def unknown(self, known: Iterable[str]) -> None:
        known = tuple(known)
        for key in self.data:
            if key not in known:
                self.error(key, f"unknown field {key!r}{did_you_mean(key, known)}")

    def missing(self, key: str) -> None:
        self.reader.problem("FC101", self.path, self.line, f"{self.what}: `{key}` is missing")
        self.failed = True

    def text(self, key: str, required: bool = False) -> str | None:
        value = self.data.get(key)
        if type(value) is str and value and not value.isspace():
            return value  # the common case, first: loading 100,000 figures asks this 600,000 times
        if value is None:
            if required:
                self.missing(key)
            return None
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            self.error(key, f"`{key}` must be text, not {type_name(value)}")
            return None
        text = str(value)
        if not text.strip():
            self.error(key, f"`{key}` is empty")
            return None
        return text

    def record_id(self, key: str) -> str | None:
        text = self.text(key, required=True)
        if text is not None and not RECORD_ID.fullmatch(text):
            self.error(key, f"id {text!r} may hold only letters, digits, '.', '_' and '-'")
            return None
        return text

    def choice(self, key: str, choices: tuple[str, ...], required: bool = False) -> str | None:
        text = self.text(key, required)
        if text is not None and text not in choices:
            self.error(
                key,
                f"{key} {text!r} is not one of {' | '.join(choices)}{did_you_mean(text, choices)}",
            )
            return None
        return text

    def flag(self, key: str) -> bool | None:
        value = self.data.get(key)
        if value is not None and not isinstance(value, bool):
            self.error(key, f"`{key}` must be true or false")
            return None
        return value

    def id_list(self, key: str) -> tuple[str, ...]:
        value = self.data.get(key)
        if value is None:
            return ()
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.error(key, f"`{key}` must be a list of quantity ids, like [{key}-a, {key}-b]")
            return ()
        return tuple(value)

    def date(self, key: str, margin: int, required: bool = False):  # type: ignore[no-untyped-def]
        if key not in self.data or self.data[key] is None:
            if required:
                self.missing(key)
            return None
        try:
            return dates.parse_date(self.data[key], margin)
        except dates.DateError as error:
            self.error(key, f"`{key}`: {error}")
            return None

    def value(self, approx: str) -> int | float | tuple[int | float, int | float] | None:
        if "value" not in self.data or self.data["value"] is None:
            self.missing("value")
            return None
        value = self.data["value"]
        if approx == "range":
            if not (isinstance(value, list) and len(value) == 2 and all(map(_is_number, value))):
                self.error("value", "`approx: range` needs `value: [low, high]`, two numbers")
                return None
            low, high = value
            if low > high:
                self.error(
                    "value", f"range [{low}, {high}] has its low end last; write [{high}, {low}]"
                )
                return None
            return (low, high)
        if isinstance(value, list):
            self.error("value", "a [low, high] value needs `approx: range`")
            return None
        if isinstance(value, str) and _looks_numeric(value):
            self.error(
                "value",
                f"value {value!r} is text; write it as a plain number, "
                f"{_plain_number(value)}, without quotes or thousands separators",
            )
            return None
        if not _is_number(value):
            self.error("value", f"value must be a number, not {type_name(value)}")
            return None
        if approx == "under" and value <= 0:
            self.error("value", "`under` needs a value above 0")
            return None
        return value

    def check_against_kind(self, quantity: Quantity, value, as_of) -> None:  # type: ignore[no-untyped-def]
        numbers = value if isinstance(value, tuple) else (value,)
        if quantity.kind != "change" and any(n < 0 for n in numbers):
            self.error(
                "value",
                f"{quantity.id} is a {quantity.kind}, which cannot be negative; "
                "a decrease belongs on a change quantity",
            )
        if (
            quantity.kind == "change"
            and as_of is not None
            and not (as_of.is_interval and all(p.precision != "open" for p in as_of.points))
        ):
            self.error(
                "as_of",
                f"{quantity.id} is a change: as_of must be the two periods it "
                "compares, like 2013/2014",
            )


def _is_number(value: object) -> bool:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return False
    return value == value and value not in (float("inf"), float("-inf"))


_NUMERIC_TEXT = re.compile(r"[-+]?[\d][\d,  .]*")


def _looks_numeric(text: str) -> bool:
    return bool(_NUMERIC_TEXT.fullmatch(text.strip()))


def _plain_number(text: str) -> str:
    return re.sub(r"[,  ]", "", text.strip())


def _cycles(quantities: Mapping[str, Quantity]) -> list[list[str]]:
    """Cycles in the graph of relations (subset -> superset, part -> whole, change -> level)."""
    edges: dict[str, list[str]] = {qid: [] for qid in quantities}
    for q in quantities.values():
        edges[q.id] += [s for s in q.subset_of if s in quantities]
        if q.of in quantities:
            edges[q.id].append(q.of)  # type: ignore[arg-type]
        for part in q.parts:
            if part in quantities:
                edges[part].append(q.id)
    state: dict[str, int] = {}  # 1 = on the current path, 2 = done
    cycles: list[list[str]] = []
    for start in edges:
        if state.get(start):
            continue
        stack: list[tuple[str, int]] = [(start, 0)]
        path: list[str] = []
        while stack:
            node, i = stack.pop()
            if i == 0:
                state[node] = 1
                path.append(node)
            if i < len(edges[node]):
                stack.append((node, i + 1))
                nxt = edges[node][i]
                if state.get(nxt) == 1:
                    cycles.append(path[path.index(nxt) :])
                elif not state.get(nxt):
                    stack.append((nxt, 0))
            else:
                state[node] = 2
                path.pop()
    return cycles
