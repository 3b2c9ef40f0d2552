"""The JSON Schemas of the ledger files (figcheck/ledger/schema.py) agree with the loader.

Every shipped file validates; the same records, valid and invalid, get the same verdict from
the schema and from figcheck/ledger/; and the few things a JSON Schema cannot express are
listed, and shown to be caught by the loader alone.
"""

from __future__ import annotations

import json
import re
import textwrap
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from figcheck import dates, load_ledger
from figcheck.cli import cli
from figcheck.commands import schema as schema_module
from figcheck.ledger import yaml_reading
from figcheck.ledger.schema import EDTF_DATE, KINDS_OF_FILE, schema

DATA = Path(__file__).parent.parent / "data"


def validator(kind: str) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(schema(kind))  # type: ignore[arg-type]


def parsed(path: Path) -> object:
    data, duplicates = yaml_reading.load(path)
    assert duplicates == []
    return data


def schema_errors(kind: str, data: object) -> list[str]:
    return [f"{list(e.absolute_path)}: {e.message}" for e in validator(kind).iter_errors(data)]


# -- the schemas themselves -----------------------------------------------------------------


@pytest.mark.parametrize("kind", KINDS_OF_FILE)
def test_schemas_are_valid_for_2020_12_and_read_alike_by_draft_07(kind):
    document = schema(kind)
    assert document["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(document)
    # The YAML language server validates as draft-07: keep to keywords both read alike.
    jsonschema.Draft7Validator.check_schema(document)
    text = json.dumps(document)
    for keyword in ("$ref", "$defs", "prefixItems", "unevaluatedProperties", "dependentRequired"):
        assert f'"{keyword}"' not in text


def properties_of(node: object, path: str = "") -> list[tuple[str, dict]]:
    found = []
    if isinstance(node, dict):
        for name, sub in node.get("properties", {}).items():
            found.append((f"{path}.{name}", sub))
        for key, sub in node.items():
            found += properties_of(sub, f"{path}/{key}")
    elif isinstance(node, list):
        for i, sub in enumerate(node):
            found += properties_of(sub, f"{path}[{i}]")
    return found


@pytest.mark.parametrize("kind", KINDS_OF_FILE)
def test_every_field_has_hover_help(kind):
    fields = [(path, sub) for path, sub in properties_of(schema(kind)) if "/if" not in path]
    fields = [(p, s) for p, s in fields if "/then" not in p and "/else" not in p]
    assert fields
    for path, sub in fields:
        assert sub.get("description", "").strip(), f"{path} has no description"


# -- the shipped ledger ---------------------------------------------------------------------


@pytest.mark.parametrize("path", sorted((DATA / "sources").glob("*.yaml")), ids=lambda p: p.name)
def test_every_shipped_source_file_validates(path):
    assert schema_errors("source", parsed(path)) == []


@pytest.mark.parametrize(
    "kind, name", [("quantities", "quantities.yaml"), ("accepted", "accepted.yaml")]
)
def test_shipped_quantities_and_accepted_validate(kind, name):
    path = DATA / name
    if not path.exists():
        pytest.skip(f"data/{name} is not shipped (yet)")
    assert schema_errors(kind, parsed(path)) == []


def test_the_shipped_ledger_has_source_files():
    assert sorted((DATA / "sources").glob("*.yaml")), "the parametrized test above ran on nothing"


# -- the schema and the loader agree ----------------------------------------------------------

QUANTITIES = """\
quantities:
  departed:
    label: People who left to fight
    unit: people
    kind: cumulative
    parts: [killed]
  killed:
    label: Of those who left, those killed
    unit: people
    kind: cumulative
  victims:
    label: Victims of attacks in a year
    unit: people
    kind: flow
  victims-change:
    label: Change in victims of attacks
    unit: percent
    kind: change
    of: victims
"""

FIGURE = {
    "id": "departed",
    "quantity": "departed",
    "value": "2719",
    "as_of": "2015-11-19",
    "said_by": "Oleg Syromolotov, Deputy Foreign Minister",
    "quote": "From Russia went to Syria 2719 Russian citizens",
}


def source(figure: dict[str, str] | None = None, document: str = "", top: str = "") -> str:
    fields = FIGURE if figure is None else figure
    lines = "\n".join(f"    {key}: {value}" for key, value in fields.items())
    return (
        "document:\n  id: doc-a\n  title: A report\n  published: 2015-11-19\n"
        f"{document}figures:\n  - {lines.lstrip()}\n{top}"
    )


def figure(**changes: str | None) -> str:
    fields = {**FIGURE, **changes}
    return source({k: v for k, v in fields.items() if v is not None})


ACCEPTED = "accepted:\n  - finding: FC201:3f9a1c0b2d\n    why: Different dates.\n"

FILES = {"source": "sources/a.yaml", "quantities": "quantities.yaml", "accepted": "accepted.yaml"}


def verdicts(kind: str, text: str, tmp_path: Path, write_tree) -> tuple[bool, bool]:
    """(loader accepts, schema accepts) for one file of the given kind in a valid ledger."""
    files = {"quantities.yaml": QUANTITIES, "sources/a.yaml": source(), FILES[kind]: text}
    root = write_tree(tmp_path / "ledger", files)
    problems = [f for f in load_ledger(root).problems if f.is_data_error]
    data, _ = yaml_reading.loads(textwrap.dedent(text).lstrip("\n"))
    return not problems, validator(kind).is_valid(data)


BOTH_ACCEPT = {
    "source": [
        source(),
        figure(approx="about"),
        figure(approx="null"),
        figure(approx="range", value="[2000, 3000]"),
        figure(approx="under", value="3000"),
        figure(value="2.5"),
        figure(id="7"),
        figure(said_by="2015"),
        figure(note="'checked against the transcript'"),
        figure(as_of="2015"),
        figure(as_of="2015-11"),
        figure(as_of="'2015-11-19?'"),
        figure(as_of="2015~"),
        figure(as_of="2015-11%"),
        figure(as_of="2015/2016-03"),
        figure(as_of="../2015"),
        figure(as_of="2015/.."),
        figure(as_of="'2015'"),
        figure(as_of="2016-02-29"),
        figure(quantity="victims-change", value="-46", as_of="2013/2014"),
        source(document="  outlet: TASS\n  url: https://tass.com/x\n"),
        source(top="ignore:\n  - text: '2015'\n    why: a date\n"),
        source(top="ignore:\n"),
        "document: {id: doc-a, title: A report}\nfigures:\n",
    ],
    "quantities": [
        QUANTITIES,
        QUANTITIES + "  extra:\n    label: x\n    unit: people\n    kind: stock\n    parts: []\n",
        QUANTITIES.replace("parts: [killed]", "parts: [killed]\n    exhaustive: true"),
        QUANTITIES.replace("kind: flow", "kind: flow\n    note: per calendar year"),
        QUANTITIES
        + "  k2:\n    label: x\n    unit: people\n    kind: stock\n    subset_of: [killed]\n",
    ],
    "accepted": [
        ACCEPTED,
        "accepted:\n  - finding: FC201:3f9a1c0b2d\n",  # no why: a warning (FC109), not an error
        "accepted: []\n",
        "{}\n",
        "# nothing accepted yet\n",
    ],
}

BOTH_REJECT = {
    "source": [
        figure(quote=None),
        figure(value=None),
        figure(id=None),
        figure(value="'2,719'"),
        figure(value="'2719'"),
        figure(value="true"),
        figure(value="[2000, 3000]"),
        figure(approx="range"),
        figure(approx="range", value="[1, 2, 3]"),
        figure(approx="range", value="[1, x]"),
        figure(approx="roughly"),
        figure(approx="under", value="0"),
        figure(as_of="19.11.2015"),
        figure(as_of="2015-13"),
        figure(as_of="2015-04-31"),
        figure(as_of="2016-02-30"),
        figure(as_of="'0000'"),
        figure(as_of="'..'"),
        figure(as_of="../.."),
        figure(as_of="15"),
        figure(as_of="2015/"),
        figure(as_of="'2015-1-19'"),
        figure(as_of="' 2015'"),
        figure(said_by="''"),
        figure(said_by="'   '"),
        figure(said_by="true"),
        figure(quote="[a, b]"),
        figure(qoute="a typo"),
        figure(id="'has space'"),
        figure(id="-1"),
        figure(quantity="Departed"),
        figure(quantity="42"),
        source(document="  author: someone\n"),
        source(document="  published: 2015-13\n").replace("  published: 2015-11-19\n", "", 1),
        source().replace("  title: A report\n", ""),
        source().replace("id: doc-a", "id: doc/a"),
        source(top="notes: x\n"),
        source(top="ignore:\n  - text: '2015'\n"),
        source(top="ignore: a date\n"),
        "document: {id: doc-a, title: A report}\nfigures: {departed: 1}\n",
        "figures: []\n",
        "- a list\n",
    ],
    "quantities": [
        QUANTITIES.replace("    unit: percent\n", ""),
        QUANTITIES.replace("kind: flow", "kind: level"),
        QUANTITIES.replace("unit: people\n    kind: flow", "units: people\n    kind: flow"),
        QUANTITIES + "  Bad_Id:\n    label: x\n    unit: people\n    kind: stock\n",
        QUANTITIES.replace("kind: flow", "kind: flow\n    of: killed"),
        QUANTITIES.replace("kind: flow", "kind: flow\n    exhaustive: true"),
        QUANTITIES.replace("parts: [killed]", "parts: killed"),
        QUANTITIES.replace("parts: [killed]", "parts: [killed, 7]"),
        QUANTITIES.replace("parts: [killed]", "parts: [killed]\n    exhaustive: 'yes'"),
        QUANTITIES.replace("label: Victims of attacks in a year", "label: ''"),
        QUANTITIES + "notes: x\n",
        "quantities: [departed]\n",
        "quantities:\n",
        "",
    ],
    "accepted": [
        "accepted:\n  - finding: FC201-3f9a1c0b2d\n    why: x\n",
        "accepted:\n  - finding: fc201:3f9a1c0b2d\n    why: x\n",
        "accepted:\n  - why: x\n",
        "accepted:\n  - finding: FC201:3f9a1c0b2d\n    reason: x\n",
        "accepted:\n  - FC201:3f9a1c0b2d\n",
        "accepted:\n",
        "accepted: {finding: FC201:3f9a1c0b2d}\n",
        ACCEPTED + "notes: x\n",
    ],
}

# What no JSON Schema can know; `figcheck check` reports each of these.
LOADER_ONLY = {
    "source": [
        figure(as_of="2016/2015"),  # ends before it starts
        figure(as_of="2015-02-29"),  # 2015 had no 29 February
        figure(approx="range", value="[3000, 2000]"),  # low end last
        figure(quantity="unknown-quantity"),  # not in quantities.yaml
        figure(value="-5"),  # negative, but the quantity is not a change
        figure(quantity="victims-change", value="-46", as_of="2014"),  # a change needs A/B
        source(document="  text: ../documents/missing.txt\n"),  # no such file
    ],
    "quantities": [
        QUANTITIES.replace("parts: [killed]", "parts: [kiled]"),  # unknown name
        QUANTITIES.replace("parts: [killed]", "subset_of: [killed]").replace(
            "Of those who left, those killed", "Those killed\n    subset_of: [departed]"
        ),  # a cycle
        QUANTITIES.replace(
            "unit: people\n    kind: cumulative\n  victims",
            "unit: cases\n    kind: cumulative\n  victims",
        ),  # units differ
    ],
}


def cases(table: dict[str, list[str]]) -> list[tuple[str, str]]:
    return [(kind, text) for kind, texts in table.items() for text in texts]


def test_every_case_is_a_different_file():
    # A variant whose replace() found nothing would silently repeat the base file.
    for table in (BOTH_ACCEPT, BOTH_REJECT, LOADER_ONLY):
        for texts in table.values():
            assert len(set(texts)) == len(texts)


@pytest.mark.parametrize("kind, text", cases(BOTH_ACCEPT))
def test_schema_and_loader_both_accept(kind, text, tmp_path, write_tree):
    assert verdicts(kind, text, tmp_path, write_tree) == (True, True)


@pytest.mark.parametrize("kind, text", cases(BOTH_REJECT))
def test_schema_and_loader_both_reject(kind, text, tmp_path, write_tree):
    assert verdicts(kind, text, tmp_path, write_tree) == (False, False)


@pytest.mark.parametrize("kind, text", cases(LOADER_ONLY))
def test_what_only_the_loader_can_check(kind, text, tmp_path, write_tree):
    assert verdicts(kind, text, tmp_path, write_tree) == (False, True)


# -- dates, exhaustively ----------------------------------------------------------------------


def beyond_a_pattern(text: str, error: str) -> bool:
    """What the schema's date pattern cannot see, and the loader reports: an interval that
    ends before it starts, and 29 February of a year that has none."""
    return "ends before it starts" in error or ("-02-29" in text and "has 28 days" in error)


date_like = st.one_of(
    st.from_regex(
        r"[0-9]{1,5}(-[0-9]{1,2}(-[0-9]{1,2})?)?[?~%]?"
        r"(/([0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?[?~%]?|\.\.))?",
        fullmatch=True,
    ),
    st.from_regex(r"\.\./[0-9]{4}(-[0-9]{2})?[?~%]?", fullmatch=True),
    st.text(alphabet="0123456789-/?~%. ", max_size=14),
)


@settings(max_examples=600, deadline=None)
@given(date_like)
def test_date_pattern_agrees_with_the_date_parser(text):
    pattern_accepts = re.search(EDTF_DATE, text) is not None
    try:
        dates.parse_date(text)
    except dates.DateError as error:
        assert not pattern_accepts or beyond_a_pattern(text, str(error)), (text, str(error))
    else:
        assert pattern_accepts, text


# -- figcheck schema --------------------------------------------------------------------------


@pytest.mark.parametrize("kind", KINDS_OF_FILE)
def test_schema_command_prints_the_schema(kind):
    result = CliRunner().invoke(cli, ["schema", "--kind", kind])
    assert result.exit_code == 0
    assert json.loads(result.stdout) == schema(kind)


@pytest.mark.parametrize("args", [[], ["--kind", "figures"]])
def test_schema_command_usage_errors(args):
    result = CliRunner().invoke(cli, ["schema", *args])
    assert result.exit_code == 2
    assert "--kind" in result.stderr


def test_the_command_offers_every_kind_of_file():
    # The command keeps its own list so as not to import the schemas (and yaml) up front;
    # it also offers the schema of `figcheck report --format json`.
    assert (*KINDS_OF_FILE, "report") == schema_module.KINDS
