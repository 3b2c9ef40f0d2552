"""`figcheck report`: the ledger family by family, with its findings and a summary."""

from __future__ import annotations

from collections.abc import Callable
from typing import TextIO

import click

from figcheck.commands.common import cache_option, checked, data_option, fail, output_stream

REPORT_FORMATS = ("text", "markdown", "json", "html")


@click.command(short_help="Read the ledger family by family.")
@data_option
@click.option(
    "--quantity",
    "quantity_id",
    metavar="ID",
    help="Show only the family of related quantities that ID belongs to (the summary too).",
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(REPORT_FORMATS),
    default="text",
    show_default=True,
    help="text for a terminal; markdown; json for programs (figcheck schema --kind report); "
    "html: one self-contained page with a timeline per family (pip install 'figcheck[html]').",
)
@click.option(
    "-o",
    "--output",
    "output",
    metavar="FILE",
    type=click.Path(dir_okay=False, writable=True, path_type=str),
    help="Write the report to FILE instead of standard output.",
)
@cache_option
def report(
    data: str, quantity_id: str | None, output_format: str, output: str | None, no_cache: bool
) -> None:
    """Read the ledger: for each family of related quantities (a quantity with its subsets,
    parts and changes), its figures in date order on a shared scale, its findings with the
    reasons for accepted ones, what the sources agree on, and what the figures imply
    together; then how each speaker's and outlet's figures stand, and a summary of the
    documents, findings and coverage of the numbers in their texts.

    Families with findings come first; families of one quantity and one figure are gathered
    into one table at the end.

    Exits 0 (a report is not a gate: use `figcheck check` in CI), or 2 when the ledger has
    data errors or ID is unknown.
    """
    if output_format == "html":
        _needs_jinja2()
    from figcheck.report import render
    from figcheck.report.contents import build
    from figcheck.wording import did_you_mean

    result = checked(data, cache=not no_cache)
    if quantity_id is not None and quantity_id not in result.ledger.quantities:
        known = result.ledger.quantities
        fail(
            f"no quantity {quantity_id!r}{did_you_mean(quantity_id, known)}; "
            "`figcheck report` without --quantity shows them all"
        )
    built = build(result, quantity_id)
    if output is None:
        with output_stream(output_format) as stream:
            render(output_format, built, stream)
    else:
        _write(output, lambda stream: render(output_format, built, stream))
    raise SystemExit(built.exit_code)


def _needs_jinja2() -> None:
    """Say exactly what to install when the html extra is missing, before any work."""
    import importlib.util

    if importlib.util.find_spec("jinja2") is None:
        fail(
            "--format html needs Jinja2, which is not installed: "
            "python -m pip install 'figcheck[html]'"
        )


def _write(path: str, write: Callable[[TextIO], None]) -> None:
    """Write through a temporary file beside `path`, so that a failed run leaves no half
    report; one line on stderr if the file cannot be written."""
    import os
    import tempfile

    directory = os.path.dirname(os.path.abspath(path))
    try:
        handle, temporary = tempfile.mkstemp(prefix=".figcheck-report-", dir=directory)
    except OSError as error:
        fail(f"cannot write {path}: {error.strerror}")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            write(stream)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)  # as a file opened for writing would be
        os.replace(temporary, path)
    except OSError as error:
        _remove(temporary)
        fail(f"cannot write {path}: {error.strerror}")
    except BaseException:
        _remove(temporary)
        raise


def _remove(path: str) -> None:
    import contextlib
    import os

    with contextlib.suppress(OSError):
        os.remove(path)
