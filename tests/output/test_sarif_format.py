"""`--format sarif`: valid against the official SARIF 2.1.0 schema, and saying what it should.

tests/data/sarif-schema-2.1.0.json is the OASIS schema (errata01, the version its `id`
names), as the OASIS sarif-spec repository publishes it in Schemata/.
"""

from __future__ import annotations

import copy
import io
import json
from pathlib import Path
from urllib.parse import unquote, urlsplit

import jsonschema
import pytest

from figcheck.engine import CheckResult
from figcheck.output import sarif
from figcheck.rules import RULES
from tests.output.report_ledgers import ODD_FILE, ODD_SPEAKER, with_baseline_of_accepted_and_one

SCHEMA_PATH = Path(__file__).parent.parent / "data" / "sarif-schema-2.1.0.json"


@pytest.fixture(scope="module")
def validator() -> jsonschema.Validator:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    assert cls is jsonschema.Draft4Validator  # the official schema is draft-04
    cls.check_schema(schema)
    return cls(schema)


def log_of(result: CheckResult, fail_on: str = "error") -> dict:
    out = io.StringIO()
    sarif.render(result, out, fail_on=fail_on)
    return json.loads(out.getvalue())


def errors(validator: jsonschema.Validator, log: dict) -> list[str]:
    return [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(log)]


@pytest.mark.parametrize("ledger", ["mixed", "data_error", "clean", "no_quantities"])
def test_valid_against_the_official_schema(ledger, request, validator):
    result = request.getfixturevalue(ledger)
    assert errors(validator, log_of(result)) == []
    assert errors(validator, log_of(with_baseline_of_accepted_and_one(result))) == []


def test_the_schema_check_can_fail(mixed, validator):
    log = log_of(mixed)
    broken = copy.deepcopy(log)
    broken["runs"][0]["results"][0]["level"] = "fatal"
    del broken["runs"][0]["tool"]["driver"]["name"]
    found = {(tuple(e.absolute_path), e.validator) for e in validator.iter_errors(broken)}
    assert (("runs", 0, "results", 0, "level"), "enum") in found
    assert (("runs", 0, "tool", "driver"), "required") in found


def test_header_and_tool(mixed):
    log = log_of(mixed)
    assert log["version"] == "2.1.0"
    assert log["$schema"].endswith("sarif-schema-2.1.0.json")
    (run,) = log["runs"]
    driver = run["tool"]["driver"]
    assert driver["name"] == "figcheck"
    assert driver["version"] == __import__("figcheck").__version__
    assert urlsplit(driver["informationUri"]).scheme == "https"
    assert run["invocations"][0]["exitCode"] == mixed.exit_code()


def test_every_rule_is_described(mixed):
    rules = log_of(mixed)["runs"][0]["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == list(RULES)
    for descriptor in rules:
        rule = RULES[descriptor["id"]]
        assert descriptor["name"].isalnum()
        assert descriptor["shortDescription"]["text"].lower() == rule.title.lower()
        full = descriptor["fullDescription"]["text"]
        assert full and full.lower() in rule.summary.lower()
        assert descriptor["help"]["text"] == rule.doc.strip()
        level = {"error": "error", "warning": "warning", "info": "note"}[rule.severity]
        assert descriptor["defaultConfiguration"]["level"] == level


def test_each_finding_is_a_result(mixed):
    run = log_of(mixed)["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    results = run["results"]
    assert len(results) == len(mixed.findings)
    levels = {"error": "error", "warning": "warning", "info": "note"}
    for finding, entry in zip(mixed.findings, results, strict=True):
        assert entry["ruleId"] == finding.rule
        assert rules[entry["ruleIndex"]]["id"] == finding.rule
        assert entry["level"] == levels[finding.severity]
        assert entry["message"]["text"] == finding.message
        assert entry["partialFingerprints"] == {sarif.FINGERPRINT: finding.id}
        places = [entry["locations"][0], *entry.get("relatedLocations", [])]
        assert len(places) == len(finding.locations)
        for place, location in zip(places, finding.locations, strict=True):
            physical = place["physicalLocation"]
            uri = physical["artifactLocation"]["uri"]
            assert urlsplit(uri).scheme == "" and not uri.startswith("/")
            assert unquote(uri) == location.file
            assert physical["region"] == {"startLine": location.line}
        assert "baselineState" not in entry


def test_odd_characters_survive(mixed):
    results = log_of(mixed)["runs"][0]["results"]
    uris = {
        loc["physicalLocation"]["artifactLocation"]["uri"]
        for entry in results
        for loc in entry["locations"]
    }
    assert f"ledger/sources/{ODD_FILE.replace(',', '%2C').replace(':', '%3A')}" in uris
    assert any(ODD_SPEAKER in entry["message"]["text"] for entry in results)


def test_accepted_findings_are_suppressed_with_the_reason(mixed):
    results = log_of(mixed)["runs"][0]["results"]
    suppressed = {
        entry["partialFingerprints"][sarif.FINGERPRINT]: entry["suppressions"]
        for entry in results
        if "suppressions" in entry
    }
    assert suppressed.keys() == mixed.accepted.keys()
    for finding_id, (suppression,) in suppressed.items():
        assert suppression["kind"] == "external"
        assert suppression["justification"] == mixed.accepted[finding_id]


def test_baseline_state(mixed):
    result = with_baseline_of_accepted_and_one(mixed)
    states = {
        entry["partialFingerprints"][sarif.FINGERPRINT]: entry["baselineState"]
        for entry in log_of(result)["runs"][0]["results"]
    }
    assert states == {f.id: "new" if result.is_new(f) else "unchanged" for f in result.findings}
    assert sorted(states.values()).count("unchanged") == 3


def test_whole_file_problem_has_no_region(no_quantities):
    results = log_of(no_quantities)["runs"][0]["results"]
    missing = next(
        r
        for r in results
        if r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        == "ledger/quantities.yaml"
    )
    assert "region" not in missing["locations"][0]["physicalLocation"]


def test_data_errors_say_the_rules_did_not_run(data_error):
    invocation = log_of(data_error)["runs"][0]["invocations"][0]
    assert invocation["exitCode"] == 2
    (notification,) = invocation["toolExecutionNotifications"]
    assert "did not run" in notification["message"]["text"]


@pytest.mark.parametrize("ledger", ["mixed", "clean", "data_error"])
def test_the_streamed_log_is_the_whole_log(ledger, request):
    """Results are written one by one; the log reads back as the one sarif_log builds."""
    result = request.getfixturevalue(ledger)
    assert log_of(result) == json.loads(json.dumps(sarif.sarif_log(result)))


def test_a_list_written_around_its_items():
    from figcheck.output.common import STREAMED_LIST, write_json_around

    many = [{"n": n, "s": "x\u2028\x85" if n == 1500 else ""} for n in range(2500)]
    for items in ([], [{"a": 1}], [1, "two\u2028", None], many):
        out = io.StringIO()
        write_json_around(out, {"x": [{"k": STREAMED_LIST}], "y": 2}, iter(items))
        assert json.loads(out.getvalue()) == {"x": [{"k": items}], "y": 2}
        assert "\u2028" not in out.getvalue()  # escaped, as everywhere in figcheck's JSON
        assert "\x85" not in out.getvalue()
    with pytest.raises(ValueError, match="STREAMED_LIST"):
        write_json_around(io.StringIO(), {"x": 1}, [])
