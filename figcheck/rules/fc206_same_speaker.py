"""FC206 same speaker, different figures: one person is quoted with two numbers.

The condition of FC201 (same quantity, same time, value intervals that do not overlap)
where both figures have the same `said_by`, compared case- and space-insensitively, and come
from different documents. Either one document misquotes the speaker, or the speaker changed
the number; a reader needs to know which. Such pairs are reported here instead of as FC201.

Passes (the same speaker, figures that can both hold):

    quantities: {ru-fighters: {}}
    figures:
      - {document: doc-a, quantity: ru-fighters, value: 2200, approx: about, as_of: 2015,
         said_by: Oleg Syromolotov}
      - {document: doc-b, quantity: ru-fighters, value: 2300, as_of: 2015-11,
         said_by: oleg  syromolotov}

Fails (the same speaker, 2,719 outside about 2,200's 1,980 to 2,420):

    quantities: {ru-fighters: {}}
    figures:
      - {document: doc-a, quantity: ru-fighters, value: 2200, approx: about, as_of: 2015,
         said_by: Oleg Syromolotov}
      - {document: doc-b, quantity: ru-fighters, value: 2719, as_of: 2015-11-19,
         said_by: Oleg Syromolotov}
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
            if a.document != b.document and describe.same_speaker(a, b):
                who = describe.speaker(a.said_by)
                message = (
                    f"{who} is quoted with two figures that cannot both hold, "
                    f"{describe.pair(a, b, quantity)}: {describe.no_overlap(a, b)}; either "
                    f"{a.document} or {b.document} misquotes, or {who} revised the figure"
                )
                yield Hit(message, (a, b), quantity_id)


RULE = FamilyRule(
    code="FC206",
    title="same speaker, different figures",
    severity="error",
    doc=__doc__ or "",
    find=find,
    supersedes=("FC201",),
)
