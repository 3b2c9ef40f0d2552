"""Property tests of `figcheck add` and `figcheck accept` run as a curator runs them, through
click, on a fresh copy of a small ledger for every example, with whatever text an option
may hold: values with separators, signs, exponents, stray dots, other scripts' digits,
thousands of digits and `..` ranges; dates, quotes, ids and reasons of any characters,
bytes that are not UTF-8 included (they reach Python as lone surrogates).

Whatever the input, each command ends with exit 0, 1 or 2 and never an internal error or a
traceback. A command that refuses (2) changes no file; one that succeeds leaves a ledger
that loads without a data error and holds exactly what was typed: for `add`, the value as
the exact rational of the digits typed, and the quote; for `accept`, the finding and the
reason.

Each example gives odd text to one option (or none) and ordinary values to the others, so
that the odd text reaches the writing code rather than stopping at the first check.
FIGCHECK_FUZZ_EXAMPLES sets how many examples each test tries (default 150); run with
--hypothesis-show-statistics to see how often each exit code was reached.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from fractions import Fraction
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from figcheck import check, load_ledger
from figcheck.cli import cli
from figcheck.values import exact
from tests.builders import copy_curation_ledger

EXAMPLES = int(os.environ.get("FIGCHECK_FUZZ_EXAMPLES", "150"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

# A change quantity, so that negative values can be valid.
CHANGE = """
  ru-fighting-change:
    label: Change in the number fighting
    unit: percent
    kind: change
    of: ru-fighting
"""


@contextmanager
def fresh_ledger(conflict: bool = False) -> Iterator[Path]:
    with tempfile.TemporaryDirectory() as tmp:
        root = copy_curation_ledger(Path(tmp) / "ledger", conflict=conflict)
        with (root / "quantities.yaml").open("a") as quantities:
            quantities.write(CHANGE)
        yield root


def snapshot(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def run(args: list[str]) -> Result:
    return CliRunner().invoke(cli, args)


def assert_one_clean_ending(result: Result) -> None:
    event(f"exit {result.exit_code}")
    assert result.exit_code in (0, 1, 2), (result.exit_code, result.output, result.exception)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    for stream in (result.stdout, result.stderr):
        assert "internal error" not in stream and "Traceback" not in stream, stream


# -- what a curator might type -------------------------------------------------------------

ASCII_DIGITS = "0123456789"
# Digits of other scripts (Arabic-Indic, Devanagari, full-width), which `\d` matches.
OTHER_DIGITS = "٠١٢٣٤٥٦٧٨٩०१२३४५६७८९０１２３４５６７８９"
NUMBER_CHARACTERS = ASCII_DIGITS + ",.-+eE _'" + "\u00a0\u2009\u2212" + OTHER_DIGITS[:6]

digits = st.text(ASCII_DIGITS, min_size=1, max_size=25)
grouped = st.integers(min_value=0, max_value=10**18).map(lambda n: f"{n:,}")
signed = st.builds(lambda sign, number: sign + number, st.sampled_from(["", "-", "+"]), digits)
decimal = st.builds(
    lambda sign, whole, fraction: f"{sign}{whole}.{fraction}",
    st.sampled_from(["", "-"]),
    st.one_of(digits, grouped),
    digits,
)
floats = st.floats(allow_nan=False, allow_infinity=False).map(repr)  # `1e-07`, `-0.0`
positional = st.floats(allow_nan=False, allow_infinity=False).map(lambda f: f"{f:f}")
huge = st.integers(min_value=300, max_value=5000).flatmap(
    lambda n: st.sampled_from(["9" * n, "1" * n, "1" * n + ".5", "0." + "0" * n + "1"])
)
other_script = st.text(OTHER_DIGITS, min_size=1, max_size=6)
number_like = st.text(NUMBER_CHARACTERS, max_size=30)

# Text of any characters, with a good share of those YAML treats specially: line breaks of
# every kind, quotes, indicators, a byte-order mark, NUL, and lone surrogates.
SPECIAL = [*"\n\r\t\x85\u2028\u2029\ufeff\x00'\":#-{}[],&*!|>%@`?~ ", "\udcff", "\ud800"]
# Any code point, surrogates included: st.text leaves out almost every surrogate, and the
# keyword that lets st.characters include them has changed its name between versions.
any_code_point = st.integers(0, sys.maxunicode).map(chr)
free_text = st.lists(
    st.one_of(any_code_point, st.sampled_from(SPECIAL)),
    max_size=40,
).map("".join)

one_value = st.one_of(
    digits, grouped, signed, decimal, floats, positional, huge, other_script, number_like
)
value_text = st.one_of(
    one_value,
    st.builds(lambda low, high: f"{low}..{high}", one_value, one_value),
    st.builds(lambda low, high: f"{low}..{high}", digits, digits),
    free_text,
)

# Each quantity with an as_of its kind accepts.
VALID_AS_OF = {
    "ru-fighting": "2016",
    "ru-departed-syria": "2015-11-19",
    "ru-departed-syria-killed": "2015-12~",
    "ru-fighting-change": "2014/2015",
}
ODD = {
    "as_of": st.one_of(
        st.sampled_from(["2015", "2015-11", "2016?", "2013/2014", "2014-07/..", "0777", "2015-13"]),
        free_text,
    ),
    "said_by": free_text,
    "quote": free_text,
    "id": st.one_of(st.from_regex(r"[a-z][a-z0-9_.-]{0,12}", fullmatch=True), free_text),
    "approx": st.sampled_from(["about", "nearly", "over", "at-least", "under", "at-most", "range"]),
    "note": free_text,
    "document": st.just("tass"),  # has a text: the quote must also be in it (FC104)
    "title": free_text,  # of a new document, whose source file is made
}


def stating(value: str) -> str:
    """A quote that states the value, so that FC105 lets the record through."""
    return f"as many as {value.replace('..', ' to ')} people are fighting"


def typed_number(text: str) -> tuple[Fraction, ...]:
    """The rationals a --value text stands for, read independently of figcheck: the digits
    as written, thousands commas dropped."""
    parts = text.strip().split("..", 1)
    return tuple(Fraction(part.strip().replace(",", "")) for part in parts)


def figure_number(value: object) -> tuple[Fraction, ...]:
    values = value if isinstance(value, tuple) else (value,)
    return tuple(exact(v) for v in values)


def test_typed_number_reads_what_a_curator_means() -> None:
    # The oracle itself: thousands commas dropped, ranges split, every digit kept.
    assert typed_number(" 2,719 ") == (Fraction(2719),)
    assert typed_number("0.1234567890123456789") == (Fraction(1234567890123456789, 10**19),)
    assert typed_number("-51..-46") == (Fraction(-51), Fraction(-46))


# -- add -----------------------------------------------------------------------------------


@FUZZ
@given(
    data=st.data(),
    value=value_text,
    quantity=st.sampled_from(sorted(VALID_AS_OF)),
    odd=st.sampled_from([None, *ODD]),
)
def test_add_ends_cleanly_and_writes_only_what_was_typed(
    data: st.DataObject, value: str, quantity: str, odd: str | None
) -> None:
    fields = {
        "document": "interfax",
        "quantity": quantity,
        "value": value,
        "as_of": VALID_AS_OF[quantity],
        "said_by": "FSB of Russia",
        "quote": stating(value),
    }
    if odd is not None:
        fields[odd] = data.draw(ODD[odd], label=odd)
    if odd == "title":
        fields["document"] = "new-report"
    with fresh_ledger() as root:
        before = snapshot(root)
        options = [f"--{name.replace('_', '-')}={text}" for name, text in fields.items()]
        result = run(["add", f"--data={root}", "--format=json", *options])
        assert_one_clean_ending(result)
        if result.exit_code == 2:
            assert snapshot(root) == before
            return
        ledger = load_ledger(root)
        assert not [p for p in ledger.problems if p.is_data_error]
        figure = ledger.figures[json.loads(result.stdout)["figure"]]
        assert figure_number(figure.value) == typed_number(value)
        assert (figure.quote, figure.said_by) == (fields["quote"], fields["said_by"])
        if odd == "note":
            assert figure.note == (fields["note"] or None)  # an empty --note is no note
        if odd == "title":
            assert ledger.documents["new-report"].title == fields["title"]


# -- accept --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def current_ids() -> list[str]:
    with fresh_ledger(conflict=True) as root:
        ids = [f.id for f in check(load_ledger(root)).findings]
    assert any(i.startswith("FC201:") for i in ids)
    return ids


def spelled(finding_id: str, upper: bool, space: str) -> str:
    """A real id as a person might type it: in either case, with spaces around."""
    return f"{space}{finding_id.upper() if upper else finding_id}{space}"


@FUZZ
@given(
    data=st.data(),
    why=st.one_of(st.just("The FSB counts later, and more widely."), free_text),
)
def test_accept_ends_cleanly_and_writes_only_what_was_typed(
    current_ids: list[str], data: st.DataObject, why: str
) -> None:
    real = st.builds(
        spelled, st.sampled_from(current_ids), st.booleans(), st.sampled_from(["", " ", "\t"])
    )
    shaped = st.from_regex(r"[Ff][Cc][0-9]{3}:[0-9a-fA-F]{0,12}", fullmatch=True)
    typed = data.draw(st.one_of(real, real, real, shaped, free_text), label="finding id")
    with fresh_ledger(conflict=True) as root:
        before = snapshot(root)
        result = run(["accept", f"--data={root}", f"--why={why}", "--", typed])
        assert_one_clean_ending(result)
        if result.exit_code != 0:
            assert snapshot(root) == before
            return
        ledger = load_ledger(root)
        assert not [p for p in ledger.problems if p.is_data_error]
        (acceptance,) = ledger.acceptances
        assert acceptance.finding.lower() == typed.strip().lower()
        assert acceptance.why == why.strip()
