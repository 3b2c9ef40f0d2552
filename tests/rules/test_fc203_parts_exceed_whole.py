from tests.builders import figure, findings_of, pairs, quantity, write_documents_ledger


def parts_ledger(tmp_path, figures, *, exhaustive=False, kind="cumulative"):
    whole = quantity(kind, parts=["killed", "returned"])
    if exhaustive:
        whole["exhaustive"] = True
    quantities = {"left": whole, "killed": quantity(kind), "returned": quantity(kind)}
    return findings_of(write_documents_ledger(tmp_path, quantities, {"doc": figures}), "FC203")


def test_parts_within_the_whole(tmp_path):
    assert not parts_ledger(
        tmp_path,
        [
            figure("left", "left", 2719, "2015-11-19"),
            figure("killed", "killed", 160, "2015-11-19"),
            figure("returned", "returned", 73, "2015-11"),
        ],
    )


def test_parts_that_add_up_to_more_than_the_whole(tmp_path):
    found = parts_ledger(
        tmp_path,
        [
            figure("left", "left", 120, "2016-06"),
            figure("killed", "killed", 104, "2016-06"),
            figure("returned", "returned", 44, "2016"),
        ],
    )
    assert pairs(found) == {frozenset({"left", "killed", "returned"})}
    assert "148" in found[0].message and "120" in found[0].message


def test_parts_that_add_up_to_exactly_the_whole(tmp_path):
    assert not parts_ledger(
        tmp_path,
        [
            figure("left", "left", 148, "2016-06"),
            figure("killed", "killed", 104, "2016-06"),
            figure("returned", "returned", 44, "2016-06"),
        ],
    )


def test_the_most_lenient_figure_of_a_part_is_used(tmp_path):
    # Two figures of `killed` qualify; the lower one (50) keeps the sum within 120.
    found = parts_ledger(
        tmp_path,
        [
            figure("left", "left", 120, "2016-06"),
            figure("killed", "killed", 104, "2016-06"),
            figure("killed-low", "killed", 50, "2016", approx="about"),
            figure("returned", "returned", 44, "2016"),
        ],
    )
    assert not found


def test_parts_at_other_dates_do_not_count(tmp_path):
    assert not parts_ledger(
        tmp_path,
        [
            figure("left", "left", 120, "2016-06"),
            figure("killed", "killed", 104, "2017"),
            figure("returned", "returned", 44, "2016"),
        ],
    )


def test_a_single_part_above_the_whole(tmp_path):
    found = parts_ledger(
        tmp_path,
        [
            figure("left", "left", 100, "2016"),
            figure("killed", "killed", 104, "2016-03"),
        ],
    )
    assert pairs(found) == {frozenset({"left", "killed"})}


def test_exhaustive_parts_that_fall_short(tmp_path):
    found = parts_ledger(
        tmp_path,
        [
            figure("six", "left", 6, "2024-03-23"),
            figure("two", "killed", 2, "2024-03-23"),
            figure("three", "returned", 3, "2024-03-23"),
        ],
        exhaustive=True,
    )
    assert pairs(found) == {frozenset({"six", "two", "three"})}
    assert "less than the whole" in found[0].message


def test_exhaustive_parts_that_add_up(tmp_path):
    assert not parts_ledger(
        tmp_path,
        [
            figure("six", "left", 6, "2024-03-23"),
            figure("two", "killed", 2, "2024-03-23"),
            figure("four", "returned", 4, "2024-03-23"),
        ],
        exhaustive=True,
    )


def test_exhaustive_needs_every_part_to_judge_a_shortfall(tmp_path):
    assert not parts_ledger(
        tmp_path,
        [
            figure("six", "left", 6, "2024-03-23"),
            figure("two", "killed", 2, "2024-03-23"),
        ],
        exhaustive=True,
    )


def test_without_exhaustive_a_shortfall_is_fine(tmp_path):
    assert not parts_ledger(
        tmp_path,
        [
            figure("six", "left", 6, "2024-03-23"),
            figure("two", "killed", 2, "2024-03-23"),
            figure("three", "returned", 3, "2024-03-23"),
        ],
    )


def test_flow_parts_count_only_for_the_identical_period(tmp_path):
    found = parts_ledger(
        tmp_path,
        [
            figure("year", "left", 100, "2014"),
            figure("killed-year", "killed", 80, "2014"),
            figure("returned-half", "returned", 90, "2014-01/2014-06"),
            figure("returned-year", "returned", 30, "2014-01/2014-12"),
        ],
        kind="flow",
    )
    assert pairs(found) == {frozenset({"year", "killed-year", "returned-year"})}
