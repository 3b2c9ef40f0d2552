"""`--format text`: the sections findings are shown in, ids where they can be used, and
messages that keep to their lines whatever the ledger holds."""

from __future__ import annotations

import io
import textwrap

import pytest

from figcheck import check, load_ledger
from figcheck.engine import CheckResult
from figcheck.output import text
from figcheck.output.common import summary
from tests.output.report_ledgers import ODD_SPEAKER, RAW_CONTROL, checked, mixed_files


def rendered(result: CheckResult, width: int | None = None) -> str:
    out = io.StringIO()
    text.render(result, out, width=width)
    return out.getvalue()


def section(output: str, heading: str) -> str:
    """The lines under a heading, up to the blank line that ends the section."""
    start = output.index(heading + "\n") if heading + "\n" in output else output.index(heading)
    return output[start:].split("\n\n")[0]


def test_a_finding_without_a_quantity_shows_its_id_for_accept(mixed):
    output = rendered(mixed)
    (fc109,) = [f for f in mixed.findings if f.rule == "FC109"]
    (line,) = [line for line in output.splitlines() if str(fc109.locations[0]) in line]
    assert f"warning {fc109.id} " in line
    assert fc109.id in section(output, "Texts and acceptances")
    assert "Data errors" not in output


def with_text(text_ledger, text: str, quote: str) -> CheckResult:
    """The result for one document with a text and one figure of 2,719, quoted as given."""
    return check(load_ledger(text_ledger(text, [{"value": 2719, "quote": quote}])))


def test_an_unrecorded_number_shows_its_id_under_texts(text_ledger):
    result = with_text(
        text_ledger,
        "From Russia went to Syria 2719 Russian citizens, 160 of them were killed.",
        "went to Syria 2719 Russian citizens",
    )
    (fc302,) = [f for f in result.findings if f.rule == "FC302"]
    listed = section(rendered(result), "Texts and acceptances")
    assert f"{fc302.locations[0]}: warning {fc302.id} 160 " in listed


def test_data_errors_have_their_own_section_without_ids(data_error):
    output = rendered(data_error)
    (fc101,) = [f for f in data_error.findings if f.is_data_error]
    errors = section(output, "Data errors")
    assert f"{fc101.locations[0]}: error FC101 " in errors
    assert fc101.id not in output, "a data error cannot be accepted; its id is of no use"
    assert "Texts and acceptances" not in errors


def test_anchoring_data_errors_join_the_data_errors(text_ledger):
    result = with_text(
        text_ledger,
        "From Russia went to Syria 2719 Russian citizens.",
        "went to Syria 2791 Russian citizens",
    )
    (fc104,) = [f for f in result.findings if f.rule == "FC104"]
    assert fc104.is_data_error and fc104.quantity is not None
    output = rendered(result)
    assert f"error FC104 the quote of {fc104.figures[0]}" in section(output, "Data errors")
    # The quantity's section, if it has one (its only figure is unverifiable), is not
    # where the data error shows.
    quantity_section = output.split(fc104.quantity + "  ", 1)[1:]
    assert all("FC104" not in part for part in quantity_section), "a data error shows once"


def test_accepted_file_findings_show_why(tmp_path, monkeypatch, write_tree):
    files = mixed_files()
    files["figcheck.yaml"] = "rules: {FC301: {severity: info}}\n"  # FC104 on
    result = checked(tmp_path, monkeypatch, write_tree, files)
    # A document without a text (FC104, info) can be accepted; an entry of accepted.yaml
    # to review (FC109) cannot.
    no_text = next(f for f in result.findings if f.rule == "FC104")
    files["accepted.yaml"] = textwrap.dedent(files["accepted.yaml"]) + (
        f"  - finding: {no_text.id}\n    why: kept as a record\n"
    )
    again = checked(tmp_path, monkeypatch, write_tree, files)
    assert again.is_accepted(no_text)
    listed = section(rendered(again), "Texts and acceptances")
    assert f"accepted {no_text.id} " in listed
    assert "accepted: kept as a record" in listed


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
