"""English number words: the vocabulary figcheck reads, and the value of a run of them.

The vocabulary, matched case-insensitively on whole words:

- cardinals: zero, one ... nineteen, twenty ... ninety, and compounds such as `forty-four`
  or `forty four`, `two hundred`, `one hundred and five`, `three thousand two hundred`;
- scales: hundred, thousand, million, billion, trillion, alone (`hundred` is 100) or after a
  cardinal, and `a` before them (`a hundred` is 100, `a thousand` 1,000);
- dozen: `dozen` and `a dozen` are 12, `two dozen` 24, `half a dozen` 6;
- ordinals: first ... nineteenth, twentieth ... ninetieth, hundredth, thousandth, millionth,
  billionth, and compounds (`twenty-first`, `one hundredth`);
- vague plurals, read as ranges: see `VAGUE`;
- multiples and fractions, read as a factor: see `MULTIPLIERS` and the words after it.

No library on PyPI fits (see the commit that added this module): text2num reads `hundreds`
as 100 and `25 thousand` as two numbers and has no `dozen`; number-parser and word2number
give no positions and no vague plurals, and are no longer maintained.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from fractions import Fraction

UNITS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
TEENS = (
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
)
TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
UNIT_ORDINALS = (
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
)
TEEN_ORDINALS = (
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
)
TENS_ORDINALS = (
    "twentieth",
    "thirtieth",
    "fortieth",
    "fiftieth",
    "sixtieth",
    "seventieth",
    "eightieth",
    "ninetieth",
)

# Word -> (value, class). The class says what may follow or precede it in one number.
_SMALL: dict[str, tuple[int, str]] = {
    "zero": (0, "zero"),
    **{w: (i + 1, "unit") for i, w in enumerate(UNITS)},
    **{w: (i + 10, "teen") for i, w in enumerate(TEENS)},
    **{w: (20 + 10 * i, "tens") for i, w in enumerate(TENS)},
}
_SMALL_ORDINALS: dict[str, tuple[int, str]] = {
    **{w: (i + 1, "unit") for i, w in enumerate(UNIT_ORDINALS)},
    **{w: (i + 10, "teen") for i, w in enumerate(TEEN_ORDINALS)},
    **{w: (20 + 10 * i, "tens") for i, w in enumerate(TENS_ORDINALS)},
}
SCALES: dict[str, int] = {
    "hundred": 100,
    "thousand": 1000,
    "million": 10**6,
    "billion": 10**9,
    "trillion": 10**12,
}
_SCALE_ORDINALS: dict[str, int] = {f"{word}th": value for word, value in SCALES.items()}

# Vague plurals: the smallest value the plural allows (two of the unit: "hundreds" are at
# least 200) up to the last value before the next unit's plural. "tens of thousands" and
# the like are one phrase, so that "hundreds of thousands" is not read as two numbers.
# A high end of None is open: "many thousands" is 2,000 or more.
VAGUE: dict[str, tuple[int, int | None]] = {
    "tens of thousands": (20_000, 99_999),
    "hundreds of thousands": (200_000, 999_999),
    "tens of millions": (20_000_000, 99_999_999),
    "hundreds of millions": (200_000_000, 999_999_999),
    "dozens": (24, 99),
    "hundreds": (200, 999),
    "thousands": (2_000, 9_999),
    "millions": (2_000_000, 9_999_999),
    "billions": (2_000_000_000, 9_999_999_999),
}


def _quantified() -> dict[str, tuple[int, int | None]]:
    """Vague quantities with a quantifier. "several" or "a few" and a scale word mean what
    its plural means ("several hundred" is "hundreds", 200 to 999); "many" and a plural is
    at least what the plural is, open above ("many thousands": 2,000 or more)."""
    scales = {
        "dozen": "dozens",
        "hundred": "hundreds",
        "thousand": "thousands",
        "million": "millions",
        "billion": "billions",
        "hundred thousand": "hundreds of thousands",
        "hundred million": "hundreds of millions",
    }
    phrases: dict[str, tuple[int, int | None]] = {}
    for quantifier in ("several", "a few"):
        for scale, plural in scales.items():
            phrases[f"{quantifier} {scale}"] = VAGUE[plural]
        phrases[f"{quantifier} tens of thousands"] = VAGUE["tens of thousands"]
        phrases[f"{quantifier} tens of millions"] = VAGUE["tens of millions"]
    for plural, (low, _) in VAGUE.items():
        phrases[f"many {plural}"] = (low, None)
    return phrases


VAGUE.update(_quantified())
VAGUE.update(
    {
        "tens of": (20, 99),  # tens of people; "tens of thousands" is above
        "scores of": (40, 99),  # two score and more, short of hundreds, as "dozens"
        "a handful": (2, 9),  # a few, fewer than ten
    }
)

# Multiples and fractions: the factor a word states. A change figure is read from a multiple
# ("doubled" is +100%, "halved" -50%), a share from a fraction ("a third" is 33%).
# Words that multiply on their own: "the toll doubled", "doubling the figure".
MULTIPLYING_VERBS: dict[str, Fraction] = {
    **{f"doubl{end}": Fraction(2) for end in ("ed", "es", "ing")},
    **{f"tripl{end}": Fraction(3) for end in ("ed", "es", "ing")},
    **{f"trebl{end}": Fraction(3) for end in ("ed", "es", "ing")},
    **{f"quadrupl{end}": Fraction(4) for end in ("ed", "es", "ing")},
    "halved": Fraction(1, 2),
    "halving": Fraction(1, 2),
}
# Words that multiply what follows: "twice as many", "double the toll", "triple that".
MULTIPLIERS: dict[str, int] = {
    "twice": 2,
    "double": 2,
    "thrice": 3,
    "triple": 3,
    "treble": 3,
    "quadruple": 4,
}
# What may follow a multiplier for it to be one ("twice as many", "three times the toll"),
# so that "a double standard" or "arrested twice" are not read.
MULTIPLIED = (
    "as",
    "the",
    "that",
    "what",
    "its",
    "their",
    "this",
    "more",
    "higher",
    "larger",
    "bigger",
    "greater",
)
DENOMINATORS: dict[str, int] = {
    "third": 3,
    "quarter": 4,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
}
PLURAL_DENOMINATORS: dict[str, int] = {
    **{f"{word}s": value for word, value in DENOMINATORS.items()},
}
# Counts written as words in multiples and fractions: "three times", "one in five".
COUNT_WORDS: dict[str, int] = {
    w: v for w, (v, cls) in _SMALL.items() if cls in ("unit", "teen") or w == "twenty"
}
# Spans of time: "3 in 10 days" is three in ten days, not three tenths.
TIME_WORDS = (
    "second",
    "seconds",
    "minute",
    "minutes",
    "hour",
    "hours",
    "day",
    "days",
    "week",
    "weeks",
    "month",
    "months",
    "year",
    "years",
    "decade",
    "decades",
)
RATIO_FIRST_WORDS: tuple[str, ...] = (
    *MULTIPLYING_VERBS,
    *MULTIPLIERS,
    *COUNT_WORDS,
    *(f"{word}fold" for word in COUNT_WORDS),
    "half",
    "a",
)


def count_value(word: str) -> int:
    """'three' -> 3, '12' -> 12, 'a hundred' -> 100."""
    word = " ".join(word.lower().split())
    if word.isdigit():
        return int(word)
    if word.startswith("a "):
        return SCALES[word[2:]]
    return COUNT_WORDS[word]


# Every word that can be part of a number phrase ("a" and "and" and "half" only inside one).
NUMBER_WORDS: tuple[str, ...] = (
    *_SMALL,
    *_SMALL_ORDINALS,
    *SCALES,
    *_SCALE_ORDINALS,
    "dozen",
)


@dataclass(frozen=True, slots=True)
class Word:
    """One word of a run, lower-cased, with its span in the text and what separates it from
    the previous word ('' for the first)."""

    text: str
    start: int
    end: int
    gap: str


@dataclass(frozen=True, slots=True)
class WordNumber:
    value: int
    ordinal: bool
    start: int  # index of the first word in the run
    stop: int  # index after the last word


def read_run(words: Sequence[Word]) -> Iterator[WordNumber]:
    """The numbers in a run of number words, longest first: 'first two' is 1st and 2,
    'forty-four' is 44, 'two and four' is 2 and 4."""
    i = 0
    while i < len(words):
        number = _read_number(words, i)
        if number is None:
            i += 1
        else:
            yield number
            i = number.stop


def _read_number(words: Sequence[Word], i: int) -> WordNumber | None:
    """The longest number starting at words[i], or None."""
    if _is_half_a_dozen(words, i):
        return WordNumber(6, False, i, i + 3)
    total = 0  # the completed thousands, millions... groups
    current = 0  # the group being built (below 1000, or a multiple of 100 before a scale)
    last = ""  # class of the last word taken: zero unit teen tens hundred scale a dozen
    last_scale = 0
    best: WordNumber | None = None
    j = i
    while j < len(words):
        word = words[j]
        if j > i and not _joinable(word, last):
            break
        text = word.text
        if text == "and":
            # Only inside a number: "one hundred and five", never at its end.
            if last not in ("hundred", "scale") or j + 1 >= len(words):
                break
            j += 1
            continue
        if text == "a":
            if last or j + 1 >= len(words) or words[j + 1].text not in (*SCALES, "dozen"):
                break
            current, last = 1, "a"
            j += 1
            continue
        ordinal = text in _SMALL_ORDINALS or text in _SCALE_ORDINALS
        if text in _SMALL or text in _SMALL_ORDINALS:
            value, cls = _SMALL.get(text) or _SMALL_ORDINALS[text]
            if not _small_may_follow(cls, last):
                break
            current += value
            last = cls
        elif text in SCALES or text in _SCALE_ORDINALS:
            scale = SCALES.get(text) or _SCALE_ORDINALS[text]
            if scale == 100:
                if last not in ("", "unit", "teen", "tens", "a") or current >= 100:
                    break
                current = (current or 1) * 100
                last = "hundred"
            else:
                if last in ("scale", "zero") or (last_scale and scale >= last_scale):
                    break
                total += (current or 1) * scale
                current, last, last_scale = 0, "scale", scale
        elif text == "dozen":
            if last not in ("", "unit", "teen", "tens", "a"):
                break
            current = (current or 1) * 12
            last = "dozen"
        else:
            break
        j += 1
        best = WordNumber(total + current, ordinal, i, j)
        if ordinal or last in ("dozen", "zero"):
            break  # nothing continues an ordinal, a dozen or zero
    return best


def _small_may_follow(cls: str, last: str) -> bool:
    if cls == "zero":
        return last == ""
    if cls == "unit":
        return last in ("", "tens", "hundred", "scale")
    return last in ("", "hundred", "scale")  # teen, tens


def _joinable(word: Word, last: str) -> bool:
    """Words of one number are separated by spaces; a hyphen only joins tens and units
    ('forty-four', 'twenty-first')."""
    if not word.gap.strip():
        return True
    return last == "tens" and word.gap.strip() in HYPHENS and word.text in _UNIT_WORDS


HYPHENS = frozenset("-‐‑")
_UNIT_WORDS = frozenset((*UNITS, *UNIT_ORDINALS))


def _is_half_a_dozen(words: Sequence[Word], i: int) -> bool:
    return (
        i + 2 < len(words)
        and words[i].text == "half"
        and words[i + 1].text == "a"
        and words[i + 2].text == "dozen"
        and not words[i + 1].gap.strip()
        and not words[i + 2].gap.strip()
    )


def vague_range(phrase: str) -> tuple[Fraction, Fraction | float]:
    """'Hundreds  of thousands' -> (200000, 999999); 'many thousands' -> (2000, inf)."""
    low, high = VAGUE[" ".join(phrase.lower().split())]
    return Fraction(low), Fraction(high) if high is not None else float("inf")
