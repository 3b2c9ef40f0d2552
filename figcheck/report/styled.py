"""Text with styles, for the terminal report: pieces of text, each with a rich style name,
and no more. rich's own Text does much more (markup, spans, justification) and costs
seconds over the tens of thousands of lines of a large ledger's report; this one is sliced
at wrap points (wrapping.py) and written out once, each piece in its colour only where the
console has colours (never with NO_COLOR, never off a terminal).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable


class Styled:
    __slots__ = ("_parts",)

    def __init__(self, text: str = "", style: str = "") -> None:
        self._parts: list[tuple[str, str]] = [(text, style)] if text else []

    @property
    def plain(self) -> str:
        return "".join(text for text, _ in self._parts)

    def __len__(self) -> int:
        return sum(len(text) for text, _ in self._parts)

    def append(self, text: str, style: str = "") -> Styled:
        if text:
            self._parts.append((text, style))
        return self

    def __add__(self, other: Styled | str) -> Styled:
        joined = Styled()
        joined._parts = [
            *self._parts,
            *(other._parts if isinstance(other, Styled) else [(other, "")]),
        ]
        return joined

    def __getitem__(self, where: slice) -> Styled:
        start, stop, _ = where.indices(len(self))
        cut = Styled()
        at = 0
        for text, style in self._parts:
            end = at + len(text)
            if end > start and at < stop:
                cut._parts.append((text[max(0, start - at) : min(len(text), stop - at)], style))
            at = end
            if at >= stop:
                break
        return cut

    def stylize(self, style: str) -> None:
        """Add `style` under every piece's own."""
        self._parts = [(text, f"{style} {own}".strip()) for text, own in self._parts]

    def render(self, paint: Callable[[str, str], str]) -> str:
        return "".join(paint(text, style) if style else text for text, style in self._parts)

    @staticmethod
    def join(separator: str, pieces: Iterable[Styled]) -> Styled:
        joined = Styled()
        for i, piece in enumerate(pieces):
            if i:
                joined._parts.append((separator, ""))
            joined._parts.extend(piece._parts)
        return joined
