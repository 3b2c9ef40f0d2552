"""Adding an item to a list in a YAML file, or setting fields of an item already there, as
text, keeping the rest of the file byte for byte.

Loading a file and dumping it again loses its comments (PyYAML) or costs a slow round-trip
parser (ruamel.yaml, ../shared/MEASURED.md). figcheck instead reads where the list under a
top-level key ends from the parser's marks and inserts one item written in the file's own
style: the list's indentation, a blank line between items if the file has them, a flow item
(`- {id: a, ...}`) after flow items, the file's line endings, and no final newline if the
file had none. Every string is quoted only as much as YAML needs, every number is written
with its digits in place (`0.0000001`, never `1e-07`, which YAML 1.1 reads as a string), and
the new text is parsed again to make sure each value reads back exactly as given: a string
as the same string, a number as the same exact rational. A value may be a mapping of such
values (written as a nested block, `key: {}` when empty).

`set_fields` changes items in place: a field the item has gets its new value where the old
one stood (its key, its place and a comment after it on its line are kept), a field it lacks
is added at the end of the item, and nothing else in the file changes.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from math import inf, isfinite
from typing import Any, TypeGuard

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from figcheck.ledger import yaml_reading
from figcheck.values import exact

Number = int | float | Decimal
Scalar = str | Number
Value = Scalar | Sequence[Number] | Mapping[str, "Value"]

_BREAK = re.compile(r"\r\n|[\r\n\x85\u2028\u2029]")  # what YAML counts as a line break
_BOM = "\ufeff"
DEFAULT_INDENT = 2


class DateText(str):
    """A date as the curator wrote it (`2015-11-19`, `2015`, `2015-12~`): written without
    quotes, like the rest of the ledger, wherever figcheck reads it back as the same text."""


class FoldedText(str):
    """Prose, such as a reason: where it does not fit on its key's line, written as a folded
    block scalar (`>-`) wrapped at WIDTH columns, as curators write long text, provided that
    it reads back as the same text; otherwise on one line like any other string."""


WIDTH = 100  # the columns a folded text is wrapped to


class CannotAppend(Exception):
    """The file's structure leaves no place for a new item; the message says why."""


@dataclass(frozen=True)
class Appended:
    text: str  # the whole new file
    first_line: int  # 1-based lines of the new item in it
    last_line: int
    item: str  # the item as inserted


_SURROGATE = re.compile("[\ud800-\udfff]")


def not_utf8(text: str) -> str | None:
    """A refusal when `text` holds lone surrogates, else None. They are what Python makes of
    command-line bytes that are not UTF-8, and no YAML file (nor UTF-8 text) can hold them."""
    found = _SURROGATE.search(text)
    if found is None:
        return None
    around = text[max(0, found.start() - 20) : found.end() + 20]  # enough to find it by
    return (
        f"holds bytes that are not UTF-8 text ({around!r}); check the encoding of your "
        "terminal or script"
    )


def scalar(value: Value, *, flow: bool = False) -> str:
    """`value` as a YAML scalar on one line (a mapping in flow style): in block context, or
    with `flow` as an item of a flow list (`[a, b]`), where `,`, `[`, `]`, `{` and `}` end a
    plain scalar and text holding them must be quoted."""
    if isinstance(value, Mapping):
        return flow_mapping(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float, Decimal)):
        return number_text(value)
    if isinstance(value, str):
        if isinstance(value, DateText) and _reads_back(str(value), value, flow=flow):
            return str(value)
        return _string(value, flow=flow)
    return "[" + ", ".join(scalar(v, flow=True) for v in value) + "]"


def number_text(value: Number) -> str:
    """`value` in plain decimal digits, without an exponent: an int as an int, a decimal
    with the digits it has (`2.50` stays `2.50`), a float as its shortest decimal. Raises
    ValueError for an infinity or NaN, which a ledger cannot hold."""
    if isinstance(value, int):
        return str(value)
    decimal = Decimal(repr(value)) if isinstance(value, float) else value
    if not decimal.is_finite():
        raise ValueError(f"{value} is not a finite number")
    return format(decimal, "f")


def _string(text: str, *, flow: bool = False) -> str:
    """Plain if YAML reads it back as this text (in a flow list, with `flow`), else
    single-quoted, else double-quoted with escapes (for line breaks and characters YAML
    cannot hold literally)."""
    dumped = _dump(text, style=None)
    if "\n" not in dumped and _reads_back(dumped, text, flow=flow):
        return dumped
    dumped = _dump(text, style='"')
    if _reads_back(dumped, text):
        return dumped
    raise ValueError(f"cannot write {text!r} as YAML")


def _dump(text: str, style: str | None) -> str:
    out = yaml.safe_dump(str(text), default_style=style, allow_unicode=True, width=inf)
    return out.removesuffix("\n...\n").removesuffix("\n")


def _reads_back(written: str, value: Value, *, flow: bool = False) -> bool:
    """Whether figcheck, and any other YAML 1.1 reader (an editor, a schema validator), reads
    `written` back as `value` (with `flow`, as the one item of a flow list): figcheck keeps
    `0777` as text, others read the octal 511."""
    if flow:
        return _reads_back(f"[{written}]", [value])  # type: ignore[list-item]
    document = f"k: {written}\n"
    try:
        data, _ = yaml_reading.loads(document)
        plain = yaml.safe_load(document)
    except (yaml_reading.YamlError, yaml.YAMLError):
        return False
    except ValueError:
        # PyYAML reads `2015-02-30` as a timestamp and fails to build the date: quoted, it is
        # text, which the loader then reports as the bad date it is (FC101).
        return False
    if not (isinstance(data, dict) and _same(data.get("k"), value)):
        return False
    # Others may read a date as a date (2015-11-19) or a year as an int (2015): the same
    # text; but `0777` as the octal 511 would not be.
    other = plain.get("k") if isinstance(plain, dict) else None
    if isinstance(other, (datetime.date, int)) and not isinstance(other, bool):
        other = other.isoformat() if isinstance(other, datetime.date) else str(other)
    return _same(other, value) or other == str(value)


def _same(read: object, value: Value) -> bool:
    if isinstance(value, DateText):
        # A bare year reads as an int; the loader takes it as the same date text.
        return isinstance(read, (str, int)) and not isinstance(read, bool) and str(read) == value
    if isinstance(value, str):
        return isinstance(read, str) and read == value
    if isinstance(value, (int, float, Decimal)):
        # A number reads back as the rational the loader takes it for (values.exact), which
        # must be the one given: `2.50` may read as the float 2.5, never as 2.4999999999.
        return _is_finite_number(read) and exact(read) == _rational(value)
    if isinstance(value, Mapping):
        return (
            isinstance(read, dict)
            and set(read) == set(value)
            and all(_same(read[k], v) for k, v in value.items())
        )
    return isinstance(read, list) and len(read) == len(value) and all(map(_same, read, value))


def _is_finite_number(read: object) -> TypeGuard[int | float]:
    if isinstance(read, float):
        return isfinite(read)
    return isinstance(read, int) and not isinstance(read, bool)


def _rational(value: Number) -> Fraction:
    return Fraction(value) if isinstance(value, Decimal) else exact(value)


class _FlowDumper(yaml.SafeDumper):
    """Writes numbers as number_text does, so that a flow item holds the same digits a
    block item would."""


def _represent_number(dumper: yaml.SafeDumper, value: float | Decimal) -> yaml.ScalarNode:
    text = number_text(value)
    kind = "float" if "." in text else "int"
    return dumper.represent_scalar(f"tag:yaml.org,2002:{kind}", text)


_FlowDumper.add_representer(float, _represent_number)
_FlowDumper.add_representer(Decimal, _represent_number)


def _plain(value: object) -> object:
    """`value` with only the types a dumper knows: str for DateText, dict for LineMap."""
    if isinstance(value, str):
        return str(value)
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def flow_mapping(item: Mapping[str, Value]) -> str:
    """`{id: a, value: 1, ...}` on one line, with the quoting that flow context needs. Text
    is written as it is where that reads back; else with escapes (PyYAML writes some line
    breaks, such as U+0085, raw inside quotes, where they read as spaces)."""
    plain = _plain(item)
    for readable in (True, False):
        dumped = yaml.dump(
            plain,
            Dumper=_FlowDumper,
            default_flow_style=True,
            allow_unicode=readable,
            width=inf,
            sort_keys=False,
        ).removesuffix("\n")
        try:
            read, _ = yaml_reading.loads(f"k: {dumped}\n")
        except yaml_reading.YamlError:
            continue
        if isinstance(read, dict) and _same(read.get("k"), item):
            break
    return dumped


def block_mapping(item: Mapping[str, Value], indent: int, step: int = DEFAULT_INDENT) -> list[str]:
    """`key: value` lines at `indent` spaces; a mapping value as `key:` and its own lines
    `step` spaces deeper (`key: {}` when empty)."""
    lines = []
    for key, value in item.items():
        head = f"{' ' * indent}{_key(key)}:"
        if isinstance(value, Mapping) and value:
            lines.append(head)
            lines += block_mapping(value, indent + step, step)
            continue
        line = f"{head} {scalar(value)}"
        folded = _folded(value, indent + step) if isinstance(value, FoldedText) else None
        if len(line) > WIDTH and folded:
            lines += [f"{head} >-", *folded]
        else:
            lines.append(line)
    return lines


def _folded(text: str, indent: int) -> list[str] | None:
    """`text` as the lines of a folded block scalar at `indent`, each at most WIDTH columns
    where its words allow; None when folding would not read back as `text` (line breaks,
    runs of spaces, characters YAML cannot hold literally)."""
    if not text or text != text.strip() or "  " in text or "\t" in text:
        return None
    lines: list[str] = []
    for word in text.split(" "):
        if lines and indent + len(lines[-1]) + 1 + len(word) <= WIDTH:
            lines[-1] += f" {word}"
        else:
            lines.append(word)
    block = [" " * indent + line for line in lines]
    document = "k: >-\n" + "\n".join(f"  {line}" for line in lines) + "\n"
    try:
        ours, _ = yaml_reading.loads(document)
        theirs = yaml.safe_load(document)
    except (yaml_reading.YamlError, yaml.YAMLError):
        return None
    if not (isinstance(ours, dict) and isinstance(theirs, dict)):
        return None
    return block if ours.get("k") == text == theirs.get("k") else None


def _key(key: str) -> str:
    """A mapping key as `_string` writes a value, where YAML reads it back as this key;
    else double-quoted."""
    text = _string(key)
    try:
        read, _ = yaml_reading.loads(f"{text}: 0\n")
    except yaml_reading.YamlError:
        read = None
    return text if isinstance(read, dict) and list(read) == [key] else _dump(key, style='"')


class _Lines:
    """Line and column <-> offset, counting line breaks as YAML does."""

    def __init__(self, text: str) -> None:
        self.text = text
        breaks = list(_BREAK.finditer(text))
        self.starts = [0, *(m.end() for m in breaks)]
        self.ends = [*(m.start() for m in breaks), len(text)]
        first = breaks[0].group() if breaks else "\n"
        self.newline = first if first in ("\n", "\r\n", "\r") else "\n"

    def __len__(self) -> int:
        return len(self.starts)

    def __getitem__(self, line: int) -> str:
        return self.text[self.starts[line] : self.ends[line]]

    def offset(self, mark: yaml.Mark) -> int:
        return self.starts[mark.line] + mark.column

    def line_at(self, offset: int) -> int:
        """The 1-based line holding `offset`."""
        return len(_BREAK.findall(self.text, 0, offset)) + 1


def append_item(text: str, key: str, item: Mapping[str, Value]) -> Appended:
    """`text` with `item` added at the end of the list under the top-level `key` (created if
    missing; an empty `key:`, `key: ~` or `key: []` becomes a block list). Raises
    CannotAppend when the file is not a YAML mapping, or `key` holds something else."""
    bom, body = _split_bom(text)
    root = _composed(body)
    lines = _Lines(body)
    if root is None:
        edit = _add_key_to_empty_file(lines, key, item)
    elif not isinstance(root, MappingNode):
        raise CannotAppend("it is not a YAML mapping")
    else:
        values = [v for k, v in root.value if isinstance(k, ScalarNode) and k.value == key]
        if not values:
            edit = _add_key(lines, root, key, item)
        elif _is_empty(values[-1]):
            edit = _fill_empty(lines, root, values[-1], item)
        elif not isinstance(values[-1], SequenceNode):
            raise CannotAppend(f"`{key}:` holds something other than a list")
        elif values[-1].flow_style:
            edit = _add_to_flow_list(lines, values[-1], item)
        else:
            edit = _add_to_block_list(lines, values[-1], item)
    new = edit.apply(body)
    _check_reads_back(body, new, key, item)
    first = _Lines(new).line_at(edit.item_start)
    return Appended(bom + new, first, first + len(_BREAK.findall(edit.item)), edit.item)


@dataclass(frozen=True)
class _Edit:
    """Replace text[start:end] by before + item + after."""

    start: int
    end: int
    item: str
    before: str = ""
    after: str = ""

    def apply(self, text: str) -> str:
        return text[: self.start] + self.before + self.item + self.after + text[self.end :]

    @property
    def item_start(self) -> int:
        return self.start + len(self.before)


def _is_empty(node: Node) -> bool:
    if isinstance(node, ScalarNode):
        return bool(node.tag.endswith(":null"))
    return isinstance(node, SequenceNode) and bool(node.flow_style) and not node.value


def _after_line(lines: _Lines, line: int, block: list[str], blank: bool = False) -> _Edit:
    """`block` as new lines after the 0-based `line`, after a blank line if `blank`."""
    at = lines.ends[line]
    nl = lines.newline
    return _Edit(at, at, nl.join(block), before=nl * (2 if blank else 1))


def _add_key_to_empty_file(lines: _Lines, key: str, item: Mapping[str, Value]) -> _Edit:
    """An empty file, or one of comments only: `key:` and the item go at its end."""
    nl, text = lines.newline, lines.text
    block = nl.join(_block_item(item, DEFAULT_INDENT, DEFAULT_INDENT + 2))
    if not text:
        return _Edit(0, 0, block, before=f"{key}:{nl}", after=nl)
    lead = "" if _BREAK.fullmatch(text[-1]) else nl  # keep a missing final newline missing
    return _Edit(
        len(text), len(text), block, before=f"{lead}{key}:{nl}", after=nl if not lead else ""
    )


def _add_key(lines: _Lines, root: MappingNode, key: str, item: Mapping[str, Value]) -> _Edit:
    """A new `key:` with a one-item list, after the last content of the file."""
    if root.flow_style:
        raise CannotAppend("it is written as one flow mapping ({...}); write it in block style")
    indent = _indent_of_children(root)
    edit = _after_line(lines, _content_end(lines, root, 0), [f"{key}:"])
    block = lines.newline.join(_block_item(item, indent, indent + 2))
    return _Edit(edit.start, edit.end, block, before=edit.before + edit.item + lines.newline)


def _fill_empty(lines: _Lines, root: MappingNode, empty: Node, item: Mapping[str, Value]) -> _Edit:
    """`key:`, `key: ~` or `key: []` followed by a block list of the one new item."""
    start, end = lines.offset(empty.start_mark), lines.offset(empty.end_mark)
    line_start = lines.starts[empty.end_mark.line]
    while start > line_start and lines.text[start - 1] in " \t":
        start -= 1  # `key: []` becomes `key:`, not `key: `
    at = lines.ends[empty.end_mark.line]
    indent = _indent_of_children(root)
    block = lines.newline.join(_block_item(item, indent, indent + 2))
    # Keep what follows the empty value on its line (a comment), then the new lines.
    return _Edit(start, at, block, before=lines.text[end:at] + lines.newline)


def _add_to_flow_list(lines: _Lines, sequence: SequenceNode, item: Mapping[str, Value]) -> _Edit:
    """`[a, b]` -> `[a, b, {new}]`, inserted right after the last item."""
    at = lines.offset(sequence.value[-1].end_mark)
    return _Edit(at, at, flow_mapping(item), before=", ")


def _add_to_block_list(lines: _Lines, sequence: SequenceNode, item: Mapping[str, Value]) -> _Edit:
    last = sequence.value[-1]
    dash = _dash_column(lines, sequence)
    content = max(last.start_mark.column, dash + 2)
    end = _content_end(lines, last, dash)
    blank = len(sequence.value) > 1 and any(
        not lines[i].strip()
        for i in range(_content_end(lines, sequence.value[-2], dash) + 1, last.start_mark.line)
    )
    if isinstance(last, MappingNode) and last.flow_style:
        block = [" " * dash + "-" + " " * (content - dash - 1) + flow_mapping(item)]
    else:
        block = _block_item(item, dash, content)
    return _after_line(lines, end, block, blank)


def _dash_column(lines: _Lines, sequence: SequenceNode) -> int:
    """The column of the list's dashes: where the `-` before its first item stands. The
    sequence's own mark is where an anchor or tag (`&x`, `!!seq`) begins, if it has one."""
    first = sequence.value[0]
    before = lines[first.start_mark.line][: first.start_mark.column]
    if "-" in before:
        return before.rindex("-")
    for line in range(first.start_mark.line - 1, sequence.start_mark.line - 1, -1):
        if lines[line].strip() == "-":  # the item starts on the line after its dash
            return lines[line].index("-")
    return sequence.start_mark.column


def _block_item(item: Mapping[str, Value], dash: int, content: int) -> list[str]:
    first, *rest = block_mapping(item, content)
    return [" " * dash + "-" + first[dash + 1 :], *rest]


def _content_end(lines: _Lines, node: Node, owner_column: int) -> int:
    """The 0-based last line of `node`'s content, with the comment lines right after it that
    are indented deeper than `owner_column` (they belong to it, not to what follows)."""
    while isinstance(node, (MappingNode, SequenceNode)) and not node.flow_style and node.value:
        node = node.value[-1][1] if isinstance(node, MappingNode) else node.value[-1]
    last = node.end_mark.line
    if node.end_mark.column == 0 and last > node.start_mark.line:
        # A block scalar (`|`, `>`) ends at the start of the line after it. The blank lines
        # before that may be part of its value (`|+`), so the new item goes after them.
        last -= 1
    while last + 1 < len(lines):
        following = lines[last + 1]
        stripped = following.lstrip(" ")
        if not stripped.startswith("#") or len(following) - len(stripped) <= owner_column:
            break
        last += 1
    return last


def _indent_of_children(root: MappingNode) -> int:
    """How far the file indents what lies under a top-level key: a list's dash, or a nested
    mapping's keys, as the first one found shows it."""
    for _, value in root.value:
        if isinstance(value, SequenceNode) and not value.flow_style and value.value:
            return value.start_mark.column - root.start_mark.column
        if isinstance(value, MappingNode) and not value.flow_style and value.value:
            return value.start_mark.column - root.start_mark.column
    return DEFAULT_INDENT


def _check_reads_back(old: str, new: str, key: str, item: Mapping[str, Value]) -> None:
    """The new file must read as the old one with `item` at the end of the list under `key`:
    every value written exactly as given, and nothing else changed. Otherwise nothing is
    written: CannotAppend."""
    try:
        before, _ = yaml_reading.loads(old)
        after, _ = yaml_reading.loads(new)
    except yaml_reading.YamlError as error:
        raise CannotAppend(
            f"figcheck could not place the item without breaking the file ({error})"
        ) from None
    before = dict(before) if isinstance(before, dict) else {}  # an empty file reads as None
    before[key] = [*(before.get(key) or []), None]
    after = dict(after) if isinstance(after, dict) else {}
    written = after.get(key)
    if not isinstance(written, list):
        written = []
    last = written[-1] if written else None
    if not isinstance(last, dict) or set(last) != set(item):
        raise CannotAppend(f"figcheck did not write the new {key} item as intended")
    for name, value in item.items():
        if not _same(last[name], value):
            raise CannotAppend(f"figcheck wrote {name} as {last[name]!r}, not {value!r}")
    after[key] = [*written[:-1], None]
    if after != before:
        raise CannotAppend(
            "figcheck could not place the item without changing what the file says (a final "
            "block scalar without a final newline?); add a final newline, or append by hand"
        )


# -- setting fields of items already in a list ------------------------------------------------


@dataclass(frozen=True)
class Placed:
    """Where an item stands in a new text: its 1-based first and last lines, and its text."""

    first_line: int
    last_line: int
    item: str


@dataclass(frozen=True)
class Edited:
    text: str  # the whole new file
    items: Mapping[int, Placed]  # each item changed, by its 0-based index in the list


def set_fields(text: str, key: str, changes: Mapping[int, Mapping[str, Value]]) -> Edited:
    """`text` with fields set in items of the list under the top-level `key`: `changes` maps
    an item's 0-based index to the fields to set in it. A field the item has keeps its key
    and place and gets the new value (a comment after the old value on its line stays); a
    field it lacks is added at the end of the item, at the indentation of its keys. An item
    written in flow style (`- {finding: x}`) is written again whole, on its line. Every
    other byte stays. Raises CannotAppend when an item is missing or not a mapping, or the
    new text would not read back as the old one with just these fields set."""
    bom, body = _split_bom(text)
    root = _composed(body)
    try:
        parsed, _ = yaml_reading.loads(body)
    except yaml_reading.YamlError as error:
        raise CannotAppend(f"it is not valid YAML ({error}, line {error.line})") from None
    values = (
        [v for k, v in root.value if isinstance(k, ScalarNode) and k.value == key]
        if isinstance(root, MappingNode)
        else []
    )
    if not values or not isinstance(values[-1], SequenceNode):
        raise CannotAppend(f"it has no list under `{key}:`")
    sequence, lines = values[-1], _Lines(body)
    # How deep a nested mapping goes: as the file indents under a top-level key, unless its
    # lists stand at their key's own column.
    step = _indent_of_children(root) or DEFAULT_INDENT  # type: ignore[arg-type]  # a MappingNode
    edits: list[_Edit] = []
    for index, fields in changes.items():
        if not 0 <= index < len(sequence.value):
            raise CannotAppend(f"`{key}:` has no item {index + 1}")
        item = sequence.value[index]
        if not fields:
            continue
        if not isinstance(item, MappingNode):
            raise CannotAppend(f"item {index + 1} of `{key}:` is not a mapping")
        if item.flow_style or sequence.flow_style:
            whole = {**_plain(parsed[key][index]), **fields}  # type: ignore[index, dict-item]
            start, end = lines.offset(item.start_mark), lines.offset(item.end_mark)
            edits.append(_Edit(start, end, flow_mapping(whole)))
        else:
            edits += _set_in_block_mapping(lines, item, fields, step)
    new = body
    for edit in sorted(edits, key=lambda e: e.start, reverse=True):
        new = edit.apply(new)
    _check_fields_read_back(parsed, new, key, changes)
    return Edited(bom + new, _places(new, key, changes))


def _set_in_block_mapping(
    lines: _Lines, item: MappingNode, fields: Mapping[str, Value], step: int
) -> list[_Edit]:
    column = item.start_mark.column  # where its keys stand
    pairs = {k.value: (k, v) for k, v in item.value if isinstance(k, ScalarNode)}
    edits, added = [], {}
    for name, value in fields.items():
        if name not in pairs:
            added[name] = value
            continue
        key_node, value_node = pairs[name]
        written = lines.newline.join(block_mapping({name: value}, column, step))
        start = lines.offset(key_node.start_mark)
        edits.append(_Edit(start, _end_offset(lines, value_node), written[column:]))
    if added:
        last = _last_line(lines, item.value[-1][1], keep_kept_blank_lines=True)
        edits.append(_after_line(lines, last, block_mapping(added, column, step)))
    return edits


def _last_leaf(node: Node) -> Node:
    while isinstance(node, (MappingNode, SequenceNode)) and not node.flow_style and node.value:
        node = node.value[-1][1] if isinstance(node, MappingNode) else node.value[-1]
    return node


def _last_line(lines: _Lines, node: Node, keep_kept_blank_lines: bool) -> int:
    """The 0-based last line of `node`'s content. A block scalar (`|`, `>`) ends at the start
    of the line after it, after the blank lines that follow it; those are part of its value
    only when it keeps them (`|+`), and then only if asked."""
    node = _last_leaf(node)
    last = node.end_mark.line
    if not (isinstance(node, ScalarNode) and node.style in ("|", ">")):
        return last
    if node.end_mark.column == 0 and last > node.start_mark.line:
        last -= 1
    header = lines[node.start_mark.line][node.start_mark.column :].split("#")[0].split()
    if keep_kept_blank_lines and header and "+" in header[0]:
        return last
    while last > node.start_mark.line and not lines[last].strip():
        last -= 1
    return last


def _end_offset(lines: _Lines, node: Node) -> int:
    """Where `node`'s content ends: after its last character, or at the end of the last
    line of a block scalar with text (the blank lines after it stay where they are)."""
    leaf = _last_leaf(node)
    if isinstance(leaf, ScalarNode) and leaf.style in ("|", ">"):
        return lines.ends[_last_line(lines, leaf, keep_kept_blank_lines=False)]
    return lines.offset(leaf.end_mark)


def _check_fields_read_back(
    before: object, new: str, key: str, changes: Mapping[int, Mapping[str, Value]]
) -> None:
    """The new text must read as the old one with just these fields set: every value as
    given, every other value as it was. Otherwise nothing is written: CannotAppend."""
    try:
        after, _ = yaml_reading.loads(new)
    except yaml_reading.YamlError as error:
        raise CannotAppend(
            f"figcheck could not set the fields without breaking the file ({error})"
        ) from None
    if not isinstance(before, dict) or not isinstance(after, dict):
        raise CannotAppend("figcheck could not set the fields as intended")
    old_items, new_items = list(before.get(key) or []), list(after.get(key) or [])
    if len(old_items) != len(new_items):
        raise CannotAppend(f"figcheck changed the number of {key} items")
    for index, fields in changes.items():
        item = new_items[index]
        if not isinstance(item, dict):
            raise CannotAppend(f"figcheck did not write {key} item {index + 1} as intended")
        for name, value in fields.items():
            if name not in item or not _same(item[name], value):
                raise CannotAppend(f"figcheck wrote {name} as {item.get(name)!r}, not {value!r}")
        old_items[index] = {**old_items[index], **{name: None for name in fields}}
        new_items[index] = {**item, **{name: None for name in fields}}
    if {**before, key: old_items} != {**after, key: new_items}:
        raise CannotAppend(
            "figcheck could not set the fields without changing what the rest of the file "
            "says; edit it by hand"
        )


def _places(text: str, key: str, changes: Mapping[int, Mapping[str, Value]]) -> dict[int, Placed]:
    """Where each changed item now stands: from its dash to its last line."""
    root = yaml_reading.compose(text)
    assert isinstance(root, MappingNode)
    (sequence,) = [v for k, v in root.value if isinstance(k, ScalarNode) and k.value == key][-1:]
    lines = _Lines(text)
    places = {}
    for index in changes:
        item = sequence.value[index]
        first = item.start_mark.line
        if not sequence.flow_style:
            while (
                first > sequence.start_mark.line
                and "-" not in lines[first][: item.start_mark.column]
            ):
                first -= 1  # the item starts on the line after its dash
        last = _last_line(lines, item, keep_kept_blank_lines=False)
        if item.flow_style or sequence.flow_style:
            last = item.end_mark.line
        shown = lines.newline.join(lines[i] for i in range(first, last + 1))
        places[index] = Placed(first + 1, last + 1, shown)
    return places


# -- entries of a mapping, and the lists inside them (quantities.yaml) -----------------------


def add_entry(text: str, key: str, name: str, entry: Mapping[str, Value]) -> Appended:
    """`text` with `name: {entry}` added at the end of the mapping under the top-level `key`
    (created if missing; an empty `key:`, `key: ~` or `key: {}` gets it), in the file's
    indentation and with a blank line before it if the entries are separated by one.
    Raises CannotAppend when the file is not a YAML mapping, `key` holds something other
    than a block mapping, or it has `name` already."""
    bom, body = _split_bom(text)
    root = _composed(body)
    lines = _Lines(body)
    head = scalar(name)
    if root is None:
        block = [
            f"{key}:",
            f"{' ' * DEFAULT_INDENT}{head}:",
            *block_mapping(entry, 2 * DEFAULT_INDENT),
        ]
        lead = "" if not body or _BREAK.fullmatch(body[-1]) else lines.newline
        edit = _Edit(
            len(body),
            len(body),
            lines.newline.join(block[1:]),
            before=lead + block[0] + lines.newline,
            after=lines.newline,
        )
    elif not isinstance(root, MappingNode) or root.flow_style:
        raise CannotAppend("it is not a YAML mapping in block style")
    else:
        values = [v for k, v in root.value if isinstance(k, ScalarNode) and k.value == key]
        indent = _indent_of_children(root)
        if not values:
            at = _end_of(lines, root, 0)
            block = [f"{key}:", f"{' ' * indent}{head}:", *block_mapping(entry, 2 * indent)]
            edit = _after_line(lines, at, block)
        elif _is_empty(values[-1]) or (
            isinstance(values[-1], MappingNode) and values[-1].flow_style and not values[-1].value
        ):
            empty = values[-1]
            start, end = lines.offset(empty.start_mark), lines.offset(empty.end_mark)
            line_start = lines.starts[empty.end_mark.line]
            while start > line_start and lines.text[start - 1] in " \t":
                start -= 1
            at = lines.ends[empty.end_mark.line]
            block = [f"{' ' * indent}{head}:", *block_mapping(entry, 2 * indent)]
            edit = _Edit(
                start, at, lines.newline.join(block), before=lines.text[end:at] + lines.newline
            )
        elif not isinstance(values[-1], MappingNode) or values[-1].flow_style:
            raise CannotAppend(f"`{key}:` holds something other than a mapping in block style")
        else:
            table = values[-1]
            if any(isinstance(k, ScalarNode) and k.value == name for k, _ in table.value):
                raise CannotAppend(f"`{key}:` has {name} already")
            column = table.start_mark.column
            inner = _inner_indent(table) or 2 * DEFAULT_INDENT - column
            block = [f"{' ' * column}{head}:", *block_mapping(entry, column + inner)]
            last_key, last_value = table.value[-1]
            end = _end_of(lines, last_value, column)
            blank = len(table.value) > 1 and any(
                not lines[i].strip()
                for i in range(
                    _end_of(lines, table.value[-2][1], column) + 1,
                    last_key.start_mark.line,
                )
            )
            edit = _after_line(lines, end, block, blank)
    new = edit.apply(body)
    _check_entry_reads_back(body, new, key, name, entry)
    first = _Lines(new).line_at(edit.item_start)
    return Appended(bom + new, first, first + len(_BREAK.findall(edit.item)), edit.item)


def _inner_indent(table: MappingNode) -> int | None:
    """How far the entries of a mapping indent their own fields, as the first one shows."""
    for _, value in table.value:
        if isinstance(value, MappingNode) and not value.flow_style and value.value:
            return value.start_mark.column - table.start_mark.column
    return None


def _check_entry_reads_back(
    old: str, new: str, key: str, name: str, entry: Mapping[str, Value]
) -> None:
    before = _mapping(old, "place the entry")
    after = _mapping(new, "place the entry")
    table = dict(after.get(key) or {})
    written = table.pop(name, None)
    if not isinstance(written, dict) or set(written) != set(entry):
        raise CannotAppend(f"figcheck did not write {name} as intended")
    for field, value in entry.items():
        same = written[field] is value if isinstance(value, bool) else _same(written[field], value)
        if not same:
            raise CannotAppend(f"figcheck wrote {field} as {written[field]!r}, not {value!r}")
    after[key] = table
    before[key] = dict(before.get(key) or {})
    if after != before:
        raise CannotAppend(
            "figcheck could not place the entry without changing what the file says; add it by hand"
        )


def extend_field(text: str, key: str, name: str, field: str, values: Sequence[str]) -> Appended:
    """`text` with `values` added to the list `field` of the entry `name` of the mapping under
    the top-level `key`: after its last item (`[a, b]` becomes `[a, b, c]`; a block list gets
    `- c`), or as a new `field: [c]` line at the end of the entry. Raises CannotAppend when
    the entry is missing or not a block mapping, or the field holds something else."""
    bom, body = _split_bom(text)
    lines = _Lines(body)
    entry = _entry_node(body, key, name)
    found = [v for k, v in entry.value if isinstance(k, ScalarNode) and k.value == field]
    items = ", ".join(scalar(v, flow=True) for v in values)
    if not found:
        column = entry.value[0][0].start_mark.column
        end = _end_of(lines, entry.value[-1][1], column)
        edit = _after_line(lines, end, [f"{' ' * column}{field}: [{items}]"])
    elif _is_empty(found[-1]):
        node = found[-1]
        start, end = lines.offset(node.start_mark), lines.offset(node.end_mark)
        # `field:` with nothing after it has an empty node; `field: ~`, `field: []` a value.
        edit = _Edit(start, end, f" [{items}]" if start == end else f"[{items}]")
    elif isinstance(found[-1], SequenceNode) and found[-1].flow_style:
        at = lines.offset(found[-1].value[-1].end_mark)
        edit = _Edit(at, at, items, before=", ")
    elif isinstance(found[-1], SequenceNode):
        sequence = found[-1]
        dash = _dash_column(lines, sequence)
        end = _end_of(lines, sequence.value[-1], dash)
        edit = _after_line(lines, end, [f"{' ' * dash}- {scalar(v)}" for v in values])
    else:
        raise CannotAppend(f"`{field}:` of {name} holds something other than a list")
    new = edit.apply(body)
    _check_field_reads_back(body, new, key, name, field, values)
    first = _Lines(new).line_at(edit.item_start)
    return Appended(bom + new, first, first + len(_BREAK.findall(edit.item)), edit.item)


def set_field(text: str, key: str, name: str, field: str, value: Value) -> Appended:
    """`text` with `field: value` added at the end of the entry `name` of the mapping under
    the top-level `key`. Raises CannotAppend when the entry is missing or not a block
    mapping, or has the field already."""
    bom, body = _split_bom(text)
    lines = _Lines(body)
    entry = _entry_node(body, key, name)
    if any(isinstance(k, ScalarNode) and k.value == field for k, _ in entry.value):
        raise CannotAppend(f"{name} has `{field}:` already")
    column = entry.value[0][0].start_mark.column
    end = _end_of(lines, entry.value[-1][1], column)
    edit = _after_line(lines, end, [f"{' ' * column}{field}: {scalar(value)}"])
    new = edit.apply(body)
    before = _mapping(body, f"set {field}")
    after = _mapping(new, f"set {field}")
    expected = {**before[key][name], field: value}
    others = {k: v for k, v in after.items() if k != key} == {
        k: v for k, v in before.items() if k != key
    }
    entries = {**before[key], name: expected} == dict(after[key])
    if not (others and entries and type(after[key][name][field]) is type(value)):
        raise CannotAppend(f"figcheck could not set {field} of {name} as intended")
    first = _Lines(new).line_at(edit.item_start)
    return Appended(bom + new, first, first, edit.item)


def _entry_node(body: str, key: str, name: str) -> MappingNode:
    root = _composed(body)
    table = None
    if isinstance(root, MappingNode):
        tables = [v for k, v in root.value if isinstance(k, ScalarNode) and k.value == key]
        table = tables[-1] if tables else None
    if not isinstance(table, MappingNode):
        raise CannotAppend(f"it has no `{key}:` mapping")
    entries = [v for k, v in table.value if isinstance(k, ScalarNode) and k.value == name]
    if not entries:
        raise CannotAppend(f"`{key}:` has no {name}")
    entry = entries[-1]
    if not isinstance(entry, MappingNode) or entry.flow_style or not entry.value:
        raise CannotAppend(f"{name} is not written as a block mapping; change it by hand")
    return entry


def _check_field_reads_back(
    old: str, new: str, key: str, name: str, field: str, values: Sequence[str]
) -> None:
    before = _mapping(old, f"extend {field}")
    after = _mapping(new, f"extend {field}")
    entry = dict(before[key][name])
    entry[field] = [*(entry.get(field) or []), *values]
    expected = dict(before)
    expected[key] = {**before[key], name: entry}
    if after != expected:
        raise CannotAppend(f"figcheck could not extend {field} of {name} as intended")


def _end_of(lines: _Lines, node: Node, owner_column: int) -> int:
    """`_content_end`, without the blank lines after a block scalar that are not part of its
    value (all but `|+` and `>+`), so that what is added stays next to what it belongs to."""
    end = _content_end(lines, node, owner_column)
    last = node
    while isinstance(last, (MappingNode, SequenceNode)) and not last.flow_style and last.value:
        last = last.value[-1][1] if isinstance(last, MappingNode) else last.value[-1]
    if (
        isinstance(last, ScalarNode)
        and last.style in ("|", ">")
        and not last.value.endswith("\n\n")
    ):
        while end > last.start_mark.line and not lines[end].strip():
            end -= 1
    return end


def _mapping(text: str, doing: str) -> dict[Any, Any]:
    """The YAML mapping that `text` holds (an empty one for an empty file), to compare a file
    before and after an edit; raises CannotAppend when the edit broke it."""
    try:
        data, _ = yaml_reading.loads(text)
    except yaml_reading.YamlError as error:
        raise CannotAppend(
            f"figcheck could not {doing} without breaking the file ({error})"
        ) from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise CannotAppend(f"figcheck could not {doing}: the file is not a YAML mapping")
    return dict(data)


def _split_bom(text: str) -> tuple[str, str]:
    """A file's byte-order mark (kept as it is) and the text after it."""
    bom = _BOM if text.startswith(_BOM) else ""
    return bom, text[len(bom) :]


def _composed(body: str) -> Node | None:
    """The node tree of a file's text, with lines; CannotAppend when it is not YAML."""
    try:
        return yaml_reading.compose(body)
    except yaml_reading.YamlError as error:
        raise CannotAppend(f"it is not valid YAML ({error}, line {error.line})") from None
