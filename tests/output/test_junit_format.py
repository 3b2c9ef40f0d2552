"""`--format junit`: JUnit XML, parsed back with an XML parser."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET

from figcheck.engine import CheckResult
from figcheck.output import junit
from figcheck.output.escaping import printable
from figcheck.rules import RULES
from tests.output.report_ledgers import (
    ACCEPTED_KILLED,
    WHY_FIGHTERS,
    with_baseline_of_accepted_and_one,
)


def parse(result: CheckResult, fail_on: str = "error") -> ET.Element:
    out = io.StringIO()
    junit.render(result, out, fail_on=fail_on)
    text = out.getvalue()
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>\n')
    return ET.fromstring(text.encode("utf-8"))


def case(root: ET.Element, classname: str, code: str) -> ET.Element:
    (found,) = [
        c
        for c in root.iter("testcase")
        if c.get("classname") == classname and c.get("name", "").startswith(code + " ")
    ]
    return found


def outcome(testcase: ET.Element) -> str:
    for tag in ("error", "failure", "skipped"):
        if testcase.find(tag) is not None:
            return tag
    return "passed"


def assert_counts_match_the_cases(root: ET.Element) -> dict[str, int]:
    cases = list(root.iter("testcase"))
    outcomes = [outcome(c) for c in cases]
    counted = {
        "tests": len(cases),
        "failures": outcomes.count("failure"),
        "errors": outcomes.count("error"),
        "skipped": outcomes.count("skipped"),
    }
    (suite,) = root.findall("testsuite")
    for element in (root, suite):
        assert {k: int(element.get(k, -1)) for k in counted} == counted
    return counted


def test_one_case_per_rule_and_quantity(mixed):
    root = parse(mixed)
    assert root.tag == "testsuites"
    names = [(c.get("classname"), c.get("name")) for c in root.iter("testcase")]
    assert len(names) == len(set(names))
    running = [r for r in RULES.values() if mixed.ledger.config.severity(r.code) != "off"]
    ledger_rules = [r for r in running if r.scope != "family"]
    family_rules = [r for r in running if r.scope == "family"]
    expected = {("ledger", f"{r.code} {r.title}") for r in ledger_rules} | {
        (q, f"{r.code} {r.title}") for q in mixed.ledger.quantities for r in family_rules
    }
    assert set(names) == expected


def test_counts_and_failures(mixed):
    root = parse(mixed)
    counts = assert_counts_match_the_cases(root)
    assert counts["failures"] == 1 and counts["errors"] == 0 and counts["skipped"] == 1
    fighters = case(root, "fighters", "FC201")
    failures = fighters.findall("failure")
    failing = [f for f in mixed.failing() if f.quantity == "fighters"]
    assert len(failures) == len(failing) == 2
    for element, finding in zip(failures, failing, strict=True):
        assert element.get("type") == "FC201"
        message = junit.xml_text(printable(finding.message))
        assert element.get("message") == f"{finding.id}: {message}"
        assert str(finding.locations[1]) in element.text


def test_accepted_findings_are_in_system_out(mixed):
    root = parse(mixed)
    fighters_out = case(root, "fighters", "FC201").findtext("system-out")
    assert f"accepted: {WHY_FIGHTERS}" in fighters_out
    killed = case(root, "killed", "FC201")
    assert outcome(killed) == "skipped"
    assert "1 accepted finding" in killed.find("skipped").get("message")
    assert ACCEPTED_KILLED in killed.findtext("system-out")


def test_findings_below_fail_on_pass_with_their_text(mixed):
    root = parse(mixed)
    stale = case(root, "ledger", "FC109")
    assert outcome(stale) == "passed"
    assert "no longer occurs" in stale.findtext("system-out")
    info = case(root, "departed", "FC301")
    assert outcome(info) == "passed" and "differ by" in info.findtext("system-out")


def test_fail_on_warning_makes_warnings_failures(mixed):
    root = parse(mixed, fail_on="warning")
    counts = assert_counts_match_the_cases(root)
    assert counts["failures"] == 2
    assert outcome(case(root, "ledger", "FC109")) == "failure"
    assert outcome(case(root, "departed", "FC301")) == "passed"  # info never fails


def test_data_errors_are_errors_and_the_rest_is_skipped(data_error):
    root = parse(data_error)
    counts = assert_counts_match_the_cases(root)
    invalid = case(root, "ledger", "FC101")
    (error,) = invalid.findall("error")
    assert error.get("type") == "FC101" and "ledger/sources/c.yaml" in error.text
    assert counts["errors"] == 1
    assert counts["skipped"] == counts["tests"] - len(
        [r for r in RULES.values() if r.scope == "ledger"]
    )
    skipped = case(root, "fighters", "FC201").find("skipped")
    assert "did not run" in skipped.get("message")


def test_baseline_fails_only_on_new_findings(mixed):
    result = with_baseline_of_accepted_and_one(mixed)
    root = parse(result)
    fighters = case(root, "fighters", "FC201")
    (failure,) = fighters.findall("failure")
    existing = next(
        f for f in result.findings if not result.is_new(f) and not result.is_accepted(f)
    )
    assert existing.id not in failure.get("message")
    assert f"error (existing) FC201 conflict {existing.id}" in fighters.findtext("system-out")


def test_clean_ledger_passes_every_case(clean):
    root = parse(clean)
    counts = assert_counts_match_the_cases(root)
    assert counts["tests"] > 0 and counts["failures"] == counts["errors"] == counts["skipped"] == 0


def test_control_characters_cannot_break_the_xml(mixed):
    # The odd speaker holds \x07, which XML 1.0 cannot hold even escaped: parse() would fail.
    root = parse(mixed)
    texts = " ".join(e.get("message", "") + (e.text or "") for e in root.iter())
    assert "of the\\x07 ministry" in texts
    assert junit.xml_text("a\x00b\ud800c\ufffe") == "a\\x00b\\xd800c\\xfffe"
