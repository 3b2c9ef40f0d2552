"""Hostile ledger directories and values: a file too large to parse whole, links that lead
nowhere or in a loop, a directory that cannot be listed, a file name that is not UTF-8,
YAML merge keys, impossible changes, settings that are not numbers. Each is one clear
finding (or none, where nothing is wrong), in every output format."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from figcheck import load_ledger
from figcheck.cli import cli
from figcheck.ledger import yaml_reading
from tests.builders import figure, quantity, write_documents_ledger

QUANTITIES = """\
quantities:
  q:
    label: Books lent
    unit: books
    kind: flow
"""
SOURCE = """\
document:
  id: doc
  title: A document
figures:
  - id: a
    quantity: q
    value: 5
    as_of: 2015
    said_by: author
    quote: lent 5 books
"""
FORMATS = ["text", "json", "github", "sarif", "markdown", "junit"]


def ledger(root: Path, source: str = SOURCE, quantities: str = QUANTITIES) -> Path:
    (root / "sources").mkdir(parents=True, exist_ok=True)
    (root / "quantities.yaml").write_text(quantities)
    (root / "sources" / "doc.yaml").write_text(source)
    return root


def problems(root: Path) -> list[tuple[str, str, int, str]]:
    return [
        (p.rule, p.locations[0].file.rsplit("/", 1)[-1], p.locations[0].line, p.message)
        for p in load_ledger(root).problems
    ]


def run(*args: str) -> tuple[int, str]:
    """The exit code, and what the command wrote to stdout and stderr (click 8.1's runner
    keeps them apart in this suite, later ones mix them: both are read here)."""
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout + result.stderr


def run_json(*args: str) -> tuple[int, dict]:
    """The exit code, and the JSON object the command wrote to stdout."""
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, json.loads(result.stdout)


def test_a_ledger_file_above_the_size_limit_is_one_finding(tmp_path, monkeypatch):
    monkeypatch.setattr(yaml_reading, "MAX_FILE_BYTES", 2_000)
    many = SOURCE + "".join(
        f"  - id: f{i}\n    quantity: q\n    value: 5\n    as_of: 2015\n    said_by: author\n"
        "    quote: lent 5 books\n"
        for i in range(40)
    )
    root = ledger(tmp_path, many)
    ((rule, file, line, message),) = problems(root)
    assert (rule, file, line) == ("FC101", "doc.yaml", 0)
    assert "more than the 2 KiB figcheck reads in one ledger file; split it" in message


def test_add_refuses_a_source_file_above_the_size_limit(tmp_path, monkeypatch):
    root = ledger(tmp_path)
    (root / "documents").mkdir()
    monkeypatch.setattr(yaml_reading, "MAX_FILE_BYTES", len(SOURCE) + 10)
    code, output = run(
        "add", "--data", str(root), "--document", "doc", "--quantity", "q", "--value", "6",
        "--as-of", "2016", "--said-by", "author", "--quote", "lent 6 books in all that year",
    )  # fmt: skip
    assert code == 2
    assert "more than the" in output and "figcheck reads in one ledger file" in output
    assert (root / "sources" / "doc.yaml").read_text() == SOURCE


def test_quantities_yaml_in_a_loop_of_links_says_so(tmp_path):
    root = ledger(tmp_path)
    (root / "quantities.yaml").unlink()
    (root / "quantities.yaml").symlink_to("other.yaml")
    (root / "other.yaml").symlink_to("quantities.yaml")
    found = problems(root)
    assert found[0][:3] == ("FC101", "quantities.yaml", 0)
    assert "loop of symbolic links" in found[0][3]
    assert not any("missing" in message for *_, message in found)


def test_a_link_to_nothing_says_where_it_points(tmp_path):
    root = ledger(tmp_path)
    (root / "accepted.yaml").symlink_to("gone.yaml")
    ((rule, file, _, message),) = problems(root)
    assert (rule, file) == ("FC101", "accepted.yaml")
    assert "a symbolic link to gone.yaml, which does not exist" in message


def test_a_sources_directory_that_cannot_be_listed_is_one_finding(tmp_path, monkeypatch):
    root = ledger(tmp_path)
    listed = Path.iterdir

    def iterdir(path):
        if path.name == "sources":
            raise PermissionError(13, "Permission denied", str(path))
        return listed(path)

    monkeypatch.setattr(Path, "iterdir", iterdir)
    ((rule, file, line, message),) = problems(root)
    assert (rule, file, line) == ("FC101", "sources", 0)
    assert message.startswith("sources/ cannot be listed: Permission denied")
    code, output = run("check", "--data", str(root))
    assert code == 2 and "internal error" not in output


@pytest.mark.skipif(sys.platform == "darwin", reason="macOS refuses names that are not UTF-8")
@pytest.mark.parametrize("output", FORMATS)
def test_a_file_name_that_is_not_utf8_is_shown_escaped(tmp_path, output):
    root = ledger(tmp_path)
    name = os.fsencode(root / "sources") + b"/ex\xffample.yaml"
    with open(name, "wb") as stream:  # the same document again: a duplicate id, FC103
        stream.write(SOURCE.encode())
    code, shown = run("check", "--data", str(root), "--format", output)
    assert code == 2, shown
    assert "internal error" not in shown
    shown = shown.replace("\\\\", "\\")  # JSON doubles the backslash
    assert ("ex%5Cxffample.yaml" if output == "sarif" else "ex\\xffample.yaml") in shown


def test_overriding_keys_merged_from_several_mappings(tmp_path):
    source = (
        "document: {id: doc, title: A document}\n"
        "figures:\n"
        "  - &a {id: a, quantity: q, value: 5, as_of: 2015, said_by: x, quote: lent 5}\n"
        "  - &b {id: b, quantity: q, value: 5, as_of: 2016, said_by: y, quote: lent 5 books}\n"
        "  - <<: [*a, *b]\n    id: c\n    said_by: z\n    quote: lent 5 books\n"
    )
    root = ledger(tmp_path, source)
    assert problems(root) == []
    merged = load_ledger(root).figures["doc/c"]
    assert (merged.said_by, merged.quote) == ("z", "lent 5 books")


def test_overriding_the_last_merged_key_of_a_figure(tmp_path):
    source = (
        "document: {id: doc, title: A document}\n"
        "figures:\n"
        "  - &first {id: a, quantity: q, value: 5, as_of: 2015, said_by: x, quote: lent 5}\n"
        "  - <<: *first\n    id: b\n    quote: lent 5 books\n"
    )
    root = ledger(tmp_path, source)
    assert problems(root) == []
    assert load_ledger(root).figures["doc/b"].quote == "lent 5 books"


def test_a_key_written_twice_by_hand_is_still_a_duplicate(tmp_path):
    source = SOURCE + "    quote: lent 5 books again\n"
    assert [rule for rule, *_ in problems(ledger(tmp_path, source))] == ["FC103"]


def test_add_writes_into_a_file_with_merge_keys(tmp_path):
    source = (
        "document: {id: doc, title: A document}\n"
        "figures:\n"
        "  - &first {id: a, quantity: q, value: 5, as_of: 2015, said_by: x, quote: lent 5}\n"
        "  - <<: *first\n    id: b\n    quote: lent 5 books\n"
    )
    root = ledger(tmp_path, source)
    code, output = run(
        "add", "--data", str(root), "--document", "doc", "--quantity", "q", "--value", "7",
        "--as-of", "2016", "--said-by", "author", "--quote", "lent 7 books",
    )  # fmt: skip
    assert code == 0, output
    assert set(load_ledger(root).figures) == {"doc/a", "doc/b", "doc/q"}


CHANGES = {"q": quantity("flow", "books"), "c": quantity("change", "percent", of="q")}


def test_a_change_below_minus_100_percent_is_invalid(tmp_path):
    root = write_documents_ledger(
        tmp_path,
        CHANGES,
        {"d": [figure("fall", "c", -150, "2014/2015", quote="fell by 150%")]},
    )
    (found,) = load_ledger(root).problems
    assert found.rule == "FC101"
    assert "-100 is the largest decrease" in found.message
    root = write_documents_ledger(
        tmp_path / "all",
        CHANGES,
        {"d": [figure("fall", "c", -100, "2014/2015", quote="fell by 100%")]},
    )
    assert not load_ledger(root).problems


def test_extreme_changes_read_in_words_in_the_report(tmp_path):
    huge = 10**300  # value 1e300 in the file; its quote says it digit by digit
    figures = [
        figure("one", "c", 1e300, "2013/2014", quote=f"grew by {huge}%"),
        figure("two", "c", 1e300, "2014/2015", quote=f"grew by {huge}% again"),
    ]
    root = write_documents_ledger(tmp_path, CHANGES, {"d": figures})
    code, output = run("report", "--data", str(root))
    assert code == 0, output
    assert "compound to more than a trillion percent" in output
    assert "would end at more than a trillion" in output
    assert "e+" not in output.split("compound to", 1)[1].split("\n")[0]


@pytest.mark.parametrize("written", [".nan", ".inf", "-.inf", "lots", "[1, 2]"])
def test_a_rule_option_that_is_no_finite_number_is_invalid(tmp_path, written):
    root = ledger(tmp_path)
    (root / "figcheck.yaml").write_text(f"rules:\n  FC301:\n    threshold: {written}\n")
    ((rule, file, line, message),) = problems(root)
    assert (rule, file, line) == ("FC101", "figcheck.yaml", 3)
    assert message.startswith("rules.FC301.threshold must be a")
    code, report = run_json("check", "--data", str(root), "--format", "json")
    assert code == 2 and report["exit_code"] == 2
