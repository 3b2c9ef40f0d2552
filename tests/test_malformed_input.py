"""No input file, however malformed, makes figcheck raise: it reports and exits 0, 1 or 2."""

import shutil
import tempfile
from pathlib import Path

import yaml
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from figcheck.cli import cli

FIELDS = [
    "id",
    "quantity",
    "value",
    "approx",
    "as_of",
    "said_by",
    "quote",
    "note",
    "document",
    "figures",
    "title",
    "text",
    "published",
    "label",
    "unit",
    "kind",
    "parts",
    "subset_of",
    "of",
    "exhaustive",
    "quantities",
    "accepted",
    "finding",
    "why",
    "ignore",
    "rules",
    "FC301",
    "severity",
    "window_days",
    "values",
    "about",
    "dates",
    "q",
    "a",
]

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**6), 10**20),
    st.floats(allow_nan=True),
    st.sampled_from(
        [
            "2015",
            "2015-11-19",
            "2015/..",
            "../..",
            "about",
            "range",
            "stock",
            "change",
            "q",
            "a",
            "../documents/x.txt",
            "../../etc/passwd",
            "FC201:0123456789",
            "",
            "2,719",
            "-46",
            "error",
            "off",
        ]
    ),
    st.text(max_size=8),
)
trees = st.recursive(
    scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.dictionaries(st.sampled_from(FIELDS), children, max_size=6),
    ),
    max_leaves=25,
)


def check_never_raises(files):
    root = Path(tempfile.mkdtemp())
    try:
        (root / "sources").mkdir()
        (root / "documents").mkdir()
        for name, content in files.items():
            path = root / name
            path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
        for output in ("text", "json"):
            result = CliRunner().invoke(
                cli, ["check", "--data", str(root), "--format", output], catch_exceptions=False
            )
            assert result.exit_code in (0, 1, 2), result.output
            assert "internal error" not in result.output
    finally:
        shutil.rmtree(root)


def dump(tree):
    return yaml.safe_dump(tree, allow_unicode=True)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(quantities=trees, source=trees, accepted=trees, config=trees)
def test_random_structures(quantities, source, accepted, config):
    check_never_raises(
        {
            "quantities.yaml": dump({"quantities": quantities}),
            "sources/a.yaml": dump(source),
            "accepted.yaml": dump(accepted),
            "figcheck.yaml": dump(config),
        }
    )


figure_fields = st.fixed_dictionaries(
    {
        "id": scalars,
        "quantity": st.sampled_from(["q", "c", "x"]),
        "value": trees,
        "as_of": scalars,
        "said_by": scalars,
        "quote": scalars,
    },
    optional={"approx": scalars, "note": scalars},
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(figures=st.lists(figure_fields, max_size=5))
def test_random_figures_in_a_valid_frame(figures):
    quantities = {
        "quantities": {
            "q": {"label": "q", "unit": "people", "kind": "cumulative"},
            "c": {"label": "c", "unit": "percent", "kind": "change", "of": "q"},
        }
    }
    source = {"document": {"id": "d", "title": "t"}, "figures": figures}
    check_never_raises({"quantities.yaml": dump(quantities), "sources/a.yaml": dump(source)})


@settings(max_examples=100, deadline=None)
@given(raw=st.binary(max_size=200))
def test_random_bytes(raw):
    check_never_raises({"quantities.yaml": raw, "sources/a.yaml": raw, "accepted.yaml": raw})


def test_nasty_yaml():
    for text in (
        "a: &x [*x]\n",
        "? [a, b]\n: c\n",
        "!!python/object:os.system x\n",
        "a: b\nc",
        "\t- tab\n",
        "%YAML 9.9\n---\na: 1\n",
        "--- a\n--- b\n",
        "a: " + "[" * 5000,
    ):
        check_never_raises({"quantities.yaml": text, "sources/a.yaml": text, "figcheck.yaml": text})


words = st.sampled_from(
    [
        "2,719",
        "one",
        "No one",
        "46%",
        "decreased by",
        "hundreds",
        "the",
        "2015",
        "“",
        "”",
        "—",
        "\n",
        "  ",
        "a dozen",
        "forty-four",
        "7th",
        "1" * 5000,
        "ß",
        "İ",
        "2.9 thousand",
        "24/7",
    ]
)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    text=st.lists(words, max_size=30).map(" ".join),
    quote_at=st.integers(0, 40),
    quote_length=st.integers(0, 40),
    value=st.one_of(st.integers(-100, 3000), st.sampled_from([2719, 46, -46, 44, 1])),
    ignore=st.lists(st.text(max_size=6), max_size=3),
)
def test_random_document_texts(text, quote_at, quote_length, value, ignore):
    quote = text[quote_at : quote_at + quote_length] or "x"
    quantities = {
        "quantities": {
            "q": {"label": "q", "unit": "people", "kind": "stock"},
            "c": {"label": "c", "unit": "percent", "kind": "change"},
        }
    }
    figure = {
        "id": "f",
        "quantity": "c" if value < 0 else "q",
        "value": value,
        "as_of": "2013/2014" if value < 0 else "2015",
        "said_by": "s",
        "quote": quote,
    }
    source = {
        "document": {"id": "d", "title": "t", "text": "../documents/d.txt"},
        "figures": [figure],
        "ignore": [{"text": t, "why": "w"} for t in ignore],
    }
    check_never_raises(
        {
            "quantities.yaml": dump(quantities),
            "sources/a.yaml": dump(source),
            "documents/d.txt": text,
        }
    )
    from figcheck.cli import cli as command

    for args in (["report"], ["extract", "d"], ["extract", "d", "--format", "json"]):
        root = Path(tempfile.mkdtemp())
        try:
            for name, content in {
                "quantities.yaml": dump(quantities),
                "sources/a.yaml": dump(source),
                "documents/d.txt": text,
            }.items():
                (root / name).parent.mkdir(parents=True, exist_ok=True)
                (root / name).write_text(content, encoding="utf-8")
            result = CliRunner().invoke(
                command, [*args, "--data", str(root)], catch_exceptions=False
            )
            assert result.exit_code in (0, 2), result.output
            assert "internal error" not in result.output
        finally:
            shutil.rmtree(root)
