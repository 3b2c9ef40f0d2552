"""`figcheck quantity add` and `figcheck quantity relate`: define what is counted, and how
quantities relate, without editing quantities.yaml by hand."""

from __future__ import annotations

import sys
from typing import Any

import click

from figcheck.commands.common import data_option, fail, format_option, refuse, warn_if_unlocked
from figcheck.terms import KINDS

EXIT_CODES = """
    \b
    Exit codes:
      0  written (or, with --dry-run, valid); it brings no unaccepted error
      1  written; it brings an unaccepted error-level finding
      2  nothing written: it would bring a data error, or bad usage
"""


def stdin_is_terminal() -> bool:
    """Whether figcheck may ask for what is missing (tests replace this)."""
    return sys.stdin.isatty()


@click.group("quantity", short_help="Define a quantity, or relate it to others.")
def quantity_group() -> None:
    """Define what is counted (`quantity add`) and how quantities relate (`quantity
    relate`): written into quantities.yaml, validated as `figcheck check` validates it, the
    rest of the file kept byte for byte."""


def _one_id_each(
    ctx: click.Context, param: click.Parameter, values: tuple[str, ...]
) -> tuple[str, ...]:
    """A repeatable option takes one quantity id each time: `--parts a,b` is a mistake for
    `--parts a --parts b`, which is said before anything is read (a quantity id has no comma:
    FC101 refuses one)."""
    for value in values:
        if "," in value:
            name = param.opts[0] if param.opts else param.name
            ids = [part.strip() for part in value.split(",") if part.strip()]
            again = " ".join(f"{name} {quantity_id}" for quantity_id in ids)
            raise click.BadParameter(
                f"takes one quantity id; repeat it for several: {again}", ctx, param
            )
    return values


relations = [
    click.option(
        "--subset-of",
        "subset_of",
        multiple=True,
        callback=_one_id_each,
        metavar="ID",
        help="A quantity this one is never more than at the same time (repeat for several).",
    ),
    click.option(
        "--parts",
        multiple=True,
        callback=_one_id_each,
        metavar="ID",
        help="A quantity that is part of this one; the parts sum to at most it (repeatable).",
    ),
    click.option("--of", metavar="ID", help="For a change: the level quantity it is a change of."),
    click.option("--exhaustive", is_flag=True, help="The parts sum to exactly this quantity."),
]


def _relations(command):  # type: ignore[no-untyped-def]
    for option in reversed(relations):
        command = option(command)
    return command


@quantity_group.command("add", short_help="Define a new quantity in quantities.yaml.")
@click.argument("quantity_id", metavar="ID", required=False)
@click.option("--label", metavar="TEXT", help="What is counted, in words a reader understands.")
@click.option("--unit", metavar="UNIT", help="people, attacks, percent, ...")
@click.option(
    "--kind",
    type=click.Choice(KINDS),
    help="stock (a level at a time), cumulative (a running total), flow (an amount over a "
    "period), change (a percent change of --of).",
)
@_relations
@click.option(
    "--window-days",
    type=click.IntRange(min=0),
    metavar="DAYS",
    help="How many days apart its figures may be and still be compared for a divergence: a "
    "few for a toll updated daily, 366 (the rules' default) for a yearly statistic.",
)
@click.option("--note", metavar="TEXT", help="Anything a later reader should know.")
@click.option("--dry-run", is_flag=True, help="Validate and check, but write nothing.")
@format_option(help="Show the result as text, or as one JSON object for scripts.")
@data_option
def add_quantity(
    quantity_id: str | None,
    dry_run: bool,
    output_format: str,
    data: str,
    **options: Any,
) -> None:
    """Define the quantity ID (lowercase letters, digits and hyphens) in quantities.yaml,
    with its label, unit and kind and any relations. At a terminal, figcheck asks for what
    is left out; in scripts, ID, --label, --unit and --kind are required.
    """
    from pathlib import Path

    from figcheck.writing.defining import NewQuantity, define_quantity

    options["quantity_id"] = quantity_id
    names = {"quantity_id": "ID", "label": "--label", "unit": "--unit", "kind": "--kind"}
    missing = [name for name in names if not options[name]]
    if missing:
        if not stdin_is_terminal():
            fail(
                f"missing {', '.join(names[n] for n in missing)} (figcheck asks for them "
                "only when run at a terminal)"
            )
        _ask_quantity(options)
    quantity = NewQuantity(
        id=options["quantity_id"],
        label=options["label"],
        unit=options["unit"],
        kind=options["kind"],
        subset_of=tuple(options["subset_of"]),
        parts=tuple(options["parts"]),
        exhaustive=options["exhaustive"],
        of=options["of"],
        window_days=options["window_days"],
        note=options["note"],
    )
    _run(
        lambda: define_quantity(Path(data), quantity, dry_run=dry_run),
        output_format,
        (f"Defined {quantity.id}", f"quantity {quantity.id}"),
        dry_run,
    )


add_quantity.help = (add_quantity.help or "") + EXIT_CODES


@quantity_group.command("relate", short_help="Add a relation to a quantity.")
@click.argument("quantity_id", metavar="ID")
@_relations
@click.option("--dry-run", is_flag=True, help="Validate and check, but write nothing.")
@format_option(help="Show the result as text, or as one JSON object for scripts.")
@data_option
def relate_quantity(
    quantity_id: str, dry_run: bool, output_format: str, data: str, **options: Any
) -> None:
    """Add relations to the quantity ID of quantities.yaml: --subset-of and --parts add to
    its lists, --of and --exhaustive set them. The findings the relations bring are shown
    (figures that now exceed a superset, parts that now exceed their whole). At a terminal,
    figcheck asks for a relation when none is given.
    """
    from pathlib import Path

    from figcheck.writing.defining import Relation
    from figcheck.writing.defining import relate_quantity as relate

    if not (options["subset_of"] or options["parts"] or options["of"] or options["exhaustive"]):
        if not stdin_is_terminal():
            fail("give a relation to add: --subset-of ID, --parts ID, --of ID or --exhaustive")
        answer = click.prompt("Subset of (a quantity id)", err=True).strip()
        options["subset_of"] = (answer,)
    relation = Relation(
        subset_of=tuple(options["subset_of"]),
        parts=tuple(options["parts"]),
        of=options["of"],
        exhaustive=options["exhaustive"],
    )
    _run(
        lambda: relate(Path(data), quantity_id, relation, dry_run=dry_run),
        output_format,
        (f"Related {quantity_id}: {relation.describe()}", f"{quantity_id}: {relation.describe()}"),
        dry_run,
    )


relate_quantity.help = (relate_quantity.help or "") + EXIT_CODES


def _run(change, output_format: str, said: tuple[str, str], dry_run: bool) -> None:  # type: ignore[no-untyped-def]
    """Make the change, show it, exit with its code; a refusal is one line and exit 2."""
    from figcheck.ledger import LedgerNotFound
    from figcheck.output.changes import render
    from figcheck.writing.atomic import LockTimeout, Refused

    warn_if_unlocked()
    try:
        made = change()
    except Refused as error:
        refuse(error)
    except (LedgerNotFound, LockTimeout) as error:
        fail(str(error))
    except OSError as error:
        fail(f"cannot write to the ledger: {error.strerror or error}: {error.filename}")
    done, what = said
    render(output_format, made, sys.stdout, sys.stderr, done=done, what=what, dry_run=dry_run)
    raise SystemExit(made.exit_code())


def _ask_quantity(options: dict[str, Any]) -> None:
    if not options["quantity_id"]:
        options["quantity_id"] = click.prompt("Quantity id (ru-departed-syria)", err=True).strip()
    if not options["label"]:
        options["label"] = click.prompt("Label (what is counted)", err=True)
    if not options["unit"]:
        options["unit"] = click.prompt("Unit (people, attacks, percent)", err=True)
    if not options["kind"]:
        options["kind"] = click.prompt(
            "Kind", type=click.Choice(KINDS), show_choices=True, err=True
        )
