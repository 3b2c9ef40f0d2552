"""`figcheck --help` must stay fast: the command line imports no heavy module up front."""

from __future__ import annotations

import subprocess
import sys

HEAVY = ("rich", "yaml", "jsonschema")


def test_importing_the_cli_imports_no_heavy_module():
    code = (
        "import figcheck.cli, sys; "
        f"print(sorted(m for m in sys.modules if m.split('.')[0] in {HEAVY!r}))"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert run.stdout.strip() == "[]"


def test_help_lists_the_commands():
    run = subprocess.run(
        [sys.executable, "-m", "figcheck", "--help"], capture_output=True, text=True, check=True
    )
    for command in ("check", "rules", "schema", "init"):
        assert f"  {command} " in run.stdout
