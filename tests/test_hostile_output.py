"""What a hostile ledger cannot do to the person or CI log that reads figcheck's output:
crash it on a stream that is not UTF-8, send an escape sequence to a terminal, start a line
a CI runner reads as a workflow command, mention someone in a pull-request comment."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from figcheck.cli import cli
from figcheck.output.escaping import CommandGuard

QUANTITIES = {"q": {"label": "Books lent ≈ “all” ■", "unit": "books", "kind": "stock"}}
# Raw control characters a terminal acts on: ESC (clear the screen, OSC 8 links, OSC 52
# clipboard), BEL, backspace, a C1 control (CSI), bidirectional overrides and isolates.
HOSTILE = "\x1b[2J\x1b]52;c;cHduZWQ=\x07\x08\x9b31m\u202e\u2066"
RAW = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
# A line that GitHub Actions reads as a workflow command, even after leading blanks.
COMMAND_LINE = re.compile(r"^[ \t]*::", re.MULTILINE)
FORMATS = ["text", "json", "github", "sarif", "markdown", "junit"]


def write(root: Path, said_by: str, quote_note: str = "") -> Path:
    """Two conflicting figures whose speaker is `said_by`, and a text with an unrecorded
    number whose line holds `quote_note`."""
    (root / "sources").mkdir(parents=True)
    (root / "documents").mkdir()
    (root / "quantities.yaml").write_text(yaml.safe_dump({"quantities": QUANTITIES}))
    text = f"They lent 5 books.\n{quote_note} 7 more\nThey lent 9 books.\n"
    (root / "documents" / "d.txt").write_text(text, encoding="utf-8")
    figures = [
        {"id": "a", "quantity": "q", "value": 5, "approx": "about", "as_of": "2015"},
        {"id": "b", "quantity": "q", "value": 9, "as_of": "2015"},
    ]
    for record, quote in zip(figures, ("They lent 5 books", "They lent 9 books"), strict=True):
        record.update(said_by=said_by, quote=quote)
    source = {
        "document": {"id": "d", "title": f"Title {said_by}", "text": "../documents/d.txt"},
        "figures": figures,
    }
    (root / "sources" / "d.yaml").write_text(yaml.safe_dump(source, allow_unicode=True))
    return root


def run(*args: str) -> tuple[int, str]:
    """The exit code, and what the command wrote to stdout and stderr (click 8.1's runner
    keeps them apart in this suite, later ones mix them: both are read here)."""
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout + result.stderr


def run_json(*args: str) -> tuple[int, dict]:
    """The exit code, and the JSON object the command wrote to stdout."""
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, json.loads(result.stdout)


# -- control characters and workflow commands ------------------------------------------------


@pytest.mark.parametrize("output", FORMATS)
def test_no_control_character_from_the_ledger_reaches_any_format(tmp_path, output):
    root = write(tmp_path, f"Ana {HOSTILE} Ruiz", f"note {HOSTILE}")
    code, shown = run("check", "--data", str(root), "--format", output)
    assert code == 1, shown
    assert not RAW.search(shown), repr(RAW.search(shown))


@pytest.mark.parametrize("output", FORMATS)
def test_no_line_from_the_ledger_starts_a_workflow_command(tmp_path, output):
    injected = "x\n::error title=pwned::pwned\n  ::add-mask::secret"
    root = write(tmp_path, injected, "\n::warning::also pwned")
    code, shown = run("check", "--data", str(root), "--format", output)
    assert code == 1
    commands = COMMAND_LINE.findall(shown)
    if output == "github":  # figcheck's own: one per finding, none from the ledger
        lines = [line for line in shown.splitlines() if line.lstrip().startswith("::")]
        assert all(re.match(r"::(error|warning|notice) file=", line) for line in lines)
    else:
        assert commands == []


@pytest.mark.parametrize(
    "args",
    [("report",), ("extract", "d"), ("extract", "d", "--format", "json")],
)
def test_report_and_extract_start_no_workflow_command(tmp_path, args):
    root = write(tmp_path, "::error::pwned", "::error::pwned")
    code, shown = run(*args, "--data", str(root))
    assert code in (0, 1), shown
    assert "internal error" not in shown
    assert COMMAND_LINE.findall(shown) == []
    assert not RAW.search(shown)


@pytest.mark.parametrize(
    "pieces",
    [["::x\n"], ["  ", "::x\n"], [":", ":x\n"], ["ok\n  :", ":x"], ["a ::b\n\t::c\n"]],
)
def test_the_guard_breaks_a_command_however_it_is_written(pieces):
    import io

    out = io.StringIO()
    guard = CommandGuard(out)
    for piece in pieces:
        guard.write(piece)
    guard.flush()
    assert COMMAND_LINE.findall(out.getvalue()) == []
    assert out.getvalue().replace("\\x3a", ":") == "".join(pieces)


def test_the_markdown_comment_mentions_and_links_no_one(tmp_path):
    root = write(tmp_path, "@octocat of https://evil.example and www.evil.example")
    code, shown = run("check", "--data", str(root), "--format", "markdown")
    assert code == 1
    assert not re.search(r"@[A-Za-z0-9]", shown)
    assert "://" not in shown and "www." not in shown
    assert "@\u200boctocat" in shown


def test_interactive_add_offers_titles_escaped(tmp_path, monkeypatch):
    root = write(tmp_path, "Ana")
    monkeypatch.setattr("figcheck.commands.add.stdin_is_terminal", lambda: True)
    source = tmp_path / "sources" / "d.yaml"
    source.write_text(source.read_text().replace("title: Title Ana", 'title: "T \\e]52;c;x\\a"'))
    result = CliRunner().invoke(
        cli,
        ["add", "--data", str(root), "--quantity", "q", "--value", "5"],
        input="\n".join(["d", "2015", "Ana", "They lent 5 books"]) + "\n",
    )
    assert "T \\x1b]52;c;x\\x07" in result.stderr
    assert not RAW.search(result.stderr)


def test_a_refusal_prints_file_names_escaped(tmp_path):
    root = write(tmp_path, "Ana")
    (root / "sources" / "bad\x1b[2J.yaml").write_text("document: [")
    code, shown = run(
        "add", "--data", str(root), "--document", "d", "--quantity", "q", "--value", "5",
        "--as-of", "2015", "--said-by", "Ana", "--quote", "They lent 5 books",
    )  # fmt: skip
    assert code == 2
    assert "bad\\x1b[2J.yaml" in shown
    assert not RAW.search(shown)


# -- streams that are not UTF-8 ----------------------------------------------------------------


def figcheck(root: Path, env: dict[str, str], *args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "figcheck", *args, "--data", str(root)],
        env={**os.environ, **env},
        capture_output=True,
        check=False,
    )


ENCODINGS = [{"PYTHONIOENCODING": name} for name in ("cp1252", "latin-1", "ascii")]


@pytest.fixture(scope="module")
def typographic(tmp_path_factory):
    """A ledger whose messages hold '≈', '“' and the report's '■' bars."""
    return write(tmp_path_factory.mktemp("typographic"), "Ana “the minister”", "noted ≈")


@pytest.mark.parametrize("env", ENCODINGS, ids=lambda env: env["PYTHONIOENCODING"])
def test_people_read_a_degraded_output_on_any_stream(typographic, env):
    for args in (("report",), ("check",), ("check", "--format", "markdown")):
        done = figcheck(typographic, env, *args)
        assert done.returncode in (0, 1), done.stderr
        assert b"Traceback" not in done.stderr and b"internal error" not in done.stderr
        done.stdout.decode(env["PYTHONIOENCODING"])  # what the stream says it holds
    rules = subprocess.run(
        [sys.executable, "-m", "figcheck", "rules", "FC104"],
        env={**os.environ, **env},
        capture_output=True,
        check=False,
    )
    assert rules.returncode == 0, rules.stderr


@pytest.mark.parametrize("env", ENCODINGS, ids=lambda env: env["PYTHONIOENCODING"])
@pytest.mark.parametrize("output", ["json", "sarif", "junit", "github"])
def test_machine_formats_are_utf8_on_any_stream(typographic, env, output):
    done = figcheck(typographic, env, "check", "--format", output)
    assert done.returncode == 1, done.stderr
    text = done.stdout.decode("utf-8")
    assert "“the minister”" in text
    if output in ("json", "sarif"):
        json.loads(text)
    elif output == "junit":
        assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>')
        ET.fromstring(done.stdout)
