"""The whole sentence accounted for: every part that makes a checkable statement is either covered
by a judged reading or reported as not checked, with its words and why.

Parts: each relation word of the ledger's, each named party, date, number and negation, and the
words the ledger has no vocabulary for but that say something checkable: a verb or an event
the ledger does not know ("attacked", "plans to invade"), a name it does not know ("St.
Petersburg", "Greece"), a temporal clause ("after the coup attempt"), a superlative or rank
("largest", "first"). Whether a word can be a verb comes from a general English lexicon.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

from ..model import Unchecked
from . import lexicon, nominal
from .candidates import AS_VERBS, IMPLICATIVE, Candidate, event_verb_after, joining_words, support_verb, unasserted
from .extract import (
    CURRENCY_WORDS,
    NEGATIONS,
    RANKS,
    NumberMention,
    Reading,
    counts_of_time,
    currency_prefix,
    currency_stem,
    hedge_words,
    is_difference,
    number_start,
    scale_of,
    time_subject_verb,
    title_case,
)
from .text import SCALES, STOPWORDS, Token, is_share, mixed_script, normalise, tokens
from .vocabulary import MAX_SENSES, Mention


@dataclass(frozen=True)
class Statement:
    """A supporting fact's statement as the account compares with it: its words (stems, between
    spaces) and the parties it names, each with the preposition before it (or None)."""

    stems: str
    parties: frozenset[tuple[str | None, str]]

    @classmethod
    def of(cls, words: list[Token], entities: Iterable[Mention]) -> Statement:
        return cls(" " + " ".join(w.stem for w in words) + " ",
                   frozenset((_preposition_before(words, m.first), m.target) for m in entities))


def _preposition_before(words: Sequence[Token], index: int) -> str | None:
    """"of the transit authority": the preposition before a name, past an article."""
    while index and words[index - 1].word in ("the", "a", "an"):
        index -= 1
    return words[index - 1].word if index and words[index - 1].word in _PREPOSITIONS else None


Carried = tuple[Statement, ...] | None
NAME = "a name the ledger does not know"
DETAIL = "a detail the facts do not carry"
RANK = "a rank or superlative the facts do not weigh"
PREDICATE = "a predicate the ledger has no facts for"
ATTRIBUTION = "an attribution: that it was said is not checked"
UNIT = "a unit the facts do not carry"
TIME = "a time the reader does not check"
RELATIVE = "a date said from another that the sentence does not give once"
UNKNOWN = "a word the reader does not know"
OWNED = "a party's own thing or person, which the facts do not name"
HEAD = "a party the name only describes"
APPOSED = "a description in apposition the facts do not carry"
_SAYABLE = frozenset({NAME, RANK, UNIT, TIME, DETAIL, UNKNOWN, OWNED, HEAD, APPOSED})
"""Parts that a supporting fact's own statement can carry, when it says them in the same words."""
_PREPOSITIONS = frozenset({"on", "by", "with", "without", "as", "at", "under", "despite", "against", "via", "for", "of",
                           "amid", "over", "in", "through", "during", "within", "per", "alongside", "beside",
                           "besides", "unlike", "like", "toward", "towards", "into", "onto", "among", "amongst",
                           "behind", "beyond", "across", "versus", "except", "excluding"})
"""Prepositions whose noun adds a circumstance ("on schedule", "by a single vote", "in a
landslide") or a party in a role of its own ("alongside the YPG", "unlike Ukraine"): a
checkable detail unless the facts' own statements name it after the same preposition."""
PRONOUNS = frozenset({"it", "they", "he", "she", "we", "i", "you", "them", "him", "us", "one"})
_SUBORDINATE = frozenset({"after", "before", "during", "following", "until", "till", "when", "while", "since",
                          "amid", "upon", "once", "because", "although", "though", "unless", "whereas", "whilst"})
_EXCLUSIVE = frozenset({"alone", "solely", "exclusively", "singlehandedly", "unaided", "unilaterally"})
"""Words that say a party acted without others ("Putin alone inaugurated it"): a fact naming one
party does not say that no other took part."""
_WHEN_OR_HOW_OFTEN = frozenset({"former", "ex", "erstwhile", "onetime", "outgoing", "incoming", "future",
                                "twice", "thrice", "again", "anew", "repeatedly", "often", "frequently",
                                "sometimes", "occasionally", "rarely", "seldom", "usually", "always", "daily",
                                "weekly", "monthly", "yearly", "annually", "throughout"})
"""Words that move a statement in time or count its occasions ("a former member", "bought it
twice"): the facts' dates do not weigh them, so they are never passed over."""
_TIMES = frozenset({
    "year", "years", "decade", "decades", "century", "centuries", "month", "months", "week", "weeks", "day", "days",
    "hour", "hours", "yesterday", "tomorrow", "tonight", "ago", "recently", "lately", "morning", "afternoon",
    "evening", "night", "midnight", "noon", "am", "pm", "spring", "summer", "autumn", "winter",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "weekend", "christmas", "easter",
    "overnight", "dawn", "dusk", "daybreak", "nightfall", "midday",
})
"""Words of time outside every date the reader reads ("in the 1960s", "this year", "at 3am",
"on Tuesday"): the time they give is not checked."""
_TIME_SIDES = frozenset({"later", "earlier", "ago", "before", "after"})
"""Words after a time that say which side of another it lies ("months later")."""
_AGAINST_SCHEDULE = frozenset({"late", "early", "ahead", "overdue"})
"""Words after a span of time that say when against a plan ("eleven months late")."""
_HEDGES = frozenset({"almost", "nearly", "barely", "hardly", "scarcely", "virtually", "practically", "effectively",
                     "allegedly", "supposedly", "purportedly", "apparently", "seemingly", "partly", "partially",
                     "narrowly", "perhaps", "maybe", "likely", "unlikely", "probably", "possibly", "presumably"})
"""Words that weaken or qualify what the verb says ("almost signed"): the facts do not weigh them."""
_VAGUE_QUANTITIES = frozenset({"several", "few", "couple", "handful", "pair", "dozen", "dozens", "hundreds",
                               "thousands", "millions", "billions", "scores", "numerous", "countless"})
"""Words that count without a figure ("several S-400 systems", "dozens of members"): not
checked, as a figure would be. "a dozen", "half a dozen" and "two dozen" are figures (text.py)."""
_TIMING_OR_FORM = frozenset({"finally", "eventually", "ultimately", "officially", "formally"})
"""Adverbs that say only that what the verb says came at the end of a wait ("finally opened",
"eventually joined") or in due form ("formally annexed", "officially opened"): they take the
verb's statement as given and add nothing a fact could contradict, so they are passed over
while the verb, its date, its parties and any denial are checked as ever. Not these: "briefly",
"temporarily", "initially", "originally" (it ended or changed), "belatedly", "quickly",
"immediately" (a time against another), "unanimously", "secretly" (a manner a fact could deny):
those stay not checked."""
_TIME_SHAPE = re.compile(r"\d{2,4}s|\d+(?:st|nd|rd|th)|\d{1,2}(?:am|pm|h)")
"""A decade ("1960s"), an ordinal ("20th" century) or a clock time ("3am")."""
_GLUE = frozenset({
    "not", "also", "which", "who", "whom", "whose", "what", "where", "why", "how", "there", "here", "if", "whether",
    "itself", "themselves", "himself", "herself", "ourselves", "myself", "yourself",
    "lest", "instead",
    "including", "regarding", "concerning", "despite", "between", "among", "against", "across",
    "through", "within", "without", "per", "via", "both", "all", "any", "some", "other",
    "another", "own", "same", "did", "does", "do", "done", "will", "would", "shall", "should", "can",
    "could", "may", "might", "must", "up", "down", "out", "off", "too", "very", "just",
    "together", "jointly", "reportedly", "mr", "mrs", "ms", "dr",
    "still", "now", "today", "currently", "presently", "near", "around", "toward", "towards", "along",
    "behind", "beside", "beyond", "onto", "even", "already", "yet",
})
"""Grammar words that make no statement of their own."""
_DETERMINERS = frozenset({"the", "a", "an", "its", "their", "his", "her", "our", "s", "of", "this", "these",
                          "those"})
_VERB_BEFORE = frozenset({"and", "but", "also", "then", "which", "who", "that", "not", "never", "to", "will",
                          "would", "could", "can", "may", "might", "should", "did", "does", "do", "has",
                          "have", "had", "it", "they", "he", "she", "we", "later", "soon", "once"})
_COPULAS = frozenset({"is", "was", "are", "were", "be", "been", "being", "remain", "remains", "remained",
                      "become", "becomes", "became", "stay", "stays", "stayed", "seem", "seems", "seemed"})
_OBJECT_AFTER = frozenset({"to", "the", "a", "an", "its", "their", "his", "her", "it", "them", "him", "that"})


_RANKED_MODIFIERS = 2
"""Words that may stand between a rank and the noun it ranks in a statement that carries it."""
_PHRASE_ENDS = "(?:" + "|".join(map(re.escape, sorted(STOPWORDS - {"s"}))) + ")"
"""Words that end a noun phrase before its noun could come: no modifiers of it."""


class _Said(Protocol):
    """Whether words of the sentence stand in a supporting fact's statement (see _said_by)."""

    def __call__(self, first: int, last: int, links: frozenset[str] = ..., modifiers: int = ...,
                 unbounded: bool = ...) -> bool: ...


Part = tuple[int, int, str]
"""A part not checked: its first and last word, and why."""


def unchecked_parts(reading: Reading, chosen: Iterable[Candidate], carried: Carried = None,
                    links: Iterable[int] = ()) -> list[Unchecked]:
    """The parts of the sentence no chosen reading covers, in the order they stand. `carried`
    are the words of the statements of the facts that support the chosen readings:
    a place or party those statements name is checked with them ("met in St Petersburg" when the
    fact says so); `links` are the link words in time the engine judges (see links.py). Each
    kind of part is looked at in turn; the words each step looks at are `claimed`, so that the
    next steps and the words outside every mention pass over them."""
    said = _said_by(reading, carried or ())
    covered: set[int] = set(links)
    for candidate in chosen:
        covered |= candidate.covers
    claimed: set[int] = set(covered)
    statements = carried or ()
    parts = [*_unread_relations(reading, covered, claimed, said),
             *_unread_parties(reading, covered, claimed, said, statements),
             *_unread_dates(reading, covered, claimed), *_unread_numbers(reading, covered, claimed, said, statements),
             *_ambiguous_names(reading, claimed)]
    parts.extend(_phrase_of_earlier_verb(reading, list(chosen), claimed, said))
    parts.extend(_cause_links(reading, covered, claimed, said))
    parts.extend(_value_modifiers(reading, covered, claimed, said))
    parts.extend(p for p in _unread_words(reading, claimed) if not _carried(reading, p, said, covered))
    return [Unchecked(reading.span_text(first, last), reading.words[first].start, reading.words[last].end, why)
            for first, last, why in sorted(set(parts))]


def _carried(reading: Reading, part: Part, said: _Said, covered: set[int]) -> bool:
    """Whether a supporting statement says the part in the same words; an attribution with the
    word after it ("confirmed on"), or alone before the checked event noun it reports ("announced
    the formation of" where the statement says "announced"); a rank before a name or a relation
    word with that word and the one after it ("the first NATO member to do so" is not carried by
    "the first components" of another fact, "the first meeting between them" not by "their first
    meeting since the downing of the jet"), and any other with the word after it ("the first
    country to receive" is not carried by "the first S-400 components"); a role after "as" by
    the same words anywhere in the statement (see _after_as)."""
    first, last, why = part
    if why == ATTRIBUTION:  # "was confirmed on 12 September 2017" where the statement says so
        first = _speaker(reading, first)
        if _reports_event(reading, last, covered):
            return said(first, last)
        return last + 1 < len(reading.words) and said(first, _source_end(reading, last))
    if why == PREDICATE and first > 0 and reading.words[first - 1].word in _PREPOSITIONS | {"to"}:
        return said(first, last, _PREPOSITIONS | {"to"})  # "opened to traffic", as the statement says
    if why not in _SAYABLE:
        return False
    if why == TIME:  # with the word that says which ("eleven months", not "this month", "months later")
        words = reading.words
        after = last + 1 if last + 1 < len(words) and words[last + 1].word in _TIME_SIDES else last
        return said(max(first - 1, 0), after)
    if why == DETAIL and _after_as(reading, first):
        return said(first, last, frozenset())  # "sat in the Federation Council as a senator"
    if why == NAME and _joined_to_checked(reading, first, last, covered):
        return False  # "the authority and Corvane ordered": Corvane is said to have ordered too
    if why == RANK:
        first = _rank_scope(reading, first)
        dated = _date_in_phrase(reading, last)
        if dated is not None:  # "their first meeting since 2010" is not "since the downing of the jet"
            return said(first, dated)
    if why == RANK and (last + 1 in reading.named or last + 1 in reading_relation_starts(reading)):
        # with the word after the noun too: "the first meeting since the downing of the jet"
        # carries no "first meeting between" them
        whole = _phrase_end(reading, last, before_dates=True)
        bounded = said(first, whole) and not said(first, whole, unbounded=True)
        return said(first, min(last + 2, len(reading.words) - 1)) and not bounded
    if why == RANK:  # with the word it ranks: "the first components" carries no "first country"
        return said(first, min(last + 1, len(reading.words) - 1), modifiers=_RANKED_MODIFIERS)
    return said(first, last)


def _rank_scope(reading: Reading, first: int) -> int:
    """Where a rank's scope begins: the possessive before it, which says among what it ranks
    ("the city's oldest bus garage" is not "the country's oldest")."""
    words = reading.words
    if first < 2 or words[first - 1].word != "s":
        return first
    owner = next((m for m in reading.entities if m.last == first - 2), None)
    return owner.first if owner is not None else first - 2


def _phrase_end(reading: Reading, index: int, before_dates: bool = False) -> int:
    """The last word of the phrase that runs on from the word to the next punctuation; with
    `before_dates`, also to the next date or the preposition before it."""
    words = reading.words
    starts = {d.first for d in reading.date_mentions} if before_dates else set()
    end = index
    while end + 1 < len(words) and end not in reading.breaks and end + 1 not in starts and \
            not (end + 2 in starts and words[end + 1].word in _PREPOSITIONS) and \
            not any(mark in reading.text[words[end].end:words[end + 1].start] for mark in ",;:()"):
        end += 1
    return end


def _date_in_phrase(reading: Reading, index: int) -> int | None:
    """The last word of the last date after "since" in the phrase that runs on from the word to
    the next punctuation ("first tour of the kingdom since 1990"), if one stands there: it says
    since when the rank holds."""
    end = _phrase_end(reading, index)
    return max((d.last for d in reading.date_mentions if index < d.first and d.last <= end
                and reading.words[d.first - 1].word == "since"), default=None)


_SOURCE_REACH = 8
"""How many words the source of "according to" may take ("the city's final account of 2022")."""


def _speaker(reading: Reading, index: int) -> int:
    """Where the attribution starts with its speaker: a common noun right before the word of saying
    ("officials said"), which a statement must say too ("Rostec said" does not carry it)."""
    before = index - 1
    if before < 0 or before in reading.named or _pronoun(reading.words[before]):
        return index
    return before if "N" in lexicon.word_classes(reading.words[before].word) else index


def _source_end(reading: Reading, index: int) -> int:
    """The last word of what a word of saying ends with: its source after "according to", up to
    the next punctuation ("according to the city's final account"), else the word after it
    ("confirmed on"): a statement carries the attribution only with the same source."""
    words = reading.words
    if words[index].word != "according" or index + 1 >= len(words) or words[index + 1].word != "to":
        return index + 1
    end = index + 1
    while end + 1 < len(words) and end - index < _SOURCE_REACH and end not in reading.breaks and \
            not any(mark in reading.text[words[end].end:words[end + 1].start] for mark in ",;:()"):
        end += 1
    return end


def _after_as(reading: Reading, index: int) -> bool:
    """A role after "as", past an article ("sat in the Federation Council as a senator"): it says
    what the party was while the statement held, which a supporting statement that names the
    same role, in any place ("a member of the Federation Council (senator for Perm Krai)"),
    carries."""
    while index and reading.words[index - 1].word in ("a", "an", "the"):
        index -= 1
    return index > 0 and reading.words[index - 1].word == "as"


def _said_by(reading: Reading, statements: tuple[Statement, ...]) -> _Said:
    """Whether the words from `first` to `last` (with a preposition before them, past an article:
    "without the UN" is not said by "Turkey and the UN brokered") stand in one of the supporting
    facts' statements: they are checked with that fact. Up to `modifiers` words that are no
    function words may stand before the last one in the statement when the sentence says them
    elsewhere ("the first components of the S-400" is said by "the first S-400 components"; "the
    oldest garage" is not said by "the oldest bus garage", which says less)."""
    def said(first: int, last: int, links: frozenset[str] = _PREPOSITIONS, modifiers: int = 0,
             unbounded: bool = False) -> bool:
        start = first
        while start and reading.words[start - 1].word in ("the", "a", "an"):
            start -= 1
        start = start - 1 if start and reading.words[start - 1].word in links else first
        stems = [w.stem for w in reading.words[start: last + 1]]
        phrase = " " + " ".join(stems) + " "
        if unbounded:  # "his first tour" is not said by "his first tour since his coronation"
            found = re.compile(re.escape(phrase) + r"(?!since )")
            if any(found.search(statement.stems) for statement in statements):
                return True
        elif any(phrase in statement.stems for statement in statements):
            return True
        if not modifiers or len(stems) < 2:
            return False
        between = re.compile(" " + re.escape(" ".join(stems[:-1])) + f" ((?:(?!{_PHRASE_ENDS} )\\S+ ){{1,{modifiers}}})"
                             + re.escape(stems[-1]) + " ")
        written = {w.stem for w in reading.words}
        return any(set(found.group(1).split()) <= written
                   for statement in statements for found in between.finditer(statement.stems))

    return said


def _named_by(reading: Reading, statements: tuple[Statement, ...], mention: Mention) -> bool:
    """Whether a supporting statement names the same party after the same preposition, by
    whichever of its names ("of the transit authority" where the statement says "of the Kestrel
    Valley Transit Authority"). Only a name written whole after a preposition: a bare party
    may belong to another clause, and a name found in scattered words carries words between."""
    preposition = _preposition_before(reading.words, mention.first)
    if preposition is None or mention.scattered:
        return False
    return any((preposition, mention.target) in statement.parties for statement in statements)


def _bare_as_said(reading: Reading, statements: tuple[Statement, ...], mention: Mention) -> bool:
    """A party with no preposition before it and no noun after it (a subject or an object, as in
    "..., and so did Ukraine") is not carried by a statement that names it only after a
    preposition ("the territorial integrity of Ukraine"); a party after a preposition is `said`
    with it, and one that modifies a noun ("CAATSA sanctions") is left to the statement's words."""
    words = reading.words
    if mention.scattered or (mention.first and words[mention.first - 1].word in _PREPOSITIONS | _NUMBER_LINKS):
        return True
    following = mention.last + 1
    if following < len(words) and "N" in lexicon.word_classes(words[following].word) and \
            not reading.text[words[mention.last].end:words[following].start].strip():
        return True
    named_as = {preposition for statement in statements for preposition, target in statement.parties
                if target == mention.target}
    return not named_as or None in named_as


def _with_preposition(reading: Reading, index: int, links: frozenset[str]) -> bool:
    return index > 0 and reading.words[index - 1].word in links


_NUMBER_LINKS = _PREPOSITIONS | {"to", "from"}
"""Words that tie a number to what it counts as plainly as a preposition does ("100 votes to 11")."""


def _unread_relations(reading: Reading, covered: set[int], claimed: set[int], said: _Said) -> list[Part]:
    """The ledger's relation words no chosen reading took, unless another relation word over the
    same words was read, or the word only lends its place to a checked event noun, or says it
    happened, or reports it as a supporting statement does ("announced the formation")."""
    parts = []
    for mention in reading.relations:
        words = set(range(mention.first, mention.last + 1))
        reported = lexicon.verb_lemma(reading.words[mention.first].word) in lexicon.ATTRIBUTION_VERBS and \
            _reports_event(reading, mention.last, covered) and said(mention.first, mention.last)
        if not words & covered and not words & claimed and not _lends_place(reading, mention, covered) \
                and not _says_it_happened(reading, mention, covered) and not reported:
            why = unasserted(reading, mention) or _why_unread(reading, mention.first)
            parts.append((mention.first, mention.last, why))
        claimed |= words
    return parts


def _unread_parties(reading: Reading, covered: set[int], claimed: set[int], said: _Said,
                    statements: tuple[Statement, ...]) -> list[Part]:
    """Named parties no chosen reading took and no supporting statement names; a party joined by
    "and" to one a chosen reading took is said to do the same, which a statement naming it in
    another role does not carry ("Turkey and Russia brokered the grain deal" where the statement
    says "Turkey ... brokered the ... Initiative between Russia and Ukraine")."""
    parts = []
    for mention in reading.entities:
        words = set(range(mention.first, mention.last + 1))
        if not words & covered and (_joined_to_checked(reading, mention.first, mention.last, covered) or (
                not (said(mention.first, mention.last) and _bare_as_said(reading, statements, mention))
                and not _named_by(reading, statements, mention))):
            pronoun = _pronoun(reading.words[mention.first])
            parts.append((mention.first, mention.last, "a pronoun for a party in no checked statement" if pronoun
                          else "a named party in no checked statement"))
        claimed |= words
    return parts


_JOINING = frozenset({"and", "&"})


def _joined_to_checked(reading: Reading, first: int, last: int, covered: set[int],
                       passed: frozenset[tuple[int, int]] = frozenset()) -> bool:
    """Whether a party next to the words from `first` to `last`, joined by "and", "&" or a comma
    alone (an article may follow), is one a chosen reading took, or is itself joined so to one:
    "Turkey and Russia", "Russia, Turkey and the UN"."""
    passed = passed | {(first, last)}
    for other in reading.entities:
        if (other.first, other.last) in passed:
            continue
        left, right = ((other.last, first) if other.last < first else (last, other.first))
        if right <= left:
            continue
        between = joining_words(reading.words[left + 1: right])
        gap = reading.text[reading.words[left].end: reading.words[right].start]
        if not (between <= _JOINING and (between or gap.strip() == ",")):
            continue
        if set(range(other.first, other.last + 1)) <= covered or \
                _joined_to_checked(reading, other.first, other.last, covered, passed):
            return True
    return False


_ATTACHING = frozenset({"for", "from", "with", "against", "over", "towards", "toward"})
"""Prepositions whose party says what it is to the statement before them ("ordered trams for
the Northline", "bought it from Russia")."""


def _phrase_of_earlier_verb(reading: Reading, chosen: list[Candidate], claimed: set[int],
                            said: _Said) -> list[Part]:
    """A party after a preposition of an earlier checked statement that only a later reading
    took, as the subject of its own clause: "ordered 38 trams in June 2017 for the Northline,
    which opened in 2019" checks the opening, not that the trams were for the Northline; the
    preposition is reported unless a supporting statement says it with the party."""
    parts = []
    for mention in reading.entities:
        index = mention.first - 1
        while index >= 0 and reading.words[index].word in ("the", "a", "an"):
            index -= 1
        if index < 0 or reading.words[index].word not in _ATTACHING or index in claimed:
            continue
        holders = [c for c in chosen if mention.first in c.covers]
        earlier = [c for c in chosen if c.relation.last < index and mention.first not in c.covers]
        if holders and earlier and all(c.relation.first > mention.last for c in holders) and \
                not said(index, mention.last, frozenset()):
            parts.append((index, index, "what the party after it is to the statement before, which the facts "
                          "do not carry"))
            claimed.add(index)
    return parts


def _unread_dates(reading: Reading, covered: set[int], claimed: set[int]) -> list[Part]:
    """Dates no chosen reading took whole (a reading that took a word of one, "end", did not take
    the date), and dates whose day and month cannot be told apart (only their year is read)."""
    parts = []
    for first, last in reading.unanchored:
        if not covered & set(range(first, last + 1)):  # "the same year as", a link, is judged
            parts.append((first, last, RELATIVE))
        claimed.update(range(first, last + 1))
    for first, last in reading.denied:
        parts.append((first, last, "a date the sentence denies: which date it was not is checked against no fact"))
        claimed.update(range(first, last + 1))
    for date in reading.date_mentions:
        words = set(range(date.first, date.last + 1))
        if date.ambiguous:
            parts.append((date.first, date.last, "a date whose day and month cannot be told apart"))
        elif not words <= covered and hedge_words(reading, date):
            parts.append((date.first, date.last, "a date given loosely, which the facts put elsewhere: how far off "
                          "it may be is not said"))
        elif not words <= covered:
            parts.append((date.first, date.last, "a date no checked statement carries"))
        claimed |= words
        if date.bound and date.first:
            claimed.add(date.first - 1)
    return parts


def _unread_numbers(reading: Reading, covered: set[int], claimed: set[int],
                    said: _Said, statements: tuple[Statement, ...] = ()) -> list[Part]:
    """Numbers no chosen reading took, and the unit each counts unless a reading took it or a
    supporting statement names it ("412 million dollars" of a cost in crowns). A number a
    supporting statement gives with the same word or two after it, or after the same preposition
    ("by 100 votes to 11"), is checked with it."""
    parts = []
    for number in reading.number_mentions:
        names_end = _names_after(reading, number.index)
        unit = _unit_after(reading, number.index if names_end is None else names_end)
        first = number_start(reading, number)
        figure = _figure_end(reading, number)
        if number.index not in covered and is_difference(reading, number):
            parts.append((first, number.index, "a difference, not the amount the facts give"))
        elif number.index not in covered and number.currency is not None:
            if not _amount_said(reading, number, statements):  # "€2.5 billion" is not "2.5 billion US dollars"
                parts.append((first, figure, "a number the facts do not carry"))
        elif number.index not in covered:
            following = [last for last in (figure + 1, figure + 2) if last < len(reading.words)]
            if names_end is not None:  # "five S-400 missiles" is not "five S-400 systems"
                following = [unit if unit is not None else names_end]
            links = frozenset() if _counts_event_object(reading, first, covered) else _PREPOSITIONS
            counted = next((last for last in following if said(first, last, links)), None)
            if counted is not None:  # "38 Citylink trams", as the statement writes it
                claimed.update(range(first, counted + 1))
            elif not (_with_preposition(reading, first, _NUMBER_LINKS) and said(first, figure, _NUMBER_LINKS)) \
                    and not _amount_said(reading, number, statements):
                parts.append((first, figure, "a number the facts do not carry"))
        claimed.update(range(first, max(figure, number.index) + 1))
        if number.index in covered:
            claimed.update(_worth(reading, first, covered))
        if unit is not None and unit not in claimed and unit not in covered:
            if not said(unit, unit):
                parts.append((unit, unit, UNIT))
            claimed.add(unit)
    return parts


def _figure_end(reading: Reading, number: NumberMention) -> int:
    """The last word of a figure with its scale: "2.5" is two words, "2.5m" ends in "5m", and
    "2.5 million" in "million" ("for 2.5 million dollars" is not carried by "for 2.5 billion")."""
    words = reading.words
    last = number.index
    while last + 1 < len(words) and words[last + 1].start < number.end:
        last += 1
    if last + 1 < len(words) and words[last + 1].word in SCALES:
        last += 1
    return last


def _amount_said(reading: Reading, number: NumberMention, statements: tuple[Statement, ...]) -> bool:
    """Whether a supporting statement writes the same figure at the same scale, however the
    sentence writes it ("$2.5bn" is said by "2.5 billion US dollars", "$2.5m" is not)."""
    scale = scale_of(reading, number)
    if scale is None:
        return False
    written = " ".join(t.stem for t in tokens(normalise(f"{number.value:g} {scale}")))
    if number.currency is not None:  # "$412m" is not "412 million crowns", "HK$84bn" not "US dollars"
        *qualifier, noun = [t.stem for t in tokens(number.currency)]
        between = " ".join(map(currency_stem, qualifier)) if qualifier else r"(?:\S+ ){0,2}?"
        pattern = re.compile(" " + re.escape(written) + " " + (between + " " if qualifier else between)
                             + re.escape(noun) + " ")
        return any(pattern.search(statement.stems) for statement in statements)
    return any(f" {written} " in statement.stems for statement in statements)


def _worth(reading: Reading, first: int, covered: set[int]) -> set[int]:
    """"worth" before a checked figure, past the words read with it ("trade worth some $84bn"):
    it says the figure is the noun's amount, as "of" does."""
    index = first - 1
    while index >= 0 and index in covered:
        index -= 1
    return {index} if index >= 0 and reading.words[index].word == "worth" else set()


LINK = "a link in time or cause between statements the reader does not check"
_CAUSES = frozenset({"over", "for"})
"""Prepositions that give a cause when an event follows: "sanctioned Turkey over its purchase of
the S-400", "for buying the S-400"."""
_EVENT_PHRASE = frozenset({"the", "a", "an", "its", "their", "his", "her", "our", "s"})


def _cause_links(reading: Reading, covered: set[int], claimed: set[int], said: _Said) -> list[Part]:
    """"struck over the depot's closure": each statement may be checked, the closure read as a
    statement of its own, but not that one was the cause of the other, unless a supporting
    statement says it in the same words ("for buying the S-400")."""
    starts = {m.first: m for m in reading.relations if m.first in covered}
    parts = []
    for index, token in enumerate(reading.words):
        if token.word not in _CAUSES or index in covered or index in claimed:
            continue
        following = index + 1
        while following < len(reading.words) and following not in starts and (
                reading.words[following].word in _EVENT_PHRASE or following in reading.named):
            following += 1
        event = starts.get(following)
        if event is not None and not said(index + 1, event.last, _CAUSES):
            parts.append((index, index, LINK))
            claimed.add(index)
    return parts


_WHOLE = frozenset({"total", "overall", "entire", "whole", "full", "annual", "yearly", "final"})
"""Words before a value noun that say no more than the fact's own figure: "the total cost"."""


def _value_modifiers(reading: Reading, covered: set[int], claimed: set[int], said: _Said) -> list[Part]:
    """Nouns and adjectives right before a checked value word, in its noun phrase, that narrow
    what it measures: "a return ticket", "the tunnel's maintenance cost", "child fares" are not
    the fare or the cost the facts give, unless a supporting statement says the word."""
    parts = []
    for mention in reading.relations:
        if reading.kinds.get(mention.target) != "value" or mention.first not in covered:
            continue
        for index in narrowing(reading, mention, claimed):
            if not said(index, index):
                parts.append((index, index, "a kind of the value the facts do not carry"))
            claimed.add(index)
    return parts


def narrowing(reading: Reading, mention: Mention, taken: set[int] | frozenset[int]) -> list[int]:
    """The nouns and adjectives right before a value word, in its noun phrase and outside the
    words `taken` and the names, that narrow what it measures ("a return ticket", "the tunnel's
    maintenance cost"), nearest first."""
    found = []
    index = mention.first - 1
    while index >= 0 and index not in taken and index not in reading.named and _narrows(reading.words[index]):
        found.append(index)
        index -= 1
    return found


def _narrows(token: Token) -> bool:
    word = token.word
    if not word.isalpha() or word in STOPWORDS or word in _WHOLE or word in SCALES or word in _GLUE:
        return False
    if lexicon.verb_lemma(word) not in (None, word) or word in _HEDGES:
        return False  # "carried 21 million passengers", "almost"
    classes = lexicon.word_classes(word)
    return "N" in classes or "J" in classes


def _counts_event_object(reading: Reading, first: int, covered: set[int]) -> bool:
    """"placed an order for 38 Citylink trams": the number counts what a checked event noun is
    of or for, which a supporting statement may give without the preposition ("ordered 38
    Citylink trams")."""
    return first >= 2 and reading.words[first - 1].word in ("for", "of") and any(
        m.last == first - 2 and m.first in covered for m in reading.relations)


def _ambiguous_names(reading: Reading, claimed: set[int]) -> list[Part]:
    """Names too many of the ledger's entities share to be read."""
    for first, last in reading.ambiguous:
        claimed.update(range(first, last + 1))
    return [(first, last, f"a name more than {MAX_SENSES} of the ledger's entities share")
            for first, last in reading.ambiguous]


def _names_after(reading: Reading, index: int) -> int | None:
    """The last word of the names right after a number, past a scale word ("five S-400 systems"):
    what it counts is said with them; None where no name stands there."""
    following = index + 1
    while following < len(reading.words) and reading.words[following].word in SCALES:
        following += 1
    if following not in reading.named:
        return None
    while following + 1 in reading.named:
        following += 1
    return following


def _unit_after(reading: Reading, index: int) -> int | None:
    """The noun a number counts or measures, past a scale word: "412 million crowns"; also a word
    English does not know ("412 million euros", "38 km"): after a number it is a unit."""
    following = index + 1
    while following < len(reading.words) and reading.words[following].word in SCALES:
        following += 1
    if following >= len(reading.words):
        return None
    word = reading.words[following].word
    classes = lexicon.word_classes(word)
    if word in STOPWORDS or not word.isalpha() or (classes and "N" not in classes):
        return None
    return following


def _lends_place(reading: Reading, mention: Mention, covered: set[int]) -> bool:
    """A relation word that is also a support verb of a checked event noun just after it:
    "delivered his address" is the address, whatever else "deliver" can mean."""
    lemma = lexicon.verb_lemma(reading.words[mention.first].word)
    if mention.first != mention.last or lemma not in lexicon.SUPPORT_VERBS:
        return False
    return any(m.first in covered and mention.last < m.first <= mention.last + 3 for m in reading.relations)


def _reports_event(reading: Reading, index: int, covered: set[int]) -> bool:
    """Whether a checked event noun follows the word, past articles: "announced the formation"."""
    following = index + 1
    while following < len(reading.words) and reading.words[following].word in ("the", "a", "an"):
        following += 1
    return following in covered and any(
        m.first == following and "N" in lexicon.word_classes(reading.words[m.last].word) for m in reading.relations)


def _says_it_happened(reading: Reading, mention: Mention, covered: set[int]) -> bool:
    """A relation word that only says a checked event noun before it happened: "the annexation
    of Crimea took place in 2014" (see candidates.event_verb_after)."""
    return any(m.first in covered and event_verb_after(reading, m) == mention.first for m in reading.relations
               if m.last < mention.first)


def _pronoun(token: Token) -> bool:
    """A pronoun, but not "US" or "U.S." in capitals, a country ("US Sanctions Turkey")."""
    return token.word in PRONOUNS and not (token.word == "us" and token.upper)


def _why_unread(reading: Reading, index: int) -> str:
    words = reading.words
    if any(_pronoun(words[i]) for i in range(max(0, index - 3), index)):
        return "its subject is a pronoun: who did it is not named"
    return "a statement no fact speaks to"


def _unread_words(reading: Reading, claimed: set[int]) -> list[Part]:
    """Words outside every mention that make a statement of their own, each part once: a part
    of several words (a clause, a name) is passed over whole."""
    found = []
    index = 0
    while index < len(reading.words):
        part = _word_part(reading, index, claimed)
        if part is None:
            index += 1
        else:
            found.append(part)
            index = part[1] + 1
    return found


def _word_part(reading: Reading, index: int, claimed: set[int]) -> Part | None:
    """The part not checked that starts at the word `index`, if it starts one. A word mixing
    scripts is reported even inside a mention, as it may be a look-alike of a name."""
    token = reading.words[index]
    if mixed_script(token.raw):
        return index, index, "a word mixing Latin letters with Cyrillic or Greek look-alikes"
    if index not in claimed and is_share(reading.text, token.end):
        last = index
        while last + 1 < len(reading.words) and reading.words[last + 1].word in ("per", "cent", "percent"):
            last += 1
        return index, last, "a share or a change the facts do not carry"
    if index in claimed or currency_prefix(reading.text, token):
        return None
    counts = reading.cache.get("counts of time")
    if counts is None:
        counts = reading.cache["counts of time"] = counts_of_time(reading.words)
    if index in counts and index + 1 not in claimed:
        return index, index + 1, TIME  # "ten years after ...", a link not read
    if _stray_figure(reading, token):
        return index, index, "a number that is part of no date, amount or name"  # "21.4" is one number
    if _compared(reading, index) or _likened(reading, index, claimed):
        return index, index, "a comparison with others the facts do not weigh"
    if token.word in STOPWORDS:
        return None
    if token.word in _SUBORDINATE:
        return _subordinate_part(reading, index, claimed)
    have = _perfect_have(reading, index) if token.word in _MODALS else None
    if have is not None:
        return index, have, "a modal perfect: what may, could or should have happened is not said to have happened"
    if token.word in _TIMING_OR_FORM or _at_last(reading, index):
        return None
    if _time_as_subject(reading, index):
        return None
    why = _lone_word(reading, index)
    if why is not None:
        return index, index, why
    complement = _complement_after_verb(reading, index, claimed)
    if complement is not None:
        return None if _standard_complement(reading, index, complement) else (index, index, DETAIL)
    if _partitive_object(reading, index, claimed) or _fraction_of(reading, index):
        return index, index, "a quantity the facts do not weigh"
    if _owned_noun(reading, index):
        return index, index, OWNED
    if token.word in _GLUE or _pronoun(token) or _implicative(reading, index) or _acts_as(reading, index):
        return None
    if _object_passed_over(reading, index, claimed):
        return index, index, DETAIL
    described = _described_by_name(reading, index)
    if described is not None:
        return described, index, HEAD
    if _joined_to_party(reading, index):
        last = index
        while last + 1 < len(reading.words) and last + 1 not in claimed and last + 1 not in reading.named and \
                "N" in lexicon.word_classes(reading.words[last + 1].word):
            last += 1
        return index, last, "a party joined to a named one, which no fact names"
    return _unknown_name(reading, index, claimed) or _unknown_predicate(reading, index, claimed) or \
        _unknown_word(reading, index)


_PARTITIVES = frozenset({"some", "much", "many", "few", "several", "any", "little"})
_COMPARATIVES = frozenset({"more", "less", "fewer", "greater", "lesser", "better", "worse", "further", "farther"})
_THAN_REACH = 4
"""How many words may stand between a comparative and its "than" ("more S-400 systems than")."""


def _compared(reading: Reading, index: int) -> bool:
    """A comparative with "than" after it, of anything but a number or a date ("more than any
    other NATO member", "longer than any predecessor", "faster than any other buyer", "earlier
    than planned"): how the statement compares with others' the facts do not weigh. A figure or
    a date after "than" is a bound, read with it ("more than 70", "no later than 2015")."""
    words = reading.words
    if not _comparative(words[index].word):
        return False
    for than in range(index + 1, min(index + 1 + _THAN_REACH, len(words))):
        if reading.text[words[than - 1].end:words[than].start].strip():
            return False  # punctuation: "more, than" is no comparison
        if words[than].word == "than":
            following = than + 1
            while following < len(words) and words[following].word in _LOOSE_BEFORE_FIGURE:
                following += 1
            return following < len(words) and not any(
                number_start(reading, n) == following for n in reading.number_mentions) and not any(
                d.first == following for d in reading.date_mentions)
    return False


_PRO_VERBS = frozenset({"did", "do", "does", "done", "had", "has", "have"})
_LIKENESS_REACH = 6
"""How many words an "as" clause may hold before its verb ("as many other NATO members did")."""


def _likened(reading: Reading, index: int, claimed: set[int]) -> bool:
    """"as" that likens the statement to what others did, with a verb that stands for the one
    before it ("as did China", "as many other members did", "just as others had done"), and
    "like" or "unlike" before a noun phrase no reading took, after a comma or opening the sentence
    ("like many other countries", "Like India, Turkey bought"): what the others did the facts do
    not say."""
    words = reading.words
    word = words[index].word
    if word in ("like", "unlike"):
        opening = index == 0 or "," in reading.text[words[index - 1].end:words[index].start]
        return opening and index + 1 < len(words) and index + 1 not in claimed
    if word != "as":
        return False
    for following in range(index + 1, min(index + 1 + _LIKENESS_REACH, len(words))):
        if reading.text[words[following - 1].end:words[following].start].strip():
            return False
        if words[following].word in _PRO_VERBS:
            after = following + 1
            ends = after >= len(words) or bool(reading.text[words[following].end:words[after].start].strip()) or \
                words[after].word in ("so", "too", "before", "done")
            return following == index + 1 or ends
    return False


_LOOSE_BEFORE_FIGURE = frozenset({"about", "around", "roughly", "some", "nearly", "almost", "approximately", "just"})


def _comparative(word: str) -> bool:
    """"more", "fewer", or an adjective or adverb in "-er" whose base English knows: "longer",
    "larger", "bigger", "earlier"."""
    if word in _COMPARATIVES:
        return True
    if not word.endswith("er") or len(word) < 5:
        return False
    bases = {word[:-2], word[:-1], word[:-3] + "y", word[:-3]}
    return any({"J", "R"} & set(lexicon.word_classes(base)) for base in bases if base)


def _owned_noun(reading: Reading, index: int) -> bool:
    """A common noun, past adjectives, that a named party's possessive governs: "Ukraine's
    neighbour, Russia", "Russia's partner Turkey", "met Putin's wife". It names another party
    than the possessor (its neighbour, its partner), whom no reading took: not checked."""
    words = reading.words
    back = index - 1
    while back > 0 and index - back <= 2 and back not in reading.named and words[back].word != "s" and \
            "J" in lexicon.word_classes(words[back].word):
        back -= 1  # "Turkey's Black Sea neighbour", "Russia's closest partner"
    if back < 1 or words[back].word != "s" or not any(m.last == back - 1 for m in reading.entities):
        return False
    word = words[index].word
    if word in _GLUE or word in _DETERMINERS or "N" not in lexicon.word_classes(word):
        return False
    following = index + 1  # the head is a name or relation word after it: "NATO's key members"
    while following < len(words) and following - index <= 2 and not reading.text[
            words[following - 1].end:words[following].start].strip():
        if following in reading.named and words[following].capital:
            break  # a name in apposition: "Russia's partner Turkey"
        if following in reading.named or following in reading_relation_starts(reading):
            return False
        if words[following].word in STOPWORDS or not {"N", "J"} & set(lexicon.word_classes(words[following].word)):
            break
        following += 1
    return True


_FRACTIONS = frozenset({"half", "quarter", "quarters", "third", "thirds", "fifth", "fifths", "tenth", "tenths",
                        "majority", "minority", "bulk"})


def _fraction_of(reading: Reading, index: int) -> bool:
    """A fraction before "of" ("a quarter of them", "the majority of its members"): a part of what
    follows, which the facts do not weigh."""
    words = reading.words
    return words[index].word in _FRACTIONS and index + 1 < len(words) and words[index + 1].word == "of"


def _partitive_object(reading: Reading, index: int, claimed: set[int]) -> bool:
    """"some of", "much of" right after a checked verb: a part of its object, which the facts do
    not weigh ("annexed much of Crimea", "received some of the S-400")."""
    words = reading.words
    return words[index].word in _PARTITIVES and index + 1 < len(words) and words[index + 1].word == "of" and \
        index - 1 in claimed and index - 1 in reading_relation_starts(reading)


def _object_passed_over(reading: Reading, index: int, claimed: set[int]) -> bool:
    """A common noun right after a checked verb (past a determiner): the verb's own object, which
    a reading that took a party after it passed over ("received a warning about the S-400" is no
    delivery of the S-400; "met his match in Erdogan" no meeting; "bought parts of the S-400",
    "annexed half of Crimea" say less than the whole)."""
    words = reading.words
    if "N" not in lexicon.word_classes(words[index].word) or index in reading.named:
        return False
    back = index - 1
    while back >= 0 and words[back].word in nominal.DETERMINERS and back not in claimed:
        back -= 1
    return back >= 0 and back in claimed and back in reading_relation_starts(reading) and \
        lexicon.verb_lemma(words[back].word) is not None


_STATE_ITSELF = frozenset({"government", "governments", "authorities", "state", "administration", "leadership",
                           "side", "regime", "republic", "nation", "country"})
"""Nouns that, after a name, stand for the party itself ("the Turkish government", "Russia's
leadership"), as a journalist writes of a state."""


def _described_by_name(reading: Reading, index: int) -> int | None:
    """The subject of a checked verb that a name after an article only describes, as an
    adjective ("a Turkish delegation signed", "the Turkish people voted"; in a headline, where
    every word is capitalised, also with no article: "Turkish Airlines Joins"; a possessive's noun is
    `_owned_noun`'s): the party that noun names is not the named one, and no fact speaks of it
    (unless a supporting statement says the same words). The first word of the phrase, from the
    name on."""
    words = reading.words
    word = words[index].word
    if "N" not in lexicon.word_classes(word) or index in reading.named or word in _STATE_ITSELF:
        return None
    verb = index + 1
    while verb < len(words) and words[verb].word in _BEFORE_VERB:
        verb += 1
    if verb >= len(words) or verb not in reading_relation_starts(reading) or \
            lexicon.verb_lemma(words[verb].word) is None:
        return None  # (a noun the name describes before a relation noun: "the KVTA's newest members")
    mention = next((m for m in reading.entities if m.last == index - 1), None)
    if mention is None:
        return None
    if title_case(words):  # a headline's "Turkish Airlines Joins NATO" may be the airline or the country's
        return mention.first
    if not mention.first or words[mention.first - 1].word not in ("the", "a", "an"):
        return None
    return mention.first


_BEFORE_VERB = frozenset({"was", "were", "is", "are", "has", "have", "had", "did", "also", "then", "never", "not",
                          "later", "reportedly", "formally", "officially", "finally", "first"})


_JOINING_NOUNS = frozenset({"and", "or", "&", "plus"})


def _joined_to_party(reading: Reading, index: int) -> bool:
    """A common noun joined by "and" to a named party, past determiners and adjectives: a party
    of its own in the same place ("annexed Crimea and its fleet", "ran the
    bus network and the city's ferries"), which no fact names. Without a determiner, only a word
    that is no verb ("and remains a member" joins a verb)."""
    words = reading.words
    if "N" not in lexicon.word_classes(words[index].word) or index in reading.named:
        return False
    back = index - 1
    determined = False
    while back >= 0 and back not in reading.named and (words[back].word in nominal.DETERMINERS or (
            words[back].word not in _JOINING_NOUNS and _modifier_like(words[back].word))):
        determined = determined or words[back].word in nominal.DETERMINERS
        back -= 1
    if back < 1 or words[back].word not in _JOINING_NOUNS:
        return False
    name = back - 1  # past the nouns a name's phrase may end in ("Valdora's bus network")
    while name >= max(0, back - 3) and name not in reading.named and "N" in lexicon.word_classes(words[name].word):
        name -= 1
    return name >= 0 and name in reading.named and (determined or lexicon.verb_lemma(words[index].word) is None)


def _at_last(reading: Reading, index: int) -> bool:
    """"at last" and "at long last" as an adverb of timing (see _TIMING_OR_FORM): at the end of
    the sentence or before a comma, an article, a name, a date or a verb's past form ("at last
    received"); not "at last count" or "at last year's summit", where "last" ranks a noun."""
    words = reading.words
    last = index + 1 if words[index].word == "long" else index
    if last >= len(words) or words[last].word != "last":
        return False
    opening = last - 2 if words[last - 1].word == "long" else last - 1
    if opening < 0 or words[opening].word != "at":
        return False
    following = last + 1
    if following >= len(words) or reading.text[words[last].end: words[following].start].strip():
        return True
    word = words[following].word
    lemma = lexicon.verb_lemma(word)
    return word in ("the", "a", "an") or following in reading.named or any(
        d.first in (following, following + 1) for d in reading.date_mentions) or (
        lemma is not None and lemma != word and (word.endswith("ed") or "N" not in lexicon.word_classes(word)))


def _stray_figure(reading: Reading, token: Token) -> bool:
    """Digits no number the reader read stands on: "2019-02-31", "a 300m tunnel" (metres or
    millions), "FY2013", "Q2" (letters and digits in one word, no name's). Not a decade or an
    ordinal ("1960s", "20th"), nor a model's letters after a hyphen ("F-16s")."""
    word = token.word
    if not any(c.isdigit() for c in word) or \
            any(n.start <= token.start and token.end <= n.end for n in reading.number_mentions):
        return False
    if not word[:1].isdigit():
        return True
    return word.isdigit() or not (_TIME_SHAPE.fullmatch(word) or reading.text[token.start - 1: token.start] == "-")


def _unknown_word(reading: Reading, index: int) -> Part | None:
    """A word English does not know, in lower case ("at gunpoint", "a cyberattack"): what it
    says cannot be weighed, so it is not checked rather than passed over."""
    word = reading.words[index].word
    if word.isalpha() and len(word) > 2 and word not in _FUNCTION_WORDS and not lexicon.known(word) \
            and not reading.words[index].capital:
        return index, index, UNKNOWN
    return None


_FUNCTION_WORDS = frozenset({
    "but", "nor", "amongst", "amidst", "versus", "each", "every", "neither", "many", "none", "mine", "ours", "yours",
    "hers", "theirs", "whoever", "whatever", "whichever", "cannot", "dont", "isnt"})
"""Grammar words the general lexicon leaves out (it lists nouns, verbs, adjectives and adverbs)
and that no earlier step of `_word_part` passes over (stop words, glue, pronouns, clause words)."""


_MODALS = frozenset({"would", "could", "should", "might", "may", "must", "ought"})


def _acts_as(reading: Reading, index: int) -> bool:
    """"acted as a mediator", "serves as a hub": the verb says no more than a copula; what follows
    "as" is read, or reported, on its own."""
    words = reading.words
    return index + 1 < len(words) and words[index + 1].word == "as" and \
        lexicon.verb_lemma(words[index].word) in AS_VERBS


def _implicative(reading: Reading, index: int) -> bool:
    """A verb whose "to" clause says it happened ("managed to join", "went on to buy"): it says
    no more than that clause, which is read on its own."""
    following = index + 1
    if following < len(reading.words) and reading.words[following].word in ("on", "out"):
        following += 1
    words = reading.words
    return lexicon.verb_lemma(words[index].word) in IMPLICATIVE and following + 1 < len(words) and \
        words[following].word == "to" and lexicon.verb_lemma(words[following + 1].word) is not None


def _perfect_have(reading: Reading, index: int) -> int | None:
    """Where "have" stands after a modal: "should have opened", "could not have opened", "ought to
    have opened" say what might have been, never that it was."""
    following = index + 1
    while following < len(reading.words) and reading.words[following].word in NEGATIONS | {"to"}:
        following += 1
    return following if following < len(reading.words) and reading.words[following].word == "have" else None


def _subordinate_part(reading: Reading, index: int, claimed: set[int]) -> Part:
    """A clause of time or cause up to the next checked word ("after the coup attempt"); or, when
    a checked word follows at once, the link itself: "a week after Turkey shot down the jet" may
    have each statement checked, but not the order in time or the cause that joins them."""
    end = _clause_end(reading, index, claimed)
    if end > index:
        return index, end, "a clause of time or cause the reader does not check"
    return index, index, LINK


def _lone_word(reading: Reading, index: int) -> str | None:
    """Why a word that says something by itself is not checked: a negation, a manner
    ("unanimously"), a rank, a time, a hedge, or when and how often."""
    word = reading.words[index].word
    if word in NEGATIONS:
        return "a negation no checked statement carries"
    if word == "just" and index and reading.words[index - 1].word in ("has", "have", "had"):
        return TIME  # "has just joined": lately, which no date checks
    if word in ("each", "every") and not (index + 1 < len(reading.words) and reading.words[index + 1].word in _TIMES):
        return "a quantifier the facts do not weigh"  # "each tram carried": not the line
    if word == "all" and _determines(reading, index):
        return "a quantifier the facts do not weigh"  # "received all S-400 components": not just some
    if word.endswith("ly") and _is_manner(word):
        return "a manner the facts do not carry"
    if word in RANKS or lexicon.is_superlative(word):
        return RANK
    if word in _EXCLUSIVE:
        return "a claim that no one else took part, which the facts do not weigh"
    if word in _TIMES or _is_time_shape(reading, index):
        return TIME
    if word in _AGAINST_SCHEDULE and index and reading.words[index - 1].word in _TIMES:
        return TIME  # "a month early", "five months late": against a plan the facts do not give
    if word in _HEDGES:
        return "a hedge the facts do not weigh"
    if word in _VAGUE_QUANTITIES or (word == "many" and index + 1 < len(reading.words)
                                     and reading.words[index + 1].word == "of"):  # "many of its gas bills"
        return "a quantity said vaguely, which the facts' numbers are not weighed against"
    if word in _WHEN_OR_HOW_OFTEN:
        return "when or how often: the facts do not weigh it"
    return None


def _determines(reading: Reading, index: int) -> bool:
    """Whether "all" stands before the noun it counts ("all S-400 components", "all of its
    systems", "all the trams"), not after the parties it sums up ("Russia, Turkey and Iran all
    serve", "they were all members")."""
    if index + 1 >= len(reading.words) or (index and (reading.words[index - 1].word in _COPULAS
                                                      or index - 1 in reading.named)):
        return False
    following = index + 1
    word = reading.words[following].word
    if word == "of" or word in _DETERMINERS or following in reading.named:
        return True
    classes = set(lexicon.word_classes(word))
    return bool(classes & {"N", "J"}) and lexicon.verb_lemma(word) is None


def _is_manner(word: str) -> bool:
    """An adverb that is no adjective: "unanimously", "secretly" (not "early", "only")."""
    classes = lexicon.word_classes(word)
    return "R" in classes and "J" not in classes


def _is_time_shape(reading: Reading, index: int) -> bool:
    """A decade, an ordinal or a clock time, unless joined by a hyphen to a name ("F-16s")."""
    token = reading.words[index]
    return bool(_TIME_SHAPE.fullmatch(token.word)) and reading.text[token.start - 1: token.start] != "-"


def _unknown_name(reading: Reading, index: int, claimed: set[int]) -> Part | None:
    """A name the ledger does not know: a designation ("F-35", "MiG-29"), or a run of capitalised
    words English does not know."""
    if _is_designation(reading, index, claimed):
        return index, index + 1, NAME
    currency = _names_currency(reading, index)
    if currency is not None:
        return index, currency, UNIT  # checked where a supporting statement names the same currency
    if not _is_name(reading, index):
        return None
    end = index
    while end + 1 < len(reading.words) and end + 1 not in claimed and _is_name(reading, end + 1):
        end += 1
    return index, end, NAME


def _names_currency(reading: Reading, index: int) -> int | None:
    """The currency word after a capitalised word that stands between a figure (or its scale) and
    it: "2.5 billion US dollars", "2.5 billion Canadian dollars" name a currency, not a party."""
    words = reading.words
    before = index - 1
    if before < 0 or not (words[before].word in SCALES or words[before].word[:1].isdigit()) or \
            not words[index].capital:
        return None
    after = index + 1
    while after < len(words) and after - index <= 2 and words[after].capital and \
            words[after].word not in CURRENCY_WORDS:
        after += 1
    return after if after < len(words) and words[after].word in CURRENCY_WORDS else None


def _unknown_predicate(reading: Reading, index: int, claimed: set[int]) -> Part | None:
    """A verb where one stands, an adjective a copula makes the predicate ("was absent from",
    "is hostile to"), or a noun or adjective of a prepositional phrase ("on schedule")."""
    if _is_predicate(reading, index):
        return index, index, _predicate_reason(reading.words[index].word)
    if _after_copula(reading, index) or _noun_after_copula(reading, index, claimed):
        return index, index, PREDICATE
    if _in_phrase(reading, index, claimed):
        return index, index, DETAIL
    if _apposed_noun(reading, index, claimed):
        return index, index, APPOSED
    return None


def _apposed_noun(reading: Reading, index: int, claimed: set[int]) -> bool:
    """The head noun of an aside in apposition to the name before it, past an article and
    adjectives: "Greyline, a private firm, ran the buses" says what Greyline is, as "Greyline was a
    private firm" does (see `_noun_after_copula`); checked only where a supporting statement says
    it ("Riverside Depot, the city's oldest bus garage")."""
    aside = reading.aside_of(index)
    words = reading.words
    if aside is None or aside[0] - 1 not in reading.named or words[aside[0]].word not in ("a", "an", "the") or \
            "N" not in lexicon.word_classes(words[index].word) or index in reading.named:
        return False
    following = index + 1
    if following <= aside[1] and not _punctuated_after(reading, index) and (
            words[following].word == "s" or following in claimed or following in reading.named
            or "N" in lexicon.word_classes(words[following].word)):
        return False  # the head is further on: "a bus garage"
    return all(i not in claimed and i not in reading.named and (
        words[i].word in _DETERMINERS or words[i].word in _GLUE or _modifier_like(words[i].word))
        for i in range(aside[0] + 1, index))


def _in_phrase(reading: Reading, index: int, claimed: set[int]) -> bool:
    """A noun or adjective of a prepositional phrase: "on schedule", "by a single vote"."""
    if "N" not in lexicon.word_classes(reading.words[index].word) and "J" not in lexicon.word_classes(
            reading.words[index].word):
        return False
    for back in range(index - 1, max(index - 4, -1), -1):
        word = reading.words[back].word
        if back in claimed:
            return False
        if word in _PREPOSITIONS:
            return True
        if word not in ("a", "an", "the", "its", "their", "his", "her") and not _modifier_like(word):
            return False
    return False


def _time_as_subject(reading: Reading, index: int) -> bool:
    """"2014 saw Russia annex Crimea", "The year 2014 saw ...": the verb of seeing whose subject is
    a time says only when, and "year" before the year says nothing more."""
    if "seeing" not in reading.cache:
        reading.cache["seeing"] = time_subject_verb(reading.words, reading.date_mentions)
    seeing = reading.cache["seeing"]
    return seeing is not None and (index == seeing or (index == 1 and reading.words[1].word == "year"))


_OPENED_TO = frozenset({"public", "traffic", "passengers", "visitors", "customers", "commuters", "travellers",
                        "travelers", "business"})
"""Who a place or a line opens to when it simply opens ("opened to traffic", "to the public",
"for business"): an opening, as a ledger records it, is the one to them, so they add no claim.
Any other ("opened to cyclists", "to freight") is one of its own."""


def _complement_after_verb(reading: Reading, index: int, claimed: set[int]) -> int | None:
    """Where a noun stands in a "to" or "for" phrase right after a relation word or a checked
    date or party of its statement, past an article or adjectives ("opened to cyclists", "opened
    to the public", "opened in September 2019 to great fanfare"): the index of that "to" or "for"."""
    if "N" not in lexicon.word_classes(reading.words[index].word):
        return None
    back = index - 1
    while back > 0 and back not in claimed and (reading.words[back].word in ("the", "a", "an") or
                                                lexicon.word_classes(reading.words[back].word) == "J"):
        back -= 1
    if back < 1 or back in claimed or reading.words[back].word not in ("to", "for"):
        return None
    return back if back - 1 in claimed or any(m.last == back - 1 for m in reading.relations) else None


def _standard_complement(reading: Reading, index: int, link: int) -> bool:
    """"opened to traffic", "opened to the public", "opened for business", also past the date
    ("opened in April 2022 to the public"): see `_OPENED_TO`."""
    verb = reading.words[max((m.last for m in reading.relations if m.last < link), default=link - 1)].word
    noun = reading.words[index].word
    return lexicon.verb_lemma(verb) == "open" and noun in _OPENED_TO and \
        (noun == "business") == (reading.words[link].word == "for")


def _after_copula(reading: Reading, index: int) -> bool:
    """An adjective that a form of "be", "remain" or "become" makes the predicate: it says something
    of the subject ("NATO was absent from Afghanistan") even though it is no verb."""
    words = reading.words
    if "J" not in lexicon.word_classes(words[index].word):
        return False
    if index + 2 < len(words) and words[index + 1].word == "to" and lexicon.verb_lemma(words[index + 2].word):
        return False  # "due to meet", "set to sign": how sure a plan is, read with its verb
    for back in range(index - 1, max(index - 4, -1), -1):
        word = words[back].word
        if word in _COPULAS:
            return True
        if word not in _GLUE and word not in NEGATIONS and not word.endswith("ly"):
            return False
    return False


def _noun_after_copula(reading: Reading, index: int, claimed: set[int]) -> bool:
    """The head noun of a phrase that a form of "be", "remain" or "become" makes the predicate,
    past articles and adjectives: "is a small island", "was a success", "is the capital" say
    what the subject is, which no fact the reading took says ("Turkey, which joined NATO in 1952,
    is a small island"). Not a noun before a "that" clause ("it is a fact that": see
    `unasserted`) or a possessor ("the world's largest exporter"), nor one of a phrase that a
    checked word or a name ends ("is a key NATO member")."""
    words = reading.words
    if "N" not in lexicon.word_classes(words[index].word) or index in reading.named:
        return False
    following = index + 1
    if following + 1 < len(words) and words[following].word == "to" and lexicon.verb_lemma(words[following + 1].word):
        return False  # "was due to meet": how sure a plan is, read with its verb
    if following < len(words) and (words[following].word in ("that", "s") or (
            not _punctuated_after(reading, index) and (following in claimed or following in reading.named
                                                       or "N" in lexicon.word_classes(words[following].word)))):
        return False  # the head is further on ("a bus route", "a gas transit country"), or a clause follows
    for back in range(index - 1, max(index - 6, -1), -1):
        word = words[back].word
        if word in _COPULAS:
            return True
        if back in claimed or back in reading.named or not (
                word in _DETERMINERS or word in _GLUE or word in NEGATIONS or word.endswith("ly")
                or _modifier_like(word)):
            return False
    return False


def _punctuated_after(reading: Reading, index: int) -> bool:
    words = reading.words
    return index + 1 < len(words) and bool(reading.text[words[index].end:words[index + 1].start].strip())


def _modifier_like(word: str) -> bool:
    classes = lexicon.word_classes(word)
    return "J" in classes or "N" in classes


def _clause_end(reading: Reading, index: int, claimed: set[int]) -> int:
    """The last word of a clause opened at `index`: up to a comma or the next claimed word."""
    text = reading.text
    end = index
    for following in range(index + 1, min(index + 12, len(reading.words))):
        if following in claimed or "," in text[reading.words[end].end: reading.words[following].start]:
            break
        end = following
    return end


def _is_designation(reading: Reading, index: int, claimed: set[int]) -> bool:
    """Capital letters joined by a hyphen to a number: a model, a ship, a resolution."""
    words = reading.words
    if index + 1 >= len(words) or index + 1 in claimed or not words[index].capital:
        return False
    following = words[index + 1]
    return following.word.isdigit() and reading.text[words[index].end: following.start] == "-"


def _is_name(reading: Reading, index: int) -> bool:
    """Capitalised and not an ordinary English word (mid-sentence, a capital on a known noun is a
    title: "President"); all-capitals words that English does not know are names too ("PKK")."""
    token = reading.words[index]
    if not token.capital or not token.word.isalpha() or len(token.word) < 2:
        return False
    return not lexicon.known(token.word)


def _is_predicate(reading: Reading, index: int) -> bool:
    """A word that can be a verb and stands where one does."""
    word = reading.words[index].word
    lemma = lexicon.verb_lemma(word)
    if lemma in _AIMED and (_aim_after_clause(reading, index) or _takes_object(reading, index)):
        return True  # "to get the Northline": an aim; "Turkey kept the S-400": a statement of its own
    if lemma is None or lemma in lexicon.LIGHT_VERBS or _grammar_here(reading, index, lemma):
        return False
    if lemma in lexicon.SUPPORT_VERBS and any(
            i in reading_relation_starts(reading) for i in range(index + 1, min(index + 4, len(reading.words)))):
        return False  # "paid a visit", "held talks": the event noun is the predicate
    if lemma in lexicon.SUPPORT_VERBS and any(support_verb(reading, m) == index for m in reading.relations):
        return False  # "gave the Harbour Tunnel the green light": past the party given to
    if lemma in lexicon.ATTRIBUTION_VERBS and _says_here(reading, index):
        return True  # "..., diplomats say.", "Turkey, officials say, joined"
    other = set(lexicon.word_classes(word)) - {"V", "A"}
    if not other:
        return True
    before = reading.words[index - 1].word if index else ""
    after = reading.words[index + 1].word if index + 1 < len(reading.words) else ""
    if before in _DETERMINERS:
        return False
    mention = next((m for m in reading.entities if m.last == index - 1), None)
    if mention is not None and mention.first and reading.words[mention.first - 1].word in _DETERMINERS | _PREPOSITIONS:
        return False  # "for Russian gas", "the Turkish army": a noun after a name used as an adjective
    if before in _VERB_BEFORE or before.endswith("ly"):
        return True
    if (word.endswith("ed") or word.endswith("ing")) and lemma != word:
        return True
    starts_name = index + 1 < len(reading.words) and reading.words[index + 1].capital
    return (after in _OBJECT_AFTER or starts_name) and not reading.words[index].capital


_AIMED = frozenset({"get", "keep"})
"""Grammar verbs that after a whole clause and "to" say an aim ("to get the Northline"), and
with an object a statement of their own ("kept the S-400")."""


def _takes_object(reading: Reading, index: int) -> bool:
    """Whether a grammar verb has an object after it, a determiner or a name ("kept the S-400",
    "got Ankara's approval"), as no verb of grammar does ("kept running", "got bigger")."""
    following = index + 1
    return following < len(reading.words) and not _punctuated_after(reading, index) and (
        reading.words[following].word in _DETERMINERS or following in reading.named)


def _aim_after_clause(reading: Reading, index: int) -> bool:
    """Whether a verb stands after "to" that follows a clause's last word, no verb's: "joined the
    KVTA in 2009 to get the Northline" (not "began to have", "managed to get", "is to have")."""
    words = reading.words
    before = index - 2
    if before < 0 or words[index - 1].word != "to":
        return False
    word = words[before].word
    return lexicon.verb_lemma(word) is None or before in reading.named or any(
        d.first <= before <= d.last for d in reading.date_mentions)


def _says_here(reading: Reading, index: int) -> bool:
    """A verb of saying after its speaker and before a comma, the sentence's end or "that"
    ("Turkey joined NATO in 1952, diplomats say", "The council, officials say, approved"): a verb,
    as nouns of saying ("the reports", "Russia's claim") stand after a determiner."""
    words = reading.words
    before = index - 1
    if before < 0 or words[before].word in _DETERMINERS or any(d.first <= before <= d.last
                                                                for d in reading.date_mentions):
        return False  # "in its October 2022 report": a noun
    plural = words[before].word.endswith("s") and "N" in lexicon.word_classes(words[before].word)
    speaker = words[index].word != lexicon.verb_lemma(words[index].word) or before in reading.named or \
        _pronoun(words[before]) or plural  # "says", "Reuters say", "they say", "officials say"
    following = index + 1
    return speaker and (following >= len(words) or bool(reading.text[words[index].end:words[following].start].strip())
                        or words[following].word == "that")


def _grammar_here(reading: Reading, index: int, lemma: str) -> bool:
    """A count verb right before a number ("numbered 38", "stood at 38") or an event verb right
    after a relation word ("the deliveries came in July"): grammar, not a predicate."""
    if lemma in lexicon.COUNT_VERBS:
        return any(index < n.index <= index + 3 for n in reading.number_mentions)
    if (lemma in lexicon.EVENT_VERBS or lemma == "take") and index:
        gap = reading.text[reading.words[index - 1].end: reading.words[index].start]
        if lemma != "take" and gap.strip() == "" and any(m.last == index - 1 for m in reading.relations):
            return True
        return any(event_verb_after(reading, m) == index for m in reading.relations if m.last < index)
    return False


def reading_relation_starts(reading: Reading) -> set[int]:
    """Where the ledger's relation words begin."""
    return {m.first for m in reading.relations}


def _predicate_reason(word: str) -> str:
    if lexicon.verb_lemma(word) in lexicon.ATTRIBUTION_VERBS:
        return ATTRIBUTION
    return PREDICATE
