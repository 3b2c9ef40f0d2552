"""The loader: every data error is a finding with its rule, file and line."""

import pytest

from figcheck.ledger import LedgerNotFound, load_ledger
from tests.builders import (
    FIGURE_YAML,
    QUANTITIES_YAML,
    load_yaml_ledger,
    problem_places,
    source_yaml,
)


def test_a_good_ledger_loads_without_problems(tmp_path):
    loaded = load_yaml_ledger(tmp_path, source_yaml())
    assert not loaded.problems
    figure = loaded.figures["tass/departed"]
    assert figure.as_of.text == "2015-11-19"  # YAML's date kept as written
    assert figure.location.line == 5
    assert figure.location.file.endswith("sources/doc.yaml")
    assert loaded.quantities["chechnya-departed"].subset_of == ("ru-departed",)


def test_missing_directory_raises(tmp_path):
    with pytest.raises(LedgerNotFound):
        load_ledger(tmp_path / "nowhere")


def test_duplicate_key_in_a_mapping(tmp_path):
    loaded = load_yaml_ledger(
        tmp_path,
        source_yaml(FIGURE_YAML.replace("    value: 2719\n", "    value: 2719\n    value: 2791\n")),
    )
    assert problem_places(loaded) == [("FC103", "doc.yaml", 8)]
    assert "first at line 7" in loaded.problems[0].message


def test_duplicate_key_in_quantities(tmp_path):
    loaded = load_yaml_ledger(
        tmp_path,
        source_yaml(),
        QUANTITIES_YAML + "  ru-departed:\n    label: x\n    unit: people\n    kind: stock\n",
    )
    assert ("FC103", "quantities.yaml", 11) in problem_places(loaded)


def test_yaml_merge_keys_are_not_duplicates(tmp_path):
    figures = FIGURE_YAML.replace("  - id: departed\n", "  - &base\n    id: departed\n") + (
        "  - <<: *base\n    id: again\n    value: 2720\n"
    )
    loaded = load_yaml_ledger(tmp_path, source_yaml(figures))
    assert not loaded.problems
    assert loaded.figures["tass/again"].value == 2720


def test_duplicate_figure_id(tmp_path):
    loaded = load_yaml_ledger(tmp_path, source_yaml(FIGURE_YAML + FIGURE_YAML))
    assert problem_places(loaded) == [("FC103", "doc.yaml", 11)]
    assert loaded.problems[0].figures == () and "line 5" in loaded.problems[0].message


def test_duplicate_document_id(tmp_path):
    loaded = load_yaml_ledger(tmp_path, source_yaml(), extra={"sources/other.yaml": source_yaml()})
    assert problem_places(loaded) == [("FC103", "other.yaml", 2)]
    assert "doc.yaml:2" in loaded.problems[0].message


def test_accepted_entries(tmp_path):
    accepted = (
        "accepted:\n"
        "  - finding: FC201:0123456789\n    why: a reason\n"
        "  - finding: FC201:0123456789\n    why: again\n"
        "  - finding: FC201\n    why: not an id\n"
        "  - finding: FC301:abcdefabcd\n"
    )
    loaded = load_yaml_ledger(tmp_path, source_yaml(), extra={"accepted.yaml": accepted})
    assert problem_places(loaded) == [("FC103", "accepted.yaml", 4), ("FC101", "accepted.yaml", 6)]
    assert [(a.finding, a.why) for a in loaded.acceptances] == [
        ("FC201:0123456789", "a reason"),
        ("FC301:abcdefabcd", None),
    ]


def test_config_changes_tolerances(tmp_path):
    loaded = load_yaml_ledger(
        tmp_path,
        source_yaml(
            FIGURE_YAML.replace("    value: 2719\n", "    value: 2000\n    approx: about\n")
        ),
        extra={"figcheck.yaml": "values:\n  about: 0.25\n"},
    )
    interval = loaded.figures["tass/departed"].interval
    assert (interval.low, interval.high) == (1500, 2500)


def test_config_widens_qualified_dates(tmp_path):
    loaded = load_yaml_ledger(
        tmp_path,
        source_yaml(FIGURE_YAML.replace("as_of: 2015-11-19", "as_of: 2015-11-19~")),
        extra={"figcheck.yaml": "dates:\n  qualified_margin_days: 10\n"},
    )
    span = loaded.figures["tass/departed"].as_of
    assert span.end - span.start == 20


def test_under_applies_to_the_magnitude_of_a_decrease(tmp_path):
    quantities = (
        QUANTITIES_YAML + "  ru-change:\n    label: c\n    unit: percent\n    kind: change\n"
    )
    change = FIGURE_YAML.replace("ru-departed", "ru-change").replace(
        "as_of: 2015-11-19", "as_of: 2013/2014"
    )
    under = change.replace("value: 2719", "value: -12\n    approx: under")
    loaded = load_yaml_ledger(tmp_path, source_yaml(under), quantities)
    assert not loaded.problems
    interval = loaded.figures["tass/departed"].interval
    assert (interval.low, interval.high, interval.low_open) == (-12, 0, True)
    zero = change.replace("value: 2719", "value: 0\n    approx: under")
    loaded = load_yaml_ledger(tmp_path, source_yaml(zero), quantities)
    assert problem_places(loaded) == [("FC101", "doc.yaml", 7)]


def test_a_part_named_twice(tmp_path):
    quantities = QUANTITIES_YAML.replace("subset_of: [ru-departed]", "parts: [p, p]") + (
        "  p:\n    label: p\n    unit: people\n    kind: stock\n"
    )
    loaded = load_yaml_ledger(tmp_path, source_yaml(), quantities)
    assert problem_places(loaded) == [("FC103", "quantities.yaml", 10)]
    assert "names p more than once" in loaded.problems[0].message
