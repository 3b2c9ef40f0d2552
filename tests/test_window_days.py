"""`window_days` in quantities.yaml: read as a whole number of days, refused otherwise with
its line, and described by the JSON Schema alike."""

from __future__ import annotations

import pytest

from figcheck import load_ledger
from tests.test_ledger_schema import QUANTITIES, verdicts


def with_window(value: str) -> str:
    return QUANTITIES.replace("kind: flow", f"kind: flow\n    window_days: {value}")


def test_a_quantity_keeps_its_window(tmp_path, write_tree):
    root = write_tree(tmp_path / "ledger", {"quantities.yaml": with_window("3")})
    ledger = load_ledger(root)
    assert ledger.quantities["victims"].window_days == 3
    assert ledger.quantities["departed"].window_days is None


@pytest.mark.parametrize("value", ["0", "3", "366", "null"])
def test_schema_and_loader_both_accept(value, tmp_path, write_tree):
    assert verdicts("quantities", with_window(value), tmp_path, write_tree) == (True, True)


@pytest.mark.parametrize("value", ["-1", "2.5", "three", "true", "'3'", "[3]"])
def test_schema_and_loader_both_reject(value, tmp_path, write_tree):
    assert verdicts("quantities", with_window(value), tmp_path, write_tree) == (False, False)


def test_a_bad_window_is_reported_at_its_line(tmp_path, write_tree):
    root = write_tree(tmp_path / "ledger", {"quantities.yaml": with_window("-2")})
    (problem,) = [f for f in load_ledger(root).problems if f.is_data_error]
    line = with_window("-2").splitlines().index("    window_days: -2") + 1
    assert problem.rule == "FC101"
    assert problem.locations[0].line == line
    assert "window_days" in problem.message and "whole number of days" in problem.message
