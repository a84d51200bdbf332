"""Links in time between two statements of one sentence: "A after B", "A, before B", "After B,
A", "A following B", "A when B". Where each side is a statement the reader checks, the link is
judged by the engine from the dates of the facts that support them (Engine.check_link);
otherwise the link word stays a part not checked. A link of cause ("because", "in the wake of",
"in response to") says its cause came first, which the dates can refute, but the cause itself
they cannot show: it is read as a `cause`, never more than unverified.

Only a plain shape is read, so that no statement is paired with the wrong one: nothing measures
the link ("a year after", "shortly after"), the linked statement begins right after the link
word (past an article or a possessive), lies wholly in its clause, every other statement of the
sentence lies wholly in the main clause, and each side is the reading of one relation word.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import NamedTuple

from ..diagnostics import Location
from ..model import Assertion, Fact
from .candidates import Candidate
from .extract import COUNTS, Reading
from .vocabulary import Mention

LINKS: dict[tuple[str, ...], tuple[str, bool]] = {
    ("after",): ("after", False), ("following",): ("after", False), ("before",): ("before", False),
    ("when",): ("when", False), ("because",): ("after", True), ("because", "of"): ("after", True),
    ("in", "the", "wake", "of"): ("after", True), ("in", "response", "to"): ("after", True),
    ("as", "a", "result", "of"): ("after", True),
    **{("the", "same", unit, *said): ("same", False) for unit in ("year", "month", "day") for said in ((), ("as",))},
}
"""Words that order two statements in time: the order each says of the main statement, and
whether it says a cause."""
_LONGEST = max(len(phrase) for phrase in LINKS)


class Found(NamedTuple):
    """A link read: its words (first and last, from the interval that measures it), its order and
    whether it says a cause, the main and linked statements' places in the readings, and the
    interval said ("two years after": (2, "year"))."""

    first: int
    last: int
    order: str
    cause: bool
    main: int
    linked: int
    interval: tuple[int, str] | None = None
_LEADING = frozenset({"the", "a", "an", "its", "their", "his", "her"})
_VAGUE = frozenset({"about", "some", "nearly", "almost", "around", "roughly", "barely", "only", "just", "over",
                    "under", "than", "few", "couple", "least", "most", "within", "another", "every", "first", "last"})
"""Words before an interval that make it vague or a bound ("about two years after", "more than a
year after"): the interval is not checked, nor the link."""
_MEASURES = frozenset({"year", "years", "month", "months", "week", "weeks", "day", "days", "hour", "hours",
                       "decade", "decades", "minutes", "moments", "long", "soon", "just", "right", "even", "well",
                       "much", "later", "earlier", "time"})
"""Words that say how long before or after: the interval is not checked, so neither is the link."""


def time_links(reading: Reading, chosen: Sequence[Candidate]) -> list[Found]:
    """Each link with the main statement and the linked one it joins; several where a side was
    read as more than one statement ("Russia and Turkey reconciled")."""
    found: list[Found] = []
    core = [i for i, c in enumerate(chosen) if c.assertion.role == "core"]
    for first, last, opens in _link_words(reading, chosen):
        order, cause = LINKS[tuple(w.word for w in reading.words[first: last + 1])]
        interval, measured = _interval(reading, first)
        if interval is not None and (cause or order in ("when", "same")):
            continue
        if order == "same":  # "the same year as": the year, month or day both fall in
            interval = (0, reading.words[first + 2].word)
        shared = _dates_before(reading, first) if order == "when" else frozenset()
        linked = [i for i in core if last < min(chosen[i].covers - shared, default=-1) <= opens]
        if not linked:
            continue
        fronted = all(min(chosen[i].covers) > last for i in core)
        end = _clause_end(reading, opens) if fronted else len(reading.words) - 1
        if any(not all(last < i <= end for i in chosen[s].covers - shared) for s in linked):
            continue
        main = [i for i in core if i not in linked and (min(chosen[i].covers) > end if fronted
                                                         else max(chosen[i].covers) < measured)]
        if main and len(main) + len(linked) == len(core) and _one_statement(chosen, main) \
                and _one_statement(chosen, linked):
            found.extend(Found(measured, last, order, cause, m, s, interval) for m in main for s in linked)
    return found


_UNITS = {"year": "year", "years": "year", "month": "month", "months": "month", "week": "week", "weeks": "week",
          "day": "day", "days": "day"}


def _interval(reading: Reading, index: int) -> tuple[tuple[int, str] | None, int]:
    """The interval written just before a link word, "two years after", "a week before", "18
    months after", and where its words begin (the link word's own index when none)."""
    words = reading.words
    if index < 2 or words[index - 1].word not in _UNITS or \
            "," in reading.text[words[index - 2].end: words[index].start]:
        return None, index
    count = words[index - 2].word
    number = int(count) if count.isdigit() and len(count) <= 3 else COUNTS.get(count)
    if number is None:
        return None, index
    return (number, _UNITS[words[index - 1].word]), index - 2


def _one_statement(chosen: Sequence[Candidate], side: list[int]) -> bool:
    """One side of a link is one statement: the readings of one relation word ("Russia and
    Turkey reconciled" read once for each), never two verbs ("opened after the council approved
    the tunnel and after the depot closed": what the second "after" follows is not told)."""
    return len({(chosen[i].relation.first, chosen[i].relation.last) for i in side}) == 1


def named_events(reading: Reading, chosen: Sequence[Candidate], dated_event: Callable[[str], Fact | None],
                 in_name: Callable[[str, str], bool]) -> list[Candidate]:
    """A named event that is all a link word's clause says ("before the coup attempt", "after
    the July 2016 coup attempt", "following the coup attempt of 15 July 2016", "before the coup
    attempt in Turkey"), read as that it
    happened (with the date the sentence gives it), when `dated_event` gives the one fact that
    dates it; the caller keeps it only where it pairs with a main statement. A place after it is
    checked with it where the event's own name has it (`in_name`), else reported."""
    found = []
    taken = frozenset(i for c in chosen for i in c.covers)
    for _, index, opens in _link_words(reading, chosen):
        date = next((d for d in reading.date_mentions if d.first == opens), None)
        start = date.last + 1 if date else opens
        mention = next((m for m in reading.entities if m.first <= start <= m.last), None)
        if mention is None or mention.first <= index:
            continue
        after = mention.last + 1
        if date is None and after + 1 < len(reading.words) and reading.words[after].word in ("of", "in", "on"):
            date = next((d for d in reading.date_mentions if d.first == after + 1), None)
            after = date.last + 1 if date else after
        fact = dated_event(mention.target)
        covers = frozenset(range(min(opens, mention.first), after))
        place = _place_after(reading, after)
        if fact is None or covers & taken or not _clause_ends(reading, place.last + 1 if place else after):
            continue
        if place is not None and in_name(place.target, mention.target):
            covers |= frozenset(range(after, place.last + 1))
        assertion = Assertion(frozenset({mention.target}), fact.relation, Location("<text>"),
                              date=date.date if date else None)
        found.append(Candidate(assertion, Mention(fact.relation, mention.first, mention.last), covers, date))
    return found


def _place_after(reading: Reading, index: int) -> Mention | None:
    """A name after "in", "of" or "at" ("the coup attempt in Turkey"), a modifier of the event."""
    words = reading.words
    if index < len(words) and words[index].word in ("in", "of", "at"):
        return next((m for m in reading.entities if m.first == index + 1), None)
    return None


def _link_words(reading: Reading, chosen: Sequence[Candidate]) -> Iterator[tuple[int, int, int]]:
    """Each link no reading took, no date bounds and nothing measures: its first and last word,
    and where its clause's words begin past an article or a possessive."""
    words = reading.words
    taken = {i for c in chosen for i in c.covers}
    for first in range(len(words)):
        last = next((first + size - 1 for size in range(_LONGEST, 0, -1)
                     if tuple(w.word for w in words[first: first + size]) in LINKS), None)
        if last is None or taken & set(range(first, last + 1)) or _bounds_date(reading, last) \
                or not _plain(reading, first):
            continue
        opens = last + 1
        while opens < len(words) and words[opens].word in _LEADING:
            opens += 1
        yield first, last, opens


def _clause_ends(reading: Reading, index: int) -> bool:
    """The sentence or a comma ends the clause before the word `index`."""
    words = reading.words
    return index >= len(words) or "," in reading.text[words[index - 1].end: words[index].start]


def _plain(reading: Reading, index: int) -> bool:
    """Nothing measures the link word but a plain interval ("two years after", checked with the
    link): "weeks before", "shortly after", "long before", "a few years after" say how long in
    words the dates do not weigh."""
    if index == 0 or "," in reading.text[reading.words[index - 1].end: reading.words[index].start]:
        return True
    if _interval(reading, index)[0] is not None:
        return index - 2 == 0 or reading.words[index - 3].word not in _VAGUE
    before = reading.words[index - 1].word
    if any(d.first <= index - 1 <= d.last for d in reading.date_mentions):
        return True  # "in November 2015 in response to": a date, no interval
    return index - 1 in reading.named or not (before in _MEASURES or before.endswith("ly") or before.isdigit()
                                              or any(n.index == index - 1 for n in reading.number_mentions))


def _dates_before(reading: Reading, index: int) -> frozenset[int]:
    """The words of the dates before a "when", which the statement after it may share: "opened in
    September 2019 when Ferro was mayor" says she was mayor then, as "when" does."""
    return frozenset(i for m in reading.date_mentions if m.last < index for i in range(m.first, m.last + 1))


def _bounds_date(reading: Reading, index: int) -> bool:
    """"after 2015": a bound on a date, read with the date."""
    return any(m.bound and m.first == index + 1 for m in reading.date_mentions)


def _clause_end(reading: Reading, start: int) -> int:
    """The last word of a fronted clause: the word before its comma ("After B, A")."""
    for index in range(start + 1, len(reading.words)):
        if "," in reading.text[reading.words[index - 1].end: reading.words[index].start]:
            return index - 1
    return len(reading.words) - 1
