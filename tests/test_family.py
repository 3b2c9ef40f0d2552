"""Families: quantities tied by parts, subset_of and of, each family's top quantity first, and
the groups of figures that can speak of the same time."""

from figcheck.family import comparable_groups, families, period_key
from figcheck.ledger import load_ledger
from figcheck.model import Location, Quantity
from tests.builders import figure, quantity, write_documents_ledger


def loaded(tmp_path, quantities, figures=()):
    root = write_documents_ledger(tmp_path / "ledger", quantities, {"doc": list(figures)})
    ledger = load_ledger(root)
    assert not ledger.problems, [p.message for p in ledger.problems]
    return ledger


def family_ids(tmp_path, quantities, figures=()):
    ledger = loaded(tmp_path, quantities, figures)
    found = families(ledger.quantities, ledger.figures.values())
    return [[q.id for q in f.quantities] for f in found]


def test_unrelated_quantities_are_families_of_their_own(tmp_path):
    assert family_ids(tmp_path, {"a": quantity(), "b": quantity()}) == [["a"], ["b"]]


def test_parts_subsets_and_changes_join_their_whole_which_comes_first(tmp_path):
    quantities = {
        "north": quantity("stock"),
        "change": quantity("change", unit="percent", of="all"),
        "chechnya": quantity("stock", subset_of=["all"]),
        "all": quantity("stock", parts=["north", "south"]),
        "south": quantity("stock"),
        "alone": quantity("flow"),
    }
    # The top (all) first, then the others in ledger order.
    assert family_ids(tmp_path, quantities) == [
        ["all", "north", "change", "chechnya", "south"],
        ["alone"],
    ]


def test_a_chain_of_relations_is_one_family(tmp_path):
    quantities = {
        "d": quantity(subset_of=["c"]),
        "c": quantity(subset_of=["b"]),
        "b": quantity(subset_of=["a"]),
        "a": quantity(),
        "e": quantity(subset_of=["d"]),
    }
    assert family_ids(tmp_path, quantities) == [["a", "d", "c", "b", "e"]]


def test_a_family_has_its_figures_by_quantity_sorted_by_date(tmp_path):
    quantities = {"all": quantity(parts=["part"]), "part": quantity()}
    figures = [
        figure("late", "all", 300, "2016"),
        figure("early", "all", 100, "2014"),
        figure("p", "part", 50, "2015"),
    ]
    ledger = loaded(tmp_path, quantities, figures)
    (family,) = families(ledger.quantities, ledger.figures.values())
    assert family.id == "all"
    assert family.quantity("part").id == "part"
    assert [f.id for f in family.of("all")] == ["early", "late"]
    assert [f.id for f in family.of("part")] == ["p"]
    assert family.of("nowhere") == ()


def test_conflicts_are_found_per_quantity(tmp_path):
    quantities = {"all": quantity(parts=["part"]), "part": quantity()}
    figures = [
        figure("a", "all", 100, "2015"),
        figure("b", "all", 200, "2015"),
        figure("c", "part", 50, "2015"),
        figure("d", "part", 50, "2015"),
    ]
    ledger = loaded(tmp_path, quantities, figures)
    (family,) = families(ledger.quantities, ledger.figures.values())
    pairs = {q: [{x.id, y.id} for x, y in found] for q, found in family.conflicts.items()}
    assert pairs == {"all": [{"a", "b"}], "part": []}


def test_flows_compare_only_within_a_period_and_stocks_all_together(tmp_path):
    quantities = {
        "flow": quantity("flow"),
        "stock": quantity("stock"),
        "change": quantity("change", unit="percent"),
    }
    figures = [
        figure("f2015", "flow", 1, "2015"),
        figure("f2015b", "flow", 2, "2015"),
        figure("f2016", "flow", 3, "2016"),
        figure("s2015", "stock", 1, "2015"),
        figure("s2016", "stock", 2, "2016"),
        figure("c1", "change", 5, "2013/2014"),
        figure("c2", "change", 6, "2013/2014"),
        figure("c3", "change", 7, "2013-01/2014-12"),
    ]
    ledger = loaded(tmp_path, quantities, figures)
    by_quantity = {q: [f for f in ledger.figures.values() if f.quantity == q] for q in quantities}

    def groups(q):
        found = comparable_groups(by_quantity[q], quantities[q]["kind"])
        return sorted(sorted(f.id for f in group) for group in found)

    assert groups("flow") == [["f2015", "f2015b"], ["f2016"]]
    assert groups("stock") == [["s2015", "s2016"]]
    # 2013/2014 and 2013-01/2014-12 cover the same days, but not as the same two periods (two
    # years against two months): a change compares only the same two periods.
    assert groups("change") == [["c1", "c2"], ["c3"]]
    c1, c3 = by_quantity["change"][0], by_quantity["change"][2]
    assert period_key(c1, "change") != period_key(c3, "change")
    assert period_key(c1, "flow") == period_key(c3, "flow") == c1.as_of.period


def test_a_relation_to_a_quantity_that_is_not_there_is_ignored():
    # The loader drops quantities it cannot read; what still names one must not break families.
    where = Location("quantities.yaml", 2)
    quantities = {
        "a": Quantity("a", "A", "people", "stock", where, subset_of=("gone",)),
        "b": Quantity("b", "B", "people", "stock", where, parts=("a", "gone")),
    }
    assert [[q.id for q in f.quantities] for f in families(quantities, [])] == [["b", "a"]]


def only_family(tmp_path, quantities, figures):
    ledger = loaded(tmp_path, quantities, figures)
    (family,) = families(ledger.quantities, ledger.figures.values())
    return family


def test_bounds_and_whether_one_quantity_may_lie_above_another(tmp_path):
    quantities = {
        "all": quantity("stock"),
        "sub": quantity("stock", subset_of=["all"]),
        "empty": quantity("stock", subset_of=["all"]),
    }
    figures = [
        figure("all-1", "all", 1000, "2015"),
        figure("all-2", "all", 1200, "2016", approx="about"),
        figure("sub-1", "sub", 300, "2015"),
        figure("sub-2", "sub", [900, 1100], "2016", approx="range"),
    ]
    family = only_family(tmp_path, quantities, figures)
    # (lowest upper bound, highest lower bound): `all` 1,000 and about 1,200 (1,080-1,320).
    assert family.bounds == {"all": (1000, 1080), "sub": (300, 900)}
    assert not family.may_exceed("sub", "all")  # 900 is below every upper bound of `all`
    assert family.may_exceed("all", "sub")  # 1,080 lies above 300
    assert not family.may_exceed("empty", "all") and not family.may_exceed("all", "empty")


def test_may_exceed_when_the_bounds_meet(tmp_path):
    quantities = {"all": quantity("stock"), "sub": quantity("stock", subset_of=["all"])}
    figures = [figure("all-1", "all", 500, "2015"), figure("sub-1", "sub", 500, "2016")]
    family = only_family(tmp_path, quantities, figures)
    assert family.may_exceed("sub", "all") and family.may_exceed("all", "sub")


def test_a_figure_said_again_in_one_document_is_one_statement(tmp_path):
    quantities = {"all": quantity("stock")}
    figures = [
        figure("headline", "all", 400, "2015", said_by="Ministry"),
        figure("other", "all", 400, "2015", said_by="Someone Else"),
        figure("body", "all", 400, "2015", said_by="  ministry"),
        figure("hedged", "all", 400, "2015", said_by="Ministry", approx="about"),
        figure("later", "all", 400, "2016", said_by="Ministry"),
    ]
    family = only_family(tmp_path, quantities, figures)
    grouped = [tuple(f.id for f in group) for group in family.statements("all")]
    assert sorted(grouped) == sorted([("headline", "body"), ("other",), ("hedged",), ("later",)])


def test_a_containment_read_through_says_each_step():
    from figcheck.family import Containment

    chain = Containment("c", (("part of", "b"), ("within", "c")))
    assert chain.describe("a") == "a is part of b, which is within c"
    assert not chain.direct
    direct = Containment("b", (("within", "b"),))
    assert direct.describe("a") == "a is within b" and direct.direct
