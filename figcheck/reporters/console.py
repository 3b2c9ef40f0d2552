"""What the reporters for people at a terminal share (`check`, `report`, `add`, `extract`):
the console, the colours, indentation, and how a finding looks."""

from __future__ import annotations

from typing import TextIO

from rich.console import Console
from rich.padding import Padding
from rich.text import Text

from figcheck.engine import CheckResult
from figcheck.model import Finding
from figcheck.reporters.common import summary_parts

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


def indented(console: Console, text: Text, by: int = 4) -> Padding | Text:
    """Indented text: wrapped under its indent at a terminal, one long line elsewhere."""
    if console.soft_wrap:
        return Text(" " * by) + text
    return Padding(text, (0, 0, 0, by))


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


def summary_text(result: CheckResult) -> Text:
    """The run's summary sentence, each count that is not zero in its severity's colour."""
    text = Text()
    for words, kind in summary_parts(result):
        text.append(words, style=STYLES[kind] if kind else "")
    return text
