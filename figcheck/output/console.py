"""What the outputs for people at a terminal share (`check`, `report`, `add`, `extract`):
the console, the colours, indentation, text made safe to print, and how a finding looks.

Every string that comes from the ledger (messages, names, titles, reasons, paths) goes
through `printable` before it is printed: a YAML value can hold a line break, a tab, an
escape sequence that a terminal would obey, or a mark that reverses the direction of the
rest of a line. Shown as escapes instead (`\\n`, `\\x1b`, `\\u202e`), each finding stays on its
lines and reads as what the ledger holds.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TextIO

from rich.console import Console
from rich.padding import Padding
from rich.text import Text

from figcheck.engine import CheckResult
from figcheck.findings import one_line
from figcheck.model import Finding
from figcheck.output.common import summary_parts
from figcheck.output.escaping import UNPRINTABLE, printable

STYLES = {"error": "bold red", "warning": "yellow", "info": "cyan", "accepted": "green"}

# How text from the ledger is made safe to print lives in a module without rich, for the
# commands' one-line errors; it is re-exported here for the outputs.
__all__ = ["UNPRINTABLE", "printable"]


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


def emit(console: Console, line: Text | Padding | None = None) -> None:
    """Print one line (an empty one without `line`). Where rich would change nothing (off a
    terminal, without colour: no wrapping, no styles) a Text is written as it is: rich's
    layout per line costs more than the rest of a check when there are 100,000 findings."""
    if line is None:
        line = Text()
    if isinstance(line, Text) and console.soft_wrap and console.color_system is None:
        console.file.write(line.plain + "\n")
    else:
        console.print(line)


def indented(console: Console, text: Text, by: int = 4) -> Padding | Text:
    """Indented text: wrapped under its indent at a terminal, one long line elsewhere."""
    if console.soft_wrap:
        return Text(" " * by) + text
    return Padding(text, (0, 0, 0, by))


def status(result: CheckResult, f: Finding) -> tuple[str, str]:
    """The word a finding is labelled with (its severity, or 'accepted') and its style."""
    label = "accepted" if result.is_accepted(f) else f.severity
    return label, STYLES[label]


def locations(f: Finding) -> str:
    return printable(", ".join(str(loc) for loc in f.locations))


def render_finding(console: Console, result: CheckResult, f: Finding) -> None:
    """A finding in a quantity's section: a head line (severity, rule, id, and with a
    baseline whether it is new), then indented its message, the reason it was accepted,
    and where it is."""
    label, style = status(result, f)
    line = Text("  ")
    line.append(f"{label:<8}", style=style)
    line.append(f" {f.rule} {f.title}", style="bold")
    line.append(f"  {f.id}", style="dim")
    if result.new is not None:
        line.append(
            "  new" if result.is_new(f) else "  existing",
            style="magenta" if result.is_new(f) else "dim",
        )
    emit(console, line)
    accepted = result.is_accepted(f)
    emit(console, indented(console, Text(printable(f.message), style="dim" if accepted else "")))
    _reason(console, result, f)
    if f.locations:
        emit(console, indented(console, Text(f"at {locations(f)}", style="dim")))


def render_file_problem(console: Console, result: CheckResult, f: Finding, by: int = 2) -> None:
    """A finding about a place in a file, on one line, place first as compilers write it:
    `data/sources/x.yaml:12: error FC101 ...`. A finding that can be accepted shows its id
    (`warning FC302:3f9a1c0b2d ...`), which `figcheck accept` takes; a data error, which
    cannot be accepted, its rule."""
    label, style = status(result, f)
    where = locations(f) or printable(str(result.ledger.root))
    line = Text(f"{where}: ")
    line.append(label, style=style)
    line.append(f" {f.rule if f.is_data_error else f.id} ", style="bold")
    line.append(printable(f.message))
    emit(console, indented(console, line, by))
    _reason(console, result, f, by + 2)


def _reason(console: Console, result: CheckResult, f: Finding, by: int = 4) -> None:
    why = result.accepted.get(f.id) if result.is_accepted(f) else None
    if why:
        emit(console, indented(console, Text(f"accepted: {printable(why)}", style="green"), by))


def summary_text(result: CheckResult) -> Text:
    """The run's summary sentence, each count that is not zero in its severity's colour."""
    text = Text()
    for words, kind in summary_parts(result):
        text.append(words, style=STYLES[kind] if kind else "")
    return text


def write_refusal(problems: Iterable[Finding], what: str, where: str, err: TextIO) -> None:
    """A change that figcheck would not write: each of its problems, place first, then one
    line saying so (`figcheck add`, `quantity add`, `ignore`)."""
    for problem in problems:
        err.write(printable(one_line(problem)) + "\n")
    err.write(
        f"figcheck: {printable(what)} is not valid (it would go to {where}); nothing was written\n"
    )
