"""The ledger's cache (.figcheck-cache/) never changes a result: a check through it gives the
JSON that a check without it gives, after any edit, deletion or rename, and whatever state
the cache itself is in (stale, corrupt, truncated, of another version or another user's,
written by two processes at once, or impossible to write)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from figcheck.caching.store import DIRECTORY, FORMAT
from figcheck.cli import cli

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "benchmarks"))
from generate import write as generate  # noqa: E402  (benchmarks/ is not a package)


@pytest.fixture(autouse=True)
def own_signing_key(tmp_path_factory, monkeypatch):
    """Each test signs its cache with a key of its own, never the user's."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("user-cache")))


def run(ledger: Path, *options: str, command: str = "check") -> tuple[int, str]:
    result = CliRunner().invoke(cli, [command, "--data", str(ledger), "--format", "json", *options])
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr
    return result.exit_code, result.stdout


def assert_cache_changes_nothing(ledger: Path, command: str = "check") -> None:
    """Without the cache, then through it twice (the second run from what the first left):
    the same exit code and the same JSON, byte for byte."""
    uncached = run(ledger, "--no-cache", command=command)
    assert run(ledger, command=command) == uncached
    assert run(ledger, command=command) == uncached


def entries(ledger: Path) -> list[Path]:
    return [
        p for p in (ledger / DIRECTORY).rglob("*") if p.is_file() and p.parent.name != DIRECTORY
    ]


@pytest.fixture
def shipped(tmp_path) -> Path:
    ledger = tmp_path / "data"
    shutil.copytree(REPO / "data", ledger, ignore=shutil.ignore_patterns(DIRECTORY))
    return ledger


@pytest.fixture
def generated(tmp_path) -> Path:
    """600 figures in 12 source files with their texts, five of them contradicting."""
    ledger = tmp_path / "generated"
    generate(ledger, 600, 50, 5)
    return ledger


def test_the_shipped_ledger_checks_the_same_through_the_cache(shipped):
    assert_cache_changes_nothing(shipped)
    assert entries(shipped), "the cache was not written"


def test_the_shipped_ledger_reports_the_same_through_the_cache(shipped):
    assert_cache_changes_nothing(shipped, command="report")


def test_no_cache_neither_reads_nor_writes_one(shipped):
    run(shipped, "--no-cache")
    assert not (shipped / DIRECTORY).exists()


def _first_source(ledger: Path) -> Path:
    return sorted((ledger / "sources").glob("*.yaml"))[0]


def _replace_in(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _edit_a_value(ledger: Path) -> None:
    path = _first_source(ledger)
    text = path.read_text(encoding="utf-8")
    start = text.index("value: ") + len("value: ")
    end = text.index("\n", start)
    path.write_text(text[:start] + "999999" + text[end:], encoding="utf-8")


def _same_size_same_mtime(ledger: Path) -> None:
    """An edit that keeps the file's size and modification time (a careless tool, a coarse
    clock): only its content says it changed."""
    path = _first_source(ledger)
    before = path.stat()
    text = path.read_text(encoding="utf-8")
    start = text.index("value: ") + len("value: ")
    digit = text[start]
    path.write_text(text[:start] + ("9" if digit != "9" else "1") + text[start + 1 :], "utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert path.stat().st_size == before.st_size


def _delete_a_source(ledger: Path) -> None:
    _first_source(ledger).unlink()


def _rename_a_source(ledger: Path) -> None:
    path = _first_source(ledger)
    path.rename(path.with_name("renamed-" + path.name))


def _edit_a_text(ledger: Path) -> None:
    text = sorted((ledger / "documents").iterdir())[0]
    text.write_text(text.read_text(encoding="utf-8") + "\nAnother 4,321 were seen.\n", "utf-8")


def _delete_a_text(ledger: Path) -> None:
    sorted((ledger / "documents").iterdir())[0].unlink()


def _change_the_quantities(ledger: Path) -> None:
    path = ledger / "quantities.yaml"
    # The running total becomes a stock: FC202 no longer applies to it.
    _replace_in(
        path,
        "  total:\n    label: A running total\n    unit: people\n    kind: cumulative",
        "  total:\n    label: A running total\n    unit: people\n    kind: stock",
    )


def _change_the_settings(ledger: Path) -> None:
    (ledger / "figcheck.yaml").write_text(
        "values:\n  about: 0.2\nrules:\n  FC301:\n    severity: error\n    threshold: 0.01\n",
        encoding="utf-8",
    )


def _accept_a_finding(ledger: Path) -> None:
    import json

    _, out = run(ledger, "--no-cache")
    finding = next(f for f in json.loads(out)["findings"] if f["rule"] != "FC101")
    done = CliRunner().invoke(
        cli, ["accept", finding["id"], "--why", "reviewed", "--data", str(ledger)]
    )
    assert done.exit_code == 0, done.output


CHANGES: dict[str, Callable[[Path], None]] = {
    "a value edited": _edit_a_value,
    "an edit keeping size and mtime": _same_size_same_mtime,
    "a source file deleted": _delete_a_source,
    "a source file renamed": _rename_a_source,
    "a text edited": _edit_a_text,
    "a text deleted": _delete_a_text,
    "quantities.yaml changed": _change_the_quantities,
    "figcheck.yaml changed": _change_the_settings,
    "a finding accepted": _accept_a_finding,
}


@pytest.mark.parametrize("change", CHANGES, ids=list(CHANGES))
def test_a_generated_ledger_checks_the_same_after_each_change(generated, change):
    assert_cache_changes_nothing(generated)
    CHANGES[change](generated)
    assert_cache_changes_nothing(generated)


def test_a_series_of_changes_one_after_another(generated):
    for change in CHANGES.values():
        change(generated)
        assert_cache_changes_nothing(generated)


def test_a_rename_back_and_forth_and_a_file_restored(generated):
    path = _first_source(generated)
    kept = path.read_bytes()
    assert_cache_changes_nothing(generated)
    _rename_a_source(generated)
    assert_cache_changes_nothing(generated)
    for renamed in (generated / "sources").glob("renamed-*"):
        renamed.rename(path)
    path.write_bytes(kept.replace(b"value: ", b"value: 1", 1))
    assert_cache_changes_nothing(generated)
    path.write_bytes(kept)  # back as it was: an earlier run's entries answer again
    assert_cache_changes_nothing(generated)


def test_a_cache_from_an_earlier_state_is_not_taken_for_the_present(generated, tmp_path):
    assert_cache_changes_nothing(generated)
    earlier = tmp_path / "earlier-cache"
    shutil.copytree(generated / DIRECTORY, earlier)
    _edit_a_value(generated)
    _edit_a_text(generated)
    assert_cache_changes_nothing(generated)
    shutil.rmtree(generated / DIRECTORY)
    shutil.copytree(earlier, generated / DIRECTORY)  # stale: made before the edits
    assert_cache_changes_nothing(generated)


def _flip_a_byte(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    path.write_bytes(bytes(data))


def _truncate(path: Path) -> None:
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])


def _empty(path: Path) -> None:
    path.write_bytes(b"")


def _another_version(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(
        data.replace(f"figcheck-cache\x00{FORMAT}\x00".encode(), b"figcheck-cache\x009\x00", 1)
    )


def _garbage(path: Path) -> None:
    path.write_bytes(os.urandom(path.stat().st_size or 64))


DAMAGE: dict[str, Callable[[Path], None]] = {
    "a byte flipped": _flip_a_byte,
    "truncated": _truncate,
    "emptied": _empty,
    "another format's header": _another_version,
    "random bytes": _garbage,
}


@pytest.mark.parametrize("damage", DAMAGE, ids=list(DAMAGE))
def test_a_damaged_cache_is_ignored_and_made_again(generated, damage):
    expected = run(generated, "--no-cache")
    assert run(generated) == expected
    damaged = entries(generated)
    assert damaged
    for path in damaged:
        DAMAGE[damage](path)
    assert run(generated) == expected
    assert run(generated) == expected
    _edit_a_value(generated)  # and what it is made again from still follows the ledger
    assert_cache_changes_nothing(generated)


def test_another_users_cache_is_not_trusted(generated, tmp_path, monkeypatch):
    """A cache committed to the repository, or written by another account, is signed with
    another key: an entry claiming no findings is not believed."""
    _edit_a_value(generated)
    expected = run(generated, "--no-cache")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "someone-else"))
    run(generated)
    # The other user's entries now stand where this user's would: built from a ledger
    # without the edit, so that trusting them would give another result.
    shutil.rmtree(generated / DIRECTORY)
    clean = tmp_path / "clean"
    generate(clean, 600, 50, 5)
    run(clean)
    shutil.copytree(clean / DIRECTORY, generated / DIRECTORY)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "me"))
    assert run(generated) == expected


def test_a_half_written_entry_left_by_a_stopped_run_is_ignored(generated):
    expected = run(generated, "--no-cache")
    run(generated)
    directory = next(p.parent for p in entries(generated))
    whole = entries(generated)[0].read_bytes()
    (directory / ".tmp-stopped").write_bytes(whole[: len(whole) // 3])
    (directory / "pack-0000000000000000").write_bytes(whole[: len(whole) // 3])
    assert run(generated) == expected
    _edit_a_value(generated)
    assert_cache_changes_nothing(generated)


def test_two_checks_writing_the_cache_at_once(generated):
    expected_code, expected = run(generated, "--no-cache")
    command = [sys.executable, "-m", "figcheck", "check", "--data", str(generated)]
    command += ["--format", "json"]
    for _ in range(2):
        shutil.rmtree(generated / DIRECTORY, ignore_errors=True)
        runs = [
            subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            for _ in range(3)
        ]
        for process in runs:
            out, err = process.communicate(timeout=120)
            assert (process.returncode, out) == (expected_code, expected), err
        assert run(generated) == (expected_code, expected)


def test_a_cache_that_cannot_be_written_is_done_without(generated):
    expected = run(generated, "--no-cache")
    (generated / DIRECTORY).write_text("a file where the cache's directory would be\n")
    assert run(generated) == expected
    assert run(generated) == expected


def test_no_user_key_means_no_cache(generated, monkeypatch, tmp_path):
    blocked = tmp_path / "not-a-directory"
    blocked.write_text("")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    expected = run(generated, "--no-cache")
    assert run(generated) == expected
    assert not entries(generated)


def test_an_entry_moved_under_another_name_is_not_trusted(generated):
    """Entries are signed for their name: the whole result of the ledger as it was, copied
    over the entry of the ledger as it is (by hand, or by a tool that syncs directories),
    is not read as the present result."""
    run(generated)
    before = {p.name: p.read_bytes() for p in entries(generated) if not p.name.startswith("pack-")}
    _edit_a_value(generated)
    expected = run(generated, "--no-cache")
    run(generated)
    (now,) = [
        p for p in entries(generated) if not p.name.startswith("pack-") and p.name not in before
    ]
    (earlier,) = [content for name, content in before.items() if not (now.parent / name).exists()]
    now.write_bytes(earlier)
    assert run(generated) == expected
