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


def test_a_flow_part_of_another_period_is_not_counted_even_alone(tmp_path):
    # Half a year's 150 cannot be set against the year's 100 of the whole.
    assert not parts_ledger(
        tmp_path,
        [
            figure("year", "left", 100, "2014"),
            figure("returned-half", "returned", 150, "2014-01/2014-06"),
        ],
        kind="flow",
    )


def test_change_parts_count_only_for_the_same_two_periods(tmp_path):
    # 2013-01/2014-12 spans the days of 2013/2014, but compares two months, not two years.
    quantities = {
        "all": quantity("change", unit="percent", parts=["a", "b"]),
        "a": quantity("change", unit="percent"),
        "b": quantity("change", unit="percent"),
    }
    figures = [
        figure("all", "all", 10, "2013/2014"),
        figure("a-months", "a", 20, "2013-01/2014-12"),
        figure("b-later", "b", 30, "2014/2015"),
    ]
    root = write_documents_ledger(tmp_path, quantities, {"doc": figures})
    assert not findings_of(root, "FC203")
    figures.append(figure("a-years", "a", 20, "2013/2014"))
    root = write_documents_ledger(tmp_path, quantities, {"doc": figures})
    assert pairs(findings_of(root, "FC203")) == {frozenset({"all", "a-years"})}


def test_of_two_flow_figures_of_a_part_the_lower_is_used(tmp_path):
    found = parts_ledger(
        tmp_path,
        [
            figure("year", "left", 100, "2014"),
            figure("killed-high", "killed", 120, "2014"),
            figure("killed-low", "killed", 70, "2014"),
            figure("killed-higher", "killed", 130, "2014"),
            figure("returned", "returned", 40, "2014"),
        ],
        kind="flow",
    )
    assert pairs(found) == {frozenset({"year", "killed-low", "returned"})}


def test_of_equally_lenient_figures_the_first_is_cited(tmp_path):
    found = parts_ledger(
        tmp_path,
        [
            figure("year", "left", 100, "2014"),
            figure("killed", "killed", 70, "2014"),
            figure("killed-at-least", "killed", 70, "2014", approx="at-least"),
            figure("returned", "returned", 40, "2014"),
        ],
        kind="flow",
    )
    assert pairs(found) == {frozenset({"year", "killed", "returned"})}


def test_exhaustive_parts_use_the_highest_figure_of_each_part(tmp_path):
    # killed is 30 or 60 at once: 60 + 40 reaches the whole 100, so no shortfall is proven.
    found = parts_ledger(
        tmp_path,
        [
            figure("left", "left", 100, "2016-06"),
            figure("killed-low", "killed", 30, "2016-06"),
            figure("killed-high", "killed", 60, "2016-06"),
            figure("returned", "returned", 40, "2016-06"),
        ],
        exhaustive=True,
    )
    assert not found


def test_the_findings_say_which_way_the_parts_miss_the_whole(tmp_path):
    (more,) = parts_ledger(
        tmp_path / "more",
        [
            figure("left", "left", 120, "2016-06"),
            figure("killed", "killed", 104, "2016-06"),
            figure("returned", "returned", 44, "2016-06"),
        ],
    )
    assert more.quantity == "left"
    assert more.message.startswith(
        "the parts of left add up to more than the whole: killed 104 (Jun 2016, "
    )
    assert " + returned 44 (Jun 2016, " in more.message
    assert " make at least 148, but left is 120 (Jun 2016, " in more.message
    assert more.message.endswith(": [148, 148] lies above [120, 120]")
    (less,) = parts_ledger(
        tmp_path / "less",
        [
            figure("left", "left", 200, "2016-06"),
            figure("killed", "killed", 104, "2016-06"),
            figure("returned", "returned", 44, "2016-06"),
        ],
        exhaustive=True,
    )
    assert less.quantity == "left"
    assert less.message.startswith(
        "the parts of left add up to less than the whole, though they are said to be all of "
        "it: killed 104 (Jun 2016, "
    )
    assert " make at most 148, but left is 200 (Jun 2016, " in less.message
    assert less.message.endswith(": [148, 148] lies below [200, 200]")


def test_a_whole_after_a_quantity_without_parts_is_checked(tmp_path):
    # `country` comes first in the family and has no parts; `region`, its subset, has.
    quantities = {
        "country": quantity("stock"),
        "region": quantity("stock", subset_of=["country"], parts=["north", "south"]),
        "north": quantity("stock"),
        "south": quantity("stock"),
    }
    figures = [
        figure("region", "region", 100, "2015"),
        figure("north", "north", 80, "2015"),
        figure("south", "south", 50, "2015"),
    ]
    root = write_documents_ledger(tmp_path, quantities, {"doc": figures})
    assert pairs(findings_of(root, "FC203")) == {frozenset({"region", "north", "south"})}


def test_a_whole_after_a_whole_without_figures_is_checked(tmp_path):
    # `all` comes first and has no figure; `north`, one of its parts, has parts of its own.
    quantities = {
        "all": quantity("stock", parts=["north", "south"]),
        "north": quantity("stock", parts=["east", "west"]),
        "south": quantity("stock"),
        "east": quantity("stock"),
        "west": quantity("stock"),
    }
    figures = [
        figure("north", "north", 100, "2015"),
        figure("east", "east", 80, "2015"),
        figure("west", "west", 50, "2015"),
    ]
    root = write_documents_ledger(tmp_path, quantities, {"doc": figures})
    assert pairs(findings_of(root, "FC203")) == {frozenset({"north", "east", "west"})}


def test_without_exhaustive_a_shortfall_is_fine_where_an_excess_was_possible(tmp_path):
    # The whole's lower figure at another date lets the parts be compared at all; a
    # shortfall against the higher one is still no finding.
    assert not parts_ledger(
        tmp_path,
        [
            figure("six", "left", 6, "2024-03-23"),
            figure("four", "left", 4, "2024-01-10"),
            figure("two", "killed", 2, "2024-03-23"),
            figure("three", "returned", 3, "2024-03-23"),
        ],
    )


def test_a_whole_counted_higher_later_still_bounds_its_parts_now(tmp_path):
    found = parts_ledger(
        tmp_path,
        [
            figure("then", "left", 100, "2014-06-01"),
            figure("later", "left", 300, "2016-06-01"),
            figure("killed", "killed", 120, "2014-06-01"),
            figure("returned", "returned", 80, "2014-06-01"),
        ],
    )
    assert pairs(found) == {frozenset({"then", "killed", "returned"})}
