"""Every number in a text, where it is, what it is worth and what kind it is.

    >>> [(n.text, str(n.value), n.kind) for n in find_numbers("2,719 went; 46% fewer")]
    [('2,719', '2719', 'plain'), ('46%', '46', 'percent')]

The forms read, one occurrence each:

- digits: `2719`, `2,719`, `2 719` (thousands separated by a space, a no-break space or a thin
  space, the same one throughout), decimals `2.9`, years and any other run of digits
  (`©2014-2024` is 2014 and 2024, `24/7` is 24 and 7, `MH17` holds 17), decades (`2010s` is
  2010);
- digits with a scale word: `25 thousand`, `2.9 thousand`, `1.5 million`, `3 dozen`;
- number words (see figcheck.text.numberwords), on whole words only: `someone` holds no number,
  `No one` holds 1;
- percentages: any of the above followed by `%`, ` percent` or ` per cent` (kind `percent`);
- ordinals: `2nd`, `7th`, `21st`, and the ordinal words (kind `ordinal`);
- vague plurals (kind `vague`): `dozens`, `hundreds`, `thousands`, `millions`, `billions`,
  `tens of thousands`, `hundreds of thousands`, ..., each a range (numberwords.VAGUE).

Signs are not read: "-46%" and "decreased by 46%" are both 46%; whether a number with its
words says a decrease is decided by figcheck.text.value_match. The scan is one pass of
precompiled regular expressions over the text.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import Literal

from figcheck import wording
from figcheck.text import numberwords

NumberKind = Literal["plain", "percent", "ordinal", "vague"]


@dataclass(frozen=True, slots=True)
class Occurrence:
    """One number as written in a text: [start, end) is its span, line is 1-based; low and
    high are equal except for a vague plural."""

    start: int
    end: int
    line: int
    text: str
    low: Fraction
    high: Fraction
    kind: NumberKind

    @property
    def value(self) -> Fraction | None:
        """The number's value; None for a vague plural, which is a range."""
        return self.low if self.low == self.high else None

    def shown(self) -> str:
        """The value for a reader: '2,719', '46%', '2nd', '200 to 999'."""
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


def ordinal(value: Fraction) -> str:
    """2 -> '2nd', 13 -> '13th', 21 -> '21st'."""
    n = int(value)
    suffix = "th" if n % 100 in (11, 12, 13) else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{wording.number(n)}{suffix}"  # '≈1.111e+4300th' for 4,301 digits and more


def _alternation(words: object) -> str:
    """A regex alternation of phrases, longest first (so that 'fourteen' wins over 'four'),
    with any run of whitespace allowed between the words of a phrase."""
    phrases = sorted(words, key=len, reverse=True)  # type: ignore[call-overload]
    return "|".join(r"\s+".join(map(re.escape, p.split())) for p in phrases)


_WORD = rf"(?:{_alternation(numberwords.NUMBER_WORDS)})\b"
_SCALE_WORD = rf"(?:{_alternation((*numberwords.SCALES, 'dozen'))})\b"
_SEPARATOR = r"(?:\s+|[-‐‑])"
_GROUP_SPACE = "[ \u00a0\u2009\u202f]"

_NUMBER = re.compile(
    rf"""
    (?P<vague>\b(?:{_alternation(numberwords.VAGUE)})\b)
    | (?<!\d)(?P<digits>
        \d{{1,3}}(?:,\d{{3}})+(?!\d)
        | \d{{1,3}}(?:{_GROUP_SPACE}\d{{3}})+(?!\d)
        | \d+
      )(?P<decimals>\.\d+)?
      (?:
        (?P<ordinal>st|nd|rd|th)(?![^\W\d_])
        | (?P<decade>['’]?s)(?![^\W\d_])
        | (?P<scale>(?:\s+{_SCALE_WORD})+)?
      )
    | (?P<words>\b
        (?:half\s+a\s+dozen\b|a\s+{_SCALE_WORD}|{_WORD})
        (?:{_SEPARATOR}(?:and\s+)?(?:a\s+{_SCALE_WORD}|{_WORD}))*
      )
    """,
    re.IGNORECASE | re.VERBOSE,
)
_PERCENT = re.compile(r"[ \u00a0]?%|\s+per\s?cent\b", re.IGNORECASE)
_LETTERS = re.compile(r"[^\W\d_]+")
_SEPARATORS = re.compile(r"[, \u00a0\u2009\u202f]")


# Every number starts at a run of digits, or at a word that can begin a number phrase.
# Trying the full pattern only there, instead of searching with it at every position, makes
# the scan several times faster on long texts; the matches are the same.
_FIRST_WORDS = frozenset(
    re.split(r"[^a-z]+", phrase)[0]
    for phrase in (*numberwords.NUMBER_WORDS, *numberwords.VAGUE, "a", "half")
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
        match = _NUMBER.match(text, token.start())
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
        if match["vague"]:
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


def _digits(text: str, match: re.Match[str], lines: _LineIndex) -> Occurrence:
    digits = _SEPARATORS.sub("", match["digits"])
    decimals = match["decimals"]
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
        self, text: str, start: int, end: int, low: Fraction, high: Fraction, kind: NumberKind
    ) -> Occurrence:
        return Occurrence(start, end, self.line(start), text[start:end], low, high, kind)
