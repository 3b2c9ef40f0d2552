"""Reading a source file through the cache.

A source file's reading (its document, figures and problems) depends on its bytes, on the
ledger's quantities and settings, on how the ledger directory was named (every location is
shown under that name), and on whether its document's `text:` leads to a file. The first
ones name the entry; the last is kept in the entry and looked at again before the entry is
used. figcheck's and Python's versions are part of every entry's name.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from figcheck.caching import codec
from figcheck.caching.session import Session, digest
from figcheck.ledger import sources
from figcheck.ledger.sources import SourceRead

# What reading a source file from given content gives: the file read, and its document's
# `text:` (sources.text_reference).
ReadFrom = Callable[[bytes | str], tuple[SourceRead, str | None]]


def read(
    session: Session,
    context: tuple[object, ...],
    path: Path,
    override: bytes | str | None,
    margin_days: int,
    limit: int,
    read_from: ReadFrom,
    read_plain: Callable[[], SourceRead],
) -> SourceRead:
    """The source file at `path` (or `override`, its content given in memory) as read; from
    the cache when an entry for the same content and context is there and its text still
    leads where it did, else read (with `read_from`, or `read_plain` for a file the cache
    does not hold: not a regular file, too large, unreadable) and kept."""
    if override is not None:
        content_hash: str | None = digest(
            override if isinstance(override, bytes) else override.encode("utf-8", "surrogatepass")
        )
        content_hash = f"{type(override).__name__}:{content_hash}"
    else:
        content_hash = session.hash(path, limit)
    if content_hash is None:
        return read_plain()
    name = session.store.name(context, "source", path.name, content_hash)
    entry = session.get(name)
    found = _entry(entry, path, margin_days)
    if found is not None:
        session.sources[str(path)] = name
        session.text_states[str(path)] = (entry[1], entry[2])
        return found
    data: bytes | str
    if override is None:
        content = session.read(path, limit)
        if content is None:
            return read_plain()
        data, content_hash = content
        name = session.store.name(context, "source", path.name, content_hash)
    else:
        data = override
    source, reference = read_from(data)
    state = None if reference is None else sources.text_state(path, reference)
    if reference is None or state is not None:
        session.put(name, (codec.encode_source(source), reference, state))
        session.sources[str(path)] = name
        session.text_states[str(path)] = (reference, state)
    return source


def _entry(found: object, path: Path, margin_days: int) -> SourceRead | None:
    if not isinstance(found, tuple) or len(found) != 3:
        return None
    encoded, reference, state = found
    if reference is not None and sources.text_state(path, reference) != state:
        return None  # its text appeared, went or moved: read it again
    try:
        return codec.decode_source(encoded, margin_days)
    except Exception:  # an entry of another shape: never trusted, read the file again
        return None
