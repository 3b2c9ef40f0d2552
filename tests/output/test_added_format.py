"""What `figcheck add` prints: each finding the new figure takes part in with the advice that
suits its rule, and, as JSON, problems in the same shape as `figcheck check`'s findings."""

from __future__ import annotations

import io
import json

from figcheck.engine import CheckResult
from figcheck.output import added as added_reporter
from figcheck.output.json_report import finding_object
from figcheck.writing.adding import Added


def added_with(result: CheckResult | None, involved=(), problems=()) -> Added:
    return Added(
        figure="doc-b/fighters",
        file="ledger/sources/b.yaml",
        first_line=5,
        last_line=10,
        item="- id: fighters\n  quantity: fighters\n",
        created=False,
        written=True,
        problems=tuple(problems),
        result=result,
        involved=tuple(involved),
    )


def text_of(added: Added) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    added_reporter.render("text", added, out, err, dry_run=False)
    return out.getvalue(), err.getvalue()


def test_each_open_finding_is_followed_by_the_advice_for_its_rule(mixed):
    open_ones = [f for f in mixed.findings if not mixed.is_accepted(f)]
    assert {f.rule for f in open_ones} == {"FC201", "FC109", "FC301"}
    output, _ = text_of(added_with(mixed, open_ones))
    lines = output.splitlines()
    for finding in open_ones:
        head = next(i for i, line in enumerate(lines) if finding.id in line)
        todo = next(line for line in lines[head + 1 :] if line.lstrip().startswith("to do:"))
        assert todo.strip() == f"to do: {finding.advice}"
    fc109 = next(f for f in open_ones if f.rule == "FC109")
    assert f"figcheck accept {fc109.id}" not in output
    conflict = next(f for f in open_ones if f.rule == "FC201")
    assert f'figcheck accept {conflict.id} --why "..."' in output


def test_an_accepted_finding_gets_no_advice(mixed):
    reviewed = [f for f in mixed.findings if mixed.is_accepted(f)]
    output, _ = text_of(added_with(mixed, reviewed))
    assert "to do:" not in output
    assert "figcheck accept" not in output


def test_json_problems_are_finding_objects_like_checks(mixed):
    problem = next(f for f in mixed.findings if f.rule == "FC201")
    document = io.StringIO()
    added_reporter.render(
        "json", added_with(None, problems=[problem]), document, io.StringIO(), dry_run=False
    )
    (shown,) = json.loads(document.getvalue())["problems"]
    as_checked = finding_object(mixed, problem)
    assert set(shown) == set(as_checked) - {"why"}
    assert shown["figures"] == list(problem.figures) and shown["accepted"] is False


def test_problems_on_stderr_keep_to_one_line_each(mixed):
    problem = next(f for f in mixed.findings if "Ana | 100% Ruiz" in f.message)
    _, err = text_of(added_with(None, problems=[problem]))
    (line, closing) = err.splitlines()
    assert "Ruiz\\nof the\\x07 ministry" in line
    assert closing.startswith("figcheck: doc-b/fighters is not valid")
