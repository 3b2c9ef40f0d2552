"""`figcheck report` with names, titles and labels that hold line breaks and escape
sequences: shown as escapes, and the report still fits 60 and 100 columns."""

from __future__ import annotations

import io

import pytest

from figcheck import check, load_ledger
from figcheck.report.contents import build
from figcheck.report.terminal import render
from tests.output.report_ledgers import RAW_CONTROL, mixed_files


@pytest.mark.parametrize("width", [60, 100])
def test_odd_text_from_the_ledger_is_shown_escaped_and_fits(tmp_path, write_tree, width):
    files = mixed_files()
    files["sources/c.yaml"] = (
        files["sources/c.yaml"]
        .replace("said_by: Ministry", 'said_by: "Minis\\e[2Jtry\\u202e"')
        .replace("title: Third report", 'title: "Third\\nreport"')
    )
    files["quantities.yaml"] = files["quantities.yaml"].replace(
        "label: People killed", 'label: "People\\rkilled"'
    )
    result = check(load_ledger(write_tree(tmp_path / "ledger", files)))
    out = io.StringIO()
    render(build(result), out, width=width)
    output = out.getvalue()
    assert not RAW_CONTROL.search(output)
    assert max(len(line) for line in output.splitlines()) <= width
    flat = "".join(output.split())
    for shown in ("Minis\\x1b[2Jtry\\u202e", "Third\\nreport", "People\\rkilled"):
        assert shown in flat
