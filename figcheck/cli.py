"""The command line: parse options, call the library, choose an output format, exit."""

from __future__ import annotations

import contextlib
import os
import signal
import sys
from typing import Any

import click

from figcheck import __version__
from figcheck.commands.accept import accept
from figcheck.commands.add import add
from figcheck.commands.check import check_command
from figcheck.commands.curate import curate
from figcheck.commands.draft import draft
from figcheck.commands.extract import extract
from figcheck.commands.ignore import ignore_command
from figcheck.commands.init import init_command
from figcheck.commands.quantity import quantity_group
from figcheck.commands.report import report
from figcheck.commands.rules import rules_command
from figcheck.commands.schema import schema_command

EXIT_INTERNAL = 2


class _Group(click.Group):
    """A group that lists its commands in the order they are added (the everyday ones first)
    and turns any unexpected exception into one line instead of a traceback."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(self.commands)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (click.exceptions.Exit, click.ClickException, click.Abort, SystemExit):
            raise
        except KeyboardInterrupt:
            click.echo("figcheck: interrupted", err=True)
            raise SystemExit(130) from None
        except Exception as error:
            if os.environ.get("FIGCHECK_DEBUG"):
                raise
            click.echo(
                f"figcheck: internal error: {type(error).__name__}: {error}. This is a bug in "
                "figcheck; run again with FIGCHECK_DEBUG=1 to see where, and please report it.",
                err=True,
            )
            raise SystemExit(EXIT_INTERNAL) from None
        finally:
            # Reporters write to the streams directly; whoever reads them (a pipe, a test
            # runner) gets everything before figcheck exits, in the order it was written.
            for stream in (sys.stdout, sys.stderr):
                with contextlib.suppress(OSError, ValueError):  # a closed pipe: nothing to do
                    stream.flush()


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", "-V", prog_name="figcheck")
def cli() -> None:
    """figcheck: find where documents disagree about numbers.

    A ledger (data/ by default) records every numeric statement of a set of documents:
    what is counted, the value and its hedge ("about", "over"), as of when, who said it,
    and the verbatim quote. figcheck turns each record into intervals and applies rules
    across them: conflicts, running totals that shrink, parts that exceed their whole.

    \b
    Start with:
      figcheck check          check the ledger in ./data
      figcheck report         read its figures side by side
      figcheck extract DOC    every number in a text, and why
      figcheck draft DOC      draft records for its numbers
      figcheck curate DOC     review the drafts key by key
      figcheck add            record a new figure
      figcheck quantity add   define what a figure counts
      figcheck ignore DOC     a number that is not a statement
      figcheck accept ID      accept a finding, with --why
      figcheck rules [CODE]   the rules, or one explained
      figcheck init DIR       start a new ledger
    """


cli.add_command(check_command)
cli.add_command(report)
cli.add_command(extract)
cli.add_command(draft)
cli.add_command(curate)
cli.add_command(add)
cli.add_command(quantity_group)
cli.add_command(ignore_command)
cli.add_command(accept)
cli.add_command(rules_command)
cli.add_command(init_command)
cli.add_command(schema_command)


def main() -> None:
    from figcheck.output import encoding

    # What people read never fails to print on a stream that cannot hold a character (a
    # cp1252 console, PYTHONIOENCODING=ascii): it degrades to stand-ins and escapes.
    encoding.degrade(sys.stdout)
    encoding.degrade(sys.stderr)
    if hasattr(signal, "SIGPIPE"):
        # `figcheck check | head` should end quietly, as other command-line tools do.
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    cli.main(prog_name="figcheck")


if __name__ == "__main__":
    main()
