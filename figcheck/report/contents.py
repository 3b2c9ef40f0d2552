"""What a report holds, whatever its format: built once from the engine's result.

- The families in the order a reader needs them: families with findings (errors and
  warnings; accepted ones after open ones) first, then by how many figures they hold; a
  family of one quantity and one figure is not a section of its own but a row of one compact
  table at the end ("single figures"); families without figures are named at the end.
- Per family, its statements in date order (a figure repeated in one document is one
  statement, figcheck/report/statements.py), its findings (open ones first, then by
  severity; accepted ones after), the consensus of each cluster of
  figures about the same time (consensus.py) and the notes that read them together
  (read_together.py).
- Per document, its statements, its findings and the coverage of its text; per speaker and
  per outlet, how its figures stand (speakers.py).
- The counts, the findings by severity and the coverage of the texts, all restricted to the
  family of `--quantity` when one is given.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from figcheck.engine import CheckResult
from figcheck.family import Family
from figcheck.model import SEVERITIES, Document, Finding, Quantity
from figcheck.report import consensus, read_together, speakers
from figcheck.report.consensus import Cluster
from figcheck.report.speakers import Standing
from figcheck.report.statements import Statement, of_family
from figcheck.text.anchoring import Coverage
from figcheck.wording import plural

NOTABLE = ("error", "warning")  # the severities that bring a family to the front


@dataclass(frozen=True)
class Section:
    """One family as the report shows it."""

    family: Family
    statements: tuple[Statement, ...]  # in date order
    findings: tuple[Finding, ...]
    clusters: tuple[Cluster, ...]
    notes: tuple[str, ...]

    @property
    def id(self) -> str:
        return self.family.id

    @property
    def quantities(self) -> tuple[Quantity, ...]:
        return self.family.quantities

    @property
    def is_single(self) -> bool:
        """One quantity with one figure: a row of the compact table, not a section."""
        return len(self.family.quantities) == 1 and len(self.statements) == 1


@dataclass(frozen=True)
class DocumentPart:
    document: Document
    statements: tuple[Statement, ...]
    findings: tuple[Finding, ...]
    coverage: Coverage


@dataclass(frozen=True)
class Report:
    result: CheckResult
    quantity: str | None  # the --quantity the report is restricted to
    sections: tuple[Section, ...]  # in reading order, the single figures excluded
    singles: tuple[Section, ...]
    empty: tuple[Section, ...]  # families with no figure at all
    documents: tuple[DocumentPart, ...]
    findings: tuple[Finding, ...]  # every finding in the report's scope
    coverage: Coverage

    @property
    def all_sections(self) -> tuple[Section, ...]:
        return (*self.sections, *self.singles, *self.empty)

    @cached_property
    def clusters(self) -> tuple[Cluster, ...]:
        return tuple(c for s in self.all_sections for c in s.clusters)

    @cached_property
    def speakers(self) -> list[Standing]:
        return speakers.speakers(self.clusters)

    @cached_property
    def outlets(self) -> list[Standing]:
        return speakers.outlets(self.clusters, self.result.ledger.documents)

    @property
    def data_errors(self) -> list[Finding]:
        return [f for f in self.result.findings if f.is_data_error]

    @cached_property
    def counts(self) -> dict[str, int]:
        return {
            "documents": len(self.documents),
            "figures": sum(len(f) for s in self.all_sections for f in s.family.figures.values()),
            "quantities": sum(len(s.quantities) for s in self.all_sections),
        }

    @cached_property
    def summary(self) -> dict[str, int]:
        """Unaccepted findings in scope by severity, and accepted ones apart."""
        counts: dict[str, int] = {severity: 0 for severity in SEVERITIES}
        counts["accepted"] = 0
        for f in self.findings:
            counts["accepted" if self.result.is_accepted(f) else f.severity] += 1
        return counts

    def summary_sentence(self) -> str:
        """'5 documents, 35 figures, 31 quantities: 0 errors, 0 warnings, 0 info, 29 accepted'."""
        c, s = self.counts, self.summary
        return (
            f"{plural(c['documents'], 'document')}, {plural(c['figures'], 'figure')}, "
            f"{plural(c['quantities'], 'quantity', 'quantities')}: "
            f"{plural(s['error'], 'error')}, {plural(s['warning'], 'warning')}, "
            f"{s['info']:,} info, {s['accepted']:,} accepted"
        )

    @property
    def exit_code(self) -> int:
        """A report is not a gate: 2 for data errors, else 0."""
        return 2 if self.result.has_data_errors else 0


def build(result: CheckResult, quantity_id: str | None = None) -> Report:
    """The report of a check result, or of the family of `quantity_id` only (which must be a
    quantity of the ledger)."""
    families: Sequence[Family] = result.families
    if quantity_id is not None:
        families = [f for f in families if any(q.id == quantity_id for q in f.quantities)]
    window = consensus.window_days(result.ledger.config)
    by_quantity: dict[str, list[Finding]] = {}
    for f in result.findings:
        if f.quantity is not None and not f.is_data_error:
            by_quantity.setdefault(f.quantity, []).append(f)
    built = [_section(result, family, by_quantity, window) for family in families]
    with_figures = [s for s in built if s.statements]
    singles = [s for s in with_figures if s.is_single]
    sections = sorted(
        (s for s in with_figures if not s.is_single),
        key=lambda s: (_urgency(result, s.findings), -len(s.statements)),
    )
    empty = [s for s in built if not s.statements]
    in_scope = {s.family.id for s in built}
    documents = _documents(result, built, restricted=quantity_id is not None)
    findings = [f for s in built for f in s.findings]
    if quantity_id is None:
        findings += [f for f in result.findings if f.quantity is None or f.is_data_error]
    elif in_scope:
        findings += [f for f in result.findings if f.is_data_error]
    coverage = Coverage(
        {d.document.id: c for d in documents for c in d.coverage.documents.values()},
        tuple(skipped for d in documents for skipped in d.coverage.skipped),
    )
    return Report(
        result,
        quantity_id,
        tuple(sections),
        tuple(singles),
        tuple(empty),
        tuple(documents),
        tuple(_unique(findings)),
        coverage,
    )


def _section(
    result: CheckResult, family: Family, by_quantity: dict[str, list[Finding]], window: int
) -> Section:
    findings = sorted(
        (f for q in family.quantities for f in by_quantity.get(q.id, ())),
        key=lambda f: (result.is_accepted(f), SEVERITIES.index(f.severity)),
    )
    statements = of_family(family)
    by_quantity_statements: dict[str, list[Statement]] = {}
    for s in statements:
        by_quantity_statements.setdefault(s.quantity.id, []).append(s)
    clusters = [
        cluster
        for q in family.quantities
        for cluster in consensus.of_statements(q, by_quantity_statements.get(q.id, []), window)
    ]
    return Section(
        family,
        tuple(statements),
        tuple(findings),
        tuple(clusters),
        tuple(read_together.notes(family, result.ledger.config)) if result.rules_ran else (),
    )


def _urgency(result: CheckResult, findings: Sequence[Finding]) -> int:
    """0: open errors or warnings; 1: accepted ones only; 2: none (info at most)."""
    notable = [f for f in findings if f.severity in NOTABLE]
    if any(not result.is_accepted(f) for f in notable):
        return 0
    return 1 if notable else 2


def _unique(findings: Sequence[Finding]) -> list[Finding]:
    return list({id(f): f for f in findings}.values())


def _documents(
    result: CheckResult, sections: Sequence[Section], restricted: bool
) -> list[DocumentPart]:
    """Each document (with --quantity, each that holds a figure of the family), its
    statements in the report's scope, and the findings that involve its figures or, without
    --quantity, a place in its source file or its text (an unrecorded number)."""
    ledger = result.ledger
    statements: dict[str, list[Statement]] = {}
    for section in sections:
        for s in section.statements:
            statements.setdefault(s.figure.document, []).append(s)
    findings: dict[str, list[Finding]] = {}
    for f in result.findings:
        for document_id in dict.fromkeys(full_id.split("/", 1)[0] for full_id in f.figures):
            findings.setdefault(document_id, []).append(f)
    if not restricted:
        for f, document_id in _about_files(result):
            if f not in findings.get(document_id, ()):
                findings.setdefault(document_id, []).append(f)
    parts = []
    for document in ledger.documents.values():
        if restricted and document.id not in statements:
            continue
        counted = result.coverage.documents.get(document.id)
        parts.append(
            DocumentPart(
                document,
                tuple(statements.get(document.id, ())),
                tuple(findings.get(document.id, ())),
                Coverage(
                    {document.id: counted} if counted is not None else {},
                    (document.id,) if document.id in result.coverage.skipped else (),
                ),
            )
        )
    return parts


def _about_files(result: CheckResult) -> list[tuple[Finding, str]]:
    """Findings about a place in a document's source file or text rather than its figures
    (an unrecorded number, a missing text), with the document they are about."""
    owner: dict[Path, str] = {}
    for document in result.ledger.documents.values():
        owner[document.source_file.resolve()] = document.id
        if document.text_path is not None:
            owner[document.text_path.resolve()] = document.id
    resolved: dict[str, Path] = {}
    found = []
    for f in result.findings:
        if f.figures or f.quantity is not None:
            continue
        for location in f.locations:
            if location.file not in resolved:
                resolved[location.file] = Path(location.file).resolve()
            document_id = owner.get(resolved[location.file])
            if document_id is not None:
                found.append((f, document_id))
                break
    return found
