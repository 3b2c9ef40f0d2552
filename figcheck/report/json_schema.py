"""The JSON Schema (draft 2020-12) of `figcheck report --format json`, printed by
`figcheck schema --kind report`: what programs reading the report may rely on.

Every object is closed (`additionalProperties: false`), so a key added to the report
without a line here fails the test that validates the report against this schema.
"""

from __future__ import annotations

import json
from typing import Any

from figcheck.model import APPROXES, KINDS, SEVERITIES

DRAFT = "https://json-schema.org/draft/2020-12/schema"
Schema = dict[str, Any]

DAY = {"type": ["string", "null"], "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"}
COUNT = {"type": "integer", "minimum": 0}


def closed(description: str, properties: dict[str, Schema]) -> Schema:
    return {
        "description": description,
        "type": "object",
        "properties": properties,
        "required": list(properties),
        "additionalProperties": False,
    }


def strings(description: str) -> Schema:
    return {"description": description, "type": "array", "items": {"type": "string"}}


def nullable(kind: str, description: str) -> Schema:
    return {"description": description, "type": [kind, "null"]}


BOUND = {
    "description": "A bound; null for an unbounded side. A bound that is not a finite "
    "decimal is rounded to the nearest double.",
    "type": ["number", "null"],
}

INTERVAL = closed(
    "A set of values from low to high; an open side excludes its bound.",
    {
        "low": BOUND,
        "high": BOUND,
        "low_open": {"type": "boolean"},
        "high_open": {"type": "boolean"},
    },
)

LOCATION = closed(
    "A place in a ledger file.",
    {"file": {"type": "string"}, "line": COUNT},
)

COVERAGE = closed(
    "How many of the numbers in the documents' texts are recorded or ignored.",
    {
        "found": COUNT,
        "recorded": COUNT,
        "ignored": COUNT,
        "unrecorded": COUNT,
        "without_text": strings("Ids of the documents without a readable text."),
    },
)

QUANTITY = closed(
    "A quantity of the family, as quantities.yaml defines it.",
    {
        "id": {"type": "string"},
        "label": {"type": "string"},
        "unit": {"type": "string"},
        "kind": {"enum": list(KINDS)},
        "parts": strings("Quantities that sum to at most this one."),
        "exhaustive": {"type": "boolean"},
        "subset_of": strings("Quantities this one is never more than."),
        "of": nullable("string", "For a change: the level quantity."),
        "figures": COUNT,
    },
)

FIGURE = closed(
    "A statement: a figure, with its repeats in the same document (same quantity, value, "
    "hedge, date and speaker).",
    {
        "id": {"type": "string", "description": "The first record's full id."},
        "ids": strings("The full ids of every record of the statement."),
        "quantity": {"type": "string"},
        "document": {"type": "string"},
        "value": {
            "description": "The value as the ledger has it: a number, or [low, high].",
            "anyOf": [
                {"type": "number"},
                {"type": "array", "items": {"type": "number"}, "minItems": 2, "maxItems": 2},
            ],
        },
        "approx": {"enum": list(APPROXES)},
        "as_written": {"type": "string", "description": "'about 2,200', '-46%'."},
        "interval": INTERVAL,
        "as_of": closed(
            "When the figure holds.",
            {
                "text": {"type": "string", "description": "The EDTF date as written."},
                "start": DAY,
                "end": DAY,
                "described": {"type": "string"},
            },
        ),
        "said_by": {"type": "string"},
        "quotes": strings("The quote of each record."),
        "locations": {"type": "array", "items": LOCATION},
        "times": {"type": "integer", "minimum": 1},
        "note": nullable("string", "The curator's note."),
    },
)

CONSENSUS = closed(
    "What the figures of one quantity about the same time agree on.",
    {
        "quantity": {"type": "string"},
        "from": DAY,
        "to": DAY,
        "described": {"type": "string"},
        "verdict": {
            "description": "agreed: all figures meet; majority: the unique largest set that "
            "meets; none: no consensus; alone: a single figure, nothing to compare.",
            "enum": ["agreed", "majority", "none", "alone"],
        },
        "interval": {"anyOf": [INTERVAL, {"type": "null"}]},
        "figures": strings("Ids of the cluster's figures."),
        "supporting": strings("Ids of the figures that allow the consensus interval."),
        "disagreeing": strings("Ids of the figures outside a majority."),
        "speakers": COUNT,
        "spread": nullable("string", "How far apart the stated values are: '24%'."),
        "text": {"type": "string"},
    },
)

FAMILY = closed(
    "A family of related quantities, in the report's reading order.",
    {
        "id": {"type": "string"},
        "single": {
            "type": "boolean",
            "description": "One quantity with one figure: shown in the table of single figures.",
        },
        "quantities": {"type": "array", "items": QUANTITY},
        "figures": {"type": "array", "items": FIGURE},
        "findings": strings("Ids of the family's findings."),
        "consensus": {"type": "array", "items": CONSENSUS},
        "notes": strings("What the figures say together."),
    },
)

FINDING = {
    "description": "A finding, as `figcheck check --format json` writes it.",
    "type": "object",
    "properties": {
        "id": {"type": "string", "pattern": "^FC[0-9]{3}:[0-9a-f]{10}$"},
        "rule": {"type": "string"},
        "severity": {"enum": list(SEVERITIES)},
        "title": {"type": "string"},
        "message": {"type": "string"},
        "quantity": {"type": ["string", "null"]},
        "figures": strings("Full ids of the figures involved."),
        "locations": {"type": "array", "items": LOCATION},
        "accepted": {"type": "boolean"},
        "why": {"type": ["string", "null"]},
        "new": {"type": "boolean"},
    },
    "required": [
        "id",
        "rule",
        "severity",
        "title",
        "message",
        "quantity",
        "figures",
        "locations",
        "accepted",
    ],
    "additionalProperties": False,
}

STANDING = closed(
    "How a speaker's or an outlet's figures stand against the consensus: a count, not a verdict.",
    {
        "name": nullable("string", "The whole said_by, or the outlet; null: no outlet named."),
        "documents": strings("Ids of the documents its figures are in."),
        "figures": COUNT,
        "agree": COUNT,
        "disagree": COUNT,
        "contested": COUNT,
        "alone": COUNT,
    },
)

DOCUMENT = closed(
    "A document of the report.",
    {
        "id": {"type": "string"},
        "title": {"type": "string"},
        "outlet": nullable("string", "Who published it."),
        "published": nullable("string", "The EDTF date as written."),
        "url": nullable("string", "Where it can be read."),
        "figures": strings("Ids of its figures in the report."),
        "findings": strings("Ids of the findings that involve it."),
        "coverage": {"anyOf": [COVERAGE, {"type": "null"}]},
    },
)

SUMMARY = closed(
    "Unaccepted findings by severity, and accepted ones apart.",
    {"error": COUNT, "warning": COUNT, "info": COUNT, "accepted": COUNT},
)


def schema() -> Schema:
    body = closed(
        "figcheck report --format json: the ledger family by family.",
        {
            "figcheck": {"type": "string", "description": "figcheck's version."},
            "ledger": {"type": "string"},
            "quantity": nullable("string", "The --quantity the report is restricted to."),
            "counts": closed(
                "What the report covers.",
                {"documents": COUNT, "figures": COUNT, "quantities": COUNT},
            ),
            "summary": SUMMARY,
            "coverage": COVERAGE,
            "families": {"type": "array", "items": FAMILY},
            "findings": {"type": "array", "items": FINDING},
            "speakers": {"type": "array", "items": STANDING},
            "outlets": {"type": "array", "items": STANDING},
            "documents": {"type": "array", "items": DOCUMENT},
            "exit_code": {"enum": [0, 2]},
        },
    )
    return {"$schema": DRAFT, "title": "figcheck report", **body}


def to_json() -> str:
    return json.dumps(schema(), indent=2, ensure_ascii=False) + "\n"
