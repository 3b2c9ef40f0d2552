"""Typed access to the fields of one YAML mapping of a ledger file, reporting each problem
(an invalid field, unless said otherwise) at the line of the field, with what to write
instead."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from decimal import Decimal
from typing import TypeGuard

from figcheck import dates
from figcheck.ledger.problems import ProblemKind, ProblemSink
from figcheck.ledger.yaml_reading import LineMap
from figcheck.model import DateSpan, Quantity
from figcheck.wording import did_you_mean, quoted, shorten, type_name

QUANTITY_ID = re.compile(r"[a-z0-9][a-z0-9-]*")
RECORD_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")
FINDING_ID = re.compile(r"FC[0-9]{3}:[0-9a-f]{10}")


class Fields:
    """The fields of one mapping, read with their types checked. `what` names the record in
    messages ("figure tass/departed"); `failed` says whether any problem was reported."""

    def __init__(
        self, report: ProblemSink, data: LineMap, what: str, line: int | None = None
    ) -> None:
        self.report, self.data, self.what = report, data, what
        self.line = data.line if line is None else line  # where a missing field is reported
        self.failed = False

    def error(self, key: str, message: str, kind: ProblemKind = "invalid") -> None:
        self.report(kind, self.data.line_of(key), f"{self.what}: {message}")
        self.failed = True

    def unknown(self, known: Iterable[str]) -> None:
        known = tuple(known)
        for key in self.data:
            if key not in known:
                self.error(key, f"unknown field {quoted(key)}{did_you_mean(key, known)}")

    def missing(self, key: str) -> None:
        self.report("invalid", self.line, f"{self.what}: `{key}` is missing")
        self.failed = True

    def text(self, key: str, required: bool = False) -> str | None:
        value = self.data.get(key)
        if type(value) is str and value and not value.isspace():
            return value  # the common case, first: loading 100,000 figures asks this 600,000 times
        if value is None:
            if required:
                self.missing(key)
            return None
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            self.error(key, f"`{key}` must be text, not {type_name(value)}")
            return None
        text = str(value)
        if not text.strip():
            self.error(key, f"`{key}` is empty")
            return None
        return text

    def record_id(self, key: str) -> str | None:
        text = self.text(key, required=True)
        if text is not None and not RECORD_ID.fullmatch(text):
            self.error(key, f"id {quoted(text)} may hold only letters, digits, '.', '_' and '-'")
            return None
        return text

    def choice(self, key: str, choices: tuple[str, ...], required: bool = False) -> str | None:
        text = self.text(key, required)
        if text is not None and text not in choices:
            self.error(
                key,
                f"{key} {quoted(text)} is not one of {' | '.join(choices)}"
                f"{did_you_mean(text, choices)}",
            )
            return None
        return text

    def flag(self, key: str) -> bool | None:
        value = self.data.get(key)
        if value is not None and not isinstance(value, bool):
            self.error(key, f"`{key}` must be true or false")
            return None
        return value

    def whole_number(self, key: str, unit: str) -> int | None:
        """A whole number, 0 or more (`window_days: 3`), or None when the field is absent."""
        value = self.data.get(key)
        if value is None:
            return None
        if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
            return int(value)
        self.error(key, f"`{key}` must be a whole number of {unit}, 0 or more, not {quoted(value)}")
        return None

    def id_list(self, key: str) -> tuple[str, ...]:
        value = self.data.get(key)
        if value is None:
            return ()
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.error(key, f"`{key}` must be a list of quantity ids, like [{key}-a, {key}-b]")
            return ()
        # Counted in one pass: a list of 60,000 names costs 60,000 steps, not 60,000 squared.
        repeated = sorted(name for name, count in Counter(value).items() if count > 1)
        if repeated:
            # A part listed twice would be added twice, and the sum invent a finding.
            named = ", ".join(shorten(name) for name in repeated[:5])
            more = f" and {len(repeated) - 5:,} more" if len(repeated) > 5 else ""
            self.error(key, f"`{key}` names {named}{more} more than once", "duplicate")
            return ()
        return tuple(value)

    def date(self, key: str, margin: int, required: bool = False) -> DateSpan | None:
        if key not in self.data or self.data[key] is None:
            if required:
                self.missing(key)
            return None
        try:
            return dates.parse_date(self.data[key], margin)
        except dates.DateError as error:
            self.error(key, f"`{key}`: {error}")
            return None

    def value(self, approx: str) -> int | float | tuple[int | float, int | float] | None:
        if "value" not in self.data or self.data["value"] is None:
            self.missing("value")
            return None
        value = self.data["value"]
        if approx == "range":
            if not (isinstance(value, list) and len(value) == 2 and all(map(_is_number, value))):
                self.error("value", "`approx: range` needs `value: [low, high]`, two numbers")
                return None
            low, high = value
            if low > high:
                self.error(
                    "value", f"range [{low}, {high}] has its low end last; write [{high}, {low}]"
                )
                return None
            return (low, high)
        if isinstance(value, list):
            self.error("value", "a [low, high] value needs `approx: range`")
            return None
        if isinstance(value, str):
            problem = _numeric_text_problem(value)
            if problem:
                self.error("value", problem)
                return None
        if isinstance(value, float) and not _is_number(value):
            self.error("value", f"value must be a finite number, not {value}")
            return None
        if not _is_number(value):
            self.error("value", f"value must be a number, not {type_name(value)}")
            return None
        if approx == "under" and value == 0:
            self.error("value", "`under 0` holds no value; write `at-most`, or another number")
            return None
        return value

    def check_against_kind(
        self,
        quantity: Quantity,
        value: int | float | tuple[int | float, int | float],
        as_of: DateSpan | None,
    ) -> None:
        numbers = value if isinstance(value, tuple) else (value,)
        if quantity.kind != "change" and any(n < 0 for n in numbers):
            self.error(
                "value",
                f"{quantity.id} is a {quantity.kind}, which cannot be negative; "
                "a decrease belongs on a change quantity",
            )
        if quantity.kind == "change" and any(n < -100 for n in numbers):
            self.error(
                "value",
                f"{quantity.id} is a change in percent, and a level cannot fall by more than "
                "all of it: -100 is the largest decrease",
            )
        if (
            quantity.kind == "change"
            and as_of is not None
            and not (as_of.is_interval and all(p.precision != "open" for p in as_of.points))
        ):
            self.error(
                "as_of",
                f"{quantity.id} is a change: as_of must be the two periods it "
                "compares, like 2013/2014",
            )


def _is_number(value: object) -> TypeGuard[int | float]:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return False
    return value == value and value not in (float("inf"), float("-inf"))


_FLOAT_LIMIT = Decimal("1.7976931348623157e308")
_NUMERIC_TEXT = re.compile(r"[-+]?[0-9][0-9,  _.]*")


def _numeric_text_problem(text: str) -> str | None:
    """What is wrong with a value that YAML read as text although it looks like a number."""
    stripped = text.strip()
    if not _NUMERIC_TEXT.fullmatch(stripped):
        return None
    shown = f"{stripped[:20]}…" if len(stripped) > 24 else stripped
    plain = re.sub(r"[,  _]", "", stripped)
    if len(plain) > 4300:
        return f"value {quoted(shown)} has {len(plain):,} digits; figcheck reads up to 4,300"
    if plain.count(".") == 1 and abs(Decimal(plain)) >= _FLOAT_LIMIT:
        return f"value {quoted(shown)} is too large for a decimal number (the limit is 1.79e308)"
    if re.fullmatch(r"[-+]?0[0-9]+", plain):
        return (
            f"value {quoted(shown)} starts with 0, which YAML reads as an octal number; "
            f"write {plain.lstrip('+-').lstrip('0') or '0'}"
        )
    return (
        f"value {quoted(shown)} is text; write it as a plain number"
        + (f", {plain}," if len(plain) < 25 else "")
        + " without quotes or thousands separators"
    )
