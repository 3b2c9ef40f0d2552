"""FC102 unknown reference: a figure's quantity, or a relation, names no quantity of
quantities.yaml; or the relations go round in a circle."""

import pytest

from tests.builders import (
    FIGURE_YAML,
    QUANTITIES_YAML,
    load_yaml_ledger,
    problem_places,
    source_yaml,
)


def test_references_to_defined_quantities_pass(tmp_path):
    quantities = QUANTITIES_YAML + (
        "  ru-departed-change:\n    label: c\n    unit: percent\n    kind: change\n"
        "    of: ru-departed\n"
        "  all-departed:\n    label: a\n    unit: people\n    kind: cumulative\n"
        "    parts: [ru-departed]\n"
    )
    figures = FIGURE_YAML + FIGURE_YAML.replace("id: departed", "id: chechens").replace(
        "quantity: ru-departed", "quantity: chechnya-departed"
    )
    loaded = load_yaml_ledger(tmp_path, source_yaml(figures), quantities)
    assert problem_places(loaded) == []
    assert loaded.quantities["ru-departed-change"].of == "ru-departed"
    assert loaded.quantities["all-departed"].parts == ("ru-departed",)


def test_unknown_quantity_of_a_figure(tmp_path):
    loaded = load_yaml_ledger(
        tmp_path, source_yaml(FIGURE_YAML.replace("ru-departed", "ru-departd"))
    )
    assert problem_places(loaded) == [("FC102", "doc.yaml", 6)]
    assert "did you mean 'ru-departed'" in loaded.problems[0].message


@pytest.mark.parametrize("relation", ["subset_of: [nowhere]", "parts: [nowhere]"])
def test_unknown_relation(tmp_path, relation):
    loaded = load_yaml_ledger(
        tmp_path, source_yaml(), QUANTITIES_YAML.replace("subset_of: [ru-departed]", relation)
    )
    assert ("FC102", "quantities.yaml", 6) in problem_places(loaded)


def test_unknown_level_of_a_change(tmp_path):
    quantities = (
        QUANTITIES_YAML
        + "  c:\n    label: c\n    unit: percent\n    kind: change\n    of: victims\n"
    )
    loaded = load_yaml_ledger(tmp_path, source_yaml(), quantities)
    assert problem_places(loaded) == [("FC102", "quantities.yaml", 11)]


def test_relation_cycle(tmp_path):
    quantities = QUANTITIES_YAML.replace(
        "    kind: cumulative\n  chechnya",
        "    kind: cumulative\n    subset_of: [chechnya-departed]\n  chechnya",
    )
    loaded = load_yaml_ledger(tmp_path, source_yaml(), quantities)
    assert [p.rule for p in loaded.problems] == ["FC102"]
    assert "circle" in loaded.problems[0].message
    assert (
        "ru-departed" in loaded.problems[0].message
        and "chechnya-departed" in loaded.problems[0].message
    )


def test_a_relation_to_a_broken_quantity_is_not_reported_again(tmp_path):
    # ru-departed has its own FC101; chechnya-departed, its subset, must not add an FC102.
    broken = QUANTITIES_YAML.replace("kind: cumulative\n  chechnya", "kind: loose\n  chechnya")
    loaded = load_yaml_ledger(tmp_path, source_yaml(), broken)
    assert [p.rule for p in loaded.problems] == ["FC101"]
