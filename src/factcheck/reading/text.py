"""Words as the reader compares them: lower case, no accents, crude stems.

Only language-level knowledge lives here (how English inflects, which words are glue); every
name and verb of a topic comes from the ledger.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

_WORD = re.compile(r"[a-z0-9]+")
_SUFFIXES = ("ations", "ation", "ings", "ing", "ed", "es", "s", "ion")

STOPWORDS = frozenset({
    "a", "an", "the", "of", "to", "in", "on", "at", "by", "for", "from", "with", "and", "or", "as", "is",
    "are", "was", "were", "be", "been", "being", "has", "have", "had", "its", "it", "this", "that", "these",
    "those", "their", "his", "her", "our", "your", "into", "over", "under", "about", "than", "then", "so",
    "such", "s", "t", "de", "la", "le",
})


def fold(text: str) -> str:
    """Lower case without accents or typographic quotes: Erdoğan and Erdogan read the same."""
    text = text.replace("’", "'").replace("‘", "'").replace("ı", "i")
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"n't\b", " not", text.lower())


def stem(word: str) -> str:
    """Strip one common English ending, so that signs, signed and signing meet."""
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


@dataclass(frozen=True)
class Token:
    word: str  # folded
    stem: str
    upper: bool  # written in capitals, as acronyms are: "US" is not "us"


def tokens(text: str) -> list[Token]:
    found = []
    for raw in re.findall(r"[^\W_]+(?:n't)?", text.replace("’", "'")):
        for word in _WORD.findall(fold(raw)):
            found.append(Token(word, stem(word), raw.isupper()))
    return found


def phrase_stems(text: str) -> tuple[str, ...]:
    return tuple(t.stem for t in tokens(text))
