"""Hostile ledger files: structures where a scalar belongs, aliases that stand for billions of
elements, deep nesting, lists of tens of thousands of names. Each is one clear finding with
a short message, never an internal error, and costs what the file's size does."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from figcheck import load_ledger
from figcheck.cli import cli

QUANTITIES = """\
quantities:
  q:
    label: Books lent
    unit: books
    kind: flow
"""
DOCUMENT = "document:\n  id: doc\n  title: A document\nfigures:\n"
FIGURE = "    quantity: q\n    value: 5\n    as_of: 2015\n    said_by: author\n    quote: lent 5\n"


def write(root: Path, figures: str, quantities: str = QUANTITIES) -> Path:
    (root / "sources").mkdir(parents=True, exist_ok=True)
    (root / "quantities.yaml").write_text(quantities)
    (root / "sources" / "doc.yaml").write_text(DOCUMENT + figures)
    return root


def check_json(root: Path) -> dict:
    result = CliRunner().invoke(cli, ["check", "--data", str(root), "--format", "json"])
    assert result.exit_code == 2, result.stdout + result.stderr
    return json.loads(result.stdout)


def messages(report: dict) -> list[str]:
    return [f["message"] for f in report["findings"]]


def alias_bomb(levels: int) -> str:
    """Figures whose notes define anchors, each level nine aliases of the one before: the
    last stands for 9**levels elements."""
    text = "  - id: a0\n    note: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
    for level in range(1, levels):
        aliases = ", ".join([f"*l{level - 1}"] * 9)
        text += f"  - id: a{level}\n    note: &l{level} [{aliases}]\n"
    return text


def test_an_alias_bomb_as_an_id_is_refused_without_being_expanded(tmp_path):
    # 9**7 = 4.8 million elements: written out, the message would be tens of megabytes.
    figures = alias_bomb(7) + "  - id: [*l6, *l6, *l6]\n" + FIGURE
    found = messages(check_json(write(tmp_path, figures)))
    assert "a figure of doc: `id` must be text, not a list" in found
    assert max(map(len, found)) < 300


def test_an_alias_bomb_in_a_text_field_is_named_by_its_type(tmp_path):
    figures = alias_bomb(7) + "  - id: b\n" + FIGURE.replace("said_by: author", "said_by: *l6")
    found = messages(check_json(write(tmp_path, figures)))
    assert "figure doc/b: `said_by` must be text, not a list" in found
    assert max(map(len, found)) < 300


def test_a_list_nested_990_levels_as_an_id_is_one_finding(tmp_path):
    figures = "  - id: " + "[" * 990 + "x" + "]" * 990 + "\n" + FIGURE
    result = CliRunner().invoke(cli, ["check", "--data", str(write(tmp_path, figures))])
    assert result.exit_code == 2
    assert "internal error" not in result.stdout + result.stderr
    assert "a figure of doc: `id` must be text, not a list" in result.stdout


def test_a_nested_id_is_not_printed(tmp_path):
    figures = "  - id: " + "[" * 300 + "x" + "]" * 300 + "\n" + FIGURE
    found = messages(check_json(write(tmp_path, figures)))
    assert not any("[[" in message for message in found)


def test_a_mapping_as_a_quantity_id_is_named_by_its_type(tmp_path):
    quantities = QUANTITIES + "  ? [[[[x]]]]\n  : {label: a, unit: b, kind: flow}\n"
    # A list cannot be a key in Python: YAML's complex key is one clear FC101.
    found = messages(check_json(write(tmp_path, "  - id: a\n" + FIGURE, quantities)))
    assert all("[[" not in message for message in found)


def test_a_key_too_long_for_a_suggestion_is_shortened(tmp_path):
    long_key = "n" * 1_000  # YAML allows simple keys up to 1,024 characters
    figures = f"  - id: a\n{FIGURE}    {long_key}: 1\n"
    found = messages(check_json(write(tmp_path, figures)))
    assert any("unknown field" in message for message in found)
    assert max(map(len, found)) < 300


def names(count: int) -> str:
    return "[" + ", ".join(f"n{i}" for i in range(count)) + "]"


def test_sixty_thousand_unknown_names_are_a_few_findings(tmp_path):
    quantities = QUANTITIES + "  s:\n    label: s\n    unit: books\n    kind: flow\n"
    quantities += f"    subset_of: {names(60_000)}\n"
    loaded = load_ledger(write(tmp_path, "  - id: a\n" + FIGURE, quantities))
    unknown = [p for p in loaded.problems if p.rule == "FC102"]
    assert 1 < len(unknown) <= 6
    assert "59,995 more" in unknown[-1].message


def test_names_repeated_in_a_long_list_are_named_a_few_at_a_time(tmp_path):
    listed = ", ".join(f"q, n{i}, n{i}" for i in range(20_000))
    quantities = QUANTITIES + "  s:\n    label: s\n    unit: books\n    kind: flow\n"
    quantities += f"    parts: [{listed}]\n"
    loaded = load_ledger(write(tmp_path, "  - id: a\n" + FIGURE, quantities))
    duplicates = [p for p in loaded.problems if p.rule == "FC103"]
    assert len(duplicates) == 1
    assert "more than once" in duplicates[0].message
    assert len(duplicates[0].message) < 300


def test_a_long_cycle_is_one_short_finding(tmp_path):
    count = 3_000
    quantities = "quantities:\n" + "".join(
        f"  c{i}:\n    label: c\n    unit: books\n    kind: flow\n"
        f"    subset_of: [c{(i + 1) % count}]\n"
        for i in range(count)
    )
    loaded = load_ledger(write(tmp_path, "", quantities))
    circles = [p for p in loaded.problems if "circle" in p.message]
    assert len(circles) == 1
    assert "c0 -> c1" in circles[0].message
    assert "more" in circles[0].message
    assert len(circles[0].message) < 300


def test_tangled_relations_are_one_finding_per_tangle(tmp_path):
    # Each quantity a subset of the next and of the one before: one strongly connected
    # tangle with thousands of cycles through it.
    count = 2_000
    quantities = "quantities:\n" + "".join(
        f"  c{i}:\n    label: c\n    unit: books\n    kind: flow\n"
        f"    subset_of: [c{(i + 1) % count}, c{(i - 1) % count}]\n"
        for i in range(count)
    )
    loaded = load_ledger(write(tmp_path, "", quantities))
    circles = [p for p in loaded.problems if "circle" in p.message]
    assert len(circles) == 1
    assert "1,998 more quantities relate through it" in circles[0].message
