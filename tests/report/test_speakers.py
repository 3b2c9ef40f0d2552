"""How each speaker's and outlet's figures stand against the consensus: counts worked out by
hand from small ledgers."""

from __future__ import annotations

from figcheck.report.contents import build
from tests.builders import figure, quantity, result_of, write_documents_ledger


def report_of(tmp_path, documents, outlets=None):
    root = write_documents_ledger(tmp_path, {"q": quantity("stock")}, documents)
    for doc_id, outlet in (outlets or {}).items():
        source = root / "sources" / f"{doc_id}.yaml"
        text = source.read_text().replace("document:\n", f"document:\n  outlet: {outlet}\n", 1)
        source.write_text(text)
    return build(result_of(root))


def counts(standings):
    return {s.name: (s.figures, s.agree, s.disagree, s.contested, s.alone) for s in standings}


def test_a_majority_and_the_one_outside_it(tmp_path):
    # 100 (A) and about 100 (B) agree on 100; 150 (C) disagrees.
    report = report_of(
        tmp_path,
        {
            "a": [figure("a", "q", 100, "2015", said_by="A")],
            "b": [figure("b", "q", 100, "2015", approx="about", said_by="B")],
            "c": [figure("c", "q", 150, "2015", said_by="C")],
        },
    )
    assert counts(report.speakers) == {
        "A": (1, 1, 0, 0, 0),
        "B": (1, 1, 0, 0, 0),
        "C": (1, 0, 1, 0, 0),
    }


def test_a_dispute_counts_as_contested_for_both_sides(tmp_path):
    report = report_of(
        tmp_path,
        {
            "a": [figure("a", "q", 2200, "2015-07", said_by="A")],
            "b": [figure("b", "q", 2900, "2015-12", said_by="B")],
        },
    )
    assert counts(report.speakers) == {"A": (1, 0, 0, 1, 0), "B": (1, 0, 0, 1, 0)}


def test_a_speaker_who_agrees_only_with_itself_stands_alone(tmp_path):
    # One speaker in two documents: the figures agree, but nobody else gives one.
    report = report_of(
        tmp_path,
        {
            "a": [figure("a", "q", 100, "2015", said_by="Ana Ruiz")],
            "b": [figure("b", "q", 100, "2015", said_by="ana  ruiz")],
            "c": [figure("c", "q", 500, "2019", said_by="Other")],
        },
    )
    assert counts(report.speakers) == {"Ana Ruiz": (2, 0, 0, 0, 2), "Other": (1, 0, 0, 0, 1)}


def test_the_author_of_each_document_is_a_different_speaker(tmp_path):
    report = report_of(
        tmp_path,
        {
            "a": [figure("a", "q", 100, "2015", said_by="author")],
            "b": [figure("b", "q", 100, "2015", said_by="author")],
        },
    )
    assert counts(report.speakers) == {
        "the author of a": (1, 1, 0, 0, 0),
        "the author of b": (1, 1, 0, 0, 0),
    }


def test_outlets_and_documents_without_one(tmp_path):
    # TASS has two documents that agree with each other and with a third without an outlet.
    report = report_of(
        tmp_path,
        {
            "t1": [figure("a", "q", 100, "2015", said_by="A")],
            "t2": [figure("b", "q", 100, "2015", said_by="B")],
            "x": [figure("c", "q", 100, "2015", said_by="C")],
        },
        outlets={"t1": "TASS", "t2": "tass"},
    )
    by_outlet = {(s.name, tuple(s.documents)): s for s in report.outlets}
    assert set(by_outlet) == {("TASS", ("t1", "t2")), (None, ("x",))}
    tass = by_outlet[("TASS", ("t1", "t2"))]
    assert (tass.figures, tass.agree, tass.alone) == (2, 2, 0)
