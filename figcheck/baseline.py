"""The CI gate: the findings of the ledger as it was at a git revision.

A pull request should fail when a new source contradicts what the ledger already holds, not
because of a divergence that was already on the main branch. figcheck reads the ledger
directory as it was at REF straight from git's object store (`git archive`: the working tree
and the index are never touched), checks it, and the caller marks each current finding
whose id is not among that revision's as new.
"""

from __future__ import annotations

import io
import os
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from figcheck.engine import check
from figcheck.ledger import load_ledger


class BaselineError(Exception):
    """No baseline can be read: not a git repository, an unknown revision, git missing."""


@dataclass(frozen=True)
class Baseline:
    ref: str
    finding_ids: frozenset[str]
    existed: bool  # False when the ledger directory did not exist at REF: every finding is new
    data_errors: int  # data errors at REF, which keep its consistency findings unknown


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
        raise BaselineError(f"--baseline needs a git repository, and {data} is not in one")
    root = Path(top.stdout.decode().strip()).resolve()
    known = _git(["rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}"], root).returncode == 0
    if ref.startswith("-") or not known:
        raise BaselineError(
            f"unknown git revision {ref!r}; in CI fetch it first (actions/checkout with "
            "fetch-depth: 0), or name a branch, tag or commit that exists"
        )
    relative = PurePosixPath(directory.relative_to(root).as_posix())
    if _git(["cat-file", "-e", f"{ref}:{relative}"], root).returncode != 0:
        return Baseline(ref, frozenset(), existed=False, data_errors=0)
    archive = _git(["archive", "--format=tar", ref, "--", str(relative)], root)
    if archive.returncode != 0:
        raise BaselineError(
            f"git could not read {relative} at {ref}: "
            f"{archive.stderr.decode(errors='replace').strip()}"
        )
    with tempfile.TemporaryDirectory(prefix="figcheck-baseline-") as scratch:
        _extract(archive.stdout, Path(scratch))
        result = check(load_ledger(Path(scratch) / relative))
    data_errors = sum(1 for f in result.findings if f.is_data_error)
    return Baseline(ref, frozenset(f.id for f in result.findings), True, data_errors)


def _extract(tar_bytes: bytes, into: Path) -> None:
    with tarfile.open(fileobj=io.BytesIO(tar_bytes)) as archive:
        members = [m for m in archive.getmembers() if m.isfile() or m.isdir()]
        for member in members:
            # git archive writes relative paths; refuse anything that would leave `into`.
            if not (into / member.name).resolve().is_relative_to(into.resolve()):
                raise BaselineError(f"unexpected path in git archive: {member.name}")
        if hasattr(tarfile, "data_filter"):  # Python 3.10.12+, 3.11.4+: refuse links and devices
            archive.extractall(into, members=members, filter="data")
        else:
            archive.extractall(into, members=members)
