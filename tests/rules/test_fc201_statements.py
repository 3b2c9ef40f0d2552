"""FC201 with records of one `statement`: a figure given in a headline and again in the
body conflicts once with another counter's figure, not once per record."""

from __future__ import annotations

from tests.builders import figure, quantity, result_of, write_documents_ledger


def said(fid, value, said_by, statement=None, approx=None):
    record = figure(fid, "toll", value, "2024-03-05", approx=approx, said_by=said_by)
    if statement:
        record["statement"] = statement
    return record


def conflicts(tmp_path, records):
    result = result_of(
        write_documents_ledger(tmp_path, {"toll": quantity("cumulative")}, {"wire": records})
    )
    return [f for f in result.findings if f.rule == "FC201"]


def local(finding):
    return sorted(fid.split("/", 1)[1] for fid in finding.figures)


def test_renderings_of_one_statement_conflict_once(tmp_path):
    (finding,) = conflicts(
        tmp_path,
        [
            said("body", 3870, "NDMA", statement="ndma-0305"),
            said("headline", 3870, "NDMA", statement="ndma-0305"),
            said("ocha", 4000, "OCHA", approx="at-least"),
        ],
    )
    assert local(finding) == ["body", "headline", "ocha"]
    assert "records of statement ndma-0305, and at least 4,000" in finding.message
    assert finding.message.endswith("[3870, 3870] and [4000, ∞) do not overlap")


def test_without_a_statement_each_record_conflicts_on_its_own(tmp_path):
    found = conflicts(
        tmp_path,
        [
            said("body", 3870, "NDMA"),
            said("headline", 3870, "NDMA"),
            said("ocha", 4000, "OCHA", approx="at-least"),
        ],
    )
    assert sorted(map(local, found)) == [["body", "ocha"], ["headline", "ocha"]]


def test_two_statements_on_each_side(tmp_path):
    (finding,) = conflicts(
        tmp_path,
        [
            said("a1", 3870, "NDMA", statement="ndma"),
            said("a2", 3870, "NDMA", statement="ndma"),
            said("b1", 4200, "OCHA", statement="ocha"),
            said("b2", 4200, "OCHA", statement="ocha"),
        ],
    )
    assert local(finding) == ["a1", "a2", "b1", "b2"]
    assert "records of statement ndma, and 4,200" in finding.message
    assert "records of statement ocha cannot both hold" in finding.message


def test_the_whole_message_of_a_statement_rendered_three_ways(tmp_path):
    (finding,) = conflicts(
        tmp_path,
        [
            said("body", 3870, "NDMA", statement="ndma-0305"),
            said("headline", 3900, "NDMA", statement="ndma-0305", approx="nearly"),
            said("lead", 3860, "NDMA", statement="ndma-0305"),
            said("ocha", 4000, "OCHA", approx="at-least"),
        ],
    )
    assert finding.quantity == "toll"
    assert finding.message == (
        "3,860 (5 Mar 2024, NDMA, in wire), 3,870 (5 Mar 2024, NDMA, in wire) and nearly "
        "3,900 (5 Mar 2024, NDMA, in wire), records of statement ndma-0305, and at least 4,000 "
        "(5 Mar 2024, OCHA, in wire) cannot both hold: [3860, 3860] and [4000, ∞) do not "
        "overlap; [3870, 3870] and [4000, ∞) do not overlap; [3510, 3900] and [4000, ∞) do "
        "not overlap"
    )
