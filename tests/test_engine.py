"""The engine: findings kept whole (acceptances are tested with FC109, in tests/rules/)."""

from tests.builders import figure, quantity, result_of, write_documents_ledger

CONFLICTS = {
    "doc": [
        figure("a", "q", 100, "2015"),
        figure("b", "q", 200, "2015", said_by="B"),
        figure("c", "q", 300, "2015", said_by="C"),
    ]
}


def test_two_findings_with_one_id_are_both_reported(tmp_path, monkeypatch):
    # Ten hex digits of a hash can collide (they did, once in 100,000 findings); a collision
    # must not silently drop a finding.
    monkeypatch.setattr("figcheck.findings.finding_id", lambda rule, subjects: f"{rule}:0000000000")
    result = result_of(write_documents_ledger(tmp_path, {"q": quantity("stock")}, CONFLICTS))
    assert len([f for f in result.findings if f.rule == "FC201"]) == 3
