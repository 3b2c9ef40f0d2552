"""FC206 same speaker, different figures: one person is quoted with numbers that cannot all
hold.

The condition of FC201 (same quantity, same time, value intervals that do not overlap)
where both figures have the same `said_by`, compared case- and space-insensitively, and come
from different documents. Either one document misquotes the speaker, or the speaker changed
the number; a reader needs to know which. Such pairs are reported here instead of as FC201.

Where both figures say which `statement` they render, that is compared instead of the
names: two records of one statement are one speaker's words however each document names
the speaker, even within one document (a headline and its body), and records of two
different statements are not compared here.

One finding is made per speaker, quantity and cluster of dates: the figures linked by such
pairs, with every figure involved named once. A figure misquoted in a headline and again
in the body is one finding, naming the figure as said and both misquotes, and the
conflicts among them (FC201 does not repeat a pair that lies within it).

Passes (the same speaker, figures that can both hold):

    quantities: {ru-fighters: {}}
    figures:
      - {document: doc-a, quantity: ru-fighters, value: 2200, approx: about, as_of: 2015,
         said_by: Oleg Syromolotov}
      - {document: doc-b, quantity: ru-fighters, value: 2300, as_of: 2015-11,
         said_by: oleg  syromolotov}

Fails (2,719 outside about 2,200's 1,980 to 2,420; one finding for both of doc-b's):

    quantities: {ru-fighters: {}}
    figures:
      - {document: doc-a, quantity: ru-fighters, value: 2200, approx: about, as_of: 2015,
         said_by: Oleg Syromolotov}
      - {document: doc-b, quantity: ru-fighters, value: 2719, as_of: 2015-11-19,
         said_by: Oleg Syromolotov}
      - {document: doc-b, quantity: ru-fighters, value: 2719, as_of: 2015-11-19,
         said_by: Oleg Syromolotov}
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from figcheck import describe, sweep
from figcheck.family import Family
from figcheck.model import Figure, Quantity
from figcheck.rules.base import FamilyRule, Hit, Options
from figcheck.wording import listing


def find(family: Family, options: Options) -> Iterator[Hit]:
    for quantity_id, pairs in family.conflicts.items():
        quantity = family.quantity(quantity_id)
        linked = [(a, b) for a, b in pairs if same_source(a, b)]
        for cluster in clusters(linked):
            members = {f.full_id for f in cluster}
            within = [(a, b) for a, b in pairs if a.full_id in members and b.full_id in members]
            yield Hit(message(cluster, within, quantity), tuple(cluster), quantity_id)


def same_source(a: Figure, b: Figure) -> bool:
    """Whether two figures give one speaker's words: renderings of one statement, or, where
    either does not say its statement, the same speaker in two documents."""
    if a.statement is not None and b.statement is not None:
        return a.statement == b.statement
    return a.document != b.document and describe.same_speaker(a, b)


def clusters(pairs: Sequence[tuple[Figure, Figure]]) -> list[list[Figure]]:
    """The figures linked by `pairs`, in groups, each in date order."""
    parent: dict[str, str] = {}
    figures: dict[str, Figure] = {}

    def root(fid: str) -> str:
        while parent[fid] != fid:
            parent[fid] = parent[parent[fid]]
            fid = parent[fid]
        return fid

    for a, b in pairs:
        for f in (a, b):
            figures.setdefault(f.full_id, f)
            parent.setdefault(f.full_id, f.full_id)
        parent[root(a.full_id)] = root(b.full_id)
    groups: dict[str, list[Figure]] = {}
    for fid, f in figures.items():
        groups.setdefault(root(fid), []).append(f)
    return [sweep.by_date(group) for group in groups.values()]


def message(
    figures: Sequence[Figure], conflicts: Sequence[tuple[Figure, Figure]], quantity: Quantity
) -> str:
    who = describe.speaker(figures[0].said_by)
    (statement, *others) = {f.statement for f in figures}
    quoted = f"{who} (statement {statement})" if statement and not others else who
    if len(figures) == 2:
        a, b = figures
        return (
            f"{quoted} is quoted with two figures that cannot both hold, "
            f"{describe.pair(a, b, quantity)}: {describe.no_overlap(a, b)}; either "
            f"{a.document} or {b.document} misquotes, or {who} revised the figure"
        )
    listed = listing([describe.figure(f, quantity) for f in figures])
    apart = listing(list(dict.fromkeys(describe.no_overlap(a, b) for a, b in conflicts)), "; ")
    documents = list(dict.fromkeys(f.document for f in figures))
    either = (
        f"either {documents[0]} or {documents[1]}"
        if len(documents) == 2
        else f"one of {listing(documents)}"
    )
    return (
        f"{quoted} is quoted with {len(figures)} figures that cannot all hold, {listed}: "
        f"{apart}; {either} misquotes, or {who} revised the figure"
    )


RULE = FamilyRule(
    code="FC206",
    title="same speaker, different figures",
    severity="error",
    doc=__doc__ or "",
    find=find,
    supersedes=("FC201",),
)
