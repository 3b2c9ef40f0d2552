"""Ignoring a number of a document's text: what `figcheck ignore` does, without the command
line.

An `ignore:` entry ({text, why}) says that the numbers where its text matches the
document's text are not statements about the world (a date, "24/7", "No one"). The entry is
appended to the document's source file as text, in the file's own style, every other byte
kept (figcheck/writing/yaml_appending.py); the ledger is loaded with it through the loader
`figcheck check` uses, and the entry is anchored in the document's text as `figcheck check`
anchors it (a text the document does not hold is refused, with where they part). An entry
whose text holds no number, or only numbers already recorded or ignored, would ignore
nothing, and is refused too. Reading, validating and
writing happen under the ledger's lock.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from figcheck.engine import stamp
from figcheck.ledger import Ledger, ledger_root, load_ledger, yaml_reading
from figcheck.rules import RULES
from figcheck.rules.base import DocumentRule
from figcheck.text.anchoring import Entry, read_document
from figcheck.wording import did_you_mean, quoted, shorten
from figcheck.writing.atomic import Refused, atomic_write, ledger_lock, remove_stale_temporaries
from figcheck.writing.changing import Change, new_data_errors, read_text
from figcheck.writing.yaml_appending import CannotAppend, append_item, not_utf8


@dataclass(frozen=True)
class NewIgnore:
    document: str
    text: str
    why: str


@dataclass(frozen=True)
class IgnoreAdded(Change):
    document: str = ""
    # The numbers of the text where the entry matches, with their status once it is added
    # (a number a figure records stays recorded).
    numbers: tuple[Entry, ...] = ()
    unrecorded: int = 0  # numbers of the document's text still neither recorded nor ignored


def ignore_number(root: Path, entry: NewIgnore, *, dry_run: bool = False) -> IgnoreAdded:
    """Append {text, why} to the `ignore:` list of the document's source file. Raises
    Refused when it cannot go ahead as asked (nothing written); LedgerNotFound, LockTimeout."""
    for name in ("document", "text", "why"):
        given = getattr(entry, name)
        if not given.strip():
            raise Refused(f"--{name} is empty" if name != "document" else "DOC is empty")
        if problem := not_utf8(given):
            raise Refused(f"--{name} {problem}")
    root = ledger_root(root)
    with ledger_lock(root):
        remove_stale_temporaries(root)
        before = load_ledger(root)
        document = before.documents.get(entry.document)
        if document is None:
            known = ", ".join(sorted(before.documents)) or "none"
            raise Refused(
                f"{quoted(entry.document)} is not a document of the ledger"
                f"{did_you_mean(entry.document, before.documents)}; its documents: {known}"
            )
        path = document.source_file
        shown = before.display(path)
        if document.text_path is None:
            raise Refused(
                f"document {entry.document} has no `text:` in {shown}; an ignore entry says which "
                "numbers of its text are not statements, so give it its text first"
            )
        text = read_text(path, shown)
        _refuse_another_document(text, shown, entry.document)
        try:
            appended = append_item(text, "ignore", {"text": entry.text, "why": entry.why})
        except CannotAppend as error:
            raise Refused(f"cannot add an ignore entry to {shown}: {error}") from None
        after = load_ledger(root, {path: appended.text})
        change = IgnoreAdded(
            file=shown,
            first_line=appended.first_line,
            last_line=appended.last_line,
            item=appended.item,
            created=False,
            written=False,
            document=entry.document,
        )
        problems = new_data_errors(before, after)
        if problems:
            return replace(change, problems=problems)
        anchored = read_document(after.documents[entry.document], after)
        problems = _anchoring_problems(after, anchored, shown, appended.first_line)
        if problems:
            return replace(change, problems=problems)
        assert anchored.anchors is not None
        _, spans = anchored.anchors.ignores[-1]
        numbers = tuple(
            e for e in anchored.anchors.entries if any(_inside(e, span) for span in spans)
        )
        if not numbers:
            raise Refused(
                f"the text {quoted(shorten(entry.text))} holds no number figcheck reads, so it "
                f"would ignore nothing; `figcheck extract {entry.document}` lists the numbers"
            )
        new_line = appended.first_line
        if all(e.ignored is None or e.ignored.location.line != new_line for e in numbers):
            accounted = ", ".join(
                f"{e.number.text} "
                + (f"recorded by {e.figure}" if e.figure else f"ignored at {e.ignored.location}")  # type: ignore[union-attr]
                for e in numbers
            )
            raise Refused(
                f"every number of the text {quoted(shorten(entry.text))} is accounted for "
                f"already ({accounted}), so it would ignore nothing"
            )
        if not dry_run:
            atomic_write(path, appended.text.encode("utf-8"))
    unrecorded = anchored.anchors.counts()["unrecorded"]
    return replace(change, written=not dry_run, numbers=numbers, unrecorded=unrecorded)


def _refuse_another_document(text: str, shown: str, document_id: str) -> None:
    try:
        data, _ = yaml_reading.loads(text)
    except yaml_reading.YamlError as error:
        raise Refused(f"{shown}:{error.line}: {error}; fix it first") from None
    header = data.get("document") if isinstance(data, dict) else None
    if not isinstance(header, dict) or header.get("id") != document_id:
        raise Refused(
            f"{shown} no longer holds document {document_id} (it changed while this command "
            "waited); run the command again"
        )


def _anchoring_problems(ledger: Ledger, anchored, shown: str, line: int):  # type: ignore[no-untyped-def]
    """The data errors the document rules find at the new entry (its text is not in the
    document's, or the text cannot be read), as `figcheck check` reports them."""
    found = []
    config = ledger.config
    for rule in RULES.values():
        if not isinstance(rule, DocumentRule) or config.severity(rule.code) == "off":
            continue
        for hit in rule.find(anchored, config.options(rule.code)):
            finding = stamp(rule, config.severity(rule.code), hit)  # type: ignore[arg-type]
            at_entry = any(loc.file == shown and loc.line == line for loc in finding.locations)
            unreadable = not hit.figures and not hit.info and anchored.anchors is None
            if finding.is_data_error and (at_entry or unreadable):
                found.append(finding)
    return tuple(found)


def _inside(entry: Entry, span: tuple[int, int]) -> bool:
    return span[0] <= entry.number.start and entry.number.end <= span[1]
