"""Hostile document texts: dense numbers, quotes that recur tens of thousands of times, a
100,000-character word, an ordinal of 5,000 digits. Anchoring is linear in the text (what it
finds is checked here against a plain reference implementation; how long it takes is
measured in benchmarks/hostile.py), the limits it keeps are each one clear finding, and
a text's unrecorded numbers beyond the first few are summed up in one finding."""

from __future__ import annotations

import bisect
import json
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from figcheck import check, load_ledger
from figcheck.cli import cli
from figcheck.model import Figure, Ignored, Location
from figcheck.text import anchoring
from figcheck.text.folding import Folded, fold
from figcheck.text.numbers import find_numbers
from figcheck.text.value_match import numbers_saying_value
from figcheck.values import interval, stated
from tests.builders import scanned_and_searched

QUANTITIES = {
    "q": {"label": "Books lent", "unit": "books", "kind": "flow"},
    "c": {"label": "Change in books lent", "unit": "percent", "kind": "change", "of": "q"},
}


def write(
    root: Path,
    text: str,
    figures: list[dict],
    ignore: list[dict] | None = None,
    config: dict | None = None,
) -> Path:
    (root / "sources").mkdir(parents=True, exist_ok=True)
    (root / "documents").mkdir(exist_ok=True)
    (root / "quantities.yaml").write_text(yaml.safe_dump({"quantities": QUANTITIES}))
    (root / "documents" / "doc.txt").write_text(text, encoding="utf-8")
    records = [
        {"id": f"f{i}", "quantity": "q", "as_of": "2015", "said_by": "author", **figure}
        for i, figure in enumerate(figures)
    ]
    source = {
        "document": {"id": "doc", "title": "A document", "text": "../documents/doc.txt"},
        "figures": records,
    }
    if ignore:
        source["ignore"] = ignore
    (root / "sources" / "doc.yaml").write_text(yaml.safe_dump(source, allow_unicode=True))
    if config is not None:
        (root / "figcheck.yaml").write_text(yaml.safe_dump(config))
    return root


def findings(root: Path, rule: str) -> list:
    return [f for f in check(load_ledger(root)).findings if f.rule == rule]


def run(*args: str) -> tuple[int, str]:
    """The exit code, and what the command wrote to stdout and stderr (click 8.1's runner
    keeps them apart in this suite, later ones mix them: both are read here)."""
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout + result.stderr


def run_json(*args: str) -> tuple[int, dict]:
    """The exit code, and the JSON object the command wrote to stdout."""
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, json.loads(result.stdout)


# -- the limits ---------------------------------------------------------------------------------


def test_a_text_with_more_numbers_than_the_limit_is_one_finding(tmp_path, monkeypatch):
    monkeypatch.setattr(anchoring, "MAX_NUMBERS", 1_000)
    root = write(tmp_path, "lent 5 books " + "1 " * 3_000, [{"value": 5, "quote": "lent 5"}])
    (only,) = findings(root, "FC104")
    assert only.is_data_error
    assert "holds more than 1,000 numbers, the most figcheck reads in one text" in only.message
    assert not findings(root, "FC302")


def test_a_text_of_number_words_beyond_the_limit_is_refused_too(tmp_path, monkeypatch):
    monkeypatch.setattr(anchoring, "MAX_NUMBERS", 1_000)
    root = write(tmp_path, "lent 5 books " + "one " * 3_000, [{"value": 5, "quote": "lent 5"}])
    (only,) = findings(root, "FC104")
    assert "holds more than 1,000 numbers" in only.message


def test_a_text_above_the_size_limit_is_one_finding(tmp_path, monkeypatch):
    monkeypatch.setattr(anchoring, "MAX_TEXT_BYTES", 10_000)
    root = write(tmp_path, "lent 5 books. " * 1_000, [{"value": 5, "quote": "lent 5"}])
    (only,) = findings(root, "FC104")
    assert "is 14 KiB, more than the 9.8 KiB figcheck reads in one text" in only.message
    code, output = run("extract", "doc", "--data", str(root))
    assert code == 2
    assert "more than the 9.8 KiB figcheck reads in one text" in output


def test_the_limits_are_what_the_readme_says():
    readme = (Path(__file__).parents[1] / "README.md").read_text()
    assert f"{anchoring.MAX_NUMBERS:,} numbers" in readme
    assert f"{anchoring.MAX_TEXT_BYTES // 1024**2} MiB" in readme


# -- unrecorded numbers: the first N, then one finding for the rest ----------------------------


def dense(root: Path, count: int, config: dict | None = None) -> Path:
    lines = "".join(f"Day {1000 + i} was quiet.\n" for i in range(count))
    return write(root, "lent 5 books\n" + lines, [{"value": 5, "quote": "lent 5"}], config=config)


def test_unrecorded_numbers_beyond_the_first_hundred_are_summed_up(tmp_path):
    root = dense(tmp_path, 1_000)
    found = findings(root, "FC302")
    assert len(found) == 101
    rest = found[-1]
    assert rest.message.startswith("900 more numbers in ")
    assert "(lines 102 to 1,001)" in rest.message
    assert "figcheck extract doc --unrecorded" in rest.message
    assert rest.stands_for == 900
    assert check(load_ledger(root)).summary["warning"] == 1_000


def test_how_many_are_listed_is_a_setting(tmp_path):
    root = dense(tmp_path, 30, config={"rules": {"FC302": {"listed": 10}}})
    found = findings(root, "FC302")
    assert len(found) == 11 and found[-1].stands_for == 20
    root = dense(tmp_path / "none", 30, config={"rules": {"FC302": {"listed": 0}}})
    (only,) = findings(root, "FC302")
    assert only.stands_for == 30


@pytest.mark.parametrize("listed", [-1, 2.5, ".nan", "many"])
def test_a_bad_listed_setting_is_a_data_error(tmp_path, listed):
    root = dense(tmp_path, 3)
    (root / "figcheck.yaml").write_text(f"rules:\n  FC302:\n    listed: {listed}\n")
    loaded = load_ledger(root)
    assert [p.rule for p in loaded.problems] == ["FC101"]
    assert loaded.problems[0].locations[0].line == 3


def test_json_lists_every_unrecorded_number(tmp_path):
    root = dense(tmp_path, 250)
    code, report = run_json("check", "--data", str(root), "--format", "json")
    assert code == 0
    unrecorded = [f for f in report["findings"] if f["rule"] == "FC302"]
    assert len(unrecorded) == 250
    assert len({f["id"] for f in unrecorded}) == 250
    assert unrecorded[-1]["message"].startswith("1249 is neither recorded nor ignored")
    assert unrecorded[-1]["locations"][0]["line"] == 251
    assert report["summary"]["warning"] == 250
    code, text = run("check", "--data", str(root))
    assert "150 more numbers in " in text
    assert "1249 is neither recorded" not in text


def test_a_number_beyond_the_first_hundred_is_found_by_accept_and_refused(tmp_path):
    # accept finds the id among the numbers the summing-up finding stands for, and says what
    # an unrecorded number needs instead (it cannot be accepted: issue 9).
    root = dense(tmp_path, 250)
    _, report = run_json("check", "--data", str(root), "--format", "json")
    late = next(f for f in report["findings"] if f["message"].startswith("1200 "))
    code, output = run("accept", late["id"], "--why", "a day number", "--data", str(root))
    assert code == 2
    assert "is not a current finding" not in output
    assert "FC302 unrecorded number" in output and "`ignore:`" in output
    rest = [f for f in check(load_ledger(root)).findings if f.rule == "FC302"][-1]
    assert rest.stands_for == 150


def test_extract_lists_every_number_of_a_dense_text(tmp_path):
    root = dense(tmp_path, 500)
    code, report = run_json("extract", "doc", "--data", str(root), "--format", "json")
    assert code == 0
    assert report["counts"] == {"found": 501, "recorded": 1, "ignored": 0, "unrecorded": 500}
    assert len(report["numbers"]) == 501
    code, report = run_json(
        "extract", "doc", "--data", str(root), "--unrecorded", "--format", "json"
    )
    assert len(report["numbers"]) == 500


def test_the_context_of_a_number_on_a_long_line_is_a_few_words(tmp_path):
    text = "word " * 200_000 + "lent 7 books " + "word " * 200_000
    at = text.index("7")
    before, it, after = anchoring.context(text, at, at + 1)
    assert before == "word word word word word lent "
    assert (it, after) == ("7", " books word word word word word")


# -- recurring quotes --------------------------------------------------------------------------


def test_figures_sharing_a_recurring_quote_record_every_place(tmp_path):
    text = "lent 5 books. " * 3_000
    figures = [{"value": 5, "quote": "lent 5 books"} for _ in range(50)]
    figures.append({"value": 6, "quote": "Lent  5 books"})  # the same quote, another value
    root = write(tmp_path, text, figures)
    result = check(load_ledger(root))
    assert [f.figures for f in result.findings if f.rule == "FC105"] == [("doc/f50",)]
    assert result.coverage.total.recorded == 3_000
    assert not [f for f in result.findings if f.rule == "FC302"]


def test_a_quote_at_more_places_than_figcheck_looks_at_is_a_notice(tmp_path, monkeypatch):
    monkeypatch.setattr(anchoring, "PLACES_PER_TEXT", 100)
    monkeypatch.setattr(anchoring, "PLACES_EACH", 40)
    text = "lent 5 books. " * 150 + "lent 8 books."
    figures = [{"value": 5, "quote": "lent 5 books"}, {"value": 8, "quote": "lent 8 books"}]
    root = write(tmp_path, text, figures, ignore=[{"text": "books", "why": "a noun"}])
    result = check(load_ledger(root))
    notices = [f for f in result.findings if f.rule == "FC104"]
    assert [f.severity for f in notices] == ["info", "info"]
    assert "the quote of doc/f0 occurs in " in notices[0].message
    assert "first 100 places" in notices[0].message
    assert "the ignored text 'books' occurs in" in notices[1].message
    assert "first 40 places" in notices[1].message
    assert result.coverage.total.recorded == 101  # the first 100 places, and the 8
    assert not [f for f in result.findings if f.rule == "FC105"]


def test_a_long_recurring_quote_stops_at_the_scan_budget(tmp_path, monkeypatch):
    from figcheck.text import folding

    monkeypatch.setattr(folding, "SCAN_BUDGET", 10_000)
    quote = "lent 5 books " + "and more " * 60  # longer than a regular expression is made for
    root = write(tmp_path, (quote + ". ") * 40, [{"value": 5, "quote": quote.strip()}])
    notices = [f for f in findings(root, "FC104") if f.severity == "info"]
    looked_at = 10_000 // len(fold(quote))
    assert len(notices) == 1 and f"first {looked_at} places" in notices[0].message


# -- messages stay short -----------------------------------------------------------------------


def test_a_quote_with_a_huge_word_gives_a_short_message(tmp_path):
    quote = "lent 5 " + "b" * 100_000
    root = write(tmp_path, "lent 5 books", [{"value": 5, "quote": quote}])
    (only,) = findings(root, "FC104")
    assert "the text agrees up to “lent 5” (line 1)" in only.message
    assert len(only.message) < 400


def test_a_text_with_a_huge_number_gives_a_short_message(tmp_path):
    digits = "7" * 50_000
    root = write(tmp_path, f"lent 5 books and {digits} more", [{"value": 5, "quote": "lent 5"}])
    (only,) = findings(root, "FC302")
    assert len(only.message) < 400


def test_an_ordinal_of_thousands_of_digits_is_read(tmp_path):
    ordinal = "1" * 5_000 + "th"
    root = write(tmp_path, f"lent 5 books, the {ordinal} time", [{"value": 5, "quote": "lent 5"}])
    code, output = run("check", "--data", str(root))
    assert code == 0, output
    assert "internal error" not in output
    (only,) = findings(root, "FC302")
    assert "≈1.111e+4999th" in only.message
    code, output = run("extract", "doc", "--data", str(root), "--format", "json")
    assert code == 0 and "internal error" not in output


def test_many_missing_quotes_give_their_full_reason_for_the_first_twenty(tmp_path):
    figures = [{"value": 5, "quote": f"lent 5 books on day {i}"} for i in range(30)]
    root = write(tmp_path, "lent 5 books.", figures)
    found = findings(root, "FC104")
    assert len(found) == 30
    assert all("the text agrees up to" in f.message for f in found[:20])
    assert all("see `figcheck extract doc`" in f.message for f in found[20:])


# -- what anchoring finds is what the plain reading finds --------------------------------------


def reference_places(text: str, needle: str) -> list[int]:
    """Where `needle` (folded) occurs in `text` (folded), neither starting nor ending inside
    a word or a number, by looking at every position."""

    def splits(at: int) -> bool:
        if not 0 < at < len(text):
            return False
        before, after = text[at - 1], text[at]
        ahead = text[at + 1] if at + 1 < len(text) else ""
        if before.isdecimal() and after in ",." and ahead.isdecimal():
            return True
        return before in ",." and after.isdecimal() and at >= 2 and text[at - 2].isdecimal()

    found = []
    for at in range(len(text) - len(needle) + 1):
        end = at + len(needle)
        if text[at:end] != needle:
            continue
        if needle[0].isalnum() and at > 0 and text[at - 1].isalnum():
            continue
        if needle[-1].isalnum() and end < len(text) and text[end].isalnum():
            continue
        if not (splits(at) or splits(end)):
            found.append(at)
    return found


PIECES = ["1", "2", "12", ",", ".", " ", "a", "b", "x1", "1,2", "2.5", "ab", "²", "٣", "_", "é"]


@settings(max_examples=600, deadline=None)
@given(
    st.lists(st.sampled_from(PIECES), max_size=14).map("".join),
    st.lists(st.sampled_from(PIECES), min_size=1, max_size=4).map("".join),
)
def test_places_are_those_of_a_plain_search(text, needle):
    folded = Folded.of(text)
    needle = fold(needle)
    if not needle:
        return
    expected = reference_places(folded.folded, needle)
    assert folded.folded_places(needle)[0] == expected
    # After many places that cut a word, the search goes on with a regular expression.
    assert folded._whole_places(needle, None, 0, [])[0] == expected
    # A long needle is searched for as text, with the same rules.
    from figcheck.text import folding

    assert [
        at
        for at in range(len(folded.folded))
        if folded.folded.startswith(needle, at)
        and folding._whole(folded.folded, at, at + len(needle), needle)
    ] == expected


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="aß İﬁ\n\t2—“Σς", max_size=40))
def test_folding_a_text_with_expanding_letters_maps_back(text):
    folded = Folded.of(text)
    chars, origins = [], []
    for index, char in enumerate(text):
        if char.isspace():
            if index == 0 or not text[index - 1].isspace():
                chars.append(" ")
                origins.append(index)
            continue
        piece = char.translate(str.maketrans({"“": '"', "—": "-"})).casefold()
        chars.extend(piece)
        origins.extend([index] * len(piece))
    assert folded.folded == "".join(chars)
    assert [folded.origin(i) for i in range(len(chars))] == origins


CANDIDATE_PIECES = ["one", "ONE", "ſeven", "\u212aa", "a", "x", "é", "1", "2nd", " ", "-", "_"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(CANDIDATE_PIECES), max_size=10).map("".join))
def test_the_number_scan_finds_what_a_full_search_finds(text):
    by_scan, by_search = scanned_and_searched(text)
    assert by_scan == by_search


def reference_statuses(
    text: str, figures: list[tuple[Figure, str]], ignored: list[Ignored]
) -> list[tuple[str | None, str | None]]:
    """Each number's (recording figure, ignoring text): every place of every quote read on
    its own, for each figure in turn, as anchoring was first written."""
    folded = Folded.of(text)
    numbers = find_numbers(text)
    starts = [n.start for n in numbers]

    def inside(start: int, end: int) -> list:
        i = bisect.bisect_left(starts, start)
        found = []
        while i < len(numbers) and numbers[i].start < end:
            if numbers[i].end <= end:
                found.append(numbers[i])
            i += 1
        return found

    def spans(quote: str) -> list[tuple[int, int]]:
        needle = fold(quote)
        if not needle:
            return []
        return [
            folded.original_span((at, at + len(needle)))
            for at in reference_places(folded.folded, needle)
        ]

    recorded: dict[int, str] = {}
    for figure, kind in figures:
        for start, end in spans(figure.quote):
            for n in numbers_saying_value(figure, kind, figure.quote, inside(start, end), text):
                recorded.setdefault(n.start, figure.full_id)
    ignoring: dict[int, str] = {}
    for entry in ignored:
        for start, end in spans(entry.text):
            for n in inside(start, end):
                ignoring.setdefault(n.start, entry.text)
    return [
        (recorded.get(n.start), None if n.start in recorded else ignoring.get(n.start))
        for n in numbers
    ]


WORDS = ["lent", "5", "6", "-5", "fell", "books", "2,5", "five", "hundreds", "and", "200", "999"]
VALUES = [5, 6, -5, 200, 999, (200, 999), (5, 6)]


def a_figure(index: int, quote: str, value: object, change: bool) -> tuple[Figure, str]:
    approx = "range" if isinstance(value, tuple) else "exact"
    figure = Figure(
        full_id=f"doc/f{index}",
        id=f"f{index}",
        document="doc",
        quantity="c" if change else "q",
        value=value,  # type: ignore[arg-type]
        approx=approx,  # type: ignore[arg-type]
        as_of=None,  # type: ignore[arg-type]  # not read by anchoring
        said_by="author",
        quote=quote,
        interval=interval(value, approx),  # type: ignore[arg-type]
        stated=stated(value),  # type: ignore[arg-type]
        location=Location("doc.yaml", index),
    )
    return figure, "change" if change else "flow"


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.sampled_from(WORDS), max_size=30).map(" ".join),
    st.lists(
        st.tuples(
            st.lists(st.sampled_from(WORDS), min_size=1, max_size=4).map(" ".join),
            st.sampled_from(VALUES),
            st.booleans(),
        ),
        max_size=6,
    ),
    st.lists(st.lists(st.sampled_from(WORDS), min_size=1, max_size=2).map(" ".join), max_size=3),
)
def test_anchoring_finds_what_reading_every_place_finds(text, records, ignore_texts):
    figures = [a_figure(i, *record) for i, record in enumerate(records)]
    ignored = [Ignored(t, "why", Location("doc.yaml", 1)) for t in ignore_texts]
    found = anchoring.analyse(text, figures, ignored)
    got = [(entry.figure, entry.ignored.text if entry.ignored else None) for entry in found.entries]
    assert got == reference_statuses(text, figures, ignored)
    for figure, kind in figures:  # FC105's question: does some place say the value?
        places = found.quotes[figure.full_id]
        expected = any(
            numbers_saying_value(figure, kind, figure.quote, found.inside(span), text)
            for span in places
        )
        assert found.says_value(figure.full_id) == expected
