"""A whole check kept in the cache: when no file of the ledger changed, `figcheck check`
answers with the result of the run before without reading the ledger again.

The result's entry is named by everything the check read: the names and hashes of the
source files, of figcheck.yaml, quantities.yaml and accepted.yaml, how the ledger directory
was named, and figcheck's code. It also holds where each source file's `text:` led and the
hash of each text it read, which are looked at again before the result is used (a text is
named by a source file, so it is known only once the source files are read). A result
that lists findings read again on demand (FC302's numbers beyond the first N) is not kept.

A result taken from the cache has the ledger's settings, quantities and acceptances (read
again: they are small); its documents and figures are read (through the cache) only if
something asks for them, such as `figcheck report`.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from figcheck.caching import codec
from figcheck.caching.session import Session
from figcheck.ledger import sources
from figcheck.ledger.loading import (
    ACCEPTED_FILE,
    CONFIG_FILE,
    QUANTITIES_FILE,
    Ledger,
    load_ledger,
    settings_and_acceptances,
    source_paths,
)
from figcheck.ledger.yaml_reading import MAX_FILE_BYTES
from figcheck.text.anchoring import MAX_TEXT_BYTES, Coverage, DocumentCoverage

if TYPE_CHECKING:
    from figcheck.engine import CheckResult
    from figcheck.family import Family


def check(root: Path, cache: bool) -> CheckResult:
    """Check the ledger at `root` (a ledger directory, see ledger_root): with `cache`, the
    result kept from the last check while no file it read has changed, else a check
    through the cache (and the result kept); without, a check as `figcheck.check` makes."""
    from figcheck.engine import run_rules

    session = Session.open(root) if cache else None
    if session is None:
        return run_rules(load_ledger(root))
    found = lookup(session, root)
    if found is not None:
        session.close()
        return found
    result = run_rules(load_ledger(root, cache=session))
    keep(session, root, result)
    session.close()
    return result


def _name(session: Session, root: Path) -> str | None:
    """The name of the result of checking the ledger as its files are now, as far as the
    files other than the texts say; None when one of them cannot be hashed."""
    hashes: list[object] = []
    for file in (CONFIG_FILE, QUANTITIES_FILE, ACCEPTED_FILE):
        path = root / file
        found = session.hash(path, MAX_FILE_BYTES)
        if found is None:
            if os.path.lexists(path):
                return None  # there, but not a file the cache reads: read it as ever
            found = "missing"
        hashes.append(found)
    paths = source_paths(root)
    if paths is None:
        return None
    listed = []
    for path in paths:
        found = session.hash(path, MAX_FILE_BYTES)
        if found is None:
            return None
        listed.append((path.name, found))
    context = session.context(os.fspath(root), str(root.resolve()), *hashes)
    return session.store.name("result", context, tuple(listed))


def lookup(session: Session, root: Path) -> CheckResult | None:
    """The result of the last check of the ledger, if no file it read has changed since."""
    name = _name(session, root)
    if name is None:
        return None
    found = session.get_file(name)
    if not isinstance(found, tuple) or len(found) != 3:
        return None
    text_states, texts, payload = found
    try:
        for path, reference, state in text_states:
            if sources.text_state(Path(path), reference) != state:
                return None
        for path, text_hash in texts:
            if session.hash(Path(path), MAX_TEXT_BYTES) != text_hash:
                return None
        return _result(session, root, payload)
    except Exception:  # an entry of another shape: never trusted, check again
        return None


def keep(session: Session, root: Path, result: CheckResult) -> None:
    """Keep the result of checking the ledger, if every file it read can be named."""
    if any(f.more is not None for f in result.findings):
        return
    name = _name(session, root)
    if name is None:
        return
    ledger = result.ledger
    text_states = []
    for path in ledger.source_files:
        if str(path) not in session.sources:
            return  # not read through the cache
        reference, state = session.text_states[str(path)]
        if reference is not None:
            text_states.append((str(path), reference, state))
    texts = []
    for document in ledger.documents.values():
        if document.text_path is not None:
            text_hash = session.hash(document.text_path, MAX_TEXT_BYTES)
            if text_hash is None:
                return
            texts.append((str(document.text_path), text_hash))
    coverage = result.coverage
    payload = (
        (len(ledger.documents), len(ledger.figures)),
        tuple(codec.encode_problem(p) for p in ledger.load_problems),
        tuple(codec.encode_finding(f) for f in result.findings),
        tuple(result.accepted.items()),
        result.rules_ran,
        (
            tuple(
                (c.document, c.found, c.recorded, c.ignored) for c in coverage.documents.values()
            ),
            coverage.skipped,
        ),
        tuple(sorted(result.left_out)),
        tuple(str(path) for path in ledger.source_files),
    )
    session.put_file(name, (tuple(text_states), tuple(texts), payload))


def _result(session: Session, root: Path, payload: Any) -> CheckResult:
    from figcheck.engine import CheckResult
    from figcheck.family import families

    (counts, problems, findings, accepted, rules_ran, coverage, left_out, paths) = payload
    config, quantities, acceptances = settings_and_acceptances(root, session)
    whole: list[Ledger] = []

    def loaded() -> Ledger:
        if not whole:
            whole.append(load_ledger(root, cache=session))
        return whole[0]

    ledger = Ledger(
        root=root,
        quantities=quantities,
        documents=_Later(counts[0], lambda: loaded().documents),
        figures=_Later(counts[1], lambda: loaded().figures),
        acceptances=acceptances,
        config=config,
        load_problems=tuple(codec.decode_problem(p) for p in problems),
        source_files=tuple(Path(p) for p in paths),
        cache=session,
    )
    by_document, skipped = coverage
    return CheckResult(
        ledger,
        tuple(codec.decode_finding(f)[0] for f in findings),
        _LaterFamilies(lambda: tuple(families(quantities, loaded().figures.values()))),
        dict(accepted),
        rules_ran,
        Coverage(
            {doc: DocumentCoverage(doc, *counted) for doc, *counted in by_document},
            tuple(skipped),
        ),
        left_out=frozenset(left_out),
    )


V = TypeVar("V")


class _Later(Mapping[str, V]):
    """A mapping whose length is known and whose items are read when first asked for."""

    def __init__(self, length: int, read: Callable[[], Mapping[str, V]]) -> None:
        self._length = length
        self._read = read

    def __len__(self) -> int:
        return self._length

    def __getitem__(self, key: str) -> V:
        return self._read()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._read())


class _LaterFamilies(Sequence["Family"]):
    """The families of a result taken from the cache, made when first asked for."""

    def __init__(self, make: Callable[[], tuple[Family, ...]]) -> None:
        self._make = make
        self._made: tuple[Family, ...] | None = None

    def _all(self) -> tuple[Family, ...]:
        if self._made is None:
            self._made = self._make()
        return self._made

    def __len__(self) -> int:
        return len(self._all())

    def __getitem__(self, index: Any) -> Any:
        return self._all()[index]
