"""Comparing quotes with a document's text as a reader would: ignoring case, runs of white
space, typographic quote marks and dashes.

    >>> text = Folded.of("He said: “A total of  405 people” — in June")
    >>> text.folded
    'he said: "a total of 405 people" - in june'
    >>> text.spans("a total of 405 PEOPLE")
    [(10, 32)]

Folding maps each run of white space to one space, “ ” „ ‟ « » ″ to ", ‘ ’ ‚ ‛ ′ to ', the
dashes ‐ ‑ ‒ – — ― − to -, and case by str.casefold. `Folded` keeps, for each folded
character, the position of the original character it came from, so that a quote found in
the folded text has a span in the original.
"""

from __future__ import annotations

import bisect
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

_MARKS = str.maketrans(
    {
        **dict.fromkeys("“”„‟«»″", '"'),
        **dict.fromkeys("‘’‚‛′", "'"),
        **dict.fromkeys("‐‑‒–—―−", "-"),
    }
)
# Runs of white space that folding shortens (a single space stays as it is, one for one);
# a single other white-space character is folded to a space in place, see `of`.
_LONG_SPACE = re.compile(r"\s{2,}|[^\S ]")


def fold(text: str) -> str:
    """The folded form of a short text such as a quote, without its outer white space."""
    return " ".join(text.translate(_MARKS).casefold().split())


@dataclass(frozen=True, slots=True)
class Folded:
    """A text folded for comparison, and where each folded character came from.

    Folding keeps most characters one for one, so the map from folded to original positions
    is kept as the points where the shift between them changes: `breaks[k]` is a folded
    position from which on the original position is `shifts[k]` further along.
    """

    original: str
    folded: str
    breaks: tuple[int, ...]
    shifts: tuple[int, ...]

    @classmethod
    def of(cls, original: str) -> Folded:
        marked = original.translate(_MARKS)
        cased = marked.casefold()
        if len(cased) == len(marked):  # every character folds to one
            return cls._folded(original, cased, _LONG_SPACE, casefold=False)
        # A few characters fold to more than one ('ß' is 'ss'): the text is folded piece by
        # piece around them, so that the map back stays a list of shifts, never one entry
        # per character of a text of 50 MB.
        return cls._folded(original, marked, _long_space_or_expanding(), casefold=True)

    @classmethod
    def _folded(cls, original: str, text: str, special: re.Pattern[str], casefold: bool) -> Folded:
        """Fold `text` (the original with its marks replaced, and casefolded already unless
        `casefold`; of the original's length): each run that `special` matches is a run of
        white space (one space) or a character whose casefold is longer than one; what lies
        between is kept (or casefolded) one for one."""

        def between(start: int, end: int) -> str:
            return text[start:end].casefold() if casefold else text[start:end]

        parts: list[str] = []
        breaks, shifts = [0], [0]
        taken = 0  # original characters consumed so far
        folded_at = 0  # length of the folded text so far
        for run in special.finditer(text):
            start, end = run.span()
            kept = between(taken, start)
            parts.append(kept)
            folded_at += len(kept)
            piece = run.group()
            if piece.isspace():
                parts.append(" ")
                _shift(breaks, shifts, folded_at, start)
                folded_at += 1
            else:  # one character whose casefold is longer: each folded one maps back to it
                folded = piece.casefold()
                parts.append(folded)
                for offset in range(len(folded)):
                    _shift(breaks, shifts, folded_at + offset, start)
                folded_at += len(folded)
            _shift(breaks, shifts, folded_at, end)
            taken = end
        parts.append(between(taken, len(text)))
        return cls(original, "".join(parts), tuple(breaks), tuple(shifts))

    def origin(self, position: int) -> int:
        """The index in `original` of the character at folded `position`."""
        if position >= len(self.folded):
            return len(self.original)
        k = bisect.bisect_right(self.breaks, position) - 1
        return min(position + self.shifts[k], len(self.original))

    def places(self, text: str, limit: int | None = None) -> Iterator[int]:
        """Where the folded `text` starts in the folded text, every place (or the first
        `limit`), overlapping ones too; only places that neither begin nor end inside a word
        or a number."""
        yield from self.folded_places(fold(text), limit)[0]

    def folded_places(self, needle: str, limit: int | None = None) -> tuple[list[int], bool]:
        """`places` of a needle that is folded already, and whether they are all of them:
        False when there are more than `limit`, or when a long needle occurs at so many
        places (whole or not) that looking further would compare more than SCAN_BUDGET
        characters."""
        found: list[int] = []
        if not needle:
            return found, True
        folded = self.folded
        if len(needle) <= _SHORT_NEEDLE:
            # Most quotes occur once or twice: str.find, with each place checked here. A
            # needle found at many places that cut a word or a number ("1" in a text of
            # "11111") goes on with a regular expression, which skips those by itself.
            at, cut = folded.find(needle), 0
            while at >= 0:
                if _whole(folded, at, at + len(needle), needle):
                    if len(found) == limit:
                        return found, False
                    found.append(at)
                else:
                    cut += 1
                    if cut > _CUT_PLACES:
                        return self._whole_places(needle, limit, at, found)
                at = folded.find(needle, at + 1)
            return found, True
        # A long needle is looked for as text (compiling it would cost more than the search),
        # at a number of candidates that keeps the characters compared within the budget.
        candidates = max(1, SCAN_BUDGET // len(needle))
        at = folded.find(needle)
        while at >= 0:
            if candidates == 0 or len(found) == limit:
                return found, False
            candidates -= 1
            if _whole(folded, at, at + len(needle), needle):
                found.append(at)
            at = folded.find(needle, at + 1)
        return found, True

    def _whole_places(
        self, needle: str, limit: int | None, at: int, found: list[int]
    ) -> tuple[list[int], bool]:
        """`found`, and the places of `needle` from `at` on, by regular expression."""
        search = _whole_places(needle).search
        while (match := search(self.folded, at)) is not None:
            if len(found) == limit:
                return found, False
            found.append(match.start())
            at = match.start() + 1
        return found, True

    def spans(self, text: str, limit: int | None = None) -> list[tuple[int, int]]:
        """The original spans of every place where `text` occurs (or of the first `limit`)."""
        needle = fold(text)
        places, _ = self.folded_places(needle, limit)
        return [self.original_span((at, at + len(needle))) for at in places]

    def original_span(self, folded_span: tuple[int, int]) -> tuple[int, int]:
        """The [start, end) span in the original text of a [start, end) folded span."""
        start, end = folded_span
        return self.origin(start), self.origin(end)

    def longest_prefix(self, text: str) -> tuple[int, int]:
        """How many folded characters of `text` occur at the start of some place in the text,
        and where the longest such prefix starts (-1 when not even the first character does).
        The prefixes that occur form an unbroken range, so a binary search finds the longest."""
        needle = fold(text)
        low, high, where = 0, len(needle), -1
        while low < high:
            middle = (low + high + 1) // 2
            at = self.folded.find(needle[:middle])
            if at >= 0:
                low, where = middle, at
            else:
                high = middle - 1
        return low, where


def _shift(breaks: list[int], shifts: list[int], folded_at: int, origin: int) -> None:
    """From folded position `folded_at` on, the original position is `origin` there."""
    shift = origin - folded_at
    if shift == shifts[-1]:
        return
    if breaks[-1] == folded_at:  # a later point replaces one at the same position
        shifts[-1] = shift
        if len(shifts) > 1 and shifts[-2] == shift:
            breaks.pop()
            shifts.pop()
        return
    breaks.append(folded_at)
    shifts.append(shift)


@lru_cache(maxsize=1)
def _long_space_or_expanding() -> re.Pattern[str]:
    """Runs of white space that folding shortens, or one character that casefolds to more
    than one (about a hundred of them: 'ß', 'ŉ', 'ﬁ', ...)."""
    expanding = "".join(chr(c) for c in range(sys.maxunicode + 1) if len(chr(c).casefold()) > 1)
    return re.compile(f"{_LONG_SPACE.pattern}|[{re.escape(expanding)}]")


# A place must not cut a word (a letter or digit on both sides of its edge: 'ne hundred' in
# 'one hundred') or a number (next to a comma or point with decimal digits on both sides: '210
# people' or ',210 people' in '4,210 people', '2,7' in '2,719'). `[^\W_]` is a letter or digit
# (str.isalnum) and `\d` a decimal digit (str.isdecimal). The conditions on where the place
# starts are lookbehinds that span the needle, so that the needle itself comes first and the
# regular expression engine can look for it with its fast literal search.
_SPLITS_BEFORE_END = r"(?![,.]\d)"  # the needle ends in a digit: not before ',7'
_SPLITS_AT_MARK = r"(?!(?<=\d[,.])\d)"  # a one-character ',' or '.' between digits


# Needles up to this length are found with a regular expression once they are found at more
# than _CUT_PLACES places that cut a word or a number; longer ones always as text.
_SHORT_NEEDLE = 400
_CUT_PLACES = 64
# Characters a long needle may be compared with, in all, before figcheck stops looking.
SCAN_BUDGET = 200_000_000


def _whole(text: str, start: int, end: int, needle: str) -> bool:
    """Whether the place [start, end) of `needle` in the folded `text` neither begins nor
    ends inside a word or a number: what `_whole_places` finds, said in Python."""
    if needle[0].isalnum() and start > 0 and text[start - 1].isalnum():
        return False
    if needle[-1].isalnum() and end < len(text) and text[end].isalnum():
        return False
    return not (_splits_number(text, start) or _splits_number(text, end))


def _splits_number(text: str, at: int) -> bool:
    """Whether the boundary before `at` falls inside a number such as 4,210 or 2.5: next to
    a comma or point that has decimal digits on both sides."""
    if not 0 < at < len(text):
        return False
    before, after = text[at - 1], text[at]
    if before.isdecimal() and after in ",." and at + 1 < len(text) and text[at + 1].isdecimal():
        return True
    return before in ",." and after.isdecimal() and at >= 2 and text[at - 2].isdecimal()


@lru_cache(maxsize=512)
def _whole_places(needle: str) -> re.Pattern[str]:
    """The places of `needle` in a folded text that neither begin nor end inside a word or a
    number."""
    body = re.escape(needle)
    guards = []
    if needle[-1].isalnum():
        guards.append(r"(?![^\W_])")
    if needle[-1].isdecimal():
        guards.append(_SPLITS_BEFORE_END)
    if needle[-1] in ",.":
        if len(needle) == 1:
            guards.append(_SPLITS_AT_MARK)
        elif needle[-2].isdecimal():
            guards.append(r"(?!\d)")
    if needle[0].isalnum():
        guards.append(rf"(?<![^\W_]{body})")
    if needle[0].isdecimal():
        guards.append(rf"(?<!\d[,.]{body})")
    if needle[0] in ",." and len(needle) > 1 and needle[1].isdecimal():
        guards.append(rf"(?<!\d{body})")
    return re.compile(body + "".join(guards))
