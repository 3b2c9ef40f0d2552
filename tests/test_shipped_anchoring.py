"""The shipped ledger anchors itself: every figure's value and quote are checked against its
document, whatever data/ holds. Mutating any one value must make FC105 fire for that figure;
mutating any one quote must make FC104 fire."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
import yaml

from figcheck import check, load_ledger
from figcheck.ledger.yaml_reading import load as load_yaml
from figcheck.model import Figure
from figcheck.text.folding import Folded
from figcheck.text.numbers import find_numbers
from figcheck.values import exact

DATA = Path(__file__).resolve().parents[1] / "data"
SHIPPED = load_ledger(DATA)
FIGURES = list(SHIPPED.figures.values())


def test_shipped_data_has_no_anchoring_errors() -> None:
    findings = check(SHIPPED).findings
    assert [f.message for f in findings if f.rule in ("FC104", "FC105")] == []


def test_shipped_data_has_figures_to_mutate() -> None:
    assert len(FIGURES) >= 9


def plain(data: Any) -> Any:
    """The loader's line-numbered mappings as plain dicts, ready to dump."""
    if isinstance(data, dict):
        return {key: plain(value) for key, value in data.items()}
    if isinstance(data, list):
        return [plain(value) for value in data]
    return data


def rewrite_figure(tmp_path: Path, figure: Figure, field: str, value: Any) -> Path:
    """A copy of data/ in which one field of one figure is changed."""
    root = tmp_path / "data"
    shutil.copytree(DATA, root)
    document = SHIPPED.documents[figure.document]
    source = root / document.source_file.relative_to(DATA)
    content, _ = load_yaml(source)
    content = plain(content)
    (record,) = [r for r in content["figures"] if str(r["id"]) == figure.id]
    record[field] = value
    source.write_text(yaml.safe_dump(content, allow_unicode=True), encoding="utf-8")
    return root


def mutated_value(figure: Figure) -> Any:
    """The figure's value moved (+1 for whole numbers, x2 otherwise, sign kept) until it is
    not a number its quote writes, so that nothing can excuse it."""
    written = {n.value for n in find_numbers(figure.quote) if n.value is not None}

    def step(value: float, k: int) -> float:
        if isinstance(value, int):
            return value + k if value >= 0 else value - k
        return value * (k + 1)

    for k in range(1, 100):
        if isinstance(figure.value, tuple):
            candidate: Any = [step(figure.value[0], k), step(figure.value[1], k)]
            ends = {abs(exact(v)) for v in candidate}
        else:
            candidate = step(figure.value, k)
            ends = {abs(exact(candidate))}
        if not ends & written:
            return candidate
    raise AssertionError(f"no mutation of {figure.value} avoids the numbers of its quote")


@pytest.mark.parametrize("figure", FIGURES, ids=lambda f: f.full_id)
def test_mutated_value_fires_fc105(tmp_path: Path, figure: Figure) -> None:
    root = rewrite_figure(tmp_path, figure, "value", mutated_value(figure))
    findings = check(load_ledger(root)).findings
    assert any(f.rule == "FC105" and f.figures == (figure.full_id,) for f in findings)


def mutated_quote(figure: Figure, text: Folded) -> str:
    """The quote with its first two different neighbouring words swapped, or, where the
    swap still occurs in the text, with a word inserted."""
    words = figure.quote.split()
    for i in range(len(words) - 1):
        if words[i].casefold() != words[i + 1].casefold():
            swapped = [*words[:i], words[i + 1], words[i], *words[i + 2 :]]
            quote = " ".join(swapped)
            if not text.spans(quote):
                return quote
    return " ".join([words[0], "indeed", *words[1:]])


@pytest.mark.parametrize("figure", FIGURES, ids=lambda f: f.full_id)
def test_mutated_quote_fires_fc104(tmp_path: Path, figure: Figure) -> None:
    document = SHIPPED.documents[figure.document]
    if document.text_path is None:
        pytest.skip(f"{document.id} has no text to anchor to")
    text = Folded.of(document.text_path.read_text(encoding="utf-8"))
    quote = mutated_quote(figure, text)
    assert not text.spans(quote)
    root = rewrite_figure(tmp_path, figure, "quote", quote)
    findings = check(load_ledger(root)).findings
    assert any(f.rule == "FC104" and f.figures == (figure.full_id,) for f in findings)


def test_mutation_skips_values_the_quote_writes() -> None:
    figure = replace(FIGURES[0], value=160, quote="160, 161 and 162 of them")
    assert mutated_value(figure) == 163
    figure = replace(FIGURES[0], value=-46, quote="down 46%, then 47%")
    assert mutated_value(figure) == -48
    figure = replace(FIGURES[0], value=2.5, quote="2.5 or 5 of them")
    assert mutated_value(figure) == 7.5
