"""Whether a number written in a text says a figure's value: the test behind FC105 and
behind "recorded" in FC302 and `figcheck extract`.

A number says a figure's value when:

- the figure has one value v >= 0 and the number's value is v: 2719, `2,719`, `2 719` and
  `2.719 thousand` all say 2719; `46%` and `46` both say 46; `second` and `2nd` say 2;
- the figure has a negative value -v (a decrease) and the number's value is v, and the quote
  states the direction: a word for a decrease (decreased, declined, fell, dropped, down,
  reduced, reduction, lower, fewer, less, shrank, minus, cut, plunged...: see `DECREASE`) or
  a minus sign right before the number ("-46%", "−46%");
- the number is a vague quantity whose range is the figure's interval: "hundreds" and
  "several hundred" for the range [200, 999], "many thousands" for `at-least` 2,000;
- the figure is a range [a, b] and the number is a or b and the other end is written in the
  same quote too ("between 100 and 200");
- the figure is a change and the number a multiple that makes it: "doubled" or "twice as
  many" is +100, "tripled" +200, "halved" -50;
- the figure is a change, or a share (a quantity whose unit is percent), and the number a
  fraction that is its magnitude as written, rounded to the value's decimals: "half" is 50,
  "a third" 33 or 33.3, "one in five" 20; a change needs its direction in the quote, as for
  a number ("fell by half" is -50).

For a figure of a `change` quantity with a positive value, a quote that speaks only of a
decrease ("decreased by 46%" recorded as 46) does not express it: the sign was lost.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal
from fractions import Fraction

from figcheck import values
from figcheck.model import Figure, Interval, Number
from figcheck.text.numbers import Occurrence

# Words that state a decrease (or an increase), matched as whole words, in any case.
DECREASE = re.compile(
    r"\b(?:decreas(?:e|ed|es|ing)|declin(?:e|ed|es|ing)|fell|fall(?:s|en|ing)?"
    r"|drop(?:s|ped|ping)?|down|reduc(?:e|ed|es|ing|tion)|lower(?:ed)?|fewer|less"
    r"|shr(?:ank|unk|ink|inks)|minus|cuts?|plunged|plummeted|slumped|sank|dipped"
    r"|halv(?:ed|es|ing))\b",
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
    unit: str = "",
) -> list[Occurrence]:
    """The numbers among `numbers` (those written inside one place of the quote) that say
    the figure's value. `text` is the text the numbers were read from, for their signs;
    `quote` is the quote as the figure gives it, for its words; `unit` is the unit of the
    figure's quantity (a fraction says a share only in percent)."""
    return numbers_saying(figure.value, kind, quote, numbers, text, unit, figure.interval)


# A value as a record gives it, or as `figcheck add` parsed it (a decimal kept exact).
Stated = Number | Decimal | tuple[Number | Decimal, Number | Decimal]


def numbers_saying(
    value: Stated,
    kind: str,
    quote: str,
    numbers: Sequence[Occurrence],
    text: str,
    unit: str = "",
    interval: Interval | None = None,
) -> list[Occurrence]:
    """`numbers_saying_value` for a value that is not yet a figure's (`figcheck add`):
    `interval` is what the value means with its hedge, where it is known (a vague quantity
    says the value when its range is that interval); without it, the value's own."""
    # Most quotes hold plain numbers only: the vague, multiple and fraction readings are
    # looked at only where the quote has one (anchoring asks this once per figure).
    special = any(n.kind in SPECIAL for n in numbers)
    vague: list[Occurrence] = []
    counts = list(numbers)
    if special:
        meant = interval or _interval_of(value)
        vague = [n for n in numbers if n.kind == "vague" and _same_interval(n, meant)]
        counts = [n for n in numbers if n.kind not in RATIOS]
    if isinstance(value, tuple):
        return vague + _numbers_saying_range(value, quote, counts, text)
    if vague:
        return vague
    wanted = values.exact(value)
    found = [n for n in counts if n.value is not None and n.value == abs(wanted)]
    # A multiple states its own direction ("halved"): it makes the change, sign and all.
    multiples: list[Occurrence] = []
    if special and kind == "change":
        multiples = [n for n in numbers if n.kind == "multiple" and (n.low - 1) * 100 == wanted]
    if special and (kind == "change" or unit in ("percent", "%")):
        found += [n for n in numbers if n.kind == "fraction" and _rounds_to(value, n.low)]
    if wanted < 0:
        worded = DECREASE.search(quote) is not None
        found = [n for n in found if worded or has_minus(text, n)]
    elif kind == "change" and wanted > 0 and DECREASE.search(quote) and not INCREASE.search(quote):
        found = [n for n in found if _has_plus(text, n)]
    return sorted([*found, *multiples], key=lambda n: n.start) if special else found


RATIOS = ("multiple", "fraction")
SPECIAL = ("vague", *RATIOS)


def _rounds_to(value: Number | Decimal, fraction: Fraction) -> bool:
    """Whether `value` (a percent as written) is `fraction` of a whole, rounded to the
    value's decimals: 33, 33.3 and 33.33 are a third; 34 and 33.4 are not."""
    places = 0
    if isinstance(value, float | Decimal):
        written = value if isinstance(value, Decimal) else Decimal(repr(value))
        exponent = written.as_tuple().exponent
        places = max(0, -exponent) if isinstance(exponent, int) else 0
    return abs(abs(values.exact(value)) - fraction * 100) <= Fraction(1, 2 * 10**places)


def _numbers_saying_range(
    ends: tuple[Number | Decimal, Number | Decimal],
    quote: str,
    numbers: Sequence[Occurrence],
    text: str,
) -> list[Occurrence]:
    low, high = values.exact(ends[0]), values.exact(ends[1])
    worded = DECREASE.search(quote) is not None

    def says(n: Occurrence, end: Fraction) -> bool:
        if n.value is None or n.value != abs(end):
            return False
        return end >= 0 or worded or has_minus(text, n)

    at_low = [n for n in numbers if says(n, low)]
    at_high = [n for n in numbers if says(n, high)]
    if at_low and at_high:
        return sorted({*at_low, *at_high}, key=lambda n: n.start)
    return []


def _interval_of(value: Stated) -> Interval:
    """A value's interval as written, without a hedge: a range's ends, or the one number."""
    low, high = value if isinstance(value, tuple) else (value, value)
    return Interval(values.exact(low), values.exact(high))


def _same_interval(number: Occurrence, interval: Interval) -> bool:
    """Whether a vague quantity's range is the figure's interval, both ends closed but an
    infinite one: [200, 999] for "hundreds", [2000, ∞) for "many thousands"."""
    return (
        (interval.low, interval.high) == (number.low, number.high)
        and not interval.low_open
        and (not interval.high_open or interval.high == float("inf"))
    )


def _has_plus(text: str, number: Occurrence) -> bool:
    return number.start >= 1 and text[number.start - 1] == "+"
