"""`figcheck report`: the ledger read family by family, for a person or a program.

The report is built from the engine's result (figcheck.engine.CheckResult: the families, the
findings, the acceptances and the coverage of the texts); the engine never prints. What the
report holds is worked out once, apart from how each format shows it:

- `contents`: the report as data: families in reading order, their statements (`statements`:
  a figure repeated in one document counts once), findings, consensus (`consensus`) and
  notes (`read_together`); documents; speakers and outlets (`speakers`); counts, restricted
  to one family with --quantity;
- the formats, each with `render(report, stream, **options)`: `terminal` (rich, wrapped by
  `wrapping`), `markdown`, `json_data` (its schema in `json_schema`), and `html_page` (Jinja2,
  with the timelines of `timeline`).

Formats are imported on first use, so that `figcheck check` and `--help` import none of it.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    from figcheck.report.contents import Report

FORMATS: dict[str, str] = {
    "text": "figcheck.report.terminal",
    "markdown": "figcheck.report.markdown",
    "json": "figcheck.report.json_data",
    "html": "figcheck.report.html_page",
}


def render(name: str, report: Report, stream: TextIO, **options: Any) -> None:
    importlib.import_module(FORMATS[name]).render(report, stream, **options)
