"""What `figcheck accept` shows: the finding about to be accepted (its message, its figures
as they are now, and the entry that accepts it already), what was written (or, with
--dry-run, would be), what --refresh recorded, and every acceptance with its state (--list).

Every string that comes from the ledger goes through `printable`, as in the other outputs.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TextIO

from figcheck.model import Acceptance, Figure, Quantity
from figcheck.output.console import printable
from figcheck.reviewed import Change
from figcheck.values import as_written
from figcheck.wording import plural
from figcheck.writing.accepting import AcceptanceState, Accepted, Refreshed, Target


def render_target(target: Target, out: TextIO) -> None:
    """The finding, its figures as they are now, and the entry that accepts it already."""
    finding = target.finding
    quantities = target.result.ledger.quantities
    out.write(f"{finding.id}  {finding.severity} {finding.rule} {finding.title}\n")
    out.write(f"  {printable(finding.message)}\n")
    if target.figures:
        out.write("  figures, as they are now:\n")
        for figure in target.figures:
            out.write(f"    {_figure(figure, quantities)}\n")
    earlier = target.earlier
    if earlier is None:
        return
    out.write(f"  accepted already at {printable(str(earlier.location))}: {_why(earlier)}\n")
    if target.changes:
        out.write("  but its figures changed since they were reviewed:\n")
        _changes(target.changes, quantities, out, "    ")
    elif earlier.reviewed is None:
        out.write("  (that entry does not record the figures it was reviewed for)\n")


def render_accepted(accepted: Accepted, out: TextIO, *, dry_run: bool) -> None:
    finding, where = accepted.finding, printable(f"{accepted.file}:{accepted.line}")
    if accepted.unchanged:
        out.write(
            f"{finding.id} is already accepted at {where} with this reason, for its figures as "
            "they are; nothing to write.\n"
        )
        return
    if dry_run:
        how = (
            " (a new file)"
            if accepted.created
            else (", in place of its entry" if accepted.target.earlier else "")
        )
        out.write(f"Dry run: {finding.id} would be accepted at {where}{how}; nothing written:\n")
        out.write("".join(f"{printable(line)}\n" for line in accepted.entry.splitlines()))
        return
    earlier = accepted.target.earlier
    if earlier is not None:
        reason = ", with the new reason" if accepted.why != earlier.why else ""
        out.write(
            f"Accepted {finding.id} ({finding.rule} {finding.title}) again at {where}, for its "
            f"figures as they are now{reason}; `figcheck check` now shows it as accepted.\n"
        )
        return
    made = " (a new file)" if accepted.created else ""
    out.write(
        f"Accepted {finding.id} ({finding.rule} {finding.title}) at {where}{made}; "
        "`figcheck check` now shows it as accepted.\n"
    )


def render_refreshed(refreshed: Refreshed, out: TextIO, *, dry_run: bool) -> None:
    file, quantities = printable(refreshed.file), refreshed.quantities
    verb = "Would record" if dry_run else "Recorded"
    for entry, finding, item in refreshed.recorded:
        count = plural(len(finding.figures), "figure")
        out.write(f"{verb} the {count} of {finding.id} at {printable(str(entry.location))}")
        if dry_run:
            out.write(":\n" + "".join(f"{printable(line)}\n" for line in item.splitlines()))
        else:
            out.write(".\n")
    for entry, skip, changes in refreshed.skipped:
        where = printable(str(entry.location))
        if skip == "gone":
            out.write(
                f"Left {entry.finding} at {where} alone: its finding no longer occurs; "
                "remove the entry.\n"
            )
        else:
            out.write(
                f"Left {entry.finding} at {where} alone: its figures changed since they were "
                f"reviewed, so it is not accepted until reviewed again (figcheck accept "
                f"{entry.finding}):\n"
            )
            _changes(changes, quantities, out, "  ")
    done = len(refreshed.recorded)
    already = f" ({refreshed.kept} already did)" if refreshed.kept else ""
    if not done:
        out.write(f"No acceptance in {file} lacks its figures{already}; nothing written.\n")
    elif dry_run:
        out.write(
            f"Dry run: would record the figures of {plural(done, 'acceptance')} in {file}"
            f"{already}; nothing written.\n"
        )
    else:
        out.write(
            f"Recorded the figures of {plural(done, 'acceptance')} in {file}{already}: each "
            "holds while its figures say what they say now.\n"
        )


STATE_WORDS = {
    "current": "current",
    "unrecorded": "current, but records no figures (figcheck accept --refresh records them)",
    "stale": "stale: its figures changed since review, so it does not hold",
    "gone": "no longer occurs: remove the entry",
    "unchecked": "not checked: its rule is off",
}


COUNT_WORDS = {
    "current": "current",
    "unrecorded": "without figures",
    "stale": "stale",
    "gone": "no longer occurring",
    "unchecked": "not checked",
}


def render_list(
    states: tuple[AcceptanceState, ...], quantities: Mapping[str, Quantity], out: TextIO
) -> None:
    if not states:
        out.write("No finding is accepted.\n")
        return
    for state in states:
        entry = state.entry
        out.write(
            f"{printable(str(entry.location))}  {entry.finding}  {STATE_WORDS[state.state]}\n"
        )
        out.write(f"  why: {_why(entry)}\n")
        _changes(state.changes, quantities, out, "  ")
        if state.state == "stale":
            out.write(f'  to do: review it again, figcheck accept {entry.finding} --why "..."\n')
    counts: dict[str, int] = {}
    for state in states:
        counts[state.state] = counts.get(state.state, 0) + 1
    parts = [f"{counts[s]} {word}" for s, word in COUNT_WORDS.items() if s in counts]
    out.write(f"{plural(len(states), 'acceptance')}: {', '.join(parts)}.\n")


def _figure(figure: Figure, quantities: Mapping[str, Quantity]) -> str:
    quantity = quantities.get(figure.quantity)
    value = as_written(figure.value, figure.approx, quantity.unit if quantity else "")
    return printable(f"{figure.full_id}: {value}, as of {figure.as_of.text} ({figure.location})")


def _why(entry: Acceptance) -> str:
    return printable(entry.why) if entry.why else "(no reason given)"


def _changes(
    changes: tuple[Change, ...], quantities: Mapping[str, Quantity], out: TextIO, indent: str
) -> None:
    for change in changes:
        out.write(f"{indent}{printable(change.describe(quantities))}\n")
