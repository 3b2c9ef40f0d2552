"""FC305 rendering differs: one statement, reported in different words.

Records that carry the same `statement` render one utterance (a minister's figure at one
press conference, as two agencies and a headline reported it). Where their hedge, value or
quantity differ, this reports every rendering of the statement side by side, so that a
reader sees how outlets reworded it: "almost 1,000" in the speaker's words may become
"around 1,000" in a headline and "up to 1,000 ... joined IS" in another outlet. It is a
note (info), not an error: renderings that cannot all hold are FC206's, which reports them
instead while it is on.

Passes (two agencies give the same words):

    quantities: {ru-fighters: {}}
    figures:
      - {document: tass, quantity: ru-fighters, value: 1000, approx: nearly,
         as_of: 2015-07-10, statement: briefing-0710, quote: almost 1000}
      - {document: interfax, quantity: ru-fighters, value: 1000, approx: nearly,
         as_of: 2015-07-10, statement: briefing-0710, quote: almost 1000}

Fails (the headline drops "almost" for "around", another outlet counts something else):

    quantities: {ru-fighters: {}, ru-joined-isis: {kind: cumulative}}
    figures:
      - {document: tass, quantity: ru-fighters, value: 1000, approx: nearly,
         as_of: 2015-07-10, statement: briefing-0710, quote: almost 1000}
      - {document: tass, quantity: ru-fighters, value: 1000, approx: about,
         as_of: 2015-07-10, statement: briefing-0710, quote: around 1000}
      - {document: rbc, quantity: ru-joined-isis, value: 1000, approx: at-most,
         as_of: 2015-07-10, statement: briefing-0710, quote: up to 1000}
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from figcheck import describe, values
from figcheck.model import Figure
from figcheck.rules.base import Hit, LedgerRule, Options
from figcheck.wording import listing

if TYPE_CHECKING:
    from figcheck.ledger import Ledger


def find(ledger: Ledger, options: Options) -> Iterator[Hit]:
    by_statement: dict[str, list[Figure]] = {}
    for figure in ledger.figures.values():
        if figure.statement is not None:
            by_statement.setdefault(figure.statement, []).append(figure)
    for statement, renderings in by_statement.items():
        differ = _what_differs(renderings)
        if differ:
            yield Hit(
                _message(ledger, statement, renderings, differ),
                tuple(renderings),
                renderings[0].quantity,
            )


def _what_differs(renderings: Sequence[Figure]) -> list[str]:
    aspects = (
        ("hedge", lambda f: f.approx),
        ("value", lambda f: values.stated(f.value) if f.approx != "range" else f.value),
        ("quantity", lambda f: f.quantity),
    )
    return [name for name, key in aspects if len({key(f) for f in renderings}) > 1]


def _message(
    ledger: Ledger, statement: str, renderings: Sequence[Figure], differ: Sequence[str]
) -> str:
    shown = []
    for f in renderings:
        quantity = ledger.quantities[f.quantity]
        shown.append(f"{describe.figure(f, quantity)} as {f.quantity}")
    listed = listing(shown, "; ")
    return (
        f"statement {statement} of {describe.speaker(renderings[0].said_by)} is rendered "
        f"{len(renderings)} times, differing in {listing(differ)}: {listed}"
    )


RULE = LedgerRule(
    code="FC305",
    title="rendering differs",
    severity="info",
    doc=__doc__ or "",
    find=find,
    yields_to=("FC206",),
)
