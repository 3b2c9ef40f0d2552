"""The loader: what a ledger becomes (records with their places, intervals, settings); the
data errors it reports are tested in tests/rules/test_fc101..., fc102... and fc103..."""

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
