"""FC305: the records of one statement whose hedge, value or quantity differ are shown
side by side (info); FC206 uses the statement in place of the speaker's name."""

from __future__ import annotations

from tests.builders import figure, quantity, result_of, write_documents_ledger

MINISTER = "Oleg Syromolotov, Deputy Foreign Minister"
QUANTITIES = {
    "fighters": quantity("stock"),
    "joined": quantity("cumulative"),
}


def said(fid, value, approx=None, q="fighters", statement="briefing", said_by=MINISTER):
    record = figure(fid, q, value, "2015-10-15", approx=approx, said_by=said_by)
    if statement is not None:
        record["statement"] = statement
    return record


def findings(tmp_path, documents, config=None):
    # FC304 would note each quantity given by one statement alone; these tests are about
    # the renderings, so it is off unless a test sets rules of its own.
    config = config or {"rules": {"FC304": {"severity": "off"}}}
    result = result_of(write_documents_ledger(tmp_path, QUANTITIES, documents, config=config))
    assert result.rules_ran, [f.message for f in result.findings]
    return result.findings


def local(finding):
    return {fid.split("/", 1)[1] for fid in finding.figures}


def test_renderings_that_differ_are_one_note(tmp_path):
    found = findings(
        tmp_path,
        {
            "tass": [said("words", 1000, "nearly")],
            "ria": [said("headline", 1000, "about")],
            "rbc": [said("joined", 1000, "at-most", q="joined")],
        },
    )
    (note,) = found
    assert (note.rule, note.severity) == ("FC305", "info")
    assert local(note) == {"words", "headline", "joined"}
    assert "differing in hedge and quantity" in note.message
    for shown in ("nearly 1,000", "about 1,000", "at most 1,000", "as joined"):
        assert shown in note.message


def test_renderings_in_the_same_words_pass(tmp_path):
    assert not findings(
        tmp_path,
        {"tass": [said("a", 1000, "nearly")], "interfax": [said("b", 1000, "nearly")]},
    )


def test_a_different_value_is_a_difference(tmp_path):
    # 1,000 and "about 950" can both hold: no conflict, but the number was changed.
    (note,) = findings(
        tmp_path,
        {"tass": [said("a", 1000, "about")], "interfax": [said("b", 950, "about")]},
    )
    assert note.rule == "FC305" and "differing in value" in note.message


def test_statements_are_kept_apart(tmp_path):
    assert not findings(
        tmp_path,
        {
            "tass": [said("a", 1000, "nearly", statement="briefing-1")],
            "ria": [said("b", 1000, "about", statement="briefing-2")],
            "rbc": [said("c", 1000, "about", statement=None)],
        },
    )


def test_conflicting_renderings_are_fc206_by_statement(tmp_path):
    # Two names for one speaker, one document: the statement says they are one utterance.
    found = findings(
        tmp_path,
        {
            "paper": [
                said("headline", 3000, said_by="Deputy minister"),
                said("body", 2000, said_by=MINISTER),
            ]
        },
    )
    (finding,) = found
    assert finding.rule == "FC206"
    assert local(finding) == {"headline", "body"}
    assert "(statement briefing) is quoted with two figures" in finding.message


def test_different_statements_of_one_speaker_are_not_fc206(tmp_path):
    found = findings(
        tmp_path,
        {
            "tass": [said("a", 3000, statement="briefing-1")],
            "ria": [said("b", 2000, statement="briefing-2")],
        },
    )
    assert [f.rule for f in found] == ["FC201"]


def test_without_statements_the_speaker_name_decides(tmp_path):
    found = findings(
        tmp_path,
        {"tass": [said("a", 3000, statement=None)], "ria": [said("b", 2000)]},
    )
    assert [f.rule for f in found] == ["FC206"]


def test_the_note_can_be_turned_off(tmp_path):
    documents = {"tass": [said("a", 1000, "nearly")], "ria": [said("b", 1000, "about")]}
    assert findings(tmp_path, documents)
    off = {"rules": {"FC305": {"severity": "off"}}}
    assert not findings(tmp_path / "2", documents, config=off)
