"""The curation loop at a terminal: one number at a time, one key per action, like `git add
-p`.

For each number, the progress, the sentence with the number highlighted, and the draft
beneath it with the confidence of each field; then one key:

    a  accept the draft (record it, or add its ignore entry)
    e  edit a field, prompted with the draft's value as the default
    c  choose the quantity: completion over the ids and labels of quantities.yaml (the
       letters of an id in order, or words of a label), or a new id, defined on the spot
       as `figcheck quantity add` does
    i  ignore the number instead, with the drafted reason (or one you give)
    s  skip it (offered again in the next session)
    u  undo the last step
    q  quit (a new session resumes here)
    ?  this help

What is accepted is written at once and the findings it takes part in are shown, as
`figcheck add` and `figcheck ignore` show them. Single keys are read with click; the
prompts, with their defaults, line editing and completion, with prompt_toolkit, which only
this module imports.
"""

from __future__ import annotations

import sys
from dataclasses import replace
from typing import TextIO

import click
from prompt_toolkit import prompt
from prompt_toolkit.completion import Completer, Completion, WordCompleter
from prompt_toolkit.validation import ValidationError, Validator
from rich.console import Console
from rich.text import Text

from figcheck.curation.session import Session
from figcheck.model import APPROXES, KINDS
from figcheck.output.console import make_console, printable
from figcheck.text.drafting.drafts import FIELDS, Draft, DraftRecord
from figcheck.wording import plural
from figcheck.writing.atomic import LockTimeout, Refused
from figcheck.writing.defining import NewQuantity
from figcheck.writing.records import parse_value
from figcheck.writing.yaml_appending import number_text

KEYS = (
    ("a", "accept"),
    ("e", "edit"),
    ("c", "choose quantity"),
    ("i", "ignore"),
    ("s", "skip"),
    ("u", "undo"),
    ("q", "quit"),
    ("?", "help"),
)
HELP = __doc__.split("\n\n")[2] if __doc__ else ""


class Loop:
    """The loop over one session, reading keys and prompts, printing to `out`."""

    def __init__(self, session: Session, out: TextIO = sys.stdout) -> None:
        self.session = session
        self.out = out
        self.console: Console = make_console(out)
        # The curator's edits of the current number's draft, kept until it is recorded.
        self.edited: dict[int, DraftRecord] = {}

    def run(self) -> int:
        """Offer each number until none is left or the curator quits; the exit code."""
        while True:
            draft = self.session.current
            if draft is None:
                self._finished()
                return 0
            self._show(draft)
            key = self._key()
            try:
                if key == "q":
                    self._quit()
                    return 0
                self._act(key, draft)
            except (Refused, LockTimeout) as error:
                self._say(f"figcheck: {error}", "red")
                for detail in getattr(error, "details", ()):
                    self._say(f"  {detail}", "red")
            except (EOFError, KeyboardInterrupt):
                self._say("(cancelled)", "dim")

    # -- what is shown ----------------------------------------------------------------------

    def _show(self, draft: Draft) -> None:
        progress = self.session.progress()
        skipped = f" ({progress.skipped} skipped)" if progress.skipped else ""
        self.console.print()
        self.console.print(
            Text(
                f"{self.session.document}: {progress.done} of {progress.found} numbers done, "
                f"{progress.left} left{skipped}",
                style="bold",
            )
        )
        sentence = Text(f"line {draft.number.line}: ", style="dim")
        before = draft.sentence[: draft.at]
        it = draft.sentence[draft.at : draft.at + len(" ".join(draft.number.text.split()))]
        sentence.append(printable(before))
        sentence.append(printable(it), style="reverse bold")
        sentence.append(printable(draft.sentence[draft.at + len(it) :]))
        self.console.print(sentence)
        record = self._record(draft)
        if record is not None:
            self._show_record(draft, record)
        elif draft.ignore is not None:
            self.console.print(Text("draft: ignore", style="bold"))
            self._field("text", draft.ignore.text)
            self._field("why", draft.ignore.why, f"confidence {draft.confidence['action']:.2f}")
        keys = "  ".join(f"[{key}] {name}" for key, name in KEYS)
        self.console.print(Text(keys, style="cyan"))

    def _show_record(self, draft: Draft, record: DraftRecord) -> None:
        self.console.print(Text("draft: record", style="bold"))
        drafted = draft.record
        for name in FIELDS:
            value = getattr(record, name)
            note = ""
            if drafted is not None and value != getattr(drafted, name):
                note = "(edited)"
            elif name in draft.confidence:
                note = f"{draft.confidence[name]:.2f}"
                if draft.confidence[name] < 0.7 and name in draft.reasons:
                    note += f"  {draft.reasons[name]}"
            if name == "quantity":
                others = [c for c in draft.candidates if c.quantity != value][:2]
                if others:
                    also = ", ".join(f"{c.quantity} {c.score:.2f}" for c in others)
                    note += f"  (also: {also})"
                if value is None:
                    value = "(none: press c to choose or define one)"
            self._field(name, _shown(value), note)
        if record.statement is not None:
            edited = drafted is not None and record.statement != drafted.statement
            note = "(edited)" if edited else draft.reasons.get("statement", "")
            self._field("statement", record.statement, note)

    def _field(self, name: str, value: str, note: str = "") -> None:
        line = Text(f"  {name:<9} ")
        line.append(printable(value))
        if note:
            line.append(f"   {printable(note)}", style="dim")
        self.console.print(line)

    def _say(self, message: str, style: str = "") -> None:
        self.console.print(Text(printable(message), style=style))

    def _finished(self) -> None:
        progress = self.session.progress()
        if progress.left:
            self._say(
                f"Done for now: {progress.done} of {progress.found} numbers recorded or "
                f"ignored; {plural(progress.left, 'number')} skipped, offered again by "
                f"`figcheck curate {self.session.document}`.",
                "bold",
            )
            return
        self._say(
            f"All {plural(progress.found, 'number')} of {self.session.document} are recorded "
            "or ignored. `figcheck check` checks the whole ledger.",
            "bold green",
        )

    def _quit(self) -> None:
        progress = self.session.progress()
        self._say(
            f"Stopped: {progress.done} of {progress.found} numbers done, {progress.left} left. "
            f"`figcheck curate {self.session.document}` resumes here.",
            "bold",
        )

    # -- actions ----------------------------------------------------------------------------

    def _key(self) -> str:
        self.out.flush()
        while True:
            key = click.getchar()
            if key in ("\x03", "\x04"):  # Ctrl-C, Ctrl-D at the key prompt: quit
                return "q"
            if key in {k for k, _ in KEYS}:
                return key
            self._say("press one of a, e, c, i, s, u, q (or ? for help)", "dim")

    def _act(self, key: str, draft: Draft) -> None:
        if key == "a":
            self._accept(draft)
        elif key == "e":
            self._edit(draft)
        elif key == "c":
            if draft.record is None:
                self._say("an ignore draft has no quantity; press i to ignore, or e to edit it")
            else:
                self._choose_quantity(draft)
        elif key == "i":
            self._ignore(draft)
        elif key == "s":
            self.session.skip(draft)
            self._say(f"skipped {draft.number.text}", "dim")
        elif key == "u":
            undone = self.session.undo()
            self.edited.clear()
            self._say(f"undone: {undone}", "yellow")
        elif key == "?":
            self._say(HELP)

    def _record(self, draft: Draft) -> DraftRecord | None:
        return self.edited.get(draft.number.start, draft.record)

    def _accept(self, draft: Draft) -> None:
        record = self._record(draft)
        if record is None:
            assert draft.ignore is not None
            self._write_ignore(draft, draft.ignore.text, draft.ignore.why)
            return
        if record.quantity is None:
            self._say("choose the quantity first: press c", "yellow")
            return
        from figcheck.output.added import render_text

        added = self.session.record(draft, record)
        render_text(added, self.out, self.out, dry_run=False)
        if added.written:
            self.edited.pop(draft.number.start, None)

    def _ignore(self, draft: Draft) -> None:
        if draft.ignore is not None:
            self._write_ignore(draft, draft.ignore.text, draft.ignore.why)
            return
        text = _ask("Words holding the number (verbatim): ", draft.number.text)
        why = _ask("Why it is not a statement: ", "", required=True)
        self._write_ignore(draft, text, why)

    def _write_ignore(self, draft: Draft, text: str, why: str) -> None:
        from figcheck.output.changes import render_text

        added = self.session.ignore(draft, text, why)
        render_text(
            added,
            self.out,
            self.out,
            done=f"Ignored in {self.session.document}",
            what="the ignore entry",
            dry_run=False,
        )

    def _edit(self, draft: Draft) -> None:
        record = self._record(draft)
        if record is None:
            assert draft.ignore is not None
            text = _ask("text: ", draft.ignore.text, required=True)
            why = _ask("why: ", draft.ignore.why, required=True)
            self._write_ignore(draft, text, why)
            return
        name = _ask(
            "Field to edit: ",
            "",
            completer=WordCompleter(list(EDITABLE)),
            validator=_choice(EDITABLE),
        )
        if name == "quantity":
            self._choose_quantity(draft)
            return
        current = getattr(record, name)
        if name == "value":
            answer = _ask("value: ", _shown(current), validator=_value_validator())
            self.edited[draft.number.start] = replace(record, value=parse_value(answer))
        elif name == "approx":
            answer = _ask(
                "approx: ",
                current,
                completer=WordCompleter(list(APPROXES)),
                validator=_choice(APPROXES),
            )
            self.edited[draft.number.start] = replace(record, approx=answer)
        elif name == "statement":  # an id shared by every record of one utterance; empty: none
            answer = _ask("statement: ", current or "")
            self.edited[draft.number.start] = replace(record, statement=answer or None)
        else:
            answer = _ask(f"{name}: ", current, required=True)
            text_fields: dict[str, str] = {name: answer}  # as_of, said_by or quote
            self.edited[draft.number.start] = replace(record, **text_fields)  # type: ignore[arg-type]

    def _choose_quantity(self, draft: Draft) -> None:
        record = self._record(draft)
        assert record is not None
        quantities = self.session.ledger.quantities
        ranked = [c.quantity for c in draft.candidates]
        ids = ranked + sorted(set(quantities) - set(ranked))
        completer = QuantityCompleter([(q, quantities[q].label) for q in ids])
        default = record.quantity or (draft.new_quantity.id if draft.new_quantity else "")
        chosen = _ask("quantity (Tab completes; a new id defines one): ", default, completer)
        chosen = chosen.strip()
        if not chosen:
            return
        if chosen not in quantities and not self._define(draft, chosen):
            return
        self.edited[draft.number.start] = replace(record, quantity=chosen)

    def _define(self, draft: Draft, quantity_id: str) -> bool:
        """Define `quantity_id` on the spot, as `figcheck quantity add` does."""
        self._say(f"{quantity_id} is not in quantities.yaml. Define it? [y/n]", "yellow")
        if click.getchar().lower() != "y":
            return False
        suggested = draft.new_quantity
        label = _ask("label: ", suggested.label if suggested else "", required=True)
        unit = _ask("unit: ", suggested.unit if suggested else "people", required=True)
        kind = _ask(
            "kind (stock, cumulative, flow, change): ",
            suggested.kind if suggested else "stock",
            completer=WordCompleter(list(KINDS)),
            validator=_choice(KINDS),
        )
        within = _ask(
            "subset of (ids, space-separated; Enter for none): ",
            "",
            completer=WordCompleter(sorted(self.session.ledger.quantities), WORD=True),
        )
        of = None
        if kind == "change":
            of = _ask("change of (the level quantity's id): ", "", required=True) or None
        from figcheck.output.changes import render_text

        defined = self.session.define(
            NewQuantity(quantity_id, label, unit, kind, subset_of=tuple(within.split()), of=of)
        )
        render_text(
            defined,
            self.out,
            self.out,
            done=f"Defined {quantity_id}",
            what=f"quantity {quantity_id}",
            dry_run=False,
        )
        return defined.written


class QuantityCompleter(Completer):
    """Quantities whose id or label matches what is typed, in the order given (the draft's
    best matches first): each typed word must be in the label, or its letters in order in
    the id ("chret" finds chechnya-left-syria-isis-returned, "returned" finds it by its
    label too)."""

    def __init__(self, quantities: list[tuple[str, str]]) -> None:
        self.quantities = quantities

    def get_completions(self, document, complete_event):  # type: ignore[no-untyped-def]
        typed = document.text_before_cursor.lower().split()
        for quantity_id, label in self.quantities:
            if all(_fuzzy(word, quantity_id) or word in label.lower() for word in typed):
                yield Completion(
                    quantity_id,
                    start_position=-len(document.text_before_cursor),
                    display_meta=label,
                )


def _fuzzy(typed: str, word: str) -> bool:
    """The letters of `typed`, in order, in `word`."""
    letters = iter(word)
    return all(char in letters for char in typed)


def _shown(value: object) -> str:
    if isinstance(value, tuple):
        return f"{number_text(value[0])}..{number_text(value[1])}"
    if isinstance(value, (int, float)) or type(value).__name__ == "Decimal":
        return number_text(value)  # type: ignore[arg-type]
    return "" if value is None else str(value)


EDITABLE = (*FIELDS, "statement")


def _ask(
    message: str,
    default: str,
    completer: Completer | None = None,
    validator: Validator | None = None,
    required: bool = False,
) -> str:
    if required and validator is None:
        validator = Validator.from_callable(
            lambda text: bool(text.strip()), error_message="this cannot be empty"
        )
    return prompt(
        message,
        default=default,
        completer=completer,
        complete_while_typing=completer is not None,
        validator=validator,
    ).strip()


def _choice(choices: tuple[str, ...] | list[str]) -> Validator:
    return Validator.from_callable(
        lambda text: text.strip() in choices, error_message=f"one of: {', '.join(choices)}"
    )


class _ValueValidator(Validator):
    def validate(self, document) -> None:  # type: ignore[no-untyped-def]
        try:
            parse_value(document.text)
        except ValueError as error:
            raise ValidationError(message=str(error)) from None


def _value_validator() -> Validator:
    return _ValueValidator()
