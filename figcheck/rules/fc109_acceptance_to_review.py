"""FC109 acceptance to review: an entry in accepted.yaml that no longer does its job.

An acceptance records that a person reviewed a finding and judged it a real divergence
between documents, with the reason. An entry without a `why` explains nothing to the next
reader; an entry whose finding no longer occurs (the figures were corrected, or removed)
hides nothing and only makes the list rot. Both are reported so that the list stays true.

Passes:

    accepted:
      - finding: FC301:3f9a1c0b2d       # a finding figcheck still reports
        why: The FSB counts fighters in Syria and Iraq; the ministry counts departures to Syria.

Fails (no reason, and an id that no current finding has):

    accepted:
      - finding: FC301:3f9a1c0b2d
      - finding: FC201:0000000000
        why: an old conflict
"""

from figcheck.rules.base import Rule

RULE = Rule(
    code="FC109",
    title="acceptance to review",
    severity="warning",
    doc=__doc__ or "",
    scope="ledger",
)
