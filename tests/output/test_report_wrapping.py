"""`figcheck report` never drops a character when it wraps: at 60, 80, 100 and 160 columns,
every document id, speaker's name, quantity id, value and interval of the ledger is in the
output whole, once the pieces of a wrapped cell are joined across its wrap points."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest

from figcheck import check, describe, load_ledger, values
from figcheck.engine import CheckResult
from figcheck.report.contents import build
from figcheck.report.terminal import render
from tests.builders import figure, quantity, write_documents_ledger

DATA = Path(__file__).parent.parent.parent / "data"
WIDTHS = (60, 80, 100, 160)


def rendered(result: CheckResult, width: int) -> str:
    out = io.StringIO()
    render(build(result), out, width=width)
    return out.getvalue()


def squeezed(text: str) -> str:
    return "".join(text.split())


def column_streams(output: str, heading: str | None = None) -> list[str]:
    """The text of every table column (or of those headed `heading`), read down the
    column: each table's header names its columns, and a column runs from its heading to
    the next one."""
    streams = []
    lines = output.splitlines()
    for i, header in enumerate(lines):
        if "said by, in" not in header:
            continue
        starts = [m.start() for m in re.finditer(r"(?<!\S)\S", header)]
        # Headings of more than one word ("said by, in", "0 to 9,999") start once.
        starts = [s for s in starts if s == starts[0] or header[s - 2 : s] == "  "]
        rows = []
        for line in lines[i + 2 :]:
            if not line.strip():
                break
            rows.append(line)
        for left, right in zip(starts, [*starts[1:], None], strict=True):
            if heading is None or header[left:].startswith(heading):
                streams.append(squeezed("".join(row[left:right] for row in rows)))
    return streams


def assert_whole(output: str, wanted: str, width: int) -> None:
    piece = squeezed(wanted)
    places = [squeezed(output), *column_streams(output)]
    assert any(piece in place for place in places), f"{wanted!r} is not whole at {width}"


def assert_intervals_whole(output: str, result: CheckResult, width: int) -> None:
    """Where a table shows intervals, each one it starts is there whole ('[1980, 2420]',
    never '[19' and '80,')."""
    streams = column_streams(output, "interval")
    for f in result.ledger.figures.values():
        whole = squeezed(values.describe_interval(f.interval))
        start = whole.split(",")[0] + ","
        if any(start in stream for stream in streams):
            assert any(whole in stream for stream in streams), f"{whole} is cut at {width}"


def everything_shown(result: CheckResult) -> list[str]:
    """Every document id and quantity id, and each figure as the listing of its family
    shows it: its value, and who said it with the document it is in ('Oleg Syromolotov,
    Deputy Foreign Minister, in tass-2015-11-19')."""
    ledger = result.ledger
    shown = [*ledger.documents, *ledger.quantities]
    for f in ledger.figures.values():
        q = ledger.quantities[f.quantity]
        shown += [describe.value(f, q), f"{describe.speaker(f.said_by)}, in {f.document}"]
    return shown


LONG_ID = "interior-ministry-briefing-transcript-2023-02-14"
LONG_NAMES = (
    "The governments of Uzbekistan, Tajikistan, Kazakhstan, Turkmenistan and Kyrgyzstan",
    "Disaster and Emergency Management Presidency (AFAD), Ankara",
)


@pytest.fixture(scope="module")
def long_result(tmp_path_factory) -> CheckResult:
    root = write_documents_ledger(
        tmp_path_factory.mktemp("long"),
        {
            "earthquake-deaths-confirmed": quantity("cumulative"),
            "earthquake-deaths-confirmed-in-the-southern-provinces": quantity(
                "cumulative", subset_of=["earthquake-deaths-confirmed"]
            ),
        },
        {
            LONG_ID: [
                figure(
                    "deaths",
                    "earthquake-deaths-confirmed",
                    31643,
                    "2023-02-14",
                    said_by=LONG_NAMES[1],
                ),
                figure(
                    "range",
                    "earthquake-deaths-confirmed",
                    [1250000, 2750000],
                    "2023-02-20",
                    approx="range",
                    said_by=LONG_NAMES[0],
                ),
            ],
            "un": [
                figure(
                    "south",
                    "earthquake-deaths-confirmed-in-the-southern-provinces",
                    20000,
                    "2023-02-15",
                    approx="about",
                    said_by="United Nations Office for the Coordination of Humanitarian Affairs",
                )
            ],
        },
    )
    return check(load_ledger(root))


@pytest.mark.parametrize("width", WIDTHS)
def test_long_ids_names_and_values_are_whole(long_result, width):
    output = rendered(long_result, width)
    assert max(len(line) for line in output.splitlines()) <= width
    for wanted in everything_shown(long_result):
        assert_whole(output, wanted, width)
    assert_intervals_whole(output, long_result, width)


@pytest.mark.parametrize("width", WIDTHS)
def test_the_shipped_ledger_is_whole(width):
    result = check(load_ledger(DATA))
    output = rendered(result, width)
    assert max(len(line) for line in output.splitlines()) <= width
    for wanted in everything_shown(result):
        assert_whole(output, wanted, width)
    assert_intervals_whole(output, result, width)


def test_the_check_of_wholeness_can_fail():
    table = (
        "  as of    value   interval   said by, in\n"
        "  ───────────────────────────────────────\n"
        "  2015     2,200   [1980,     Oleg Syrom\n"
        "                   2420]      in doc-a\n"
    )
    assert_whole(table, "Oleg Syrom", 60)
    assert_whole(table, "[1980, 2420]", 60)
    with pytest.raises(AssertionError):
        assert_whole(table, "Oleg Syromolotov", 60)
