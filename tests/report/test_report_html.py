"""`figcheck report --format html`: one self-contained page, every ledger string escaped,
a chart per family; without Jinja2, one line saying what to install; nothing of it imported
by `check` or `--help`."""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys

import pytest
from click.testing import CliRunner

from figcheck import check, load_ledger
from figcheck.cli import cli
from figcheck.report import html_page
from figcheck.report.contents import build
from tests.builders import figure, quantity, result_of, write_documents_ledger

pytest.importorskip("jinja2", reason="the html extra is not installed")

HOSTILE = '<script>window.pwned = 1</script> & "quoted" 5 <b>bold</b>'


@pytest.fixture(scope="module")
def shipped_page():
    result = check(load_ledger("data"))
    return result, html_page.page(build(result))


def test_the_page_needs_nothing_from_the_network(shipped_page):
    _, page = shipped_page
    assert "<script src" not in page and "<link" not in page and "<img" not in page
    assert "@import" not in page and "url(" not in page and "@font-face" not in page
    # The only addresses are links a reader may follow (documents' urls), never loaded.
    for match in re.finditer(r'(src|href)="([^"#][^"]*)"', page):
        assert match.group(1) == "href", match.group(0)


def test_one_chart_per_family_section(shipped_page):
    result, page = shipped_page
    report = build(result)
    assert page.count('<figure class="chart"') == len(report.sections) == 3
    for family in report.sections:
        assert f'id="family-{family.id}"' in page
    # The single figures are rows of one table, not charts.
    assert page.count('<tr id="figure-') == sum(len(s.statements) for s in report.all_sections)


def test_ledger_strings_are_text_never_markup(tmp_path):
    result = result_of(
        write_documents_ledger(
            tmp_path,
            {"q": quantity("stock")},
            {
                "doc": [figure("a", "q", 5, "2015", said_by="<b>Ana</b>", quote=HOSTILE)],
                "other": [figure("b", "q", 7, "2015", said_by="Bo")],
            },
        )
    )
    page = html_page.page(build(result))
    assert "<script>window.pwned" not in page and "<b>Ana</b>" not in page
    assert "&lt;script&gt;window.pwned = 1&lt;/script&gt; &amp; &#34;quoted&#34; 5" in page
    assert "&lt;b&gt;Ana&lt;/b&gt;" in page
    assert page.count("<script>") == 1  # the page's own tooltip script


def test_the_command_writes_the_file(tmp_path, monkeypatch):
    out = tmp_path / "report.html"
    outcome = CliRunner().invoke(cli, ["report", "--format", "html", "-o", str(out)])
    assert outcome.exit_code == 0, outcome.output
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert outcome.stdout == ""


def test_without_jinja2_it_says_what_to_install(monkeypatch, tmp_path):
    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util, "find_spec", lambda name, *a: None if name == "jinja2" else real(name)
    )
    out = tmp_path / "report.html"
    outcome = CliRunner().invoke(cli, ["report", "--format", "html", "-o", str(out)])
    assert outcome.exit_code == 2
    assert "pip install 'figcheck[html]'" in outcome.stderr
    assert not out.exists()


def test_check_and_help_import_nothing_of_the_html_report():
    program = (
        "import sys\n"
        "from figcheck.cli import cli\n"
        "for args in (['--help'], ['check']):\n"
        "    try:\n"
        "        cli.main(args, standalone_mode=False)\n"
        "    except SystemExit:\n"
        "        pass\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'jinja2'"
        " or m.startswith('figcheck.report')))\n"
    )
    done = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "[]"
