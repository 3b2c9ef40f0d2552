"""The closed vocabularies of a ledger's fields: a quantity's kind, a figure's hedge, a
finding's severity. Kept apart from figcheck.model, whose dataclasses cost more to import
than the rest of `figcheck --help`, so that the command line can offer them as choices."""

from __future__ import annotations

from typing import Literal

Kind = Literal["stock", "cumulative", "flow", "change"]
KINDS: tuple[Kind, ...] = ("stock", "cumulative", "flow", "change")

Approx = Literal["exact", "about", "nearly", "over", "at-least", "under", "at-most", "range"]
APPROXES: tuple[Approx, ...] = (
    "exact",
    "about",
    "nearly",
    "over",
    "at-least",
    "under",
    "at-most",
    "range",
)

Severity = Literal["error", "warning", "info"]
SEVERITIES: tuple[Severity, ...] = ("error", "warning", "info")
