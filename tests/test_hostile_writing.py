"""Nothing is written outside where figcheck means to write, and writers wait for each other
as long as the one holding the ledger makes progress: a baseline revision whose tree holds
a link and a file at one path, a source file that is a symbolic link, a full disk during
`init`, a writer that holds the lock for a long time."""

from __future__ import annotations

import errno
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

from figcheck import load_ledger
from figcheck.cli import cli
from figcheck.writing import atomic, starter
from tests.builders import figure, quantity, write_documents_ledger

GIT_ENV = {
    **os.environ,
    "GIT_AUTHOR_NAME": "t",
    "GIT_AUTHOR_EMAIL": "t@example.org",
    "GIT_COMMITTER_NAME": "t",
    "GIT_COMMITTER_EMAIL": "t@example.org",
}


def git(repo: Path, *args: str, stdin: str | bytes | None = None) -> str:
    data = stdin.encode() if isinstance(stdin, str) else stdin
    done = subprocess.run(
        ["git", *args], cwd=repo, env=GIT_ENV, input=data, capture_output=True, check=True
    )
    return done.stdout.decode().strip()


def blob(repo: Path, content: str | bytes) -> str:
    return git(repo, "hash-object", "-w", "--stdin", stdin=content)


def tree(repo: Path, entries: list[tuple[str, str, str]]) -> str:
    """A tree object of (mode, object id, name) entries, as given: duplicates too."""
    listing = "".join(
        f"{mode} {'tree' if mode == '040000' else 'blob'} {oid}\t{name}\n"
        for mode, oid, name in entries
    )
    return git(repo, "mktree", "--missing", stdin=listing)


@pytest.fixture
def repo(tmp_path, monkeypatch):
    repo = tmp_path / "repo"
    repo.mkdir()
    git(repo, "init", "-q")
    write_documents_ledger(
        repo / "data", {"q": quantity("stock")}, {"doc": [figure("a", "q", 5, "2015")]}
    )
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "base")
    monkeypatch.chdir(repo)
    return repo


def commit_with_sources(repo: Path, sources: list[tuple[str, str, str]]) -> str:
    """A commit whose data/ holds the base commit's quantities and documents, and `sources`."""
    documents = git(repo, "rev-parse", "HEAD:data/documents")
    quantities = git(repo, "rev-parse", "HEAD:data/quantities.yaml")
    data = tree(
        repo,
        [
            ("040000", documents, "documents"),
            ("100644", quantities, "quantities.yaml"),
            ("040000", tree(repo, sources), "sources"),
        ],
    )
    return git(repo, "commit-tree", tree(repo, [("040000", data, "data")]), "-p", "HEAD", "-m", "x")


def test_a_baseline_never_writes_through_a_link_of_its_revision(repo, tmp_path):
    victim = tmp_path / "victim.yaml"
    source = (repo / "data" / "sources" / "doc.yaml").read_text()
    evil = commit_with_sources(
        repo,
        [
            ("120000", blob(repo, str(victim)), "doc.yaml"),  # first a link out of the scratch
            ("100644", blob(repo, source + "# written through the link\n"), "doc.yaml"),
        ],
    )
    result = CliRunner().invoke(cli, ["check", "--data", "data", "--baseline", evil])
    assert result.exit_code == 2
    assert "lists data/sources/doc.yaml twice" in result.stderr
    assert not victim.exists()


def test_a_baseline_link_to_another_file_of_the_ledger_is_read_as_that_file(repo, tmp_path):
    source = (repo / "data" / "sources" / "doc.yaml").read_text()
    outside = tmp_path / "outside.yaml"
    outside.write_text("document: {id: outside, title: x}\n")
    linked = commit_with_sources(
        repo,
        [
            ("100644", blob(repo, source), "doc.yaml"),
            ("120000", blob(repo, "doc.yaml"), "same.yaml"),  # the same document twice: FC103
            ("120000", blob(repo, str(outside)), "outside.yaml"),  # left out
        ],
    )
    from figcheck.baseline import read

    found = read(linked, "data")
    assert found.existed and found.data_errors == 1  # doc.yaml's document, again in same.yaml
    assert outside.read_text() == "document: {id: outside, title: x}\n"


def test_add_writes_through_a_linked_source_file_to_its_target(tmp_path):
    root = write_documents_ledger(
        tmp_path / "ledger",
        {"q": quantity("stock")},
        {"doc": [figure("a", "q", 5, "2015", quote="lent 5 books")]},
    )
    shared = tmp_path / "shared" / "doc.yaml"
    shared.parent.mkdir()
    os.replace(root / "sources" / "doc.yaml", shared)
    (root / "sources" / "doc.yaml").symlink_to(shared)
    text = root / "documents" / "doc.txt"
    text.write_text(text.read_text() + "lent 7 books.\n")
    adding = ["add", "--data", str(root), "--document", "doc", "--quantity", "q"]
    adding += ["--value", "7", "--as-of", "2016", "--said-by", "A Speaker"]
    result = CliRunner().invoke(cli, [*adding, "--quote", "lent 7 books"])
    assert result.exit_code == 0, result.output
    assert (root / "sources" / "doc.yaml").is_symlink()
    assert "lent 7 books" in shared.read_text()
    assert "doc/q" in load_ledger(root).figures
    assert [p.name for p in shared.parent.iterdir()] == ["doc.yaml"]  # no temporary left


def test_init_on_a_full_disk_leaves_nothing_behind(tmp_path, monkeypatch):
    written = []
    real = starter.write_new

    def write_new(path: Path, content: str) -> None:
        if len(written) == 3:
            path.touch()  # the file is made, its content does not fit
            raise OSError(errno.ENOSPC, "No space left on device", str(path))
        written.append(path)
        real(path, content)

    monkeypatch.setattr(starter, "write_new", write_new)
    target = tmp_path / "new" / "ledger"
    result = CliRunner().invoke(cli, ["init", str(target)])
    assert result.exit_code == 2
    assert "No space left on device" in result.stderr
    assert not (tmp_path / "new").exists()
    monkeypatch.undo()
    result = CliRunner().invoke(cli, ["init", str(target)])
    assert result.exit_code == 0, result.output
    result = CliRunner().invoke(cli, ["check", "--data", str(target)])
    assert result.exit_code == 0


def test_init_in_an_existing_directory_keeps_it_after_a_failure(tmp_path, monkeypatch):
    (tmp_path / "README.txt").write_text("mine")

    def write_new(path: Path, content: str) -> None:
        raise OSError(errno.ENOSPC, "No space left on device", str(path))

    monkeypatch.setattr(starter, "write_new", write_new)
    assert CliRunner().invoke(cli, ["init", str(tmp_path)]).exit_code == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == ["README.txt"]


HOLDER = textwrap.dedent(
    """
    import fcntl, os, sys, time
    fd = os.open(sys.argv[1], os.O_RDONLY)
    fcntl.flock(fd, fcntl.LOCK_EX)
    print("locked", flush=True)
    end = time.monotonic() + float(sys.argv[2])
    while time.monotonic() < end:
        if sys.argv[3] == "busy":
            sum(range(10000))  # a writer at work
        else:
            time.sleep(0.05)  # a writer that is stuck
    """
)


def hold(directory: Path, seconds: float, how: str) -> subprocess.Popen[str]:
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(directory), str(seconds), how],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None and holder.stdout.readline() == "locked\n"
    return holder


@pytest.mark.skipif(not Path("/proc/locks").exists(), reason="the system says no lock holder")
def test_a_writer_at_work_is_waited_for(tmp_path):
    holder = hold(tmp_path, 2.5, "busy")
    try:
        with atomic.ledger_lock(tmp_path, timeout=1.0):
            assert holder.poll() is not None  # it got the lock once the holder was done
    finally:
        holder.kill()
        holder.wait()


@pytest.mark.skipif(not Path("/proc/locks").exists(), reason="the system says no lock holder")
def test_a_stuck_writer_is_named(tmp_path):
    holder = hold(tmp_path, 30, "stuck")
    try:
        with pytest.raises(atomic.LockTimeout) as raised, atomic.ledger_lock(tmp_path, 0.5):
            pass
        message = str(raised.value)
        assert f"process {holder.pid} (" in message
        assert "has made no progress for 0s" in message or "for 1s" in message
    finally:
        holder.kill()
        holder.wait()


def test_a_new_unrecorded_number_beyond_the_first_hundred_is_new_at_the_baseline(repo):
    text = repo / "data" / "documents" / "doc.txt"
    text.write_text(text.read_text() + "".join(f"Day {1000 + i}.\n" for i in range(150)))
    git(repo, "commit", "-qam", "a text with 150 unrecorded numbers")
    check = ["check", "--data", "data", "--baseline", "HEAD", "--fail-on", "warning"]
    assert CliRunner().invoke(cli, check).exit_code == 0  # nothing new
    text.write_text(text.read_text() + "Day 9999.\n")  # the 151st: summed up, and new
    result = CliRunner().invoke(cli, [*check, "--format", "json"])
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    new = [f for f in report["findings"] if f["new"]]
    assert [f["message"][:4] for f in new] == ["9999"]
