"""FC207: consecutive changes compound; a change over the combined period must fit them.

Every expectation is worked out by hand in the comments, in exact decimals."""

from tests.builders import figure, findings_of, pairs, quantity, write_documents_ledger


def compound_findings(tmp_path, figures):
    quantities = {
        "victims": quantity("flow"),
        "victims-change": quantity("change", unit="percent", of="victims"),
    }
    documents: dict[str, list] = {}
    for i, record in enumerate(figures):
        documents.setdefault(f"doc-{i}", []).append(record)  # one report each
    return findings_of(write_documents_ledger(tmp_path, quantities, documents), "FC207")


def change(fid, value, period, approx=None, said_by="A Speaker"):
    return figure(fid, "victims-change", value, period, approx=approx, said_by=said_by)


YEAR_ON_YEAR = [change("y2014", -46, "2013/2014"), change("y2015", -51, "2014/2015")]


def test_a_combined_change_the_chain_contradicts(tmp_path):
    # 0.54 x 0.49 = 0.2646: the level fell by 73.54%, not by 60%.
    found = compound_findings(tmp_path, [*YEAR_ON_YEAR, change("two-years", -60, "2013/2015")])
    assert pairs(found) == {frozenset({"y2014", "y2015", "two-years"})}
    assert found[0].severity == "error"
    assert "-73.54%" in found[0].message


def test_the_exact_compound_fits_with_exact_arithmetic(tmp_path):
    # In binary floats 0.54 * 0.49 is 0.26460000000000006, -73.53999999999999%.
    assert not compound_findings(
        tmp_path, [*YEAR_ON_YEAR, change("two-years", -73.54, "2013/2015")]
    )


def test_a_hedged_combined_change_that_holds_the_compound(tmp_path):
    # about -75% is -82.5% to -67.5%, which holds -73.54%.
    assert not compound_findings(
        tmp_path, [*YEAR_ON_YEAR, change("two-years", -75, "2013/2015", approx="about")]
    )


def test_hedges_are_carried_through_the_compounding(tmp_path):
    # about -46% is -50.6% to -41.4%: factors 0.494 to 0.586; times 0.49 (-51%) that is
    # 0.24206 to 0.28714, a change of -75.794% to -71.286%.
    links = [change("y2014", -46, "2013/2014", approx="about"), change("y2015", -51, "2014/2015")]
    inside = {-71.3: True, -75.79: True, -71.2: False, -75.8: False}
    for i, (combined, fits) in enumerate(inside.items()):
        found = compound_findings(tmp_path / str(i), [*links, change("c", combined, "2013/2015")])
        assert (not found) == fits, combined


def test_an_open_bound_stays_open(tmp_path):
    # "fell by over 40%" is (-inf, -40): a factor of 0 to 0.6 (nothing falls below zero),
    # open at 0.6; then +10% (x 1.1): 0 to 0.66, open at 0.66, a change of -100% to -34%,
    # -34% itself excluded.
    links = [change("a", -40, "2013/2014", approx="over"), change("b", 10, "2014/2015")]
    assert pairs(compound_findings(tmp_path / "1", [*links, change("c", -34, "2013/2015")])) == {
        frozenset({"a", "b", "c"})
    }
    assert not compound_findings(tmp_path / "2", [*links, change("c", -35, "2013/2015")])
    assert not compound_findings(tmp_path / "3", [*links, change("c", -100, "2013/2015")])


def test_a_chain_of_three_links(tmp_path):
    # +10% three times: 1.1 x 1.1 x 1.1 = 1.331, +33.1%.
    links = [
        change("a", 10, "2013/2014"),
        change("b", 10, "2014/2015"),
        change("c", 10, "2015/2016"),
    ]
    assert not compound_findings(tmp_path / "1", [*links, change("d", 33.1, "2013/2016")])
    found = compound_findings(tmp_path / "2", [*links, change("d", 30, "2013/2016")])
    assert pairs(found) == {frozenset({"a", "b", "c", "d"})}


def test_periods_that_do_not_chain(tmp_path):
    # 2013/2014 and 2015/2016 leave 2014 to 2015 out: no chain reaches 2016 from 2013.
    assert not compound_findings(
        tmp_path,
        [
            change("a", -46, "2013/2014"),
            change("b", -51, "2015/2016"),
            change("c", 50, "2013/2016"),
        ],
    )


def test_several_figures_of_one_link_count_together(tmp_path):
    # -46% or -40% for 2013/2014: factors 0.54 to 0.6; times 0.49: 0.2646 to 0.294, a change
    # of -73.54% to -70.6%. -71% fits that reading; -70% fits none.
    links = [
        change("a", -46, "2013/2014"),
        change("b", -40, "2013/2014", said_by="Another Speaker"),
        change("c", -51, "2014/2015"),
    ]
    assert not compound_findings(tmp_path / "1", [*links, change("d", -71, "2013/2015")])
    found = compound_findings(tmp_path / "2", [*links, change("d", -70, "2013/2015")])
    assert pairs(found) == {frozenset({"a", "b", "c", "d"})}


def test_changes_of_another_quantity_do_not_chain(tmp_path):
    quantities = {
        "victims": quantity("flow"),
        "victims-change": quantity("change", unit="percent", of="victims"),
        "attacks": quantity("flow"),
        "attacks-change": quantity("change", unit="percent", of="attacks"),
    }
    figures = [
        change("a", -46, "2013/2014"),
        figure("b", "attacks-change", -51, "2014/2015"),
        change("c", -60, "2013/2015"),
    ]
    root = write_documents_ledger(tmp_path, quantities, {"doc": figures})
    assert not findings_of(root, "FC207")
