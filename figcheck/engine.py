"""Running the rules over a ledger, and what the run means: findings, acceptances, exit code."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cached_property
from typing import TYPE_CHECKING, cast

from figcheck import findings, reviewed
from figcheck.family import Family, families
from figcheck.ledger import Ledger
from figcheck.ledger.config import Config
from figcheck.model import SEVERITIES, Document, Finding, Severity
from figcheck.rules import RULES, Hit, Rule
from figcheck.rules.base import (
    AcceptanceReview,
    AcceptanceRule,
    DocumentRule,
    FamilyRule,
    LedgerRule,
)
from figcheck.text.anchoring import Coverage, DocumentCoverage, read_document

if TYPE_CHECKING:
    from figcheck.caching.codec import Outcome

EXIT_OK, EXIT_FINDINGS, EXIT_DATA = 0, 1, 2


@dataclass(frozen=True)
class CheckResult:
    """The findings of one run over one ledger, and how the acceptances and a baseline bear
    on them. Nothing here is changed after the fact: a baseline makes a new result."""

    ledger: Ledger
    findings: tuple[Finding, ...]
    families: Sequence[Family]
    # finding id -> why, for current findings whose acceptance holds: one whose figures
    # changed since they were reviewed does not count (figcheck/reviewed.py)
    accepted: Mapping[str, str | None]
    rules_ran: bool
    # How many of the numbers in the documents' texts are recorded or ignored, counted from
    # the same reading of each text that the document rules had.
    coverage: Coverage
    new: frozenset[str] | None = None  # ids absent from the baseline; None without one
    # Figures that their documents do not bear out (data errors of the document rules),
    # left out of the consistency rules.
    left_out: frozenset[str] = frozenset()

    def is_accepted(self, finding: Finding) -> bool:
        return finding.id in self.accepted

    def is_new(self, finding: Finding) -> bool:
        return self.new is None or finding.id in self.new

    def with_baseline(
        self, baseline_ids: Iterable[str], accepted_there: Iterable[str] = ()
    ) -> CheckResult:
        """This result with each finding marked new or existing: new when the baseline did
        not have its id, or when it was accepted there and is not accepted now (its entry was
        removed, or its figures changed since they were reviewed). A finding that sums up
        others (and the baseline lists the ids of those too) is new when any of them is."""
        old, withdrawn = set(baseline_ids), set(accepted_there) - set(self.accepted)
        new = {f.id for f in self.findings if f.id not in old or f.id in withdrawn}
        for f in self.findings:
            if f.more is not None:
                fresh = {g.id for g in f.more() if g.id not in old}
                if fresh:
                    new |= {f.id, *fresh}
        return replace(self, new=frozenset(new))

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
        counts: dict[str, int] = {severity: 0 for severity in SEVERITIES}
        accepted = 0
        for f in self.findings:
            if self.is_accepted(f):
                accepted += f.stands_for
            else:
                counts[f.severity] += f.stands_for
        return {**counts, "accepted": accepted}

    def each_finding(self) -> Iterator[Finding]:
        """Every finding one by one: in place of one that sums up others, those others, read
        again as they are listed (JSON lists them all; `accept` finds one among them)."""
        for f in self.findings:
            if f.more is None:
                yield f
            else:
                yield from f.more()

    @property
    def counts(self) -> dict[str, int]:
        return {
            "documents": len(self.ledger.documents),
            "figures": len(self.ledger.figures),
            "quantities": len(self.ledger.quantities),
        }


def run_rules(ledger: Ledger, rules: Mapping[str, Rule] = RULES) -> CheckResult:
    """Apply every rule to the ledger. Data errors found while loading stop the consistency
    rules: a ledger that cannot be read as written cannot be checked. A figure that its
    document does not bear out (a data error of a document rule: its quote is not in the
    text, its value not in the quote) is left out of the consistency rules, which run on
    the others: one mistyped quote hides no other contradiction, and invents none."""
    config = ledger.config
    found: list[Finding] = list(ledger.problems)
    rules_ran = not ledger.has_data_errors
    on = [r for r in rules.values() if config.severity(r.code) != "off"]
    document_rules = [r for r in on if isinstance(r, DocumentRule)] if rules_ran else []
    counted: list[tuple[str, DocumentCoverage | None]] = []
    outcomes = _read_documents(ledger, document_rules)
    for document in ledger.documents.values():
        document_found, coverage = outcomes[document.id]
        found += document_found
        counted.append((document.id, coverage))
    if ledger.cache is not None and not ledger.cache.overridden:
        ledger.cache.read_all = True
    left_out = frozenset(fid for f in found if f.is_data_error for fid in f.figures)
    groups = tuple(families(ledger.quantities, ledger.figures.values()))
    if rules_ran:
        checked = groups
        if left_out:
            kept = (f for fid, f in ledger.figures.items() if fid not in left_out)
            checked = tuple(families(ledger.quantities, kept))
        family_rules = [r for r in on if isinstance(r, FamilyRule)]
        for family in checked:
            for family_rule in family_rules:
                options = config.options(family_rule.code)
                found += _findings(family_rule, config, family_rule.find(family, options))
        for ledger_rule in (r for r in on if isinstance(r, LedgerRule)):
            options = config.options(ledger_rule.code)
            found += _findings(ledger_rule, config, ledger_rule.find(ledger, options))
    found = _without_superseded(found, on)
    review = AcceptanceReview(
        ledger,
        ledger.acceptances,
        frozenset(f.id for f in found),
        rules_ran and not left_out,  # with figures left out, some findings are not known
        {code: config.severity(code) != "off" for code in rules},
        _by_id(found),
    )
    for rule in on:
        if isinstance(rule, AcceptanceRule):
            found += _findings(rule, config, rule.find(review, config.options(rule.code)))
    # An acceptance counts only while the figures it was reviewed for say what they said,
    # and an entry for a finding that cannot be accepted (FC109 reports it) accepts nothing.
    by_id = _by_id(f for f in found if RULES[f.rule].not_acceptable is None)
    accepted = {
        entry.finding: entry.why
        for entry in ledger.acceptances
        if entry.finding in by_id and reviewed.holds(entry, by_id[entry.finding], ledger.figures)
    }
    return CheckResult(
        ledger,
        tuple(_unique(found)),
        groups,
        accepted,
        rules_ran,
        Coverage.of(counted),
        left_out=left_out,
    )


# From how many documents without an outcome in the cache the document rules are spread
# over the cores: below, a fork and the encoding of each outcome cost more than they save.
SPREAD_FROM_DOCUMENTS = 40

Read = tuple[list[Finding], DocumentCoverage | None]


def _read_documents(ledger: Ledger, document_rules: list[DocumentRule]) -> dict[str, Read]:
    """Each document's findings of the document rules and its text's coverage, by document
    id: from the ledger's cache where it holds them, else by reading and anchoring the
    text, spread over the cores when there are many (figcheck/spreading.py)."""
    from figcheck.spreading import spread

    session = ledger.cache
    accepted = frozenset(a.finding for a in ledger.acceptances)
    outcomes: dict[str, Read] = {}
    pending: list[tuple[Document, str | None]] = []  # (document, its entry in the cache)
    for document in ledger.documents.values():
        entry = None
        if session is not None:
            from figcheck.caching import documents

            entry = documents.name(session, document, accepted)
            kept = (
                None if entry is None else documents.load(session, entry, document, _remake(ledger))
            )
            if kept is not None and all(
                r.code in kept.findings and RULES.get(r.code) is r for r in document_rules
            ):
                by_rule = kept.findings
                outcomes[document.id] = (
                    [f for r in document_rules for f in by_rule[r.code]],
                    kept.coverage,
                )
                continue
        pending.append((document, entry))
    if not pending:
        return outcomes
    from figcheck.caching import codec, documents

    remake = _remake(ledger)
    spread_out = spread(
        [d for d, _ in pending],
        lambda document: _outcome(document, ledger, document_rules),
        SPREAD_FROM_DOCUMENTS,
        send=codec.encode_outcome,
        receive=lambda document, sent: documents.decoded(sent, document, remake),
    )
    keep = session is not None and _all_document_rules(document_rules, ledger.config)
    for index, (document, entry) in enumerate(pending):
        if spread_out is None:
            outcome = _outcome(document, ledger, document_rules)
        else:
            outcome = spread_out[index]
        if session is not None and entry is not None and keep:
            documents.store(session, entry, codec.encode_outcome(outcome))
        by_rule = outcome.findings
        outcomes[document.id] = (
            [f for r in document_rules for f in by_rule[r.code]],
            outcome.coverage,
        )
    return outcomes


def _outcome(document: Document, ledger: Ledger, document_rules: list[DocumentRule]) -> Outcome:
    """The document rules' findings in one document, and its text's coverage."""
    from figcheck.caching.codec import Outcome

    config = ledger.config
    # Each text is read and anchored once, for every document rule and the coverage; only
    # its counts are kept, so that a large ledger's texts are not all held at once.
    text = read_document(document, ledger)
    by_rule = {
        r.code: tuple(_findings(r, config, r.find(text, config.options(r.code))))
        for r in document_rules
    }
    return Outcome(by_rule, text.coverage())


def _all_document_rules(document_rules: list[DocumentRule], config: Config) -> bool:
    """Whether these are every registered document rule that is on (an outcome kept in
    the cache must hold what any check asks of it)."""
    on = {
        code
        for code, r in RULES.items()
        if isinstance(r, DocumentRule) and config.severity(code) != "off"
    }
    return (
        bool(document_rules)
        and {r.code for r in document_rules} == on
        and all(RULES[r.code] is r for r in document_rules)
    )


def _remake(ledger: Ledger) -> Callable[[Document, Finding], Iterator[Finding]]:
    """What a summing-up finding kept in the cache stands for, made again: the document
    read again, and the same finding's `more`."""

    def remake(document: Document, finding: Finding) -> Iterator[Finding]:
        rule = RULES[finding.rule]
        assert isinstance(rule, DocumentRule)
        text = read_document(document, ledger)
        for hit in rule.find(text, ledger.config.options(rule.code)):
            if hit.more is not None:
                stamped = stamp(rule, finding.severity, hit)
                if stamped.id == finding.id and stamped.more is not None:
                    yield from stamped.more()
                    return

    return remake


def _by_id(found: Iterable[Finding]) -> dict[str, Finding]:
    """Each finding by its id (the first, when two share one)."""
    by_id: dict[str, Finding] = {}
    for f in found:
        by_id.setdefault(f.id, f)
    return by_id


def _findings(rule: Rule, config: Config, hits: Iterable[Hit]) -> list[Finding]:
    severity = cast(Severity, config.severity(rule.code))  # not "off": the rule ran
    return [stamp(rule, "info" if hit.info else severity, hit) for hit in hits]


def _without_superseded(found: list[Finding], on: Iterable[Rule]) -> list[Finding]:
    """Drop the findings that another rule that is on reports as something more specific
    (FC206's figures, whose pairs FC201 also finds) or worse (FC301's pairs that FC201
    finds): a finding goes when one of the other rule's findings holds all its figures.
    With that rule off, these are reported again."""
    codes = {r.code for r in on}
    beaten: dict[str, set[str]] = {}  # a rule -> the rules whose findings replace its own
    for rule in on:
        for loser in rule.supersedes:
            beaten.setdefault(loser, set()).add(rule.code)
        for winner in rule.yields_to:
            if winner in codes:
                beaten.setdefault(rule.code, set()).add(winner)
    if not beaten:
        return found
    winners = set().union(*beaten.values())
    # A winner's finding claims every finding of its losers whose figures it holds all of:
    # FC206's one finding for a speaker's figures replaces FC201's pairs among them.
    claimed: dict[tuple[str, str], list[frozenset[str]]] = {}
    for f in found:
        if f.rule in winners:
            held = frozenset(f.figures)
            for fid in held:
                claimed.setdefault((f.rule, fid), []).append(held)

    def is_claimed(f: Finding) -> bool:
        if not f.figures:
            return False
        mine = frozenset(f.figures)
        return any(
            mine <= held
            for w in beaten.get(f.rule, ())
            for held in claimed.get((w, f.figures[0]), ())
        )

    return [f for f in found if not is_claimed(f)]


def _unique(found: Iterable[Finding]) -> Iterator[Finding]:
    """Each finding once. Two different findings may share an id (10 hex digits of a hash,
    as the finding-id contract fixes), so identity is the id with the figures and message."""
    seen: set[tuple[str, tuple[str, ...], str]] = set()
    for f in found:
        key = (f.id, f.figures, f.message)
        if key not in seen:
            seen.add(key)
            yield f


def stamp(rule: Rule, severity: Severity, hit: Hit) -> Finding:
    """The finding of a hit: the rule's code, title, and what it says of its findings."""
    more = hit.more
    return findings.make(
        rule.code,
        severity,
        rule.title,
        hit.message,
        quantity=hit.quantity,
        figures=(f.full_id for f in hit.figures),
        locations=(*hit.locations, *(f.location for f in hit.figures)),
        subject=hit.subject,
        data_error=rule.data_error and severity == "error",
        remedy=rule.remedy,
        stands_for=hit.stands_for,
        more=None if more is None else lambda: (stamp(rule, severity, h) for h in more()),
    )
