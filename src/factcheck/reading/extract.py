"""What a sentence asserts: dates at their precision, numbers, negation, tense, and the
subject-relation-object assertions the ledger's vocabulary can express."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass, field

from ..diagnostics import Location
from ..model import Assertion, PartialDate
from .text import Token, fold, tokens
from .vocabulary import Mention, Vocabulary

_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
_MONTHS["sept"] = 9
_MONTH = "(" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(1[5-9]\d\d|2[01]\d\d)"
_DATE_PATTERNS = [  # (pattern, group order: which groups are year, month, day)
    (re.compile(rf"\b{_YEAR}-(\d{{2}})-(\d{{2}})\b"), "ymd"),
    (re.compile(rf"\b{_DAY}(?:\s+of)?\s+{_MONTH},?\s+{_YEAR}\b"), "dmy"),
    (re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b"), "mdy"),
    (re.compile(rf"\b{_MONTH},?\s+{_YEAR}\b"), "my"),
    (re.compile(rf"\b{_YEAR}\b"), "y"),
]
_WORD_RE = re.compile(r"[a-z0-9]+")
_NUMBER = re.compile(r"(?<![\w.-])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?![\w-])")
_NEGATIONS = frozenset({"not", "never", "no", "neither", "nor", "nobody", "none"})
_MODALS = frozenset({"will", "would", "could", "may", "might", "shall", "should", "can"})
_FUTURE_PHRASES = ("going to", "plans to", "is to", "are to", "expected to", "set to", "about to")
_PASSIVE = frozenset({"by"})
_CLAUSE_WORDS = frozenset({"until", "while", "whereas", "but", "because", "although", "though", "unless"})
_COPULAS = frozenset({"is", "was", "were", "are", "been", "became", "becomes", "remains", "remained", "as"})


@dataclass(frozen=True)
class DateMention:
    date: PartialDate
    position: int  # the index of the word the date stands before
    bound: str | None = None  # "after", "before" or "since" when the sentence says so


@dataclass
class Reading:
    """Everything extracted from one sentence."""

    text: str
    words: list[Token]
    entities: list[Mention]
    relations: list[Mention]
    date_mentions: list[DateMention] = field(default_factory=list)
    numbers: list[float] = field(default_factory=list)
    future: bool = False

    @property
    def dates(self) -> list[PartialDate]:
        return [m.date for m in self.date_mentions]

    def date_for(self, relation: Mention) -> DateMention | None:
        """The date that goes with a verb: the nearest after it, else the nearest before it, with
        no other verb in between ("joined the Pact in 1961 and ratified the Accord in 1998")."""
        verbs = {m.first for m in self.relations if m.first != relation.first}

        def clear(a: int, b: int) -> bool:
            return not any(a < v < b for v in verbs)

        after = [m for m in self.date_mentions if m.position > relation.last and clear(relation.last, m.position)]
        if after:
            return after[0]
        before = [m for m in self.date_mentions if m.position <= relation.first and clear(m.position, relation.first)]
        return before[-1] if before else None

    @property
    def any_negation(self) -> bool:
        return any(w.word in _NEGATIONS for w in self.words)

    def negation_between(self, first: str, second: str) -> bool:
        """A negation between two named parties: "Ukraine is not a NATO member"."""
        spans = {m.target: m for m in self.entities}
        if first not in spans or second not in spans:
            return False
        a, b = sorted((spans[first], spans[second]), key=lambda m: m.first)
        return any(w.word in _NEGATIONS for w in self.words[a.last + 1: b.first])

    @property
    def date(self) -> PartialDate | None:
        """The sentence's date: the most precise one it gives."""
        return max(self.dates, key=lambda d: (d.day is not None, d.month is not None), default=None)


def find_dates(text: str) -> tuple[list[DateMention], str]:
    """Dates at the precision written, where they stand, and the text with them blanked out."""
    folded = fold(text)
    original = folded
    found: list[DateMention] = []
    for pattern, order in _DATE_PATTERNS:
        for match in pattern.finditer(folded):
            date = _date(match.groups(), order)
            if date is not None:
                before = _WORD_RE.findall(original[: match.start()])
                bound = before[-1] if before and before[-1] in ("after", "before", "since") else None
                found.append(DateMention(date, len(before), bound))
                folded = folded[: match.start()] + " " * (match.end() - match.start()) + folded[match.end():]
    return sorted(found, key=lambda m: m.position), folded


def _date(groups: tuple[str, ...], order: str) -> PartialDate | None:
    parts = dict(zip(order, groups, strict=True))
    month = parts.get("m")
    month_number = int(month) if month and month.isdigit() else _MONTHS.get(month.rstrip(".")) if month else None
    try:
        day = int(parts["d"]) if "d" in parts else None
        date = PartialDate(int(parts["y"]), month_number, day)
        dt.date(date.year, date.month or 1, date.day or 1)
    except (ValueError, KeyError):
        return None
    return date


def read(text: str, vocabulary: Vocabulary) -> Reading:
    dates, rest = find_dates(text)
    numbers = [float(n.replace(",", "")) for n in _NUMBER.findall(rest)]
    words = tokens(text)
    entities, taken = vocabulary.entity_mentions(words)
    relations = vocabulary.relation_mentions(words, taken)
    reading = Reading(text=text, words=words, entities=entities, relations=relations, date_mentions=dates,
                      numbers=numbers)
    reading.future = any(_governed(reading, r, _MODALS) for r in relations) or any(
        p in " ".join(w.word for w in words) for p in _FUTURE_PHRASES)
    return reading


def _governed(reading: Reading, relation: Mention, words: frozenset[str]) -> bool:
    """One of `words` stands just before the verb ("did not visit", "will visit", "is not a NATO
    member"), with no party named in between but a name used as a modifier of the verb itself."""
    named = {i for m in reading.entities for i in range(m.first, m.last + 1)}
    start = relation.first - 1
    while start in named:  # "a NATO member": the name is part of the phrase
        start -= 1
    for index in range(start, max(start - 4, -1), -1):
        if index in named:
            return False
        if reading.words[index].word in words:
            return True
    return False


def negated(reading: Reading, relation: Mention) -> bool:
    return _governed(reading, relation, _NEGATIONS)


def candidate_assertions(reading: Reading) -> list[Assertion]:
    """Every assertion the sentence may make, most likely first: for each relation word, the
    entities before it as the subject and after it as the object, and the reverse for the
    passive ("signed by Putin")."""
    where = Location("<text>")
    value = reading.numbers[0] if reading.numbers else None
    found: list[Assertion] = []
    for relation in reading.relations:
        when = reading.date_for(relation)
        dates = {"date": when.date if when and when.bound in (None, "since") else None,
                 "after": when.date if when and when.bound == "after" else None,
                 "before": when.date if when and when.bound == "before" else None}
        change = "start" if when and when.bound == "since" and relation.change is None else relation.change
        # a verb's parties stand within its clause: "..., until the Astana talks started"
        opening = max((i for i in range(relation.first) if reading.words[i].word in _CLAUSE_WORDS), default=-1)
        closing = min((i for i in range(relation.last + 1, len(reading.words))
                       if reading.words[i].word in _CLAUSE_WORDS), default=len(reading.words))
        before = [m for m in reading.entities if opening < m.first and m.last < relation.first]
        after = [m for m in reading.entities if relation.last < m.first and m.last < closing]
        passive = any(w.word in _PASSIVE for w in reading.words[relation.last + 1: relation.last + 3])
        options = []
        if before:
            target = after[0].target if after else None
            options.append((_joint(before, reading.words), target))
            # the nearest party first, then earlier ones: "the coup attempt in Turkey took place"
            options.extend((frozenset({m.target}), target) for m in reversed(before))
        if passive and before and after:
            options.insert(0, (frozenset({after[0].target}), before[-1].target))
        if not before and len(after) >= 2:  # "Did Turkey leave NATO", "In 2023, Turkey left NATO"
            options.append((frozenset({after[0].target}), after[1].target))
        if len(before) >= 2 and _modifies(reading, before[-1], relation):  # "Turkey is a NATO member"
            options.insert(0, (frozenset({before[-2].target}), before[-1].target))
        if len(before) >= 2 and not after:  # "NATO, which Turkey joined"; "Shoigu, the minister, was replaced"
            options.append((frozenset({before[-1].target}), before[-2].target))
            options.extend((frozenset({a.target}), b.target)
                           for i, a in enumerate(before) for b in before[i + 1:] if a.target != b.target)
        if before:  # a farther object: "shot down a Russian Su-24" (Russian names the jet's owner)
            options.extend((subject, m.target) for m in after[1:] for subject in (_joint(before, reading.words),))
        if before and not after:  # "Erdogan and Putin met": a pair acting on each other
            pair = sorted(_joint(before, reading.words))
            if len(pair) == 2:
                options.append((frozenset({pair[0]}), pair[1]))
                options.append((frozenset({pair[1]}), pair[0]))
        partners = _partners(reading, after[0] if after else None)
        if partners and options:  # "signed the agreement with Ankara": Ankara signed it too
            options.append((options[0][0] | partners, options[0][1]))
        for subject, obj in options:
            if obj in subject:
                obj = None
            found.append(Assertion(subject, relation.target, where, object=obj, value=value,
                                   change=change, negated=negated(reading, relation), **dates))
    return list(dict.fromkeys(found))


def _modifies(reading: Reading, mention: Mention, relation: Mention) -> bool:
    """A name directly before the verb, or before it with a possessive: "NATO member",
    "Russia's largest trading partner"."""
    gap = [w.word for w in reading.words[mention.last + 1: relation.first]]
    return gap in ([], ["s"])


def _partners(reading: Reading, obj: Mention | None) -> frozenset[str]:
    """Entities introduced by "with" after the object: parties acting with the subject."""
    if obj is None:
        return frozenset()
    found = set()
    for mention in reading.entities:
        if mention.first > obj.last and reading.words[mention.first - 1].word == "with":
            found.add(mention.target)
    return frozenset(found)


def linked_pairs(reading: Reading) -> list[tuple[str, str]]:
    """Entity pairs joined by a copula with no verb of the ledger's: "Shoigu was Russia's defence
    minister", "Turkey remains a NATO member" read as some relation between the two."""
    pairs = []
    for i, first in enumerate(reading.entities):
        for second in reading.entities[i + 1:]:
            between = {w.word for w in reading.words[first.last + 1: second.first]}
            if between & _COPULAS and first.target != second.target:
                pairs.append((first.target, second.target))
    return pairs


def _joint(mentions: list[Mention], words: list[Token]) -> frozenset[str]:
    """The entities just before a verb, joined by "and", "&" or commas, as one subject."""
    joint = [mentions[-1]]
    for earlier in reversed(mentions[:-1]):
        between = {w.word for w in words[earlier.last + 1: joint[-1].first]}
        if between <= {"and", "together", "with"} and between or not between:
            joint.append(earlier)
        else:
            break
    return frozenset(m.target for m in joint)
