"""Whose figures hold up: for each speaker (`said_by`) and each outlet, how many of its
figures agree with the consensus of their cluster, disagree with it, fall in a cluster
without consensus, or stand alone.

A figure stands alone for a speaker when no other speaker gives a figure in its cluster
(the same speaker saying the same thing twice is not corroboration), and for an outlet when
no other outlet does. These are counts over the figures in the ledger, not a verdict on
anyone: with a handful of figures, one outlet that reports more of them has more chances to
disagree, and a figure outside the consensus may be the one that is right (a newer count, a
better source).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from figcheck import describe
from figcheck.model import Document
from figcheck.report.consensus import Cluster
from figcheck.report.statements import Statement


@dataclass
class Standing:
    """One speaker's or outlet's figures, counted by how they stand."""

    name: str | None  # as first written; None for the documents that name no outlet
    key: str = ""  # what its figures share: the speaker as FC206 compares them, the outlet
    documents: list[str] = field(default_factory=list)
    figures: int = 0
    agree: int = 0
    disagree: int = 0
    contested: int = 0
    alone: int = 0

    def count(self, how: str) -> None:
        self.figures += 1
        if how == "agrees":
            self.agree += 1
        elif how == "disagrees":
            self.disagree += 1
        elif how == "contested":
            self.contested += 1
        else:
            self.alone += 1

    def as_dict(self) -> dict[str, object]:
        return {
            "name": self.name,
            "documents": list(self.documents),
            "figures": self.figures,
            "agree": self.agree,
            "disagree": self.disagree,
            "contested": self.contested,
            "alone": self.alone,
        }


AUTHOR = "author"  # said_by for a document's own claim: a different speaker in each


def speakers(clusters: Iterable[Cluster]) -> list[Standing]:
    """Per speaker, compared as FC206 compares them; `author` is the author of each
    document, a different speaker in each."""

    return _tally(clusters, speaker_key, speaker_name)


def speaker_key(s: Statement) -> str:
    """The speaker of a statement, compared case- and space-insensitively; `author` is the
    author of the statement's document."""
    speaker = describe.normal_speaker(s.figure.said_by)
    return f"{speaker}\n{s.figure.document}" if speaker == AUTHOR else speaker


def outlets(clusters: Iterable[Cluster], documents: Mapping[str, Document]) -> list[Standing]:
    """Per outlet; a document that names no outlet counts as its own source."""

    def key(s: Statement) -> str:
        outlet = documents[s.figure.document].outlet
        if outlet:
            return "outlet:" + " ".join(outlet.split()).casefold()
        return "document:" + s.figure.document

    return _tally(clusters, key, lambda s: documents[s.figure.document].outlet)


def speaker_name(statement: Statement) -> str:
    """The whole `said_by`, never cut; the author as the author of the document."""
    said_by = statement.figure.said_by
    if describe.normal_speaker(said_by) == AUTHOR:
        return f"the author of {statement.figure.document}"
    return said_by


def _tally(
    clusters: Iterable[Cluster],
    key: Callable[[Statement], str],
    name: Callable[[Statement], str | None],
) -> list[Standing]:
    found: dict[str, Standing] = {}
    documents: dict[str, dict[str, None]] = {}  # per key, its documents in order, as a set
    for cluster in clusters:
        keys = [key(s) for s in cluster.statements]
        # Another speaker (outlet) gives a figure in the cluster exactly when the cluster
        # holds two or more.
        others = len(set(keys)) > 1
        for statement, own in zip(cluster.statements, keys, strict=True):
            standing = found.setdefault(own, Standing(name(statement), own))
            seen = documents.setdefault(own, {})
            if statement.figure.document not in seen:
                seen[statement.figure.document] = None
                standing.documents.append(statement.figure.document)
            standing.count(cluster.standing(statement) if others else "alone")
    return sorted(found.values(), key=lambda s: (-s.figures, (s.name or "").casefold()))
