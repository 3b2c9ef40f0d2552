"""What figcheck prints: the formats of a check result, looked up by name (`--format`), and
the outputs of `add`, `accept` and `extract` beside them (`report` has its own package,
figcheck/report/).

Each format module has `render(result, stream, **options)` and writes to the stream it is
given; nothing in the engine prints. Modules are imported on first use so that the formats
one run does not need (rich, XML) cost nothing.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    from figcheck.engine import CheckResult

REPORTERS: dict[str, str] = {
    "text": "figcheck.output.text",
    "json": "figcheck.output.json_report",
    "github": "figcheck.output.github",
    "sarif": "figcheck.output.sarif",
    "markdown": "figcheck.output.markdown",
    "junit": "figcheck.output.junit",
}

Render = Callable[..., None]


def get(name: str) -> Render:
    found: Render = importlib.import_module(REPORTERS[name]).render
    return found


def render(name: str, result: CheckResult, stream: TextIO, **options: Any) -> None:
    get(name)(result, stream, **options)
