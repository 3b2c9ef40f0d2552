"""How far apart in time two figures of a quantity may be and still describe "about the same
time", for the rules that compare figures at nearby dates (they have a `window_days`
option): the quantity's own `window_days` in quantities.yaml where it has one, else the
rule's option (figcheck.yaml, or the rule's default).

A toll updated every few hours moves more in a day than an annual statistic in a year, so
one window for every quantity either floods the first with findings between successive
updates or misses real gaps in the second.
"""

from __future__ import annotations

from figcheck.model import Quantity
from figcheck.rules.base import Options


def window_days(quantity: Quantity, options: Options) -> int:
    """The window, in days, for `quantity` under a rule whose options are `options`."""
    if quantity.window_days is not None:
        return quantity.window_days
    return int(options["window_days"])
