"""Writing ledger files safely: atomically, and one writer at a time.

A file is replaced, never rewritten in place: the new content goes to a temporary file in
the same directory, which is flushed and fsynced and then renamed over the target
(`os.replace`, atomic on POSIX and Windows), and the directory is fsynced so that the rename
itself survives a power cut. A process killed at any moment leaves the old file or the new
one, never half of either; at worst a hidden temporary file stays behind, which figcheck
never reads (the loader skips names starting with a dot) and the next write removes.

Writers of one ledger (`figcheck add`, `figcheck accept`) take an advisory lock on the
ledger directory itself for the whole read-validate-write sequence, so that two curators'
commands run one after the other and neither loses the other's record. The lock is
`fcntl.flock` on the directory's descriptor: the kernel releases it when its holder dies, so
a killed command never blocks the next one, and no lock file is left in the curator's
repository. Where `fcntl` does not exist (Windows) figcheck warns and writes
without the lock.

For tests, the environment variable FIGCHECK_FAULT names a stage at which the process ends
at once with `os._exit(97)`: `locked`, `after-temp-write`, `before-fsync`, `before-rename`
or `after-rename`. Nothing else reads it.
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from figcheck.output.escaping import printable
from figcheck.wording import shorten

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]  # a module or None; every use checks which

# Without fcntl the commands warn that concurrent writers are not serialised.
CAN_LOCK = fcntl is not None
TEMP_SUFFIX = ".figcheck-tmp"
FAULT_STAGES = ("locked", "after-temp-write", "before-fsync", "before-rename", "after-rename")
FAULT_EXIT = 97


class Refused(Exception):
    """A change to the ledger that figcheck will not make as asked; nothing was written.
    `details` are further lines to show under the message, one problem each."""

    def __init__(self, message: str, details: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.details = details


class LockTimeout(Exception):
    """Another figcheck held the ledger's lock for longer than we were willing to wait."""


def _fault(stage: str) -> None:
    """End the process at `stage` when FIGCHECK_FAULT says so (crash tests only)."""
    if os.environ.get("FIGCHECK_FAULT") == stage:
        os._exit(FAULT_EXIT)


@contextlib.contextmanager
def ledger_lock(root: Path, timeout: float = 60.0) -> Iterator[None]:
    """Hold the ledger's write lock (a no-op where CAN_LOCK is False). Waits as long as the
    writer holding it makes progress: the lock passes to another writer, or the one that
    holds it uses the processor (a queue of twenty `figcheck add`s into a large source file
    takes minutes, each one busy). Raises LockTimeout, naming the process that holds the lock
    where the system says which (Linux), after `timeout` seconds without progress."""
    if fcntl is None:
        yield
        return
    fd = os.open(root, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        now = time.monotonic()
        deadline, next_look = now + timeout, now
        delay = 0.005
        holder: Holder | None = None
        progress: tuple[int, float | None] | None = None
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except OSError as error:
                if error.errno not in (errno.EAGAIN, errno.EACCES, errno.EWOULDBLOCK):
                    raise
            now = time.monotonic()
            if now >= next_look:
                holder = lock_holder(root)
                seen = None if holder is None else (holder.pid, holder.cpu)
                if seen is not None and seen != progress:  # another writer, or it worked
                    deadline = max(deadline, now + timeout)
                progress, next_look = seen, now + _LOOK_EVERY
            if now > deadline:
                raise LockTimeout(_stuck(root, holder, timeout)) from None
            time.sleep(delay)
            delay = min(delay * 2, 0.1)
        _fault("locked")
        yield
    finally:
        os.close(fd)  # closing the descriptor releases the lock


_LOOK_EVERY = 0.25  # seconds between looks at who holds the lock


@dataclass(frozen=True)
class Holder:
    """The process that holds a ledger's lock, as the system tells it."""

    pid: int
    command: str  # its command line, shortened; '' when unknown
    cpu: float | None  # processor seconds it has used, when known


def lock_holder(root: Path) -> Holder | None:
    """Who holds the flock on the directory `root`, from /proc/locks (Linux); None where the
    system does not say."""
    try:
        status = os.stat(root)
        locks = Path("/proc/locks").read_text()
    except OSError:
        return None
    where = f"{os.major(status.st_dev):02x}:{os.minor(status.st_dev):02x}:{status.st_ino}"
    for entry in locks.splitlines():
        # '1: FLOCK  ADVISORY  WRITE 5993 fe:00:2369331 0 EOF'; '->' marks one that waits
        parts = entry.split()
        if len(parts) >= 6 and parts[1] == "FLOCK" and parts[5] == where:
            with contextlib.suppress(ValueError):
                pid = int(parts[4])
                return Holder(pid, _command_of(pid), _cpu_of(pid))
    return None


def _command_of(pid: int) -> str:
    try:
        raw = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return ""
    command = " ".join(os.fsdecode(part) for part in raw.split(b"\0") if part)
    return printable(shorten(command, 100))


def _cpu_of(pid: int) -> float | None:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return None


def _stuck(root: Path, holder: Holder | None, timeout: float) -> str:
    if holder is None:
        return (
            f"another figcheck has been writing to {root} for over {timeout:.0f}s; "
            "try again when it is done"
        )
    what = f"process {holder.pid}" + (f" ({holder.command})" if holder.command else "")
    return (
        f"{what} holds the lock on {root} and has made no progress for {timeout:.0f}s; try "
        "again when it is done, or end it if it is stuck"
    )


def atomic_write(path: Path, content: bytes) -> None:
    """Replace (or create) `path` with `content`, atomically and durably. A symbolic link
    stays one: its target is replaced, in the target's own directory, so that every ledger
    that shares the file gets the change."""
    if path.is_symlink():
        path = Path(os.path.realpath(path))
    directory = path.parent
    mode = _mode_for(path)
    fd, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=TEMP_SUFFIX, dir=directory)
    temp = Path(temp_name)
    try:
        with os.fdopen(fd, "wb") as stream:
            stream.write(content)
            _fault("after-temp-write")
            stream.flush()
            _fault("before-fsync")
            os.fsync(stream.fileno())
        os.chmod(temp, mode)  # mkstemp creates 0600; keep the target's permissions
        _fault("before-rename")
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    _fault("after-rename")
    _fsync_directory(directory)


def remove_stale_temporaries(directory: Path) -> None:
    """Remove temporary files that killed writers left in `directory`. Call only while
    holding the ledger lock: then no live writer has a temporary file there."""
    with contextlib.suppress(OSError):
        for leftover in directory.glob(f".*{TEMP_SUFFIX}"):
            with contextlib.suppress(OSError):
                leftover.unlink()


def _mode_for(path: Path) -> int:
    try:
        return path.stat().st_mode & 0o7777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _fsync_directory(directory: Path) -> None:
    """Make the rename durable. Windows cannot open a directory; there it is skipped."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
