"""One run's use of the cache: the content hash of each file it reads, and the entries it
reads and writes.

Hashing every file of a large ledger on every run would cost much of what the cache saves,
so a file's hash is remembered with its status (size, modification and change times,
inode): while the status is the same, so is the content. A status is trusted only when the
file was last modified (or its inode changed) more than two seconds before figcheck read it:
a file changed within the same tick of a coarse file-system clock as that read could keep
its status, and is read and hashed again instead (as git does with racily clean files).
"""

from __future__ import annotations

import hashlib
import os
import time
from functools import lru_cache
from pathlib import Path
from stat import S_ISREG
from typing import Any

from figcheck import __version__
from figcheck.caching.store import Store

_RACY_NS = 2_000_000_000  # a file modified this close to the time it was read is hashed again
Status = tuple[int, int, int, int, int]


def _status(path: Path) -> tuple[Status, bool] | None:
    try:
        found = os.stat(path)
    except (OSError, ValueError):
        return None
    status = (found.st_size, found.st_mtime_ns, found.st_ctime_ns, found.st_ino, found.st_dev)
    return status, S_ISREG(found.st_mode)


def digest(content: bytes) -> str:
    return hashlib.blake2b(content, digest_size=16).hexdigest()


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """figcheck's code as installed (each module's name, size and modification time) and
    PyYAML's version: a new release, or a module edited in a development install, makes
    every entry anew, though the version number stays the same."""
    import yaml

    package = Path(__file__).resolve().parent.parent
    fingerprint = hashlib.blake2b(digest_size=16)
    fingerprint.update(f"{yaml.__version__} {yaml.__with_libyaml__}".encode())
    for module in sorted(package.rglob("*")):
        if module.suffix in (".py", ".html", ".css", ".js", ".j2"):
            found = module.stat()
            name = module.relative_to(package).as_posix()
            fingerprint.update(f"{name} {found.st_size} {found.st_mtime_ns}\n".encode())
    return fingerprint.hexdigest()


class Session:
    """The cache of one ledger, for one run."""

    def __init__(self, store: Store, root: Path) -> None:
        self.store = store
        self.root = root
        self._manifest_name = store.name("files", str(root.resolve()))
        found = store.get_file(self._manifest_name)
        # absolute path -> (status, hash, when it was read, in ns)
        self._known: dict[str, tuple[Status, str, int]] = found if isinstance(found, dict) else {}
        self._seen: dict[str, tuple[Status, str, int]] = {}
        self.live: set[str] = set()  # the entries this run used or made
        # source file path -> the name of its entry (the documents' entries build on it),
        # and where its document's `text:` led (sources.text_state), for a result's entry
        self.sources: dict[str, str] = {}
        self.text_states: dict[str, tuple[str | None, object]] = {}
        # Whether this run read every file of the ledger as it is on disk through the cache
        # (the loader says whether it read some file from memory instead, the engine when
        # it has read every document): only then are the entries it did not use known to be
        # of no use.
        self.overridden = False
        self.read_all = False
        self.files: set[str] = {self._manifest_name}  # the same, in files of their own

    @classmethod
    def open(cls, root: Path) -> Session | None:
        store = Store.open(root)
        return None if store is None else cls(store, root)

    def hash(self, path: Path, limit: int) -> str | None:
        """The hash of a regular file of at most `limit` bytes, from what this run or an
        earlier one remembered while its status is the same, else read; None for anything
        else."""
        known = self.known_hash(path, limit)
        if known is not None:
            return known
        read = self.read(path, limit)
        return None if read is None else read[1]

    def known_hash(self, path: Path, limit: int) -> str | None:
        """The hash of the file, without reading it, when this run read it already or an
        earlier run did (and it has kept its status since); else None."""
        key = os.path.abspath(path)
        now = _status(path)
        if now is None or not now[1] or now[0][0] > limit:
            return None
        seen = self._seen.get(key)
        if seen is not None and seen[0] == now[0]:  # read by this run, and not changed since
            return seen[1]
        known = self._known.get(key)
        if known is not None and tuple(known[0]) == now[0]:
            status, content_hash, read_at = known
            if max(status[1], status[2]) < read_at - _RACY_NS:
                self._seen[key] = known
                return content_hash
        return None

    def read(self, path: Path, limit: int) -> tuple[bytes, str] | None:
        """A regular file's bytes (at most `limit`) and their hash; None for anything else
        (a missing file, a directory, a pipe, a file too large: the reader says what)."""
        key = os.path.abspath(path)
        before = _status(path)
        if before is None or not before[1] or before[0][0] > limit:
            return None
        read_at = time.time_ns()
        try:
            with open(path, "rb") as stream:
                content = stream.read(limit + 1)
        except OSError:
            return None
        if len(content) > limit:
            return None
        content_hash = digest(content)
        after = _status(path)
        if after is not None and after == before:  # not changed while it was read
            self._seen[key] = (before[0], content_hash, read_at)
        else:
            self._seen.pop(key, None)
        return content, content_hash

    def context(self, *parts: object) -> tuple[object, ...]:
        """What every entry of this run depends on besides its own files: `parts`, and
        figcheck's code and the YAML reader it uses."""
        return (__version__, code_fingerprint(), *parts)

    def get(self, name: str) -> Any:
        self.live.add(name)
        return self.store.get(name)

    def put(self, name: str, value: Any) -> None:
        self.live.add(name)
        self.store.put(name, value)

    def get_file(self, name: str) -> Any:
        self.files.add(name)
        return self.store.get_file(name)

    def put_file(self, name: str, value: Any) -> None:
        self.files.add(name)
        self.store.put_file(name, value)

    def close(self) -> None:
        """Write what this run made, remember the files' hashes for the next run, and drop
        what is no longer used. May be called again after more use."""
        written = self.store.written
        self.store.flush(self.live, compact=self.read_all)
        if any(self._known.get(k) != v for k, v in self._seen.items()):
            remembered = {**self._known, **self._seen}
            if len(remembered) > 2 * len(self._seen) + 100:
                remembered = dict(self._seen)
            self.store.put_file(self._manifest_name, remembered)
            self._known = remembered
        if self.store.written != written:
            self.store.prune(self.files)
