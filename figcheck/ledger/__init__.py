"""Reading a ledger directory into the model, reporting every data error with file:line.

A ledger is a directory:

    quantities.yaml     what is being counted, and how quantities relate
    sources/*.yaml      one file per document: its metadata and its figures
    documents/*.txt     optional plain text of a document
    accepted.yaml       optional: divergences reviewed and accepted, each with a reason
    figcheck.yaml       optional: tolerances and rule severities

The modules of this package: `loading` reads the directory; `yaml_reading` parses a file with
libyaml, keeping lines; `fields` reads the typed fields of one mapping; `config` reads
figcheck.yaml; `relations` is the graph of quantities; `schema` is the JSON Schema of each
file, for editors.
"""

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from figcheck.ledger.loading import (
        ACCEPTED_FILE,
        FINDING_ID,
        RECORD_ID,
        Ledger,
        LedgerNotFound,
        ledger_root,
        load_acceptances,
        load_ledger,
    )


def __getattr__(name: str) -> object:
    # The loader (and libyaml with it) on first use: a module of this package that needs
    # none of it, such as `problems`, which every rule imports, is imported without it
    # (PEP 562), and `figcheck rules` starts fast.
    if name in __all__:
        from figcheck.ledger import loading

        return getattr(loading, name)
    raise AttributeError(f"module 'figcheck.ledger' has no attribute {name!r}")


__all__ = [
    "ACCEPTED_FILE",
    "FINDING_ID",
    "RECORD_ID",
    "Ledger",
    "LedgerNotFound",
    "ledger_root",
    "load_acceptances",
    "load_ledger",
]
