"""FC104 quote not found: a figure's quote, or an `ignore:` text, is not in its document.

Each figure's `quote` must occur in the text of its document (the file named by the
document's `text:`), and so must the `text` of each `ignore:` entry. They are compared after
folding: case, runs of white space (line breaks included), typographic quote marks (“ ” ‘ ’
« » ...) and dashes (– — − ...) do not matter. A quote must also start and end on whole words:
"ne hundred" does not occur in "one hundred". The message says how far the quote agrees with
the text and where they part, which finds a typo at a glance.

A document without `text:` cannot be checked: one info finding per such document says so.
A text file that is not UTF-8 is an error here too.

Like the other FC1xx errors, this one means the ledger does not say what its documents say:
`figcheck check` exits with code 2, and the finding cannot be accepted, only fixed. The
figure is left out of the consistency rules (FC2xx, FC3xx), which run on the others.

Passes (quote marks and case do not matter):

    quantities: {ru-joined-isis: {kind: cumulative}}
    text: In total, over 2,000 Russians have “joined” the Islamic State.
    figures:
      - {quantity: ru-joined-isis, value: 2000, approx: over, as_of: 2016,
         quote: 'over 2,000 russians have "joined"'}

Fails (a word changed in copying):

    quantities: {ru-joined-isis: {kind: cumulative}}
    text: In total, over 2,000 Russians have “joined” the Islamic State.
    figures:
      - {quantity: ru-joined-isis, value: 2000, approx: over, as_of: 2016,
         quote: "over 2,000 Russians joined"}
"""

from __future__ import annotations

from collections.abc import Iterator

from figcheck.rules.base import DocumentRule, Hit, Options
from figcheck.text.anchoring import Anchors, DocumentText
from figcheck.text.folding import Folded
from figcheck.wording import quoted, shorten


def find(text: DocumentText, options: Options) -> Iterator[Hit]:
    document = text.document
    if text.text_file is None:
        yield Hit(
            f"document {document.id} has no `text:`, so its quotes were not checked against "
            "it and its numbers were not counted; add the document's plain text under "
            "documents/ and name it in `text:`",
            (),
            None,
            locations=(document.location,),
            subject=("no-text", document.id),
            info=True,
        )
        return
    where = text.text_file
    found = text.anchors
    if found is None:
        yield Hit(
            f"the text of {document.id}, {where}, {text.unreadable}; its quotes cannot be checked",
            (),
            None,
            locations=(text.location(), document.location),
            subject=("unreadable", document.id),
        )
        return
    # Where a quote and the text part is worked out for the first few quotes of a document
    # that are not in it (each costs a few searches of the whole text); the others say less.
    explained = 0

    def why_not(quote: str, noun: str) -> str:
        nonlocal explained
        explained += 1
        if explained > _EXPLAINED:
            return f"{noun} is not in it (see `figcheck extract {document.id}`)"
        return parting(found, quote, noun)

    for figure, _ in text.figures:
        full_id = figure.full_id
        if not found.quotes[full_id]:
            message = f"the quote of {full_id} is not in {where}: " + why_not(
                figure.quote, "the quote"
            )
            yield Hit(message, (figure,), figure.quantity)
    for entry, spans in found.ignores:
        if not spans:
            yield Hit(
                f"the ignored text {quoted(entry.text)} is not in {where}: "
                + why_not(entry.text, "the ignored text"),
                (),
                None,
                locations=(entry.location,),
                subject=("ignore", document.id, entry.text),
            )
    for cut in found.cut:
        yield Hit(
            f"{cut.what} occurs in {where} more often than figcheck looks: it looked at its "
            f"first {cut.places:,} places, and the numbers at the others are not recorded or "
            "ignored by it; quote a longer, distinctive passage",
            (),
            None,
            locations=(text.location(),),
            subject=("places", document.id, cut.what),
            info=True,
        )


_EXPLAINED = 20


def parting(anchors: Anchors, quote: str, noun: str) -> str:
    """Where the quote and the text part: 'the text agrees up to “From Russia went to Syria”
    (line 7), then reads “2719 Russian” where the quote has “2791 Russian”'. Every piece
    shown is shortened: a quote's word may be 100 MB long."""
    text = anchors.folded
    own = Folded.of(quote.strip())
    folded_quote = own.folded
    agreed, at = text.longest_prefix(quote)
    if agreed == len(folded_quote):
        return (
            f"it occurs only as part of a longer word or number (line {_line(anchors, at)}); "
            "quote whole words and numbers"
        )
    # Back off to the last whole word both agree on, so that the two sides read as words.
    cut = folded_quote.rfind(" ", 0, agreed + 1) if agreed < len(folded_quote) else agreed
    if cut <= 0:
        return f"not even its start “{_words(own, 0, 4)}” occurs; is it from another document?"
    start, end = text.original_span((at, at + cut))
    agreed_text = shorten(" ".join(text.original[start:end].split()))
    reads = shorten(" ".join(text.original[end : end + 80].split()[:4]))
    return (
        f"the text agrees up to “{agreed_text}” (line {_line(anchors, at)}), then reads "
        f"“{reads}” where {noun} has “{_words(own, cut, 4)}”"
    )


def _words(quote: Folded, folded_start: int, count: int) -> str:
    """`count` words of the quote as written, from a folded position on, shortened."""
    start, _ = quote.original_span((folded_start, folded_start))
    return shorten(" ".join(quote.original[start : start + 400].split()[:count]))


def _line(anchors: Anchors, folded_at: int) -> int:
    start, _ = anchors.folded.original_span((folded_at, folded_at))
    return anchors.line_of(start)


RULE = DocumentRule(
    code="FC104",
    title="quote not found",
    severity="error",
    doc=__doc__ or "",
    find=find,
    data_error=True,
    remedy="give the document its `text:` if it has none; otherwise correct the quote (or "
    "the `ignore:` text) to the document's words",
)
