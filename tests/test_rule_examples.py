"""Every rule's documentation shows what passes and what fails, as small ledgers; this test
runs them, so that the documentation says what the rule does.

A rule's docstring has paragraphs that start with "Passes" and "Fails" and end with a
colon, each followed by one indented example: a YAML mapping that is a small ledger.

    quantities:   {id: {fields}}; label defaults to the id, unit to people, kind to stock
    figures:      a list; id defaults to a, b, c..., said_by to "A Speaker", quote to
                  words holding the value, document to "doc"
    text:         the text of "doc" (default: its figures' quotes, one a line; null: none)
    texts:        {document: text} for several documents
    ignore:       the ignore: entries of "doc"
    accepted:     the entries of accepted.yaml
    config:       figcheck.yaml

A "Passes" example gives no finding of the rule; a "Fails" example gives at least one.
"""

from __future__ import annotations

import string
import textwrap
from pathlib import Path
from typing import Any

import pytest
import yaml

from figcheck import check, load_ledger
from figcheck.rules import RULES


def examples(doc: str) -> list[tuple[str, str, dict[str, Any]]]:
    """(Passes or Fails, the heading, the example) for each example of a docstring."""
    found = []
    lines = doc.splitlines()
    for i, line in enumerate(lines):
        if line.startswith(("Passes", "Fails")) and line.rstrip().endswith(":"):
            block = []
            for following in lines[i + 1 :]:
                if following.strip() and not following.startswith("    "):
                    break
                block.append(following)
            example = yaml.safe_load(textwrap.dedent("\n".join(block)))
            found.append((line.split()[0].rstrip(":"), line, example))
    return found


def default_quote(value: Any) -> str:
    if isinstance(value, list):
        return f"between {value[0]} and {value[1]}"
    if isinstance(value, (int, float)) and value < 0:
        return f"it fell by {-value}%"
    return f"the figure is {value}"


def write_example(root: Path, example: dict[str, Any]) -> Path:
    (root / "sources").mkdir(parents=True)
    (root / "documents").mkdir()
    quantities = {
        qid: {"label": qid, "unit": "people", "kind": "stock", **(fields or {})}
        for qid, fields in (example.get("quantities") or {}).items()
    }
    (root / "quantities.yaml").write_text(yaml.safe_dump({"quantities": quantities}))
    by_document: dict[str, list[dict[str, Any]]] = {"doc": []}
    for letter, given in zip(string.ascii_lowercase, example.get("figures") or [], strict=False):
        figure = {"id": letter, "said_by": "A Speaker", **given}
        figure.setdefault("quote", default_quote(figure.get("value")))
        by_document.setdefault(figure.pop("document", "doc"), []).append(figure)
    texts = dict(example.get("texts") or {})
    if "text" in example:
        texts["doc"] = example["text"]
    for document, figures in by_document.items():
        if not figures and document not in texts and "ignore" not in example:
            continue
        source: dict[str, Any] = {"document": {"id": document, "title": f"The {document}"}}
        text = texts.get(document, "".join(f"{f['quote']}.\n" for f in figures))
        if text is not None:
            (root / "documents" / f"{document}.txt").write_text(text, encoding="utf-8")
            source["document"]["text"] = f"../documents/{document}.txt"
        source["figures"] = figures
        if document == "doc" and "ignore" in example:
            source["ignore"] = example["ignore"]
        (root / "sources" / f"{document}.yaml").write_text(
            yaml.safe_dump(source, allow_unicode=True, sort_keys=False), encoding="utf-8"
        )
    if "accepted" in example:
        (root / "accepted.yaml").write_text(yaml.safe_dump({"accepted": example["accepted"]}))
    if "config" in example:
        (root / "figcheck.yaml").write_text(yaml.safe_dump(example["config"]))
    return root


CASES = [
    pytest.param(code, verdict, example, id=f"{code}-{verdict}-{n}")
    for code, rule in RULES.items()
    for n, (verdict, _, example) in enumerate(examples(rule.doc))
]


@pytest.mark.parametrize("code", RULES)
def test_every_rule_documents_what_passes_and_what_fails(code: str) -> None:
    verdicts = {verdict for verdict, _, _ in examples(RULES[code].doc)}
    assert verdicts == {"Passes", "Fails"}, code


@pytest.mark.parametrize(("code", "verdict", "example"), CASES)
def test_each_documented_example_does_what_it_says(
    tmp_path: Path, code: str, verdict: str, example: dict[str, Any]
) -> None:
    result = check(load_ledger(write_example(tmp_path / "ledger", example)))
    reported = [f.message for f in result.findings if f.rule == code]
    if verdict == "Passes":
        assert reported == []
    else:
        assert reported, [f"{f.rule} {f.message}" for f in result.findings]


def test_the_runner_can_tell_a_pass_from_a_fail(tmp_path: Path) -> None:
    doc = (
        "Passes:\n\n"
        "    quantities: {q: {}}\n"
        "    figures:\n"
        "      - {quantity: q, value: 1, as_of: 2015}\n\n"
        "Fails (two values at once):\n\n"
        "    quantities: {q: {}}\n"
        "    figures:\n"
        "      - {quantity: q, value: 1, as_of: 2015}\n"
        "      - {quantity: q, value: 2, as_of: 2015}\n"
    )
    (passes, _, first), (fails, _, second) = examples(doc)
    assert (passes, fails) == ("Passes", "Fails")
    for name, example, count in (("one", first, 0), ("two", second, 1)):
        result = check(load_ledger(write_example(tmp_path / name, example)))
        assert len([f for f in result.findings if f.rule == "FC201"]) == count
