"""`figcheck draft` (the default format): the drafts as a source-file fragment to review.

    # Drafts for tass-2015-11-19 (figcheck draft), from data/documents/003_....txt: ...
    document: tass-2015-11-19

    figures:
      # line 7: From Russia went to Syria 2719 Russian citizens, 160 of them have been ...
      # confidence: quantity 0.48, value 1.00, approx 0.80, quote 0.80, as_of 0.40, ...
      # as_of: no date near it: the publication date, uncertain
      # other quantities: ru-departed-syria-killed (0.44), ...
      - quantity: ru-departed-syria
        value: 2719
        approx: exact
        as_of: 2015-11-19?
        said_by: Oleg Syromolotov, Deputy Foreign Minister
        quote: From Russia went to Syria 2719 Russian citizens

    ignore:
      # line 5: MOSCOW, November 19. (confidence 0.90)
      - text: MOSCOW, November 19
        why: the dateline

Each draft has comments above it: its line and sentence, the confidence of each field, how
the less certain fields were read, why it shares a `statement:` with other figures (the
same number, speaker and date), and the other quantities that matched. A record whose
quantity matches none is written with an empty `quantity:` and the `figcheck quantity add`
command that would define the suggested one. `figcheck add --from FILE` records the file
once reviewed; it reads the fields and ignores the comments.
"""

from __future__ import annotations

import re
from typing import TextIO

from figcheck.text.drafting.drafts import FIELDS, Draft, DraftRecord, Drafts
from figcheck.wording import plural
from figcheck.writing.yaml_appending import DateText, number_text, scalar

_SENTENCE_WIDTH = 88


def render(drafts: Drafts, stream: TextIO, *, data: str = "data") -> None:
    records = [d for d in drafts.drafts if d.record is not None]
    ignores = [d for d in drafts.drafts if d.ignore is not None]
    entries = plural(len(ignores), "ignore entry", "ignore entries")
    left = plural(drafts.found - drafts.accounted, "number")
    lines = [
        f"# Drafts for {drafts.document} (figcheck draft), from {drafts.text_file}:",
        f"# {plural(len(records), 'record')} and {entries} for the {left} not yet recorded or"
        f" ignored (of {drafts.found}).",
        "# Review each draft against its sentence: correct what is wrong, fill in every empty",
        "# quantity, delete what should not be recorded. Then record them all at once with",
        f"#   figcheck add --from THIS_FILE --data {data}",
        "# (nothing is written while any draft is invalid; each problem names its line here).",
        f"document: {scalar(drafts.document)}",
    ]
    if not drafts.drafts:
        lines.insert(1, "# Every number of the text is recorded or ignored: nothing to draft.")
    if records:
        lines += ["", "figures:"]
        for draft in records:
            lines += _record(draft)
    if ignores:
        lines += ["ignore:"] if lines[-1] == "" else ["", "ignore:"]
        for draft in ignores:
            lines += _ignore(draft)
    stream.write("\n".join(lines).rstrip("\n") + "\n")


def _record(draft: Draft) -> list[str]:
    record = draft.record
    assert record is not None
    scores = ", ".join(
        f"{name} {draft.confidence[name]:.2f}"
        for name in (*FIELDS, "statement")
        if name in draft.confidence
    )
    lines = [f"  # line {draft.number.line}: {_sentence(draft)}", f"  # confidence: {scores}"]
    for name in ("as_of", "said_by"):
        if draft.confidence.get(name, 1) < 0.7:
            lines.append(_comment(f"  # {name}: {draft.reasons[name]}"))
    if record.statement is not None:
        lines.append(_comment(f"  # statement: {draft.reasons['statement']}"))
    others = [c for c in draft.candidates if c.quantity != record.quantity]
    if others:
        shown = ", ".join(f"{c.quantity} ({c.score:.2f})" for c in others)
        lines.append(f"  # other quantities: {shown}")
    if draft.new_quantity is not None:
        new = draft.new_quantity
        lines.append("  # no quantity matches well: choose one, or define one, such as")
        lines.append(
            _comment(
                f"  #   figcheck quantity add {new.id} --label {_shell(new.label)}"
                f" --unit {_shell(new.unit)} --kind {new.kind}"
            )
        )
    lines += _fields(record)
    return [*lines, ""]


def _fields(record: DraftRecord) -> list[str]:
    value = (
        f"[{number_text(record.value[0])}, {number_text(record.value[1])}]"
        if isinstance(record.value, tuple)
        else number_text(record.value)
    )
    quantity = scalar(record.quantity) if record.quantity is not None else ""
    fields = [
        f"  - quantity: {quantity}".rstrip(),
        f"    value: {value}",
        f"    approx: {record.approx}",
        f"    as_of: {scalar(DateText(record.as_of))}",
        f"    said_by: {scalar(record.said_by)}",
        f"    quote: {scalar(record.quote)}",
    ]
    if record.statement is not None:
        fields.append(f"    statement: {scalar(record.statement)}")
    return fields


def _ignore(draft: Draft) -> list[str]:
    assert draft.ignore is not None
    confidence = draft.confidence.get("action", 0)
    return [
        f"  # line {draft.number.line}: {_sentence(draft)} (confidence {confidence:.2f})",
        f"  - text: {scalar(draft.ignore.text)}",
        f"    why: {scalar(draft.ignore.why)}",
        "",
    ]


# What YAML does not allow in a comment (nor a terminal should act on): shown as escapes.
_UNPRINTABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff]")


def _comment(text: str) -> str:
    """`text` safe to stand in a YAML comment: control characters written as escapes."""
    return _UNPRINTABLE.sub(
        lambda c: (
            f"\\x{ord(c.group()):02x}" if ord(c.group()) < 0x100 else f"\\u{ord(c.group()):04x}"
        ),
        text.replace("\t", " "),
    )


def _sentence(draft: Draft) -> str:
    """The sentence on one line, cut around the number when it is long."""
    sentence = _comment(draft.sentence)
    if len(sentence) <= _SENTENCE_WIDTH:
        return sentence
    at = max(0, sentence.find(draft.number.text))
    start = max(0, min(at - _SENTENCE_WIDTH // 3, len(sentence) - _SENTENCE_WIDTH))
    piece = sentence[start : start + _SENTENCE_WIDTH]
    return ("…" if start else "") + piece + ("…" if start + _SENTENCE_WIDTH < len(sentence) else "")


def _shell(text: str) -> str:
    """`text` quoted for a POSIX shell."""
    return "'" + text.replace("'", "'\\''") + "'"
