"""The readings a sentence may have: for each relation word, who does it to whom, when, whether
negated. Each reading remembers the words it accounts for, so that what no judged reading
covers can be reported as not checked.

The search is a few small steps, each linear in the words of one clause:
1. `clause_of`: a verb's parties stand within its clause ("..., until the Astana talks started");
2. `parties_around`: the named parties before and after the verb in that clause;
3. `party_options`: who is subject and who is object, from one small step per word order
   (`epithet_option`, `modifier_option`, `passive_option`, `in_order`, `subject_after`,
   `object_before`, `farther_objects`);
4. `date_for`, `negation_for`, `number_for`, `change_after`: the date, negation, number and
   the verb after a noun's phrase ("the operation ... began") that go with it;
5. `timings` (`change_said`, `undated`, `bounded`, `from_to`), `since_timings` and
   `present_timings`: what those and the tense say of when it held or happened, as assertion
   fields.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from ..diagnostics import Location
from ..model import Assertion, PartialDate
from . import lexicon, nominal
from .amounts import range_upper
from .coordination import gapped
from .extract import (
    CLAUSE_WORDS,
    END_WORDS,
    NEGATIONS,
    NOW_WORDS,
    RANKS,
    START_WORDS,
    DateMention,
    NumberMention,
    Reading,
    governing,
    number_start,
)
from .text import STOPWORDS, Token
from .vocabulary import Mention, side_by_side

MAX_PARTIES = 8
_PARTICLES = frozenset({"up", "down", "out", "off", "over", "in", "on", "into", "to", "with", "from", "back"})
"""Last words of phrasal verbs ("set up"): a relation word ending so is a verb, never an epithet."""
"""At most this many named parties on each side of a verb are considered (the nearest ones):
the readings of a verb stay linear in the length of a sentence."""

_PASSIVE = frozenset({"by"})
_PRONOUNS = frozenset({"it", "its", "they", "their", "he", "his", "she", "her", "we", "our", "this", "that", "these",
                       "those", "which"})
"""Words that stand for a party named elsewhere: a value said of one is no value of the one
holder the facts know ("it cost 412 million crowns" names nothing)."""
_NOUN_PHRASE_GLUE = frozenset({"s", "in", "of", "at", "the", "on", "against"})
_JOINERS = frozenset({"and", "together", "with", "&"})
_COORDINATORS = frozenset({"and", "but", "or", "nor"})
_WHERE = Location("<text>")


@dataclass(frozen=True)
class Candidate:
    """One reading of one relation word, and the words of the sentence it accounts for."""

    assertion: Assertion
    relation: Mention
    covers: frozenset[int]
    date: DateMention | None = None
    number: NumberMention | None = None


def candidates(reading: Reading) -> list[Candidate]:
    """Every reading the sentence may have, most likely first for each relation word."""
    found: dict[Assertion, Candidate] = {}
    for relation in reading.relations:
        for candidate in relation_candidates(reading, relation):
            found.setdefault(candidate.assertion, candidate)
    return list(found.values())


def relation_candidates(reading: Reading, relation: Mention) -> list[Candidate]:
    """Every reading of one relation word: each timing its words say, with each order of its
    parties, the date, negation and number that go with it; none of a verb under a modal
    perfect ("should have opened in 2018" says not when it opened), nor of one the sentence does
    not say happened (see `unasserted`)."""
    if _modal_perfect(reading, relation) or unasserted(reading, relation):
        return []
    opening, closing = clause_of(reading, relation)
    before, after = parties_around(reading, relation, opening, closing)
    trailing = change_after(reading, relation)
    linked = value_verb(reading, relation)
    happened = event_verb_after(reading, relation)
    own_verb = trailing[0] if trailing else linked.first if linked else happened
    when = date_for(reading, relation, opening, closing, own_verb)
    negation = negation_for(reading, relation)
    if negation is None:  # a copula's link: "has not been" between two parties
        negation = next((i for i in range(relation.first, relation.last + 1) if reading.words[i].word in NEGATIONS),
                        None)
    if negation is not None and when is None and any(opening < first and last < closing
                                                     for first, last in reading.unanchored):
        return []  # "did not strike later that year": not "never struck", and when is not told
    if negation is not None and when is not None and when.bound is None and negation + 1 < len(reading.words) and \
            reading.words[negation + 1].word == "yet":
        return []  # "had not yet annexed Crimea in 2015": not by then, which no date of the facts' bounds
    if negation is not None and when is None and closing < len(reading.words) and \
            reading.words[closing].word in ("until", "till"):
        return []  # "did not open until the council approved it": it did, and when is not told
    if negation is not None and when is not None and when.last < relation.first and \
            any(when.last < verb < relation.first for verb in _verbs(reading)):
        return []  # "In 2014, Russia annexed Crimea and Turkey did not join NATO": not then, or never?
    number = number_for(reading, relation, opening, closing)
    paired = _paired_in_turn(reading, opening, closing)
    if paired:  # "bought it in 2017 and 2018 respectively": which date is whose is not read
        when = number = None
    elif number is not None and _summed(reading, opening, closing):
        number = None  # "Turkey and India bought nine between them": a total, no one's own
    base = _base_words(reading, relation, negation, number)
    spans = timings(reading, relation, when, trailing)
    spans = present_timings(reading, relation, when, negation is not None,
                            since_timings(reading, relation, when, negation is not None, spans))
    spans = continued_timings(reading, relation, when, negation is not None, spans)
    if negation is not None:
        spans = not_until_timings(reading, relation, when, spans)
    found = []
    shared = shared_object(reading, relation) if not after else None
    for timing, marker, dated in spans:
        covers = _timing_words(base, marker, dated)
        if timing.get("negated") is False and negation is not None:
            covers.discard(negation)  # "not ... until": the denial is the other reading's to check
        options = party_options(reading, relation, before, after, negated=negation is not None)
        if shared is not None:
            options = [(subject, shared if obj is None and shared not in subject else obj) for subject, obj in options]
        for subject, obj in _oriented(relation, options, thing_won(reading, relation, before, after)):
            if _juxtaposed(reading, (*subject, *((obj,) if obj else ()))):
                continue
            targets = frozenset(m.target for m in subject)
            if obj is not None and obj.target in targets and not any(m.first <= obj.first <= m.last for m in subject):
                continue  # "the authority created the authority": no party acts on itself in a fact
            target = obj.target if obj else None
            words = set(covers)
            for mention in (*subject, *((obj,) if obj else ())):
                words.update(range(mention.first, mention.last + 1))
            assertion = Assertion(targets, relation.target, _WHERE, object=target,
                                  value=number.value if number else None,
                                  **{"negated": negation is not None, **timing})
            found.append(Candidate(assertion, relation, frozenset(words), when, number))
    return found


IMPLICATIVE = frozenset({"manage", "begin", "start", "continue", "proceed", "go", "come", "get", "happen", "dare",
                         "bother", "remember", "help", "turn"})
"""Verbs whose "to" clause says it happened: "managed to join", "went on to buy", "began to"."""
_FUTURE = frozenset({"is", "was", "are", "were", "be", "due", "set", "scheduled", "slated", "expected", "poised",
                     "going", "about"})
"""Words before "to" that say it was to happen, as "will" does ("was due to meet", "set to leave"):
a prediction, checked once its date has passed."""
_TO_PLACES = frozenset({"open", "go", "come", "move", "fly", "travel", "return", "turn", "send", "deliver", "sell",
                        "give", "belong", "lead", "switch", "close", "talk", "speak", "write", "point", "add",
                        "contribute", "transfer", "export", "supply", "ship", "extend"})
"""Verbs whose "to" is a preposition before a noun ("opened to traffic", "sold to Turkey"), not
the mark of an infinitive."""
_RANKED = frozenset({"first", "last", "only", "second", "third", "sole"})
_CONDITIONS = frozenset({"if", "unless", "whether", "lest"})
_INVERTING = frozenset({"had", "were", "should"})
_HYPOTHETICAL = frozenset({"would"})
_ALTERNATIVES = (("instead", "of"), ("rather", "than"), ("in", "place", "of"), ("without",))
_COUNTERFACTUAL = frozenset({"almost", "nearly"})
_POSSIBLE = frozenset({"could", "may", "might", "can", "should", "ought"})
"""Modals of what is possible or wanted ("could carry", "may join", "should leave"), unlike
"will" and "would", which predict: that it happened or holds is not said."""
_SKIPPED_BEFORE = frozenset({"not", "never", "also", "soon", "then", "later", "quickly", "formally", "officially",
                             "the", "a", "an", "its", "their", "his", "her", "s"})


def _inverted_condition(reading: Reading, index: int) -> bool:
    """A condition by inversion at the start of a sentence or clause: "Had Russia not annexed
    Crimea, ...", "Were Turkey to leave NATO, ...", "Should the council approve it, ..."."""
    words = reading.words
    if words[index].word not in _INVERTING or index + 1 >= len(words):
        return False
    opens = index == 0 or index - 1 in reading.breaks or any(
        mark in reading.text[words[index - 1].end:words[index].start] for mark in ",:")
    subject = index + 1 + (words[index + 1].word in _ARTICLES)
    return opens and any(m.first == subject for m in reading.entities)


def unasserted(reading: Reading, relation: Mention) -> str | None:
    """Why the sentence does not say that the relation word's statement happened or holds, if it
    does not: it is a condition ("if Turkey leaves NATO"), an alternative not taken ("instead of
    joining the CSTO", "without signing"), what nearly happened ("nearly left"), or the "to"
    clause of a verb that does not make it happen ("threatened to leave", "plans to join", "a
    bid to buy", "in order to"; but "managed to join", "the first member to buy", and "was due
    to meet" is a prediction like "will meet")."""
    words = reading.words
    if _joined_possession(reading, relation):
        return "parties joined to a named one ('and its'): who they are is not checked"
    index = relation.first - 1
    while index >= 0 and words[index].word in _SKIPPED_BEFORE:
        index -= 1
    if index >= 0 and words[index].word in _COUNTERFACTUAL:
        return f"what nearly happened ('{words[index].word}'): that it happened is not said"
    would = governing(reading, relation, _HYPOTHETICAL)
    if would is not None and any(w.word in _CONDITIONS or _inverted_condition(reading, i)
                                 for i, w in enumerate(words[:would])):
        return f"what would follow from a condition ('{words[would].word}'): that it happened is not said"
    modal = governing(reading, relation, _POSSIBLE)
    if modal is not None and not any(m.first <= modal <= m.last for m in reading.date_mentions):  # "11 May"
        return f"a possibility ('{words[modal].word}'): that it happened is not said"
    for alternative in _ALTERNATIVES:
        start = index - len(alternative) + 1
        if start >= 0 and tuple(w.word for w in words[start:index + 1]) == alternative:
            return f"an alternative ('{' '.join(alternative)}'): that it happened is not said"
    verb = words[relation.first].word
    if index >= 1 and words[index].word == "to" and index - 1 not in reading.named \
            and lexicon.verb_lemma(verb) == verb and lexicon.verb_lemma(words[index - 1].word) not in _TO_PLACES:
        head = index - 1
        if words[head].word in ("on", "out") and head >= 1:  # "went on to", "turned out to"
            head -= 1
        ranked = any(w.word in _RANKED for w in words[max(0, head - 3):head])
        if lexicon.verb_lemma(words[head].word) not in IMPLICATIVE and not ranked \
                and words[head].word not in START_WORDS | _FUTURE:
            return "an aim or a plan ('to'): that it happened is not said"
    for back in range(relation.first - 1, -1, -1):
        if any(mark in reading.text[words[back].end:words[back + 1].start] for mark in ",;:"):
            break
        if words[back].word in _CONDITIONS or _inverted_condition(reading, back):
            return f"a condition ('{words[back].word}'): that it happened is not said"
    return _only_spoken_of(reading, relation)


def _joined_possession(reading: Reading, relation: Mention) -> bool:
    """"Turkey and its allies", "the KVTA and its members": a relation noun after a possessive
    joined by "and" to a name is another party of the sentence, not a statement about the name."""
    first = relation.first
    words = reading.words
    return first >= 3 and words[first - 1].word in ("its", "their", "his", "her") and \
        words[first - 2].word in ("and", "or", "&") and first - 3 in reading.named


_CONTENT_NOUNS = frozenset({
    "claim", "claims", "report", "reports", "rumour", "rumours", "rumor", "rumors", "idea", "notion", "myth",
    "allegation", "allegations", "suggestion", "suggestions", "assertion", "assertions", "theory", "speculation",
    "belief", "impression", "fear", "fears", "hope", "hopes", "story", "stories", "narrative", "lie", "hoax",
    "misconception", "question", "doubt", "doubts", "possibility", "chance", "risk", "prospect", "view", "argument"})
"""Nouns whose "that" clause is only spoken of: "the claim that Turkey left NATO" does not say it did."""
_FACTIVE = frozenset({"true", "fact", "clear", "certain", "known", "undeniable", "evident", "obvious", "confirmed",
                      "correct", "accurate", "indisputable", "beyond", "doubt", "established"})
"""Words of "it is ... that" that say the clause holds: "it is true that", "it is a fact that"."""
_REACH_BACK_TO_THAT = 12


def _only_spoken_of(reading: Reading, relation: Mention) -> str | None:
    """A verb in a "that" clause that a noun of saying or believing governs ("the claim that
    Turkey joined NATO in 1952 is a myth", "reports that ...") or that "it is ... that" judges
    with a word that does not say it holds ("it is a myth that ...", "it is unlikely that ...";
    not "it is true that"): the sentence speaks of the statement, it does not make it."""
    words = reading.words
    for back in range(relation.first - 1, max(relation.first - _REACH_BACK_TO_THAT, 0) - 1, -1):
        if ":" in reading.text[words[back].end:words[back + 1].start] or back in reading.breaks:
            return None
        if words[back].word != "that":
            continue
        before = [w.word for w in words[max(0, back - 4):back]]
        if before and before[-1] in _CONTENT_NOUNS:
            return f"spoken of ('{before[-1]} that'): that it holds is not said"
        judged = _extraposed_judgement(before)
        if judged is not None and judged not in _FACTIVE:
            return f"judged ('it is {judged} that'): that it holds is not said"
        return _denied_saying(reading, back)
    return None


_DENYING = frozenset({"deny", "dispute", "doubt", "reject", "question", "contest", "refute"})
"""Verbs of saying that a "that" clause does not hold: "Putin denied that ..."."""


def _denied_saying(reading: Reading, that: int) -> str | None:
    """A "that" clause of a verb of saying that is denied or that denies ("Erdogan never said that
    ...", "did not deny that ...", "disputes that ..."): the sentence does not say the clause holds,
    nor that it does not (the denial is the saying's)."""
    words = reading.words
    verb = that - 1
    while verb >= 0 and words[verb].word.endswith("ly") and verb not in reading.named:
        verb -= 1  # "never publicly said that"
    if verb < 0:
        return None
    lemma = lexicon.verb_lemma(words[verb].word)
    if lemma in _DENYING:
        return f"spoken of ('{words[verb].word} that'): that it holds is not said"
    if lemma in lexicon.ATTRIBUTION_VERBS and any(w.word in NEGATIONS for w in words[max(0, verb - 3):verb]):
        return f"spoken of (not '{words[verb].word}'): that it holds is not said"
    return None


def _extraposed_judgement(before: list[str]) -> str | None:
    """The word of "it is (a) <word> that" before "that", if those are the words before it."""
    words = [w for w in before if w not in ("a", "an", "the", "not", "s")]
    if len(words) >= 3 and words[-3] == "it" and words[-2] in ("is", "was", "s", "seems", "seemed", "remains"):
        return words[-1]
    return None


def _juxtaposed(reading: Reading, parties: tuple[Mention, ...]) -> bool:
    """Two of the parties stand side by side with nothing between: "Russian President Erdogan"
    is one person given a title, not two parties ("Putin" is "the Russian President")."""
    ordered = sorted(parties, key=lambda m: m.first)
    return any(side_by_side(reading.text, reading.words, a, b) for a, b in zip(ordered, ordered[1:], strict=False))


_MODAL_PERFECT = frozenset({"would", "could", "should", "might", "may", "must", "to"})
_SKIPPED = frozenset({"not", "never", "been", "be", "also", "already", "still"})


def _modal_perfect(reading: Reading, relation: Mention) -> bool:
    """The verb stands after a modal and "have": "should have opened", "could not have been
    built", "ought to have joined" (see account.py, which reports the modal)."""
    index = relation.first - 1
    while index >= 0 and reading.words[index].word in _SKIPPED:
        index -= 1
    if index < 1 or reading.words[index].word != "have":
        return False
    index -= 1
    while index >= 0 and reading.words[index].word in NEGATIONS:
        index -= 1
    return index >= 0 and reading.words[index].word in _MODAL_PERFECT


def _base_words(reading: Reading, relation: Mention, negation: int | None,
                number: NumberMention | None) -> set[int]:
    """The words every reading of the relation word accounts for: its own, its negation, its
    number, and a value word that the number counts ("carried 21 million passengers": the
    number's own noun says the same)."""
    post = post_phrase(reading, relation)
    base = set(range(post[0] if post else relation.first, relation.last + 1))
    inclusion = included(reading, relation)
    for index in (negation, number.index if number else None, inclusion[0] if inclusion else None):
        if index is not None:
            base.add(index)
    if number is not None:
        base.update(i for m in reading.relations if m.target == relation.target and _counted_by(m, number)
                    for i in range(m.first, m.last + 1))
        verb = value_verb(reading, relation)
        if verb is not None:
            base.update(range(verb.first, verb.last + 1))
    return base


def _timing_words(base: set[int], marker: int | None, dated: tuple[DateMention, ...]) -> set[int]:
    """`base` with the word that said the timing and the dates used, each with its bound ("since")."""
    covers = set(base) | ({marker} if marker is not None else set())
    for mention in dated:
        covers.update(range(mention.first - (1 if mention.bound else 0), mention.last + 1))
    return covers


def _oriented(relation: Mention, options: list[Option], won: Option | None = None) -> list[Option]:
    """A relation word that names its object first ("the S-400 arrived in Turkey" for "Turkey
    received the S-400") takes its parties the other way round: one on each side, or none; or
    the one before it alone, where what it names after it is a thing (see `thing_won`)."""
    if not relation.reverse:
        return options
    if won is not None:
        return [won]
    return [((obj,), subject[0]) for subject, obj in options if obj is not None and len(subject) == 1]


def thing_won(reading: Reading, relation: Mention, before: list[Mention], after: list[Mention]) -> Option | None:
    """"Bellwright won the Northline contract": a word that names its object first, one party
    before it and, after it, only names that describe the noun after them (the thing won, no
    party), says the party before was given it; who gave it, the reader asks the facts (see
    Reader._agentless), and the names after are checked only where a supporting statement
    names them (account.py)."""
    if not relation.reverse or len(before) != 1 or not after or \
            any(w.word not in _ARTICLES for w in reading.words[relation.last + 1:after[0].first]):
        return None
    return ((before[0],), None) if all(modifier_of_next(reading, m) for m in after) else None


Timing = tuple[dict[str, Any], int | None, tuple[DateMention, ...]]
"""Assertion fields of time, the word that said them ("became"), and the dates used."""


def since_timings(reading: Reading, relation: Mention, when: DateMention | None, negated: bool,
                  spans: list[Timing]) -> list[Timing]:
    """What "since" says of a state beyond its start. "has not been a member since 2016" says it
    has not held from then to now, not that it did not start then: it is checked at today's
    date, and the date is left not checked. "has run the network since 2004" also says it still
    does: it did not end after 2004 (not so "had been ... since", true then whatever came later)."""
    if when is None or when.bound != "since" or relation.change is not None or \
            reading.kinds.get(relation.target) != "state":
        return spans
    if negated:
        return [({"date": PartialDate.from_date(reading.today)}, None, ())] if reading.today else []
    if _past_perfect(reading, relation):
        return spans
    return [*spans, ({"change": "end", "after": when.date, "negated": True}, None, (when,))]


def not_until_timings(reading: Reading, relation: Mention, when: DateMention | None,
                      spans: list[Timing]) -> list[Timing]:
    """A denial up to a date says it happened then, and not before: "did not join NATO until
    1952" is "joined in 1952, not before 1952"; "was not mayor until 2012", "became mayor in 2012,
    not before". Of a state its start is meant. Read only with a plain date; a part of one
    ("not until late 2019") or the end of a range leaves the verb unread."""
    if when is None or when.bound != "until" or range_start(reading, when) is not when:
        return spans
    if when.part is not None or when.ambiguous or when.side is not None:
        return []
    change, marker = change_said(reading, relation, change_after(reading, relation))
    if change is None and reading.kinds.get(relation.target) == "state":
        change = "start"
    return [({"change": change, "date": when.date, "negated": False}, marker, (when,)),
            ({"change": change, "before": when.date, "negated": True}, marker, (when,))]


def present_timings(reading: Reading, relation: Mention, when: DateMention | None, negated: bool,
                    spans: list[Timing]) -> list[Timing]:
    """A state said in the present tense with no date ("Ferro is mayor", "Greyline runs the
    buses") says that it holds still: that it has not ended, besides that it held; denied ("Ferro
    is not mayor"), that it does not hold today. (With "still", "now" or "today" it is checked at
    today's date instead; "became" says only its start.) A
    value in the present tense ("the League has 27 members", "a ticket costs 3 crowns") is
    today's value: a figure of another year does not speak to it."""
    kind = reading.kinds.get(relation.target)
    if kind == "value" and when is None and reading.today is not None and _present_value(reading, relation):
        return [({"date": PartialDate.from_date(reading.today)}, None, ())]
    if when is not None or relation.change is not None or kind != "state":
        return spans
    if any(timing.get("change") or "date" in timing for timing, _, _ in spans) or not _present(reading, relation):
        return spans
    if negated:  # "Ferro is not mayor": not now, which says nothing of her past term
        return [({"date": PartialDate.from_date(reading.today)}, None, ())] if reading.today is not None else spans
    return [*spans, ({"change": "end", "negated": True}, None, ())]


def continued_timings(reading: Reading, relation: Mention, when: DateMention | None, negated: bool,
                      spans: list[Timing]) -> list[Timing]:
    """A state said to remain at a date ("remained mayor in 2021", "continued to be a member in
    2016") held then and had begun before: it did not start within that date, which is checked
    too ("Marrow remained mayor in 2020" is false of a term begun in May 2020; of a state the facts
    know at one date only, not known)."""
    if when is None or when.bound is not None or negated or reading.kinds.get(relation.target) != "state":
        return spans
    marker = next((i for i in range(relation.first, relation.last + 1) if reading.words[i].word in _CONTINUING),
                  None)  # a copula's own words: "Marrow remained mayor"
    if marker is None:
        marker = governing(reading, relation, _CONTINUING)
    dated = [(timing, dates) for timing, _, dates in spans if "date" in timing and not timing.get("change")]
    if marker is None or len(dated) != 1:
        return spans
    [(timing, dates)] = dated
    return [*spans, ({"change": "start", "negated": True, "date": timing["date"]}, marker, dates)]


_CONTINUING = frozenset({"remain", "remains", "remained", "stay", "stays", "stayed", "continued", "continues"})
"""Words that say a state went on: it had begun before ("remained mayor in 2021")."""


_PRESENT_COPULAS = frozenset({"is", "are", "am", "remains", "remain", "stays", "stay", "does", "do"})


_HAS = frozenset({"has", "have"})
"""Present forms that give a value its tense: "the League has 27 members"."""


def _present_value(reading: Reading, relation: Mention) -> bool:
    """A value word in the present tense, or its verb: "has 27 members", "a ticket costs",
    "runs 38 trams", "carries 21 million passengers" (another word of the same value near it)."""
    verb = value_verb(reading, relation)
    return (verb is not None and _present(reading, verb, _HAS)) or any(
        _present(reading, m, _HAS) for m in reading.relations
        if m == relation or (m.target == relation.target and abs(m.first - relation.first) <= 4))


def _present(reading: Reading, relation: Mention, also: frozenset[str] = frozenset()) -> bool:
    """Said in the present tense: a present form of "be", "remain" or "stay" (or of `also`) in the
    verb's phrase or just before it ("is a member", "is not"), or a verb's third-person present
    ("runs")."""
    words = reading.words
    present = _PRESENT_COPULAS | also
    if any(words[i].word in present for i in range(relation.first, relation.last + 1)):
        return True
    copula = governing(reading, relation, present)
    if copula is not None and not (copula + 1 < len(words) and words[copula + 1].word == "what"):
        return True  # not "that is what the tunnel cost": the verb's own tense is said after "what"
    inclusion = included(reading, relation)
    if inclusion is not None and words[inclusion[0]].word in _INCLUDE_PRESENT:
        return True  # "NATO's members include Turkey": now
    word = words[relation.first].word
    lemma = lexicon.verb_lemma(word)
    return lemma is not None and lemma != word and word in (lemma + "s", lemma + "es", lemma[:-1] + "ies")


def _past_perfect(reading: Reading, relation: Mention) -> bool:
    """"had been a member since 1990": true then, whatever came later."""
    return any(reading.words[i].word == "had" for i in range(max(0, relation.first - 4), relation.last + 1))


def timings(reading: Reading, relation: Mention, when: DateMention | None,
            trailing: tuple[int, str] | None = None) -> list[Timing]:
    """When the verb is said to hold or happen, as assertion fields, with the word that said so
    ("became", "still", "the operation ... began") and the dates used: "in 2014" a date,
    "after"/"before 2014" a bound, "since 2014" a start, "until 2014" an end (a bound for an
    event), "from 2012 to 2024" a start and an end; "still", "now", "today" today's date. An
    unpaired "to 2024" is left unread."""
    change, marker = change_said(reading, relation, trailing)
    if when is None or when.bound == "to":
        return undated(reading, relation, change, marker)
    when = range_start(reading, when)
    date = when.date
    if when.ambiguous:  # 03/04/2014: only its year is read (the rest stays not checked)
        date = PartialDate(date.year)
    state = reading.kinds.get(relation.target) == "state"
    if when.bound == "from" and state and change is None:
        return from_to(reading, when, date, marker)
    if when.bound == "from" and not state:
        until = range_end(reading, when)
        if until is not None:
            return [({"change": change, "after": preceding(date), "before": following(until.date)}, marker,
                     (when, until))]
    if when.bound == "by" and not (state and change is None):
        return [(deadline(reading, when, date, change), marker, (when,))]
    if when.part is not None and not (state and change is None) and not when.ambiguous:
        part = when.part  # "opened in early 2022": within January to June, surely January to March
        return [({"change": change, "after": part.after, "before": part.before, "surely": part.surely}, marker,
                 (dataclasses.replace(when, first=part.first),))]
    fields = bounded(when.bound, date, change, state)
    if when.side is not None and when.bound is None and when.anchor is not None:
        fields.update(sided(date, when.side, when.anchor, state and change is None))
    return [(fields, marker, (when,))]


def sided(date: PartialDate, side: str, anchor: PartialDate, state: bool) -> dict[str, Any]:
    """The fields of "later that month" (`side` "after") or "earlier that month" ("before") of
    the month `date`, said from the day `anchor`: an event after (before) the anchor within the
    date; a state held at some time between the anchor and the month's end (its start), so no
    longer a date but bounds."""
    if not state:
        return {side: anchor}
    if side == "after":
        return {"date": None, "after": anchor, "before": following(date)}
    return {"date": None, "after": preceding(date), "before": anchor}


def deadline(reading: Reading, when: DateMention, date: PartialDate, change: str | None) -> dict[str, Any]:
    """"by" a date, of an event or a state's start or end: no later than the date's end. "by the
    end of 2017" and "by 18 March 2014" say so exactly; "by 2018" or "by June 2017" may or may
    not take in the year or month itself, so only a date before it surely bears them out (and
    one within it is not checked). Of a state, "by 2016 Greyline ran the buses" says it held
    then, as a plain date does (see `bounded`)."""
    fields: dict[str, Any] = {"change": change, "before": following(date)}
    said = {w.word for w in reading.words[when.first: when.last + 1]}
    if date.day is None and "end" not in said:
        fields["surely"] = (dt.date.min, date.first - dt.timedelta(days=1))
    return fields


def preceding(date: PartialDate) -> PartialDate:
    """The year, month or day before a date, at its precision."""
    if date.day is not None:
        return PartialDate.from_date(date.first - dt.timedelta(days=1))
    if date.month is not None:
        return PartialDate(date.year - (date.month == 1), (date.month - 2) % 12 + 1)
    return PartialDate(date.year - 1)


def following(date: PartialDate) -> PartialDate:
    """The year, month or day after a date, at its precision."""
    if date.day is not None:
        return PartialDate.from_date(date.first + dt.timedelta(days=1))
    if date.month is not None:
        return PartialDate(date.year + date.month // 12, date.month % 12 + 1)
    return PartialDate(date.year + 1)


_POST_VERBS = {"took": "start", "taken": "start", "assumed": "start", "played": None}
"""Verbs, in the past, that before "the role of" and a relation noun say the noun's statement:
"took on the role of mediator" (its start), "played the role of mediator"."""
_POST_NOUNS = frozenset({"role", "post", "position", "job", "office"})
_POST_DETERMINERS = frozenset({"the", "a", "an", "its", "their", "his", "her"})


def post_phrase(reading: Reading, relation: Mention) -> tuple[int, str | None] | None:
    """"took on the role of mediator", "assumed the post of", "played the role of": where the
    phrase before the relation noun starts, and the change it says. Only with the verb in the
    past and nothing in the three words before it that could deny it, make it an aim or a
    prediction ("never took", "hoped to play" are not read)."""
    words = reading.words
    index = relation.first - 1
    if index < 2 or words[index].word != "of" or words[index - 1].word not in _POST_NOUNS:
        return None
    index -= 2
    while index > 0 and words[index].word in _POST_DETERMINERS:
        index -= 1
    if words[index].word in ("on", "up", "over"):
        index -= 1
    if index < 0 or words[index].word not in _POST_VERBS:
        return None
    if words[index].word == "taken" and reading.kinds.get(relation.target) == "state":
        return None  # "has taken on the role of": that it holds still is more than a start
    if any(w.word in NEGATIONS | _MODAL_PERFECT | _FUTURE | {"will", "can", "had"}
           for w in words[max(0, index - 3):index]):
        return None
    return index, _POST_VERBS[words[index].word]


STOP_WORDS = frozenset({"stop", "stops", "stopped", "stopping", "cease", "ceases", "ceased", "ceasing"})
"""Words that, before a state's verb in -ing, make its end: "stopped running the buses"."""
ONSET_WORDS = frozenset({"start", "starts", "started", "commence", "commences", "commenced"})
"""Words that, before a state's verb in -ing, make its start as "began" does anywhere before it:
"started running the buses", "commenced operating in Libya"."""


def change_said(reading: Reading, relation: Mention,
                trailing: tuple[int, str] | None) -> tuple[str | None, int | None]:
    """The start or end the words say, and the word that says it (None for the relation word's
    own): a start or end word of the relation ("joined"), a start word before it ("became a
    member"), or a verb after a noun's phrase ("the operation in Libya ended")."""
    if relation.change is not None:
        return relation.change, None
    marker = governing(reading, relation, START_WORDS)
    if marker is not None:
        return "start", marker
    post = post_phrase(reading, relation)
    if post is not None and post[1] is not None and reading.kinds.get(relation.target) == "state":
        return post[1], post[0]  # "took on the role of mayor"
    for words, change in ((STOP_WORDS, "end"), (ONSET_WORDS, "start")):
        marker = _before_gerund(reading, relation, words)
        if marker is not None:
            return change, marker  # "stopped running the buses", "started running the buses"
    if trailing is not None:
        return trailing[1], trailing[0]
    return None, None


def _before_gerund(reading: Reading, relation: Mention, wanted: frozenset[str]) -> int | None:
    """The index of one of `wanted` right before a verb in -ing that leads to a state's word
    ("stopped running", "started operating in", "stopped being a member")."""
    marker = governing(reading, relation, wanted)
    if marker is None or not reading.words[marker + 1].word.endswith("ing"):
        return None
    return marker if reading.kinds.get(relation.target) == "state" else None


def undated(reading: Reading, relation: Mention, change: str | None, marker: int | None) -> list[Timing]:
    """With no date: "still", "now", "today" put a state that neither starts nor ends at today's
    date; else only its start or end, if said, is read. In the present tense they say no more
    than the tense ("is still a member" is "is a member": it has not ended, as of the fact's last
    check; see `present_timings`). Of an event, "still" dates nothing: "still has not signed" is
    "has not signed", at no time up to now, not "did not sign today"."""
    now = now_marker(reading, relation)
    if now is not None and change is None and (_present(reading, relation) or (
            reading.words[now].word == "still" and reading.kinds.get(relation.target) != "state")):
        return [({"change": change}, now, ())]
    if now is not None and reading.today is not None and change is None:
        return [({"date": PartialDate.from_date(reading.today)}, now, ())]
    return [({"change": change}, marker, ())]


def bounded(bound: str | None, date: PartialDate, change: str | None, state: bool) -> dict[str, Any]:
    """A date and the word before it as assertion fields: "after"/"before" bound the time;
    "until" ends a state and bounds an event; "since" starts a state and bounds an event;
    otherwise the date itself."""
    if bound in ("after", "before") or (bound == "until" and not state):
        return {"change": change, "after" if bound == "after" else "before": date}
    if bound == "since" and not state:  # "has not visited Turkey since 2024": at no time from 2024 on
        return {"change": change, "after": preceding(date)}
    if bound == "since":
        return {"change": change or "start", "date": date}
    if bound == "until":
        return {"change": change or "end", "date": date}
    return {"change": change, "date": date}


def range_start(reading: Reading, when: DateMention) -> DateMention:
    """The first date of a range whose second date a verb took: "From 2015 to 2018, Simsek was
    deputy prime minister" is read from 2015, as "was ... from 2015 to 2018" is; so is "From
    2012, Ferro was mayor until 2020" (see `_fronted_start`)."""
    if when.bound != "until":
        return when
    start = next((m for m in reading.date_mentions if m.bound == "from" and m.last + 2 == when.first), None)
    if start is None:
        fronted = _fronted_start(reading)
        start = fronted if fronted is not None and range_end(reading, fronted) is when else None
    return when if start is None else start


def range_end(reading: Reading, when: DateMention) -> DateMention | None:
    """The second date of a range "from 2012 to 2024", "between March and October 2011"; of a
    "from" date that opens the sentence, the one "until" date of its clause ("From 2012, Ferro
    was mayor until 2020"), with no other date, no denial and at most one verb, of a state,
    between."""
    end = next((m for m in reading.date_mentions if m.bound == "until" and m.first == when.last + 2), None)
    if end is not None or when is not _fronted_start(reading):
        return end
    untils = [m for m in reading.date_mentions if m.bound == "until" and m.first > when.last]
    if len(untils) != 1:
        return None
    [end] = untils
    between = reading.text[reading.words[when.last].end: reading.words[end.first].start]
    verbs = [m for m in reading.relations if when.last < m.first < end.first and m.first in _verbs(reading)]
    if any(when.last < m.first < end.first for m in reading.date_mentions) or ";" in between or len(verbs) > 1 \
            or any(reading.kinds.get(m.target) != "state" for m in verbs) \
            or any(w.word in NEGATIONS for w in reading.words[when.last + 1: end.first]):
        return None  # not "From 2023, the union struck until 2024", nor "did not ... until 2020"
    return end


def _fronted_start(reading: Reading) -> DateMention | None:
    """A "from" date that opens the sentence, closed by a comma, with no "to" date of its own:
    "From 2012, Dana Ferro was Valdora's mayor until 2020"."""
    words = reading.words
    first = next((m for m in reading.date_mentions if m.first == 1), None)
    if first is None or first.bound != "from" or words[0].word != "from" or first.last + 1 >= len(words) \
            or "," not in reading.text[words[first.last].end: words[first.last + 1].start]:
        return None
    if any(m.bound == "until" and m.first == first.last + 2 for m in reading.date_mentions):
        return None
    return first


def from_to(reading: Reading, when: DateMention, date: PartialDate, marker: int | None) -> list[Timing]:
    """"from 2012 to 2024" of a state: a start, and an end where the second date follows. (Of an
    event, see `timings`: it happened within the range.)"""
    until = range_end(reading, when)
    found: list[Timing] = [({"change": "start", "date": date}, marker, (when,))]
    if until is not None:
        found.append(({"change": "end", "date": until.date}, marker, (when, until)))
    return found


def now_marker(reading: Reading, relation: Mention) -> int | None:
    """"still", "now", "today" near the verb (not inside a name)."""
    named = reading.named
    return next((i for i in range(max(0, relation.first - 3), min(relation.last + 3, len(reading.words)))
                 if reading.words[i].word in NOW_WORDS and i not in named), None)


def clause_of(reading: Reading, relation: Mention) -> tuple[int, int]:
    """The word indices bounding the verb's clause (exclusive): clause words such as "until",
    "while", "but" open a new one, and so does the word after a semicolon or a sentence's end
    (`Reading.breaks`); an aside between commas is a clause of its own."""
    aside = reading.aside_of(relation.first)
    if aside is not None:
        return aside[0] - 1, aside[1] + 1
    opening, closing = -1, len(reading.words)
    breaks = reading.breaks
    for index in range(relation.first - 1, -1, -1):
        if _opens_clause(reading, index) or index in breaks:
            opening = index
            break
    for index in range(relation.last + 1, len(reading.words)):
        if _opens_clause(reading, index) or index - 1 in breaks or _joins_clause(reading, index, relation):
            closing = index
            break
    return opening, closing


_FINITE = frozenset({"did", "does", "do", "has", "have", "had", "is", "was", "are", "were", "will", "would",
                     "could", "can", "may", "might", "should", "must", "never", "not", "also", "then", "later"})
"""Words that may follow a clause's subject before its verb."""


def _joins_clause(reading: Reading, index: int, relation: Mention) -> bool:
    """"and" or "but" after no party and before one that another verb than this one follows: a
    clause of its own ("The Northline opened in 2019 and Brenmoor joined the KVTA": Brenmoor is
    not the opening's)."""
    words = reading.words
    if words[index].word not in ("and", "but") or any(m.last == index - 1 for m in reading.entities):
        return False  # (parties joined: "the meeting between Erdogan and Putin took place")
    start = index + 1 + (index + 1 < len(words) and words[index + 1].word in _ARTICLES)
    party = next((m for m in reading.entities if m.first == start), None)
    if party is None or party.last + 1 >= len(words):
        return False
    after = party.last + 1
    return after != relation.first and (after in _verbs(reading) or words[after].word in _FINITE
                                        or _inflected_verb(words[after].word))


def _opens_clause(reading: Reading, index: int) -> bool:
    """A clause word that bounds no date ("until", not "since 1952") and stands in no aside
    ("Brenmoor, but not Ashby, is"), or "the same year"."""
    return (reading.words[index].word in CLAUSE_WORDS and not _starts_date(reading, index)
            and reading.aside_of(index) is None) or _same_time(reading, index)


_UNITS_OF_TIME = frozenset({"year", "month", "day"})


def _same_time(reading: Reading, index: int) -> bool:
    """"the same year (as)", "the same day" followed by a clause: "Riverside Depot closed the same
    year the KVTA took over the buses" (see links.py)."""
    words = reading.words
    return index + 3 < len(words) and words[index].word == "the" and words[index + 1].word == "same" and \
        words[index + 2].word in _UNITS_OF_TIME


def _starts_date(reading: Reading, index: int) -> bool:
    """"since 1952", "after 1995": a bound on a date, not a clause."""
    return any(m.bound and m.first == index + 1 for m in reading.date_mentions)


def parties_around(reading: Reading, relation: Mention, opening: int,
                   closing: int) -> tuple[list[Mention], list[Mention]]:
    """The named parties in the verb's clause, before and after it. Outside an aside, the
    names within asides are left out; inside one, the name it describes comes first."""
    own = reading.aside_of(relation.first)
    head = [m for m in reading.entities if m.last == own[0] - 1] if own is not None else []

    def in_scope(m: Mention) -> bool:
        return own is not None or reading.aside_of(m.first) is None

    relative = _object_relative(reading, relation) if own is None else None
    if relative is not None:  # "..., which Turkey criticised": Turkey did it, to what "which" stands for
        opening = max(opening, relative)
    before = head + [m for m in reading.entities if opening < m.first and m.last < relation.first and in_scope(m)
                     and not _excluded(reading, m)]  # "Brenmoor rather than Ashby joined": not Ashby
    remnants = _remnant_parties(reading)
    after = [m for m in reading.entities if relation.last < m.first and m.last < closing and in_scope(m)
             and m not in remnants and not _excluded(reading, m) and not _ranked_of_its_own(reading, m)]
    return before[-MAX_PARTIES:], after[:MAX_PARTIES]


_SUMMING = (("between", "them"), ("between", "the", "two"), ("combined",), ("altogether",), ("in", "total"),
            ("in", "all"))
"""Words that make a figure a total of the parties': "bought nine between them"."""


def _paired_in_turn(reading: Reading, opening: int, closing: int) -> bool:
    """"respectively" in the clause: its dates and figures go with its parties in turn, which the
    reader does not pair (they are reported as not checked)."""
    return any(reading.words[i].word == "respectively" for i in range(opening + 1, closing))


def _summed(reading: Reading, opening: int, closing: int) -> bool:
    """A figure said as the total of several parties ("Turkey and India bought nine S-400 systems
    between them", "a combined 9"): no one party's value."""
    words = [w.word for w in reading.words[opening + 1:closing]]
    return any(tuple(words[i:i + len(phrase)]) == phrase for phrase in _SUMMING for i in range(len(words)))


def _ranked_of_its_own(reading: Reading, mention: Mention) -> bool:
    """A name followed by a rank of its own, past "its" or "the" ("China was Russia's largest
    trading partner and Turkey its second"): a gapped clause that ranks it otherwise, no party of
    the verb before."""
    words = reading.words
    index = mention.last + 1
    if index + 1 >= len(words) or words[index].word not in ("its", "their", "his", "her", "the"):
        return False
    ranked = words[index + 1].word
    return ranked in RANKS or lexicon.is_superlative(ranked) or bool(re.fullmatch(r"\d+(?:st|nd|rd|th)", ranked)) or \
        ranked in _ORDINALS


_ORDINALS = frozenset({"sixth", "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth"})


_RELATIVES = frozenset({"which", "whom"})
_PRONOUN_SUBJECTS = frozenset({"it", "they", "he", "she", "we"})
_BEFORE_VERB = frozenset({"has", "have", "had", "did", "does", "do", "not", "never", "also", "later", "then",
                          "once", "was", "were", "is", "are", "will", "would"})


def _object_relative(reading: Reading, relation: Mention) -> int | None:
    """Where "which" or "whom" opens a clause, with no aside's second comma, whose subject (a name
    or a pronoun) stands between it and the verb ("Russia annexed Crimea in 2014, which Turkey
    criticised", "... and the buses, which it took over in 2021"): "which" is the verb's object,
    what it stands for is not read, and no party before it is the verb's."""
    words = reading.words
    index = relation.first - 1
    while index >= 0 and words[index].word in _BEFORE_VERB:
        index -= 1
    subject = next((m for m in reading.entities if m.last == index), None)
    if subject is None and not (index >= 0 and words[index].word in _PRONOUN_SUBJECTS):
        return None
    start = subject.first - 1 if subject is not None else index - 1  # "which it took over": whose, not read
    while start >= 0 and words[start].word in _ARTICLES:
        start -= 1
    return start if start >= 0 and words[start].word in _RELATIVES else None


_EXCLUDING = frozenset({"without", "except", "excluding"})
_ALTERNATIVE_JOINS = frozenset({"or", "either"})


def _excluded(reading: Reading, mention: Mention) -> bool:
    """A party after "without", "except" or "instead of" (past an article) is one the verb's
    statement leaves out: "addressed the assembly without the Pact" did not address the Pact;
    parties joined by "or" are alternatives, none of which the statement is said of ("either
    Brenmoor or Ashby joined")."""
    index = mention.first - 1
    while index >= 0 and reading.words[index].word in _ARTICLES:
        index -= 1
    if index >= 0 and reading.words[index].word in _EXCLUDING | _ALTERNATIVE_JOINS:
        return True
    following = mention.last + 1
    if following < len(reading.words) and reading.words[following].word == "or" and \
            not reading.text[reading.words[mention.last].end:reading.words[following].start].strip():
        return True
    return any(index - len(words) + 1 >= 0 and tuple(w.word for w in reading.words[index - len(words) + 1:index + 1])
               == words for words in _ALTERNATIVES)


def _remnant_parties(reading: Reading) -> set[Mention]:
    """The parties of gapped clauses with a date of their own ("... opened in 2022 and the
    Northline in 2018"): each says the verb again of itself (coordination.py), and is no object
    of the verb ("talks: Ruritania and the Pact" has none); once per reading."""
    cached = reading.cache.get("remnant parties")
    if cached is None:
        cached = reading.cache["remnant parties"] = {r.party for r in gapped(reading)
                                                     if r.party is not None and r.date is not None}
    return cached


Option = tuple[tuple[Mention, ...], Mention | None]
"""A subject (one or more joined parties) and an object."""


def party_options(reading: Reading, relation: Mention, before: list[Mention], after: list[Mention],
                  negated: bool = False) -> list[Option]:
    """Subject and object, most likely first: a name the verb's noun is said of ("NATO member
    Turkey", "Turkey is a NATO member"), the passive, the parties in order, then the readings
    of other word orders; of a denial, never one that leaves a party out ("did not strike
    against Greyline" does not deny every strike)."""
    if not before and not after and reading.kinds.get(relation.target) == "value" and not any(
            w.word in _PRONOUNS for w in reading.words[:relation.first]):
        return [((), None)]  # "a single ticket cost 3 crowns": whose, the reader asks the facts
    inclusion = included_option(reading, relation, after)
    if inclusion:  # "NATO's members include Turkey": never NATO a member of Turkey
        return inclusion
    fronted = fronted_option(reading, relation, before, after)
    if fronted:  # "Approved in 2015, the tunnel opened in 2022": the tunnel was approved
        return fronted
    passive = passive_option(reading, relation, before, after) or went_to_option(reading, relation, after)
    if passive:  # "the council was set up by the authority": never the other way round
        return passive
    of_phrase = of_phrase_option(reading, relation, before, after)
    if of_phrase:  # "the opening of the Northline": the Northline opened, or was opened
        return of_phrase
    options = [*epithet_option(reading, relation, before, after), *modifier_option(reading, relation, before),
               *in_order(reading, before, after),
               *subject_after(before, after), *object_before(reading, relation, before, after),
               *farther_objects(reading, before, after),
               *(without_object(reading, relation, before, after) if not negated else []),
               *next_clause(reading, relation, before, after)]
    return list(dict.fromkeys(options))


def next_clause(reading: Reading, relation: Mention, before: list[Mention], after: list[Mention]) -> list[Option]:
    """"The Northline opened in September 2019, and Dana Ferro stepped down the following year":
    the party after a comma and "and" or "but" may begin a clause of its own, and the verb before
    it have no object (which the facts then give none)."""
    if not before or not after or relation.reverse:
        return []
    words = reading.words
    index = next((i for i in range(relation.last + 1, after[0].first) if words[i].word in _COORDINATORS), None)
    if index is None or "," not in reading.text[words[index - 1].end: words[index].start]:
        return []
    return [(_joint(before, reading), None)]


_SHARED_GLUE = frozenset({"was", "were", "has", "had", "have", "is", "are", "been", "then", "later", "also",
                          "eventually", "finally", "subsequently", "never", "not", "did", "soon", "again"})
_AFTER_SHARED = frozenset({"it", "them", "in", "on", "at", "by", "from", "after", "before", "again", "later",
                           "until", "only", "just", "without"})


def shared_object(reading: Reading, relation: Mention) -> Mention | None:
    """"Brenmoor joined the KVTA in 2009 and left in 2015", "... and left it in 2015": a verb of
    the same relation joined by "and" or "but" to an earlier one, with no subject and no object
    of its own, says its change of the one party the earlier verb took as object. Only when that
    earlier verb has exactly one party after it, and nothing but a pronoun, a preposition or a
    date follows this one (a noun there would be an object of its own)."""
    words = reading.words
    index = relation.first - 1
    while index >= 0 and words[index].word in _SHARED_GLUE:
        index -= 1
    if index < 0 or words[index].word not in ("and", "but"):
        return None
    following = relation.last + 1
    if following < len(words) and words[following].word not in _AFTER_SHARED and \
            not any(m.first == following for m in reading.date_mentions):
        return None
    breaks = reading.breaks
    earlier = [m for m in reading.relations if m.target == relation.target and m.last < index
               and not any(m.last <= b < relation.first for b in breaks)]
    if not earlier:
        return None
    verb = max(earlier, key=lambda m: m.last)
    taken = [m for m in reading.entities if verb.last < m.first and m.last < index]
    return taken[0] if len(taken) == 1 else None


def of_phrase_option(reading: Reading, relation: Mention, before: list[Mention], after: list[Mention]) -> list[Option]:
    """"The opening of the Northline came in 2019", "the annexation of Crimea by Russia", "the
    accession of Turkey to NATO", "the meeting between Erdogan and Putin": an event noun that
    heads its phrase says the event of the party after "of", done by the parties after "by" if
    they follow, or towards the party after to/with/from (else the party alone, which the facts
    may give as the subject, or as the object of the one fact of that event: see
    Reader._agentless); "between X and Y" says it of X towards Y. Only a noun with nothing but
    an article before it, after the start, a comma, a date or a verb the reader reads or reports
    ("the planned opening" says less than that it opened)."""
    words = reading.words
    value = reading.kinds.get(relation.target) == "value"
    links = _VALUE_OF if value else ("of", "between")
    noun = _noun_here(reading, relation) or (value and not lexicon.word_classes(words[relation.last].word))
    if before or not after or not noun or \
            relation.last + 1 >= len(words) or words[relation.last + 1].word not in links or \
            not _heads_phrase(reading, relation):
        return []
    first = _party_after(reading, relation.last + 1, after)
    if first is None:
        return []
    link = words[relation.last + 1].word
    following = first.last + 1
    second = _party_after(reading, following, after) if following < len(words) else None
    if link == "between":
        return [((first,), second)] if second is not None and words[following].word == "and" else []
    if second is None:
        return [((first,), None)]
    if words[following].word in _PASSIVE:
        return [(_joined_after(reading, second, after), first)]
    return [((first,), second)] if words[following].word in _TOWARDS else [((first,), None)]


_TOWARDS = frozenset({"to", "with", "from"})
_VALUE_OF = frozenset({"of", "on", "for"})
"""Prepositions before the holder of a value noun: "the cost of the tunnel", "ridership on the
Northline", "the budget for the extension"."""


def _noun_here(reading: Reading, relation: Mention) -> bool:
    """A noun, or a verb in -ing after an article: "the signing of the agreement"."""
    word = reading.words[relation.last].word
    if "N" in lexicon.word_classes(word):
        return True
    return word.endswith("ing") and relation.first > 0 and reading.words[relation.first - 1].word in _ARTICLES


def _party_after(reading: Reading, index: int, after: list[Mention]) -> Mention | None:
    """The party right after the word at `index`, past articles ("of the Northline", where "the
    Northline" may be the name itself)."""
    index += 1
    while True:
        found = next((m for m in after if m.first == index), None)
        if found is not None or index >= len(reading.words) or reading.words[index].word not in _ARTICLES:
            return found
        index += 1


def _joined_after(reading: Reading, first: Mention, after: list[Mention]) -> tuple[Mention, ...]:
    """`first` and the parties joined to it by "and" or "&": "by Russia and Turkey", "by Turkey
    and the UN"."""
    joined = [first]
    for mention in after:
        if mention.first > joined[-1].last + 1 and \
                joining_words(reading.words[joined[-1].last + 1: mention.first]) <= {"and", "&"}:
            joined.append(mention)
    return tuple(joined)


def _heads_phrase(reading: Reading, relation: Mention) -> bool:
    """Only articles before the noun, and before them the start, a comma, a date or a verb that
    is no auxiliary."""
    words = reading.words
    index = relation.first - 1
    while index >= 0 and words[index].word in _ARTICLES:
        index -= 1
    if index < 0 or "," in reading.text[words[index].end: words[index + 1].start]:
        return True
    if any(d.last == index for d in reading.date_mentions):
        return True
    lemma = lexicon.verb_lemma(words[index].word)
    return lemma is not None and lemma not in lexicon.LIGHT_VERBS and index not in reading.named


def epithet_option(reading: Reading, relation: Mention, before: list[Mention], after: list[Mention]) -> list[Option]:
    """"NATO member Turkey": the name after the epithet is its subject."""
    return [((after[0],), before[-1])] if before and after and is_epithet(reading, relation) else []


def modifier_option(reading: Reading, relation: Mention, before: list[Mention]) -> list[Option]:
    """"Turkey is a NATO member", "China was Russia's largest partner": the name straight before
    the noun (or with "'s") is its object, the one before that its subject."""
    return [((before[-2],), before[-1])] if len(before) >= 2 and _modifies(reading, before[-1], relation) else []


_INCLUDE = frozenset({"include", "includes", "included"})
_INCLUDE_PRESENT = frozenset({"include", "includes"})


def included(reading: Reading, relation: Mention) -> tuple[int, Mention] | None:
    """"NATO's members include Turkey", "the members of the KVTA include Brenmoor", "the KVTA,
    whose members include Brenmoor": a relation noun said of a holder (its possessor, the party
    after "of", or the name before ", whose"), with "include" right after noun or holder: where
    "include" stands, and the holder. Nothing else may come between ("members do not include" is
    not read so)."""
    words = reading.words
    before = relation.first - 1
    holder = None
    if before >= 1 and words[before].word in ("s", "whose"):
        holder = next((m for m in reading.entities if m.last == before - 1), None)
        if holder is not None and words[before].word == "whose" and \
                "," not in reading.text[words[holder.last].end:words[before].start]:
            holder = None
        index = relation.last + 1
    elif relation.last + 1 < len(words) and words[relation.last + 1].word == "of":
        start = relation.last + 2
        holder = next((m for m in reading.entities if m.first == start or (
            m.first == start + 1 and words[start].word in _ARTICLES)), None)
        index = holder.last + 1 if holder is not None else -1
    if holder is None or not 0 <= index < len(words) or words[index].word not in _INCLUDE:
        return None
    return index, holder


def fronted_option(reading: Reading, relation: Mention, before: list[Mention], after: list[Mention]) -> list[Option]:
    """"Approved in November 2015, the Harbour Tunnel opened in April 2022", "Having joined the
    KVTA in 2009, Brenmoor ...": a participle that opens the sentence, its clause closed by a
    comma, says its statement of the party the main clause opens with (right after the comma,
    past an article); a party within its clause is its object. (A passive participle's party
    that the facts have as object is found as "was approved" is: see Reader._agentless.)"""
    words = reading.words
    start = 1 if words[0].word == "having" else 0
    word = words[relation.first].word
    lemma = lexicon.verb_lemma(word)
    if before or relation.first != start or lemma is None or lemma == word or word.endswith(("ing", "s")):
        return []
    comma = next((k for k in range(relation.last, len(words) - 1)
                  if "," in reading.text[words[k].end:words[k + 1].start]), None)
    if comma is None:
        return []
    opening = comma + 1 + (words[comma + 1].word in _ARTICLES)
    subject = next((m for m in after if m.first in (comma + 1, opening)), None)
    if subject is None:
        return []
    inside = [m for m in after if m.last <= comma]
    if start == 1:  # "Having joined the KVTA": active, its objects within, read as after a subject
        return [*in_order(reading, [subject], inside), *farther_objects(reading, [subject], inside)] \
            if inside else [((subject,), None)]
    if not inside:  # "Approved in 2015, the tunnel": passive, its doer left to the facts
        return [((subject,), None)]
    agents = _joined_after(reading, inside[0], inside[1:]) if _after_by(reading, inside[0]) else ()
    # "Approved by the council in 2015, the tunnel", "Brokered by Turkey and the UN, the deal"
    return [(agents, subject)] if agents and len(agents) == len(inside) else []


def modifier_of_next(reading: Reading, mention: Mention) -> bool:
    """Whether a name is the possessor or modifier of what follows it ("the authority's board",
    "the authority finance department") rather than the end of its phrase."""
    index = mention.last + 1
    words = reading.words
    if index >= len(words) or any(mark in reading.text[words[mention.last].end:words[index].start] for mark in ",;:"):
        return False
    word = words[index].word
    if word == "s":
        return True
    if word in STOPWORDS or word.isdigit() or any(d.first == index for d in reading.date_mentions):
        return False
    return "N" in lexicon.word_classes(word) or index in reading.named


def included_option(reading: Reading, relation: Mention, after: list[Mention]) -> list[Option]:
    """"NATO's members include Turkey": the parties included, joined, are what the noun says
    (the members), the holder the other party (see `included`); as "Turkey is NATO's member"
    reads."""
    found = included(reading, relation)
    if found is None:
        return []
    index, holder = found
    position = next((i for i, m in enumerate(after) if m.first > index), None)
    if position is None or any(w.word not in _ARTICLES for w in reading.words[index + 1:after[position].first]):
        return []
    members = _joint_after(after, position, reading)
    if modifier_of_next(reading, members[-1]):
        return []  # "include Brenmoor's council": not Brenmoor
    return [(members, holder)]


def passive_option(reading: Reading, relation: Mention, before: list[Mention], after: list[Mention]) -> list[Option]:
    """"The treaty was signed by Putin": the party after "by" is the subject. "Bellwright was
    awarded the contract (by the authority)": a passive with a thing given after it makes the
    party before it the one given to, the object; the party after "by" is the subject, and
    with none the reader asks the facts who acted (see Reader._agentless)."""
    passive = any(w.word in _PASSIVE for w in reading.words[relation.last + 1: relation.last + 3])
    if passive and before and after:
        return [(_joint_after(after, 0, reading), before[-1])]
    if passive and not before and after and reading.kinds.get(relation.target) == "value" and \
            _be_passive(reading, relation) and _after_by(reading, after[0]):
        return [((after[0],), None)]  # "21 million passengers were carried by the Northline"
    if not before or not after or not _be_passive(reading, relation):
        return []
    agent = next((i for i, m in enumerate(after) if _after_by(reading, m)), None)
    if agent is not None:  # "were ordered from Corvane by the transit authority"
        return [(_joint_after(after, agent, reading), before[-1])]
    if _given_to(reading, relation, before[-1], after[0]):
        return [((after[0],), None)]
    return [((before[-1],), None)] if _next_to(reading, relation, after[0]) else []


def _given_to(reading: Reading, relation: Mention, before: Mention, after: Mention) -> bool:
    """"The Northline contract was awarded to Bellwright", "the contract to build the Northline
    was awarded to Bellwright": an event's passive with "to" a party after it and, before it, a
    party that only describes the thing given (a name before a noun, or inside a "to" clause of
    the noun), is given to that party; who gave it the reader asks the facts (see
    Reader._agentless), and the party before is checked only where a supporting statement names
    it (account.py)."""
    words = reading.words
    if reading.kinds.get(relation.target) != "event" or relation.last + 1 >= len(words) or \
            words[relation.last + 1].word != "to" or \
            any(w.word not in _ARTICLES for w in words[relation.last + 2:after.first]):
        return False
    return modifier_of_next(reading, before) or _in_infinitive(reading, before)


def _in_infinitive(reading: Reading, mention: Mention) -> bool:
    """A party as the object of a "to" clause after a noun: "the contract to build the Northline"."""
    index = mention.first - 1
    while index > 0 and reading.words[index].word in _ARTICLES:
        index -= 1
    if index < 2 or reading.words[index - 1].word != "to" or lexicon.verb_lemma(reading.words[index].word) is None:
        return False
    return "N" in lexicon.word_classes(reading.words[index - 2].word)


_GO = frozenset({"went", "goes", "go", "gone"})
_NOT_SAID = NEGATIONS | frozenset({"will", "would", "could", "may", "might", "can", "should", "must", "if"})


def went_to_option(reading: Reading, relation: Mention, after: list[Mention]) -> list[Option]:
    """"The contract to build the Northline went to Bellwright": an event noun with a "to" clause
    of its own, then "went to" a party, was given to that party (who gave it, the reader asks the
    facts, as of a passive: see `passive_option`); the party inside the "to" clause only
    describes it. Never past a denial or a modal ("did not go to", "will go to")."""
    words = reading.words
    verb = relation.last + 1 if words[relation.last].word == "to" else relation.last + 2
    if verb >= len(words) or words[verb - 1].word != "to" or lexicon.verb_lemma(words[verb].word) is None:
        return []
    went = next((i for i in range(verb + 1, len(words) - 1) if words[i].word in _GO and words[i + 1].word == "to"),
                None)
    if went is None or any(w.word in _NOT_SAID for w in words[verb:went]):
        return []
    given = next((m for m in after if m.first > went + 1), None)
    if given is None or any(w.word not in _ARTICLES for w in words[went + 2:given.first]):
        return []
    return [((given,), None)]


def _after_by(reading: Reading, mention: Mention) -> bool:
    """"by the city council": the agent of a passive, past an article."""
    index = mention.first - 1
    while index > 0 and reading.words[index].word in _ARTICLES:
        index -= 1
    return index > 0 and reading.words[index].word in _PASSIVE


def _joint_after(mentions: list[Mention], first: int, reading: Reading) -> tuple[Mention, ...]:
    """The agent of a passive and the parties joined to it by "and", "&" or commas: "signed by
    Russia and Turkey" is signed by both."""
    joint = [mentions[first]]
    for later in mentions[first + 1:]:
        between = joining_words(reading.words[joint[-1].last + 1: later.first])
        gap = reading.text[reading.words[joint[-1].last].end: reading.words[later.first].start]
        if not (between <= {"and", "&"} and (between or gap.strip() == ",")):
            break
        joint.append(later)
    return tuple(joint)


_BE = frozenset({"is", "are", "was", "were", "be", "been", "being"})
_ARTICLES = frozenset({"the", "a", "an"})


def joining_words(words: list[Token]) -> set[str]:
    """The words between two parties, less an article after "and" ("Turkey and the UN")."""
    between = {w.word for w in words}
    return between - _ARTICLES if between & {"and", "&"} else between


def _be_passive(reading: Reading, relation: Mention) -> bool:
    """A verb's participle after a form of "be": "was awarded", "has not been given"."""
    word = reading.words[relation.first].word
    lemma = lexicon.verb_lemma(word)
    if lemma is None or lemma == word or word.endswith("ing"):
        return False
    index = relation.first - 1
    while index >= 0 and reading.words[index].word in NEGATIONS:
        index -= 1
    return index >= 0 and reading.words[index].word in _BE


_LINKING = frozenset({"in", "on", "at", "to", "from", "of", "with", "into", "for", "over", "under"})
"""A preposition that ends a verb's phrase ("stationed in") links it to a place or party, which is
then no thing given."""


def _next_to(reading: Reading, relation: Mention, mention: Mention) -> bool:
    """The party stands right after the verb, past articles only: "awarded the Northline contract"
    (not "were stationed in the Afrin area")."""
    if reading.words[relation.last].word in _LINKING:
        return False
    return all(w.word in _ARTICLES for w in reading.words[relation.last + 1: mention.first])


def in_order(reading: Reading, before: list[Mention], after: list[Mention]) -> list[Option]:
    """The parties before the verb, joined, against the first after it; then each alone, the
    nearest first ("the coup attempt in Turkey took place")."""
    if not before:
        return []
    first_after = after[0] if after else None
    return [(_joint(before, reading), first_after), *(((m,), first_after) for m in reversed(before))]


def subject_after(before: list[Mention], after: list[Mention]) -> list[Option]:
    """"Did Turkey leave NATO?", "In 2023, Turkey left NATO": nothing named before the verb's
    clause word, both parties after it."""
    return [((after[0],), after[1])] if not before and len(after) >= 2 else []


def object_before(reading: Reading, relation: Mention, before: list[Mention], after: list[Mention]) -> list[Option]:
    """"NATO, which Turkey joined", "Shoigu, the minister, was replaced": nothing after the verb,
    so its object may stand before it, the nearest first; not across "and" ("minister from 2012
    and prime minister from 2024": the second office is not the first)."""
    if len(before) < 2 or after:
        return []
    if any(w.word in _COORDINATORS for w in reading.words[before[-1].last + 1: relation.first]):
        return []
    return [((before[-1],), before[-2]),
            *(((a,), b) for i, a in enumerate(before) for b in before[i + 1:] if a.target != b.target)]


def farther_objects(reading: Reading, before: list[Mention], after: list[Mention]) -> list[Option]:
    """A farther object: "shot down a Russian Su-24" (Russian names the jet's owner)."""
    return [(_joint(before, reading), m) for m in after[1:]] if before else []


_CIRCUMSTANCE = frozenset({"over", "against", "with", "in", "at", "on", "for", "after", "before", "despite", "amid",
                           "near", "around", "to", "from", "by", "under", "during", "between"})
"""Prepositions before a party that may say why, where or with whom rather than give the verb's
object ("struck over the depot's closure", "opened near the depot")."""


def without_object(reading: Reading, relation: Mention, before: list[Mention], after: list[Mention]) -> list[Option]:
    """"The union struck in March 2023 over Riverside Depot's closure": a party after a
    preposition of its own may be no object of the verb, which the facts may give none; the
    subject alone is then the reading, and the party is checked only where a supporting
    statement names it (see account.py)."""
    if not before or not after or relation.reverse:
        return []
    index = after[0].first - 1
    while index > relation.last and reading.words[index].word in _ARTICLES:
        index -= 1
    if index <= relation.last or reading.words[index].word not in _CIRCUMSTANCE:
        return []
    return [(_joint(before, reading), None)]


def change_after(reading: Reading, relation: Mention) -> tuple[int, str] | None:
    """A noun's start or end said by the verb after its phrase: "the operation in Libya began",
    "the deployment ended" (names, "'s" and in/of/at/the between): the verb's index and which."""
    index = relation.last + 1
    named = reading.named
    while index < len(reading.words) and (index in named or reading.words[index].word in _NOUN_PHRASE_GLUE):
        index += 1
    if index >= len(reading.words) or any(d.first <= index <= d.last for d in reading.date_mentions):
        return None  # "at the end of 2020" is a date
    word = reading.words[index].word
    if word in START_WORDS:
        return index, "start"
    if word in END_WORDS:
        return index, "end"
    return None


_EVENT_PHRASE_GLUE = _NOUN_PHRASE_GLUE | {"by", "to", "from", "with", "between", "and"}


def event_verb_after(reading: Reading, noun: Mention) -> int | None:
    """Where a verb that says no more than that the noun's event happened follows its phrase:
    "the opening of the Northline came in 2019", "the annexation of Crimea by Russia took place
    in 2014", "Turkey's accession to NATO came in 1952" (names, "'s", "the", "and" and
    of/in/at/on/by/to/from/with/between between, and no punctuation)."""
    words = reading.words
    if not _noun_here(reading, noun):
        return None
    index = noun.last + 1
    named = reading.named
    while index < len(words) and (index in named or words[index].word in _EVENT_PHRASE_GLUE):
        index += 1
    if index >= len(words) or any(c in ",;:()" for c in reading.text[words[noun.last].end: words[index].start]):
        return None  # "Ruritania, a Pact member, came to its aid": the aside ends at the comma
    lemma = lexicon.verb_lemma(words[index].word)
    if lemma in lexicon.EVENT_VERBS or (lemma == "take" and index + 1 < len(words) and
                                        words[index + 1].word == "place"):
        return index
    return None


def date_for(reading: Reading, relation: Mention, opening: int, closing: int,
             own_verb: int | None = None) -> DateMention | None:
    """The date that goes with a verb, within its clause: the nearest after it, else the nearest
    before it, with no other verb in between ("joined the Pact in 1961 and ratified the Accord in
    1998"), never one before a word that opens a clause of another time ("after", "because").
    Names, possessives, asides and `own_verb` (the "began" of "the operation began", the "cost"
    of "the ticket cost") between do not stand in the way. A gerund after a preposition
    takes no date from before it, nor a noun after a preposition from after another verb."""
    own = reading.aside_of(relation.first)
    verbs = {first for first in _verbs(reading) if first not in (relation.first, own_verb)
             and (own is not None or reading.aside_of(first) is None)}
    verbs.discard(support_verb(reading, relation))  # "In 2018 India signed a deal": the deal's date
    dates = [m for m in reading.date_mentions
             if not m.unsure and (own is not None or reading.aside_of(m.first) is None)]
    after = [m for m in dates if relation.last < m.first < closing]
    unread = next((first for first, _ in reading.unanchored if relation.last < first < closing), None)
    if unread is not None and not any(m.first < unread for m in after):
        return None  # "the two countries reconciled that autumn": its time is that, not a date before it
    for mention in after:
        if _opens_next_clause(reading, relation, mention, verbs, closing):
            break  # "Turkey joined NATO, and in 2014 Russia annexed Crimea": 2014 is the annexation's
        if _verb_of_its_own(reading, relation, mention):
            continue  # "The Northline's opening, planned for 2018, came in 2019": 2018 is the plan's
        if mention.anchor is not None and any(m.date == mention.anchor and opening < m.first and m.last < relation.first
                                              and not any(opening < v < relation.first for v in verbs) for m in dates):
            continue  # "In 2015 the council approved it; it did not open the following year": 2015 is the approval's
        if not any(relation.last < v < mention.first for v in verbs):
            return mention
        break
    if _gerund(reading, relation):  # "sanctioned Turkey in 2020 for buying the S-400": 2020 is the sanction's
        return None
    lowest = opening if opening >= 0 and reading.words[opening].word in _OTHER_TIME else opening - 1
    if opening in reading.breaks:
        lowest = opening + 1  # "Russia annexed Crimea in 2014. Turkey did not join NATO": not in 2014
    before = [m for m in dates if lowest <= m.last < relation.first]
    for mention in reversed(before):
        if any(mention.last < first < relation.first for first, _ in reading.unanchored):
            return None  # "in November 2015, and that autumn they reconciled": a time not read stands between
        if _reported_after(reading, mention, relation):
            break  # "Rostec said in December 2017 that Turkey had bought": the saying's date
        if not any(mention.last < v < relation.first for v in verbs) and not _fronted_verb(reading, mention, relation) \
                and not _adjunct_of_verb_before(reading, mention, relation) \
                and not _fronted_link(reading, mention, relation) and not _earlier_clauses(reading, mention, relation):
            return mention
        break
    return _opening_date(reading, relation, dates, verbs)


def _reported_after(reading: Reading, date: DateMention, relation: Mention) -> bool:
    """A date before a "that" whose clause holds the verb, in a sentence with another verb before
    that "that" ("Rostec said in December 2017 that Turkey had bought", "In 2016 Ferro said that
    the council had approved"): the date is the other verb's, when it was said. Not a cleft ("It
    was in July 2019 that the S-400 arrived"), whose date is the clause's."""
    words = reading.words
    that = next((i for i in range(date.last + 1, relation.first) if words[i].word == "that"), None)
    if that is None:
        return False
    start = _sentence_start(reading, date.first)
    if any(words[i].word == "it" and words[i + 1].word in ("is", "was") for i in range(start, date.first)):
        return False
    dated = set(range(date.first, date.last + 1))
    return any(i not in reading.named and i not in dated and (
        _inflected_verb(words[i].word) or lexicon.verb_lemma(words[i].word) in lexicon.ATTRIBUTION_VERBS)
        for i in range(start, that))


def _opening_date(reading: Reading, relation: Mention, dates: list[DateMention], verbs: set[int]) -> DateMention | None:
    """The date that opens the sentence ("In 1952, Turkey joined NATO and Russia annexed
    Crimea"): it dates every later clause after "and" that gives no date of its own, unless a
    clause word ("but", "while") or a time of another stands between ("..., and after that",
    "decades later")."""
    opening = next((m for m in dates if m.first <= 1 and m.last < relation.first), None)
    if opening is None or (opening.first == 1 and reading.words[0].word not in _OPENING_PREPOSITIONS):
        return None
    between = range(opening.last, relation.first)
    if any(reading.words[i].word in _OTHER_TIME | CLAUSE_WORDS or i in reading.breaks for i in between):
        return None
    if not any(reading.words[i].word == "and" for i in between) or not any(v in between for v in verbs):
        return None  # the first clause's own date is found otherwise; only a later clause's is this
    if reading.aside_of(relation.first) is not None or any(opening.last < m.first < relation.first for m in dates) or \
            any(opening.last < first < relation.first for first, _ in reading.unanchored):
        return None  # "In 1952, ...; decades later ...": a time not read stands between
    return opening


_OPENING_PREPOSITIONS = frozenset({"in", "on", "by", "during", "from"})


def _opens_next_clause(reading: Reading, relation: Mention, mention: DateMention, verbs: set[int],
                       closing: int) -> bool:
    """A date after "and" or "but" that a verb of another clause follows: that clause's."""
    words = reading.words
    joined = any(words[i].word in ("and", "but") for i in range(relation.last + 1, mention.first))
    return joined and any(mention.last < v < closing for v in verbs)


_OTHER_TIME = frozenset({"after", "before", "because", "since", "until", "till"})
"""Words that open a clause of another time than the clause before them: a date just before the
word is the earlier clause's ("opened in September 2019 after the KVTA had ordered trams" does not
date the order)."""
_SUPPORTED_PHRASE = frozenset({"the", "a", "an", "its", "their", "his", "her", "our", "new", "formal", "s"})


def support_verb(reading: Reading, relation: Mention) -> int | None:
    """The verb that lends its place to an event noun just after it ("signed a deal", "placed an
    order", "paid a visit"): it says the noun's event happened, and a date before it is the
    event's."""
    index = relation.first - 1
    named = reading.named
    while index >= 0 and relation.first - index - sum(i in named for i in range(index, relation.first)) <= 3 and (
            reading.words[index].word in _SUPPORTED_PHRASE or index in named):
        index -= 1  # a party given to does not count: "gave the Harbour Tunnel the green light"
    if index < 0 or index == relation.first - 1 or "N" not in lexicon.word_classes(reading.words[relation.last].word):
        return None
    return index if lexicon.verb_lemma(reading.words[index].word) in lexicon.SUPPORT_VERBS else None


def _adjunct_of_verb_before(reading: Reading, date: DateMention, relation: Mention) -> bool:
    """A relation noun after a preposition, and the date between it and another verb before:
    "sanctioned Turkey in 2020 over its purchase of the S-400", "lost the contract in 2021 after
    the council's approval" date the verb, not the purchase or the approval ("In 2024 the union
    went on strike" has no verb before its date)."""
    if not _noun_after_preposition(reading, relation):
        return False
    return _verb_before(reading, date)


_LINK_OPENERS = _OTHER_TIME | {"following", "when", "while", "once"}


def _fronted_link(reading: Reading, date: DateMention, relation: Mention) -> bool:
    """A date in a phrase of another time set off by a comma before the verb: "After the July 2016
    coup attempt, Turkey bought ...", "Before the storm of October 2018, the council approved ..."
    date the phrase, not the verb ("Since 2016, ..." bounds the verb's own date)."""
    words = reading.words
    if date.bound or not any("," in reading.text[words[i - 1].end: words[i].start]
                             for i in range(date.last + 1, relation.first + 1)):
        return False
    start = date.first
    while start > 0 and "," not in reading.text[words[start - 1].end: words[start].start] and \
            start - 1 not in reading.breaks:
        start -= 1
    return any(words[i].word in _LINK_OPENERS for i in range(start, date.first))


def _verb_of_its_own(reading: Reading, relation: Mention, date: DateMention) -> bool:
    """A date after the verb in a phrase set off by a comma, with a participle of its own before
    the date: "the opening, planned for 2018, came in 2019", "the approval, expected in 2014, ..."."""
    words = reading.words
    start = next((i for i in range(date.first, relation.last, -1)
                  if "," in reading.text[words[i - 1].end: words[i].start]), None)
    if start is None:
        return False
    named = reading.named
    return any(i not in named and _inflected_verb(words[i].word) and not words[i].word.endswith("ing")
               for i in range(start, date.first))  # "according to the account of 2022" is no verb of its own


def _fronted_verb(reading: Reading, date: DateMention, relation: Mention) -> bool:
    """A date in a phrase set off by a comma before the verb, with a verb of its own: "Founded in
    1996, the authority runs the line" dates the founding, not the running ("In 1996, the council
    set it up" has none)."""
    words = reading.words
    def comma_before(index: int) -> bool:
        return "," in reading.text[words[index - 1].end: words[index].start]

    if not any(comma_before(i) for i in range(date.last + 1, relation.first + 1)):
        return False
    start = date.first
    while start > 0 and not comma_before(start) and start - 1 not in reading.breaks:
        start -= 1
    starts = {m.first for m in reading.relations}
    return any(i in starts or _inflected_verb(words[i].word) for i in range(start, date.first))


_CLAUSE_JOINS = frozenset({"and", "but", "yet"})
_CLAUSE_MARKS = (":", "–", "—", " - ")


def _earlier_clauses(reading: Reading, date: DateMention, relation: Mention) -> bool:
    """A date after another verb, with "and", "but", a colon or a dash between it and this verb's
    own subject: the earlier clause's ("Turkey joined NATO in 1952 and Russia did not annex
    Crimea", "... in 1952: Russia never annexed Crimea" do not date the annexation; "visited
    Ankara in 2017 and opened ..." has one subject, and the date may be both verbs')."""
    words = reading.words
    if not _verb_before(reading, date):
        return False
    joins = [i for i in range(date.last + 1, relation.first) if words[i].word in _CLAUSE_JOINS] + [
        i for i in range(date.last, relation.first) for mark in _CLAUSE_MARKS
        if mark in reading.text[words[i].end:words[i + 1].start]]
    return any(join < m.first and m.last < relation.first for join in joins for m in reading.entities)


def _verb_before(reading: Reading, date: DateMention) -> bool:
    """Whether a verb stands before the date in its sentence (no name's word), a copula too
    ("Dana Ferro was mayor from 2012 to 2020, and Ilse Marrow has been mayor since")."""
    starts = set(_verbs(reading))
    return any(i not in reading.named and (i in starts or _inflected_verb(reading.words[i].word)
                                           or reading.words[i].word in _BE)
               for i in range(_sentence_start(reading, date.first), date.first))


def _sentence_start(reading: Reading, index: int) -> int:
    """The first word of the sentence, or of the clause after a semicolon, the word stands in."""
    return max((stop + 1 for stop in reading.breaks if stop < index), default=0)


def _inflected_verb(word: str) -> bool:
    """A verb's past or -ing form: "founded", "built", "opening"."""
    lemma = lexicon.verb_lemma(word)
    return lemma is not None and lemma != word and not word.endswith("s")


_GERUND_PREPOSITIONS = frozenset({"for", "after", "before", "by", "without", "since", "upon", "on"})


def _gerund(reading: Reading, relation: Mention) -> bool:
    """A verb in -ing after a preposition ("for buying", "after signing"): a phrase of the verb
    before it, whose date is that verb's."""
    return relation.first > 0 and reading.words[relation.first - 1].word in _GERUND_PREPOSITIONS and \
        reading.words[relation.first].word.endswith("ing")


_NOUN_PREPOSITIONS = _GERUND_PREPOSITIONS | {"over", "despite", "amid", "against", "with", "following"}
_NOUN_PHRASE_START = frozenset({"the", "a", "an", "its", "their", "his", "her", "our", "s"})


def _noun_after_preposition(reading: Reading, relation: Mention) -> bool:
    """A relation noun that is the object of a preposition, past articles and possessors: "over
    its purchase", "after the council's approval"."""
    words = reading.words
    if "N" not in lexicon.word_classes(words[relation.last].word):
        return False
    index = relation.first - 1
    while index >= 0 and (words[index].word in _NOUN_PHRASE_START or index in reading.named):
        index -= 1
    return index >= 0 and words[index].word in _NOUN_PREPOSITIONS


def number_for(reading: Reading, relation: Mention, opening: int, closing: int) -> NumberMention | None:
    """The number that goes with a verb or a value word, within its clause: the nearest one with
    no word of another value in between ("had 38 trams and carried 30 million passengers": 38 is
    the trams', 30 million the passengers'; "21 million passengers were carried": one value)."""
    linked = value_verb(reading, relation)
    values = [m.first for m in reading.relations if m.first != relation.first and m.target != relation.target
              and reading.kinds.get(m.target) == "value" and m != linked]  # "21 million passengers were carried"

    def distance(number: NumberMention) -> int:
        return relation.first - number.index if number.index < relation.first else number.index - relation.last

    def blocked(number: NumberMention) -> bool:
        low, high = sorted((number.index, relation.first))
        return any(low < v < high for v in values)

    near = [n for n in reading.number_mentions if opening < n.index < closing and not blocked(n)
            and not _part_count(reading, n)]
    nearest = min(near, key=distance, default=None)
    upper = range_upper(reading, nearest) if nearest is not None else None
    return upper if upper is not None and upper in near else nearest  # "cost between 400 and 450 million"


_PART_OF = frozenset({"them", "which", "whom", "those", "these", "the", "its", "their", "it"})


def _part_count(reading: Reading, number: NumberMention) -> bool:
    """A number that counts a part of what is named after it ("29 of them NATO members", "12 of
    the 27 members", "30 of which were European"): no value of the verb's."""
    words = reading.words
    following = number.index + 1
    return following + 1 < len(words) and words[following].word == "of" and words[following + 1].word in _PART_OF


def value_verb(reading: Reading, relation: Mention) -> Mention | None:
    """Another value word that is the verb of a value noun, right after it: "a single ticket
    cost 3 crowns" says what the ticket's price is, as "numbered" or "stood at" would; else a
    verb of having before the figure that counts the noun (see `having_verb`)."""
    if reading.kinds.get(relation.target) != "value":
        return None
    following = _past_holder(reading, relation) + 1
    return next((m for m in reading.relations if m.first == following and m.target != relation.target
                 and (reading.kinds.get(m.target) == "value" or _counts_figure(reading, m))
                 and lexicon.verb_lemma(reading.words[m.first].word)),
                None) or having_verb(reading, relation)


def _past_holder(reading: Reading, relation: Mention) -> int:
    """The last word of a value noun with its holder after it ("ridership on the Northline"), or
    of the noun alone."""
    words = reading.words
    if relation.last + 1 < len(words) and words[relation.last + 1].word in _VALUE_OF:
        holder = _party_after(reading, relation.last + 1, reading.entities)
        if holder is not None and _plain_noun(reading, holder.last + 1):
            return holder.last + 1  # "a single ticket on KVTA services"
        if holder is not None:
            return holder.last
    return relation.last


def _plain_noun(reading: Reading, index: int) -> bool:
    """A noun in lower case that is no relation word ("KVTA services"; the value's verb is to
    follow it)."""
    if index >= len(reading.words) or reading.words[index].capital or \
            any(m.first <= index <= m.last for m in reading.relations):
        return False
    return "N" in lexicon.word_classes(reading.words[index].word)


def _counts_figure(reading: Reading, mention: Mention) -> bool:
    """A relation word that is a count verb right before a figure ("reached 21 million", "stood
    at 38"): after a value noun it is the value's verb, whatever else the ledger reads it as."""
    return lexicon.verb_lemma(reading.words[mention.first].word) in lexicon.COUNT_VERBS and any(
        mention.last < n.index <= mention.last + 3 for n in reading.number_mentions)


HAVING_VERBS = frozenset({"have", "own", "possess", "run", "operate", "field", "boast", "count", "number"})
"""Verbs that say no more than "had" before a figure and the noun it counts: "ran around 40
trams", "operates a fleet of 38 trams", "boasted 74 members". Elsewhere ("ran the buses") they
are predicates like any other."""
_BEFORE_FIGURE = frozenset({"a", "an", "of", "some", "about", "around", "roughly", "approximately", "nearly",
                            "almost", "over", "under", "more", "fewer", "less", "than", "just", "at", "least", "most",
                            "up", "to", "close", "estimated", "circa", "half"})
"""Words between a verb and the figure it has: articles, "of", and the words that say how a
figure is meant (amounts.py)."""


def having_verb(reading: Reading, relation: Mention) -> Mention | None:
    """A verb of having (`HAVING_VERBS`) before the figure that counts a value noun, past the
    words that say how it is meant and the relation's own words ("ran a fleet of roughly 35
    trams"): the value's verb, standing where a copula would."""
    words = reading.words
    of_figure = relation.last + 1 < len(words) and words[relation.last + 1].word == "of"  # "a fleet of 38"
    number = next((n for n in reading.number_mentions if _counted_by(relation, n)
                   or (of_figure and relation.last + 1 < n.index <= relation.last + 3)), None)
    if number is None:
        return None
    own = {i for m in reading.relations if m.target == relation.target for i in range(m.first, m.last + 1)}
    index = number_start(reading, number) - 1
    while index >= 0 and (words[index].word in _BEFORE_FIGURE or index in own):
        index -= 1
    if index < 0 or lexicon.verb_lemma(words[index].word) not in HAVING_VERBS:
        return None
    return Mention(relation.target, index, index)


def negation_for(reading: Reading, relation: Mention) -> int | None:
    """The index of the negation governing the verb: "did not join", "is not a NATO member",
    "was not Russia's largest trading partner"; not one inside another aside ("X, not Y, runs")."""
    index = governing(reading, relation, NEGATIONS)
    if index is not None and reading.aside_of(index) not in (None, reading.aside_of(relation.first)):
        return None
    return index if index is not None else _cleft_denial(reading, relation)


def _cleft_denial(reading: Reading, relation: Mention) -> int | None:
    """"It was not until September 2019 that the Northline opened": the "not" before "until" and
    the date, with "that" and no other verb between them and the verb."""
    words = reading.words
    for mention in reading.date_mentions:
        that = mention.last + 1
        if mention.bound == "until" and mention.first >= 2 and words[mention.first - 2].word in NEGATIONS and \
                that < relation.first and words[that].word == "that" and \
                not any(that < v < relation.first for v in _verbs(reading)):
            return mention.first - 2
    return None


def _verbs(reading: Reading) -> list[int]:
    """Where the relation words that act as verbs (not as epithets, nor nouns a verb before them
    starts or ends: "ended its mission") begin; once per reading."""
    cached = reading.cache.get("verbs")
    if cached is None:
        cached = reading.cache["verbs"] = [m.first for m in reading.relations if not is_epithet(reading, m)
                                           and not _counted(reading, m) and nominal.changed_by(reading, m) is None]
    return cached


def _counted(reading: Reading, relation: Mention) -> bool:
    """A value word right after its number is a noun, not a verb: "38 trams", "21 million
    passengers"."""
    return reading.kinds.get(relation.target) == "value" and any(
        _counted_by(relation, n) for n in reading.number_mentions)


def _counted_by(relation: Mention, number: NumberMention) -> bool:
    return relation.first - 3 <= number.index < relation.first


def is_epithet(reading: Reading, relation: Mention) -> bool:
    """A relation word between two names that it joins into one noun phrase: "NATO member
    Turkey". It says something of the second name, and is not the verb of the sentence."""
    word = reading.words[relation.last].word
    lemma = lexicon.verb_lemma(word)
    if "N" not in lexicon.word_classes(word) or (lemma is not None and lemma != word) or word in _PARTICLES:
        return False  # "Crimea annexed Russia": a verb's form, read in its own word order
    named_first = {m.first for m in reading.entities}
    before = relation.first - 1
    if before >= 0 and reading.words[before].word == "s":
        before -= 1
    return (relation.last + 1 in named_first
            and any(m.last == before for m in reading.entities))


def _modifies(reading: Reading, mention: Mention, relation: Mention) -> bool:
    """A name directly before the verb, or before it with a possessive: "NATO member",
    "Russia's largest trading partner"."""
    gap = [w.word for w in reading.words[mention.last + 1: relation.first]]
    return gap in ([], ["s"])


def _joint(mentions: list[Mention], reading: Reading) -> tuple[Mention, ...]:
    """The entities just before a verb, joined by "and", "&" or commas, as one subject."""
    words = reading.words
    joint = [mentions[-1]]
    for earlier in reversed(mentions[:-1]):
        between = joining_words(words[earlier.last + 1: joint[-1].first])
        if between <= _JOINERS:
            joint.append(earlier)
        else:
            break
    return tuple(reversed(joint))


_COPULA_VERBS = frozenset({"is", "was", "were", "are", "been", "be", "became", "become", "becomes", "remains",
                           "remained"})
_COPULAS = _COPULA_VERBS | {"has", "have", "had", "still", "not", "never", "a", "an", "the", "s", "now", "in",
                            "one", "of"}


def copula_pairs(reading: Reading) -> list[tuple[Mention, Mention]]:
    """Neighbouring named parties joined by nothing but a copula: "Shoigu was Russia's defence
    minister", "Turkey remains a NATO member" (the ledger's relation words aside)."""
    relation_words = {i for m in reading.relations for i in range(m.first, m.last + 1)}
    pairs = []
    # an aside stands outside the copula: "Dana, not Ilse, was mayor" (read in coordination.py),
    # "Dana Ferro, a former teacher, was mayor" (its own names are read on their own)
    contrasted = {i for first, last in reading.asides for i in range(first, last + 1)}
    entities = [m for m in reading.entities if m.first not in contrasted]
    for index, first in enumerate(entities[:-1]):
        second = entities[index + 1]
        gap = [i for i in range(first.last + 1, second.first) if i not in contrasted]
        possessive = index + 2 < len(entities) and [
            w.word for w in reading.words[second.last + 1: entities[index + 2].first]] == ["s"]
        # "Sergey Shoigu, Russia's defence minister": in a fragment with no verb, an apposition
        # is a copula
        apposition = not reading.relations and not gap and "," in reading.text[
            reading.words[first.last].end: reading.words[second.first].start]
        if possessive:  # "Shoigu was Russia's defence minister": the possessor modifies the office
            second = entities[index + 2]
        if _modifies_next(reading, second, relation_words):
            continue
        said = [i for i in gap if gap_first(reading, gap[0], gap[-1]) <= i <= gap_last(reading, gap[0], gap[-1])] \
            if gap else gap
        if _term_of(reading, first, said):
            pairs.append((first, second))
            continue
        if apposition or (gap and not set(gap) & relation_words and first.target != second.target
                          and _copula_gap([reading.words[i].word for i in said])):
            pairs.append((first, second))
    return pairs


_DATE_LEADS = frozenset({"in", "on", "during"})


def _dated_words(reading: Reading) -> set[int]:
    """The words of the sentence's dates, with their bound or preposition ("from 2012 to 2024",
    "in 2016"): between the parties of a copula they say when, not what ("Russia's defence
    minister from 2012 to 2024 was Shoigu")."""
    found = reading.cache.get("dated words")
    if found is None:
        found = reading.cache["dated words"] = set()
        for mention in reading.date_mentions:
            lead = mention.first - 1
            if mention.bound is not None or (lead >= 0 and reading.words[lead].word in _DATE_LEADS):
                found.add(lead)
            found.update(range(mention.first, mention.last + 1))
    return found


_TERMS = frozenset({"term", "tenure", "time", "spell"})


def _term_of(reading: Reading, first: Mention, gap: list[int]) -> bool:
    """"Dana Ferro's term as mayor ended in May 2020": a possessor's term as an office, then a
    word that starts or ends it, says its start or end (with no such word, not read)."""
    words = [reading.words[i].word for i in gap]
    if len(words) != 3 or words[0] != "s" or words[1] not in _TERMS or words[2] != "as" or gap[0] != first.last + 1:
        return False
    return change_after(reading, Mention(first.target, gap[0], gap[-1])) is not None


def gap_first(reading: Reading, first: int, last: int) -> int:
    """The first word from `first` to `last` that is no word of a date at the gap's start."""
    dated = _dated_words(reading)
    while first < last and first in dated:
        first += 1
    return first


def gap_last(reading: Reading, first: int, last: int) -> int:
    """The last word from `first` to `last` that is no word of a date at the gap's end."""
    dated = _dated_words(reading)
    while last > first and last in dated:
        last -= 1
    return last


AS_VERBS = frozenset({"serve", "act", "function", "work"})
"""Verbs that with "as" say no more than a copula: "served as mayor", "acts as a hub"."""
_HOLD_VERBS = frozenset({"hold", "holds", "held", "holding", "occupy", "occupies", "occupied"})
_POSTS = frozenset({"post", "office", "position", "role", "job", "seat", "title"})
_IN_POSTS = frozenset({"office", "post", "power"})
"""After a copula and "in", before "as": "has been in office as mayor" says she has been mayor."""


def _copula_gap(words: list[str]) -> bool:
    """Words that say no more than that the first party is the second: a copula ("was", "has
    been", "remains a"), "serves as", "acted as", "held the post of", or a copula with "in office
    as" ("has been in office as")."""
    rest = set(words) - _COPULAS
    if not rest:
        return any(w in _COPULA_VERBS for w in words)
    if "as" in rest and rest - {"as"} and all(lexicon.verb_lemma(w) in AS_VERBS for w in rest - {"as"}):
        return words[-1] == "as" or words[words.index("as") + 1:] in (["a"], ["an"], ["the"], ["one", "of"],
                                                                      ["one", "of", "the"])
    if rest & _HOLD_VERBS and rest & _POSTS and rest <= _HOLD_VERBS | _POSTS:
        return words[-1] == "of"
    if len(rest) == 2 and "as" in rest and rest - {"as"} <= _IN_POSTS:
        said = words[:-1] if words[-1] in ("a", "an", "the") else words
        return said[-3:-2] == ["in"] and said[-1] == "as" and any(w in _COPULA_VERBS for w in said)
    return False


def _modifies_next(reading: Reading, mention: Mention, relation_words: set[int]) -> bool:
    """The name only modifies the noun after it, which is what the phrase is about: "Turkey's
    neighbour", "a NATO member", "a Northline passenger" (a noun after a name with an article;
    a name read short of its last word, "chair of the transport | committee", is no modifier)."""
    index = mention.last + 1
    if index >= len(reading.words):
        return False
    token = reading.words[index]
    if token.word == "s" or index in relation_words:
        return True
    if index in reading.named or any(d.first == index for d in reading.date_mentions):
        return False
    article = mention.first > 0 and reading.words[mention.first - 1].word in ("a", "an", "the")
    joined = reading.text[reading.words[mention.last].end: token.start].strip() == ""
    return article and joined and token.word not in STOPWORDS and token.word not in NOW_WORDS and \
        "N" in lexicon.word_classes(token.word)
