"""A quantity of 100,000 figures is checked at all (timing is measured in benchmarks/)."""

from datetime import date
from fractions import Fraction

from figcheck import values
from figcheck.dates import parse_date
from figcheck.engine import run_rules
from figcheck.ledger import Ledger
from figcheck.ledger.config import Config
from figcheck.model import Document, Figure, Location, Quantity

COUNT = 100_000


def big_ledger(conflicting_pairs: int = 0) -> Ledger:
    quantities = {
        "total": Quantity("total", "t", "people", "cumulative", Location("q", 1), parts=("part",)),
        "part": Quantity("part", "p", "people", "cumulative", Location("q", 2)),
        "sub": Quantity("sub", "s", "people", "cumulative", Location("q", 3), subset_of=("total",)),
    }
    figures = {}
    # Figures that agree: a total that grows a little every day for 90 years, one part and
    # one subset well below it, each figure hedged one of three ways.
    start = parse_date("1930-01-01").start
    for i in range(COUNT):
        day = i // 3
        as_of = parse_date(date.fromordinal(start + day).isoformat())
        quantity = ("total", "part", "sub")[i % 3]
        value = 100_000 + day * 10 if quantity == "total" else 1_000 + day // 10
        approx = ("exact", "about", "at-least")[(i // 3) % 3]
        fid = f"doc/{i}"
        figures[fid] = Figure(
            full_id=fid,
            id=str(i),
            document="doc",
            quantity=quantity,
            value=value,
            approx=approx,
            as_of=as_of,
            said_by=f"s{i % 7}",
            quote=f"{value:,} people",
            interval=values.interval(value, approx),
            stated=Fraction(value),
            location=Location("doc.yaml", i),
        )
    for j in range(conflicting_pairs):
        fid = f"doc/x{j}"
        figures[fid] = Figure(
            full_id=fid,
            id=f"x{j}",
            document="doc",
            quantity="total",
            value=1,
            approx="exact",
            as_of=parse_date("2000"),
            said_by="x",
            quote="1 person",
            interval=values.interval(1, "exact"),
            stated=Fraction(1),
            location=Location("d", 1),
        )
    document = Document(
        "doc", "t", Location("doc.yaml", 1), source_file=None, figures=tuple(figures)
    )  # type: ignore[arg-type]
    return Ledger(None, quantities, {"doc": document}, figures, (), Config())  # type: ignore[arg-type]


def test_one_hundred_thousand_agreeing_figures_finish():
    result = run_rules(big_ledger())
    assert result.rules_ran
    assert not [f for f in result.findings if f.severity == "error"]


def test_findings_among_one_hundred_thousand_figures_are_found():
    result = run_rules(big_ledger(conflicting_pairs=3))
    conflicts = [f for f in result.findings if f.rule == "FC201"]
    # Each planted total of 1 in the year 2000 conflicts with the 366 totals of that year.
    assert len(conflicts) == 3 * 366
    assert {fid for f in conflicts for fid in f.figures if "/x" in fid} == {
        "doc/x0",
        "doc/x1",
        "doc/x2",
    }
