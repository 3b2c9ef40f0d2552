"""`--format junit`: JUnit XML, for CI systems that show test reports (GitLab, Jenkins, ...).

Each rule that compares figures, applied to each quantity, is a test case: `classname` the
quantity and `name` the rule's code and title ("FC201 conflict"). The rules that check the
ledger's files (FC1xx) and the documents' texts are one test case each, of the class
`ledger`. A test case

- fails, with one `<failure>` per finding, when it has findings that fail the run (the
  unaccepted ones at or above `--fail-on`, and with a baseline only the new ones);
- is in error, with one `<error>` per finding, for data errors: the ledger could not be read
  as written, so the check itself could not be done;
- is skipped when its findings were all accepted, the reasons in `<system-out>`, or when
  the consistency rules did not run because of data errors;
- passes otherwise; findings that do not fail the run (warnings under `--fail-on error`,
  findings that existed at the baseline) are listed in its `<system-out>`.

The counts on `<testsuite>` and `<testsuites>` are of test cases, as JUnit counts them.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, TextIO

from figcheck import __version__
from figcheck.engine import CheckResult
from figcheck.model import Finding, Severity
from figcheck.output.common import RULES_DID_NOT_RUN
from figcheck.output.escaping import printable
from figcheck.rules import RULES, Rule
from figcheck.wording import plural

LEDGER_CLASS = "ledger"
# Characters XML 1.0 cannot hold even escaped; ElementTree would write them as they are.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


@dataclass
class Case:
    classname: str
    rule: Rule
    findings: list[Finding] = field(default_factory=list)


def render(result: CheckResult, stream: TextIO, fail_on: Severity = "error", **_: Any) -> None:
    root = testsuites(result, fail_on)
    ET.indent(root)
    stream.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    stream.write(ET.tostring(root, encoding="unicode"))
    stream.write("\n")


def testsuites(result: CheckResult, fail_on: Severity = "error") -> ET.Element:
    failing = {f.id for f in result.failing(fail_on)}
    suites = ET.Element("testsuites", name="figcheck")
    suite = ET.SubElement(suites, "testsuite", name="figcheck")
    properties = ET.SubElement(suite, "properties")
    for name, value in (("figcheck", __version__), ("fail-on", fail_on)):
        ET.SubElement(properties, "property", name=name, value=value)
    totals = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
    for case in cases(result):
        outcome = add_case(suite, case, result, failing)
        totals["tests"] += 1
        if outcome != "passed":
            totals[outcome] += 1
    for element in (suites, suite):
        for name, count in totals.items():
            element.set(name, str(count))
    return suites


def cases(result: CheckResult) -> list[Case]:
    """One case per rule and quantity for the rules that compare figures, one per rule for
    the others (the files, the documents' texts), and one for any finding outside that
    grid; each case holds its findings."""
    config = result.ledger.config
    grid: dict[tuple[str, str], Case] = {}
    for rule in RULES.values():
        if config.severity(rule.code) == "off":
            continue
        if rule.scope == "family":
            for quantity in result.ledger.quantities:
                grid[(quantity, rule.code)] = Case(quantity, rule)
        else:
            grid[(LEDGER_CLASS, rule.code)] = Case(LEDGER_CLASS, rule)
    for finding in result.findings:
        rule = RULES[finding.rule]
        classname = (finding.quantity if rule.scope == "family" else None) or LEDGER_CLASS
        key = (classname, finding.rule)
        if key not in grid:
            grid[key] = Case(classname, rule)
        grid[key].findings.append(finding)
    by_class: dict[str, list[Case]] = defaultdict(list)
    for case in grid.values():
        by_class[case.classname].append(case)
    return [case for group in by_class.values() for case in group]


def add_case(suite: ET.Element, case: Case, result: CheckResult, failing: set[str]) -> str:
    """Write the test case; return its outcome: passed, failures, errors or skipped."""
    element = ET.SubElement(
        suite, "testcase", classname=case.classname, name=f"{case.rule.code} {case.rule.title}"
    )
    errors = [f for f in case.findings if f.is_data_error]
    failures = [f for f in case.findings if f.id in failing and not f.is_data_error]
    others = [f for f in case.findings if not f.is_data_error and f.id not in failing]
    for tag, findings in (("error", errors), ("failure", failures)):
        for f in findings:
            problem = ET.SubElement(
                element, tag, message=xml_text(f"{f.id}: {printable(f.message)}"), type=f.rule
            )
            problem.text = xml_text(details(result, f))
    if others:
        ET.SubElement(element, "system-out").text = xml_text(
            "\n\n".join(details(result, f) for f in others)
        )
    if errors:
        return "errors"
    if failures:
        return "failures"
    reviewed = [f for f in others if result.is_accepted(f)]
    if reviewed and len(reviewed) == len(case.findings):
        skip(element, f"{plural(len(reviewed), 'accepted finding')}: see system-out")
        return "skipped"
    if not result.rules_ran and case.rule.scope != "ledger":
        skip(element, RULES_DID_NOT_RUN)
        return "skipped"
    return "passed"


def skip(element: ET.Element, message: str) -> None:
    # JUnit readers expect <skipped> before <system-out>.
    element.insert(0, ET.Element("skipped", message=message))


def details(result: CheckResult, f: Finding) -> str:
    # Text from the ledger keeps to its line (a line break shows as \n): a quote holding
    # "\n::error::" must not start a line a CI runner would read as a command.
    lines: Sequence[str] = [
        f"{status(result, f)} {f.rule} {f.title} {f.id}",
        printable(f.message),
    ]
    if f.locations:
        lines = [*lines, "at " + printable(", ".join(str(loc) for loc in f.locations))]
    if result.is_accepted(f):
        why = result.accepted.get(f.id) or "(no reason given)"
        lines = [*lines, f"accepted: {printable(why)}"]
    return "\n".join(lines)


def status(result: CheckResult, f: Finding) -> str:
    words: str = "accepted" if result.is_accepted(f) else f.severity
    if result.new is not None:
        words += " (new)" if result.is_new(f) else " (existing)"
    return words


def xml_text(text: str) -> str:
    """Text XML can hold: each forbidden control character shown as its code, like \\x07."""
    return _NOT_XML.sub(lambda m: f"\\x{ord(m.group()):02x}", text)
