"""Mutation testing of one module against its own tests, by hand (not in CI): would the tests
notice a wrong answer? mutmut changes the module one small thing at a time (a comparison
flipped, `and` for `or`, `+` for `-`, a constant, a dropped return) and runs the module's own
test files against each change; a change that no test notices is a mutant that survived.

    python -m pip install -e '.[test,mutation]'
    python .ci/mutation.py figcheck/family.py [MODULE ...] [--all] [--jobs 1] [--show]

For each module it prints the share of mutants killed. A mutant that cannot change what
figcheck does (an equivalent mutant) is listed in .ci/equivalent_mutants.txt, one line each:
its name, the first 8 hex digits of the SHA-256 of its diff (so that the line goes stale when
the mutant does) and a sentence saying why; it counts as killed. --show prints the diff of
each survivor. Each module runs in a fresh copy of the project under .mutation/, niced.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import os
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / ".mutation"
EQUIVALENTS = Path(__file__).resolve().parent / "equivalent_mutants.txt"

# Each module's own test files: the tests that are about it, not every test that runs it.
OWN_TESTS = {
    "figcheck/family.py": [
        "tests/test_family.py",
        "tests/rules/test_relations_read_through.py",
        "tests/rules/test_fc201_statements.py",
    ],
    "figcheck/model.py": ["tests/test_model.py"],
    "figcheck/sweep.py": ["tests/test_sweep.py", "tests/test_sweep_shortcuts.py"],
    "figcheck/values.py": ["tests/test_values.py"],
    "figcheck/dates.py": ["tests/test_dates.py", "tests/test_date_groupings.py"],
    "figcheck/text/numbers.py": [
        "tests/test_numbers.py",
        "tests/test_numbers_decimal_comma.py",
        "tests/test_numbers_half_periods.py",
        "tests/test_numbers_quantifiers.py",
        "tests/test_numbers_ratios.py",
    ],
    "figcheck/rules/fc201_conflict.py": [
        "tests/rules/test_fc201_conflict.py",
        "tests/rules/test_fc201_statements.py",
    ],
    "figcheck/rules/fc203_parts_exceed_whole.py": [
        "tests/rules/test_fc203_parts_exceed_whole.py",
        "tests/rules/test_relations_read_through.py",
    ],
    "figcheck/rules/fc301_divergence.py": [
        "tests/rules/test_fc301_divergence.py",
        "tests/rules/test_fc301_intervals.py",
        "tests/rules/test_fc301_window_days.py",
    ],
}
# The modules where a silent bug gives wrong findings, each kept at 90% killed or more.
KEPT = (
    "figcheck/family.py",
    "figcheck/model.py",
    "figcheck/sweep.py",
    "figcheck/values.py",
    "figcheck/dates.py",
    "figcheck/text/numbers.py",
    "figcheck/rules/fc201_conflict.py",
    "figcheck/rules/fc202_decrease.py",
    "figcheck/rules/fc203_parts_exceed_whole.py",
    "figcheck/rules/fc204_subset_exceeds_superset.py",
    "figcheck/rules/fc205_change_against_levels.py",
    "figcheck/rules/fc301_divergence.py",
)
# A mutant that makes a test fail, hang (timeout) or crash has been noticed.
KILLED = {"killed", "timeout", "segfault", "caught by type check"}


def own_tests(module: str) -> list[str]:
    """The module's test files: from the table above, or tests/rules/test_<rule>.py."""
    if module in OWN_TESTS:
        return OWN_TESTS[module]
    path = Path(module)
    if path.parent.as_posix() == "figcheck/rules":
        return [f"tests/rules/test_{path.name}"]
    sys.exit(f"mutation.py: no test files known for {module}; add them to OWN_TESTS")


def equivalents() -> dict[str, tuple[str, str]]:
    """{mutant name: (diff digest, why)} from the list of equivalent mutants."""
    listed: dict[str, tuple[str, str]] = {}
    if not EQUIVALENTS.exists():
        return listed
    for number, line in enumerate(EQUIVALENTS.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split(maxsplit=2)
        if len(parts) < 3:
            sys.exit(f"{EQUIVALENTS.name}:{number}: write NAME DIGEST WHY")
        listed[parts[0]] = (parts[1], parts[2])
    return listed


def copy_project(module: str, tests: list[str], work: Path) -> None:
    """A fresh copy of the project in `work`, whose pyproject.toml tells mutmut to mutate only
    `module` and to run only `tests`."""
    if work.exists():
        shutil.rmtree(work)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", ".hypothesis")
    for name in ("figcheck", "tests", "data"):
        shutil.copytree(ROOT / name, work / name, ignore=ignore)
    settings = "\n".join(
        [
            "",
            "[tool.mutmut]",
            'source_paths = ["figcheck"]',
            f'only_mutate = ["{module}"]',
            f"pytest_add_cli_args_test_selection = {tests!r}".replace("'", '"'),
            'pytest_add_cli_args = ["-p", "no:cacheprovider", "-p", "no:randomly"]',
            "",
        ]
    )
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    (work / "pyproject.toml").write_text(pyproject + settings, encoding="utf-8")


def mutmut(work: Path, *args: str, log: Path | None = None) -> str:
    command = ["nice", "-n", "10", sys.executable, "-m", "mutmut", *args]
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    if log is None:
        return subprocess.run(
            command, cwd=work, env=env, check=True, capture_output=True, text=True
        ).stdout
    with log.open("w") as out:
        subprocess.run(command, cwd=work, env=env, check=True, stdout=out, stderr=out)
    return ""


def digest(diff: str) -> str:
    """The first 8 hex digits of the SHA-256 of a mutant's changed lines."""
    changed = [
        line
        for line in diff.splitlines()
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]
    return hashlib.sha256("\n".join(changed).encode()).hexdigest()[:8]


def statuses(work: Path) -> dict[str, str]:
    found = {}
    for line in mutmut(work, "results", "--all", "true").splitlines():
        name, _, status = line.strip().rpartition(": ")
        if name:
            found[name] = status
    return found


def measure(module: str, jobs: int, show: bool) -> tuple[int, int]:
    tests = own_tests(module)
    missing = [t for t in tests if not (ROOT / t).exists()]
    if missing:
        sys.exit(f"mutation.py: {module}: no test file {', '.join(missing)}")
    work = WORK / module.replace("/", "_").removesuffix(".py")
    copy_project(module, tests, work)
    mutmut(work, "run", "--max-children", str(jobs), log=work / "mutmut.log")
    found = statuses(work)
    if not found:
        sys.exit(f"mutation.py: mutmut found no mutant in {module}; see {work}/mutmut.log")
    listed = equivalents()
    prefix = module.removesuffix(".py").replace("/", ".") + "."
    counts: Counter[str] = Counter()
    survivors = []
    for name, status in sorted(found.items()):
        if status in KILLED:
            counts["killed"] += 1
        elif name in listed:
            diff = mutmut(work, "show", name)
            if digest(diff) == listed[name][0]:
                counts["equivalent"] += 1
                continue
            print(f"  {name}: listed as equivalent, but the mutant changed: look at it again")
            survivors.append((name, status, diff))
            counts[status] += 1
        else:
            counts[status] += 1
            survivors.append((name, status, ""))
    for name in sorted(n for n in listed if n.startswith(prefix) and n not in found):
        print(f"  {name}: listed as equivalent, but mutmut no longer makes it")
    killed = counts["killed"] + counts["equivalent"]
    others = ", ".join(f"{n} {s}" for s, n in sorted(counts.items()) if s not in ("killed",))
    print(
        # Rounded down: 100% means every mutant was killed or is listed as equivalent.
        f"{module}: {100 * killed // len(found)}% killed "
        f"({killed} of {len(found)}; {others or 'none left'}) by {' '.join(tests)}"
    )
    for name, status, diff in survivors:
        print(f"  {status}: {name}")
        if show:
            diff = diff or mutmut(work, "show", name)
            print(f"    digest {digest(diff)}")
            print("    " + "\n    ".join(diff.strip().splitlines()[2:]))
    return killed, len(found)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("modules", nargs="*", metavar="MODULE", help="e.g. figcheck/family.py")
    parser.add_argument("--all", action="store_true", help="every module kept at 90%% or more")
    parser.add_argument("--jobs", type=int, default=1, help="mutants run at once (default 1)")
    parser.add_argument("--show", action="store_true", help="print each survivor's diff")
    options = parser.parse_args()
    if importlib.util.find_spec("mutmut") is None:
        sys.exit("mutation.py needs mutmut: python -m pip install -e '.[test,mutation]'")
    modules = [*options.modules, *(KEPT if options.all else ())]
    if not modules:
        parser.error("name a MODULE, or --all")
    for module in modules:
        if not (ROOT / module).is_file():
            sys.exit(f"mutation.py: no module {module}")
    for module in modules:
        measure(module, options.jobs, options.show)


if __name__ == "__main__":
    main()
