"""Atomic writes and the ledger lock: concurrent adds lose nothing, and a process killed at
any moment leaves the old file or the new one, never a broken one."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from figcheck import load_ledger
from figcheck.writing.atomic import FAULT_EXIT, FAULT_STAGES, TEMP_SUFFIX, atomic_write, ledger_lock
from tests.builders import copy_curation_ledger

QUOTE = "From Russia went to Syria 2719 Russian citizens"  # in the document's text


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return copy_curation_ledger(tmp_path / "ledger")


def add_command(root: Path, note: str) -> list[str]:
    return [
        sys.executable,
        "-m",
        "figcheck",
        "add",
        "--data",
        str(root),
        "--document",
        "tass",
        "--quantity",
        "ru-departed-syria",
        "--value",
        "2719",
        "--as-of",
        "2015-11-19",
        "--said-by",
        "Oleg Syromolotov, Deputy Foreign Minister",
        "--quote",
        QUOTE,
        "--note",
        note,
    ]


def run(command: list[str], **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        command, capture_output=True, text=True, env={**os.environ, **env}, timeout=120
    )


def notes(root: Path) -> list[str | None]:
    """The notes of the figures of document tass, after checking the ledger loads cleanly."""
    ledger = load_ledger(root)
    assert ledger.problems == ()
    return [ledger.figures[f].note for f in ledger.documents["tass"].figures]


def hidden_leftovers(root: Path) -> list[Path]:
    return sorted((root / "sources").glob(f".*{TEMP_SUFFIX}"))


# -- atomic_write ---------------------------------------------------------------------------


def test_atomic_write_replaces_the_file_and_keeps_its_permissions(tmp_path: Path) -> None:
    target = tmp_path / "x.yaml"
    target.write_text("old\n")
    target.chmod(0o640)
    atomic_write(target, b"new\n")
    assert target.read_bytes() == b"new\n"
    assert target.stat().st_mode & 0o777 == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.yaml"]


def test_atomic_write_removes_its_temporary_file_when_writing_fails(tmp_path: Path) -> None:
    target = tmp_path / "x.yaml"
    target.write_text("old\n")
    with pytest.raises(TypeError):
        atomic_write(target, "not bytes")  # type: ignore[arg-type]
    assert target.read_text() == "old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.yaml"]


# -- a process that dies while adding --------------------------------------------------------


@pytest.mark.parametrize("stage", FAULT_STAGES)
def test_a_process_ending_at_any_stage_leaves_the_old_or_the_new_file(
    root: Path, stage: str
) -> None:
    source = root / "sources" / "tass.yaml"
    before = source.read_bytes()
    ended = run(add_command(root, "dies"), FIGCHECK_FAULT=stage)
    assert ended.returncode == FAULT_EXIT, ended.stderr
    after = source.read_bytes()
    if stage == "after-rename":
        assert after.startswith(before) and notes(root) == [None, None, "dies"]
    else:
        assert after == before and notes(root) == [None, None]
    # A temporary file left behind is hidden: figcheck never reads it...
    assert all(p.name.startswith(".") for p in hidden_leftovers(root))
    assert load_ledger(root).source_files == tuple(sorted((root / "sources").glob("*.yaml")))
    # ...and the next add (which also finds the dead process's lock released) removes it.
    next_add = run(add_command(root, "next"))
    assert next_add.returncode == 0, next_add.stderr
    assert hidden_leftovers(root) == []
    assert notes(root)[-1] == "next"


def test_a_process_killed_at_random_moments_never_leaves_a_broken_file(root: Path) -> None:
    source = root / "sources" / "tass.yaml"
    started = time.monotonic()
    assert run(add_command(root, "timed")).returncode == 0
    duration = time.monotonic() - started  # to spread the kills over a whole add
    rng = random.Random(20151119)
    for attempt in range(16):
        before, count = source.read_bytes(), len(notes(root))
        process = subprocess.Popen(
            add_command(root, f"kill-{attempt}"),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(rng.uniform(duration * 0.3, duration * 1.1))  # start-up is most of it
        process.send_signal(signal.SIGKILL)
        process.wait()
        after = source.read_bytes()
        now = notes(root)  # loads with no data error
        assert (after, len(now)) == (before, count) or (
            after.startswith(before) and len(now) == count + 1 and now[-1] == f"kill-{attempt}"
        )
    assert all(p.name.startswith(".") for p in hidden_leftovers(root))


# -- concurrent adds -------------------------------------------------------------------------

WORKER = """
import sys
from figcheck import load_ledger
from figcheck.writing.adding import add_figure
from figcheck.writing.records import NewFigure

root, worker = sys.argv[1], sys.argv[2]
for i in range(50):
    figure = NewFigure(
        document="tass", quantity="ru-departed-syria", value=2719, as_of="2015-11-19",
        said_by="Oleg Syromolotov, Deputy Foreign Minister", quote=sys.argv[3],
        note=f"{worker}-{i}",
    )
    assert add_figure(load_ledger(root), figure).written
"""


def test_two_processes_adding_50_records_each_lose_none(root: Path) -> None:
    workers = [
        subprocess.Popen([sys.executable, "-c", WORKER, str(root), name, QUOTE])
        for name in ("a", "b")
    ]
    assert [w.wait(timeout=300) for w in workers] == [0, 0]
    added = notes(root)[2:]
    assert len(added) == 100
    assert set(added) == {f"{w}-{i}" for w in "ab" for i in range(50)}


def test_concurrent_cli_adds_each_get_their_own_id(root: Path) -> None:
    processes = [
        subprocess.Popen(add_command(root, f"cli-{i}"), stderr=subprocess.PIPE, text=True)
        for i in range(12)
    ]
    for process in processes:
        _, stderr = process.communicate(timeout=300)
        assert process.returncode == 0, stderr
    ledger = load_ledger(root)
    assert ledger.problems == ()
    ids = [ledger.figures[f].id for f in ledger.documents["tass"].figures]
    assert ids[2:] == ["departed-2", *(f"departed-{n}" for n in range(3, 14))]


def test_the_lock_lets_one_holder_in_at_a_time(root: Path) -> None:
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time; from pathlib import Path\n"
            "from figcheck.writing.atomic import ledger_lock\n"
            "with ledger_lock(Path(sys.argv[1])):\n"
            "    print('locked', flush=True); time.sleep(30)",
            str(root),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "locked\n"
        from figcheck.writing.atomic import LockTimeout

        with pytest.raises(LockTimeout), ledger_lock(root, timeout=0.2):
            pass
    finally:
        holder.kill()
        holder.wait()
    with ledger_lock(root, timeout=5):  # released when its holder died
        pass
