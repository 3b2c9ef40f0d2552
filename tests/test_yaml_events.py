"""Reading YAML from libyaml's events (figcheck/ledger/yaml_events.py) builds exactly what
PyYAML's loader with figcheck's constructors builds: the same values and types, the same
line of every mapping and key, the same repeated keys in the same order; and it leaves to
that loader every file it does not build the same way."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from figcheck.ledger import yaml_events, yaml_reading
from figcheck.ledger.yaml_reading import LineMap, YamlError


def reference(text: str) -> tuple[object, object]:
    """What PyYAML's loader (the path before yaml_events) gives: the shape of the data and
    its repeated keys, or the error it raises."""
    loader = yaml_reading._Loader(text)
    try:
        with yaml_reading._yaml_errors():
            return shape(loader.get_single_data()), loader.duplicates
    except YamlError as error:
        return "error", (str(error), error.line)
    finally:
        loader.dispose()


def shape(value: object) -> object:
    """Everything a reader can see of a parsed value: types, lines, key lines, order."""
    if isinstance(value, LineMap):
        return (
            "map",
            value.line,
            sorted(value.key_lines.items(), key=repr),
            [(shape(k), shape(v)) for k, v in value.items()],
        )
    if isinstance(value, list):
        return ("list", [shape(item) for item in value])
    if isinstance(value, float) and value != value:
        return ("float", "nan")
    return (type(value).__name__, value)


def through_events(text: str) -> tuple[object, object] | None:
    composed = yaml_events.compose(text)
    if composed is None:
        return None
    data, duplicates = composed
    return shape(data), duplicates


def loaded(text: str) -> tuple[object, object]:
    """What figcheck's loader gives now, with the events' path first."""
    try:
        data, duplicates = yaml_reading.loads(text)
    except YamlError as error:
        return "error", (str(error), error.line)
    return shape(data), duplicates


SOURCE_FILE = """\
# a comment
document:
  id: tass-2015   # trailing comment
  title: "A title: with a colon"
  published: 2015-11-19
figures:
  - id: departed
    quantity: ru-departed
    value: 2719
    approx: exact
    as_of: 2015-11-19
    said_by: Oleg Syromolotov, Deputy Foreign Minister
    quote: 'From Russia went to Syria 2719 Russian citizens'
    note: >-
      folded over
      two lines

  - id: range
    value: [200, 999]
    as_of: 2015/2016
ignore:
  - {text: "article 51", why: a number of an article}
"""


@pytest.mark.parametrize(
    "text",
    [
        SOURCE_FILE,
        "",
        "# only a comment\n",
        "---\n",
        "just a scalar\n",
        "- 1\n- two\n- [3, {four: 4}]\n",
        "a: 1\na: 2\n",
        # A repeated key's value is not built, so nothing repeated inside it is reported.
        "a: {x: 1}\nb:\n  c: 1\n  c: 2\na:\n  y: 1\n  y: 2\n",
        "top:\n  - {k: 1, k: 2}\n  - inner:\n      z: 1\n      z: 2\nk: 0\nk: 1\n",
        "1: one\n1.0: float one\ntrue: yes\n~: null key\nnull: again\n",
        "v: [yes, No, on, OFF, ~, null, '', 0x10, 04210, 1_000, 70:10, 1.5, .inf, -.INF, .nan]\n",
        "d: 2015-11-19\nt: 2001-12-14t21:59:43.10-05:00\ny: 2015\nm: 2015-06\n",
        "big: 1" + "0" * 5000 + "\n",
        "e: 1e5\nf: 1.0e+5\ng: +12\nh: -0\ni: 0\n",
        "q: 'single'\nr: \"double \\t escaped\"\ns: |\n  literal\n  block\n",
        "key with spaces: value\n? complex\n: value\n",
        "a: &anchor {x: 1}\nb: *anchor\n",
        "a: !!str 5\n",
        "a: !custom x\n",
        "<<: {x: 1}\ny: 2\n",
        "base: &b {x: 1}\nderived:\n  <<: *b\n  x: 2\n",
        "eq: =\n",
        "a: 1\n---\nb: 2\n",
        "%TAG ! tag:example.com,2000:\n---\na: 1\n",
        "[a, b]: 1\n",
        "{a: 1}: 2\n",
        "a: [1, 2\n",
        "a: b: c\n",
        "a:\n\tb: 1\n",
        "\ufeffa: 1\n",
        "a: 1\r\nb: 2\r\n",
        "a: x\u2028b: y\n",
        "a: {}\nb: []\nc:\nd: ''\n",
    ],
)
def test_builds_what_pyyamls_loader_builds_or_leaves_the_file_to_it(text: str) -> None:
    expected = reference(text)
    built = through_events(text)
    if built is not None:
        assert built == expected
    assert loaded(text) == expected


def test_ordinary_ledger_files_are_built_from_events() -> None:
    assert through_events(SOURCE_FILE) is not None
    assert through_events("a: 1\na: 2\n") is not None


@pytest.mark.parametrize(
    "text",
    ["a: &x 1\n", "a: !!str 5\n", "<<: {x: 1}\n", "eq: =\n", "a: 1\n---\nb: 2\n", "[a]: 1\n"],
)
def test_what_it_does_not_build_itself_is_left_to_pyyaml(text: str) -> None:
    assert yaml_events.compose(text) is None


def test_repeated_keys_come_level_by_level_as_pyyaml_reports_them() -> None:
    text = "a:\n  x: 1\n  x: 2\nb:\n  - {y: 1, y: 2}\na: 3\n"
    built = through_events(text)
    assert built is not None
    keys = [(d.key, d.line, d.first_line) for d in built[1]]  # type: ignore[union-attr]
    assert keys == [("a", 6, 1), ("x", 3, 2), ("y", 5, 5)]


# Pieces of YAML that ledger files are made of, and some that they are not.
SCALARS = st.sampled_from(
    [
        "1", "-46", "2.5", "2719", "0", "007", "0x1f", "1_0", "1e3", "1.5e+3", ".5", "+.inf",
        ".NaN", "yes", "No", "on", "Off", "true", "FALSE", "~", "null", "", "2015-11-19",
        "2015", "2015-06", "2015-11-19?", "2015/2016", "..", "word", "two words", "a:b",
        "'quoted: x'", '"dq \\u00e9"', "'it''s'", "[1, 2]", "[]", "{}", "{a: 1}", "=", "<<",
        "&a 1", "*a", "!!int 3", "x #c", "é", "`tick", "@at", "%pct", "| x",
    ]
)  # fmt: skip
KEYS = st.sampled_from(["id", "value", "a", "b", "1", "true", "~", "'q'", "<<", "x y", "? k"])


@st.composite
def documents(draw: st.DrawFn, depth: int = 0) -> str:
    lines: list[str] = []
    for _ in range(draw(st.integers(1, 4))):
        key = draw(KEYS)
        pad = "  " * depth
        shape_of = draw(st.sampled_from(["scalar", "map", "list", "blank"]))
        if shape_of == "scalar" or depth >= 2:
            lines.append(f"{pad}{key}: {draw(SCALARS)}")
        elif shape_of == "map":
            lines.append(f"{pad}{key}:")
            lines.append(draw(documents(depth + 1)))
        elif shape_of == "list":
            lines.append(f"{pad}{key}:")
            for _ in range(draw(st.integers(0, 3))):
                lines.append(f"{pad}  - {draw(KEYS)}: {draw(SCALARS)}")
                if draw(st.booleans()):
                    lines.append(f"{pad}    {draw(KEYS)}: {draw(SCALARS)}")
        else:
            lines.append(draw(st.sampled_from(["", "# comment", f"{pad}# indented"])))
    return "\n".join(lines)


@settings(max_examples=400, deadline=None)
@given(documents())
def test_any_mix_of_these_pieces_reads_as_pyyaml_reads_it(text: str) -> None:
    expected = reference(text)
    built = through_events(text)
    if built is not None:
        assert built == expected
    assert loaded(text) == expected
