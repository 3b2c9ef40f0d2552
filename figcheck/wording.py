"""How numbers, bounds and YAML types are written for a reader."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from decimal import Decimal, localcontext
from fractions import Fraction


def type_name(value: object) -> str:
    """What a YAML value is, in the curator's words: 'a list', 'a number', 'nothing'."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


def number(value: int | float | Fraction) -> str:
    """2719 -> '2,719'; 2.5 -> '2.5'; 2447.1 -> '2,447.1'; 0.0000001 -> '0.0000001';
    1/3 -> '≈0.333'; 10/3 -> '≈3.33'."""
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            return "∞" if value > 0 else ("-∞" if value < 0 else "NaN")
        value = Fraction(repr(value))
    elif isinstance(value, int):
        return _huge(value) if abs(value) >= _HUGE else f"{value:,}"
    if value.denominator == 1 and abs(value.numerator) < _HUGE:  # the common case, first
        return f"{value.numerator:,}"
    if abs(value) >= _HUGE:
        return _huge(value)
    exact = _exact_decimal(value)
    if exact is not None:
        return f"{exact:,f}"
    if abs(value) >= 1:
        return f"≈{rounded(value, 2)}"
    # Below 1, three significant digits: 1/3 is ≈0.333, 1/30000000 is ≈3.33e-8.
    with localcontext() as context:
        context.prec = 3
        approx = Decimal(value.numerator) / Decimal(value.denominator)
    return f"≈{approx:f}" if abs(approx) >= Decimal("0.000001") else f"≈{approx:.2e}"


# Python refuses to turn an int of over 4,300 digits into text; far smaller ones are
# already unreadable in full.
_HUGE = 10**60


def _huge(value: int | Fraction) -> str:
    """'≈1.111e+4999' for a number too large to write out."""
    value = Fraction(value)
    return f"≈{Decimal(value.numerator) / Decimal(value.denominator):.3e}"


def _exact_decimal(value: Fraction, max_places: int = 12) -> Decimal | None:
    denominator = value.denominator
    for places in range(max_places + 1):
        if (10**places) % denominator == 0:
            scaled = value.numerator * (10**places // denominator)
            text = Decimal(scaled).scaleb(-places)
            return text.normalize() if places else text
    return None


def rounded(value: Fraction | int, places: int = 0) -> str:
    """`value` rounded to `places` decimals, with thousands separators, exactly: no float, so
    no overflow for a figure of 10^400 and no 0.30000000000000004."""
    if not -_HUGE < value < _HUGE:  # abs(value) >= _HUGE, in a form mypy can type
        return _huge(value)
    scaled = round(Fraction(value) * 10**places)
    whole, fraction = divmod(abs(scaled), 10**places)
    text = f"{'-' if scaled < 0 else ''}{whole:,}"
    return f"{text}.{fraction:0{places}d}" if places else text


# From here on, a number in a note is said in words: nobody reads a 309-digit level, and a
# figure that large is a typo or a test of the software.
_PLAIN_LIMIT = 10**12


def in_words(value: Fraction | int) -> str | None:
    """'more than a trillion' (or 'less than minus a trillion') for a number too large to
    be worth writing out in a sentence; None for any other."""
    if -_PLAIN_LIMIT < value < _PLAIN_LIMIT:  # abs(value) < _PLAIN_LIMIT, as mypy can type it
        return None
    return "more than a trillion" if value > 0 else "less than minus a trillion"


def bound(value: int | float | Fraction) -> str:
    """A bound in an interval, without thousands separators, as in '[1980, 2420]'."""
    if isinstance(value, float) and value in (float("inf"), float("-inf")):
        return "∞" if value > 0 else "-∞"
    return number(value).replace(",", "")


def size(count: int) -> str:
    """A number of bytes for a reader: '512 bytes', '900 KiB', '64 MiB', '1.5 GiB'."""
    amount, unit = float(count), "bytes"
    for larger in ("KiB", "MiB", "GiB", "TiB"):
        if amount < 1024:
            break
        amount, unit = amount / 1024, larger
    if unit == "bytes":
        return plural(count, "byte")
    return f"{amount:.1f} {unit}".replace(".0 ", " ") if amount < 10 else f"{amount:,.0f} {unit}"


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    return f"{count:,} {singular if count == 1 else (plural_form or singular + 's')}"


def listing(
    items: Sequence[str], separator: str = ", ", limit: int = 12, last: str = " and "
) -> str:
    """'a', 'a and b', 'a, b and c' (`last` before the last item); beyond `limit` items, the
    first ones and how many more ('a, b, ... and 988 more'), so that a finding about 1,000
    figures stays readable (the finding's figures still name every one)."""
    if len(items) > limit:
        shown = separator.join(items[: limit - 2])
        return f"{shown}{separator}... and {len(items) - limit + 2:,} more"
    if len(items) <= 1:
        return "".join(items)
    return separator.join(items[:-1]) + last + items[-1]


def did_you_mean(word: object, choices: Iterable[object]) -> str:
    """' (did you mean 'quote'?)' when a choice is close to `word`, else ''. Only a short
    text or number can be a typo of a name: nothing else is compared (nor turned to text)."""
    if isinstance(word, bool) or not isinstance(word, (str, int, float)):
        return ""
    word = str(word)
    if len(word) > _LONGEST_TYPO:
        return ""
    close = difflib.get_close_matches(word, [str(c) for c in choices], n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


def misspelling_of(word: object, choices: Iterable[object]) -> str | None:
    """The choice that `word` plausibly misspells (a letter or two off: 'ru-departed-syra'
    for 'ru-departed-syria'), or None. Stricter than `did_you_mean`: where the word may be a
    new name rather than a typo, a loose match would suggest a different thing."""
    close = difflib.get_close_matches(str(word), [str(c) for c in choices], n=1, cutoff=0.85)
    return close[0] if close else None


def shorten(text: str, limit: int = 80) -> str:
    """`text` cut in the middle to at most `limit` characters, so that a 20,000-character
    value does not become a 20,000-character message."""
    if len(text) <= limit:
        return text
    keep = (limit - 1) // 2
    return f"{text[:keep]}…{text[-keep:]}"


_LONGEST_TYPO = 200  # longer words are not compared with names for a suggestion


def quoted(value: object, limit: int = 80) -> str:
    """`value` quoted for a message, as repr() does, but never longer than about `limit`.
    A list or mapping is named by its type ('a list'), never turned into text: it may nest
    a thousand levels deep, or be a few aliases that stand for a billion elements."""
    if isinstance(value, str):
        return repr(shorten(value, limit))
    if value is None or isinstance(value, (bool, int, float)):
        return repr(shorten(str(value), limit))
    return type_name(value)
