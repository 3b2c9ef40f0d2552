"""Reading YAML with libyaml, keeping line numbers and refusing repeated keys.

Every mapping comes back as a `LineMap`: a dict that knows the line it starts on and the line
of each key, so that every error can name file:line. Dates stay the text the curator wrote
(`2015-11-19` is not turned into a `datetime.date`).
"""

from __future__ import annotations

import errno
import gc
import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from stat import S_ISDIR, S_ISREG
from typing import TYPE_CHECKING

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode

from figcheck import wording

if TYPE_CHECKING:  # typed as the C loader; the pure-Python one has the same methods
    _BaseLoader = yaml.CSafeLoader
else:  # PyYAML built without libyaml has only its own loader: correct, but about 8x slower
    _BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

HAS_LIBYAML = yaml.__with_libyaml__
_MERGE_TAG = "tag:yaml.org,2002:merge"


class LineMap(dict):
    """A YAML mapping with the line it starts on and the line of each of its keys."""

    __slots__ = ("key_lines", "line")

    line: int
    key_lines: dict[object, int]

    def line_of(self, key: object) -> int:
        return self.key_lines.get(key, self.line)

    @classmethod
    def empty(cls, line: int) -> LineMap:
        """An empty mapping standing in for a missing section that starts at `line`."""
        mapping = cls()
        mapping.line, mapping.key_lines = line, {}
        return mapping


@dataclass(frozen=True, slots=True)
class DuplicateKey:
    key: object
    line: int
    first_line: int


class _Loader(_BaseLoader):
    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.duplicates: list[DuplicateKey] = []

    def construct_mapping(self, node: MappingNode, deep: bool = False) -> dict:
        # The keys written in this mapping, not counting `<<` itself, which flattening
        # replaces by the keys it merges; those come first and may be overridden.
        explicit = sum(1 for key, _ in node.value if key.tag != _MERGE_TAG)
        self.flatten_mapping(node)
        merged = len(node.value) - explicit
        mapping: dict = {}
        first_seen: dict[object, int] = {}
        for position, (key_node, value_node) in enumerate(node.value):
            key = self.construct_object(key_node, deep=deep)
            try:
                hash(key)
            except TypeError:
                raise yaml.constructor.ConstructorError(
                    "while reading a mapping",
                    node.start_mark,
                    "a key must be a plain value, not a list or mapping",
                    key_node.start_mark,
                ) from None
            line = key_node.start_mark.line + 1
            if key in first_seen and first_seen[key] >= merged and position >= merged:
                self.duplicates.append(DuplicateKey(key, line, mapping_line(first_seen[key], node)))
                continue
            first_seen[key] = position
            mapping[key] = self.construct_object(value_node, deep=deep)
        return mapping


def mapping_line(position: int, node: MappingNode) -> int:
    key_line: int = node.value[position][0].start_mark.line  # a node's value is untyped
    return key_line + 1


def _construct_line_map(loader: _Loader, node: MappingNode) -> Iterator[LineMap]:
    data = LineMap()
    data.line = node.start_mark.line + 1
    data.key_lines = {
        k.value: k.start_mark.line + 1 for k, _ in node.value if isinstance(k, ScalarNode)
    }
    yield data
    data.update(loader.construct_mapping(node))


def _construct_timestamp_as_text(loader: _Loader, node: ScalarNode) -> str:
    return loader.construct_scalar(node)


_DECIMAL_INT = re.compile(r"[-+]?(?:0|[1-9][0-9_]*)")
_DECIMAL_FLOAT = re.compile(r"[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*(?:[eE][-+]?[0-9]+)?")


def _construct_decimal_int(loader: _Loader, node: ScalarNode) -> int | str:
    return _decimal_int(loader.construct_scalar(node))


def _decimal_int(text: str) -> int | str:
    """Only plain decimal integers are numbers. YAML 1.1 also reads `04210` as octal 2184,
    `0x10` as 16 and `70:10` as 4210; those stay the text written, so that the loader says
    what is wrong instead of taking a number nobody meant. So does an integer of more than
    Python's 4,300 digits."""
    if _DECIMAL_INT.fullmatch(text):
        try:
            return int(text.replace("_", ""))
        except ValueError:  # more digits than int() converts
            return text
    return text


def _construct_decimal_float(loader: _Loader, node: ScalarNode) -> float | str:
    return _decimal_float(loader.construct_scalar(node))


def _decimal_float(text: str) -> float | str:
    """Decimal fractions are numbers (and .inf and .nan, which validation refuses by name);
    YAML 1.1's sexagesimal `190:20:30.15` stays text."""
    if _DECIMAL_FLOAT.fullmatch(text):
        number = float(text.replace("_", ""))
        # Beyond a float's range the text stays, so that validation can say it is too large.
        return text if number in (float("inf"), float("-inf")) else number
    if text.lower().lstrip("+-") in (".inf", ".nan"):
        return float(text.lower().replace(".", ""))
    return text


_Loader.add_constructor("tag:yaml.org,2002:map", _construct_line_map)
_Loader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp_as_text)
_Loader.add_constructor("tag:yaml.org,2002:int", _construct_decimal_int)
_Loader.add_constructor("tag:yaml.org,2002:float", _construct_decimal_float)

# libyaml composes nested collections recursively in C: tens of thousands of levels crash
# the interpreter. No ledger needs more than a few levels; deeper files are refused.
MAX_DEPTH = 1000


# Since PyYAML 6.0.4, libyaml refuses nesting deeper than 1,000 levels by itself, with the
# same limit as ours: its refusal is told in figcheck's words, so the message does not depend
# on which version the user has.
_TOO_DEEP = f"nests more than {MAX_DEPTH:,} levels deep; a ledger file needs a few"
_LIBYAML_DEPTH_REFUSAL = "nesting depth"


class YamlError(Exception):
    """A file that cannot be read as YAML; `line` is 0 when the whole file is at fault."""

    def __init__(self, message: str, line: int = 0) -> None:
        super().__init__(message)
        self.line = line


# libyaml holds a file's whole parse tree while it is read, about 70 bytes of memory for
# each byte of YAML: larger files are refused (a source file holds one document's figures,
# a few kilobytes; 4 MiB is 20,000 to 30,000 figures).
MAX_FILE_BYTES = 4 * 1024 * 1024


def too_large(size: int) -> YamlError:
    return YamlError(
        f"is {wording.size(size)}, more than the {wording.size(MAX_FILE_BYTES)} figcheck reads "
        "in one ledger file; split it (a long document's figures into source files of its "
        "parts, each with its own document id)"
    )


def load(path: Path) -> tuple[object, list[DuplicateKey]]:
    """The document in `path`, and the keys it repeats. Raises YamlError."""
    try:
        status = path.stat()
        if S_ISDIR(status.st_mode):
            raise YamlError("is a directory, not a file")
        if not S_ISREG(status.st_mode):
            raise YamlError("is not a regular file")  # a pipe or a device: reading would block
        if status.st_size > MAX_FILE_BYTES:
            raise too_large(status.st_size)
        with path.open("rb") as stream:  # no more than the limit, should the file grow
            raw = stream.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        if path.is_symlink():
            raise YamlError(
                f"is a symbolic link to {wording.shorten(os.readlink(path))}, which does not exist"
            ) from None
        raise YamlError("file not found") from None
    except IsADirectoryError:
        raise YamlError("is a directory, not a file") from None
    except RuntimeError:  # a loop of symbolic links, on Python versions that say so this way
        raise YamlError("is a loop of symbolic links") from None
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise YamlError("is a loop of symbolic links, which lead to no file") from None
        raise YamlError(f"cannot be read: {error.strerror or error}") from None
    return loads(raw)


def loads(raw: bytes | str) -> tuple[object, list[DuplicateKey]]:
    if len(raw) > MAX_FILE_BYTES:
        raise too_large(
            len(raw.encode("utf-8", "surrogateescape")) if isinstance(raw, str) else len(raw)
        )
    if isinstance(raw, bytes):
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            line = raw[: error.start].count(b"\n") + 1
            raise YamlError("is not UTF-8 text; save it as UTF-8", line) from None
    else:
        text = raw
    if "\x00" in text:
        raise YamlError(
            "contains a NUL byte; is it a binary file?", text[: text.index("\x00")].count("\n") + 1
        )
    _refuse_deep_nesting(text)
    from figcheck.ledger import yaml_events

    # The cyclic GC, triggered by the many small objects of a parse, triples the load time of
    # a large file (benchmarks/README.md); nothing here creates cycles.
    gc_was_enabled = gc.isenabled()
    gc.disable()
    try:
        composed = yaml_events.compose(text)
        if composed is not None:
            return composed
        loader = _Loader(text)
        try:
            with _yaml_errors():
                return loader.get_single_data(), loader.duplicates
        finally:
            loader.dispose()
    finally:
        if gc_was_enabled:
            gc.enable()


# What a line can start with before its content: indentation, and the indicators of block
# sequences and complex mapping keys (`- - x`, `? x`), each of which can open a level.
_LINE_PREFIX = re.compile(r"^[ \t?:-]*", re.MULTILINE)


def _refuse_deep_nesting(text: str) -> None:
    """Raise YamlError when collections nest deeper than MAX_DEPTH. Each level of block
    nesting needs a column of a line's prefix (its indentation and `- `, `? ` indicators) and
    each level of flow nesting a bracket, so a file whose longest prefix plus its brackets
    stay under MAX_DEPTH cannot nest that deep and is not parsed twice (a long line, such as
    a 60,000-name list, costs nothing here); others are walked event by event, which libyaml
    does without recursion."""
    brackets = text.count("[") + text.count("{")
    if brackets < MAX_DEPTH:
        prefix = max(map(len, _LINE_PREFIX.findall(text)), default=0)
        if brackets + prefix + 2 < MAX_DEPTH:
            return
    depth = 0
    with _yaml_errors():
        for event in yaml.parse(text, Loader=_BaseLoader):
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                depth += 1
                if depth > MAX_DEPTH:
                    mark = event.start_mark
                    raise YamlError(_TOO_DEEP, mark.line + 1 if mark else 0)
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                depth -= 1


def compose(text: str) -> Node | None:
    """The node tree of `text`, with the line and column of every node (for writing into a
    file as text; see figcheck/writing/yaml_appending.py). Raises YamlError."""
    _refuse_deep_nesting(text)
    loader = _BaseLoader(text)
    try:
        with _yaml_errors():
            return loader.get_single_node()
    finally:
        loader.dispose()


@contextmanager
def _yaml_errors() -> Iterator[None]:
    """Turn the parser's exceptions into YamlError, with the line where it stopped."""
    try:
        yield
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 0
        problem = error.problem or error.context or "invalid YAML"
        if _LIBYAML_DEPTH_REFUSAL in problem:
            raise YamlError(_TOO_DEEP, line) from None
        raise YamlError(f"invalid YAML: {problem}", line) from None
    except yaml.YAMLError as error:
        raise YamlError(f"invalid YAML: {error}") from None
    except RecursionError:
        raise YamlError("invalid YAML: nested too deeply") from None
