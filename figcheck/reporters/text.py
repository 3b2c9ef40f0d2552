"""`--format text` (the default): findings grouped by quantity, for a person at a terminal.

Colours are on only at a terminal, and never when NO_COLOR is set. Every finding shows its
severity, rule, id (for `figcheck accept`), message and file:line locations.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any, TextIO

from rich.console import Console
from rich.padding import Padding
from rich.text import Text

from figcheck.engine import CheckResult
from figcheck.model import Finding
from figcheck.wording import plural

STYLES = {"error": "bold red", "warning": "yellow", "info": "cyan", "accepted": "green"}


def make_console(stream: TextIO, width: int | None = None) -> Console:
    terminal = hasattr(stream, "isatty") and stream.isatty()
    return Console(
        file=stream,
        highlight=False,
        emoji=False,
        # Off a terminal (CI logs, pipes) long lines are not cut, so grep finds whole messages.
        soft_wrap=not terminal and width is None,
        width=width,
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
            heading.append(f"  {quantity.label}", style="dim")
        console.print(heading)
        for f in group:
            render_finding(console, result, f)
        console.print()
    console.print(summary_line(result))
    if not result.rules_ran:
        console.print(
            Text(
                "The consistency rules did not run: fix the data errors above first.",
                style="bold red",
            )
        )


def render_finding(console: Console, result: CheckResult, f: Finding) -> None:
    accepted = result.is_accepted(f)
    line = Text("  ")
    label = "accepted" if accepted else f.severity
    line.append(f"{label:<8}", style=STYLES["accepted" if accepted else f.severity])
    line.append(f" {f.rule} {f.title}", style="bold")
    line.append(f"  {f.id}", style="dim")
    if result.new is not None:
        line.append(
            "  new" if result.is_new(f) else "  existing",
            style="magenta" if result.is_new(f) else "dim",
        )
    console.print(line)
    body = Text(f.message)
    if accepted:
        body.stylize("dim")
    console.print(indented(console, body))
    if accepted and result.accepted.get(f.id):
        console.print(indented(console, Text(f"accepted: {result.accepted[f.id]}", style="green")))
    if f.locations:
        where = ", ".join(str(loc) for loc in f.locations)
        console.print(indented(console, Text(f"at {where}", style="dim")))


def indented(console: Console, text: Text, by: int = 4) -> Padding | Text:
    """Indented text: wrapped under its indent at a terminal, one long line elsewhere."""
    if console.soft_wrap:
        return Text(" " * by) + text
    return Padding(text, (0, 0, 0, by))


def render_file_problem(console: Console, result: CheckResult, f: Finding) -> None:
    """One line, place first, as compilers do: `data/sources/x.yaml:12: error FC101 ...`."""
    accepted = result.is_accepted(f)
    where = ", ".join(str(loc) for loc in f.locations) or str(result.ledger.root)
    line = Text(f"  {where}: ")
    line.append(
        "accepted" if accepted else f.severity, style=STYLES["accepted" if accepted else f.severity]
    )
    line.append(f" {f.rule} ", style="bold")
    line.append(f.message)
    console.print(line)


def summary_line(result: CheckResult) -> Text:
    counts, summary = result.counts, result.summary
    text = Text(
        f"{plural(counts['documents'], 'document')}, {plural(counts['figures'], 'figure')}, "
        f"{plural(counts['quantities'], 'quantity', 'quantities')}: "
    )
    parts = [
        (plural(summary["error"], "error"), "error" if summary["error"] else ""),
        (plural(summary["warning"], "warning"), "warning" if summary["warning"] else ""),
        (f"{summary['info']:,} info", ""),
        (f"{summary['accepted']:,} accepted", "accepted" if summary["accepted"] else ""),
    ]
    for i, (words, style) in enumerate(parts):
        text.append(words, style=STYLES.get(style, ""))
        text.append(", " if i < len(parts) - 1 else "")
    if result.new is not None:
        new = sum(1 for f in result.findings if result.is_new(f))
        text.append(f" ({new:,} new since the baseline)")
    return text
