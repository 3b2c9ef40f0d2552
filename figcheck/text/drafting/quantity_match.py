"""Which quantity of the ledger a drafted number counts: the quantities whose label, id and
recorded quotes share the most telling words with the words around the number.

Each quantity is described by the words of its label, its id, its note and the quotes of
its figures; the words around a number are those of its quote (its clause) and, weighted
less, the rest of its sentence. Words are compared in lower case, without common endings
("killed" and "kills" are "kill"), leaving out words that tell nothing ("the", "said").
The score is the cosine of the two weighted word lists, each word weighted by how rare it
is among the quantities (a word every label uses tells nothing): 0 shares nothing, 1 is
the same words. A percentage is matched only with quantities counted in percent, and a
change ("fell by 46%") only with changes.

`suggest_quantity` proposes an id, a label, a unit and a kind for a number that matches no
quantity well, from the words that follow the number ("2,719 Russian citizens" suggests
`russian-citizens`).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction

from figcheck.model import Quantity

# Below this score a quantity is only a candidate, never the draft's quantity.
GOOD_MATCH = 0.2
# What a figure of the quantity with the same telling value adds to its score: a number
# such as 2,719 given again is most likely the same count restated.
RESTATED = 0.25
PERCENT_UNITS = frozenset({"percent", "%", "per cent", "percentage", "percentage points"})


@dataclass(frozen=True, slots=True)
class Candidate:
    quantity: str
    score: float


@dataclass(frozen=True, slots=True)
class NewQuantity:
    """A quantity to define for a number that matches none (`figcheck quantity add`)."""

    id: str
    label: str
    unit: str
    kind: str


_WORD = re.compile(r"[^\W\d_]{3,}")
_ENDINGS = ("ations", "ation", "ings", "ing", "ied", "ies", "ed", "es", "s")


def _word_set(words: str) -> frozenset[str]:
    """The words of a text block, as a set: long word lists read best as prose."""
    return frozenset(words.split())


_STOPWORDS = _word_set(
    """
    the and for that this with from have has had was were are been being their there they
    them than then into onto over under about after before since while which who whom whose
    what when where also not but its his her our your said says told according more less
    most some such other others only just very said says would could should will can may
    might must did does doing done per cent percent number numbers total all any each both
    between among those these here now year years month months day days time times
    """
)


# Irregular forms reports use often, under the word they are a form of.
_IRREGULAR = {
    form: word
    for word, forms in {
        "go": "went gone goes going",
        "leave": "left leaves leaving",
        "flee": "fled flees fleeing",
        "fight": "fought fighter fighters fights fighting",
        "die": "died dead death deaths dies dying",
        "kill": "killed killing kills",
        "hold": "held holds holding",
        "take": "took taken takes taking",
        "fall": "fell fallen falls falling",
        "rise": "rose risen rises rising",
        "grow": "grew grown grows growing growth",
        "send": "sent sends sending",
        "bring": "brought brings bringing",
        "lose": "lost loses losing loss losses",
        "pay": "paid pays paying",
        "sell": "sold sells selling sales",
        "spend": "spent spends spending",
        "win": "won wins winning",
        "build": "built builds building",
        "catch": "caught",
        "keep": "kept keeps keeping",
        "run": "ran runs running",
        "see": "saw seen sees seeing",
        "flow": "flows flowing",
        "child": "children",
        "person": "people persons",
        "man": "men",
        "woman": "women",
    }.items()
    for form in forms.split()
}


def stem(word: str) -> str:
    word = word.lower()
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    for ending in _ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            base = word[: -len(ending)]
            return base + "y" if ending in ("ied", "ies") else base
    return word


def terms(text: str) -> list[str]:
    """The telling words of `text`, stemmed."""
    found = (stem(w) for w in _WORD.findall(text) if w.lower() not in _STOPWORDS)
    return [w for w in found if w not in _STOPWORDS]


class QuantityIndex:
    """The ledger's quantities, described by their words, to rank against a number's."""

    def __init__(
        self,
        quantities: Mapping[str, Quantity],
        quotes: Mapping[str, Sequence[str]],
        values: Mapping[str, Iterable[Fraction]] | None = None,
    ) -> None:
        self.quantities = dict(quantities)
        self.values = {q: frozenset(v) for q, v in (values or {}).items()}
        described: dict[str, Counter[str]] = {}
        for quantity in quantities.values():
            words = Counter(terms(quantity.label))
            words.update(terms(quantity.id.replace("-", " ")))
            for quote in quotes.get(quantity.id, ()):
                words.update(terms(quote))
            described[quantity.id] = words
        documents = len(described) or 1
        frequency: Counter[str] = Counter()
        for words in described.values():
            frequency.update(set(words))
        self.idf = {w: math.log(1 + documents / n) for w, n in frequency.items()}
        self.default_idf = math.log(1 + documents)
        self.vectors = {q: self._weighted(words) for q, words in described.items()}

    def _weighted(self, words: Counter[str]) -> dict[str, float]:
        return {w: (1 + math.log(n)) * self.idf.get(w, self.default_idf) for w, n in words.items()}

    def rank(
        self,
        quote: str,
        sentence: str,
        *,
        percent: bool,
        change: bool,
        value: Fraction | None = None,
        limit: int = 3,
    ) -> list[Candidate]:
        """The best `limit` quantities for a number with this quote in this sentence, best
        first, each with its score; only those that share a word, or that have a figure of
        the same telling value (a restatement: see `_telling`)."""
        context: Counter[str] = Counter()
        for word in terms(quote):
            context[word] += 2
        for word in terms(sentence):
            context[word] += 1
        vector = {w: n * self.idf.get(w, self.default_idf) for w, n in context.items()}
        norm = math.sqrt(sum(v * v for v in vector.values()))
        scored = []
        for quantity_id, weights in self.vectors.items():
            if not self._fits(self.quantities[quantity_id], percent, change):
                continue
            shared = sum(vector[w] * weights[w] for w in vector.keys() & weights.keys())
            restated = _telling(value) and value in self.values.get(quantity_id, ())
            if shared <= 0 and not restated:
                continue
            other = math.sqrt(sum(v * v for v in weights.values()))
            score = (shared / (norm * other) if shared > 0 else 0) + (RESTATED if restated else 0)
            scored.append(Candidate(quantity_id, round(min(score, 1.0), 2)))
        scored.sort(key=lambda c: (-c.score, c.quantity))
        return scored[:limit]

    @staticmethod
    def _fits(quantity: Quantity, percent: bool, change: bool) -> bool:
        if change:
            return quantity.kind == "change"
        if quantity.unit.lower() in PERCENT_UNITS:
            return percent and quantity.kind != "change"
        return not percent


def _telling(value: Fraction | None) -> bool:
    """A value that tells a count apart: 100 or more, with two significant digits or more
    (2,719, 160, 2,900; not 4, not 2,000)."""
    if value is None or value < 100 or value.denominator != 1:
        return False
    return len(str(value.numerator).rstrip("0")) >= 2


_ID_WORD = re.compile(r"[a-z0-9]+")
# Where the words about a number end: a clause's punctuation, a closing quotation mark (an
# attribution follows: `500 of them have come back," the official said`), a dash between
# spaces, a full stop before a space or the end, unless it ends an initial ("U.S. dollars").
_CLAUSE_END = re.compile(r"[,;:!?\"“”()\[\]]|(?<!\b[A-Z])\.(?=\s|$)|\s[—–-]\s")
_FUNCTION_WORDS = _STOPWORDS | _word_set("of in on at to by a an")


def suggest_quantity(
    following: str,
    preceding: str,
    existing: Iterable[str],
    *,
    percent: bool,
    change: bool,
    running: bool,
) -> NewQuantity:
    """A new quantity for a number that matches none: its id and label from the words that
    follow the number in its clause ("2,719 Russian citizens went to Syria"), or, when none
    follow, those before it; percent for a percentage, a change for a rise or fall, and a
    running total (`cumulative`) where the text counts since a date."""
    following = _CLAUSE_END.split(following, maxsplit=1)[0]
    preceding = _CLAUSE_END.split(preceding)[-1]
    words = following.split()[:8] or preceding.split()[-8:]
    label = " ".join(words).strip(" ,;:.\"“”'’") or "what the number counts"
    telling = [w for w in _ID_WORD.findall(label.lower()) if w not in _FUNCTION_WORDS][:4]
    base = "-".join(telling) or "quantity"
    if change:
        base += "-change"
    taken = set(existing)
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    kind = "change" if change else "cumulative" if running else "stock"
    return NewQuantity(
        candidate, label[:1].upper() + label[1:], _unit(telling, percent or change), kind
    )


# Nouns that count people: their unit is `people`.
_PEOPLE = _word_set(
    """
    people persons citizens residents nationals fighters militants soldiers troops recruits
    volunteers members civilians victims refugees migrants children women men workers
    prisoners detainees suspects students patients voters officials
    """
)


def _unit(telling: Sequence[str], percent: bool) -> str:
    """The unit of a new quantity: percent, people, the first plural noun counted, or
    `count` (a word that is not a plural noun is as likely a verb: "150 had been killed")."""
    if percent:
        return "percent"
    plurals = [w for w in telling if w in _PEOPLE or (len(w) > 2 and w.endswith("s"))]
    if not plurals:
        return "count"
    return "people" if plurals[0] in _PEOPLE else plurals[0]
