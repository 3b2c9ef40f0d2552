"""Fixtures shared by the whole test suite."""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Mapping
from pathlib import Path

import pytest

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
