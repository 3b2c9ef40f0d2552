"""What to do about a finding, in one sentence, for the reporters that say it (`--format
github` in each annotation, `figcheck add` under each finding the new figure takes part in).

Kept here, in one place, because the remedy depends on the rule: a divergence between
documents is corrected or accepted, but a data error can only be fixed, an unrecorded number
is recorded or ignored, and an acceptance to review is edited in accepted.yaml.
"""

from __future__ import annotations

from figcheck.model import Finding

DATA_ERROR = "fix the file; data errors cannot be accepted"

# The remedy for the rules whose findings are not a divergence between documents (at a
# severity where they are not data errors: FC104 and FC105 can be turned down to warnings,
# and FC104 notes a document without a text as info).
REMEDIES = {
    "FC104": "give the document its `text:` if it has none; otherwise correct the quote (or "
    "the `ignore:` text) to the document's words",
    "FC105": "correct the value or the quote, so that the quote says the value",
    "FC109": "edit the entry in accepted.yaml: give it a `why`, or remove it if its finding "
    "no longer occurs",
    "FC302": "record the number as a figure, or list it under `ignore:` with a `why` "
    "(`figcheck extract` lists the document's numbers)",
}


def advice(finding: Finding) -> str:
    """'correct the record, or, if the documents really diverge, figcheck accept ID ...'."""
    if finding.is_data_error:
        return DATA_ERROR
    if finding.rule in REMEDIES:
        return REMEDIES[finding.rule]
    return (
        "correct the record, or, if the documents really diverge, "
        f'figcheck accept {finding.id} --why "..."'
    )
