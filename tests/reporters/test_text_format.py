"""`--format text`: the closing summary."""

from __future__ import annotations

import io

from figcheck.engine import CheckResult
from figcheck.reporters import text
from figcheck.reporters.common import summary


def rendered(result: CheckResult, width: int | None = None) -> str:
    out = io.StringIO()
    text.render(result, out, width=width)
    return out.getvalue()


def test_the_closing_line_is_the_summary_every_format_gives(mixed):
    assert rendered(mixed).splitlines()[-1] == summary(mixed)
    baseline = mixed.with_baseline([])
    assert rendered(baseline).splitlines()[-1] == summary(baseline)
    assert summary(baseline).endswith(f"({len(mixed.findings)} new since the baseline)")
