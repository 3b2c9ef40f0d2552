"""FC201 conflict: two figures for the same thing at the same time cannot both be right.

Two figures of one quantity conflict when they speak of the same time and their value
intervals do not overlap. For a `stock` or `cumulative` quantity "the same time" means
overlapping as_of dates (2015 overlaps 2015-11-19); for a `flow` or a `change` it means the
identical period (victims in 2014 are not compared with victims in 2014-06).

When both figures come from the same speaker in different documents the pair is reported as
FC206 instead (and here again if FC206 is turned off in figcheck.yaml).

Records of one `statement` (a figure in a headline and again in the body) are one
utterance: their conflicts with another utterance are one finding, naming every record.

Passes (about 2,200 means 1,980 to 2,420, which holds 2,300):

    quantities: {ru-fighters: {}}
    figures:
      - {quantity: ru-fighters, value: 2200, approx: about, as_of: 2015, said_by: A}
      - {quantity: ru-fighters, value: 2300, as_of: 2015-11-19, said_by: B}

Fails (2,719 is outside 1,980 to 2,420, and 19 Nov 2015 lies within 2015):

    quantities: {ru-fighters: {}}
    figures:
      - {quantity: ru-fighters, value: 2200, approx: about, as_of: 2015, said_by: A}
      - {quantity: ru-fighters, value: 2719, as_of: 2015-11-19, said_by: B}
"""

from __future__ import annotations

from collections.abc import Iterator

from figcheck import describe, sweep
from figcheck.family import Family
from figcheck.model import Figure, Quantity
from figcheck.rules.base import FamilyRule, Hit, Options
from figcheck.wording import listing


def find(family: Family, options: Options) -> Iterator[Hit]:
    for quantity_id, pairs in family.conflicts.items():
        quantity = family.quantity(quantity_id)
        by_utterances: dict[frozenset[str], list[tuple[Figure, Figure]]] = {}
        for a, b in pairs:
            key = frozenset((_utterance(a), _utterance(b)))
            by_utterances.setdefault(key, []).append((a, b))
        for group in by_utterances.values():
            if len(group) == 1:
                ((a, b),) = group
                both = describe.pair(a, b, quantity)
                message = f"{both} cannot both hold: {describe.no_overlap(a, b)}"
                yield Hit(message, (a, b), quantity_id)
            else:
                yield _renderings(group, quantity)


def _utterance(figure: Figure) -> str:
    """What a figure says, as one utterance: its statement, else the figure itself."""
    return f"statement {figure.statement}" if figure.statement else figure.full_id


def _renderings(group: list[tuple[Figure, Figure]], quantity: Quantity) -> Hit:
    """One finding for the conflicts between two utterances, one of them (or both) given
    by several records: '3,870 (...) and 3,870 (...), statement ndma-0305, and at least
    4,000 (...) cannot both hold'."""
    # Each side in the order its first record comes in the pairs: the first pair's first.
    sides: dict[str, dict[str, Figure]] = {}
    for a, b in group:
        for f in (a, b):
            sides.setdefault(_utterance(f), {})[f.full_id] = f
    described = []
    for utterance, records in sides.items():
        shown = [describe.figure(f, quantity) for f in sweep.by_date(records.values())]
        text = listing(shown)
        described.append(f"{text}, records of {utterance}," if len(shown) > 1 else text)
    # Each reason is a sentence of its own ("[a, b] and [c, d] do not overlap"): no "and".
    reasons = list(dict.fromkeys(describe.no_overlap(a, b) for a, b in group))
    apart = listing(reasons, "; ", last="; ")
    figures = [f for side in sides.values() for f in side.values()]
    message = f"{' and '.join(described)} cannot both hold: {apart}"
    return Hit(message.replace(", cannot", " cannot"), tuple(figures), quantity.id)


RULE = FamilyRule(
    code="FC201",
    title="conflict",
    severity="error",
    doc=__doc__ or "",
    find=find,
)
