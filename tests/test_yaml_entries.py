"""Adding an entry to a mapping, and to the lists inside it, as text: the rest of the file
byte for byte, in its own style (quantities.yaml)."""

from __future__ import annotations

import pytest

from figcheck.writing.yaml_appending import CannotAppend, add_entry, extend_field, set_field

QUANTITIES = """\
# What is counted.
quantities:
  a:
    label: A
    unit: people
    kind: stock
    subset_of: [c]   # by definition

  b:
    label: B
    unit: people
    kind: stock
    parts:
      - a
    note: >-
      a note over
      two lines

  c:
    label: C
    unit: people
    kind: stock
"""
ENTRY = {"label": "D: the fourth", "unit": "people", "kind": "stock", "subset_of": ["a", "b"]}


def test_an_entry_goes_after_the_last_with_the_blank_line_between_entries() -> None:
    added = add_entry(QUANTITIES, "quantities", "d", ENTRY)
    assert added.text == QUANTITIES + (
        "\n  d:\n    label: 'D: the fourth'\n    unit: people\n    kind: stock\n"
        "    subset_of: [a, b]\n"
    )
    assert (added.first_line, added.last_line) == (24, 28)


@pytest.mark.parametrize("text", ["", "quantities:\n", "quantities: {}\n", "quantities: ~\n"])
def test_an_empty_file_or_mapping_gets_the_entry(text: str) -> None:
    added = add_entry(text, "quantities", "d", {"label": "D", "unit": "u", "kind": "stock"})
    assert added.text == "quantities:\n  d:\n    label: D\n    unit: u\n    kind: stock\n"


def test_a_name_already_there_is_refused() -> None:
    with pytest.raises(CannotAppend, match="has a already"):
        add_entry(QUANTITIES, "quantities", "a", ENTRY)


def test_a_flow_list_is_extended_in_place() -> None:
    added = extend_field(QUANTITIES, "quantities", "a", "subset_of", ["b"])
    assert added.text == QUANTITIES.replace("subset_of: [c]", "subset_of: [c, b]")


@pytest.mark.parametrize("item", ["x,y", "x]", "{x}", "x, y"])
def test_text_that_would_end_a_flow_item_is_quoted_there(item: str) -> None:
    """`,`, `]` and braces end a plain scalar inside `[...]`: written plain, `x,y` would read
    back as two items (a new field and an existing flow list alike)."""
    from figcheck.ledger.yaml_reading import loads

    for name in ("a", "b"):  # a's subset_of is a flow list; b has none yet
        added = extend_field(QUANTITIES, "quantities", name, "subset_of", [item])
        data, _ = loads(added.text)
        assert data["quantities"][name]["subset_of"][-1] == item  # type: ignore[index]


def test_a_block_list_gets_a_dash_line() -> None:
    added = extend_field(QUANTITIES, "quantities", "b", "parts", ["c"])
    assert added.text == QUANTITIES.replace("      - a\n", "      - a\n      - c\n")


def test_a_missing_field_goes_at_the_end_of_the_entry_before_the_blank_line() -> None:
    added = extend_field(QUANTITIES, "quantities", "b", "subset_of", ["c"])
    assert added.text == QUANTITIES.replace("two lines\n", "two lines\n    subset_of: [c]\n")
    done = set_field(QUANTITIES, "quantities", "b", "exhaustive", True)
    assert done.text == QUANTITIES.replace("two lines\n", "two lines\n    exhaustive: true\n")


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("quantities:\n  a: {label: A, unit: u, kind: stock}\n", "not written as a block mapping"),
        (QUANTITIES, "has no z"),
    ],
)
def test_what_cannot_be_extended(text: str, said: str) -> None:
    name = "z" if "has no" in said else "a"
    with pytest.raises(CannotAppend, match=said):
        extend_field(text, "quantities", name, "parts", ["b"])


def test_a_field_set_already_is_refused() -> None:
    with pytest.raises(CannotAppend, match="has `kind:` already"):
        set_field(QUANTITIES, "quantities", "a", "kind", "flow")
