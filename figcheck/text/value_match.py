"""Whether a number written in a text says a figure's value: the test behind FC105 and
behind "recorded" in FC302 and `figcheck extract`.

A number says a figure's value when:

- the figure has one value v >= 0 and the number's value is v: 2719, `2,719`, `2 719` and
  `2.719 thousand` all say 2719; `46%` and `46` both say 46; `second` and `2nd` say 2;
- the figure has a negative value -v (a decrease) and the number's value is v, and the quote
  states the direction: a word for a decrease (decreased, declined, fell, dropped, down,
  reduced, reduction, lower, fewer, less, shrank, minus, cut, plunged...: see `DECREASE`) or
  a minus sign right before the number ("-46%", "−46%");
- the figure is a range [a, b] and the number is a vague plural whose range is [a, b]
  ("hundreds" for [200, 999]), or the number is a or b and the other end is written in the
  same quote too ("between 100 and 200").

For a figure of a `change` quantity with a positive value, a quote that speaks only of a
decrease ("decreased by 46%" recorded as 46) does not express it: the sign was lost.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from fractions import Fraction

from figcheck import values
from figcheck.model import Figure, Number
from figcheck.text.numbers import Occurrence

# Words that state a decrease (or an increase), matched as whole words, in any case.
DECREASE = re.compile(
    r"\b(?:decreas(?:e|ed|es|ing)|declin(?:e|ed|es|ing)|fell|fall(?:s|en|ing)?"
    r"|drop(?:s|ped|ping)?|down|reduc(?:e|ed|es|ing|tion)|lower(?:ed)?|fewer|less"
    r"|shr(?:ank|unk|ink|inks)|minus|cuts?|plunged|plummeted|slumped|sank|dipped)\b",
    re.IGNORECASE,
)
INCREASE = re.compile(
    r"\b(?:increas(?:e|ed|es|ing)|ris(?:e|es|en|ing)|rose|gr(?:ew|ow|ows|own|owth)|up|more"
    r"|higher|jumped|climbed|soared|surged|plus|doubled|tripled)\b",
    re.IGNORECASE,
)
_MINUS = frozenset("-−–‒")


def has_minus(text: str, number: Occurrence) -> bool:
    """A minus sign right before the number, not a hyphen between two numbers ('2014-2024')."""
    at = number.start
    if at < 1 or text[at - 1] not in _MINUS:
        return False
    return at < 2 or not text[at - 2].isalnum()


def numbers_saying_value(
    figure: Figure,
    kind: str,
    quote: str,
    numbers: Sequence[Occurrence],
    text: str,
) -> list[Occurrence]:
    """The numbers among `numbers` (those written inside one place of the quote) that say
    the figure's value. `text` is the text the numbers were read from, for their signs;
    `quote` is the quote as the figure gives it, for its words."""
    return numbers_saying(figure.value, kind, quote, numbers, text)


def numbers_saying(
    value: Number | tuple[Number, Number],
    kind: str,
    quote: str,
    numbers: Sequence[Occurrence],
    text: str,
) -> list[Occurrence]:
    """`numbers_saying_value` for a value that is not yet a figure's (`figcheck add`)."""
    if isinstance(value, tuple):
        return _numbers_saying_range(value, quote, numbers, text)
    wanted = values.exact(value)
    found = [n for n in numbers if n.value is not None and n.value == abs(wanted)]
    if wanted < 0:
        worded = DECREASE.search(quote) is not None
        return [n for n in found if worded or has_minus(text, n)]
    if kind == "change" and wanted > 0 and DECREASE.search(quote) and not INCREASE.search(quote):
        return [n for n in found if _has_plus(text, n)]
    return found


def _numbers_saying_range(
    ends: tuple[int | float, int | float],
    quote: str,
    numbers: Sequence[Occurrence],
    text: str,
) -> list[Occurrence]:
    low, high = values.exact(ends[0]), values.exact(ends[1])
    vague = [n for n in numbers if n.kind == "vague" and (n.low, n.high) == (low, high)]
    worded = DECREASE.search(quote) is not None

    def says(n: Occurrence, end: Fraction) -> bool:
        if n.value is None or n.value != abs(end):
            return False
        return end >= 0 or worded or has_minus(text, n)

    at_low = [n for n in numbers if says(n, low)]
    at_high = [n for n in numbers if says(n, high)]
    if at_low and at_high:
        return vague + sorted({*at_low, *at_high}, key=lambda n: n.start)
    return vague


def _has_plus(text: str, number: Occurrence) -> bool:
    return number.start >= 1 and text[number.start - 1] == "+"
