"""What `figcheck add` shows: the record written (or, with --dry-run, that would be), and
the findings the new figure takes part in, each unaccepted one with what to do about it
(`Finding.advice`); or, for an invalid record, its problems.

`--format json` writes one object:

    {"figcheck": "0.1.0", "figure": "doc/id", "file": "data/sources/doc.yaml",
     "lines": [12, 17], "created": false, "written": true, "dry_run": false,
     "record": "- id: ...", "problems": [...], "findings": [...], "exit_code": 1}

`dates` lists the dates given as phrases and the EDTF written for them ({"option":
"--as-of", "given": "late 2017", "written": "2017-39"}). Without --approx, `hedge`
({"approx": "over", "words": "More than"}) says which words next to the value's number set
the approx, where the document has any.

`problems` and `findings` hold finding objects as in `figcheck check --format json`.
"""

from __future__ import annotations

from typing import Any, TextIO

from rich.text import Text

from figcheck import __version__
from figcheck.output.common import json_text
from figcheck.output.console import (
    indented,
    make_console,
    printable,
    render_finding,
    write_refusal,
)
from figcheck.output.json_report import finding_object
from figcheck.wording import plural
from figcheck.writing.adding import Added


def render(format_name: str, added: Added, out: TextIO, err: TextIO, *, dry_run: bool) -> None:
    if format_name == "json":
        render_json(added, out, dry_run=dry_run)
    else:
        render_text(added, out, err, dry_run=dry_run)


def render_text(added: Added, out: TextIO, err: TextIO, *, dry_run: bool) -> None:
    where = printable(f"{added.file}:{added.first_line}")
    if added.problems:
        write_refusal(added.problems, added.figure, where, err)
        return
    console = make_console(out)
    for translation in added.dates:
        console.print(Text(printable(translation.describe())))
    if added.hedge is not None:
        hedge = added.hedge
        console.print(Text(f"approx: {hedge.approx}, from '{printable(hedge.words)}'"))
    if added.written:
        made = f"; created {printable(added.file)} for the new document" if added.created else ""
        console.print(Text(f"Added {printable(added.figure)} at {where}{made}."))
        if added.copied_text:
            console.print(Text(f"Copied its document's text to {printable(added.copied_text)}."))
    else:
        new_file = " (a new file)" if added.created else ""
        figure = printable(added.figure)
        console.print(Text(f"Dry run: {figure} would go to {where}{new_file}; nothing written:"))
        record = "\n".join(printable(line) for line in added.item.splitlines())
        console.print(Text(record, style="dim"))
    assert added.result is not None
    if not added.involved:
        console.print("No finding involves the new figure.")
        return
    console.print(Text(f"The new figure takes part in {plural(len(added.involved), 'finding')}:"))
    for finding in added.involved:
        render_finding(console, added.result, finding)
        if not added.result.is_accepted(finding):
            console.print(indented(console, Text(f"to do: {finding.advice}")))


def render_json(added: Added, out: TextIO, *, dry_run: bool) -> None:
    result = added.result
    document: dict[str, Any] = {
        "figcheck": __version__,
        "figure": added.figure,
        "file": added.file,
        "lines": [added.first_line, added.last_line],
        "created": added.created,
        "written": added.written,
        "dry_run": dry_run,
        "record": added.item,
        "problems": [finding_object(None, p) for p in added.problems],
        "findings": [finding_object(result, f) for f in added.involved] if result else [],
        "exit_code": added.exit_code(),
    }
    if added.copied_text:
        document["copied_text"] = added.copied_text
    if added.dates:
        document["dates"] = [
            {"option": t.option, "given": t.given, "written": t.written} for t in added.dates
        ]
    if added.hedge is not None:
        document["hedge"] = {"approx": added.hedge.approx, "words": added.hedge.words}
    out.write(json_text(document, indent=2))
    out.write("\n")
