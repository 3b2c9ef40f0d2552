"""Shared fixtures: small ledgers written into a temporary directory."""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

import pytest
import yaml

QUANTITIES = {
    "people": {"label": "People who left", "unit": "people", "kind": "cumulative"},
    "victims": {"label": "Victims in a year", "unit": "people", "kind": "flow"},
    "victims-change": {
        "label": "Change in victims",
        "unit": "percent",
        "kind": "change",
        "of": "victims",
    },
}
FIGURE_DEFAULTS = {"quantity": "people", "as_of": "2015-11-19", "said_by": "A Minister"}
CHANGE_DEFAULTS = {"quantity": "victims-change", "as_of": "2013/2014", "said_by": "ICG"}

WriteLedger = Callable[..., Path]


def write_ledger_files(
    root: Path,
    text: str | None,
    figures: Sequence[dict[str, Any]] = (),
    ignore: Sequence[dict[str, Any]] = (),
    doc_id: str = "doc",
) -> Path:
    """A ledger with one document `doc_id` whose text (if any) is `text`; each figure gets
    defaults for the fields the test does not care about (a negative value: a change)."""
    (root / "sources").mkdir(parents=True, exist_ok=True)
    (root / "documents").mkdir(exist_ok=True)
    (root / "quantities.yaml").write_text(yaml.safe_dump({"quantities": QUANTITIES}))
    document: dict[str, Any] = {"id": doc_id, "title": "A report"}
    if text is not None:
        (root / "documents" / f"{doc_id}.txt").write_text(text, encoding="utf-8")
        document["text"] = f"../documents/{doc_id}.txt"
    records = []
    for i, figure in enumerate(figures):
        value = figure["value"]
        negative = isinstance(value, (int, float)) and value < 0
        defaults = CHANGE_DEFAULTS if negative else FIGURE_DEFAULTS
        records.append({"id": f"f{i}", **defaults, **figure})
    source: dict[str, Any] = {"document": document, "figures": records}
    if ignore:
        source["ignore"] = list(ignore)
    (root / "sources" / f"{doc_id}.yaml").write_text(
        yaml.safe_dump(source, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )
    return root


@pytest.fixture
def write_ledger(tmp_path: Path) -> WriteLedger:
    def write(text: str | None, figures=(), ignore=(), doc_id: str = "doc") -> Path:
        return write_ledger_files(tmp_path / "ledger", text, figures, ignore, doc_id)

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
    """Write files given as {relative path: text} under a directory (text is dedented), and
    return the directory: small ledgers stay readable inside the tests that use them."""

    def write(root: Path, files: Mapping[str, str]) -> Path:
        for name, text in files.items():
            path = root / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
        return root

    return write


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
