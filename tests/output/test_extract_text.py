"""`figcheck extract --format text` with a reason and a text that hold control characters:
shown as escapes, each number still on its two lines."""

from __future__ import annotations

import io

from figcheck import load_ledger
from figcheck.output import extract_text
from figcheck.text.worklist import build
from tests.output.report_ledgers import RAW_CONTROL


def test_reasons_and_context_are_shown_escaped(text_ledger):
    ledger = text_ledger(
        "Copyright 2015\x1b[2J. From Russia went to Syria 2719 Russian citizens.\n",
        [{"value": 2719, "quote": "went to Syria 2719 Russian citizens"}],
        [{"text": "Copyright 2015", "why": "a year,\nnot a count"}],
    )
    worklist = build("doc", load_ledger(ledger))
    out = io.StringIO()
    extract_text.render(worklist, out)
    output = out.getvalue()
    assert not RAW_CONTROL.search(output)
    assert "ignored: a year,\\nnot a count" in output
    assert "2015\\x1b[2J." in output
    # A heading, two lines a number (the "2" of the escape sequence is one), a summary.
    assert len(output.splitlines()) == 1 + 2 * len(worklist.rows) + 1
