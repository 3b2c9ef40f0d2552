"""`figcheck report`: the ledger read family by family, for a person at a terminal.

Families with findings come first, then the others by how many figures they hold. Each gets
a section: a legend of its quantities, every figure in date order in one table (value as
written, its interval, a bar placing it on a scale shared by the family, when, who, where;
a figure repeated in one document is one row, "×3", with the lines of its records), the
family's findings (accepted ones with their reason), the consensus of each cluster of
figures about the same time, and what the figures say together (shares, sums of parts,
compounded changes). Families of one quantity and one figure are gathered into one compact
table; then how each speaker's and outlet's figures stand, and a summary: documents,
figures, findings by severity, and coverage of the texts' numbers.

A family of more than a handful of quantities names each figure's quantity by its id in the
table rather than by a letter to look up. The bar scale is set by the figures with two
finite, close bounds; an open bound ("over 2,000") or a vague range ("thousands") that
reaches beyond it ends in an arrow at the edge.

Everything that can be long (names, ids, titles, messages) is in the last column or on lines
of its own, wrapped at spaces or after a hyphen or slash (figcheck/report/wrapping.py),
never inside a word, and no character is dropped. From 80 columns up the table shows every
column; below that, or where the fixed columns leave too little room, each figure takes two
or more lines. Off a terminal (a pipe) lines are laid out for 80 columns but paragraphs are
not wrapped, so that grep finds whole messages.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any, TextIO

from rich.cells import cell_len
from rich.console import Console

from figcheck import dates, describe, values, wording
from figcheck.model import INF, SEVERITIES, Finding, Quantity
from figcheck.output.console import STYLES, make_console, printable, status
from figcheck.report import consensus
from figcheck.report.contents import Report, Section
from figcheck.report.speakers import Standing
from figcheck.report.statements import Statement
from figcheck.report.styled import Styled
from figcheck.report.wrapping import styled_lines

WIDE = 80
BAR = 14
GAP = "  "
LETTERS_UP_TO = 6  # quantities in a family named by a letter; more are named by their id
MIN_LAST = 20  # the narrowest the last column of a table may be


def render(
    report: Report,
    stream: TextIO,
    width: int | None = None,
    **_: Any,
) -> None:
    out = _Printer(make_console(stream, width))
    if report.data_errors:
        out.line(Styled("The ledger has data errors; fix them first (figcheck check):", "bold red"))
        for f in report.data_errors[:20]:
            _file_finding(out, report, f, 2)
        out.blank()
    for section in report.sections:
        _section(out, report, section)
    if report.singles:
        _singles(out, report, report.singles)
    if report.empty:
        names = ", ".join(q.id for s in report.empty for q in s.quantities)
        out.para(Styled("Quantities without figures: ", "bold") + Styled(names, "yellow"), 0, 2)
        out.blank()
    _standings(out, report)
    _about_files(out, report)
    _summary(out, report)
    out.flush()


class _Printer:
    """Lines for the console: each paragraph wrapped by wrapping.py, never by rich."""

    def __init__(self, console: Console) -> None:
        self.console = console
        self.unwrapped = console.soft_wrap  # a pipe: paragraphs stay whole, tables at 80
        self.width = console.width
        self._lines: list[Styled] = []

    def line(self, text: Styled) -> None:
        self._lines.append(text)

    def blank(self) -> None:
        self._lines.append(Styled())

    def para(self, text: Styled, indent: int, hanging: int | None = None) -> None:
        """`text` wrapped under `indent` spaces, its later lines under `hanging`."""
        lead = len(text.plain) - len(text.plain.lstrip(" "))
        if lead:  # leading spaces indent every line, as the caller meant
            text, indent = text[lead:], indent + lead
            hanging = None if hanging is None else hanging + lead
        hanging = indent if hanging is None else hanging
        if self.unwrapped:
            self.line(Styled(" " * indent) + text)
            return
        wrapped = styled_lines(text, self.width - hanging, self.width - indent)
        for i, piece in enumerate(wrapped):
            self.line(Styled(" " * (indent if i == 0 else hanging)) + piece)

    def cell(self, text: Styled, width: int) -> list[Styled]:
        return styled_lines(text, width)

    def flush(self) -> None:
        # Written in one go: each piece in its colour where the console shows colours.
        paint = _painter(self.console)
        stream = self.console.file
        stream.write("".join(line.render(paint) + "\n" for line in self._lines))
        self._lines = []


def _painter(console: Console) -> Callable[[str, str], str]:
    """How a piece of text is written in a style: as rich would write it on this console
    (its colour system, NO_COLOR respected), or plain off a terminal."""
    from rich.color import ColorSystem
    from rich.style import Style

    systems = {
        "standard": ColorSystem.STANDARD,
        "256": ColorSystem.EIGHT_BIT,
        "truecolor": ColorSystem.TRUECOLOR,
        "windows": ColorSystem.WINDOWS,
    }
    system = systems.get(console.color_system or "")
    if system is None:
        return lambda text, style: text
    cache: dict[str, Style] = {}

    def paint(text: str, style: str) -> str:
        found = cache.get(style)
        if found is None:
            found = Style.parse(style)
            if console.no_color:
                found = found.without_color
            cache[style] = found
        return found.render(text, color_system=system)

    return paint


# -- a family ----------------------------------------------------------------------------------


def _section(out: _Printer, report: Report, section: Section) -> None:
    family = section.family
    title = Styled(f"■ {family.id}", style="bold")
    size = len(family.quantities)
    if size > 1:
        title.append(f"  and {size - 1} related quantit{'y' if size == 2 else 'ies'}", "dim")
    out.para(title, 0, 2)
    keys = _keys(section)
    for quantity in family.quantities:
        _legend(
            out,
            section,
            quantity,
            keys.get(quantity.id),
            quantity.id == report.quantity,
            consensus.window_days(report.result.ledger.config),
        )
    _figures(out, section, keys)
    if section.findings:
        out.line(Styled("  Findings", style="bold"))
        _findings(out, report, section.findings)
    compared = [c for c in section.clusters if c.verdict != "alone"]
    alone = [c for c in section.clusters if c.verdict == "alone"]
    if section.clusters:
        out.line(Styled("  Consensus", style="bold"))
    for cluster in compared:
        style = "yellow" if cluster.verdict in ("none", "majority") else ""
        out.para(Styled("• " + printable(cluster.sentence()), style), 4, 6)
    if len(alone) == 1 and not compared:
        out.para(Styled("• " + printable(alone[0].sentence())), 4, 6)
    elif alone:
        names = ", ".join(dict.fromkeys(c.quantity.id for c in alone))
        text = Styled(f"• {wording.plural(len(alone), 'figure')} stand alone, with no other ")
        text.append("figure of their quantity at the time to compare them with: ")
        text.append(names, "bold")
        out.para(text, 4, 6)
    if section.notes:
        out.line(Styled("  Read together", style="bold"))
        for note in section.notes:
            out.para(Styled("• " + printable(note)), 4, 6)
    out.blank()


def _keys(section: Section) -> dict[str, str]:
    """A letter per quantity (A, B, ...) in a small family, so that one table holds it; none
    in a larger one, whose table names each figure's quantity."""
    if len(section.quantities) > LETTERS_UP_TO:
        return {}
    return {q.id: chr(ord("A") + i) for i, q in enumerate(section.quantities)}


def _legend(
    out: _Printer,
    section: Section,
    quantity: Quantity,
    key: str | None,
    highlighted: bool,
    default_window: int,
) -> None:
    line = Styled("  ")
    if key is not None:
        line.append(f"{key} ", style="bold cyan")
    line.append(quantity.id, style="bold reverse" if highlighted else "bold")
    if not section.family.of(quantity.id):
        line.append("  no figures", style="yellow")
    out.para(line, 0, 4)
    about = Styled(printable(quantity.label), style="italic")
    # A quantity with a window of its own (a toll updated daily) says so: its divergences
    # are judged over that window, not the one figcheck.yaml sets for the rest.
    window = quantity.window_days
    own = ""
    if window is not None and window != default_window:
        own = f"; window {wording.plural(window, 'day')}"
    about.append(
        f" ({quantity.kind}, {printable(quantity.unit)}{_relations(quantity)}{own})",
        style="dim",
    )
    out.para(about, 4)


def _relations(quantity: Quantity) -> str:
    parts = []
    if quantity.subset_of:
        parts.append("within " + ", ".join(quantity.subset_of))
    if quantity.parts:
        parts.append(("made of " if quantity.exhaustive else "parts: ") + ", ".join(quantity.parts))
    if quantity.of:
        parts.append(f"change of {quantity.of}")
    return "; " + "; ".join(parts) if parts else ""


def _who(statement: Statement) -> Styled:
    """'Oleg Syromolotov, Deputy Foreign Minister, in tass-2015-11-19 ×3 (lines 14, 22)':
    the whole name, never cut."""
    f = statement.figure
    who = Styled(printable(f.said_by))
    who.append(f", in {printable(f.document)}", style="dim")
    if statement.times > 1:
        lines = ", ".join(str(n) for n in statement.lines)
        who.append(f" ×{statement.times} (lines {lines})", style="bold")
    return who


@dataclass
class _Column:
    cell: str  # its key in the row's cells
    heading: str
    width: int
    right: bool = False


def _figures(out: _Printer, section: Section, keys: dict[str, str]) -> None:
    """Every figure of the family in date order, so the figures that matter stand together:
    a table from 80 columns (the bar, then the interval, give way where the last column
    would be too narrow), two or more lines a figure below that."""
    scales = _scales(section)
    rows = [_cells(s, keys, scales) for s in section.statements]

    def widest(cell: str) -> int:
        return max(cell_len(row[cell].plain) for row in rows)

    columns = [
        *([_Column("key", "", widest("key"))] if keys else []),
        _Column("as of", "as of", max(5, widest("as of"))),
        _Column("value", "value", max(5, widest("value")), right=True),
        _Column("interval", "interval", max(8, widest("interval"))),
        _Column("bar", _scale_heading(scales), BAR),
    ]
    if not any(row["bar"].plain.strip() for row in rows):
        columns.pop()  # no figure has a bar (changes below zero): no scale to show
    while columns[-1].cell in ("bar", "interval") and _fixed(columns) + MIN_LAST > out.width:
        columns.pop()
    if out.width < WIDE or _fixed(columns) + MIN_LAST > out.width:
        _stacked(out, section, keys)
        return
    last = out.width - _fixed(columns)
    head = Styled("  ")
    for column in columns:
        align = column.heading.rjust if column.right else column.heading.ljust
        head.append(align(column.width) + GAP, "bold")
    head.append("quantity; said by, in" if not keys else "said by, in", "bold")
    out.line(head)
    out.line(Styled("  " + "─" * (out.width - 2), "dim"))
    for row, statement in zip(rows, section.statements, strict=True):
        for i, tail in enumerate(_last_cell(out, statement, not keys, last)):
            line = Styled("  ")
            for column in columns:
                cell = row[column.cell] if i == 0 else Styled("")
                pad = Styled(" " * (column.width - cell_len(cell.plain)))
                line += (pad + cell) if column.right else (cell + pad)
                line.append(GAP)
            out.line(line + tail)


def _fixed(columns: Sequence[_Column]) -> int:
    return 2 + sum(c.width + len(GAP) for c in columns)


def _last_cell(out: _Printer, statement: Statement, named: bool, width: int) -> list[Styled]:
    lines: list[Styled] = []
    if named:
        lines += out.cell(Styled(statement.quantity.id, "bold cyan"), width)
    lines += out.cell(_who(statement), width)
    return lines


def _cells(
    statement: Statement, keys: dict[str, str], scales: dict[str, Fraction]
) -> dict[str, Styled]:
    f, quantity = statement.figure, statement.quantity
    return {
        "key": Styled(keys.get(quantity.id, ""), "bold cyan"),
        "as of": Styled(dates.describe(f.as_of)),
        "value": Styled(printable(describe.value(f, quantity)), "bold"),
        "interval": Styled(values.describe_interval(f.interval), "dim"),
        "bar": _bar(statement, scales.get(quantity.unit)),
    }


def _stacked(out: _Printer, section: Section, keys: dict[str, str]) -> None:
    """Two or more lines a figure, for a narrow terminal: key, date and value; then (in a
    large family) the quantity; then who said it, where."""
    for statement in section.statements:
        f, quantity = statement.figure, statement.quantity
        line = Styled("  ")
        if keys:
            line.append(f"{keys[quantity.id]}  ", "bold cyan")
        line.append(f"{dates.describe(f.as_of)}  ")
        line.append(printable(describe.value(f, quantity)), "bold")
        out.para(line, 0, 5)
        if not keys:
            out.para(Styled(quantity.id, "bold cyan"), 5)
        out.para(_who(statement), 5)


def _scale_heading(scales: dict[str, Fraction]) -> str:
    if len(scales) != 1:
        return "scale"
    (top,) = scales.values()
    return f"0 to {wording.number(top)}"


def _is_vague(statement: Statement) -> bool:
    """A range of a vague phrase ('thousands': 2,000 to 9,999): its high end is twice its
    low end or more."""
    interval = statement.figure.interval
    return statement.figure.approx == "range" and (
        interval.low <= 0 or interval.high >= 2 * interval.low
    )


def _scales(section: Section) -> dict[str, Fraction]:
    """Per unit, the bars' full width: the largest bound of the figures with two finite,
    close bounds (not "over 2,000", not "thousands"); of every figure where none has."""
    firm: dict[str, Fraction] = {}
    loose: dict[str, Fraction] = {}
    for s in section.statements:
        i = s.figure.interval
        unit = s.quantity.unit
        tops = firm if (i.high != INF and i.low != -INF and not _is_vague(s)) else loose
        for bound in (i.low, i.high, s.figure.stated):
            if isinstance(bound, Fraction) and abs(bound) > tops.get(unit, Fraction(0)):
                tops[unit] = abs(bound)
    return {unit: firm.get(unit, top) for unit, top in {**loose, **firm}.items()}


_EIGHTHS = " ▏▎▍▌▋▊▉"


def _bar(statement: Statement, scale: Fraction | None) -> Styled:
    """A bar from 0 to the figure's value on [0, scale], in eighths of a cell: solid up to the
    lower bound, shaded across the rest of the interval, an arrow at the edge where the
    interval reaches beyond the scale (an open bound, a vague range)."""
    interval = statement.figure.interval
    if not scale or interval.low < 0:
        return Styled(" " * BAR)
    steps = BAR * 8

    def step(value: Fraction) -> int:
        return min(steps, round(value / scale * steps))

    beyond = interval.high == INF or interval.high > scale
    low = max(step(interval.low), 1 if interval.low > 0 else 0)  # type: ignore[arg-type]
    high = steps if beyond else max(low, step(interval.high))  # type: ignore[arg-type]
    full, part = divmod(low, 8)
    solid = "█" * full + (_EIGHTHS[part] if part else "")
    shaded = "░" * max(0, -(-high // 8) - len(solid))
    bar = Styled(solid, "cyan") + Styled(shaded, "cyan")
    if beyond:
        bar = bar[: BAR - 1] + Styled("→", "bold cyan")
    bar.append(" " * (BAR - len(bar)))
    return bar


# -- findings ----------------------------------------------------------------------------------


def _findings(out: _Printer, report: Report, findings: Sequence[Finding]) -> None:
    """Open findings first, then by severity; accepted ones after. Each: a head line
    (severity or 'accepted', rule, title, id), its message, where it is (but for notices,
    whose figures the table shows), and the reason it was accepted, said once after a run of
    findings accepted for the same reason."""
    result = report.result
    ordered = sorted(findings, key=lambda f: (result.is_accepted(f), SEVERITIES.index(f.severity)))
    for i, f in enumerate(ordered):
        label, style = status(result, f)
        head = Styled("  ")
        head.append(f"{label:<8}", style=style)
        head.append(f" {f.rule} {f.title}", style="bold")
        head.append(f"  {f.id}", style="dim")
        out.para(head, 0, 4)
        accepted = result.is_accepted(f)
        out.para(Styled(printable(f.message), "dim" if accepted else ""), 4)
        if f.locations and f.severity != "info":
            where = printable(", ".join(str(loc) for loc in f.locations))
            out.para(Styled(f"at {where}", "dim"), 4)
        why = result.accepted.get(f.id) if accepted else None
        following = ordered[i + 1] if i + 1 < len(ordered) else None
        if why and (following is None or result.accepted.get(following.id) != why):
            run = 1
            while i - run >= 0 and result.accepted.get(ordered[i - run].id) == why:
                run += 1
            said = f"accepted ({'both' if run == 2 else f'all {run}'} above): " if run > 1 else ""
            out.para(Styled(f"{said or 'accepted: '}{printable(why)}", "green"), 4)


def _reason(out: _Printer, report: Report, f: Finding, indent: int) -> None:
    why = report.result.accepted.get(f.id) if report.result.is_accepted(f) else None
    if why:
        out.para(Styled(f"accepted: {printable(why)}", "green"), indent)


def _file_finding(out: _Printer, report: Report, f: Finding, indent: int) -> None:
    """`data/sources/x.yaml:12: error FC101 ...`: place first, as compilers write it; the id
    where the finding can be accepted."""
    label, style = status(report.result, f)
    where = printable(", ".join(str(loc) for loc in f.locations)) or printable(
        str(report.result.ledger.root)
    )
    line = Styled(f"{where}: ")
    line.append(label, style=style)
    line.append(f" {f.rule if f.is_data_error else f.id} ", style="bold")
    line.append(printable(f.message))
    out.para(line, indent, indent + 2)
    _reason(out, report, f, indent + 2)


# -- single figures, standings, summary --------------------------------------------------------


def _singles(out: _Printer, report: Report, singles: Sequence[Section]) -> None:
    """Families of one quantity and one figure, one row each, with how each finding about
    them stands; the reasons for accepted ones below, each reason once."""
    out.para(Styled("Single figures", "bold") + Styled("  one quantity, one figure each", "dim"), 0)
    statements = [s.statements[0] for s in singles]
    widths = (
        max(cell_len(dates.describe(s.figure.as_of)) for s in statements),
        max(cell_len(printable(describe.value(s.figure, s.quantity))) for s in statements),
    )
    fixed = 2 + widths[0] + len(GAP) + widths[1] + len(GAP)
    last = out.width - fixed
    side_by_side = out.width >= WIDE and last >= MIN_LAST
    if side_by_side:
        head = Styled("  " + "as of".ljust(widths[0]) + GAP + "value".rjust(widths[1]) + GAP)
        head.append("quantity; said by, in; finding")
        head.stylize("bold")
        out.line(head)
        out.line(Styled("  " + "─" * (out.width - 2), "dim"))
    reasons: dict[str, list[str]] = {}
    for section, statement in zip(singles, statements, strict=True):
        f, quantity = statement.figure, statement.quantity
        tail = out.cell(Styled(quantity.id, "bold cyan"), last) if side_by_side else []
        tail += out.cell(_who(statement), last) if side_by_side else []
        for finding in section.findings:
            label, style = status(report.result, finding)
            mark = Styled(label, style) + Styled(f" {finding.rule} {finding.title} {finding.id}")
            tail += out.cell(mark, last) if side_by_side else []
            why = report.result.accepted.get(finding.id) if label == "accepted" else None
            if why:
                reasons.setdefault(why, []).append(quantity.id)
        if side_by_side:
            date = Styled(dates.describe(f.as_of).ljust(widths[0]))
            value = printable(describe.value(f, quantity)).rjust(widths[1])
            first = Styled("  ") + date + Styled(GAP) + Styled(value, "bold") + Styled(GAP)
            blank = Styled(" " * fixed)
            for i, piece in enumerate(tail):
                out.line((first if i == 0 else blank) + piece)
            continue
        line = Styled("  ") + Styled(quantity.id, "bold cyan")
        out.para(line, 0, 4)
        when = Styled(f"{dates.describe(f.as_of)}  ")
        when.append(printable(describe.value(f, quantity)), "bold")
        out.para(when, 4)
        out.para(_who(statement), 4)
        for finding in section.findings:
            label, style = status(report.result, finding)
            out.para(
                Styled(label, style) + Styled(f" {finding.rule} {finding.title} {finding.id}"), 4
            )
    if reasons:
        out.line(Styled("  Accepted, with the reason", "bold"))
        for why, quantities in reasons.items():
            text = Styled("• ")
            text.append(", ".join(quantities), "bold")
            text.append(f": {printable(why)}", "green")
            out.para(text, 4, 6)
    out.blank()


STANDING_COLUMNS = ("figures", "agree", "disagree", "contested", "alone")


def _standings(out: _Printer, report: Report) -> None:
    if not report.speakers:
        return
    out.para(
        Styled("Speakers and outlets", "bold")
        + Styled(
            "  each one's figures against the consensus of their cluster: a count, not a "
            "verdict; a figure stands alone when no other speaker (outlet) gives one then",
            "dim",
        ),
        0,
        2,
    )
    _standing_table(out, "speaker", [(s, printable(s.name or "")) for s in report.speakers])
    outlets = [
        (s, printable(s.name) if s.name else f"{', '.join(s.documents)} (no outlet named)")
        for s in report.outlets
    ]
    _standing_table(out, "outlet", outlets)
    out.blank()


def _standing_table(out: _Printer, heading: str, rows: Sequence[tuple[Standing, str]]) -> None:
    head = Styled("  " + GAP.join(STANDING_COLUMNS) + GAP + heading, "bold")
    out.line(head)
    fixed = 2 + sum(len(c) + len(GAP) for c in STANDING_COLUMNS)
    for standing, name in rows:
        counts = (
            standing.figures,
            standing.agree,
            standing.disagree,
            standing.contested,
            standing.alone,
        )
        cells = GAP.join(
            f"{n:,}".rjust(len(c)) for n, c in zip(counts, STANDING_COLUMNS, strict=True)
        )
        first = Styled("  " + cells + GAP)
        wrapped = out.cell(Styled(name), max(MIN_LAST // 2, out.width - fixed))
        if out.unwrapped:
            wrapped = [Styled(name)]
        for i, piece in enumerate(wrapped):
            out.line((first if i == 0 else Styled(" " * fixed)) + piece)


def _about_files(out: _Printer, report: Report) -> None:
    """Findings about a place in a file rather than a quantity (an unrecorded number, a
    document without a text, an acceptance to review)."""
    found = [f for f in report.findings if f.quantity is None and not f.is_data_error]
    if not found:
        return
    out.line(Styled("Texts and acceptances", "bold"))
    for f in found:
        _file_finding(out, report, f, 2)
    out.blank()


def _summary(out: _Printer, report: Report) -> None:
    heading = "Summary"
    if report.quantity is not None:
        heading += f" of the family of {report.quantity}"
    out.line(Styled(heading, "bold"))
    for part in report.documents:
        document = part.document
        line = Styled(printable(document.id), "bold")
        published = f", {dates.describe(document.published)}" if document.published else ""
        outlet = f"{document.outlet}{published}" if document.outlet else published.lstrip(", ")
        about = f"  {document.title}" + (f" ({outlet})" if outlet else "")
        line.append(printable(about), "dim")
        out.para(line, 2, 4)
    summary = Styled()
    for words, kind in _summary_parts(report):
        summary.append(words, STYLES[kind] if kind else "")
    out.para(summary, 0, 2)
    coverage = report.coverage
    covered = Styled(coverage.summary())
    if coverage.total.unrecorded:
        covered.stylize(STYLES["warning"])
    if coverage.skipped:
        covered.append(
            f"; {len(coverage.skipped)} without a text: {', '.join(coverage.skipped)}", "dim"
        )
    out.para(covered, 0, 2)


def _summary_parts(report: Report) -> list[tuple[str, str | None]]:
    """The summary sentence with each count that is not zero marked by what it counts."""
    sentence = report.summary_sentence()
    head, _, tail = sentence.partition(": ")
    parts: list[tuple[str, str | None]] = [(head + ": ", None)]
    kinds = ("error", "warning", "info", "accepted")
    for i, (kind, words) in enumerate(zip(kinds, tail.split(", "), strict=True)):
        parts.append((words, kind if report.summary[kind] else None))
        if i < 3:
            parts.append((", ", None))
    return parts
