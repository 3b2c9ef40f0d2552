"""What the output formats share: the order findings are shown in, and the summary sentence
(the text format colours its counts; the others print it plain).

The CI formats (github, sarif, markdown, junit) are read by people reviewing a change, so
they show what needs attention first: with a baseline, new findings before existing ones;
then errors before warnings before information; accepted findings last.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable, Mapping
from typing import Any, TextIO

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


def summary_parts(result: CheckResult) -> list[tuple[str, str | None]]:
    """The summary sentence in pieces: '3 documents, 9 figures, 8 quantities: 1 error,
    0 warnings, 0 info, 2 accepted (1 new since the baseline)'. Each count comes with what it
    counts (a severity, or 'accepted') when it is not zero, so that a terminal can colour it."""
    counts, found = result.counts, result.summary
    parts: list[tuple[str, str | None]] = [
        (
            f"{plural(counts['documents'], 'document')}, {plural(counts['figures'], 'figure')}, "
            f"{plural(counts['quantities'], 'quantity', 'quantities')}: ",
            None,
        )
    ]
    tallies = (
        ("error", plural(found["error"], "error")),
        ("warning", plural(found["warning"], "warning")),
        ("info", f"{found['info']:,} info"),
        ("accepted", f"{found['accepted']:,} accepted"),
    )
    for i, (kind, words) in enumerate(tallies):
        parts.append((words, kind if found[kind] else None))
        if i < len(tallies) - 1:
            parts.append((", ", None))
    if result.new is not None:
        new = sum(1 for f in result.findings if result.is_new(f))
        parts.append((f" ({new:,} new since the baseline)", None))
    return parts


def summary(result: CheckResult) -> str:
    """The summary sentence as plain text, for the CI formats and the text format alike."""
    return "".join(words for words, _ in summary_parts(result))


def posix_path(file: str) -> str:
    """A location's file with forward slashes, as GitHub and SARIF expect on every system."""
    return file.replace(os.sep, "/") if os.sep != "/" else file


# Characters that JSON may hold raw in a string but a terminal acts on (C1 controls, DEL,
# Unicode's line separators, bidirectional overrides): written as JSON escapes, which read
# back as the same characters. json escapes C0 controls by itself.
_JSON_RAW = re.compile("[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def json_text(value: object, **options: Any) -> str:
    """`value` as JSON (UTF-8 text, not ASCII escapes), with no raw control character."""
    return _escaped(json.dumps(value, ensure_ascii=False, **options))


def write_json(
    stream: TextIO,
    head: Mapping[str, Any],
    list_key: str,
    items: Iterable[Mapping[str, Any]],
    tail: Mapping[str, Any] | None = None,
) -> None:
    """One JSON object, written as it goes: the keys of `head`, then `list_key` with each of
    `items` on a line of its own, then the keys of `tail`. Half a million items are never
    held at once, and each is encoded by json's C encoder (an indented dump is ten times
    slower)."""

    def member(key: str, value: object) -> str:
        return f"  {json.dumps(key)}: {json_text(value, separators=_SPACED)}"

    stream.write("{\n" + "".join(member(k, v) + ",\n" for k, v in head.items()))
    stream.write(f"  {json.dumps(list_key)}: [")
    _write_items(stream, items, "  ")
    stream.write("".join(",\n" + member(k, v) for k, v in (tail or {}).items()) + "\n}\n")


_SPACED = (", ", ": ")

# Stands in an indented JSON document for a list that write_json_around streams.
STREAMED_LIST = "\x00figcheck: a list written item by item\x00"


def write_json_around(stream: TextIO, value: object, items: Iterable[object]) -> None:
    """`value` as JSON indented by two spaces, where the one string STREAMED_LIST is the
    list of `items`: written as it goes, each item on a line of its own by json's C encoder
    (an indented dump of 100,000 SARIF results takes seconds and a gigabyte)."""
    text = json_text(value, indent=2)
    placeholder = json.dumps(STREAMED_LIST)
    before, found, after = text.partition(placeholder)
    if not found:
        raise ValueError("write_json_around: the value holds no STREAMED_LIST")
    line = before[before.rfind("\n") + 1 :]  # `      "results": `
    indent = line[: len(line) - len(line.lstrip(" "))]
    stream.write(before + "[")
    _write_items(stream, items, indent)
    stream.write(after + "\n")


# How many items are encoded before they are written together: a write, and the escaping
# of raw control characters, per item took a fifth of the output's time.
_BATCH = 1024


def _write_items(stream: TextIO, items: Iterable[object], indent: str) -> None:
    """The items of a JSON list and its closing bracket (the opening one is written), each
    item on a line of its own indented by `indent` and two spaces."""
    separator = ",\n" + indent + "  "
    lead = separator[1:]  # before the first item: no comma
    batch: list[str] = []
    for item in items:
        batch.append(json.dumps(item, ensure_ascii=False, separators=_SPACED))
        if len(batch) == _BATCH:
            stream.write(lead + _escaped(separator.join(batch)))
            batch, lead = [], separator
    if batch:
        stream.write(lead + _escaped(separator.join(batch)))
        lead = separator
    stream.write("\n" + indent + "]" if lead == separator else "]")


def _escaped(text: str) -> str:
    return _JSON_RAW.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
