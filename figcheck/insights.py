"""What the figures of a family say together, for `figcheck report`.

The rules say where figures cannot all be right; these notes put figures side by side so a
reader sees what they imply: a subset's share of its superset, what the recorded parts add
up to, and what consecutive percent changes compound to (with whether any level figure
exists to check them against). Stated values are used, not intervals: these are readings,
not verdicts.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from fractions import Fraction

from figcheck import dates, describe, wording
from figcheck.family import Family
from figcheck.model import Figure, Quantity
from figcheck.rules.fc205_change_against_levels import RULE as CHANGE_AGAINST_LEVELS


def notes(family: Family) -> list[str]:
    return [
        *_side_by_side(family),
        *_compound_changes(family),
        *_missing_levels(family),
        *_subset_shares(family),
        *_parts_sums(family),
    ]


def _closest(figure: Figure, candidates: Sequence[Figure]) -> Figure | None:
    """The candidate at an overlapping date, or else the nearest in time."""
    if not candidates:
        return None
    return min(candidates, key=lambda c: (c.as_of.gap_days(figure.as_of), -c.as_of.start))


def percent(part: Fraction, whole: Fraction) -> str:
    share = part / whole * 100
    if words := wording.in_words(share):
        return f"{words} percent"
    return f"{wording.rounded(share, 1 if abs(share) < 10 else 0)}%"


def signed_percent(change: Fraction) -> str:
    if words := wording.in_words(change):
        return f"{words} percent"
    text = wording.rounded(change, 1 if change % 1 else 0)
    return f"{'' if text.startswith('-') else '+'}{text}%"


def _number(value: Fraction) -> str:
    """A number in a note: as written, or in words when it is beyond a trillion."""
    return wording.in_words(value) or wording.number(value)


def _side_by_side(family: Family) -> Iterator[str]:
    """Figures of sibling quantities (different definitions within one superset) in date
    order: where reports count the same broad thing differently, the spread at a glance."""
    for superset in family.quantities:
        siblings = [q for q in family.quantities if superset.id in q.subset_of]
        figures = sorted(
            ((f, q) for q in siblings for f in family.of(q.id)),
            key=lambda pair: (pair[0].as_of.start, pair[0].as_of.end),
        )
        if len({q.id for _, q in figures}) < 2:
            continue
        listed = "; ".join(
            f"{describe.value(f, q)} {q.id} ({dates.describe(f.as_of)}, "
            f"{describe.speaker(f.said_by)})"
            for f, q in figures
        )
        stated = [f.stated for f, _ in figures if f.approx != "range"]
        spread = (
            f". The numbers given run from {_number(min(stated))} to {_number(max(stated))}"
            if len(set(stated)) > 1
            else ""
        )
        yield f"within {superset.id}, reports count different things: {listed}{spread}"


def _compound_changes(family: Family) -> Iterator[str]:
    for quantity in family.quantities:
        if quantity.kind != "change":
            continue
        figures = [f for f in family.of(quantity.id) if f.as_of.is_interval]
        starting = {}
        for f in figures:
            starting.setdefault(
                (f.as_of.points[0].first_day, f.as_of.points[0].last_day), []
            ).append(f)
        for first in figures:
            middle = first.as_of.points[1]
            for second in starting.get((middle.first_day, middle.last_day), ()):
                yield _compound(quantity, first, second)


def _compound(quantity: Quantity, first: Figure, second: Figure) -> str:
    factor = (1 + first.stated / 100) * (1 + second.stated / 100)
    start, end = first.as_of.points[0], second.as_of.points[1]
    level = wording.in_words(factor * 100) or wording.number(round(factor * 100, 1))
    return (
        f"{quantity.id}: {describe.figure(first, quantity)} then "
        f"{describe.figure(second, quantity)} compound to {signed_percent((factor - 1) * 100)} "
        f"from {dates.describe_point(start)} to {dates.describe_point(end)}: a level of 100 "
        f"would end at {level}"
    )


def _missing_levels(family: Family) -> Iterator[str]:
    for quantity in family.quantities:
        has_changes = quantity.kind == "change" and quantity.of and family.of(quantity.id)
        if has_changes and not family.of(quantity.of):  # type: ignore[arg-type]
            yield (
                f"no figure of {quantity.of} is recorded, so the changes in {quantity.id} "
                f"cannot be checked against levels ({CHANGE_AGAINST_LEVELS.code}): they rest on "
                "their source alone"
            )


def _subset_shares(family: Family) -> Iterator[str]:
    for subset in family.quantities:
        for superset_id in subset.subset_of:
            superset = family.quantity(superset_id)
            for s in family.of(subset.id):
                whole = _closest(s, family.of(superset_id))
                share = _share(s, whole) if whole is not None else None
                if share is None:
                    continue
                yield (
                    f"{subset.id} {describe.figure(s, subset)} is {share} of {superset.id} "
                    f"{describe.figure(whole, superset)}"  # type: ignore[arg-type]
                )


def _share(part: Figure, whole: Figure) -> str | None:
    """'15%', 'about 23%', 'at most 20%' (of over 2,000), 'over 30%'; None where the hedges
    leave the share open on both sides, or the whole is not positive."""
    if part.approx == "range" or whole.approx == "range" or whole.stated <= 0:
        return None
    share = percent(part.stated, whole.stated)
    hedged_part = part.approx in ("over", "at-least")
    hedged_whole = whole.approx in ("over", "at-least")
    if (hedged_part and hedged_whole) or (part.approx in ("under", "at-most") and hedged_whole):
        return None
    if hedged_whole or part.approx in ("under", "at-most"):
        return f"at most {share}"
    if hedged_part or whole.approx in ("under", "at-most"):
        return f"at least {share}"
    fuzzy = "about " if "about" in (part.approx, whole.approx) or part.approx == "nearly" else ""
    return f"{fuzzy}{share}"


def _parts_sums(family: Family) -> Iterator[str]:
    for whole in family.quantities:
        if not whole.parts:
            continue
        for w in family.of(whole.id):
            found = [
                (p, _closest(w, [f for f in family.of(p) if f.as_of.overlaps(w.as_of)]))
                for p in whole.parts
            ]
            given = [(p, f) for p, f in found if f is not None]
            if not given:
                continue
            total = sum((f.stated for _, f in given), Fraction(0))
            terms = " + ".join(f"{p} {describe.value(f, family.quantity(p))}" for p, f in given)
            missing = [p for p, f in found if f is None]
            text = (
                f"parts of {whole.id} {describe.figure(w, whole)}: {terms} = "
                f"{_number(total)}, {percent(total, w.stated)} of it"
                if w.stated > 0
                else f"parts of {whole.id}: {terms} = {_number(total)}"
            )
            if missing and whole.exhaustive and len(missing) == 1 and w.stated >= total:
                text += f"; that leaves {_number(w.stated - total)} for {missing[0]}"
            elif missing:
                text += f"; no figure for {', '.join(missing)}"
            yield text
