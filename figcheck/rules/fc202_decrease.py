"""FC202 decrease: a running total that shrinks.

A `cumulative` quantity (everyone who has ever left, all cases opened so far) can only grow.
A figure dated strictly later than another (its as_of starts after the other's ends) whose
upper bound is below the earlier figure's lower bound says it shrank: one of them is wrong,
or the two do not count the same thing.

Passes (a later figure may be higher, or equal, or overlap within its hedge):

    quantities: {ru-departed: {kind: cumulative}}
    figures:
      - {quantity: ru-departed, value: 2719, as_of: 2015-11-19}
      - {quantity: ru-departed, value: 2600, approx: about, as_of: 2015-12}

Fails (2,400 in December is below 2,719 in November):

    quantities: {ru-departed: {kind: cumulative}}
    figures:
      - {quantity: ru-departed, value: 2719, as_of: 2015-11-19}
      - {quantity: ru-departed, value: 2400, as_of: 2015-12}
"""

from __future__ import annotations

from collections.abc import Iterator

from figcheck import describe, sweep
from figcheck.family import Family
from figcheck.rules.base import FamilyRule, Hit, Options


def find(family: Family, options: Options) -> Iterator[Hit]:
    for quantity in family.quantities:
        if quantity.kind != "cumulative":
            continue
        for earlier, later in sweep.higher_before(family.of(quantity.id), family.keys):
            message = (
                f"{quantity.id} is a running total, but it falls from "
                f"{describe.figure(earlier, quantity)} to {describe.figure(later, quantity)}: "
                f"{describe.interval(later)} lies below {describe.interval(earlier)}"
            )
            yield Hit(message, (earlier, later), quantity.id)


RULE = FamilyRule(
    code="FC202",
    title="decrease",
    severity="error",
    doc=__doc__ or "",
    find=find,
)
