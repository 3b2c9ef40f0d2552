"""Reading accepted.yaml: the findings a person reviewed and judged real, each with why,
and the figures as they were reviewed:

    accepted:
      - finding: FC301:ce23244e26
        why: Two speakers, two dates.
        reviewed:                       # written by `figcheck accept`
          icg-departure-report/fsb-fighters:
            value: 2900
            approx: exact
            as_of: 2015-12?
"""

from __future__ import annotations

import re

from figcheck.ledger.fields import FINDING_ID, RECORD_ID, Fields
from figcheck.ledger.problems import FileProblems
from figcheck.ledger.yaml_reading import LineMap
from figcheck.model import APPROXES, Acceptance, Location, ReviewedFigure
from figcheck.wording import quoted, type_name

ACCEPTED_FILE = "accepted.yaml"
ACCEPTANCE_FIELDS = ("finding", "why", "reviewed")
REVIEWED_FIELDS = ("value", "approx", "as_of")
REQUIRED_REVIEWED_FIELDS = ("value", "as_of")
FULL_ID = re.compile(f"{RECORD_ID.pattern}/{RECORD_ID.pattern}")


def read(data: object, report: FileProblems) -> tuple[Acceptance, ...]:
    """The acceptances of the parsed accepted.yaml (None when it is empty)."""
    if data is None:
        return ()
    if not isinstance(data, LineMap) or not isinstance(data.get("accepted", []), list):
        report("invalid", 1, "accepted.yaml must hold a list under `accepted:`")
        return ()
    for key in data:
        if key != "accepted":
            report(
                "invalid",
                data.line_of(key),
                f"unknown top-level key {quoted(key)}; accepted.yaml holds only `accepted:`",
            )
    seen: dict[str, int] = {}
    result = []
    for entry in data.get("accepted") or []:
        if not isinstance(entry, LineMap):
            report(
                "invalid",
                data.line_of("accepted"),
                "each acceptance must be a mapping with finding and why",
            )
            continue
        fields = Fields(report, entry, "acceptance")
        fields.unknown(ACCEPTANCE_FIELDS)
        finding = fields.text("finding", required=True)
        why = fields.text("why")
        if finding is not None and not FINDING_ID.fullmatch(finding):
            fields.error("finding", f"{quoted(finding)} is not a finding id like FC201:3f9a1c0b2d")
        reviewed = _reviewed(entry, fields, report, finding or "an acceptance")
        if fields.failed or finding is None:
            continue
        if finding in seen:
            report(
                "duplicate",
                entry.line,
                f"finding {finding} is already accepted at line {seen[finding]}",
                finding,
            )
            continue
        seen[finding] = entry.line
        result.append(Acceptance(finding, why, Location(report.file, entry.line), reviewed))
    return tuple(result)


def _reviewed(
    entry: LineMap, fields: Fields, report: FileProblems, finding: str
) -> tuple[ReviewedFigure, ...] | None:
    """The figures of `reviewed:`, keyed by full id; None when the entry has none (an entry
    written before figcheck recorded them). Problems name the finding and the figure."""
    data = entry.get("reviewed")
    if data is None:
        return None
    if not isinstance(data, LineMap):
        fields.error(
            "reviewed",
            f"`reviewed` must map each figure's full id to its value, approx and as_of, not "
            f"{type_name(data)}",
        )
        return None
    figures = []
    for full_id, record in data.items():
        line = data.line_of(full_id)
        if not isinstance(full_id, str) or not FULL_ID.fullmatch(full_id):
            fields.failed = True
            report(
                "invalid",
                line,
                f"{finding}: reviewed figure {quoted(str(full_id))} is not a figure's full id "
                "like document/figure",
            )
            continue
        if not isinstance(record, LineMap):
            fields.failed = True
            report(
                "invalid",
                line,
                f"{finding}: reviewed figure {full_id} must be a mapping with value, approx "
                f"and as_of, not {type_name(record)}",
            )
            continue
        figure = Fields(report, record, f"{finding}: reviewed figure {full_id}")
        figure.unknown(REVIEWED_FIELDS)
        approx = figure.choice("approx", APPROXES) or "exact"
        value = figure.value(approx)
        as_of = figure.date("as_of", 0, required=True)
        if figure.failed or value is None or as_of is None:
            fields.failed = True
            continue
        figures.append(
            ReviewedFigure(
                full_id,
                value,
                approx,  # type: ignore[arg-type]  # one of APPROXES: figure.choice checked it
                as_of.text,
                Location(report.file, line),
            )
        )
    return tuple(figures)
