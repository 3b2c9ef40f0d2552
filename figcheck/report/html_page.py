"""`figcheck report --format html -o report.html`: the report as one self-contained page.

No network access is needed to view it: the styles, the one small script (tooltips) and the
charts (SVG, figcheck/report/timeline.py) are inside the page, and nothing in it loads a
resource. It reads on a laptop and on a phone (tables scroll sideways, charts scale to the
screen) and prints (the script's tooltip is hidden; every mark's value is labelled on the
chart and its quote is in the table below it).

Sections: a header with the counts, the findings by severity and the coverage; a table of
contents (the families with findings first); per family its timeline, its figures, its
findings with the reasons for accepted ones, its consensus and its notes; the single
figures; how speakers and outlets stand; a section per document (its figures, its findings,
its coverage) and one per speaker (its figures and how each stands).

The page is built with Jinja2 (the `html` extra: pip install 'figcheck[html]') with
autoescaping on: every string from the ledger (titles, quotes, speakers, notes, messages)
is text, never markup, so a quote holding `<script>` shows as text.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, TextIO

from figcheck import __version__, dates, describe, values
from figcheck.engine import CheckResult
from figcheck.model import Finding
from figcheck.report.consensus import Cluster
from figcheck.report.contents import Report, Section
from figcheck.report.speakers import speaker_key, speaker_name
from figcheck.report.statements import Statement
from figcheck.report.timeline import Chart, chart


class Row:
    """A figure as the page's tables show it, its words worked out once (a figure appears in
    its family's table, its document's list and its speaker's)."""

    __slots__ = (
        "anchor",
        "figure",
        "interval",
        "speaker",
        "speaker_anchor",
        "standing",
        "statement",
        "value",
        "when",
    )

    def __init__(self, statement: Statement, standing: str) -> None:
        figure = statement.figure
        self.statement = statement
        self.figure = figure
        self.standing = standing  # how it stands against its cluster's consensus
        self.anchor = "figure-" + figure.full_id.replace("/", "--")
        self.value = describe.value(figure, statement.quantity)
        self.interval = values.describe_interval(figure.interval)
        self.when = dates.describe(figure.as_of)
        self.speaker = speaker_name(statement)
        self.speaker_anchor = _speaker_anchor(speaker_key(statement))


@dataclass(frozen=True)
class FamilyView:
    section: Section
    chart: Chart | None
    rows: tuple[Row, ...]
    findings: tuple[Finding, ...]
    clusters: tuple[Cluster, ...]


def render(report: Report, stream: TextIO, **_: Any) -> None:
    stream.write(page(report))


def page(report: Report) -> str:
    from jinja2 import Environment, PackageLoader, StrictUndefined

    environment = Environment(
        loader=PackageLoader("figcheck.report", "templates"),
        autoescape=True,  # every ledger string is text, never markup
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    template = environment.get_template("report.html.j2")
    standing = _standings(report)
    statements = [s for section in report.all_sections for s in section.statements]
    rows = {id(s): Row(s, standing[id(s)]) for s in statements}
    families = [_family(s, rows) for s in report.sections]
    singles = [_family(s, rows) for s in report.singles]
    return template.render(
        report=report,
        result=report.result,
        families=families,
        singles=singles,
        speakers=_speaker_sections(report, rows),
        documents=[(part, [rows[id(s)] for s in part.statements]) for part in report.documents],
        status=lambda f: _status(report.result, f),
        why=lambda f: report.result.accepted.get(f.id) if report.result.is_accepted(f) else None,
        describe_date=dates.describe,
        version=__version__,
        speaker_anchor=_speaker_anchor,
    )


def _standings(report: Report) -> dict[int, str]:
    """How each statement stands against its cluster (by the statement's identity)."""
    return {id(s): c.standing(s) for c in report.clusters for s in c.statements}


def _family(section: Section, rows: dict[int, Row]) -> FamilyView:
    return FamilyView(
        section,
        chart(section) if not section.is_single else None,
        tuple(rows[id(s)] for s in section.statements),
        section.findings,
        section.clusters,
    )


def _status(result: CheckResult, finding: Finding) -> str:
    return "accepted" if result.is_accepted(finding) else finding.severity


def _speaker_anchor(key: str) -> str:
    """An anchor for a speaker that does not depend on its place in the list."""
    import hashlib

    return "speaker-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:10]


@dataclass(frozen=True)
class SpeakerView:
    name: str
    anchor: str
    counts: Any  # speakers.Standing
    rows: tuple[Row, ...]


def _speaker_sections(report: Report, rows: dict[int, Row]) -> list[SpeakerView]:
    by_speaker: dict[str, list[Row]] = {}
    for section in report.all_sections:
        for s in section.statements:
            by_speaker.setdefault(speaker_key(s), []).append(rows[id(s)])
    return [
        SpeakerView(
            counts.name or "", _speaker_anchor(counts.key), counts, tuple(by_speaker[counts.key])
        )
        for counts in report.speakers
    ]
