"""FC106 hedge differs from quote: the document hedges the number one way, the record another.

A figure's `approx` sets the interval every other rule reasons on, so it must be the hedge
its document gives. figcheck reads the words right before the number that says the figure's
value (the number FC105 found, read where the quote stands in the document's text) and,
for "or more", "or so" and the like, right after it, and reports when they name a different
hedge than `approx`. A number with no hedge word next to it gives nothing, whatever the
`approx` (the hedge may come from elsewhere in the text, or be the curator's judgement);
neither does a figure recorded as a range, whose two ends FC105 already requires.

The words, and the approx each means (where words read two ways, both are accepted):

    before the number:
      exact      exactly, precisely
      about      about, around, round about, approximately, approx., roughly, some,
                 an estimated, estimated, an approximate, circa, ca., in the region of,
                 on the order of, in the order of, something like, more or less;
                 closer to (or nearly)
      nearly     nearly, almost, approaching, not quite, just shy of; close to (or
                 about); just under, just below (or under)
      over       more than, over, upwards of, upward of, in excess of, above, exceeding,
                 greater than, just over, well over, well above, north of
      at-least   at least, no fewer than, no less than, not fewer than, not less than,
                 a minimum of, at a minimum
      under      fewer than, less than, under, below, well under, well below, south of
      at-most    up to, at most, at the most, no more than, not more than, a maximum
                 of; as many as (or about)
      range      between X and Y; X to Y; X-Y (rising, and not after from, in or since,
                 which make a change: "rose from 5,000 to 7,000"; a percentage only up
                 to a percentage: "grew 3.1% to 165.5 billion" is no range)
    after the number:
      about      or so, give or take, or thereabouts, more or less
      at-least   or more, and more, or above, and above, or over, plus, -plus, +
      at-most    or fewer, or less, or below, at most, at the most

The finding is an error, since the interval is wrong, but it can be accepted with a reason
where the record is right (a later passage of the document gives the exact count).
`figcheck add` without `--approx` takes the hedge from these words and says which it read.

Passes (the text says "More than 8,700 people have left"):

    quantities:
      left: {kind: cumulative}
    figures:
      - {quantity: left, value: 8700, approx: over, as_of: 2017, quote: "More than 8,700 people"}

Fails (the same quote recorded as exact):

    quantities:
      left: {kind: cumulative}
    figures:
      - {quantity: left, value: 8700, as_of: 2017, quote: "More than 8,700 people"}
"""

from __future__ import annotations

from collections.abc import Iterator

from figcheck import values
from figcheck.rules.base import DocumentRule, Hit, Options
from figcheck.text.anchoring import DocumentText
from figcheck.text.hedges import read_hedge
from figcheck.text.numbers import find_numbers
from figcheck.text.value_match import numbers_saying_value


def find(text: DocumentText, options: Options) -> Iterator[Hit]:
    found = text.anchors
    for figure, kind in text.figures:
        if figure.approx == "range":
            continue
        if found is not None and found.quotes[figure.full_id]:
            numbers, read_in = found.said[figure.full_id], found.text
        else:  # no text, or the quote is not in it (FC104): the quote on its own
            quoted = find_numbers(figure.quote)
            numbers = tuple(numbers_saying_value(figure, kind, figure.quote, quoted, figure.quote))
            read_in = figure.quote
        if not numbers:
            continue  # no number says the value: FC105's finding
        hedges = [read_hedge(read_in, number) for number in numbers]
        if any(h is None or h.allows(figure.approx) for h in hedges):
            continue
        hedge = hedges[0]
        assert hedge is not None
        unit = "percent" if kind == "change" else ""
        recorded = values.as_written(figure.value, figure.approx, unit)
        yield Hit(
            f"{figure.full_id} is recorded as {figure.approx} ({recorded}), but the document "
            f"says “{hedge.phrase}”, which is {_meaning(hedge.approx, hedge.also)}: write "
            f"`approx: {hedge.approx}`",
            (figure,),
            figure.quantity,
        )


def _meaning(approx: str, also: tuple[str, ...]) -> str:
    return " or ".join((approx, *also))


RULE = DocumentRule(
    code="FC106",
    title="hedge differs from quote",
    severity="error",
    doc=__doc__ or "",
    find=find,
    remedy="set `approx` to the hedge the document gives, or, if the record is right, "
    'figcheck accept {id} --why "..."',
)
