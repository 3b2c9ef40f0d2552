"""FC204 subset exceeds superset: a part of a group counted as larger than the group.

A quantity with `subset_of: [other]` is never more than `other` at the same time: people
from Chechnya who went to Syria are among the Russian citizens who went. figcheck reports a
figure of the subset whose lower bound exceeds the upper bound of a figure of the superset
at an overlapping date (the identical period for a flow). When the superset is
`cumulative` it only grows, so a superset figure dated later bounds the subset too.

Passes (405 from Chechnya, 2,719 from all Russia, both in 2015):

    quantities: {chechnya-departed: {subset_of: [ru-departed], ...}, ...}
    figures: chechnya-departed 405 (2015-06); ru-departed 2719 (2015-11-19)

Fails (a cumulative total of 300 in November cannot hold 405 who had left by June):

    figures: chechnya-departed 405 (2015-06); ru-departed 300 (2015-11-19)
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from figcheck import describe, sweep
from figcheck.family import Family, period_key, same_period_groups
from figcheck.model import Figure, Quantity
from figcheck.rules.base import FamilyRule, Hit, Options


def find(family: Family, options: Options) -> Iterator[Hit]:
    for subset in family.quantities:
        for superset_id in subset.subset_of:
            superset = family.quantity(superset_id)
            for s, p in _exceeding(family.of(subset.id), family.of(superset_id), superset):
                message = (
                    f"{subset.id} is part of {superset.id}, but "
                    f"{describe.figure(s, subset)} is more than {describe.figure(p, superset)}"
                    f"{' counted later' if p.as_of.start > s.as_of.end else ''}: "
                    f"{describe.interval(s)} lies above {describe.interval(p)}"
                )
                yield Hit(message, (s, p), subset.id)


def _exceeding(
    smaller: Sequence[Figure], larger: Sequence[Figure], superset: Quantity
) -> Iterator[tuple[Figure, Figure]]:
    if superset.kind == "cumulative":
        yield from sweep.exceeding_later(smaller, larger)
    elif superset.kind == "stock":
        yield from sweep.exceeding_at_overlapping_dates(smaller, larger)
    else:
        kind = superset.kind
        by_period = {period_key(g[0], kind): g for g in same_period_groups(larger, kind)}
        for group in same_period_groups(smaller, kind):
            match = by_period.get(period_key(group[0], kind))
            if match:
                yield from sweep.exceeding_at_overlapping_dates(group, match)


RULE = FamilyRule(
    code="FC204",
    title="subset exceeds superset",
    severity="error",
    doc=__doc__ or "",
    find=find,
)
