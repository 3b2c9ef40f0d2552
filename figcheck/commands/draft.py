"""`figcheck draft DOC`: draft the records and ignore entries a document's text calls for."""

from __future__ import annotations

import sys

import click

from figcheck.commands.common import data_option, fail, load


@click.command(short_help="Draft records for a document's unrecorded numbers.")
@click.argument("document", metavar="DOC")
@data_option
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["yaml", "json"]),
    default="yaml",
    show_default=True,
    help="yaml: a source-file fragment to review and record with `figcheck add --from`; "
    "json: for programs.",
)
def draft(document: str, data: str, output_format: str) -> None:
    """Draft a record, or an `ignore:` entry, for each number of DOC's text that is neither
    recorded nor ignored, in text order.

    Each record's fields are read from the text: the value as written (number words,
    ranges, decimal commas, "fell by 46%" as -46), the approx from the hedge words next to
    it, the quote (the clause that carries the number), as_of (the date its sentence or
    paragraph gives, else the publication date, uncertain), said_by (the speaker the
    attribution names, else `author`) and the quantity of the ledger whose words match
    best (left empty when none matches well). Numbers that are plainly not figures (dates,
    times, page furniture, "no one") are drafted as ignore entries with a reason.

    Nothing is written. Review the YAML, then record it with `figcheck add --from FILE`,
    or go through the drafts one by one with `figcheck curate DOC`. Exit code 0, or 2 when
    DOC is unknown or has no readable text.
    """
    from figcheck.text.drafting.drafts import DraftError, draft_document

    ledger = load(data)
    if ledger.has_data_errors:
        click.echo(
            "figcheck: warning: the ledger has data errors (see `figcheck check`); records "
            "with errors are left out, so their numbers are drafted again",
            err=True,
        )
    try:
        drafts = draft_document(ledger, document)
    except DraftError as error:
        fail(str(error))
    if output_format == "json":
        from figcheck.output.drafts_json import render

        render(drafts, sys.stdout)
    else:
        from figcheck.output.drafts_yaml import render as render_yaml

        render_yaml(drafts, sys.stdout, data=data)
