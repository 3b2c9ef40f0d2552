"""A text wrapped at a fixed width: a line that ends with an article, a preposition or a
conjunction runs on into the next even where that starts with a capital
(figcheck.text.drafting.sentences). Sentences written for the tests."""

from __future__ import annotations

from figcheck.text.drafting.sentences import Layout


def sentences(text: str) -> list[str]:
    layout = Layout.of(text)
    return [layout.words(s) for s in layout.sentences]


def test_a_line_ending_with_a_preposition_runs_on_into_a_capital() -> None:
    text = "Some 40 ships were stuck at the port on\nTuesday, the agency said.\nNext line"
    assert sentences(text) == [
        "Some 40 ships were stuck at the port on\nTuesday, the agency said.",
        "Next line",
    ]


def test_a_line_ending_with_a_noun_before_a_capital_is_a_headline() -> None:
    text = "Ships stuck at the port\nKESSEL, Jan 14 - Some 40 ships were stuck."
    assert sentences(text) == [
        "Ships stuck at the port",
        "KESSEL, Jan 14 - Some 40 ships were stuck.",
    ]
