"""FC302 unrecorded number: a number in a document's text that no record accounts for.

Every number in a document's text (as `figcheck extract` lists them, number words and
"hundreds" included) must be either recorded or ignored:

- recorded: it lies inside a place where a figure's quote matches the text, and it says that
  figure's value (the test of FC105). The other numbers inside the same quote are not
  recorded by that figure: "six people in the car: two were detained, four more ran away"
  quoted for the two detained records the 2 only;
- ignored: it lies inside a place where the `text` of one of the document's `ignore:`
  entries matches the text, every place where it matches. Use it for numbers that are not
  statements about the world: a copyright year, "24/7", "article 51", a date, "No one".

A number inside the quote of a figure whose value no number of that quote says (a
mistyped value, 2791 for the 2,719 quoted) is reported by FC105 alone, which names the
figure to correct; it is not reported here as well.

The finding is at the text file and line of the number. It cannot be accepted: a number
is accounted for by a record or by an `ignore:` entry, whose `why` says why it is not a
statement about the world (`figcheck accept` refuses it, and an entry for it in
accepted.yaml is reported by FC109 and accepts nothing). `figcheck extract DOC` lists every
number with its status: it is the work list for clearing these findings.

A text with many unrecorded numbers has the first ones reported one by one (option `listed`,
100 by default) and one more finding that sums up the others, with how many there are and
on which lines; `--format json` still lists each of them, and accepted ones are always
reported one by one.

Passes (the 2,719 is recorded, the date is ignored):

    quantities: {ru-departed: {kind: cumulative}}
    text: November 19, 2015. From Russia went to Syria 2719 Russian citizens.
    figures:
      - {quantity: ru-departed, value: 2719, as_of: 2015-11-19,
         quote: From Russia went to Syria 2719 Russian citizens}
    ignore:
      - {text: "November 19, 2015", why: the date of the statement}

Fails (the 160 in the same sentence is neither):

    quantities: {ru-departed: {kind: cumulative}}
    text: From Russia went to Syria 2719 Russian citizens, 160 of them have been destroyed.
    figures:
      - {quantity: ru-departed, value: 2719, as_of: 2015-11-19,
         quote: From Russia went to Syria 2719 Russian citizens}
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from figcheck.findings import finding_id
from figcheck.rules.base import DocumentRule, Hit, Option, Options
from figcheck.text import anchoring
from figcheck.text.anchoring import DocumentText
from figcheck.text.numbers import Occurrence
from figcheck.wording import plural, shorten


def find(text: DocumentText, options: Options) -> Iterator[Hit]:
    found = text.anchors
    if found is None:
        return  # FC104 says why: no text, or one that cannot be read
    listed = int(options["listed"])
    first = last = count = 0  # the lines of the numbers summed up, and how many
    for number, subject, one_by_one in _unrecorded(text, listed):
        if one_by_one:
            yield _hit(text, number, subject)
        else:
            first, last, count = first or number.line, number.line, count + 1
    if count:
        lines = f"line {first:,}" if first == last else f"lines {first:,} to {last:,}"
        reread = text.reread
        yield Hit(
            f"{plural(count, 'more number')} in {text.text_file} ({lines}) "
            f"{'is' if count == 1 else 'are'} neither recorded nor ignored: figcheck lists "
            f"the first {listed:,} of a text one by one (`rules: {{{RULE.code}: {{listed: N}}}}` "
            f"in figcheck.yaml); `figcheck extract {text.document.id} --unrecorded` lists "
            "them all",
            (),
            None,
            locations=(text.location(first),),
            subject=("unrecorded-more", text.document.id),
            stands_for=count,
            more=None if reread is None else lambda: _rest(reread(), listed),
        )


def _unrecorded(
    text: DocumentText, listed: int
) -> Iterator[tuple[Occurrence, tuple[str, ...], bool]]:
    """Each unrecorded number of the text in text order, with the subject of its finding,
    and whether it is reported one by one (the first `listed`, and any accepted one)."""
    found = text.anchors
    assert found is not None
    accepted = {a for a in text.accepted if a.startswith(f"{RULE.code}:")}
    seen: Counter[str] = Counter()
    for entry in found.entries:
        number = entry.number
        seen[number.text] += 1
        if entry.status != "unrecorded" or entry.misquoted_by is not None:
            continue  # a number in the quote of a figure whose value it does not say: FC105's
        # The n-th occurrence of this number as written in this document: stable when other
        # parts of the text or the ledger change.
        subject = ("unrecorded", text.document.id, number.text, str(seen[number.text]))
        if listed > 0 or (accepted and finding_id(RULE.code, subject) in accepted):
            listed -= 1
            yield number, subject, True
        else:
            yield number, subject, False


def _hit(text: DocumentText, number: Occurrence, subject: tuple[str, ...]) -> Hit:
    assert text.anchors is not None
    before, it, after = anchoring.context(text.anchors.text, number.start, number.end)
    meaning = number.meaning()
    it = shorten(it)
    shown = f"{it} ({shorten(meaning)})" if meaning else it
    return Hit(
        f"{shown} is neither recorded nor ignored: “{before}{it}{after}”; record it as a "
        f"figure, or list it under `ignore:` in {text.source_file} with a `why`",
        (),
        None,
        locations=(text.location(number.line),),
        subject=subject,
    )


def _rest(text: DocumentText, listed: int) -> Iterator[Hit]:
    """The findings that the summing-up finding stands for, one by one (read again)."""
    if text.anchors is None:
        return
    for number, subject, one_by_one in _unrecorded(text, listed):
        if not one_by_one:
            yield _hit(text, number, subject)


RULE = DocumentRule(
    code="FC302",
    title="unrecorded number",
    severity="warning",
    doc=__doc__ or "",
    find=find,
    options=(
        Option(
            "listed",
            100,
            "how many unrecorded numbers of one text are reported one by one; one more "
            "finding sums up the others (JSON lists each of them)",
            minimum=0,
            integer=True,
        ),
    ),
    remedy="record the number as a figure, or list it under `ignore:` with a `why` "
    "(`figcheck extract` lists the document's numbers)",
    not_acceptable="is a number of a text, which a figure or an `ignore:` entry with its `why` "
    "accounts for, never an acceptance: record it, or list it under `ignore:`",
)
