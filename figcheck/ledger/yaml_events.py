"""Building a file's mappings straight from libyaml's events: the same `LineMap`s, lists and
scalars, with the same lines and repeated keys, as PyYAML's loader builds (yaml_reading), in
about half the time.

PyYAML's C loader scans and parses in C, then composes a node for every value and
constructs the Python objects from the nodes in Python, with a resolver and a constructor
call per scalar: most of its time. Here the parser's events are read in one loop, each
plain scalar resolved by the same table of patterns PyYAML's resolver uses, and the objects
built as the events come. Only what ledger files are made of is built this way: block and
flow mappings and sequences of untagged scalars. Anything else (an anchor or alias, a tag,
a merge key `<<`, a key that is not a scalar, a scalar PyYAML would refuse, several
documents, a parse error) makes `compose` return None, and the file is read by PyYAML's
loader, which gives its own result or message: this module never decides what a file
means where the two could differ.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import yaml
from yaml.events import (
    DocumentEndEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
    StreamStartEvent,
)

from figcheck.ledger.yaml_reading import (
    DuplicateKey,
    LineMap,
    _BaseLoader,
    _decimal_float,
    _decimal_int,
    _Loader,
)

_BOOLS = {"yes": True, "no": False, "true": True, "false": False, "on": True, "off": False}

# What each tag a plain scalar resolves to is built into; a tag without an entry (merge,
# value, yaml) is left to PyYAML.
_BUILD: dict[str, Callable[[str], Any]] = {
    "tag:yaml.org,2002:str": str,
    "tag:yaml.org,2002:int": _decimal_int,
    "tag:yaml.org,2002:float": _decimal_float,
    "tag:yaml.org,2002:bool": lambda text: _BOOLS[text.lower()],
    "tag:yaml.org,2002:null": lambda text: None,
    "tag:yaml.org,2002:timestamp": str,  # a date stays the text written
}


class _Unsupported(Exception):
    """Something this module leaves to PyYAML's loader."""


def _resolvers() -> dict[str, list[tuple[str, Any]]]:
    """PyYAML's implicit resolvers, by a plain scalar's first character, with those for any
    first character after them, as its Resolver.resolve tries them."""
    table = _Loader.yaml_implicit_resolvers
    wildcard = table.get(None, [])
    return {first: [*resolvers, *wildcard] for first, resolvers in table.items() if first}


_RESOLVERS = _resolvers()
_WILDCARD: list[tuple[str, Any]] = list(_Loader.yaml_implicit_resolvers.get(None, []))
_EMPTY_RESOLVERS = [*_Loader.yaml_implicit_resolvers.get("", []), *_WILDCARD]


def _plain(text: str) -> object:
    """A plain (unquoted) scalar as PyYAML's safe loader, with figcheck's constructors,
    builds it."""
    resolvers = _RESOLVERS.get(text[0], _WILDCARD) if text else _EMPTY_RESOLVERS
    for tag, pattern in resolvers:
        if pattern.match(text):
            build = _BUILD.get(tag)
            if build is None:
                raise _Unsupported(tag)
            return build(text)
    return text


_NO_KEY = object()


def compose(text: str) -> tuple[object, list[DuplicateKey]] | None:
    """The single document of `text` as yaml_reading's loader builds it, and the keys it
    repeats; None where that loader is needed (see the module's documentation)."""
    parser = _BaseLoader(text)
    try:
        return _compose(parser.get_event)
    except (_Unsupported, yaml.YAMLError, KeyError, RecursionError):
        return None
    finally:
        parser.dispose()


def _compose(get: Callable[[], Any]) -> tuple[object, list[DuplicateKey]]:
    if type(get()) is not StreamStartEvent:
        raise _Unsupported("stream")
    event = get()
    if type(event) is StreamEndEvent:
        return None, []  # an empty file
    if type(event) is not DocumentStartEvent or event.tags:
        raise _Unsupported("document")
    # Repeated keys, with the depth of their mapping: PyYAML builds a file level by level
    # (each level's mappings after the level above), and reports them in that order.
    duplicates: list[tuple[int, int, DuplicateKey]] = []
    # One frame per open collection: [container, key awaiting its value, keys seen with
    # their lines (a mapping), depth]; a repeated key's value is skipped, not built.
    stack: list[list[Any]] = []
    root: object = None
    skipping = 0  # the depth of collections open inside a skipped value
    while True:
        event = get()
        kind = type(event)
        if skipping:
            if kind is MappingStartEvent or kind is SequenceStartEvent:
                skipping += 1
            elif kind is MappingEndEvent or kind is SequenceEndEvent:
                skipping -= 1
            elif kind is not ScalarEvent:
                raise _Unsupported("alias")
            if skipping == 1:  # the skipped value is complete
                skipping = 0
            continue
        if kind is ScalarEvent:
            if event.anchor is not None or event.tag is not None:
                raise _Unsupported("tag")
            value = _plain(event.value) if event.implicit[0] else event.value
            if not stack:
                root = value
                break
            frame = stack[-1]
            container = frame[0]
            if type(container) is list:
                container.append(value)
                continue
            key = frame[1]
            if key is _NO_KEY:  # this scalar is a key
                line = event.start_mark.line + 1
                container.key_lines[event.value] = line
                seen = frame[2]
                if value in seen:
                    duplicates.append(
                        (frame[3], len(duplicates), DuplicateKey(value, line, seen[value]))
                    )
                    skipping = 1
                    continue
                seen[value] = line
                frame[1] = value
            else:
                container[key] = value
                frame[1] = _NO_KEY
            continue
        if kind is MappingStartEvent or kind is SequenceStartEvent:
            if event.anchor is not None or event.tag is not None:
                raise _Unsupported("tag")
            if kind is MappingStartEvent:
                made: Any = LineMap()
                made.line, made.key_lines = event.start_mark.line + 1, {}
            else:
                made = []
            if stack:
                frame = stack[-1]
                container = frame[0]
                if type(container) is list:
                    container.append(made)
                elif frame[1] is _NO_KEY:
                    raise _Unsupported("a key that is a collection")
                else:
                    container[frame[1]] = made
                    frame[1] = _NO_KEY
            else:
                root = made
            stack.append([made, _NO_KEY, {}, len(stack)])
            continue
        if kind is MappingEndEvent or kind is SequenceEndEvent:
            stack.pop()
            if not stack:
                break
            continue
        raise _Unsupported("alias")
    if type(get()) is not DocumentEndEvent or type(get()) is not StreamEndEvent:
        raise _Unsupported("more than one document")
    duplicates.sort(key=lambda entry: entry[:2])
    return root, [duplicate for _, _, duplicate in duplicates]
