"""`figcheck init DIR`: a new ledger that passes `figcheck check`, and nothing overwritten."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from figcheck import check, load_ledger
from figcheck.cli import cli
from figcheck.ledger import yaml_reading
from figcheck.ledger.schema import schema
from figcheck.writing.starter import LEDGER_ENTRIES

MODELINE = re.compile(r"\A# yaml-language-server: \$schema=(?P<path>\S+)\n")


def init(directory: Path):
    return CliRunner().invoke(cli, ["init", str(directory)], catch_exceptions=False)


def test_init_then_check_passes(tmp_path):
    ledger = tmp_path / "new-ledger"
    result = init(ledger)
    assert result.exit_code == 0, result.output
    assert (ledger / "quantities.yaml").is_file()
    assert list((ledger / "sources").glob("*.yaml"))
    assert list((ledger / "documents").glob("*.txt"))
    checked = CliRunner().invoke(cli, ["check", "--data", str(ledger), "--format", "json"])
    assert checked.exit_code == 0, checked.output
    report = json.loads(checked.stdout)
    # One document gives each figure: nothing checks them yet, which FC304 says of each.
    assert {(f["rule"], f["severity"]) for f in report["findings"]} == {("FC304", "info")}
    figures = sorted(fid for f in report["findings"] for fid in f["figures"])
    assert len(figures) == report["counts"]["figures"] == len(set(figures))
    assert report["counts"]["figures"] >= 3 and report["counts"]["documents"] == 1
    assert f"figcheck check --data {ledger}" in result.output


def test_example_exercises_the_relations_and_anchors_its_quotes(tmp_path):
    init(tmp_path)
    ledger = load_ledger(tmp_path)
    kinds = {q.kind for q in ledger.quantities.values()}
    assert kinds == {"stock", "flow", "change"}
    assert any(q.subset_of for q in ledger.quantities.values())
    assert any(q.of for q in ledger.quantities.values())
    (document,) = ledger.documents.values()
    text = document.text_path.read_text(encoding="utf-8")
    for full_id in document.figures:
        assert ledger.figures[full_id].quote in text  # verbatim, as quote anchoring wants
    # Nothing but the notices that one document gives each figure.
    assert {f.rule for f in check(ledger).findings} == {"FC304"}


def test_each_yaml_file_names_its_schema_by_a_relative_path(tmp_path):
    init(tmp_path)
    for path, kind in (
        (tmp_path / "quantities.yaml", "quantities"),
        *((p, "source") for p in (tmp_path / "sources").glob("*.yaml")),
    ):
        match = MODELINE.match(path.read_text(encoding="utf-8"))
        assert match, f"{path} does not start with the yaml-language-server line"
        target = (path.parent / match["path"]).resolve()
        assert not Path(match["path"]).is_absolute()
        assert json.loads(target.read_text(encoding="utf-8")) == schema(kind)
        data, _ = yaml_reading.load(path)
        jsonschema.Draft202012Validator(schema(kind)).validate(data)
    accepted_schema = tmp_path / ".schema" / "accepted.schema.json"
    assert json.loads(accepted_schema.read_text(encoding="utf-8")) == schema("accepted")


def test_the_cache_is_kept_out_of_version_control(tmp_path):
    init(tmp_path)
    ignored = (tmp_path / ".gitignore").read_text(encoding="utf-8").splitlines()
    assert ".figcheck-cache/" in ignored


def test_a_gitignore_already_there_is_left_as_it_is(tmp_path):
    (tmp_path / ".gitignore").write_text("*.pyc\n", encoding="utf-8")
    result = init(tmp_path)
    assert result.exit_code == 0, result.output
    assert (tmp_path / ".gitignore").read_text(encoding="utf-8") == "*.pyc\n"
    assert ".gitignore" not in result.output


def test_an_empty_existing_directory_is_fine(tmp_path):
    assert init(tmp_path).exit_code == 0


@pytest.mark.parametrize("entry", LEDGER_ENTRIES)
def test_refuses_to_overwrite_anything(tmp_path, entry):
    existing = tmp_path / entry
    if entry.endswith((".yaml", ".yml")):
        existing.write_text("# mine\n", encoding="utf-8")
    else:
        existing.mkdir()
    before = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*"))
    result = init(tmp_path)
    assert result.exit_code == 2
    assert entry in result.stderr
    assert "never overwrites" in result.stderr
    assert sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*")) == before
    if existing.is_file():
        assert existing.read_text(encoding="utf-8") == "# mine\n"


def test_a_second_init_names_everything_that_exists(tmp_path):
    init(tmp_path)
    result = init(tmp_path)
    assert result.exit_code == 2
    for entry in ("quantities.yaml", "sources/", "documents/", ".schema/"):
        assert entry in result.stderr
    assert result.stderr.count("\n") == 1  # one line, no traceback


def test_a_file_in_the_way(tmp_path):
    target = tmp_path / "ledger"
    target.write_text("not a directory", encoding="utf-8")
    result = init(target)
    assert result.exit_code == 2
    assert "is a file" in result.stderr
