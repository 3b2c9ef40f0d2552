"""Accepting a finding: what `figcheck accept` does, without the command line.

An acceptance records that a person reviewed a divergence between documents and judged it
real, with the reason, and the figures as they were reviewed (each one's value as written,
approx and as_of, under `reviewed:`): it holds only while they are unchanged
(figcheck/reviewed.py). Only a finding that figcheck reports now can be accepted, and never a
data error (FC1xx): those say the ledger cannot be trusted as written, and are fixed in the
file instead. A new entry is appended to accepted.yaml as text (the file is created if
missing); accepting a finding again sets the entry's reason and figures where it stands; every
other byte of the file stays. Each change is made atomically and under the ledger's lock,
like `figcheck add`.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from figcheck import reviewed
from figcheck.engine import CheckResult, run_rules
from figcheck.findings import one_line
from figcheck.ledger import (
    ACCEPTED_FILE,
    FINDING_ID,
    Ledger,
    ledger_root,
    load_acceptances,
    load_ledger,
    yaml_reading,
)
from figcheck.model import Acceptance, Figure, Finding, Quantity
from figcheck.reviewed import Change
from figcheck.rules import RULES, Rule
from figcheck.wording import quoted
from figcheck.writing.atomic import Refused, atomic_write, ledger_lock, remove_stale_temporaries
from figcheck.writing.yaml_appending import (
    CannotAppend,
    DateText,
    FoldedText,
    Value,
    append_item,
    not_utf8,
    set_fields,
)

NEW_FILE = """\
# Divergences reviewed and judged real, each with the reason and the figures as they were
# reviewed (`figcheck accept ID --why TEXT` adds one). An accepted finding is still reported,
# marked accepted, and does not fail a run while its figures are unchanged.
"""


# A finding id, or the start of one (which is looked up only to suggest the whole id).
_ID_OR_START = re.compile(r"FC[0-9]{3}:[0-9a-f]{1,10}")
# The hash of a finding id without its rule: accepted when one current finding has it.
_HASH = re.compile(r"[0-9a-f]{10}")
FORM = (
    "write it as `figcheck check` shows it: FC, the rule's 3 digits, ':' and 10 hex digits "
    "(FC201:ce23244e26), or the 10 hex digits alone"
)


@dataclass(frozen=True)
class Target:
    """A current finding that can be accepted, as it stands: what figcheck shows before it
    writes. `earlier` is the entry that accepts it already, if one does."""

    finding: Finding
    figures: tuple[Figure, ...]  # the finding's figures as they are now
    earlier: Acceptance | None
    changes: tuple[Change, ...]  # how the figures differ from those `earlier` records
    result: CheckResult


@dataclass(frozen=True)
class Accepted:
    target: Target
    why: str
    file: str  # accepted.yaml, as shown to the user
    line: int  # where the entry starts
    entry: str  # the entry as written (or, in a dry run, as it would be)
    created: bool  # accepted.yaml did not exist before
    written: bool  # False in a dry run, or when the entry already said all this

    @property
    def finding(self) -> Finding:
        return self.target.finding

    @property
    def unchanged(self) -> bool:
        """The entry already accepted this finding for these figures, with this reason."""
        earlier = self.target.earlier
        return (
            earlier is not None
            and earlier.reviewed is not None
            and not self.target.changes
            and earlier.why == self.why
        )


def normal_id(text: str) -> str:
    """`fc201:CE23244E26 ` -> `FC201:ce23244e26`, the way figcheck writes finding ids; a
    hash alone in lower case."""
    rule, colon, digest = text.strip().partition(":")
    if not colon:
        return rule.lower()
    return f"{rule.upper()}{colon}{digest.lower()}"


def find_target(root: Path, finding_id: str, *, rules: Mapping[str, Rule] = RULES) -> Target:
    """The current finding `finding_id` names, as it stands, without writing anything (and
    without the lock): what `figcheck accept` shows, and asks the reason for, before it
    accepts. Raises Refused as accept_finding does."""
    typed = _check_form(finding_id)
    ledger = load_ledger(ledger_root(root))
    return _target(ledger, typed, rules)


def accept_finding(
    root: Path,
    finding_id: str,
    why: str,
    *,
    dry_run: bool = False,
    rules: Mapping[str, Rule] = RULES,
) -> Accepted:
    """Accept the current finding `finding_id` with the reason `why`: append {finding, why,
    reviewed} to accepted.yaml in the ledger at `root`, or, for a finding accepted already,
    set that entry's reason and figures to what they are now. Raises Refused (with nothing
    written) for an empty reason, an id that is not a current finding, a data error or a
    finding that cannot be accepted; LedgerNotFound and LockTimeout."""
    why = _check_why(why)
    typed = _check_form(finding_id)
    root = ledger_root(root)
    with ledger_lock(root):
        remove_stale_temporaries(root)
        ledger = load_ledger(root)
        target = _target(ledger, typed, rules)
        finding = target.finding
        path = root / ACCEPTED_FILE
        shown = ledger.display(path)
        created = not path.exists()
        text = NEW_FILE if created else _read(path, shown)
        figures = _reviewed_fields(target.figures)
        earlier = target.earlier
        try:
            if earlier is None:
                item: dict[str, Value] = {
                    "finding": finding.id,
                    "why": FoldedText(why),
                    "reviewed": figures,
                }
                appended = append_item(text, "accepted", item)
                new_text, line, entry = appended.text, appended.first_line, appended.item
            else:
                fields: dict[str, Value] = {"reviewed": figures}
                if earlier.why != why:
                    fields = {"why": FoldedText(why), **fields}
                index = _index_of(text, finding.id)
                edited = set_fields(text, "accepted", {index: fields})
                placed = edited.items[index]
                new_text, line, entry = edited.text, placed.first_line, placed.item
        except CannotAppend as error:
            raise Refused(f"cannot write to {shown}: {error}") from None
        accepted = Accepted(target, why, shown, line, entry, created, written=False)
        if accepted.unchanged:
            return accepted
        _check_reads_back(root, path, shown, new_text, ledger, [finding])
        if not dry_run:
            atomic_write(path, new_text.encode("utf-8"))
    return Accepted(target, why, shown, line, entry, created, written=not dry_run)


# -- recording the figures of entries written before figcheck recorded them -----------------


Skip = Literal["stale", "gone"]


@dataclass(frozen=True)
class Refreshed:
    file: str
    recorded: tuple[tuple[Acceptance, Finding, str], ...]  # each entry given its figures, as now
    kept: int  # entries that already record their figures, as they still are
    skipped: tuple[tuple[Acceptance, Skip, tuple[Change, ...]], ...]  # entries left alone
    written: bool
    quantities: Mapping[str, Quantity]  # the ledger's, to show the figures in their units


def refresh_acceptances(
    root: Path, *, dry_run: bool = False, rules: Mapping[str, Rule] = RULES
) -> Refreshed:
    """Record, in each entry of accepted.yaml that records no figures and whose finding still
    occurs, the finding's figures as they are now. Entries whose figures changed since they
    were recorded are left alone (their findings must be reviewed again: `figcheck accept`),
    and so are entries whose finding no longer occurs."""
    root = ledger_root(root)
    with ledger_lock(root):
        remove_stale_temporaries(root)
        ledger = load_ledger(root)
        result = _checked(ledger, rules)
        path = root / ACCEPTED_FILE
        shown = ledger.display(path)
        by_id = {f.id: f for f in result.findings}
        to_record: list[tuple[Acceptance, Finding]] = []
        skipped: list[tuple[Acceptance, Skip, tuple[Change, ...]]] = []
        kept = 0
        for entry in ledger.acceptances:
            finding = by_id.get(entry.finding)
            if finding is None:
                skipped.append((entry, "gone", ()))
            elif entry.reviewed is None:
                to_record.append((entry, finding))
            elif entry.finding in result.accepted:
                kept += 1
            else:
                changed = reviewed.changes(entry.reviewed, finding, ledger.figures)
                skipped.append((entry, "stale", changed))
        if not to_record:
            return Refreshed(shown, (), kept, tuple(skipped), False, ledger.quantities)
        text = _read(path, shown)
        indexes = _indexes(text)
        places = {entry.finding: _index_of(text, entry.finding, indexes) for entry, _ in to_record}
        changes = {
            places[entry.finding]: {"reviewed": _reviewed_fields(_figures(ledger, f))}
            for entry, f in to_record
        }
        try:
            edited = set_fields(text, "accepted", changes)
        except CannotAppend as error:
            raise Refused(f"cannot write to {shown}: {error}") from None
        findings = [f for _, f in to_record]
        _check_reads_back(root, path, shown, edited.text, ledger, findings)
        if not dry_run:
            atomic_write(path, edited.text.encode("utf-8"))
    recorded = tuple(
        (entry, finding, edited.items[places[entry.finding]].item) for entry, finding in to_record
    )
    return Refreshed(shown, recorded, kept, tuple(skipped), not dry_run, ledger.quantities)


# -- listing --------------------------------------------------------------------------------

State = Literal["current", "unrecorded", "stale", "gone", "unchecked"]


@dataclass(frozen=True)
class AcceptanceState:
    """One entry of accepted.yaml and what it does now: `current` (it holds, for figures as
    reviewed), `unrecorded` (it holds, but records no figures), `stale` (its figures changed:
    it does not hold), `gone` (its finding no longer occurs), `unchecked` (its rule is off,
    so figcheck cannot tell)."""

    entry: Acceptance
    state: State
    finding: Finding | None
    changes: tuple[Change, ...] = ()


def list_acceptances(
    root: Path, *, rules: Mapping[str, Rule] = RULES
) -> tuple[Ledger, tuple[AcceptanceState, ...]]:
    """Every entry of the ledger's accepted.yaml, with its state. Raises Refused when the
    ledger has data errors (which findings occur is then unknown)."""
    ledger = load_ledger(ledger_root(root))
    result = _checked(ledger, rules)
    by_id = {f.id: f for f in result.findings}
    states = []
    for entry in ledger.acceptances:
        finding = by_id.get(entry.finding)
        code = entry.finding.split(":")[0]
        if finding is None:
            off = code in rules and ledger.config.severity(code) == "off"
            states.append(AcceptanceState(entry, "unchecked" if off else "gone", None))
        elif entry.reviewed is None:
            states.append(AcceptanceState(entry, "unrecorded", finding))
        elif entry.finding in result.accepted:
            states.append(AcceptanceState(entry, "current", finding))
        else:
            changed = reviewed.changes(entry.reviewed, finding, ledger.figures)
            states.append(AcceptanceState(entry, "stale", finding, changed))
    return ledger, tuple(states)


# -- shared ---------------------------------------------------------------------------------


def _check_why(why: str) -> str:
    why = why.strip()
    if not why:
        raise Refused(
            "--why is empty; say why the divergence is real, for the next reader "
            "(different dates, different definitions, rounding, a revised figure)"
        )
    problem = not_utf8(why)
    if problem:
        raise Refused(f"--why {problem}")
    return why


def _check_form(finding_id: str) -> str:
    """The id as figcheck writes it, or Refused when it is not shaped like one."""
    typed, normal = finding_id.strip(), normal_id(finding_id)
    if not (_ID_OR_START.fullmatch(normal) or _HASH.fullmatch(normal)):
        raise Refused(f"{quoted(typed)} is not a finding id; {FORM}")
    return normal


def _checked(ledger: Ledger, rules: Mapping[str, Rule]) -> CheckResult:
    """The ledger's findings; Refused when it has data errors (the consistency rules do not
    run, so which findings are current is unknown)."""
    data_errors = [p for p in ledger.problems if p.is_data_error]
    if data_errors:
        raise Refused(
            "the ledger has data errors, so figcheck cannot tell which findings are "
            "current; fix them first",
            tuple(one_line(p) for p in data_errors),
        )
    return run_rules(ledger, rules)


def _target(ledger: Ledger, finding_id: str, rules: Mapping[str, Rule]) -> Target:
    if any(p.id == finding_id for p in ledger.problems):
        _current(finding_id, ledger.problems)  # refuses, naming the data error
    result = _checked(ledger, rules)
    findings = result.findings
    whole_id = _whole_id(finding_id, findings)
    if not any(f.id == whole_id for f in findings):
        # One of the findings that another sums up (FC302 beyond the first N of a text)?
        summed_up = next((f for f in result.each_finding() if f.id == whole_id), None)
        findings = (*findings, summed_up) if summed_up is not None else findings
    finding = _current(whole_id, findings)
    earlier = next((a for a in ledger.acceptances if a.finding == finding.id), None)
    changes: tuple[Change, ...] = ()
    if earlier is not None and earlier.reviewed is not None:
        changes = reviewed.changes(earlier.reviewed, finding, ledger.figures)
    return Target(finding, _figures(ledger, finding), earlier, changes, result)


def _whole_id(typed: str, findings: Iterable[Finding]) -> str:
    """A hash alone as the one current finding id that has it; anything else as typed."""
    if not _HASH.fullmatch(typed):
        return typed
    ids = sorted({f.id for f in findings})
    having = [i for i in ids if i.partition(":")[2] == typed]
    if len(having) == 1:
        return having[0]
    if having:
        raise Refused(
            f"{typed} is the hash of {len(having)} current findings, {' and '.join(having)}; "
            "give the whole id"
        )
    close = difflib.get_close_matches(typed, [i.partition(":")[2] for i in ids], n=3, cutoff=0.6)
    hint = " or ".join(i for i in ids if i.partition(":")[2] in close)
    raise Refused(
        f"no current finding has the hash {typed}{f' (did you mean {hint}?)' if hint else ''}; "
        "`figcheck check` lists the findings with their ids"
    )


def _figures(ledger: Ledger, finding: Finding) -> tuple[Figure, ...]:
    return tuple(ledger.figures[full_id] for full_id in finding.figures)


def _reviewed_fields(figures: Iterable[Figure]) -> dict[str, Value]:
    """`reviewed:` as accepted.yaml holds it: each figure's value with its digits, approx and
    as_of as written, by full id."""
    return {
        figure.full_id: {
            "value": list(figure.value) if isinstance(figure.value, tuple) else figure.value,
            "approx": figure.approx,
            "as_of": DateText(figure.as_of.text),
        }
        for figure in figures
    }


def _indexes(text: str) -> dict[str, int]:
    """The place of each entry in accepted.yaml's list, by the finding it accepts."""
    try:
        data, _ = yaml_reading.loads(text)
    except yaml_reading.YamlError:
        return {}
    entries = data.get("accepted") if isinstance(data, dict) else None
    return {
        entry["finding"]: index
        for index, entry in enumerate(entries if isinstance(entries, list) else [])
        if isinstance(entry, dict) and isinstance(entry.get("finding"), str)
    }


def _index_of(text: str, finding_id: str, indexes: Mapping[str, int] | None = None) -> int:
    """The place in accepted.yaml's list of the entry that accepts `finding_id`."""
    index = (_indexes(text) if indexes is None else indexes).get(finding_id)
    if index is None:  # the file was read as the ledger was loaded: someone edited it since
        raise Refused(f"accepted.yaml no longer accepts {finding_id}; run figcheck again")
    return index


def _check_reads_back(
    root: Path, path: Path, shown: str, text: str, ledger: Ledger, findings: Iterable[Finding]
) -> None:
    """The new accepted.yaml must read without problems, and accept each of `findings` for
    its figures as they are now."""
    acceptances, problems = load_acceptances(root, {path: text})
    by_id = {a.finding: a for a in acceptances}
    for finding in findings:
        entry = by_id.get(finding.id)
        if problems or entry is None or not reviewed.holds(entry, finding, ledger.figures):
            raise Refused(
                f"{shown} would not read back as intended; fix it first",
                tuple(one_line(p) for p in problems),
            )


def _current(finding_id: str, findings: tuple[Finding, ...]) -> Finding:
    """The current finding with this id; refuses ids that are not current or not acceptable."""
    by_id = {f.id: f for f in findings}
    finding = by_id.get(finding_id)
    if finding is None:
        hint = _suggest(finding_id, by_id)
        if not hint and not FINDING_ID.fullmatch(finding_id):
            hint = " (a finding id has 10 hex digits after the colon)"
        raise Refused(
            f"{quoted(finding_id)} is not a current finding{hint}; "
            "`figcheck check` lists the findings with their ids"
        )
    where = ", ".join(str(loc) for loc in finding.locations) or "the ledger"
    why_not = RULES[finding.rule].not_acceptable
    if why_not is not None:
        raise Refused(f"{finding_id} ({finding.rule} {finding.title}) {why_not} at {where}")
    if finding.is_data_error:
        raise Refused(
            f"{finding_id} is a data error ({finding.rule} {finding.title}), which cannot be "
            f"accepted: the ledger cannot be trusted as written. Fix {where}"
        )
    return finding


def _suggest(finding_id: str, ids: Mapping[str, Finding]) -> str:
    """' (did you mean FC201:ce23244e26?)' for a prefix or a near miss, else ''."""
    close = [i for i in ids if len(finding_id) >= 4 and i.startswith(finding_id)]
    close = close or difflib.get_close_matches(finding_id, list(ids), n=3, cutoff=0.6)
    return f" (did you mean {' or '.join(close[:3])}?)" if close else ""


def _read(path: Path, shown: str) -> str:
    try:
        return path.read_bytes().decode("utf-8")
    except OSError as error:
        raise Refused(f"{shown} cannot be read: {error.strerror or error}") from None
    except UnicodeDecodeError:
        raise Refused(f"{shown} is not UTF-8 text; save it as UTF-8") from None
