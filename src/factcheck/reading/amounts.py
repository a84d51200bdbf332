"""How a sentence gives its number: as written ("68 members", "70 members"), hedged ("about 70"),
or as a bound ("more than 70", "up to 40"). A number as written is right only to the precision it
is written in, so "68 members" when the facts say 74 is wrong, not "close", and "70" is right
(rounded) but "80" is not; a hedged number is right within the fact's tolerance; a bound is right
when the fact's value is within it.
"""

from __future__ import annotations

from ..model import Amount
from .extract import NumberMention, Reading, number_start

_BEFORE: dict[tuple[str, ...], str] = {
    ("more", "than"): "over", ("over",): "over", ("above",): "over", ("upwards", "of"): "over",
    ("in", "excess", "of"): "over", ("just", "over"): "just-over", ("slightly", "more", "than"): "just-over",
    ("at", "least"): "at-least", ("no", "fewer", "than"): "at-least", ("no", "less", "than"): "at-least",
    ("not", "fewer", "than"): "at-least", ("not", "less", "than"): "at-least", ("a", "minimum", "of"): "at-least",
    ("fewer", "than"): "under", ("less", "than"): "under", ("under",): "under", ("below",): "under",
    ("at", "most"): "at-most", ("up", "to"): "at-most", ("no", "more", "than"): "at-most",
    ("not", "more", "than"): "at-most", ("a", "maximum", "of"): "at-most",
    ("about",): "about", ("around",): "about", ("roughly",): "about", ("approximately",): "about",
    ("some",): "about", ("estimated",): "about", ("an", "estimated"): "about", ("circa",): "about",
    ("close", "to"): "almost", ("nearly",): "almost", ("almost",): "almost", ("just", "under"): "almost",
    ("not", "quite"): "almost",
}
"""Words before a number that say how it is meant, longest first when looked up."""
_AFTER: dict[tuple[str, ...], str] = {
    ("or", "more"): "at-least", ("or", "over"): "at-least", ("and", "more"): "at-least",
    ("or", "fewer"): "at-most", ("or", "less"): "at-most", ("or", "so"): "about",
}
"""Words after a number (and its unit, if one word) that say how it is meant."""
_LONGEST = max(len(k) for k in (*_BEFORE, *_AFTER))


def amount_of(reading: Reading, number: NumberMention) -> tuple[Amount, frozenset[int]]:
    """How `number` is meant, and the words that say so (they are read with it)."""
    words = reading.words
    first = number_start(reading, number)
    margin = _margin(reading.text[number.start:number.end], number.value)
    ranged = _range(reading, number, first)
    if ranged is not None:
        return ranged
    for size in range(_LONGEST, 0, -1):
        before = tuple(w.word for w in words[max(0, first - size):first])
        if len(before) == size and before in _BEFORE:
            return Amount(_BEFORE[before], margin), frozenset(range(first - size, first))
    for skip in (0, 1):  # "70 or more", "70 members or more"
        start = number.index + 1 + skip
        for size in range(_LONGEST, 0, -1):
            after = tuple(w.word for w in words[start:start + size])
            if len(after) == size and after in _AFTER:
                return Amount(_AFTER[after], margin), frozenset(range(start, start + size))
    return Amount("exact", margin), frozenset()


_RANGE_LINKS = frozenset({"and", "to"})
_RANGE_OPENERS = frozenset({"between", "from"})


def range_upper(reading: Reading, number: NumberMention) -> NumberMention | None:
    """The upper figure of a range whose lower one is `number` ("between 400 and 450 million",
    "20 to 22 million"): the one the range is read from (see `_range`)."""
    upper = next((n for n in reading.number_mentions if n.index == number.index + 2), None)
    if upper is None or _range(reading, upper, number_start(reading, upper)) is None:
        return None
    return upper


def _range(reading: Reading, number: NumberMention, first: int) -> tuple[Amount, frozenset[int]] | None:
    """"between 70 and 80", "70 to 80", "from 70 to 80": a range, read from its upper figure
    (which the noun follows) with the lower one and the words between; None for one figure."""
    words = reading.words
    lower = next((n for n in reading.number_mentions if n.index == first - 2), None)
    if lower is None or first < 2 or words[first - 1].word not in _RANGE_LINKS or lower.value >= number.value:
        return None
    start = number_start(reading, lower)
    opener = words[start - 1].word if start else ""
    if (words[first - 1].word == "and" and opener != "between") or opener == "by":
        return None  # "70 and 80": two figures; "by 14 to 31": a tally, not a range
    if opener in _RANGE_OPENERS:
        start -= 1
    return Amount("range", low=lower.value), frozenset(range(start, number.index + 1))


def _margin(written: str, value: float) -> float:
    """Half a unit of the last digit that counts: "74" is 73.5 to 74.5, "74.3" 74.25 to 74.35,
    and a round figure is rounded to its last non-zero digit: "70" (or "seventy") is 65 to 75.
    A figure in words counts as its digits ("half" as 0.5), but one in dozens is rounded to the
    dozen ("three dozen" is 30 to 42); a scale on it does not count ("84bn")."""
    if written.lower().endswith("dozen"):
        return 6.0
    digits = written.replace(",", "").rstrip("abcdefghijklmnopqrstuvwxyz")
    if not digits.replace(".", "").isdigit():
        digits = f"{value:.10g}"
    if "." in digits:
        return 0.5 * 10 ** -len(digits.split(".")[1])
    zeros = len(digits) - len(digits.rstrip("0")) if digits.strip("0") else 0
    return 0.5 * 10 ** zeros
