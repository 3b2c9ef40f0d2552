"""The sweeps must find exactly the pairs a comparison of all pairs finds."""

from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from figcheck import sweep
from figcheck.model import INF, DatePoint, DateSpan, Figure, Interval, Location


def make_figure(seq, low, high, low_open, high_open, start, end):
    span = DateSpan("x", start, end, (DatePoint("x", start, end, "day"),))
    return Figure(
        full_id=f"d/{seq}",
        id=str(seq),
        document="d",
        quantity="q",
        value=0,
        approx="exact",
        as_of=span,
        said_by="s",
        quote="q",
        interval=Interval(low, high, low_open, high_open),
        stated=Fraction(low if low != -INF else 0),
        location=Location("f", seq),
    )


@st.composite
def figures(draw, max_size=25):
    count = draw(st.integers(0, max_size))
    result = []
    for seq in range(count):
        # Few distinct values and days, so that ties and touching bounds are common.
        low = Fraction(draw(st.integers(0, 8)), draw(st.sampled_from([1, 2, 10])))
        high = draw(st.one_of(st.just(INF), st.integers(0, 8).map(Fraction)))
        if high != INF and high < low:
            low, high = high, low
        open_low = draw(st.booleans()) and low != high
        open_high = (draw(st.booleans()) or high == INF) and low != high
        start = draw(st.integers(0, 10))
        end = start + draw(st.integers(0, 4))
        result.append(make_figure(seq, low, high, open_low, open_high, start, end))
    return sweep.by_date(result)


def renumbered(figs):
    """The same figures with ids from 100 up, so that two drawn lists never share an id."""
    return [
        make_figure(
            100 + i,
            f.interval.low,
            f.interval.high,
            f.interval.low_open,
            f.interval.high_open,
            f.as_of.start,
            f.as_of.end,
        )
        for i, f in enumerate(figs)
    ]


def ids(pairs):
    return sorted(tuple(sorted((a.id, b.id))) for a, b in pairs)


def one_way(pairs):
    return sorted((a.id, b.id) for a, b in pairs)


@settings(max_examples=150, deadline=None)
@given(figures())
def test_disjoint_at_overlapping_dates(figs):
    expected = [
        (a, b)
        for i, a in enumerate(figs)
        for b in figs[i + 1 :]
        if a.as_of.overlaps(b.as_of) and not a.interval.overlaps(b.interval)
    ]
    found = list(sweep.disjoint_at_overlapping_dates(figs))
    assert ids(found) == ids(expected)
    assert len(found) == len(set(ids(found)))


@settings(max_examples=150, deadline=None)
@given(figures())
def test_higher_before(figs):
    expected = [
        (a, b)
        for a in figs
        for b in figs
        if b.as_of.start > a.as_of.end and b.interval.lies_below(a.interval)
    ]
    assert one_way(sweep.higher_before(figs)) == one_way(expected)


@settings(max_examples=150, deadline=None)
@given(figures(), figures())
def test_exceeding_at_overlapping_dates(smaller, larger):
    larger = renumbered(larger)
    expected = [
        (s, g)
        for s in smaller
        for g in larger
        if s.as_of.overlaps(g.as_of) and g.interval.lies_below(s.interval)
    ]
    assert one_way(sweep.exceeding_at_overlapping_dates(smaller, larger)) == one_way(expected)


@settings(max_examples=150, deadline=None)
@given(figures(), figures())
def test_exceeding_later(smaller, larger):
    larger = renumbered(larger)
    expected = [
        (s, g)
        for s in smaller
        for g in larger
        if g.as_of.end >= s.as_of.start and g.interval.lies_below(s.interval)
    ]
    assert one_way(sweep.exceeding_later(smaller, larger)) == one_way(expected)


@settings(max_examples=150, deadline=None)
@given(figures(), figures())
def test_most_lenient_overlapping(queries, candidates):
    def key(f):
        return (f.interval.low, f.interval.low_open, f.id)

    found = sweep.most_lenient_overlapping(queries, candidates, key)
    for query, answer in zip(queries, found, strict=True):
        overlapping = [c for c in candidates if c.as_of.overlaps(query.as_of)]
        expected = min(overlapping, key=key) if overlapping else None
        assert answer is expected


@settings(max_examples=100, deadline=None)
@given(figures(), figures(), st.randoms(use_true_random=False))
def test_most_lenient_overlapping_for_queries_in_any_order(queries, candidates, random):
    def key(f):
        return (f.interval.low, f.interval.low_open, f.id)

    random.shuffle(queries)
    found = sweep.most_lenient_overlapping(queries, candidates, key)
    for query, answer in zip(queries, found, strict=True):
        overlapping = [c for c in candidates if c.as_of.overlaps(query.as_of)]
        assert answer is (min(overlapping, key=key) if overlapping else None)


def test_enormous_bounds_are_compared_exactly():
    # 10^400 and 10^400 + 1/2 differ by less than a float can tell, and a float cannot hold them.
    big = Fraction(10**400)
    a = make_figure(1, big, big, False, False, 0, 0)
    b = make_figure(2, big + Fraction(1, 2), big + Fraction(1, 2), False, False, 0, 0)
    c = make_figure(3, big, big + Fraction(1, 2), False, False, 0, 0)
    assert ids(sweep.disjoint_at_overlapping_dates([a, b, c])) == [("1", "2")]
