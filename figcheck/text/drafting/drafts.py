"""Drafts of the records a document's text calls for: what `figcheck draft` prints and
`figcheck curate` offers, one number at a time.

For each number of the text that is neither recorded nor ignored, in text order, a draft
is either a record or an `ignore:` entry:

- an ignore entry, with its reason, for what is plainly not a figure (figcheck.text.
  not_figures: dates, times, labels, page furniture, durations, "one" as a pronoun...);
- otherwise a record, each field read from the text and given a confidence from 0 to 1:
  - `value` as the text says it: digits, number words, a scale, a decimal comma, a vague
    plural or "between 150 and 200" as a range, and a percentage that the words next to it
    make a fall ("fell by 46%", "a 46% drop", "-46%") as a negative change;
  - `approx` from the hedge words next to the number (figcheck.text.hedges, as FC106 reads
    them), `exact` where there are none;
  - `quote`: the clause that carries the number, verbatim: the sentence, cut between two
    numbers at the clause break that separates them (figcheck.text.drafting.sentences) and trimmed
    of the attribution whose speaker is the draft's `said_by`; it holds the hedge words
    and the words that give a fall, so that it anchors as written (FC104, FC105, FC106);
  - `as_of`: the date its clause, its sentence or the sentences before it in its
    paragraph give (figcheck.date_phrases.dates_in), else the publication date marked
    uncertain; a change runs from the year before that date to it ("2014?/2015?");
  - `said_by`: the speaker of the attribution in its sentence (figcheck.text.drafting.attribution),
    else in its paragraph, else, inside a quotation, the latest speaker before it; else
    `author`, the ledger's word for the document's own claim;
  - `quantity`: the ledger's quantity whose words best match the quote's (figcheck.text.
    quantity_match), when the match is good, with the next candidates; else none, with a
    new quantity suggested.

The range "between 150 and 200" is one draft for both numbers, and an ignore entry whose
words hold several numbers ("Copyright 2014-2024") one draft for all of them: `covers`
lists the others.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, localcontext
from fractions import Fraction
from typing import TYPE_CHECKING

from figcheck import dates
from figcheck.date_phrases import DateMention, dates_in
from figcheck.model import DateSpan, Figure, Quantity
from figcheck.text import anchoring
from figcheck.text.drafting.attribution import Attribution, attributions
from figcheck.text.drafting.not_figures import NotAFigure, classify, is_rank
from figcheck.text.drafting.quantity_match import (
    GOOD_MATCH,
    Candidate,
    NewQuantity,
    QuantityIndex,
    suggest_quantity,
)
from figcheck.text.drafting.sentences import (
    Layout,
    Sentence,
    clause_break,
    coordinated,
    new_clauses,
)
from figcheck.text.drafting.statements import from_the_body, shared_statements
from figcheck.text.folding import Folded
from figcheck.text.hedges import Hedge, read_hedge
from figcheck.text.numbers import Occurrence, find_numbers
from figcheck.text.value_match import has_minus

if TYPE_CHECKING:
    from figcheck.ledger import Ledger

Typed = int | Decimal
Value = Typed | tuple[Typed, Typed]
FIELDS = ("quantity", "value", "approx", "as_of", "said_by", "quote")


class DraftError(Exception):
    """A document that cannot be drafted: unknown, without a text, or unreadable."""


@dataclass(frozen=True)
class DraftRecord:
    """A record as drafted, in the ledger's fields; `quantity` is None when no quantity of
    the ledger matches well."""

    quantity: str | None
    value: Value
    approx: str
    as_of: str
    said_by: str
    quote: str
    # The utterance it renders, shared with the other figures of the document (or the
    # ledger) of the same number, speaker and date (figcheck.text.drafting.statements).
    statement: str | None = None


@dataclass(frozen=True)
class DraftIgnore:
    """An `ignore:` entry as drafted: the words that hold the number, and why."""

    text: str
    why: str


@dataclass(frozen=True)
class Draft:
    """What the text calls for at one number: a record or an ignore entry."""

    number: Occurrence
    sentence: str  # the sentence that holds the number, on one line
    record: DraftRecord | None = None
    ignore: DraftIgnore | None = None
    covers: tuple[Occurrence, ...] = ()  # other numbers the same record or entry accounts for
    confidence: Mapping[str, float] = field(default_factory=dict)
    reasons: Mapping[str, str] = field(default_factory=dict)  # how a field was read
    candidates: tuple[Candidate, ...] = ()  # the best quantities, best first
    new_quantity: NewQuantity | None = None  # a quantity to define when none matches
    at: int = 0  # where the number stands in `sentence`

    @property
    def action(self) -> str:
        return "record" if self.record is not None else "ignore"

    @property
    def numbers(self) -> tuple[Occurrence, ...]:
        return (self.number, *self.covers)


@dataclass(frozen=True)
class Drafts:
    """The drafts of one document."""

    document: str
    source_file: str  # as shown to the user
    text_file: str
    drafts: tuple[Draft, ...]
    found: int  # numbers in the text
    accounted: int  # of them, recorded or ignored already


@dataclass(frozen=True)
class Context:
    """What drafting knows besides the text: the publication date, the quantities to match
    (with the quotes of their figures) and which numbers the ledger accounts for already."""

    published: DateSpan | None = None
    quantities: Mapping[str, Quantity] = field(default_factory=dict)
    quotes: Mapping[str, Sequence[str]] = field(default_factory=dict)
    values: Mapping[str, Sequence[Fraction]] = field(default_factory=dict)  # of its figures
    recorded: frozenset[int] = frozenset()  # starts of numbers a figure records
    ignored: frozenset[int] = frozenset()  # starts of numbers an ignore entry covers
    figures_at: Mapping[int, Figure] = field(default_factory=dict)  # the figure at a start
    statements: Mapping[str, Sequence[Figure]] = field(default_factory=dict)  # by id

    @classmethod
    def of(cls, ledger: Ledger, document_id: str, anchors: anchoring.Anchors) -> Context:
        quotes: dict[str, list[str]] = {}
        values: dict[str, list[Fraction]] = {}
        statements: dict[str, list[Figure]] = {}
        for figure in ledger.figures.values():
            quotes.setdefault(figure.quantity, []).append(figure.quote)
            values.setdefault(figure.quantity, []).append(figure.stated)
            if figure.statement is not None:
                statements.setdefault(figure.statement, []).append(figure)
        entries = tuple(anchors.entries)  # made as they are read: a generator
        return cls(
            published=ledger.documents[document_id].published,
            quantities=ledger.quantities,
            quotes=quotes,
            values=values,
            recorded=frozenset(e.number.start for e in entries if e.status == "recorded"),
            ignored=frozenset(e.number.start for e in entries if e.status == "ignored"),
            figures_at={
                e.number.start: ledger.figures[e.figure]
                for e in entries
                if e.figure is not None and e.figure in ledger.figures
            },
            statements=statements,
        )


def draft_document(ledger: Ledger, document_id: str) -> Drafts:
    """The drafts of a document of the ledger. Raises DraftError."""
    document = ledger.documents.get(document_id)
    if document is None:
        known = ", ".join(sorted(ledger.documents)) or "none"
        raise DraftError(f"no document {document_id!r} in the ledger; known documents: {known}")
    if document.text_path is None:
        raise DraftError(
            f"document {document_id} has no `text:` in {ledger.display(document.source_file)}; "
            "add its plain text under documents/ and name it there"
        )
    read = anchoring.read_document(document, ledger)
    if read.anchors is None:
        raise DraftError(f"{read.text_file} {read.unreadable}")
    context = Context.of(ledger, document_id, read.anchors)
    drafts = draft_text(read.anchors.text, context)
    accounted = len(context.recorded | context.ignored)
    return Drafts(
        document_id,
        ledger.display(document.source_file),
        read.text_file or "",
        tuple(drafts),
        len(read.anchors.numbers),
        accounted,
    )


def draft_text(text: str, context: Context) -> list[Draft]:
    """The drafts for the numbers of `text` that `context` does not account for."""
    return _Drafter(text, context).drafts()


class _Drafter:
    def __init__(self, text: str, context: Context) -> None:
        self.text = text
        self.context = context
        self.numbers = find_numbers(text)
        self.layout = Layout.of(text)
        self.mentions = dates_in(text, context.published)
        # A date is no figure even where the year it lacks cannot be read ("HOLMBY, May 3"
        # in a document without a publication date): read such dates against any year.
        self.dates_to_ignore = (
            self.mentions
            if context.published is not None
            else dates_in(text, dates.parse_date(str(date.today().year)))
        )
        self.lead_period = self._lead_period()
        self.attributions = attributions(self.layout)
        self.index = QuantityIndex(context.quantities, context.quotes, context.values)
        self.suggested: set[str] = set(context.quantities)

    def drafts(self) -> list[Draft]:
        accounted = self.context.recorded | self.context.ignored
        claims: list[_Claim] = []  # the numbers that are (or will be) records
        ignores: list[tuple[Occurrence, NotAFigure]] = []
        taken: set[int] = set()
        for i, number in enumerate(self.numbers):
            if number.start in taken:
                continue
            if number.start in self.context.recorded:
                claims.append(_Claim(number, None, None, recorded=True))
                continue
            if number.start in accounted:
                continue
            not_a_figure = classify(self.text, number, self.layout, self.dates_to_ignore)
            if not_a_figure is not None:
                ignores.append((number, not_a_figure))
                continue
            hedge = read_hedge(self.text, number)
            upper = self._upper_end(i, hedge)
            if upper is not None:
                taken.add(upper.start)
            claims.append(_Claim(number, hedge, upper))
        drafts = [self._record(claim, claims) for claim in claims if not claim.recorded]
        recorded = [
            (n, self.context.figures_at[n.start])
            for n in self.numbers
            if n.start in self.context.figures_at
        ]
        body_start = self._body_start()
        drafts = from_the_body(drafts, recorded, body_start, self._dated, self._said)
        drafts = shared_statements(drafts, recorded, self.context.statements, body_start)
        drafts += self._ignores(ignores, {c.number.start for c in claims}, accounted)
        return sorted(drafts, key=lambda d: d.number.start)

    def _upper_end(self, i: int, hedge: Hedge | None) -> Occurrence | None:
        """The higher number of a range whose lower end is numbers[i] ("150 to 200")."""
        if hedge is None or hedge.approx != "range" or i + 1 >= len(self.numbers):
            return None
        number, following = self.numbers[i], self.numbers[i + 1]
        phrase_end = _phrase_end(self.text, number, hedge)
        if following.start < phrase_end and number.value is not None and following.value:
            return following
        return None

    # -- records -------------------------------------------------------------------------------

    def _record(self, claim: _Claim, claims: Sequence[_Claim]) -> Draft:
        number = claim.number
        sentence = self.layout.sentence_at(number.start)
        end = claim.upper.end if claim.upper is not None else number.end
        value, change, value_reason = self._value(claim)
        approx = "range" if isinstance(value, tuple) else "exact"
        if number.kind == "vague" and not isinstance(value, tuple):
            approx = "at-least"  # a vague quantity open above says its low end at least
        if claim.hedge is not None and claim.hedge.approx != "range":
            approx = claim.hedge.approx
        confidence: dict[str, float] = {"action": 0.7 if number.kind == "ordinal" else 0.85}
        reasons: dict[str, str] = {}
        confidence["value"], reasons["value"] = value_reason
        confidence["approx"] = 0.9 if claim.hedge is not None else 0.8
        reasons["approx"] = (
            f"from {claim.hedge.words!r}" if claim.hedge is not None else "no hedge word"
        )
        start, stop, own = self._clause(claim, claims, sentence)
        speaker, said_confidence, said_reason, attribution = self._said_by(number, sentence)
        confidence["said_by"], reasons["said_by"] = said_confidence, said_reason
        as_of, as_of_confidence, as_of_reason = self._as_of(
            number, end, sentence, (start, stop), change
        )
        confidence["as_of"], reasons["as_of"] = as_of_confidence, as_of_reason
        needed = self._needed(claim, change, end)
        if self._in_quotation(number, sentence):
            # The quotation ends the quote: what follows its closing mark is who said it
            # ('... joined Islamic State," the official, who asked not to be named, said').
            closing = _CLOSING_QUOTE.search(self.text, needed[1], stop)
            if closing is not None:
                stop = closing.start()
        quote, quote_confidence = self._quote(start, stop, needed, attribution, sentence)
        confidence["quote"] = quote_confidence
        # A clause cut from a sentence of several numbers: the rest of the sentence speaks
        # of the other numbers.
        whole = (start, stop) == (sentence.start, sentence.end)
        words, context = quote, self.layout.words(sentence) if whole else quote
        if own != (start, stop):  # a clause it shares: its own words tell what it counts
            words, context = _one_line(self.text[own[0] : own[1]]), quote
        candidates = self.index.rank(
            words,
            context,
            percent=number.kind == "percent",
            change=change != 0,
            value=number.value if claim.upper is None else None,
        )
        new_quantity = None
        quantity = None
        if candidates and candidates[0].score >= GOOD_MATCH:
            quantity = candidates[0].quantity
            confidence["quantity"] = candidates[0].score
            reasons["quantity"] = f"best match of the quote's words ({candidates[0].score:.2f})"
        else:
            confidence["quantity"] = 0.0
            new_quantity = self._new_quantity(number, end, own[1], own[0], sentence, change)
            reasons["quantity"] = "no quantity of the ledger matches well"
        record = DraftRecord(quantity, value, approx, as_of, speaker, quote)
        return Draft(
            number,
            _one_line(self.layout.words(sentence)),
            at=_folded_offset(self.text, sentence.start, number.start),
            record=record,
            covers=(claim.upper,) if claim.upper is not None else (),
            confidence=confidence,
            reasons=reasons,
            candidates=tuple(candidates),
            new_quantity=new_quantity,
        )

    def _value(self, claim: _Claim) -> tuple[Value, int, tuple[float, str]]:
        """The value, whether it is a change (-1 a fall, 1 a rise, 0 neither), and the
        value's confidence and how it was read."""
        number = claim.number
        if claim.upper is not None:
            low, high = _typed(number.low), _typed(claim.upper.low)
            return (low, high), 0, (0.9, "a range: the two numbers of its phrase")
        if number.kind == "vague":
            shown = f"{number.text!r} read as {number.shown()}"
            if not isinstance(number.high, Fraction):  # open above: "many thousands"
                return _typed(number.low), 0, (0.8, shown)
            return (_typed(number.low), _typed(number.high)), 0, (0.8, shown)
        value = _typed(number.low)
        confidence = 1.0 if number.text[:1].isdigit() else 0.9
        reason = "as written" if number.meaning() is None else f"{number.text!r} is {value}"
        if is_rank(self.text, number):
            return value, 0, (0.8, f"a rank: {number.text!r} is {value}")
        direction = _direction(self.text, number) if number.kind == "percent" else 0
        if direction < 0:
            return -value, -1, (0.85, "a fall: the words next to it say so")
        if direction > 0:
            return value, 1, (confidence, "a rise: the words next to it say so")
        return value, 0, (confidence, reason)

    def _clause(
        self, claim: _Claim, claims: Sequence[_Claim], sentence: Sentence
    ) -> tuple[int, int, _Span]:
        """Where the clause of `claim` starts and ends: its sentence, cut at the clause breaks
        between it and the numbers recorded before and after it in the sentence; and, in a
        clause that numbers share, the words of its own number ("35 boats were deployed" in
        "Two helicopters and 35 boats were deployed")."""
        number = claim.number
        end = claim.upper.end if claim.upper is not None else number.end
        start, stop = sentence.start, sentence.end
        inside = [c for c in claims if sentence.start <= c.number.start < sentence.end]
        before = [c for c in inside if c.end <= number.start]
        after = [c for c in inside if c.number.start >= end]
        # Numbers whose nouns share one predicate share its clause ("Two helicopters and
        # 35 boats were deployed"): the cut falls between the ones that do not.
        first, last = number.start, end
        while before and coordinated(self.text, before[-1].end, first):
            first = before.pop().number.start
        shared_after = []
        while after and coordinated(self.text, last, after[0].number.start):
            shared_after.append(after[0])
            last = after.pop(0).end
        if before:
            cut = clause_break(self.text, before[-1].end, first)
            if cut is not None:
                start = cut[1]
        if after:
            cut = clause_break(self.text, last, after[0].number.start)
            if cut is not None:
                stop = cut[0]
        # Within that, the clause of the number itself: from the last new clause before it
        # to the first after it ("..., while 40 were hurt, and ...").
        starts = new_clauses(self.text, start, first)
        if starts:
            start = starts[-1][1]
        ends = new_clauses(self.text, last, stop)
        if ends:
            stop = ends[0][0]
        own = (
            number.start if first < number.start else start,
            shared_after[0].number.start if shared_after else stop,
        )
        return start, stop, own

    def _needed(self, claim: _Claim, change: int, end: int) -> _Span:
        """The part of the text a quote must hold: the number with its hedge words, and the
        word that makes it a fall."""
        number = claim.number
        start = number.start
        if claim.hedge is not None:
            start = min(start, _phrase_start(self.text, number, claim.hedge))
            end = max(end, _phrase_end(self.text, number, claim.hedge))
        if change < 0:
            word = _FALL_BEFORE.search(self.text, max(0, number.start - 60), number.start)
            if word is not None:
                start = min(start, word.start())
            else:
                after = _CHANGE_AFTER.match(self.text, number.end)
                end = max(end, after.end()) if after is not None else end
        return start, end

    def _quote(
        self,
        start: int,
        stop: int,
        needed: _Span,
        attribution: Attribution | None,
        sentence: Sentence,
    ) -> tuple[str, float]:
        confidence = 0.9 if (start, stop) == (sentence.start, sentence.end) else 0.8
        if attribution is not None and attribution.speech and start <= attribution.start < stop:
            if attribution.start >= needed[1]:
                stop = attribution.start
            elif attribution.end <= needed[0]:
                start = max(start, attribution.end)
        start, stop = _trimmed(self.text, min(start, needed[0]), max(stop, needed[1]))
        quote = _one_line(self.text[start:stop])
        if len(quote.split()) > 40:
            confidence -= 0.2
        return quote, confidence

    def _said_by(
        self, number: Occurrence, sentence: Sentence
    ) -> tuple[str, float, str, Attribution | None]:
        """The speaker, its confidence, how it was found, and the attribution read."""
        in_sentence = self._speaking_for(number, sentence)
        if in_sentence:
            # Who said it over who expects it: "the bank expects growth of 2%, its governor
            # said" is the governor's.
            spoken = [a for a in in_sentence if a.speech] or in_sentence
            chosen = min(spoken, key=lambda a: _distance(a.start, a.end, number))
            where = "its sentence" if chosen.named else "its sentence (a pronoun or a role)"
            return chosen.speaker, 0.85 if chosen.named else 0.65, f"from {where}", chosen
        # An attribution holds for the sentences after it in its paragraph; one after the
        # number only inside a quotation, whose speaker is often named once it closes, or
        # when its sentence points back ("This was stated by ...").
        quoted = self._in_quotation(number, sentence)
        next_sentence = self.layout.sentence_at(sentence.end + 1)
        paragraph = [
            a
            for a in self.attributions
            if self.layout.sentence_at(a.start).paragraph == sentence.paragraph
            and (
                a.end <= number.start
                or quoted
                or (a.refers_back and next_sentence.start <= a.start < next_sentence.end)
            )
        ]
        if paragraph:
            chosen = min(paragraph, key=lambda a: _distance(a.start, a.end, number))
            return chosen.speaker, 0.55, "from its paragraph", None
        if quoted:
            earlier = [a for a in self.attributions if a.end <= number.start]
            if earlier:
                return earlier[-1].speaker, 0.45, "inside a quotation: the latest speaker", None
        return "author", 0.5, "no attribution: the document's own claim", None

    def _speaking_for(self, number: Occurrence, sentence: Sentence) -> list[Attribution]:
        """The attributions of the sentence that can speak for the number: not one that
        opens a clause after the number's ("..., and the bank expects 2%", "...; officials
        said 40"), which speaks for that clause only. A trailing "..., the agency said."
        speaks for the whole sentence."""
        return [
            a
            for a in self.attributions
            if sentence.start <= a.start < sentence.end
            and not (
                a.start >= number.end
                and _CLAUSE_OPENER.search(self.text, number.end, a.start) is not None
            )
        ]

    def _in_quotation(self, number: Occurrence, sentence: Sentence) -> bool:
        start = self.layout.paragraphs[sentence.paragraph][0]
        before = self.text[start : number.start]
        opened = before.count("“") - before.count("”")
        return opened > 0 or before.count('"') % 2 == 1

    def _as_of(
        self, number: Occurrence, end: int, sentence: Sentence, clause: _Span, change: int
    ) -> tuple[str, float, str]:
        """The date, its confidence and where it was read: the date of its clause, else the
        nearest of its sentence, else the period an earlier sentence of its paragraph gives
        (the first date of the latest such sentence that is no comparison: "a year earlier"
        dates its own clause only)."""
        usable = [
            m
            for m in self.mentions
            if m.role != "since" and not (m.start <= number.start and end <= m.end)
        ]
        in_sentence = [m for m in usable if sentence.start <= m.start < sentence.end]
        in_clause = [m for m in in_sentence if clause[0] <= m.start and m.end <= clause[1]]
        since = [m for m in self.mentions if m.role == "since" and clause[0] <= m.start < clause[1]]
        chosen: DateMention | None = None
        if in_clause or in_sentence:
            chosen = min(in_clause or in_sentence, key=lambda m: _distance(m.start, m.end, number))
            where = (
                "its clause"
                if in_clause and clause != (sentence.start, sentence.end)
                else ("its sentence")
            )
            where, confidence = f"{chosen.text!r} in {where}", 0.75
        else:
            # A running count "since Friday" holds when the report is written: no date an
            # earlier sentence gives carries to it (the period of a release's lead does).
            paragraph = [
                m
                for m in usable
                if m.end <= sentence.start
                and not m.compared
                and not since
                and self.layout.sentence_at(m.start).paragraph == sentence.paragraph
            ]
            if paragraph:
                latest = self.layout.sentence_at(paragraph[-1].start)
                chosen = next(m for m in paragraph if latest.start <= m.start < latest.end)
                where, confidence = f"{chosen.text!r} earlier in its paragraph", 0.55
            elif self.lead_period is not None:
                chosen = self.lead_period
                where, confidence = f"{chosen.text!r}, the period of the report's lead", 0.45
        if chosen is not None:
            edtf = chosen.edtf
            if chosen.inferred:
                where += ", the year from the publication date"
                confidence -= 0.1
        elif self.context.published is not None:
            edtf = _publication(self.context.published)
            where, confidence = "no date near it: the publication date, uncertain", 0.4
            if since:
                where = f"a count {since[0].text!r}: the publication date, uncertain"
                confidence = 0.5
        else:
            edtf, confidence, where = self._latest_date()
        if change and "/" not in edtf:
            edtf = f"{_year_before(edtf)}/{edtf}"
            where += "; a change, from a year before"
            confidence = min(confidence, 0.5)
        return edtf, confidence, where

    def _lead(self) -> int | None:
        """The index of the lead, the first paragraph of whole sentences (after a headline,
        a byline); None when no sentence ends with a stop."""
        return next(
            (
                s.paragraph
                for s in self.layout.sentences
                if self.layout.words(s).rstrip("\"'”’)").endswith((".", "!", "?"))
            ),
            None,
        )

    def _body_start(self) -> int:
        """Where the body starts: the lead; what stands before it is a headline."""
        lead = self._lead()
        return self.layout.paragraphs[lead][0] if lead is not None else 0

    def _dated(self, position: int) -> bool:
        """Whether the sentence at `position` gives a date (not one a count starts at)."""
        sentence = self.layout.sentence_at(position)
        return any(
            sentence.start <= m.start < sentence.end and m.role != "since" for m in self.mentions
        )

    def _said(self, position: int) -> bool:
        """Whether the sentence at `position` names a speaker."""
        sentence = self.layout.sentence_at(position)
        return any(sentence.start <= a.start < sentence.end for a in self.attributions)

    def _lead_period(self) -> DateMention | None:
        """The quarter or half the lead (the first paragraph of whole sentences) says its
        figures are of ("in the second quarter", "in the first half of 2024"): a report of a
        statistical release, whose later figures that give no date are of that period too."""
        lead = self._lead()
        for mention in self.mentions:
            sentence = self.layout.sentence_at(mention.start)
            if sentence.paragraph != lead or mention.role != "at" or mention.compared:
                continue
            if re.fullmatch(r"[0-9]{4}-(?:3[3-6]|4[01])", mention.edtf.rstrip("?~%")):
                return mention
        return None

    def _latest_date(self) -> tuple[str, float, str]:
        """Without a publication date: the year of the latest date the text gives."""
        dated = [m for m in self.mentions if m.role == "at"]
        if dated:
            latest = max(dated, key=lambda m: dates.parse_date(m.edtf).end)
            year = date.fromordinal(dates.parse_date(latest.edtf).end).year
            return f"{year}?", 0.2, "no date near it and no publication date: the latest year"
        year = date.today().year
        return f"{year}?", 0.05, "no date in the text and no publication date: this year"

    def _new_quantity(
        self, number: Occurrence, end: int, stop: int, start: int, sentence: Sentence, change: int
    ) -> NewQuantity:
        following = self.text[end:stop]
        preceding = self.text[start : number.start]
        running = any(
            m.role == "since" and sentence.start <= m.start < sentence.end for m in self.mentions
        )
        suggested = suggest_quantity(
            _one_line(following),
            _one_line(preceding),
            self.suggested,
            percent=number.kind == "percent",
            change=change != 0,
            running=running,
        )
        self.suggested.add(suggested.id)
        return suggested

    # -- ignore entries ------------------------------------------------------------------------

    def _ignores(
        self,
        found: Sequence[tuple[Occurrence, NotAFigure]],
        claimed: set[int],
        accounted: frozenset[int],
    ) -> list[Draft]:
        drafts: list[Draft] = []
        folded = Folded.of(self.text)
        covered: set[int] = set()
        for number, why in found:
            if number.start in covered:
                continue
            start, end = why.start, why.end
            for _ in range(3):  # widen words that also hold a number to record elsewhere
                words = self.text[start:end]
                held = {
                    n.start
                    for s, e in folded.spans(words)
                    for n in self.numbers
                    if s <= n.start and n.end <= e
                }
                if not held & claimed:
                    break
                start, end = _widened(self.text, start, end)
            # An ignore entry covers its words at every place they stand in the text: one
            # entry for all of them ("by late 2015" in the headline and again in the lead).
            places = folded.spans(self.text[start:end], 1000) or [(start, end)]
            words = _one_line(self.text[start:end])
            inside = [
                n
                for n in self.numbers
                if any(s <= n.start and n.end <= e for s, e in places)
                and n.start != number.start
                and n.start not in claimed
                and n.start not in accounted
                and n.start not in covered
            ]
            covered.update(n.start for n in inside)
            sentence = self.layout.sentence_at(number.start)
            drafts.append(
                Draft(
                    number,
                    _one_line(self.layout.words(sentence)),
                    at=_folded_offset(self.text, sentence.start, number.start),
                    ignore=DraftIgnore(words, why.why),
                    covers=tuple(inside),
                    confidence={"action": why.confidence},
                    reasons={"action": why.why},
                )
            )
        return drafts


_Span = tuple[int, int]
# The end of a quotation that an attribution follows, as wire copy writes it: the comma (or
# the stop) inside the closing mark, `,"` or `.”` ('"... cleared," the harbour master said').
_CLOSING_QUOTE = re.compile(r'[,.]["”»]')


@dataclass(frozen=True)
class _Claim:
    """A number to be recorded (or recorded already), with its hedge and the other end of
    its range."""

    number: Occurrence
    hedge: Hedge | None
    upper: Occurrence | None
    recorded: bool = False

    @property
    def end(self) -> int:
        return self.upper.end if self.upper is not None else self.number.end


# The end of the words between a number and an attribution that opens a new clause.
_CLAUSE_OPENER = re.compile(
    r"(?:;|[,;]?\s(?:and|but|while|whereas|although|though|yet))\s+\Z", re.IGNORECASE
)


def _typed(value: Fraction) -> Typed:
    if value.denominator == 1:
        return int(value)
    with localcontext() as exact:
        exact.prec = 60
        return (Decimal(value.numerator) / Decimal(value.denominator)).normalize()


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _folded_offset(text: str, start: int, at: int) -> int:
    """Where text[at] stands in text[start:...] with its white space folded (`_one_line`)."""
    before = text[start:at]
    folded = " ".join(before.split())
    return len(folded) + (1 if folded and before[-1:].isspace() else 0)


def _distance(start: int, end: int, number: Occurrence) -> int:
    if end <= number.start:
        return number.start - end
    if start >= number.end:
        return start - number.end
    return 0


_EDGE_CHARACTERS = " \t\n,;:.—–-\"“”‘’'()[]«»"
_EDGE_WORDS = re.compile(
    r"^(?:(?:and|but|while|whereas|although|though|that|so|as)\s+)+|\s+(?:and|but|that)$",
    re.IGNORECASE,
)


def _trimmed(text: str, start: int, end: int) -> _Span:
    """The span without the punctuation and joining words at its edges."""
    while True:
        before = (start, end)
        while start < end and text[start] in _EDGE_CHARACTERS:
            start += 1
        while end > start and text[end - 1] in _EDGE_CHARACTERS:
            end -= 1
        edge = _EDGE_WORDS.search(text[start:end])
        if edge is not None:
            if edge.start() == 0:
                start += edge.end()
            else:
                end = start + edge.start()
        if (start, end) == before:
            return start, end


def _widened(text: str, start: int, end: int) -> _Span:
    """The span with one more word on each side, within its line."""
    before = re.search(r"[^\s]+\s+$", text[max(0, start - 40) : start])
    after = re.match(r"\s+[^\s]+", text[end : end + 40])
    if before is not None and "\n" not in before.group():
        start -= len(before.group())
    if after is not None and "\n" not in after.group():
        end += after.end()
    return start, end


def _phrase_start(text: str, number: Occurrence, hedge: Hedge) -> int:
    if hedge.approx == "range" and hedge.words.lower() != "between":
        return number.start
    window = text[max(0, number.start - 60) : number.start]
    at = window.lower().rfind(hedge.words.lower().split()[0])
    return number.start - len(window) + at if at >= 0 else number.start


def _phrase_end(text: str, number: Occurrence, hedge: Hedge) -> int:
    """Where the hedge's phrase ends: after the number, its words ("or more") or the higher
    end of its range."""
    at = text.find(hedge.phrase.split()[-1], number.start)
    if at < 0 or at > number.end + 80:
        return number.end
    return max(number.end, at + len(hedge.phrase.split()[-1]))


_FALL = (
    r"decreas\w*|declin\w*|fell|fall\w*|dropp?\w*|down|reduc\w*|lower\w*|shr[aiu]nk\w*|cut"
    r"|plung\w*|plummet\w*|slump\w*|sank|sink\w*|dipp?\w*|lost|los\w*"
)
_RISE = (
    r"increas\w*|ris\w*|rose|gr[eo]w\w*|up|jump\w*|climb\w*|soar\w*|surg\w*|gain\w*"
    r"|doubl\w*|tripl\w*|add\w*|expand\w*|widen\w*"
)
_BETWEEN_VERB_AND_NUMBER = (
    r"(?:\s+(?:by|some|about|around|nearly|almost|roughly|over|more|than|less|an|estimated"
    r"|a|further|another|just|only|another))*\s+(?:[-−–+]\s*)?$"
)
_FALL_BEFORE = re.compile(rf"\b(?:{_FALL})\b(?={_BETWEEN_VERB_AND_NUMBER})", re.IGNORECASE)
_RISE_BEFORE = re.compile(rf"\b(?:{_RISE})\b(?={_BETWEEN_VERB_AND_NUMBER})", re.IGNORECASE)
_CHANGE_AFTER = re.compile(
    r"\s*(?:-\s*)?(?P<word>decrease|decline|drop|fall|reduction|cut|fewer|less|lower|down"
    r"|increase|rise|growth|gain|jump|more|higher|up)\b",
    re.IGNORECASE,
)


def _direction(text: str, number: Occurrence) -> int:
    """-1 when the words next to a percentage make it a fall ("fell by 46%", "a 46% drop",
    "-46%"), 1 for a rise ("grew 2.3%"), 0 when they make it a level ("fell to 6.1%")."""
    if has_minus(text, number):
        return -1
    before = text[max(0, number.start - 60) : number.start]
    for pattern, direction in ((_FALL_BEFORE, -1), (_RISE_BEFORE, 1)):
        if pattern.search(before) is not None:
            return direction
    after = _CHANGE_AFTER.match(text, number.end)
    if after is not None:
        word = after["word"].lower()
        return -1 if re.fullmatch(_FALL + r"|fewer|less|reduction", word) else 1
    return 0


def _year_before(edtf: str) -> str:
    """The same date a year earlier: '2015?' -> '2014?', '2024-34?' -> '2023-34?'."""
    return re.sub(r"(?<![0-9])([0-9]{4})(?![0-9])", lambda y: str(int(y.group(1)) - 1), edtf)


def _publication(published: DateSpan) -> str:
    """The publication date, marked uncertain (the figure's own date is not printed)."""
    point = published.points[-1]
    if point.precision == "open":
        point = published.points[0]
    text = point.text.rstrip("?~%")
    return f"{text}%" if point.qualifier in ("~", "%") else f"{text}?"
