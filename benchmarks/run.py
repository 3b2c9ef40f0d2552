"""Time figcheck on synthetic ledgers, side by side with the bare YAML parse of the same files.

    python benchmarks/run.py [--sizes 1000 10000 100000] [--million] [--repeat 3]
    python benchmarks/run.py --sizes --million --repeat 1      # the million alone
                             [--formats json text github sarif junit markdown] [--report]

For each size, three ledgers are generated (benchmarks/generate.py, files of 50 figures):
the agreeing one, the many-findings one (about one finding per figure) and one quantity
holding half as many figures. One table per size, each row the median of --repeat runs of a
new process, in wall-clock and CPU seconds (user and system, figcheck's worker processes
included), with the peak resident memory of the whole process tree:

- floor: the bare parse of every source file with `yaml.CSafeLoader` (one core, garbage
  collector paused), timed inside its process, in the same run;
- cold: `figcheck check --format json` with no cache (`.figcheck-cache/` removed first);
- warm: the same again with the cache a first run left, nothing changed;
- warm after one change: one figure's speaker in one source file changed before each run
  (to one no run had before, so that no earlier result can be reused);
- many findings: the many-findings ledger, cold, in each output format, with its own floor;
- add: `figcheck add` of one figure into the agreeing ledger, cold and with a warm cache
  (the source file is restored after each run);
- one quantity: its floor and a cold check.

Each row says its ratio to the floor, or to the run its target is set against. --million
adds 1,000,000 figures (the floor, a cold and a warm check, and a cold check in one process
with its memory). figcheck spreads a large ledger's work over the cores
(figcheck/spreading.py); peak memory sums the processes' proportional set sizes, so that
the pages a worker shares with its parent count once. Before the
tables, the start-up of `figcheck --help` and `figcheck rules` (median of 10). Output is
Markdown, as benchmarks/README.md shows it.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from generate import write  # benchmarks/ is on the path: this file is run as a script

FORMATS = ("json", "text", "github", "sarif", "junit", "markdown")
CACHE = ".figcheck-cache"

FLOOR = """
import gc, sys, time, yaml
from pathlib import Path
paths = sorted(Path(sys.argv[1], "sources").glob("*.yaml"))
wall, cpu = time.perf_counter(), time.process_time()
gc.disable()
for path in paths:
    yaml.load(path.read_bytes(), Loader=yaml.CSafeLoader)
import resource
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(time.perf_counter() - wall, time.process_time() - cpu, peak)
"""


@dataclass
class Run:
    wall: float
    cpu: float
    peak_mib: float


def _pss_kib(pid: int) -> int | None:
    """A process's proportional set size: its resident memory, with each page it shares
    with other processes (a forked worker's copy of the ledger) counted as its share."""
    try:
        with open(f"/proc/{pid}/smaps_rollup") as rollup:
            for line in rollup:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return None


def _tree_rss_kib(root_pid: int) -> int:
    """The memory of a process and all its descendants, from /proc (Linux): the sum of
    their proportional set sizes where the kernel gives them, else of their resident sizes
    (which counts the pages a forked worker shares with its parent twice)."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        pid, ppid = int(entry), int(fields[1])
        children.setdefault(ppid, []).append(pid)
        rss[pid] = int(fields[21]) * (resource.getpagesize() // 1024)
    total, stack = 0, [root_pid]
    while stack:
        pid = stack.pop()
        pss = _pss_kib(pid) if pid in rss else None
        total += rss.get(pid, 0) if pss is None else pss
        stack += children.get(pid, [])
    return total


def run(command: Sequence[str], out: Path | None = None, ok: Sequence[int] = (0, 1)) -> Run:
    """Run `command` in a new process: its wall and CPU seconds (its own and those of the
    processes it waited for), and the peak memory of its process tree: the sum over its
    processes, sampled every 20 ms, and at least the largest one process reached."""
    start = time.perf_counter()
    with open(out or os.devnull, "wb") as stdout, tempfile.TemporaryFile() as stderr:
        process = subprocess.Popen(command, stdout=stdout, stderr=stderr)
        peak = [0]
        done = threading.Event()

        def sample() -> None:
            while not done.is_set():
                peak[0] = max(peak[0], _tree_rss_kib(process.pid))
                time.sleep(0.02)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
        done.set()
        sampler.join()
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode not in ok:
            stderr.seek(0)
            raise SystemExit(
                f"{' '.join(command)}: exit {process.returncode}\n{stderr.read().decode()}"
            )
    cpu = usage.ru_utime + usage.ru_stime
    return Run(wall, cpu, max(peak[0], usage.ru_maxrss) / 1024)


def figcheck(*args: str) -> list[str]:
    return [sys.executable, "-m", "figcheck", *args]


def floor(root: Path) -> Run:
    """The bare parse, timed inside its own process (as figcheck's work is, plus start-up)."""
    done = subprocess.run(
        [sys.executable, "-c", FLOOR, str(root)], capture_output=True, check=True, text=True
    )
    wall, cpu, peak = map(float, done.stdout.split())
    return Run(wall, cpu, peak / 1024)


def clear_cache(root: Path) -> None:
    shutil.rmtree(root / CACHE, ignore_errors=True)


def repeated(times: int, action: Callable[[int], Run], prepare: Callable[[int], None]) -> Run:
    runs = []
    for n in range(times):
        prepare(n)
        runs.append(action(n))
    return Run(
        statistics.median(r.wall for r in runs),
        statistics.median(r.cpu for r in runs),
        max(r.peak_mib for r in runs),
    )


def check(root: Path, output_format: str = "json") -> Callable[[int], Run]:
    return lambda _: run(figcheck("check", "--data", str(root), "--format", output_format))


def change_speaker(root: Path, number: int) -> None:
    """Name another speaker for the first figure of the first source file: a change to a
    record that every rule reads, which leaves the ledger without findings."""
    path = root / "sources" / "doc-00000.yaml"
    lines = path.read_text().split("\n")
    index = next(i for i, line in enumerate(lines) if line.startswith("    said_by: "))
    lines[index] = f"    said_by: Speaker {number}"
    path.write_text("\n".join(lines))


ADD = (
    "add",
    "--document",
    "doc-00000",
    "--quantity",
    "total",
    "--value",
    "100000",
    "--as-of",
    "1930-01-01",
    "--said-by",
    "Speaker 9",
    "--quote",
    "the b count is 100,000 people",
    "--id",
    "added",
)


class Table:
    def __init__(self, title: str, floor_run: Run) -> None:
        self.floor = floor_run
        print(f"\n### {title}\n")
        print("| run | wall (s) | CPU (s) | peak (MiB) | ratio | target |")
        print("|---|---:|---:|---:|---:|---|")

    def row(self, name: str, r: Run, ratio: str = "", target: str = "") -> None:
        print(
            f"| {name} | {r.wall:.2f} | {r.cpu:.2f} | {r.peak_mib:.0f} | {ratio} | {target} |",
            flush=True,
        )

    def of_floor(self, r: Run, base: Run | None = None) -> str:
        base = base or self.floor
        return f"{r.wall / base.wall:.2f}x floor (CPU {r.cpu / base.cpu:.2f}x)"


def size_table(size: int, scratch: Path, repeat: int, formats: Sequence[str], full: bool) -> None:
    root = scratch / f"agreeing-{size}"
    write(root, size, 50, 0)
    files = len(list((root / "sources").glob("*.yaml")))
    megabytes = sum(p.stat().st_size for p in (root / "sources").iterdir()) / 1e6
    floors = [floor(root) for _ in range(repeat)]
    base = Run(
        statistics.median(f.wall for f in floors),
        statistics.median(f.cpu for f in floors),
        max(f.peak_mib for f in floors),
    )
    table = Table(f"{size:,} figures ({files:,} source files, {megabytes:.0f} MB)", base)
    table.row("floor: bare `CSafeLoader` parse, one core", base, "1.00x")
    cold = repeated(repeat, check(root), lambda _: clear_cache(root))
    table.row("cold `check --format json`", cold, table.of_floor(cold), "<= 1.3x floor")
    clear_cache(root)
    run(figcheck("check", "--data", str(root), "--format", "json"))  # fills the cache
    warm = repeated(repeat, check(root), lambda _: None)
    table.row(
        "warm, nothing changed", warm, f"{cold.wall / warm.wall:.1f}x faster than cold", ">= 10x"
    )
    changed = repeated(repeat, check(root), lambda n: change_speaker(root, 100 + n))
    table.row(
        "warm, one source file changed",
        changed,
        f"{changed.wall / warm.wall:.1f}x warm",
        "<= 2x warm",
    )
    change_speaker(root, 0)
    if not full:
        # The memory target is for one process: the spread workers' copies are left out.
        os.environ["FIGCHECK_WORKERS"] = "1"
        try:
            alone = repeated(repeat, check(root), lambda _: clear_cache(root))
        finally:
            del os.environ["FIGCHECK_WORKERS"]
        table.row(
            "cold, one process (`FIGCHECK_WORKERS=1`)",
            alone,
            f"{table.of_floor(alone)}; {alone.peak_mib / 1024:.2f} GiB",
            "< 2 GiB peak",
        )
        return
    many = scratch / f"disagreeing-{size}"
    write(many, size, 50, 0, "disagreeing")
    many_floor = floor(many)
    found = _findings(many)
    table.row(f"many findings ({found:,}): floor", many_floor, "")
    for output_format in formats:
        r = repeated(repeat, check(many, output_format), lambda _: clear_cache(many))
        table.row(
            f"many findings, cold `--format {output_format}`",
            r,
            table.of_floor(r, many_floor),
            "<= 3x floor",
        )
    source = root / "sources" / "doc-00000.yaml"
    original = source.read_bytes()

    def restore(warm_cache: bool) -> Callable[[int], None]:
        def prepare(_: int) -> None:
            source.write_bytes(original)
            clear_cache(root)
            if warm_cache:
                run(figcheck("check", "--data", str(root), "--format", "json"))

        return prepare

    add = lambda _: run(figcheck(*ADD, "--data", str(root)))  # noqa: E731
    add_cold = repeated(repeat, add, restore(False))
    table.row(
        "`add` one figure, cold", add_cold, f"{add_cold.wall / cold.wall:.2f}x cold", "<= 1.5x cold"
    )
    add_warm = repeated(repeat, add, restore(True))
    table.row("`add` one figure, warm cache", add_warm, "", "< 1 s")
    source.write_bytes(original)
    one = scratch / f"one-quantity-{size}"
    write(one, size // 2, 50, 0, "one-quantity")
    one_floor = floor(one)
    table.row(f"one quantity of {size // 2:,} figures: floor", one_floor, "")
    one_cold = repeated(repeat, check(one), lambda _: clear_cache(one))
    table.row(
        "one quantity, cold `check --format json`",
        one_cold,
        table.of_floor(one_cold, one_floor),
        "<= 3x its floor",
    )
    for path in (root, many, one):
        shutil.rmtree(path)


def _findings(root: Path) -> int:
    out = root.parent / "findings.json"
    run(figcheck("check", "--data", str(root), "--format", "json"), out)
    clear_cache(root)
    found = json.loads(out.read_text())["findings"]
    out.unlink()
    return len(found)


def startup(times: int = 10) -> None:
    """`figcheck --help` and `figcheck rules` as a user runs them: the installed command."""
    script = Path(sys.executable).parent / "figcheck"
    command = [str(script)] if script.exists() else figcheck()
    print("\n| command | wall (ms), median of 10 | CPU (ms) | target |")
    print("|---|---:|---:|---|")
    for args in (("--help",), ("rules",)):
        runs = [run([*command, *args]) for _ in range(times)]
        wall = statistics.median(r.wall for r in runs) * 1000
        cpu = statistics.median(r.cpu for r in runs) * 1000
        print(f"| `figcheck {' '.join(args)}` | {wall:.0f} | {cpu:.0f} | <= 60 ms |", flush=True)


REPORT_FORMATS = ("text", "markdown", "json", "html")


def report_table(sizes: list[int], repeat: int, scratch: Path) -> None:
    """`figcheck report` end to end in each format, written to a file with -o."""
    print()
    print(
        "| figures | "
        + " | ".join(f"`report --format {f}` (s)" for f in REPORT_FORMATS)
        + " | largest output (MB) | peak memory (MiB) |"
    )
    print("|---:|" + "---:|" * (len(REPORT_FORMATS) + 2))
    for size in sizes:
        root = scratch / f"report-{size}"
        write(root, size, 50, 0)
        cells, memory, largest = [], [], 0
        for output_format in REPORT_FORMATS:
            out = scratch / f"report.{output_format}"
            command = figcheck(
                "report", "--data", str(root), "--format", output_format, "-o", str(out)
            )
            runs = [run(command, ok=(0,)) for _ in range(repeat)]
            cells.append(f"{statistics.median(r.wall for r in runs):.2f}")
            memory += [r.peak_mib for r in runs]
            largest = max(largest, out.stat().st_size)
        print(
            f"| {size:,} | {' | '.join(cells)} | {largest / 1e6:.1f} | {max(memory):.0f} |",
            flush=True,
        )
        shutil.rmtree(root)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[1_000, 10_000, 100_000])
    parser.add_argument("--million", action="store_true", help="and 1,000,000 figures")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--formats", nargs="+", choices=FORMATS, default=list(FORMATS))
    parser.add_argument("--report", action="store_true", help="time `figcheck report` too")
    parser.add_argument("--no-startup", action="store_true", help="skip --help and rules")
    args = parser.parse_args()
    load = os.getloadavg()
    print(
        f"{os.cpu_count()} cores, Python {sys.version.split()[0]}, load average "
        f"{load[0]:.1f} {load[1]:.1f} {load[2]:.1f} at the start"
    )
    if not args.no_startup:
        startup()
    with tempfile.TemporaryDirectory() as scratch:
        for size in args.sizes:
            size_table(size, Path(scratch), args.repeat, args.formats, full=True)
        if args.million:
            size_table(1_000_000, Path(scratch), args.repeat, (), full=False)
        if args.report:
            report_table(args.sizes, args.repeat, Path(scratch))
    load = os.getloadavg()
    print(f"\nload average {load[0]:.1f} {load[1]:.1f} {load[2]:.1f} at the end")


if __name__ == "__main__":
    main()
