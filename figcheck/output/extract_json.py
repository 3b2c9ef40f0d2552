"""`figcheck extract --format json`: the work list as one object, for programs.

    {"figcheck": "0.1.0", "document": "tass-2015-11-19" or null,
     "text": "data/documents/003_5c454f63fb3e0dfe.txt",
     "counts": {"found": 13, "recorded": 4, "ignored": 0, "unrecorded": 9},
     "numbers": [{"line": 7, "start": 694, "end": 698, "text": "2719", "kind": "plain",
                  "value": 2719, "low": 2719, "high": 2719,
                  "context": "From Russia went to Syria 2719 Russian citizens, 160",
                  "status": "recorded", "figure": "tass-2015-11-19/departed", "why": null}]}

`value` is null for a vague quantity ("hundreds", "several hundred"), whose range is `low`
to `high`; `high` is null where the range is open above ("many thousands"). Numbers are
JSON integers when whole, else decimals. `start` and `end` are character offsets.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any, TextIO

from figcheck import __version__, wording
from figcheck.output.common import write_json
from figcheck.text.worklist import Row, Worklist


def document(worklist: Worklist) -> dict[str, Any]:
    return {**_head(worklist), "numbers": [_number(row) for row in worklist.rows]}


def _head(worklist: Worklist) -> dict[str, Any]:
    return {
        "figcheck": __version__,
        "document": worklist.document,
        "text": worklist.path,
        "counts": worklist.counts(),
    }


def _number(row: Row) -> dict[str, Any]:
    entry, number = row.entry, row.entry.number
    return {
        "line": number.line,
        "start": number.start,
        "end": number.end,
        "text": number.text,
        "kind": number.kind,
        "value": None if number.value is None else _json_number(number.value),
        "low": _json_number(number.low),
        "high": None if number.high == float("inf") else _json_number(number.high),  # type: ignore[arg-type]
        "context": row.context,
        "status": entry.status,
        "figure": entry.figure,
        "why": entry.ignored.why if entry.ignored is not None else None,
    }


def _json_number(value: Fraction) -> int | float | str:
    """An int or float where JSON holds it; beyond a float's range, the exact decimal text."""
    if value.denominator == 1 and abs(value.numerator) < 10**300:
        return value.numerator
    if abs(value) < 10**300:
        return float(value)
    return wording.number(value)


def render(worklist: Worklist, stream: TextIO) -> None:
    """The object `document` makes, written number by number, one a line: the work list of
    a text of half a million numbers is never held whole, as objects or as text."""
    write_json(stream, _head(worklist), "numbers", (_number(row) for row in worklist.rows))
