"""General English: which words can be verbs, adjectives or nouns, and their lemmas.

Backed by lemminflect's lexicon (about 70,000 English word forms with their word classes and
lemmas), used only by the free-text reader (`list` and `check` never load it). Importing
lemminflect and loading its tables takes about 180 ms, more than the rest of a `verify`, so the
few facts the reader needs are kept, on first use, in the user's private factcheck cache (the one
the ledger's records use, `cache.py`: signed, created 0700, off with `--no-cache`; about
1 MB, 10 ms to load), keyed by lemminflect's lexicon file and this module; where there is no cache
the lexicon is read each time.
Nothing here knows a topic: the lexicon tells the reader that "attacked" is a verb, never what
it is about.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

LIGHT_VERBS = frozenset({
    "be", "have", "do", "will", "would", "shall", "should", "can", "could", "may", "might", "must",
    "become", "begin", "start", "remain", "stay", "continue", "get", "keep", "go", "seem", "appear",
})
"""Verbs that carry tense, aspect or a change of state rather than an event of their own: "was",
"has been", "became", "remains". The reader reads them as grammar, never as unknown predicates."""

COUNT_VERBS = frozenset({"number", "total", "amount", "count", "stand", "reach", "hit"})
"""Verbs that say no more than "had" or "was" right before a number: "the fleet numbered 38
trams", "counted 74 members", "stood at 38", "fares hit four crowns". Elsewhere ("counted the
votes") they are predicates like any other."""

EVENT_VERBS = frozenset({"come", "follow", "occur", "happen"})
"""Verbs that say no more than "was" right after an event noun: "the first deliveries came in
July 2019". Elsewhere ("came to Russia's aid") they are predicates like any other."""

SUPPORT_VERBS = frozenset({"pay", "make", "hold", "give", "take", "conduct", "carry", "stage", "have", "deliver",
                           "impose", "levy", "slap", "put", "lead", "sign", "conclude", "strike", "place", "seal",
                           "clinch"})
"""Verbs that lend their place to an event noun: "paid a visit", "held talks", "gave a speech",
"imposed sanctions", "put his signature to", "led the mission in", "signed a deal to buy",
"placed an order", "sealed a deal"."""

ATTRIBUTION_VERBS = frozenset({
    "say", "tell", "state", "claim", "report", "announce", "add", "note", "confirm", "accord",
    "write", "insist", "argue", "declare", "quote", "believe", "think",
})
"""Verbs that say who said something: the reader does not check that it was said."""

_CLASS_LETTERS = {"VERB": "V", "NOUN": "N", "ADJ": "J", "ADV": "R", "AUX": "A", "PROPN": "N"}
_Tables = tuple[dict[str, str], dict[str, str], list[str], dict[str, tuple[str, ...]]]
"""Word classes, verb lemmas, superlatives, and each verb lemma's forms."""


def _source() -> Path | None:
    """lemminflect's lexicon file, found without importing lemminflect (which imports numpy)."""
    from importlib.util import find_spec

    spec = find_spec("lemminflect")
    if spec is None or spec.origin is None:
        return None
    return Path(spec.origin).parent / "resources" / "lemma_lu.csv.gz"


def fingerprint() -> bytes:
    """Changes when lemminflect's lexicon does: what the reader reads (verb forms of the
    ledger's words among it) may change with it, so caches of readings are keyed by it too."""
    source = _source()
    if source is None or not source.exists():
        return b"none"
    stat = source.stat()
    return f"{source} {stat.st_size} {stat.st_mtime_ns}".encode()


def _cache_key(source: Path) -> bytes:
    """Changes when lemminflect's lexicon or the way the tables are built from it changes."""
    stat = source.stat()
    from ..cache import digest

    return digest(f"{stat.st_size} {stat.st_mtime_ns} ".encode() + Path(__file__).read_bytes())


def _build() -> _Tables:
    from lemminflect import Lemmatizer

    classes: dict[str, str] = {}
    verbs: dict[str, str] = {}
    superlatives: list[str] = []
    for word, by_class in Lemmatizer()._getLemmaDict().items():
        classes[word] = "".join(sorted({_CLASS_LETTERS.get(c, "") for c in by_class}))
        if "VERB" in by_class:
            verbs[word] = by_class["VERB"][0]
        if word.endswith("est") and by_class.get("ADJ", (word,))[0] != word:
            superlatives.append(word)
    forms: dict[str, list[str]] = {}
    for form, lemma in verbs.items():
        forms.setdefault(lemma, []).append(form)
    return classes, verbs, superlatives, {lemma: tuple(sorted(found)) for lemma, found in forms.items()}


@cache
def _tables() -> _Tables:
    from ..cache import FileCache

    source = _source()
    store = FileCache.open() if source is not None and source.exists() else None
    key = _cache_key(source) if store is not None and source is not None else b""
    stored = store.get_derived("lexicon", key) if store is not None else None
    if isinstance(stored, tuple) and len(stored) == 4:
        return stored
    tables = _build()
    if store is not None:
        store.put_derived("lexicon", key, tables)
    return tables


@cache
def _superlatives() -> frozenset[str]:
    return frozenset(_tables()[2])


def known(word: str) -> bool:
    """Whether English knows the (lower-case) word: most names it does not."""
    return word in _tables()[0]


def word_classes(word: str) -> str:
    """The word's possible classes as letters: V verb, N noun, J adjective, R adverb, A auxiliary."""
    return _tables()[0].get(word, "")


def verb_lemma(word: str) -> str | None:
    """The verb a word is a form of, if it can be a verb."""
    return _tables()[1].get(word)


def inflections(word: str) -> tuple[str, ...]:
    """The (lower-case) word and, if it can be a verb, every other form of that verb, as far as
    they cannot also be read as something else a sentence is made of: no auxiliary, no base form
    that is also an adverb ("down" of "downed"; "left" of "leave" is kept), and no form of a verb
    that says who said something ("reported" of "report") or is grammar ("began"): those have
    their own reading. Only the word itself when English does not know it as a verb."""
    lemma = verb_lemma(word)
    if lemma is None or lemma in ATTRIBUTION_VERBS or lemma in LIGHT_VERBS:
        return (word,)
    others = [form for form in _tables()[3].get(lemma, ()) if form != word and "A" not in word_classes(form)
              and not (form == lemma and "R" in word_classes(form))]
    return (word, *others)


def adverb_base(word: str) -> str | None:
    """The base form `inflections` leaves out of a verb's forms because it is also an adverb
    ("open" of "opened", "close" of "closed"), read only where it can be nothing but the verb:
    right after "did", "not", "to" or a modal ("did not open")."""
    lemma = verb_lemma(word)
    if lemma is None or lemma == word or lemma in ATTRIBUTION_VERBS or lemma in LIGHT_VERBS:
        return None
    classes = word_classes(lemma)
    return lemma if "R" in classes and "A" not in classes else None


def is_superlative(word: str) -> bool:
    """"largest", "biggest": a claim of rank the reader cannot weigh."""
    return word in _superlatives()
