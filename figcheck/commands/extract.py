"""`figcheck extract DOC_ID_OR_PATH`: every number in a text, with its status."""

from __future__ import annotations

import click

from figcheck.commands.common import data_option, fail, format_option, output_stream


@click.command(short_help="List every number in a text, and its status.")
@click.argument("target", metavar="DOC_ID_OR_PATH")
@data_option
@format_option()
@click.option(
    "--unrecorded",
    "only_unrecorded",
    is_flag=True,
    help="List only the numbers that are neither recorded nor ignored.",
)
def extract(target: str, data: str, output_format: str, only_unrecorded: bool) -> None:
    """List every number in a document's text with its line, its value, a few words either
    side, and its status: recorded (by which figure), ignored (and why), or unrecorded.

    DOC_ID_OR_PATH is a document id of the ledger, or the path of a text file (a text
    outside the ledger has only unrecorded numbers). This is the curator's work list: the
    unrecorded numbers are the ones FC302 reports. Exit code 0 unless the arguments are
    wrong (2).
    """
    from pathlib import Path

    from figcheck import load_ledger
    from figcheck.ledger import LedgerNotFound
    from figcheck.text.worklist import TargetError, build

    try:
        ledger = load_ledger(data)
    except LedgerNotFound as error:
        if not Path(target).is_file():
            fail(f"{error}; pass --data DIR, or the path of a text file")
        ledger = None
    try:
        worklist = build(target, ledger)
    except TargetError as error:
        fail(str(error))
    if worklist.document is not None and ledger is not None and ledger.has_data_errors:
        click.echo(
            "figcheck: warning: the ledger has data errors (see `figcheck check`); records "
            "with errors are left out of the statuses below",
            err=True,
        )
    if only_unrecorded:
        worklist = worklist.only_unrecorded()
    if output_format == "json":
        from figcheck.output.extract_json import render
    else:
        from figcheck.output.extract_text import render
    with output_stream(output_format) as stream:
        render(worklist, stream)
