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


def fold(text: str) -> str:
    """The folded form of a short text such as a quote, without its outer white space."""
    return " ".join(text.translate(_MARKS).casefold().split())


@dataclass(frozen=True, slots=True)
class Folded:
    """A text folded for comparison, and where each folded character came from."""

    original: str
    folded: str
    origins: tuple[int, ...]  # origins[i]: index in `original` of folded character i

    @classmethod
    def of(cls, original: str) -> Folded:
        parts: list[str] = []
        origins: list[int] = []
        for piece in _PIECES.finditer(original):
            start = piece.start()
            if piece.group(1) is not None:
                parts.append(" ")
                origins.append(start)
                continue
            chunk = piece.group().translate(_MARKS).casefold()
            if len(chunk) == piece.end() - start:
                parts.append(chunk)
                origins.extend(range(start, piece.end()))
            else:  # casefold changed a length ('ß' is 'ss'): map character by character
                for offset, char in enumerate(piece.group()):
                    folded = char.translate(_MARKS).casefold()
                    parts.append(folded)
                    origins.extend([start + offset] * len(folded))
        return cls(original, "".join(parts), tuple(origins))

    def places(self, text: str) -> Iterator[int]:
        """Where the folded `text` starts in the folded text, every place, overlapping ones
        too; only places that neither begin nor end inside a word or a number."""
        needle = fold(text)
        if not needle:
            return
        at = self.folded.find(needle)
        while at >= 0:
            if self._whole(at, at + len(needle), needle):
                yield at
            at = self.folded.find(needle, at + 1)

    def spans(self, text: str) -> list[tuple[int, int]]:
        """The original spans of every place where `text` occurs."""
        size = len(fold(text))
        return [self.original_span((at, at + size)) for at in self.places(text)]

    def original_span(self, folded_span: tuple[int, int]) -> tuple[int, int]:
        """The [start, end) span in the original text of a [start, end) folded span."""
        start, end = folded_span
        original_end = self.origins[end] if end < len(self.origins) else len(self.original)
        return self.origins[start], original_end

    def _whole(self, start: int, end: int, needle: str) -> bool:
        """False when the match cuts a word or a number: 'ne hundred' in 'one hundred'."""
        folded = self.folded
        if needle[0].isalnum() and start > 0 and folded[start - 1].isalnum():
            return False
        return not (needle[-1].isalnum() and end < len(folded) and folded[end].isalnum())

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
