"""Reading quantities.yaml: what is being counted, and how the quantities relate.

A quantity with a problem is dropped, and so is one whose relation names a dropped, unknown
or differently measured quantity, or that lies on a cycle of relations: the rules never
follow a broken relation. What was dropped is handed on, so that the figures of a dropped
quantity are left out quietly ("not in quantities.yaml" would send the curator looking in
the wrong place).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from figcheck.ledger.fields import QUANTITY_ID, Fields
from figcheck.ledger.problems import FileProblems
from figcheck.ledger.relations import cycles
from figcheck.ledger.yaml_reading import LineMap
from figcheck.model import KINDS, Location, Quantity
from figcheck.wording import did_you_mean, quoted, shorten, type_name

QUANTITY_FIELDS = (
    "label",
    "unit",
    "kind",
    "parts",
    "exhaustive",
    "subset_of",
    "of",
    "window_days",
    "note",
)


@dataclass(frozen=True)
class Quantities:
    """The quantities kept, by id in file order, and the ids of those dropped."""

    kept: dict[str, Quantity] = field(default_factory=dict)
    dropped: frozenset[str] = frozenset()
    # False when the file is missing or cannot be read at all: every figure's quantity is
    # then unknown, and one problem (the file's) says so rather than one per figure.
    readable: bool = True


UNREADABLE = Quantities(readable=False)


def missing(report: FileProblems) -> Quantities:
    report(
        "invalid",
        0,
        "quantities.yaml is missing; every ledger needs one (`figcheck init DIR` starts a ledger)",
    )
    return UNREADABLE


def read(data: object, report: FileProblems) -> Quantities:
    """The quantities of the parsed quantities.yaml; problems go to `report`."""
    if not isinstance(data, LineMap) or not isinstance(data.get("quantities"), LineMap):
        line = data.line_of("quantities") if isinstance(data, LineMap) else 1
        report(
            "invalid",
            line,
            "quantities.yaml must hold a mapping under `quantities:`, keyed by quantity id",
        )
        return UNREADABLE
    for key in data:
        if key != "quantities":
            report(
                "invalid",
                data.line_of(key),
                f"unknown top-level key {quoted(key)}; quantities.yaml holds only `quantities:`",
            )
    table: LineMap = data["quantities"]
    kept: dict[str, Quantity] = {}
    dropped: set[str] = set()
    for qid, entry in table.items():
        quantity = _quantity(report, table.line_of(qid), qid, entry)
        if quantity is not None:
            kept[quantity.id] = quantity
        else:
            dropped.add(str(qid))
    broken = _broken_relations(report, kept, dropped)
    for qid in broken:
        kept.pop(qid, None)
    return Quantities(kept, frozenset(dropped | broken))


def _quantity(report: FileProblems, line: int, qid: object, entry: object) -> Quantity | None:
    if not isinstance(qid, str) or not QUANTITY_ID.fullmatch(qid):
        report(
            "invalid",
            line,
            f"quantity id {quoted(qid)} must be lowercase letters, "
            "digits and hyphens, starting with a letter or digit",
        )
        return None
    if not isinstance(entry, LineMap):
        report(
            "invalid",
            line,
            f"quantity {qid} must be a mapping with label, unit and kind, not {type_name(entry)}",
        )
        return None
    fields = Fields(report, entry, f"quantity {qid}", line)
    fields.unknown(QUANTITY_FIELDS)
    label = fields.text("label", required=True)
    unit = fields.text("unit", required=True)
    kind = fields.choice("kind", KINDS, required=True)
    parts = fields.id_list("parts")
    subset_of = fields.id_list("subset_of")
    of = fields.text("of")
    exhaustive = fields.flag("exhaustive")
    window_days = fields.whole_number("window_days", "days")
    fields.text("note")
    if of is not None and kind not in (None, "change"):
        fields.error(
            "of", f"`of` names the level a change is of; quantity {qid} is a {kind}, not a change"
        )
    if exhaustive and not parts:
        fields.error("exhaustive", "`exhaustive: true` needs `parts`")
    if fields.failed or label is None or unit is None or kind is None:
        return None
    return Quantity(
        id=qid,
        label=label,
        unit=unit,
        kind=kind,  # type: ignore[arg-type]  # one of KINDS: fields.choice checked it
        location=Location(report.file, line),
        parts=parts,
        exhaustive=bool(exhaustive),
        subset_of=subset_of,
        of=of,
        window_days=window_days,
    )


_LISTED = 5  # names of one relation reported one by one; the rest are counted


def _broken_relations(
    report: FileProblems, quantities: dict[str, Quantity], dropped: set[str]
) -> set[str]:
    """The quantities whose relations cannot be followed, after reporting why: an unknown
    name or a cycle (unknown reference), a relation across units (invalid). A relation to a
    quantity dropped for its own problem breaks quietly: that problem is reported already."""
    broken: set[str] = set()
    for q in quantities.values():
        for relation, names in (
            ("parts", q.parts),
            ("subset_of", q.subset_of),
            ("of", (q.of,) if q.of else ()),
        ):
            unknown: list[str] = []
            other_unit: list[str] = []
            for name in names:
                other = quantities.get(name)
                if name in dropped:
                    broken.add(q.id)
                elif other is None:
                    unknown.append(name)
                elif relation != "of" and other.unit != q.unit:
                    other_unit.append(name)
            if unknown or other_unit:
                broken.add(q.id)
            # A list of 60,000 names is reported in a few lines, not 60,000.
            for name in unknown[:_LISTED]:
                report(
                    "unknown-reference",
                    q.location.line,
                    f"quantity {q.id}: {relation} names {quoted(name)}, which is not in "
                    f"quantities.yaml{did_you_mean(name, quantities)}",
                    q.id,
                    name,
                )
            if len(unknown) > _LISTED:
                report(
                    "unknown-reference",
                    q.location.line,
                    f"quantity {q.id}: {relation} names {len(unknown) - _LISTED:,} more "
                    "quantities that are not in quantities.yaml",
                    q.id,
                    relation,
                    "more unknown",
                )
            for name in other_unit[:_LISTED]:
                report(
                    "invalid",
                    q.location.line,
                    f"quantity {q.id} ({shorten(q.unit)}) cannot relate by {relation} to "
                    f"{name} ({shorten(quantities[name].unit)}): units differ",
                )
            if len(other_unit) > _LISTED:
                report(
                    "invalid",
                    q.location.line,
                    f"quantity {q.id} ({shorten(q.unit)}) cannot relate by {relation} to "
                    f"{len(other_unit) - _LISTED:,} more quantities of other units",
                )
    for cycle, others in cycles(quantities):
        report(
            "unknown-reference",
            quantities[cycle[0]].location.line,
            "relations go round in a circle: " + _circle(cycle, len(others)),
            *cycle,
            *others,
        )
        broken.update(cycle, others)
    return broken


def _circle(cycle: list[str], others: int) -> str:
    """'a -> b -> a', its first names only when the cycle is long, and how many other
    quantities are caught in the same tangle."""
    shown = cycle if len(cycle) <= 10 else [*cycle[:8], f"... ({len(cycle) - 9:,} more)", cycle[-1]]
    text = " -> ".join([*shown, cycle[0]])
    return text + (f"; {others:,} more quantities relate through it" if others else "")
