"""The outcome of each document kept in the cache: what the document rules found in its text
and the text's coverage, which reading and anchoring the text costs most of a check to make.

An outcome depends on the document's source file (its entry's name holds the file's hash,
the quantities, the settings, figcheck's code and how the ledger was named), the bytes of
its text, and the ids of the accepted findings (a rule that sums up findings lists an
accepted one in full). Those name its entry.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator

from figcheck.caching import codec
from figcheck.caching.session import Session
from figcheck.model import Document, Finding
from figcheck.text.anchoring import MAX_TEXT_BYTES

# Makes again the findings a summing-up finding of a document stands for: given the
# document and the finding, an iterator of those findings.
Remake = Callable[[Document, Finding], Iterator[Finding]]


def name(session: Session, document: Document, accepted: frozenset[str]) -> str | None:
    """The entry of the document's outcome; None where it cannot be cached (its source
    file was not read through the cache, or its text is not a regular file)."""
    source = session.sources.get(str(document.source_file))
    if source is None:
        return None
    text = "none"
    if document.text_path is not None:
        found = session.hash(document.text_path, MAX_TEXT_BYTES)
        if found is None:
            return None
        text = found
    ids = hashlib.blake2b("\n".join(sorted(accepted)).encode("utf-8", "surrogatepass"))
    return session.store.name("document", source, text, ids.hexdigest())


def load(session: Session, entry: str, document: Document, remake: Remake) -> codec.Outcome | None:
    """The outcome kept under `entry`, with each summing-up finding able to list again
    what it stands for (`remake`); None when there is none."""
    found = session.get(entry)
    if found is None:
        return None
    try:
        return decoded(found, document, remake)
    except Exception:  # an entry of another shape: never trusted, read the text again
        return None


def decoded(encoded: codec.Encoded, document: Document, remake: Remake) -> codec.Outcome:
    """The outcome that codec.encode_outcome made of `encoded` (in the cache, or sent by a
    worker process), each summing-up finding able to list again what it stands for."""
    outcome, summing = codec.decode_outcome(encoded)
    if not summing:
        return outcome
    findings = {
        code: tuple(_with_more(f, document, remake) if f.id in summing else f for f in found)
        for code, found in outcome.findings.items()
    }
    return codec.Outcome(findings, outcome.coverage)


def _with_more(finding: Finding, document: Document, remake: Remake) -> Finding:
    from dataclasses import replace

    return replace(finding, more=lambda: remake(document, finding))


def store(session: Session, entry: str, encoded: codec.Encoded) -> None:
    """Keep a document's outcome, as codec.encode_outcome wrote it, under `entry`."""
    session.put(entry, encoded)
