"""FC304 unverifiable: a figure that nothing in the ledger can check.

The other rules speak only where figures can be compared; where nothing can be compared
they are silent, and silence is not agreement. This rule says so, at severity info, for:

- a quantity with a single figure (a figure repeated in one document, with the same value,
  date and speaker, counts once): no other report gives it. Relations to other quantities
  (parts, subsets) bound it, but do not confirm its value;
- a change figure that no level figure and no other report can check: FC205 needs a figure
  of the level quantity (`of`) for each of its two periods, no other change figure of the
  same quantity covers the same periods, and it is neither a change over a combined period
  nor a link of one that FC207 compounds.

Every `figcheck report` lists these as unverifiable. Accept them (`figcheck accept`) once
reviewed, with the reason a single source is enough, or find a second source.

Passes (two reports give the count; levels check the change):

    quantities:
      fighters: {}
      victims: {kind: flow}
      victims-change: {kind: change, of: victims, unit: percent}
    figures:
      - {quantity: fighters, value: 2719, as_of: 2015-11-19, said_by: TASS, document: tass}
      - {quantity: fighters, value: 2900, as_of: 2015-12, said_by: FSB, document: icg}
      - {quantity: victims, value: 1000, as_of: 2013}
      - {quantity: victims, value: 540, as_of: 2014, document: icg}
      - {quantity: victims-change, value: -46, as_of: 2013/2014}

Fails (one report gives the count; no level figure for 2013 and 2014):

    quantities:
      fighters: {}
      victims: {kind: flow}
      victims-change: {kind: change, of: victims, unit: percent}
    figures:
      - {quantity: fighters, value: 2719, as_of: 2015-11-19, said_by: TASS}
      - {quantity: victims-change, value: -46, as_of: 2013/2014}
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from figcheck import dates, describe
from figcheck.family import Family, period_key
from figcheck.model import Figure, Quantity
from figcheck.rules.base import FamilyRule, Hit, Options
from figcheck.rules.fc205_change_against_levels import Levels
from figcheck.rules.fc207_compound_change import Chains


def find(family: Family, options: Options) -> Iterator[Hit]:
    for quantity in family.quantities:
        said = family.statements(quantity.id)
        if not said:
            continue
        if quantity.kind == "change":
            yield from _unchecked_changes(family, quantity, said)
        elif len(said) == 1:
            (statement,) = said
            yield Hit(_single(quantity, statement), statement, quantity.id)


def _single(quantity: Quantity, statement: Sequence[Figure]) -> str:
    f = statement[0]
    again = f", said {len(statement)} times there," if len(statement) > 1 else ""
    return (
        f"{describe.figure(f, quantity)}{again} is the only figure of {quantity.id}: no other "
        f"report gives it, so nothing checks it; it rests on {f.document} alone"
    )


def _unchecked_changes(
    family: Family, quantity: Quantity, said: Sequence[Sequence[Figure]]
) -> Iterator[Hit]:
    level = family.quantity(quantity.of) if quantity.of else None
    levels = Levels(level, family.of(level.id)) if level is not None else None
    by_period: dict[tuple[int, ...], int] = {}
    for statement in said:
        key = period_key(statement[0], "change")
        by_period[key] = by_period.get(key, 0) + 1
    compounded = _compounded(family.of(quantity.id))
    for statement in said:
        c = statement[0]
        if by_period[period_key(c, "change")] > 1 or not c.as_of.is_interval:
            continue  # another report gives the same change (FC201, FC301 compare them)
        if any(f.full_id in compounded for f in statement):
            continue  # FC207 sets it against the changes over the same years
        missing = (
            [p for p in c.as_of.points if not levels.during(p)]
            if levels is not None
            else list(c.as_of.points)
        )
        if not missing:
            continue
        if level is None:
            why = f"{quantity.id} names no level quantity (of)"
        else:
            periods = " or ".join(dates.describe_point(p) for p in missing)
            why = f"no figure of {level.id} is recorded for {periods}"
        yield Hit(
            f"{describe.figure(c, quantity)}: {why}, and no other report gives this change, "
            f"so nothing checks it; it rests on {c.document} alone",
            tuple(statement),
            quantity.id,
        )


def _compounded(changes: Sequence[Figure]) -> set[str]:
    """The change figures that FC207 compares: each over a combined period that a chain of
    other changes spans, and every figure of those chains."""
    chains = Chains(changes)
    found: set[str] = set()
    for combined in chains.links_figures:
        compounded = chains.compounded(combined)
        if compounded is not None:
            found.add(combined.full_id)
            found.update(f.full_id for f in compounded[1])
    return found


RULE = FamilyRule(
    code="FC304",
    title="unverifiable",
    severity="info",
    doc=__doc__ or "",
    find=find,
    remedy="record a second report of the figure if one exists; otherwise, once reviewed, "
    'figcheck accept {id} --why "..." with the reason one source is enough',
)
