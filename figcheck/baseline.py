"""The CI gate: the findings of the ledger as it was at a git revision.

A pull request should fail when a new source contradicts what the ledger already holds, not
because of a divergence that was already on the main branch. figcheck reads the ledger
directory as it was at REF straight from git's object store (`git ls-tree`, `git cat-file`:
the working tree and the index are never touched) into a fresh private directory, checks
it, and the caller marks each current finding whose id is not among that revision's as new,
and each one that was accepted there and is not now (its entry was removed, or its figures
changed since they were reviewed).
"""

from __future__ import annotations

import contextlib
import os
import posixpath
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
        # The ids of findings that others sum up too (FC302 beyond the first N of a text,
        # read again from the scratch copy): a number that was there at REF is not new
        # because it now comes among the first.
        ids = frozenset({f.id for f in result.findings} | {f.id for f in result.each_finding()})
    data_errors = sum(1 for f in result.findings if f.is_data_error)
    return Baseline(ref, ids, True, data_errors, frozenset(result.accepted))


def _first_line(stderr: bytes) -> str:
    lines = stderr.decode(errors="replace").strip().splitlines()
    return lines[0].removeprefix("fatal: ") if lines else ""


def _object_type(root: Path, name: str) -> str:
    done = _git(["cat-file", "-t", name], root)
    return done.stdout.decode().strip() if done.returncode == 0 else ""


def _export(root: Path, ref: str, relative: PurePosixPath, into: Path) -> None:
    """Write the files under `relative` at `ref` into the fresh, private directory `into`,
    as git stores them: no export-ignore or other attribute of `git archive` changes what the
    baseline reads.

    The revision is input from outside (anyone's pull request can put a commit into the
    repository), so nothing of it is written through a link: no symbolic link is made, every
    file and directory is created new (a path listed twice, or twice on a file system that
    does not tell 'X.yaml' from 'x.yaml', is refused), and none is opened through a link. A
    symbolic link of the revision is read as the file it leads to when that is one of the
    exported files (a document's text shared by two sources, say), and left out otherwise."""
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
    files: dict[str, bytes] = {}
    links: dict[str, str] = {}
    position = 0
    for _oid, path, is_link in blobs:
        header_end = batch.index(b"\n", position)
        size = int(batch[position:header_end].split()[2])
        content = batch[header_end + 1 : header_end + 1 + size]
        position = header_end + 1 + size + 1
        _check_path(path)
        if path in files or path in links:
            raise BaselineError(f"the tree at {ref} lists {path} twice; it cannot be read")
        if is_link:
            links[path] = os.fsdecode(content)
        else:
            files[path] = content
    for path, target in links.items():
        through = _through_links(path, target, files, links)
        if through is not None:
            files[path] = through
    for path, content in files.items():
        try:
            _write_new(into, path, content)
        except FileExistsError:
            raise BaselineError(
                f"the tree at {ref} holds {path} and another file that this file system "
                "cannot tell apart (their names differ only in case?); it cannot be read here"
            ) from None
        except OSError as error:  # a file where a directory of another path should be
            raise BaselineError(
                f"the tree at {ref} cannot be read: {path}: {error.strerror or error}"
            ) from None


def _check_path(path: str) -> None:
    parts = PurePosixPath(path).parts
    if not parts or path.startswith("/") or any(part in ("", ".", "..") for part in parts):
        raise BaselineError(f"unexpected path in git: {path}")


def _through_links(
    path: str, target: str, files: dict[str, bytes], links: dict[str, str]
) -> bytes | None:
    """The content of the exported file that the link at `path` leads to, following links
    (at most 40, as the system does); None when it leads anywhere else."""
    for _ in range(40):
        if target.startswith("/"):
            return None
        resolved = posixpath.normpath(posixpath.join(posixpath.dirname(path), target))
        if resolved in files:
            return files[resolved]
        if resolved not in links:
            return None
        path, target = resolved, links[resolved]
    return None


def _write_new(into: Path, path: str, content: bytes) -> None:
    """Create `into/path` (and the directories on the way) as new, following no link."""
    *directories, name = PurePosixPath(path).parts
    if os.open not in os.supports_dir_fd or not hasattr(os, "O_NOFOLLOW"):  # Windows
        target = into.joinpath(*directories)
        target.mkdir(parents=True, exist_ok=True)
        with open(target / name, "xb") as stream:
            stream.write(content)
        return
    flags = os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW
    directory = os.open(into, flags)
    try:
        for part in directories:
            # Made for an earlier file, perhaps: opened below without following a link.
            with contextlib.suppress(FileExistsError):
                os.mkdir(part, 0o700, dir_fd=directory)
            inner = os.open(part, flags, dir_fd=directory)
            os.close(directory)
            directory = inner
        fd = os.open(
            name, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600, dir_fd=directory
        )
        with os.fdopen(fd, "wb") as stream:
            stream.write(content)
    finally:
        os.close(directory)


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
