"""FC201 conflict: two figures for the same thing at the same time cannot both be right.

Two figures of one quantity conflict when they speak of the same time and their value
intervals do not overlap. For a `stock` or `cumulative` quantity "the same time" means
overlapping as_of dates (2015 overlaps 2015-11-19); for a `flow` or a `change` it means the
identical period (victims in 2014 are not compared with victims in 2014-06).

When both figures come from the same speaker in different documents the pair is reported as
FC206 instead (and here again if FC206 is turned off in figcheck.yaml).

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

from figcheck import describe
from figcheck.family import Family
from figcheck.rules.base import FamilyRule, Hit, Options


def find(family: Family, options: Options) -> Iterator[Hit]:
    for quantity_id, pairs in family.conflicts.items():
        quantity = family.quantity(quantity_id)
        for a, b in pairs:
            both = describe.pair(a, b, quantity)
            yield Hit(f"{both} cannot both hold: {describe.no_overlap(a, b)}", (a, b), quantity_id)


RULE = FamilyRule(
    code="FC201",
    title="conflict",
    severity="error",
    doc=__doc__ or "",
    find=find,
)
