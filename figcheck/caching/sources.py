"""Reading a source file through the cache.

A source file's reading (its document, figures and problems) depends on its bytes, on the
ledger's quantities and settings, on how the ledger directory was named (every location is
shown under that name), and on whether its document's `text:` leads to a file. The first
ones name the entry; the last is kept in the entry and looked at again before the entry is
used. figcheck's and Python's versions are part of every entry's name.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from figcheck.caching import codec
from figcheck.caching.session import Session, digest
from figcheck.ledger import sources
from figcheck.ledger.sources import SourceRead


@dataclass(frozen=True)
class Pending:
    """A source file the cache does not hold as it is now: its content, to be read (by
    this process or another), and the name of the entry to keep its reading under."""

    path: Path
    data: bytes | str
    name: str


def find(
    session: Session,
    context: tuple[object, ...],
    path: Path,
    override: bytes | str | None,
    margin_days: int,
    limit: int,
) -> SourceRead | Pending | None:
    """The source file at `path` (or `override`, its content given in memory): as read,
    from the cache, when an entry for the same content and context is there and its text
    still leads where it did; else its content to read (`Pending`, see `keep`); None for a
    file the cache does not hold (not a regular file, too large, unreadable), which the
    caller reads as ever."""
    if override is not None:
        content_hash: str | None = digest(
            override if isinstance(override, bytes) else override.encode("utf-8", "surrogatepass")
        )
        content_hash = f"{type(override).__name__}:{content_hash}"
        data: bytes | str | None = override
    else:
        content_hash = session.known_hash(path, limit)
        data = None
        if content_hash is None:  # read now, and parsed from these very bytes if need be
            content = session.read(path, limit)
            if content is None:
                return None
            data, content_hash = content
    name = session.store.name(context, "source", path.name, content_hash)
    entry = session.get(name)
    found = _entry(entry, path, margin_days)
    if found is not None:
        session.sources[str(path)] = name
        session.text_states[str(path)] = (entry[1], entry[2])
        return found
    if data is not None:
        return Pending(path, data, name)
    # Read, with the hash of exactly the bytes that will be parsed: the entry is named by
    # what it was made from, even if the file changed since its hash was remembered.
    content = session.read(path, limit)
    if content is None:
        return None
    data, content_hash = content
    return Pending(path, data, session.store.name(context, "source", path.name, content_hash))


def keep(
    session: Session,
    pending: Pending,
    source: SourceRead,
    reference: str | None,
    encoded: codec.Encoded | None = None,
) -> None:
    """Keep the reading of a pending file (`source`, and its document's `text:`);
    `encoded`, when given, is `codec.encode_source(source)` already made."""
    state = None if reference is None else sources.text_state(pending.path, reference)
    if reference is None or state is not None:
        if encoded is None:
            encoded = codec.encode_source(source)
        session.put(pending.name, (encoded, reference, state))
        session.sources[str(pending.path)] = pending.name
        session.text_states[str(pending.path)] = (reference, state)


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
