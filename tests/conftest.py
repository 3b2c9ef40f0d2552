"""Shared fixtures: small ledgers written into a temporary directory (built by
tests/builders.py)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path

import pytest

from tests.builders import write_files, write_text_ledger

TextLedger = Callable[..., Path]


@pytest.fixture
def text_ledger(tmp_path: Path) -> TextLedger:
    """Write a ledger of one document with a text (`write_text_ledger`) under tmp_path."""

    def write(text: str | None, figures=(), ignore=(), doc_id: str = "doc") -> Path:
        return write_text_ledger(tmp_path / "ledger", text, figures, ignore, doc_id)

    return write


@pytest.fixture
def rule_findings() -> Callable[[Path, str], list]:
    """The findings of one rule when the ledger at a path is checked."""
    from figcheck import check, load_ledger

    def findings(root: Path, rule: str) -> list:
        return [f for f in check(load_ledger(root)).findings if f.rule == rule]

    return findings


WriteTree = Callable[[Path, Mapping[str, str]], Path]


@pytest.fixture
def write_tree() -> WriteTree:
    """Write files given as {relative path: text} under a directory (`write_files`)."""
    return write_files


def _keep_stderr_apart_on_click_81() -> None:
    """click 8.1's CliRunner mixes stderr into stdout unless asked not to (8.2 always keeps
    them apart); the tests read each stream on its own, on every click that pyproject allows."""
    import functools
    import inspect

    from click.testing import CliRunner

    if "mix_stderr" in inspect.signature(CliRunner.__init__).parameters:
        CliRunner.__init__ = functools.partialmethod(  # type: ignore[method-assign]
            CliRunner.__init__, mix_stderr=False
        )


_keep_stderr_apart_on_click_81()
