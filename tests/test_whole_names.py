"""A speaker's name is shown whole in every message: cut at its first comma, "The
governments of Uzbekistan, Tajikistan and Kazakhstan" would read as "The governments of
Uzbekistan", a misattribution."""

from __future__ import annotations

import io

from figcheck.report.contents import build
from figcheck.report.terminal import render as render_report
from tests.builders import figure, quantity, result_of, write_documents_ledger

GOVERNMENTS = "The governments of Uzbekistan, Tajikistan, Kazakhstan, Turkmenistan and Kyrgyzstan"
MINISTER = "Oleg Syromolotov, Deputy Foreign Minister"


def test_names_with_commas_are_whole_in_every_rule_message(tmp_path):
    root = write_documents_ledger(
        tmp_path,
        {"q": quantity("stock"), "part": quantity("stock", subset_of=["q"])},
        {
            "doc-a": [figure("a", "q", 2000, "2015", said_by=GOVERNMENTS)],
            "doc-b": [figure("b", "q", 4000, "2015-06", said_by=GOVERNMENTS)],
            "doc-c": [figure("c", "part", 3000, "2015-06", said_by=MINISTER)],
        },
    )
    result = result_of(root)
    messages = {f.rule: f.message for f in result.findings}
    assert len(result.findings) == len(messages), messages
    # FC206 (the same governments, two figures), FC204 (a subset above its superset).
    assert {"FC206", "FC204"} <= set(messages), messages
    assert f"{GOVERNMENTS} is quoted with two figures" in messages["FC206"]
    assert f"2015, {GOVERNMENTS}, in doc-a)" in messages["FC206"]
    assert f"{MINISTER}, in doc-c" in messages["FC204"]


def test_the_report_shows_whole_names(tmp_path):
    root = write_documents_ledger(
        tmp_path,
        {"q": quantity("stock")},
        {"doc-a": [figure("a", "q", 2000, "2015", said_by=GOVERNMENTS)]},
    )
    result = result_of(root)
    for width in (60, 100):
        out = io.StringIO()
        render_report(build(result), out, width=width)
        flat = "".join(out.getvalue().split())
        assert "".join(GOVERNMENTS.split()) in flat, width
