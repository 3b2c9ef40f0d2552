"""`figcheck rules [CODE]`: list the rules, or print one rule's documentation."""

from __future__ import annotations

import click

from figcheck.commands.common import fail


@click.command("rules", short_help="List the rules, or explain one.")
@click.argument("code", required=False)
def rules_command(code: str | None) -> None:
    """List every rule with its code, default severity and title; with CODE, print that
    rule's documentation (what it checks, a passing and a failing example)."""
    from figcheck.rules import CATALOGUE, UnknownRule, get

    if code is None:  # from the catalogue: no rule's module is imported to list them
        for _, rule_code, severity, title in CATALOGUE:
            click.echo(f"{rule_code}  {severity:<7}  {title}")
        return
    try:
        rule = get(code)
    except UnknownRule as error:
        fail(str(error))
    click.echo(f"{rule.code} {rule.title} (default severity: {rule.severity})\n")
    click.echo(rule.doc.strip().split("\n", 1)[1].strip() if "\n" in rule.doc.strip() else rule.doc)
    for option in rule.options:
        click.echo(f"\n  {option.name} (default {option.default}): {option.help}")
