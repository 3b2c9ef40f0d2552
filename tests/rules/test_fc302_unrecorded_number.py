"""FC302: every number in a document's text is recorded or ignored."""

from __future__ import annotations

from figcheck import check, load_ledger
from figcheck.text.anchoring import read_document

TEXT = (
    "Russia's hand, since 2014\n"
    "According to preliminary data, there were six people in the car: two were detained, "
    "four more ran away.\n"
    "No one has sent them there. 24/7, every day.\n"
    "Copyright ©2014-2024"
)
CAR = "there were six people in the car: two were detained, four more ran away"


def unrecorded(findings) -> list[tuple[int, str]]:
    return sorted((f.locations[0].line, f.message.split(" ")[0]) for f in findings)


def test_every_number_unrecorded_without_records(text_ledger, rule_findings) -> None:
    findings = rule_findings(text_ledger(TEXT), "FC302")
    assert unrecorded(findings) == [
        (1, "2014"),
        (2, "four"),
        (2, "six"),
        (2, "two"),
        (3, "24"),
        (3, "7"),
        (3, "one"),
        (4, "2014"),
        (4, "2024"),
    ]
    assert all(f.severity == "warning" for f in findings)
    assert findings[0].locations[0].file.endswith("documents/doc.txt")
    assert "“Russia's hand, since 2014”" in findings[0].message


def test_a_figure_records_only_the_number_that_says_its_value(text_ledger, rule_findings) -> None:
    ledger = text_ledger(TEXT, [{"value": 2, "quote": CAR}])
    numbers = unrecorded(rule_findings(ledger, "FC302"))
    assert (2, "two") not in numbers
    assert (2, "six") in numbers
    assert (2, "four") in numbers


def test_recorded_and_ignored_account_for_everything(text_ledger, rule_findings) -> None:
    ledger = text_ledger(
        TEXT,
        [
            {"value": 6, "quote": CAR},
            {"value": 2, "quote": CAR},
            {"value": 4, "quote": CAR},
        ],
        ignore=[
            {"text": "since 2014", "why": "the outlet's founding year"},
            {"text": "No one", "why": "not a count"},
            {"text": "24/7", "why": "a slogan"},
            {"text": "©2014-2024", "why": "copyright years"},
        ],
    )
    assert rule_findings(ledger, "FC302") == []
    loaded = load_ledger(ledger)
    counts = check(loaded).coverage
    total = counts.total
    assert (total.found, total.recorded, total.ignored, total.unrecorded) == (9, 3, 6, 0)
    assert total.ratio == 1
    assert counts.documents["doc"] == total.__class__("doc", 9, 3, 6)
    assert counts.summary().startswith("coverage: 9 of 9 numbers recorded or ignored (100%)")


def test_ignore_covers_every_place_it_matches(text_ledger, rule_findings) -> None:
    text = "In 2014 it began.\nIn 2014 it ended; 2014 again."
    ledger = text_ledger(text, ignore=[{"text": "In 2014", "why": "a date"}])
    assert unrecorded(rule_findings(ledger, "FC302")) == [(2, "2014")]


def test_a_figure_whose_value_is_not_in_its_quote_records_nothing(
    text_ledger, rule_findings
) -> None:
    ledger = text_ledger("Among them 160 were killed.", [{"value": 161, "quote": "160 were"}])
    # The 160 stays unrecorded; FC105 reports the figure, and FC302 does not repeat it.
    assert check(load_ledger(ledger)).coverage.total.unrecorded == 1
    assert unrecorded(rule_findings(ledger, "FC302")) == []


def test_document_without_text_has_no_unrecorded_numbers(text_ledger, rule_findings) -> None:
    ledger = text_ledger(None)
    assert rule_findings(ledger, "FC302") == []
    counts = check(load_ledger(ledger)).coverage
    assert counts.skipped == ("doc",)
    assert counts.total.ratio is None
    assert "no numbers found" in counts.summary()


def test_ids_are_stable_and_distinct(text_ledger, rule_findings) -> None:
    ledger = text_ledger(TEXT)
    first = [f.id for f in rule_findings(ledger, "FC302")]
    assert len(set(first)) == len(first)
    assert first == [f.id for f in rule_findings(ledger, "FC302")]


def test_coverage_never_rounds_up_to_complete(text_ledger) -> None:
    numbers = " ".join(str(n) for n in range(1000, 1300))
    ledger = text_ledger(numbers, ignore=[{"text": numbers.rsplit(" ", 1)[0], "why": "x"}])
    loaded = load_ledger(ledger)
    counts = check(loaded).coverage
    assert counts.total.unrecorded == 1
    assert "(99%)" in counts.summary()
    assert read_document(loaded.documents["doc"], loaded).anchors is not None
