"""FC101 invalid record: a field is missing, mistyped or not a value figcheck knows.

Reported while the ledger is read, at the file and line of the field, with what to write
instead: a figure without `quote`, a `value` written as text ("2,719" in quotes), an `approx`
or `kind` that is not one of the listed words, a date that is not EDTF (`19.11.2015`), a
`range` without two numbers or with the low one last, an unknown field (often a typo, and the
message suggests the field meant), a file that is not valid YAML or not UTF-8, a setting in
figcheck.yaml that no rule has. A ledger with data errors cannot be trusted as written: the
consistency rules do not run until they are fixed, and `figcheck check` exits with code 2.

Passes:

    quantities: {ru-departed: {kind: cumulative}}
    figures:
      - {id: departed, quantity: ru-departed, value: 2719, as_of: 2015-11-19,
         said_by: Oleg Syromolotov, quote: From Russia went to Syria 2719 Russian citizens}

Fails (value is text, approx unknown, as_of not a date):

    quantities: {ru-departed: {kind: cumulative}}
    figures:
      - {id: departed, quantity: ru-departed, value: "2,719", approx: roughly,
         as_of: 19.11.2015, quote: From Russia went to Syria 2719 Russian citizens}
"""

from figcheck.rules.base import LoadRule

RULE = LoadRule(
    code="FC101",
    title="invalid record",
    severity="error",
    doc=__doc__ or "",
    reports="invalid",
)
