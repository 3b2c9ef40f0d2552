"""Setting fields of an item already in a YAML list, as text (yaml_appending.set_fields): the
field's value is replaced where it stands or the field added at the end of the item, and
every other byte of the file stays."""

from __future__ import annotations

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from figcheck.ledger import yaml_reading
from figcheck.writing.yaml_appending import (
    WIDTH,
    CannotAppend,
    DateText,
    FoldedText,
    append_item,
    set_fields,
)

REVIEWED = {"doc/fig": {"value": 2900, "approx": "exact", "as_of": DateText("2015-12?")}}
REVIEWED_LINES = (
    "    reviewed:\n      doc/fig:\n        value: 2900\n        approx: exact\n"
    "        as_of: 2015-12?\n"
)


def read(text: str) -> object:
    return yaml_reading.loads(text)[0]


def test_a_missing_field_goes_at_the_end_of_its_item_and_nothing_else_moves() -> None:
    old = (
        "# Reviewed by the desk.\naccepted:\n  - finding: FC201:0000000001\n    why: one\n\n"
        "  - finding: FC201:0000000002   # the second\n    why: two\n"
    )
    edited = set_fields(old, "accepted", {0: {"reviewed": REVIEWED}})
    head = "# Reviewed by the desk.\naccepted:\n  - finding: FC201:0000000001\n    why: one\n"
    assert edited.text == head + REVIEWED_LINES + old[len(head) :]
    place = edited.items[0]
    assert (place.first_line, place.last_line) == (3, 9)
    assert place.item.splitlines()[0] == "  - finding: FC201:0000000001"
    assert place.item.splitlines()[-1] == "        as_of: 2015-12?"


def test_a_field_the_item_has_is_replaced_in_place_keeping_its_comment() -> None:
    old = "accepted:\n  - finding: FC201:0000000001\n    why: old reason   # by Ana\n    x: 1\n"
    edited = set_fields(old, "accepted", {0: {"why": "new: reason"}})
    assert edited.text == (
        "accepted:\n  - finding: FC201:0000000001\n    why: 'new: reason'   # by Ana\n    x: 1\n"
    )


def test_a_folded_reason_is_kept_and_the_blank_line_after_it_stays_between_items() -> None:
    old = (
        "accepted:\n  - finding: FC201:0000000001\n    why: >-\n      a long reason,\n"
        "      folded\n\n  - finding: FC201:0000000002\n"
    )
    edited = set_fields(old, "accepted", {0: {"reviewed": REVIEWED}})
    split = old.index("\n\n") + 1
    assert edited.text == old[:split] + REVIEWED_LINES + old[split:]
    assert read(edited.text)["accepted"][0]["why"] == "a long reason, folded"  # type: ignore[index]


def test_a_folded_reason_replaced_leaves_the_blank_lines_after_it() -> None:
    old = "accepted:\n  - finding: F\n    why: >-\n      old\n      reason\n\n  - finding: G\n"
    edited = set_fields(old, "accepted", {0: {"why": "new"}})
    assert edited.text == "accepted:\n  - finding: F\n    why: new\n\n  - finding: G\n"


def test_a_reason_that_keeps_its_final_blank_lines_keeps_them() -> None:
    old = "accepted:\n  - finding: F\n    why: |+\n      kept\n\n  - finding: G\n"
    edited = set_fields(old, "accepted", {0: {"reviewed": {}}})
    assert read(edited.text)["accepted"][0] == {  # type: ignore[index]
        "finding": "F",
        "why": "kept\n\n",
        "reviewed": {},
    }
    assert edited.text.startswith(old[: old.index("  - finding: G")])


def test_flow_items_are_written_again_whole_on_their_line() -> None:
    old = "accepted:\n  - {finding: F, why: f}   # one line\n  - finding: G\n"
    edited = set_fields(old, "accepted", {0: {"reviewed": REVIEWED}})
    assert edited.text == (
        "accepted:\n  - {finding: F, why: f, reviewed: {doc/fig: {value: 2900, approx: exact, "
        "as_of: '2015-12?'}}}   # one line\n  - finding: G\n"
    )
    flow = set_fields("accepted: [{finding: F}, {finding: G}]\n", "accepted", {1: {"why": "g"}})
    assert flow.text == "accepted: [{finding: F}, {finding: G, why: g}]\n"
    assert (flow.items[1].first_line, flow.items[1].last_line) == (1, 1)


def test_a_dash_on_its_own_line_and_a_list_at_its_keys_column() -> None:
    old = "accepted:\n-\n  finding: F\n  why: f\n# the end\n"
    edited = set_fields(old, "accepted", {0: {"reviewed": REVIEWED}})
    assert edited.text == (
        "accepted:\n-\n  finding: F\n  why: f\n  reviewed:\n    doc/fig:\n      value: 2900\n"
        "      approx: exact\n      as_of: 2015-12?\n# the end\n"
    )
    assert edited.items[0].first_line == 2


def test_four_space_indentation_is_followed_for_nested_fields() -> None:
    old = "accepted:\n    -   finding: F\n        why: f\n"
    edited = set_fields(old, "accepted", {0: {"reviewed": {"d/f": {"value": 1}}}})
    assert edited.text == old + "        reviewed:\n            d/f:\n                value: 1\n"


def test_several_items_at_once_and_crlf_line_endings() -> None:
    old = "accepted:\r\n  - finding: F\r\n  - finding: G\r\n    why: g\r\n"
    edited = set_fields(old, "accepted", {0: {"why": "f"}, 1: {"why": "g2", "reviewed": {}}})
    assert edited.text == (
        "accepted:\r\n  - finding: F\r\n    why: f\r\n  - finding: G\r\n    why: g2\r\n"
        "    reviewed: {}\r\n"
    )


def test_a_file_without_a_final_newline_keeps_none() -> None:
    old = "accepted:\n  - finding: F\n    why: f"
    edited = set_fields(old, "accepted", {0: {"reviewed": {}}})
    assert edited.text == old + "\n    reviewed: {}"


@pytest.mark.parametrize(
    ("text", "changes", "problem"),
    [
        ("accepted:\n  - finding: F\n", {1: {"why": "x"}}, "`accepted:` has no item 2"),
        ("accepted:\n  - F\n", {0: {"why": "x"}}, "item 1 of `accepted:` is not a mapping"),
        ("other: 1\n", {0: {"why": "x"}}, "it has no list under `accepted:`"),
        ("accepted: {finding: F}\n", {0: {"why": "x"}}, "it has no list under `accepted:`"),
        ("accepted: [\n", {0: {"why": "x"}}, "it is not valid YAML"),
    ],
)
def test_what_cannot_be_edited_is_refused(text: str, changes: dict, problem: str) -> None:  # type: ignore[type-arg]
    with pytest.raises(CannotAppend) as refused:
        set_fields(text, "accepted", changes)
    assert str(refused.value).startswith(problem)


def test_appending_an_item_with_a_nested_mapping() -> None:
    old = "accepted:\n  - finding: F\n"
    item = {"finding": "G", "why": "g", "reviewed": REVIEWED}
    appended = append_item(old, "accepted", item)
    assert appended.text == old + "  - finding: G\n    why: g\n" + REVIEWED_LINES
    empty = append_item(old, "accepted", {"finding": "G", "reviewed": {}})
    assert empty.text == old + "  - finding: G\n    reviewed: {}\n"


def test_keys_that_yaml_would_read_otherwise_are_quoted() -> None:
    old = "accepted:\n  - finding: F\n"
    odd = {"true": {"value": 1}, "a: b": {"value": 2}, "2015": {"value": 3}}
    edited = set_fields(old, "accepted", {0: {"reviewed": odd}})
    assert read(edited.text)["accepted"][0]["reviewed"] == odd  # type: ignore[index]


# -- any list, any item, any reason --------------------------------------------------------------

reasons = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=40).filter(
    lambda s: s.strip() == s and bool(s)
)


@settings(max_examples=150, deadline=None)
@given(
    whys=st.lists(st.one_of(st.none(), reasons), min_size=1, max_size=4),
    style=st.sampled_from(["plain", "folded", "flow"]),
    data=st.data(),
)
def test_only_the_item_changes_and_it_reads_back_as_set(
    whys: list[str | None], style: str, data: st.DataObject
) -> None:
    items = []
    for number, why in enumerate(whys):
        entry = {"finding": f"FC201:{number:010d}"}
        if why is not None:
            entry["why"] = why
        items.append(entry)
    if style == "flow":
        text = yaml.safe_dump({"accepted": items}, default_flow_style=None, width=60)
    elif style == "folded":
        text = yaml.safe_dump({"accepted": items}, default_style=">", width=30)
    else:
        text = "# accepted\n" + yaml.safe_dump({"accepted": items}, allow_unicode=True)
    index = data.draw(st.integers(0, len(items) - 1), label="index")
    prose = st.one_of(reasons, reasons.map(FoldedText), st.just(FoldedText(LONG)))
    fields = data.draw(
        st.fixed_dictionaries({}, optional={"why": prose, "reviewed": st.just(REVIEWED)}),
        label="fields",
    )
    edited = set_fields(text, "accepted", {index: fields})
    after = read(edited.text)["accepted"]  # type: ignore[index]
    before = read(text)["accepted"]  # type: ignore[index]
    expected = [{**b, **fields} if i == index else b for i, b in enumerate(before)]
    assert [dict(a) for a in after] == [dict(e) for e in expected]
    place = edited.items[index]
    new_lines, old_lines = edited.text.splitlines(), text.splitlines()
    head = new_lines[: place.first_line - 1]
    assert head == old_lines[: len(head)]
    tail = len(new_lines) - place.last_line
    assert new_lines[len(new_lines) - tail :] == old_lines[len(old_lines) - tail :]


# -- long prose, folded ------------------------------------------------------------------------

LONG = (
    "The FSB's corrected count is 4,100 for the end of 2015, against the minister's about "
    "2,200 in July: growth of about 380 a month, or two ways of counting."
)


def test_long_prose_is_folded_at_the_width_and_short_prose_stays_on_its_line() -> None:
    edited = set_fields("accepted:\n  - finding: F\n", "accepted", {0: {"why": FoldedText(LONG)}})
    lines = edited.text.splitlines()
    assert lines[2] == "    why: >-"
    assert all(line.startswith("      ") and len(line) <= WIDTH for line in lines[3:])
    assert len(lines) == 5  # two lines of at most 100 columns hold it
    assert read(edited.text)["accepted"][0]["why"] == LONG  # type: ignore[index]
    short = set_fields("accepted:\n  - finding: F\n", "accepted", {0: {"why": FoldedText("ok")}})
    assert short.text == "accepted:\n  - finding: F\n    why: ok\n"


@pytest.mark.parametrize(
    "text", [LONG.replace("count", "count  "), LONG + "\nsecond line", " " + LONG, LONG + "\t"]
)
def test_prose_that_folding_would_change_stays_on_one_line(text: str) -> None:
    appended = append_item("accepted:\n", "accepted", {"finding": "F", "why": FoldedText(text)})
    assert ">-" not in appended.text
    assert read(appended.text)["accepted"][0]["why"] == text  # type: ignore[index]


@settings(max_examples=200, deadline=None)
@given(text=st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=300))
def test_any_prose_reads_back_as_written(text: str) -> None:
    try:
        appended = append_item("accepted:\n", "accepted", {"finding": "F", "why": FoldedText(text)})
    except (CannotAppend, ValueError):
        return  # refused as for any string that YAML cannot hold; never written wrong
    assert read(appended.text)["accepted"][0]["why"] == text  # type: ignore[index]
