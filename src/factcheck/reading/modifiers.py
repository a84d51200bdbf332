"""Names that only modify another name: a possessive or demonym before it ("Russia's
missiles", "Ruritanian troops") or a place phrase after it in the subject ("the strike in
Valdora took place ..."). Such a name is not a party of the verb; it says something of the name
it modifies, and counts as checked only where the ledger connects the two (see
`Reader._attach_modifiers`). Nothing here knows a topic.
"""

from __future__ import annotations

from collections.abc import Sequence

from .text import Token
from .vocabulary import Mention

_POSSESSIVE_GAPS: tuple[list[str], ...] = ([], ["s"])
_PLACE_PREPOSITIONS = frozenset({"in", "of", "at", "from"})


def _gap(words: Sequence[Token], first: Mention, second: Mention) -> list[str]:
    return [w.word for w in words[first.last + 1: second.first]]


def _comma_between(text: str, words: Sequence[Token], first: Mention, second: Mention) -> bool:
    return "," in text[words[first.last].end: words[second.first].start]


def prenominal(text: str, words: Sequence[Token], entities: Sequence[Mention]) -> list[tuple[Mention, Mention]]:
    """(modifier, head): a name written straight before another, or with "'s" ("Ruritania's
    army", "a Bordurian tank")."""
    found = []
    for modifier, head in zip(entities, entities[1:], strict=False):
        if modifier.target != head.target and _gap(words, modifier, head) in _POSSESSIVE_GAPS \
                and not _comma_between(text, words, modifier, head):
            found.append((modifier, head))
    return found


def place_phrases(words: Sequence[Token], entities: Sequence[Mention],
                  relations: Sequence[Mention]) -> list[tuple[Mention, Mention]]:
    """(modifier, head): "the coronation in Strelsau took place ...": a name after "in", "of",
    "at" or "from" that follows another name before the sentence's first verb. After a verb the
    same phrase may as well say where the verb happened, and is left to the verb's reading."""
    if not relations:
        return []
    verb = min(m.first for m in relations)
    found = []
    for head, modifier in zip(entities, entities[1:], strict=False):
        gap = _gap(words, head, modifier)
        if modifier.last < verb and head.target != modifier.target and gap[:1] and \
                gap[0] in _PLACE_PREPOSITIONS and gap[1:] in ([], ["the"]):
            found.append((modifier, head))
    return found


def modifier_pairs(text: str, words: Sequence[Token], entities: Sequence[Mention],
                   relations: Sequence[Mention]) -> list[tuple[Mention, Mention]]:
    """Every (modifier, head) pair of a sentence, in the order they stand."""
    pairs = prenominal(text, words, entities) + place_phrases(words, entities, relations)
    return sorted(pairs, key=lambda pair: pair[0].first)


def adjacent(words: Sequence[Token], entities: Sequence[Mention], modifier: str, head: str) -> bool:
    """Whether a text (a fact's statement) itself writes `modifier` as a modifier of `head`:
    straight before it, with "'s", or after it with "in", "of", "at" or "from"."""
    for first, second in zip(entities, entities[1:], strict=False):
        gap = _gap(words, first, second)
        if (first.target, second.target) == (modifier, head) and gap in _POSSESSIVE_GAPS:
            return True
        if (first.target, second.target) == (head, modifier) and gap[:1] and \
                gap[0] in _PLACE_PREPOSITIONS and gap[1:] in ([], ["the"]):
            return True
    return False
