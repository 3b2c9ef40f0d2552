"""`figcheck curate DOC`: review a document's drafts at the terminal, one number at a time."""

from __future__ import annotations

import sys

import click

from figcheck.commands.common import data_option, fail, warn_if_unlocked


def at_a_terminal() -> bool:
    """Whether a person is there to press keys (tests replace this)."""
    return sys.stdin.isatty() and sys.stdout.isatty()


@click.command(short_help="Review a document's drafts at the terminal, number by number.")
@click.argument("document", metavar="DOC")
@data_option
def curate(document: str, data: str) -> None:
    """Go through the numbers of DOC's text that are neither recorded nor ignored, one at a
    time, like `git add -p`: the sentence with the number highlighted, the draft beneath it
    (as `figcheck draft` drafts it), and one key for each action:

    \b
      a  accept the draft (record it, or add its ignore entry)
      e  edit a field, prompted with the draft as the default
      c  choose the quantity (Tab completes ids and labels; a new id defines one)
      i  ignore the number, with the drafted reason
      s  skip it      u  undo the last step      q  quit      ?  help

    Each accepted record is written at once, validated, anchored, atomic and locked as
    `figcheck add` writes it, and the findings it takes part in are shown straight away.
    Quitting and running `figcheck curate DOC` again resumes where you stopped. Outside a
    terminal, use `figcheck draft DOC > drafts.yaml` and `figcheck add --from drafts.yaml`.
    Exit code 0, or 2 when DOC is unknown, has no readable text, or there is no terminal.
    """
    if not at_a_terminal():
        fail(
            "figcheck curate needs a terminal to read keys from; in a script, draft the "
            f"records with `figcheck draft {document} > drafts.yaml`, review the file, and "
            "record it with `figcheck add --from drafts.yaml`"
        )
    from figcheck.curation.session import Session
    from figcheck.curation.terminal import Loop
    from figcheck.ledger import LedgerNotFound
    from figcheck.text.drafting.drafts import DraftError

    warn_if_unlocked()
    try:
        session = Session(data, document)  # type: ignore[arg-type]
    except (DraftError, LedgerNotFound) as error:
        fail(str(error))
    if session.ledger.has_data_errors:
        fail(f"the ledger has data errors; fix them first (`figcheck check --data {data}`)")
    raise SystemExit(Loop(session).run())
