"""FC105 value not in quote: the figure's value is not what its quote says.

figcheck reads every number in the quote, however it is written (`2,719`, `2719`, `2 719`,
`25 thousand`, `2.9 thousand`, `1,8 thousand`, `3 mln`, `46%`, `46 percent`, `forty-four`,
`a dozen`, `second`, `7th`, `hundreds`, `several hundred`, `doubled`, `a third of`; see
`figcheck extract`), and requires one that says the figure's value:

- the same value: 2719 for `value: 2719`; `about`, `over` and the other hedges do not change
  the number written ("around 2,200" says 2200);
- a negative value (a decrease) needs the direction in the quote: a word such as decreased,
  declined, fell, dropped, down, reduced, lower, fewer, or a minus sign ("-46%");
- a range needs both ends in the quote ("between 100 and 200"), or a vague quantity with
  that range ("hundreds" and "several hundred" are [200, 999]); "many thousands" is
  `at-least` 2,000;
- a change may be said by a multiple ("doubled" is 100, "halved" -50) or a fraction ("fell
  by half" is -50), and a share (a quantity in percent) by a fraction ("a third" is 33 or
  33.3, "one in five" 20);
- a positive change whose quote speaks only of a decrease is a lost sign.

When the quote is found in the document's text, the numbers are read there, within the
quote's place, so that a quote cut in the middle of "25 thousand" does not say 25. Otherwise
(no text, or FC104) they are read from the quote itself. A mistyped value (2791 for 2719)
is caught; the message lists the numbers the quote does have.

Like the other FC1xx errors, this one means the ledger does not say what its documents say:
`figcheck check` exits with code 2, and the finding cannot be accepted, only fixed. The
figure is left out of the consistency rules (FC2xx, FC3xx), which run on the others.

Passes (the value as written; a decrease its quote says is one):

    quantities:
      victims: {kind: flow}
      victims-change: {kind: change, unit: percent, of: victims}
      ru-departed: {kind: cumulative}
    figures:
      - {quantity: ru-departed, value: 2719, as_of: 2015-11-19,
         quote: From Russia went to Syria 2719 Russian citizens}
      - {quantity: victims-change, value: -46, as_of: 2013/2014,
         quote: the number of victims has decreased by 46%}

Fails (a typo):

    quantities: {ru-departed: {kind: cumulative}}
    figures:
      - {quantity: ru-departed, value: 2791, as_of: 2015-11-19,
         quote: From Russia went to Syria 2719 Russian citizens}

Fails (a decrease whose quote does not say which way the number went):

    quantities:
      victims: {kind: flow}
      victims-change: {kind: change, unit: percent, of: victims}
    figures:
      - {quantity: victims-change, value: -51, as_of: 2014/2015, quote: in 2015 it was 51%}
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from figcheck import values
from figcheck.model import Figure
from figcheck.rules.base import DocumentRule, Hit, Options
from figcheck.text.anchoring import DocumentText
from figcheck.text.numbers import Occurrence, find_numbers
from figcheck.text.value_match import DECREASE, numbers_saying_value
from figcheck.wording import quoted, shorten


def find(text: DocumentText, options: Options) -> Iterator[Hit]:
    # Without a readable text (FC104 says why) the quotes are read on their own.
    found = text.anchors
    for figure, kind in text.figures:
        places = found.quotes[figure.full_id] if found is not None else ()
        if places:
            assert found is not None
            # Anchoring examined the places of the quote once for all the figures quoting it.
            if not found.says_value(figure.full_id):
                numbers = found.inside(places[0])
                yield Hit(_message(figure, kind, numbers), (figure,), figure.quantity)
            continue
        numbers = find_numbers(figure.quote)
        unit = text.units.get(figure.full_id, "")
        if not numbers_saying_value(figure, kind, figure.quote, numbers, figure.quote, unit):
            yield Hit(_message(figure, kind, numbers), (figure,), figure.quantity)


def _message(figure: Figure, kind: str, numbers: Sequence[Occurrence]) -> str:
    shown = values.as_written(figure.value, "exact", "percent" if kind == "change" else "")
    has = _listing(numbers)
    if isinstance(figure.value, tuple):
        return (
            f"{figure.full_id} is the range {shown}, but its quote has {has}: a range needs "
            "both ends in the quote, or a word such as 'hundreds' for exactly its range"
        )
    wanted = values.exact(figure.value)
    magnitude = [n for n in numbers if n.value == abs(wanted)]
    if wanted < 0 and magnitude:
        return (
            f"{figure.full_id} is {shown}, a decrease, but its quote has {has} and no word "
            "for a decrease (decreased, fell, declined, down, ...) or minus sign: check the "
            "sign, or quote the words that give the direction"
        )
    if magnitude and DECREASE.search(figure.quote):
        return (
            f"{figure.full_id} is {shown}, but its quote speaks of a decrease: "
            f"write {values.as_written(-figure.value, 'exact', '')}"
        )
    return f"{figure.full_id} is {shown}, but its quote has {has}"


_LISTED = 10  # numbers of a quote named in a message; the others are counted


def _listing(numbers: Sequence[Occurrence]) -> str:
    if not numbers:
        return "no number"
    shown = [
        quoted(n.text) + (f" ({shorten(meaning)})" if (meaning := n.meaning()) else "")
        for n in numbers[:_LISTED]
    ]
    if len(numbers) > _LISTED:
        return ", ".join(shown) + f" and {len(numbers) - _LISTED:,} more numbers"
    if len(shown) == 1:
        return shown[0]
    return ", ".join(shown[:-1]) + " and " + shown[-1]


RULE = DocumentRule(
    code="FC105",
    title="value not in quote",
    severity="error",
    doc=__doc__ or "",
    find=find,
    data_error=True,
    remedy="correct the value or the quote, so that the quote says the value",
)
