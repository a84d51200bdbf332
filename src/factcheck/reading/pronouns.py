"""A pronoun that can stand for one party only, read as that party: "The Harbour Tunnel opened in
April 2022, after the council approved it" (it is the tunnel). Grammar only, never the facts: a
pronoun read as the wrong party would check another statement than the one made.

Only "it", in a clause of time or cause after the main clause, and only when the main clause
names exactly one party (whichever of its names it uses) and no other noun stands between it and
the pronoun that "it" could stand for ("after engineers redesigned the plan and the council
approved it" may mean the plan); the subject of the pronoun's own clause is no candidate when
the pronoun is its object ("the council approved it" is not the council approving itself). Any
other pronoun, a pronoun before its party ("After it opened, the tunnel ..."), or a second party
leaves the pronoun unread, and a statement it is part of is reported as not checked.
"""

from __future__ import annotations

from . import lexicon
from .text import STOPWORDS, Token
from .vocabulary import Mention

CLAUSE_OPENERS = frozenset({"after", "before", "when", "following", "until", "since", "while", "because",
                            "although", "though", "once"})
_DETERMINERS = frozenset({"the", "a", "an", "its", "their", "his", "her", "this", "that", "these", "those",
                          "some", "any", "each", "every", "no", "our", "your"})
_NOT_REFERENTS = frozenset({"year", "years", "month", "months", "week", "weeks", "day", "days", "time", "times"})


def pronoun_mentions(text: str, words: list[Token], entities: list[Mention], dated: set[int]) -> list[Mention]:
    """The pronouns read as the one party they can stand for (see the module's docstring)."""
    found = []
    named = {i for m in entities for i in range(m.first, m.last + 1)}
    for opener, token in enumerate(words):
        if token.word not in CLAUSE_OPENERS or opener == 0:
            continue
        pronoun = _pronoun_in_clause(text, words, opener)
        if pronoun is None:
            continue
        before = [m for m in entities if m.last < opener]
        inside = {m.target for m in entities if opener < m.first < pronoun}
        targets = {m.target for m in before}
        if len(targets) != 1 or len(inside) > 1 or targets & inside:
            continue
        last = max(m.last for m in before)
        if any(_could_be_referent(words, i) for i in range(last + 1, pronoun) if i not in named and i not in dated):
            continue
        found.append(Mention(next(iter(targets)), pronoun, pronoun))
    return found


def _pronoun_in_clause(text: str, words: list[Token], opener: int) -> int | None:
    """The first "it" of the clause the word `opener` opens, before its comma or next opener."""
    for index in range(opener + 1, len(words)):
        if "," in text[words[index - 1].end: words[index].start] or words[index].word in CLAUSE_OPENERS:
            return None
        if words[index].word == "it":
            return index
    return None


def _could_be_referent(words: list[Token], index: int) -> bool:
    """A noun "it" could stand for: one that is only a noun ("trams"), or a noun after a
    determiner, past adjectives ("the plan", "a new plan"); "was set up" has no noun."""
    word = words[index].word
    if word in STOPWORDS - _DETERMINERS or word in _NOT_REFERENTS or not word.isalpha():
        return False
    classes = lexicon.word_classes(word)
    if "N" not in classes:
        return False
    if "V" not in classes:
        return True
    back = index - 1
    while back >= 0 and "J" in lexicon.word_classes(words[back].word) and words[back].word not in _DETERMINERS:
        back -= 1
    return back >= 0 and words[back].word in _DETERMINERS
