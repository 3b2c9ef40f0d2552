"""What `figcheck quantity add`, `figcheck quantity relate` and `figcheck ignore` show: what
was written (or, with --dry-run, would be), then the findings the change brings, each
unaccepted one with what to do about it; or, for a change that would bring a data error,
its problems, one line each, and that nothing was written.

`--format json` writes one object:

    {"figcheck": "0.1.0", "quantity": "ru-went" (or "document": "tass"),
     "file": "data/quantities.yaml", "lines": [210, 214], "created": false,
     "written": true, "dry_run": false, "entry": "  ru-went:\\n    label: ...",
     "problems": [...], "findings": [...], "exit_code": 0}

with, for `quantity add`, `naming` (how many figures already name the quantity) and, for
`ignore`, `numbers` (each number the entry covers: line, text, status) and `unrecorded`.
"""

from __future__ import annotations

import json
from typing import Any, TextIO

from rich.text import Text

from figcheck import __version__
from figcheck.output.console import (
    indented,
    make_console,
    printable,
    render_finding,
    write_refusal,
)
from figcheck.output.json_report import finding_object
from figcheck.wording import plural
from figcheck.writing.changing import Change
from figcheck.writing.defining import Defined
from figcheck.writing.ignoring import IgnoreAdded


def render(
    format_name: str,
    change: Change,
    out: TextIO,
    err: TextIO,
    *,
    done: str,
    what: str,
    dry_run: bool,
) -> None:
    """`done` says what was done, as a sentence begins ('Defined ru-went', 'Related ru-went:
    within ru-all', 'Ignored in tass'); `what` names what is added ('quantity ru-went', 'the
    relation', 'the ignore entry'), for a dry run."""
    if format_name == "json":
        render_json(change, out, dry_run=dry_run)
    else:
        render_text(change, out, err, done=done, what=what, dry_run=dry_run)


def render_text(
    change: Change, out: TextIO, err: TextIO, *, done: str, what: str, dry_run: bool
) -> None:
    where = printable(f"{change.file}:{change.first_line}")
    if change.problems:
        write_refusal(change.problems, what, where, err)
        return
    console = make_console(out)
    made = " (a new file)" if change.created else ""
    if change.written:
        console.print(Text(f"{printable(done)} at {where}{made}."))
    else:
        console.print(
            Text(f"Dry run: {printable(what)} would go to {where}{made}; nothing written:")
        )
        lines = "\n".join(printable(line) for line in change.item.splitlines())
        console.print(Text(lines, style="dim"))
    if isinstance(change, Defined) and change.naming:
        console.print(Text(f"{plural(change.naming, 'figure')} of the ledger name it."))
    if isinstance(change, IgnoreAdded):
        _ignored(console, change)
    if change.result is None:
        return
    if not change.result.rules_ran:
        console.print("The ledger has data errors elsewhere, so the rules did not run.")
        return
    if not change.findings:
        console.print("It brings no finding.")
        return
    console.print(Text(f"It brings {plural(len(change.findings), 'finding')}:"))
    for finding in change.findings:
        render_finding(console, change.result, finding)
        if not change.result.is_accepted(finding):
            console.print(indented(console, Text(f"to do: {finding.advice}")))


def _ignored(console: Any, change: IgnoreAdded) -> None:
    for entry in change.numbers:
        number = entry.number
        line = Text(f"  line {number.line}: {printable(number.text)} ")
        if entry.figure is not None:
            line.append(f"stays recorded by {entry.figure}", style="dim")
        else:
            line.append("ignored", style="dim")
        console.print(line)
    left = change.unrecorded
    console.print(
        Text(
            f"{change.document}: {plural(left, 'number')} still neither recorded nor ignored"
            + (f" (figcheck extract {change.document} --unrecorded)" if left else ".")
        )
    )


def render_json(change: Change, out: TextIO, *, dry_run: bool) -> None:
    result = change.result
    document: dict[str, Any] = {"figcheck": __version__}
    if isinstance(change, Defined):
        document["quantity"] = change.quantity
    if isinstance(change, IgnoreAdded):
        document["document"] = change.document
    document.update(
        {
            "file": change.file,
            "lines": [change.first_line, change.last_line],
            "created": change.created,
            "written": change.written,
            "dry_run": dry_run,
            "entry": change.item,
            "problems": [finding_object(None, p) for p in change.problems],
            "findings": [finding_object(result, f) for f in change.findings] if result else [],
        }
    )
    if isinstance(change, Defined):
        document["naming"] = change.naming
    if isinstance(change, IgnoreAdded):
        document["numbers"] = [
            {
                "line": e.number.line,
                "text": e.number.text,
                "status": e.status,
                "figure": e.figure,
            }
            for e in change.numbers
        ]
        document["unrecorded"] = change.unrecorded
    document["exit_code"] = change.exit_code()
    json.dump(document, out, indent=2, ensure_ascii=False)
    out.write("\n")
