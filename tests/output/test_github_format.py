"""`--format github`: workflow commands, parsed back by regular expression."""

from __future__ import annotations

import io
import re

from figcheck import check, load_ledger
from figcheck.engine import CheckResult
from figcheck.output import github
from figcheck.output.escaping import printable
from tests.output.report_ledgers import (
    ODD_FILE,
    ODD_SPEAKER,
    mixed_files,
    with_baseline_of_accepted_and_one,
)

# ::command key=value,key=value::message — after escaping, no raw ':' or ',' may occur in a
# property value, and no line break anywhere in a command.
COMMAND = re.compile(r"^::(?P<name>error|warning|notice)(?: (?P<props>[^:]*))?::(?P<data>.*)$")
PROPERTY = re.compile(r"^(?P<key>file|line|title)=(?P<value>[^,:]*)$")


def unescape(text: str) -> str:
    """The runner's decoding, which the reporter's escaping must survive."""
    for escaped, raw in (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%")):
        text = text.replace(escaped, raw)
    return text


def parse(result: CheckResult, **options) -> tuple[list[dict], list[str]]:
    out = io.StringIO()
    github.render(result, out, **options)
    commands, plain = [], []
    for line in out.getvalue().splitlines():
        match = COMMAND.match(line)
        if match is None:
            assert not line.startswith("::"), f"malformed workflow command: {line!r}"
            plain.append(line)
            continue
        properties = {}
        for part in (match["props"] or "").split(","):
            prop = PROPERTY.match(part)
            assert prop, f"malformed property {part!r} in {line!r}"
            properties[prop["key"]] = unescape(prop["value"])
        commands.append({"name": match["name"], **properties, "message": unescape(match["data"])})
    return commands, plain


def test_one_command_per_unaccepted_finding_at_its_first_location(mixed):
    commands, _ = parse(mixed)
    unaccepted = [f for f in mixed.findings if not mixed.is_accepted(f)]
    assert len(commands) == len(unaccepted) == 4
    by_id = {f.id: f for f in unaccepted}
    for command in commands:
        finding = next(by_id[i] for i in by_id if i in command["message"])
        first = finding.locations[0]
        assert command["file"] == first.file
        assert command["line"] == str(first.line)
        assert command["title"] == f"{finding.rule} {finding.title}"
        # Text from the ledger is escaped as in the text format: its line break shows as \n.
        assert command["message"].startswith(printable(finding.message))


def test_accepted_findings_are_left_out(mixed):
    commands, _ = parse(mixed)
    messages = "\n".join(c["message"] for c in commands)
    for finding_id in mixed.accepted:
        assert finding_id not in messages


def test_severities_map_to_error_warning_and_notice(mixed):
    commands, _ = parse(mixed)
    names = {c["title"].split()[0]: c["name"] for c in commands}
    assert names == {"FC201": "error", "FC109": "warning", "FC301": "notice"}
    # Errors first: GitHub shows only ten of each kind, and the log is read top down.
    assert [c["name"] for c in commands] == ["error", "error", "warning", "notice"]


def test_properties_and_message_are_escaped(mixed):
    commands, _ = parse(mixed)
    odd = [c for c in commands if c["file"].endswith(ODD_FILE)]
    assert odd, "the file name with ',' and ':' must reach a command"
    assert all(c["file"] == f"ledger/sources/{ODD_FILE}" for c in odd)
    speaker = [c for c in commands if printable(ODD_SPEAKER) in c["message"]]
    assert speaker, "the speaker with '%', '|' and a line break must survive escaping"


def test_other_locations_and_the_id_are_named_in_the_message(mixed):
    commands, _ = parse(mixed)
    for command in commands:
        finding = next(f for f in mixed.findings if f.id in command["message"])
        for other in finding.locations[1:]:
            assert f"Also at {other}" in command["message"]
        assert f"Finding {finding.id}: " in command["message"]


def test_the_advice_suits_the_rule(mixed):
    commands, _ = parse(mixed)
    by_rule = {c["title"].split()[0]: c["message"] for c in commands}
    # A divergence between documents: correct a record, or accept the finding.
    conflict = next(f for f in mixed.findings if f.rule == "FC201" and not mixed.is_accepted(f))
    assert f'figcheck accept {conflict.id} --why "..."' in "\n".join(c["message"] for c in commands)
    # An acceptance to review is edited in accepted.yaml, not accepted in turn.
    assert "accepted.yaml" in by_rule["FC109"].splitlines()[-1]
    assert "figcheck accept" not in by_rule["FC109"]


def test_a_plain_closing_line_sums_up(mixed):
    _, plain = parse(mixed)
    assert plain == [
        "figcheck: 3 documents, 7 figures, 3 quantities: 2 errors, 1 warning, 1 info, 2 accepted"
    ]


def test_data_error_is_an_error_at_its_line(data_error):
    commands, plain = parse(data_error)
    (fc101,) = [c for c in commands if c["title"].startswith("FC101")]
    finding = next(f for f in data_error.findings if f.rule == "FC101")
    assert fc101["name"] == "error"
    assert (fc101["file"], fc101["line"]) == (
        "ledger/sources/c.yaml",
        str(finding.locations[0].line),
    )
    assert "figcheck accept" not in fc101["message"]
    assert "data errors cannot be accepted" in fc101["message"]
    assert any("did not run" in line for line in plain)


def test_a_whole_file_problem_has_no_line(no_quantities):
    commands, _ = parse(no_quantities)
    missing = next(c for c in commands if c["file"] == "ledger/quantities.yaml")
    assert "line" not in missing


def test_baseline_annotates_new_findings_at_their_severity_and_existing_ones_as_notices(mixed):
    result = with_baseline_of_accepted_and_one(mixed)
    commands, plain = parse(result)
    existing = [c for c in commands if c["title"].endswith("(existing)")]
    new = [c for c in commands if not c["title"].endswith("(existing)")]
    # One notice for the finding that existed; the 3 new ones at each of their places.
    new_findings = [f for f in result.findings if result.is_new(f) and not result.is_accepted(f)]
    assert len(existing) == 1
    assert len(new) == sum(len(f.locations) for f in new_findings) == 5
    assert existing[0]["name"] == "notice"
    assert "does not fail this run" in existing[0]["message"]
    assert [c["name"] for c in new] == ["error", "error", "warning", "notice", "notice"]
    assert commands[-1] is existing[0], "new findings come before existing ones"
    assert plain[0].endswith("(3 new since the baseline)")


def baseline_without(tmp_path, write_tree, result: CheckResult, left_out: str) -> CheckResult:
    """`result` against a baseline of the same ledger before `left_out` was added."""
    files = {name: text for name, text in mixed_files().items() if name != left_out}
    return result.with_baseline(
        f.id for f in check(load_ledger(write_tree(tmp_path / "before", files))).findings
    )


def test_with_a_baseline_the_pull_requests_own_figure_is_annotated(mixed, tmp_path, write_tree):
    # The pull request adds sources/b.yaml, whose figures are dated after those of a and c:
    # each new conflict lists the older figure first, yet must be annotated at b.yaml too,
    # the only file on the pull request's diff.
    result = baseline_without(tmp_path, write_tree, mixed, "sources/b.yaml")
    commands, _ = parse(result)
    added = [f for f in result.findings if any("doc-b/" in figure for figure in f.figures)]
    open_new = [f for f in added if result.is_new(f) and not result.is_accepted(f)]
    assert {f.rule for f in open_new} == {"FC201", "FC301"}
    assert any(f.locations[0].file != "ledger/sources/b.yaml" for f in open_new)
    for finding in open_new:
        at_b = [
            c
            for c in commands
            if c["file"] == "ledger/sources/b.yaml" and f"Finding {finding.id}:" in c["message"]
        ]
        assert len(at_b) == 1, finding
        assert at_b[0]["name"] == github.COMMANDS[finding.severity]
        (own,) = [loc for loc in finding.locations if loc.file == "ledger/sources/b.yaml"]
        assert at_b[0]["line"] == str(own.line)
        others = [str(loc) for loc in finding.locations if loc != own]
        assert f"Also at {', '.join(others)}." in at_b[0]["message"]
        assert f"Also at {own}" not in at_b[0]["message"]


def test_without_a_baseline_each_finding_is_annotated_once(mixed):
    commands, _ = parse(mixed)
    ids = [next(f.id for f in mixed.findings if f.id in c["message"]) for c in commands]
    assert len(ids) == len(set(ids))


def test_clean_ledger_prints_only_the_summary(clean):
    commands, plain = parse(clean)
    assert commands == []
    assert plain == [
        "figcheck: 1 document, 1 figure, 3 quantities: 0 errors, 0 warnings, 0 info, 0 accepted"
    ]


def test_escaping_follows_the_toolkit():
    assert github.escape_data("50%\r\nok: a,b") == "50%25%0D%0Aok: a,b"
    assert github.escape_property("50%\r\nok: a,b") == "50%25%0D%0Aok%3A a%2Cb"
    assert (
        github.workflow_command("warning", {"file": "x:y.yaml", "line": "3"}, "m")
        == "::warning file=x%3Ay.yaml,line=3::m"
    )
    assert github.workflow_command("notice", {}, "m") == "::notice::m"
