"""What a reader says about a file it cannot take as written: the kind of problem, where, and
what to write instead.

Readers know only the kind of a problem. Which rule reports each kind (its code, title and
severity) is said by the rules themselves (figcheck/rules/, `LoadRule.reports`) and stamped
onto the problem when it becomes a finding, so that reading a ledger imports no rule.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, Protocol

from figcheck.model import Location

# A field missing, mistyped or not a known value; a name that nothing defines (or a cycle of
# relations); the same id or key twice.
ProblemKind = Literal["invalid", "unknown-reference", "duplicate"]
PROBLEM_KINDS: tuple[ProblemKind, ...] = ("invalid", "unknown-reference", "duplicate")


@dataclass(frozen=True, slots=True)
class Problem:
    """One data error found while reading, before it is a finding."""

    kind: ProblemKind
    location: Location
    message: str
    # What identifies the problem in its finding id; by default its place and message.
    subject: tuple[str, ...]


class ProblemSink(Protocol):
    """The callback a reader reports problems of one file to."""

    def __call__(self, kind: ProblemKind, line: int, message: str, *subject: str) -> None: ...


class FileProblems:
    """Collects the problems of one file, shown as `file` (a ProblemSink bound to that file)."""

    def __init__(self, file: str, into: list[Problem]) -> None:
        self.file = file
        self.into = into

    def __call__(self, kind: ProblemKind, line: int, message: str, *subject: str) -> None:
        location = Location(self.file, line)
        self.into.append(Problem(kind, location, message, subject or (str(location), message)))

    def invalid(self, line: int, message: str) -> None:
        """The most common kind, for readers that report nothing else (figcheck.yaml)."""
        self("invalid", line, message)
