"""Work spread over the cores (figcheck/spreading.py) gives what the same work done in one
process gives, in the same order, and falls back to one process whenever a worker fails."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from figcheck import spreading
from figcheck.cli import cli
from figcheck.ledger import loading

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "benchmarks"))
from generate import write as generate  # noqa: E402  (benchmarks/ is not a package)


@pytest.fixture
def two_workers(monkeypatch):
    monkeypatch.setenv(spreading.WORKERS_VARIABLE, "2")


def no_child_left() -> bool:
    try:
        os.waitpid(-1, os.WNOHANG)
    except ChildProcessError:
        return True
    return False


def test_results_come_back_in_the_order_of_the_items(two_workers):
    items = list(range(101))
    assert spreading.spread(items, lambda n: (n, str(n) * 2, [n]), minimum=10) == [
        (n, str(n) * 2, [n]) for n in items
    ]
    assert no_child_left()


def test_too_few_items_or_one_worker_is_not_spread(monkeypatch):
    monkeypatch.setenv(spreading.WORKERS_VARIABLE, "2")
    assert spreading.spread(list(range(5)), str, minimum=10) is None
    monkeypatch.setenv(spreading.WORKERS_VARIABLE, "1")
    assert spreading.spread(list(range(50)), str, minimum=10) is None


def test_the_workers_setting(monkeypatch):
    monkeypatch.setenv(spreading.WORKERS_VARIABLE, "3")
    assert spreading.workers() == 3
    monkeypatch.setenv(spreading.WORKERS_VARIABLE, "0")
    assert spreading.workers() == 1
    monkeypatch.setenv(spreading.WORKERS_VARIABLE, "many")  # not a number: the cores
    assert spreading.workers() >= 1


def _fails_in_a_worker(parent: int):
    def work(n: int) -> int:
        if os.getpid() != parent:
            raise RuntimeError("a worker fails")
        return n

    return work


def _dies_in_a_worker(parent: int):
    def work(n: int) -> int:
        if os.getpid() != parent:
            os._exit(9)  # as if killed (out of memory, say)
        return n

    return work


def _unsendable(n: int) -> object:
    return object()  # not a plain value: marshal cannot write it


@pytest.mark.parametrize(
    "make",
    [_fails_in_a_worker, _dies_in_a_worker, lambda parent: _unsendable],
    ids=["raises", "dies", "unsendable"],
)
def test_a_failed_worker_means_no_spread_result(two_workers, make):
    assert spreading.spread(list(range(50)), make(os.getpid()), minimum=10) is None
    assert no_child_left()


def test_an_error_in_this_process_leaves_no_worker_behind(two_workers):
    parent = os.getpid()

    def work(n: int) -> int:
        if os.getpid() == parent:
            raise KeyError(n)
        return n

    with pytest.raises(KeyError):
        spreading.spread(list(range(50)), work, minimum=10)
    assert no_child_left()


def check_json(ledger: Path, *options: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["check", "--data", str(ledger), "--format", "json", *options])
    return result.exit_code, result.stdout


@pytest.fixture
def many_documents(tmp_path, monkeypatch) -> Path:
    """60 source files with their texts: contradictions, a data error, and a text with more
    unrecorded numbers than FC302 lists one by one."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "user-cache"))
    ledger = tmp_path / "ledger"
    generate(ledger, 3000, 50, 7)
    text = sorted((ledger / "documents").iterdir())[5]
    numbers = " ".join(f"{n} were seen." for n in range(1000, 1300))
    text.write_text(text.read_text(encoding="utf-8") + "\n" + numbers + "\n", "utf-8")
    (ledger / "figcheck.yaml").write_text("rules:\n  FC302:\n    listed: 20\n", "utf-8")
    assert len(list((ledger / "sources").iterdir())) >= loading.SPREAD_FROM_FILES
    return ledger


def test_a_spread_check_gives_what_one_process_gives(many_documents, monkeypatch):
    monkeypatch.setenv(spreading.WORKERS_VARIABLE, "1")
    alone = check_json(many_documents, "--no-cache")
    report = json.loads(alone[1])
    rules = {f["rule"] for f in report["findings"]}
    assert "FC302" in rules and len(rules) > 1  # the summing-up finding is there to compare
    monkeypatch.setenv(spreading.WORKERS_VARIABLE, "2")
    assert check_json(many_documents, "--no-cache") == alone
    assert check_json(many_documents) == alone  # spread, into the cache
    assert check_json(many_documents) == alone  # from it
    source = sorted((many_documents / "sources").iterdir())[3]
    source.write_text(source.read_text("utf-8").replace("value: ", "value: 1", 1), "utf-8")
    monkeypatch.setenv(spreading.WORKERS_VARIABLE, "1")
    changed = check_json(many_documents, "--no-cache")
    assert changed != alone
    monkeypatch.setenv(spreading.WORKERS_VARIABLE, "2")
    assert check_json(many_documents) == changed
    assert no_child_left()


def test_a_data_error_in_a_spread_load_is_reported_as_in_one_process(many_documents, monkeypatch):
    source = sorted((many_documents / "sources").iterdir())[7]
    source.write_text(source.read_text("utf-8") + "  - broken: [\n", "utf-8")
    monkeypatch.setenv(spreading.WORKERS_VARIABLE, "1")
    alone = check_json(many_documents, "--no-cache")
    assert alone[0] == 2
    monkeypatch.setenv(spreading.WORKERS_VARIABLE, "2")
    assert check_json(many_documents, "--no-cache") == alone
    assert check_json(many_documents) == alone


def test_not_spread_while_another_thread_runs(two_workers):
    import threading

    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        assert spreading.spread(list(range(50)), str, minimum=10) is None
    finally:
        stop.set()
        other.join()
    assert spreading.spread(list(range(50)), str, minimum=10) == [str(n) for n in range(50)]
