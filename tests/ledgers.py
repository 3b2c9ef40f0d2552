"""Building small ledgers for tests: write the files, load them, run the rules."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import yaml

from figcheck.engine import CheckResult, run_rules
from figcheck.ledger import load_ledger
from figcheck.model import Finding


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
    record: dict[str, Any] = {"id": fid, "quantity": quantity, "value": value, "as_of": as_of}
    if approx:
        record["approx"] = approx
    record["said_by"] = said_by
    record["quote"] = quote or f"the figure {value}"
    return record


def write_ledger(
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


def quantity(kind: str = "stock", unit: str = "people", **relations: Any) -> dict[str, Any]:
    return {"label": f"a {kind}", "unit": unit, "kind": kind, **relations}


def run(root: Path) -> CheckResult:
    return run_rules(load_ledger(root))


def findings_of(root: Path, rule: str) -> list[Finding]:
    result = run(root)
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
