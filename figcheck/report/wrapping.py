"""Lines of text at a width, broken where a reader expects: at spaces, or after a hyphen or a
slash inside a word (`kadyrov-isis-` / `infiltrated`), never inside a word.

A word is moved whole to the next line when it fits there; one longer than a line is broken
after its hyphens or slashes, and only a piece that is itself longer than a line is cut, at
the width (nothing else can be done with it). Every character is kept: the lines, joined
with the spaces they were broken at, give back the text.
"""

from __future__ import annotations

import re
from itertools import pairwise

from rich.cells import cell_len

from figcheck.report.styled import Styled

_WORD = re.compile(r"\S+")
# After a hyphen or a slash that stands between two letters or digits.
_INNER_BREAK = re.compile(r"(?<=[^\W_][-/])(?=[^\W_])")


def spans(text: str, width: int | None, first: int | None = None) -> list[tuple[int, int]]:
    """The (start, end) offsets of each line of `text` wrapped at `width` cells (no limit
    for None), the first line at `first` cells if given; spaces at a break belong to no
    line."""
    if first is not None and width is not None and first != width:
        return _spans_first(text, width, first)
    if width is None or cell_len(text) <= width:
        stripped = text.strip(" ")
        start = len(text) - len(text.lstrip(" "))
        return [(start, start + len(stripped))] if stripped else [(0, 0)]
    width = max(width, 1)
    lines: list[tuple[int, int]] = []
    line_start = line_end = -1
    used = 0
    for word in _WORD.finditer(text):
        size = cell_len(word.group())
        # The spaces before the word, as written (two after a sentence stay two).
        gap = cell_len(text[line_end : word.start()]) if line_start >= 0 else 0
        if line_start >= 0 and used + gap + size <= width:
            line_end, used = word.end(), used + gap + size
            continue
        if line_start >= 0 and size <= width:
            lines.append((line_start, line_end))
            line_start, line_end, used = word.start(), word.end(), size
            continue
        # The word does not fit the rest of this line, nor (if it is long) any line.
        for piece_start, piece_end in _pieces(text, word.start(), word.end(), width):
            piece = cell_len(text[piece_start:piece_end])
            gap = cell_len(text[line_end:piece_start]) if line_start >= 0 else 0
            if line_start >= 0 and used + gap + piece <= width:
                line_end, used = piece_end, used + gap + piece
            else:
                if line_start >= 0:
                    lines.append((line_start, line_end))
                line_start, line_end, used = piece_start, piece_end, piece
    if line_start >= 0:
        lines.append((line_start, line_end))
    return lines or [(0, 0)]


def _spans_first(text: str, width: int, first: int) -> list[tuple[int, int]]:
    """`spans` with a first line of another width: the first line as wide as `first`
    allows, the rest wrapped at `width`."""
    head = spans(text, first)[0]
    rest = text[head[1] :]
    if not rest.strip(" "):
        return [head]
    return [head, *((head[1] + a, head[1] + b) for a, b in spans(rest, width))]


def _pieces(text: str, start: int, end: int, width: int) -> list[tuple[int, int]]:
    """A word split after its inner hyphens and slashes; a piece wider than `width` cut."""
    word = text[start:end]
    cuts = [0, *(m.start() for m in _INNER_BREAK.finditer(word)), len(word)]
    pieces = []
    for a, b in pairwise(cuts):
        while cell_len(word[a:b]) > width:
            cut = a + 1
            while cut < b and cell_len(word[a : cut + 1]) <= width:
                cut += 1
            pieces.append((start + a, start + cut))
            a = cut
        pieces.append((start + a, start + b))
    return pieces


def lines(text: str, width: int | None, first: int | None = None) -> list[str]:
    return [text[a:b] for a, b in spans(text, width, first)]


def styled_lines(text: Styled, width: int | None, first: int | None = None) -> list[Styled]:
    """`text` wrapped as `lines` wraps its plain string, each line keeping its styles."""
    return [text[a:b] for a, b in spans(text.plain, width, first)]
