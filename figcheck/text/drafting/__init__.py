"""Drafting records from a text: for each number no record accounts for, a draft of the
record a curator would write (`drafts`), read with the sentences and clauses of the text
(`sentences`), who says it (`attribution`), whether it is a figure at all or belongs under
`ignore:` (`not_figures`), and which quantity it counts (`quantity_match`)."""
