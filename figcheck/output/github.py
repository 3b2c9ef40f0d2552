"""`--format github`: GitHub Actions workflow commands, one per unaccepted finding, and, with
a baseline, one per place of each new finding.

    ::error file=data/sources/x.yaml,line=12,title=FC201 conflict::about 2,200 (...) and ...

GitHub turns each line into an annotation, shown on the pull request's diff when its line is
one the pull request changed (and in the run's summary otherwise). Errors become `::error`,
warnings `::warning`, information `::notice`. Accepted findings are left out: someone has
reviewed them. Each message ends with the finding's id and what to do about it (see
`Finding.advice`, from the rule). A last plain line sums the run up in the log.

With a baseline (`figcheck check --baseline REF`), a pull request's author needs to see what
the change brought in, without losing sight of what was there before:

- a new finding is annotated, at its own severity, at every one of its places, each message
  naming the others. A new finding usually sets a figure that the change added or edited
  against one already on the base branch, and lists the earlier-dated figure first, so its
  first place is often not on the diff; figcheck knows which findings are new, not which of
  their figures are, and GitHub shows an annotation on the diff only at a line the change
  touched. One annotation per place puts one on the change's own figure whichever it is;
  the one at the figure on the base branch shows in the run's summary;
- a finding that already existed at REF is one notice at its first place, titled
  "(existing)", which never looks like something the change broke.

New findings come first, because GitHub shows at most ten annotations of each kind per step
and drops the rest silently; the log keeps them all, and says so when some were dropped.
Without a baseline every finding is annotated once, at its first place.

Text from the ledger is first made printable as in the text format (a control character, a
line break or a bidirectional override shows as `\x1b`, `\n`, `\u202e`); then the escaping
is that of GitHub's actions/toolkit (`escapeData`, `escapeProperty`): in the message, `%`,
CR and LF become `%25`, `%0D`, `%0A`; in a property value, `:` and `,` also become `%3A` and
`%2C`, since they delimit the properties. So every line figcheck writes is one of its own
commands, or its summary.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any, TextIO

from figcheck.engine import CheckResult
from figcheck.model import Finding, Location
from figcheck.output.common import (
    RULES_DID_NOT_RUN,
    posix_path,
    review_order,
    summary,
    unaccepted,
)
from figcheck.output.escaping import printable

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}
SHOWN_PER_KIND = 10  # GitHub's limit of annotations of one kind in one step


def render(result: CheckResult, stream: TextIO, **_: Any) -> None:
    kinds: Counter[str] = Counter()
    for finding in review_order(result, unaccepted(result)):
        for place in places(result, finding):
            stream.write(annotation(result, finding, place) + "\n")
            kinds[command(result, finding)] += 1
    stream.write(f"figcheck: {summary(result)}\n")
    if not result.rules_ran:
        stream.write(f"figcheck: {RULES_DID_NOT_RUN}\n")
    if any(count > SHOWN_PER_KIND for count in kinds.values()):
        stream.write(
            f"figcheck: GitHub shows at most {SHOWN_PER_KIND} annotations of each kind per "
            "step; every finding is listed above.\n"
        )


def places(result: CheckResult, finding: Finding) -> Sequence[Location | None]:
    """Where the finding is annotated: a new finding, when there is a baseline, at each of
    its locations (one of them is the change's own); any other at its first; a finding
    without a location once, on no file."""
    if not finding.locations:
        return [None]
    if result.new is not None and result.is_new(finding):
        return finding.locations
    return finding.locations[:1]


def command(result: CheckResult, finding: Finding) -> str:
    return COMMANDS[finding.severity] if result.is_new(finding) else "notice"


def annotation(result: CheckResult, finding: Finding, place: Location | None) -> str:
    properties: dict[str, str] = {}
    if place is not None:
        properties["file"] = printable(posix_path(place.file))
        if place.line:
            properties["line"] = str(place.line)
    existing = "" if result.is_new(finding) else " (existing)"
    properties["title"] = f"{finding.rule} {finding.title}{existing}"
    return workflow_command(command(result, finding), properties, message(result, finding, place))


def message(result: CheckResult, finding: Finding, place: Location | None) -> str:
    # What comes from the ledger is shown escaped, as in the text format: an escape sequence,
    # a bidirectional override or a line break of its own never reaches the log raw.
    lines = [printable(finding.message)]
    others = [printable(str(loc)) for loc in finding.locations if loc != place]
    if others:
        lines.append("Also at " + ", ".join(others) + ".")
    if not result.is_new(finding):
        lines.append("This finding exists at the baseline already; it does not fail this run.")
    lines.append(f"Finding {finding.id}: {finding.advice}.")
    return "\n".join(lines)


def workflow_command(name: str, properties: Mapping[str, str], message: str) -> str:
    """`::name key=value,key=value::message`, each part escaped for the runner."""
    listed = ",".join(f"{key}={escape_property(value)}" for key, value in properties.items())
    return f"::{name}{' ' + listed if listed else ''}::{escape_data(message)}"


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")
