"""Building ledgers for tests: the records, the files of a ledger on disk, and the rules run
on it. Every test that needs a ledger builds it with one of these:

- `write_documents_ledger`: quantities and several documents of figure records (`figure`,
  `quantity`), each document's text made of its figures' quotes: the consistency rules;
- `write_text_ledger`: one document whose text the test gives, its figures' fields defaulted:
  the text rules, `extract`, `report`;
- `load_yaml_ledger`: quantities.yaml and one source file written as YAML text, loaded: the
  reader's problems at their exact lines (`QUANTITIES_YAML`, `FIGURE_YAML`, `source_yaml`);
- `write_files`: any files given as text, dedented, when the test is about how they are written;
- `copy_curation_ledger`: the small ledger of tests/fixtures/curation, for the commands that
  change a ledger (`add`, `accept`).
"""

from __future__ import annotations

import shutil
import textwrap
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import yaml

from figcheck.engine import CheckResult, run_rules
from figcheck.ledger import Ledger, load_ledger
from figcheck.model import Finding

# Records ------------------------------------------------------------------------------------


def figure(
    fid: str,
    quantity: str,
    value: Any,
    as_of: str,
    *,
    approx: str | None = None,
    said_by: str = "A Speaker",
    quote: str | None = None,
) -> dict[str, Any]:
    """A figure record, its quote made up from its value unless given."""
    record: dict[str, Any] = {"id": fid, "quantity": quantity, "value": value, "as_of": as_of}
    if approx:
        record["approx"] = approx
    record["said_by"] = said_by
    record["quote"] = quote or f"the figure {value}"
    return record


def quantity(kind: str = "stock", unit: str = "people", **relations: Any) -> dict[str, Any]:
    """A quantity definition of `kind`, with relations (`parts`, `subset_of`, `of`) as given."""
    return {"label": f"a {kind}", "unit": unit, "kind": kind, **relations}


# Ledgers on disk ----------------------------------------------------------------------------


def write_documents_ledger(
    root: Path,
    quantities: Mapping[str, Mapping[str, Any]],
    documents: Mapping[str, Iterable[Mapping[str, Any]]],
    *,
    accepted: Iterable[Mapping[str, Any]] | None = None,
    config: Mapping[str, Any] | None = None,
) -> Path:
    """A ledger directory holding `quantities` and one source file per document id, each
    document with a text made of its figures' quotes (so that anchoring finds them)."""
    (root / "sources").mkdir(parents=True, exist_ok=True)
    (root / "documents").mkdir(exist_ok=True)
    (root / "quantities.yaml").write_text(
        yaml.safe_dump({"quantities": {k: dict(v) for k, v in quantities.items()}}, sort_keys=False)
    )
    for doc_id, records in documents.items():
        figures = list(records)
        text = "".join(f"{f['quote']}.\n" for f in figures if "quote" in f)
        (root / "documents" / f"{doc_id}.txt").write_text(text, encoding="utf-8")
        source = {
            "document": {
                "id": doc_id,
                "title": f"Title of {doc_id}",
                "text": f"../documents/{doc_id}.txt",
            },
            "figures": figures,
        }
        (root / "sources" / f"{doc_id}.yaml").write_text(
            yaml.safe_dump(source, sort_keys=False, allow_unicode=True)
        )
    if accepted is not None:
        (root / "accepted.yaml").write_text(yaml.safe_dump({"accepted": list(accepted)}))
    if config is not None:
        (root / "figcheck.yaml").write_text(yaml.safe_dump(dict(config)))
    return root


TEXT_QUANTITIES = {
    "people": {"label": "People who left", "unit": "people", "kind": "cumulative"},
    "victims": {"label": "Victims in a year", "unit": "people", "kind": "flow"},
    "victims-change": {
        "label": "Change in victims",
        "unit": "percent",
        "kind": "change",
        "of": "victims",
    },
}
TEXT_FIGURE_DEFAULTS = {"quantity": "people", "as_of": "2015-11-19", "said_by": "A Minister"}
TEXT_CHANGE_DEFAULTS = {"quantity": "victims-change", "as_of": "2013/2014", "said_by": "ICG"}


def write_text_ledger(
    root: Path,
    text: str | None,
    figures: Sequence[dict[str, Any]] = (),
    ignore: Sequence[dict[str, Any]] = (),
    doc_id: str = "doc",
) -> Path:
    """A ledger with one document `doc_id` whose text (if any) is `text`; each figure gets
    defaults for the fields the test does not care about (a negative value: a change)."""
    (root / "sources").mkdir(parents=True, exist_ok=True)
    (root / "documents").mkdir(exist_ok=True)
    (root / "quantities.yaml").write_text(yaml.safe_dump({"quantities": TEXT_QUANTITIES}))
    document: dict[str, Any] = {"id": doc_id, "title": "A report"}
    if text is not None:
        (root / "documents" / f"{doc_id}.txt").write_text(text, encoding="utf-8")
        document["text"] = f"../documents/{doc_id}.txt"
    records = []
    for i, record in enumerate(figures):
        value = record["value"]
        negative = isinstance(value, (int, float)) and value < 0
        defaults = TEXT_CHANGE_DEFAULTS if negative else TEXT_FIGURE_DEFAULTS
        records.append({"id": f"f{i}", **defaults, **record})
    source: dict[str, Any] = {"document": document, "figures": records}
    if ignore:
        source["ignore"] = list(ignore)
    (root / "sources" / f"{doc_id}.yaml").write_text(
        yaml.safe_dump(source, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )
    return root


QUANTITIES_YAML = """\
quantities:
  ru-departed:
    label: Citizens of Russia who went to Syria
    unit: people
    kind: cumulative
  chechnya-departed:
    label: People from Chechnya who went to Syria
    unit: people
    kind: cumulative
    subset_of: [ru-departed]
"""

FIGURE_YAML = """\
  - id: departed
    quantity: ru-departed
    value: 2719
    as_of: 2015-11-19
    said_by: Oleg Syromolotov
    quote: From Russia went to Syria 2719 Russian citizens
"""


def source_yaml(figures=FIGURE_YAML, document="document:\n  id: tass\n  title: A title\n"):
    """A source file's text: its document, then `figures:` and the figures' YAML."""
    return document + "figures:\n" + figures


def load_yaml_ledger(root, source=None, quantities=QUANTITIES_YAML, extra=None) -> Ledger:
    """Write quantities.yaml, sources/doc.yaml (if given) and the `extra` files ({relative path:
    text or bytes}) exactly as given, so that lines are known, and load the ledger."""
    (root / "sources").mkdir(exist_ok=True)
    (root / "quantities.yaml").write_text(quantities)
    if source is not None:
        (root / "sources" / "doc.yaml").write_text(textwrap.dedent(source))
    for name, text in (extra or {}).items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text) if isinstance(text, bytes) else path.write_text(text)
    return load_ledger(root)


def problem_places(loaded: Ledger) -> list[tuple[str, str, int]]:
    """Each problem of a loaded ledger as (rule, file name, line)."""
    return [
        (p.rule, p.locations[0].file.rsplit("/", 1)[-1], p.locations[0].line)
        for p in loaded.problems
    ]


def write_files(root: Path, files: Mapping[str, str]) -> Path:
    """Write files given as {relative path: text} under a directory (text is dedented), and
    return the directory: small ledgers stay readable inside the tests that use them."""
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return root


CURATION = Path(__file__).parent / "fixtures" / "curation"

# A later report against interfax's "about 2,200" in the curation ledger: one FC201 conflict.
CURATION_CONFLICT = """\
document: {id: later, title: A later report}
figures:
  - id: fighting
    quantity: ru-fighting
    value: 4100
    as_of: 2015-12
    said_by: FSB of Russia
    quote: 4100 citizens of Russia are fighting
"""


def copy_curation_ledger(destination: Path, *, conflict: bool = False) -> Path:
    """A copy of the curation ledger at `destination`; with `conflict`, and the source file
    later.yaml, which conflicts with it (4,100 against about 2,200 in 2015)."""
    root = Path(shutil.copytree(CURATION, destination))
    if conflict:
        (root / "sources" / "later.yaml").write_text(CURATION_CONFLICT)
    return root


# Running the rules --------------------------------------------------------------------------


def result_of(root: Path) -> CheckResult:
    """The result of checking the ledger at `root`."""
    return run_rules(load_ledger(root))


def findings_of(root: Path, rule: str) -> list[Finding]:
    """The findings of one rule, once the ledger has been checked without data errors."""
    result = result_of(root)
    assert result.rules_ran, [f.message for f in result.findings if f.is_data_error]
    return [f for f in result.findings if f.rule == rule]


def acceptance(result: CheckResult, finding_id: str, why: str) -> dict[str, Any]:
    """An accepted.yaml entry for a current finding of `result`, recording its figures as
    they are now, as `figcheck accept` does."""
    (finding,) = {f for f in result.findings if f.id == finding_id}
    reviewed = {}
    for full_id in finding.figures:
        fig = result.ledger.figures[full_id]
        value = list(fig.value) if isinstance(fig.value, tuple) else fig.value
        reviewed[full_id] = {"value": value, "approx": fig.approx, "as_of": fig.as_of.text}
    return {"finding": finding_id, "why": why, "reviewed": reviewed}


def pairs(found: Iterable[Finding]) -> set[frozenset[str]]:
    """The figures of each finding, as sets of local ids: what tests compare, not wording."""
    return {frozenset(fid.split("/", 1)[1] for fid in f.figures) for f in found}


def scanned_and_searched(text: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """The spans of the numbers in `text` as the token scan finds them (trying the number
    pattern only where a number can start), and as searching with the pattern at every
    position finds them: the scan is right when the two are equal."""
    from figcheck.text.numbers import _NUMBER, _next_number

    found: list[list[tuple[int, int]]] = []
    for step in (_next_number, _NUMBER.search):
        pos, spans = 0, []
        while (match := step(text, pos)) is not None:
            spans.append(match.span())
            pos = max(match.end(), pos + 1)
        found.append(spans)
    return found[0], found[1]
