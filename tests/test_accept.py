"""`figcheck accept FINDING_ID --why TEXT`: only current findings, with a reason, never a data
error; accepted.yaml created or appended to byte for byte; `check` then shows it accepted."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from figcheck import check, load_ledger
from figcheck.cli import cli
from figcheck.writing.accepting import normal_id
from tests.builders import (
    CURATION_CONFLICT,
    copy_curation_ledger,
    figure,
    quantity,
    write_documents_ledger,
)

# The figures of the conflict, as `figcheck accept` records them under its entry.
REVIEWED = """\
    reviewed:
      interfax/fighting:
        value: 2200
        approx: about
        as_of: 2015
      later/fighting:
        value: 4100
        approx: exact
        as_of: 2015-12
"""


@pytest.fixture
def root(tmp_path: Path) -> Path:
    """The test ledger with one conflict (4,100 against about 2,200 in 2015)."""
    return copy_curation_ledger(tmp_path / "ledger", conflict=True)


def conflict_id(root: Path) -> str:
    (finding,) = [f for f in check(load_ledger(root)).findings if f.rule == "FC201"]
    return finding.id


def accept(root: Path, *args: str) -> Result:
    return CliRunner().invoke(cli, ["accept", "--data", str(root), *args])


def check_json(root: Path) -> tuple[int, dict]:  # type: ignore[type-arg]
    result = CliRunner().invoke(cli, ["check", "--data", str(root), "--format", "json"])
    return result.exit_code, json.loads(result.stdout)


def test_accepting_creates_accepted_yaml_and_check_then_passes(root: Path) -> None:
    finding = conflict_id(root)
    assert check_json(root)[0] == 1
    result = accept(root, finding, "--why", "  The FSB counts later, and more widely.  ")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(f"{finding}  error FC201 conflict\n")
    assert result.stdout.endswith(
        f"Accepted {finding} (FC201 conflict) at {root}/accepted.yaml:5 (a new file); "
        "`figcheck check` now shows it as accepted.\n"
    )
    text = (root / "accepted.yaml").read_text()
    assert text.endswith(
        f"accepted:\n  - finding: {finding}\n    why: The FSB counts later, and more widely.\n"
        + REVIEWED
    )
    code, report = check_json(root)
    assert code == 0
    (shown,) = [f for f in report["findings"] if f["id"] == finding]
    assert (shown["accepted"], shown["why"]) == (True, "The FSB counts later, and more widely.")


def test_an_existing_accepted_yaml_is_kept_byte_for_byte(root: Path) -> None:
    old = "# By the desk.\naccepted:   # newest last\n- finding: FC301:0123456789\n  why: old"
    (root / "accepted.yaml").write_text(old)
    finding = conflict_id(root)
    assert accept(root, finding, "--why", "reviewed: real").exit_code == 0
    new = (root / "accepted.yaml").read_text()
    reviewed = "".join(line[2:] for line in REVIEWED.splitlines(keepends=True))
    assert new == old + f"\n- finding: {finding}\n  why: 'reviewed: real'\n" + reviewed[:-1]


def test_an_empty_accepted_list_gets_the_entry(root: Path) -> None:
    (root / "accepted.yaml").write_text("accepted: []\n")
    finding = conflict_id(root)
    assert accept(root, finding, "--why", "real").exit_code == 0
    assert (root / "accepted.yaml").read_text() == (
        f"accepted:\n  - finding: {finding}\n    why: real\n" + REVIEWED
    )


def test_the_id_may_be_typed_in_any_case(root: Path) -> None:
    finding = conflict_id(root)
    assert normal_id(f" {finding.lower()} ") == finding
    assert accept(root, finding.lower(), "--why", "real").exit_code == 0
    assert check_json(root)[0] == 0


@pytest.mark.parametrize("why", ["", "   ", "\n\t"])
def test_an_empty_reason_is_refused(root: Path, why: str) -> None:
    result = accept(root, conflict_id(root), "--why", why)
    assert result.exit_code == 2
    assert result.stderr.startswith("figcheck: --why is empty;")
    assert not (root / "accepted.yaml").exists()


def test_a_reason_that_is_not_utf8_is_refused(root: Path) -> None:
    result = accept(root, conflict_id(root), "--why", "real\udcff")
    assert result.exit_code == 2
    assert result.stderr == (
        "figcheck: --why holds bytes that are not UTF-8 text ('real\\udcff'); check the "
        "encoding of your terminal or script\n"
    )
    assert not (root / "accepted.yaml").exists()


def test_an_id_that_is_not_a_current_finding_is_refused_with_close_ids(root: Path) -> None:
    finding = conflict_id(root)
    result = accept(root, finding[:-3], "--why", "real")
    assert result.exit_code == 2
    assert result.stderr == (
        f"figcheck: {finding[:-3]!r} is not a current finding (did you mean {finding}?); "
        "`figcheck check` lists the findings with their ids\n"
    )
    typo = accept(root, finding[:-1] + ("0" if finding[-1] != "0" else "1"), "--why", "real")
    assert typo.exit_code == 2 and f"(did you mean {finding}?)" in typo.stderr
    unknown = accept(root, "FC201:0000000000", "--why", "real")
    assert unknown.exit_code == 2
    assert unknown.stderr.startswith("figcheck: 'FC201:0000000000' is not a current finding;")
    short = accept(root, "FC201:00000", "--why", "real")
    assert short.exit_code == 2
    assert "'FC201:00000' is not a current finding (a finding id has 10 hex digits" in short.stderr
    assert not (root / "accepted.yaml").exists()


FORM = (
    "write it as `figcheck check` shows it: FC, the rule's 3 digits, ':' and 10 hex digits "
    "(FC201:ce23244e26), or the 10 hex digits alone"
)


@pytest.mark.parametrize(
    ("typed", "shown"),
    [
        ("", "''"),
        ("   ", "''"),
        ("FC201:abc\nsecond line", "'FC201:abc\\nsecond line'"),
        ("FC201", "'FC201'"),
        ("201:ce23244e26", "'201:ce23244e26'"),
        ("FC201:ce23244e26f", "'FC201:ce23244e26f'"),
        ("FC201:ce23244e2g", "'FC201:ce23244e2g'"),
        ("FC٢٠١:ce23244e26", "'FC٢٠١:ce23244e26'"),  # Arabic-Indic digits are not a rule code
        ("'FC201:ce23244e26'", "\"'FC201:ce23244e26'\""),
    ],
)
def test_what_is_not_a_finding_id_is_refused_in_one_line_with_the_form(
    root: Path, typed: str, shown: str
) -> None:
    result = accept(root, "--why", "real", "--", typed)
    assert result.exit_code == 2
    assert result.stderr == f"figcheck: {shown} is not a finding id; {FORM}\n"
    assert not (root / "accepted.yaml").exists()


def test_a_finding_accepted_again_as_it_stands_writes_nothing(root: Path) -> None:
    finding = conflict_id(root)
    assert accept(root, finding, "--why", "real").exit_code == 0
    before = (root / "accepted.yaml").read_bytes()
    again = accept(root, finding, "--why", "real")
    assert again.exit_code == 0
    assert again.stdout.endswith(
        f"{finding} is already accepted at {root}/accepted.yaml:5 with this reason, for its "
        "figures as they are; nothing to write.\n"
    )
    assert (root / "accepted.yaml").read_bytes() == before


def test_a_data_error_cannot_be_accepted(root: Path) -> None:
    (root / "sources" / "later.yaml").write_text(
        CURATION_CONFLICT.replace("as_of: 2015-12", "as_of: 2015-13")
    )
    (problem,) = load_ledger(root).problems
    result = accept(root, problem.id, "--why", "it is fine")
    assert result.exit_code == 2
    assert f"figcheck: {problem.id} is a data error (FC101 invalid record), which cannot be" in (
        result.stderr
    )
    assert "later.yaml:6" in result.stderr
    other = accept(root, "FC201:0123456789", "--why", "real")
    assert other.exit_code == 2
    assert "the ledger has data errors, so figcheck cannot tell which findings are current" in (
        other.stderr
    )
    assert not (root / "accepted.yaml").exists()


def test_a_missing_ledger_is_one_line(tmp_path: Path) -> None:
    result = accept(tmp_path / "nowhere", "FC201:0123456789", "--why", "x")
    assert result.exit_code == 2
    assert result.stderr.startswith("figcheck: ledger directory")
    assert "Traceback" not in result.output


def test_an_anchoring_finding_turned_down_to_a_warning_can_be_accepted(tmp_path) -> None:
    root = write_documents_ledger(
        tmp_path / "l",
        {"q": quantity("stock")},
        {"doc": [figure("a", "q", 2719, "2015", quote="the figure 2791")]},
        config={"rules": {"FC105": {"severity": "warning"}}},
    )
    (found,) = [f for f in check(load_ledger(root)).findings if f.rule == "FC105"]
    assert not found.is_data_error
    result = CliRunner().invoke(
        cli, ["accept", found.id, "--why", "typo in the source", "--data", str(root)]
    )
    assert result.exit_code == 0, result.output
