"""Accepting a finding: what `figcheck accept` does, without the command line.

An acceptance records that a person reviewed a divergence between documents and judged it
real, with the reason. Only a finding that figcheck reports now can be accepted, and never a
data error (FC1xx): those say the ledger cannot be trusted as written, and are fixed in the
file instead. The entry is appended to accepted.yaml as text (the file is created if
missing), atomically and under the ledger's lock, like `figcheck add`.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from figcheck.engine import run_rules
from figcheck.findings import one_line
from figcheck.ledger import (
    ACCEPTED_FILE,
    FINDING_ID,
    ledger_root,
    load_acceptances,
    load_ledger,
)
from figcheck.model import Finding
from figcheck.rules import RULES, Rule
from figcheck.wording import quoted
from figcheck.writing.atomic import Refused, atomic_write, ledger_lock, remove_stale_temporaries
from figcheck.writing.yaml_appending import CannotAppend, append_item, not_utf8

NEW_FILE = """\
# Divergences reviewed and judged real, each with the reason (`figcheck accept ID --why TEXT`
# adds one). An accepted finding is still reported, marked accepted, and never fails a run.
"""


# A finding id, or the start of one (which is looked up only to suggest the whole id).
_ID_OR_START = re.compile(r"FC[0-9]{3}:[0-9a-f]{1,10}")
FORM = (
    "write it as `figcheck check` shows it: FC, the rule's 3 digits, ':' and 10 hex digits "
    "(FC201:ce23244e26)"
)


@dataclass(frozen=True)
class Accepted:
    finding: Finding
    why: str
    file: str  # accepted.yaml, as shown to the user
    line: int  # where the new entry starts
    created: bool  # accepted.yaml did not exist before


def normal_id(text: str) -> str:
    """`fc201:CE23244E26 ` -> `FC201:ce23244e26`, the way figcheck writes finding ids."""
    rule, colon, digest = text.strip().partition(":")
    return f"{rule.upper()}{colon}{digest.lower()}"


def accept_finding(
    root: Path, finding_id: str, why: str, *, rules: Mapping[str, Rule] = RULES
) -> Accepted:
    """Append {finding, why} to accepted.yaml in the ledger at `root`. Raises Refused (with
    nothing written) for an empty reason, an id that is not a current finding, a data error,
    or a finding already accepted; LedgerNotFound and LockTimeout."""
    why = why.strip()
    if not why:
        raise Refused(
            "--why is empty; say why the divergence is real, for the next reader "
            "(different dates, different definitions, rounding, a revised figure)"
        )
    problem = not_utf8(why)
    if problem:
        raise Refused(f"--why {problem}")
    typed, finding_id = finding_id.strip(), normal_id(finding_id)
    if not _ID_OR_START.fullmatch(finding_id):
        raise Refused(f"{quoted(typed)} is not a finding id; {FORM}")
    root = ledger_root(root)
    with ledger_lock(root):
        remove_stale_temporaries(root)
        ledger = load_ledger(root)
        data_errors = [p for p in ledger.problems if p.is_data_error]
        if data_errors:
            if any(p.id == finding_id for p in ledger.problems):
                _current(finding_id, ledger.problems)  # refuses, naming the data error
            raise Refused(
                "the ledger has data errors, so figcheck cannot tell which findings are "
                "current; fix them first",
                tuple(one_line(p) for p in data_errors),
            )
        result = run_rules(ledger, rules)
        findings = result.findings
        if not any(f.id == finding_id for f in findings):
            # One of the findings that another sums up (FC302 beyond the first N of a text)?
            found = next((f for f in result.each_finding() if f.id == finding_id), None)
            findings = (*findings, found) if found is not None else findings
        finding = _current(finding_id, findings)
        earlier = next((a for a in ledger.acceptances if a.finding == finding_id), None)
        if earlier is not None:
            raise Refused(f"{finding_id} is already accepted at {earlier.location}")
        path = root / ACCEPTED_FILE
        created = not path.exists()
        text = NEW_FILE if created else _read(path, ledger.display(path))
        try:
            appended = append_item(text, "accepted", {"finding": finding_id, "why": why})
        except CannotAppend as error:
            raise Refused(f"cannot add to {ledger.display(path)}: {error}") from None
        acceptances, problems = load_acceptances(root, {path: appended.text})
        if problems or not acceptances or acceptances[-1].finding != finding_id:
            raise Refused(
                f"{ledger.display(path)} would not read back as intended; fix it first",
                tuple(one_line(p) for p in problems),
            )
        atomic_write(path, appended.text.encode("utf-8"))
    return Accepted(finding, why, ledger.display(path), appended.first_line, created)


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
