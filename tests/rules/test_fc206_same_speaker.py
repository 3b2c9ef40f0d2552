from tests.builders import figure, findings_of, pairs, quantity, write_documents_ledger


def same_speaker(tmp_path, documents, config=None, rule="FC206"):
    root = write_documents_ledger(tmp_path, {"q": quantity("stock")}, documents, config=config)
    return findings_of(root, rule)


def test_one_speaker_two_documents_two_figures(tmp_path):
    found = same_speaker(
        tmp_path,
        {
            "doc-a": [figure("a", "q", 2200, "2015", approx="about", said_by="Oleg Syromolotov")],
            "doc-b": [figure("b", "q", 2719, "2015-11-19", said_by="OLEG   Syromolotov ")],
        },
    )
    assert pairs(found) == {frozenset({"a", "b"})}
    assert "misquotes" in found[0].message


def test_one_speaker_figures_that_can_both_hold(tmp_path):
    assert not same_speaker(
        tmp_path,
        {
            "doc-a": [figure("a", "q", 2200, "2015", approx="about", said_by="Oleg Syromolotov")],
            "doc-b": [figure("b", "q", 2300, "2015-11", said_by="Oleg Syromolotov")],
        },
    )


def test_different_speakers_are_fc201(tmp_path):
    assert not same_speaker(
        tmp_path,
        {
            "doc-a": [figure("a", "q", 2200, "2015", approx="about", said_by="Oleg Syromolotov")],
            "doc-b": [figure("b", "q", 2719, "2015-11-19", said_by="FSB")],
        },
    )


def test_same_document_is_fc201(tmp_path):
    assert not same_speaker(
        tmp_path,
        {
            "doc-a": [
                figure("a", "q", 2200, "2015", approx="about", said_by="Oleg Syromolotov"),
                figure("b", "q", 2719, "2015-11-19", said_by="Oleg Syromolotov"),
            ],
        },
    )
