"""What an acceptance was reviewed for, and what has changed since.

An accepted finding is a person's judgment about particular numbers. `figcheck accept`
records each figure of the finding as it stood (its value as written, approx and as_of: a
`ReviewedFigure`), and the acceptance holds only while every figure of the finding still
says the same. The engine asks `holds` to decide what counts as accepted; the acceptance
rule asks `changes` to say, figure by figure, what changed; `figcheck accept` takes a
`snapshot` of each figure it accepts a finding about.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from figcheck.model import Acceptance, Figure, Finding, Number, Quantity, ReviewedFigure
from figcheck.values import as_written, exact


def snapshot(figure: Figure) -> ReviewedFigure:
    """`figure` as it stands now, to be recorded as reviewed (its location is the figure's
    own until the snapshot is written to accepted.yaml)."""
    return ReviewedFigure(
        figure.full_id, figure.value, figure.approx, figure.as_of.text, figure.location
    )


@dataclass(frozen=True, slots=True)
class Change:
    """One figure of an accepted finding that no longer says what was reviewed: `was` is
    None for a figure the entry does not record, `now` None for one it records that is not
    a figure of the finding."""

    figure: str
    was: ReviewedFigure | None
    now: Figure | None

    def describe(self, quantities: Mapping[str, Quantity]) -> str:
        """'doc/fig: accepted at 2,900, now 4,100', 'doc/fig: accepted as of 2015, now
        2016', or what is missing."""
        if self.was is None:
            return f"{self.figure}: not among the figures reviewed"
        if self.now is None:
            return f"{self.figure}: reviewed, but not a figure of this finding"
        quantity = quantities.get(self.now.quantity)
        unit = quantity.unit if quantity is not None else ""
        was, now = [], []
        if not _same_value(self.was.value, self.now.value) or self.was.approx != self.now.approx:
            was.append(f"at {as_written(self.was.value, self.was.approx, unit)}")
            now.append(as_written(self.now.value, self.now.approx, unit))
        if self.was.as_of != self.now.as_of.text:
            was.append(f"as of {self.was.as_of}")
            now.append(f"as of {self.now.as_of.text}")
        return f"{self.figure}: accepted {' '.join(was)}, now {' '.join(now)}"


def changes(
    reviewed: Iterable[ReviewedFigure], finding: Finding, figures: Mapping[str, Figure]
) -> tuple[Change, ...]:
    """What differs between the figures reviewed and the finding's figures as they are now
    (`figures`: the ledger's, by full id), in the finding's order of figures."""
    was = {r.figure: r for r in reviewed}
    found: list[Change] = []
    for full_id in finding.figures:
        before, now = was.pop(full_id, None), figures.get(full_id)
        if before is None or now is None or not _same(before, now):
            found.append(Change(full_id, before, now))
    found += [Change(full_id, before, None) for full_id, before in was.items()]
    return tuple(found)


def holds(acceptance: Acceptance, finding: Finding, figures: Mapping[str, Figure]) -> bool:
    """Whether `acceptance` still applies to `finding`: it records no figures (an entry
    written before figcheck recorded them), or every figure still says what was reviewed."""
    return acceptance.reviewed is None or not changes(acceptance.reviewed, finding, figures)


def _same(reviewed: ReviewedFigure, figure: Figure) -> bool:
    return (
        _same_value(reviewed.value, figure.value)
        and reviewed.approx == figure.approx
        and reviewed.as_of == figure.as_of.text
    )


def _same_value(a: Number | tuple[Number, Number], b: Number | tuple[Number, Number]) -> bool:
    """The same number as written: 2.50 and 2.5 are one value, 2.9 and 2.90000001 two."""
    if isinstance(a, tuple) or isinstance(b, tuple):
        return (
            isinstance(a, tuple)
            and isinstance(b, tuple)
            and all(exact(x) == exact(y) for x, y in zip(a, b, strict=True))
        )
    return exact(a) == exact(b)
