"""The ledger's cache on disk: `.figcheck-cache/` in the ledger directory.

Each entry is one file, named by a keyed hash of everything that decides its content (the
bytes of the files it was made from, figcheck's and Python's versions, the settings and
quantities it depends on), so that an entry is never stale: when anything it was made from
changes, its name changes, and the old entry is simply not asked for again (and removed
once the cache holds many more entries than the ledger uses).

An entry holds a header (a magic string and the cache's format version), a signature and
its content written by `marshal`. The signature is a keyed BLAKE2 hash of the entry's name
and content, with a key of 32 random bytes kept outside the ledger, in the user's cache
directory (`$XDG_CACHE_HOME/figcheck/key`, by default `~/.cache/figcheck/key`, made on
first use, readable by its owner only). An entry is read only when its header, size and
signature are right: a truncated, corrupt, half-written or foreign entry (another version,
another user, or a file committed to the repository by someone else) is ignored and made
again, and nothing a ledger's directory holds can make figcheck trust a result it did not
compute itself on this account. `marshal` reads only what figcheck wrote.

Entries are written to a temporary file and renamed into place (atomic), so that two
figcheck processes writing the same entry at once each leave a whole one. Where the cache
cannot be used (a read-only ledger directory, no writable user cache directory), figcheck
works without it; so does `--no-cache`.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import marshal
import os
import secrets
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

DIRECTORY = ".figcheck-cache"
FORMAT = "1"  # the layout of entries; a new format gets a new subdirectory
_MAGIC = b"figcheck-cache\x00" + FORMAT.encode() + b"\x00"
_SIGNATURE = 32
_KEY_BYTES = 32
# Git and backup tools skip a directory holding these (https://bford.info/cachedir/).
_CACHEDIR_TAG = (
    "Signature: 8a477f597d28d172789f06886806bc55\n"
    "# This directory holds figcheck's cache; it can be removed at any time.\n"
)


def key_path() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base, "figcheck", "key")


def _signing_key() -> bytes | None:
    """The user's signing key, made on first use; None where it cannot be read or made."""
    path = key_path()
    with contextlib.suppress(OSError):
        key = path.read_bytes()
        if len(key) == _KEY_BYTES:
            return key
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=".key-")
        try:
            os.write(fd, secrets.token_bytes(_KEY_BYTES))
            os.fsync(fd)
        finally:
            os.close(fd)
        try:
            os.link(temporary, path)  # the first process to make one wins; the others read it
        except FileExistsError:
            existing = path.read_bytes()
            if len(existing) != _KEY_BYTES:  # a key file of the wrong size: replace it
                os.replace(temporary, path)
        finally:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
        key = path.read_bytes()
    except OSError:
        return None
    return key if len(key) == _KEY_BYTES else None


class Store:
    """The entries of one ledger's cache.

    Most entries (one per source file, one per document) are written together at the end
    of a run into one pack, a file holding many entries, since making thousands of small
    files costs more than what is in them; a run reads every pack once. The others (the
    files' hashes, a run's result) are a file each."""

    def __init__(self, directory: Path, key: bytes) -> None:
        self.directory = directory
        self._key = key
        self._packed: dict[str, bytes] | None = None  # every pack's entries, once read
        self._packs: list[str] = []
        self._pending: dict[str, bytes] = {}
        self.written = 0

    @classmethod
    def open(cls, root: Path) -> Store | None:
        """The cache of the ledger at `root`, made if it is not there; None where it cannot
        be used (the directory cannot be written, or there is no signing key)."""
        key = _signing_key()
        if key is None:
            return None
        base = root / DIRECTORY
        directory = base / f"v{FORMAT}"
        try:
            if not directory.is_dir():
                directory.mkdir(parents=True, exist_ok=True)
                # Never committed, whatever the ledger's .gitignore says.
                (base / ".gitignore").write_text("# Made by figcheck: its cache.\n*\n")
                (base / "CACHEDIR.TAG").write_text(_CACHEDIR_TAG)
            if not os.access(directory, os.W_OK | os.X_OK):
                return None
        except OSError:
            return None
        return cls(directory, key)

    def name(self, *parts: Any) -> str:
        """The name of the entry that `parts` (strings, bytes, numbers, tuples of them)
        decide; keyed, so that names differ from one user's key to another's."""
        material = marshal.dumps((FORMAT, sys.version, parts))
        return hashlib.blake2b(material, digest_size=20, key=self._key).hexdigest()

    def _sign(self, name: str, content: bytes) -> bytes:
        signer = hashlib.blake2b(name.encode(), digest_size=_SIGNATURE, key=self._key)
        signer.update(content)
        return signer.digest()

    def _sealed(self, name: str, content: bytes) -> bytes:
        return _MAGIC + self._sign(name, content) + content

    def _opened(self, name: str, data: bytes) -> bytes | None:
        """The content of a sealed entry, if it is whole and signed for `name`."""
        header = len(_MAGIC) + _SIGNATURE
        if len(data) < header or not data.startswith(_MAGIC):
            return None
        signature, content = data[len(_MAGIC) : header], data[header:]
        if not hmac.compare_digest(signature, self._sign(name, content)):
            return None
        return content

    def _read(self, name: str, file: str) -> bytes | None:
        try:
            with open(self.directory / file, "rb") as stream:
                return self._opened(name, stream.read())
        except OSError:
            return None

    def _write(self, file: str, data: bytes) -> bool:
        try:
            fd, temporary = tempfile.mkstemp(dir=self.directory, prefix=".tmp-")
            try:
                with os.fdopen(fd, "wb") as stream:
                    stream.write(data)
                os.replace(temporary, self.directory / file)
            except BaseException:
                with contextlib.suppress(OSError):
                    os.unlink(temporary)
                raise
        except OSError:
            return False
        self.written += 1
        return True

    def get(self, name: str) -> Any:
        """The value of entry `name`, or None when it is missing or not whole and signed."""
        if self._packed is None:
            self._read_packs()
        assert self._packed is not None
        content = self._pending.get(name) or self._packed.get(name)
        return None if content is None else _loads(content)

    def put(self, name: str, value: Any) -> None:
        """Keep entry `name`, to be written with the others of the run (`flush`)."""
        with contextlib.suppress(ValueError):  # not a value marshal writes: nothing to keep
            self._pending[name] = marshal.dumps(value)

    def get_file(self, name: str) -> Any:
        """The value of the entry in a file of its own, or None (see `get`)."""
        content = self._read(name, name)
        return None if content is None else _loads(content)

    def put_file(self, name: str, value: Any) -> None:
        """Write an entry into a file of its own, now (atomically)."""
        with contextlib.suppress(ValueError):
            self._write(name, self._sealed(name, marshal.dumps(value)))

    def _read_packs(self) -> None:
        self._packed = {}
        try:
            names = sorted(n for n in os.listdir(self.directory) if n.startswith("pack-"))
        except OSError:
            return
        for file in names:
            content = self._read(file, file)
            entries = None if content is None else _loads(content)
            if isinstance(entries, dict):
                self._packed.update(entries)
                self._packs.append(file)

    def flush(self, live: set[str], compact: bool = False) -> None:
        """Write the entries kept this run into a new pack. With `compact` (the run used
        every entry the ledger needs now), when the packs hold more than twice what the run
        used, or many packs, one pack of the entries the run used replaces them all."""
        if self._packed is None:
            self._read_packs()
        assert self._packed is not None
        pending = {n: c for n, c in self._pending.items() if self._packed.get(n) != c}
        self._pending.clear()
        stale = sum(1 for n in self._packed if n not in live)
        compact = compact and (len(self._packs) > 8 or stale > len(live) + 64)
        if not pending and not compact:
            return
        if compact:
            kept = {n: c for n, c in self._packed.items() if n in live}
            pending = {**kept, **pending}
        pack = f"pack-{secrets.token_hex(8)}"
        if not self._write(pack, self._sealed(pack, marshal.dumps(pending))):
            return
        self._packed.update(pending)
        if compact:
            for old in self._packs:
                with contextlib.suppress(OSError):
                    os.unlink(self.directory / old)
            self._packs = []
        self._packs.append(pack)

    def prune(self, keep: set[str]) -> None:
        """Remove the files of entries of their own that are not in `keep` (an earlier run's
        result, the hashes of a ledger directory named another way)."""
        try:
            names = os.listdir(self.directory)
        except OSError:
            return
        for name in names:
            if name.startswith(".tmp-"):  # left by a figcheck that was stopped while writing
                with contextlib.suppress(OSError):
                    if os.stat(self.directory / name).st_mtime < time.time() - 3600:
                        os.unlink(self.directory / name)
            elif not name.startswith("pack-") and name not in keep:
                with contextlib.suppress(OSError):
                    os.unlink(self.directory / name)


def _loads(content: bytes) -> Any:
    try:
        return marshal.loads(content)
    except (EOFError, ValueError, TypeError):
        return None
