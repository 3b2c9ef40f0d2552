"""`--format markdown`: a pull-request comment whose tables survive any message."""

from __future__ import annotations

import io
import re

import yaml

from figcheck.engine import CheckResult
from figcheck.output import markdown
from tests.builders import acceptance
from tests.output.report_ledgers import (
    ACCEPTED_FIGHTERS,
    ODD_FILE,
    WHY_FIGHTERS,
    checked,
    mixed_files,
    with_baseline_of_accepted_and_one,
)

CELL_BORDER = re.compile(r"(?<!\\)\|")  # a pipe that is not escaped ends a cell


def render(result: CheckResult) -> str:
    out = io.StringIO()
    markdown.render(result, out)
    return out.getvalue()


def tables(text: str) -> list[list[list[str]]]:
    """Every table as its rows of cells (header and separator included)."""
    found: list[list[list[str]]] = []
    current: list[list[str]] | None = None
    for line in text.splitlines():
        if line.startswith("|"):
            assert line.endswith(" |"), f"a table row must end its last cell: {line!r}"
            cells = [c.strip() for c in CELL_BORDER.split(line)[1:-1]]
            if current is None:
                current = []
                found.append(current)
            current.append(cells)
        else:
            current = None
    return found


def section(text: str, start: str, end: str) -> str:
    return text[text.index(start) : text.index(end, text.index(start))]


def unescape(cell: str) -> str:
    return re.sub(r"\\(.)", r"\1", cell).replace("<br>", "\n")


def test_summary_line_on_top(mixed):
    first = render(mixed).splitlines()[0]
    assert first.startswith("**figcheck**: 3 documents, 7 figures, 3 quantities: 2 errors")


def test_tables_keep_their_shape(mixed):
    found = tables(render(mixed))
    assert len(found) == 2  # open findings; accepted ones
    for table in found:
        width = len(table[0])
        assert all(len(row) == width for row in table), table
        assert set(table[1]) == {"---"}


def test_open_findings_table(mixed):
    open_table, _ = tables(render(mixed))
    header, _, *rows = open_table
    assert header == ["Severity", "Rule", "Message", "Location", "Id"]
    unaccepted = [f for f in mixed.findings if not mixed.is_accepted(f)]
    assert sorted(row[4] for row in rows) == sorted(f"`{f.id}`" for f in unaccepted)
    assert [row[0] for row in rows] == ["error", "error", "warning", "info"]
    for row in rows:
        finding = next(f for f in unaccepted if f"`{f.id}`" == row[4])
        assert unescape(row[2]) == finding.message.replace("\x07", "\\x07")
        assert unescape(row[3]) == "\n".join(str(loc) for loc in finding.locations)
        assert unescape(row[1]) == f"{finding.rule} {finding.title}"


def test_messages_cannot_break_the_markdown(mixed):
    text = render(mixed)
    odd = next(line for line in text.splitlines() if "Ana" in line and "100" in line)
    assert "Ana \\| 100% Ruiz<br>of the" in odd
    assert f"ledger/sources/{ODD_FILE}" in unescape(odd)
    assert "\\<later\\> \\& elsewhere" in text  # no HTML or entity from a reason


def test_accepted_findings_are_in_a_collapsed_section(mixed):
    text = render(mixed)
    details = section(text, "<details>", "</details>")
    assert "<summary>2 accepted findings</summary>" in details
    (table,) = tables(details)
    header, _, *rows = table
    assert header[-1] == "Why"
    assert {row[4] for row in rows} == {f"`{i}`" for i in mixed.accepted}
    fighters = next(row for row in rows if row[4] == f"`{ACCEPTED_FIGHTERS}`")
    assert unescape(fighters[-1]) == WHY_FIGHTERS
    before = text[: text.index("<details>")]
    assert all(f"`{i}`" not in before for i in mixed.accepted)


def test_all_clear(clean):
    text = render(clean)
    assert tables(text) == []
    assert "No findings" in text
    assert "<details>" not in text


def test_baseline_puts_existing_findings_apart(mixed):
    result = with_baseline_of_accepted_and_one(mixed)
    text = render(result)
    existing = [f for f in result.findings if not result.is_new(f) and not result.is_accepted(f)]
    assert len(existing) == 1
    new_table = tables(text[: text.index("<details>")])[0]
    assert f"`{existing[0].id}`" not in {row[4] for row in new_table}
    existing_section = section(text, "that existed at the baseline", "</details>")
    assert f"`{existing[0].id}`" in existing_section
    assert "(3 new since the baseline)" in text.splitlines()[0]


def test_baseline_without_new_findings(mixed):
    result = mixed.with_baseline(f.id for f in mixed.findings)
    text = render(result)
    assert "No new findings since the baseline" in text
    assert text.count("<details>") == 2


def test_data_errors_say_the_rules_did_not_run(data_error):
    text = render(data_error)
    assert "did not run" in text
    (table,) = tables(text)
    assert table[2][1] == "FC101 invalid record"


def test_no_new_open_findings_with_a_baseline(mixed):
    result = mixed.with_baseline(f.id for f in mixed.findings if not mixed.is_accepted(f))
    # Only accepted findings are "new" here: nothing open, nothing new and open.
    text = render(result)
    assert "No new findings since the baseline." in text
    only_accepted = [f for f in mixed.findings if mixed.is_accepted(f)]
    assert len(tables(text)) == 2  # existing ones, accepted ones; no table of new findings
    assert all(
        f"`{f.id}`" in section(text, "accepted finding", "</details>") for f in only_accepted
    )


def test_all_clear_names_the_accepted_findings(mixed, tmp_path, monkeypatch, write_tree):
    ids = [f.id for f in mixed.findings if f.rule != "FC109"]
    entries = [acceptance(mixed, i, "reviewed") for i in ids]
    files = {**mixed_files(), "accepted.yaml": yaml.safe_dump({"accepted": entries})}
    (tmp_path / "again").mkdir()
    result = checked(tmp_path / "again", monkeypatch, write_tree, files)
    text = render(result)
    assert f"No open findings ({len(ids)} accepted findings below)." in text
    assert len(tables(text)) == 1
