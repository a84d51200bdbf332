"""The ledger's names and verbs, indexed for finding them in prose.

Entities and sources contribute their names and aliases; relations their `words`, `start_words`
and `end_words`. Nothing here is specific to a topic: a ledger about another subject brings its
own vocabulary.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from ..model import Entity, Ledger, Source
from . import lexicon
from .text import STOPWORDS, Token, normalise, spelling, tokens


@dataclass(frozen=True)
class Mention:
    """A span of tokens that names an entity or expresses a relation."""

    target: str  # an entity or source id, or a relation id
    first: int  # token index
    last: int  # token index, inclusive
    change: str | None = None  # for relations: "start" or "end"
    reverse: bool = False  # for relations: written object first ("the S-400 arrived in Turkey")
    scattered: bool = False  # for names: its words found apart, other words between them


MAX_SENSES = 4
"""A phrase naming more things than this is too ambiguous to read (and reading each would make
a sentence's readings grow with the ledger)."""


_NAME_GLUE = frozenset({"the", "of", "on", "to", "s", "a", "an", "in", "for", "and"})
"""Words inside a name written another way round: "the treaty on Crimea's accession to Russia"."""
_JOINERS = frozenset({"and", "or", "&"})
_JOINED_NAME = re.compile(r"\s(?:and|or|&)\s", re.IGNORECASE)


_Sense = tuple[str, str | None, bool]
"""What a phrase names: a target id, for a relation word the change it says ("start", "end") and
whether it names the object first."""


class _PhraseIndex:
    """Phrases looked up by their words, so that the cost of finding them in a sentence does not
    grow with how many the ledger lists (thousands of names may start "Treaty of" or end "Pact")."""

    def __init__(self) -> None:
        # phrase (its stems) -> what it names, as (target, change, reverse) senses
        self._phrases: dict[tuple[str, ...], list[_Sense]] = {}
        self._lengths: dict[str, list[int]] = defaultdict(list)  # first stem -> phrase lengths, longest first
        self._acronyms: set[tuple[str, ...]] = set()
        self._bags: dict[tuple[frozenset[str], str], int] = {}  # (content stems, target) -> order added
        self._bags_by_stem: dict[str, list[tuple[frozenset[str], str]]] | None = None  # built on first use
        self.stems_of: dict[str, set[str]] = defaultdict(set)
        self.names_of: dict[str, set[frozenset[str]]] = defaultdict(set)  # target -> each name's content stems
        self._bare: dict[tuple[str, ...], set[tuple[int, str]]] = defaultdict(set)
        self._common: dict[str, frozenset[str]] | None = None  # built on first use, see common_stems

    def add(self, phrase: str, target: str, change: str | None = None, listed: bool = True,
            reverse: bool = False) -> None:
        """`listed`: written so in the ledger (not one of the forms of a verb it lists);
        `reverse`: a relation word that names its object first."""
        words = tokens(normalise(phrase))
        stems = tuple(token.stem for token in words)
        if not stems:
            return
        for position, token in enumerate(words):
            word = spelling(token.word)
            self._bare[stems].add((position, word))
            if listed and word.endswith("s"):  # a plural listed: its singular is as good
                self._bare[stems].update({(position, word[:-1]), (position, word[:-2])})
        if len(stems) == 1 and phrase.isupper() and len(phrase.strip(".")) <= 3:
            self._acronyms.add(stems)  # US, EU, RT, UN: only when written in capitals
        self.stems_of[target].update(stems)
        self.names_of[target].add(frozenset(stems) - STOPWORDS)
        named = self._phrases.setdefault(stems, [])
        if not named:
            lengths = self._lengths[stems[0]]
            if len(stems) not in lengths:
                lengths.append(len(stems))
                lengths.sort(reverse=True)
        if (target, change, reverse) not in named and len(named) <= MAX_SENSES:  # one more: ambiguous
            named.append((target, change, reverse))
        content = frozenset(s for s in stems if s not in STOPWORDS)
        if len(content) >= 2 and change is None and not reverse:
            self._bags.setdefault((content, target), len(self._bags))
            self._bags_by_stem = None

    def bags_within(self, positions: dict[str, int]) -> list[tuple[frozenset[str], str]]:
        """The names of two or more content words (their stems, and what they name) whose every
        stem is among `positions` (stem -> where it first occurs), ordered by where the first of
        their stems in alphabetical order occurs, then as added. Each name is filed under its
        rarest stem, so a sentence saying "Pact" does not visit every name with "Pact" in it."""
        by_stem = self._bags_by_stem if self._bags_by_stem is not None else self.file_bags()
        found = [bag for stem in positions for bag in by_stem.get(stem, ()) if all(s in positions for s in bag[0])]
        return sorted(found, key=lambda bag: (positions[min(bag[0])], self._bags[bag]))

    def file_bags(self) -> dict[str, list[tuple[frozenset[str], str]]]:
        """File each name of several words under its rarest stem (done once all are added)."""
        counts: dict[str, int] = defaultdict(int)
        for content, _ in self._bags:
            for stem in content:
                counts[stem] += 1
        self._bags_by_stem = defaultdict(list)
        for bag in self._bags:
            self._bags_by_stem[min(bag[0], key=lambda s: (counts[s], s))].append(bag)
        return self._bags_by_stem

    def common_stems(self, target: str) -> frozenset[str]:
        """The stems of every phrase that names `target` and of every name of several words filed
        for it: words that name it have them all (see index.py)."""
        if self._common is None:
            common: dict[str, frozenset[str]] = {}
            named = [(frozenset(stems), sense[0]) for stems, senses in self._phrases.items() for sense in senses]
            for stems, named_target in [*named, *self._bags]:
                common[named_target] = common[named_target] & stems if named_target in common else stems
            self._common = common
        return self._common.get(target, frozenset())

    def _longest(self, words: list[Token], taken: set[int], i: int) -> tuple[int, list[_Sense]]:
        """The longest phrase starting at word `i` that is written there: its length and
        what it names."""
        if i in taken:
            return 0, []
        for length in self._lengths.get(words[i].stem, ()):
            end = i + length
            if end > len(words):
                continue
            stems = tuple(word.stem for word in words[i:end])
            named = self._phrases.get(stems)
            if named and all((i + k) not in taken and self._written(stems, k, words[i + k]) for k in range(length)) \
                    and (stems not in self._acronyms or words[i].upper):
                return length, list(named)
        return 0, []

    def _written(self, stems: tuple[str, ...], position: int, word: Token) -> bool:
        """Whether a word with a phrase's stem is one of the phrase's own forms: stems are crude,
        so a word left bare ("down", "found") is read only if it is a form the phrase was listed
        in (its word or its verb's forms), not another word its ending happens to strip to
        ("downed" is no "broke down", "founded" no "found that"). Inside a phrase, a word but
        the last is read only as listed or as a form of the listed verb: "member states" for
        "member state", never "parts of" for "part of"."""
        written = spelling(word.word)
        if position < len(stems) - 1:  # inside a phrase only its last word may take another ending
            return (position, written) in self._bare[stems]
        return written != word.stem or (position, written) in self._bare[stems]

    def find(self, words: list[Token], taken: set[int],
             ambiguous: list[tuple[int, int]] | None = None) -> list[Mention]:
        """Longest contiguous matches, left to right, skipping tokens already taken. A phrase that
        names several things ("withdrew" ends a membership and a deployment) yields one mention
        each; a phrase that only starts with "the" gives way to a longer one a word later ("the
        coup attempt" is the coup attempt, not "the coup")."""
        found: list[Mention] = []
        i = 0
        while i < len(words):
            length, best = self._longest(words, taken, i)
            if best and words[i].word in STOPWORDS and i + 1 < len(words):
                later, _ = self._longest(words, taken, i + 1)
                if i + 1 + later > i + length:
                    i += 1
                    continue
            if len(best) > MAX_SENSES:  # a name too many things share: read as none of them
                if ambiguous is not None:
                    ambiguous.append((i, i + length - 1))
                taken.update(range(i, i + length))
                i += length
            elif best:
                found.extend(Mention(target, i, i + length - 1, change, reverse) for target, change, reverse in best)
                taken.update(range(i, i + length))
                i += length
            else:
                i += 1
        return found


def side_by_side(text: str, words: Sequence[Token], first: Mention, second: Mention) -> bool:
    """Whether `second` begins at the word after `first` ends, with nothing but spaces between."""
    return first.last + 1 == second.first and not text[words[first.last].end:words[second.first].start].strip()


def _titled(found: list[Mention], words: list[Token], text: str) -> list[Mention]:
    """Two names of one thing side by side are one mention: "Russian President Putin", "Turkish
    President Erdogan"."""
    merged: list[Mention] = []
    for mention in found:
        last = merged[-1] if merged else None
        if last is not None and last.target == mention.target and side_by_side(text, words, last, mention) and \
                not last.scattered and not mention.scattered:
            merged[-1] = Mention(last.target, last.first, mention.last)
        else:
            merged.append(mention)
    return merged


ONSET_FORMS = frozenset({"began", "begin", "begins", "begun", "beginning", "start", "starts", "started", "starting",
                         "commence", "commences", "commenced", "commencing"})
"""Forms of the verbs of starting, which before a state's verb in -ing say its start."""


POSSESSIVE_DETERMINERS = ("its", "their", "his", "her", "our", "my", "your")


def verb_forms(phrase: str) -> list[str]:
    """A relation word as listed and in every form of its verb, so that a ledger lists lemmas
    only: "withdraw" is also withdrew, withdrawn and withdrawing (and so a passive "was
    withdrawn"), "shoot down" also "shot down". A single word is read as a verb whenever it can
    be one; in a longer phrase only a first word that cannot be a noun, or a past form ("talks
    with" stays as it is: a talk is not a meeting; "shot down" is inflected), or one a
    possessive determiner follows ("repair their relations"). See `owned_forms` for whose."""
    first, _, rest = phrase.partition(" ")
    word = first.lower()
    if not word.isalpha():
        return [phrase]
    if rest:
        lemma = lexicon.verb_lemma(word)
        owned = rest.split(" ", 1)[0].lower() in POSSESSIVE_DETERMINERS
        if lemma is None or ("N" in lexicon.word_classes(word) and (lemma == word or word.endswith("s"))
                             and not owned):
            return [phrase]
    forms = [phrase, *(f"{form} {rest}".strip() for form in lexicon.inflections(word)[1:])]
    return list(dict.fromkeys(owned for form in forms for owned in owned_forms(form)))


def owned_forms(phrase: str) -> list[str]:
    """A verb's phrase with whose object it is said in any way: a possessive determiner after the
    verb stands for any other ("repair their relations" is also "repairing its relations"), and
    a plural noun right after it may take one ("restore relations", "restored their
    relations"). Who the possessor is, is the subject's business: no party is read from it."""
    verb, _, rest = phrase.partition(" ")
    if not rest:
        return [phrase]
    noun, _, tail = rest.partition(" ")
    if noun.lower() in POSSESSIVE_DETERMINERS:
        owned = rest.partition(" ")[2]
    elif noun.endswith("s") and "N" in lexicon.word_classes(noun.lower()):
        owned = rest
    else:
        return [phrase]
    return [phrase, *(f"{verb} {determiner} {owned}" for determiner in POSSESSIVE_DETERMINERS)]


BEFORE_BASE_FORM = frozenset({"did", "do", "does", "not", "never", "to", "will", "would", "can", "could", "may",
                              "might", "must", "shall", "should"})
"""Words after which a word that may be an adverb or a verb is the verb: "did not open"."""


def _after_seen_party(words: list[Token], taken: set[int], perceived: int | None, index: int) -> bool:
    """Whether only a named party (with its article) stands between the verb of seeing and the
    word `index`: "saw the Northline open"."""
    if perceived is None or index <= perceived + 1 or index - 1 not in taken:
        return False
    return all(i in taken or words[i].word in ("the", "a", "an") for i in range(perceived + 1, index))


def adverb_base_form(phrase: str) -> str | None:
    """The phrase with its verb in the base form `verb_forms` leaves out as also an adverb ("open
    to traffic" of "opened to traffic"), if it does."""
    first, _, rest = phrase.partition(" ")
    base = lexicon.adverb_base(first.lower()) if first.isalpha() else None
    return f"{base} {rest}".strip() if base is not None else None


def _verb_form(word: str) -> bool:
    """A verb's past or -ing form that is no noun ("headed", "founded"): a name's word written so
    is the verb, not the name (unless in a compound: "submarine-launched")."""
    lemma = lexicon.verb_lemma(word)
    if not word.endswith(("ed", "ing")) or lemma is None or lemma == word:
        return False
    return "N" not in lexicon.word_classes(word)


def _verb_only(word: str) -> bool:
    """A word that can only be a verb or an auxiliary ("is", "began"): the words of a name
    written out of order have none between them."""
    classes = lexicon.word_classes(word)
    return bool(classes) and set(classes) <= {"V", "A"}


class Vocabulary:
    """Entity names and relation words of one ledger."""

    def __init__(self, ledger: Ledger) -> None:
        self.entities = _PhraseIndex()
        self.relations = _PhraseIndex()
        self.after_auxiliary = _PhraseIndex()  # "open" of "opened": only in "did not open", "will open"
        self.kinds = {relation.id: relation.kind for relation in ledger.relations.values()}
        things: list[Entity | Source] = [*ledger.entities.values(), *ledger.sources.values()]
        self._joined_names: set[str] = set()
        """The things one of whose names joins words with "and" or "or" ("Bosnia and Herzegovina")."""
        for thing in things:
            for name in (thing.name, *thing.aliases, thing.id.replace("-", " ")):
                self.entities.add(name, thing.id)
                if _JOINED_NAME.search(name):
                    self._joined_names.add(thing.id)
        for relation in ledger.relations.values():
            for change, listed, reverse in ((None, relation.words, False), ("start", relation.start_words, False),
                                            ("end", relation.end_words, False), (None, relation.reverse_words, True)):
                for phrase in listed:
                    for form in verb_forms(phrase):
                        self.relations.add(form, relation.id, change, listed=form == phrase, reverse=reverse)
                    base = adverb_base_form(phrase)
                    if base is not None:
                        self.after_auxiliary.add(base, relation.id, change, listed=False, reverse=reverse)
        self.entities.file_bags()

    def entity_mentions(self, words: list[Token], ambiguous: list[tuple[int, int]] | None = None,
                        text: str = "") -> tuple[list[Mention], set[int]]:
        """Entities named in the words: exact phrases first, then multi-word names whose words all
        occur close together in another order ("the treaty absorbing Crimea" for "Crimea treaty"),
        never across punctuation of the `text` the words are of.
        Names more than MAX_SENSES things share go to `ambiguous` (first and last word)."""
        taken: set[int] = set()
        found = self.entities.find(words, taken, ambiguous)
        positions: dict[str, int] = {}
        for index, word in enumerate(words):
            positions.setdefault(word.stem, index)
        for content, target in self.entities.bags_within(positions):
            where = sorted(positions[s] for s in content)
            first, last = where[0], where[-1]
            if last - first > 2 * len(content) + 2:
                continue
            inside = [m for m in found if m.last >= first and m.first <= last]
            # the whole name wins over the parts of it named on their own ("the treaty on
            # Crimea's accession to Russia"), but never over a name reaching outside it
            if any(m.first < first or m.last > last or (m.target == target and m.last - m.first >= last - first)
                   for m in inside):
                continue
            strangers = [i for i in range(first, last + 1)
                         if words[i].stem not in content and words[i].word not in _NAME_GLUE]
            between = [words[i].word for i in strangers]
            if any(_verb_only(word) for word in between) or (between and any(m.target != target for m in inside)):
                continue  # "Ashby is a member town" does not name "Ashby town": a verb stands between
            if any((words[i].capital or words[i].word.isdigit()) and not any(m.first <= i <= m.last for m in inside)
                   for i in strangers):
                continue  # "the River Accord and the K-9 treaty": another name stands between
            if any(mark in text[words[first].end: words[last].start] for mark in ",;()"):
                continue  # "Riverside Depot, the city's oldest bus garage": an aside is no part of a name
            if target not in self._joined_names and any(words[i].word in _JOINERS for i in range(first, last + 1)):
                continue  # "Brenmoor and other towns" names two parties, no "Brenmoor town"
            if any(_verb_form(words[i].word) and text[words[i].start - 1: words[i].start] != "-" for i in where):
                continue  # "Quill headed the transit authority" does not name "head of the transit authority"
            found = [m for m in found if m not in inside]
            found.append(Mention(target, first, last, scattered=True))
            taken.update(where)
        return _titled(sorted(found, key=lambda m: m.first), words, text), taken

    def _gerund_states(self, words: list[Token], taken: set[int], found: list[Mention]) -> list[Mention]:
        """A state's verb in -ing inside a listed phrase that opens with a word of starting
        ("began operating" listed for an opening): also that state, whose start the word says
        ("began operating the buses"); the facts decide which reading is meant."""
        extra: list[Mention] = []
        for mention in found:
            gerund = mention.first + 1
            if mention.last < gerund or words[mention.first].word not in ONSET_FORMS or \
                    not words[gerund].word.endswith("ing"):
                continue
            length, senses = self.relations._longest(words, set(taken), gerund)
            extra += [Mention(target, gerund, gerund + length - 1, change, reverse)
                      for target, change, reverse in senses if self.kinds.get(target) == "state" and change is None]
        return extra

    def part_of_name(self, modifier: str, target: str) -> bool:
        """Whether one of an entity's names stands whole in another's names: "Russian" of "Russian
        Su-24 bomber" (not a word two names share: "Republic of Turkey" and "Republic of Crimea")."""
        words = self.entities.stems_of.get(target, set())
        return any(name and name <= words for name in self.entities.names_of.get(modifier, ()))

    def relation_mentions(self, words: list[Token], taken: set[int], perceived: int | None = None) -> list[Mention]:
        """The relation words, and a verb's base form that is also an adverb where only the verb
        can stand ("did not open until 2022"; not "was open", "broke open"): also right after the
        party of a verb of seeing whose subject is a time (`perceived`: "2019 saw the Northline
        open")."""
        found = self.relations.find(words, set(taken))
        found += self._gerund_states(words, taken, found)
        used = set(taken) | {i for m in found for i in range(m.first, m.last + 1)}
        bare = [m for m in self.after_auxiliary.find(words, used)
                if m.first > 0 and (words[m.first - 1].word in BEFORE_BASE_FORM
                                    or _after_seen_party(words, taken, perceived, m.first))]
        return sorted([*found, *bare], key=lambda m: m.first) if bare else found
