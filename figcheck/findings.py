"""Building findings and their stable ids."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING

from figcheck.model import Finding, Location, Severity

if TYPE_CHECKING:
    from figcheck.ledger.problems import Problem


def finding_id(rule: str, subjects: Iterable[str]) -> str:
    """The rule code, a colon, and the first 10 hex digits of the SHA-1 of the sorted full
    figure ids joined by commas: `FC201:3f9a1c0b2d`. Stable across runs and machines, and
    independent of message wording, so accepted.yaml and baselines can refer to it."""
    # surrogatepass: a subject holding a lone surrogate (a byte of a file name that is not
    # UTF-8) still has an id, where strict UTF-8 would raise.
    joined = ",".join(sorted(subjects)).encode("utf-8", "surrogatepass")
    digest = hashlib.sha1(joined).hexdigest()
    return f"{rule}:{digest[:10]}"


def make(
    rule: str,
    severity: Severity,
    title: str,
    message: str,
    *,
    quantity: str | None = None,
    figures: Iterable[str] = (),
    locations: Iterable[Location] = (),
    subject: Iterable[str] = (),
    data_error: bool = False,
    remedy: str | None = None,
    stands_for: int = 1,
    more: Callable[[], Iterator[Finding]] | None = None,
) -> Finding:
    figure_ids = tuple(dict.fromkeys(figures))
    return Finding(
        id=finding_id(rule, figure_ids or tuple(subject)),
        rule=rule,
        severity=severity,
        title=title,
        message=message,
        quantity=quantity,
        figures=figure_ids,
        locations=tuple(dict.fromkeys(locations)),
        data_error=data_error,
        remedy=remedy,
        stands_for=stands_for,
        more=more,
    )


def of_problems(problems: Iterable[Problem]) -> tuple[Finding, ...]:
    """The problems of reading a ledger as findings of the rules that report their kinds."""
    from figcheck.rules import LOAD_RULES

    found = []
    for problem in problems:
        rule = LOAD_RULES[problem.kind]
        found.append(
            make(
                rule.code,
                rule.severity,
                rule.title,
                problem.message,
                locations=(problem.location,),
                subject=problem.subject,
                data_error=rule.data_error,
                remedy=rule.remedy,
            )
        )
    return tuple(found)


def one_line(finding: Finding) -> str:
    """`data/sources/x.yaml:12: error FC101 message`, place first, as compilers write it."""
    where = ", ".join(str(loc) for loc in finding.locations)
    return f"{where + ': ' if where else ''}{finding.severity} {finding.rule} {finding.message}"
