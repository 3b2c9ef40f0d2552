"""An acceptance holds only for the figures that were reviewed (issue 12).

accepted.yaml records, per entry, each figure of the finding as it was accepted (`reviewed:`:
value as written, approx, as_of, by full id). While every figure still says that, the
finding is accepted; when one changes, the finding fails at its severity (and is new under
--baseline) and FC109 says what changed. Entries without `reviewed:` keep applying and are
named at severity info until `figcheck accept --refresh` records their figures.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner, Result

from figcheck import check, load_ledger
from figcheck.cli import cli
from figcheck.commands import accept as accept_command
from figcheck.engine import CheckResult
from figcheck.findings import finding_id
from tests.builders import acceptance, figure, quantity, result_of, write_documents_ledger

DATA = Path(__file__).parent.parent / "data"
CONFLICT = finding_id("FC201", ["doc/a", "doc/b"])
REVIEWED = {
    "doc/a": {"value": 100, "approx": "exact", "as_of": "2015"},
    "doc/b": {"value": 200, "approx": "exact", "as_of": "2015"},
}


def ledger(root: Path, b: dict[str, Any] | None = None, entries: list | None = None) -> Path:  # type: ignore[type-arg]
    """One conflict, doc/a (100 in 2015) against doc/b (200 in 2015, or as `b` says)."""
    b = {"value": 200, "as_of": "2015", **(b or {})}
    b_figure = figure("b", "q", b["value"], b["as_of"], approx=b.get("approx"), said_by="B")
    if isinstance(b["value"], list):
        b_figure["quote"] = f"from {b['value'][0]} to {b['value'][1]}"
    return write_documents_ledger(
        root,
        {"q": quantity("stock")},
        {"doc": [figure("a", "q", 100, "2015"), b_figure]},
        accepted=entries if entries is not None else [entry()],
    )


def entry(reviewed: dict[str, Any] | None = REVIEWED, why: str = "two agencies") -> dict:  # type: ignore[type-arg]
    made: dict[str, Any] = {"finding": CONFLICT, "why": why}
    if reviewed is not None:
        made["reviewed"] = reviewed
    return made


def fc109(result: CheckResult) -> list[tuple[str, str]]:
    return [(f.severity, f.message) for f in result.findings if f.rule == "FC109"]


def invoke(*args: str | Path) -> Result:
    return CliRunner().invoke(cli, [str(a) for a in args])


# -- the engine and FC109 -----------------------------------------------------------------


def test_an_acceptance_whose_figures_are_as_reviewed_holds(tmp_path: Path) -> None:
    result = result_of(ledger(tmp_path))
    assert result.accepted == {CONFLICT: "two agencies"}
    assert fc109(result) == []
    assert result.exit_code() == 0


@pytest.mark.parametrize(
    ("changed", "said"),
    [
        ({"value": 250}, "doc/b: accepted at 200, now 250"),
        ({"approx": "about"}, "doc/b: accepted at 200, now about 200"),
        ({"as_of": "2015-06"}, "doc/b: accepted as of 2015, now as of 2015-06"),
        (
            {"value": 210, "approx": "nearly", "as_of": "2015~"},
            "doc/b: accepted at 200 as of 2015, now nearly 210 as of 2015~",
        ),
    ],
)
def test_an_accepted_error_whose_figure_changed_fails_again(
    tmp_path: Path, changed: dict[str, Any], said: str
) -> None:
    result = result_of(ledger(tmp_path, b=changed))
    (conflict,) = [f for f in result.findings if f.rule == "FC201"]
    assert conflict.id == CONFLICT  # the same figures: the same finding id
    assert not result.is_accepted(conflict)
    assert result.exit_code() == 1
    assert fc109(result) == [
        (
            "warning",
            f"{CONFLICT} was accepted for figures that have changed since ({said}), so it is "
            f'not accepted until reviewed again: figcheck accept {CONFLICT} --why "..."',
        )
    ]


def test_a_decimal_written_with_other_digits_is_the_same_value(tmp_path: Path) -> None:
    reviewed = {**REVIEWED, "doc/b": {"value": 200.0, "approx": "exact", "as_of": "2015"}}
    assert result_of(ledger(tmp_path / "same", entries=[entry(reviewed)])).accepted
    reviewed["doc/b"] = {"value": 200.000001, "approx": "exact", "as_of": "2015"}
    assert not result_of(ledger(tmp_path / "other", entries=[entry(reviewed)])).accepted


def test_a_range_that_changed_is_named_as_written(tmp_path: Path) -> None:
    b = {"value": [150, 300], "approx": "range"}
    reviewed = {**REVIEWED, "doc/b": {"value": [150, 250], "approx": "range", "as_of": "2015"}}
    result = result_of(ledger(tmp_path, b={**b, "value": [150, 300]}, entries=[entry(reviewed)]))
    # 100 against [150, 300] still conflicts; the range's high end moved.
    assert not result.accepted
    assert "doc/b: accepted at 150 to 250, now 150 to 300" in fc109(result)[0][1]


@pytest.mark.parametrize("how", ["renamed", "removed"])
def test_a_figure_renamed_or_removed_leaves_an_acceptance_that_no_longer_occurs(
    tmp_path: Path, how: str
) -> None:
    third = figure("c", "q", 300, "2015", said_by="C")
    documents = {
        "doc": [figure("a", "q", 100, "2015")]
        + ([figure("b2", "q", 200, "2015", said_by="B")] if how == "renamed" else [])
        + ([third] if how == "removed" else [])
    }
    root = write_documents_ledger(tmp_path, {"q": quantity("stock")}, documents, accepted=[entry()])
    result = result_of(root)
    assert CONFLICT not in {f.id for f in result.findings}
    assert fc109(result) == [
        (
            "warning",
            f"{CONFLICT} is accepted but no longer occurs; remove the entry (the figures it "
            "was about were corrected or removed)",
        )
    ]
    assert not result.accepted and result.exit_code() == 1  # the new pair is not accepted


def test_an_entry_without_figures_still_holds_and_is_named_as_info(tmp_path: Path) -> None:
    result = result_of(ledger(tmp_path, b={"value": 900}, entries=[entry(reviewed=None)]))
    assert result.accepted == {CONFLICT: "two agencies"}
    assert fc109(result) == [
        (
            "info",
            f"the acceptance of {CONFLICT} does not record the figures it was reviewed for, so "
            "it would hold whatever they become; `figcheck accept --refresh` records them as "
            "they are now",
        )
    ]
    assert result.exit_code("warning") == 0


def test_an_entry_recording_other_figures_than_its_findings_does_not_hold(
    tmp_path: Path,
) -> None:
    missing = {"doc/a": REVIEWED["doc/a"]}
    result = result_of(ledger(tmp_path / "missing", entries=[entry(missing)]))
    assert not result.accepted
    assert "(doc/b: not among the figures reviewed)" in fc109(result)[0][1]
    extra = {**REVIEWED, "doc/z": {"value": 1, "as_of": "2015"}}
    result = result_of(ledger(tmp_path / "extra", entries=[entry(extra)]))
    assert not result.accepted
    assert "(doc/z: reviewed, but not a figure of this finding)" in fc109(result)[0][1]


# -- reading accepted.yaml ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("reviewed", "line", "message"),
    [
        ("3", 4, "acceptance: `reviewed` must map each figure's full id to its value, approx"),
        ("\n      ab: {value: 1, as_of: 2015}", 5, "reviewed figure 'ab' is not a figure's"),
        ("\n      d/a: 7", 5, "reviewed figure d/a must be a mapping with value, approx"),
        ("\n      d/a: {value: '1,000', as_of: 2015}", 5, "reviewed figure d/a: value '1,000' is"),
        ("\n      d/a: {value: 1, as_of: 2015-13}", 5, "reviewed figure d/a: `as_of`: date"),
        ("\n      d/a: {value: 1}", 5, "reviewed figure d/a: `as_of` is missing"),
        ("\n      d/a: {value: 1, as_of: 2015, aprox: about}", 5, "unknown field 'aprox'"),
        ("\n      d/a: {value: 1, as_of: 2015, approx: roughly}", 5, "approx 'roughly' is not"),
    ],
)
def test_a_reviewed_figure_that_cannot_be_read_is_a_data_error_at_its_line(
    tmp_path: Path, reviewed: str, line: int, message: str
) -> None:
    root = ledger(tmp_path, entries=[])
    (root / "accepted.yaml").write_text(
        f"accepted:\n  - finding: {CONFLICT}\n    why: x\n    reviewed: {reviewed}\n"
    )
    problems = [(p.rule, p.locations[0].line, p.message) for p in load_ledger(root).problems]
    assert len(problems) == 1, problems
    rule, at, said = problems[0]
    assert (rule, at) == ("FC101", line)
    assert message in said
    assert check(load_ledger(root)).exit_code() == 2


SCHEMA_CASES = {
    "valid": [
        "    reviewed: {}\n",
        "    reviewed:\n",
        "    reviewed:\n      doc-a/departed: {value: 2719, approx: exact, as_of: 2015-11-19}\n",
        "    reviewed:\n      doc-a/7: {value: [1, 2.5], approx: range, as_of: '2015'}\n",
        "    reviewed:\n      d/x:\n        value: -46\n        as_of: 2013/2014\n",
    ],
    "invalid": [
        "    reviewed: [doc-a/departed]\n",
        "    reviewed:\n      departed: {value: 1, as_of: 2015}\n",
        "    reviewed:\n      d/x: {value: 1}\n",
        "    reviewed:\n      d/x: {value: [1, 2], as_of: 2015}\n",
        "    reviewed:\n      d/x: {value: '1', as_of: 2015}\n",
        "    reviewed:\n      d/x: {value: 1, as_of: 2015, note: x}\n",
        "    reviewed:\n      d/x: {value: 1, as_of: 2015-13}\n",
    ],
}


@pytest.mark.parametrize(
    ("valid", "reviewed"),
    [(kind == "valid", text) for kind, texts in SCHEMA_CASES.items() for text in texts],
)
def test_the_schema_and_the_loader_agree_on_reviewed(
    tmp_path: Path, write_tree: Any, valid: bool, reviewed: str
) -> None:
    from tests.test_ledger_schema import verdicts

    text = f"accepted:\n  - finding: FC201:3f9a1c0b2d\n    why: Different dates.\n{reviewed}"
    assert verdicts("accepted", text, tmp_path, write_tree) == (valid, valid)


# -- the CI gate ----------------------------------------------------------------------------

GIT_ENV = {
    **os.environ,
    "GIT_AUTHOR_NAME": "t",
    "GIT_AUTHOR_EMAIL": "t@example.org",
    "GIT_COMMITTER_NAME": "t",
    "GIT_COMMITTER_EMAIL": "t@example.org",
}


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, env=GIT_ENV, check=True, capture_output=True)


def baseline_check(repo: Path) -> tuple[int, dict[str, dict]]:  # type: ignore[type-arg]
    result = invoke("check", "--data", repo / "data", "--baseline", "HEAD", "--format", "json")
    return result.exit_code, {f["id"]: f for f in json.loads(result.stdout)["findings"]}


@pytest.mark.parametrize(
    "changed", [{"value": 250}, {"approx": "about"}, {"as_of": "2015-06"}], ids=str
)
def test_a_changed_figure_makes_its_accepted_finding_new_under_baseline(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, changed: dict[str, Any]
) -> None:
    git(tmp_path, "init", "-q")
    ledger(tmp_path / "data")
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-q", "-m", "base")
    monkeypatch.chdir(tmp_path)
    assert baseline_check(tmp_path)[0] == 0
    ledger(tmp_path / "data", b=changed)
    code, findings = baseline_check(tmp_path)
    assert code == 1
    assert (findings[CONFLICT]["accepted"], findings[CONFLICT]["new"]) == (False, True)


def test_under_baseline_a_stale_acceptance_that_was_stale_there_is_not_new(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    git(tmp_path, "init", "-q")
    ledger(tmp_path / "data", b={"value": 250})  # stale at the baseline already
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-q", "-m", "base")
    monkeypatch.chdir(tmp_path)
    code, findings = baseline_check(tmp_path)
    assert code == 0
    assert (findings[CONFLICT]["accepted"], findings[CONFLICT]["new"]) == (False, False)
    # Removing an acceptance in a pull request makes its finding fail as new.
    ledger(tmp_path / "data", b={"value": 250}, entries=[])
    git(tmp_path, "commit", "-q", "-am", "accepted again")
    ledger(
        tmp_path / "data",
        b={"value": 250},
        entries=[entry({**REVIEWED, "doc/b": {"value": 250, "approx": "exact", "as_of": "2015"}})],
    )
    git(tmp_path, "commit", "-q", "-am", "accepted")
    assert baseline_check(tmp_path)[0] == 0
    ledger(tmp_path / "data", b={"value": 250}, entries=[])
    code, findings = baseline_check(tmp_path)
    assert code == 1 and findings[CONFLICT]["new"] is True


# -- the shipped ledger, as the "done when" -----------------------------------------


def test_the_shipped_ledgers_fsb_figure_corrected_to_4100(tmp_path: Path) -> None:
    data = Path(shutil.copytree(DATA, tmp_path / "data"))
    refreshed = invoke("accept", "--refresh", "--data", data)
    assert refreshed.exit_code == 0, refreshed.output
    source = data / "sources" / "000_f399114d50b9d80a.yaml"
    text = data / "documents" / "000_f399114d50b9d80a.txt"
    before = source.read_text()
    assert before.count("value: 2900") == 1 and before.count("participate 2,900 citizens") == 1
    source.write_text(
        before.replace("value: 2900", "value: 4100").replace("2,900 citizens", "4,100 citizens")
    )
    text.write_text(
        text.read_text().replace("participate 2,900 citizens", "participate 4,100 citizens")
    )

    checked = invoke("check", "--data", data, "--format", "json")
    report = json.loads(checked.stdout)
    (divergence,) = [f for f in report["findings"] if f["rule"] == "FC301"]
    (review,) = [f for f in report["findings"] if f["rule"] == "FC109"]
    assert divergence["accepted"] is False
    assert "icg-departure-report/fsb-fighters: accepted at 2,900, now 4,100" in review["message"]
    assert f"figcheck accept {divergence['id']}" in review["message"]
    assert checked.exit_code == 0  # a warning
    assert invoke("check", "--data", data, "--fail-on", "warning").exit_code == 1

    again = invoke("accept", divergence["id"], "--data", data, "--why", "The FSB's count grew.")
    assert again.exit_code == 0, again.output
    assert invoke("check", "--data", data, "--fail-on", "warning").exit_code == 0


# -- figcheck accept ------------------------------------------------------------------------

ACCEPTED_FILE = f"""\
# The desk's acceptances.
accepted:
  - finding: FC301:0123456789   # an old one
    why: gone

  - finding: {CONFLICT}
    why: >-
      Two agencies count
      differently.
    reviewed:
      doc/a: {{value: 100, approx: exact, as_of: 2015}}
      doc/b: {{value: 200, approx: exact, as_of: 2015}}

  # the end
"""


def curated(tmp_path: Path, b: dict[str, Any] | None = None) -> Path:
    root = ledger(tmp_path, b=b, entries=[])
    (root / "accepted.yaml").write_text(ACCEPTED_FILE)
    return root


def test_accepting_again_replaces_only_the_entry_and_keeps_the_rest_byte_for_byte(
    tmp_path: Path,
) -> None:
    root = curated(tmp_path, b={"value": 250})
    result = invoke("accept", CONFLICT, "--why", "The second agency revised.", "--data", root)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(f"{CONFLICT}  error FC201 conflict\n")
    assert "  but its figures changed since they were reviewed:\n" in result.stdout
    assert "    doc/b: accepted at 200, now 250\n" in result.stdout
    assert result.stdout.endswith(
        f"Accepted {CONFLICT} (FC201 conflict) again at {root}/accepted.yaml:6, for its "
        "figures as they are now, with the new reason; `figcheck check` now shows it as "
        "accepted.\n"
    )
    head, tail = ACCEPTED_FILE.split("    why: >-\n")
    after = tail.split("doc/b: {value: 200, approx: exact, as_of: 2015}\n")[1]
    assert (root / "accepted.yaml").read_text() == (
        head
        + "    why: The second agency revised.\n"
        + "    reviewed:\n      doc/a:\n        value: 100\n        approx: exact\n"
        + "        as_of: 2015\n      doc/b:\n        value: 250\n        approx: exact\n"
        + "        as_of: 2015\n"
        + after
    )
    assert check(load_ledger(root)).accepted[CONFLICT] == "The second agency revised."


def test_at_a_terminal_enter_keeps_the_reason_and_only_the_figures_change(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = curated(tmp_path, b={"as_of": "2015-06"})
    monkeypatch.setattr(accept_command, "stdin_is_terminal", lambda: True)
    result = CliRunner().invoke(cli, ["accept", CONFLICT, "--data", str(root)], input="\n")
    assert result.exit_code == 0, result.output
    assert "Press Enter to keep the reason it was accepted with." in result.stderr
    assert result.stdout.index("doc/b: accepted as of 2015, now as of 2015-06") < (
        result.stdout.index("Accepted ")
    )
    text = (root / "accepted.yaml").read_text()
    assert "    why: >-\n      Two agencies count\n      differently.\n" in text
    assert check(load_ledger(root)).accepted[CONFLICT] == "Two agencies count differently."


def test_without_a_terminal_a_missing_reason_is_a_usage_error(tmp_path: Path) -> None:
    root = curated(tmp_path)
    result = invoke("accept", CONFLICT, "--data", root)
    assert result.exit_code == 2
    assert result.stderr == (
        "figcheck: missing --why (figcheck asks for it only when run at a terminal)\n"
    )
    assert (root / "accepted.yaml").read_text() == ACCEPTED_FILE


def test_a_dry_run_shows_the_entry_and_writes_nothing(tmp_path: Path) -> None:
    root = ledger(tmp_path, entries=[])
    (root / "accepted.yaml").unlink()
    result = invoke("accept", CONFLICT, "--why", "real", "--dry-run", "--data", root)
    assert result.exit_code == 0, result.output
    assert f"Dry run: {CONFLICT} would be accepted at {root}/accepted.yaml:5 (a new file); " in (
        result.stdout
    )
    assert f"  - finding: {CONFLICT}\n    why: real\n    reviewed:\n      doc/a:\n" in (
        result.stdout
    )
    assert not (root / "accepted.yaml").exists()


def test_an_id_without_its_rule_is_the_one_current_finding_with_that_hash(
    tmp_path: Path,
) -> None:
    root = ledger(tmp_path, entries=[])
    digits = CONFLICT.split(":")[1]
    result = invoke("accept", digits.upper(), "--why", "real", "--data", root)
    assert result.exit_code == 0, result.output
    assert check(load_ledger(root)).accepted == {CONFLICT: "real"}
    close = digits[:-1] + ("0" if digits[-1] != "0" else "1")
    missed = invoke("accept", close, "--why", "real", "--data", root)
    assert missed.exit_code == 2
    assert missed.stderr == (
        f"figcheck: no current finding has the hash {close} (did you mean {CONFLICT}?); "
        "`figcheck check` lists the findings with their ids\n"
    )


def test_a_hash_that_two_current_findings_share_names_both(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("figcheck.findings.finding_id", lambda rule, subjects: f"{rule}:00000000aa")
    root = write_documents_ledger(
        tmp_path,
        {"q": quantity("stock")},
        {
            "doc": [
                figure("a", "q", 100, "2015", approx="about"),
                figure("b", "q", 200, "2015", said_by="B"),
                # apart from a's 90 to 110 by a third, months later: a divergence
                figure("c", "q", 150, "2016-06", said_by="C"),
            ]
        },
    )
    rules = sorted({f.rule for f in check(load_ledger(root)).findings})
    assert rules == ["FC201", "FC301"]
    result = invoke("accept", "00000000aa", "--why", "real", "--data", root)
    assert result.exit_code == 2
    assert result.stderr == (
        "figcheck: 00000000aa is the hash of 2 current findings, FC201:00000000aa and "
        "FC301:00000000aa; give the whole id\n"
    )


def test_refresh_records_the_figures_of_entries_without_them_and_leaves_the_rest(
    tmp_path: Path,
) -> None:
    root = ledger(tmp_path, entries=[])
    old = (
        "accepted:\n  - finding: FC301:0123456789\n    why: gone\n"
        f"  - finding: {CONFLICT}   # by Ana\n    why: >-\n      two\n      agencies\n\n"
        "# end\n"
    )
    (root / "accepted.yaml").write_text(old)
    dry = invoke("accept", "--refresh", "--dry-run", "--data", root)
    assert dry.exit_code == 0, dry.output
    assert (root / "accepted.yaml").read_text() == old
    assert f"Would record the 2 figures of {CONFLICT} at {root}/accepted.yaml:4:\n" in dry.stdout
    result = invoke("accept", "--refresh", "--data", root)
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        f"Recorded the 2 figures of {CONFLICT} at {root}/accepted.yaml:4.\n"
        f"Left FC301:0123456789 at {root}/accepted.yaml:2 alone: its finding no longer "
        "occurs; remove the entry.\n"
        f"Recorded the figures of 1 acceptance in {root}/accepted.yaml: each holds while its "
        "figures say what they say now.\n"
    )
    assert (root / "accepted.yaml").read_text() == old.replace(
        "agencies\n", "agencies\n" + yaml_block(REVIEWED)
    )
    assert fc109(result_of(root)) == [
        (
            "warning",
            "FC301:0123456789 is accepted but no longer occurs; remove the entry "
            "(the figures it was about were corrected or removed)",
        )
    ]
    nothing = invoke("accept", "--refresh", "--data", root)
    assert nothing.stdout.endswith(
        f"No acceptance in {root}/accepted.yaml lacks its figures (1 already did); nothing "
        "written.\n"
    )


def yaml_block(reviewed: dict[str, dict[str, Any]]) -> str:
    lines = ["    reviewed:"]
    for full_id, fields in reviewed.items():
        lines.append(f"      {full_id}:")
        lines += [f"        {k}: {v}" for k, v in fields.items()]
    return "\n".join(lines) + "\n"


def test_refresh_leaves_an_entry_whose_figures_changed_for_review(tmp_path: Path) -> None:
    root = curated(tmp_path, b={"value": 250})
    result = invoke("accept", "--refresh", "--data", root)
    assert result.exit_code == 0
    assert (root / "accepted.yaml").read_text() == ACCEPTED_FILE
    assert (
        f"Left {CONFLICT} at {root}/accepted.yaml:6 alone: its figures changed since they "
        f"were reviewed, so it is not accepted until reviewed again (figcheck accept "
        f"{CONFLICT}):\n  doc/b: accepted at 200, now 250\n"
    ) in result.stdout


def test_list_gives_each_acceptance_its_state(tmp_path: Path) -> None:
    root = write_documents_ledger(
        tmp_path,
        {"q": quantity("stock"), "r": quantity("stock")},
        {
            "doc": [
                figure("a", "q", 100, "2015"),
                figure("b", "q", 250, "2015", said_by="B"),
                figure("c", "q", 103, "2015", said_by="C"),
                figure("x", "r", 10, "2015"),
                figure("y", "r", 20, "2015", said_by="Y"),
            ]
        },
    )
    result = check(load_ledger(root))
    other = finding_id("FC201", ["doc/c", "doc/b"])
    unrecorded = finding_id("FC201", ["doc/x", "doc/y"])
    entries = [
        entry(),  # doc/b was 200 when reviewed: stale
        acceptance(result, other, "current one"),
        {"finding": unrecorded, "why": "old style"},
        {"finding": "FC201:0123456789", "why": "gone"},
        {"finding": "FC301:0123456789", "why": "rule off"},
    ]
    (root / "accepted.yaml").write_text(yaml.safe_dump({"accepted": entries}, sort_keys=False))
    (root / "figcheck.yaml").write_text("rules:\n  FC301: {severity: off}\n")
    listed = invoke("accept", "--list", "--data", root)
    assert listed.exit_code == 0, listed.output
    lines = listed.stdout.splitlines()
    states = [line.split("  ", 2)[1:] for line in lines if line.startswith(str(root))]
    assert states == [
        [CONFLICT, "stale: its figures changed since review, so it does not hold"],
        [other, "current"],
        [unrecorded, "current, but records no figures (figcheck accept --refresh records them)"],
        ["FC201:0123456789", "no longer occurs: remove the entry"],
        ["FC301:0123456789", "not checked: its rule is off"],
    ]
    assert "  doc/b: accepted at 200, now 250" in lines
    assert f'  to do: review it again, figcheck accept {CONFLICT} --why "..."' in lines
    assert lines[-1] == (
        "5 acceptances: 1 current, 1 without figures, 1 stale, 1 no longer occurring, "
        "1 not checked."
    )


@pytest.mark.parametrize(
    ("args", "said"),
    [
        ([], "missing FINDING_ID (or --refresh, or --list)"),
        (["--list", "--refresh"], "--list and --refresh are two different things"),
        (["--list", CONFLICT], "FINDING_ID cannot go with --list"),
        (["--refresh", "--why", "x"], "--why cannot go with --refresh"),
        (["--list", "--dry-run"], "--dry-run goes with an id or --refresh"),
    ],
)
def test_what_accept_cannot_do_is_one_line(tmp_path: Path, args: list[str], said: str) -> None:
    root = ledger(tmp_path)
    result = invoke("accept", *args, "--data", root)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"figcheck: {said}") and result.stderr.count("\n") == 1


def test_every_shipped_acceptance_records_its_figures_and_holds() -> None:
    ledger = load_ledger(DATA)
    result = check(ledger)
    assert ledger.acceptances
    assert [a.finding for a in ledger.acceptances if a.reviewed is None] == []
    assert set(result.accepted) == {a.finding for a in ledger.acceptances}


@pytest.mark.parametrize("args", [["--list"], ["--refresh"], [CONFLICT, "--why", "x"]])
def test_a_ledger_with_data_errors_is_refused_with_them(tmp_path: Path, args: list[str]) -> None:
    root = curated(tmp_path)
    (root / "sources" / "broken.yaml").write_text("document: {id: broken}\n")  # no title
    result = invoke("accept", *args, "--data", root)
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert lines[0] == (
        "figcheck: the ledger has data errors, so figcheck cannot tell which findings are "
        "current; fix them first"
    )
    assert lines[1].startswith(f"  {root}/sources/broken.yaml:1: error FC101 ")
    assert (root / "accepted.yaml").read_text() == ACCEPTED_FILE
