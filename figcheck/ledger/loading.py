"""Reading a ledger directory: which files there are, parsing each with its lines, and
handing each to the reader of its kind (config, quantities, sources, accepted), in an order
where each reader gets what the ones before it read.

Loading never raises for bad content: every problem is kept in `Ledger.load_problems`
(`Ledger.problems` as findings), and records with problems are left out of the model.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from figcheck.ledger import accepted as accepted_file
from figcheck.ledger import config as config_file
from figcheck.ledger import quantities as quantities_file
from figcheck.ledger import sources as source_file
from figcheck.ledger.accepted import ACCEPTED_FILE
from figcheck.ledger.fields import FINDING_ID as FINDING_ID  # re-exported for the writers
from figcheck.ledger.fields import RECORD_ID as RECORD_ID
from figcheck.ledger.problems import FileProblems, Problem
from figcheck.ledger.yaml_reading import MAX_FILE_BYTES, YamlError
from figcheck.ledger.yaml_reading import load as load_yaml
from figcheck.ledger.yaml_reading import loads as loads_yaml
from figcheck.model import Acceptance, Document, Figure, Finding, Quantity
from figcheck.wording import quoted, shorten

if TYPE_CHECKING:
    from figcheck.caching.session import Session

UNREADABLE = object()


class LedgerNotFound(Exception):
    """The ledger directory itself is missing: nothing to report findings about."""


@dataclass(frozen=True)
class Ledger:
    root: Path
    quantities: Mapping[str, Quantity]
    documents: Mapping[str, Document]
    figures: Mapping[str, Figure]  # by full id, in file order
    acceptances: tuple[Acceptance, ...]
    config: config_file.Config
    load_problems: tuple[Problem, ...] = ()
    source_files: tuple[Path, ...] = field(default=())
    # The cache this ledger was read through (load_ledger(..., cache=True)), for the engine's
    # analyses of its documents; None without one.
    cache: Session | None = field(default=None, compare=False, repr=False)

    @cached_property
    def problems(self) -> tuple[Finding, ...]:
        """The problems of reading as findings of the rules that report them (FC101-FC103)."""
        from figcheck.findings import of_problems

        return of_problems(self.load_problems)

    @property
    def has_data_errors(self) -> bool:
        """Whether reading found data errors (the consistency rules then do not run): every
        problem of reading is one."""
        return bool(self.load_problems)

    def display(self, path: Path) -> str:
        return _display(self.root, path)


# File path -> content to read in place of the file (see load_ledger).
Overrides = Mapping[str | os.PathLike[str], str | bytes]


def load_ledger(
    path: str | os.PathLike[str],
    overrides: Overrides | None = None,
    *,
    cache: bool | Session = False,
) -> Ledger:
    """Read the ledger in directory `path`. Raises LedgerNotFound if it is not a directory;
    every other problem is a finding in `Ledger.problems`.

    `overrides` maps a file path to the content to read in place of what is on disk (or in
    place of a file not written yet, such as a new `sources/*.yaml`): `figcheck add` and
    `figcheck accept` validate a change this way, with this very code, before writing it.

    With `cache` (True, or a cache session already open), each source file's reading is
    kept in the ledger's cache (figcheck/caching/) and taken from there while the file, the
    quantities and the settings are the same; the result is the same either way."""
    root = ledger_root(path)
    # The cyclic garbage collector, set off again and again by the many small objects a
    # load makes, would walk them all each time: it waits until the load is done (nothing
    # here makes a reference cycle).
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _load(root, overrides, cache)
    finally:
        if collecting:
            gc.enable()


def _load(root: Path, overrides: Overrides | None, cache: bool | Session) -> Ledger:
    session = None
    if cache is True:
        from figcheck.caching.session import Session

        session = Session.open(root)
    elif cache is not False:
        session = cache
    files = _Files(root, overrides, session)
    if session is not None:
        session.overridden = session.overridden or bool(overrides)
    config, quantities = _settings(files)
    setting = source_file.Setting(root, files.display, config, quantities)
    documents: dict[str, Document] = {}
    figures: dict[str, Figure] = {}
    source_files = files.source_files()
    context = files.context(root / CONFIG_FILE, root / QUANTITIES_FILE)
    for path, source in zip(
        source_files, _read_sources(files, source_files, setting, context), strict=True
    ):
        report = files.problems_of(path)
        files.problems += source.problems[: source.head]
        if source.document is None:
            continue
        if source_file.duplicate_document(source.document, documents, report):
            continue
        files.problems += source.problems[source.head :]
        documents[source.document.id] = source.document
        figures.update(source.figures)
    acceptances = _acceptances(files)
    return Ledger(
        root=root,
        quantities=quantities.kept,
        documents=documents,
        figures=figures,
        acceptances=acceptances,
        config=config,
        load_problems=tuple(files.problems),
        source_files=tuple(source_files),
        cache=session,
    )


CONFIG_FILE = "figcheck.yaml"
QUANTITIES_FILE = "quantities.yaml"


def _settings(files: _Files) -> tuple[config_file.Config, quantities_file.Quantities]:
    """figcheck.yaml and quantities.yaml, read first: the source files are read with them."""
    config = config_file.Config()
    config_path = files.root / CONFIG_FILE
    if files.exists(config_path):
        data = files.parse(config_path)
        config = config_file.read(
            None if data is UNREADABLE else data, files.problems_of(config_path).invalid
        )
    quantities_path = files.root / QUANTITIES_FILE
    report = files.problems_of(quantities_path)
    if not files.exists(quantities_path):
        return config, quantities_file.missing(report)
    data = files.parse(quantities_path)
    quantities = (
        quantities_file.UNREADABLE if data is UNREADABLE else quantities_file.read(data, report)
    )
    return config, quantities


def settings_and_acceptances(
    root: Path, session: Session | None = None
) -> tuple[config_file.Config, Mapping[str, Quantity], tuple[Acceptance, ...]]:
    """The ledger's settings, quantities and acceptances alone, as load_ledger reads them
    (their problems are not kept: a result taken from the cache has them already)."""
    files = _Files(root, None, session)
    config, quantities = _settings(files)
    return config, quantities.kept, _acceptances(files)


def read_source(
    files: _Files,
    path: Path,
    setting: source_file.Setting,
    content: bytes | str | None = None,
) -> source_file.SourceRead:
    """One source file, parsed and read by itself, with its problems in a list of its own;
    `content`, when given, is what the file holds."""
    return _read_source(files, path, setting, content)[0]


def _read_source(
    files: _Files, path: Path, setting: source_file.Setting, content: bytes | str | None = None
) -> tuple[source_file.SourceRead, str | None]:
    """The file read, and its document's `text:` (see sources.text_reference)."""
    own: list[Problem] = []
    report = FileProblems(files.display(path), own)
    data = files.parse(path, report, content)
    if data is UNREADABLE:
        return source_file.SourceRead(None, {}, tuple(own), len(own)), None
    return source_file.read(data, path, setting, report), source_file.text_reference(data)


# A source file as read: its records, their encoding for the cache when a worker made it
# (None when this process did), and its document's `text:`.
_PendingRead = tuple[source_file.SourceRead, "tuple[Any, ...] | None", "str | None"]

# From how many source files to read (not in the cache) the reading is spread over the
# cores: below, a fork and the encoding of each file's records cost more than they save.
SPREAD_FROM_FILES = 40


def _read_sources(
    files: _Files,
    paths: list[Path],
    setting: source_file.Setting,
    context: tuple[object, ...] | None,
) -> list[source_file.SourceRead]:
    """Each source file as read, in the order of `paths`: through the cache with `context`
    (figcheck/caching/sources.py), and those that must be read spread over the cores when
    there are many (figcheck/spreading.py); the same records either way."""
    from figcheck.caching import codec
    from figcheck.spreading import spread

    margin = setting.config.qualified_margin_days
    if context is None:
        made = spread(
            paths,
            lambda path: read_source(files, path, setting),
            SPREAD_FROM_FILES,
            send=codec.encode_source,
            receive=lambda _, sent: codec.decode_source(sent, margin),
        )
        return made if made is not None else [read_source(files, p, setting) for p in paths]
    from figcheck.caching import sources as cached

    session = files.session
    assert session is not None
    found = [
        cached.find(session, context, path, files.override(path), margin, MAX_FILE_BYTES)
        for path in paths
    ]
    pending = [f for f in found if isinstance(f, cached.Pending)]

    # A file read by a worker comes back encoded as the cache keeps it: kept as it came.
    def read_pending(item: cached.Pending) -> _PendingRead:
        source, reference = _read_source(files, item.path, setting, item.data)
        return source, None, reference

    def received(_: cached.Pending, sent: tuple[tuple[Any, ...], str | None]) -> _PendingRead:
        encoded, reference = sent
        return codec.decode_source(encoded, margin), encoded, reference

    pending_reads = spread(
        pending,
        read_pending,
        SPREAD_FROM_FILES,
        send=lambda read: (codec.encode_source(read[0]), read[2]),
        receive=received,
    )
    if pending_reads is None:
        pending_reads = [read_pending(item) for item in pending]
    made_by_path = {item.path: read for item, read in zip(pending, pending_reads, strict=True)}
    results: list[source_file.SourceRead] = []
    for path, item in zip(paths, found, strict=True):
        if item is None:  # not a file the cache holds: read as ever, with its problems
            results.append(read_source(files, path, setting))
        elif isinstance(item, cached.Pending):
            source, encoded, reference = made_by_path[item.path]
            cached.keep(session, item, source, reference, encoded)
            results.append(source)
        else:
            results.append(item)
    return results


def ledger_root(path: str | os.PathLike[str]) -> Path:
    """`path` as the ledger's root directory; raises LedgerNotFound if it is not one."""
    root = Path(path)
    shown = shorten(os.fspath(path))
    try:
        if root.is_dir():
            return root
        what = "is not a directory" if root.exists() else "does not exist"
    except (OSError, ValueError) as error:  # too long a name, a NUL byte
        what = f"cannot be used ({error.strerror if isinstance(error, OSError) else error})"
    raise LedgerNotFound(f"ledger directory {shown} {what}")


def load_acceptances(
    path: str | os.PathLike[str], overrides: Overrides | None = None
) -> tuple[tuple[Acceptance, ...], tuple[Finding, ...]]:
    """Only the ledger's accepted.yaml: its entries, and its problems as load_ledger reports
    them (`figcheck accept` validates the file it is about to write this way)."""
    from figcheck.findings import of_problems

    files = _Files(Path(path), overrides)
    acceptances = _acceptances(files)
    return acceptances, of_problems(files.problems)


def _acceptances(files: _Files) -> tuple[Acceptance, ...]:
    path = files.root / ACCEPTED_FILE
    if not files.exists(path):
        return ()
    data = files.parse(path)
    if data is UNREADABLE:
        return ()
    return accepted_file.read(data, files.problems_of(path))


@lru_cache(maxsize=4096)
def _display(root: Path, path: Path) -> str:
    """`path` as the user should see it: under the ledger directory as they named it. A
    byte of the name that is not UTF-8 is shown as an escape (`ex\\xffample.yaml`), so that
    the name can be printed, hashed into a finding id and written as UTF-8."""
    try:
        relative = path.relative_to(root)
    except ValueError:
        try:  # a resolved path, such as a document's text
            relative = path.relative_to(root.resolve())
        except ValueError:
            return printable_path(os.fspath(path))
    return printable_path(os.path.normpath(os.path.join(os.fspath(root), relative)))


def printable_path(path: str) -> str:
    """A file name as text: the bytes of the name that are not UTF-8 (which Python keeps as
    lone surrogates) written as `\\xff`."""
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        return path.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return path


def _override_key(path: str | os.PathLike[str]) -> str:
    return os.path.normcase(os.path.abspath(path))


class _Files:
    """The ledger's files as the readers see them: on disk, or given in memory in their
    place (`overrides`); parsed with the problems of each collected in one list."""

    def __init__(
        self, root: Path, overrides: Overrides | None = None, session: Session | None = None
    ) -> None:
        self.root = root
        self.problems: list[Problem] = []
        self.overrides = {_override_key(p): content for p, content in (overrides or {}).items()}
        self.display: Callable[[Path], str] = lambda path: _display(root, path)
        self.session = session
        self.hashes: dict[Path, str | None] = {}  # files parsed, by their content (with a cache)

    def override(self, path: Path) -> str | bytes | None:
        return self.overrides.get(_override_key(path)) if self.overrides else None

    def exists(self, path: Path) -> bool:
        # A symbolic link that leads nowhere (or in a loop) is there, and parsing says so.
        return self.override(path) is not None or os.path.lexists(path)

    def problems_of(self, path: Path) -> FileProblems:
        return FileProblems(self.display(path), self.problems)

    def context(self, *paths: Path) -> tuple[object, ...] | None:
        """What the reading of every source file depends on besides the file (see
        figcheck/caching/sources.py); None without a cache, or when one of `paths` (the
        settings, the quantities) could not be hashed."""
        if self.session is None:
            return None
        hashes = []
        for path in paths:
            if path in self.hashes:
                hashes.append(self.hashes[path])
            elif not self.exists(path):
                hashes.append("missing")
            else:
                return None
        if None in hashes:
            return None
        return self.session.context(os.fspath(self.root), str(self.root.resolve()), *hashes)

    def parse(
        self, path: Path, report: FileProblems | None = None, content: bytes | str | None = None
    ) -> object:
        """The parsed file (None when it is empty), or UNREADABLE after reporting why (to
        `report`, by default this ledger's list of problems). `content`, when given, is what
        the file holds."""
        if content is None:
            content = self.override(path)
            if self.session is not None:
                content = self._through_session(path, content)
        report = report or self.problems_of(path)
        try:
            data, duplicates = load_yaml(path) if content is None else loads_yaml(content)
        except YamlError as error:
            report("invalid", error.line, f"{path.name} {error}")
            return UNREADABLE
        for dup in duplicates:
            report(
                "duplicate",
                dup.line,
                f"key {quoted(dup.key)} appears twice in one mapping (first at line "
                f"{dup.first_line}); YAML would silently keep only one of them",
            )
        return data

    def _through_session(self, path: Path, override: bytes | str | None) -> bytes | str | None:
        """The content to parse, with its hash noted (`context`): the override, or the
        file read through the cache's session (None: not a file the cache reads, which
        load_yaml reads and says what is wrong with)."""
        from figcheck.caching.session import digest

        assert self.session is not None
        if override is not None:
            raw = (
                override
                if isinstance(override, bytes)
                else override.encode("utf-8", "surrogatepass")
            )
            self.hashes[path] = f"{type(override).__name__}:{digest(raw)}"
            return override
        read = self.session.read(path, MAX_FILE_BYTES)
        self.hashes[path] = None if read is None else read[1]
        return None if read is None else read[0]

    def source_files(self) -> list[Path]:
        sources = self.root / "sources"
        try:
            on_disk = _on_disk(sources)
        except OSError as error:  # no permission to list it, say
            self.problems_of(sources)(
                "invalid",
                0,
                f"sources/ cannot be listed: {error.strerror or error}; its source files were "
                "not read",
            )
            on_disk = set()
        # A source file given only in memory (not written yet) is read like the others.
        in_memory = {
            sources / os.path.basename(key)
            for key in self.overrides
            if os.path.dirname(key) == _override_key(sources)
        }
        return _source_files(on_disk | in_memory)


def _on_disk(sources: Path) -> set[Path]:
    return set(sources.iterdir()) if sources.is_dir() else set()


def _source_files(paths: set[Path]) -> list[Path]:
    return sorted(p for p in paths if p.suffix in (".yaml", ".yml") and not p.name.startswith("."))


def source_paths(root: Path) -> list[Path] | None:
    """The source files load_ledger reads in the ledger at `root`, in that order; None
    when sources/ cannot be listed."""
    try:
        return _source_files(_on_disk(root / "sources"))
    except OSError:
        return None
