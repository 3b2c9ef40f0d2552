"""The advice each finding gets: fix a data error, record or ignore an unrecorded number,
edit accepted.yaml, and only for a divergence between documents, accept it."""

from __future__ import annotations

import pytest

from figcheck.engine import stamp
from figcheck.model import Finding, Location
from figcheck.rules import RULES, Hit


def finding(rule: str, severity: str) -> Finding:
    """A finding of `rule` at `severity`, stamped as the engine stamps a rule's hits."""
    where = (Location("ledger/sources/x.yaml", 3),)
    hit = Hit("a message", (), None, locations=where, subject=(rule, severity))
    return stamp(RULES[rule], severity, hit)  # type: ignore[arg-type]


def advice(finding: Finding) -> str:
    return finding.advice


@pytest.mark.parametrize("rule", ["FC101", "FC102", "FC103", "FC104", "FC105"])
def test_a_data_error_is_fixed_never_accepted(rule):
    said = advice(finding(rule, "error"))
    assert "fix" in said and "cannot be accepted" in said
    assert "figcheck accept" not in said


@pytest.mark.parametrize(
    ("rule", "severity", "words"),
    [
        ("FC302", "warning", "`ignore:`"),
        ("FC109", "warning", "accepted.yaml"),
        ("FC104", "info", "`text:`"),
        ("FC104", "warning", "quote"),
        ("FC105", "warning", "the quote says the value"),
    ],
)
def test_findings_about_records_and_texts_say_what_to_change(rule, severity, words):
    said = advice(finding(rule, severity))
    assert words in said
    assert "figcheck accept" not in said
    assert "documents really diverge" not in said


@pytest.mark.parametrize(
    "rule", [code for code, rule in RULES.items() if rule.scope == "family" and not rule.remedy]
)
def test_a_divergence_between_documents_is_corrected_or_accepted(rule):
    divergence = finding(rule, "warning")
    said = advice(divergence)
    assert said.startswith("correct the record")
    assert f'figcheck accept {divergence.id} --why "..."' in said
