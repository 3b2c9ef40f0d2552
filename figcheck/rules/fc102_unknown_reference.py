"""FC102 unknown reference: a name that quantities.yaml does not define, or a relation cycle.

A figure's `quantity`, and every quantity named in `parts`, `subset_of` or `of`, must be a
quantity id in quantities.yaml; the message suggests the closest id when there is one.
Relations must not go round in a circle (a subset of its own subset, a part of its own part).
Like FC101, this stops the consistency rules and makes `figcheck check` exit with code 2.

Passes:

    quantities:
      ru-departed: {kind: cumulative}
      chechnya-departed: {kind: cumulative, subset_of: [ru-departed]}

Fails (a typo in the reference):

    quantities:
      ru-departed: {kind: cumulative}
      chechnya-departed: {kind: cumulative, subset_of: [ru-departd]}

Fails (a cycle):

    quantities:
      a: {subset_of: [b]}
      b: {subset_of: [a]}

Fails (a figure of a quantity that is not defined):

    quantities: {ru-departed: {kind: cumulative}}
    figures:
      - {quantity: ru-departd, value: 2719, as_of: 2015-11-19}
"""

from figcheck.rules.base import LoadRule

RULE = LoadRule(
    code="FC102",
    title="unknown reference",
    severity="error",
    doc=__doc__ or "",
    reports="unknown-reference",
)
