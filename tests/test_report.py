"""`figcheck report`: sections per family, what the figures imply, readable from 60 columns."""

import io

import pytest
from click.testing import CliRunner

from figcheck import check, load_ledger
from figcheck.cli import cli
from figcheck.report import read_together
from figcheck.report.contents import build
from figcheck.report.terminal import render
from tests.builders import figure, quantity, write_documents_ledger


def report_of(root, width=100, quantity_id=None):
    result = check(load_ledger(root))
    out = io.StringIO()
    render(build(result, quantity_id), out, width=width)
    return out.getvalue()


@pytest.mark.parametrize("width", [60, 100])
def test_shipped_report_fits_the_terminal(width):
    text = report_of("data", width)
    lines = text.splitlines()
    assert max(len(line) for line in lines) <= width
    assert not any("…" in line for line in lines)  # nothing cut short


@pytest.mark.parametrize("width", [60, 100])
def test_shipped_report_shows_the_divergences(width):
    text = " ".join(report_of("data", width).split())
    # The counts of Russians, side by side in date order.
    within = text[text.index("reports count different things") :]
    order = [within.index(v) for v in ("about 2,200", "2,719", "2,900", "over 2,000")]
    assert order == sorted(order)
    assert "405" in text and "is 15% of ru-departed-syria 2,719" in text
    # What the two declines imply together, and that nothing can verify them.
    assert "compound to -73.5% from 2013 to 2015" in text
    assert "no figure of nc-attack-victims is recorded" in text
    # The accepted divergence with its reason, and the summary.
    assert "accepted: Two speakers, two dates" in text
    assert "5 documents, 35 figures" in text
    assert "coverage: 76 of 76 numbers recorded or ignored (100%)" in text
    for document in ("icg-departure-report", "tass-2015-11-19", "kadyrov-isis-infiltrated"):
        assert document in text


def test_one_family_only():
    text = report_of("data", quantity_id="nc-attack-victims-change")
    assert (
        "nc-attack-victims-change" in text and "ru-departed-syria" not in text.split("Summary")[0]
    )


def test_command_exit_codes(tmp_path):
    assert CliRunner().invoke(cli, ["report"]).exit_code == 0
    unknown = CliRunner().invoke(cli, ["report", "--quantity", "ru-departed-syri"])
    assert unknown.exit_code == 2 and "did you mean 'ru-departed-syria'" in unknown.stderr
    (tmp_path / "quantities.yaml").write_text("quantities: [")
    broken = CliRunner().invoke(cli, ["report", "--data", str(tmp_path)])
    assert broken.exit_code == 2 and "data errors" in broken.stdout


def family_of(tmp_path, quantities, figures):
    result = check(load_ledger(write_documents_ledger(tmp_path, quantities, {"doc": figures})))
    assert result.rules_ran
    (family,) = result.families
    return family


def test_compound_changes(tmp_path):
    family = family_of(
        tmp_path,
        {
            "level": quantity("flow"),
            "change": quantity("change", unit="percent", of="level"),
        },
        [
            figure("a", "change", -46, "2013/2014"),
            figure("b", "change", -51, "2014/2015"),
            figure("c", "change", 10, "2016/2017"),
        ],
    )
    notes = read_together.notes(family)
    assert any(
        "compound to -73.5% from 2013 to 2015" in n and "would end at 26.5" in n for n in notes
    )
    assert not any("2017" in n and "compound" in n for n in notes)  # 2016 does not follow 2015
    assert any("no figure of level is recorded" in n for n in notes)


@pytest.mark.parametrize(
    ("sub", "sup", "share"),
    [
        ((405, None), (2719, None), "is 15% of"),
        ((405, None), (2000, "over"), "is at most 20% of"),
        ((500, "about"), (2200, "about"), "is about 23% of"),
        ((405, "over"), (2000, None), "is at least 20% of"),
        ((405, "over"), (2000, "over"), None),
        ((405, None), ([2000, 9999], "range"), None),
    ],
)
def test_subset_shares(tmp_path, sub, sup, share):
    family = family_of(
        tmp_path,
        {
            "all": quantity("stock"),
            "part": quantity("stock", subset_of=["all"]),
        },
        [
            figure("s", "part", sub[0], "2015", approx=sub[1]),
            figure("w", "all", sup[0], "2015", approx=sup[1]),
        ],
    )
    shares = [n for n in read_together.notes(family) if "% of" in n]
    if share is None:
        assert not shares
    else:
        assert len(shares) == 1 and share in shares[0]


def test_parts_add_up_and_leave_the_rest(tmp_path):
    family = family_of(
        tmp_path,
        {
            "left": quantity("cumulative", parts=["killed", "back", "unknown"], exhaustive=True),
            "killed": quantity("cumulative"),
            "back": quantity("cumulative"),
            "unknown": quantity("cumulative"),
        },
        [
            figure("l", "left", 405, "2015-06"),
            figure("k", "killed", 104, "2015-06"),
            figure("b", "back", 44, "2015-06"),
        ],
    )
    (note,) = [n for n in read_together.notes(family) if n.startswith("parts of")]
    assert "killed 104 + back 44 = 148, 37% of it; that leaves 257 for unknown" in note
