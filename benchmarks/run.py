"""Time figcheck on synthetic ledgers, and the bare YAML parse it has to stay close to.

    python benchmarks/run.py [--sizes 10000 100000] [--repeat 3] [--report]

For each size, a ledger is generated (benchmarks/generate.py, files of 50 figures) and timed:
the bare libyaml parse of every file (the floor), figcheck's load (parse, validate, build the
model), its rules (every rule, anchoring included), and `figcheck check` end to end in a new
process, with its peak memory. Prints a Markdown table; the median of --repeat runs. With
--report, a second table: `figcheck report` end to end in each format, written to a file.

With --cpu, the seconds are CPU seconds (user and system, of this process and of the child
`figcheck check`) rather than wall-clock seconds: on a machine that other jobs share, the
wall clock measures them too, while figcheck's own work stays the same.
"""

from __future__ import annotations

import argparse
import gc
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml
from generate import write  # benchmarks/ is on the path: this file is run as a script

from figcheck.engine import run_rules
from figcheck.ledger import load_ledger


def bare_parse(root: Path) -> None:
    gc.disable()
    try:
        for path in sorted((root / "sources").glob("*.yaml")):
            yaml.load(path.read_bytes(), Loader=yaml.CSafeLoader)  # the safe C loader
    finally:
        gc.enable()


CLOCK = time.perf_counter  # time.process_time with --cpu


def timed(action) -> float:  # type: ignore[no-untyped-def]
    start = CLOCK()
    action()
    return CLOCK() - start


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def end_to_end(root: Path) -> tuple[float, float]:
    """Seconds and peak resident MiB of `figcheck check` in a child process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start, cpu_start = time.perf_counter(), _children_cpu()
    done = subprocess.run(
        [sys.executable, "-m", "figcheck", "check", "--data", str(root), "--format", "json"],
        capture_output=True,
        check=False,
    )
    seconds = time.perf_counter() - start
    if CLOCK is time.process_time:
        seconds = _children_cpu() - cpu_start
    if done.returncode not in (0, 1):
        raise SystemExit(done.stderr.decode())
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return seconds, max(peak, before) / 1024


REPORT_FORMATS = ("text", "markdown", "json", "html")


def report_end_to_end(root: Path, output_format: str, out: Path) -> tuple[float, float]:
    """Wall seconds and peak resident MiB of `figcheck report --format F -o FILE`."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "figcheck",
            "report",
            "--data",
            str(root),
            "--format",
            output_format,
            "-o",
            str(out),
        ],
        capture_output=True,
        check=False,
    )
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(done.stderr.decode())
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return seconds, max(peak, before) / 1024


def report_table(sizes: list[int], repeat: int) -> None:
    print()
    print(
        "| figures | "
        + " | ".join(f"`report --format {f}` (s)" for f in REPORT_FORMATS)
        + " | largest output (MB) | peak memory (MiB) |"
    )
    print("|---:|" + "---:|" * (len(REPORT_FORMATS) + 2))
    for size in sizes:
        with tempfile.TemporaryDirectory() as scratch:
            root = Path(scratch) / "ledger"
            write(root, size, 50, 0)
            cells, memory, largest = [], [], 0
            for output_format in REPORT_FORMATS:
                out = Path(scratch) / f"report.{output_format}"
                runs = [report_end_to_end(root, output_format, out) for _ in range(repeat)]
                cells.append(f"{statistics.median(s for s, _ in runs):.2f}")
                memory += [m for _, m in runs]
                largest = max(largest, out.stat().st_size)
            print(
                f"| {size:,} | {' | '.join(cells)} | {largest / 1e6:.1f} | {max(memory):.0f} |",
                flush=True,
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--report", action="store_true", help="time `figcheck report` too")
    parser.add_argument("--cpu", action="store_true", help="CPU seconds, not wall seconds")
    args = parser.parse_args()
    if args.cpu:
        global CLOCK
        CLOCK = time.process_time
    print(
        "| figures | files | bare parse (s) | figcheck load (s) | rules (s) | "
        "`figcheck check` (s) | peak memory (MiB) |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|")
    for size in args.sizes:
        with tempfile.TemporaryDirectory() as scratch:
            root = Path(scratch) / "ledger"
            write(root, size, 50, 0)
            parse, load, rules, whole, memory = [], [], [], [], []
            for _ in range(args.repeat):
                parse.append(timed(lambda root=root: bare_parse(root)))
                loaded = []
                load.append(timed(lambda root=root, into=loaded: into.append(load_ledger(root))))
                rules.append(timed(lambda ledger=loaded[0]: run_rules(ledger)))
                seconds, peak = end_to_end(root)
                whole.append(seconds)
                memory.append(peak)
            files = len(list((root / "sources").glob("*.yaml")))
            print(
                f"| {size:,} | {files:,} | {statistics.median(parse):.2f} | "
                f"{statistics.median(load):.2f} | {statistics.median(rules):.2f} | "
                f"{statistics.median(whole):.2f} | {max(memory):.0f} |",
                flush=True,
            )
    if args.report:
        report_table(args.sizes, args.repeat)


if __name__ == "__main__":
    main()
