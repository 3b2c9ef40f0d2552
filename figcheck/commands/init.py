"""`figcheck init DIR`: start a new ledger, with an example that passes `figcheck check`."""

from __future__ import annotations

import click

from figcheck.commands.common import fail, not_empty


@click.command("init", short_help="Start a new ledger in DIR, with an example.")
@click.argument("directory", metavar="DIR", type=click.Path(path_type=str), callback=not_empty)
def init_command(directory: str) -> None:
    """Start a new ledger in DIR, with an example that passes `figcheck check`.

    DIR is created if missing. It gets quantities.yaml, sources/ with one example
    document, documents/ with its text, and the JSON Schemas in DIR/.schema/ that editors
    use to check the files as they are typed.

    Never overwrites anything: if DIR already holds any part of a ledger, nothing is
    written and the exit code is 2.
    """
    from pathlib import Path

    from figcheck.writing.starter import LedgerExists, create

    root = Path(directory)
    try:
        written = create(root)
    except LedgerExists as error:
        fail(
            f"{directory} already holds {', '.join(error.paths)}; init starts a new ledger "
            "and never overwrites one: choose a new or empty directory"
        )
    except NotADirectoryError:
        fail(f"{directory} is a file, not a directory")
    except OSError as error:
        fail(f"cannot write the ledger in {directory}: {error.strerror or error}")
    click.echo(f"Started a ledger in {directory}:")
    for path in written:
        click.echo(f"  {path}")
    click.echo(
        "\nEach YAML file names its JSON Schema in its first line, so editors with the YAML "
        f"language server check it as you type.\nNext: figcheck check --data {directory}"
    )
