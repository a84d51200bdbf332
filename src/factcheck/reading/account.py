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
from collections.abc import Iterable

from ..model import Unchecked
from . import lexicon
from .candidates import Candidate
from .extract import NEGATIONS, Reading
from .text import SCALES, STOPWORDS, mixed_script
from .vocabulary import MAX_SENSES, Mention, Vocabulary

Carried = tuple[str, ...] | None
NAME = "a name the ledger does not know"
DETAIL = "a detail the facts do not carry"
RANK = "a rank or superlative the facts do not weigh"
PREDICATE = "a predicate the ledger has no facts for"
ATTRIBUTION = "an attribution: that it was said is not checked"
UNIT = "a unit the facts do not carry"
TIME = "a time the reader does not check"
_SAYABLE = frozenset({NAME, RANK, UNIT, TIME})
"""Parts that a supporting fact's own statement can carry, when it says them in the same words."""
_PREPOSITIONS = frozenset({"on", "by", "with", "without", "as", "at", "under", "despite", "against", "via", "for", "of",
                           "amid", "over", "in", "through", "during", "within"})
"""Prepositions whose noun adds a circumstance ("on schedule", "by a single vote", "in a
landslide"): a checkable detail unless the facts' own statements name it."""
PRONOUNS = frozenset({"it", "they", "he", "she", "we", "i", "you", "them", "him", "us", "one"})
_SUBORDINATE = frozenset({"after", "before", "during", "following", "until", "till", "when", "while", "since",
                          "amid", "upon", "once", "because", "although", "though", "unless", "whereas", "whilst"})
_RANKS = frozenset({"first", "last", "only", "sole", "second", "third", "fourth", "fifth", "biggest",
                    "largest", "smallest", "most", "least", "main", "top", "leading"})
_WHEN_OR_HOW_OFTEN = frozenset({"former", "ex", "erstwhile", "onetime", "outgoing", "incoming", "future",
                                "twice", "thrice", "again", "anew", "repeatedly"})
"""Words that move a statement in time or count its occasions ("a former member", "bought it
twice"): the facts' dates do not weigh them, so they are never passed over."""
_TIMES = frozenset({
    "year", "years", "decade", "decades", "century", "centuries", "month", "months", "week", "weeks", "day", "days",
    "hour", "hours", "yesterday", "tomorrow", "tonight", "ago", "recently", "lately", "morning", "afternoon",
    "evening", "night", "midnight", "noon", "am", "pm", "spring", "summer", "autumn", "winter",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "weekend", "christmas", "easter",
})
"""Words of time outside every date the reader reads ("in the 1960s", "this year", "at 3am",
"on Tuesday"): the time they give is not checked."""
_HEDGES = frozenset({"almost", "nearly", "barely", "hardly", "scarcely", "virtually", "practically", "effectively",
                     "allegedly", "supposedly", "purportedly", "apparently", "seemingly", "partly", "partially",
                     "narrowly"})
"""Words that weaken or qualify what the verb says ("almost signed"): the facts do not weigh them."""
_TIME_SHAPE = re.compile(r"\d{2,4}s|\d+(?:st|nd|rd|th)|\d{1,2}(?:am|pm|h)")
"""A decade ("1960s"), an ordinal ("20th" century) or a clock time ("3am")."""
_GLUE = frozenset({
    "not", "also", "which", "who", "whom", "whose", "what", "where", "why", "how", "there", "here",
    "including", "regarding", "concerning", "despite", "between", "among", "against", "across",
    "through", "within", "without", "per", "via", "each", "both", "all", "any", "some", "other",
    "another", "own", "same", "did", "does", "do", "done", "will", "would", "shall", "should", "can",
    "could", "may", "might", "must", "up", "down", "out", "off", "too", "very", "just",
    "together", "jointly", "officially", "formally", "reportedly", "mr", "mrs", "ms", "dr",
    "still", "now", "today", "currently", "presently", "near", "around", "toward", "towards", "along",
    "behind", "beside", "beyond", "onto", "throughout", "even", "already", "yet",
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


def unchecked_parts(reading: Reading, chosen: Iterable[Candidate], vocabulary: Vocabulary,
                    carried: Carried = None) -> list[Unchecked]:
    """The parts of the sentence no chosen reading covers, in the order they stand. `carried`
    are the words of the statements of the facts that support the chosen readings:
    a place or party those statements name is checked with them ("met in St Petersburg" when the
    fact says so)."""
    statements = carried or ()

    def said(first: int, last: int) -> bool:
        start = first - 1 if first and reading.words[first - 1].word in _PREPOSITIONS else first
        phrase = " " + " ".join(w.stem for w in reading.words[start: last + 1]) + " "
        return any(phrase in statement for statement in statements)

    chosen = list(chosen)
    covered: set[int] = set()
    for candidate in chosen:
        covered |= candidate.covers
    parts: list[tuple[int, int, str]] = []  # first word, last word, why
    claimed: set[int] = set(covered)

    for mention in reading.relations:
        words = set(range(mention.first, mention.last + 1))
        if not words & covered and not words & claimed and not _lends_place(reading, mention, covered):
            parts.append((mention.first, mention.last, _why_unread(reading, mention.first)))
        claimed |= words
    for mention in reading.entities:
        words = set(range(mention.first, mention.last + 1))
        if not words & covered and not said(mention.first, mention.last):
            parts.append((mention.first, mention.last, "a named party in no checked statement"))
        claimed |= words
    for date in reading.date_mentions:
        words = set(range(date.first, date.last + 1))
        if date.ambiguous:
            parts.append((date.first, date.last, "a date whose day and month cannot be told apart"))
        elif not words <= covered:  # a reading that took a word of it ("end") did not take the date
            parts.append((date.first, date.last, "a date no checked statement carries"))
        claimed |= words
        if date.bound and date.first:
            claimed.add(date.first - 1)
    for number in reading.number_mentions:
        if number.index not in covered:
            parts.append((number.index, number.index, "a number the facts do not carry"))
        claimed.add(number.index)
        unit = _unit_after(reading, number.index)
        if unit is not None and unit not in claimed and unit not in covered:
            if not said(unit, unit):  # "412 million dollars" of a cost in crowns
                parts.append((unit, unit, UNIT))
            claimed.add(unit)
    for first, last in reading.ambiguous:
        parts.append((first, last, f"a name more than {MAX_SENSES} of the ledger's entities share"))
        claimed.update(range(first, last + 1))
    parts.extend(p for p in _unread_words(reading, claimed)
                  if not (p[2] in _SAYABLE and said(p[0], p[1])))
    parts = sorted(set(parts))
    return [Unchecked(reading.span_text(first, last), reading.words[first].start, reading.words[last].end, why)
            for first, last, why in parts]


def _unit_after(reading: Reading, index: int) -> int | None:
    """The noun a number counts or measures, past a scale word: "412 million crowns"."""
    following = index + 1
    while following < len(reading.words) and reading.words[following].word in SCALES:
        following += 1
    if following >= len(reading.words):
        return None
    word = reading.words[following].word
    if word in STOPWORDS or "N" not in lexicon.word_classes(word):
        return None
    return following


def _lends_place(reading: Reading, mention: Mention, covered: set[int]) -> bool:
    """A relation word that is also a support verb of a checked event noun just after it:
    "delivered his address" is the address, whatever else "deliver" can mean."""
    lemma = lexicon.verb_lemma(reading.words[mention.first].word)
    if mention.first != mention.last or lemma not in lexicon.SUPPORT_VERBS:
        return False
    return any(m.first in covered and mention.last < m.first <= mention.last + 3 for m in reading.relations)


def _why_unread(reading: Reading, index: int) -> str:
    words = reading.words
    if any(words[i].word in PRONOUNS for i in range(max(0, index - 3), index)):
        return "its subject is a pronoun: who did it is not named"
    return "a statement no fact speaks to"


def _unread_words(reading: Reading, claimed: set[int]) -> list[tuple[int, int, str]]:
    """Words outside every mention that make a statement of their own."""
    words = reading.words
    found: list[tuple[int, int, str]] = []
    index = 0
    while index < len(words):
        token = words[index]
        word = token.word
        if mixed_script(token.raw):
            found.append((index, index, "a word mixing Latin letters with Cyrillic or Greek look-alikes"))
            index += 1
            continue
        if index in claimed or word in STOPWORDS or word.isdigit():
            index += 1
            continue
        if word in NEGATIONS:
            found.append((index, index, "a negation no checked statement carries"))
        elif word in _SUBORDINATE:
            end = _clause_end(reading, index, claimed)
            if end > index:
                found.append((index, end, "a clause of time or cause the reader does not check"))
                index = end + 1
                continue
            # "a week after Turkey shot down the jet": each statement may be checked, but not
            # the order in time or the cause that joins them
            found.append((index, index, "a link in time or cause between statements the reader does not check"))
        elif word.endswith("ly") and "R" in lexicon.word_classes(word) and "J" not in lexicon.word_classes(word):
            found.append((index, index, "a manner the facts do not carry"))  # "unanimously", "secretly"
        elif word in _RANKS or lexicon.is_superlative(word):
            found.append((index, index, RANK))
        elif word in _TIMES or (_TIME_SHAPE.fullmatch(word) and reading.text[token.start - 1: token.start] != "-"):
            found.append((index, index, TIME))
        elif word in _HEDGES:
            found.append((index, index, "a hedge the facts do not weigh"))
        elif word in _WHEN_OR_HOW_OFTEN:
            found.append((index, index, "when or how often: the facts do not weigh it"))
        elif word in _GLUE or word in PRONOUNS:
            pass
        elif _is_designation(reading, index, claimed):  # "F-35", "MiG-29": a name the ledger does not know
            found.append((index, index + 1, NAME))
            index += 2
            continue
        elif _is_name(reading, index):
            end = index
            while end + 1 < len(words) and end + 1 not in claimed and _is_name(reading, end + 1):
                end += 1
            found.append((index, end, NAME))
            index = end + 1
            continue
        elif _is_predicate(reading, index):
            found.append((index, index, _predicate_reason(word)))
        elif _after_copula(reading, index):
            found.append((index, index, PREDICATE))  # "was absent from", "is hostile to"
        elif _in_phrase(reading, index, claimed):
            found.append((index, index, DETAIL))
        index += 1
    return found


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
    if lemma is None or lemma in lexicon.LIGHT_VERBS or _grammar_here(reading, index, lemma):
        return False
    if lemma in lexicon.SUPPORT_VERBS and any(
            i in reading_relation_starts(reading) for i in range(index + 1, min(index + 4, len(reading.words)))):
        return False  # "paid a visit", "held talks": the event noun is the predicate
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


def _grammar_here(reading: Reading, index: int, lemma: str) -> bool:
    """A count verb right before a number ("numbered 38", "stood at 38") or an event verb right
    after a relation word ("the deliveries came in July"): grammar, not a predicate."""
    if lemma in lexicon.COUNT_VERBS:
        return any(index < n.index <= index + 3 for n in reading.number_mentions)
    if lemma in lexicon.EVENT_VERBS and index:
        gap = reading.text[reading.words[index - 1].end: reading.words[index].start]
        return gap.strip() == "" and any(m.last == index - 1 for m in reading.relations)
    return False


def reading_relation_starts(reading: Reading) -> set[int]:
    """Where the ledger's relation words begin."""
    return {m.first for m in reading.relations}


def _predicate_reason(word: str) -> str:
    if lexicon.verb_lemma(word) in lexicon.ATTRIBUTION_VERBS:
        return ATTRIBUTION
    return PREDICATE
