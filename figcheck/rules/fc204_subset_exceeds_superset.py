"""FC204 subset exceeds superset: a part of a group counted as larger than the group.

A quantity with `subset_of: [other]` is never more than `other` at the same time: people
from Chechnya who went to Syria are among the Russian citizens who went. The relation is
read through: a subset of a subset of C is within C, and a part (`parts:` of a whole) is
within its whole and within the whole's supersets. figcheck reports a figure of the
smaller quantity whose lower bound exceeds the upper bound of a figure of the larger at an
overlapping date (the identical period for a flow). When the larger quantity is
`cumulative` it only grows, so a figure of it dated later bounds the smaller one too. A
part that alone exceeds its whole at the same time is reported by FC203 (while it is on);
the message names the chain of relations ("a is within b, which is within c").

Passes (405 from Chechnya, 2,719 from all Russia, both in 2015):

    quantities:
      ru-departed: {kind: cumulative}
      chechnya-departed: {kind: cumulative, subset_of: [ru-departed]}
    figures:
      - {quantity: chechnya-departed, value: 405, as_of: 2015-06}
      - {quantity: ru-departed, value: 2719, as_of: 2015-11-19}

Fails (a running total of 300 in November cannot hold 405 who had left by June):

    quantities:
      ru-departed: {kind: cumulative}
      chechnya-departed: {kind: cumulative, subset_of: [ru-departed]}
    figures:
      - {quantity: chechnya-departed, value: 405, as_of: 2015-06}
      - {quantity: ru-departed, value: 300, as_of: 2015-11-19}

Fails (read through: fighting with IS is within fighting, which is within those who went):

    quantities:
      went: {kind: cumulative}
      fighting: {subset_of: [went]}
      fighting-is: {subset_of: [fighting]}
    figures:
      - {quantity: fighting-is, value: 6000, as_of: 2017-10}
      - {quantity: went, value: 3417, as_of: 2017-10}
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence

from figcheck import describe, sweep
from figcheck.family import Containment, Family, period_key, same_period_groups
from figcheck.model import Figure
from figcheck.rules.base import FamilyRule, Hit, Options


def find(family: Family, options: Options) -> Iterator[Hit]:
    for subset in family.quantities:
        smaller = family.of(subset.id)
        containing = family.containing[subset.id]
        if not smaller or not containing:
            continue
        by_superset = {c.superset: c for c in containing}
        for s, p in _exceeding(family, smaller, by_superset):
            superset = family.quantity(p.quantity)
            message = (
                f"{by_superset[p.quantity].describe(subset.id)}, but "
                f"{describe.figure(s, subset)} is more than {describe.figure(p, superset)}"
                f"{' counted later' if p.as_of.start > s.as_of.end else ''}: "
                f"{describe.interval(s)} lies above {describe.interval(p)}"
            )
            yield Hit(message, (s, p), subset.id)


def _exceeding(
    family: Family, smaller: Sequence[Figure], supersets: Mapping[str, Containment]
) -> Iterator[tuple[Figure, Figure]]:
    """The pairs (subset figure, superset figure) where the first exceeds the second at the
    same time, the time as the superset's kind reads it. The figures of all the supersets
    of one kind are swept together: one sweep of the subset's figures per kind."""
    by_kind: dict[str, list[Figure]] = defaultdict(list)
    for superset_id in supersets:
        if family.may_exceed(smaller[0].quantity, superset_id):
            by_kind[family.quantity(superset_id).kind].extend(family.of(superset_id))
    # A kind is listed only with figures: may_exceed is false for a quantity without any.
    for kind, larger in by_kind.items():
        if kind == "cumulative":
            # It only grows: a figure of it dated later bounds the subset too.
            yield from sweep.exceeding_later(smaller, larger)
        elif kind == "stock":
            yield from sweep.exceeding_at_overlapping_dates(smaller, sweep.by_date(larger))
        else:
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
    # A part that alone exceeds its whole at the same time is FC203's finding.
    yields_to=("FC203",),
)
