"""`figcheck schema --kind source|quantities|accepted|report`: print the JSON Schema of a
ledger file, or of `figcheck report --format json`."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

import click

if TYPE_CHECKING:
    from figcheck.ledger.schema import Kind

KINDS = ("source", "quantities", "accepted", "report")


@click.command("schema", short_help="Print the JSON Schema of a ledger file or the report.")
@click.option(
    "--kind",
    type=click.Choice(KINDS),
    required=True,
    help="source: a file in sources/; quantities: quantities.yaml; accepted: accepted.yaml; "
    "report: the output of `figcheck report --format json`.",
)
def schema_command(kind: str) -> None:
    """Print the JSON Schema (draft 2020-12) of one kind of ledger file.

    Editors with the YAML language server (VS Code's YAML extension, and others) then check
    records as they are typed and show each field's meaning on hover. Save the schema next
    to the ledger and name it in the first line of each file:

    \b
      figcheck schema --kind source > data/.schema/source.schema.json
      # yaml-language-server: $schema=../.schema/source.schema.json

    `figcheck init` writes the three schemas of ledger files and these lines for a new
    ledger. `--kind report` describes what `figcheck report --format json` prints.
    """
    if kind == "report":
        from figcheck.report.json_schema import to_json as report_schema

        click.echo(report_schema(), nl=False)
        return
    from figcheck.ledger.schema import to_json

    click.echo(to_json(cast("Kind", kind)), nl=False)  # click's Choice admitted only KINDS
