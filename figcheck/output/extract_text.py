"""`figcheck extract --format text`: the work list, readable from 60 columns up.

Two lines per number: its line in the text, the number as written (with its value where it
reads differently: `forty-four = 44`, `hundreds = 200 to 999`) and its status; then, indented,
a few words either side of it.
"""

from __future__ import annotations

from typing import TextIO

from rich.text import Text

from figcheck.output.console import indented, make_console, printable
from figcheck.text.worklist import Row, Worklist
from figcheck.wording import plural

STATUS_STYLES = {"recorded": "green", "ignored": "dim", "unrecorded": "yellow"}


def render(worklist: Worklist, stream: TextIO, width: int | None = None) -> None:
    console = make_console(stream, width)
    heading = Text(worklist.document or "text outside the ledger", style="bold")
    heading.append(f"  {printable(worklist.path)}", style="dim")
    console.print(heading)
    # Lines only grow along the text: the last number's is the widest.
    line_width = max((len(str(n.line)) for n in worklist.anchors.numbers[-1:]), default=1)
    for row in worklist.rows:
        head = Text()
        head.append(f"{row.entry.number.line:>{line_width}}  ", style="dim")
        head.append_text(_number(row))
        head.append("  ")
        head.append_text(_status(row))
        console.print(head)
        console.print(indented(console, _context(row), line_width + 2))
    console.print(_summary(worklist))


def _number(row: Row) -> Text:
    number = row.entry.number
    text = Text()
    text.append(printable(row.it), style="bold")
    if meaning := number.meaning():
        text.append(f" = {meaning}", style="dim")
    return text


def _status(row: Row) -> Text:
    entry = row.entry
    text = Text()
    text.append(entry.status, style=STATUS_STYLES[entry.status])
    if entry.figure is not None:
        text.append(f" by {entry.figure}")
    elif entry.ignored is not None:
        text.append(f": {printable(entry.ignored.why)}", style="dim")
    return text


def _context(row: Row) -> Text:
    text = Text()
    text.append(printable(row.before), style="dim")
    text.append(printable(row.it), style="bold")
    text.append(printable(row.after), style="dim")
    return text


def _summary(worklist: Worklist) -> Text:
    counts = worklist.counts()
    text = Text(f"{plural(counts['found'], 'number')}: ")
    text.append(f"{counts['recorded']:,} recorded", style="green" if counts["recorded"] else "")
    text.append(f", {counts['ignored']:,} ignored, ")
    text.append(
        f"{counts['unrecorded']:,} unrecorded", style="yellow" if counts["unrecorded"] else ""
    )
    return text
