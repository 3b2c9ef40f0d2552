"""`figcheck report` shows a quantity's own `window_days` where it is not the rule's."""

from __future__ import annotations

import io

from figcheck.report.contents import build
from figcheck.report.terminal import render
from tests.builders import figure, quantity, result_of, write_documents_ledger


def report(root, width=100) -> str:
    result = result_of(root)
    out = io.StringIO()
    render(build(result), out, width=width)
    return out.getvalue()


def test_a_quantity_window_is_shown_when_it_differs_from_the_rule(tmp_path):
    quantities = {
        "toll": quantity("cumulative", window_days=2),
        "injured": quantity("cumulative", window_days=366),
        "homeless": quantity("stock"),
    }
    # Two figures each: a quantity with one figure is listed among the single figures,
    # without a legend (nothing to compare, so no window to judge over).
    documents = {
        "doc": [
            figure(f"{qid}-{day}", qid, value, f"2023-02-0{day}")
            for qid, value in (("toll", 100), ("injured", 300), ("homeless", 5000))
            for day in (6, 7)
        ]
    }
    text = report(write_documents_ledger(tmp_path, quantities, documents))
    lines = [line.rstrip() for line in text.splitlines()]
    legends = {line.split("(")[-1] for line in lines if line.endswith(")")}
    assert "cumulative, people; window 2 days)" in legends
    # 366 days is the rule's window: nothing to say; and nothing without a window_days.
    assert "cumulative, people)" in legends and "stock, people)" in legends
    assert text.count("window") == 1


def test_the_default_is_the_window_figcheck_yaml_sets(tmp_path):
    quantities = {"toll": quantity("cumulative", window_days=30)}
    documents = {
        "doc": [figure("t", "toll", 100, "2023-02-06"), figure("u", "toll", 101, "2023-02-07")]
    }
    config = {"rules": {"FC301": {"window_days": 30}}}
    assert "window" not in report(
        write_documents_ledger(tmp_path, quantities, documents, config=config)
    )
    config = {"rules": {"FC301": {"window_days": 7}}}
    text = report(write_documents_ledger(tmp_path / "2", quantities, documents, config=config))
    assert "window 30 days" in text
