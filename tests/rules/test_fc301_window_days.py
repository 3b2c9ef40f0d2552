"""FC301 with a quantity's own `window_days`: a toll that moves in days is compared only
within days, so successive updates are not divergences, while two counters far apart on
nearby days still are."""

from __future__ import annotations

from figcheck.model import Location, Quantity
from figcheck.rules.windows import window_days
from tests.builders import figure, findings_of, pairs, quantity, write_documents_ledger

# One agency's updates, three days apart, then two other counters around the fourth day.
TOLL = {
    "agency": [
        figure("feb06", "toll", 2300, "2023-02-06", said_by="Agency"),
        figure("feb09", "toll", 12000, "2023-02-09", said_by="Agency"),
        figure("feb12", "toll", 22000, "2023-02-12", said_by="Agency"),
        figure("feb15", "toll", 35000, "2023-02-15", said_by="Agency"),
    ],
    "ministry": [figure("m-feb12", "toll", 28000, "2023-02-12", said_by="Ministry")],
    "rescuers": [figure("r-feb13", "toll", 30000, "2023-02-13", said_by="Rescuers")],
}


def toll(tmp_path, window=None, config=None):
    q = quantity("cumulative")
    if window is not None:
        q["window_days"] = window
    return write_documents_ledger(tmp_path, {"toll": q}, TOLL, config=config)


def test_successive_updates_are_not_divergences_within_a_short_window(tmp_path):
    root = toll(tmp_path, window=1)
    # 22,000 on 12 Feb against 30,000 the next day: 27% apart within the window.
    assert pairs(findings_of(root, "FC301")) == {frozenset({"feb12", "r-feb13"})}
    # The same-day gap between two counters is still raised.
    assert pairs(findings_of(root, "FC201")) == {frozenset({"feb12", "m-feb12"})}


def test_without_a_window_every_update_is_compared_across_a_year(tmp_path):
    found = pairs(findings_of(toll(tmp_path), "FC301"))
    assert frozenset({"feb06", "feb09"}) in found
    assert frozenset({"feb09", "feb15"}) in found


def test_the_quantity_window_wins_over_figcheck_yaml(tmp_path):
    # figcheck.yaml's window applies to quantities without their own: 12 and 15 Feb are
    # three days apart.
    config = {"rules": {"FC301": {"window_days": 3}}}
    assert frozenset({"feb12", "feb15"}) in pairs(
        findings_of(toll(tmp_path, config=config), "FC301")
    )
    found = findings_of(toll(tmp_path / "2", window=1, config=config), "FC301")
    assert pairs(found) == {frozenset({"feb12", "r-feb13"})}


def test_a_window_of_zero_days_compares_only_overlapping_dates(tmp_path):
    documents = {
        "a": [figure("may", "q", 1000, "2015-05", said_by="A")],
        "b": [figure("jun1", "q", 2000, "2015-06-01", said_by="B")],
        "c": [figure("jun", "q", 3000, "2015-06", said_by="C")],
    }
    # With FC201 off, FC301 reports the pair at overlapping dates that FC201 would.
    config = {"rules": {"FC201": {"severity": "off"}}}
    root = write_documents_ledger(
        tmp_path, {"q": quantity("stock", window_days=0)}, documents, config=config
    )
    # 1 June is the day after May: not compared; 1 June lies within June.
    assert pairs(findings_of(root, "FC301")) == {frozenset({"jun1", "jun"})}


def test_one_function_gives_the_window_of_a_quantity_under_a_rule():
    plain = Quantity("q", "Q", "people", "stock", Location("quantities.yaml", 2))
    daily = Quantity("d", "D", "people", "stock", Location("quantities.yaml", 7), window_days=3)
    assert window_days(plain, {"window_days": 366}) == 366
    assert window_days(plain, {"window_days": 30}) == 30
    assert window_days(daily, {"window_days": 366}) == 3
    assert window_days(Quantity("z", "Z", "x", "stock", plain.location, window_days=0), {}) == 0
