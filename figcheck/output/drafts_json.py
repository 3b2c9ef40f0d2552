"""`figcheck draft --format json`: the drafts of a document as one object, for programs.

    {"figcheck": "0.1.0", "document": "tass-2015-11-19",
     "text": "data/documents/003_5c454f63fb3e0dfe.txt",
     "counts": {"found": 13, "accounted": 0, "drafted": 13},
     "drafts": [
       {"number": {"line": 7, "start": 694, "end": 698, "text": "2719", "value": 2719},
        "action": "record",
        "record": {"quantity": "ru-departed-syria", "value": 2719, "approx": "exact",
                   "as_of": "2015-11-19?", "said_by": "Oleg Syromolotov, ...",
                   "quote": "From Russia went to Syria 2719 Russian citizens"},
        "confidence": {"action": 0.85, "quantity": 0.48, "value": 1.0, "approx": 0.8,
                       "as_of": 0.4, "said_by": 0.85, "quote": 0.8},
        "reasons": {"value": "as written", ...},
        "covers": [],
        "sentence": "From Russia went to Syria 2719 Russian citizens, 160 of them ...",
        "candidates": [{"quantity": "ru-departed-syria", "score": 0.48}, ...],
        "new_quantity": null},
       {"number": {...}, "action": "ignore",
        "ignore": {"text": "MOSCOW, November 19", "why": "the dateline"},
        "confidence": {"action": 0.9}, ...}]}

A record's `quantity` is null when no quantity matches well; `new_quantity` then suggests
one (`id`, `label`, `unit`, `kind`). A value is a number, or `[low, high]` for a range (and
a number's value too, for a vague plural such as "hundreds"). `covers` lists the other
numbers the draft accounts for (the higher end of a range, the numbers of one ignored
phrase), each as `number`. Confidences run from 0 to 1.
"""

from __future__ import annotations

import json
from decimal import Decimal
from fractions import Fraction
from typing import Any, TextIO

from figcheck import __version__
from figcheck.output.extract_json import _json_number
from figcheck.text.drafting.drafts import Draft, Drafts, Value
from figcheck.text.numbers import Occurrence


def document(drafts: Drafts) -> dict[str, Any]:
    return {
        "figcheck": __version__,
        "document": drafts.document,
        "text": drafts.text_file,
        "counts": {
            "found": drafts.found,
            "accounted": drafts.accounted,
            "drafted": sum(len(d.numbers) for d in drafts.drafts),
        },
        "drafts": [draft_object(d) for d in drafts.drafts],
    }


def draft_object(draft: Draft) -> dict[str, Any]:
    found: dict[str, Any] = {"number": number_object(draft.number), "action": draft.action}
    if draft.record is not None:
        record = draft.record
        found["record"] = {
            "quantity": record.quantity,
            "value": json_value(record.value),
            "approx": record.approx,
            "as_of": record.as_of,
            "said_by": record.said_by,
            "quote": record.quote,
        }
        if record.statement is not None:
            found["record"]["statement"] = record.statement
    if draft.ignore is not None:
        found["ignore"] = {"text": draft.ignore.text, "why": draft.ignore.why}
    found["confidence"] = {name: round(score, 2) for name, score in draft.confidence.items()}
    found["reasons"] = dict(draft.reasons)
    found["covers"] = [number_object(n) for n in draft.covers]
    found["sentence"] = draft.sentence
    found["candidates"] = [{"quantity": c.quantity, "score": c.score} for c in draft.candidates]
    new = draft.new_quantity
    found["new_quantity"] = (
        None
        if new is None
        else {"id": new.id, "label": new.label, "unit": new.unit, "kind": new.kind}
    )
    return found


def number_object(number: Occurrence) -> dict[str, Any]:
    value: Any = (
        _json_number(number.value)
        if number.value is not None
        else [
            _json_number(number.low),
            _json_number(number.high) if isinstance(number.high, Fraction) else None,
        ]
    )
    return {
        "line": number.line,
        "start": number.start,
        "end": number.end,
        "text": number.text,
        "value": value,
    }


def json_value(value: Value) -> Any:
    if isinstance(value, tuple):
        return [json_value(end) for end in value]
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value


def render(drafts: Drafts, stream: TextIO) -> None:
    json.dump(document(drafts), stream, indent=2, ensure_ascii=False)
    stream.write("\n")
