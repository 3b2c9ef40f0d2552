"""Write a synthetic ledger: N figures in source files of 50, with document texts.

    python benchmarks/generate.py OUT_DIR [--figures 100000] [--per-file 50] [--conflicts 0]
                                          [--layout agreeing|disagreeing|one-quantity]

`agreeing` (the default): the figures agree with one another (a running total that grows a
little every day, parts and a subset well below it, hedged three ways), so that the rules'
cost without findings is what is measured; --conflicts plants that many contradicting
figures.

`disagreeing`: the many-findings ledger. The figures are spread over running totals of 200
figures each (500 of them at 100,000 figures), each growing by 10 a day but recorded with a
random error of up to 80 (the same seed every time), so that a later figure is often below
an earlier one: about one finding per figure, nearly all of them FC202.

`one-quantity`: every figure counts one running total that grows a little every day and
agrees with itself: what one large quantity costs each rule.
"""

from __future__ import annotations

import argparse
import random
from datetime import date, timedelta
from pathlib import Path

QUANTITIES = """\
quantities:
  total:
    label: A running total
    unit: people
    kind: cumulative
    parts: [part]
  part:
    label: A part of it
    unit: people
    kind: cumulative
  sub:
    label: A subset of it
    unit: people
    kind: cumulative
    subset_of: [total]
  level:
    label: A yearly flow
    unit: people
    kind: flow
  change:
    label: Its yearly change
    unit: percent
    kind: change
    of: level
"""

APPROX = ("exact", "about", "at-least")
LAYOUTS = ("agreeing", "disagreeing", "one-quantity")
# The disagreeing layout: how many figures each running total holds, and the largest error
# of a figure.
PER_QUANTITY = 200
ERROR = 80


def _letters(i: int) -> str:
    """A word unique to i, of consonants so that it is never a number word like "ten"."""
    word = ""
    while True:
        i, digit = divmod(i, 20)
        word += "bcdfghjklmnpqrstvwxz"[digit]
        if not i:
            return word


def figure(i: int, start: date) -> tuple[str, str]:
    """The YAML record of figure i and the sentence of the text that holds its quote."""
    day = i // 3
    quantity = ("total", "part", "sub")[i % 3]
    value = 100_000 + day * 10 if quantity == "total" else 1_000 + day // 10
    approx = APPROX[day % 3]
    return _record(i, quantity, value, approx, start + timedelta(days=day))


def _record(i: int, quantity: str, value: int, approx: str, as_of: date) -> tuple[str, str]:
    quote = f"the {_letters(i)} count is {value:,} people"
    record = (
        f"  - id: f{i}\n    quantity: {quantity}\n    value: {value}\n    approx: {approx}\n"
        f"    as_of: {as_of.isoformat()}\n    said_by: Speaker {i % 7}\n    quote: {quote}\n"
    )
    return record, quote


def disagreeing_figure(
    i: int, quantities: int, start: date, errors: random.Random
) -> tuple[str, str]:
    """Figure i of the many-findings ledger: running total i % quantities, on day
    i // quantities."""
    day = i // quantities
    value = 100_000 + day * 10 + errors.randint(0, ERROR)
    return _record(i, f"total-{i % quantities}", value, "exact", start + timedelta(day))


def one_quantity_figure(i: int, start: date) -> tuple[str, str]:
    """Figure i of one running total that agrees with itself: 100,000 plus 10 a day."""
    return _record(i, "total", 100_000 + i * 10, APPROX[i % 3], start + timedelta(days=i))


def _quantities(layout: str, count: int) -> str:
    if layout != "disagreeing":
        return QUANTITIES
    return "quantities:\n" + "".join(
        f"  total-{n}:\n    label: Running total {n}\n    unit: people\n    kind: cumulative\n"
        for n in range(count)
    )


def write(out: Path, figures: int, per_file: int, conflicts: int, layout: str = "agreeing") -> None:
    (out / "sources").mkdir(parents=True, exist_ok=True)
    (out / "documents").mkdir(exist_ok=True)
    quantities = max(1, figures // PER_QUANTITY)
    (out / "quantities.yaml").write_text(_quantities(layout, quantities))
    start = date(1930, 1, 1)
    errors = random.Random(15)
    for first in range(0, figures, per_file):
        doc = f"doc-{first // per_file:05d}"
        records, quotes = [], []
        for i in range(first, min(first + per_file, figures)):
            if layout == "disagreeing":
                record, quote = disagreeing_figure(i, quantities, start, errors)
            elif layout == "one-quantity":
                record, quote = one_quantity_figure(i, start)
            else:
                record, quote = figure(i, start)
            records.append(record)
            quotes.append(quote)
        if first == 0:
            for j in range(conflicts):
                quotes.append("someone says just one person")
                records.append(
                    f"  - id: planted-{j}\n    quantity: total\n    value: 1\n"
                    "    as_of: '2000'\n    said_by: Someone\n    quote: just one person\n"
                )
        (out / "documents" / f"{doc}.txt").write_text(". ".join(quotes) + ".\n")
        (out / "sources" / f"{doc}.yaml").write_text(
            f"document:\n  id: {doc}\n  title: Document {doc}\n  text: ../documents/{doc}.txt\n"
            "figures:\n" + "".join(records)
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--figures", type=int, default=100_000)
    parser.add_argument("--per-file", type=int, default=50)
    parser.add_argument("--conflicts", type=int, default=0)
    parser.add_argument("--layout", choices=LAYOUTS, default="agreeing")
    args = parser.parse_args()
    write(args.out, args.figures, args.per_file, args.conflicts, args.layout)


if __name__ == "__main__":
    main()
