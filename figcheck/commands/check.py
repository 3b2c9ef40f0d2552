"""`figcheck check`: apply every rule to the ledger and report the findings."""

from __future__ import annotations

import sys

import click

from figcheck.commands.common import data_option, load
from figcheck.reporters import REPORTERS


@click.command()
@data_option
@click.option(
    "--format",
    "output_format",
    type=click.Choice(list(REPORTERS)),
    default="text",
    show_default=True,
    help="text for people at a terminal; json for programs; the others for CI tools.",
)
@click.option(
    "--fail-on",
    type=click.Choice(["error", "warning"]),
    default="error",
    show_default=True,
    help="The lowest severity of an unaccepted finding that makes the exit code 1.",
)
def check(data: str, output_format: str, fail_on: str) -> None:
    """Check the ledger: load every record, apply every rule, report what diverges.

    \b
    Exit codes:
      0  no unaccepted finding at or above --fail-on
      1  at least one such finding
      2  data errors (FC1xx: the ledger cannot be read as written) or bad usage
    """
    from figcheck import check as run_check
    from figcheck.reporters import render

    result = run_check(load(data))
    render(output_format, result, sys.stdout, fail_on=fail_on)
    raise SystemExit(result.exit_code(fail_on))  # type: ignore[arg-type]
