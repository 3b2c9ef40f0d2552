"""How figcheck lists things in its messages."""

from figcheck.wording import listing


def test_a_listing_joins_its_last_item_with_and():
    assert listing([]) == ""
    assert listing(["a"]) == "a"
    assert listing(["a", "b"]) == "a and b"
    assert listing(["a", "b", "c"]) == "a, b and c"


def test_sentences_are_listed_without_and():
    reasons = ["x do not overlap", "y do not overlap", "z do not overlap"]
    assert (
        listing(reasons, "; ", last="; ") == "x do not overlap; y do not overlap; z do not overlap"
    )


def test_a_long_listing_says_how_many_more():
    shown = listing([str(n) for n in range(1000)], limit=4)
    assert shown == "0, 1, ... and 998 more"
