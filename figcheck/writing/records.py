"""A new record as a curator gives it, and the YAML mapping written for it.

`figcheck add` takes the value as curators copy it from a report (`2,719`, `2.5`,
`2,000..3,000`), makes a readable id when none is given, and writes the fields in the order
of the ledger format, with dates unquoted as the rest of the ledger writes them.

A value is kept exactly as typed: a whole number as an int, a decimal as a `Decimal` of the
digits given (never a float, which would round `0.1234567890123456789`), written with its
digits in place. The loader reads a decimal as a float and takes it for the rational of its
shortest decimal text (figcheck/values.py): a decimal for which that is not the number typed
(more significant digits than a float keeps) is refused, and so is any number beyond a
float's range.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from math import isfinite
from pathlib import Path
from typing import Any

from figcheck.model import Quantity
from figcheck.values import exact
from figcheck.writing.yaml_appending import DateText, block_mapping

# A value as typed: whole numbers are ints, decimals keep their digits.
Typed = int | Decimal
Value = Typed | tuple[Typed, Typed]

# ASCII digits only: `\d` would also take other scripts' digits, which reports in English
# do not print and the quote check (FC105) would not find.
_NUMBER = re.compile(r"[-+]?(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?")
_DECIMAL_COMMA = re.compile(r"[-+]?[0-9]+,[0-9]{1,2}")
_FORMS = "write 2719, 2,719, -46, 2.5, or LOW..HIGH for a range"


@dataclass(frozen=True)
class NewFigure:
    document: str
    quantity: str
    value: Value
    as_of: str
    said_by: str
    quote: str
    approx: str | None = None
    id: str | None = None
    note: str | None = None
    statement: str | None = None


@dataclass(frozen=True)
class NewDocument:
    """The metadata of a document that has no source file yet."""

    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    url: str | None = None
    text: Path | None = None

    def given(self) -> list[str]:
        return [
            name for name in ("title", "outlet", "published", "url", "text") if getattr(self, name)
        ]


def parse_value(text: str) -> Value:
    """`2719`, `2,719`, `-46`, `2.5`, or `LOW..HIGH` for a range. Raises ValueError."""
    text = text.strip()
    if ".." in text:
        low, high = text.split("..", 1)
        return (_number(low, text), _number(high, text))
    return _number(text, text)


def _number(text: str, whole: str) -> Typed:
    text = text.strip()
    if not _NUMBER.fullmatch(text):
        if _DECIMAL_COMMA.fullmatch(text):
            raise ValueError(
                f"--value {_shown(whole)} is not a number: write a decimal with a point "
                f"({text.replace(',', '.')}), and a scale in digits (`1,8 thousand` is 1,800)"
            )
        raise ValueError(f"--value {_shown(whole)} is not a number; {_FORMS}")
    plain = text.replace(",", "")
    sign, digits = ("-" if plain.startswith("-") else ""), plain.lstrip("+-")
    # The loader reads a decimal as a float, so a value must lie in a float's range (below
    # 1.79e308); float() of the text says so for any length, where int() stops at 4,300 digits.
    if not isfinite(float(plain)):
        raise ValueError(
            f"--value {_shown(text)} is too large: figcheck keeps numbers smaller than "
            "1.79e308, as a floating-point number does"
        )
    if "." not in digits:
        return int(sign + (digits.lstrip("0") or "0"))  # `007` is 7, never the octal 07
    decimal = Decimal(plain)
    if exact(float(plain)) != Fraction(decimal):  # what the loader will read from these digits
        raise ValueError(
            f"--value {_shown(text)} cannot be kept exactly: figcheck reads a number with a "
            "decimal point as a floating-point number, exact to 15 significant digits; round "
            "it, or give a whole number without the decimal point"
        )
    return decimal


def _shown(text: str, limit: int = 40) -> str:
    """`text` quoted for a one-line message, shortened in the middle when it is long."""
    if len(text) <= limit:
        return repr(text)
    return f"{text[: limit // 2]!r}…{text[-limit // 4 :]!r} ({len(text):,} characters)"


def figure_id(quantity_id: str, quantities: Mapping[str, Quantity], taken: set[str]) -> str:
    """A short id for a figure of `quantity_id`, unique among `taken`.

    The id keeps the quantity's first word of three letters or more (skipping a place code
    such as `ru` or `nc`) and, for a quantity that is a part, a subset or a change of another,
    the words that set it apart from that one, in their order, three words at most:
    `ru-departed-syria` gives `departed`; its part `ru-departed-syria-killed` gives
    `departed-killed`; its subset `chechnya-departed-syria` gives `chechnya`. When the document
    already uses that id, `-2`, `-3`, ... is added: `departed-2`."""
    words = [w for w in quantity_id.split("-") if w] or ["figure"]
    head = next((w for w in words if len(w) >= 3), words[0])
    related: set[str] = set()
    quantity = quantities.get(quantity_id)
    if quantity is not None:
        others = [*quantity.subset_of, *([quantity.of] if quantity.of else [])]
        others += [q.id for q in quantities.values() if quantity_id in q.parts]
        related = {word for other in others for word in other.split("-")}
    kept = [w for w in words if w == head or (related and w not in related)]
    base = "-".join(list(dict.fromkeys(kept))[:3])
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    return candidate


def figure_record(figure: NewFigure, figure_id: str) -> dict[str, Any]:
    """The figure as the mapping written into its source file, fields in the format's order."""
    record: dict[str, Any] = {"id": figure_id, "quantity": figure.quantity}
    if isinstance(figure.value, tuple):
        record["value"] = list(figure.value)
        record["approx"] = "range"
    else:
        record["value"] = figure.value
        if figure.approx:
            record["approx"] = figure.approx
    record["as_of"] = DateText(figure.as_of)
    record["said_by"] = figure.said_by
    if figure.statement:
        record["statement"] = figure.statement
    record["quote"] = figure.quote
    if figure.note:
        record["note"] = figure.note
    return record


def new_source(document_id: str, document: NewDocument, text_reference: str | None) -> str:
    """The start of a new document's source file: its `document:` block."""
    meta: dict[str, Any] = {"id": document_id, "title": document.title}
    if document.outlet:
        meta["outlet"] = document.outlet
    if document.published:
        meta["published"] = DateText(document.published)
    if document.url:
        meta["url"] = document.url
    if text_reference is not None:
        meta["text"] = text_reference
    return "\n".join(["document:", *block_mapping(meta, 2)]) + "\n"
