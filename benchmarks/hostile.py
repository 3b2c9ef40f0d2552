"""Time and peak memory of figcheck on hostile ledgers: the inputs of issue 10.

    python benchmarks/hostile.py [--only NAME ...] [--timeout 120] [--keep DIR]

Each case writes a small ledger with one hostile piece (a dense text, an alias bomb, a quote
that recurs 100,000 times, a 50 MB source file, ...) and runs one figcheck command on it in
a new process, under a memory limit of 8 GiB, stopped after --timeout seconds. Prints a
Markdown table: the case, the command, the exit code, wall seconds and peak resident MiB,
and the first line figcheck wrote to stderr (or the first finding's line), so that "one
clear line" can be read off too.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

MEMORY_LIMIT = 8 * 1024**3

QUANTITIES = """\
quantities:
  q:
    label: Books lent
    unit: books
    kind: flow
  c:
    label: Change in books lent
    unit: percent
    kind: change
    of: q
"""


def source(figures: str = "", text: str | None = "../documents/doc.txt") -> str:
    head = "document:\n  id: doc\n  title: A document\n"
    if text is not None:
        head += f"  text: {text}\n"
    return head + "figures:\n" + (figures or "  []\n")


def figure(fid: str, value: str, quote: str, quantity: str = "q", as_of: str = "2015") -> str:
    return (
        f"  - id: {fid}\n    quantity: {quantity}\n    value: {value}\n    as_of: {as_of}\n"
        f"    said_by: author\n    quote: {quote}\n"
    )


def ledger(root: Path, text: str | bytes = "lent 5 books\n", figures: str = "") -> Path:
    (root / "sources").mkdir(parents=True)
    (root / "documents").mkdir()
    (root / "quantities.yaml").write_text(QUANTITIES)
    (root / "sources" / "doc.yaml").write_text(source(figures or figure("a", "5", "lent 5 books")))
    data = text.encode() if isinstance(text, str) else text
    (root / "documents" / "doc.txt").write_bytes(data)
    return root


# -- the cases ---------------------------------------------------------------------------------


def dense_line(megabytes: float) -> Callable[[Path], Path]:
    """One line of "1 1 1 ...": every other character starts a number."""
    return lambda root: ledger(root, "lent 5 books " + "1 " * int(megabytes * 500_000))


def dense_lines(root: Path) -> Path:
    """80 numbers a line, 5 MB."""
    line = " ".join(str(n) for n in range(10, 90)) + "\n"
    return ledger(root, "lent 5 books\n" + line * (5_000_000 // len(line)))


def prose(megabytes: int) -> Callable[[Path], Path]:
    """Prose with a number in every sentence of a hundred characters: 50 MB hold about
    495,000 unrecorded numbers, 16 MB about 158,000."""

    def build(root: Path) -> Path:
        sentence = (
            "The committee met again on a rainy day and reviewed {} proposals sent by "
            "residents of the district.\n"
        )
        count = megabytes * 1_000_000 // len(sentence.format(100))
        body = "".join(sentence.format(100 + n % 900) for n in range(count))
        return ledger(root, "lent 5 books\n" + body)

    return build


def laughs(root: Path) -> Path:
    """A billion-laughs alias structure as a figure's id."""
    anchors = "  - id: a0\n    note: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
    for level in range(1, 10):
        aliases = ", ".join([f"*l{level - 1}"] * 9)
        anchors += f"  - id: a{level}\n    note: &l{level} [{aliases}]\n"
    bomb = "  - id: [" + ", ".join(["*l9"] * 9) + "]\n    quantity: q\n    value: 5\n"
    return _with_source(root, anchors + bomb)


def deep_id(levels: int) -> Callable[[Path], Path]:
    def build(root: Path) -> Path:
        nested = "[" * levels + "x" + "]" * levels
        entry = f"  - id: {nested}\n    quantity: q\n    value: 5\n"
        return _with_source(root, entry)

    return build


def long_word(megabytes: int) -> Callable[[Path], Path]:
    """A quote whose last word is megabytes long, and not in the text."""

    def build(root: Path) -> Path:
        quote = "lent 5 " + "b" * (megabytes * 1_000_000)
        return ledger(root, figures=figure("a", "5", quote))

    return build


def recurring(figures: int, places: int) -> Callable[[Path], Path]:
    """`figures` figures all quoting "lent 5 books", which recurs `places` times."""

    def build(root: Path) -> Path:
        records = "".join(figure(f"f{n}", "5", "lent 5 books") for n in range(figures))
        return ledger(root, "lent 5 books. " * places, records)

    return build


def big_source(megabytes: int) -> Callable[[Path], Path]:
    """One source file of that size: 50 MB hold 372,794 figures."""
    return lambda root: _big_source(root, megabytes)


def _big_source(root: Path, megabytes: int) -> Path:
    one = figure("f{}", "5", "lent 5 books")
    count = megabytes * 1_000_000 // len(one.format(100000))
    ledger(root)
    with (root / "sources" / "doc.yaml").open("w") as out:
        out.write(source(""))
        out.seek(out.tell() - len("  []\n"))
        out.truncate()
        for n in range(count):
            out.write(one.format(n))
    return root


def long_list(root: Path) -> Path:
    """A subset_of list of 60,000 names."""
    ledger(root)
    names = ", ".join(f"n{n}" for n in range(60_000))
    with (root / "quantities.yaml").open("a") as out:
        out.write(
            f"  s:\n    label: s\n    unit: books\n    kind: flow\n    subset_of: [{names}]\n"
        )
    return root


def _with_source(root: Path, figures: str) -> Path:
    ledger(root)
    (root / "sources" / "doc.yaml").write_text(source(figures))
    return root


CHECK = ("check", "--format", "json")
EXTRACT = ("extract", "doc", "--format", "json")
CASES: dict[str, tuple[Callable[[Path], Path], tuple[str, ...]]] = {
    "dense-5mb-check": (dense_line(5), CHECK),
    "dense-5mb-extract": (dense_line(5), EXTRACT),
    "dense-80-a-line-5mb": (dense_lines, CHECK),
    "dense-50mb": (dense_line(50), CHECK),
    "dense-190k-numbers-check": (dense_line(0.38), CHECK),
    "dense-190k-numbers-extract": (dense_line(0.38), EXTRACT),
    "prose-16mb-check": (prose(16), CHECK),
    "prose-16mb-text": (prose(16), ("check",)),
    "prose-50mb": (prose(50), CHECK),
    "alias-bomb-id": (laughs, CHECK),
    "nested-990-id": (deep_id(990), CHECK),
    "nested-300-id": (deep_id(300), CHECK),
    "quote-word-3mb": (long_word(3), CHECK),
    "quote-word-5mb": (long_word(5), CHECK),
    "quote-word-100mb": (long_word(100), CHECK),
    "recurring-100x50k": (recurring(100, 50_000), CHECK),
    "recurring-300x100k": (recurring(300, 100_000), CHECK),
    "source-50mb": (big_source(50), CHECK),
    "source-8mb": (big_source(8), CHECK),
    "source-4mb": (big_source(4), CHECK),
    "subset-of-60k": (long_list, CHECK),
}


def measure(
    root: Path, command: tuple[str, ...], timeout: float
) -> tuple[str, float, float, float, str]:
    """(exit code or 'stopped', wall seconds, CPU seconds, peak MiB, the first line of
    stderr, or else of stdout that holds a message)."""

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))

    args = [sys.executable, "-m", "figcheck", *command, "--data", str(root)]
    start = time.perf_counter()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        process = subprocess.Popen(args, stdout=out, stderr=err, preexec_fn=limit)
        code = "stopped"
        while True:
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                code = str(os.waitstatus_to_exitcode(status))
                break
            if time.perf_counter() - start > timeout:
                process.kill()
                _, _, usage = os.wait4(process.pid, 0)
                break
            time.sleep(0.02)
        process.returncode = 0  # reaped above
        seconds = time.perf_counter() - start
        cpu = usage.ru_utime + usage.ru_stime
        peak = usage.ru_maxrss / 1024
        err.seek(0)
        out.seek(0)
        said = err.read(2000).decode(errors="replace").strip().splitlines()
        if not said:
            said = [
                line.strip()
                for line in out.read(20000).decode(errors="replace").splitlines()
                if '"message"' in line
            ][:1]
    return code, seconds, cpu, peak, (said[0][:160] if said else "")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="*", choices=sorted(CASES))
    parser.add_argument("--timeout", type=float, default=120)
    parser.add_argument("--keep", type=Path, help="write the ledgers here and keep them")
    args = parser.parse_args()
    print("| case | command | exit | wall s | CPU s | peak MiB | says |")
    print("|---|---|---:|---:|---:|---:|---|")
    for name in args.only or CASES:
        build, command = CASES[name]
        scratch = Path(tempfile.mkdtemp(prefix="figcheck-hostile-"))
        try:
            root = build((args.keep or scratch) / name)
            code, seconds, cpu, peak, said = measure(root, command, args.timeout)
        finally:
            shutil.rmtree(scratch)
        shown = " ".join(command[:2])
        print(
            f"| {name} | `{shown}` | {code} | {seconds:.1f} | {cpu:.1f} | {peak:.0f} | {said} |",
            flush=True,
        )


if __name__ == "__main__":
    main()
