"""Work on independent items spread over the machine's cores, for large ledgers.

`spread(items, work)` gives `[work(item) for item in items]`, computed by this process and
by forked copies of it, one per further core. A forked copy starts with everything this
process has loaded (the ledger, the rules), so nothing is sent to it but which items are
its own; it sends back its results written by `marshal`, which is why `work` must return
plain values (strings, numbers, tuples, lists, dicts, None: what figcheck/caching/codec.py
makes of findings and records).

Spreading costs a fork per core and the encoding of each result, which a small ledger does
not repay: `spread` returns None (and the caller does the work itself) when there are fewer
than `minimum` items, one core, no `fork` (not on Linux or macOS), or `FIGCHECK_WORKERS=1`.
It returns None too when a copy fails in any way (killed, out of memory, an exception):
the caller then does the work itself, so that a result never depends on whether it was
spread.
"""

from __future__ import annotations

import contextlib
import marshal
import os
import sys
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

T = TypeVar("T")

# The number of cores to use; FIGCHECK_WORKERS overrides it (1: never spread).
WORKERS_VARIABLE = "FIGCHECK_WORKERS"


def workers() -> int:
    """How many processes to spread over: FIGCHECK_WORKERS if set to a whole number, else
    the cores this process may run on."""
    setting = os.environ.get(WORKERS_VARIABLE, "").strip()
    if setting.isdigit():
        return max(1, int(setting))
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def spread(items: Sequence[T], work: Callable[[T], Any], minimum: int) -> list[Any] | None:
    """`[work(item) for item in items]` over several processes, in the order of `items`;
    None where it is not worth it or a worker failed (see the module's documentation)."""
    count = min(workers(), len(items))
    if count < 2 or len(items) < minimum or not hasattr(os, "fork"):
        return None
    # Interleaved shares: neighbouring items (one large document after another) land with
    # different processes.
    shares = [list(range(start, len(items), count)) for start in range(count)]
    children: dict[int, int] = {}  # pid -> the read end of its pipe, until it is reaped
    collected: list[list[Any] | None] = []
    try:
        for share in shares[1:]:
            reading, writing = os.pipe()
            sys.stdout.flush()
            sys.stderr.flush()
            pid = os.fork()
            if pid == 0:  # the copy: its share, written to the pipe, then gone
                os.close(reading)
                _work_and_exit(writing, [items[i] for i in share], work)
            os.close(writing)
            children[pid] = reading
        collected.append([work(items[i]) for i in shares[0]])
        for pid in list(children):
            collected.append(_collect(pid, children.pop(pid)))
    finally:
        for pid, reading in children.items():  # after an exception: none left behind
            with contextlib.suppress(OSError):
                os.close(reading)  # a copy still writing stops (its pipe is broken)
            with contextlib.suppress(OSError):
                os.waitpid(pid, 0)
    results_in_order: list[Any] = [None] * len(items)
    for share, results in zip(shares, collected, strict=True):
        if results is None or len(results) != len(share):
            return None
        for index, result in zip(share, results, strict=True):
            results_in_order[index] = result
    return results_in_order


def _collect(pid: int, reading: int) -> list[Any] | None:
    """What the copy `pid` sent through its pipe, once it has ended; None if it failed."""
    try:
        with os.fdopen(reading, "rb") as stream:
            data = stream.read()
    except OSError:
        data = b""
    _, status = os.waitpid(pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        return None
    try:
        results = marshal.loads(data)
    except (EOFError, ValueError, TypeError):
        return None
    return results if isinstance(results, list) else None


def _work_and_exit(writing: int, share: list[Any], work: Callable[[Any], Any]) -> None:
    """In a forked copy: do the share, send the results, and leave without running
    anything of the parent's at exit (its buffers, its atexit handlers, its cache)."""
    code = 1
    try:
        data = marshal.dumps([work(item) for item in share])
        with os.fdopen(writing, "wb") as stream:
            stream.write(data)
        code = 0
    except BaseException:  # the parent does the work itself instead
        code = 1
    finally:
        os._exit(code)
