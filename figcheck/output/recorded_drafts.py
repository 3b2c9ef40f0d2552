"""What `figcheck add --from FILE` shows: each draft recorded, with its line in the source
file and the line of its draft, then the findings the new records bring, each unaccepted
one with what to do about it; or, when a draft is invalid, every problem with its draft
file's line, and that nothing was written.

`--format json` writes one object:

    {"figcheck": "0.1.0", "drafts": "drafts.yaml", "file": "data/sources/doc.yaml",
     "written": true, "dry_run": false,
     "recorded": [{"line": 12, "figure": "doc/departed", "written_line": 31},
                  {"line": 40, "ignore": "in 2015", "written_line": 52}],
     "problems": [{"line": 20, "message": "error FC105 ..."}],
     "findings": [...], "exit_code": 0}

`line` is the draft's line in the draft file, `written_line` the record's in the source file
(`file`). `findings` hold finding objects as in `figcheck check --format json`.
"""

from __future__ import annotations

import json
from typing import Any, TextIO

from rich.text import Text

from figcheck import __version__
from figcheck.output.console import indented, make_console, printable, render_finding
from figcheck.output.json_report import finding_object
from figcheck.wording import plural
from figcheck.writing.from_drafts import Recorded


def render(format_name: str, recorded: Recorded, out: TextIO, err: TextIO) -> None:
    if format_name == "json":
        render_json(recorded, out)
    else:
        render_text(recorded, out, err)


def render_text(recorded: Recorded, out: TextIO, err: TextIO) -> None:
    if recorded.invalid:
        for outcome in recorded.invalid:
            for problem in outcome.problems:
                err.write(printable(f"{recorded.draft_file}:{outcome.line}: {problem}") + "\n")
        err.write(
            f"figcheck: {plural(len(recorded.invalid), 'draft')} of {len(recorded.outcomes)} in "
            f"{printable(recorded.draft_file)} {'is' if len(recorded.invalid) == 1 else 'are'} "
            "not valid; nothing was written\n"
        )
        return
    console = make_console(out)
    figures = [o for o in recorded.outcomes if o.kind == "figure"]
    ignores = [o for o in recorded.outcomes if o.kind == "ignore"]
    counts = (
        f"{plural(len(figures), 'figure')} and "
        f"{plural(len(ignores), 'ignore entry', 'ignore entries')}"
    )
    if recorded.written:
        console.print(Text(f"Recorded {counts} in {printable(recorded.file)}:"))
    else:
        console.print(
            Text(f"Dry run: {counts} would go to {printable(recorded.file)}; nothing written:")
        )
    for outcome in recorded.outcomes:
        what = outcome.name if outcome.kind == "figure" else f"ignore {outcome.name!r}"
        at = "" if outcome.written_line is None else f"line {outcome.written_line}: "
        console.print(Text(f"  {at}{printable(what)} (draft line {outcome.line})"))
    result = recorded.result
    if result is None:
        return
    if not recorded.findings:
        console.print("They bring no finding.")
        return
    console.print(Text(f"They bring {plural(len(recorded.findings), 'finding')}:"))
    for finding in recorded.findings:
        render_finding(console, result, finding)
        if not result.is_accepted(finding):
            console.print(indented(console, Text(f"to do: {finding.advice}")))


def render_json(recorded: Recorded, out: TextIO) -> None:
    result = recorded.result
    document: dict[str, Any] = {
        "figcheck": __version__,
        "drafts": recorded.draft_file,
        "file": recorded.file,
        "written": recorded.written,
        "dry_run": not recorded.written and not recorded.invalid,
        "recorded": []
        if recorded.invalid
        else [
            {"line": o.line, o.kind: o.name, "written_line": o.written_line}
            for o in recorded.outcomes
        ],
        "problems": [
            {"line": o.line, "message": problem} for o in recorded.invalid for problem in o.problems
        ],
        "findings": [finding_object(result, f) for f in recorded.findings],
        "exit_code": recorded.exit_code(),
    }
    json.dump(document, out, indent=2, ensure_ascii=False)
    out.write("\n")
