"""What a sentence says: its dates at their precision, numbers, negations, tense, and the
subject-relation-object readings the ledger's vocabulary can express, each remembering which
words of the sentence it accounts for."""

from __future__ import annotations

import calendar
import dataclasses
import datetime as dt
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from ..model import PartialDate
from . import lexicon
from .pronouns import pronoun_mentions
from .text import ABBREVIATION, SCALES, STOPWORDS, Token, is_share, normalise, spelled_numbers, tokens
from .vocabulary import Mention, Vocabulary

_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
_MONTHS["sept"] = 9
_MONTH = "(" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(1[5-9]\d\d|2[01]\d\d)"
_NUMERIC = re.compile(r"\d[-./]\d")
_MONTH_WORD = re.compile(rf"\b{_MONTH}[-,\s]")
_PART_OF_YEAR = re.compile(r"\b(?:end|beginning|start|course)\s+of\s")
_DATE_PATTERNS = [  # (pattern, group order: which groups are year, month, day; "n" numeric d/m;
    # what the text must hold for the pattern to match, a quicker search than its own; patterns
    # sharing one stand together)
    (re.compile(rf"\b{_YEAR}([-/.])(\d{{1,2}})\2(\d{{1,2}})\b"), "ysmd", _NUMERIC),
    (re.compile(rf"\b(\d{{1,2}})([-./])(\d{{1,2}})\2{_YEAR}\b"), "n", _NUMERIC),
    (re.compile(rf"\b(\d{{1,2}})-{_MONTH}-{_YEAR}\b"), "dmy", _MONTH_WORD),
    (re.compile(rf"\b(?:the\s+)?{_DAY}(?:\s+of)?\s+{_MONTH},?\s+{_YEAR}\b"), "dmy", _MONTH_WORD),
    (re.compile(rf"\b{_MONTH}\s+(?:the\s+)?{_DAY},?\s+{_YEAR}\b"), "mdy", _MONTH_WORD),
    (re.compile(rf"\b{_MONTH},?\s+(?:of\s+)?{_YEAR}\b"), "my", _MONTH_WORD),
    (re.compile(rf"\b(?:the\s+)?(end)\s+of\s+{_YEAR}\b"), "ey", _PART_OF_YEAR),
    (re.compile(rf"\b(?:the\s+)?(beginning|start)\s+of\s+{_YEAR}\b"), "ey", _PART_OF_YEAR),
    (re.compile(rf"\b(?:the\s+)?course\s+of\s+{_YEAR}\b"), "y", _PART_OF_YEAR),
    (re.compile(rf"\b{_YEAR}\b"), "y", None),
]
"""A part of a year is its month where one month is meant ("the end of 2020" is December 2020,
"the start of 2015" January); "early", "mid", "late" and "the middle of" name no one month and
are left out of the date, so that they are reported as not checked rather than read as the
whole year, unless an event's bounds take them (see `parts_of`)."""
_MONTH_NAME = "(?:" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_RANGE = re.compile(
    rf"\b(?:from|between)\s+(?P<first>(?:the\s+)?(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?(?:\s+(?:of\s+)?"
    rf"(?P<m1>{_MONTH_NAME}))?|(?P<m0>{_MONTH_NAME}))\s+(?:to|until|till|through|and)\s+(?:the\s+)?"
    rf"(?:(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?(?:\s+of)?\s+)?(?P<m2>{_MONTH_NAME}),?\s+(?P<y>{_YEAR})\b")
"""A range whose first date takes its year, or month and year, from the second: "from 23 March to
31 October 2011", "from 6 to 8 March 2023", "between March and October 2011"."""
_ANY_YEAR = re.compile(_YEAR)
"""Every date pattern has a year: a text without one has no date (most sentences and claims)."""
_NUMBER = re.compile(r"(?<![\w.-])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(bn|bln|mn|m|k|tn|trn)?(?![\w-])")
_SUFFIXES = {"bn": "billion", "bln": "billion", "mn": "million", "m": "million", "k": "thousand", "tn": "trillion",
             "trn": "trillion"}
"""Scales written onto a figure: "84bn", "412m", "10k". "m", "k" and "tn" may be metres, a
kilo- or tonnes, and are read as a scale only after a currency sign ("$412m") or before a plural
noun ("21m passengers"); otherwise the figure is no amount the reader reads (and is reported)."""
_UNSURE_SUFFIXES = frozenset({"m", "k", "tn"})
CURRENCIES = {"$": "dollar", "€": "euro", "£": "pound", "¥": "yen"}
"""Currency signs before a figure, and the word a unit names that currency by."""
_BOUNDS = frozenset({"after", "before", "since", "until", "till", "from", "to", "through", "between", "and",
                     "by"})

RANKS = frozenset({"first", "last", "only", "sole", "second", "third", "fourth", "fifth", "biggest", "record",
                   "largest", "smallest", "most", "least", "main", "top", "leading"})
_ADDING = frozenset({"only", "just", "merely", "simply", "solely"})
"""Words after "not" that make it add, not deny: "not only did Turkey join NATO, it also ..."."""


def _additions_read(words: list[Token]) -> list[Token]:
    """"not only", "not just" read as "also": no denial, and no rank ("only"); and the "not" of
    "not the first", "not the only", which denies the rank (left not checked), not the statement
    ("Turkey is not the only NATO member to buy it" does not say Turkey is no member)."""
    found = list(words)
    for index in range(len(found) - 1):
        if found[index].word != "not":
            continue
        after = index + 1 + (found[index + 1].word in ("the", "a", "an") and index + 2 < len(found))
        if found[index + 1].word in _ADDING:
            places: tuple[int, ...] = (index, index + 1)
        elif found[after].word in RANKS or lexicon.is_superlative(found[after].word):
            places = (index,)
        else:
            continue
        for place in places:
            found[place] = dataclasses.replace(found[place], word="also", stem="also")
    return found


NEGATIONS = frozenset({"not", "never", "no", "neither", "nor", "nobody", "none", "nothing", "nowhere"})
_MODALS = frozenset({"will", "would", "could", "may", "might", "shall", "should", "can"})
_FUTURE_PHRASES = ("going to", "plans to", "plan to", "is to", "are to", "expected to", "set to", "about to")
_HEADLINE_JOINS = frozenset({"and", "the", "s"})
"""Words that may stand between the parties before a headline's "to" ("Russia and Turkey to ...")."""
_SENTENCE_STOP = re.compile(r"\s*[.!?][\"”’')\]]*\s")
"""What stands between the last word of a sentence and the first of the next."""

CLAUSE_WORDS = frozenset({"until", "while", "whereas", "but", "because", "although", "though", "unless",
                          "when", "whilst", "after", "before", "since", "if"})
START_WORDS = frozenset({"became", "become", "becomes", "becoming", "began", "begin", "begins", "begun",
                         "beginning"})
"""Words that make a state's start of any relation: "became a member", "began to serve"."""
END_WORDS = frozenset({"ended", "ends", "finished", "finishes", "ceased", "ceases"})
"""Words that, after a relation's noun, make its end: "the operation in Libya ended in 2011"."""
NOW_WORDS = frozenset({"still", "now", "today", "currently", "presently"})
"""Words that put a state at today's date: "is still a member"."""


@dataclass(frozen=True)
class Part:
    """A part of a year, month or day said before a date ("early 2022", "the first half of 2022",
    "late June 2016", "the night of 15 July 2016"): the word it opens with, the bounds it lies
    within (exclusive), and the days it surely means where its edges are vague."""

    first: int
    after: PartialDate
    before: PartialDate
    surely: tuple[dt.date, dt.date] | None = None


@dataclass(frozen=True)
class DateMention:
    date: PartialDate
    first: int  # word indices the date spans
    last: int
    start: int  # characters, in the normalised text
    end: int
    bound: str | None = None  # after, before, since, until, from, to, and or by: the word before it
    ambiguous: bool = False  # 03/04/2014: day and month cannot be told apart
    side: str | None = None
    """Of a date said from another ("later that year"): "after" or "before" where it also says
    which side of that date it lies."""
    anchor: PartialDate | None = None
    """The date of the same sentence a relative date ("the following year") is counted from."""
    part: Part | None = None
    """The part of the date said before it, read for an event (see `parts_of`)."""
    unsure: bool = False
    """Said as one of alternatives, as a span written short or compared (see `_unsure`): no
    verb takes it, so it stays not checked."""

    @property
    def position(self) -> int:
        return self.first


@dataclass(frozen=True)
class NumberMention:
    value: float
    index: int  # the word
    start: int
    end: int
    scale: str | None = None
    """A scale written onto the figure ("84bn": billion); a scale word after it is not this."""
    currency: str | None = None
    """The currency a sign before the figure gives ("$84bn": dollar; "US$84bn": us dollar)."""


@dataclass
class Reading:
    """Everything extracted from one sentence (its text normalised, see text.py)."""

    text: str
    words: list[Token]
    entities: list[Mention]
    relations: list[Mention]
    date_mentions: list[DateMention] = field(default_factory=list)
    number_mentions: list[NumberMention] = field(default_factory=list)
    future: bool = False
    today: dt.date | None = None
    kinds: dict[str, str] = field(default_factory=dict)  # relation id -> state, event or value
    asides: list[tuple[int, int]] = field(default_factory=list)
    """Word ranges (inclusive) set off by commas that describe the name before them: "Turkey, a
    NATO member since 1952, ...", "the campaign, which began in 2015, ..."."""

    ambiguous: list[tuple[int, int]] = field(default_factory=list)
    """Names too many of the ledger's entities share to be read: first and last word."""
    unanchored: list[tuple[int, int]] = field(default_factory=list)
    """Dates said from another that the sentence does not give once ("the following year" with
    no date before it): first and last word."""
    denied: list[tuple[int, int]] = field(default_factory=list)
    """Dates that "not" denies ("not in 1953"), no verb's date: first (the "not") and last word."""
    cache: dict[str, Any] = field(default_factory=dict)
    """Values derived from the reading, computed once by those that need them."""

    @cached_property
    def named(self) -> frozenset[int]:
        """The indices of the words that name an entity."""
        return frozenset(i for m in self.entities for i in range(m.first, m.last + 1))

    @cached_property
    def breaks(self) -> frozenset[int]:
        """The words that end a sentence or a clause before a semicolon ("in 2014. Turkey did
        not join", "in 2014; Turkey did not join"): a clause takes no date, party or negation
        across them."""
        found = set()
        for index in range(len(self.words) - 1):
            end = self.words[index].end
            between = self.text[end:self.words[index + 1].start]
            stops = _SENTENCE_STOP.match(between) and not ABBREVIATION.search(self.text[max(0, end - 16):end + 1])
            if stops or ";" in between:
                found.add(index)
        return frozenset(found)

    def aside_of(self, index: int) -> tuple[int, int] | None:
        for first, last in self.asides:
            if first <= index <= last:
                return first, last
        return None

    @property
    def dates(self) -> list[PartialDate]:
        """The dates it gives, but none that is no one date ("in 1997 or 1998", "1997-98")."""
        return [m.date for m in self.date_mentions if not m.unsure]

    @property
    def numbers(self) -> list[float]:
        return [m.value for m in self.number_mentions]

    @property
    def any_negation(self) -> bool:
        return any(w.word in NEGATIONS for w in self.words)

    @property
    def date(self) -> PartialDate | None:
        """The sentence's date: the most precise one it gives."""
        return max(self.dates, key=lambda d: (d.day is not None, d.month is not None), default=None)

    def span_text(self, first: int, last: int) -> str:
        return self.text[self.words[first].start: self.words[last].end]


def find_dates(text: str, words: list[Token] | None = None) -> tuple[list[DateMention], str]:
    """Dates at the precision written, where they stand, and the text with them blanked out."""
    words = tokens(text) if words is None else words
    return dates_at(text, [w.start for w in words], [w.word for w in words])


def dates_at(text: str, starts: list[int], words: list[str]) -> tuple[list[DateMention], str]:
    """`find_dates` of a text whose words (as `tokens` has them) and where each starts are known."""
    lowered = text.lower()
    if len(lowered) != len(text):  # "İ" lowers to two characters: keep every offset
        lowered = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    blank = lowered
    found: list[DateMention] = []
    if _ANY_YEAR.search(lowered) is None:
        return found, blank
    blank = _range_starts(blank, starts, words, found)
    held: dict[re.Pattern[str], bool] = {}  # searched once, in the text as first asked: patterns
    for pattern, order, needed in _DATE_PATTERNS:  # that share a search and found nothing blank nothing
        if needed is not None:
            if needed not in held:
                held[needed] = needed.search(blank) is not None
            if not held[needed]:
                continue
        spans = []
        for match in pattern.finditer(blank):
            date, ambiguous = _date(match.groups(), order)
            if date is None:
                continue
            first, last = bisect_left(starts, match.start()), bisect_left(starts, match.end()) - 1
            if first > last:
                continue
            bound = words[first - 1] if first and words[first - 1] in _BOUNDS else None
            bound = {"till": "until", "between": "from"}.get(bound or "", bound)
            found.append(DateMention(date, first, last, match.start(), match.end(), bound, ambiguous))
            spans.append((match.start(), match.end()))
        if spans:  # blank them out at once, so that no later pattern reads them again
            parts, previous = [], 0
            for start, end in spans:
                parts += [blank[previous:start], " " * (end - start)]
                previous = end
            blank = "".join([*parts, blank[previous:]])
    found.sort(key=lambda m: m.first)
    found = [_unpaired(m, found[index - 1] if index else None) for index, m in enumerate(found)]
    found = [dataclasses.replace(m, unsure=True) if _unsure(m, found, words, text) else m for m in found]
    return parts_of(lowered, starts, words, found), blank


_COMPARED = frozenset({"later", "earlier", "sooner"})
_SPAN_OF_YEARS = re.compile(r"[-/–]\d{2}(?!\d)")


def _unsure(mention: DateMention, found: list[DateMention], words: list[str], text: str) -> bool:
    """A date said as one of alternatives ("in 2013 or 2014", "either 2013 or 2014"), as a span
    written short ("2013-14", "2013/14": a season or a fiscal year, not the year 2013) or compared
    ("no later than 2015"): not checked."""
    after, before = mention.last + 1, mention.first - 1
    if any(after + 1 == other.first for other in found) and after < len(words) and words[after] == "or":
        return True
    if any(other.last + 2 == mention.first for other in found) and before >= 0 and words[before] == "or":
        return True
    if mention.date.month is None and _SPAN_OF_YEARS.match(text, mention.end):
        return True
    return before >= 1 and words[before] == "than" and words[before - 1] in _COMPARED


COUNTS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
          "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}
"""Counts of a unit of time, as said before it: "a year", "two weeks"."""
_UNIT = r"(year|month|week|day)s?"
_RELATIVE = re.compile(
    r"\b(?:(?:the\s+)?(following|next|previous|preceding|same)\s+" + _UNIT
    + r"|(later|earlier)?\s*(?:that\s+(?:same\s+)?)" + _UNIT
    + r"|(\d{1,2}|" + "|".join(COUNTS) + r")\s+" + _UNIT + r"\s+(later|earlier)(?!\s+than))\b(?!\s*['’]s\b)")
"""A date said from another: "the following year", "the same month", "later that day", "two
years later". Not "the year before" or "a year after", which link two statements (links.py),
nor a possessive, which names no time of the verb ("the following year's budget")."""
_UNIT_WORDS = frozenset({"year", "years", "month", "months", "week", "weeks", "day", "days"})
_SENTENCE_END = re.compile(r"[.!?]\s")
"""A relative date is counted only from a date of its own sentence."""
_STEPS = {"following": 1, "next": 1, "previous": -1, "preceding": -1, "same": 0}
_PRECISION = {"year": 0, "month": 1, "week": 2, "day": 2}


def relative_dates(text: str, blank: str, starts: list[int], words: list[str],
                   found: list[DateMention]) -> tuple[list[DateMention], list[tuple[int, int]]]:
    """Dates said from another date of the same sentence ("In 2015 ..., and the following year
    ...", "in November 2015 ..., later that month", "seven years later"), each counted from the
    one date written out before it, at the precision of its unit (a year from a year, a month
    from a month, a day from a day; "two years later" is the year two after the anchor's). Where
    the sentence gives no such date, or several, or one too coarse for the unit, or one that is a
    bound ("since 2015"), the words are returned as not read (first and last word)."""
    if _UNIT_WORDS.isdisjoint(words) or _RELATIVE.search(blank) is None:
        return [], _seasons_after(blank, starts, words)
    resolved, unread = [], _seasons_after(blank, starts, words)
    for match in _RELATIVE.finditer(blank):
        first, last = bisect_left(starts, match.start()), bisect_left(starts, match.end()) - 1
        if first > last:
            continue
        step_word, unit_a, side_word, unit_b, count, unit_c, direction = match.groups()
        if unit_a is not None:
            unit, step, side = unit_a, _STEPS[step_word], None
        elif unit_b is not None:
            unit, step, side = unit_b, 0, {"later": "after", "earlier": "before"}.get(side_word or "")
        else:
            number = int(count) if count.isdigit() else COUNTS[count]
            unit, step, side = unit_c, number if direction == "later" else -number, None
        earlier = [m for m in found if m.last < first and not _SENTENCE_END.search(text, m.end, match.start())]
        dates = {m.date for m in earlier}
        anchor = earlier[-1] if len(dates) == 1 else None
        date = None
        if anchor is not None and anchor.bound in (None, "and") and not anchor.ambiguous:
            date = _counted(anchor.date, unit, step)
        if anchor is None or date is None:
            unread.append((first, last))
            continue
        part = None
        if unit == "week":  # "a week later", "the following week": days, some surely meant
            date, part = _week(anchor.date.first, step, count is not None, side, first)
            side = None
        if side is not None and _PRECISION[unit] >= _PRECISION[anchor.date.precision]:
            side = None  # "in 2015 ... later that year": no side of the year itself
        bound = words[first - 1] if first and words[first - 1] in _BOUNDS else None
        resolved.append(DateMention(date, first, last, match.start(), match.end(), bound, side=side,
                                    anchor=anchor.date, part=part))
    return resolved, unread


_SEASON_WORDS = frozenset({"spring", "summer", "autumn", "fall", "winter"})
_SEASON_AFTER = re.compile(r"\b(?:(?:later|earlier)\s+)?(?:that|the\s+(?:following|next|previous|same))\s+"
                           r"(?:spring|summer|autumn|fall|winter)\b")


def _seasons_after(blank: str, starts: list[int], words: list[str]) -> list[tuple[int, int]]:
    """A season said from another date ("that autumn", "the following summer"): never counted,
    as seasons differ between the hemispheres; its words are returned as not read."""
    if _SEASON_WORDS.isdisjoint(words):
        return []
    found = []
    for match in _SEASON_AFTER.finditer(blank):
        first, last = bisect_left(starts, match.start()), bisect_left(starts, match.end()) - 1
        if first <= last:
            found.append((first, last))
    return found


def _week(anchor: dt.date, step: int, counted: bool, side: str | None, first: int) -> tuple[PartialDate, Part]:
    """A week said from a day: "a week later" (6 to 8 days later surely, 4 to 10 at most; "three
    weeks later" 18 to 24 surely, 16 to 26 at most), "the following week", "that week", "later
    that week" (the calendar week, whether it starts on a Sunday or a Monday: the days of both
    surely, of either at most). The day in its middle stands for it where a state is said then."""
    if counted:
        middle = anchor + dt.timedelta(days=7 * step)
        most, sure = 2 + abs(step), max(1, abs(step))
        low, high = middle - dt.timedelta(days=most), middle + dt.timedelta(days=most)
        surely = (middle - dt.timedelta(days=sure), middle + dt.timedelta(days=sure))
    else:
        monday = anchor - dt.timedelta(days=anchor.weekday()) + dt.timedelta(days=7 * step)
        low, high = monday - dt.timedelta(days=1), monday + dt.timedelta(days=6)
        surely = (monday, monday + dt.timedelta(days=5))
        if side == "after":
            low, surely = max(low, anchor + dt.timedelta(days=1)), (max(surely[0], anchor + dt.timedelta(days=1)),
                                                                    surely[1])
        elif side == "before":
            high, surely = min(high, anchor - dt.timedelta(days=1)), (surely[0],
                                                                      min(surely[1], anchor - dt.timedelta(days=1)))
        middle = low + (high - low) // 2
    return PartialDate.from_date(middle), Part(first, _day(low, -1), _day(high, 1), surely)


def _counted(anchor: PartialDate, unit: str, step: int) -> PartialDate | None:
    """The year, month or day `step` of `unit` from `anchor`; None when `anchor` does not give
    that unit."""
    if _PRECISION[unit] > _PRECISION[anchor.precision]:
        return None
    if unit == "year":
        return PartialDate(anchor.year + step)
    if unit == "month":
        months = anchor.year * 12 + (anchor.month or 1) - 1 + step
        return PartialDate(months // 12, months % 12 + 1)
    return PartialDate.from_date(anchor.first + dt.timedelta(days=step * (7 if unit == "week" else 1)))


_PART = re.compile(r"(?:\b(early\s+in|late\s+in|early|mid|late|q[1-4]|h[12]|the\s+middle\s+of"
                   r"|the\s+(first|second)\s+half\s+of"
                   r"|the\s+(first|second|third|fourth|last)\s+quarter\s+of"
                   r"|the\s+night\s+of|the\s+early\s+hours\s+of|the\s+(?:very\s+)?(start|beginning|end)\s+of)[\s-]*)$")
_PART_ENDS = frozenset({"early", "mid", "late", "of", "in", "q1", "q2", "q3", "q4", "h1", "h2"})
"""The last word of every part (see _PART): only a date after one is looked at further."""
_SEASONS_OF_YEAR = {  # months each part of a year lies within, and those it surely means
    "early": ((1, 6), (1, 3)), "mid": ((4, 9), (5, 8)), "late": ((7, 12), (10, 12)),
    "first": ((1, 6), None), "second": ((7, 12), None), "h1": ((1, 6), None), "h2": ((7, 12), None),
    "q1": ((1, 3), None), "q2": ((4, 6), None), "q3": ((7, 9), None), "q4": ((10, 12), None)}
_QUARTERS = {"first": "q1", "second": "q2", "third": "q3", "fourth": "q4", "last": "q4"}
_EDGES = {"start": "early", "beginning": "early", "end": "late"}
"""The start or end of a month, as its early or late days ("the end of September 2015"; of a year,
its first or last month: see _DATE_PATTERNS)."""
_PARTS_OF_MONTH = {"early": ((1, 15), (1, 10)), "mid": ((6, 25), (11, 20)), "late": ((16, 31), (21, 31))}


def parts_of(lowered: str, starts: list[int], words: list[str], found: list[DateMention]) -> list[DateMention]:
    """Each date with the part of it said just before it, where one is: "early 2022" lies within
    January to June and surely means January to March; "mid-2019" April to September (surely
    May to August); "late 2020" July to December (surely October to December); "the first half of
    2022" January to June exactly; "late June 2016" the 16th to the end (surely from the 21st);
    "Q2 2014" and "the second quarter of 2014" April to June exactly, "H1 2014" January to June;
    "the night of 15 July 2016" that day or the next (surely that day); "the early hours of 16
    July 2016" that day; "early in 2022" and "late in June 2016" as "early 2022", "late June 2016",
    and "the start of June 2016", "the end of June 2016" as "early June 2016", "late June 2016".
    Not after a bound ("by mid-2019"), which keeps the part not checked.
    `lowered` is the text in lower case, each character where it stands."""
    marked = []
    for mention in found:
        if not mention.first or words[mention.first - 1] not in _PART_ENDS:
            marked.append(mention)
            continue
        match = _PART.search(lowered, max(0, mention.start - 40), mention.start)
        first = bisect_left(starts, match.start()) if match else 0
        if match is None or mention.bound or (first and words[first - 1] in _BOUNDS):
            marked.append(mention)
            continue
        word = match.group(2) or _QUARTERS.get(match.group(3) or "") or _EDGES.get(match.group(4) or "") or \
            match.group(1).split()[-1 if match.group(1).startswith("the middle") else 0]
        word = {"of": "mid", "middle": "mid"}.get(word, word)
        part = _part(mention.date, word, first, match.group(1))
        marked.append(dataclasses.replace(mention, part=part) if part else mention)
    return marked


def _part(date: PartialDate, word: str, first: int, said: str) -> Part | None:
    """The bounds and sure days of one part of `date` (see `parts_of`)."""
    if said.endswith(" of") and ("night" in said or "hours" in said):
        if date.day is None:
            return None
        day = date.first
        if "hours" in said:
            return Part(first, _day(day, -1), _day(day, 1))
        return Part(first, _day(day, -1), _day(day, 2), (day, day))
    if date.day is not None:
        return None
    if date.month is None:
        if word not in _SEASONS_OF_YEAR:
            return None
        (low, high), sure = _SEASONS_OF_YEAR[word]
        surely = (dt.date(date.year, sure[0], 1), PartialDate(date.year, sure[1]).last) if sure else None
        return Part(first, _month(date.year, low - 1), _month(date.year, high + 1), surely)
    if word not in _PARTS_OF_MONTH:
        return None
    (low, high), sure = _PARTS_OF_MONTH[word]
    last = date.last.day
    start, end = dt.date(date.year, date.month, low), dt.date(date.year, date.month, min(high, last))
    return Part(first, _day(start, -1), _day(end, 1),
                (dt.date(date.year, date.month, sure[0]), dt.date(date.year, date.month, min(sure[1], last))))


def _day(day: dt.date, step: int) -> PartialDate:
    return PartialDate.from_date(day + dt.timedelta(days=step))


def _month(year: int, month: int) -> PartialDate:
    """A month of `year`, where 0 is the December before and 13 the January after."""
    return PartialDate(year + (month - 1) // 12, (month - 1) % 12 + 1)


def _range_starts(blank: str, starts: list[int], words: list[str], found: list[DateMention]) -> str:
    """The first dates of ranges that give their year once (see _RANGE), added to `found`; the
    text is returned with them blanked out."""
    if ("from" not in words and "between" not in words) or _MONTH_WORD.search(blank) is None:
        return blank
    for match in _RANGE.finditer(blank):
        month_text = match.group("m1") or match.group("m0") or (match.group("m2") if match.group("d2") else None)
        if month_text is None or (match.group("m0") and match.group("d2")):
            continue  # "from 6 to March 2023", "from March to 8 October 2011": no range
        day = match.group("d1")
        try:
            date = PartialDate(int(match.group("y")), _MONTHS[month_text.rstrip(".")], int(day) if day else None)
            dt.date(date.year, date.month or 1, date.day or 1)
        except ValueError:
            continue
        start, end = match.span("first")
        first, last = bisect_left(starts, start), bisect_left(starts, end) - 1
        if first > last:
            continue
        found.append(DateMention(date, first, last, start, end, "from"))
        blank = blank[:start] + " " * (end - start) + blank[end:]
    return blank


def _unpaired(mention: DateMention, previous: DateMention | None) -> DateMention:
    """"to 2024", "through 2024" and "and 2024" bound a date only right after "from 2012" or
    "between 2012" (`previous`, the date before it); else "and" is only a word before a date, and
    "to" or "through" a bound left unread ("was mayor through 2020" says she held it to the end
    of 2020, which no date of the reader's says)."""
    if mention.bound not in ("to", "and", "through"):
        return mention
    if previous is not None and previous.bound == "from" and previous.last + 2 == mention.first:
        return dataclasses.replace(mention, bound="until")
    return dataclasses.replace(mention, bound=None if mention.bound == "and" else "to")


def _date(groups: tuple[str, ...], order: str) -> tuple[PartialDate | None, bool]:
    ambiguous = False
    if order == "ey":  # the end of 2020, the start of 2015
        groups, order = (groups[1], "12" if groups[0] == "end" else "1"), "ym"
    if order == "ysmd":  # 2014-03-18, 2014/03/18
        groups, order = (groups[0], groups[2], groups[3]), "ymd"
    if order == "n":  # 18/03/2014, 18.03.2014 or 18-03-2014: day first unless that cannot be
        a, _, b, year = groups
        day, month = int(a), int(b)
        if month > 12 >= day:
            day, month = month, day
        ambiguous = day <= 12 and month <= 12 and day != month
        groups, order = (str(year), str(month), str(day)), "ymd"
    parts = dict(zip(order, groups, strict=True))
    month_text = parts.get("m")
    month_number = (int(month_text) if month_text and month_text.isdigit()
                    else _MONTHS.get(month_text.rstrip(".")) if month_text else None)
    try:
        day_number = int(parts["d"]) if "d" in parts else None
        date = PartialDate(int(parts["y"]), month_number, day_number)
        dt.date(date.year, date.month or 1, date.day or 1)
    except (ValueError, KeyError):
        return None, False
    return date, ambiguous


def read(text: str, vocabulary: Vocabulary, today: dt.date | None = None) -> Reading:
    text = normalise(text)
    words = _additions_read(tokens(text))
    dates, rest = find_dates(text, words)
    counted, unanchored = relative_dates(text, rest, [w.start for w in words], [w.word for w in words], dates)
    if counted:
        dates = sorted(dates + counted, key=lambda m: m.first)
    ambiguous: list[tuple[int, int]] = []
    entities, taken = vocabulary.entity_mentions(words, ambiguous, text)
    if any(sign in text for sign in CURRENCIES):  # "US$84bn": the dollar's country, no party
        entities = [m for m in entities if not currency_prefix(text, words[m.last])]
    for mention in [m for m in entities if names_a_currency(words, m)]:
        entities.remove(mention)
        for index in range(mention.first, mention.last + 1):
            words[index] = dataclasses.replace(words[index], stem=currency_stem(words[index].stem))
    named = {i for m in entities for i in range(m.first, m.last + 1)}
    starts = [w.start for w in words]
    dated = {i for d in dates for i in range(d.first, d.last + 1)}
    relative = dated | {i for first, last in unanchored for i in range(first, last + 1)}
    skipped = named | relative | counts_of_time(words)
    numbers = []
    for match in _NUMBER.finditer(rest):
        if bisect_right(starts, match.start()) - 1 in skipped:
            continue  # "resolution 68/262", "S-400": part of a name; "2 years later": of a date
        index = min(bisect_left(starts, match.start()), len(words) - 1)
        figure, suffix = match.groups()
        currency = CURRENCIES.get(text[match.start() - 1: match.start()]) if match.start() else None
        prefix = bisect_left(starts, match.start() - 1) - 1
        if currency is not None and prefix >= 0 and words[prefix].end == match.start() - 1:
            currency = f"{words[prefix].word} {currency}"  # "US$": US dollars
        if suffix in _UNSURE_SUFFIXES and currency is None and not _plural_after(words, index):
            continue  # "a 300m tunnel"
        numbers.append(NumberMention(float(figure.replace(",", "")), index, match.start(), match.end(),
                                     _SUFFIXES.get(suffix or ""), currency))
    numbers += [NumberMention(float(value), last, words[first].start, words[last].end)
                for first, last, value in spelled_numbers(words) if not skipped & {first, last}]
    numbers = sorted((n for n in numbers if not is_share(text, n.end)), key=lambda n: n.index)
    pronouns = pronoun_mentions(text, words, entities, dated)
    if pronouns:  # "after the council approved it": the one party it can stand for
        entities = sorted(entities + pronouns, key=lambda m: m.first)
    parted = dated | {i for d in dates if d.part is not None for i in range(d.part.first, d.first)}
    relations = [r for r in vocabulary.relation_mentions(words, taken, time_subject_verb(words, dates))
                 # "at the end of 2017" is a date, not an end; "at the start of June 2016" a part of one
                 if not parted & set(range(r.first, r.last + 1))]
    if not title_case(words):  # in a headline every word is capitalised: "Russia Annexes Crimea, Turkey Cheers"
        entities = [m for m in entities if not _modifies_a_name(words, m, relations, entities, dated)]
    inner = {i for m in entities for i in range(m.first + 1, m.last)}
    if inner:  # a word inside a name written out of order is part of the name: "first deputy chair of ..."
        relations = [r for r in relations if not (r.first in inner and r.last in inner)]
    if not numbers:  # "passengers", "members" with no number say nothing of a value
        relations = [m for m in relations if vocabulary.kinds.get(m.target) != "value"]
    else:  # "at a cost of 5 million crowns": a word a figure counts is a noun, no event's verb
        figures = {_after_scale(words, n.index) for n in numbers}
        relations = [m for m in relations if vocabulary.kinds.get(m.target) == "value" or m.first not in figures
                     or "N" not in lexicon.word_classes(words[m.first].word)]
    plain = [w.word for w in words]
    denials = [(denial_of(plain, d), d) for d in dates]
    denied = [(first, d.last) for first, d in denials if first is not None]
    dates = [d for first, d in denials if first is None]
    reading = Reading(text=text, words=words, entities=entities, relations=relations, date_mentions=dates,
                      number_mentions=numbers, today=today, kinds=vocabulary.kinds,
                      asides=find_asides(text, words, entities, relations), ambiguous=ambiguous,
                      unanchored=unanchored, denied=denied)
    joined = " ".join(w.word for w in words)
    reading.future = any(governing(reading, r, _MODALS) is not None or _headline_infinitive(reading, r)
                         for r in relations) or any(f" {p} " in f" {joined} " for p in _FUTURE_PHRASES)
    return reading


def _headline_infinitive(reading: Reading, relation: Mention) -> bool:
    """Whether the verb is a headline's "to" after its parties alone ("Erdogan To Meet Putin",
    "Moscow and Ankara to sign deal"): what is to happen, as "will" says, not what happened."""
    if relation.first < 2 or reading.words[relation.first - 1].word != "to":
        return False
    start = max((b + 1 for b in reading.breaks if b < relation.first), default=0)
    before = range(start, relation.first - 1)
    named = reading.named
    return any(i in named for i in before) and all(
        i in named or reading.words[i].word in _HEADLINE_JOINS for i in before)


def denial_of(words: list[str], mention: DateMention) -> int | None:
    """Where "not" denies a date, right before it or before its preposition ("joined not in 1953
    but in 1952", "opened not before 2019"): no verb's date, which the sentence says it was not."""
    before = mention.first - 1
    if before >= 0 and words[before] in _DATE_PREPOSITIONS:
        before -= 1
    return before if before >= 0 and words[before] == "not" else None


_DATE_PREPOSITIONS = frozenset({"in", "on", "at", "during", "before", "after", "since", "by", "from"})
"""Prepositions of a date that "not" before them denies; not "until": "not until 1952" says when
(see `not_until_timings`)."""


def title_case(words: list[Token]) -> bool:
    """Whether every word but the short function words is capitalised, as in a headline."""
    content = [w for w in words if w.word.isalpha() and w.word not in STOPWORDS]
    return len(content) >= 3 and all(w.capital for w in content)


def _after_scale(words: list[Token], index: int) -> int:
    """The word after a figure, past its scale words ("5 million crowns": "crowns")."""
    following = index + 1
    while following < len(words) and words[following].word in SCALES:
        following += 1
    return following


def _modifies_a_name(words: list[Token], mention: Mention, relations: list[Mention], entities: list[Mention],
                     dated: set[int]) -> bool:
    """Whether a name stands first in a longer proper name the ledger does not know: a common noun
    after it capitalised in mid-sentence ("Turkish Airlines", "Russian Railways") makes another
    party, which the account then reports as a name not known, not the country."""
    after = mention.last + 1
    if after >= len(words) or not words[after].capital or words[after].upper:
        return False
    if after in dated or any(m.first == after for m in (*relations, *entities)) or words[after].word in STOPWORDS:
        return False
    return "N" in lexicon.word_classes(words[after].word)


CURRENCY_WORDS = frozenset({"dollar", "dollars", "euro", "euros", "pound", "pounds", "yen", "yuan", "rouble",
                            "roubles", "ruble", "rubles", "lira", "liras", "lire", "crown", "crowns", "franc",
                            "francs", "rupee", "rupees", "krona", "kronor", "krone", "kroner", "peso", "pesos"})
"""Words that name a currency after a figure ("84 billion US dollars")."""


def currency_stem(stem: str) -> str:
    """The stem of a word of a currency's name ("US" of "US dollars"), kept apart from the party it
    names elsewhere: "the US" is no "US dollars", in a sentence or a fact's statement."""
    return "¤" + stem


def names_a_currency(words: list[Token], mention: Mention) -> bool:
    """Whether a name stands between a figure (or its scale) and a currency word: "84 billion US
    dollars", "90 million Ruritanian crowns" name the currency, not a party."""
    after, before = mention.last + 1, mention.first - 1
    return after < len(words) and words[after].word in CURRENCY_WORDS and before >= 0 and (
        words[before].word in SCALES or words[before].word[:1].isdigit())


def currency_prefix(text: str, token: Token) -> bool:
    """Letters written onto a currency sign ("US$", "HK$", "A$"): part of the currency."""
    return text[token.end: token.end + 1] in CURRENCIES


def _plural_after(words: list[Token], index: int) -> bool:
    """Whether the word after `index` is a plural noun ("21m passengers"), not a verb or glue."""
    if index + 1 >= len(words):
        return False
    following = words[index + 1]
    return following.word.endswith("s") and following.word.isalpha() and following.stem != following.word \
        and following.word not in STOPWORDS


def scale_of(reading: Reading, number: NumberMention) -> str | None:
    """The scale a figure is given at: written onto it ("84bn") or the word after it ("84
    billion", "millions"), as "million", "billion"...; None for a plain figure."""
    if number.scale is not None:
        return number.scale
    following = next((w.word for w in reading.words[number.index:] if w.start >= number.end), "")
    return following.rstrip("s") if following in SCALES else None


_ASIDE_OPENERS = frozenset({"a", "an", "the", "which", "who", "whose", "whom", "its", "his", "her", "their",
                            "once", "now", "then", "formerly", "itself", "both", "not"})
MAX_ASIDE = 20
"""An aside longer than this many words is read as a clause of its own."""


_INTERVAL_UNITS = frozenset({"year", "years", "month", "months", "week", "weeks", "day", "days", "hour", "hours"})
_INTERVAL_ENDS = frozenset({"after", "before", "later", "earlier", "ago"})


def counts_of_time(words: list[Token]) -> set[int]:
    """The counts of intervals ("three years after", "two weeks earlier"): no number of a value
    (links.py reads them)."""
    return {i - 1 for i in range(1, len(words) - 1)
            if words[i].word in _INTERVAL_UNITS and words[i + 1].word in _INTERVAL_ENDS}


def find_asides(text: str, words: list[Token], entities: list[Mention],
                relations: list[Mention]) -> list[tuple[int, int]]:
    """Spans between two commas that open with an article, a possessive or a relative pronoun
    ("which", "who"), with a name and "'s", with a relation word, or with a denial ("not", "but
    not"): appositions, relative clauses, participles ("King Rudolf, crowned in 1990, ...") and
    contrasts ("Brenmoor, but not Ashby, ...")."""
    commas = [i for i in range(1, len(words)) if "," in text[words[i - 1].end: words[i].start]]
    entity_at = {m.first: m for m in entities}
    relation_at = {m.first for m in relations}
    found: list[tuple[int, int]] = []
    for opening, closing in zip(commas, commas[1:], strict=False):
        first = words[opening].word
        mention = entity_at.get(opening)
        possessive = (mention is not None and mention.last + 1 < len(words) and words[mention.last + 1].word == "s") \
            or (opening + 1 < len(words) and words[opening + 1].word == "s")  # "Turkey's deputy prime minister"
        denial = first in ("but", "and") and opening + 1 < closing and words[opening + 1].word == "not"
        resumed = opening in relation_at and bool(found) and found[-1][1] == opening - 1 and \
            words[found[-1][0]].word in _RELATIVE_OPENERS
        if resumed:
            continue  # "Marrow, who succeeded Ferro, became mayor in 2020, ...": the main verb again
        if (first in _ASIDE_OPENERS or denial or possessive or opening in relation_at) and \
                closing - opening <= MAX_ASIDE:
            found.append((opening, closing - 1))
    return found


_RELATIVE_OPENERS = frozenset({"which", "who", "whose", "whom"})


_DATE_HEDGES = frozenset({"about", "around", "circa", "roughly", "approximately", "c"})


def hedge_words(reading: Reading, mention: DateMention) -> set[int]:
    """The words that give a date loosely: one before it ("circa 1950"), or "or so" after it."""
    words = reading.words
    found = {mention.first - 1} if mention.first > 0 and words[mention.first - 1].word in _DATE_HEDGES else set()
    if mention.last + 2 < len(words) and (words[mention.last + 1].word, words[mention.last + 2].word) == ("or", "so"):
        found |= {mention.last + 1, mention.last + 2}
    return found


_COMPARATIVES = frozenset({"more", "less", "fewer", "higher", "lower", "cheaper", "dearer", "extra", "longer",
                           "shorter", "larger", "smaller", "bigger"})


_ADDED = frozenset({"extra", "further", "another", "additional", "up", "down"})
"""Words before a figure that make it an amount added to another: "an extra 40 million", "went
up three crowns", "up 3 crowns on 2023"."""
_CHANGES = frozenset({"rise", "rose", "risen", "rises", "rising", "fall", "fell", "fallen", "falls", "falling",
                      "increase", "increased", "increases", "decrease", "decreased", "decreases", "grow", "grew",
                      "grown", "grows", "drop", "dropped", "drops", "climb", "climbed", "climbs", "jump", "jumped",
                      "jumps", "cut", "cuts", "raise", "raised", "raises", "lower", "lowered", "lowers", "reduce",
                      "reduced", "reduces", "shrink", "shrank", "shrunk", "shrinks", "decline", "declined",
                      "declines", "soar", "soared", "plunge", "plunged", "hike", "hiked", "boost", "boosted",
                      "swell", "swelled", "slip", "slipped"})
"""Verbs of change: "rose by three crowns" says by how much, not what it came to."""


_LOOSELY = frozenset({"about", "around", "roughly", "some", "nearly", "almost", "approximately", "just", "over",
                      "under", "more", "less", "than", "fewer"})


def is_difference(reading: Reading, number: NumberMention) -> bool:
    """A number said as a difference ("cost 3 crowns more", "12 fewer members than", "cost an
    extra 40 million", "a further 12 trams", "rose by three crowns", "went up 3 crowns"), which
    is not the amount the facts give ("70 or more" is a bound, see amounts.py)."""
    words = reading.words
    first = number_start(reading, number)
    before = first - 1
    while before >= 0 and words[before].word in _LOOSELY:
        before -= 1  # "rose by about 3", "up some 3"
    if before >= 0 and (words[before].word in _ADDED or (
            words[before].word == "by" and before and words[before - 1].word in _CHANGES)):
        return True
    index = number.index + 1
    while index < len(words) and words[index].word in SCALES:
        index += 1
    return any(following < len(words) and words[following].word in _COMPARATIVES
               and words[following - 1].word not in ("or", "and") for following in (index, index + 1))


def number_start(reading: Reading, number: NumberMention) -> int:
    """The first word of a number, whose `index` is its last: "Thirty-eight" takes two."""
    return next((i for i in range(number.index, -1, -1) if reading.words[i].start <= number.start), number.index)


SEEING = frozenset({"saw", "sees", "see"})
"""Verbs of seeing, which with a time as their subject say only when: "2014 saw Russia annex
Crimea" is "Russia annexed Crimea in 2014"."""


def time_subject_verb(words: list[Token], dates: list[DateMention]) -> int | None:
    """The index of a verb of seeing whose subject is the date that opens the sentence ("2014
    saw", "The year 2014 saw", "2014 did not see"), if there is one."""
    opening = next((d for d in dates if d.first == 0 or (d.first == 2 and [w.word for w in words[:2]] == [
        "the", "year"])), None)
    if opening is None or opening.bound is not None:
        return None
    index = opening.last + 1
    while index < len(words) and words[index].word in NEGATIONS | {"did", "does"}:
        index += 1
    return index if index < len(words) and words[index].word in SEEING else None


def governing(reading: Reading, relation: Mention, wanted: frozenset[str]) -> int | None:
    """The index of one of `wanted` standing just before the verb ("did not visit", "will visit",
    "is not a NATO member"), with no party named in between but a name used as a modifier of the
    verb itself."""
    named = reading.named
    start = relation.first - 1
    while start not in reading.breaks and (start in named or (start >= 0 and reading.words[start].word == "s")):
        start -= 1  # "a NATO member", "Russia's partner": the name is part of the phrase
    for index in range(start, max(start - 4, -1), -1):
        if index in named or index in reading.breaks:  # (the word ends the sentence before)
            return None
        if reading.words[index].word == "that" and not _extraposed(reading.words, index):
            return None  # "Nobody disputes that Turkey joined": the denial is the disputing's
        if reading.words[index].word in wanted:
            return index
    return None


def _extraposed(words: list[Token], that: int) -> bool:
    """"it is not true that", "it was not the case that": a judgement of the clause after "that",
    whose denial is the clause's (see candidates._only_spoken_of)."""
    return any(words[i].word == "it" and words[i + 1].word in ("is", "was") for i in range(max(0, that - 5), that - 1))
