"""Curating a document at the terminal, one number at a time: `figcheck curate`.

The loop offers the draft of each number not yet recorded or ignored
(figcheck/text/drafting/drafts.py), in text order, and the curator accepts it, edits it, chooses
its quantity, ignores the number, skips it or undoes the last step. What is accepted is
written at once by the stage that writes the ledger (figcheck/writing/), validated,
anchored, atomic and locked as `figcheck add` and `figcheck ignore` write, and the findings
it takes part in are shown straight away.

`session` holds the loop's state and its steps, apart from any terminal; `terminal` is the
interaction (keys, prompts with defaults and completion), which only `figcheck curate`
imports.
"""
