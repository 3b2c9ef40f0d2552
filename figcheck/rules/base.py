"""What a rule is: a code, a title, a default severity, its documentation, and how it finds
what it reports. There is one kind of rule per place its findings come from, each with the
call its `find` has:

- `LoadRule`: problems found while reading the ledger's files, of the kind it `reports`
  (FC101-FC103); the readers of figcheck/ledger/ find them.
- `FamilyRule`: `find(family, options)` for each family of related quantities.
- `DocumentRule`: `find(text, options)` for each document, with its text read and its
  records anchored in it (figcheck.text.anchoring.DocumentText).
- `LedgerRule`: `find(ledger, options)` once per run, over every figure of the ledger
  (what ties figures across families and documents, such as records of one statement).
- `AcceptanceRule`: `find(review, options)` once per run, over accepted.yaml and the
  findings of the run.

The engine stamps each hit with the rule's code, title and severity (as figcheck.yaml sets
it), whether it is a data error, and the rule's remedy.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, ClassVar, Literal

from figcheck.ledger.problems import ProblemKind
from figcheck.model import Acceptance, Figure, Finding, Location, Severity

if TYPE_CHECKING:
    from figcheck.family import Family
    from figcheck.ledger import Ledger
    from figcheck.text.anchoring import DocumentText

Options = Mapping[str, float]
Scope = Literal["ledger", "family", "document"]


@dataclass(frozen=True, slots=True)
class Hit:
    """What a rule reports; the engine adds the code, severity, id and locations."""

    message: str
    figures: tuple[Figure, ...]
    quantity: str | None
    # For findings about something other than figures (a number in a text, an acceptance):
    # where it is, and what identifies it in the finding id in place of figure ids.
    locations: tuple[Location, ...] = ()
    subject: tuple[str, ...] = ()
    # A notice rather than the problem the rule looks for (FC104: "this document has no text,
    # so its quotes were not checked"): reported at severity info, whatever the rule's.
    info: bool = False
    # A hit that sums up others (FC302's numbers beyond the first N of a text): how many it
    # stands for, and how to make them one by one, on demand.
    stands_for: int = 1
    more: Callable[[], Iterator[Hit]] | None = None


@dataclass(frozen=True, slots=True)
class Option:
    """A setting of a rule that figcheck.yaml may change under `rules: {CODE: {...}}`."""

    name: str
    default: int | float
    help: str
    minimum: float | None = None
    maximum: float | None = None
    integer: bool = False

    def validate(self, value: object) -> str | None:
        """None if `value` is acceptable, else what is wrong with it."""
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            return f"{self.name} must be a number"
        if value != value or value in (float("inf"), float("-inf")):  # .nan, .inf
            return f"{self.name} must be a finite number, not {value}"
        if self.integer and not isinstance(value, int):
            return f"{self.name} must be a whole number"
        if self.minimum is not None and value < self.minimum:
            return f"{self.name} must be at least {self.minimum:g}"
        if self.maximum is not None and value > self.maximum:
            return f"{self.name} must be at most {self.maximum:g}"
        return None


@dataclass(frozen=True)
class AcceptanceReview:
    """What the acceptance rule reads: accepted.yaml's entries, the ids of this run's
    findings, whether the consistency rules ran (only then is that list complete), which
    rule codes exist and are on, and this run's findings by id (with their figures, to set
    against the figures each entry records as reviewed; the ledger has the figures now)."""

    ledger: Ledger
    entries: tuple[Acceptance, ...]
    current: frozenset[str]
    rules_ran: bool
    rules_on: Mapping[str, bool]  # every rule's code -> whether figcheck.yaml leaves it on
    findings: Mapping[str, Finding] = field(default_factory=dict)


FamilyFind = Callable[["Family", Options], Iterator[Hit]]
LedgerFind = Callable[["Ledger", Options], Iterator[Hit]]
DocumentFind = Callable[["DocumentText", Options], Iterator[Hit]]
AcceptanceFind = Callable[[AcceptanceReview, Options], Iterator[Hit]]


@dataclass(frozen=True, kw_only=True)
class Rule:
    """What every rule has. Use one of the kinds below."""

    scope: ClassVar[Scope]
    # Whether figcheck.yaml may not change its severity (its findings decide exit code 2).
    fixed_severity: ClassVar[bool] = False

    code: str
    title: str
    severity: Severity
    doc: str
    options: tuple[Option, ...] = ()
    # Whether its findings at severity error mean the ledger cannot be trusted as written
    # (exit code 2, never accepted, only fixed).
    data_error: bool = False
    # What to do about a finding, where it is not "correct the record, or accept it"
    # ("{id}" stands for the finding's id).
    remedy: str | None = None
    # Why its findings cannot be accepted, where they cannot (said after the finding's id).
    not_acceptable: str | None = None
    # Rules whose findings on the same figures this one reports more specifically: while it
    # is on, theirs are dropped (FC206 supersedes FC201).
    supersedes: tuple[str, ...] = ()
    # Rules that report some of this one's pairs as something worse: while they are on,
    # this one's finding on the same figures is dropped (FC301 yields to FC201).
    yields_to: tuple[str, ...] = ()

    @property
    def summary(self) -> str:
        """The first paragraph of the documentation, on one line."""
        return " ".join(self.doc.strip().split("\n\n")[0].split())

    def defaults(self) -> dict[str, float]:
        return {option.name: option.default for option in self.options}


@dataclass(frozen=True, kw_only=True)
class LoadRule(Rule):
    """Reports the problems of one kind that the readers find; its severity cannot change."""

    scope: ClassVar[Scope] = "ledger"
    fixed_severity: ClassVar[bool] = True
    reports: ProblemKind
    data_error: bool = True


@dataclass(frozen=True, kw_only=True)
class FamilyRule(Rule):
    scope: ClassVar[Scope] = "family"
    find: FamilyFind


@dataclass(frozen=True, kw_only=True)
class DocumentRule(Rule):
    scope: ClassVar[Scope] = "document"
    find: DocumentFind


@dataclass(frozen=True, kw_only=True)
class LedgerRule(Rule):
    scope: ClassVar[Scope] = "ledger"
    find: LedgerFind


@dataclass(frozen=True, kw_only=True)
class AcceptanceRule(Rule):
    scope: ClassVar[Scope] = "ledger"
    find: AcceptanceFind
