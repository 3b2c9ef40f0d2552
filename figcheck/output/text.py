"""`--format text` (the default): findings grouped by quantity, for a person at a terminal.

Colours are on only at a terminal, and never when NO_COLOR is set. Every finding shows its
severity, rule, message and file:line locations, and, when it can be accepted, its id (for
`figcheck accept`). Sections, in this order:

- Data errors: the ledger does not say what it should (FC101-FC105 at severity error), one
  line each, place first; they make the exit code 2 and cannot be accepted, only fixed;
- Texts and acceptances: the other findings that are about a place in a file rather than a
  quantity (a number no record accounts for, FC302; a document without a text, FC104; an
  entry of accepted.yaml to review, FC109), one line each, place first, with the id;
- one section per quantity, headed by its id and label, with its findings;
- the summary.

Every message is printed on its own lines whatever it holds: line breaks and control
characters from the ledger show as escapes (see output/console.py).
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any, TextIO

from rich.console import Console
from rich.text import Text

from figcheck.engine import CheckResult
from figcheck.model import Finding
from figcheck.output.console import (
    emit,
    make_console,
    printable,
    render_file_problem,
    render_finding,
    summary_text,
)


def render(result: CheckResult, stream: TextIO, width: int | None = None, **_: Any) -> None:
    console = make_console(stream, width)
    data_errors = [f for f in result.findings if f.is_data_error]
    about_files = [f for f in result.findings if f.quantity is None and not f.is_data_error]
    by_quantity: dict[str, list[Finding]] = defaultdict(list)
    for f in result.findings:
        if f.quantity is not None and not f.is_data_error:
            by_quantity[f.quantity].append(f)

    errors_heading = Text("Data errors", style="bold")
    errors_heading.append("  fix them first; they cannot be accepted", style="dim")
    _file_section(console, result, errors_heading, data_errors)
    _file_section(console, result, Text("Texts and acceptances", style="bold"), about_files)
    for quantity_id, group in by_quantity.items():
        quantity = result.ledger.quantities.get(quantity_id)
        heading = Text(quantity_id, style="bold")
        if quantity is not None:
            heading.append(f"  {printable(quantity.label)}", style="dim")
        emit(console, heading)
        for f in group:
            render_finding(console, result, f)
        emit(console)
    emit(console, summary_text(result))
    if not result.rules_ran:
        emit(
            console,
            Text(
                "The consistency rules did not run: fix the data errors above first.",
                style="bold red",
            ),
        )
    elif result.left_out:
        count = len(result.left_out)
        emit(
            console,
            Text(
                f"{count} figure{'s' if count > 1 else ''} that {'their' if count > 1 else 'its'}"
                f" document{'s do' if count > 1 else ' does'} not bear out (data errors above) "
                f"{'were' if count > 1 else 'was'} left out of the consistency rules; fix "
                f"{'them' if count > 1 else 'it'} and check again.",
                style="bold red",
            ),
        )


def _file_section(
    console: Console, result: CheckResult, heading: Text, findings: list[Finding]
) -> None:
    if not findings:
        return
    emit(console, heading)
    for f in findings:
        render_file_problem(console, result, f)
    emit(console)
