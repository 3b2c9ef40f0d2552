"""What figcheck keeps between runs and hands between processes.

- `codec`: a source file as read (its document, figures and problems) and a document's
  outcome (the findings of the document rules and the coverage of its text) as tuples of
  plain values, which `marshal` writes and reads fast, and back;
- `store`: the ledger's cache, `.figcheck-cache/`: entries named by a hash of everything
  that decides them, signed with a key kept outside the ledger, written atomically; a
  missing, stale, corrupt, truncated, foreign or unsigned entry is never read as valid;
- `session`: what one run knows of the ledger's files (their content hashes) and the names
  of the entries it reads and writes.
"""
