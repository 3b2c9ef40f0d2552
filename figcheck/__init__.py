"""figcheck: checks the numbers that documents give for the same thing against each other.

    >>> import figcheck
    >>> ledger = figcheck.load_ledger("data")
    >>> result = figcheck.check(ledger)
    >>> result.exit_code(), result.summary

Only light modules are imported here on purpose; `load_ledger` and `check` import the rest
on first use, so that `figcheck --help` starts fast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

__version__ = "0.1.0"

if TYPE_CHECKING:
    from os import PathLike

    from figcheck.engine import CheckResult
    from figcheck.ledger import Ledger
    from figcheck.model import Finding


def __getattr__(name: str) -> object:
    # figcheck.Finding on first use: the model's many dataclasses take longer to make than
    # the rest of `figcheck --help` (PEP 562).
    if name == "Finding":
        from figcheck.model import Finding

        return Finding
    raise AttributeError(f"module 'figcheck' has no attribute {name!r}")


def load_ledger(path: str | PathLike[str]) -> Ledger:
    """Read a ledger directory. Data errors become findings; a path that is not a usable
    directory raises figcheck.ledger.LedgerNotFound."""
    from figcheck.ledger import load_ledger as _load

    return _load(path)


def check(ledger: Ledger) -> CheckResult:
    """Apply every rule to a loaded ledger and return the findings."""
    from figcheck.engine import run_rules

    return run_rules(ledger)


def check_directory(path: str | PathLike[str], *, cache: bool = True) -> CheckResult:
    """Load and check the ledger in directory `path`: the result of
    `check(load_ledger(path))`. With `cache`, through the ledger's cache
    (`.figcheck-cache/`): the last result while no file it read has changed, else each
    unchanged file's reading and each unchanged text's outcome from there; the result is
    the same either way. Raises figcheck.ledger.LedgerNotFound like load_ledger."""
    from figcheck.caching.results import check as _check
    from figcheck.ledger import ledger_root

    return _check(ledger_root(path), cache)


__all__ = ["Finding", "__version__", "check", "check_directory", "load_ledger"]
