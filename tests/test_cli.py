"""The command line: exit codes, the JSON contract, and one line per problem."""

import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

from figcheck import __version__
from figcheck.cli import cli
from figcheck.findings import finding_id
from tests.builders import figure, quantity, write_documents_ledger


def invoke(*args):
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


@pytest.fixture
def agreeing(tmp_path):
    return write_documents_ledger(
        tmp_path / "agreeing",
        {"q": quantity("stock")},
        {
            "doc": [
                figure("a", "q", 2200, "2015", approx="about"),
                figure("b", "q", 2300, "2015-11-19", said_by="B"),
            ]
        },
    )


@pytest.fixture
def conflicting(tmp_path):
    return write_documents_ledger(
        tmp_path / "conflicting",
        {"q": quantity("stock")},
        {
            "doc": [
                figure("a", "q", 2200, "2015", approx="about"),
                figure("b", "q", 2719, "2015-11-19", said_by="B"),
            ]
        },
    )


@pytest.fixture
def diverging(tmp_path):
    return write_documents_ledger(
        tmp_path / "diverging",
        {"q": quantity("stock")},
        {
            "doc": [
                figure("a", "q", 2000, "2015-03", approx="about"),
                figure("b", "q", 2900, "2015-12", said_by="B"),
            ]
        },
    )


def test_exit_0_on_agreeing_data(agreeing):
    result = invoke("check", "--data", agreeing)
    assert result.exit_code == 0
    assert "1 document, 2 figures, 1 quantity: 0 errors" in result.output


def test_exit_1_on_conflicting_data(conflicting):
    result = invoke("check", "--data", conflicting)
    assert result.exit_code == 1
    assert "FC201 conflict" in result.output
    assert finding_id("FC201", ["doc/a", "doc/b"]) in result.output
    assert "\x1b[" not in result.output  # no colour codes off a terminal


def test_exit_2_on_broken_data(conflicting):
    (conflicting / "sources" / "doc.yaml").write_text(
        "document: {id: doc, title: t}\nfigures:\n  - id: x\n"
    )
    result = invoke("check", "--data", conflicting)
    assert result.exit_code == 2
    assert "sources/doc.yaml:3: error FC101" in result.output
    assert "rules did not run" in result.output


def test_exit_2_on_a_missing_ledger(tmp_path):
    result = CliRunner().invoke(cli, ["check", "--data", str(tmp_path / "none")])
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and "does not exist" in result.stderr


def test_exit_2_on_bad_usage(agreeing):
    assert invoke("check", "--data", agreeing, "--format", "xml").exit_code == 2
    assert invoke("check", "--fail-on", "info").exit_code == 2


def test_fail_on_warning(diverging):
    assert invoke("check", "--data", diverging).exit_code == 0
    assert invoke("check", "--data", diverging, "--fail-on", "warning").exit_code == 1


def test_json_contract(conflicting):
    result = invoke("check", "--data", conflicting, "--format", "json")
    assert result.exit_code == 1
    report = json.loads(result.output)
    assert report["figcheck"] == __version__
    assert report["counts"] == {"documents": 1, "figures": 2, "quantities": 1}
    assert report["summary"] == {"error": 1, "warning": 0, "info": 0, "accepted": 0}
    (finding,) = report["findings"]
    assert set(finding) >= {
        "id",
        "rule",
        "severity",
        "title",
        "message",
        "quantity",
        "figures",
        "locations",
        "accepted",
    }
    assert finding["id"] == finding_id("FC201", ["doc/a", "doc/b"])
    assert (finding["rule"], finding["severity"], finding["title"]) == (
        "FC201",
        "error",
        "conflict",
    )
    assert finding["quantity"] == "q"
    assert finding["figures"] == ["doc/a", "doc/b"]
    assert finding["locations"] == [
        {"file": str(conflicting / "sources" / "doc.yaml"), "line": 6},
        {"file": str(conflicting / "sources" / "doc.yaml"), "line": 13},
    ]
    assert finding["accepted"] is False


def test_accepted_findings_are_reported_but_do_not_fail(conflicting):
    fid = finding_id("FC201", ["doc/a", "doc/b"])
    (conflicting / "accepted.yaml").write_text(
        f"accepted:\n  - finding: {fid}\n    why: different dates\n    reviewed:\n"
        "      doc/a: {value: 2200, approx: about, as_of: 2015}\n"
        "      doc/b: {value: 2719, approx: exact, as_of: 2015-11-19}\n"
    )
    result = invoke("check", "--data", conflicting, "--format", "json")
    assert result.exit_code == 0
    report = json.loads(result.output)
    assert report["summary"] == {"error": 0, "warning": 0, "info": 0, "accepted": 1}
    assert report["findings"][0]["accepted"] is True
    assert report["findings"][0]["why"] == "different dates"
    text = invoke("check", "--data", conflicting).output
    assert "accepted: different dates" in text


def test_severity_from_figcheck_yaml(conflicting):
    (conflicting / "figcheck.yaml").write_text("rules:\n  FC201:\n    severity: warning\n")
    assert invoke("check", "--data", conflicting).exit_code == 0


def test_rules_lists_every_rule():
    from figcheck.rules import RULES

    result = invoke("rules")
    assert result.exit_code == 0
    for rule in RULES.values():
        assert f"{rule.code}  {rule.severity:<7}  {rule.title}" in result.output


def test_rules_prints_one_rules_documentation():
    result = invoke("rules", "fc301")
    assert result.exit_code == 0
    assert "FC301 divergence (default severity: warning)" in result.output
    assert "Passes" in result.output and "Fails" in result.output
    assert "window_days (default 366)" in result.output


def test_unknown_rule():
    result = CliRunner().invoke(cli, ["rules", "FC999"])
    assert result.exit_code == 2 and "no rule 'FC999'" in result.stderr


def test_version():
    assert invoke("--version").output.strip() == f"figcheck, version {__version__}"


def test_unexpected_errors_are_one_line(monkeypatch, agreeing):
    import figcheck

    def broken(ledger, cache=True):
        raise RuntimeError("boom")

    monkeypatch.setattr(figcheck, "check_directory", broken)
    monkeypatch.delenv("FIGCHECK_DEBUG", raising=False)
    result = CliRunner().invoke(cli, ["check", "--data", str(agreeing)])
    assert result.exit_code == 2
    assert "internal error: RuntimeError: boom" in result.stderr
    assert "Traceback" not in result.output + result.stderr


def test_entry_point_and_python_m(agreeing):
    for command in (["figcheck"], [sys.executable, "-m", "figcheck"]):
        done = subprocess.run(
            [*command, "check", "--data", str(agreeing)], capture_output=True, text=True
        )
        assert done.returncode == 0, done.stderr


def test_help_does_not_import_heavy_modules():
    code = (
        "import sys; from figcheck.cli import cli\n"
        "try:\n    cli(['--help'])\nexcept SystemExit:\n    pass\n"
        "heavy = ('rich', 'yaml', 'sortedcontainers')\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in heavy))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip().splitlines()[-1] == "[]"


def test_every_rule_module_is_registered_under_its_own_code():
    from pathlib import Path

    import figcheck.rules as rules_package
    from figcheck.rules import MODULES, RULES

    files = sorted(p.stem for p in Path(rules_package.__file__).parent.glob("fc*.py"))
    assert sorted(MODULES) == files
    for name in MODULES:
        assert name.startswith(RULES[name[:5].upper()].code.lower())


def test_help_fits_a_60_column_terminal():
    result = CliRunner().invoke(cli, ["--help"], terminal_width=60)
    assert result.exit_code == 0
    assert max(len(line) for line in result.output.splitlines()) <= 60
    listed = [line.split()[0] for line in result.output.splitlines() if line.startswith("  ")]
    commands = [name for name in listed if name in cli.commands]
    assert commands[0] == "check"  # the everyday commands first, not alphabetical


@pytest.mark.parametrize("args", [["check", "--data", ""], ["report", "--data", " "], ["init", ""]])
def test_an_empty_directory_name_is_a_usage_error(args, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 2 and "is empty" in result.stderr
    assert not list(tmp_path.iterdir())  # nothing was checked or written here


def test_long_arguments_are_not_repeated_whole():
    for args in (["rules", "FC" + "9" * 10_000], ["accept", "x" * 100_000, "--why", "w"]):
        result = CliRunner().invoke(cli, args)
        assert result.exit_code == 2 and len(result.output) < 600, args[0]


def test_the_python_api_is_what_the_readme_shows():
    import figcheck

    result = figcheck.check(figcheck.load_ledger("data"))
    assert result.exit_code() == 0
    assert result.summary == {"error": 0, "warning": 0, "info": 0, "accepted": 29}
    assert all(isinstance(f, figcheck.Finding) for f in result.findings)
    with pytest.raises(figcheck.ledger.LedgerNotFound):
        figcheck.load_ledger("no-such-directory")
