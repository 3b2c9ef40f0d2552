"""The records of a source file and the outcome of a document as plain values and back.

A source file as read (`SourceRead`) becomes a tuple of strings, numbers and tuples, which
`marshal` writes and reads an order of magnitude faster than pickle writes objects; reading
it back builds equal objects: `decode_source(encode_source(read), ...) == read`. Dates are
kept as written and read again with the ledger's margin (`dates.parse_date`, cached), and
bounds as exact integers, so that nothing is rounded on the way.

A document's outcome is what the document rules found in it (by rule code, each finding
as the engine stamped it) and the coverage of its text. A finding that sums up others
(FC302's numbers beyond the first N) is kept with a mark: the engine makes its `more`
again, by reading the document again, when it is asked for.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path
from typing import Any

from figcheck import dates
from figcheck.ledger.problems import Problem
from figcheck.ledger.sources import SourceRead
from figcheck.model import Bound, Document, Figure, Finding, Ignored, Interval, Location
from figcheck.text.anchoring import DocumentCoverage

Encoded = tuple[Any, ...]


def _bound(value: Bound) -> int | tuple[int, int] | float:
    if isinstance(value, Fraction):
        return value.numerator if value.denominator == 1 else (value.numerator, value.denominator)
    return value  # an infinity


def _coprime_maker() -> Callable[[int, int], Fraction]:
    """A rational from a numerator and denominator already in lowest terms (as a Fraction
    keeps them), without their greatest common divisor computed again: what
    `Fraction(n, d)` makes, a third of the time. Python 3.12 names it `_from_coprime_ints`,
    3.10 and 3.11 take `_normalize=False`; elsewhere, Fraction(n, d)."""
    fraction: Any = Fraction  # the private ways are not in the type stubs
    made = getattr(fraction, "_from_coprime_ints", None)
    if made is not None and made(2, 3) == Fraction(2, 3):
        return made  # type: ignore[no-any-return]
    try:
        if fraction(2, 3, _normalize=False) == Fraction(2, 3):
            return lambda n, d: fraction(n, d, _normalize=False)
    except TypeError:
        pass
    return Fraction


_coprime = _coprime_maker()


def _unbound(value: int | tuple[int, int] | float, made: dict[object, Bound]) -> Bound:
    """The bound encoded as `value`; equal bounds share one object (`made`)."""
    found = made.get(value)
    if found is not None:
        return found
    bound: Bound
    if type(value) is int:
        bound = Fraction(value)
    elif type(value) is tuple:
        bound = _coprime(*value)
    else:
        bound = value  # type: ignore[assignment]  # an infinity, as written
    made[value] = bound
    return bound


def encode_problem(problem: Problem) -> Encoded:
    where = problem.location
    return (problem.kind, where.file, where.line, problem.message, problem.subject)


def decode_problem(encoded: Encoded) -> Problem:
    kind, file, line, message, subject = encoded
    return Problem(kind, Location(file, line), message, tuple(subject))


def encode_source(read: SourceRead) -> Encoded:
    problems = tuple(encode_problem(p) for p in read.problems)
    document = read.document
    if document is None:
        return (None, (), problems, read.head)
    published = document.published.text if document.published is not None else None
    head = (
        document.id,
        document.title,
        document.location.file,
        document.location.line,
        str(document.source_file),
        document.outlet,
        published,
        document.url,
        None if document.text_path is None else str(document.text_path),
        document.figures,
        tuple((i.text, i.why, i.location.line) for i in document.ignored),
    )
    figures = tuple(
        (
            f.id,
            f.quantity,
            f.value,
            f.approx,
            f.as_of.text,
            f.said_by,
            f.quote,
            _bound(f.interval.low),
            _bound(f.interval.high),
            f.interval.low_open,
            f.interval.high_open,
            _bound(f.stated),
            f.location.line,
            f.note,
            f.statement,
        )
        for f in read.figures.values()
    )
    return (head, figures, problems, read.head)


def decode_source(encoded: Encoded, margin_days: int) -> SourceRead:
    """The SourceRead that `encode_source` was given; dates are read with `margin_days`,
    the ledger's `dates.qualified_margin_days` (part of what names the entry)."""
    head, encoded_figures, encoded_problems, head_count = encoded
    problems = tuple(decode_problem(p) for p in encoded_problems)
    if head is None:
        return SourceRead(None, {}, problems, head_count)
    (doc_id, title, file, line, source_file, outlet, published, url, text_path, ids, ignored) = head
    parse = dates.parse_date
    made: dict[object, Bound] = {}
    figures: dict[str, Figure] = {}
    for (
        figure_id,
        quantity,
        value,
        approx,
        as_of,
        said_by,
        quote,
        low,
        high,
        low_open,
        high_open,
        stated,
        figure_line,
        note,
        statement,
    ) in encoded_figures:
        full_id = f"{doc_id}/{figure_id}"
        figures[full_id] = Figure(
            full_id,
            figure_id,
            doc_id,
            quantity,
            value,
            approx,
            parse(as_of, margin_days),
            said_by,
            quote,
            Interval(_unbound(low, made), _unbound(high, made), low_open, high_open),
            _unbound(stated, made),  # type: ignore[arg-type]  # stated is always a rational
            Location(file, figure_line),
            note,
            statement,
        )
    document = Document(
        id=doc_id,
        title=title,
        location=Location(file, line),
        source_file=Path(source_file),
        outlet=outlet,
        published=None if published is None else parse(published, margin_days),
        url=url,
        text_path=None if text_path is None else Path(text_path),
        figures=tuple(ids),
        ignored=tuple(Ignored(text, why, Location(file, at)) for text, why, at in ignored),
    )
    return SourceRead(document, figures, problems, head_count)


@dataclass(frozen=True)
class Outcome:
    """What the document rules found in one document (per rule code, in the order each
    found them) and the coverage of its text (None without a readable text)."""

    findings: Mapping[str, tuple[Finding, ...]]
    coverage: DocumentCoverage | None


def encode_finding(finding: Finding) -> Encoded:
    return (
        finding.id,
        finding.rule,
        finding.severity,
        finding.title,
        finding.message,
        finding.quantity,
        finding.figures,
        tuple((loc.file, loc.line) for loc in finding.locations),
        finding.data_error,
        finding.remedy,
        finding.stands_for,
        finding.more is not None,
    )


def decode_finding(encoded: Encoded) -> tuple[Finding, bool]:
    (id_, rule, severity, title, message, quantity, figures, locations) = encoded[:8]
    data_error, remedy, stands_for, has_more = encoded[8:]
    finding = Finding(
        id=id_,
        rule=rule,
        severity=severity,
        title=title,
        message=message,
        quantity=quantity,
        figures=tuple(figures),
        locations=tuple(Location(file, line) for file, line in locations),
        data_error=data_error,
        remedy=remedy,
        stands_for=stands_for,
    )
    return finding, has_more


def encode_outcome(outcome: Outcome) -> Encoded:
    coverage = outcome.coverage
    return (
        tuple(
            (code, tuple(encode_finding(f) for f in found))
            for code, found in outcome.findings.items()
        ),
        None
        if coverage is None
        else (coverage.document, coverage.found, coverage.recorded, coverage.ignored),
    )


def decode_outcome(encoded: Encoded) -> tuple[Outcome, frozenset[str]]:
    """The outcome, and the ids of its findings that summed others up (whose `more` the
    engine makes again)."""
    by_rule, coverage = encoded
    findings: dict[str, tuple[Finding, ...]] = {}
    summing: set[str] = set()
    for code, encoded_findings in by_rule:
        decoded = []
        for item in encoded_findings:
            finding, has_more = decode_finding(item)
            decoded.append(finding)
            if has_more:
                summing.add(finding.id)
        findings[code] = tuple(decoded)
    counted = None if coverage is None else DocumentCoverage(*coverage)
    return Outcome(findings, counted), frozenset(summing)
