"""The lexicon figures.py reads: number words, vague quantities, bounds and multipliers.

Everything here is data plus the few functions that turn a matched phrase into a value, so
that the grammar in figures.py stays about *where* quantities are, not *what* they are worth.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

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
#: Abbreviated multipliers glued to digits or money ("$3.5m", "€2bn", "2.5m people", "10k").
#: "b" alone is left out: "Figure 2b", "Category 4b" are labels far more often than billions.
#: "mln", "bln", "tln" and "mil" are wire-copy spellings ("10 bln", "$2 mil").
SHORT_SCALES: dict[str, int] = {
    "k": 1_000, "m": 1_000_000, "mn": 1_000_000, "mln": 1_000_000, "mil": 1_000_000,
    "bn": 1_000_000_000, "bln": 1_000_000_000, "tn": 1_000_000_000_000,
    "tln": 1_000_000_000_000,
    # After a currency sign only (units.SHORT_RE): "€10B", "$2.174T".
    "b": 1_000_000_000, "t": 1_000_000_000_000,
}  # fmt: skip

ORDINALS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50,
    "sixtieth": 60, "seventieth": 70, "eightieth": 80, "ninetieth": 90,
    # Common misspellings in copy: "nineth meeting", "fourtieth anniversary".
    "nineth": 9, "fourtieth": 40,
}  # fmt: skip
#: Ordinals of multipliers: "two hundredth" is 200th, so they multiply what comes before.
SCALE_ORDINALS: dict[str, str] = {
    "hundredth": "hundred", "thousandth": "thousand", "millionth": "million",
    "billionth": "billion",
}  # fmt: skip

#: Denominators of fractions of a whole ("a quarter of", "two-thirds of"), singular and plural.
FRACTIONS: dict[str, int] = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fourth": 4,
    "fourths": 4, "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6, "seventh": 7,
    "sevenths": 7, "eighth": 8, "eighths": 8, "ninth": 9, "ninths": 9, "tenth": 10,
    "tenths": 10,
}  # fmt: skip
#: Fractions in one character ("2½ miles", "¾ of the vote").
VULGAR_FRACTIONS: dict[str, float] = {
    "½": 1 / 2, "⅓": 1 / 3, "⅔": 2 / 3, "¼": 1 / 4, "¾": 3 / 4, "⅕": 1 / 5, "⅖": 2 / 5,
    "⅗": 3 / 5, "⅘": 4 / 5, "⅙": 1 / 6, "⅚": 5 / 6, "⅛": 1 / 8, "⅜": 3 / 8, "⅝": 5 / 8,
    "⅞": 7 / 8,
}  # fmt: skip
#: Denominators accepted in a digit fraction ("1/4 mile", "2 1/2 miles"). Others are labels,
#: dates or scores far more often than fractions: "9/11", "24/7", "4/20", "7/7".
DIGIT_DENOMINATORS = frozenset({2, 3, 4, 5, 6, 8, 10, 16, 32, 64, 100})
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
#: call different do not overlap: "several" (3-9) never agrees with "dozens" (24+: two dozen
#: at least, as the plural says). "multiple" says only "more than one".
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
    "dozens": Vague(24, None),
    "multiple": Vague(2, None),
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
    "above": Bound.MORE_THAN,
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
    "below": Bound.LESS_THAN,
    "just under": Bound.NEARLY,
    "nearly": Bound.NEARLY,
    "almost": Bound.NEARLY,
    "close to": Bound.NEARLY,
}

#: "500 or more", "50 and over": a bound written after the number. ("plus" is left out:
#: "10 plus tax" is not a bound.)
POST_QUALIFIERS = {
    "or more": Bound.AT_LEAST, "and more": Bound.AT_LEAST, "or over": Bound.AT_LEAST,
    "and over": Bound.AT_LEAST, "and above": Bound.AT_LEAST,
    "or above": Bound.AT_LEAST, "or less": Bound.AT_MOST,
    "or fewer": Bound.AT_MOST, "or under": Bound.AT_MOST,
    "and under": Bound.AT_MOST, "or below": Bound.AT_MOST,
    "and older": Bound.AT_LEAST, "or older": Bound.AT_LEAST,
    "and younger": Bound.AT_MOST, "or younger": Bound.AT_MOST,
}  # fmt: skip
#: Bounds written after a number that make it an age: "those 15 and older".
AGE_POST_QUALIFIERS = frozenset({"and older", "or older", "and younger", "or younger"})
#: "nearly n" is read as n * NEARLY_FLOOR .. n: "nearly 7,000" is said of 6,700 or 6,900,
#: not of 5,600; the approximate flag then widens it by the rounding unit.
NEARLY_FLOOR = 0.95


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
#: "one" to "nine": the only units that may follow a tens word ("twenty-five", not "twenty ten").
DIGIT_WORD_RE = _alternation([w for w, n in UNITS.items() if 1 <= n <= 9])
TENS_RE = _alternation(list(TENS))
SCALE_RE = _alternation(list(SCALES))
#: A multiplier after a number may be plural: "seventy-five thousands", "three dozens".
_SCALE_P = rf"(?:{SCALE_RE})s?"
#: Between the words of one number: "twenty-five", "fifty - two", "fifty two".
_JOIN = r"(?:\s*-\s*|\s+)"
#: A number below 100 in words: "ten", "twenty-five", "fifty two".
SMALL_WORD_RE = rf"(?:(?:{TENS_RE})(?:{_JOIN}(?:{DIGIT_WORD_RE})\b)?|(?:{UNIT_WORD_RE}))"
FRACTION_RE = _alternation(list(FRACTIONS))
#: The fraction that ends a mixed number: "one and a half", "two and three eighths",
#: "3 million and a half". Never glued to a word ("two sons and a half-sister").
FRACTION_TAIL_RE = rf"\s+and\s+(?:a|one|{DIGIT_WORD_RE})[\s-]+(?:{FRACTION_RE})\b(?![-’'])"
#: The number-word grammar. A number is a head (a small number, or "a" before a multiplier)
#: then groups of a multiplier and an optional small number below it, each optionally closed by
#: a fraction: "two hundred forty-three thousand seven hundred twenty-four", "one hundred and
#: five million", "one and a half million", "one billion and a half million". A small number
#: never follows another small number directly, so "one, two, three" and "twenty five and
#: seventy four" stay separate numbers; "and" joins only after a multiplier, as English does.
_GROUPS = (
    rf"(?:{FRACTION_TAIL_RE})?"
    rf"(?:{_JOIN}{_SCALE_P}\b(?:\s+(?:and\s+)?(?:{SMALL_WORD_RE})\b(?![\s-]+(?:{FRACTION_RE})\b))?"
    rf"(?:{FRACTION_TAIL_RE})?)*"
)
WORD_NUMBER_RE = rf"(?:(?:{SMALL_WORD_RE})|a(?={_JOIN}(?:{SCALE_RE})))\b{_GROUPS}"
#: An ordinal in words, compounds included: "third", "twenty-fifth", "one hundred twenty
#: fifth", "two hundredth". A spaced "forty second" is left alone: "a forty second delay".
_ORDINAL_WORDS = _alternation([*ORDINALS, *SCALE_ORDINALS])
ORDINAL_RE = rf"(?:(?:{WORD_NUMBER_RE})(?:\s*-\s*|\s+(?:and\s+)?(?!second\b)))?(?:{_ORDINAL_WORDS})"
_VULGAR = "".join(VULGAR_FRACTIONS)
#: A digit fraction "1/2", "3/4" (the denominator is checked against DIGIT_DENOMINATORS).
DIGIT_FRACTION_RE = r"\d{1,2}/\d{1,3}(?![\d/])"
#: Digits with optional thousands separators and decimals: "10", "2,000", "1.5", ".08";
#: a mixed number "2 1/2", "2½"; or a fraction alone, "3/4", "½".
#: The whole part of a mixed number has at most three digits: "in 2010 1/3 of voters" is a
#: year and then a fraction, not 2010⅓.
DIGITS_RE = (
    rf"(?:\d{{1,3}}(?:\s+|-){DIGIT_FRACTION_RE}|\d{{1,3}}[{_VULGAR}]"
    rf"|{DIGIT_FRACTION_RE}|[{_VULGAR}]"
    rf"|(?:(?:\d{{1,3}}(?:,\d{{3}})+|\d+)(?:\.\d+)?|\.\d+))"
)
#: Digits followed by word multipliers: "1.5 million", "3 billion", "3 million and a half".
DIGIT_NUMBER_RE = rf"(?:{DIGITS_RE})(?:\s+{_SCALE_P}\b(?:{FRACTION_TAIL_RE})?)*"
VAGUE_RE = _alternation(list(VAGUE))
FRACTION_NUMERATOR_RE = _alternation(list(FRACTION_NUMERATORS))
QUALIFIER_RE = _alternation(list(QUALIFIERS))

_WORD_SPLIT = re.compile(r"[\s-]+")
_TOKEN_SPLIT = re.compile(rf"[\s]+|(?<=[a-z])-|-(?=[a-z])|(?<=\d)(?=[{_VULGAR}])")


def _digit_value(token: str) -> float | None:
    """Value of one digit token: "2,000", "1.5", "3/4", "½" (None if not a number)."""
    if token in VULGAR_FRACTIONS:
        return VULGAR_FRACTIONS[token]
    if "/" in token:
        top, _, bottom = token.partition("/")
        if not (top.isdigit() and bottom.isdigit()):
            return None
        den = int(bottom)
        if den not in DIGIT_DENOMINATORS or int(top) >= den:
            return None
        return int(top) / den
    try:
        return float(token.replace(",", ""))
    except ValueError:
        return None


@lru_cache(maxsize=8192)
def word_value(phrase: str) -> float | None:
    """Value of a number in words or digits with multipliers; None if unreadable.

    A fraction after "and" belongs to the multiplier after it ("one and a half million"), or
    else to the last multiplier before it ("3 million and a half"), or else to the units.

    >>> word_value("two hundred and fifty")
    250.0
    >>> word_value("1.5 million")
    1500000.0
    >>> word_value("two hundred forty-three thousand")
    243000.0
    >>> word_value("one and a half million"), word_value("3 million and a half")
    (1500000.0, 3500000.0)
    """
    total = 0.0
    current = 0.0
    last_scale = 1.0
    pending: float | None = None  # a fraction waiting for the multiplier after it
    seen = False
    tokens = [t for t in _TOKEN_SPLIT.split(phrase.lower().strip()) if t]
    i = 0
    while i < len(tokens):
        word = tokens[i]
        if word == "and" and i + 2 < len(tokens) and tokens[i + 2] in FRACTIONS:
            share = fraction_value(f"{tokens[i + 1]} {tokens[i + 2]}")
            if share is None:
                return None
            i += 3
            if i < len(tokens) and tokens[i].rstrip("s") in SCALES:
                pending = share / 100
            elif current:
                current += share / 100
            else:
                total += share / 100 * last_scale
            seen = True
            continue
        i += 1
        scale_word = word[:-1] if word.endswith("s") and word[:-1] in SCALES else word
        if word in ("and", "-"):
            continue
        if word == "a":
            current, seen = 1.0, True
        elif word in UNITS:
            current += UNITS[word]
            seen = True
        elif word in TENS:
            current += TENS[word]
            seen = True
        elif scale_word in SCALES:
            scale = SCALES[scale_word]
            if pending is not None:
                current += pending
                pending = None
            current = (current or 1.0) * scale
            if scale >= 1000:
                total += current
                current = 0.0
            last_scale = scale
            seen = True
        else:
            value: float | None = 0.0
            for part in re.findall(rf"[\d.,/]+|[{_VULGAR}]", word):
                got = _digit_value(part)
                if got is None or value is None:
                    return None
                value += got
            if not re.fullmatch(rf"[\d.,/{_VULGAR}]+", word):
                return None
            current += value or 0.0
            seen = True
    return total + current if seen else None


@lru_cache(maxsize=1024)
def ordinal_value(phrase: str) -> float | None:
    """Value of an ordinal in words: "twenty-fifth" 25, "two hundredth" 200, "third" 3."""
    words = [w for w in _WORD_SPLIT.split(phrase.lower().strip()) if w]
    if not words:
        return None
    last = words[-1]
    if last in SCALE_ORDINALS:
        return word_value(" ".join([*words[:-1], SCALE_ORDINALS[last]]))
    if last not in ORDINALS:
        return None
    if len(words) > 1 and words[-2] in UNITS:
        return None  # "one-fourth" is a fraction, "two third" nothing: only tens and scales lead
    head = word_value(" ".join(words[:-1])) if words[:-1] else 0.0
    return None if head is None else head + ORDINALS[last]


@lru_cache(maxsize=1024)
def fraction_value(phrase: str) -> float | None:
    """Percent of a whole a fraction stands for ("two-thirds" -> 66.67, "half" -> 50)."""
    words = _WORD_SPLIT.split(phrase.lower().strip())
    if words in (["half"], ["quarter"]):
        return 100 / FRACTIONS[words[0]]  # "half a million", "quarter million"
    if len(words) != 2 or words[1] not in FRACTIONS or words[0] not in FRACTION_NUMERATORS:
        return None
    value = 100 * FRACTION_NUMERATORS[words[0]] / FRACTIONS[words[1]]
    return value if value <= 100 else None


@lru_cache(maxsize=1024)
def vague_value(phrase: str) -> Vague | None:
    """Range of a vague quantity phrase ("a handful of" -> 2..6), case and spacing ignored."""
    return VAGUE.get(" ".join(phrase.lower().split()))


@lru_cache(maxsize=1024)
def qualifier_bound(phrase: str) -> str | None:
    """Bound kind of a qualifier phrase ("At least" -> AT_LEAST)."""
    return QUALIFIERS.get(" ".join(phrase.lower().split()))
