"""`figcheck report --format json`: the report as data, valid against `figcheck schema
--kind report`, with consensus, speakers, FC207 and FC304 as the tests work them out."""

from __future__ import annotations

import io
import json

import jsonschema
import pytest
from click.testing import CliRunner

from figcheck import check, load_ledger
from figcheck.cli import cli
from figcheck.report import json_data, json_schema
from figcheck.report.contents import build
from tests.builders import figure, quantity, result_of, write_documents_ledger


def as_json(result, quantity_id=None):
    out = io.StringIO()
    json_data.render(build(result, quantity_id), out)
    return json.loads(out.getvalue())


def valid(document):
    jsonschema.Draft202012Validator(json_schema.schema()).validate(document)
    return document


@pytest.fixture(scope="module")
def shipped():
    return check(load_ledger("data"))


@pytest.fixture
def changes(tmp_path):
    """-46% then -51% against "down 60%" over both years (FC207: the chain gives -73.54%;
    the three are checked against one another, so none is unverifiable); a change of
    2016/2017 that nothing checks (FC304); and a count given
    by two speakers who agree (about 2,200 and 2,300: [1980, 2420] and [2300, 2300])."""
    quantities = {
        "victims": quantity("flow"),
        "victims-change": quantity("change", unit="percent", of="victims"),
        "fighters": quantity("stock"),
    }
    documents = {
        "icg": [
            figure("y2014", "victims-change", -46, "2013/2014", said_by="ICG"),
            figure("y2015", "victims-change", -51, "2014/2015", said_by="ICG"),
            figure("y2017", "victims-change", 5, "2016/2017", said_by="ICG"),
            figure("fighters", "fighters", 2200, "2015-07", approx="about", said_by="ICG"),
        ],
        "paper": [
            figure("two-years", "victims-change", -60, "2013/2015", said_by="A paper"),
            figure("fighters", "fighters", 2300, "2015-09", said_by="Ministry"),
        ],
    }
    return result_of(write_documents_ledger(tmp_path, quantities, documents))


def test_the_shipped_report_is_valid_and_says_what_the_sources_agree_on(shipped):
    document = valid(as_json(shipped))
    assert document["counts"] == {"documents": 5, "figures": 35, "quantities": 31}
    assert document["exit_code"] == 0
    (fighting,) = [
        c
        for f in document["families"]
        for c in f["consensus"]
        if c["quantity"] == "ru-fighting-syria-iraq"
    ]
    # about 2,200 is [1980, 2420]; 2,900 lies outside it: no consensus, (2900-2200)/2900 = 24%.
    assert fighting["verdict"] == "none" and fighting["spread"] == "24%"
    assert fighting["from"] == "2015-07-07" and fighting["to"] == "2015-12-31"
    figures = {f["id"]: f for family in document["families"] for f in family["figures"]}
    about = figures["kadyrov-isis-infiltrated/fighters-syria-iraq"]
    assert about["interval"] == {"low": 1980, "high": 2420, "low_open": False, "high_open": False}
    killed = [f for f in figures.values() if f["quantity"] == "ru-departed-syria-killed"]
    assert len(killed) == 1 and killed[0]["times"] == 3 and len(killed[0]["ids"]) == 3
    over = [f for f in figures.values() if f["as_written"] == "over 2,000"]
    assert over[0]["interval"]["high"] is None and over[0]["interval"]["low_open"] is True


def test_families_in_reading_order_and_singles_last(shipped):
    families = as_json(shipped)["families"]
    singles = [f["single"] for f in families]
    assert singles == sorted(singles)  # the single figures after every section
    assert families[0]["id"] == "ru-went-to-fight-syria-iraq"  # the one with a divergence


def test_compound_changes_unverifiable_ones_and_agreement(changes):
    document = valid(as_json(changes))
    rules = sorted(f["rule"] for f in document["findings"])
    assert rules == ["FC207", "FC304"]
    (alone,) = [f for f in document["findings"] if f["rule"] == "FC304"]
    assert alone["figures"] == ["icg/y2017"]
    (compound,) = [f for f in document["findings"] if f["rule"] == "FC207"]
    assert "-73.54%" in compound["message"]
    family = next(f for f in document["families"] if f["id"] == "victims")
    assert compound["id"] in family["findings"]
    (fighters,) = [
        c for f in document["families"] for c in f["consensus"] if c["quantity"] == "fighters"
    ]
    assert fighters["verdict"] == "agreed"
    assert fighters["interval"] == {
        "low": 2300,
        "high": 2300,
        "low_open": False,
        "high_open": False,
    }
    speakers = {s["name"]: s for s in document["speakers"]}
    assert (speakers["Ministry"]["agree"], speakers["ICG"]["agree"]) == (1, 1)
    # The ICG's three changes stand alone in their clusters (nothing else of their periods).
    assert speakers["ICG"]["alone"] == 3


def test_quantity_restricts_the_data(shipped):
    document = valid(as_json(shipped, "nc-attack-victims"))
    assert [f["id"] for f in document["families"]] == ["nc-attack-victims"]
    assert [d["id"] for d in document["documents"]] == ["icg-departure-report"]
    assert document["counts"] == {"documents": 1, "figures": 2, "quantities": 2}
    assert {f["quantity"] for f in document["findings"]} == {"nc-attack-victims-change"}


def test_a_ledger_with_data_errors_exits_2_and_is_still_valid(tmp_path):
    (tmp_path / "quantities.yaml").write_text("quantities: [")
    outcome = CliRunner().invoke(cli, ["report", "--data", str(tmp_path), "--format", "json"])
    assert outcome.exit_code == 2
    document = valid(json.loads(outcome.stdout))
    assert document["exit_code"] == 2 and document["findings"][0]["rule"] == "FC101"


def test_the_schema_command_prints_the_schema_and_the_schema_can_fail(shipped):
    outcome = CliRunner().invoke(cli, ["schema", "--kind", "report"])
    assert outcome.exit_code == 0
    assert json.loads(outcome.stdout) == json_schema.schema()
    document = as_json(shipped)
    document["families"][0]["figures"][0]["colour"] = "red"
    with pytest.raises(jsonschema.ValidationError):
        valid(document)
