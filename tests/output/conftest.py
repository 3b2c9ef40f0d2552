"""The check results of the ledgers in report_ledgers.py, as fixtures."""

from __future__ import annotations

import pytest

from figcheck.engine import CheckResult
from tests.output.report_ledgers import CONFIG, QUANTITIES, SOURCES, checked, mixed_files


@pytest.fixture
def mixed(tmp_path, monkeypatch, write_tree) -> CheckResult:
    result = checked(tmp_path, monkeypatch, write_tree, mixed_files())
    # The ledger must hold what the tests rely on; say so plainly if a rule changes.
    rules = sorted((f.rule, f.severity, result.is_accepted(f)) for f in result.findings)
    assert rules == [
        ("FC109", "warning", False),
        ("FC201", "error", False),
        ("FC201", "error", False),
        ("FC201", "error", True),
        ("FC201", "error", True),
        ("FC301", "info", False),
    ], rules
    return result


@pytest.fixture
def data_error(tmp_path, monkeypatch, write_tree) -> CheckResult:
    files = mixed_files()
    files["sources/c.yaml"] = files["sources/c.yaml"].replace("value: 3500", 'value: "3,500"')
    result = checked(tmp_path, monkeypatch, write_tree, files)
    assert [f.rule for f in result.findings if f.is_data_error] == ["FC101"]
    return result


@pytest.fixture
def clean(tmp_path, monkeypatch, write_tree) -> CheckResult:
    files = {
        "quantities.yaml": QUANTITIES,
        "sources/c.yaml": SOURCES["sources/c.yaml"],
        "figcheck.yaml": CONFIG,
    }
    result = checked(tmp_path, monkeypatch, write_tree, files)
    assert result.findings == ()
    return result


@pytest.fixture
def no_quantities(tmp_path, monkeypatch, write_tree) -> CheckResult:
    files = {"sources/c.yaml": SOURCES["sources/c.yaml"]}
    result = checked(tmp_path, monkeypatch, write_tree, files)
    assert [loc.line for f in result.findings for loc in f.locations][:1] == [0]
    return result
