"""What a rule is: a code, a title, a default severity, its documentation and its check."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Literal

from figcheck.ledger.problems import ProblemKind
from figcheck.model import Figure, Location, Severity


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
        if self.integer and not isinstance(value, int):
            return f"{self.name} must be a whole number"
        if self.minimum is not None and value < self.minimum:
            return f"{self.name} must be at least {self.minimum:g}"
        if self.maximum is not None and value > self.maximum:
            return f"{self.name} must be at most {self.maximum:g}"
        return None


Check = Callable[..., Iterator[Hit]]


@dataclass(frozen=True)
class Rule:
    """A rule. `scope` says who emits its findings and how `check` is called:

    - "ledger": the loader emits them while reading files; `check` is None.
    - "family": `check(family, options)` for each family of related quantities.
    - "document": `check(text, options)` for each document, with its text read and its
      records anchored in it (figcheck.text.anchoring.DocumentText).
    """

    code: str
    title: str
    severity: Severity
    doc: str
    scope: Literal["ledger", "family", "document"]
    check: Check | None = None
    options: tuple[Option, ...] = ()
    # A rule that reports, more specifically, some of another rule's findings: while it is on,
    # that rule's findings on the same figures are dropped (FC206 supersedes FC201).
    supersedes: str | None = None
    # For a rule of scope "ledger": the kind of problem of reading that it reports.
    reports: ProblemKind | None = None

    @property
    def summary(self) -> str:
        """The first paragraph of the documentation, on one line."""
        return " ".join(self.doc.strip().split("\n\n")[0].split())

    def defaults(self) -> dict[str, float]:
        return {option.name: option.default for option in self.options}
