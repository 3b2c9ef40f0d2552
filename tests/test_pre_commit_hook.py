"""The pre-commit hook that figcheck provides (.pre-commit-hooks.yaml)."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import yaml
from click.testing import CliRunner

from figcheck.cli import cli

HOOKS = Path(__file__).parent.parent / ".pre-commit-hooks.yaml"


def hook() -> dict:
    hooks = yaml.safe_load(HOOKS.read_text(encoding="utf-8"))
    assert isinstance(hooks, list)
    (found,) = [h for h in hooks if h.get("id") == "figcheck"]
    return found


def test_the_hook_runs_figcheck_check_on_the_whole_ledger():
    figcheck = hook()
    assert {"id", "name", "entry", "language"} <= figcheck.keys()
    assert figcheck["language"] == "python"  # pre-commit installs this package to run it
    assert figcheck["pass_filenames"] is False  # a figure is checked against every file
    program, *args = shlex.split(figcheck["entry"])
    assert (program, args) == ("figcheck", ["check"])


def test_the_entry_is_a_command_figcheck_has(tmp_path):
    _, *args = shlex.split(hook()["entry"])
    result = CliRunner().invoke(cli, [*args, "--data", str(tmp_path / "missing")])
    assert result.exit_code == 2  # the command ran and found no ledger, in figcheck's words
    assert "does not exist" in result.stderr


def test_the_hook_runs_when_a_ledger_file_changes():
    files = re.compile(hook()["files"])
    for path in (
        "data/quantities.yaml",
        "data/accepted.yaml",
        "data/figcheck.yaml",
        "data/sources/003_5c454f63fb3e0dfe.yaml",
        "data/sources/new.yml",
        "data/documents/003_5c454f63fb3e0dfe.txt",
    ):
        assert files.search(path), path
    for path in ("README.md", "figcheck/cli.py", "tests/data/x.yaml", "mydata/quantities.yaml"):
        assert not files.search(path), path
