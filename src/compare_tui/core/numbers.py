"""The lexicon figures.py reads: number words, vague quantities, bounds and multipliers.

Everything here is data plus the few functions that turn a matched phrase into a value, so
that the grammar in figures.py stays about *where* quantities are, not *what* they are worth.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

UNITS: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}  # fmt: skip
TENS: dict[str, int] = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
#: Multipliers after a number ("1.5 million", "two dozen", "a hundred").
SCALES: dict[str, int] = {
    "dozen": 12, "hundred": 100, "thousand": 1_000, "million": 1_000_000,
    "billion": 1_000_000_000, "trillion": 1_000_000_000_000,
}  # fmt: skip
#: Abbreviated multipliers, accepted only right after a currency amount ("$3.5m", "€2bn").
SHORT_SCALES: dict[str, int] = {
    "k": 1_000, "m": 1_000_000, "mn": 1_000_000, "bn": 1_000_000_000, "tn": 1_000_000_000_000,
}  # fmt: skip

ORDINALS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50,
    "sixtieth": 60, "seventieth": 70, "eightieth": 80, "ninetieth": 90, "hundredth": 100,
}  # fmt: skip

#: Denominators of fractions of a whole ("a quarter of", "two-thirds of"), singular and plural.
FRACTIONS: dict[str, int] = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fifth": 5,
    "fifths": 5, "sixth": 6, "sixths": 6, "eighth": 8, "eighths": 8, "tenth": 10, "tenths": 10,
}  # fmt: skip
#: Numerators written before them ("a", "one", "two", ... "nine").
FRACTION_NUMERATORS: dict[str, int] = {"a": 1, "one": 1} | {
    w: n for w, n in UNITS.items() if 2 <= n <= 9
}


@dataclass(frozen=True, slots=True)
class Vague:
    """A quantity word that stands for a range, not a number ("several", "dozens")."""

    low: float
    high: float | None


#: Vague quantities, longest phrase first when matched. Chosen so that ranges a reader would
#: call different do not overlap: "several" (3-9) never agrees with "dozens" (13+).
#: "many", "numerous", "few" and "a number of" are left out on purpose: they carry no
#: checkable size, and flagging "many" against "40" would be noise, not a finding.
VAGUE: dict[str, Vague] = {
    "tens of thousands": Vague(20_000, None),
    "hundreds of thousands": Vague(200_000, None),
    "a couple of": Vague(2, 3),
    "a couple": Vague(2, 3),
    "a few": Vague(2, 5),
    "a handful of": Vague(2, 6),
    "a handful": Vague(2, 6),
    "several": Vague(3, 9),
    "half a dozen": Vague(6, 6),
    "dozens": Vague(13, None),
    "scores": Vague(40, None),
    "hundreds": Vague(200, None),
    "thousands": Vague(2_000, None),
    "millions": Vague(2_000_000, None),
    "billions": Vague(2_000_000_000, None),
}


class Bound:
    """How a qualifier in front of a number turns it into an interval."""

    APPROX = "approx"  # around 30: 30, approx
    AT_LEAST = "at_least"  # at least 15: 15..None
    MORE_THAN = "more_than"  # more than 15: 15..None (exclusive bound stored as 15)
    AT_MOST = "at_most"  # up to 30: None..30
    LESS_THAN = "less_than"  # fewer than 30: None..30 (exclusive bound stored as 30)
    NEARLY = "nearly"  # nearly 2,000: 1,600..2,000, approx


#: Qualifiers, as regex fragments (spaces are ``\s+``), mapped to their bound.
QUALIFIERS: dict[str, str] = {
    "an estimated": Bound.APPROX,
    "estimated": Bound.APPROX,
    "approximately": Bound.APPROX,
    "around": Bound.APPROX,
    "about": Bound.APPROX,
    "roughly": Bound.APPROX,
    "some": Bound.APPROX,
    "at least": Bound.AT_LEAST,
    "no fewer than": Bound.AT_LEAST,
    "no less than": Bound.AT_LEAST,
    "a minimum of": Bound.AT_LEAST,
    "more than": Bound.MORE_THAN,
    "just over": Bound.MORE_THAN,
    "over": Bound.MORE_THAN,
    "upwards of": Bound.MORE_THAN,
    "in excess of": Bound.MORE_THAN,
    "up to": Bound.AT_MOST,
    "as many as": Bound.AT_MOST,
    "as much as": Bound.AT_MOST,
    "at most": Bound.AT_MOST,
    "no more than": Bound.AT_MOST,
    "a maximum of": Bound.AT_MOST,
    "fewer than": Bound.LESS_THAN,
    "less than": Bound.LESS_THAN,
    "under": Bound.LESS_THAN,
    "just under": Bound.NEARLY,
    "nearly": Bound.NEARLY,
    "almost": Bound.NEARLY,
    "close to": Bound.NEARLY,
}

#: "nearly n" is read as n * NEARLY_FLOOR .. n: writers do not say "nearly 2,000" for 500.
NEARLY_FLOOR = 0.8


def apply_bound(
    bound: str | None, low: float, high: float | None
) -> tuple[float | None, float | None, bool]:
    """Interval and approx flag for a value (or range) under a qualifier."""
    top = high if high is not None else low
    if bound == Bound.APPROX:
        return low, high, True
    if bound in (Bound.AT_LEAST, Bound.MORE_THAN):
        return low, None, False
    if bound in (Bound.AT_MOST, Bound.LESS_THAN):
        return None, top, False
    if bound == Bound.NEARLY:
        return top * NEARLY_FLOOR, top, True
    return low, high, False


def _alternation(words: list[str]) -> str:
    """Regex alternation, longest first so "seventeen" is not read as "seven"."""
    ordered = sorted(words, key=len, reverse=True)
    return "|".join(r"\s+".join(map(re.escape, w.split())) for w in ordered)


UNIT_WORD_RE = _alternation(list(UNITS))
TENS_RE = _alternation(list(TENS))
SCALE_RE = _alternation(list(SCALES))
ORDINAL_RE = rf"(?:(?:{TENS_RE})-)?(?:{_alternation(list(ORDINALS))})"
#: A number written in words: "ten", "twenty-five", "two hundred and fifty", "a thousand".
SMALL_WORD_RE = rf"(?:(?:{TENS_RE})(?:[-\s](?:{UNIT_WORD_RE}))?|{UNIT_WORD_RE})"
WORD_NUMBER_RE = (
    rf"(?:{SMALL_WORD_RE}|a(?=\s+(?:{SCALE_RE})))"
    rf"(?:\s+(?:{SCALE_RE})(?:\s+(?:and\s+)?(?:{SMALL_WORD_RE})(?!\s+(?:{SCALE_RE})))?)*"
)
#: Digits with optional thousands separators and decimals: "10", "2,000", "1.5".
DIGITS_RE = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
#: Digits followed by word multipliers: "1.5 million", "3 billion".
DIGIT_NUMBER_RE = rf"{DIGITS_RE}(?:\s+(?:{SCALE_RE}))*"
VAGUE_RE = _alternation(list(VAGUE))
FRACTION_RE = _alternation(list(FRACTIONS))
FRACTION_NUMERATOR_RE = _alternation(list(FRACTION_NUMERATORS))
QUALIFIER_RE = _alternation(list(QUALIFIERS))

_WORD_SPLIT = re.compile(r"[\s-]+")


def word_value(phrase: str) -> float | None:
    """Value of a number in words or digits with multipliers; None if unreadable.

    >>> word_value("two hundred and fifty")
    250.0
    >>> word_value("1.5 million")
    1500000.0
    """
    total = 0.0
    current = 0.0
    seen = False
    for raw in _WORD_SPLIT.split(phrase.lower().strip()):
        word = raw.replace(",", "")
        if not word or word == "and":
            continue
        if word == "a":
            current, seen = 1.0, True
        elif word in UNITS:
            current += UNITS[word]
            seen = True
        elif word in TENS:
            current += TENS[word]
            seen = True
        elif word in SCALES:
            scale = SCALES[word]
            current = (current or 1.0) * scale
            if scale >= 1000:
                total += current
                current = 0.0
            seen = True
        else:
            try:
                current += float(word)
            except ValueError:
                return None
            seen = True
    return total + current if seen else None


def fraction_value(phrase: str) -> float | None:
    """Percent of a whole a fraction stands for ("two-thirds" -> 66.67, "half" -> 50)."""
    words = _WORD_SPLIT.split(phrase.lower().strip())
    if words == ["half"]:
        return 50.0
    if len(words) != 2 or words[1] not in FRACTIONS or words[0] not in FRACTION_NUMERATORS:
        return None
    value = 100 * FRACTION_NUMERATORS[words[0]] / FRACTIONS[words[1]]
    return value if value <= 100 else None


def vague_value(phrase: str) -> Vague | None:
    """Range of a vague quantity phrase ("a handful of" -> 2..6), case and spacing ignored."""
    return VAGUE.get(" ".join(phrase.lower().split()))


def qualifier_bound(phrase: str) -> str | None:
    """Bound kind of a qualifier phrase ("At least" -> AT_LEAST)."""
    return QUALIFIERS.get(" ".join(phrase.lower().split()))
