"""Running the rules over a ledger, and what the run means: findings, acceptances, exit code."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from functools import cached_property

from figcheck import findings
from figcheck.config import Config
from figcheck.family import Family, families
from figcheck.ledger import Ledger
from figcheck.model import SEVERITIES, Finding, Severity
from figcheck.rules import RULES, Hit, Rule

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
    """Apply every rule to the ledger. Data errors (FC1xx) found while loading stop the
    consistency rules: a ledger that cannot be read as written cannot be checked."""
    config = ledger.config
    found: dict[str, Finding] = {f.id: f for f in ledger.problems}
    rules_ran = not ledger.has_data_errors
    groups = tuple(families(ledger.quantities, ledger.figures.values()))
    if rules_ran:
        active = [
            r for r in rules.values() if r.check is not None and config.severity(r.code) != "off"
        ]
        for family in groups:
            for rule in active:
                if rule.scope == "family":
                    _collect(found, rule, config, rule.check(family, config.options(rule.code)))
        for document in ledger.documents.values():
            for rule in active:
                if rule.scope == "document":
                    hits = rule.check(document, ledger, config.options(rule.code))
                    _collect(found, rule, config, hits)
    accepted = {}
    for acceptance in _acceptance_findings(ledger, found, rules_ran):
        found.setdefault(acceptance.id, acceptance)
    for entry in ledger.acceptances:
        if entry.finding in found:
            accepted[entry.finding] = entry.why
    return CheckResult(ledger, tuple(found.values()), groups, accepted, rules_ran)


def _collect(found: dict[str, Finding], rule: Rule, config: Config, hits: Iterable[Hit]) -> None:
    severity = config.severity(rule.code)
    for hit in hits:
        finding = _finding(rule, "info" if hit.info else severity, hit)  # type: ignore[arg-type]
        found.setdefault(finding.id, finding)


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


def _acceptance_findings(
    ledger: Ledger, found: Mapping[str, Finding], rules_ran: bool
) -> Iterable[Finding]:
    """FC109 for acceptances without a reason, and (when the rules ran, so that the list of
    current findings is complete) for acceptances of findings that no longer occur."""
    rule = RULES["FC109"]
    severity = ledger.config.severity(rule.code)
    if severity == "off":
        return
    for entry in ledger.acceptances:
        if not entry.why:
            yield findings.make(
                rule.code,
                severity,
                rule.title,  # type: ignore[arg-type]
                f"the acceptance of {entry.finding} gives no `why`; say why the divergence is "
                "real, so that the next reader does not have to find out again",
                locations=(entry.location,),
                subject=("why", entry.finding),
            )
        if rules_ran and entry.finding not in found:
            yield findings.make(
                rule.code,
                severity,
                rule.title,  # type: ignore[arg-type]
                f"{entry.finding} is accepted but no longer occurs; remove the entry "
                "(the figures it was about were corrected or removed)",
                locations=(entry.location,),
                subject=("stale", entry.finding),
            )
