"""`figcheck report --format markdown`: the report's sections as GitHub-flavoured Markdown,
without charts: for a wiki page, a pull request or a document converter.

A title with the counts, a table of contents (families with findings first), then per
family its quantities, its figures in date order, its findings (accepted ones with their
reason), its consensus and its notes; the single figures in one table; how speakers and
outlets stand; and a section per document. Every string from the ledger is escaped (see
figcheck/output/markdown.py), so a quote or a name never breaks a table or becomes markup.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, TextIO

from figcheck import dates, describe, values
from figcheck.model import Finding
from figcheck.output.markdown import escape, row
from figcheck.report.contents import DocumentPart, Report, Section
from figcheck.report.speakers import Standing
from figcheck.report.statements import Statement


def render(report: Report, stream: TextIO, **_: Any) -> None:
    stream.write("\n".join(lines(report)) + "\n")


def lines(report: Report) -> list[str]:
    out = [
        f"# {_title(report)}",
        "",
        f"**{escape(report.summary_sentence())}**; {escape(report.coverage.summary())}.",
        "",
    ]
    if report.data_errors:
        out += ["**The ledger has data errors; fix them first (`figcheck check`):**", ""]
        out += [f"- {_finding_line(report, f)}" for f in report.data_errors[:20]]
        out.append("")
    out += _contents(report)
    for section in report.sections:
        out += _section(report, section)
    if report.singles:
        out += _singles(report, report.singles)
    if report.empty:
        names = ", ".join(f"`{q.id}`" for s in report.empty for q in s.quantities)
        out += ["## Quantities without figures", "", names, ""]
    out += _standings(report)
    out += _documents(report)
    return out


def _title(report: Report) -> str:
    root = escape(str(report.result.ledger.root))
    if report.quantity is None:
        return f"figcheck report: {root}"
    return f"figcheck report: {root}, the family of {escape(report.quantity)}"


def _contents(report: Report) -> list[str]:
    out = ["## Contents", ""]
    for section in report.sections:
        open_ = sum(1 for f in section.findings if not report.result.is_accepted(f))
        accepted = len(section.findings) - open_
        counts = f"{len(section.statements)} figures"
        if section.findings:
            counts += f", {open_} open and {accepted} accepted findings"
        out.append(f"- [{section.id}](#{section.id}): {counts}")
    if report.singles:
        out.append("- [Single figures](#single-figures)")
    out += ["- [Speakers and outlets](#speakers-and-outlets)", "- [Documents](#documents)", ""]
    return out


def _section(report: Report, section: Section) -> list[str]:
    out = [f"## {section.id}", ""]
    out.append(row(("quantity", "what it counts", "kind, unit", "relations")))
    out.append(row(("---",) * 4))
    for q in section.quantities:
        relations = "; ".join(
            part
            for part in (
                "within " + ", ".join(q.subset_of) if q.subset_of else "",
                ("made of " if q.exhaustive else "parts: ") + ", ".join(q.parts) if q.parts else "",
                f"change of {q.of}" if q.of else "",
            )
            if part
        )
        out.append(
            row((f"`{q.id}`", escape(q.label), escape(f"{q.kind}, {q.unit}"), escape(relations)))
        )
    out += ["", *_figures(section.statements), ""]
    if section.findings:
        out += ["### Findings", ""]
        out += [f"- {_finding_line(report, f)}" for f in section.findings]
        out.append("")
    if section.clusters:
        out += ["### Consensus", ""]
        out += [f"- {escape(c.sentence())}" for c in section.clusters]
        out.append("")
    if section.notes:
        out += ["### Read together", ""]
        out += [f"- {escape(note)}" for note in section.notes]
        out.append("")
    return out


FIGURE_COLUMNS = ("as of", "quantity", "value", "interval", "said by", "document", "quote")


def _figures(statements: Iterable[Statement]) -> list[str]:
    out = [row(FIGURE_COLUMNS), row(("---",) * len(FIGURE_COLUMNS))]
    for s in statements:
        f = s.figure
        times = f" ×{s.times} (lines {', '.join(map(str, s.lines))})" if s.times > 1 else ""
        out.append(
            row(
                (
                    escape(dates.describe(f.as_of)),
                    f"`{s.quantity.id}`",
                    escape(describe.value(f, s.quantity)),
                    escape(values.describe_interval(f.interval)),
                    escape(f.said_by),
                    escape(f.document + times),
                    "<br>".join(escape(r.quote) for r in s.records),
                )
            )
        )
    return out


def _finding_line(report: Report, f: Finding) -> str:
    accepted = report.result.is_accepted(f)
    label = "accepted" if accepted else f.severity
    text = f"**{label}** {f.rule} {escape(f.title)} `{f.id}`: {escape(f.message)}"
    why = report.result.accepted.get(f.id) if accepted else None
    if why:
        text += f" *Accepted: {escape(why)}*"
    return text


def _singles(report: Report, singles: Sequence[Section]) -> list[str]:
    columns = ("quantity", "as of", "value", "said by", "document", "findings")
    out = ["## Single figures", "", "One quantity, one figure each.", ""]
    out += [row(columns), row(("---",) * len(columns))]
    for section in singles:
        s = section.statements[0]
        f = s.figure
        found = "<br>".join(_finding_line(report, finding) for finding in section.findings)
        out.append(
            row(
                (
                    f"`{s.quantity.id}`",
                    escape(dates.describe(f.as_of)),
                    escape(describe.value(f, s.quantity)),
                    escape(f.said_by),
                    escape(f.document),
                    found,
                )
            )
        )
    return [*out, ""]


STANDING_COLUMNS = ("figures", "agree", "disagree", "contested", "alone")


def _standings(report: Report) -> list[str]:
    out = [
        "## Speakers and outlets",
        "",
        "Each one's figures against the consensus of their cluster: a count, not a verdict. A "
        "figure stands alone when no other speaker (outlet) gives one for the same time.",
        "",
    ]
    out += _standing_table("speaker", [(s, escape(s.name or "")) for s in report.speakers])
    out += _standing_table(
        "outlet",
        [
            (s, escape(s.name) if s.name else f"{escape(', '.join(s.documents))} (no outlet named)")
            for s in report.outlets
        ],
    )
    return out


def _standing_table(heading: str, rows: Sequence[tuple[Standing, str]]) -> list[str]:
    out = [row((heading, *STANDING_COLUMNS)), row(("---",) * (len(STANDING_COLUMNS) + 1))]
    for s, name in rows:
        out.append(
            row((name, *(str(n) for n in (s.figures, s.agree, s.disagree, s.contested, s.alone))))
        )
    return [*out, ""]


def _documents(report: Report) -> list[str]:
    out = ["## Documents", ""]
    for part in report.documents:
        out += _document(report, part)
    return out


def _document(report: Report, part: DocumentPart) -> list[str]:
    d = part.document
    out = [f"### {escape(d.id)}", "", f"**{escape(d.title)}**", ""]
    about = [
        escape(d.outlet) if d.outlet else "",
        escape(dates.describe(d.published)) if d.published else "",
        f"<{escape(d.url)}>" if d.url else "",
    ]
    if any(about):
        out += [", ".join(a for a in about if a), ""]
    if part.coverage.documents:
        out += [escape(part.coverage.summary()), ""]
    if part.statements:
        out += [*_figures(part.statements), ""]
    if part.findings:
        out += [f"- {_finding_line(report, f)}" for f in part.findings]
        out.append("")
    return out
