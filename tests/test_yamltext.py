"""Appending an item to a YAML list as text: the file's bytes and style are kept."""

from __future__ import annotations

import re
from decimal import Decimal
from fractions import Fraction

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from figcheck.ledger import yaml_reading
from figcheck.writing.yaml_appending import CannotAppend, DateText, append_item, not_utf8, scalar

ITEM = {"id": "new", "value": 5, "as_of": DateText("2015-11-19"), "quote": "x: y"}
BLOCK = "  - id: new\n    value: 5\n    as_of: 2015-11-19\n    quote: 'x: y'"


def read(text: str) -> object:
    return yaml_reading.loads(text)[0]


def test_appends_after_the_last_item_with_the_files_blank_line_between_items() -> None:
    old = "# head\nfigures:\n  - id: a   # first\n    value: 1\n\n  - id: b\n    value: 2\n"
    result = append_item(old, "figures", ITEM)
    assert result.text == old[:-1] + "\n\n" + BLOCK + "\n"
    assert (result.first_line, result.last_line) == (9, 12)
    assert result.item == BLOCK


def test_without_blank_lines_between_items_none_is_added() -> None:
    old = "figures:\n  - id: a\n  - id: b\n"
    assert append_item(old, "figures", ITEM).text == old + BLOCK + "\n"


def test_a_file_without_a_final_newline_keeps_none() -> None:
    old = "figures:\n  - id: a\n    value: 1"
    result = append_item(old, "figures", ITEM)
    assert result.text == old + "\n" + BLOCK
    assert not result.text.endswith("\n")


def test_four_space_indentation_and_a_wide_dash_are_followed() -> None:
    old = "document:\n    id: d\nfigures:\n    -   id: a\n        value: 1\n"
    result = append_item(old, "figures", {"id": "new", "value": 5})
    assert result.text == old + "    -   id: new\n        value: 5\n"


def test_a_list_at_the_keys_own_indentation_is_followed() -> None:
    old = "figures:\n- id: a\n"
    assert append_item(old, "figures", {"id": "b"}).text == old + "- id: b\n"


def test_empty_flow_list_becomes_a_block_list_and_the_rest_is_kept() -> None:
    old = "document: {id: d, title: t}\nfigures: []   # none yet\nignore: []\n"
    result = append_item(old, "figures", ITEM)
    expected = "document: {id: d, title: t}\nfigures:   # none yet\n" + BLOCK + "\nignore: []\n"
    assert result.text == expected
    assert result.first_line == 3


@pytest.mark.parametrize("empty", ["figures:", "figures: ~", "figures: null"])
def test_an_empty_key_gets_the_list(empty: str) -> None:
    old = f"document:\n  id: d\n{empty}\n# later\n"
    result = append_item(old, "figures", ITEM)
    assert result.text == "document:\n  id: d\nfigures:\n" + BLOCK + "\n# later\n"


def test_a_missing_key_is_added_after_the_content_before_trailing_comments() -> None:
    old = "document:\n    id: d\n    title: t\n# end of file\n"
    result = append_item(old, "figures", {"id": "new"})
    assert (
        result.text
        == "document:\n    id: d\n    title: t\nfigures:\n    - id: new\n# end of file\n"
    )


@pytest.mark.parametrize("old", ["", "# only a comment\n", "# only a comment"])
def test_an_empty_file_gets_the_key(old: str) -> None:
    result = append_item(old, "accepted", {"finding": "FC201:0123456789", "why": "w"})
    assert result.text.startswith(old)
    assert read(result.text) == {"accepted": [{"finding": "FC201:0123456789", "why": "w"}]}
    assert result.text.endswith("\n") == (old.endswith("\n") or not old)


def test_flow_items_get_a_flow_item() -> None:
    old = "figures:\n  - {id: a, value: 1}\n  - {id: b, value: 2}\n"
    result = append_item(old, "figures", ITEM)
    assert result.text.startswith(old)
    added = result.text[len(old) :]
    assert added.startswith("  - {id: new, ") and added.count("\n") == 1
    assert read(result.text)["figures"][-1] == {  # type: ignore[index]
        "id": "new",
        "value": 5,
        "as_of": "2015-11-19",
        "quote": "x: y",
    }


def test_a_flow_list_gets_the_item_inside_its_brackets() -> None:
    old = "figures: [{id: a},\n  {id: b}]   # two\n"
    result = append_item(old, "figures", {"id": "c", "quote": "a, b"})
    assert result.text == "figures: [{id: a},\n  {id: b}, {id: c, quote: 'a, b'}]   # two\n"


def test_comments_indented_under_the_last_item_stay_with_it() -> None:
    old = "figures:\n  - id: a\n    # about a\n  # about what follows\nignore: []\n"
    result = append_item(old, "figures", {"id": "b"})
    assert result.text == (
        "figures:\n  - id: a\n    # about a\n  - id: b\n  # about what follows\nignore: []\n"
    )


def test_a_kept_block_scalar_keeps_its_trailing_blank_lines() -> None:
    old = "figures:\n  - id: a\n    note: |+\n      kept\n\n\nignore: []\n"
    result = append_item(old, "figures", {"id": "b"})
    assert read(result.text)["figures"][0]["note"] == "kept\n\n\n"  # type: ignore[index]


def test_crlf_line_endings_and_a_byte_order_mark_are_kept() -> None:
    old = "\ufefffigures:\r\n  - id: a\r\n"
    result = append_item(old, "figures", {"id": "b"})
    assert result.text == old + "  - id: b\r\n"


def test_a_key_holding_something_else_is_refused() -> None:
    with pytest.raises(CannotAppend):
        append_item("figures: {a: 1}\n", "figures", {"id": "b"})
    with pytest.raises(CannotAppend):
        append_item("- a\n", "figures", {"id": "b"})
    with pytest.raises(CannotAppend):
        append_item("figures: [a\n", "figures", {"id": "b"})


@pytest.mark.parametrize(
    "text",
    [
        "From Russia: 2,719 citizens",
        "# not a comment",
        "a # b",
        "- leading dash",
        "'single' and \"double\" quotes",
        "‘typographic’ “quotes” — and a dash…",
        "2015-11-19",
        "2015",
        "yes",
        "null",
        "~",
        "@at",
        "`tick",
        "{braces}",
        "[brackets]",
        "  spaces around  ",
        "line\nbreak",
        "tab\there",
        "line\u2028separator",
        "",
    ],
)
def test_strings_read_back_exactly(text: str) -> None:
    written = scalar(text)
    assert "\n" not in written
    assert read(f"k: {written}\n") == {"k": text}


@given(st.text())
def test_any_string_reads_back_exactly(text: str) -> None:
    written = scalar(text)
    assert "\n" not in written
    assert read(f"k: {written}\n") == {"k": text}


@pytest.mark.parametrize(
    "date", ["2015-11-19", "2015-11", "2015", "2015-12~", "2016?", "2013/2014"]
)
def test_dates_are_written_unquoted_as_the_ledger_writes_them(date: str) -> None:
    assert scalar(DateText(date)) == date


def test_a_date_that_would_not_read_back_as_written_is_quoted() -> None:
    assert scalar(DateText("0777")) == "'0777'"  # YAML 1.1 would read the octal 511
    assert scalar(DateText("19.11.2015: x")) == "'19.11.2015: x'"


def test_numbers_and_ranges() -> None:
    assert [scalar(2719), scalar(-46), scalar(2.5), scalar([2000, 3000])] == [
        "2719",
        "-46",
        "2.5",
        "[2000, 3000]",
    ]
    assert yaml.safe_load(f"v: {scalar(0.1)}") == {"v": 0.1}


def rational(number: object) -> Fraction:
    """The exact rational a number stands for; a float as its shortest decimal, as the loader
    reads it (figcheck/values.py)."""
    return Fraction(repr(number)) if isinstance(number, float) else Fraction(number)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("value", "written"),
    [
        (Decimal("0.0000001"), "0.0000001"),
        (Decimal("100000000000000000000.0"), "100000000000000000000.0"),
        (Decimal("2719.50"), "2719.50"),
        (Decimal("-0.5"), "-0.5"),
        (1e-07, "0.0000001"),
        (1e20, "100000000000000000000"),
        (2**70, "1180591620717411303424"),
    ],
)
def test_numbers_are_written_positionally_and_read_back_as_the_same_rational(
    value: object, written: str
) -> None:
    # YAML 1.1 reads `1e-07` as a string and `1.0e-07` only by a rule some readers lack:
    # a number is written with its digits in place, never with an exponent.
    assert scalar(value) == written  # type: ignore[arg-type]
    read_back = read(f"k: {written}\n")["k"]  # type: ignore[index]
    assert isinstance(read_back, (int, float))
    assert rational(read_back) == rational(value)


@pytest.mark.parametrize("value", [Decimal("0.0000001"), Decimal("1e20"), 1e-07])
def test_a_decimal_is_appended_in_block_and_flow_lists(value: object) -> None:
    item = {"id": "new", "value": value, "range": [Decimal("0.5"), Decimal("12345678.25")]}
    for old in ("figures:\n  - id: a\n", "figures:\n  - {id: a}\n", "figures: [{id: a}]\n"):
        result = append_item(old, "figures", item)  # type: ignore[arg-type]
        new = read(result.text)["figures"][-1]  # type: ignore[index]
        assert not re.search(r"[0-9][eE]", result.item)  # no exponent
        assert rational(new["value"]) == rational(value)
        assert new["range"] == [0.5, 12345678.25]


def test_text_from_bytes_that_are_not_utf8_is_named_around_the_first_bad_byte() -> None:
    assert not_utf8("‘typographic’ text, \u2028 and all") is None
    message = not_utf8("a" * 100 + "\udcff" + "b" * 100)
    assert message is not None and len(message) < 150
    assert repr("a" * 20 + "\udcff" + "b" * 20) in message


@pytest.mark.parametrize("mark", ["&x", "!!seq", "&x !!seq"])
def test_an_anchor_or_tag_on_the_list_does_not_move_the_dashes(mark: str) -> None:
    old = f"accepted: {mark}\n  - finding: FC201:b93579667e\n    why: x\n"
    result = append_item(old, "accepted", {"finding": "FC206:d2f3e6dd24", "why": "y"})
    assert result.text == old + "  - finding: FC206:d2f3e6dd24\n    why: y\n"


def test_a_final_block_scalar_without_a_final_newline_is_refused_not_broken() -> None:
    old = "accepted:\n  - finding: FC201:b93579667e\n    why: |\n      multi\n      line"
    with pytest.raises(CannotAppend, match="final newline"):
        append_item(old, "accepted", {"finding": "FC206:d2f3e6dd24", "why": "y"})
