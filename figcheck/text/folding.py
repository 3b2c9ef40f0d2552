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
from collections.abc import Iterator
from dataclasses import dataclass

_MARKS = str.maketrans(
    {
        **dict.fromkeys("“”„‟«»″", '"'),
        **dict.fromkeys("‘’‚‛′", "'"),
        **dict.fromkeys("‐‑‒–—―−", "-"),
    }
)
_PIECES = re.compile(r"(\s+)|\S+")
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
        if len(cased) != len(marked):  # casefold changed a length ('ß' is 'ss')
            return cls._char_by_char(original)
        parts: list[str] = []
        breaks, shifts = [0], [0]
        taken = 0  # original characters consumed so far
        for run in _LONG_SPACE.finditer(cased):
            start, end = run.span()
            parts.append(cased[taken:start])
            parts.append(" ")
            folded_at = start - shifts[-1]  # where the single space stands in the folded text
            breaks.append(folded_at + 1)
            shifts.append(shifts[-1] + (end - start) - 1)
            taken = end
        parts.append(cased[taken:])
        folded = "".join(parts)
        return cls(original, folded, tuple(breaks), tuple(shifts))

    @classmethod
    def _char_by_char(cls, original: str) -> Folded:
        chars: list[str] = []
        origins: list[int] = []  # for each folded character, the original it came from
        for piece in _PIECES.finditer(original):
            if piece.group(1) is not None:
                chars.append(" ")
                origins.append(piece.start())
                continue
            for offset, char in enumerate(piece.group()):
                folded = char.translate(_MARKS).casefold()
                chars.extend(folded)
                origins.extend([piece.start() + offset] * len(folded))
        breaks, shifts = [0], [origins[0] if origins else 0]
        for position, origin in enumerate(origins):
            if origin - position != shifts[-1]:
                breaks.append(position)
                shifts.append(origin - position)
        return cls(original, "".join(chars), tuple(breaks), tuple(shifts))

    def origin(self, position: int) -> int:
        """The index in `original` of the character at folded `position`."""
        if position >= len(self.folded):
            return len(self.original)
        k = bisect.bisect_right(self.breaks, position) - 1
        return min(position + self.shifts[k], len(self.original))

    def places(self, text: str) -> Iterator[int]:
        """Where the folded `text` starts in the folded text, every place, overlapping ones
        too; only places that neither begin nor end inside a word or a number."""
        yield from self._places(fold(text))

    def _places(self, needle: str) -> Iterator[int]:
        if not needle:
            return
        at = self.folded.find(needle)
        while at >= 0:
            if self._whole(at, at + len(needle), needle):
                yield at
            at = self.folded.find(needle, at + 1)

    def spans(self, text: str) -> list[tuple[int, int]]:
        """The original spans of every place where `text` occurs."""
        needle = fold(text)
        return [self.original_span((at, at + len(needle))) for at in self._places(needle)]

    def original_span(self, folded_span: tuple[int, int]) -> tuple[int, int]:
        """The [start, end) span in the original text of a [start, end) folded span."""
        start, end = folded_span
        return self.origin(start), self.origin(end)

    def _whole(self, start: int, end: int, needle: str) -> bool:
        """False when the match cuts a word or a number: 'ne hundred' in 'one hundred', '210
        people' or ',210 people' in '4,210 people', '2,7' in '2,719'."""
        folded = self.folded
        if needle[0].isalnum() and start > 0 and folded[start - 1].isalnum():
            return False
        if needle[-1].isalnum() and end < len(folded) and folded[end].isalnum():
            return False
        return not (_splits_number(folded, start) or _splits_number(folded, end))

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


def _splits_number(text: str, at: int) -> bool:
    """Whether the boundary before `at` falls inside a number such as 4,210 or 2.5: next to
    a comma or point that has digits on both sides."""
    if not 0 < at < len(text):
        return False
    before, after = text[at - 1], text[at]
    if before.isdigit() and after in ",." and at + 1 < len(text) and text[at + 1].isdigit():
        return True
    return before in ",." and after.isdigit() and at >= 2 and text[at - 2].isdigit()
