"""Numbers that are plainly not figures: what `figcheck draft` proposes to list under
`ignore:` instead of recording, each with its reason and the words that show it.

In the order they are tried:

- page furniture: a copyright line, a count of comments, shares or likes on a line of its
  own, the number of a list item at the start of a line, "24/7";
- part of a web or e-mail address;
- a time of day: `10:30`, `6 a.m.`, `5 pm`, `9 o'clock`, `14:00 GMT`;
- a date: any date the text gives (figcheck.date_phrases.dates_in), a dateline among them,
  and a year alone ("2015," "the 2015 budget") where no noun it could count follows;
- a label or a code: the number of an article, section, page, resolution, flight, route,
  room, ... ("article 51"), an address ("10 Downing Street"), digits joined to letters
  ("MH17", "A4", "Su-24");
- an ordinal that says which one is meant ("the second bridge", "for the first time"), or
  that marks a list ("Second, ..."), except a rank ("the second largest", "came third"),
  which is a figure;
- a span of time: a number of seconds to centuries ("for two years", "three more days",
  "a five-year plan"), except an age ("a 38-year-old", "aged 40");
- "one" as a pronoun or in an idiom: "no one", "one of them", "one another", "one can",
  "at one time", "one by one";
- a number word inside a name ("Channel Four", "Formula One").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from figcheck.date_phrases import DateMention
from figcheck.text.drafting.sentences import Layout
from figcheck.text.numbers import Occurrence


@dataclass(frozen=True, slots=True)
class NotAFigure:
    """Why a number is not a figure, and the words that show it: [start, end) in the text,
    the ignore entry's text."""

    start: int
    end: int
    why: str
    confidence: float


def classify(
    text: str, number: Occurrence, layout: Layout, mentions: Sequence[DateMention]
) -> NotAFigure | None:
    """Why `number` is plainly not a figure, or None when it may be one."""
    for check in (_furniture, _address, _time_of_day):
        found = check(text, number, layout)
        if found is not None:
            return found
    in_date = _in_date(text, number, mentions)
    if in_date is not None:
        return in_date
    for check in (_label, _ordinal, _duration, _pronoun, _in_a_name, _year):
        found = check(text, number, layout)
        if found is not None:
            return found
    return None


def is_rank(text: str, number: Occurrence) -> bool:
    """An ordinal that ranks ("the second largest", "second-biggest", "came third")."""
    if number.kind != "ordinal":
        return False
    after = text[number.end : number.end + 30]
    before = text[max(0, number.start - 30) : number.start]
    return bool(_SUPERLATIVE.match(after) or _RANKED.search(before))


_SUPERLATIVE = re.compile(r"[\s-]+(?:most\b|least\b|[a-z]+est\b)", re.IGNORECASE)
_RANKED = re.compile(r"\b(?:came|comes|finished|finishes|ranked|ranks|placed|rated)\s+$", re.I)


def _line(text: str, number: Occurrence) -> tuple[int, int]:
    start = text.rfind("\n", 0, number.start) + 1
    end = text.find("\n", number.end)
    return start, len(text) if end < 0 else end


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


_COPYRIGHT = re.compile(r"©|\(c\)\s*[0-9]|\bcopyright\b|\ball rights reserved\b", re.IGNORECASE)
_COUNTER_LINE = re.compile(
    r"\s*[0-9][0-9,]*\s+(?P<what>comments?|replies|reply|responses?|shares?|likes?|views?"
    r"|reactions?|retweets?|reposts?)\s*",
    re.IGNORECASE,
)
_LIST_ITEM = re.compile(r"\s*[0-9]{1,3}[.)](?=\s)")
_AROUND_THE_CLOCK = re.compile(r"24\s*/\s*7|24-7")


def _furniture(text: str, number: Occurrence, layout: Layout) -> NotAFigure | None:
    line_start, line_end = _line(text, number)
    line = text[line_start:line_end]
    sentence = layout.sentence_at(number.start)
    if _COPYRIGHT.search(text, sentence.start, sentence.end):
        return NotAFigure(sentence.start, sentence.end, "the copyright line", 0.95)
    counter = _COUNTER_LINE.fullmatch(line)
    if counter is not None:
        what = counter["what"].lower()
        return NotAFigure(
            *_trimmed(text, line_start, line_end),
            f"the count of {what if what.endswith('s') else what + 's'} shown on the page, "
            "not a statement of the report",
            0.9,
        )
    item = _LIST_ITEM.match(line)
    if item is not None and line_start + item.end() >= number.end:
        end = min(line_end, line_start + item.end() + 12)
        return NotAFigure(*_trimmed(text, line_start, end), "the number of a list item", 0.85)
    near = text[max(0, number.start - 3) : number.end + 4]
    if _AROUND_THE_CLOCK.search(near):
        clock = _AROUND_THE_CLOCK.search(text, max(0, number.start - 3), number.end + 4)
        assert clock is not None
        return NotAFigure(
            clock.start(), clock.end(), "24/7 means around the clock, not a count", 0.95
        )
    return None


_URL = re.compile(r"https?://\S+|www\.\S+|[\w.+-]+@[\w-]+\.[\w.]+", re.IGNORECASE)


def _address(text: str, number: Occurrence, layout: Layout) -> NotAFigure | None:
    line_start, line_end = _line(text, number)
    for url in _URL.finditer(text, line_start, line_end):
        if url.start() <= number.start and number.end <= url.end():
            return NotAFigure(url.start(), url.end(), "part of a web or e-mail address", 0.95)
    return None


_CLOCK = re.compile(
    r"(?:(?:at|by|from|until|till|before|after|around)\s+)?"
    r"(?:[0-9]{1,2}[:.][0-9]{2}(?:\s*(?:a\.m\.|p\.m\.|am|pm))?(?:\s*(?:GMT|UTC|CET|EST|local"
    r"\s+time))?|[0-9]{1,2}\s*(?:a\.m\.|p\.m\.|am\b|pm\b)|[0-9]{1,2}\s+o['’]clock)",
    re.IGNORECASE,
)


def _time_of_day(text: str, number: Occurrence, layout: Layout) -> NotAFigure | None:
    window = max(0, number.start - 12)
    for clock in _CLOCK.finditer(text, window, number.end + 16):
        if clock.start() <= number.start and number.end <= clock.end():
            words = clock.group()
            if ":" not in words and not re.search(r"a\.m\.|p\.m\.|am|pm|o.clock", words, re.I):
                continue  # "2.30" alone is a decimal
            return NotAFigure(clock.start(), clock.end(), "a time of day", 0.9)
    return None


_LABELS = (
    "article",
    "articles",
    "section",
    "chapter",
    "paragraph",
    "clause",
    "resolution",
    "page",
    "pages",
    "p.",
    "pp.",
    "no.",
    "nos.",
    "route",
    "highway",
    "motorway",
    "flight",
    "room",
    "platform",
    "gate",
    "district",
    "ward",
    "precinct",
    "unit",
    "building",
    "block",
    "bus",
    "channel",
    "version",
    "phase",
    "stage",
    "category",
    "level",
    "grade",
    "exit",
    "terminal",
    "line",
    "act",
    "amendment",
    "protocol",
)
_LABEL = re.compile(rf"\b(?P<noun>{'|'.join(map(re.escape, _LABELS))})\s*(?:#\s*)?$", re.IGNORECASE)
_STREET = re.compile(
    r"\s+(?:[A-Z][\w'-]*\s+){1,3}(?:Street|St\.|Avenue|Ave\.?|Road|Rd\.?|Boulevard|Blvd\.?"
    r"|Lane|Square|Drive|Place|Way|Court|Embankment|Prospekt)\b"
)


def _label(text: str, number: Occurrence, layout: Layout) -> NotAFigure | None:
    if number.kind not in ("plain", "ordinal") or not number.text[:1].isdigit():
        return None
    before = text[max(0, number.start - 16) : number.start]
    label = _LABEL.search(before)
    if label is not None:
        start = number.start - len(before) + label.start()
        noun = label["noun"].lower().rstrip(".")
        noun = {"p": "page", "pp": "page", "no": "item", "nos": "item"}.get(noun, noun)
        why = f"the number of {_a(noun)} (a label), not a count"
        return NotAFigure(start, number.end, why, 0.8)
    street = _STREET.match(text, number.end)
    if street is not None:
        return NotAFigure(number.start, street.end(), "an address", 0.85)
    at = number.start
    joined = at > 0 and (
        text[at - 1].isalpha() or (text[at - 1] in "-‐" and at > 1 and text[at - 2].isalpha())
    )
    if joined:
        start = at - 1
        while start > 0 and (text[start - 1].isalnum() or text[start - 1] in "-‐"):
            start -= 1
        end = number.end
        while end < len(text) and text[end].isalnum():
            end += 1
        if text[start:at].rstrip("-‐").isalpha() and not text[start:at].islower():
            return NotAFigure(start, end, "part of a name or code", 0.85)
    return None


def _a(noun: str) -> str:
    return f"an {noun}" if noun[0] in "aeiou" else f"a {noun}"


_LIST_MARKER_ORDINAL = re.compile(r"(?:first|second|third|fourth|fifth|sixth|seventh)\s*,", re.I)
_FIRST_TIME = re.compile(r"(?:for\s+)?the\s+first\s+time\b", re.IGNORECASE)


def _ordinal(text: str, number: Occurrence, layout: Layout) -> NotAFigure | None:
    if number.kind != "ordinal" or is_rank(text, number):
        return None
    sentence = layout.sentence_at(number.start)
    opening = text[sentence.start : number.start].strip(" \"“‘'(")
    if not opening and _LIST_MARKER_ORDINAL.match(text, number.start):
        end = text.find(",", number.start) + 1
        return NotAFigure(number.start, end, "a list marker of the argument", 0.85)
    first_time = _FIRST_TIME.search(text, max(0, number.start - 10), number.end + 6)
    if first_time is not None and first_time.start() <= number.start < first_time.end():
        return NotAFigure(
            first_time.start(), first_time.end(), "an idiom (the first time), not a count", 0.8
        )
    start = _word_before(text, number.start, ("the", "a", "an", "its", "their", "his", "her"))
    end = _word_after(text, number.end)
    return NotAFigure(
        start,
        end,
        f"the ordinal {number.text} says which one is meant, not a count",
        0.7,
    )


def _word_before(text: str, at: int, words: Sequence[str]) -> int:
    match = re.search(r"(\w+)\s+$", text[max(0, at - 20) : at])
    if match is not None and match.group(1).lower() in words:
        return at - len(match.group())
    return at


def _word_after(text: str, at: int) -> int:
    match = re.match(r"[-\s]+[\w’'-]+", text[at : at + 40])
    return at + match.end() if match is not None else at


_TIME_UNIT = (
    r"(?:seconds?|minutes?|hours?|days?|nights?|weeks?|fortnights?|months?|quarters?|years?"
    r"|decades?|centuries|century)"
)
_DURATION = re.compile(
    rf"(?:[\s-]+(?:more|additional|straight|consecutive|long|full|whole|further|other))?"
    rf"[\s-]+{_TIME_UNIT}\b(?P<old>[\s-]+old\b)?",
    re.IGNORECASE,
)
_DURATION_CUE_BEFORE = re.compile(
    r"\b(?:for|within|after|during|lasting|spanning|over|in|the|last|past|next|coming|first)"
    r"\s+(?:the\s+)?(?:(?:last|past|next|coming|first)\s+)?$",
    re.IGNORECASE,
)
_DURATION_CUE_AFTER = re.compile(r"\s+(?:ago|later|earlier|long|in\s+a\s+row|running)\b", re.I)
_AGED = re.compile(r"\b(?:aged|age|ages)\s+$", re.IGNORECASE)


def _duration(text: str, number: Occurrence, layout: Layout) -> NotAFigure | None:
    if number.kind not in ("plain",):
        return None
    unit = _DURATION.match(text, number.end)
    if unit is None or unit["old"] or _AGED.search(text[max(0, number.start - 8) : number.start]):
        return None  # an age ("a 38-year-old") is a figure
    before = text[max(0, number.start - 30) : number.start]
    cue = _DURATION_CUE_BEFORE.search(before)
    start = number.start - len(before) + cue.start() if cue is not None else number.start
    after = _DURATION_CUE_AFTER.match(text, unit.end())
    end = after.end() if after is not None else unit.end()
    confidence = 0.8 if cue is not None or after is not None else 0.6
    return NotAFigure(start, end, "a span of time, not a count", confidence)


_ONE_BEFORE = re.compile(
    r"\b(?:no|any|every|each|this|that|the\s+only|the\s+same|albeit|which|another)\s+$",
    re.IGNORECASE,
)
_ONE_AFTER = re.compile(
    r"\s+(?:of\s+(?:the|them|these|those|us|his|her|its|their|our|my|whom|which|you)\b"
    r"|another\b|can\b|could\b|may\b|might\b|must\b|should\b|would\b|will\b|needs\b|sees\b"
    r"|has\b|is\b|does\b|gets\b|finds\b|knows\b|wants\b|by\s+one\b)|['’]s\b",
    re.IGNORECASE,
)
_ONE_IDIOM = re.compile(r"\b(?:at|from)\s+one\s+(?:time|point|stage|moment)\b", re.IGNORECASE)


def _pronoun(text: str, number: Occurrence, layout: Layout) -> NotAFigure | None:
    if number.text.lower() != "one":
        return None
    idiom = _ONE_IDIOM.search(text, max(0, number.start - 6), number.end + 10)
    if idiom is not None:
        return NotAFigure(idiom.start(), idiom.end(), "an idiom, not a count", 0.85)
    before = _ONE_BEFORE.search(text[max(0, number.start - 12) : number.start])
    after = _ONE_AFTER.match(text, number.end)
    if before is None and after is None:
        return None
    start = number.start - (len(before.group()) if before is not None else 0)
    end = after.end() if after is not None else _word_after(text, number.end)
    if after is not None and after.group().strip().lower().startswith("of"):
        why = "one of ... singles out one, not a count"
    else:
        why = "a pronoun (one), not a count"
    return NotAFigure(start, end, why, 0.8)


def _in_a_name(text: str, number: Occurrence, layout: Layout) -> NotAFigure | None:
    if not number.text[:1].isupper() or number.text[:1].isdigit():
        return None
    sentence = layout.sentence_at(number.start)
    previous = re.search(r"([\w’'-]+)\s+$", text[sentence.start : number.start])
    if previous is None or not previous.group(1)[:1].isupper():
        return None
    start = number.start - len(previous.group())
    return NotAFigure(start, number.end, "part of a name", 0.75)


_DATELINE = re.compile(r"[A-Z][A-Z .'’-]+,\s*$")
_YEAR = re.compile(r"(?:1[89]|20)[0-9]{2}")
# Words after a bare year that show it is one ("2015 was", "2015, when"), where a noun
# would make it a count ("2015 people").
_AFTER_A_YEAR = re.compile(
    r"\s*(?:[,.;:)\]!?'’\"”-]|$|(?:was|is|were|and|or|to|when|as|saw|marked|brought|will"
    r"|had|has|the|a|in|on|at|of|for|year)\b)",
    re.IGNORECASE,
)


def _in_date(text: str, number: Occurrence, mentions: Sequence[DateMention]) -> NotAFigure | None:
    for mention in mentions:
        if mention.start <= number.start and number.end <= mention.end:
            line_start = text.rfind("\n", 0, mention.start) + 1
            if _DATELINE.fullmatch(text, line_start, mention.start):
                return NotAFigure(line_start, mention.end, "the dateline", 0.9)
            return NotAFigure(mention.start, mention.end, "a date", 0.9)
    return None


def _year(text: str, number: Occurrence, layout: Layout) -> NotAFigure | None:
    """A year alone, where the date phrases did not read it: "2015 was a hard year"."""
    if number.kind != "plain" or not _YEAR.fullmatch(number.text):
        return None
    before = text[max(0, number.start - 20) : number.start]
    if re.search(r"(?:\b(?:about|over|some|nearly|almost|than|least|of|to)|[$€£])\s*$", before):
        return None  # "more than 2000", "some 1900": a count
    if _AFTER_A_YEAR.match(text, number.end):
        return NotAFigure(number.start, number.end, "a year", 0.7)
    return None
