"""How good `figcheck draft` is: draft a curated ledger's documents again and compare the
drafts, field by field, with what the curator recorded.

    python benchmarks/drafts.py [--data data] [--misses]

Each document in turn is stripped of its figures and its `ignore:` entries (in memory; no
file is changed), the others keep theirs (as when a new report joins a ledger), and its
drafts are compared with the curated records:

- for each recorded figure, at the number that says its value: the share of figures whose
  drafted value is right; approx right; the curated quote contained in the drafted quote
  (or equal, compared as figcheck compares quotes); the drafted as_of overlapping the
  curated date; the drafted said_by naming the curated speaker (at least half of the
  capitalised words of its name before any comma, or `author` for `author`); and the
  quantity right;
- for each ignored number: the share drafted as an ignore entry;
- for each figure that the curator gave a `statement:` shared with others of the document,
  or whose draft shares one with others: whether the drafts group it with exactly the same
  figures; only in a ledger whose curator used `statement:` at all (no goal: few documents
  give a figure twice).

Prints a Markdown table; `--misses` lists every miss, for development.
"""

from __future__ import annotations

import argparse
import math
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path

from figcheck import dates, values
from figcheck.ledger import load_ledger
from figcheck.model import Figure
from figcheck.text import anchoring
from figcheck.text.drafting.drafts import Draft, draft_document
from figcheck.text.folding import fold

GOALS: dict[str, float | None] = {
    "value": 0.98,
    "approx": 0.90,
    "quote": 0.90,
    "as_of": 0.75,
    "said_by": 0.70,
    "quantity": 0.60,
    "ignore": 0.85,
    "statement": None,
}
_TOP_LEVEL_KEY = re.compile(r"^(?!document:)[A-Za-z_]+:", re.MULTILINE)


@dataclass
class Tally:
    right: Counter[str] = field(default_factory=Counter)
    total: Counter[str] = field(default_factory=Counter)
    misses: list[str] = field(default_factory=list)

    def add(self, name: str, ok: bool, miss: str) -> None:
        self.total[name] += 1
        self.right[name] += ok
        if not ok:
            self.misses.append(f"{name}: {miss}")


def stripped(source: Path) -> str:
    """The source file with only its `document:` block."""
    text = source.read_text(encoding="utf-8")
    cut = _TOP_LEVEL_KEY.search(text)
    return text if cut is None else text[: cut.start()]


def measure(root: Path) -> Tally:
    ledger = load_ledger(root)
    if ledger.has_data_errors:
        sys.exit(f"{root} has data errors; run figcheck check --data {root}")
    tally = Tally()
    uses_statements = any(f.statement for f in ledger.figures.values())
    for document in ledger.documents.values():
        if document.text_path is None:
            continue
        curated = anchoring.read_document(document, ledger).anchors
        assert curated is not None
        bare = load_ledger(root, {document.source_file: stripped(document.source_file)})
        drafts = draft_document(bare, document.id).drafts
        at = {n.start: d for d in drafts for n in d.numbers}
        drafted: dict[str, Draft | None] = {}
        for full_id in document.figures:
            figure = ledger.figures[full_id]
            said = curated.said.get(full_id, ())
            if not said:
                continue
            drafted[full_id] = at.get(said[0].start)
            compare_record(tally, figure, drafted[full_id])
        if uses_statements:
            compare_statements(tally, [ledger.figures[f] for f in drafted], drafted)
        for entry in curated.entries:
            if entry.status == "ignored":
                draft = at.get(entry.number.start)
                ok = draft is not None and draft.action == "ignore"
                tally.add("ignore", ok, f"{document.id}: {entry.number.text!r} ({_shown(draft)})")
    return tally


def compare_record(tally: Tally, figure: Figure, draft: Draft | None) -> None:
    record = draft.record if draft is not None else None
    where = f"{figure.full_id}"
    if record is None:
        for name in ("value", "approx", "quote", "as_of", "said_by", "quantity"):
            tally.add(name, False, f"{where}: drafted {_shown(draft)}")
        return
    tally.add(
        "value",
        _same_value(record.value, figure.value),
        f"{where}: {record.value} for {figure.value}",
    )
    tally.add(
        "approx", record.approx == figure.approx, f"{where}: {record.approx} for {figure.approx}"
    )
    tally.add(
        "quote",
        fold(figure.quote) in fold(record.quote),
        f"{where}: {record.quote!r} for {figure.quote!r}",
    )
    drafted_date = dates.parse_date(record.as_of)
    tally.add(
        "as_of",
        drafted_date.overlaps(figure.as_of),
        f"{where}: {record.as_of} for {figure.as_of.text}",
    )
    tally.add(
        "said_by",
        names(record.said_by, figure.said_by),
        f"{where}: {record.said_by!r} for {figure.said_by!r}",
    )
    tally.add(
        "quantity",
        record.quantity == figure.quantity,
        f"{where}: {record.quantity} for {figure.quantity} "
        f"(candidates {[(c.quantity, c.score) for c in draft.candidates]})",  # type: ignore[union-attr]
    )


def compare_statements(
    tally: Tally, figures: list[Figure], drafted: dict[str, Draft | None]
) -> None:
    """For each figure of a statement the curator shares with others, or the drafts do:
    whether the drafts group it with the same figures."""

    def drafted_statement(figure: Figure) -> str | None:
        draft = drafted[figure.full_id]
        return draft.record.statement if draft is not None and draft.record else None

    def group(figure: Figure, statement_of: object) -> set[str]:
        own = statement_of(figure)  # type: ignore[operator]
        if own is None:
            return {figure.full_id}
        return {f.full_id for f in figures if statement_of(f) == own}  # type: ignore[operator]

    for figure in figures:
        curated = group(figure, lambda f: f.statement)
        drafts = group(figure, drafted_statement)
        if len(curated) > 1 or len(drafts) > 1:
            tally.add(
                "statement",
                curated == drafts,
                f"{figure.full_id}: drafted with {sorted(drafts)} for {sorted(curated)}",
            )


def _same_value(drafted: object, curated: object) -> bool:
    if isinstance(curated, tuple) or isinstance(drafted, tuple):
        if not (isinstance(curated, tuple) and isinstance(drafted, tuple)):
            return False
        return all(
            values.exact(a) == Fraction(str(b)) for a, b in zip(curated, drafted, strict=True)
        )
    return values.exact(curated) == Fraction(str(drafted))  # type: ignore[arg-type]


def _shown(draft: Draft | None) -> str:
    if draft is None:
        return "nothing"
    if draft.ignore is not None:
        return f"ignore {draft.ignore.text!r}: {draft.ignore.why}"
    return f"record {draft.record}"


_NAME_WORD = re.compile(r"[\w.’'-]+")


def names(drafted: str, curated: str) -> bool:
    """Whether the drafted said_by names the curated speaker: `author` for `author`, else at
    least half of the capitalised words of the curated name (before any comma)."""
    if curated.strip().lower() == "author":
        return drafted.strip().lower() == "author"
    name = curated.split(",")[0]
    words = _NAME_WORD.findall(name)
    capitalised = [w for w in words if w[:1].isupper()] or words
    drafted_words = {w.lower() for w in _NAME_WORD.findall(drafted)}
    hits = sum(w.lower() in drafted_words for w in capitalised)
    return hits >= max(1, math.ceil(len(capitalised) / 2))


def table(tally: Tally, root: Path) -> str:
    rows = [
        f"Drafts of the {root} ledger's documents against its curated records",
        "",
        "| field | right | of | share | goal |",
        "|---|---:|---:|---:|---:|",
    ]
    for name, goal in GOALS.items():
        total = tally.total[name]
        share = f"{tally.right[name] / total:.0%}" if total else "-"
        aim = f"{goal:.0%}" if goal is not None else "-"
        rows.append(f"| {name} | {tally.right[name]} | {total} | {share} | {aim} |")
    return "\n".join(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", default="data", type=Path, help="a curated ledger")
    parser.add_argument("--misses", action="store_true", help="list every miss")
    options = parser.parse_args()
    tally = measure(options.data)
    print(table(tally, options.data))
    if options.misses:
        print()
        for miss in tally.misses:
            print(miss)


if __name__ == "__main__":
    main()
