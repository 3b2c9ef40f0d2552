"""FC109 acceptance to review: an entry in accepted.yaml that no longer does its job.

An acceptance records that a person reviewed a finding and judged it a real divergence
between documents, with the reason. An entry without a `why` explains nothing to the next
reader; an entry whose finding no longer occurs (the figures were corrected, or removed)
hides nothing and only makes the list rot; an entry for a finding of a rule whose findings
cannot be accepted (an unrecorded number, FC302, is recorded or listed under `ignore:`
with its reason; an entry of this rule is mended in accepted.yaml) accepts nothing. All
are reported so that the list stays true.

Passes (an acceptance of a conflict figcheck reports, with its reason):

    quantities: {fighters: {}}
    figures:
      - {quantity: fighters, value: 2200, as_of: 2015}
      - {quantity: fighters, value: 2900, as_of: 2015-12}
    accepted:
      - finding: FC201:5e6dd13c3e
        why: The FSB counts fighters in Syria and Iraq; the ministry counts those in Syria.

Fails (no reason):

    quantities: {fighters: {}}
    figures:
      - {quantity: fighters, value: 2200, as_of: 2015}
      - {quantity: fighters, value: 2900, as_of: 2015-12}
    accepted:
      - finding: FC201:5e6dd13c3e

Fails (an id that no current finding has):

    quantities: {fighters: {}}
    figures:
      - {quantity: fighters, value: 2200, as_of: 2015}
    accepted:
      - {finding: FC201:0000000000, why: an old conflict}
"""

from __future__ import annotations

from collections.abc import Iterator

from figcheck.model import Acceptance
from figcheck.rules.base import AcceptanceReview, AcceptanceRule, Hit, Options, Rule


def find(review: AcceptanceReview, options: Options) -> Iterator[Hit]:
    # Whether an acceptance's finding still occurs is known only when the rules ran (the list
    # of this run's findings is then complete) and its rule is on.
    for entry in review.entries:
        if not entry.why:
            yield _hit(
                entry,
                "why",
                f"the acceptance of {entry.finding} gives no `why`; say why the divergence is "
                "real, so that the next reader does not have to find out again",
            )
        code = entry.finding.split(":")[0]
        rule = _rule(code)
        if code not in review.rules_on:
            yield _hit(entry, "stale", f"{entry.finding} names no rule figcheck has")
        elif rule is not None and rule.not_acceptable is not None:
            yield _hit(
                entry,
                "not-acceptable",
                f"{entry.finding} ({rule.title}) cannot be accepted: it {rule.not_acceptable}. "
                "Remove this entry, which accepts nothing",
            )
        elif review.rules_on[code] and review.rules_ran and entry.finding not in review.current:
            yield _hit(
                entry,
                "stale",
                f"{entry.finding} is accepted but no longer occurs; remove the entry "
                "(the figures it was about were corrected or removed)",
            )


def _rule(code: str) -> Rule | None:
    from figcheck.rules import RULES  # the registry imports this module

    return RULES.get(code)


def _hit(entry: Acceptance, kind: str, message: str) -> Hit:
    return Hit(message, (), None, locations=(entry.location,), subject=(kind, entry.finding))


RULE = AcceptanceRule(
    code="FC109",
    title="acceptance to review",
    severity="warning",
    doc=__doc__ or "",
    find=find,
    remedy="edit the entry in accepted.yaml: give it a `why`, or remove it if its finding "
    "no longer occurs",
    not_acceptable="is about accepted.yaml itself; fix or remove the entry",
)
