"""Folding for comparison, and the way back to original positions."""

from __future__ import annotations

import doctest

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import figcheck.text.folding
from figcheck.text.folding import Folded, fold


def test_fold_case_space_quotes_dashes() -> None:
    assert fold("  “Hunting”\n as  ‘recruiters’ — 2014–2024 −5 ″ ′ «x» „y‟ ‚z‛ ‐‑‒― ") == (
        '"hunting" as \'recruiters\' - 2014-2024 -5 " \' "x" "y" \'z\' ----'
    )


def test_spans_map_back_to_the_original() -> None:
    text = Folded.of("He said:\n“A total of  405 people” — in June")
    ((start, end),) = text.spans('a total of 405 PEOPLE"')
    assert text.original[start:end] == "A total of  405 people”"


def test_every_place_is_found() -> None:
    text = Folded.of("destroyed 160 militants\n\nDestroyed  160 militants. x destroyed 160")
    assert [text.original[s:e] for s, e in text.spans("destroyed 160 militants")] == [
        "destroyed 160 militants",
        "Destroyed  160 militants",
    ]


def test_a_place_must_not_cut_a_word_or_number() -> None:
    text = Folded.of("one hundred and 2,719 people")
    assert text.spans("ne hundred") == []
    assert text.spans("2,71") == []
    assert text.spans("one hundred") == [(0, 11)]
    assert text.spans("2,719 people") == [(16, 28)]


def test_casefold_that_changes_length_keeps_positions() -> None:
    text = Folded.of("Die Straße hat 12 Häuser")
    ((start, end),) = text.spans("strasse hat 12")
    assert text.original[start:end] == "Straße hat 12"


def test_longest_prefix() -> None:
    text = Folded.of("From Russia went to Syria 2719 Russian citizens")
    agreed, at = text.longest_prefix("from russia went to Syria 2791")
    assert (agreed, at) == (len("from russia went to syria 27"), 0)
    assert text.longest_prefix("qqq") == (0, -1)


def test_module_examples() -> None:
    assert doctest.testmod(figcheck.text.folding).failed == 0


QUOTES_AND_DASHES = {
    **dict.fromkeys("“”„‟«»″", '"'),
    **dict.fromkeys("‘’‚‛′", "'"),
    **dict.fromkeys("‐‑‒–—―−", "-"),
}


def _reference(text: str) -> tuple[str, list[int]]:
    """Folding written out character by character, independently of figcheck.text.folding: a
    run of white space becomes one space (at the run's first character), marks and dashes
    become ASCII, every other character its casefold; each folded character keeps the index
    of the character it came from."""
    chars: list[str] = []
    origins: list[int] = []
    for index, char in enumerate(text):
        if char.isspace():
            if index == 0 or not text[index - 1].isspace():
                chars.append(" ")
                origins.append(index)
            continue
        folded = QUOTES_AND_DASHES.get(char, char).casefold()
        chars.extend(folded)
        origins.extend([index] * len(folded))
    return "".join(chars), origins


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="ab2 ß\n\t\u00a0—“”İ'", max_size=30))
def test_positions_map_back_to_their_origins(text):
    folded = Folded.of(text)
    expected, origins = _reference(text)
    assert folded.folded == expected
    assert [folded.origin(i) for i in range(len(expected))] == origins


@pytest.mark.parametrize(
    "quote",
    [
        "210 registered members",
        ",210 registered",
        "had 4,2",
        "had 4",
        "and 2",
        "9 thousand",
        ".9 thousand",
        "had 4,",
    ],
)
def test_a_quote_never_starts_or_ends_inside_a_number(quote):
    text = Folded.of("The library had 4,210 registered members, and 2.9 thousand.")
    assert text.spans(quote) == []
    assert text.spans("4,210 registered members") == [(16, 40)]
