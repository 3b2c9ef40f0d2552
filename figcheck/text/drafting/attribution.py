"""Who a sentence says is speaking: the attributions a draft's `said_by` comes from.

Read, in one sentence:

- a speaker after the verb: "..., said Anna Berg", "according to the health ministry",
  "..., added the minister", "This was stated by Deputy Minister Ivan Orlov at ...";
- a speaker before it: "the fire service said", "Labour Minister Tomas Berg told
  parliament", "Police reported", "Analysts estimated";
- with the verbs `VERBS` (said, says, told, stated, reported, estimated, added, noted,
  announced, claimed, confirmed, explained, warned, wrote, expected, forecast, ...), after
  an auxiliary too ("the ministry has said", "economists had expected"), and "according
  to"; a passive without "by" names no one ("40 deaths were reported").

The speaker is the noun phrase next to the verb, up to punctuation or a word that starts a
new part of the sentence. A title before a name is moved after it ("Labour Minister Tomas
Berg" is `Tomas Berg, Labour Minister`), an appositive after a name is kept ("said Anna
Lind, chief economist at a bank" is `Anna Lind, chief economist at a bank`), and a leading
"the" is dropped. A pronoun ("he said") or a bare role ("the minister said") stands for the
latest named speaker before it in the text; "according to our data" names no one.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from figcheck.text.drafting.sentences import Layout, Sentence

VERBS = (
    "said",
    "says",
    "say",
    "told",
    "tells",
    "stated",
    "states",
    "reported",
    "reports",
    "estimated",
    "estimates",
    "added",
    "adds",
    "noted",
    "notes",
    "announced",
    "announces",
    "claimed",
    "claims",
    "confirmed",
    "confirms",
    "explained",
    "warned",
    "wrote",
    "writes",
    "commented",
    "continued",
    "stressed",
    "insisted",
    "declared",
    "revealed",
    "acknowledged",
    "admitted",
    "argued",
    "predicted",
    "calculated",
    "counted",
    "indicated",
    "recalled",
    "recalls",
    "reminded",
    "reminds",
    "emphasized",
    "emphasised",
    "observed",
    "specified",
    "clarified",
    "assessed",
    *(BELIEFS := ("expected", "expects", "forecast", "forecasts", "projected", "projects")),
    "write",
    "report",
    "estimate",
    "note",
    "claim",
    "confirm",
    "warn",
)
_VERB = re.compile(
    rf"(?<![\w-])(?:according\s+to|(?:was\s+|were\s+|been\s+)?(?:{'|'.join(VERBS)})"
    r"(?:\s+by)?)(?![\w-])",
    re.IGNORECASE,
)
_WORD = re.compile(r"\w[\w’'.&-]*")


def _word_set(words: str) -> frozenset[str]:
    """The words of a text block, as a set: long word lists read best as prose."""
    return frozenset(words.split())


# Words that end a speaker's name when reading on from the verb (or back from it).
_STOPS = _word_set(
    """
    that in on at during when while after before because as if since so to for with from
    into about over than which who whom whose where and but or nor yet this these those it
    its they them he she we i you him her his their our my your there here was were is are
    be been being had has have do did does will would could should can may might must not
    also earlier later then now today yesterday recently last next further once again
    already in an interview statement
    """
)
_DETERMINERS = _word_set("the a an")
_POSSESSIVES = _word_set("our my your his her their its")
_PRONOUNS = _word_set("he she they it we i you")
# Nouns that make the words before a name a title ("Labour Minister Tomas Berg").
TITLES = _word_set(
    """
    minister secretary president premier chancellor governor mayor spokesman spokeswoman
    spokesperson chief head director chairman chairwoman chair leader commander general
    ambassador envoy official officer adviser advisor economist analyst scientist expert
    researcher professor correspondent editor prosecutor judge lawyer attorney senator
    deputy representative member manager founder administrator coordinator commissioner
    inspector sheriff colonel captain lieutenant sergeant marshal admiral king queen prince
    pope archbishop bishop imam rabbi doctor dr mr mrs ms
    """
)
# Words that end the name of an organisation, not of a person.
_BODIES = _word_set(
    """
    ministry office agency service services bank group council committee department fund
    center centre party union organization organisation institute institution commission
    authority authorities court parliament government police army forces company corporation
    association federation board bureau network news times post press tass reuters interfax
    """
)


@dataclass(frozen=True, slots=True)
class Attribution:
    """An attribution in a text: the span of its words (the verb and the speaker, which a
    quote is trimmed of), and the speaker as a record names it."""

    start: int
    end: int
    speaker: str
    named: bool  # named in its sentence, not by a pronoun or a role ("the minister") alone
    # "This was stated by X": the attribution of the sentence before it.
    refers_back: bool = False
    # A verb of saying ("said", "according to"), not of expecting ("expects", "forecast"),
    # whose words belong to the claim: "the bank expects growth of 2%".
    speech: bool = True


def attributions(layout: Layout) -> tuple[Attribution, ...]:
    """Every attribution in the text, in order; a pronoun stands for the latest speaker
    before it (he or she for the latest person), a role ("the minister", "the office") for
    the latest speaker whose name holds those words."""
    found: list[Attribution] = []
    resolver = _Resolver(acronyms(layout.text))
    for sentence in layout.sentences:
        back = _REFERS_BACK.match(layout.text, sentence.start, sentence.end) is not None
        for start, end, words in _in_sentence(layout.text, sentence):
            attribution = resolver.attribution(start, end, words)
            if attribution is not None:
                speech = _BELIEF.search(layout.text, start, end) is None
                found.append(replace(attribution, refers_back=back, speech=speech))
    return tuple(found)


# "This was stated by ...", "That was said by ...", "This was reported by ...".
_REFERS_BACK = re.compile(
    r"(?:this|that|these|those|it)\s+(?:was|were|is|has\s+been|had\s+been)\s+\w+\s+by\b",
    re.IGNORECASE,
)


def in_span(found: Sequence[Attribution], start: int, end: int) -> list[Attribution]:
    return [a for a in found if start <= a.start and a.end <= end]


# "added" followed by a number adds something ("Factories added 18,000 jobs"); "reported 12
# deaths" is still an attribution of the 12.
_ADDS_A_NUMBER = re.compile(r"\s+(?:some\s+|about\s+|another\s+|nearly\s+)?[0-9]", re.I)


_ACRONYM = re.compile(r"\(\s*(?P<short>[A-Z][A-Z&]{1,7})\s*\)")
_SMALL_WORDS = _word_set("of for and the on in to de")


def acronyms(text: str) -> dict[str, str]:
    """The acronyms a text introduces, with what they stand for: "the International Crisis
    Group (ICG)" gives ICG -> International Crisis Group."""
    found: dict[str, str] = {}
    for match in _ACRONYM.finditer(text):
        short = match["short"].replace("&", "")
        words = re.findall(r"[\w’'-]+", text[max(0, match.start() - 120) : match.start()])
        taken: list[str] = []
        for word in reversed(words):
            if len([w for w in taken if w.lower() not in _SMALL_WORDS]) == len(short):
                break
            taken.insert(0, word)
        while taken and taken[0].lower() in _SMALL_WORDS:
            taken.pop(0)
        initials = "".join(w[0] for w in taken if w.lower() not in _SMALL_WORDS)
        if initials.lower() == short.lower():
            found.setdefault(short, " ".join(taken))
    return found


# "Health ministry: 40 dead" as a headline: a speaker, a colon, the claim.
_HEADLINE_SPEAKER = re.compile(r"(?P<speaker>[A-Z][^:.!?\n]{1,60}):\s")


def _in_sentence(text: str, sentence: Sentence) -> list[tuple[int, int, list[str]]]:
    found = []
    headline = _HEADLINE_SPEAKER.match(text, sentence.start, sentence.end)
    if headline is not None and text[sentence.end - 1] not in '.!?"”':
        words = headline["speaker"].split()
        if any(w.lower() in TITLES | _BODIES for w in words) or _person(words) == words:
            found.append((sentence.start, headline.end("speaker") + 1, words))
    for verb in _VERB.finditer(text, sentence.start, sentence.end):
        said = verb.group()
        according = said.lower().startswith("according")
        if said[0].isupper() and not according:
            continue  # "States", a headline's "Claims": a noun or a title, not a verb
        if said.lower() in ("added", "adds") and _ADDS_A_NUMBER.match(text, verb.end()):
            continue
        if _VERB.match(text, verb.end() + 1):
            continue  # "the report said": a noun before the verb
        if _GERUND_AFTER.match(text, verb.end()):
            continue
        if _PASSIVE.match(said) and not said.lower().endswith(" by"):
            continue  # "40 deaths were reported", "growth is expected": no one is named
        after = _speaker_after(text, verb.end(), sentence.end)
        if said.lower() in ("told", "tells"):
            after = None  # "X told reporters": after "told" comes who heard it
        named = _NAMED_ROLE_BEFORE.search(text, sentence.start, verb.start())
        if according or said.lower().endswith(" by"):
            if after:
                found.append((verb.start(), after[1], after[0]))
        elif named is not None and (after is None or said.lower() in ("told", "tells")):
            # "Its chief, John Smith, said 40 ...", "the head of X, Ivan Orlov, told ..."
            role = named["role"].split()
            # ", and a spokeswoman for X, Anna Berg, said": from the role on
            start = named.start("words")
            found.append((start, verb.end(), [*named["name"].split(), ",", *role]))
        elif _inverted(text, sentence.start, verb.start()):
            if after is None:  # "..., said at a conference in Sochi the head ... Ivan Orlov."
                after = _closing_name(text, verb.end(), sentence.end)
            if after:
                found.append((verb.start(), after[1], after[0]))
        elif before := _speaker_before(text, sentence.start, verb.start()):
            found.append((before[1], verb.end(), before[0]))
    return found


_BELIEF = re.compile(rf"(?<![\w-])(?:{'|'.join(BELIEFS)})(?![\w-])", re.IGNORECASE)
# "Putin has continued publicly supporting him": a verb before a gerund says no words.
_GERUND_AFTER = re.compile(r"\s+(?:[a-z]+ly\s+)?[a-z]+ing\b")
_PASSIVE = re.compile(r"(?:was|were|been)\s", re.IGNORECASE)
# Auxiliaries between a speaker and the verb: "the ministry has said", "economists had
# expected".
_AUXILIARY = re.compile(r"has|have|had|would|will|'d|’d")

_NAMED_ROLE_BEFORE = re.compile(
    r"(?:(?:and|but|while|whereas|or)\s+)?(?P<words>"
    r"(?:(?:[Tt]he|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir|[Aa]n?)\s+)?(?P<role>[a-z][^,;:.!?“”\"]*?)\s*,\s*"
    r"(?P<name>(?:[A-Z][\w’'-]+\s+){1,2}[A-Z][\w’'-]+)\s*,\s*)$"
)


def _inverted(text: str, start: int, verb: int) -> bool:
    """Whether the speaker follows the verb: after a comma, a closing quote or a dash, or at
    the start of the sentence ("..., said the minister")."""
    before = text[start:verb].rstrip()
    return not before or before[-1] in ",”\"’'-–—:"


# Words that may stand inside an appositive ("a senior associate at the Carnegie Center")
# but end it when they come: a verb or a new clause.
_APPOSITIVE_STOPS = _word_set(
    """
    is are was were be been has have had will would could should can may might must who
    which that said says told added when while after because adding saying
    """
)


def _speaker_after(text: str, start: int, end: int) -> tuple[list[str], int] | None:
    words: list[str] = []
    last = start
    for match in _WORD.finditer(text, start, end):
        gap = text[last : match.start()]
        if words and not gap.isspace():
            if gap.strip() == "," and _is_person(words):
                appositive = _appositive(text, match.start(), end)
                if appositive is not None:
                    return [*words, ",", *appositive[0]], appositive[1]
            if gap.strip() == "," and _is_role(words):
                named = _NAME_IN_COMMAS.match(text, match.start(), end)
                if named is not None:  # "the regional governor, Paolo Renzi,"
                    return [*named.group(1).split(), ",", *words], named.end(1)
            break
        token = match.group().rstrip(".")
        if not words and (
            token.lower() in _STOPS - _POSSESSIVES - _PRONOUNS or token[:1].isdigit()
        ):
            break
        if words and token.lower() in _STOPS and not _name_follows(text, match.end(), end):
            break
        if token[:1].isdigit():
            return None  # "said some 40 sailings were cancelled": what was said, not who
        words.append(token)
        last = match.start() + len(token)
        if len(words) > 14:
            break
    return (words, last) if words else None


_CLOSING_NAME = re.compile(r"((?:[A-Z][\w’'-]+\s+){1,2}[A-Z][\w’'-]+)[\s.”\"’]*$")


def _closing_name(text: str, start: int, end: int) -> tuple[list[str], int] | None:
    """A person's name that ends the sentence, where the speaker after an inverted verb is
    not right after it."""
    match = _CLOSING_NAME.search(text, start, end)
    if match is None:
        return None
    words = match.group(1).split()
    preceding = text[: match.start(1)].split()
    if len(words) == 3 and preceding and _capitalised(preceding[-1]):
        words = words[1:]  # a longer run of capitals: the last two are the name
    return (words, match.end(1)) if _person(words) == words else None


_NAME_IN_COMMAS = re.compile(r"((?:[A-Z][\w’'-]+\s+){1,2}[A-Z][\w’'-]+)\s*,")


def _is_role(words: Sequence[str]) -> bool:
    """Lowercase words ending with a title: "the regional governor"."""
    return all(w.islower() for w in words) and words[-1] in TITLES


def _name_follows(text: str, start: int, end: int) -> bool:
    """Whether a capitalised name follows within a few words: a lowercase stretch inside a
    long title ("Deputy Minister of foreign Affairs on counteraction to terrorism Oleg
    Orlov")."""
    ahead = text[start:end].split(",")[0].split()[:6]
    return any(_capitalised(a) and _capitalised(b) for a, b in itertools.pairwise(ahead))


def _appositive(text: str, start: int, end: int) -> tuple[list[str], int] | None:
    """ ", a senior associate at the Carnegie Center" after a person's name: its words (no
    article) and where it ends; None when what follows the comma is not one."""
    words: list[str] = []
    last = start
    for match in _WORD.finditer(text, start, end):
        if text[last : match.start()].strip():
            break
        token = match.group().rstrip(".")
        if token.lower() in _APPOSITIVE_STOPS or len(words) >= 10:
            break
        words.append(token)
        last = match.start() + len(token)
    if words and words[0].lower() in _DETERMINERS:
        words = words[1:]
    if not words or _capitalised(words[0]) or words[0].endswith("ing"):
        return None
    return words, last


_ADVERB = re.compile(r"[a-z]+ly|often|also|never|always|later|then|once|again|already|earlier")


def _speaker_before(text: str, start: int, end: int) -> tuple[list[str], int] | None:
    chunk = text[start:end]
    matches = list(_WORD.finditer(chunk))
    while matches and (
        _ADVERB.fullmatch(matches[-1].group()) or _AUXILIARY.fullmatch(matches[-1].group())
    ):  # "Putin often says", "the ministry has said"
        matches.pop()
    words: list[str] = []
    first, last = end, len(chunk.rstrip()) if not matches else matches[-1].end()
    for match in reversed(matches):
        gap = chunk[match.end() : last]
        if gap.strip():
            break
        token = match.group().rstrip(".")
        lowered = token.lower()
        if lowered in _STOPS and lowered not in _PRONOUNS | _POSSESSIVES:
            break
        if any(c.isdigit() for c in token):
            break
        words.insert(0, token)
        first, last = start + match.start(), match.start()
        if lowered in _PRONOUNS or len(words) > 8:
            break
    if not words or all(w.lower() in _NOT_NOUNS | _DETERMINERS for w in words):
        return None
    if words[0].lower() in _DETERMINERS and _PREPOSITION_BEFORE.search(chunk[: first - start]):
        return None  # "familiar with the matter said": the end of a longer phrase
    return words, first


_NOT_NOUNS = _word_set(
    """
    other others many some such these those all any each both several few more most never
    often also already just only still even
    """
)
_PREPOSITION_BEFORE = re.compile(r"\b(?:with|of|on|about|in|to|for|from)\s*$", re.I)


def _capitalised(word: str) -> bool:
    return word[:1].isupper()


def _is_person(words: Sequence[str]) -> bool:
    """Two to four capitalised words at the end, none a title or the name of a body."""
    person = _person(words)
    return (person is not None and len(person) == len(_trailing_capitalised(words))) or bool(
        person and len(person) >= 2
    )


def _trailing_capitalised(words: Sequence[str]) -> list[str]:
    run = 0
    while run < len(words) and _capitalised(words[-1 - run]):
        run += 1
    return list(words[len(words) - run :])


def _person(words: Sequence[str]) -> list[str] | None:
    """The person's name at the end of `words`, after any title: "Labour Minister Tomas
    Berg" -> [Tomas, Berg]; None when the words end with a title or a body's name, or the
    name follows a preposition ("the Bank of England", "FSB of Russia")."""
    run = _trailing_capitalised(words)
    titled = [i for i, w in enumerate(run) if w.lower() in TITLES]
    person = run[titled[-1] + 1 :] if titled else run
    if len(person) > 4:  # "the Russian State Duma Ivan Petrov": a name is two words
        person = person[-2:]
    if not person or person[-1].lower() in _BODIES:
        return None
    before = words[: len(words) - len(person)]
    if before and before[-1].lower() in _PREPOSITIONS | _DETERMINERS:
        return None
    if len(person) == 1 and not titled and not before:
        return None  # one capitalised word alone: a person, a country or a body
    return person


# What "according to" may name that is no speaker: where the figure comes from, not who.
_SOURCES_NOT_SPEAKERS = _word_set(
    """
    data figures estimates estimate statistics information results calculations count
    counts reports report sources source documents records
    """
)
_PREPOSITIONS = _word_set(
    """
    of at for in from on by with to
    """
)
_ROLES = TITLES | {"diplomat", "politician", "source"}


class _Resolver:
    """Turns the words of each attribution into a speaker, keeping what a pronoun or a role
    later in the text stands for."""

    def __init__(self, acronyms: Mapping[str, str]) -> None:
        self.acronyms = acronyms
        self.latest: str | None = None
        self.latest_person: str | None = None
        self.speakers: list[str] = []
        self.surnames: dict[str, str] = {}  # a named person's last name -> the speaker

    def attribution(self, start: int, end: int, words: list[str]) -> Attribution | None:
        name, appositive = _split(words)
        while name and name[0].lower() in _DETERMINERS:
            name = name[1:]
        if not name:
            return None
        lowered = [w.lower() for w in name]
        if len(name) == 1 and lowered[0] in _PRONOUNS:
            # "he" or "she" is the latest person named, or else the latest speaker: "the
            # official, who asked not to be named, said ... he added" speaks of the official.
            named = self.latest_person if lowered[0] in ("he", "she") else None
            stands_for = named or self.latest
            return Attribution(start, end, stands_for, False) if stands_for else None
        if not any(_capitalised(w) for w in name) and lowered[-1] in _SOURCES_NOT_SPEAKERS:
            return None  # "according to preliminary data", "official figures show"
        if lowered[0] in _POSSESSIVES:
            if not any(_capitalised(w) for w in name[1:]):
                return None  # "our data", "his office"
            name = name[1:]
        role = _role(self.speakers, name)
        if role is None and all(w.islower() and w in _ROLES for w in name):
            role = self.latest_person  # "the diplomat said", after a named one
        if role is not None:
            return Attribution(start, end, role, False)
        name = _expanded(name, self.acronyms)
        if len(name) == 1 and name[0] in self.surnames and not appositive:
            speaker, person = self.surnames[name[0]], name  # "Kovac said", after Marta Kovac
        else:
            speaker, person = _speaker(name, appositive)
        self.latest = speaker
        self.speakers.append(speaker)
        if person:
            self.latest_person = speaker
            self.surnames.setdefault(person[-1], speaker)
        return Attribution(start, end, speaker, True)


# A document a speaker put out, named in its place: "according to the ICG report".
_DOCUMENTS = _word_set("report reports study survey statement data figures estimates release")


def _expanded(name: list[str], acronyms: Mapping[str, str]) -> list[str]:
    """The name with an acronym the text introduced written out, and without a document
    word after it ("the ICG report" is International Crisis Group)."""
    if len(name) > 1 and name[-1].lower() in _DOCUMENTS and any(_capitalised(w) for w in name):
        name = name[:-1]
    return [part for word in name for part in acronyms.get(word, word).split()]


def _split(words: list[str]) -> tuple[list[str], list[str]]:
    if "," in words:
        cut = words.index(",")
        return words[:cut], words[cut + 1 :]
    return words, []


def _role(speakers: list[str], name: list[str]) -> str | None:
    """The earlier speaker that a role names ("the minister", "the office", "the Deputy
    Minister"): all its words are titles or bodies, and an earlier speaker holds them."""
    if not all(w.lower() in _ROLES | _BODIES for w in name):
        return None
    words = [w.lower() for w in name]
    for speaker in reversed(speakers):
        held = re.findall(r"[\w’'.&-]+", speaker.lower())
        if all(w in held for w in words):
            return speaker
    return None


def _speaker(name: list[str], appositive: list[str]) -> tuple[str, list[str]]:
    """'Labour Minister Tomas Berg' -> 'Tomas Berg, Labour Minister'; with the person's name,
    if the speaker is a person."""
    person = _person(name)
    words = list(name)
    if person and len(person) < len(name):
        title = name[: len(name) - len(person)]
        # "the newspaper the political scientist X": the title is the last one
        cut = max((i + 1 for i, w in enumerate(title) if w.lower() in _DETERMINERS), default=0)
        if any(w.lower() in TITLES for w in title[:cut]):
            cut = 0
        words = [*person, ",", *title[cut:]]
    while appositive and appositive[0].lower() in _DETERMINERS:
        appositive = appositive[1:]
    if appositive:
        words = [*words, ",", *appositive]
    return " ".join(words).replace(" ,", ","), person or []
