"""Words as the reader compares them: normalised, lower case, no accents, crude stems.

Only language-level knowledge lives here (how English inflects, which words are glue, how
Unicode writes one letter several ways); every name and verb of a topic comes from the ledger.

Normalisation, in order (documented in the README, "Free text"):
1. zero-width characters, soft hyphens and byte-order marks are removed ("Tur\u200bkey" is Turkey);
2. NFKC: compatibility forms fold to their plain letters (full-width "Ｔｕｒｋｅｙ", ligatures "ﬁ",
   superscripts) and decomposed accents compose ("Erdog\u0306an" is "Erdoğan");
3. for matching only: case folded (ß is ss), accents dropped, and the Latin letters with a stroke
   that Unicode does not decompose mapped to their base (ø o, ł l, đ d, ħ h, ı i, æ ae, œ oe, þ th).
Letters of every script survive: Cyrillic, Greek and CJK words are words like any other.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

_SUFFIXES = ("ations", "ation", "ings", "ing", "ed", "es", "s", "ion")
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff\u180e"), None)
_UNDECOMPOSED = str.maketrans({"ø": "o", "ł": "l", "đ": "d", "ħ": "h", "ı": "i", "æ": "ae", "œ": "oe",
                               "þ": "th", "ŧ": "t", "ƀ": "b", "ɨ": "i", "’": "'", "‘": "'", "ʼ": "'"})
_RAW_WORD = re.compile(r"(?<![^\W_])(?:[^\W\d_]\.){2,}(?![^\W_])|[^\W_]+(?:['’]t\b)?")
"""A written word: an initialism with its full stops ("U.S.", "U.N.": one word, as "US" is, not a
letter "s" that would read as a possessive), or letters and digits ("didn't" is two words)."""

ABBREVIATION = re.compile(r"\b(?:St|Mr|Mrs|Ms|Dr|Gen|Lt|Col|Maj|Sgt|Prof|No|Jan|Feb|Mar|Apr|Jun|Jul|Aug"
                           r"|Sep|Sept|Oct|Nov|Dec|U\.S|U\.K|E\.U|vs|etc|approx|[A-Z])\.$")
"""A word whose full stop ends no sentence ("St. Petersburg"), as the text up to that stop ends."""

STOPWORDS = frozenset({
    "a", "an", "the", "of", "to", "in", "on", "at", "by", "for", "from", "with", "and", "or", "as", "is",
    "are", "was", "were", "be", "been", "being", "has", "have", "had", "its", "it", "this", "that", "these",
    "those", "their", "his", "her", "our", "your", "into", "over", "under", "about", "than", "then", "so",
    "such", "s", "t", "de", "la", "le",
})


def normalise(text: str) -> str:
    """Steps 1 and 2 above: one spelling for each letter, nothing invisible. Keeps case."""
    return unicodedata.normalize("NFKC", text.translate(_INVISIBLE))


def fold(text: str) -> str:
    """Lower case without accents: Erdoğan and Erdogan, Straße and Strasse read the same."""
    text = normalise(text).casefold().translate(_UNDECOMPOSED)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"n't\b", " not", text)


_SPELLINGS = (  # British and American spellings of one word, written the same way
    (re.compile(r"^(.{3,})iz(e|es|ed|ing|ation|ations)$"), r"\1is\2"),    # criticize, organization
    (re.compile(r"^(.{3,})our(s|ed|ing|ite|ites|able)?$"), r"\1or\2"),    # harbour, labour, favoured
    (re.compile(r"^(.{2,})ense(s)?$"), r"\1ence\2"),                       # defense, offense, license
    (re.compile(r"^(.{3,})tre(s)?$"), r"\1ter\2"),                         # centre, theatre
)


@lru_cache(maxsize=1 << 16)
def spelling(word: str) -> str:
    """One spelling for a word written the British or the American way: "harbour" and "harbor",
    "criticised" and "criticized", "defence" and "defense", "centre" and "center" read alike.
    Short words are left alone ("four" is not "for", "sense" stays)."""
    if len(word) < 6:
        return word
    for pattern, replacement in _SPELLINGS:
        changed = pattern.sub(replacement, word)
        if changed != word:
            return changed
    return word


@lru_cache(maxsize=1 << 16)
def stem(word: str) -> str:
    """Strip one common English ending, so that signs, signed and signing meet (after one
    spelling for British and American forms, see `spelling`)."""
    word = spelling(word)
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


_LOOKALIKE_SCRIPTS = frozenset({"LATIN", "CYRILLIC", "GREEK"})


def mixed_script(word: str) -> bool:
    """Latin letters mixed with Cyrillic or Greek ones in one word ("Turkеy" with a Cyrillic е):
    a look-alike spelling, suspicious rather than a name to match."""
    if word.isascii():
        return False
    scripts = {unicodedata.name(c, "").split(" ", 1)[0] for c in word if c.isalpha()}
    return len(scripts & _LOOKALIKE_SCRIPTS) > 1


@dataclass(frozen=True)
class Token:
    word: str  # folded
    stem: str
    upper: bool  # written in capitals, as acronyms are: "US" is not "us"
    start: int = 0  # where it stands in the normalised text
    end: int = 0
    capital: bool = False  # begins with a capital letter
    raw: str = ""  # as written


@lru_cache(maxsize=1 << 16)
def _fold_word(raw: str) -> tuple[tuple[str, str], ...]:
    """The folded words and stems of one written word ("didn't" is two, "U.S." one)."""
    raw = raw.replace(".", "")
    if raw.isascii() and raw.isalnum():
        word = raw.lower()
        return ((word, stem(word)),)
    return tuple((part, stem(part)) for word in fold(raw).split() for part in re.findall(r"[^\W_]+", word))


def tokens(text: str) -> list[Token]:
    """The words of (normalised) text, with where each stands."""
    found = []
    for match in _RAW_WORD.finditer(text):
        raw = match.group()
        upper, capital = raw.isupper(), raw[:1].isupper()
        for word, stemmed in _fold_word(raw):
            found.append(Token(word, stemmed, upper, match.start(), match.end(), capital, raw))
    return found


def words_at(text: str) -> tuple[list[str], list[str], list[int]]:
    """The words of (normalised) text as `tokens` finds them, their stems and where each stands,
    without building the tokens (which takes most of the time, for filing many texts)."""
    words: list[str] = []
    stems: list[str] = []
    starts: list[int] = []
    for match in _RAW_WORD.finditer(text):
        start = match.start()
        for word, stemmed in _fold_word(match.group()):
            words.append(word)
            stems.append(stemmed)
            starts.append(start)
    return words, stems, starts


MAX_WORDS = 60
"""The longest stretch of words read as one sentence; longer ones are read in pieces."""


def pieces(text: str, limit: int = MAX_WORDS) -> list[tuple[int, str]]:
    """`text` in stretches of at most `limit` words, each with its offset: cut after the last
    semicolon or comma of the stretch's second half, else after its last word."""
    ends = [m.end() for m in _RAW_WORD.finditer(text)]
    if len(ends) <= limit:
        return [(0, text)]
    found = []
    start = 0
    first = 0  # index of the stretch's first word
    while first < len(ends):
        last = min(first + limit, len(ends)) - 1
        cut = ends[last] if last == len(ends) - 1 else _cut(text, ends, first, last)
        if last == len(ends) - 1:
            cut = len(text)
        found.append((start, text[start:cut]))
        while first < len(ends) and ends[first] <= cut:
            first += 1
        start = cut
    return found


def _cut(text: str, ends: list[int], first: int, last: int) -> int:
    for index in range(last, first + (last - first) // 2, -1):
        gap = text[ends[index]: ends[index] + 3]
        if ";" in gap or "," in gap:
            return ends[index] + gap.index(";" if ";" in gap else ",") + 1
    return ends[last]


_UNITS = {word: value for value, word in enumerate([
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"])}
_TENS = {word: 10 * value for value, word in enumerate(
    ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"], start=2)}
SCALES = frozenset({"thousand", "million", "billion", "trillion", "thousands", "millions", "billions"})
SCALE_FACTORS = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
"""What each scale word multiplies by: a figure given at one scale is compared at the facts'
("half a billion" with 412 million, "412,000,000" with 412 million)."""
_DEFINITE = frozenset({"the", "these", "those", "its", "their", "his", "her", "our", "both", "all"})
"""Before a number, words that make it point back at things already named ("the two leaders")
rather than count them."""
_ARTICLES = frozenset({"a", "an"})
_ROUND = {"dozen": 12, "hundred": 100, "thousand": 1000}
"""Counts "a" or "half a" can stand before: "a dozen", "half a dozen", "a hundred"."""


def spelled_numbers(words: list[Token]) -> list[tuple[int, int, float]]:
    """Numbers written in words: (first word, last word, value). "seventy-four" is 74, "three
    hundred and five" 305, "twenty-one" of "twenty-one million" 21 (a scale word after a number
    is its unit, as after "21"); "a dozen" 12, "two dozen" 24, "half a dozen" 6, "a hundred" 100,
    and before a scale word "a" is 1 and "half a" 0.5 ("half a billion" is 0.5 billion). A lone
    "one" is a pronoun as often as a number ("one of the members") and is read only before a
    scale word; other fractions, ordinals, two numbers in a row and a number after "the",
    "these", "their"... ("the two leaders") are not read."""
    found: list[tuple[int, int, float]] = []
    index = 0
    while index < len(words):
        end, whole = _spelled(words, index)
        value = float(whole)
        if end < index:
            end, value = _round_count(words, index)
        scaled = end + 1 < len(words) and words[end + 1].word in SCALES
        if end < index or (end == index and words[index].word == "one" and not scaled) or (
                index and words[index - 1].word in _DEFINITE):
            index = max(end, index) + 1
            continue
        if end + 1 < len(words) and words[end + 1].word == "dozen" and value == int(value):
            end, value = end + 1, value * 12  # "two dozen"
        found.append((index, end, value))
        index = end + 1
    # two numbers in a row are a year or a score said aloud ("nineteen eighty-four"), not read
    adjacent = {i for i, (a, b) in enumerate(zip(found, found[1:], strict=False)) if a[1] + 1 == b[0]}
    return [n for i, n in enumerate(found) if i not in adjacent and i - 1 not in adjacent]


def _round_count(words: list[Token], index: int) -> tuple[int, float]:
    """"a dozen", "half a dozen", "a hundred", "a thousand", and "a" or "half a" before a scale
    word: the last word and value (last -1: none). The scale word itself is left to follow, as
    after any number."""
    half = words[index].word == "half"
    start = index + 1 if half else index
    if start + 1 >= len(words) or words[start].word not in _ARTICLES:
        return -1, 0
    following = words[start + 1].word
    if following in SCALES and not following.endswith("s"):
        return start, 0.5 if half else 1
    if following in _ROUND:
        return start + 1, _ROUND[following] / (2 if half else 1)
    return -1, 0


def _spelled(words: list[Token], index: int) -> tuple[int, int]:
    """The last word and value of a number written in words from `index` on (last -1: none)."""
    total = current = 0
    last = -1
    previous = ""  # "unit", "tens", "hundred" or "thousand"
    i = index
    while i < len(words):
        word = words[i].word
        if word in _UNITS and previous in ("", "tens", "hundred", "thousand"):
            if previous == "tens" and _UNITS[word] >= 10:
                break
            current += _UNITS[word]
            previous = "unit"
        elif word in _TENS and previous in ("", "hundred", "thousand"):
            current += _TENS[word]
            previous = "tens"
        elif word == "hundred" and previous in ("unit", "tens") and 0 < current < 100:
            current *= 100
            previous = "hundred"
        elif word == "thousand" and previous in ("unit", "tens", "hundred") and 0 < current < 1000 and not total:
            total, current = current * 1000, 0
            previous = "thousand"
        elif (word == "and" and previous in ("hundred", "thousand") and i + 1 < len(words)
              and (words[i + 1].word in _UNITS or words[i + 1].word in _TENS)):
            i += 1
            continue
        else:
            break
        last = i
        i += 1
    return last, total + current


_SHARE = re.compile(r"\s*(?:%|per\s*cent\b|percent\b|percentage\b)", re.IGNORECASE)


def is_share(text: str, end: int) -> bool:
    """Whether the number ending at character `end` is a share ("10%", "ten per
    cent"): a rate or a change, not the amount a value relation measures ("raised fares by ten
    per cent" says nothing of what a fare costs)."""
    return _SHARE.match(text, end) is not None
