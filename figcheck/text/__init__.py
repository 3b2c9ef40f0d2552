"""Reading documents' texts: every number in a text (`numbers`, with the number words of
`numberwords`), comparing quotes with a text as a reader would (`folding`), whether a number
says a figure's value (`value_match`), where each record stands in its text and which numbers
no record accounts for (`anchoring`), and the curator's work list of one text (`worklist`).
"""
