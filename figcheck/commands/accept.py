"""`figcheck accept FINDING_ID --why TEXT`: record that a divergence was reviewed and is real."""

from __future__ import annotations

import click

from figcheck.commands.common import data_option, fail, refuse, warn_if_unlocked


@click.command("accept", short_help="Accept a reviewed finding, with the reason.")
@click.argument("finding_id", metavar="FINDING_ID")
@click.option(
    "--why",
    required=True,
    metavar="TEXT",
    help="Why the documents really diverge: different dates, definitions, rounding, a revision.",
)
@data_option
def accept(finding_id: str, why: str, data: str) -> None:
    """Accept a finding after review: add it, with the reason, to accepted.yaml.

    FINDING_ID is shown by `figcheck check` and `figcheck add` (FC201:ce23244e26). An
    accepted finding is still reported, marked accepted, and no longer fails the run. Only a
    current finding can be accepted, and never a data error (FC1xx): fix those in the file.
    """
    from pathlib import Path

    from figcheck.ledger import LedgerNotFound
    from figcheck.writing.accepting import accept_finding
    from figcheck.writing.atomic import LockTimeout, Refused

    warn_if_unlocked()
    try:
        accepted = accept_finding(Path(data), finding_id, why)
    except Refused as error:
        refuse(error)
    except (LedgerNotFound, LockTimeout) as error:
        fail(str(error))
    except OSError as error:
        fail(f"cannot write to the ledger: {error.strerror or error}: {error.filename}")
    from figcheck.output.escaping import line

    finding = accepted.finding
    made = " (a new file)" if accepted.created else ""
    click.echo(
        line(
            f"Accepted {finding.id} ({finding.rule} {finding.title}) at "
            f"{accepted.file}:{accepted.line}{made}; `figcheck check` now shows it as accepted."
        )
    )
