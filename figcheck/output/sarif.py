"""`--format sarif`: a SARIF 2.1.0 log, for GitHub code scanning and other SARIF viewers.

One run of the tool `figcheck`, whose `rules` list every rule figcheck has (id, a name, the
title as short description, the first paragraph of the rule's documentation as full
description, the whole documentation as help, and the default level). Each finding is a
result:

- `level`: error, warning, or note (for info);
- `locations`: the finding's first place (a file relative to the working directory, and
  its line unless the finding is about the whole file); its other places, such as the
  second figure of a conflict, are `relatedLocations`, because SARIF reserves several
  `locations` for problems that need a change at every one of them, and correcting either
  figure of a conflict is enough;
- `partialFingerprints` holds the finding id, so that viewers track a finding across runs
  the way `accepted.yaml` and baselines do;
- an accepted finding carries a suppression (`kind: external`, with the reason as its
  justification), so viewers list it as dismissed rather than open;
- with a baseline, `baselineState` is `new` or `unchanged`.

The output validates against the official SARIF 2.1.0 JSON schema (tests/data/).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, TextIO
from urllib.parse import quote

from figcheck import __version__
from figcheck.engine import CheckResult
from figcheck.model import Finding, Location, Severity
from figcheck.output.common import (
    RULES_DID_NOT_RUN,
    STREAMED_LIST,
    posix_path,
    write_json_around,
)
from figcheck.rules import RULES, Rule

SCHEMA_URI = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
FINGERPRINT = "figcheckFindingId/v1"
# Where a SARIF viewer sends someone who wants to know about the tool. Taken from the
# installed package's metadata (pyproject.toml's [project.urls]) when it names a home page.
FALLBACK_INFORMATION_URI = "https://pypi.org/project/figcheck/"


def render(result: CheckResult, stream: TextIO, fail_on: Severity = "error", **_: Any) -> None:
    rule_index = {code: i for i, code in enumerate(RULES)}
    results = (sarif_result(result, f, rule_index) for f in result.findings)
    write_json_around(stream, sarif_log(result, fail_on, STREAMED_LIST), results)


def sarif_log(
    result: CheckResult, fail_on: Severity = "error", results: object = None
) -> dict[str, Any]:
    """The whole log; with `results`, that in place of the list of results."""
    rule_index = {code: i for i, code in enumerate(RULES)}
    invocation: dict[str, Any] = {
        "executionSuccessful": True,
        "exitCode": result.exit_code(fail_on),
    }
    if not result.rules_ran:
        invocation["toolExecutionNotifications"] = [
            {"level": "error", "message": {"text": RULES_DID_NOT_RUN}}
        ]
    run = {
        "tool": {
            "driver": {
                "name": "figcheck",
                "version": __version__,
                "semanticVersion": __version__,
                "informationUri": information_uri(),
                "rules": [rule_descriptor(rule) for rule in RULES.values()],
            }
        },
        "invocations": [invocation],
        "results": (
            [sarif_result(result, f, rule_index) for f in result.findings]
            if results is None
            else results
        ),
    }
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


def rule_descriptor(rule: Rule) -> dict[str, Any]:
    doc = rule.doc.strip()
    return {
        "id": rule.code,
        "name": "".join(word.capitalize() for word in re.findall(r"[A-Za-z0-9]+", rule.title)),
        "shortDescription": {"text": rule.title[:1].upper() + rule.title[1:]},
        "fullDescription": {"text": first_paragraph(rule)},
        "help": {"text": doc, "markdown": doc},
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
    }


def first_paragraph(rule: Rule) -> str:
    """The documentation's first paragraph without the 'FC201 conflict:' it starts with."""
    prefix = f"{rule.code} {rule.title}:"
    text = rule.summary
    if text.startswith(prefix):
        text = text[len(prefix) :].strip()
    return text[:1].upper() + text[1:]


def sarif_result(result: CheckResult, f: Finding, rule_index: dict[str, int]) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "ruleId": f.rule,
        "ruleIndex": rule_index[f.rule],
        "level": LEVELS[f.severity],
        "message": {"text": f.message},
    }
    if f.locations:
        entry["locations"] = [location(f.locations[0])]
    if len(f.locations) > 1:
        entry["relatedLocations"] = [
            location(loc, number) for number, loc in enumerate(f.locations[1:], start=1)
        ]
    entry["partialFingerprints"] = {FINGERPRINT: f.id}
    properties: dict[str, Any] = {"findingId": f.id, "figures": list(f.figures)}
    if f.quantity is not None:
        properties["quantity"] = f.quantity
    entry["properties"] = properties
    if result.is_accepted(f):
        suppression: dict[str, Any] = {"kind": "external", "status": "accepted"}
        why = result.accepted.get(f.id)
        if why:
            suppression["justification"] = why
        entry["suppressions"] = [suppression]
    if result.new is not None:
        entry["baselineState"] = "new" if result.is_new(f) else "unchanged"
    return entry


def location(place: Location, number: int | None = None) -> dict[str, Any]:
    physical: dict[str, Any] = {"artifactLocation": {"uri": file_uri(place.file)}}
    if place.line:
        physical["region"] = {"startLine": place.line}
    entry: dict[str, Any] = {"physicalLocation": physical}
    if number is not None:
        entry["id"] = number
    return entry


@lru_cache(maxsize=4096)  # a ledger's findings point into few files, many times each
def file_uri(file: str) -> str:
    """A relative URI reference for a path: '/' kept, everything else a URI reserves
    (spaces, '%', '#', and ':' that would read as a scheme) percent-encoded."""
    return quote(posix_path(file), safe="/")


def information_uri() -> str:
    from importlib import metadata

    try:
        urls: list[str] = metadata.metadata("figcheck").get_all("Project-URL") or []
    except metadata.PackageNotFoundError:
        urls = []
    for entry in urls:
        label, _, url = entry.partition(",")
        if label.strip().lower() in ("homepage", "home", "documentation", "source"):
            return url.strip()
    return FALLBACK_INFORMATION_URI
