"""The HTML report of the shipped ledger in a real browser: what a person would see.

Chromium from Debian's packages (`.ci/run` installs it where missing), driven by Playwright's
Python package pointed at that executable (no browser is downloaded). Outside CI the test is
skipped, with the reason, when no browser or no Playwright can be found; under CI=true it
fails instead, so that CI never passes without having looked.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from figcheck import check, load_ledger
from figcheck.report import html_page
from figcheck.report.contents import build
from tests.builders import figure, quantity, result_of, write_documents_ledger

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
ARGUMENTS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def unavailable(reason: str) -> None:
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"CI=true, but the browser test cannot run: {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def browser():
    executable = os.environ.get("FIGCHECK_BROWSER") or next(
        (found for name in BROWSERS if (found := shutil.which(name))), None
    )
    if executable is None:
        unavailable(
            "no Chromium found (apt-get install chromium, or set FIGCHECK_BROWSER to a "
            "Chromium executable)"
        )
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        unavailable("Playwright's Python package is not installed (pip install -e '.[test]')")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, args=ARGUMENTS)
        yield launched
        launched.close()


class Visit:
    """A page opened from a file, with what it logged and every request it made."""

    def __init__(self, browser, path: Path, width: int = 1280, height: int = 900) -> None:
        self.page = browser.new_page(viewport={"width": width, "height": height})
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.url = path.resolve().as_uri()
        self.page.goto(self.url)

    def outside(self) -> list[str]:
        return [url for url in self.requests if url != self.url]


def written(tmp_path: Path, result) -> Path:
    path = tmp_path / "report.html"
    path.write_text(html_page.page(build(result)), encoding="utf-8")
    return path


def test_the_shipped_report_in_a_browser(browser, tmp_path):
    result = check(load_ledger("data"))
    report = build(result)
    visit = Visit(browser, written(tmp_path, result))
    page = visit.page

    # One chart per family that has a section of its own, each with a visible mark.
    charts = page.locator("figure.chart")
    assert charts.count() == len(report.sections)
    for i in range(charts.count()):
        assert charts.nth(i).locator(".mark").first.is_visible()

    # The three counts of Russians fighting or gone to fight, drawn and labelled.
    marks = {}
    for value in ("about 2,200", "2,719", "2,900"):
        label = page.locator("svg .mark text.label", has_text=value).first
        assert label.is_visible(), value
        marks[value] = label.locator("xpath=..")
        box = marks[value].bounding_box()
        assert box is not None and box["width"] > 0 and box["height"] > 0

    # Hovering the FSB's 2,900 shows its value, date, speaker, document and quote.
    marks["2,900"].hover()
    tip = page.locator("#tip")
    tip.wait_for(state="visible")
    shown = tip.inner_text()
    for part in (
        "2,900",
        "around Dec 2015",
        "FSB of Russia",
        "icg-departure-report",
        "According to the FSB of Russia for the end of 2015",
    ):
        assert part in shown, (part, shown)

    # Nothing went wrong, and nothing was asked of the network.
    assert visit.errors == []
    assert visit.outside() == []
    page.screenshot(path=str(tmp_path / "report.png"), full_page=False)
    page.locator("#family-ru-went-to-fight-syria-iraq figure.chart").screenshot(
        path=str(tmp_path / "chart.png")
    )
    assert (tmp_path / "report.png").stat().st_size > 10_000
    page.close()


def test_on_a_phone_nothing_runs_off_the_screen(browser, tmp_path):
    visit = Visit(browser, written(tmp_path, check(load_ledger("data"))), width=390, height=844)
    overflow = visit.page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0  # wide tables scroll inside their own box
    visit.page.screenshot(path=str(tmp_path / "phone.png"))
    assert visit.errors == []
    visit.page.close()


def test_a_quote_with_a_script_is_text_in_the_browser(browser, tmp_path):
    hostile = "the figure 5 <script>window.pwned = 1</script><img src=x onerror=pwned=2>"
    result = result_of(
        write_documents_ledger(
            tmp_path / "ledger",
            {"q": quantity("stock")},
            {
                "a": [figure("a", "q", 5, "2015", said_by="A", quote=hostile)],
                "b": [figure("b", "q", 9, "2015", said_by="B")],
            },
        )
    )
    visit = Visit(browser, written(tmp_path, result))
    assert visit.page.evaluate("typeof window.pwned") == "undefined"
    assert "<script>window.pwned = 1</script>" in visit.page.inner_text("main")
    assert visit.outside() == []  # the <img> in the quote is text, so nothing was loaded
    visit.page.close()
