"""Relation words used as nouns whose holder the sentence gives otherwise: "Finland's accession
to NATO" is Finland's, whoever else the sentence names, and "applied for NATO membership" or
"a bid for membership" asserts no membership at all, nor "the extension was shelved" any
extension. Such a noun is read only as its own possessor's; governed by another verb through a
preposition, or the subject of another verb in the passive, it is not read (the relation word
stays unchecked). Nothing here knows a topic: it is grammar, with the general lexicon.
"""

from __future__ import annotations

from . import lexicon
from .extract import END_WORDS, START_WORDS, Reading
from .text import STOPWORDS
from .vocabulary import Mention

_GOVERNING = frozenset({"for", "about", "against", "into", "toward", "towards"})
"""Prepositions that make a noun phrase the object of the verb before them ("applied for",
"voted against"); not "on" or "over", which also say where or when ("went on strike")."""
_NOUN_PHRASE = frozenset({"the", "a", "an", "its", "their", "his", "her", "our", "s", "full", "new"})
_REACH = 4
"""How many words before the noun its phrase may take ("for fast-track NATO membership")."""
_AUXILIARIES = frozenset({"is", "was", "are", "were", "be", "been", "being", "has", "have", "had"})
"""Grammar verbs: "was for membership" is no other verb's object; "was shelved" is a passive."""

UNKNOWN = ""
"""A possessor the ledger does not know ("Finland's accession" with no Finland in it)."""


def possessor(reading: Reading, relation: Mention) -> str | None:
    """Whose the noun is when a possessive stands right before it: the entity ("Turkey's
    accession"), UNKNOWN for a capitalised name the ledger does not know, None for no possessive
    (or a pronoun's: "its accession" is the subject's)."""
    start = relation.first
    while relation.first - start < 2 and start > 2 and start - 1 not in reading.named and \
            "J" in lexicon.word_classes(reading.words[start - 1].word) and reading.words[start - 2].word != "of":
        start -= 1  # "Russia's prime minister": the minister is Russia's
    if reading.words[start - 1].word != "s":
        start = relation.first
    if start < 2 or reading.words[start - 1].word != "s":
        return None
    before = start - 2
    owner = next((m.target for m in reading.entities if m.last == before), None)
    if owner is not None:
        return owner
    return UNKNOWN if reading.words[before].capital else None


def governed(reading: Reading, relation: Mention) -> bool:
    """Whether the noun is the object of another verb through a preposition: "applied for
    fast-track NATO membership", "a bid for membership", "voted against accession"; or of
    another noun through "of": "the refusal of membership", "the cancellation of the order"
    (which may deny the event, or say when it was at issue, not that it happened)."""
    words = reading.words
    if "N" not in lexicon.word_classes(words[relation.last].word):
        return False  # a verb ("ended") is no noun phrase's head
    named = reading.named
    index = relation.first - 1
    while index >= 0 and relation.first - index <= _REACH:
        word = words[index].word
        if word in _GOVERNING:
            return index > 0 and _other_verb(reading, index - 1)
        if word == "of":  # "Ashby's refusal of membership", "the cancellation of the order"
            return index > 0 and _other_noun(reading, index - 1)
        if not (index in named or word in _NOUN_PHRASE or words[index].capital or _modifier(word)):
            return False
        index -= 1
    return False


def _modifier(word: str) -> bool:
    """A word that can stand inside a noun phrase: an adjective or a noun ("fast-track")."""
    classes = lexicon.word_classes(word)
    return bool(classes) and bool({"J", "N"} & set(classes))


def _relation_words(reading: Reading) -> set[int]:
    """The words of the ledger's relation words in the sentence; once per reading."""
    found = reading.cache.get("relation words")
    if found is None:
        found = reading.cache["relation words"] = {i for m in reading.relations for i in range(m.first, m.last + 1)}
    return found


_QUANTITIES = frozenset({"one", "some", "all", "most", "many", "few", "none", "each", "both", "either", "neither",
                         "several", "any", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"})
"""Words before "of" that count the noun's holders rather than govern it: "one of its members"."""


def _other_noun(reading: Reading, index: int) -> bool:
    """A noun that is not one of the ledger's relation words nor a name, nor a count: the head
    of a phrase whose "of" governs the relation noun after it."""
    word = reading.words[index].word
    if index in _relation_words(reading) or index in reading.named or word in _QUANTITIES or word.isdigit():
        return False
    return "N" in lexicon.word_classes(word)


def _other_verb(reading: Reading, index: int) -> bool:
    """A verb or a noun of action ("applied", "a bid", "support") that is not one of the
    ledger's relation words."""
    word = reading.words[index].word
    if index in _relation_words(reading) or index in reading.named or word in _AUXILIARIES:
        return False
    return bool({"V", "N"} & set(lexicon.word_classes(word)))


def subject_of_another_verb(reading: Reading, relation: Mention) -> bool:
    """Whether the noun is the subject of a passive the ledger has no word for: "the extension
    was shelved", "the deal has been cancelled", "the visit to Turkey was called off" (whether it
    happened is then not said)."""
    words = reading.words
    if "N" not in lexicon.word_classes(words[relation.last].word):
        return False
    after = _past_phrase(reading, relation.last + 1)
    index = after
    while index < len(words) and words[index].word in _AUXILIARIES:
        index += 1
    if index == after or index >= len(words):
        return False
    word = words[index].word
    return (index not in _relation_words(reading) and index not in reading.named and word not in START_WORDS | END_WORDS
            and word.endswith("ed") and "V" in lexicon.word_classes(word)
            and lexicon.verb_lemma(word) not in lexicon.ATTRIBUTION_VERBS)  # "was confirmed": said, and checked


_PHRASE_PREPOSITIONS = frozenset({"to", "of", "with", "from", "in", "on", "by", "for", "between"})


def _past_phrase(reading: Reading, index: int) -> int:
    """The word after the prepositional phrase that starts at `index` ("to Turkey", "of the
    S-400"), or `index` where none does: a short phrase of names, articles and nouns, with no
    punctuation in it."""
    words = reading.words
    if index >= len(words) or words[index].word not in _PHRASE_PREPOSITIONS or _punctuated(reading, index - 1):
        return index
    dated = {i for m in reading.date_mentions for i in range(m.first, m.last + 1)}
    end = index + 1
    while end < len(words) and end - index <= _REACH and not _punctuated(reading, end - 1) and \
            (end in reading.named or end in dated or words[end].word in _NOUN_PHRASE or _modifier(words[end].word)):
        end += 1
    return end if end > index + 1 else index


def _punctuated(reading: Reading, index: int) -> bool:
    """Whether punctuation stands between the word and the next."""
    words = reading.words
    return index + 1 < len(words) and any(
        mark in reading.text[words[index].end:words[index + 1].start] for mark in ",;:()")


def object_of_another_verb(reading: Reading, relation: Mention) -> bool:
    """Whether the noun's phrase is the object of a verb the ledger has no word for: "the Kremlin
    postponed Putin's visit", "the council blocked the purchase" (whether it happened is then not
    said). A verb that lends its place to the noun ("paid a visit", `lexicon.SUPPORT_VERBS`), one
    of grammar or of a start or an end ("began the deployment") does not count."""
    words = reading.words
    if "N" not in lexicon.word_classes(words[relation.last].word):
        return False
    index = relation.first - 1
    while index >= 0 and relation.first - index <= _REACH and not _punctuated(reading, index) and \
            (index in reading.named or words[index].word in _NOUN_PHRASE or _modifier(words[index].word)) and \
            not _verb_form(words[index].word) and not _bare_verb(reading, index) and \
            words[index].word not in _AUXILIARIES:
        index -= 1  # "stopped being a member": a copula's noun, no object
    if index < 0 or _punctuated(reading, index):
        return False
    first = words[relation.first].word
    if index == relation.first - 1 and lexicon.verb_lemma(first) not in (None, first):
        return False  # "stopped running the buses": a chain of verbs, no noun's phrase
    if words[index].word in _PARTICLES and index > 0 and not _punctuated(reading, index - 1):
        index -= 1  # "called off the strike"
    word = words[index].word
    lemma = lexicon.verb_lemma(word)
    return ((_verb_form(word) or (_bare_verb(reading, index) and _opens_noun_phrase(reading, index + 1)))
            and index not in _relation_words(reading)
            and index not in reading.named
            and word not in START_WORDS | END_WORDS and lemma not in lexicon.SUPPORT_VERBS | lexicon.LIGHT_VERBS
            and lemma not in lexicon.ATTRIBUTION_VERBS)


def _bare_verb(reading: Reading, index: int) -> bool:
    """A verb in its bare form where only a verb can stand: "did not recognise the annexation",
    "refused to recognise the annexation", "will not recognise it"."""
    word = reading.words[index].word
    return index > 0 and reading.words[index - 1].word in _BEFORE_BARE_VERB and not _punctuated(reading, index - 1) \
        and lexicon.verb_lemma(word) == word and "V" in lexicon.word_classes(word)


def _opens_noun_phrase(reading: Reading, index: int) -> bool:
    """Whether a noun phrase opens at the word: a determiner or a possessive ("the annexation",
    "Putin's visit"), where after a bare verb a name alone may be the subject of a verb ("did not
    see Russia annex Crimea")."""
    words = reading.words
    return words[index].word in DETERMINERS or (index + 1 < len(words) and words[index + 1].word == "s")


_BEFORE_BARE_VERB = frozenset({"not", "never", "to", "did", "does", "do", "will", "would", "could", "can", "may",
                               "might", "shall", "should", "must"})
"""Words after which a verb stands in its bare form."""

_PARTICLES = frozenset({"off", "up", "down", "out", "back", "away"})
"""Particles of a phrasal verb before its object: "called off the strike", "held up the order"."""


def _verb_form(word: str) -> bool:
    """A past form of a verb ("postponed", "called"), which cannot stand inside a noun phrase
    before its noun as a name or an article can."""
    return word.endswith("ed") and "V" in lexicon.word_classes(word) and word not in _AUXILIARIES


DETERMINERS = frozenset({"a", "an", "the", "its", "their", "his", "her", "our"})


_SAME_PARTY = frozenset({"own"})
"""Words after a possessive that name the possessor itself: "Turkey's own"."""


def owned_noun(reading: Reading, mention: Mention, relation: Mention, adjective: bool = False) -> int | None:
    """Where a name with "'s" is the possessor of a noun that is the verb's party in its place,
    the last word of that noun's phrase: "Turkey's neighbour joined NATO", "met Putin's wife",
    "sanctioned Turkey's banks"; also of a relation noun set off by a name in apposition,
    "Russia's largest trading partner, China, signed": the neighbour, the wife, the banks, China
    did or had it done, not the name. None where the noun phrase ends in a name ("Russia's
    president Putin", "Turkey's S-400s": the name is the party), or the possessive is of the
    verb's own relation word, as subject or object ("Turkey's purchase", "Russia's 2014
    annexation", "Turkey's arms purchase"), or of another relation noun with no apposition
    ("NATO's members include Turkey, which joined"). A name said as an `adjective` owns the common
    noun after it as a possessive does ("a Turkish company bought")."""
    words = reading.words
    index = mention.last + 1
    if index >= len(words) or _punctuated(reading, mention.last):
        return None
    dated = {i for m in reading.date_mentions for i in range(m.first, m.last + 1)}
    if words[index].word == "s":
        index += 1
        while index < len(words) and (index in dated or words[index].word in _SAME_PARTY):
            index += 1
    elif not (adjective and _common_noun_after(reading, index)):
        return None
    last, relation_noun = None, False
    while index < len(words) and (last is None or last - mention.last <= _REACH):
        word = words[index].word
        if word in STOPWORDS:
            break
        if index in reading.named:
            return None
        if relation.first <= index <= relation.last:  # "Turkey's air force received", not "arms purchase"
            verb = _verb_form(word) or "N" not in lexicon.word_classes(word)
            return last if verb and not relation_noun else None
        if index in _relation_words(reading):
            relation_noun = True
        elif index in dated or not _modifier(word) or _verb_form(word):
            break
        last = index
        if _punctuated(reading, index):
            break
        index += 1
    if relation_noun:  # "Russia's largest trading partner, China, signed": the name in apposition
        apposed = last is not None and last + 1 < len(words) and last + 1 in reading.named and \
            "," in reading.text[words[last].end:words[last + 1].start]
        return last if apposed else None
    return last


DEMONYM_ENDINGS = ("ish", "ian", "ean", "ese", "an", "i")
"""How English forms the adjective of a place's name: Turkish, Russian, European, Chinese, Afghan,
Iraqi."""
_STATE_ORGANS = frozenset({"government", "governments", "authorities", "state", "administration", "leadership",
                           "regime", "forces", "troops", "army", "military", "navy", "cabinet"})
"""Nouns for the organs that act for a state: "the Turkish government bought" is said of Turkey,
as "Turkey bought" is."""


def _common_noun_after(reading: Reading, index: int) -> bool:
    """Whether a common noun in small letters follows ("a Turkish company", "Russian hackers":
    other parties than Turkey or Russia; "Turkish Airlines", in capitals, is a name of its own,
    see extract), which is no organ of the state ("the Turkish government")."""
    word = reading.words[index]
    return not word.capital and index not in reading.named and word.word not in STOPWORDS and \
        word.word not in _STATE_ORGANS and "N" in lexicon.word_classes(word.word)


def attributive(reading: Reading, relation: Mention) -> bool:
    """Whether a relation word in -ing only describes the noun after it: "a founding member",
    "the opening ceremony" say nothing of a founding or an opening."""
    words = reading.words
    index = relation.first
    if relation.last != index or not words[index].word.endswith("ing") or index == 0 or index + 1 >= len(words):
        return False
    following = index + 1
    return words[index - 1].word in DETERMINERS and (following in reading.named or
                                                       "N" in lexicon.word_classes(words[following].word))


def changed_by(reading: Reading, noun: Mention) -> Mention | None:
    """The verb that starts or ends what the noun names, just before it: "ended its mission in
    Afghanistan", "began the deployment", "took over as operator" (one statement, the verb's,
    with the verb's date)."""
    return _changed_nouns(reading).get(noun)


def _changed_nouns(reading: Reading) -> dict[Mention, Mention]:
    """Each relation noun a start or end word of its relation governs, with that verb; once per
    reading (every candidate of every relation word asks)."""
    found = reading.cache.get("changed nouns")
    if found is None:
        found = reading.cache["changed nouns"] = {}
        for noun in reading.relations:
            for verb in reading.relations:
                if noun.change is None and verb.change is not None and verb.target == noun.target \
                        and verb.last < noun.first <= verb.last + 3 \
                        and all(w.word in DETERMINERS | {"as"} for w in reading.words[verb.last + 1: noun.first]):
                    found.setdefault(noun, verb)  # the first such verb, as it stands
    return found
