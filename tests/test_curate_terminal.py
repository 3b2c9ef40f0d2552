"""`figcheck curate` as a person uses it: in a real terminal (tmux), through keys alone.
Also: it refuses to run without a terminal, and neither `figcheck --help` nor `figcheck
check` imports the terminal library it uses."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from figcheck import check, load_ledger
from figcheck.cli import cli

TEXT = (
    "Floods in the valley\n\n"
    "HOLMBY, May 3 (Wire) - About 3,400 people were evacuated from their homes, the civil "
    "defence agency said on Monday. At least 41 people have died in the floods.\n"
)
QUANTITIES = """
    quantities:
      evacuated-valley:
        label: People evacuated from their homes in the valley floods (running total)
        unit: people
        kind: cumulative
      deaths-valley:
        label: People who have died in the valley floods (running total)
        unit: people
        kind: cumulative
    """
SOURCE = """
    document:
      id: holmby-floods
      title: Floods in the valley
      outlet: Wire
      published: 2021-05-03
      text: ../documents/holmby-floods.txt
    """


@pytest.fixture
def ledger(tmp_path: Path) -> Path:
    root = tmp_path / "ledger"
    (root / "sources").mkdir(parents=True)
    (root / "documents").mkdir()
    (root / "quantities.yaml").write_text(textwrap.dedent(QUANTITIES).lstrip())
    (root / "sources" / "holmby-floods.yaml").write_text(textwrap.dedent(SOURCE).lstrip())
    (root / "documents" / "holmby-floods.txt").write_text(TEXT)
    return root


class Terminal:
    """A program running in a tmux pane of its own server, driven by keys."""

    def __init__(self, command: str, cwd: Path, width: int = 120, height: int = 50) -> None:
        self.socket = f"figcheck-test-{os.getpid()}-{time.monotonic_ns()}"
        env = {k: v for k, v in os.environ.items() if not k.startswith("TMUX")}
        env.update({"TERM": "xterm-256color", "NO_COLOR": "1"})
        self.env = env
        self.tmux(
            "new-session", "-d", "-s", "curate", "-x", str(width), "-y", str(height), "-c",
            str(cwd), f"{command}; echo EXIT=$?; sleep 60",
        )  # fmt: skip

    def tmux(self, *args: str) -> str:
        run = subprocess.run(
            ["tmux", "-L", self.socket, *args],
            capture_output=True,
            text=True,
            env=self.env,
            check=True,
        )
        return run.stdout

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-J", "-S", "-200", "-t", "curate")

    def wait_for(self, text: str, after: int = 0, timeout: float = 30) -> int:
        """Wait until `text` appears on the screen past position `after`; its position."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            screen = self.screen()
            at = screen.find(text, after)
            if at >= 0:
                return at
            time.sleep(0.1)
        raise AssertionError(f"{text!r} did not appear; the screen:\n{self.screen()}")

    def keys(self, *keys: str) -> None:
        self.tmux("send-keys", "-t", "curate", *keys)

    def close(self) -> None:
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], capture_output=True)


@pytest.mark.skipif(shutil.which("tmux") is None, reason="needs tmux (.ci/run installs it)")
def test_two_figures_recorded_and_one_number_ignored_through_keys_alone(ledger: Path) -> None:
    command = f"{shlex.quote(sys.executable)} -m figcheck curate holmby-floods --data ledger"
    terminal = Terminal(command, ledger.parent)
    try:
        # The dateline first: drafted as an ignore entry, accepted with one key.
        at = terminal.wait_for("holmby-floods: 0 of 3 numbers done, 3 left")
        at = terminal.wait_for("why       the dateline", at)
        terminal.keys("a")
        at = terminal.wait_for("Ignored in holmby-floods", at)
        # The evacuees: the draft names its quantity; record it, undo, record it again.
        at = terminal.wait_for("holmby-floods: 1 of 3 numbers done, 2 left", at)
        at = terminal.wait_for("quantity  evacuated-valley", at)
        terminal.keys("a")
        at = terminal.wait_for("Added holmby-floods/evacuated", at)
        at = terminal.wait_for("2 of 3 numbers done, 1 left", at)
        terminal.keys("u")
        at = terminal.wait_for("undone: recorded holmby-floods/evacuated", at)
        at = terminal.wait_for("1 of 3 numbers done, 2 left", at)
        terminal.keys("a")
        at = terminal.wait_for("Added holmby-floods/evacuated", at)
        # The dead: change the approx by editing the field, then accept.
        at = terminal.wait_for("quantity  deaths-valley", at)
        terminal.keys("e")
        at = terminal.wait_for("Field to edit:", at)
        terminal.keys("approx", "Enter")
        at = terminal.wait_for("approx: at-least", at)
        terminal.keys("C-u", "exact", "Enter")
        at = terminal.wait_for("approx    exact", at)
        terminal.keys("e")
        at = terminal.wait_for("Field to edit:", at)
        terminal.keys("approx", "Enter")
        at = terminal.wait_for("approx: exact", at)
        terminal.keys("C-u", "at-least", "Enter")
        at = terminal.wait_for("approx    at-least", at)
        terminal.keys("a")
        at = terminal.wait_for("Added holmby-floods/deaths", at)
        at = terminal.wait_for("All 3 numbers of holmby-floods are recorded or ignored", at)
        terminal.wait_for("EXIT=0", at)
    finally:
        terminal.close()
    loaded = load_ledger(ledger)
    figures = loaded.figures
    assert sorted(figures) == ["holmby-floods/deaths", "holmby-floods/evacuated"]
    assert figures["holmby-floods/deaths"].approx == "at-least"
    assert figures["holmby-floods/evacuated"].said_by == "civil defence agency"
    assert [i.why for i in loaded.documents["holmby-floods"].ignored] == ["the dateline"]
    assert check(loaded).exit_code() == 0
    run = subprocess.run(
        [sys.executable, "-m", "figcheck", "check", "--data", str(ledger)], capture_output=True
    )
    assert run.returncode == 0


@pytest.mark.skipif(shutil.which("tmux") is None, reason="needs tmux (.ci/run installs it)")
def test_quitting_and_starting_again_resumes(ledger: Path) -> None:
    command = f"{shlex.quote(sys.executable)} -m figcheck curate holmby-floods --data ledger"
    terminal = Terminal(command, ledger.parent)
    try:
        at = terminal.wait_for("why       the dateline")
        terminal.keys("a")
        at = terminal.wait_for("1 of 3 numbers done, 2 left", at)
        terminal.keys("q")
        at = terminal.wait_for("Stopped: 1 of 3 numbers done, 2 left", at)
        terminal.wait_for("EXIT=0", at)
    finally:
        terminal.close()
    terminal = Terminal(command, ledger.parent)
    try:
        at = terminal.wait_for("holmby-floods: 1 of 3 numbers done, 2 left")
        assert "About 3,400" in terminal.screen()[at:]
        terminal.keys("q")
        terminal.wait_for("EXIT=0", at)
    finally:
        terminal.close()


def test_outside_a_terminal_it_points_at_draft_and_add_from(ledger: Path) -> None:
    result = CliRunner().invoke(cli, ["curate", "holmby-floods", "--data", str(ledger)])
    assert result.exit_code == 2
    assert "figcheck draft holmby-floods" in result.stderr
    assert "figcheck add --from" in result.stderr
    assert not load_ledger(ledger).figures


def test_help_and_check_do_not_import_the_terminal_library(ledger: Path) -> None:
    code = (
        "import sys\n"
        "from click.testing import CliRunner\n"
        "from figcheck.cli import cli\n"
        "CliRunner().invoke(cli, ['--help'])\n"
        f"CliRunner().invoke(cli, ['check', '--data', {str(ledger)!r}])\n"
        "CliRunner().invoke(cli, ['draft', 'holmby-floods', '--data', "
        f"{str(ledger)!r}])\n"
        "print(sorted(m for m in sys.modules if m.startswith('prompt_toolkit')))\n"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert run.stdout.strip() == "[]"
