"""`figcheck report`: the ledger family by family, with its findings and a summary."""

from __future__ import annotations

import click

from figcheck.commands.common import data_option, fail, load, output_stream


@click.command(short_help="Read the ledger family by family.")
@data_option
@click.option(
    "--quantity",
    "quantity_id",
    metavar="ID",
    help="Show only the family of related quantities that ID belongs to.",
)
def report(data: str, quantity_id: str | None) -> None:
    """Read the ledger: for each family of related quantities (a quantity with its subsets,
    parts and changes), its figures in date order on a shared scale, its findings with the
    reasons for accepted ones, and what the figures imply together; then a summary of the
    documents, findings and coverage of the numbers in their texts.

    Exits 0 (a report is not a gate: use `figcheck check` in CI), or 2 when the ledger has
    data errors or ID is unknown.
    """
    from figcheck import check as run_check
    from figcheck.output.report_text import render
    from figcheck.wording import did_you_mean

    result = run_check(load(data))
    families = list(result.families)
    if quantity_id is not None:
        families = [f for f in families if any(q.id == quantity_id for q in f.quantities)]
        if not families:
            known = result.ledger.quantities
            fail(
                f"no quantity {quantity_id!r}{did_you_mean(quantity_id, known)}; "
                "`figcheck report` without --quantity shows them all"
            )
    with output_stream("text") as stream:
        render(
            result,
            stream,
            families=families,
            coverage=result.coverage,
            highlight=quantity_id,
        )
    raise SystemExit(2 if result.has_data_errors else 0)
