"""The CI gate: the findings of the ledger as it was at a git revision.

A pull request should fail when a new source contradicts what the ledger already holds, not
because of a divergence that was already on the main branch. figcheck reads the ledger
directory as it was at REF straight from git's object store (`git ls-tree`, `git cat-file`:
the working tree and the index are never touched), checks it, and the caller marks each
current finding whose id is not among that revision's as new, and each one that was accepted
there and is not now (its entry was removed, or its figures changed since they were
reviewed).
"""

from __future__ import annotations

import os
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from figcheck.engine import run_rules
from figcheck.ledger import load_ledger


class BaselineError(Exception):
    """No baseline can be read: not a git repository, an unknown revision, git missing."""


@dataclass(frozen=True)
class Baseline:
    ref: str
    finding_ids: frozenset[str]
    existed: bool  # False when the ledger directory did not exist at REF: every finding is new
    data_errors: int  # data errors at REF, which keep its consistency findings unknown
    # The findings accepted at REF: one no longer accepted now counts as new.
    accepted_ids: frozenset[str] = frozenset()


def _git(args: list[str], cwd: Path) -> subprocess.CompletedProcess[bytes]:
    try:
        return subprocess.run(["git", *args], cwd=cwd, capture_output=True, check=False)
    except FileNotFoundError:
        raise BaselineError("--baseline needs git, and git is not installed") from None


def read(ref: str, data: str | os.PathLike[str]) -> Baseline:
    """The finding ids of the ledger in `data` as it was at git revision `ref`."""
    directory = Path(data).resolve()
    top = _git(["rev-parse", "--show-toplevel"], directory)
    if top.returncode != 0:
        why = _first_line(top.stderr)
        raise BaselineError(
            f"--baseline needs a git repository, and {data} is not in one"
            + (f" (git: {why})" if why and "not a git repository" not in why else "")
        )
    root = Path(top.stdout.decode().strip()).resolve()
    known = _git(["rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}"], root).returncode == 0
    if ref.startswith("-") or not known:
        raise BaselineError(
            f"unknown git revision {ref!r}; in CI fetch it first (actions/checkout with "
            "fetch-depth: 0), or name a branch, tag or commit that exists"
        )
    relative = PurePosixPath(directory.relative_to(root).as_posix())
    if str(relative) != "." and _object_type(root, f"{ref}:{relative}") != "tree":
        return Baseline(ref, frozenset(), existed=False, data_errors=0)
    with tempfile.TemporaryDirectory(prefix="figcheck-baseline-") as scratch:
        _export(root, ref, relative, Path(scratch))
        result = run_rules(load_ledger(Path(scratch) / relative))
    data_errors = sum(1 for f in result.findings if f.is_data_error)
    return Baseline(
        ref,
        frozenset(f.id for f in result.findings),
        True,
        data_errors,
        frozenset(result.accepted),
    )


def _first_line(stderr: bytes) -> str:
    lines = stderr.decode(errors="replace").strip().splitlines()
    return lines[0].removeprefix("fatal: ") if lines else ""


def _object_type(root: Path, name: str) -> str:
    done = _git(["cat-file", "-t", name], root)
    return done.stdout.decode().strip() if done.returncode == 0 else ""


def _export(root: Path, ref: str, relative: PurePosixPath, into: Path) -> None:
    """Write the files under `relative` at `ref` into `into`, as git stores them: no
    export-ignore or other attribute of `git archive` changes what the baseline reads."""
    pathspec = [] if str(relative) == "." else ["--", str(relative)]
    listing = _git(["ls-tree", "-r", "-z", "--full-tree", ref, *pathspec], root)
    if listing.returncode != 0:
        raise BaselineError(
            f"git could not list {relative} at {ref}: {_first_line(listing.stderr)}"
        )
    blobs: list[tuple[str, str, bool]] = []  # (object id, path, is a symbolic link)
    for entry in listing.stdout.decode("utf-8", errors="surrogateescape").split("\0"):
        if not entry:
            continue
        meta, path = entry.split("\t", 1)
        mode, kind, oid = meta.split()
        if kind == "blob" and mode in ("100644", "100755", "120000"):  # not submodules
            blobs.append((oid, path, mode == "120000"))
    if not blobs:
        return
    request = "".join(f"{oid}\n" for oid, _, _ in blobs)
    batch = _git_input(["cat-file", "--batch"], root, request)
    position = 0
    for _oid, path, is_link in blobs:
        header_end = batch.index(b"\n", position)
        size = int(batch[position:header_end].split()[2])
        content = batch[header_end + 1 : header_end + 1 + size]
        position = header_end + 1 + size + 1
        target = into / path
        if not target.parent.resolve().is_relative_to(into.resolve()):
            raise BaselineError(f"unexpected path in git: {path}")
        target.parent.mkdir(parents=True, exist_ok=True)
        if is_link:
            # A link is stored as its target's path; the loader refuses texts whose target
            # leaves the ledger, as it does in the working tree.
            target.symlink_to(os.fsdecode(content))
        else:
            target.write_bytes(content)


def _git_input(args: list[str], cwd: Path, stdin: str) -> bytes:
    try:
        done = subprocess.run(
            ["git", *args], cwd=cwd, input=stdin.encode(), capture_output=True, check=False
        )
    except FileNotFoundError:
        raise BaselineError("--baseline needs git, and git is not installed") from None
    if done.returncode != 0:
        raise BaselineError(f"git could not read the baseline: {_first_line(done.stderr)}")
    return done.stdout
