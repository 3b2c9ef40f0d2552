"""A new ledger, ready to check and to edit: what `figcheck init DIR` writes.

    DIR/quantities.yaml          what is counted, commented
    DIR/sources/example.yaml     one document and its figures, commented
    DIR/documents/example.txt    that document's text, which the quotes are checked against
    DIR/.schema/*.schema.json    the JSON Schemas of the three kinds of ledger file
    DIR/.gitignore               keeps figcheck's cache (.figcheck-cache/) out of version
                                 control; a .gitignore already there is left as it is

Each YAML file starts with a `# yaml-language-server: $schema=...` line naming its schema by
a path relative to the file, which the YAML language server resolves from the file's own
directory: the ledger carries its schemas, works offline, and can be moved or cloned
anywhere. The example passes `figcheck check`: every number of its text is recorded, and the
quotes are verbatim. Its only findings are notices (FC304, info) that one document alone
gives each figure, which is what a second source would change.

Nothing that exists is ever overwritten: `create` refuses when any of these paths, or any
other file a ledger holds at its top, is already there.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from figcheck.ledger.schema import FILE_NAMES, KINDS_OF_FILE, Kind, to_json

SCHEMA_DIR = ".schema"
# What a ledger holds at its top: init refuses to start one where any of these exists.
LEDGER_ENTRIES = (
    "quantities.yaml",
    "sources",
    "documents",
    SCHEMA_DIR,
    "accepted.yaml",
    "figcheck.yaml",
)


GITIGNORE = ".gitignore"
# The cache is remade from the ledger at any time, and is signed with a key of the user's
# own (figcheck/caching/store.py): committed, it would only be ignored by everyone else.
GITIGNORE_TEXT = """# figcheck's cache: remade from the ledger whenever it is needed.
.figcheck-cache/
"""


class LedgerExists(Exception):
    """The directory already holds (part of) a ledger; `paths` are what is there."""

    def __init__(self, paths: list[str]) -> None:
        super().__init__(", ".join(paths))
        self.paths = paths


def header(kind: Kind, depth: int) -> str:
    """The modeline that points the YAML language server at the schema, from `depth`
    directories below the ledger's top."""
    path = "/".join([*([".."] * depth), SCHEMA_DIR, FILE_NAMES[kind]])
    return f"# yaml-language-server: $schema={path}\n"


QUANTITIES = """\
#
# What this ledger counts. Each quantity has an id (lowercase letters, digits and hyphens),
# a label precise enough to tell it from similar quantities, a unit, and a kind:
#   stock        a level at a point in time (members of a library now)
#   cumulative   a running total that can only grow (books ever lent)
#   flow         an amount over a period (books lent in 2023)
#   change       a percent change of `of` between two periods (+12% from 2022 to 2023)
# Relations let figcheck check figures of different quantities against each other:
#   subset_of: [other]   never more than `other` at the same time
#   parts: [a, b]        a and b sum to at most this one (to exactly it with exhaustive: true)
#   of: level            for a change: the level quantity whose change it is
# window_days: N says how many days apart two figures may be and still describe about the
# same time (default 366; a toll that climbs by the day: 0 to a few days).
# Where two documents count different things, make them two quantities.
quantities:
  library-members:
    label: Registered members of the Riverside town library
    unit: people
    kind: stock

  library-members-children:
    label: Registered members of the Riverside town library who are children
    unit: people
    kind: stock
    subset_of: [library-members]

  library-loans:
    label: Books lent by the Riverside town library in a year
    unit: books
    kind: flow

  library-loans-change:
    label: Year-on-year change in the books lent by the Riverside town library
    unit: percent
    kind: change
    of: library-loans
"""

SOURCE = """\
#
# One file per document: its metadata, then one record for every numeric statement in it.
# `figcheck check --data LEDGER` checks them all; `figcheck rules` lists what it checks.
document:
  id: riverside-gazette-2024-01-16     # unique across the ledger
  title: Riverside library membership grows
  outlet: Riverside Gazette
  published: 2024-01-16                # or 2024-01, or 2024; add ? when inferred: 2024?
  text: ../documents/example.txt       # the document's plain text, relative to this file

figures:
  - id: members                        # its full id: riverside-gazette-2024-01-16/members
    quantity: library-members
    value: 4210
    as_of: 2023-12                     # "at the end of 2023"
    said_by: Ana Ruiz, head librarian  # who gave the number; `author` for the document's own
    # statement: ruiz-members-2023     # optional: one id for every record of this one figure
    quote: The Riverside town library had 4,210 registered members at the end of 2023

  - id: members-children
    quantity: library-members-children
    value: 1300
    # approx: exact (the default) | about | nearly | over | at-least | under | at-most | range
    approx: about                      # "about 1,300": 1,170 to 1,430
    as_of: 2023-12
    said_by: Ana Ruiz, head librarian
    quote: About 1,300 of them are children

  - id: loans
    quantity: library-loans
    value: 61500
    as_of: 2023
    said_by: Riverside town library, annual report
    quote: Members borrowed 61,500 books in 2023

  - id: loans-change
    quantity: library-loans-change
    value: 12                          # a signed percent: "down 12%" would be -12
    as_of: 2022/2023                   # a change compares two periods
    said_by: Riverside town library, annual report
    quote: up 12% on the year before

# Numbers in the text that are not statements about the world, each with the reason
# (`figcheck extract DOC --unrecorded` lists the numbers still to record or ignore):
ignore:
  - text: "2023"
    why: a year, the date the figures hold at, not a count
"""

DOCUMENT_TEXT = """\
Riverside library membership grows

The Riverside town library had 4,210 registered members at the end of 2023, the head \
librarian, Ana Ruiz, said on Tuesday. About 1,300 of them are children.

Members borrowed 61,500 books in 2023, up 12% on the year before, according to the \
library's annual report.
"""


def files(root: Path) -> dict[Path, str]:
    """Every file a new ledger starts with, and its content."""
    planned = {
        root / "quantities.yaml": header("quantities", 0) + QUANTITIES,
        root / "sources" / "example.yaml": header("source", 1) + SOURCE,
        root / "documents" / "example.txt": DOCUMENT_TEXT,
    }
    for kind in KINDS_OF_FILE:
        planned[root / SCHEMA_DIR / FILE_NAMES[kind]] = to_json(kind)
    if not os.path.lexists(root / GITIGNORE):  # a repository's own: never touched
        planned[root / GITIGNORE] = GITIGNORE_TEXT
    return planned


def existing(root: Path) -> list[str]:
    """The ledger entries already in `root`, as the user would name them."""
    return [
        os.path.join(os.fspath(root), name) + ("/" if (root / name).is_dir() else "")
        for name in LEDGER_ENTRIES
        if os.path.lexists(root / name)
    ]


def create(root: Path) -> list[Path]:
    """Write a new ledger in `root` (created if missing) and return the files written.
    Raises LedgerExists, naming what is there, before writing anything; NotADirectoryError
    when `root` is a file. When writing fails part way (a full disk), what was written is
    removed again and the error raised: no half ledger is left for the next `init` to
    refuse."""
    if root.exists() and not root.is_dir():
        raise NotADirectoryError(os.fspath(root))
    found = existing(root)
    if found:
        raise LedgerExists(found)
    planned = files(root)
    made: list[Path] = []  # files and directories this call created, in order
    try:
        for path, content in planned.items():
            _make_directory(root, made)
            for directory in reversed([*path.relative_to(root).parents][:-1]):
                _make_directory(root / directory, made)
            made.append(path)  # before it is opened: a failed write leaves an empty file
            write_new(path, content)
    except BaseException:
        for path in reversed(made):
            with contextlib.suppress(OSError):
                path.rmdir() if path.is_dir() and not path.is_symlink() else path.unlink()
        raise
    return [path for path in planned]


def _make_directory(path: Path, made: list[Path]) -> None:
    """Make `path` and each missing directory above it, noting each in `made`."""
    missing = []
    while not path.is_dir() and path != path.parent:
        missing.append(path)
        path = path.parent
    for directory in reversed(missing):
        directory.mkdir()
        made.append(directory)


def write_new(path: Path, content: str) -> None:
    """Write a file that must not exist yet ("x": should another process create it
    meanwhile, fail rather than overwrite)."""
    with path.open("x", encoding="utf-8", newline="\n") as out:
        out.write(content)
