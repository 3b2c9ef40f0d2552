"""Options and helpers that several commands share."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any, NoReturn, TextIO, TypeVar

import click

if TYPE_CHECKING:
    from pathlib import Path

    from figcheck.engine import CheckResult
    from figcheck.ledger import Ledger
    from figcheck.writing.atomic import Refused

EXIT_USAGE = 2
F = TypeVar("F", bound=Callable[..., Any])


def not_empty(ctx: click.Context, param: click.Parameter, value: str) -> str:
    if not value.strip():
        raise click.BadParameter("is empty; name a directory, such as data")
    return value


data_option = click.option(
    "--data",
    "data",
    default="data",
    show_default=True,
    metavar="DIR",
    type=click.Path(file_okay=False, path_type=str),
    callback=not_empty,
    help="The ledger directory: quantities.yaml, sources/, documents/, accepted.yaml.",
)


def format_option(
    choices: Iterable[str] = ("text", "json"),
    help: str = "text for people at a terminal; json for programs.",
) -> Callable[[F], F]:
    """`--format`, stored as `output_format`, text by default."""
    return click.option(
        "--format",
        "output_format",
        type=click.Choice(list(choices)),
        default="text",
        show_default=True,
        help=help,
    )


@contextlib.contextmanager
def output_stream(output_format: str) -> Iterator[TextIO]:
    """Standard output for `output_format`: UTF-8 bytes for the formats programs read,
    whatever the locale (figcheck.output.encoding); and, for every format but github (whose
    workflow commands are figcheck's own), no line that a CI runner would take for a
    command (figcheck.output.escaping)."""
    from figcheck.output.encoding import MACHINE_FORMATS, utf8
    from figcheck.output.escaping import CommandGuard

    with utf8(sys.stdout) if output_format in MACHINE_FORMATS else _as_it_is() as stream:
        if output_format == "github":
            yield stream
            return
        guarded = CommandGuard(stream)
        try:
            yield guarded  # type: ignore[misc]
        finally:
            guarded.flush()


@contextlib.contextmanager
def _as_it_is() -> Iterator[TextIO]:
    yield sys.stdout


def fail(message: str, code: int = EXIT_USAGE) -> NoReturn:
    """Stop with one line on stderr and an exit code; never a traceback."""
    from figcheck.output.escaping import line

    click.echo(line(f"figcheck: {message}"), err=True)
    raise SystemExit(code)


def refuse(error: Refused) -> NoReturn:
    """Stop with the refusal's one line, then its details (one problem a line), exit 2."""
    from figcheck.output.escaping import line

    click.echo(line(f"figcheck: {error}"), err=True)
    for detail in error.details:
        click.echo(line(f"  {detail}"), err=True)
    raise SystemExit(EXIT_USAGE)


def warn_if_unlocked() -> None:
    from figcheck.writing.atomic import CAN_LOCK

    if not CAN_LOCK:
        click.echo(
            "figcheck: warning: this system has no file locking; do not run two figcheck "
            "commands that write to one ledger at the same time",
            err=True,
        )


cache_option = click.option(
    "--no-cache",
    "no_cache",
    is_flag=True,
    help="Read every file of the ledger again: do not use or write its cache "
    "(.figcheck-cache/ in the ledger directory).",
)


def load(data: str, cache: bool = False) -> Ledger:
    """Load the ledger (through its cache, with `cache`), or stop with one line if its
    directory is missing."""
    import gc

    from figcheck.ledger.loading import load_ledger

    root = _root(data)
    ledger = load_ledger(root, cache=cache)
    # The loaded ledger lives until exit: keep the collector from walking it again and again.
    gc.freeze()
    return ledger


def checked(data: str, cache: bool) -> CheckResult:
    """The ledger checked: with `cache`, the last check's result while no file changed,
    else checked through its cache (see figcheck/caching/)."""
    import gc

    import figcheck

    result = figcheck.check_directory(_root(data), cache=cache)
    gc.freeze()
    return result


def _root(data: str) -> Path:
    """The ledger directory, or stop with one line if it is missing."""
    from figcheck.ledger import LedgerNotFound, ledger_root
    from figcheck.ledger.yaml_reading import HAS_LIBYAML

    if not HAS_LIBYAML:
        click.echo(
            "figcheck: warning: PyYAML has no libyaml here; loading will be about 8x "
            "slower (pip install --force-reinstall pyyaml)",
            err=True,
        )
    try:
        return ledger_root(data)
    except LedgerNotFound as error:
        from figcheck.wording import shorten

        fail(f"{error}; pass --data DIR, or run `figcheck init {shorten(data)}` to start a ledger")
