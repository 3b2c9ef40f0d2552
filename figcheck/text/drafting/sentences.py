"""Where a text's paragraphs, sentences and clauses are: the spans a draft's quote is cut
from (`figcheck draft`).

A paragraph ends at a blank line. A sentence ends at `.`, `!` or `?` (and any closing quote
or bracket after it) followed by white space and a capital, a digit or an opening quote;
not after an abbreviation (`Mr.`, `Gen.`, `U.S.`, `No.`, a single initial) nor inside a
number (`2.5`). A line break ends a sentence too, unless the line runs on (a text wrapped
at a fixed width: the next line starts in lower case, or this one ends with an article, a
preposition or a conjunction, "at the airport on\nTuesday"): a headline, a dateline or a
list item is a sentence of its own.

Between two numbers of one sentence, `clause_break` finds where the clause of the first
ends and that of the second begins: at the last comma, semicolon, colon, spaced dash or
joining word ("and", "but", "while", "whereas") between them; but two numbers whose nouns
are joined by "and" or "or" with no verb between ("Two helicopters and 35 boats were
deployed") share one clause: `coordinated` says so. `new_clauses` finds where a new clause
starts whatever the numbers: a semicolon, a spaced dash, or a comma followed by a joining
word (", and", ", while"); a comma alone may set off an aside ("405 people, according to
our data, have left") and does not start one.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Sentence:
    """[start, end) in the text, without the white space around it; its paragraph's index."""

    start: int
    end: int
    paragraph: int


@dataclass(frozen=True)
class Layout:
    """The paragraphs and sentences of one text."""

    text: str
    paragraphs: tuple[tuple[int, int], ...]
    sentences: tuple[Sentence, ...]

    @classmethod
    def of(cls, text: str) -> Layout:
        paragraphs = tuple(_paragraphs(text))
        found = [
            Sentence(start, end, index)
            for index, (p_start, p_end) in enumerate(paragraphs)
            for start, end in _sentences(text, p_start, p_end)
        ]
        return cls(text, paragraphs, tuple(found))

    def sentence_at(self, position: int) -> Sentence:
        """The sentence holding `position` (the nearest before it, between sentences)."""
        starts = [s.start for s in self.sentences]
        index = max(0, bisect.bisect_right(starts, position) - 1)
        return self.sentences[index]

    def in_paragraph(self, index: int) -> tuple[Sentence, ...]:
        return tuple(s for s in self.sentences if s.paragraph == index)

    def words(self, sentence: Sentence) -> str:
        return self.text[sentence.start : sentence.end]


_BLANK_LINE = re.compile(r"\n[ \t\r\f\v\u00a0]*\n\s*")


def _paragraphs(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for blank in _BLANK_LINE.finditer(text):
        spans.append((start, blank.start()))
        start = blank.end()
    spans.append((start, len(text)))
    return [trimmed for span in spans if (trimmed := _trim(text, *span))[0] < trimmed[1]]


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


# Words after which a full stop does not end a sentence.
def _word_set(words: str) -> frozenset[str]:
    """The words of a text block, as a set: long word lists read best as prose."""
    return frozenset(words.split())


ABBREVIATIONS = _word_set(
    """
    mr mrs ms dr prof st gen col lt sgt capt cmdr adm maj rep sen gov pres jr sr rev fr hon
    no nos vs etc e.g i.e approx est ca cf fig al inc ltd co corp dept univ jan feb mar apr
    jun jul aug sep sept oct nov dec mon tue wed thu fri sat sun a.m p.m u.s u.k u.n e.u
    u.s.a mt ft
    """
)
_END = re.compile(r"[.!?…]+[\"'”’»)\]]*(?=\s)")
_OPENS_SENTENCE = re.compile(r"\s+(?=[\"'“‘«(\[]?[A-Z0-9\u0400-\u042f])")
_LAST_WORD = re.compile(r"([\w.]+)\.$")


def _sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    begin = start
    for line_end in _line_ends(text, start, end):
        for stop in _END.finditer(text, begin, line_end):
            if not _OPENS_SENTENCE.match(text, stop.end(), line_end) or _abbreviated(
                text, begin, stop
            ):
                continue
            spans.append(_trim(text, begin, stop.end()))
            begin = stop.end()
        spans.append(_trim(text, begin, line_end))
        begin = line_end
    return [span for span in spans if span[0] < span[1]]


# A line that ends with one of these words runs on, whatever starts the next ("airport
# on\nTuesday"): no headline or list item ends so.
_RUNS_ON = re.compile(
    r"(?<![\w-])(?:the|a|an|of|on|in|at|to|by|for|from|with|and|or|but|than|that|its|their"
    r"|his|her)\Z"
)


def _line_ends(text: str, start: int, end: int) -> list[int]:
    """Where the paragraph's lines end, except where a line runs on into the next (a text
    wrapped at a fixed width: the next line starts in lower case and this one has no stop,
    or this one ends with an article, a preposition or a conjunction)."""
    ends = []
    at = text.find("\n", start, end)
    while at >= 0:
        following = text[at + 1 : end].lstrip()
        before = text[start:at].rstrip()
        runs_on = bool(following) and (
            (following[0].islower() and before[-1:] not in ".!?:")
            or _RUNS_ON.search(before) is not None
        )
        if not runs_on:
            ends.append(at)
        at = text.find("\n", at + 1, end)
    ends.append(end)
    return ends


def _abbreviated(text: str, begin: int, stop: re.Match[str]) -> bool:
    """A full stop after an abbreviation or an initial ("Gen.", "J."), not a sentence end."""
    if not stop.group().startswith("."):
        return False
    word = _LAST_WORD.search(text, begin, stop.start() + 1)
    if word is None:
        return False
    token = word.group(1).lower().lstrip(".")
    return token in ABBREVIATIONS or (len(token) == 1 and token.isalpha())


# What separates two clauses: punctuation, a spaced dash, or a word that joins clauses.
_CLAUSE_BREAK = re.compile(
    r"\s*(?:[,;:]|\s[-–—]\s|\s(?:and|but|while|whereas|although|though)\s)\s*", re.IGNORECASE
)


def clause_break(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The last clause break in text[start:end] (the gap between two numbers of a sentence):
    where the first clause ends and where the second begins; None when there is none."""
    found = None
    for separator in _CLAUSE_BREAK.finditer(text, start, end):
        if _inside_number(text, separator.start(), separator.end()):
            continue
        found = (separator.start(), separator.end())
    return found


def _inside_number(text: str, start: int, end: int) -> bool:
    """A comma between digits is a thousands separator (`2,719`), not a clause break."""
    return (
        end - start == 1
        and start > 0
        and end < len(text)
        and text[start - 1].isdigit()
        and text[end].isdigit()
    )


_NEW_CLAUSE = re.compile(
    r"\s*(?:;|\s[-–—]\s|,\s*(?:and|but|while|whereas|although|though|yet)\s)\s*",
    re.IGNORECASE,
)


def new_clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Where new clauses start in text[start:end]: each break's [start, end)."""
    return [m.span() for m in _NEW_CLAUSE.finditer(text, start, end)]


# The words between two numbers whose nouns share one predicate: "Two helicopters and 35
# boats were deployed", "At least 40 homes or about 12 farms".
_COORDINATION = re.compile(
    r"\s+(?P<words>(?:[^\W\d][\w’'-]*\s+){1,3}?)(?:and|or)\s+"
    r"(?:(?:about|around|some|nearly|almost|roughly|at\s+least|more\s+than|over|up\s+to"
    r"|another|a\s+further)\s+)?\Z",
    re.IGNORECASE,
)
_VERB_FORMS = _word_set(
    """
    is are was were be been being am have has had do does did will would can could may
    might must shall should went came fled left lost fell rose grew made took gave saw got
    ran hit cut put sank won spent paid sold bought held kept met sent stood began broke
    brought built caught drove fought found knew led meant said shot shut struck told
    thought wrote remain remains stay stays
    """
)


def coordinated(text: str, start: int, end: int) -> bool:
    """Whether text[start:end], the words between two numbers, join their nouns into one
    subject or object ("Two helicopters and 35 boats were deployed"): a few words with no
    verb, then "and" or "or" (and any hedge word of the second number)."""
    match = _COORDINATION.match(text, start, end)
    if match is None:
        return False
    words = match["words"].lower().split()
    return not any(w in _VERB_FORMS or w.endswith("ed") for w in words)
