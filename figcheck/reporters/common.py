"""What the CI formats share: the order findings are shown in, and a plain summary sentence.

The CI formats (github, sarif, markdown, junit) are read by people reviewing a change, so
they show what needs attention first: with a baseline, new findings before existing ones;
then errors before warnings before information; accepted findings last.
"""

from __future__ import annotations

import os
from collections.abc import Iterable

from figcheck.engine import CheckResult
from figcheck.model import SEVERITIES, Finding
from figcheck.wording import plural

RULES_DID_NOT_RUN = "The consistency rules did not run: fix the data errors (FC1xx) first."


def review_order(result: CheckResult, findings: Iterable[Finding]) -> list[Finding]:
    """Unaccepted before accepted, new before existing, then by severity; otherwise in the
    engine's order (which groups a quantity's findings together)."""

    def key(finding: Finding) -> tuple[bool, bool, int]:
        return (
            result.is_accepted(finding),
            not result.is_new(finding),
            SEVERITIES.index(finding.severity),
        )

    return sorted(findings, key=key)


def unaccepted(result: CheckResult) -> list[Finding]:
    return [f for f in result.findings if not result.is_accepted(f)]


def accepted(result: CheckResult) -> list[Finding]:
    return [f for f in result.findings if result.is_accepted(f)]


def new_count(result: CheckResult) -> int | None:
    """How many findings are new since the baseline; None without a baseline."""
    if result.new is None:
        return None
    return sum(1 for f in result.findings if result.is_new(f))


def summary(result: CheckResult) -> str:
    """'3 documents, 9 figures, 8 quantities: 1 error, 0 warnings, 0 info, 2 accepted
    (1 new since the baseline)'. The same words as the text format's closing line."""
    counts, found = result.counts, result.summary
    sentence = (
        f"{plural(counts['documents'], 'document')}, {plural(counts['figures'], 'figure')}, "
        f"{plural(counts['quantities'], 'quantity', 'quantities')}: "
        f"{plural(found['error'], 'error')}, {plural(found['warning'], 'warning')}, "
        f"{found['info']:,} info, {found['accepted']:,} accepted"
    )
    new = new_count(result)
    if new is not None:
        sentence += f" ({new:,} new since the baseline)"
    return sentence


def posix_path(file: str) -> str:
    """A location's file with forward slashes, as GitHub and SARIF expect on every system."""
    return file.replace(os.sep, "/") if os.sep != "/" else file
