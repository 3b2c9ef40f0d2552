"""The package's shape, as the architecture promises it: reading a ledger imports no rule,
and what a rule does is said only in its own module under figcheck/rules/."""

from __future__ import annotations

import ast
import io
import re
import subprocess
import sys
import tokenize
from pathlib import Path

import figcheck

PACKAGE = Path(figcheck.__file__).parent
# A rule's code; an example finding id such as FC201:3f9a1c0b2d in a message is not one.
RULE_CODE = re.compile(r"\bFC[0-9]{3}\b(?!:[0-9a-f])")


def docstring_lines(source: str) -> set[int]:
    """The first lines of the module's, classes' and functions' docstrings."""
    lines = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            first = node.body[0] if node.body else None
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                lines.add(first.lineno)
    return lines


def rule_codes_in_code(source: str) -> list[tuple[int, str]]:
    """Where a rule code appears in code: names and strings, but not docstrings or comments
    (documentation may name the rules it speaks of)."""
    docs = docstring_lines(source)
    found = []
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        if token.type == tokenize.STRING and token.start[0] in docs:
            continue
        if token.type != tokenize.COMMENT and RULE_CODE.search(token.string):
            found.append((token.start[0], token.string))
    return found


def test_no_rule_code_outside_the_rules():
    outside = [
        f"{path.relative_to(PACKAGE)}:{line}: {text[:60]}"
        for path in sorted(PACKAGE.rglob("*.py"))
        if "rules" not in path.relative_to(PACKAGE).parts[:1]
        for line, text in rule_codes_in_code(path.read_text(encoding="utf-8"))
    ]
    assert outside == []


def test_the_check_of_rule_codes_can_fail():
    source = (
        '"""Docs may say FC201."""\n# and so may comments: FC202\nif f.rule == "FC109":\n    pass\n'
    )
    assert rule_codes_in_code(source) == [(3, '"FC109"')]
    assert rule_codes_in_code('message = "like FC201:3f9a1c0b2d"\n') == []


def last_line_of(program: str) -> tuple[str, str]:
    """What a new Python process running `program` printed: all of it, and its last line."""
    done = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return done.stdout, done.stdout.strip().splitlines()[-1]


def test_reading_a_ledger_imports_no_rule():
    program = (
        "import sys, figcheck.ledger; figcheck.ledger.load_ledger('.')\n"
        "assert 'figcheck.ledger.loading' in sys.modules\n"
        "print(sorted(m for m in sys.modules if 'rules' in m))"
    )
    assert last_line_of(program)[1] == "[]"


def test_every_rule_has_its_test_file():
    tests = Path(__file__).parent / "rules"
    rules = sorted(path.stem for path in (PACKAGE / "rules").glob("fc*.py"))
    assert rules, "no rule modules found"
    assert [r for r in rules if not (tests / f"test_{r}.py").is_file()] == []


def test_the_rules_do_not_load_the_ledger_reader():
    program = (
        "import sys\nfrom figcheck.rules import RULES\nassert len(RULES) > 10\n"
        "heavy = [m for m in sys.modules if m.split('.')[0] == 'yaml' or m.endswith('loading')]\n"
        "print(sorted(heavy))"
    )
    assert last_line_of(program)[1] == "[]"


def test_the_catalogue_says_what_each_rule_declares():
    import importlib

    from figcheck.rules import CATALOGUE, RULES

    declared = []
    for module, *_ in CATALOGUE:
        rule = importlib.import_module(f"figcheck.rules.{module}").RULE
        declared.append((module, rule.code, rule.severity, rule.title))
    assert list(CATALOGUE) == declared
    assert list(RULES) == [code for _, code, _, _ in CATALOGUE]


def test_listing_the_rules_imports_none_of_them():
    program = (
        "import sys\nfrom figcheck.cli import cli\n"
        "try:\n    cli(['rules'])\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in sys.modules if m.startswith('figcheck.rules.')))"
    )
    printed, last = last_line_of(program)
    assert "FC101  error    invalid record" in printed
    assert last == "[]"
