"""`figcheck report`: the ledger read family by family, for a person or a program.

The report is built from the engine's result (figcheck.engine.CheckResult: the families, the
findings, the acceptances and the coverage of the texts); the engine never prints. Each
format of the report is a module here; what the figures say together is worked out apart
from how it is shown:

- `read_together`: notes that read a family's figures side by side (shares of a superset,
  sums of parts, compounded changes);
- `terminal`: the report for a person at a terminal (rich).

Nothing here is imported by `figcheck check` or `figcheck --help`.
"""
