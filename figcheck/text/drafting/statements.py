"""Figures a document gives twice: a headline's figure that its body gives again, and the
`statement:` id shared by every draft of one utterance (`figcheck draft`).

A headline rarely says when or who ("Wildfire forces 14,500 from their homes"); the body
that gives the same number does ("More than 14,500 people have been evacuated, the agency
said on Tuesday"). A headline's draft whose sentence gives no date takes the as_of of the
body's first figure with the same number, one whose sentence names no speaker takes its
said_by, and it takes the quantity matched on the body's longer words. The body's figure
may be a draft or a figure recorded already.

Then figures of the document with the same number, the same speaker and the same date
render one statement, and each draft of them gets the same `statement:` id. Their drafted
quantities must not differ, and they must say a telling number (a decimal, a percentage,
or 100 and more: "two" and "two" are too often two things) unless one is the headline's
and the others have the same quantity. The id is made
from the speaker and the date (`civil-protection-agency-2025-08-12`), with a number after
it where the document or the ledger holds it for another figure. A recorded figure of the
statement that has an id gives it to the drafts, as does a figure of another document with
the same number, speaker and date (the same utterance as another outlet reported it).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from fractions import Fraction
from typing import TYPE_CHECKING

from figcheck.model import Figure
from figcheck.text.numbers import Occurrence

if TYPE_CHECKING:
    from figcheck.text.drafting.drafts import Draft

Recorded = Sequence[tuple[Occurrence, Figure]]  # the numbers of the text figures record


@dataclass(frozen=True)
class _Given:
    """A figure the text gives: a draft's record, or a figure recorded already."""

    number: Occurrence
    as_of: str
    said_by: str
    quantity: str | None
    statement: str | None = None
    draft: int | None = None  # its index among the drafts; None for a recorded figure


def _given(drafts: Sequence[Draft], recorded: Recorded) -> list[_Given]:
    """The drafts' records and the recorded figures, in text order (not a range: its two
    numbers are no one number to give again)."""
    found = [
        _Given(d.number, d.record.as_of, d.record.said_by, d.record.quantity, draft=i)
        for i, d in enumerate(drafts)
        if d.record is not None and not d.covers
    ]
    found += [
        _Given(number, figure.as_of.text, figure.said_by, figure.quantity, figure.statement)
        for number, figure in recorded
    ]
    return sorted(found, key=lambda g: g.number.start)


def _same_number(a: Occurrence, b: Occurrence) -> bool:
    return a.kind == b.kind and a.low == b.low and a.high == b.high


# -- a headline's figure, from its body ------------------------------------------------------


def from_the_body(
    drafts: Sequence[Draft],
    recorded: Recorded,
    body_start: int,
    dated: Callable[[int], bool],
    attributed: Callable[[int], bool],
) -> list[Draft]:
    """The drafts, each headline draft (before `body_start`) that the body gives again
    completed from the body's figure: its date unless `dated(start)` (its sentence gives
    one), its speaker unless `attributed(start)`, and its quantity."""
    body = [g for g in _given(drafts, recorded) if g.number.start >= body_start]
    completed = list(drafts)
    for i, draft in enumerate(drafts):
        record = draft.record
        if record is None or draft.number.start >= body_start or draft.covers:
            continue
        source = next((g for g in body if _same_number(g.number, draft.number)), None)
        if source is None:
            continue
        fields: dict[str, str] = {}
        if not dated(draft.number.start):
            fields["as_of"] = source.as_of
        if not attributed(draft.number.start):
            fields["said_by"] = source.said_by
        if source.quantity is not None and (
            source.draft is None
            or drafts[source.draft].confidence.get("quantity", 0)
            > draft.confidence.get("quantity", 0)
        ):
            fields["quantity"] = source.quantity
        confidence, reasons = dict(draft.confidence), dict(draft.reasons)
        for name in fields:
            reasons[name] = f"as the body gives the same figure (line {source.number.line})"
            if source.draft is not None:
                confidence[name] = min(0.7, drafts[source.draft].confidence.get(name, 0.7))
            else:
                confidence[name] = 0.8  # a record the curator made
        completed[i] = replace(
            draft,
            record=replace(record, **fields),  # type: ignore[arg-type]
            confidence=confidence,
            reasons=reasons,
            new_quantity=None if "quantity" in fields else draft.new_quantity,
        )
    return completed


# -- one statement ---------------------------------------------------------------------------


def shared_statements(
    drafts: Sequence[Draft],
    recorded: Recorded,
    ledger: Mapping[str, Sequence[Figure]],
    body_start: int = 0,
) -> list[Draft]:
    """The drafts, those that render one statement with another figure of the document (or
    of the ledger) given its `statement:` id. `ledger` holds the ledger's figures by their
    statement id; what stands before `body_start` is a headline."""
    groups: dict[tuple[object, ...], list[_Given]] = {}
    for figure in _given(drafts, recorded):
        number = figure.number
        key: tuple[object, ...] = (number.kind, number.low, number.high)
        key += (_speaker_key(figure.said_by), _date_key(figure.as_of))
        groups.setdefault(key, []).append(figure)
    taken: set[str] = {g.statement for g in _given(drafts, recorded) if g.statement}
    taken |= set(ledger)
    completed = list(drafts)
    for members in groups.values():
        for statement in _statements(members, body_start):
            if not any(m.draft is not None for m in statement):
                continue
            ids = [m.statement for m in statement if m.statement]
            first = statement[0]
            drafted = sum(m.draft is not None for m in statement)
            elsewhere = _in_ledger(first, ledger)
            lines = ", ".join(str(m.number.line) for m in statement)
            if ids:
                name, reason = ids[0], f"as the figure recorded at line {_line(statement, ids[0])}"
            elif elsewhere is not None:
                name = elsewhere
                reason = "as another document's figure of the same number, speaker and date"
            elif drafted >= 2:
                name = _new_id(first.said_by, first.as_of, taken)
                reason = f"the same number, speaker and date at lines {lines}: one statement"
            else:
                continue  # alone, or with a record the curator gave no statement
            taken.add(name)
            for member in statement:
                if member.draft is None:
                    continue
                draft = completed[member.draft]
                assert draft.record is not None
                completed[member.draft] = replace(
                    draft,
                    record=replace(draft.record, statement=name),
                    confidence={**draft.confidence, "statement": 0.6},
                    reasons={**draft.reasons, "statement": reason},
                )
    return completed


def _statements(members: list[_Given], body_start: int) -> list[list[_Given]]:
    """The figures of one number, speaker and date, split where their quantities differ;
    alone, a draft may still render a statement of the ledger. A number that is not telling
    is one statement only with a headline's ("Four killed in blast"): twice in the body,
    "two were detained" is more often two things."""
    if not _telling(members[0].number) and all(m.number.start >= body_start for m in members):
        return []
    quantities = {m.quantity for m in members if m.quantity is not None}
    if len(quantities) > 1:
        return [[m for m in members if m.quantity == q] for q in sorted(quantities)]
    if not quantities and not _telling(members[0].number):
        return []
    return [members]


def _telling(number: Occurrence) -> bool:
    """A number too particular to be given twice by chance: a decimal, a percentage, or
    100 or more."""
    value = number.low
    return number.kind == "percent" or (
        isinstance(value, Fraction) and (value.denominator != 1 or value >= 100)
    )


def _line(members: list[_Given], statement: str) -> int:
    return next(m.number.line for m in members if m.statement == statement)


def _in_ledger(figure: _Given, ledger: Mapping[str, Sequence[Figure]]) -> str | None:
    """The statement of another document's figure of the same number, speaker and date,
    for a figure of a named speaker that has a quantity."""
    if figure.quantity is None or _speaker_key(figure.said_by) == "author":
        return None
    for name, figures in ledger.items():
        for other in figures:
            if (
                other.quantity == figure.quantity
                and other.stated == figure.number.low
                and _speaker_key(other.said_by) == _speaker_key(figure.said_by)
                and _date_key(other.as_of.text) == _date_key(figure.as_of)
            ):
                return name
    return None


def _speaker_key(said_by: str) -> str:
    return " ".join(said_by.lower().split())


def _date_key(as_of: str) -> str:
    return re.sub(r"[?~%]", "", as_of)


_SMALL_WORDS = frozenset(("the", "a", "an", "of", "for", "and", "in", "on", "at", "to", "by"))


def _new_id(said_by: str, as_of: str, taken: set[str]) -> str:
    """A short id from the speaker (its first three words before any comma) and the date,
    not taken yet: `civil-protection-agency-2025-08-12`, then `...-2`."""
    decomposed = unicodedata.normalize("NFKD", said_by.split(",")[0].lower())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    words = [w for w in re.findall(r"[a-z0-9]+", plain) if w not in _SMALL_WORDS]
    date = re.sub(r"[^0-9A-Za-z]+", "-", _date_key(as_of)).strip("-")
    stem = "-".join([*words[:3], date] if words else ["statement", date]).strip("-")
    name, n = stem, 1
    while name in taken:
        n += 1
        name = f"{stem}-{n}"
    return name
