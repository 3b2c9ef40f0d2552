from tests.builders import figure, findings_of, pairs, quantity, write_documents_ledger


def change_findings(tmp_path, figures, level_kind="flow"):
    quantities = {
        "victims": quantity(level_kind),
        "victims-change": quantity("change", unit="percent", of="victims"),
    }
    return findings_of(write_documents_ledger(tmp_path, quantities, {"doc": figures}), "FC205")


def test_exact_decline_with_exact_arithmetic(tmp_path):
    # 540 against 1,000 is exactly -46%, not -46.00000000000001%.
    assert not change_findings(
        tmp_path,
        [
            figure("y2013", "victims", 1000, "2013"),
            figure("y2014", "victims", 540, "2014"),
            figure("change", "victims-change", -46, "2013/2014"),
        ],
    )


def test_decimal_levels_are_exact_too(tmp_path):
    # 0.3 against 0.1 is +200%; binary floats would make it 199.99999999999997.
    assert not change_findings(
        tmp_path,
        [
            figure("a", "victims", 0.1, "2013"),
            figure("b", "victims", 0.3, "2014"),
            figure("change", "victims-change", 200, "2013/2014"),
        ],
    )


def test_change_the_levels_do_not_bear_out(tmp_path):
    found = change_findings(
        tmp_path,
        [
            figure("y2013", "victims", 1000, "2013"),
            figure("y2014", "victims", 600, "2014"),
            figure("change", "victims-change", -46, "2013/2014"),
        ],
    )
    assert pairs(found) == {frozenset({"y2013", "y2014", "change"})}
    assert "-40" in found[0].message


def test_hedged_levels_widen_the_implied_change(tmp_path):
    # about 1,000 and about 600: (540/1100 - 1) to (660/900 - 1) = -50.9% to -26.7%.
    assert not change_findings(
        tmp_path,
        [
            figure("y2013", "victims", 1000, "2013", approx="about"),
            figure("y2014", "victims", 600, "2014", approx="about"),
            figure("change", "victims-change", -46, "2013/2014"),
        ],
    )


def test_hedged_change(tmp_path):
    # "over 40%" down means (-inf, -40): -46 from 1000 to 540 fits it.
    assert not change_findings(
        tmp_path,
        [
            figure("y2013", "victims", 1000, "2013"),
            figure("y2014", "victims", 540, "2014"),
            figure("change", "victims-change", -40, "2013/2014", approx="over"),
        ],
    )


def test_no_levels_no_finding(tmp_path):
    assert not change_findings(
        tmp_path,
        [
            figure("change", "victims-change", -46, "2013/2014"),
            figure("y2014", "victims", 540, "2014"),
        ],
    )


def test_flow_levels_must_cover_exactly_the_period(tmp_path):
    assert not change_findings(
        tmp_path,
        [
            figure("h2013", "victims", 1000, "2013-01/2013-06"),
            figure("y2014", "victims", 600, "2014"),
            figure("change", "victims-change", -46, "2013/2014"),
        ],
    )


def test_stock_levels_within_the_periods(tmp_path):
    found = change_findings(
        tmp_path,
        [
            figure("mid2013", "victims", 1000, "2013-06-30"),
            figure("mid2014", "victims", 600, "2014-06-30"),
            figure("change", "victims-change", -46, "2013/2014"),
        ],
        level_kind="stock",
    )
    assert pairs(found) == {frozenset({"mid2013", "mid2014", "change"})}


def test_several_levels_for_a_period_count_together(tmp_path):
    # 600 or 540 in 2014: the widest reading, [540, 600], holds -46%.
    assert not change_findings(
        tmp_path,
        [
            figure("y2013", "victims", 1000, "2013"),
            figure("y2014", "victims", 600, "2014"),
            figure("y2014-b", "victims", 540, "2014", said_by="Other"),
            figure("change", "victims-change", -46, "2013/2014"),
        ],
    )


def test_an_open_bound_of_the_implied_change_excludes_its_end(tmp_path):
    # Under 1,000 in 2013 and 540 in 2014 imply a change above -46% (the level fell from less
    # than 1,000), so exactly -46% does not fit, while at most 1,000 allows it.
    figures = [
        figure("y2013", "victims", 1000, "2013", approx="under"),
        figure("y2014", "victims", 540, "2014"),
        figure("change", "victims-change", -46, "2013/2014"),
    ]
    assert pairs(change_findings(tmp_path, figures)) == {frozenset({"y2013", "y2014", "change"})}
    figures[0] = figure("y2013", "victims", 1000, "2013", approx="at-most")
    assert not change_findings(tmp_path / "2", figures)
