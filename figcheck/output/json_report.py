"""`--format json`: one object on stdout, with keys other programs can rely on.

    {"figcheck": "0.1.0",
     "counts": {"documents": 5, "figures": 40, "quantities": 14},
     "summary": {"error": 0, "warning": 3, "info": 0, "accepted": 2},
     "findings": [{"id", "rule", "severity", "title", "message", "quantity", "figures",
                   "locations": [{"file", "line"}], "accepted", "why"?, "new"?}],
     "exit_code": 0}

`why` is present on accepted findings; `new` only when a baseline was given.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, TextIO

from figcheck import __version__
from figcheck.engine import CheckResult
from figcheck.model import Finding, Severity
from figcheck.output.common import write_json


def finding_object(result: CheckResult | None, finding: Finding) -> dict[str, Any]:
    """A finding as JSON. Without a result (a record `figcheck add` refused before any
    check ran), the finding is neither accepted nor new."""
    accepted = result is not None and result.is_accepted(finding)
    entry: dict[str, Any] = {
        "id": finding.id,
        "rule": finding.rule,
        "severity": finding.severity,
        "title": finding.title,
        "message": finding.message,
        "quantity": finding.quantity,
        "figures": list(finding.figures),
        "locations": [{"file": loc.file, "line": loc.line} for loc in finding.locations],
        "accepted": accepted,
    }
    if result is not None and accepted:
        entry["why"] = result.accepted[finding.id]
    if result is not None and result.new is not None:
        entry["new"] = result.is_new(finding)
    return entry


def document(result: CheckResult, fail_on: Severity = "error") -> dict[str, Any]:
    head = _head(result, fail_on)
    findings = [finding_object(result, f) for f in listed(result)]
    return {**head, "findings": findings, **_tail(result, fail_on)}


def _head(result: CheckResult, fail_on: Severity) -> dict[str, Any]:
    return {"figcheck": __version__, "counts": result.counts, "summary": result.summary}


def _tail(result: CheckResult, fail_on: Severity) -> dict[str, Any]:
    return {
        "rules_ran": result.rules_ran,
        "exit_code": result.exit_code(fail_on),
    }


def listed(result: CheckResult) -> Iterator[Finding]:
    """The findings JSON lists: every one, and in place of one that sums up others (the
    unrecorded numbers of a text beyond the first N), each of those, read again as they are
    written. An accepted summing-up finding stays as it is."""
    for f in result.findings:
        if f.more is None or result.is_accepted(f):
            yield f
        else:
            yield from f.more()


def render(result: CheckResult, stream: TextIO, fail_on: Severity = "error", **_: Any) -> None:
    """`document`, written finding by finding, one a line: half a million findings are
    never held at once, as objects or as text."""
    findings = (finding_object(result, f) for f in listed(result))
    write_json(stream, _head(result, fail_on), "findings", findings, _tail(result, fail_on))
