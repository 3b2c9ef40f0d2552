"""`figcheck accept FINDING_ID --why TEXT`: record that a divergence was reviewed and is real;
`--refresh` records the figures of older entries; `--list` shows every acceptance's state."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

import click

from figcheck.commands.common import data_option, fail, refuse, warn_if_unlocked

if TYPE_CHECKING:
    from pathlib import Path


def stdin_is_terminal() -> bool:
    """Whether figcheck may ask for the reason (tests replace this)."""
    return sys.stdin.isatty()


@click.command("accept", short_help="Accept a reviewed finding, with the reason.")
@click.argument("finding_id", metavar="[FINDING_ID]", required=False)
@click.option(
    "--why",
    metavar="TEXT",
    help="Why the documents really diverge: different dates, definitions, rounding, a "
    "revision. Asked for at a terminal (for a finding accepted already, Enter keeps its "
    "reason).",
)
@click.option(
    "--dry-run",
    is_flag=True,
    help="With an id or --refresh: show what would be written, but write nothing.",
)
@click.option(
    "--refresh",
    is_flag=True,
    help="Record, in every entry that does not record them, the figures of its finding as "
    "they are now (entries written before figcheck recorded them).",
)
@click.option(
    "--list",
    "list_them",
    is_flag=True,
    help="List every acceptance with its state: current, stale (what changed), or no longer "
    "occurring.",
)
@data_option
def accept(
    finding_id: str | None,
    why: str | None,
    dry_run: bool,
    refresh: bool,
    list_them: bool,
    data: str,
) -> None:
    """Accept a finding after review: add it, with the reason and its figures as they are
    now, to accepted.yaml.

    FINDING_ID is shown by `figcheck check` and `figcheck add` (FC201:ce23244e26; the 10 hex
    digits alone do when one current finding has them). figcheck shows the finding, then
    writes. An accepted finding is still reported, marked accepted, and does not fail the
    run while its figures keep the value, hedge and date they had when it was accepted;
    when one changes, the finding fails again until you accept it again. Accepting a finding
    that is accepted already replaces its entry. Only a current finding can be accepted, and
    never a data error (FC1xx): fix those in the file.

    \b
    figcheck accept ID --why TEXT   accept a finding (again)
    figcheck accept --refresh       record the figures of entries that have none
    figcheck accept --list          every acceptance and its state
    """
    from pathlib import Path

    from figcheck.ledger import LedgerNotFound
    from figcheck.writing.atomic import LockTimeout, Refused

    root = Path(data)
    if list_them or refresh:
        given = [name for name, value in (("FINDING_ID", finding_id), ("--why", why)) if value]
        if list_them and refresh:
            fail("--list and --refresh are two different things; give one")
        if given:
            fail(f"{' and '.join(given)} cannot go with {'--list' if list_them else '--refresh'}")
        if list_them and dry_run:
            fail("--dry-run goes with an id or --refresh; --list writes nothing")
    elif finding_id is None:
        fail("missing FINDING_ID (or --refresh, or --list); `figcheck check` lists the findings")
    try:
        if list_them:
            _list(root)
        elif refresh:
            warn_if_unlocked()
            _refresh(root, dry_run)
        else:
            assert finding_id is not None
            warn_if_unlocked()
            _accept(root, finding_id, why, dry_run)
    except Refused as error:
        refuse(error)
    except (LedgerNotFound, LockTimeout) as error:
        fail(str(error))
    except OSError as error:
        fail(f"cannot write to the ledger: {error.strerror or error}: {error.filename}")


def _accept(root: Path, finding_id: str, why: str | None, dry_run: bool) -> None:
    from figcheck.output.accepted import render_accepted, render_target
    from figcheck.writing.accepting import accept_finding, find_target

    shown = False
    if why is None:
        if not stdin_is_terminal():
            fail("missing --why (figcheck asks for it only when run at a terminal)")
        target = find_target(root, finding_id)
        render_target(target, sys.stdout)
        shown = True
        earlier = target.earlier.why if target.earlier is not None else None
        if earlier:
            click.echo("Press Enter to keep the reason it was accepted with.", err=True)
        why = click.prompt(
            "Why is the divergence real",
            default=earlier or None,
            show_default=False,
            err=True,
        )
    accepted = accept_finding(root, finding_id, why or "", dry_run=dry_run)
    if not shown:
        render_target(accepted.target, sys.stdout)
    render_accepted(accepted, sys.stdout, dry_run=dry_run)


def _refresh(root: Path, dry_run: bool) -> None:
    from figcheck.output.accepted import render_refreshed
    from figcheck.writing.accepting import refresh_acceptances

    refreshed = refresh_acceptances(root, dry_run=dry_run)
    render_refreshed(refreshed, sys.stdout, dry_run=dry_run)


def _list(root: Path) -> None:
    from figcheck.output.accepted import render_list
    from figcheck.writing.accepting import list_acceptances

    ledger, states = list_acceptances(root)
    render_list(states, ledger.quantities, sys.stdout)
