"""Running the rules over a ledger, and what the run means: findings, acceptances, exit code."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from functools import cached_property

from figcheck import findings
from figcheck.family import Family, families
from figcheck.ledger import Ledger
from figcheck.ledger.config import Config
from figcheck.model import SEVERITIES, Acceptance, Finding, Severity
from figcheck.rules import RULES, Hit, Rule
from figcheck.text.anchoring import Coverage, DocumentCoverage, read_document

EXIT_OK, EXIT_FINDINGS, EXIT_DATA = 0, 1, 2


@dataclass(frozen=True)
class CheckResult:
    """The findings of one run over one ledger, and how the acceptances and a baseline bear
    on them. Nothing here is changed after the fact: a baseline makes a new result."""

    ledger: Ledger
    findings: tuple[Finding, ...]
    families: tuple[Family, ...]
    accepted: Mapping[str, str | None]  # finding id -> why, for current findings only
    rules_ran: bool
    # How many of the numbers in the documents' texts are recorded or ignored, counted from
    # the same reading of each text that the document rules had.
    coverage: Coverage
    new: frozenset[str] | None = None  # ids absent from the baseline; None without one

    def is_accepted(self, finding: Finding) -> bool:
        return finding.id in self.accepted

    def is_new(self, finding: Finding) -> bool:
        return self.new is None or finding.id in self.new

    def with_baseline(self, baseline_ids: Iterable[str]) -> CheckResult:
        old = set(baseline_ids)
        return replace(self, new=frozenset(f.id for f in self.findings if f.id not in old))

    def failing(self, fail_on: Severity = "error") -> list[Finding]:
        """Unaccepted findings at or above `fail_on` (and, with a baseline, new ones)."""
        worst = SEVERITIES.index(fail_on)
        return [
            f
            for f in self.findings
            if not self.is_accepted(f) and SEVERITIES.index(f.severity) <= worst and self.is_new(f)
        ]

    def exit_code(self, fail_on: Severity = "error") -> int:
        """2 for data errors (never accepted away: the ledger cannot be trusted as written),
        1 for failing findings, else 0."""
        if self.has_data_errors:
            return EXIT_DATA
        return EXIT_FINDINGS if self.failing(fail_on) else EXIT_OK

    @property
    def has_data_errors(self) -> bool:
        """Data errors among the findings: those of loading, and anchoring's FC104, FC105."""
        return any(f.is_data_error for f in self.findings)

    @cached_property
    def summary(self) -> dict[str, int]:
        """Unaccepted findings by severity, and accepted ones apart."""
        counts = {severity: 0 for severity in SEVERITIES}
        accepted = 0
        for f in self.findings:
            if self.is_accepted(f):
                accepted += 1
            else:
                counts[f.severity] += 1
        return {**counts, "accepted": accepted}

    @property
    def counts(self) -> dict[str, int]:
        return {
            "documents": len(self.ledger.documents),
            "figures": len(self.ledger.figures),
            "quantities": len(self.ledger.quantities),
        }


def check(ledger: Ledger, rules: Mapping[str, Rule] = RULES) -> CheckResult:
    """Apply every rule to the ledger. Data errors found while loading stop the consistency
    rules: a ledger that cannot be read as written cannot be checked."""
    config = ledger.config
    found: list[Finding] = list(ledger.problems)
    rules_ran = not ledger.has_data_errors
    groups = tuple(families(ledger.quantities, ledger.figures.values()))
    if rules_ran:
        active = [
            r for r in rules.values() if r.check is not None and config.severity(r.code) != "off"
        ]
        for family in groups:
            for rule in active:
                if rule.scope == "family":
                    found += _findings(rule, config, rule.check(family, config.options(rule.code)))
    else:
        active = []
    counted: list[tuple[str, DocumentCoverage | None]] = []
    for document in ledger.documents.values():
        # Each text is read and anchored once, for every document rule and the coverage;
        # only its counts are kept, so that a large ledger's texts are not all held at once.
        text = read_document(document, ledger)
        for rule in active:
            if rule.scope == "document":
                found += _findings(rule, config, rule.check(text, config.options(rule.code)))
        counted.append((document.id, text.coverage()))
    found = _without_superseded(found, active)
    found += _acceptance_findings(ledger, {f.id for f in found}, rules_ran)
    ids = {f.id for f in found}
    accepted = {entry.finding: entry.why for entry in ledger.acceptances if entry.finding in ids}
    return CheckResult(
        ledger, tuple(_unique(found)), groups, accepted, rules_ran, Coverage.of(counted)
    )


def _findings(rule: Rule, config: Config, hits: Iterable[Hit]) -> list[Finding]:
    severity = config.severity(rule.code)
    return [_finding(rule, "info" if hit.info else severity, hit) for hit in hits]  # type: ignore[arg-type]


def _without_superseded(found: list[Finding], active: Iterable[Rule]) -> list[Finding]:
    """Drop the findings that a more specific active rule reports instead (FC206's pairs,
    which FC201 also finds); with that rule off, the general one still reports them."""
    replacing = {r.code: r.supersedes for r in active if r.supersedes}
    if not replacing:
        return found
    claimed = {(replacing[f.rule], f.figures) for f in found if f.rule in replacing}
    return [f for f in found if (f.rule, f.figures) not in claimed]


def _unique(found: Iterable[Finding]) -> Iterator[Finding]:
    """Each finding once. Two different findings may share an id (10 hex digits of a hash,
    as the finding-id contract fixes), so identity is the id with the figures and message."""
    seen: set[tuple[str, tuple[str, ...], str]] = set()
    for f in found:
        key = (f.id, f.figures, f.message)
        if key not in seen:
            seen.add(key)
            yield f


def _finding(rule: Rule, severity: Severity, hit: Hit) -> Finding:
    return findings.make(
        rule.code,
        severity,
        rule.title,
        hit.message,
        quantity=hit.quantity,
        figures=(f.full_id for f in hit.figures),
        locations=(*hit.locations, *(f.location for f in hit.figures)),
        subject=hit.subject,
    )


def _acceptance_findings(ledger: Ledger, found: set[str], rules_ran: bool) -> list[Finding]:
    """FC109 for acceptances without a reason, and (when the rules ran, so that the list of
    current findings is complete) for acceptances of findings that no longer occur."""
    rule = RULES["FC109"]
    severity = ledger.config.severity(rule.code)
    if severity == "off":
        return []
    problems: list[tuple[str, str, Acceptance]] = []
    for entry in ledger.acceptances:
        if not entry.why:
            problems.append(
                (
                    "why",
                    f"the acceptance of {entry.finding} gives no `why`; say why the divergence is "
                    "real, so that the next reader does not have to find out again",
                    entry,
                )
            )
        code = entry.finding.split(":")[0]
        if code not in RULES:
            problems.append(("stale", f"{entry.finding} names no rule figcheck has", entry))
        elif ledger.config.severity(code) == "off":
            continue  # the rule is off: whether the finding still occurs is unknown
        elif rules_ran and entry.finding not in found:
            problems.append(
                (
                    "stale",
                    f"{entry.finding} is accepted but no longer occurs; remove the entry "
                    "(the figures it was about were corrected or removed)",
                    entry,
                )
            )
    return [
        findings.make(
            rule.code,
            severity,
            rule.title,
            message,  # type: ignore[arg-type]
            locations=(entry.location,),
            subject=(kind, entry.finding),
        )
        for kind, message, entry in problems
    ]
