"""`figcheck report`: the ledger read family by family, for a person at a terminal.

Each family of related quantities gets a section: per quantity, a table of its figures in
date order (value as written, its interval, a bar placing it on a scale shared by the
family, when, who, where), then the family's findings (accepted ones with their reason), then
what the figures say together (shares, sums of parts, compounded changes). A summary closes
the report: documents, figures, findings by severity, and coverage of the texts' numbers.

From 80 columns up every column is shown; below that the interval and the bar give way, so
that the report stays readable in a 60-column terminal.
"""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction
from typing import TYPE_CHECKING, Any, TextIO

from rich import box
from rich.console import Console
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from figcheck import dates, describe, insights, values, wording
from figcheck.engine import CheckResult
from figcheck.family import Family
from figcheck.model import INF, Figure, Quantity
from figcheck.output.console import (
    STYLES,
    indented,
    make_console,
    printable,
    render_file_problem,
    render_finding,
    summary_text,
)

if TYPE_CHECKING:
    from figcheck.text.anchoring import Coverage

WIDE = 80
BAR = 14


def render(
    result: CheckResult,
    stream: TextIO,
    families: Sequence[Family],
    coverage: Coverage,
    highlight: str | None = None,
    width: int | None = None,
    **_: Any,
) -> None:
    console = make_console(stream, width)
    data_errors = [f for f in result.findings if f.is_data_error]
    if data_errors:
        console.print(
            Text("The ledger has data errors; fix them first (figcheck check):", style="bold red")
        )
        for f in data_errors[:20]:
            render_file_problem(console, result, f)
        console.print()
    for family in families:
        _section(console, result, family, highlight)
    _summary(console, result, coverage)


def _section(console: Console, result: CheckResult, family: Family, highlight: str | None) -> None:
    top = family.quantities[0]
    title = Text(f"■ {top.id}", style="bold")
    size = len(family.quantities)
    if size > 1:
        title.append(f"  and {size - 1} related quantit{'y' if size == 2 else 'ies'}", style="dim")
    console.print(title)
    keys = _keys(family)
    for quantity in family.quantities:
        _legend(console, family, quantity, keys[quantity.id], quantity.id == highlight)
    _figures(console, family, keys)
    members = {q.id for q in family.quantities}
    family_findings = [f for f in result.findings if f.quantity in members]
    if family_findings:
        console.print(Text("  Findings", style="bold"))
        for finding in family_findings:
            render_finding(console, result, finding)
    notes = insights.notes(family, result.ledger.config)
    if notes:
        console.print(Text("  Read together", style="bold"))
        for note in notes:
            console.print(indented(console, Text("• " + printable(note)), 4))
    console.print()


def _keys(family: Family) -> dict[str, str]:
    """A short key per quantity (A, B, ...), so that one table can hold the whole family."""
    letters = [chr(ord("A") + i) for i in range(26)]
    return {q.id: letters[i] if i < 26 else str(i + 1) for i, q in enumerate(family.quantities)}


def _legend(
    console: Console, family: Family, quantity: Quantity, key: str, highlighted: bool
) -> None:
    line = Text(f"  {key} ", style="bold cyan")
    line.append(quantity.id, style="bold reverse" if highlighted else "bold")
    if not family.of(quantity.id):
        line.append("  no figures", style="yellow")
    console.print(line)
    about = Text(printable(quantity.label), style="italic")
    about.append(
        f" ({quantity.kind}, {printable(quantity.unit)}{_relations(quantity)})", style="dim"
    )
    console.print(indented(console, about, 4))


def _rows(family: Family, keys: dict[str, str]) -> list[tuple[Figure, Quantity]]:
    return sorted(
        ((f, q) for q in family.quantities for f in family.of(q.id)),
        key=lambda pair: (pair[0].as_of.start, pair[0].as_of.end, keys[pair[1].id]),
    )


def _figures(console: Console, family: Family, keys: dict[str, str]) -> None:
    """Every figure of the family in date order, so the figures that matter stand together:
    a table from 80 columns, two lines a figure below that."""
    if console.width >= WIDE:
        console.print(Padding(_table(family, keys), (0, 0, 0, 2)))
        return
    for f, quantity in _rows(family, keys):
        line = Text(f"  {keys[quantity.id]}  ", style="bold cyan")
        line.append(f"{dates.describe(f.as_of)}  ")
        line.append(printable(describe.value(f, quantity)), style="bold")
        console.print(line)
        console.print(indented(console, _who(f), 5))


def _who(f: Figure) -> Text:
    who = Text(printable(describe.speaker(f.said_by)))
    who.append(f", {f.document}", style="dim")
    return who


def _table(family: Family, keys: dict[str, str]) -> Table:
    scales = _scales(family)
    table = Table(box=box.SIMPLE_HEAD, padding=(0, 1), pad_edge=False, show_edge=False)
    table.add_column("", no_wrap=True, style="bold cyan")
    table.add_column("as of", no_wrap=True)
    table.add_column("value", justify="right", no_wrap=True, style="bold")
    table.add_column("interval", style="dim", overflow="fold")
    table.add_column(_scale_heading(scales), no_wrap=True, width=BAR)
    table.add_column("said by, in", ratio=1, min_width=16, overflow="fold")
    for f, quantity in _rows(family, keys):
        table.add_row(
            keys[quantity.id],
            dates.describe(f.as_of),
            printable(describe.value(f, quantity)),
            values.describe_interval(f.interval),
            _bar(f, scales.get(quantity.unit)),
            _who(f),
        )
    return table


def _scale_heading(scales: dict[str, Fraction]) -> str:
    if len(scales) != 1:
        return "scale"
    (top,) = scales.values()
    return f"0 to {wording.number(top)}"


def _relations(quantity: Quantity) -> str:
    parts = []
    if quantity.subset_of:
        parts.append("within " + ", ".join(quantity.subset_of))
    if quantity.parts:
        parts.append(("made of " if quantity.exhaustive else "parts: ") + ", ".join(quantity.parts))
    if quantity.of:
        parts.append(f"change of {quantity.of}")
    return "; " + "; ".join(parts) if parts else ""


def _scales(family: Family) -> dict[str, Fraction]:
    """Per unit, the largest finite bound among the family's figures: the bars' full width."""
    top: dict[str, Fraction] = {}
    for quantity in family.quantities:
        for f in family.of(quantity.id):
            for bound in (f.interval.low, f.interval.high, f.stated):
                if bound != INF and bound != -INF and abs(bound) > top.get(quantity.unit, 0):
                    top[quantity.unit] = abs(bound)  # type: ignore[assignment]
    return top


_EIGHTHS = " ▏▎▍▌▋▊▉"


def _bar(figure: Figure, scale: Fraction | None) -> Text:
    """A bar from 0 to the figure's value on [0, scale], in eighths of a cell: solid up to the
    lower bound, shaded across the rest of the interval, an arrow where it has no upper end."""
    interval = figure.interval
    if not scale or interval.low < 0:
        return Text("")
    steps = BAR * 8

    def step(value: Fraction) -> int:
        return min(steps, round(value / scale * steps))

    low = max(step(interval.low), 1 if interval.low > 0 else 0)  # type: ignore[arg-type]
    unbounded = interval.high == INF
    high = steps if unbounded else max(low, step(interval.high))  # type: ignore[arg-type]
    full, part = divmod(low, 8)
    bar = Text("█" * full + (_EIGHTHS[part] if part else ""), style="cyan")
    shaded = -(-high // 8) - len(bar)
    if shaded > 0:
        bar.append("░" * (shaded - unbounded) + ("→" if unbounded else ""), style="cyan")
    bar.append(" " * (BAR - len(bar)))
    return bar


def _summary(console: Console, result: CheckResult, coverage: Coverage) -> None:
    console.print(Text("Summary", style="bold"))
    for document in result.ledger.documents.values():
        line = Text(f"  {document.id}", style="bold")
        published = f", {dates.describe(document.published)}" if document.published else ""
        outlet = f"{document.outlet}{published}" if document.outlet else published.lstrip(", ")
        about = f"  {document.title}" + (f" ({outlet})" if outlet else "")
        line.append(printable(about), style="dim")
        console.print(line)
    console.print(summary_text(result))
    covered = Text(coverage.summary())
    if coverage.total.unrecorded:
        covered.stylize(STYLES["warning"])
    if coverage.skipped:
        covered.append(
            f"; {len(coverage.skipped)} without a text: {', '.join(coverage.skipped)}",
            style="dim",
        )
    console.print(covered)
