"""FC103 duplicate: one id twice (document, figure, quantity, acceptance), or one key twice in
a YAML mapping, which YAML itself would silently keep only the last of."""

from tests.builders import (
    FIGURE_YAML,
    QUANTITIES_YAML,
    load_yaml_ledger,
    problem_places,
    source_yaml,
)


def test_distinct_ids_pass(tmp_path):
    second = FIGURE_YAML.replace("id: departed", "id: killed").replace("2719", "160")
    other = source_yaml(FIGURE_YAML, "document:\n  id: interfax\n  title: Another title\n")
    loaded = load_yaml_ledger(
        tmp_path, source_yaml(FIGURE_YAML + second), extra={"sources/other.yaml": other}
    )
    assert problem_places(loaded) == []
    assert sorted(loaded.figures) == ["interfax/departed", "tass/departed", "tass/killed"]


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


def test_a_part_named_twice(tmp_path):
    quantities = QUANTITIES_YAML.replace("subset_of: [ru-departed]", "parts: [p, p]") + (
        "  p:\n    label: p\n    unit: people\n    kind: stock\n"
    )
    loaded = load_yaml_ledger(tmp_path, source_yaml(), quantities)
    assert problem_places(loaded) == [("FC103", "quantities.yaml", 10)]
    assert "names p more than once" in loaded.problems[0].message
