"""`figcheck check`: apply every rule to the ledger and report the findings."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from figcheck.commands.common import (
    cache_option,
    checked,
    data_option,
    fail,
    format_option,
    output_stream,
)
from figcheck.output import REPORTERS

if TYPE_CHECKING:
    from figcheck.baseline import Baseline
    from figcheck.model import Severity


@click.command("check", short_help="Apply every rule to the ledger; the CI gate.")
@data_option
@format_option(
    REPORTERS, "text for people at a terminal; json for programs; the others for CI tools."
)
@click.option(
    "--fail-on",
    type=click.Choice(["error", "warning"]),
    default="error",
    show_default=True,
    help="The lowest severity of an unaccepted finding that makes the exit code 1.",
)
@click.option(
    "--baseline",
    metavar="REF",
    help="A git revision (such as origin/main): only findings that the ledger did not have "
    "at REF can fail the run; the others are listed as existing.",
)
@cache_option
def check_command(
    data: str, output_format: str, fail_on: Severity, baseline: str | None, no_cache: bool
) -> None:
    """Check the ledger: load every record, apply every rule, report what diverges.

    \b
    Exit codes:
      0  no unaccepted finding at or above --fail-on (with --baseline: no new one)
      1  at least one such finding
      2  data errors (FC1xx: the ledger cannot be read as written) or bad usage

    In CI, `figcheck check --baseline origin/main --format github` fails a pull request
    only on what it brings in: a divergence already on main is shown, but does not fail.
    """
    from figcheck.output import render

    result = checked(data, cache=not no_cache)
    if baseline is not None:
        found = _baseline(baseline, data)
        result = result.with_baseline(found.finding_ids, found.accepted_ids)
    with output_stream(output_format) as stream:
        render(output_format, result, stream, fail_on=fail_on)
    raise SystemExit(result.exit_code(fail_on))


def _baseline(ref: str, data: str) -> Baseline:
    from figcheck.baseline import BaselineError, read

    try:
        found = read(ref, data)
    except BaselineError as error:
        fail(str(error))
    if not found.existed:
        click.echo(f"figcheck: {data} did not exist at {ref}: every finding is new", err=True)
    elif found.data_errors:
        click.echo(
            f"figcheck: warning: the ledger at {ref} has data errors, so its findings are not "
            "known: every finding that is not a data error there counts as new",
            err=True,
        )
    return found
