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


@pytest.mark.parametrize(
    ("field_line", "replacement", "line", "words"),
    [
        (
            "    quote: From Russia went to Syria 2719 Russian citizens\n",
            "",
            5,
            "`quote` is missing",
        ),
        ("    value: 2719\n", '    value: "2,719"\n', 7, "write it as a plain number, 2719"),
        ("    value: 2719\n", "    value: two thousand\n", 7, "must be a number"),
        ("    value: 2719\n", "    value: true\n", 7, "must be a number"),
        ("    value: 2719\n", "    value: 2719\n    approx: roughly\n", 8, "not one of exact"),
        ("    as_of: 2015-11-19\n", "    as_of: 19.11.2015\n", 8, "is not one of YYYY"),
        ("    as_of: 2015-11-19\n", "    as_of: 2015-02-30\n", 8, "has 28 days"),
        ("    as_of: 2015-11-19\n", "    as_of: 2016/2015\n", 8, "ends before it starts"),
        ("    value: 2719\n", "    value: [1, 2]\n", 7, "needs `approx: range`"),
        ("    value: 2719\n", "    value: 2719\n    approx: range\n", 7, "two numbers"),
        ("    value: 2719\n", "    value: [3, 2]\n    approx: range\n", 7, "low end last"),
        ("    value: 2719\n", "    value: -5\n", 7, "cannot be negative"),
        (
            "    said_by: Oleg Syromolotov\n",
            "    said_by: Oleg Syromolotov\n    qoute: x\n",
            10,
            "did you mean 'quote'",
        ),
        ("    said_by: Oleg Syromolotov\n", "    said_by: [a, b]\n", 9, "must be text"),
    ],
)
def test_invalid_figure_fields(tmp_path, field_line, replacement, line, words):
    loaded = load_yaml_ledger(tmp_path, source_yaml(FIGURE_YAML.replace(field_line, replacement)))
    assert problem_places(loaded) == [("FC101", "doc.yaml", line)]
    assert words in loaded.problems[0].message
    assert not loaded.figures


def test_every_problem_of_a_figure_is_reported(tmp_path):
    broken = "  - id: x\n    quantity: ru-departed\n    value: '1'\n    as_of: 2015-13\n"
    loaded = load_yaml_ledger(tmp_path, source_yaml(broken))
    # said_by and quote missing (reported at the figure), value is text, month 13.
    assert sorted(problem_places(loaded)) == [
        ("FC101", "doc.yaml", 5),
        ("FC101", "doc.yaml", 5),
        ("FC101", "doc.yaml", 7),
        ("FC101", "doc.yaml", 8),
    ]


def test_a_change_needs_two_periods(tmp_path):
    quantities = (
        QUANTITIES_YAML + "  ru-change:\n    label: c\n    unit: percent\n    kind: change\n"
    )
    figure = FIGURE_YAML.replace("ru-departed", "ru-change").replace("2719", "-46")
    loaded = load_yaml_ledger(tmp_path, source_yaml(figure), quantities)
    assert problem_places(loaded) == [("FC101", "doc.yaml", 8)]
    assert "like 2013/2014" in loaded.problems[0].message


def test_invalid_yaml_names_its_line(tmp_path):
    loaded = load_yaml_ledger(tmp_path, source_yaml(FIGURE_YAML + "  - id: [unclosed\n"))
    assert problem_places(loaded) == [("FC101", "doc.yaml", 12)]
    assert "invalid YAML" in loaded.problems[0].message


def test_not_utf8(tmp_path):
    loaded = load_yaml_ledger(
        tmp_path, extra={"sources/doc.yaml": b"document:\n  id: x\n  title: \xff\n"}
    )
    assert problem_places(loaded) == [("FC101", "doc.yaml", 3)]


@pytest.mark.parametrize("text", ["", "# only a comment\n", "- a list\n", "just text\n"])
def test_source_files_that_are_not_mappings(tmp_path, text):
    loaded = load_yaml_ledger(tmp_path, extra={"sources/doc.yaml": text})
    assert [p[0] for p in problem_places(loaded)] == ["FC101"]


def test_missing_document_fields(tmp_path):
    loaded = load_yaml_ledger(
        tmp_path, source_yaml(document="document:\n  title: t\n  published: 2015-14\n")
    )
    assert sorted(problem_places(loaded)) == [("FC101", "doc.yaml", 2), ("FC101", "doc.yaml", 3)]


def test_text_must_exist_and_stay_inside_the_ledger(tmp_path):
    outside = "document:\n  id: a\n  title: t\n  text: ../../secret.txt\n"
    loaded = load_yaml_ledger(tmp_path, source_yaml(document=outside))
    assert problem_places(loaded) == [("FC101", "doc.yaml", 4)]
    assert "outside the ledger" in loaded.problems[0].message
    missing = "document:\n  id: a\n  title: t\n  text: ../documents/none.txt\n"
    loaded = load_yaml_ledger(tmp_path, source_yaml(document=missing))
    assert "not found" in loaded.problems[0].message


def test_missing_quantities_file(tmp_path):
    (tmp_path / "sources").mkdir()
    loaded = load_ledger(tmp_path)
    assert problem_places(loaded) == [("FC101", "quantities.yaml", 0)]


@pytest.mark.parametrize(
    ("edit", "line", "words"),
    [
        (
            ("kind: cumulative\n  chechnya", "kind: cumulativ\n  chechnya"),
            5,
            "did you mean 'cumulative'",
        ),
        (
            ("unit: people\n    kind: cumulative\n  chechnya", "kind: cumulative\n  chechnya"),
            2,
            "`unit` is missing",
        ),
        (("ru-departed:\n", "Ru_Departed:\n"), 2, "lowercase"),
        (("subset_of: [ru-departed]", "subset_of: ru-departed"), 10, "must be a list"),
        (
            ("subset_of: [ru-departed]", "subset_of: [ru-departed]\n    of: ru-departed"),
            11,
            "not a change",
        ),
        (
            ("subset_of: [ru-departed]", "subset_of: [ru-departed]\n    exhaustive: true"),
            11,
            "needs `parts`",
        ),
    ],
)
def test_invalid_quantities(tmp_path, edit, line, words):
    loaded = load_yaml_ledger(tmp_path, source_yaml(), QUANTITIES_YAML.replace(*edit))
    found = [p for p in loaded.problems if p.rule == "FC101"]
    assert [(p.locations[0].line) for p in found] == [line]
    assert words in found[0].message


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


def test_parts_of_another_unit(tmp_path):
    quantities = QUANTITIES_YAML.replace("subset_of: [ru-departed]", "parts: [p]") + (
        "  p:\n    label: p\n    unit: percent\n    kind: stock\n"
    )
    loaded = load_yaml_ledger(tmp_path, source_yaml(), quantities)
    assert problem_places(loaded) == [("FC101", "quantities.yaml", 6)]
    assert "units differ" in loaded.problems[0].message


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


def test_config_problems(tmp_path):
    config = (
        "values:\n  about: 1.5\n"
        "rules:\n  FC301:\n    threshold: 2\n    windw_days: 3\n  FC999: {severity: error}\n"
        "  FC201: {severity: loud}\n  FC101: {severity: warning}\n"
        "colour: blue\n"
    )
    loaded = load_yaml_ledger(tmp_path, source_yaml(), extra={"figcheck.yaml": config})
    assert sorted(p[2] for p in problem_places(loaded)) == [2, 5, 6, 7, 8, 9, 10]
    assert all(p[:2] == ("FC101", "figcheck.yaml") for p in problem_places(loaded))


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


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ("04210", "starts with 0, which YAML reads as an octal number; write 4210"),
        ("0x10", "must be a number"),
        ("70:10", "must be a number"),
        (".inf", "must be a finite number"),
        (".nan", "must be a finite number"),
        ("1" + "0" * 5000, "has 5,001 digits"),
    ],
)
def test_values_yaml_would_misread(tmp_path, value, words):
    loaded = load_yaml_ledger(
        tmp_path, source_yaml(FIGURE_YAML.replace("value: 2719", f"value: {value}"))
    )
    assert problem_places(loaded) == [("FC101", "doc.yaml", 7)]
    assert words in loaded.problems[0].message
    assert len(loaded.problems[0].message) < 300


def test_plain_decimal_forms_are_numbers(tmp_path):
    for value, expected in (("1_000", 1000), ("+12", 12), (".5", 0.5), ("2.9", 2.9)):
        loaded = load_yaml_ledger(
            tmp_path, source_yaml(FIGURE_YAML.replace("value: 2719", f"value: {value}"))
        )
        assert loaded.figures["tass/departed"].value == expected


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


@pytest.mark.parametrize("text", ["../documents/a\\0b.txt", "../documents/" + "x" * 5000, "loop"])
def test_text_paths_the_system_cannot_use(tmp_path, text):
    (tmp_path / "documents").mkdir()
    (tmp_path / "documents" / "loop").symlink_to(tmp_path / "documents" / "loop")
    text = "../documents/loop" if text == "loop" else text
    document = f'document:\n  id: a\n  title: t\n  text: "{text}"\n'
    loaded = load_yaml_ledger(tmp_path, source_yaml(document=document))
    assert problem_places(loaded) == [("FC101", "doc.yaml", 4)]


def test_a_part_named_twice(tmp_path):
    quantities = QUANTITIES_YAML.replace("subset_of: [ru-departed]", "parts: [p, p]") + (
        "  p:\n    label: p\n    unit: people\n    kind: stock\n"
    )
    loaded = load_yaml_ledger(tmp_path, source_yaml(), quantities)
    assert problem_places(loaded) == [("FC103", "quantities.yaml", 10)]
    assert "names p more than once" in loaded.problems[0].message


def test_a_relation_to_a_broken_quantity_is_not_reported_again(tmp_path):
    # ru-departed has its own FC101; chechnya-departed, its subset, must not add an FC102.
    broken = QUANTITIES_YAML.replace("kind: cumulative\n  chechnya", "kind: loose\n  chechnya")
    loaded = load_yaml_ledger(tmp_path, source_yaml(), broken)
    assert [p.rule for p in loaded.problems] == ["FC101"]


@pytest.mark.parametrize("quantities", [None, "quantities: [\n", "- a list\n"])
def test_an_unreadable_quantities_file_is_one_problem(tmp_path, quantities):
    (tmp_path / "sources").mkdir()
    if quantities is not None:
        (tmp_path / "quantities.yaml").write_text(quantities)
    figures = FIGURE_YAML + FIGURE_YAML.replace("id: departed", "id: other")
    (tmp_path / "sources" / "doc.yaml").write_text(source_yaml(figures))
    loaded = load_ledger(tmp_path)
    assert [p.rule for p in loaded.problems] == ["FC101"]


@pytest.mark.parametrize("nesting", ["[" * 30_000, "- " * 30_000 + "x"])
def test_deep_nesting_is_refused_not_crashed(tmp_path, nesting):
    loaded = load_yaml_ledger(tmp_path, extra={"sources/doc.yaml": nesting})
    assert problem_places(loaded) == [("FC101", "doc.yaml", 1)]
    assert "levels deep" in loaded.problems[0].message


def test_a_pipe_among_the_sources_is_refused_not_read(tmp_path):
    import os

    (tmp_path / "sources").mkdir()
    os.mkfifo(tmp_path / "sources" / "pipe.yaml")
    loaded = load_yaml_ledger(tmp_path, source_yaml())
    assert problem_places(loaded) == [("FC101", "pipe.yaml", 0)]
    assert "not a regular file" in loaded.problems[0].message


@pytest.mark.parametrize(
    ("field_line", "replacement"),
    [
        ("    quantity: ru-departed\n", "    quantity: " + "z" * 20_000 + "\n"),
        ("    as_of: 2015-11-19\n", "    as_of: " + "z" * 20_000 + "\n"),
        ("    value: 2719\n", "    value: 2719\n    approx: " + "z" * 20_000 + "\n"),
        ("    value: 2719\n", "    value: 2719\n    " + "k" * 20_000 + ": 1\n"),
    ],
)
def test_messages_stay_short_whatever_the_values(tmp_path, field_line, replacement):
    loaded = load_yaml_ledger(tmp_path, source_yaml(FIGURE_YAML.replace(field_line, replacement)))
    assert loaded.problems
    assert all(len(p.message) < 400 for p in loaded.problems)


def test_a_decimal_beyond_a_floats_range(tmp_path):
    value = "1" + "0" * 400 + ".5"
    loaded = load_yaml_ledger(
        tmp_path, source_yaml(FIGURE_YAML.replace("value: 2719", f"value: {value}"))
    )
    assert problem_places(loaded) == [("FC101", "doc.yaml", 7)]
    assert "too large for a decimal number" in loaded.problems[0].message
