"""The terminal report at any size: every id, name and value whole at 60, 80, 100 and 160
columns (wrapped only at spaces or after a hyphen or slash, no character dropped), families
in the order a reader needs them, repeated figures as one row, and --quantity restricting
everything."""

from __future__ import annotations

import io
import re

import pytest
from click.testing import CliRunner

from figcheck import check, describe, load_ledger
from figcheck.cli import cli
from figcheck.report.contents import build
from figcheck.report.terminal import render
from tests.builders import figure, quantity, result_of, write_documents_ledger

WIDTHS = (60, 80, 100, 160)
LONG_NAME = "The governments of Uzbekistan, Tajikistan, Kazakhstan, Turkmenistan and Kyrgyzstan"
LONG_DOCUMENT = "central-asia-desk-report-on-foreign-fighters-returning-home-2016"


def rendered(result, width, quantity_id=None):
    out = io.StringIO()
    render(build(result, quantity_id), out, width=width)
    return out.getvalue()


def whole(output: str, text: str) -> bool:
    """Whether `text` is in the output, read as a person reads it: across line ends, where
    a line may break at a space or right after a hyphen or slash, and nowhere else."""
    flat = "\n".join(" ".join(line.split()) for line in output.splitlines())
    words = []
    for word in text.split():
        pieces = re.split(r"(?<=[^\W_][-/])(?=[^\W_])", word)
        words.append("\n?".join(re.escape(p) for p in pieces))
    return re.search(r"[ \n]".join(words), flat) is not None


def test_the_check_of_wholeness_can_fail():
    assert whole("a kadyrov-isis-\n   infiltrated b", "kadyrov-isis-infiltrated")
    assert whole("Oleg\n  Syromolotov, Deputy", "Oleg Syromolotov, Deputy")
    assert not whole("kadyrov-isis-infil\ntrated", "kadyrov-isis-infiltrated")
    assert not whole("Syr\nomolotov", "Syromolotov")
    assert not whole("kadyrov-isis-infltrated", "kadyrov-isis-infiltrated")


def names_and_values(result) -> list[str]:
    ledger = result.ledger
    found = [*ledger.quantities, *ledger.documents]
    for f in ledger.figures.values():
        found.append(f.said_by)
        found.append(describe.value(f, ledger.quantities[f.quantity]))
    return list(dict.fromkeys(found))


@pytest.fixture(scope="module")
def shipped():
    return check(load_ledger("data"))


@pytest.fixture
def long_names(tmp_path):
    """Names and ids longer than a narrow terminal's columns."""
    quantities = {
        "fighters-from-central-asia-in-syria-and-iraq": quantity("stock"),
        "q2": quantity("stock"),
    }
    documents = {
        LONG_DOCUMENT: [
            figure(
                "a",
                "fighters-from-central-asia-in-syria-and-iraq",
                4000,
                "2015",
                approx="at-most",
                said_by=LONG_NAME,
            ),
            figure("b", "q2", [2000, 4000], "2016-03", approx="range", said_by=LONG_NAME),
        ],
        "short": [
            figure(
                "c",
                "fighters-from-central-asia-in-syria-and-iraq",
                2500,
                "2015-11",
                said_by="A ministry spokeswoman, speaking on condition of anonymity",
            ),
            figure("d", "q2", 3100.5, "2016-04", said_by="Someone"),
        ],
    }
    return result_of(write_documents_ledger(tmp_path, quantities, documents))


@pytest.mark.parametrize("width", WIDTHS)
def test_every_name_id_and_value_of_the_shipped_ledger_appears_whole(shipped, width):
    output = rendered(shipped, width)
    assert max(len(line) for line in output.splitlines()) <= width
    missing = [text for text in names_and_values(shipped) if not whole(output, text)]
    assert missing == []


@pytest.mark.parametrize("width", WIDTHS)
def test_long_names_wrap_at_word_and_hyphen_boundaries(long_names, width):
    output = rendered(long_names, width)
    assert max(len(line) for line in output.splitlines()) <= width
    for text in (LONG_NAME, LONG_DOCUMENT, "fighters-from-central-asia-in-syria-and-iraq"):
        assert whole(output, text), text
    for text in names_and_values(long_names):
        assert whole(output, text), text
    # The speaker's name is shown whole, never cut at its first comma.
    assert not whole(output, "The governments of Uzbekistan") or whole(output, LONG_NAME)


def section_titles(output: str) -> list[str]:
    return [line.split()[1] for line in output.splitlines() if line.startswith("■ ")]


def test_families_with_findings_first_then_by_figures(tmp_path):
    quantities = {
        "quiet-large": quantity("stock"),
        "quiet-small": quantity("stock"),
        "disputed": quantity("stock"),
        "single": quantity("stock"),
    }
    documents = {
        "a": [
            figure("l1", "quiet-large", 100, "2015", approx="about", said_by="A"),
            figure("s1", "quiet-small", 7, "2015", said_by="A"),
            figure("d1", "disputed", 100, "2015", said_by="A"),
            figure("o1", "single", 5, "2015", said_by="A"),
        ],
        "b": [
            figure("l2", "quiet-large", 101, "2015", approx="about", said_by="B"),
            figure("s2", "quiet-small", 7, "2015", said_by="B"),
            figure("d2", "disputed", 300, "2015", said_by="B"),  # conflicts with 100
        ],
        "c": [figure("l3", "quiet-large", 100, "2015", approx="about", said_by="C")],
    }
    result = result_of(write_documents_ledger(tmp_path, quantities, documents))
    output = rendered(result, 100)
    # The conflict first; then 3 figures before 2; the single figure in the table at the end.
    assert section_titles(output) == ["disputed", "quiet-large", "quiet-small"]
    singles = output[output.index("Single figures") :]
    assert "single" in singles.split("Speakers")[0]
    assert output.index("Single figures") > output.index("■ quiet-small")


def test_a_repeated_figure_is_one_row_with_its_lines(tmp_path):
    quantities = {"q": quantity("stock"), "r": quantity("stock")}
    documents = {
        "tass": [
            figure("h", "q", 160, "2015-11-19", quote="160 destroyed"),
            figure("b", "q", 160, "2015-11-19", quote="destroyed 160 of them"),
            figure("c", "q", 160, "2015-11-19", quote="160 were destroyed"),
            figure("o", "r", 5, "2015-11-19"),
        ],
        "other": [figure("x", "q", 150, "2015-11-19", said_by="Other")],
    }
    result = result_of(write_documents_ledger(tmp_path, quantities, documents))
    figures = result.ledger.figures
    lines = [figures[f"tass/{fid}"].location.line for fid in ("h", "b", "c")]
    output = rendered(result, 100)
    assert f"×3 (lines {lines[0]}, {lines[1]}, {lines[2]})" in " ".join(output.split())
    table = output.split("Findings")[0]
    assert table.count("[160, 160]") == 1  # one row for the three records


def test_a_large_family_names_quantities_by_id_not_by_letter(tmp_path):
    quantities = {"whole": quantity("stock")}
    quantities.update({f"part-{i}": quantity("stock", subset_of=["whole"]) for i in range(7)})
    documents = {
        "a": [figure(f"f{i}", f"part-{i}", i + 1, "2015") for i in range(7)],
        "b": [figure("w", "whole", 100, "2015", said_by="B")],
    }
    output = rendered(result_of(write_documents_ledger(tmp_path, quantities, documents)), 100)
    assert "quantity; said by, in" in output
    assert not re.search(r"^  [A-H] part-", output, re.MULTILINE)
    small = {"whole": quantity("stock"), "part": quantity("stock", subset_of=["whole"])}
    documents = {"a": [figure("p", "part", 1, "2015"), figure("w", "whole", 2, "2015")]}
    output = rendered(result_of(write_documents_ledger(tmp_path / "small", small, documents)), 100)
    assert re.search(r"^  B part$", output, re.MULTILINE)


def test_the_bar_scale_ignores_open_bounds_and_vague_ranges(tmp_path):
    documents = {
        "a": [
            figure("a", "q", 100, "2015-01", said_by="A"),
            figure("b", "q", 150, "2015-02", said_by="B"),
            figure("c", "q", 1000, "2015-03", approx="over", said_by="C"),
            figure("d", "q", [200, 5000], "2015-04", approx="range", said_by="D"),
        ]
    }
    output = rendered(
        result_of(write_documents_ledger(tmp_path, {"q": quantity("stock")}, documents)), 100
    )
    assert "0 to 150" in output
    table = output.split("Findings")[0].splitlines()
    rows = [line for line in table if "over 1,000" in line or "200 to 5,000" in line]
    assert len(rows) == 2 and all("→" in row for row in rows)


def test_quantity_restricts_the_whole_report(shipped):
    output = rendered(shipped, 100, "nc-attack-victims-change")
    summary = output[output.index("Summary") :]
    assert "icg-departure-report" in summary
    for other in ("tass-2015-11-19", "kadyrov-isis-infiltrated", "ufl-russia-isis-crocus"):
        assert other not in output
    assert "1 document, 2 figures, 2 quantities: " in " ".join(summary.split())
    assert "Oleg Syromolotov" not in output  # nor the other families' speakers


def test_the_command_takes_every_format_and_refuses_an_unknown_quantity():
    runner = CliRunner()
    assert runner.invoke(cli, ["report", "--quantity", "kadyrov-age"]).exit_code == 0
    unknown = runner.invoke(cli, ["report", "--quantity", "kadyrov-ag"])
    assert unknown.exit_code == 2 and "did you mean 'kadyrov-age'" in unknown.stderr
