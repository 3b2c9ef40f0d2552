"""`--format text`: messages that keep to their lines whatever the ledger holds, and the
closing summary."""

from __future__ import annotations

import io

import pytest
from report_ledgers import ODD_SPEAKER, RAW_CONTROL, mixed_files

from figcheck import check, load_ledger
from figcheck.engine import CheckResult
from figcheck.reporters import text
from figcheck.reporters.common import summary


def rendered(result: CheckResult, width: int | None = None) -> str:
    out = io.StringIO()
    text.render(result, out, width=width)
    return out.getvalue()


@pytest.mark.parametrize("width", [None, 60, 100])
def test_a_message_with_a_line_break_keeps_to_its_lines(mixed, width):
    output = rendered(mixed, width)
    assert not RAW_CONTROL.search(output)
    shown = ODD_SPEAKER.replace("\n", "\\n").replace("\x07", "\\x07")
    joined = " ".join(output.split()) if width else output
    assert " ".join(shown.split()) in joined
    if width is None:
        # Off a terminal, a message is one line: grep finds it whole.
        messages = [line for line in output.splitlines() if "Ana | 100% Ruiz" in line]
        assert messages and all(line.startswith("    ") for line in messages)
    else:
        assert max(len(line) for line in output.splitlines()) <= width


def test_escape_sequences_and_direction_marks_are_shown_not_obeyed(tmp_path, write_tree):
    files = mixed_files()
    files["sources/c.yaml"] = files["sources/c.yaml"].replace(
        "said_by: Ministry", 'said_by: "Ministry\\e[2J\\u202eevil\\tor\\rnot"'
    )
    files["quantities.yaml"] = files["quantities.yaml"].replace(
        "label: People fighting at the time", 'label: "People\\nfighting"'
    )
    result = check(load_ledger(write_tree(tmp_path / "ledger", files)))
    output = rendered(result)
    assert not RAW_CONTROL.search(output)
    assert "Ministry\\x1b[2J\\u202eevil\\tor\\rnot" in output
    assert "fighters  People\\nfighting" in output


def test_the_closing_line_is_the_summary_every_format_gives(mixed):
    assert rendered(mixed).splitlines()[-1] == summary(mixed)
    baseline = mixed.with_baseline([])
    assert rendered(baseline).splitlines()[-1] == summary(baseline)
    assert summary(baseline).endswith(f"({len(mixed.findings)} new since the baseline)")
