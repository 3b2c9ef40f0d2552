"""Defining a quantity, and relating one to others: what `figcheck quantity add` and
`figcheck quantity relate` do, without the command line.

The entry (or the relation) is written into quantities.yaml as text, in the file's own
indentation, every other byte kept (figcheck/writing/yaml_appending.py), then the ledger is
loaded with the new content in place of the file, through the loader `figcheck check` uses:
a change that brings a data error (an unknown quantity, a cycle of relations, units that
differ, figures that the new kind does not allow) writes nothing. Then the rules run, and
the findings the change brings are shown (a relation can make figures that were fine
exceed their new superset). Reading, validating and writing happen under the ledger's lock
(figcheck/writing/atomic.py).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from figcheck.engine import run_rules
from figcheck.ledger import Ledger, ledger_root, load_ledger, yaml_reading
from figcheck.ledger.fields import QUANTITY_ID
from figcheck.model import KINDS
from figcheck.rules import RULES, Rule
from figcheck.wording import did_you_mean, quoted
from figcheck.writing.atomic import Refused, atomic_write, ledger_lock, remove_stale_temporaries
from figcheck.writing.changing import Change, new_data_errors, new_findings, read_text
from figcheck.writing.yaml_appending import (
    Appended,
    CannotAppend,
    add_entry,
    extend_field,
    not_utf8,
    set_field,
)

QUANTITIES_FILE = "quantities.yaml"


@dataclass(frozen=True)
class NewQuantity:
    id: str
    label: str
    unit: str
    kind: str
    subset_of: tuple[str, ...] = ()
    parts: tuple[str, ...] = ()
    exhaustive: bool = False
    of: str | None = None
    window_days: int | None = None
    note: str | None = None

    def record(self) -> dict[str, Any]:
        """The entry as written, fields in the order of the ledger format."""
        entry: dict[str, Any] = {"label": self.label, "unit": self.unit, "kind": self.kind}
        if self.parts:
            entry["parts"] = list(self.parts)
        if self.exhaustive:
            entry["exhaustive"] = True
        if self.subset_of:
            entry["subset_of"] = list(self.subset_of)
        if self.of:
            entry["of"] = self.of
        if self.window_days is not None:
            entry["window_days"] = self.window_days
        if self.note:
            entry["note"] = self.note
        return entry


@dataclass(frozen=True)
class Relation:
    """Relations to add to an existing quantity."""

    subset_of: tuple[str, ...] = ()
    parts: tuple[str, ...] = ()
    of: str | None = None
    exhaustive: bool = False

    def given(self) -> bool:
        return bool(self.subset_of or self.parts or self.of or self.exhaustive)

    def describe(self) -> str:
        """'within a, b; parts c; change of d; exhaustive'."""
        said = []
        if self.subset_of:
            said.append("within " + ", ".join(self.subset_of))
        if self.parts:
            said.append("parts " + ", ".join(self.parts))
        if self.of:
            said.append(f"change of {self.of}")
        if self.exhaustive:
            said.append("exhaustive")
        return "; ".join(said)


@dataclass(frozen=True)
class Defined(Change):
    quantity: str = ""
    naming: int = 0  # figures of the ledger that name the quantity


def define_quantity(
    root: Path, quantity: NewQuantity, *, dry_run: bool = False, rules: Mapping[str, Rule] = RULES
) -> Defined:
    """Add `quantity` to the ledger's quantities.yaml (created if missing). Raises Refused
    when it cannot go ahead as asked (nothing written); LedgerNotFound, LockTimeout."""
    _refuse_text_that_is_not_utf8(quantity)
    if not QUANTITY_ID.fullmatch(quantity.id):
        raise Refused(
            f"quantity id {quoted(quantity.id)} must be lowercase letters, digits and hyphens, "
            "starting with a letter or digit (ru-departed-syria)"
        )
    if quantity.kind not in KINDS:
        raise Refused(f"--kind {quoted(quantity.kind)} is not one of {' | '.join(KINDS)}")
    root = ledger_root(root)
    with ledger_lock(root):
        remove_stale_temporaries(root)
        path, shown, text, created = _quantities_file(root)
        before = load_ledger(root)
        try:
            appended = add_entry(text, "quantities", quantity.id, quantity.record())
        except CannotAppend as error:
            if f"has {quantity.id} already" in str(error):
                raise Refused(
                    f"{quantity.id} is defined already in {shown}; `figcheck quantity relate "
                    f"{quantity.id} ...` adds relations to it"
                ) from None
            raise Refused(f"cannot add a quantity to {shown}: {error}") from None
        change = _validate(root, before, path, shown, appended, created, rules, dry_run)
    after_figures = change.result.ledger.figures if change.result is not None else {}
    naming = sum(1 for f in after_figures.values() if f.quantity == quantity.id)
    return replace(change, quantity=quantity.id, naming=naming)


def relate_quantity(
    root: Path,
    quantity_id: str,
    relation: Relation,
    *,
    dry_run: bool = False,
    rules: Mapping[str, Rule] = RULES,
) -> Defined:
    """Add `relation` to the quantity `quantity_id` of quantities.yaml. Raises Refused when
    it cannot go ahead as asked (nothing written); LedgerNotFound, LockTimeout."""
    if not relation.given():
        raise Refused("give a relation to add: --subset-of ID, --parts ID, --of ID or --exhaustive")
    root = ledger_root(root)
    with ledger_lock(root):
        remove_stale_temporaries(root)
        path, shown, text, created = _quantities_file(root)
        if created:
            raise Refused(f"{shown} does not exist; `figcheck quantity add` defines a quantity")
        before = load_ledger(root)
        current = _entry(text, shown, quantity_id, before)
        new = _related(text, shown, quantity_id, relation, current)
        change = _validate(root, before, path, shown, new, created, rules, dry_run)
    return replace(change, quantity=quantity_id)


def _refuse_text_that_is_not_utf8(quantity: NewQuantity) -> None:
    for name, given in vars(quantity).items():
        for text in given if isinstance(given, tuple) else (given,):
            problem = not_utf8(text) if isinstance(text, str) else None
            if problem:
                raise Refused(f"--{name.replace('_', '-')} {problem}")


def _quantities_file(root: Path) -> tuple[Path, str, str, bool]:
    """quantities.yaml: its path, as shown, its text ('' when missing), whether it is new."""
    path = root / QUANTITIES_FILE
    shown = os.path.normpath(os.path.join(os.fspath(root), QUANTITIES_FILE))
    if not path.exists():
        return path, shown, "", True
    return path, shown, read_text(path, shown), False


def _entry(text: str, shown: str, quantity_id: str, ledger: Ledger) -> Mapping[str, Any]:
    """The quantity's entry as the file holds it; Refused if it has none."""
    try:
        data, _ = yaml_reading.loads(text)
    except yaml_reading.YamlError as error:
        raise Refused(f"{shown}:{error.line}: {error}; fix it first") from None
    table = data.get("quantities") if isinstance(data, dict) else None
    entry = table.get(quantity_id) if isinstance(table, dict) else None
    if not isinstance(entry, dict):
        hint = did_you_mean(quantity_id, ledger.quantities)
        raise Refused(
            f"{quoted(quantity_id)} is not a quantity of {shown}{hint}; "
            f"`figcheck quantity add {quantity_id} ...` defines it"
        )
    return entry


def _related(
    text: str, shown: str, quantity_id: str, relation: Relation, entry: Mapping[str, Any]
) -> Appended:
    """The text with the relations added, each checked against what the entry says."""
    steps: list[tuple[str, object]] = []
    for field, names in (("subset_of", relation.subset_of), ("parts", relation.parts)):
        given = entry.get(field) or []
        have = [n for n in names if n in given]
        if have:
            what = "within" if field == "subset_of" else "made of"
            raise Refused(f"{quantity_id} is {what} {', '.join(have)} already ({shown})")
        if names:
            steps.append((field, list(dict.fromkeys(names))))
    if relation.of:
        if entry.get("of") not in (None, relation.of):
            raise Refused(
                f"{quantity_id} is a change of {entry['of']} already ({shown}); a change has "
                "one level: edit `of:` by hand if it is wrong"
            )
        if entry.get("of") == relation.of:
            raise Refused(f"{quantity_id} is a change of {relation.of} already ({shown})")
        steps.append(("of", relation.of))
    if relation.exhaustive:
        if entry.get("exhaustive") is True:
            raise Refused(f"{quantity_id} is exhaustive already ({shown})")
        steps.append(("exhaustive", True))
    first = last = 0
    for field, value in steps:
        try:
            if isinstance(value, list):
                done = extend_field(text, "quantities", quantity_id, field, value)
            else:
                done = set_field(text, "quantities", quantity_id, field, value)  # type: ignore[arg-type]
        except CannotAppend as error:
            raise Refused(f"cannot change {quantity_id} in {shown}: {error}") from None
        text = done.text
        first = min(first or done.first_line, done.first_line)
        last = max(last, done.last_line)
    lines = text.splitlines()
    item = "\n".join(lines[first - 1 : last])
    return Appended(text, first, last, item)


def _validate(
    root: Path,
    before: Ledger,
    path: Path,
    shown: str,
    appended: Appended,
    created: bool,
    rules: Mapping[str, Rule],
    dry_run: bool,
) -> Defined:
    after = load_ledger(root, {path: appended.text})
    change = Defined(
        file=after.display(path),
        first_line=appended.first_line,
        last_line=appended.last_line,
        item=appended.item,
        created=created,
        written=False,
    )
    problems = new_data_errors(before, after)
    if problems:
        return replace(change, problems=problems)
    result = run_rules(after, rules)
    found = new_findings(run_rules(before, rules), result)
    if not dry_run:
        atomic_write(path, appended.text.encode("utf-8"))
    return replace(change, written=not dry_run, result=result, findings=found)
