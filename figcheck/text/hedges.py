"""The hedge a text puts on a number: "More than 8,700" is over, "about 3,400" about,
"5,000 or more" at least, "between 5,000 and 7,000" a range.

`VOCABULARY` lists the words reports use, each with the approx it means (the ledger's
`approx` words, figcheck/values.py) and, for the few that honestly read two ways, the other
approx it allows ("close to 500" is nearly 500 to most readers, about 500 to some). The words
are read right before a number (an optional currency sign between them is skipped: "about
$5 billion") or, for the few that follow a number ("or more", "or so"), right after it;
nothing further away counts, so a quote with no hedge word next to its number has no hedge.

`read_hedge(text, number)` is the hedge next to one number of a text (FC106 reads it for the
number that says a figure's value; `figcheck add` takes a new figure's approx from it), and
`stated_hedge(quote, value, kind, text)` finds that number first, as the anchoring rules do.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Literal

from figcheck.text.folding import Folded
from figcheck.text.numbers import Occurrence, find_numbers
from figcheck.text.value_match import Stated, numbers_saying

Side = Literal["before", "after"]


@dataclass(frozen=True, slots=True)
class Phrase:
    """Hedge words: what they mean, where they stand, and any other reading they allow."""

    words: str
    approx: str
    side: Side = "before"
    also: tuple[str, ...] = ()


def _before(approx: str, *phrases: str, also: tuple[str, ...] = ()) -> list[Phrase]:
    return [Phrase(p, approx, "before", also) for p in phrases]


def _after(approx: str, *phrases: str, also: tuple[str, ...] = ()) -> list[Phrase]:
    return [Phrase(p, approx, "after", also) for p in phrases]


VOCABULARY: tuple[Phrase, ...] = (
    *_before("exact", "exactly", "precisely"),
    *_before(
        "about",
        "about",
        "around",
        "round about",
        "approximately",
        "approx.",
        "roughly",
        "some",
        "an estimated",
        "estimated",
        "an approximate",
        "circa",
        "ca.",
        "in the region of",
        "on the order of",
        "in the order of",
        "something like",
        "more or less",
    ),
    *_after("about", "or so", "give or take", "or thereabouts", "more or less"),
    *_before("about", "closer to", also=("nearly",)),
    *_before("nearly", "nearly", "almost", "approaching", "not quite", "just shy of"),
    *_before("nearly", "close to", also=("about",)),
    *_before("nearly", "just under", "just below", also=("under",)),
    *_before(
        "over",
        "more than",
        "over",
        "upwards of",
        "upward of",
        "in excess of",
        "above",
        "exceeding",
        "greater than",
        "just over",
        "well over",
        "well above",
        "north of",
    ),
    *_before(
        "at-least",
        "at least",
        "no fewer than",
        "no less than",
        "not fewer than",
        "not less than",
        "a minimum of",
        "at a minimum",
    ),
    *_after("at-least", "or more", "and more", "or above", "and above", "or over", "plus", "+"),
    *_before(
        "under",
        "fewer than",
        "less than",
        "under",
        "below",
        "well under",
        "well below",
        "south of",
    ),
    *_before(
        "at-most",
        "up to",
        "at most",
        "at the most",
        "no more than",
        "not more than",
        "a maximum of",
    ),
    *_before("at-most", "as many as", also=("about",)),
    *_after("at-most", "or fewer", "or less", "or below", "at most", "at the most"),
)
# A range is read from its shape rather than from words alone: "between 5,000 and 7,000",
# "5,000 to 7,000", "5,000-7,000", the lower number below the higher. After "from", "in" or
# "since" it is not one: "from 5,000 to 7,000" and "in 2014 to 2,200" are changes, and nor
# is a percentage followed by a number that is not one: "grew 3.1% to 165.5 billion".
RANGE_FORMS = ("between X and Y", "X to Y", "X-Y")

_BY_WORDS: dict[tuple[Side, str], Phrase] = {(p.side, p.words): p for p in VOCABULARY}


def _alternation(side: Side) -> str:
    phrases = sorted((p.words for p in VOCABULARY if p.side == side), key=len, reverse=True)
    return "|".join(r"\s+".join(map(re.escape, p.split())) for p in phrases)


# How far from a number its hedge words may start: the longest phrase and some spaces.
_REACH = 40
_CURRENCY = r"(?:(?:US|A|C)?[$€£₽¥]\s?)?"
_BEFORE = re.compile(
    rf"(?<![^\W_])(?P<words>{_alternation('before')})\s*{_CURRENCY}\Z", re.IGNORECASE
)
_AFTER = re.compile(rf"\A(?:\s*|-)(?P<words>{_alternation('after')})(?![^\W_])", re.IGNORECASE)
_BETWEEN = re.compile(rf"(?<![^\W_])between\s+{_CURRENCY}\Z", re.IGNORECASE)
_NOT_A_RANGE = re.compile(rf"(?<![^\W_])(?:from|in|since)\s+{_CURRENCY}\Z", re.IGNORECASE)
_CONNECTOR = rf"\s*(?P<connector>to|and|[-‐‑–—])\s*{_CURRENCY}"
_CONNECTED_BEFORE = re.compile(rf"{_CONNECTOR}\Z", re.IGNORECASE)
_CONNECTED_AFTER = re.compile(rf"\A{_CONNECTOR}(?=\d)", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Hedge:
    """The hedge next to a number: what it means, its words as the text writes them, and the
    phrase they make with the number ("More than 8,700", "5,000 to 7,000")."""

    approx: str  # one of the ledger's approx words
    words: str  # "More than", "or so", "between", "to"
    phrase: str
    also: tuple[str, ...] = ()  # other approx words the words allow

    def allows(self, approx: str) -> bool:
        return approx == self.approx or approx in self.also


def read_hedge(text: str, number: Occurrence) -> Hedge | None:
    """The hedge the words right before or right after `number` (an occurrence read from
    `text`) put on it; None when no hedge word stands next to it."""
    before = text[max(0, number.start - _REACH) : number.start]
    # Most numbers have no hedge: the last word before them says which patterns can match,
    # so that the others are not tried (FC106 reads one number per figure of a ledger).
    last = _last_word(before)
    if last == "between" and _BETWEEN.search(before) is not None:
        end = _range_end(text, number, "and")
        return Hedge("range", "between", _phrase(text, before, "between", number, end))
    joined = last in ("to", "and") or last[-1:] in _DASHES
    if joined and (lower := _lower_end(text, number)) is not None:
        lower_number, connector = lower
        return Hedge("range", connector, _span(text, lower_number.start, number.end))
    if last in _LAST_WORDS and (found := _BEFORE.search(before)) is not None:
        words = " ".join(found["words"].split())
        phrase = _span(text, number.start - len(before) + found.start(), number.end)
        return _hedge(words, "before", phrase)
    after = text[number.end : number.end + _REACH]
    if (found := _AFTER.match(after)) is not None:
        words = " ".join(found["words"].split())
        return _hedge(words, "after", _span(text, number.start, number.end + found.end()))
    if _CONNECTED_AFTER.match(after) is not None and _NOT_A_RANGE.search(before) is None:
        for connector in ("to", "-"):
            upper = _range_end(text, number, connector)
            if upper is not None:
                return Hedge("range", connector, _span(text, number.start, upper.end))
    return None


_DASHES = frozenset("-‐‑–—")
_CURRENCY_WORD = re.compile(_CURRENCY)
# The last word of each phrase that stands before a number.
_LAST_WORDS = frozenset(p.words.split()[-1].lower() for p in VOCABULARY if p.side == "before")


def _last_word(before: str) -> str:
    """The last word before a number, lower-cased, past a currency sign ('about $5')."""
    words = before.split()
    if words and _CURRENCY_WORD.fullmatch(words[-1]):
        words.pop()
    return words[-1].lower().lstrip("([{\"'“‘«") if words else ""


def _hedge(words: str, side: Side, phrase: str) -> Hedge:
    known = _BY_WORDS[(side, words.lower())]
    return Hedge(known.approx, words, phrase, known.also)


def _span(text: str, start: int, end: int) -> str:
    return " ".join(text[start:end].split())


def _phrase(text: str, before: str, words: str, number: Occurrence, end: Occurrence | None) -> str:
    at = number.start - len(before) + before.lower().rfind(words)
    return _span(text, at, end.end if end is not None else number.end)


def _moved(number: Occurrence, by: int) -> Occurrence:
    """An occurrence read from a piece of a text, placed where it stands in the whole text."""
    return replace(number, start=number.start + by, end=number.end + by)


def _range_end(text: str, number: Occurrence, connector: str) -> Occurrence | None:
    """The higher number of a range whose lower end is `number`: "5,000 to 7,000"."""
    after = text[number.end : number.end + _REACH]
    joined = _CONNECTED_AFTER.match(after)
    if joined is None or _kind(joined["connector"]) != connector:
        return None
    following = find_numbers(text[number.end : number.end + 2 * _REACH])
    if not following or following[0].start != joined.end():
        return None
    upper = _moved(following[0], number.end)
    return upper if _ascends(number, upper) else None


def _lower_end(text: str, number: Occurrence) -> tuple[Occurrence, str] | None:
    """The lower number of a range whose higher end is `number`, with the connector."""
    before = text[max(0, number.start - _REACH) : number.start]
    joined = _CONNECTED_BEFORE.search(before)
    if joined is None:
        return None
    window = max(0, number.start - 3 * _REACH)
    cut = number.start - len(before) + joined.start()
    preceding = find_numbers(text[window:cut])
    if not preceding or preceding[-1].end != cut - window:
        return None
    lower = _moved(preceding[-1], window)
    ahead = text[max(0, lower.start - _REACH) : lower.start]
    if _kind(joined["connector"]) == "and":
        between = _BETWEEN.search(ahead)
        if between is None:
            return None
        lower = replace(lower, start=lower.start - len(ahead) + between.start())
    elif _NOT_A_RANGE.search(ahead) is not None:
        return None
    return (lower, joined["connector"]) if _ascends(lower, number) else None


def _kind(connector: str) -> str:
    return connector.lower() if connector.isalpha() else "-"


def _ascends(lower: Occurrence, upper: Occurrence) -> bool:
    """Whether two numbers can be the ends of one range: the lower below the higher, and a
    percentage only up to a percentage ("1.8 to 2.2%" and "1.8% to 2.2%" are ranges; "grew
    3.1% to 165.5 billion" is a change, then the level it reached)."""
    if lower.kind == "percent" and upper.kind != "percent":
        return False
    return lower.value is not None and upper.value is not None and lower.value < upper.value


def stated_hedge(
    quote: str,
    value: Stated,
    kind: str,
    text: str | None = None,
) -> tuple[Hedge, Occurrence] | None:
    """The hedge on the number of `quote` that says `value`, read where the quote stands in
    `text` (the document's text) when it is found there, else in the quote itself; with
    that number. None when no number says the value, or none of those has a hedge."""
    numbers: Sequence[Occurrence] = ()
    read_in = quote
    if text is not None:
        spans = Folded.of(text).spans(quote)
        if spans:
            every = find_numbers(text)
            read_in = text
            numbers = [n for start, end in spans for n in every if start <= n.start < n.end <= end]
    if read_in is quote:
        numbers = find_numbers(quote)
    for number in numbers_saying(value, kind, quote, numbers, read_in):
        hedge = read_hedge(read_in, number)
        if hedge is not None:
            return hedge, number
    return None
