"""Changing a ledger: recording a figure (`adding`), accepting a finding (`accepting`),
starting a ledger (`starter`), each validated before anything is written.

`records` turns what a curator gives into the YAML mapping written; `yaml_appending` appends
it to a file as text, keeping every other byte; `atomic` writes files atomically under the
ledger's lock.
"""
