"""`--format markdown`: the findings as a GitHub-flavoured Markdown comment on a pull request.

A one-line summary on top; then a table of the unaccepted findings (severity, rule, message,
location, id), or a line saying that all is clear. With a baseline, the table holds the new
findings, and those that already existed at the baseline follow in a collapsed section.
Accepted findings, with the reason each was accepted, are in a collapsed section at the end.

Text in cells is escaped: Markdown's punctuation cannot start emphasis, links or HTML, `|`
cannot end a cell, a line break becomes `<br>` and a control character or a bidirectional
override shows as its code, so a quote or a speaker's name never breaks the table; and an
`@name` or a bare URL from the ledger gets a zero-width space (after the `@`, or in `://`
and `www.`), so that a pull-request comment of the report notifies no one and links nowhere.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any, TextIO

from figcheck.engine import CheckResult
from figcheck.model import Finding
from figcheck.output.common import (
    RULES_DID_NOT_RUN,
    accepted,
    review_order,
    summary,
    unaccepted,
)
from figcheck.output.escaping import escape_char
from figcheck.wording import plural

COLUMNS = ("Severity", "Rule", "Message", "Location", "Id")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_MARKDOWN_PUNCTUATION = re.compile(r"([\\`*_\[\]<>|~#!&])")
# Control characters other than line breaks (C0, a tab among them, and C1), Unicode's line
# and paragraph separators and the marks that override or isolate the direction of text:
# shown by code.
_CONTROL = re.compile("[\x00-\x09\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
# What GitHub turns into a notification or a link in a comment: '@name' mentions, and bare
# URLs ('https://', 'www.'). A zero-width space after the '@' or the scheme's ':' keeps the
# text as it reads and makes it neither.
_MENTION = re.compile(r"@(?=[A-Za-z0-9])")
_AUTOLINK = re.compile(r"(?i)(?<=[a-z])(:)(?=//)|\b(www)(\.)")


def render(result: CheckResult, stream: TextIO, **_: Any) -> None:
    stream.write("\n".join(lines(result)) + "\n")


def lines(result: CheckResult) -> list[str]:
    out = [f"**figcheck**: {summary(result)}", ""]
    if not result.rules_ran:
        out += [f"**{RULES_DID_NOT_RUN}**", ""]
    open_findings = review_order(result, unaccepted(result))
    new = [f for f in open_findings if result.is_new(f)]
    existing = [f for f in open_findings if not result.is_new(f)]
    if new:
        out += table(new)
    else:
        out += [f":white_check_mark: {all_clear(result, existing)}", ""]
    if existing:
        heading = f"{plural(len(existing), 'finding')} that existed at the baseline already"
        out += collapsed(heading, table(existing))
    reviewed = accepted(result)
    if reviewed:
        heading = f"{plural(len(reviewed), 'accepted finding')}"
        out += collapsed(heading, table(reviewed, result))
    return out


def all_clear(result: CheckResult, existing: Sequence[Finding]) -> str:
    """The line in place of the table when nothing is open (or, with a baseline, new)."""
    if existing:
        return "No new findings since the baseline."
    reviewed = len(accepted(result))
    if reviewed:
        return f"No open findings ({plural(reviewed, 'accepted finding')} below)."
    return "No findings: the figures agree with one another."


def table(findings: Sequence[Finding], result: CheckResult | None = None) -> list[str]:
    """A table of findings; given the result, a last column says why each was accepted."""
    columns = (*COLUMNS, "Why") if result is not None else COLUMNS
    rows = [row(columns), row(("---",) * len(columns))]
    for f in findings:
        cells = [
            f.severity,
            escape(f"{f.rule} {f.title}"),
            escape(f.message),
            "<br>".join(escape(str(loc)) for loc in f.locations),
            f"`{f.id}`",
        ]
        if result is not None:
            cells.append(escape(result.accepted.get(f.id) or "(no reason given)"))
        rows.append(row(cells))
    return [*rows, ""]


def row(cells: Sequence[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def collapsed(summary_text: str, body: list[str]) -> list[str]:
    # The blank line after <summary> lets GitHub render the Markdown table inside.
    return ["<details>", f"<summary>{summary_text}</summary>", "", *body, "</details>", ""]


def escape(text: str) -> str:
    """Text safe in a table cell: punctuation backslash-escaped, line breaks as <br>, and
    control characters shown by their code (\\x07), as nothing would show them."""
    text = _CONTROL.sub(lambda m: escape_char(m.group()), text)
    text = _MENTION.sub("@\u200b", text)
    text = _AUTOLINK.sub(lambda m: f"{m[1]}\u200b" if m[1] else f"{m[2]}\u200b{m[3]}", text)
    return _LINE_BREAK.sub("<br>", _MARKDOWN_PUNCTUATION.sub(r"\\\1", text))
