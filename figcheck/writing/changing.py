"""What the commands that change a ledger file share (`figcheck quantity`, `figcheck
ignore`): reading the file as text under the lock, telling the data errors a change brings
from those the ledger had, and which findings are new.

They work on a ledger that has data errors elsewhere, since defining a quantity or ignoring
a number is often how those are fixed; what they refuse is a change that brings a data
error of its own.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from figcheck.engine import EXIT_DATA, EXIT_FINDINGS, EXIT_OK, CheckResult
from figcheck.ledger import Ledger
from figcheck.model import Finding
from figcheck.writing.atomic import Refused


def read_text(path: Path, shown: str) -> str:
    """The file's text; Refused with one line when it cannot be read as UTF-8."""
    try:
        return path.read_bytes().decode("utf-8")
    except OSError as error:
        raise Refused(f"{shown} cannot be read: {error.strerror or error}") from None
    except UnicodeDecodeError:
        raise Refused(f"{shown} is not UTF-8 text; save it as UTF-8") from None


def new_data_errors(before: Ledger, after: Ledger) -> tuple[Finding, ...]:
    """The data errors of reading `after` that reading `before` did not have."""
    had = {(f.id, f.message) for f in before.problems}
    return tuple(f for f in after.problems if f.is_data_error and (f.id, f.message) not in had)


def new_findings(before: CheckResult, after: CheckResult) -> tuple[Finding, ...]:
    """The findings of `after` that `before` did not have (all of them when the rules did
    not run before)."""
    had = {f.id for f in before.findings} if before.rules_ran else set()
    return tuple(f for f in after.findings if f.id not in had and not f.is_data_error)


@dataclass(frozen=True)
class Change:
    """What a command did to one ledger file, or would do with --dry-run."""

    file: str  # as shown to the user
    first_line: int  # the lines of what was added, in the new file
    last_line: int
    item: str  # what was added, as written
    created: bool  # the file did not exist before
    written: bool
    problems: tuple[Finding, ...] = ()  # the data errors the change would bring: not written
    result: CheckResult | None = None
    findings: tuple[Finding, ...] = ()  # findings the change brings

    def exit_code(self) -> int:
        """2 for a change that would bring a data error (nothing written), 1 when it brings
        an unaccepted error-level finding, else 0."""
        if self.problems:
            return EXIT_DATA
        return EXIT_FINDINGS if self.failing() else EXIT_OK

    def failing(self) -> list[Finding]:
        if self.result is None:
            return []
        return [
            f for f in self.findings if f.severity == "error" and not self.result.is_accepted(f)
        ]


def one_line_each(findings: Iterable[Finding]) -> tuple[str, ...]:
    from figcheck.findings import one_line

    return tuple(one_line(f) for f in findings)
