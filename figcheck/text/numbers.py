"""Every number in a text, where it is, what it is worth and what kind it is.

    >>> [(n.text, str(n.value), n.kind) for n in find_numbers("2,719 went; 46% fewer")]
    [('2,719', '2719', 'plain'), ('46%', '46', 'percent')]

The forms read, one occurrence each:

- digits: `2719`, `2,719`, `2 719` (thousands separated by a space, a no-break space or a thin
  space, the same one throughout), decimals `2.9`, years and any other run of digits
  (`©2014-2024` is 2014 and 2024, `24/7` is 24 and 7, `MH17` holds 17), decades (`2010s` is
  2010);
- digits with a scale word: `25 thousand`, `2.9 thousand`, `1.5 million`, `3 dozen`, or an
  abbreviated scale (`SCALE_ABBREVIATIONS`): `1.8 th.`, `25 thou.`, `10k`, `3 mln`, `3 mn`,
  `3.4m` (`m` only after a decimal), `2 bn`, `2 bln`;
- a decimal comma, as Russian and most European sources write it, where a scale or a
  percent follows: `1,8 thousand` is 1,800, `2,5 mln` 2,500,000, `12,5%` 12.5%; a comma
  before exactly three digits separates thousands (`2,719`), and any other comma ends the
  number (`1,8` alone is 1 and 8);
- number words (see figcheck.text.numberwords), on whole words only: `someone` holds no number,
  `No one` holds 1;
- percentages: any of the above followed by `%`, ` percent` or ` per cent` (kind `percent`);
- ordinals: `2nd`, `7th`, `21st`, and the ordinal words (kind `ordinal`);
- vague plurals (kind `vague`): `dozens`, `hundreds`, `thousands`, `millions`, `billions`,
  `tens of thousands`, `hundreds of thousands`, ..., each a range (numberwords.VAGUE); and
  vague quantities with a quantifier: `several hundred`, `a few thousand`, `many thousands`
  (open above), `tens of`, `scores of`, `a handful`;
- multiples (kind `multiple`, the factor): `doubled`, `doubling`, `tripled`, `halved`,
  `twice`, `double`, `triple` and `three times` before as, the, that, what, more...
  ("twice as many", "double the toll"), `threefold`, `3-fold`;
- fractions (kind `fraction`): `half`, `a third of`, `a quarter of`, `two thirds`,
  `one in five`, `1 in 5`, `nine out of ten` (not "3 in 10 days").

Signs are not read: "-46%" and "decreased by 46%" are both 46%; whether a number with its
words says a decrease is decided by figcheck.text.value_match. The scan is one pass of
precompiled regular expressions over the text.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import Literal

from figcheck import wording
from figcheck.text import numberwords

NumberKind = Literal["plain", "percent", "ordinal", "vague", "multiple", "fraction"]


@dataclass(frozen=True, slots=True)
class Occurrence:
    """One number as written in a text: [start, end) is its span, line is 1-based; low and
    high are equal except for a vague quantity, whose high may be infinite (open above)."""

    start: int
    end: int
    line: int
    text: str
    low: Fraction
    high: Fraction | float
    kind: NumberKind

    @property
    def value(self) -> Fraction | None:
        """The number's value (the factor of a multiple or fraction); None for a vague
        quantity, which is a range."""
        return self.low if self.low == self.high else None

    def shown(self) -> str:
        """The value for a reader: '2,719', '46%', '2nd', '200 to 999', '2,000 or more',
        '×2 (+100%)' (doubled), '1/3 (≈33.33%)' (a third)."""
        if self.kind == "multiple":
            change = (self.low - 1) * 100
            sign = "+" if change >= 0 else ""
            return f"×{_factor(self.low)} ({sign}{wording.number(change)}%)"
        if self.kind == "fraction":
            return f"{_factor(self.low)} ({wording.number(self.low * 100)}%)"
        if self.kind == "vague" and self.high == float("inf"):
            return f"{wording.number(self.low)} or more"
        if self.kind == "vague":
            return f"{wording.number(self.low)} to {wording.number(self.high)}"
        if self.kind == "percent":
            return f"{wording.number(self.low)}%"
        if self.kind == "ordinal":
            return ordinal(self.low)
        return wording.number(self.low)

    def meaning(self) -> str | None:
        """The value where it reads differently from the text ('44' for 'forty-four',
        '200 to 999' for 'hundreds'), else None ('2719' is 2,719 as written)."""
        shown = self.shown()
        return None if shown.replace(",", "") == self.text.replace(",", "") else shown


def _factor(value: Fraction) -> str:
    """2 -> '2', 1/3 -> '1/3'."""
    return str(value.numerator) if value.denominator == 1 else str(value)


def ordinal(value: Fraction) -> str:
    """2 -> '2nd', 13 -> '13th', 21 -> '21st'."""
    n = int(value)
    suffix = "th" if n % 100 in (11, 12, 13) else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{wording.number(n)}{suffix}"  # '≈1.111e+4300th' for 4,301 digits and more


def _alternation(words: Iterable[str]) -> str:
    """A regex alternation of phrases, longest first (so that 'fourteen' wins over 'four'),
    with any run of whitespace allowed between the words of a phrase."""
    phrases = sorted(words, key=len, reverse=True)
    return "|".join(r"\s+".join(map(re.escape, p.split())) for p in phrases)


_WORD = rf"(?:{_alternation(numberwords.NUMBER_WORDS)})\b"
_SCALE_WORD = rf"(?:{_alternation((*numberwords.SCALES, 'dozen'))})\b"
_SEPARATOR = r"(?:\s+|[-‐‑])"
_GROUP_SPACE = "[ \u00a0\u2009\u202f]"

# Scales as reports abbreviate them, after digits: `1.8 th.`, `25 thou.`, `10k`, `3 mln`,
# `3.4m`, `2 bn`. The value of each, by its letters in lower case.
SCALE_ABBREVIATIONS: dict[str, int] = {
    "th": 1000,
    "thou": 1000,
    "k": 1000,
    "mln": 10**6,
    "mn": 10**6,
    "m": 10**6,
    "bn": 10**9,
    "bln": 10**9,
}
# `th` only after a space (`7th` is an ordinal), `k` and `m` only attached (`10 k` and `5 m`
# are as likely units), and `m` only after a decimal (`5m` is five metres as often as not).
_ABBREVIATED_SCALE = r"""
    (?:\s+th\.?|\s?thou\.?|\s?(?:mln|mn|bln|bn)\.?|k|(?(decimals)m|(?!)))
    (?![^\W\d_])
"""
# A comma before one or two digits is a decimal comma when a scale or a percent follows
# (`1,8 thousand`, `2,5 mln`, `12,5%`); before three digits it separates thousands (`2,719`).
# Not after four digits: "in 2014,15% of them" is a year and a percentage.
_DECIMAL_COMMA = rf"""
    (?<!\d\d\d\d),\d{{1,2}}(?=\s*{_SCALE_WORD}|{_ABBREVIATED_SCALE}|[ \u00a0]?%|\s+per\s?cent\b)
"""

_COUNT = rf"(?:{_alternation(numberwords.COUNT_WORDS)})"
_MULTIPLIED = rf"(?=\s+(?:{_alternation(numberwords.MULTIPLIED)})\b)"
_HYPHEN = "[-‐‑]"
_PER = _alternation(numberwords.DENOMINATORS)
_PERS = _alternation(numberwords.PLURAL_DENOMINATORS)
# A multiple or a fraction, before the other forms: "one in five" is 1/5, not 1 and 5.
_RATIO = rf"""
    (?P<ratio>
      \b(?P<verb>{_alternation(numberwords.MULTIPLYING_VERBS)})\b
      | \b(?P<multiplier>{_alternation(numberwords.MULTIPLIERS)}){_MULTIPLIED}
      | (?:\b(?P<times>{_COUNT})|(?<![\d.,])(?P<times_digits>\d{{1,3}}))\s+times{_MULTIPLIED}
      | \b(?P<fold>{_COUNT}){_HYPHEN}?fold\b
      | (?<![\d.,])(?P<fold_digits>\d{{1,3}}){_HYPHEN}fold\b
      | \b(?:a|one)(?:\s+|{_HYPHEN})(?P<per>{_PER})(?=\s+of\b)
      | \b(?P<parts>{_COUNT})(?:\s+|{_HYPHEN})(?P<pers>{_PERS})\b
      | (?:\b(?P<in_k>{_COUNT})|(?<![\d.,])(?P<in_k_digits>\d{{1,2}}))
        \s+(?:in|out\s+of)\s+(?:every\s+)?
        (?:(?P<in_n>{_COUNT}|a\s+hundred|a\s+thousand)\b|(?P<in_n_digits>100|[1-9]\d?)(?!\d|[.,]\d))
        (?!\s+(?:{_alternation(numberwords.TIME_WORDS)})\b)
      | (?<!first\s)(?<!second\s)(?<!third\s)(?<!fourth\s)(?<!last\s)(?<!latter\s)
        (?<!first{_HYPHEN})(?<!second{_HYPHEN})(?<!last{_HYPHEN})(?<!other\s)(?<!and\sa\s)\b(?P<half>half)\b(?!\s+a\s+dozen\b)(?!{_HYPHEN})
    )
"""

_FORMS = rf"""
    (?P<vague>\b(?:{_alternation(numberwords.VAGUE)})\b)
    | (?<!\d)(?P<digits>
        \d{{1,3}}(?:,\d{{3}})+(?!\d)
        | \d{{1,3}}(?:{_GROUP_SPACE}\d{{3}})+(?!\d)
        | \d+
      )(?P<decimals>\.\d+|{_DECIMAL_COMMA})?
      (?:
        (?P<ordinal>st|nd|rd|th)(?![^\W\d_])
        | (?P<decade>['’]?s)(?![^\W\d_])
        | (?P<scale>(?:\s+{_SCALE_WORD})+)
        | (?P<abbreviated>{_ABBREVIATED_SCALE})
      )?
    | (?P<words>\b
        (?:half\s+a\s+dozen\b|a\s+{_SCALE_WORD}|{_WORD})
        (?:{_SEPARATOR}(?:and\s+)?(?:a\s+{_SCALE_WORD}|{_WORD}))*
      )
    """
_NUMBER = re.compile(f"{_RATIO} | {_FORMS}", re.IGNORECASE | re.VERBOSE)
# The same without multiples and fractions, for where none can start: most numbers. Trying
# their dozen alternatives at every number would make the scan about a quarter slower.
_NUMBER_WITHOUT_RATIO = re.compile(_FORMS, re.IGNORECASE | re.VERBOSE)
_RATIO_WORDS = frozenset(word.lower() for word in numberwords.RATIO_FIRST_WORDS)
_RATIO_AFTER_DIGITS = re.compile(rf"\s+(?:times|in|out)\b|{_HYPHEN}fold", re.IGNORECASE)
_PERCENT = re.compile(r"[ \u00a0]?%|\s+per\s?cent\b", re.IGNORECASE)
_LETTERS = re.compile(r"[^\W\d_]+")
_SEPARATORS = re.compile(r"[, \u00a0\u2009\u202f]")


# Every number starts at a run of digits, or at a word that can begin a number phrase.
# Trying the full pattern only there, instead of searching with it at every position, makes
# the scan several times faster on long texts; the matches are the same.
_FIRST_WORDS = frozenset(
    re.split(r"[^a-z]+", phrase)[0]
    for phrase in (
        *numberwords.NUMBER_WORDS,
        *numberwords.VAGUE,
        *numberwords.RATIO_FIRST_WORDS,
        "a",
        "half",
    )
)


# Where a number can start, found by the regular expression engine itself: a run of digits,
# or a whole run of letters that is one of _FIRST_WORDS in any case (as _NUMBER reads them:
# 'ſeven' is seven). Prose is skipped word by word in C, not in Python.
_CANDIDATE = re.compile(
    r"\d+|(?<![^\W\d_])(?i:"
    + "|".join(sorted(filter(None, _FIRST_WORDS), key=len, reverse=True))
    + r")(?![^\W\d_])"
)


def _next_number(text: str, pos: int) -> re.Match[str] | None:
    """The first match of the number pattern at or after `pos` (what `_NUMBER.search` finds)."""
    for token in _CANDIDATE.finditer(text, pos):
        word = token.group()
        if word[0].isdigit():
            ratio = _RATIO_AFTER_DIGITS.match(text, token.end()) is not None
        else:
            ratio = word.lower() in _RATIO_WORDS
        match = (_NUMBER if ratio else _NUMBER_WITHOUT_RATIO).match(text, token.start())
        if match is not None:
            return match
    return None


def find_numbers(text: str, limit: int | None = None) -> list[Occurrence]:
    """Every number in `text`, in order of position; with a `limit`, the scan stops once it
    has found more than `limit` of them."""
    lines = _LineIndex(text)
    found: list[Occurrence] = []
    pos = 0
    while (match := _next_number(text, pos)) is not None:
        if limit is not None and len(found) > limit:
            break
        if match.re is _NUMBER and match["ratio"]:
            value, kind = _ratio(match)
            found.append(lines.occurrence(text, match.start(), match.end(), value, value, kind))
            pos = match.end()
        elif match["vague"]:
            low, high = numberwords.vague_range(match["vague"])
            found.append(lines.occurrence(text, match.start(), match.end(), low, high, "vague"))
            pos = match.end()
        elif match["digits"]:
            occurrence = _digits(text, match, lines)
            found.append(occurrence)
            pos = occurrence.end
        else:
            before = len(found)
            found.extend(_words(text, match, lines))
            pos = max(match.end(), found[-1].end if len(found) > before else 0)
    return found


def _ratio(match: re.Match[str]) -> tuple[Fraction, NumberKind]:
    """The factor of a multiple ('doubled' is 2) or the fraction ('one in five' is 1/5)."""
    group = match.groupdict()
    if group["verb"]:
        return numberwords.MULTIPLYING_VERBS[group["verb"].lower()], "multiple"
    if group["multiplier"]:
        return Fraction(numberwords.MULTIPLIERS[group["multiplier"].lower()]), "multiple"
    for name in ("times", "times_digits", "fold", "fold_digits"):
        if group[name]:
            return Fraction(numberwords.count_value(group[name])), "multiple"
    if group["per"]:
        return Fraction(1, numberwords.DENOMINATORS[group["per"].lower()]), "fraction"
    if group["pers"]:
        parts = numberwords.count_value(group["parts"])
        return Fraction(parts, numberwords.PLURAL_DENOMINATORS[group["pers"].lower()]), "fraction"
    if group["half"]:
        return Fraction(1, 2), "fraction"
    count = numberwords.count_value(group["in_k"] or group["in_k_digits"])
    whole = numberwords.count_value(group["in_n"] or group["in_n_digits"])
    return Fraction(count, whole), "fraction"


def _digits(text: str, match: re.Match[str], lines: _LineIndex) -> Occurrence:
    digits = _SEPARATORS.sub("", match["digits"])
    decimals = match["decimals"] and "." + match["decimals"][1:]  # a decimal comma is a point
    # Decimal reads any number of digits exactly (int() refuses more than 4,300 of them).
    value = (
        Fraction(int(digits))
        if not decimals and len(digits) < 4000
        else Fraction(Decimal(digits + (decimals or "")))
    )
    end = match.end()
    kind: NumberKind = "plain"
    if match["ordinal"]:
        kind = "ordinal"
    elif not match["decade"]:
        for word in (match["scale"] or "").split():
            value *= numberwords.SCALES.get(word.lower(), 12)
        if match["abbreviated"]:
            value *= SCALE_ABBREVIATIONS[match["abbreviated"].strip().rstrip(".").lower()]
        if percent := _PERCENT.match(text, end):
            kind, end = "percent", percent.end()
    return lines.occurrence(text, match.start(), end, value, value, kind)


def _words(text: str, match: re.Match[str], lines: _LineIndex) -> Iterator[Occurrence]:
    words: list[numberwords.Word] = []
    previous_end = match.start()
    for word in _LETTERS.finditer(text, match.start(), match.end()):
        gap = text[previous_end : word.start()]
        words.append(numberwords.Word(word.group().lower(), word.start(), word.end(), gap))
        previous_end = word.end()
    for number in numberwords.read_run(words):
        start, end = words[number.start].start, words[number.stop - 1].end
        value = Fraction(number.value)
        kind: NumberKind = "ordinal" if number.ordinal else "plain"
        if not number.ordinal and (percent := _PERCENT.match(text, end)):
            kind, end = "percent", percent.end()
        yield lines.occurrence(text, start, end, value, value, kind)


class _LineIndex:
    """Line numbers of positions, by bisecting the offsets of the line breaks."""

    def __init__(self, text: str) -> None:
        self.breaks = [m.start() for m in re.finditer("\n", text)]

    def line(self, position: int) -> int:
        return bisect.bisect_left(self.breaks, position) + 1

    def occurrence(
        self,
        text: str,
        start: int,
        end: int,
        low: Fraction,
        high: Fraction | float,
        kind: NumberKind,
    ) -> Occurrence:
        return Occurrence(start, end, self.line(start), text[start:end], low, high, kind)
