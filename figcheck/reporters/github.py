"""`--format github`: GitHub Actions workflow commands, one per unaccepted finding.

    ::error file=data/sources/x.yaml,line=12,title=FC201 conflict::about 2,200 (...) and ...

GitHub turns each line into an annotation on the pull request's diff, at the finding's
first location; the other locations are named in the message, and the message ends with the
finding's id and what to do about it (see reporters/advice.py). Errors become `::error`,
warnings `::warning`, information `::notice`. Accepted findings are left out: someone has
reviewed them. A last plain line sums the run up in the log.

With a baseline (`figcheck check --baseline REF`), a pull request's author needs to see what
the change brought in, without losing sight of what was there before: new findings are
annotated at their own severity, findings that already existed at REF as notices titled
"(existing)", which never look like something the change broke. New findings come first,
because GitHub shows at most ten annotations of each kind per step and drops the rest
silently; the log keeps them all.

Escaping is that of GitHub's actions/toolkit (`escapeData`, `escapeProperty`): in the
message, `%`, CR and LF become `%25`, `%0D`, `%0A`; in a property value, `:` and `,` also
become `%3A` and `%2C`, since they delimit the properties.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TextIO

from figcheck.engine import CheckResult
from figcheck.model import Finding
from figcheck.reporters.advice import advice
from figcheck.reporters.common import (
    RULES_DID_NOT_RUN,
    posix_path,
    review_order,
    summary,
    unaccepted,
)

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}
SHOWN_PER_KIND = 10  # GitHub's limit of annotations of one kind in one step


def render(result: CheckResult, stream: TextIO, **_: Any) -> None:
    shown = review_order(result, unaccepted(result))
    for finding in shown:
        stream.write(annotation(result, finding) + "\n")
    stream.write(f"figcheck: {summary(result)}\n")
    if not result.rules_ran:
        stream.write(f"figcheck: {RULES_DID_NOT_RUN}\n")
    kinds = [command(result, f) for f in shown]
    if any(kinds.count(kind) > SHOWN_PER_KIND for kind in COMMANDS.values()):
        stream.write(
            f"figcheck: GitHub shows at most {SHOWN_PER_KIND} annotations of each kind per "
            "step; every finding is listed above.\n"
        )


def command(result: CheckResult, finding: Finding) -> str:
    return COMMANDS[finding.severity] if result.is_new(finding) else "notice"


def annotation(result: CheckResult, finding: Finding) -> str:
    properties: dict[str, str] = {}
    if finding.locations:
        first = finding.locations[0]
        properties["file"] = posix_path(first.file)
        if first.line:
            properties["line"] = str(first.line)
    existing = "" if result.is_new(finding) else " (existing)"
    properties["title"] = f"{finding.rule} {finding.title}{existing}"
    return workflow_command(command(result, finding), properties, message(result, finding))


def message(result: CheckResult, finding: Finding) -> str:
    lines = [finding.message]
    if len(finding.locations) > 1:
        lines.append("Also at " + ", ".join(str(loc) for loc in finding.locations[1:]) + ".")
    if not result.is_new(finding):
        lines.append("This finding exists at the baseline already; it does not fail this run.")
    lines.append(f"Finding {finding.id}: {advice(finding)}.")
    return "\n".join(lines)


def workflow_command(name: str, properties: Mapping[str, str], message: str) -> str:
    """`::name key=value,key=value::message`, each part escaped for the runner."""
    listed = ",".join(f"{key}={escape_property(value)}" for key, value in properties.items())
    return f"::{name}{' ' + listed if listed else ''}::{escape_data(message)}"


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")
