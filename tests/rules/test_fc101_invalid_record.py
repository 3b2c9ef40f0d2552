"""FC101 invalid record: a field missing, mistyped or unknown, a file that cannot be read; each
reported at its file and line while the ledger is read."""

import pytest

from figcheck.ledger import load_ledger
from tests.builders import (
    FIGURE_YAML,
    QUANTITIES_YAML,
    load_yaml_ledger,
    problem_places,
    source_yaml,
)


def test_every_field_written_as_figcheck_reads_it_passes(tmp_path):
    document = "document:\n  id: tass\n  title: A title\n  published: 2015-11-19\n"
    figures = FIGURE_YAML + (
        "  - id: range\n    quantity: ru-departed\n    value: [100, 200]\n    approx: range\n"
        "    as_of: 2015-11\n    said_by: A second speaker\n    quote: between 100 and 200\n"
        "  - id: about\n    quantity: chechnya-departed\n    value: 2.5\n    approx: about\n"
        "    as_of: 2015-11-19~\n    said_by: A third speaker\n    quote: about 2.5 of them\n"
        "    note: a note of the curator's\n"
    )
    loaded = load_yaml_ledger(tmp_path, source_yaml(figures, document))
    assert problem_places(loaded) == []
    assert sorted(loaded.figures) == ["tass/about", "tass/departed", "tass/range"]


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


def test_parts_of_another_unit(tmp_path):
    quantities = QUANTITIES_YAML.replace("subset_of: [ru-departed]", "parts: [p]") + (
        "  p:\n    label: p\n    unit: percent\n    kind: stock\n"
    )
    loaded = load_yaml_ledger(tmp_path, source_yaml(), quantities)
    assert problem_places(loaded) == [("FC101", "quantities.yaml", 6)]
    assert "units differ" in loaded.problems[0].message


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


@pytest.mark.parametrize("text", ["../documents/a\\0b.txt", "../documents/" + "x" * 5000, "loop"])
def test_text_paths_the_system_cannot_use(tmp_path, text):
    (tmp_path / "documents").mkdir()
    (tmp_path / "documents" / "loop").symlink_to(tmp_path / "documents" / "loop")
    text = "../documents/loop" if text == "loop" else text
    document = f'document:\n  id: a\n  title: t\n  text: "{text}"\n'
    loaded = load_yaml_ledger(tmp_path, source_yaml(document=document))
    assert problem_places(loaded) == [("FC101", "doc.yaml", 4)]


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
