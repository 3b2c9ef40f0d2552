"""`figcheck ignore DOC --text TEXT --why TEXT`: list numbers of a document's text that are
not statements about the world, without editing its source file by hand."""

from __future__ import annotations

import sys

import click

from figcheck.commands.common import data_option, fail, format_option, refuse, warn_if_unlocked


def stdin_is_terminal() -> bool:
    """Whether figcheck may ask for what is missing (tests replace this)."""
    return sys.stdin.isatty()


@click.command("ignore", short_help="Ignore numbers of a text that are not statements.")
@click.argument("document", metavar="DOC", required=False)
@click.option(
    "--text",
    metavar="TEXT",
    help="Words of the document's text holding the number, verbatim (every place they match).",
)
@click.option(
    "--why", metavar="TEXT", help="Why it is not a statement about the world: a date, a name."
)
@click.option("--dry-run", is_flag=True, help="Validate and anchor, but write nothing.")
@format_option(help="Show the result as text, or as one JSON object for scripts.")
@data_option
def ignore_command(
    document: str | None,
    text: str | None,
    why: str | None,
    dry_run: bool,
    output_format: str,
    data: str,
) -> None:
    """Add an `ignore:` entry to the source file of the document DOC: the numbers where
    --text matches its text (as `figcheck check` matches quotes) are then accounted for,
    with the reason. The text must be in the document and hold a number; the numbers it
    covers are listed. At a terminal, figcheck asks for what is left out.

    \b
    Exit codes:
      0  written (or, with --dry-run, valid)
      2  nothing written: the text is not in the document, holds no number, or bad usage
    """
    from pathlib import Path

    from figcheck.ledger import LedgerNotFound
    from figcheck.output.changes import render
    from figcheck.writing.atomic import LockTimeout, Refused
    from figcheck.writing.ignoring import NewIgnore, ignore_number

    given = {"DOC": document, "--text": text, "--why": why}
    missing = [name for name, value in given.items() if value is None]
    if missing:
        if not stdin_is_terminal():
            fail(
                f"missing {', '.join(missing)} (figcheck asks for them only when run at a terminal)"
            )
        if document is None:
            document = click.prompt("Document id", err=True).strip()
        if text is None:
            text = click.prompt("Text holding the number (verbatim)", err=True)
        if why is None:
            why = click.prompt("Why it is not a statement", err=True)
    entry = NewIgnore(document or "", text or "", why or "")
    warn_if_unlocked()
    try:
        added = ignore_number(Path(data), entry, dry_run=dry_run)
    except Refused as error:
        refuse(error)
    except (LedgerNotFound, LockTimeout) as error:
        fail(str(error))
    except OSError as error:
        fail(f"cannot write to the ledger: {error.strerror or error}: {error.filename}")
    render(
        output_format,
        added,
        sys.stdout,
        sys.stderr,
        done=f"Ignored in {entry.document}",
        what=f"the ignore entry of {entry.document}",
        dry_run=dry_run,
    )
    raise SystemExit(added.exit_code())
