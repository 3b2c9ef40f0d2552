"""FC206 reports one finding per speaker, quantity and date cluster, naming every figure
involved: a speaker's figure misquoted in a headline and again in the body is one
misquote, not two findings."""

from __future__ import annotations

from tests.builders import figure, quantity, result_of, write_documents_ledger

MINISTER = "Oleg Syromolotov, Deputy Foreign Minister"


def findings(tmp_path, documents, config=None):
    root = write_documents_ledger(tmp_path, {"q": quantity("stock")}, documents, config=config)
    result = result_of(root)
    assert result.rules_ran
    return result.findings


def local(finding):
    return {fid.split("/", 1)[1] for fid in finding.figures}


def test_a_misquote_in_headline_and_body_is_one_finding(tmp_path):
    found = findings(
        tmp_path,
        {
            "agency": [figure("said", "q", 2200, "2015-07-07", approx="about", said_by=MINISTER)],
            "paper": [
                figure("headline", "q", 2700, "2015-07-07", said_by=MINISTER),
                figure("body", "q", 2700, "2015-07-07", said_by=MINISTER),
            ],
        },
    )
    (finding,) = found
    assert finding.rule == "FC206"
    assert local(finding) == {"said", "headline", "body"}
    assert finding.message.startswith(f"{MINISTER} is quoted with 3 figures that cannot all hold")
    assert "[1980, 2420] and [2700, 2700] do not overlap" in finding.message
    assert "either agency or paper misquotes" in finding.message


def test_conflicts_within_the_cluster_are_named_and_not_repeated_as_fc201(tmp_path):
    found = findings(
        tmp_path,
        {
            "agency": [figure("said", "q", 2200, "2015-07-07", approx="about", said_by=MINISTER)],
            "paper": [
                figure("headline", "q", 2700, "2015-07-07", said_by=MINISTER),
                figure("body", "q", 3100, "2015-07-07", said_by=MINISTER),
            ],
            "wire": [figure("other", "q", 2000, "2015-07-07", said_by="Another Speaker")],
        },
    )
    by_rule = {}
    for f in found:
        by_rule.setdefault(f.rule, []).append(local(f))
    assert by_rule["FC206"] == [{"said", "headline", "body"}]
    # The other speaker's 2,000 conflicts with 2,700 and 3,100: FC201, once per pair.
    assert sorted(map(sorted, by_rule["FC201"])) == [["body", "other"], ["headline", "other"]]
    (same,) = [f for f in found if f.rule == "FC206"]
    assert "[2700, 2700] and [3100, 3100] do not overlap" in same.message
    assert "either agency or paper misquotes" in same.message


def test_one_finding_per_date_cluster(tmp_path):
    found = findings(
        tmp_path,
        {
            "a": [
                figure("jul", "q", 2200, "2015-07", said_by=MINISTER),
                figure("nov", "q", 2700, "2015-11", said_by=MINISTER),
            ],
            "b": [
                figure("jul-b", "q", 2600, "2015-07", said_by=MINISTER),
                figure("nov-b", "q", 3300, "2015-11", said_by=MINISTER),
            ],
        },
        config={"rules": {"FC301": {"severity": "off"}}},
    )
    assert sorted(sorted(local(f)) for f in found if f.rule == "FC206") == [
        ["jul", "jul-b"],
        ["nov", "nov-b"],
    ]
    assert [f.rule for f in found] == ["FC206", "FC206"]


def test_three_documents_are_named_as_one_of_them(tmp_path):
    (finding,) = findings(
        tmp_path,
        {
            "a": [figure("a", "q", 100, "2015-07", said_by=MINISTER)],
            "b": [figure("b", "q", 200, "2015-07", said_by=MINISTER)],
            "c": [figure("c", "q", 300, "2015-07", said_by=MINISTER)],
        },
    )
    assert local(finding) == {"a", "b", "c"}
    assert "one of a, b and c misquotes" in finding.message


def test_with_fc206_off_fc201_reports_every_pair(tmp_path):
    found = findings(
        tmp_path,
        {
            "agency": [figure("said", "q", 2200, "2015-07-07", approx="about", said_by=MINISTER)],
            "paper": [
                figure("headline", "q", 2700, "2015-07-07", said_by=MINISTER),
                figure("body", "q", 2700, "2015-07-07", said_by=MINISTER),
            ],
        },
        config={"rules": {"FC206": {"severity": "off"}}},
    )
    assert sorted(sorted(local(f)) for f in found) == [["body", "said"], ["headline", "said"]]
    assert {f.rule for f in found} == {"FC201"}


def test_a_large_cluster_names_every_figure_and_lists_a_few(tmp_path):
    documents = {
        f"doc-{i:02d}": [figure(f"f{i:02d}", "q", 1000 + 100 * i, "2015-07", said_by=MINISTER)]
        for i in range(30)
    }
    (finding,) = findings(tmp_path, documents)
    assert len(finding.figures) == 30
    assert "is quoted with 30 figures that cannot all hold" in finding.message
    assert "... and 20 more" in finding.message
    assert len(finding.message) < 3000
