"""JSON Schemas (draft 2020-12) of the ledger's files, so that editors check records as they
are typed: `figcheck schema --kind source|quantities|accepted` prints one.

The schemas say what figcheck/ledger/ accepts, and are built from the loader's own
constants (field names, required fields, the approx and kind words, id patterns), so that a
field added to the loader without a schema entry fails at once. What no JSON Schema can say
is left to `figcheck check`: whether a named quantity exists, unique ids, units of related
quantities, an interval that ends before it starts (`2016/2015`), 29 February in a year
without one, a range whose low end is last, the checks that depend on a quantity's kind
(no negative value but for a change; a change's `as_of` is two periods), and whether a
document's `text` file exists.

Two deliberate narrowings: an id written as a plain number must be a whole number (the
loader also takes `1.5`), and dates use ASCII digits only.

Only keywords that draft-07 reads the same way are used (no `$ref`, whose siblings draft-07
ignores, and no `prefixItems`), because the YAML language server validates as draft-07.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, Literal

from figcheck.ledger import accepted, fields, quantities, sources
from figcheck.model import APPROXES, KINDS

Kind = Literal["source", "quantities", "accepted"]
KINDS_OF_FILE: tuple[Kind, ...] = ("source", "quantities", "accepted")

DRAFT = "https://json-schema.org/draft/2020-12/schema"
Schema = dict[str, Any]


def anchored(pattern: str) -> str:
    """A loader regex (used with fullmatch) as a JSON Schema pattern (which searches)."""
    return f"^(?:{pattern})$"


QUANTITY_ID = anchored(fields.QUANTITY_ID.pattern)
RECORD_ID = anchored(fields.RECORD_ID.pattern)
FINDING_ID = anchored(fields.FINDING_ID.pattern)
FULL_ID = anchored(accepted.FULL_ID.pattern)

# EDTF as the ledger format documents it: YYYY, YYYY-MM, YYYY-MM-DD, each optionally
# followed by ? ~ or %; A/B of two of those; `..` for one open end. No year 0000, months
# 01-12 (or a grouping: 21-24, 33-41), and no day a month never has.
_YEAR = "(?!0000)[0-9]{4}"
_MONTH_DAY = (
    "(?:-(?:"
    "(?:0[13578]|1[02])(?:-(?:0[1-9]|[12][0-9]|3[01]))?"
    "|(?:0[469]|11)(?:-(?:0[1-9]|[12][0-9]|30))?"
    "|02(?:-(?:0[1-9]|1[0-9]|2[0-9]))?"
    "|2[1-4]|3[3-9]|4[01]"  # a season, quarter, third or half of the year: no day
    "))?"
)
_POINT = f"{_YEAR}{_MONTH_DAY}[?~%]?"
EDTF_DATE = f"^(?:{_POINT}|{_POINT}/(?:{_POINT}|\\.\\.)|\\.\\./{_POINT})$"


# -- building blocks ------------------------------------------------------------------------


def text(description: str, required: bool = True) -> Schema:
    """Free text. YAML reads `2015` or `2.5` as numbers; the loader takes them as text."""
    types = ["string", "number"] if required else ["string", "number", "null"]
    return {"description": description, "type": types, "pattern": "\\S"}


def record_id(description: str) -> Schema:
    return {
        "description": description,
        "anyOf": [
            {"type": "string", "pattern": RECORD_ID},
            {"type": "integer", "minimum": 0},
        ],
    }


def quantity_ref(description: str) -> Schema:
    return {"description": description, "type": "string", "pattern": QUANTITY_ID}


def quantity_list(description: str) -> Schema:
    return {
        "description": description,
        "type": ["array", "null"],
        "items": {"type": "string", "pattern": QUANTITY_ID},
    }


def date(description: str, required: bool = True) -> Schema:
    forms: list[Schema] = [
        {"type": "string", "pattern": EDTF_DATE},
        {"type": "integer", "minimum": 1000, "maximum": 9999},
    ]
    if not required:
        forms.append({"type": "null"})
    return {"description": description, "anyOf": forms}


def record(
    description: str,
    fields: Iterable[str],
    schemas: Mapping[str, Schema],
    required: Iterable[str] = (),
) -> Schema:
    """An object with exactly the loader's fields; a KeyError names a field with no schema."""
    return {
        "description": description,
        "type": "object",
        "properties": {name: schemas[name] for name in fields},
        "required": list(required),
        "additionalProperties": False,
    }


def document_schema(title: str, description: str, body: Schema) -> Schema:
    return {"$schema": DRAFT, "title": title, **body, "description": description}


# -- sources/*.yaml -------------------------------------------------------------------------

DOCUMENT_FIELDS: dict[str, Schema] = {
    "id": record_id(
        "The document's id, unique across the ledger: letters, digits, '.', '_' and '-'. "
        "A figure's full id is DOCUMENT-ID/FIGURE-ID."
    ),
    "title": text("The document's title, as published."),
    "outlet": text("Who published it: a newspaper, agency or organisation.", required=False),
    "published": date(
        "When it was published, as precisely as known: 2015, 2015-11, 2015-11-19; add ? "
        "when the date is inferred rather than printed (2016?).",
        required=False,
    ),
    "url": text("Where the document can be read.", required=False),
    "text": text(
        "The document's plain text, relative to this file and inside the ledger, such as "
        "../documents/NAME.txt. Quotes are anchored in it.",
        required=False,
    ),
}

NUMBER: Schema = {"type": "number"}
RANGE: Schema = {"type": "array", "items": {"type": "number"}, "minItems": 2, "maxItems": 2}

FIGURE_FIELDS: dict[str, Schema] = {
    "id": record_id(
        "The figure's id, unique within the document: letters, digits, '.', '_' and '-'."
    ),
    "quantity": quantity_ref("What the figure counts: a quantity id from quantities.yaml."),
    "value": {
        "description": "The number as the source states it: 2719, 2.5, -46 (a percent "
        "change is signed: 'decreased by 46%' is -46). With approx: range, [low, high].",
        "type": ["number", "array"],
    },
    "approx": {
        "description": "How the source hedges the number. exact: v; about: v ± 10%; "
        "nearly: v - 10% to v; over: above v; at-least: v or more; under: below v; "
        "at-most: v or less; range: [low, high]. Default: exact. (The 10% are "
        "figcheck.yaml's values.about and values.nearly.)",
        "enum": [*APPROXES, None],
        "default": "exact",
    },
    "as_of": date(
        "When the figure holds: 2015, 2015-11, 2015-11-19, a season, quarter, third or "
        "half of a year (2015-21 spring, 2015-33 Q1, 2015-37 Jan-Apr, 2015-40 first half), "
        "with ? (uncertain), ~ (approximate) or % (both); a period A/B; ../B or A/.. for an "
        "open end. For a change quantity, the two periods it compares: 2013/2014."
    ),
    "said_by": text(
        "Who gave the number: the original source (a person with their role, an agency), "
        "or `author` for the document's own claim."
    ),
    "statement": {
        "description": "The utterance this figure renders, as an id shared by every record "
        "of it across the ledger (a minister's figure at one press conference, as two "
        "agencies and a headline reported it): letters, digits, '.', '_' and '-'. Records "
        "of one statement are one speaker's words, and how they differ is reported.",
        "anyOf": [
            {"type": "string", "pattern": RECORD_ID},
            {"type": "integer", "minimum": 0},
            {"type": "null"},
        ],
    },
    "quote": text("The words of the document that state the number, verbatim."),
    "note": text("Anything a later reader should know about this figure.", required=False),
}

FIGURE_BY_APPROX: list[Schema] = [
    {
        "if": {"required": ["approx"], "properties": {"approx": {"const": "range"}}},
        "then": {"properties": {"value": RANGE}},
        "else": {"properties": {"value": NUMBER}},
    },
    {
        "if": {"required": ["approx"], "properties": {"approx": {"const": "under"}}},
        "then": {"properties": {"value": {"exclusiveMinimum": 0}}},
    },
]

IGNORE_FIELDS: dict[str, Schema] = {
    "text": text("The number as it appears in the document's text."),
    "why": text("Why it is not a statement about the world (a date, an article number...)."),
}


def source_schema() -> Schema:
    figure = record(
        "One numeric statement of the document.",
        sources.FIGURE_FIELDS,
        FIGURE_FIELDS,
        sources.REQUIRED_FIGURE_FIELDS,
    )
    figure["allOf"] = FIGURE_BY_APPROX
    body = record(
        "",
        ("document", "figures", "ignore"),
        {
            "document": record(
                "The document: its id, title and where it comes from.",
                sources.DOCUMENT_FIELDS,
                DOCUMENT_FIELDS,
                ("id", "title"),
            ),
            "figures": {
                "description": "Every numeric statement of the document, one record each.",
                "type": ["array", "null"],
                "items": figure,
            },
            "ignore": {
                "description": "Numbers in the document's text that are not statements "
                "about the world (a date, an article of a law), each with the reason.",
                "type": ["array", "null"],
                "items": record(
                    "A number of the text that is not a figure.",
                    IGNORE_FIELDS,
                    IGNORE_FIELDS,
                    ("text", "why"),
                ),
            },
        },
        ("document",),
    )
    return document_schema(
        "figcheck source file",
        "One document of a figcheck ledger (sources/*.yaml): its metadata and its figures.",
        body,
    )


# -- quantities.yaml ------------------------------------------------------------------------

QUANTITY_FIELDS: dict[str, Schema] = {
    "label": text("What is counted, precisely enough to tell it from similar quantities."),
    "unit": text("The unit: people, attacks, percent..."),
    "kind": {
        "description": "stock: a level at a point in time; cumulative: a running total "
        "that can only grow; flow: an amount over a period; change: a percent change of "
        "`of` between two periods.",
        "enum": list(KINDS),
    },
    "parts": quantity_list(
        "Quantities whose values sum to at most this one's at the same time (exactly "
        "this one's with exhaustive: true)."
    ),
    "exhaustive": {
        "description": "true when the parts sum to exactly this quantity, not at most.",
        "type": ["boolean", "null"],
    },
    "subset_of": quantity_list("Quantities this one never exceeds at the same time."),
    "of": {
        **quantity_ref("For a change: the level quantity whose change this is."),
        "type": ["string", "null"],
    },
    "window_days": {
        "description": "How many days apart two figures of this quantity may be and still be "
        "compared as describing about the same time (the divergence rules). Default: their "
        "window, 366 unless figcheck.yaml sets another. A toll that changes by the hour: 0 "
        "(figures of the same day only); an annual statistic: 366.",
        "type": ["integer", "null"],
        "minimum": 0,
    },
    "note": text("Anything a later reader should know about this quantity.", required=False),
}

QUANTITY_RULES: list[Schema] = [
    {
        "if": {"required": ["of"], "properties": {"of": {"type": "string"}}},
        "then": {"properties": {"kind": {"const": "change"}}},
    },
    {
        "if": {"required": ["exhaustive"], "properties": {"exhaustive": {"const": True}}},
        "then": {"required": ["parts"], "properties": {"parts": {"type": "array", "minItems": 1}}},
    },
]


def quantities_schema() -> Schema:
    quantity = record(
        "A quantity: what is counted, its unit and kind, and how it relates to others.",
        quantities.QUANTITY_FIELDS,
        QUANTITY_FIELDS,
        ("label", "unit", "kind"),
    )
    quantity["allOf"] = QUANTITY_RULES
    table = {
        "description": "The quantities, keyed by id: lowercase letters, digits and hyphens.",
        "type": "object",
        "propertyNames": {"pattern": QUANTITY_ID},
        "additionalProperties": quantity,
    }
    return document_schema(
        "figcheck quantities.yaml",
        "What a figcheck ledger counts, and how the quantities relate.",
        record("", ("quantities",), {"quantities": table}, ("quantities",)),
    )


# -- accepted.yaml --------------------------------------------------------------------------

ACCEPTANCE_FIELDS: dict[str, Schema] = {
    "finding": {
        "description": "The id of the finding, as figcheck check prints it: FC201:3f9a1c0b2d.",
        "type": "string",
        "pattern": FINDING_ID,
    },
    "why": text(
        "Why the divergence is real and not a recording mistake (different dates, "
        "definitions, rounding...). An entry without one is reported as an acceptance to review.",
        required=False,
    ),
}

REVIEWED_FIELDS: dict[str, Schema] = {
    "value": {
        **FIGURE_FIELDS["value"],
        "description": "The figure's value when the finding was accepted, as its source file "
        "had it: 2900, 2.5, -46; with approx: range, [low, high].",
    },
    "approx": {
        **FIGURE_FIELDS["approx"],
        "description": "The figure's approx when the finding was accepted. Default: exact.",
    },
    "as_of": date("The figure's as_of when the finding was accepted, as written."),
}


def reviewed_schema() -> Schema:
    figure = record(
        "One figure as it was reviewed.",
        accepted.REVIEWED_FIELDS,
        REVIEWED_FIELDS,
        accepted.REQUIRED_REVIEWED_FIELDS,
    )
    figure["allOf"] = FIGURE_BY_APPROX
    return {
        "description": "What was reviewed, written by figcheck accept: each figure of the "
        "finding, keyed by its full id (document/figure), with its value, approx and as_of at "
        "the time. The acceptance holds only while every figure still has them; when one "
        "changes, the finding fails the run again until it is accepted again. An entry "
        "without `reviewed` holds whatever the figures become (figcheck accept --refresh "
        "records them).",
        "type": ["object", "null"],
        "propertyNames": {"pattern": FULL_ID},
        "additionalProperties": figure,
    }


def accepted_schema() -> Schema:
    entry_fields = {**ACCEPTANCE_FIELDS, "reviewed": reviewed_schema()}
    entries = {
        "description": "Findings reviewed and accepted, each with the reason.",
        "type": "array",
        "items": record(
            "An accepted finding.", accepted.ACCEPTANCE_FIELDS, entry_fields, ("finding",)
        ),
    }
    body = record("", ("accepted",), {"accepted": entries})
    body["type"] = ["object", "null"]  # an empty file accepts nothing, and is fine
    return document_schema(
        "figcheck accepted.yaml",
        "Divergences of a figcheck ledger that a person reviewed and accepted.",
        body,
    )


BUILDERS = {"source": source_schema, "quantities": quantities_schema, "accepted": accepted_schema}


def schema(kind: Kind) -> Schema:
    return BUILDERS[kind]()


FILE_NAMES: dict[Kind, str] = {kind: f"{kind}.schema.json" for kind in KINDS_OF_FILE}


def to_json(kind: Kind) -> str:
    import json

    return json.dumps(schema(kind), indent=2, ensure_ascii=False) + "\n"
