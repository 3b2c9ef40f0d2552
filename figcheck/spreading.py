"""Work on independent items spread over the machine's cores, for large ledgers.

`spread(items, work)` gives `[work(item) for item in items]`, computed by this process and
by forked copies of it, one per further core. A forked copy starts with everything this
process has loaded (the ledger, the rules), so nothing is sent to it but which items are
its own; it sends back its results written by `marshal`, which is why `work` must return
plain values (strings, numbers, tuples, lists, dicts, None: what figcheck/caching/codec.py
makes of findings and records).

Spreading costs a fork per core and the encoding of each result, which a small ledger does
not repay: `spread` returns None (and the caller does the work itself) when there are fewer
than `minimum` items, one core, no `fork` (not on Linux or macOS), other threads running (a
fork copies only the one that makes it), or `FIGCHECK_WORKERS=1`.
It returns None too when a copy fails in any way (killed, out of memory, an exception):
the caller then does the work itself, so that a result never depends on whether it was
spread.
"""

from __future__ import annotations

import contextlib
import marshal
import os
import sys
import threading
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")


def _as_it_is(result: Any) -> Any:
    return result


def _as_sent(item: Any, sent: Any) -> Any:
    return sent


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


def spread(
    items: Sequence[T],
    work: Callable[[T], R],
    minimum: int,
    send: Callable[[R], Any] = _as_it_is,
    receive: Callable[[T, Any], R] = _as_sent,
) -> list[R] | None:
    """`[work(item) for item in items]` over several processes, in the order of `items`;
    None where it is not worth it or a worker failed (see the module's documentation).

    A worker sends `send(work(item))`, which must be a plain value, and this process makes
    it a result again with `receive(item, sent)`; the results of this process's own share
    are used as they are, never encoded."""
    count = min(workers(), len(items))
    if count < 2 or len(items) < minimum or not hasattr(os, "fork"):
        return None
    # A fork copies only the thread that makes it: in a program running other threads (figcheck
    # used as a library in a server), a lock one of them held would never be released.
    if threading.active_count() > 1:
        return None
    # Interleaved shares: neighbouring items (one large document after another) land with
    # different processes.
    shares = [list(range(start, len(items), count)) for start in range(count)]
    children: dict[int, int] = {}  # pid -> the read end of its pipe, until it is reaped
    try:
        for share in shares[1:]:
            reading, writing = os.pipe()
            sys.stdout.flush()
            sys.stderr.flush()
            pid = os.fork()
            if pid == 0:  # the copy: its share, written to the pipe, then gone
                os.close(reading)
                _work_and_exit(writing, [items[i] for i in share], lambda x: send(work(x)))
            os.close(writing)
            children[pid] = reading
        own = [work(items[i]) for i in shares[0]]
        sent_back = [_collect(pid, children.pop(pid)) for pid in list(children)]
    finally:
        for pid, reading in children.items():  # after an exception: none left behind
            with contextlib.suppress(OSError):
                os.close(reading)  # a copy still writing stops (its pipe is broken)
            with contextlib.suppress(OSError):
                os.waitpid(pid, 0)
    results: list[Any] = [None] * len(items)
    for index, result in zip(shares[0], own, strict=True):
        results[index] = result
    for share, sent in zip(shares[1:], sent_back, strict=True):
        if sent is None or len(sent) != len(share):
            return None
        try:
            for index, payload in zip(share, sent, strict=True):
                results[index] = receive(items[index], payload)
        except (ValueError, TypeError, KeyError, IndexError):  # not what a worker sends
            return None
    return results


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
