"""FC304: what nothing in the ledger can check is said to be unverifiable (info)."""

from tests.builders import figure, findings_of, pairs, quantity, write_documents_ledger


def unverifiable(tmp_path, quantities, documents):
    return findings_of(write_documents_ledger(tmp_path, quantities, documents), "FC304")


COUNT = {"fighters": quantity("stock")}


def test_a_quantity_with_a_single_figure(tmp_path):
    found = unverifiable(tmp_path, COUNT, {"tass": [figure("a", "fighters", 2719, "2015-11-19")]})
    assert pairs(found) == {frozenset({"a"})}
    assert found[0].severity == "info"
    assert found[0].quantity == "fighters"


def test_two_reports_of_a_quantity(tmp_path):
    assert not unverifiable(
        tmp_path,
        COUNT,
        {
            "tass": [figure("a", "fighters", 2719, "2015-11-19")],
            "fsb": [figure("b", "fighters", 2900, "2015-12", said_by="FSB")],
        },
    )


def test_a_figure_repeated_in_one_document_is_still_one_figure(tmp_path):
    # A headline and the body give the same figure: one statement, one finding naming both.
    found = unverifiable(
        tmp_path,
        COUNT,
        {
            "tass": [
                figure("headline", "fighters", 160, "2015-11-19", quote="160 destroyed"),
                figure("body", "fighters", 160, "2015-11-19", quote="destroyed 160 militants"),
            ]
        },
    )
    assert pairs(found) == {frozenset({"headline", "body"})}


def test_two_different_figures_in_one_document_are_two_statements(tmp_path):
    assert not unverifiable(
        tmp_path,
        COUNT,
        {
            "tass": [
                figure("a", "fighters", 160, "2015-11-19"),
                figure("b", "fighters", 170, "2015-11-19"),
            ]
        },
    )


def test_a_quantity_without_figures_says_nothing(tmp_path):
    quantities = {**COUNT, "other": quantity("stock")}
    found = unverifiable(
        tmp_path,
        quantities,
        {
            "a": [figure("a", "fighters", 1, "2015")],
            "b": [figure("b", "fighters", 1, "2015", said_by="B")],
        },
    )
    assert found == []


CHANGES = {
    "victims": quantity("flow"),
    "victims-change": quantity("change", unit="percent", of="victims"),
}


def test_a_change_without_level_figures(tmp_path):
    found = unverifiable(
        tmp_path,
        CHANGES,
        {
            "icg": [
                figure("y2014", "victims-change", -46, "2013/2014"),
                figure("y2015", "victims-change", -51, "2014/2015"),
            ]
        },
    )
    assert pairs(found) == {frozenset({"y2014"}), frozenset({"y2015"})}


def test_a_change_that_the_levels_check(tmp_path):
    # victims has two figures (2013, 2014): it is not single; the change has levels for both
    # of its periods, so FC205 checks it.
    assert not unverifiable(
        tmp_path,
        CHANGES,
        {
            "icg": [figure("change", "victims-change", -46, "2013/2014")],
            "ministry": [
                figure("y2013", "victims", 1000, "2013", said_by="Ministry"),
                figure("y2014", "victims", 540, "2014", said_by="Ministry"),
            ],
        },
    )


def test_a_change_with_a_level_for_one_period_only(tmp_path):
    found = unverifiable(
        tmp_path,
        CHANGES,
        {
            "icg": [figure("change", "victims-change", -46, "2013/2014")],
            "ministry": [figure("y2013", "victims", 1000, "2013", said_by="Ministry")],
        },
    )
    # The change (no level for 2014) and the level's only figure.
    assert pairs(found) == {frozenset({"change"}), frozenset({"y2013"})}
    (change,) = [f for f in found if f.quantity == "victims-change"]
    assert "for 2014" in change.message and "2013" not in change.message.split("recorded")[1]


def test_a_change_that_another_report_also_gives(tmp_path):
    assert not unverifiable(
        tmp_path,
        CHANGES,
        {
            "icg": [figure("a", "victims-change", -46, "2013/2014")],
            "memorial": [figure("b", "victims-change", -45, "2013/2014", said_by="Memorial")],
        },
    )


def test_the_advice_is_a_second_source_or_an_acceptance(tmp_path):
    (found,) = unverifiable(tmp_path, COUNT, {"tass": [figure("a", "fighters", 1, "2015")]})
    assert found.advice.startswith("record a second report of the figure")
    assert f'figcheck accept {found.id} --why "..."' in found.advice


def test_changes_that_compound_into_another_are_checked_by_it(tmp_path):
    # -46% then -51% against -73.54% over both years: FC207 compares the three, so none of
    # them is unverifiable; a fourth change, of 2016 to 2017, is.
    found = unverifiable(
        tmp_path,
        CHANGES,
        {
            "icg": [
                figure("y2014", "victims-change", -46, "2013/2014"),
                figure("y2015", "victims-change", -51, "2014/2015"),
                figure("y2017", "victims-change", 10, "2016/2017"),
            ],
            "paper": [figure("both", "victims-change", -73.54, "2013/2015", said_by="P")],
        },
    )
    assert pairs(found) == {frozenset({"y2017"})}
