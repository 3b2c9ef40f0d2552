"""Reading accepted.yaml: the findings a person reviewed and judged real, each with why."""

from __future__ import annotations

from figcheck.ledger.fields import FINDING_ID, Fields
from figcheck.ledger.problems import FileProblems
from figcheck.ledger.yaml_reading import LineMap
from figcheck.model import Acceptance, Location
from figcheck.wording import quoted

ACCEPTED_FILE = "accepted.yaml"


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
        fields.unknown(("finding", "why"))
        finding = fields.text("finding", required=True)
        why = fields.text("why")
        if finding is not None and not FINDING_ID.fullmatch(finding):
            fields.error("finding", f"{quoted(finding)} is not a finding id like FC201:3f9a1c0b2d")
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
        result.append(Acceptance(finding, why, Location(report.file, entry.line)))
    return tuple(result)
