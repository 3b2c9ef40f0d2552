"""The registry of rules: every rule figcheck knows, by code.

Adding a rule means adding its module under figcheck/rules/ and one line below.
"""

from __future__ import annotations

from importlib import import_module

from figcheck.ledger.problems import ProblemKind
from figcheck.rules.base import Hit, LoadRule, Option, Rule
from figcheck.wording import quoted

# One line per rule, in the order `figcheck rules` lists them.
MODULES = (
    "fc101_invalid_record",
    "fc102_unknown_reference",
    "fc103_duplicate",
    "fc104_quote_not_found",
    "fc105_value_not_in_quote",
    "fc106_hedge_differs_from_quote",
    "fc109_acceptance_to_review",
    "fc201_conflict",
    "fc202_decrease",
    "fc203_parts_exceed_whole",
    "fc204_subset_exceeds_superset",
    "fc205_change_against_levels",
    "fc206_same_speaker",
    "fc207_compound_change",
    "fc301_divergence",
    "fc302_unrecorded_number",
    "fc303_relation_divergence",
    "fc304_unverifiable",
    "fc305_rendering_differs",
)

RULES: dict[str, Rule] = {
    rule.code: rule for rule in (import_module(f"{__name__}.{name}").RULE for name in MODULES)
}


# The rules that report the problems found while reading a ledger, by the kind they report.
LOAD_RULES: dict[ProblemKind, LoadRule] = {
    rule.reports: rule for rule in RULES.values() if isinstance(rule, LoadRule)
}


class UnknownRule(KeyError):
    def __str__(self) -> str:
        return f"no rule {quoted(self.args[0])}; `figcheck rules` lists them all"


def get(code: str) -> Rule:
    try:
        return RULES[code.upper()]
    except KeyError:
        raise UnknownRule(code) from None


__all__ = ["LOAD_RULES", "RULES", "Hit", "Option", "Rule", "UnknownRule", "get"]
