"""Loading a ledger with some files' contents given in memory (what `add` and `accept`
validate before they write)."""

from __future__ import annotations

from pathlib import Path

import pytest

from figcheck.ledger import LedgerNotFound, ledger_root, load_acceptances, load_ledger
from tests.builders import CURATION, copy_curation_ledger


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return copy_curation_ledger(tmp_path / "ledger")


def test_an_override_is_read_in_place_of_the_file_on_disk(root: Path) -> None:
    source = root / "sources" / "tass.yaml"
    source.write_text("broken: [\n")
    content = CURATION.joinpath("sources", "tass.yaml").read_text().replace("2719", "2791")
    ledger = load_ledger(root, {source: content})
    assert ledger.problems == ()
    assert ledger.figures["tass/departed"].value == 2791
    assert [p.rule for p in load_ledger(root).problems] == ["FC101"]  # the disk is untouched


def test_a_source_file_given_only_in_memory_is_read_with_the_others(root: Path) -> None:
    new = root / "sources" / "0-first.yaml"
    content = "document:\n  id: mem\n  title: In memory\nfigures:\n  - id: x\n    quantity: nope\n"
    ledger = load_ledger(root, {str(new): content})
    assert ledger.source_files[0] == new
    assert "mem" in ledger.documents
    problems = {(p.rule, str(p.locations[0])) for p in ledger.problems}
    assert ("FC102", f"{new}:6") in problems  # file:line of the file as it would be written
    assert not new.exists()


def test_hidden_and_non_yaml_overrides_are_not_source_files(root: Path) -> None:
    sources = root / "sources"
    ledger = load_ledger(root, {sources / ".tmp.yaml": "x: [", sources / "notes.txt": "x: ["})
    assert ledger.problems == ()
    assert len(ledger.source_files) == 2


def test_accepted_yaml_given_in_memory(root: Path) -> None:
    path = root / "accepted.yaml"
    content = "accepted:\n  - finding: FC201:0123456789\n    why: test\n  - finding: nonsense\n"
    acceptances, problems = load_acceptances(root, {path: content})
    assert [a.finding for a in acceptances] == ["FC201:0123456789"]
    assert [(p.rule, p.locations[0].line) for p in problems] == [("FC101", 4)]
    assert load_ledger(root, {path: content}).acceptances == acceptances
    assert load_acceptances(root) == ((), ())


def test_ledger_root_refuses_what_is_not_a_directory(tmp_path: Path) -> None:
    with pytest.raises(LedgerNotFound, match="does not exist"):
        ledger_root(tmp_path / "nowhere")
    (tmp_path / "file").write_text("")
    with pytest.raises(LedgerNotFound, match="is not a directory"):
        ledger_root(tmp_path / "file")
