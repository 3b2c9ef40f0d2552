"""`--format text` (the default): findings grouped by quantity, for a person at a terminal.

Colours are on only at a terminal, and never when NO_COLOR is set. Every finding shows its
severity, rule, id (for `figcheck accept`), message and file:line locations. Every message is
printed on its own lines whatever it holds: line breaks and control characters from the
ledger show as escapes (see reporters/console.py).
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any, TextIO

from rich.text import Text

from figcheck.engine import CheckResult
from figcheck.model import Finding
from figcheck.reporters.console import (
    make_console,
    printable,
    render_file_problem,
    render_finding,
    summary_text,
)


def render(result: CheckResult, stream: TextIO, width: int | None = None, **_: Any) -> None:
    console = make_console(stream, width)
    data_errors = [f for f in result.findings if f.quantity is None]
    by_quantity: dict[str, list[Finding]] = defaultdict(list)
    for f in result.findings:
        if f.quantity is not None:
            by_quantity[f.quantity].append(f)

    if data_errors:
        console.print(Text("Ledger files", style="bold"))
        for f in data_errors:
            render_file_problem(console, result, f)
        console.print()
    for quantity_id, group in by_quantity.items():
        quantity = result.ledger.quantities.get(quantity_id)
        heading = Text(quantity_id, style="bold")
        if quantity is not None:
            heading.append(f"  {printable(quantity.label)}", style="dim")
        console.print(heading)
        for f in group:
            render_finding(console, result, f)
        console.print()
    console.print(summary_text(result))
    if not result.rules_ran:
        console.print(
            Text(
                "The consistency rules did not run: fix the data errors above first.",
                style="bold red",
            )
        )
