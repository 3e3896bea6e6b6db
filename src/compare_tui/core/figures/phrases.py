"""What the words around a figure say it counts, beyond the noun phrase right after it.

News copy often names the counted thing elsewhere than after the number:
- a compound adjective: "the eight-story building" counts stories, "a 125-seat legislature"
  seats; after a unit, "a 16-inch stray piece of metal" measures the metal;
- a partitive: "Five of the seven fatalities" counts fatalities, like the seven;
- a share: "44 percent of the popular vote", "nearly 25% contained", "22 percent are obese";
- the subject of a change: "the unemployment rate slipped to 4.7%", "payrolls rising 164,000".
Each reader returns None when its shape is absent, so the plain reading stands.
"""

from __future__ import annotations

import dataclasses
import re

from compare_tui.core import lexicon as lx
from compare_tui.core.figures.meaning import counted_phrase
from compare_tui.core.figures.scan import Core
from compare_tui.core.lexicon import EVENTS, words
from compare_tui.core.models import Figure, FigureKind

#: "-story", "-seat", "-page" glued to a number, then the noun it describes.
_COMPOUND = re.compile(r"-(?P<noun>[a-z]{3,})(?=\s+[A-Za-z])")
#: Second words of compounds that describe a manner, not a counted thing ("one-sided",
#: "two-way", "three-pronged", "twofold", "30-odd", "20-something", "two-thirds").
_NOT_COUNTED = words(
    """
    way ways fold odd something ish off time times thirds quarters halves fifths sided faced
    pronged legged handed minded hearted tiered
    """
)
_NOT_COUNTED_ENDS = ("ed", "ish", "ly", "ing")


def compound_noun(text: str, m: re.Match[str], core: Core, limit: int) -> tuple[str, int] | None:
    """("stories", end) for "eight-story building": the number counts the glued noun."""
    if (
        core.end >= limit
        or text[core.end] != "-"
        or core.kind is not FigureKind.COUNT
        or m.group("qual")
        or not m.group("num")
    ):
        return None
    if m.group("num").lower() in ("one", "a", "an", "1") or m.group("num2"):
        return None  # "one-party", "one-off": seldom a count of one
    glued = _COMPOUND.match(text, core.end, limit)
    if glued is None:
        return None
    noun = glued.group("noun")
    if noun in _NOT_COUNTED or noun.endswith(_NOT_COUNTED_ENDS) or noun in EVENTS:
        return None
    return lx.plural(noun), glued.end()


def measured_phrase(
    text: str, start: int, end: int, limit: int, *, sent_start: int
) -> tuple[str | None, int]:
    """What a measure is of: a compound describes its noun ("a 16-inch stray piece of metal"
    -> "stray piece of metal", "a seven-year term" -> "term"); a measure written apart may
    follow what it measures ("an altitude of 48,000 feet" -> "feet of altitude"); else None."""
    written = text[start:end]
    if "-" not in written.strip("-") or re.search(r"-olds?$", written):
        named = _MEASURED_BEFORE.search(text, max(sent_start, start - 40), start)
        unit = _LAST_WORD.search(written)
        if named is None or unit is None:
            return None, end
        return f"{unit.group().lower()} of {named.group(1).lower()}", end  # "feet of altitude"
    phrase, np_end = counted_phrase(text, end, limit)
    if phrase is None or phrase.lower() in _GENERIC_SPANS:
        return None, end  # "a three-day period" is three days, nothing more
    if _OF.match(text, np_end, limit):  # "piece of metal": the material names the thing
        material, material_end = counted_phrase(text, np_end, limit)
        if material is not None:
            return f"{phrase} of {material}", material_end
    return phrase, np_end


#: "an altitude of 48,000 feet", "a depth of about 10 metres": the quantity measured.
_MEASURED_BEFORE = re.compile(
    r"\b(altitude|height|depth|length|distance|elevation|speed|width|weight|radius|diameter|"
    r"range|temperature|thickness|wingspan|area)\s+of\s+$",
    re.IGNORECASE,
)
_LAST_WORD = re.compile(r"[A-Za-z]+$")
#: Nouns that only restate a measure: "a three-day period", "a 10-mile stretch".
_GENERIC_SPANS = words("period span stretch spell window time length distance stint")
_OF = re.compile(r"\s+of\s", re.IGNORECASE)


_SHARE_OF = re.compile(
    r"\s+of\s+(?:(?:the|its|their|all|his|her|our)\s+)?"
    r"(?:[\d.,]+\s*(?:million|billion|thousand)?\s+)?",
    re.IGNORECASE,
)
#: "25% contained", "90 percent complete": the share describes a state.
_SHARE_STATE = re.compile(r"\s+([a-z]+ed|complete|full|done|finished|empty)\b(?!\s+(?:to|by)\b)")
#: "22 percent are obese", "18.2 percent were overweight".
_SHARE_ARE = re.compile(r"\s+(?:are|were|is|was)\s+(?:now\s+)?([a-z]{4,})\b")
_NOT_STATE = words("expected likely able unable due set about going")


def share_of(text: str, sent_start: int, start: int, end: int, limit: int) -> str | None:
    """What a percentage is a share of, or the state it measures."""
    of = _SHARE_OF.match(text, end, limit)
    if of is not None:
        phrase, _ = counted_phrase(text, of.end(), limit)
        if phrase is not None:
            return phrase
    for pattern in (_SHARE_STATE, _SHARE_ARE):
        state = pattern.match(text, end, limit)
        if state is not None:
            word = state.group(1).lower()
            if word not in _NOT_STATE and word not in EVENTS and word not in lx.STOP:
                return word
    return subject_of_change(text, sent_start, start)


#: Verbs that give a quantity's new level ("the rate slipped to 4.7%").
_CHANGE_WORDS = words(
    """
    rose rise rises rising risen fell fall falls falling fallen slipped slips slipping dropped
    drops dropping climbed climbs climbing jumped jumps jumping increased increases increasing
    decreased decreases decreasing declined declines declining grew grows growing grown edged
    ticked soared surged plunged plummeted stood stands stayed remained hit
    """
)
_CHANGE_VERBS = rf"(?:{'|'.join(sorted(_CHANGE_WORDS, key=len, reverse=True))})"
_SUBJECT_BEFORE = re.compile(
    rf"(?P<np>(?:[A-Za-z][\w’'\-]*\s+){{0,2}}[A-Za-z][\w’'\-]*)\s+"
    rf"(?:(?:has|have|had)\s+(?:been\s+)?)?{_CHANGE_VERBS}"
    r"(?:\s+(?:up|down|back))?(?:\s+(?:to|by|at|from|at\s+a\s+rate\s+of))?"
    r"(?:\s+(?:about|around|nearly|almost|some|roughly|just|only))?\s*$",
    re.IGNORECASE,
)
_DETERMINERS = words("the a an its their his her our this that these those")
_AUXILIARIES = words("has have had been")
_PREPOSITIONS = words("in of from at on with by for to into near across over under about")
_WORD_BEFORE = re.compile(r"([A-Za-z]+)\W*$")


def subject_of_change(text: str, sent_start: int, start: int) -> str | None:
    """The noun whose change a figure gives: "The unemployment rate slipped down to 4.7%" ->
    "unemployment rate"; "payrolls rising 164,000" -> "payrolls"."""
    window = text[max(sent_start, start - 40) : start].lower()
    if _CHANGE_WORDS.isdisjoint(lx.LOWER_WORD_RE.findall(window)):
        return None  # the cheap test first: most figures follow no verb of change
    before = _SUBJECT_BEFORE.search(text, max(sent_start, start - 80), start)
    if before is None:
        return None
    lead = _WORD_BEFORE.search(text, max(sent_start, before.start() - 30), before.start())
    np_words = [w.lower() for w in before.group("np").split()]
    if (lead is not None and lead.group(1).lower() in _PREPOSITIONS) or _PREPOSITIONS & set(
        np_words
    ):
        return None  # "the toll from the quake in the north has risen": not the north's
    kept = [w for w in before.group("np").split() if w.lower() not in _DETERMINERS]
    while kept and kept[-1].lower() in _AUXILIARIES:
        kept.pop()  # "wages have grown": the regex may take the auxiliary into the phrase
    while kept and kept[0].lower() in lx.STOP:
        kept.pop(0)
    if not kept or any(w.lower() in lx.STOP for w in kept):
        return None
    return " ".join(kept)


#: "a community of 22,500", "home to about 24,000 people", "a population of 3 million": the
#: number of people who live in a place.
_POPULATION_BEFORE = re.compile(
    r"\b(?:(?:community|town|city|village|suburb|township|county|borough|municipality|"
    r"district|island|nation|country|state|region|province|enclave|hamlet)\s+of|home\s+to|"
    r"population\s+(?:of|is|was|stands\s+at|stood\s+at|at|near|around)|"
    r"(?:inhabitants|residents|population)\s*:)\s+$",
    re.IGNORECASE,
)


def gives_population(text: str, sent_start: int, start: int) -> bool:
    """Whether a count is how many people live in a place."""
    return _POPULATION_BEFORE.search(text, max(sent_start, start - 40), start) is not None


_PARTITIVE = re.compile(r"\s+(?:out\s+)?of\s+(?:the|its|their|these|those|all)\s+$", re.I)


def partitives(text: str, figures: list[Figure]) -> list[Figure]:
    """ "Five of the seven fatalities": the part counts what the whole counts."""
    if len(figures) < 2:
        return figures
    out = list(figures)
    for i in range(len(out) - 1):
        part, whole = out[i], out[i + 1]
        if (
            part.kind is FigureKind.COUNT
            and part.counted is None
            and whole.kind is FigureKind.COUNT
            and whole.counted is not None
            and _PARTITIVE.fullmatch(text, part.end, whole.start) is not None
        ):
            out[i] = dataclasses.replace(part, counted=whole.counted)
    return out
