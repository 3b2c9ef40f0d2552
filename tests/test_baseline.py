"""`figcheck check --baseline REF`: only findings the ledger did not have at REF fail."""

import json
import os
import subprocess

import pytest
from click.testing import CliRunner

from figcheck.cli import cli
from tests.builders import figure, quantity, write_documents_ledger

GIT_ENV = {
    **os.environ,
    "GIT_AUTHOR_NAME": "t",
    "GIT_AUTHOR_EMAIL": "t@example.org",
    "GIT_COMMITTER_NAME": "t",
    "GIT_COMMITTER_EMAIL": "t@example.org",
}


def git(repo, *args):
    return subprocess.run(
        ["git", *args], cwd=repo, env=GIT_ENV, check=True, capture_output=True, text=True
    ).stdout


def commit_all(repo, message="change"):
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message)


def check(repo, *args):
    result = CliRunner().invoke(cli, ["check", "--data", str(repo / "data"), *args])
    return result


def figures(result):
    report = json.loads(result.stdout)
    return {
        tuple(sorted(f["figures"])): f for f in report["findings"] if f["rule"].startswith("FC2")
    }


@pytest.fixture
def repo(tmp_path, monkeypatch):
    """A repository whose main commit holds a ledger with one existing conflict (a, b)."""
    git(tmp_path, "init", "-q")
    write_documents_ledger(
        tmp_path / "data",
        {"q": quantity("stock")},
        {
            "doc": [
                figure("a", "q", 2200, "2015", approx="about"),
                figure("b", "q", 2719, "2015-11-19", said_by="B"),
            ]
        },
    )
    commit_all(tmp_path, "base")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def add_contradiction(repo):
    write_documents_ledger(
        repo / "data",
        {"q": quantity("stock")},
        {
            "doc": [
                figure("a", "q", 2200, "2015", approx="about"),
                figure("b", "q", 2719, "2015-11-19", said_by="B"),
            ],
            "new": [figure("c", "q", 4100, "2015-12", said_by="C")],
        },
    )


def test_existing_findings_do_not_fail(repo):
    result = check(repo, "--baseline", "HEAD", "--format", "json")
    assert result.exit_code == 0, result.output
    (existing,) = figures(result).values()
    assert existing["new"] is False and existing["accepted"] is False
    assert check(repo).exit_code == 1  # without a baseline the same conflict fails


def test_a_new_contradiction_fails_and_only_it_is_new(repo):
    add_contradiction(repo)
    result = check(repo, "--baseline", "HEAD", "--format", "json")
    assert result.exit_code == 1
    found = figures(result)
    assert found[("doc/a", "doc/b")]["new"] is False
    assert found[("doc/a", "new/c")]["new"] is True  # 4,100 in Dec 2015 against about 2,200 in 2015
    assert len(found) == 2
    text = check(repo, "--baseline", "HEAD").stdout
    assert "existing" in text and "new since the baseline" in text


def test_accepting_the_new_findings_passes(repo):
    add_contradiction(repo)
    new_ids = [
        f["id"]
        for f in figures(check(repo, "--baseline", "HEAD", "--format", "json")).values()
        if f["new"]
    ]
    entries = "".join(f"  - finding: {fid}\n    why: a later count\n" for fid in new_ids)
    (repo / "data" / "accepted.yaml").write_text("accepted:\n" + entries)
    assert check(repo, "--baseline", "HEAD").exit_code == 0


def test_baseline_is_read_from_git_not_the_working_tree(repo):
    add_contradiction(repo)
    commit_all(repo, "add a contradicting source")
    # At HEAD the contradiction exists; at HEAD~1 it does not.
    assert check(repo, "--baseline", "HEAD").exit_code == 0
    assert check(repo, "--baseline", "HEAD~1").exit_code == 1
    assert git(repo, "status", "--porcelain") == ""


def test_a_ledger_that_did_not_exist_at_ref_makes_everything_new(repo):
    git(repo, "mv", "data", "ledger")
    commit_all(repo, "rename")
    result = CliRunner().invoke(
        cli, ["check", "--data", "ledger", "--baseline", "HEAD~1", "--format", "json"]
    )
    assert result.exit_code == 1
    assert all(f["new"] for f in json.loads(result.stdout)["findings"])
    assert "did not exist at HEAD~1" in result.stderr


def test_unknown_revision(repo):
    result = check(repo, "--baseline", "no-such-branch")
    assert result.exit_code == 2
    assert (
        result.stderr.count("\n") == 1 and "unknown git revision 'no-such-branch'" in result.stderr
    )


def test_an_option_is_not_a_revision(repo):
    assert check(repo, "--baseline", "--output=/tmp/x").exit_code == 2


def test_not_a_git_repository(tmp_path, monkeypatch):
    root = write_documents_ledger(
        tmp_path / "data", {"q": quantity("stock")}, {"doc": [figure("a", "q", 1, "2015")]}
    )
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    result = CliRunner().invoke(cli, ["check", "--data", str(root), "--baseline", "HEAD"])
    assert result.exit_code == 2
    assert "needs a git repository" in result.stderr and result.stderr.count("\n") == 1


def test_the_issues_scenario_on_the_shipped_ledger(tmp_path, monkeypatch):
    """A new document puts the FSB's end-2015 count at 4,100: `add` saves it and exits 1,
    `check --baseline HEAD` fails on that finding and no other, `accept` makes both pass."""
    import shutil
    from pathlib import Path

    shipped = Path(__file__).resolve().parent.parent / "data"
    shutil.copytree(shipped, tmp_path / "data")
    git(tmp_path, "init", "-q")
    commit_all(tmp_path, "the shipped ledger")
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    before = {f["id"] for f in json.loads(check(tmp_path, "--format", "json").stdout)["findings"]}

    added = runner.invoke(
        cli,
        [
            "add",
            "--document",
            "later-fsb-count",
            "--title",
            "A later FSB count",
            "--quantity",
            "ru-fighting-syria-iraq",
            "--value",
            "4,100",
            "--as-of",
            "2015-12",
            "--said-by",
            "FSB of Russia",
            "--quote",
            "4,100 citizens of Russia fight in Syria and Iraq",
            "--format",
            "json",
        ],
    )
    assert added.exit_code == 1, added.output
    new_figure = json.loads(added.stdout)["figure"]

    gate = check(tmp_path, "--baseline", "HEAD", "--format", "json")
    assert gate.exit_code == 1
    report = json.loads(gate.stdout)
    failing = [
        f for f in report["findings"] if f["new"] and not f["accepted"] and f["severity"] == "error"
    ]
    assert len(failing) == 1
    assert new_figure in failing[0]["figures"]
    assert "icg-departure-report/fsb-fighters" in failing[0]["figures"]
    assert all(f["new"] is (f["id"] not in before) for f in report["findings"])

    accepted = runner.invoke(
        cli, ["accept", failing[0]["id"], "--why", "The FSB revised its count."]
    )
    assert accepted.exit_code == 0, accepted.output
    assert check(tmp_path, "--baseline", "HEAD").exit_code == 0
    assert check(tmp_path).exit_code == 0


def test_a_ledger_at_the_root_of_its_repository(tmp_path, monkeypatch):
    write_documents_ledger(
        tmp_path,
        {"q": quantity("stock")},
        {
            "doc": [
                figure("a", "q", 2200, "2015", approx="about"),
                figure("b", "q", 2719, "2015-11-19", said_by="B"),
            ]
        },
    )
    git(tmp_path, "init", "-q")
    commit_all(tmp_path, "base")
    for cwd, data in (
        (tmp_path, "."),
        (tmp_path.parent, tmp_path.name),
        (tmp_path / "sources", ".."),
    ):
        monkeypatch.chdir(cwd)
        result = CliRunner().invoke(cli, ["check", "--data", data, "--baseline", "HEAD"])
        assert result.exit_code == 0, (cwd, result.output)
        assert "did not exist" not in result.stderr


def test_export_ignore_does_not_hide_the_baseline(repo):
    (repo / ".gitattributes").write_text("data/** export-ignore\n")
    commit_all(repo, "attributes")
    # git archive would leave data/ out, making the existing conflict look new.
    assert check(repo, "--baseline", "HEAD").exit_code == 0


def test_a_committed_link_is_read_as_a_link(repo):
    documents = repo / "data" / "documents"
    (documents / "doc.txt").rename(documents / "real.txt")
    (documents / "doc.txt").symlink_to("real.txt")
    commit_all(repo, "the text through a link")
    assert check(repo, "--baseline", "HEAD").exit_code == 0
