"""Twenty `figcheck add` commands at once into one source file of 10,000 figures.

    python benchmarks/concurrent_adds.py [--writers 20] [--figures 10000]

Each writer takes the ledger's lock in turn and checks the whole ledger before it writes,
so the last one waits for all the others. Prints how many recorded their figure, how many
gave up waiting for the lock (and what they said), the wall time, and whether the ledger
holds every figure afterwards.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

from figcheck import load_ledger

QUANTITIES = "quantities:\n  q:\n    label: Books lent\n    unit: books\n    kind: flow\n"


def write(root: Path, count: int, writers: int) -> None:
    """A ledger of `count` figures that agree (the same count on different days), and a
    text that holds their quotes and those of the figures the writers will add."""
    (root / "sources").mkdir(parents=True)
    (root / "documents").mkdir()
    (root / "quantities.yaml").write_text(QUANTITIES)
    lines = [f"On day {n} they lent 100 books." for n in range(count + writers)]
    (root / "documents" / "doc.txt").write_text("\n".join(lines) + "\n")
    figures = "".join(
        f"  - id: f{n}\n    quantity: q\n    value: 100\n    as_of: {day(n)}\n"
        f"    said_by: author\n    quote: On day {n} they lent 100 books\n"
        for n in range(count)
    )
    (root / "sources" / "doc.yaml").write_text(
        "document:\n  id: doc\n  title: A document\n  text: ../documents/doc.txt\n"
        f"figures:\n{figures}"
    )


def day(n: int) -> str:
    return (date(1990, 1, 1) + timedelta(days=n)).isoformat()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--writers", type=int, default=20)
    parser.add_argument("--figures", type=int, default=10_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch) / "ledger"
        write(root, args.figures, args.writers)
        start = time.perf_counter()
        processes = []
        for n in range(args.figures, args.figures + args.writers):
            command = [sys.executable, "-m", "figcheck", "add", "--data", str(root)]
            command += ["--document", "doc", "--quantity", "q", "--value", "100", "--id", f"f{n}"]
            command += ["--as-of", day(n), "--said-by", "author"]
            command += ["--quote", f"On day {n} they lent 100 books"]
            processes.append(
                subprocess.Popen(
                    command,
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.PIPE,
                    text=True,
                )
            )
        outcomes: Counter[int] = Counter()
        said = []
        for process in processes:
            _, err = process.communicate()
            outcomes[process.returncode] += 1
            if process.returncode != 0:
                said.append(err.strip().splitlines()[0] if err.strip() else "")
        seconds = time.perf_counter() - start
        recorded = sum(
            1 for f in load_ledger(root).figures if int(f.split("/f")[1]) >= args.figures
        )
    print(
        f"{args.writers} writers, {args.figures:,} figures: exit codes {dict(outcomes)}, "
        f"{seconds:.0f} s, {recorded} of {args.writers} recorded"
    )
    for line in said:
        print(f"  {line}")


if __name__ == "__main__":
    main()
