"""subset_of is read through, and a part is within its whole and the whole's supersets:
FC204 and FC203 work on that closure, with the date logic of each larger quantity's kind."""

from __future__ import annotations

from figcheck.family import families
from figcheck.ledger import load_ledger
from tests.builders import figure, findings_of, pairs, quantity, result_of, write_documents_ledger

CHAIN = {
    "went": quantity("cumulative"),
    "fighting": quantity("stock", subset_of=["went"]),
    "fighting-is": quantity("stock", subset_of=["fighting"]),
}


def test_a_subset_of_a_subset_above_the_top(tmp_path):
    # The case: 6,000 fighting with IS against 3,417 who ever went, both Oct 2017.
    root = write_documents_ledger(
        tmp_path,
        CHAIN,
        {
            "doc": [
                figure("is", "fighting-is", 6000, "2017-10"),
                figure("went", "went", 3417, "2017-10"),
            ]
        },
    )
    (finding,) = findings_of(root, "FC204")
    assert pairs([finding]) == {frozenset({"is", "went"})}
    assert "fighting-is is within fighting, which is within went, but 6,000" in finding.message


def test_a_cumulative_top_counted_later_still_bounds_the_chain(tmp_path):
    root = write_documents_ledger(
        tmp_path,
        CHAIN,
        {
            "doc": [
                figure("is", "fighting-is", 6000, "2017-06"),
                figure("went", "went", 3417, "2017-10"),
            ]
        },
    )
    (finding,) = findings_of(root, "FC204")
    assert "counted later" in finding.message


def test_a_chain_within_bounds_passes(tmp_path):
    root = write_documents_ledger(
        tmp_path,
        CHAIN,
        {
            "doc": [
                figure("is", "fighting-is", 2000, "2017-10"),
                figure("went", "went", 3417, "2017-10"),
            ]
        },
    )
    assert findings_of(root, "FC204") == []


PARTS = {
    "went": quantity("cumulative"),
    "left": quantity("cumulative", subset_of=["went"], parts=["killed", "returned"]),
    "killed": quantity("cumulative"),
    "returned": quantity("cumulative"),
}


def test_a_part_is_within_its_wholes_superset(tmp_path):
    # At the same time, the part alone is the sum of the parts: FC203 says it (below);
    # a growing superset counted later bounds the part too, which FC204 says.
    root = write_documents_ledger(
        tmp_path,
        PARTS,
        {
            "doc": [
                figure("killed", "killed", 500, "2016-03"),
                figure("went", "went", 300, "2016-09"),
            ]
        },
    )
    (finding,) = findings_of(root, "FC204")
    assert pairs([finding]) == {frozenset({"killed", "went"})}
    assert "killed is part of left, which is within went, but 500" in finding.message


def test_a_part_alone_above_its_wholes_superset_at_the_same_time(tmp_path):
    root = write_documents_ledger(
        tmp_path,
        PARTS,
        {"doc": [figure("killed", "killed", 500, "2016"), figure("went", "went", 300, "2016")]},
    )
    found = [f for f in result_of(root).findings if f.rule in ("FC203", "FC204")]
    assert [f.rule for f in found] == ["FC203"]
    assert "more than went (left is within went)" in found[0].message


def test_a_part_alone_above_its_whole_is_one_finding_of_fc203(tmp_path):
    root = write_documents_ledger(
        tmp_path,
        PARTS,
        {"doc": [figure("killed", "killed", 500, "2016"), figure("left", "left", 300, "2016")]},
    )
    result = result_of(root)
    found = [f for f in result.findings if f.rule in ("FC203", "FC204")]
    assert [f.rule for f in found] == ["FC203"]
    assert pairs(found) == {frozenset({"killed", "left"})}


def test_a_part_above_its_cumulative_whole_counted_later(tmp_path):
    root = write_documents_ledger(
        tmp_path,
        PARTS,
        {
            "doc": [
                figure("killed", "killed", 500, "2016-03"),
                figure("left", "left", 300, "2016-09"),
            ]
        },
    )
    assert findings_of(root, "FC203") == []  # not at the same time
    (finding,) = findings_of(root, "FC204")
    assert (
        "killed is part of left, but 500" in finding.message and "counted later" in finding.message
    )


def test_the_parts_sum_is_bounded_by_the_wholes_superset(tmp_path):
    root = write_documents_ledger(
        tmp_path,
        PARTS,
        {
            "doc": [
                figure("killed", "killed", 200, "2016"),
                figure("returned", "returned", 150, "2016"),
                figure("went", "went", 300, "2016"),
            ]
        },
    )
    (finding,) = findings_of(root, "FC203")
    assert pairs([finding]) == {frozenset({"killed", "returned", "went"})}
    assert "more than went (left is within went)" in finding.message
    assert findings_of(root, "FC204") == []  # neither part alone exceeds


def test_the_closure_is_computed_once_per_family_with_the_shortest_chains(tmp_path):
    quantities = {
        **CHAIN,
        "fighting-is": quantity("stock", subset_of=["fighting", "went"]),
        "fighting-all": quantity("stock", parts=["fighting"]),
    }
    root = write_documents_ledger(tmp_path, quantities, {"doc": []})
    ledger = load_ledger(root)
    (family,) = families(ledger.quantities, ledger.figures.values())
    containing = family.containing
    assert containing is family.containing  # cached
    by_id = {c.superset: c for c in containing["fighting-is"]}
    assert set(by_id) == {"fighting", "went", "fighting-all"}
    assert by_id["went"].direct  # the direct relation, not the chain through fighting
    assert by_id["fighting-all"].steps == (("within", "fighting"), ("part of", "fighting-all"))
    assert containing["went"] == ()
