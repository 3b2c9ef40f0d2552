"""`figcheck report --format markdown`: the report's sections without charts, every ledger
string escaped."""

from __future__ import annotations

import io

from figcheck import check, load_ledger
from figcheck.report import markdown
from figcheck.report.contents import build
from tests.builders import figure, quantity, result_of, write_documents_ledger


def as_markdown(result, quantity_id=None):
    out = io.StringIO()
    markdown.render(build(result, quantity_id), out)
    return out.getvalue()


def test_the_shipped_report_in_markdown():
    text = as_markdown(check(load_ledger("data")))
    assert text.startswith("# figcheck report: data\n")
    for heading in (
        "## Contents",
        "## ru-went-to-fight-syria-iraq",
        "### Consensus",
        "### Read together",
        "## Single figures",
        "## Speakers and outlets",
        "## Documents",
        "### tass-2015-11-19",
    ):
        assert f"\n{heading}\n" in text, heading
    assert "no consensus; 2 figures, 2 speakers, 24% apart" in text
    assert "×3 (lines 14, 22, 47)" in text
    assert "| Oleg Syromolotov, Deputy Foreign Minister | 7 | 0 | 0 | 1 | 6 |" in text


def test_ledger_strings_cannot_break_a_table_or_become_markup(tmp_path):
    quote = "the figure 5 | <script>alert(1)</script> *bold*"
    result = result_of(
        write_documents_ledger(
            tmp_path,
            {"q": quantity("stock")},
            {"doc": [figure("a", "q", 5, "2015", said_by="A | B <b>", quote=quote)]},
        )
    )
    text = as_markdown(result)
    assert "<script>" not in text and "<b>" not in text
    assert "the figure 5 \\| \\<script\\>alert(1)\\</script\\> \\*bold\\*" in text
    assert "A \\| B \\<b\\>" in text
    rows = [line for line in text.splitlines() if line.startswith("| ") and "script" in line]
    assert rows and all(line.count(" | ") == rows[0].count(" | ") for line in rows)
