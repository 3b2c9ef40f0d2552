"""`figcheck check --format NAME` for each CI format: the output parses, the exit code is the
run's, and `--fail-on` reaches the formats that use it."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import pytest
from click.testing import CliRunner

from figcheck.cli import cli
from figcheck.output import REPORTERS
from tests.output.report_ledgers import QUANTITIES, SOURCES, checked, mixed_files

CI_FORMATS = ("github", "sarif", "markdown", "junit")


def run(*args: str):
    return CliRunner().invoke(cli, ["check", "--data", "ledger", *args], catch_exceptions=False)


def test_the_ci_formats_are_offered():
    assert set(CI_FORMATS) <= set(REPORTERS)
    result = CliRunner().invoke(cli, ["check", "--help"])
    for name in CI_FORMATS:
        assert name in result.output


@pytest.mark.parametrize("name", CI_FORMATS)
def test_each_format_from_the_command_line(name, tmp_path, monkeypatch, write_tree):
    checked(tmp_path, monkeypatch, write_tree, mixed_files())
    result = run("--format", name)
    assert result.exit_code == 1
    output = result.stdout
    if name == "sarif":
        assert json.loads(output)["runs"][0]["invocations"][0]["exitCode"] == 1
    elif name == "junit":
        assert ET.fromstring(output.encode()).get("failures") == "1"
    elif name == "github":
        assert output.startswith("::error file=ledger/sources/")
    else:
        assert output.startswith("**figcheck**:")


def test_fail_on_reaches_the_formats(tmp_path, monkeypatch, write_tree):
    # Only a warning (a stale acceptance): the run fails with --fail-on warning alone.
    files = {
        "quantities.yaml": QUANTITIES,
        "sources/c.yaml": SOURCES["sources/c.yaml"],
        "accepted.yaml": "accepted: [{finding: FC201:0000000000, why: corrected}]\n",
    }
    checked(tmp_path, monkeypatch, write_tree, files)
    for fail_on, code in (("error", 0), ("warning", 1)):
        junit = run("--format", "junit", "--fail-on", fail_on)
        assert junit.exit_code == code
        assert ET.fromstring(junit.stdout.encode()).get("failures") == str(code)
        sarif = json.loads(run("--format", "sarif", "--fail-on", fail_on).stdout)
        assert sarif["runs"][0]["invocations"][0]["exitCode"] == code
