"""`figcheck schema --kind source|quantities|accepted`: print the JSON Schema of a ledger file."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from figcheck.ledger.schema import Kind

KINDS = ("source", "quantities", "accepted")


@click.command("schema", short_help="Print the JSON Schema of a ledger file.")
@click.option(
    "--kind",
    type=click.Choice(KINDS),
    required=True,
    help="source: a file in sources/; quantities: quantities.yaml; accepted: accepted.yaml.",
)
def schema_command(kind: Kind) -> None:  # click's Choice admits only a Kind
    """Print the JSON Schema (draft 2020-12) of one kind of ledger file.

    Editors with the YAML language server (VS Code's YAML extension, and others) then check
    records as they are typed and show each field's meaning on hover. Save the schema next
    to the ledger and name it in the first line of each file:

    \b
      figcheck schema --kind source > data/.schema/source.schema.json
      # yaml-language-server: $schema=../.schema/source.schema.json

    `figcheck init` writes all three schemas and these lines for a new ledger.
    """
    from figcheck.ledger.schema import to_json

    click.echo(to_json(kind), nl=False)
