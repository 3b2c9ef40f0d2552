"""The registry of rules: every rule figcheck knows, by code.

Adding a rule means adding its module under figcheck/rules/ and one line to CATALOGUE.

The rules themselves (`RULES`, `LOAD_RULES`) are imported on first use (PEP 562): their
modules read texts, dates and numbers, and `figcheck rules` lists them from the catalogue
alone, in the time Python takes to start.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from figcheck.wording import quoted

if TYPE_CHECKING:
    from figcheck.ledger.problems import ProblemKind
    from figcheck.rules.base import Hit, LoadRule, Option, Rule

    RULES: dict[str, Rule]
    LOAD_RULES: dict[ProblemKind, LoadRule]

# One line per rule, in the order `figcheck rules` lists them: its module, and the code,
# default severity and title that its RULE declares (tests/test_layout.py holds them equal).
CATALOGUE: tuple[tuple[str, str, str, str], ...] = (
    ("fc101_invalid_record", "FC101", "error", "invalid record"),
    ("fc102_unknown_reference", "FC102", "error", "unknown reference"),
    ("fc103_duplicate", "FC103", "error", "duplicate"),
    ("fc104_quote_not_found", "FC104", "error", "quote not found"),
    ("fc105_value_not_in_quote", "FC105", "error", "value not in quote"),
    ("fc106_hedge_differs_from_quote", "FC106", "error", "hedge differs from quote"),
    ("fc109_acceptance_to_review", "FC109", "warning", "acceptance to review"),
    ("fc201_conflict", "FC201", "error", "conflict"),
    ("fc202_decrease", "FC202", "error", "decrease"),
    ("fc203_parts_exceed_whole", "FC203", "error", "parts exceed whole"),
    ("fc204_subset_exceeds_superset", "FC204", "error", "subset exceeds superset"),
    ("fc205_change_against_levels", "FC205", "error", "change against levels"),
    ("fc206_same_speaker", "FC206", "error", "same speaker, different figures"),
    ("fc207_compound_change", "FC207", "error", "compound change"),
    ("fc301_divergence", "FC301", "warning", "divergence"),
    ("fc302_unrecorded_number", "FC302", "warning", "unrecorded number"),
    ("fc303_relation_divergence", "FC303", "warning", "relation divergence"),
    ("fc304_unverifiable", "FC304", "info", "unverifiable"),
    ("fc305_rendering_differs", "FC305", "info", "rendering differs"),
)
MODULES = tuple(module for module, *_ in CATALOGUE)

# What __getattr__ imports on first use: the registry, and the base types re-exported here.
_FROM_BASE = ("Hit", "LoadRule", "Option", "Rule")


def __getattr__(name: str) -> Any:
    if name in ("RULES", "LOAD_RULES"):
        _registry()
        return globals()[name]
    if name in _FROM_BASE:
        from figcheck.rules import base

        return getattr(base, name)
    raise AttributeError(f"module 'figcheck.rules' has no attribute {name!r}")


def _registry() -> dict[str, Rule]:
    """RULES, made on first use: every rule's module imported, and LOAD_RULES with it."""
    made: dict[str, Rule] | None = globals().get("RULES")
    if made is not None:
        return made
    from figcheck.rules.base import LoadRule

    rules = {
        rule.code: rule for rule in (import_module(f"{__name__}.{name}").RULE for name in MODULES)
    }
    # The rules that report the problems found while reading a ledger, by the kind they report.
    load_rules = {rule.reports: rule for rule in rules.values() if isinstance(rule, LoadRule)}
    globals().update(RULES=rules, LOAD_RULES=load_rules)
    return rules


class UnknownRule(KeyError):
    def __str__(self) -> str:
        return f"no rule {quoted(self.args[0])}; `figcheck rules` lists them all"


def get(code: str) -> Rule:
    try:
        return _registry()[code.upper()]
    except KeyError:
        raise UnknownRule(code) from None


__all__ = [
    "CATALOGUE",
    "LOAD_RULES",
    "MODULES",
    "RULES",
    "Hit",
    "LoadRule",
    "Option",
    "Rule",
    "UnknownRule",
    "get",
]
