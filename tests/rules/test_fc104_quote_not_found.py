"""FC104: quotes and ignore texts must occur in the document's text."""

from __future__ import annotations

from figcheck import check, load_ledger

TEXT = (
    "MOSCOW, November 19. “From Russia went to Syria 2719 Russian citizens, "
    "160 of them have been destroyed” — he said.\nCopyright ©2014-2024"
)


def test_quote_found_after_folding_passes(text_ledger, rule_findings) -> None:
    ledger = text_ledger(
        TEXT,
        [{"value": 2719, "quote": "FROM russia went to  Syria 2719 Russian citizens, 160 of them"}],
        ignore=[{"text": "©2014-2024", "why": "copyright"}],
    )
    assert rule_findings(ledger, "FC104") == []


def test_quote_with_typographic_marks_and_dashes_passes(text_ledger, rule_findings) -> None:
    ledger = text_ledger(TEXT, [{"value": 160, "quote": 'destroyed" - he said'}])
    assert rule_findings(ledger, "FC104") == []


def test_changed_word_fails_and_says_where(text_ledger, rule_findings) -> None:
    ledger = text_ledger(TEXT, [{"value": 2719, "quote": "From Russia went to Syria 2791 Russian"}])
    (finding,) = rule_findings(ledger, "FC104")
    assert finding.severity == "error"
    assert finding.figures == ("doc/f0",)
    assert "“From Russia went to Syria”" in finding.message
    assert "“2719 Russian citizens, 160”" in finding.message
    assert finding.locations[0].file.endswith("sources/doc.yaml")


def test_inserted_word_fails(text_ledger, rule_findings) -> None:
    ledger = text_ledger(TEXT, [{"value": 160, "quote": "160 of them have all been destroyed"}])
    assert [f.figures for f in rule_findings(ledger, "FC104")] == [("doc/f0",)]


def test_quote_cutting_a_number_fails(text_ledger, rule_findings) -> None:
    ledger = text_ledger(TEXT, [{"value": 271, "quote": "went to Syria 271"}])
    (finding,) = rule_findings(ledger, "FC104")
    assert "part of a longer word or number" in finding.message


def test_ignore_text_not_found_fails(text_ledger, rule_findings) -> None:
    ledger = text_ledger(TEXT, [], ignore=[{"text": "©2014-2025", "why": "copyright"}])
    (finding,) = rule_findings(ledger, "FC104")
    assert finding.severity == "error"
    assert finding.figures == ()
    assert "©2014-2025" in finding.message
    assert finding.locations[0].file.endswith("sources/doc.yaml")


def test_document_without_text_is_one_info_finding(text_ledger, rule_findings) -> None:
    ledger = text_ledger(None, [{"value": 2719, "quote": "2719 people, checked against nothing"}])
    (finding,) = rule_findings(ledger, "FC104")
    assert finding.severity == "info"
    assert "no `text:`" in finding.message
    result = check(load_ledger(ledger))
    assert result.exit_code() == 0
    # The id names the document, not a figure, and stays the same from run to run.
    assert finding.id == rule_findings(ledger, "FC104")[0].id


def test_info_finding_stays_info_when_the_rule_is_a_warning(text_ledger, rule_findings) -> None:
    ledger = text_ledger(None, [])
    (ledger / "figcheck.yaml").write_text("rules:\n  FC104: {severity: warning}\n")
    assert [f.severity for f in rule_findings(ledger, "FC104")] == ["info"]


def test_text_that_is_not_utf8_is_an_error(text_ledger, rule_findings) -> None:
    ledger = text_ledger(TEXT, [{"value": 2719, "quote": "2719 Russian citizens"}])
    (ledger / "documents" / "doc.txt").write_bytes(b"caf\xe9 2719 Russian citizens")
    (finding,) = rule_findings(ledger, "FC104")
    assert "not UTF-8" in finding.message
    assert "line 1" in finding.message


def test_quote_errors_make_the_ledger_untrustworthy(text_ledger) -> None:
    ledger = text_ledger(TEXT, [{"value": 2719, "quote": "From Russia went to Iraq"}])
    assert check(load_ledger(ledger)).exit_code() == 2
