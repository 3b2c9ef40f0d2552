"""Small ledgers whose check results exercise every output format (fixtures in conftest.py).

`mixed` has errors (FC201), an accepted conflict, a conflict whose acceptance shares its test
case with unaccepted ones, a warning (FC109, a stale acceptance) and an info finding (FC301,
turned down to info in figcheck.yaml). Its first source file has a comma and a colon in its
name, and one speaker's name holds `|`, `%`, a line break and a control character, so that
every format's escaping is put to work. `data_error` cannot be read as written (FC101);
`clean` has no finding; `no_quantities` lacks quantities.yaml, a data error about a whole
file (line 0).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from figcheck import check, load_ledger
from figcheck.engine import CheckResult
from figcheck.findings import finding_id

ODD_FILE = "a,b:c.yaml"
ODD_SPEAKER = "Ana | 100% Ruiz\nof the\x07 ministry"
# What text output must never hold raw, as a terminal would act on it rather than show it:
# control characters (a line break only ends a line) and the marks that reverse a line.
RAW_CONTROL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")

QUANTITIES = """
    quantities:
      fighters:
        label: People fighting at the time
        unit: people
        kind: stock
      killed:
        label: People killed
        unit: people
        kind: stock
      departed:
        label: People who have left (running total)
        unit: people
        kind: cumulative
"""

SOURCES = {
    f"sources/{ODD_FILE}": """
        document:
          id: doc-a
          title: First report
        figures:
          - id: fighters
            quantity: fighters
            value: 2200
            approx: about
            as_of: 2015
            said_by: "Ana | 100% Ruiz\\nof the\\a ministry"
            quote: around 2,200 are fighting
          - id: killed
            quantity: killed
            value: 100
            as_of: 2015-06
            said_by: Ana Ruiz
            quote: 100 were killed
          - id: departed
            quantity: departed
            value: 2000
            approx: about
            as_of: 2015-03
            said_by: Ana Ruiz
            quote: about 2,000 have left
    """,
    "sources/b.yaml": """
        document:
          id: doc-b
          title: Second report
        figures:
          - id: fighters
            quantity: fighters
            value: 2900
            as_of: 2015-12
            said_by: FSB
            quote: 2,900 are fighting
          - id: killed
            quantity: killed
            value: 150
            as_of: 2015-06
            said_by: Ministry
            quote: 150 were killed
          - id: departed
            quantity: departed
            value: 2900
            as_of: 2015-12
            said_by: Ministry
            quote: 2,900 have left
    """,
    "sources/c.yaml": """
        document:
          id: doc-c
          title: Third report
        figures:
          - id: fighters
            quantity: fighters
            value: 3500
            as_of: 2015
            said_by: Ministry
            quote: 3,500 are fighting
    """,
}

# A reason with the characters that Markdown tables and XML must escape.
WHY_FIGHTERS = "Different definitions | counted <later> & elsewhere"
WHY_KILLED = "The ministry counts the wounded who died later."


def conflict(*figures: str) -> str:
    return finding_id("FC201", figures)


ACCEPTED_FIGHTERS = conflict("doc-a/fighters", "doc-c/fighters")
ACCEPTED_KILLED = conflict("doc-a/killed", "doc-b/killed")


# These ledgers have no document texts; anchoring's "not checked" notes are off, and so are
# the notes on figures that no other report gives, so that the findings are the ones the
# output formats are tested on.
CONFIG = """
    rules:
      FC301: {severity: info}
      FC104: {severity: off}
      FC304: {severity: off}
"""


def mixed_files() -> dict[str, str]:
    return {
        "quantities.yaml": QUANTITIES,
        **SOURCES,
        "accepted.yaml": f"""
            accepted:
              - finding: {ACCEPTED_FIGHTERS}
                why: "{WHY_FIGHTERS}"
                reviewed:
                  doc-a/fighters: {{value: 2200, approx: about, as_of: 2015}}
                  doc-c/fighters: {{value: 3500, approx: exact, as_of: 2015}}
              - finding: {ACCEPTED_KILLED}
                why: {WHY_KILLED}
                reviewed:
                  doc-a/killed: {{value: 100, approx: exact, as_of: 2015-06}}
                  doc-b/killed: {{value: 150, approx: exact, as_of: 2015-06}}
              - finding: FC201:0000000000
                why: a conflict that was corrected long ago
        """,
        "figcheck.yaml": CONFIG,
    }


def checked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, write_tree, files) -> CheckResult:
    """Check a ledger written in tmp_path/ledger, from tmp_path, so that locations are
    relative paths (ledger/sources/...) as they are in CI."""
    monkeypatch.chdir(tmp_path)
    write_tree(tmp_path / "ledger", files)
    return check(load_ledger("ledger"))


def with_baseline_of_accepted_and_one(result: CheckResult) -> CheckResult:
    """A baseline that had the accepted findings and the first unaccepted error (if any):
    the other findings are new."""
    errors = [f.id for f in result.findings if f.severity == "error" and not result.is_accepted(f)]
    return result.with_baseline([*result.accepted, *errors[:1]])
