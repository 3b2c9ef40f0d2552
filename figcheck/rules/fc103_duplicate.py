"""FC103 duplicate: the same id twice, or the same key twice in one YAML mapping.

Two source files declaring one document id, two figures with one full id
(`document/figure`), two quantities or two acceptances of one finding, and a key repeated
inside any YAML mapping. YAML parsers silently keep the last of two repeated keys, so a
figure with two `value:` lines would lose one without a word; figcheck refuses it instead.
Like FC101, this stops the consistency rules and makes `figcheck check` exit with code 2.

Passes:

    quantities: {ru-departed: {kind: cumulative}, ru-killed: {kind: cumulative}}
    figures:
      - {id: departed, quantity: ru-departed, value: 2719, as_of: 2015-11-19}
      - {id: killed, quantity: ru-killed, value: 160, as_of: 2015-11-19}

Fails (the second figure reuses the id):

    quantities: {ru-departed: {kind: cumulative}, ru-killed: {kind: cumulative}}
    figures:
      - {id: departed, quantity: ru-departed, value: 2719, as_of: 2015-11-19}
      - {id: departed, quantity: ru-killed, value: 160, as_of: 2015-11-19}
"""

from figcheck.rules.base import LoadRule

RULE = LoadRule(
    code="FC103",
    title="duplicate",
    severity="error",
    doc=__doc__ or "",
    reports="duplicate",
)
