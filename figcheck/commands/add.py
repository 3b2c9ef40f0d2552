"""`figcheck add`: record a new figure, validated and checked before it is written."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import click

from figcheck.commands.common import (
    data_option,
    fail,
    format_option,
    load,
    output_stream,
    refuse,
    warn_if_unlocked,
)
from figcheck.terms import APPROXES

if TYPE_CHECKING:
    from figcheck.ledger import Ledger

# The fields a figure needs, with their options, in the order they are asked for.
REQUIRED = {
    "document": "--document",
    "quantity": "--quantity",
    "value": "--value",
    "as_of": "--as-of",
    "said_by": "--said-by",
    "quote": "--quote",
}


def _required(help_text: str) -> str:
    """Help marked as click marks a required option: these are not click-required, because
    figcheck asks for them at a terminal, but a command without them is refused."""
    return f"{help_text}  [required]"


def stdin_is_terminal() -> bool:
    """Whether figcheck may ask for what is missing (tests replace this)."""
    return sys.stdin.isatty()


@click.command("add", short_help="Record a new figure, checked before saving it.")
@click.option(
    "--document", metavar="DOC", help=_required("The document's id; a new id creates a document.")
)
@click.option(
    "--quantity", metavar="Q", help=_required("What the figure counts (a quantities.yaml id).")
)
@click.option(
    "--value", metavar="V", help=_required("2719, 2,719, -46, 2.5, or LOW..HIGH for a range.")
)
@click.option(
    "--approx",
    metavar="A",
    type=click.Choice(APPROXES, case_sensitive=False),
    help="exact (the default), about, nearly, over, at-least, under, at-most, range.",
)
@click.option(
    "--as-of",
    metavar="DATE",
    help=_required("When it holds: 2015-11-19, 2015-12~, 2013/2014, late 2017, Q4 2017."),
)
@click.option(
    "--said-by", metavar="WHO", help=_required("Who gives it; `author` for the document's own.")
)
@click.option(
    "--quote", metavar="TEXT", help=_required("The document's words that state it, verbatim.")
)
@click.option(
    "--id",
    "figure_id",
    metavar="ID",
    help="Its id in the document [default: from the quantity: departed, departed-2].",
)
@click.option(
    "--statement",
    metavar="ID",
    help="The utterance this figure renders, an id shared by every record of it (a "
    "minister's figure as two agencies reported it).",
)
@click.option("--note", metavar="TEXT", help="Anything a later reader should know.")
@click.option("--title", metavar="T", help="New document only: its title (required).")
@click.option("--outlet", metavar="O", help="New document only: who published it.")
@click.option(
    "--published", metavar="DATE", help="New document only: when (2015-11-19, June 2015)."
)
@click.option("--url", metavar="U", help="New document only: where it is online.")
@click.option(
    "--text",
    metavar="PATH",
    type=click.Path(exists=True, dir_okay=False),
    help="New document only: its plain text (copied into documents/ if outside the ledger).",
)
@click.option(
    "--from",
    "from_file",
    metavar="FILE",
    type=click.Path(dir_okay=False),
    help="Record every figure and ignore entry of a reviewed draft file (figcheck draft), "
    "all or nothing; no other record option goes with it.",
)
@click.option("--dry-run", is_flag=True, help="Validate and check, but write nothing.")
@format_option(help="Show the result as text, or as one JSON object for scripts.")
@data_option
def add(
    dry_run: bool, output_format: str, data: str, from_file: str | None, **options: Any
) -> None:
    """Record a new figure in its document's source file, or in a new source file for a
    new document.

    The record is validated as `figcheck check` validates it (and anchored to the
    document's text, when it has one) before anything is written; then the ledger is
    checked and the findings the new figure takes part in are shown. A finding is not a
    mistake of yours: the record stays, and you review the finding (`figcheck accept`, or
    correct the record). At a terminal, figcheck asks for any required field left out.

    \b
    Exit codes:
      0  recorded; the new figure takes part in no unaccepted error
      1  recorded; it takes part in an unaccepted error-level finding
      2  nothing written: an invalid record, data errors in the ledger, or bad usage
    """
    if from_file is not None:
        given = [
            "--id" if name == "figure_id" else f"--{name.replace('_', '-')}"
            for name, value in options.items()
            if value
        ]
        if given:
            fail(f"--from records a draft file; {', '.join(given)} cannot go with it")
        _add_from(Path(from_file), data, output_format, dry_run)

    from figcheck.output.added import render
    from figcheck.writing.adding import add_figure
    from figcheck.writing.atomic import LockTimeout, Refused
    from figcheck.writing.records import NewDocument, NewFigure, parse_value

    ledger = load(data)
    missing = [name for name in REQUIRED if options[name] is None]
    new_document = options["document"] is not None and options["document"] not in ledger.documents
    if missing or (new_document and options["title"] is None):
        if not stdin_is_terminal():
            if missing:
                fail(
                    f"missing {', '.join(REQUIRED[name] for name in missing)} (figcheck asks "
                    "for them only when run at a terminal)"
                )
        else:
            _ask(ledger, options)
    try:
        value = parse_value(options["value"])
    except ValueError as error:
        fail(str(error))
    figure = NewFigure(
        document=options["document"],
        quantity=options["quantity"],
        value=value,
        as_of=options["as_of"],
        said_by=options["said_by"],
        quote=options["quote"],
        approx=options["approx"],
        id=options["figure_id"],
        note=options["note"],
        statement=options["statement"],
    )
    document = NewDocument(
        title=options["title"],
        outlet=options["outlet"],
        published=options["published"],
        url=options["url"],
        text=Path(options["text"]) if options["text"] else None,
    )
    warn_if_unlocked()
    try:
        added = add_figure(ledger, figure, document, dry_run=dry_run)
    except Refused as error:
        refuse(error)
    except LockTimeout as error:
        fail(str(error))
    except OSError as error:
        fail(f"cannot write to the ledger: {error.strerror or error}: {error.filename}")
    with output_stream(output_format) as stream:
        render(output_format, added, stream, sys.stderr, dry_run=dry_run)
    raise SystemExit(added.exit_code())


def _add_from(path: Path, data: str, output_format: str, dry_run: bool) -> NoReturn:
    """`figcheck add --from FILE`: record a reviewed draft file, all or nothing."""
    from figcheck.ledger import LedgerNotFound
    from figcheck.output.recorded_drafts import render
    from figcheck.writing.atomic import LockTimeout, Refused
    from figcheck.writing.from_drafts import read_draft_file, record_drafts

    warn_if_unlocked()
    try:
        drafts = read_draft_file(path)
        recorded = record_drafts(Path(data), drafts, dry_run=dry_run)
    except Refused as error:
        refuse(error)
    except (LedgerNotFound, LockTimeout) as error:
        fail(str(error))
    except OSError as error:
        fail(f"cannot write to the ledger: {error.strerror or error}: {error.filename}")
    render(output_format, recorded, sys.stdout, sys.stderr)
    raise SystemExit(recorded.exit_code())


def _ask(ledger: Ledger, options: dict[str, Any]) -> None:
    """Ask for each required field left out, offering the ledger's documents and quantities."""
    if options["document"] is None:
        _offer("Documents", {d.id: d.title for d in ledger.documents.values()})
        options["document"] = click.prompt(
            "Document id (a new id creates a document)", err=True
        ).strip()
    if options["document"] not in ledger.documents:
        from figcheck.output.escaping import line

        click.echo(line(f"{options['document']} is a new document."), err=True)
        if options["title"] is None:
            options["title"] = click.prompt("Title", err=True)
        for name in ("outlet", "published", "url"):
            if options[name] is None:
                answer = click.prompt(
                    f"{name.title()} (Enter to skip)", default="", show_default=False, err=True
                )
                options[name] = answer or None
    if options["quantity"] is None:
        _offer("Quantities", {q.id: q.label for q in ledger.quantities.values()})
        choices = click.Choice(list(ledger.quantities))
        options["quantity"] = click.prompt("Quantity", type=choices, show_choices=False, err=True)
    if options["value"] is None:
        options["value"] = click.prompt(
            "Value (2719, 2,719, -46, 2.5, LOW..HIGH)", value_proc=_checked_value, err=True
        )
    prompts = {
        "as_of": "As of (2015-11-19, 2015-12~, 2013/2014, late 2017)",
        "said_by": "Said by",
        "quote": "Quote (verbatim)",
    }
    for name, prompt in prompts.items():
        if options[name] is None:
            options[name] = click.prompt(prompt, err=True)


def _offer(heading: str, entries: dict[str, str]) -> None:
    """The choices, escaped as every output is: a title or label from the ledger may hold an
    escape sequence that would clear the screen or write to the clipboard of whoever runs
    `figcheck add`."""
    from figcheck.output.escaping import line

    click.echo(f"{heading}:", err=True)
    shown = {line(key): line(label) for key, label in entries.items()}
    width = max((len(key) for key in shown), default=0)
    for key, label in shown.items():
        click.echo(f"  {key:<{width}}  {label}", err=True)


def _checked_value(text: str) -> str:
    from figcheck.writing.records import parse_value

    try:
        parse_value(text)
    except ValueError as error:
        raise click.UsageError(str(error)) from None
    return text
