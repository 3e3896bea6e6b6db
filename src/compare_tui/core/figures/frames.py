"""A claim frame for every figure: what pairing compares, reduced to comparable keys.

A frame holds the figure's value as an interval in a base unit (metres, days, dollars of one
currency), widened by its precision, plus what it counts (head noun class and modifiers), the
event, whom it is about (a named person for an age), the time it refers to, who says so, and the
words around it. Frames depend on one document only, so a corpus can build them once per
article; pairing (``pairing.py``) weighs two frames against each other.

Precision, as news copy writes it:
- "about 30" covers the rounding unit of its last non-zero digit: 25-35; "about 24,000"
  23,500-24,500. A last digit of 5 rounds to fives: "about 2,500" covers 2,250-2,750.
- "at least 370" killed is the count confirmed so far (a lower bound that is also a claim):
  against "at least 377" it is a difference (``lower_bound`` on both), while "more than 1,200"
  against "1,200" is only precision.
- "more than 100,000" and "up to 100,000" exclude each other (``strict``).
"""

from __future__ import annotations

import dataclasses
import math
import re
from collections import Counter
from dataclasses import dataclass

from compare_tui.core import lexicon as lx
from compare_tui.core import numbers as nb
from compare_tui.core.figures.conversions import base_unit
from compare_tui.core.figures.meaning import owner_is_source
from compare_tui.core.figures.units import DURATION_UNITS, MEASURE_UNITS
from compare_tui.core.models import Document, Figure, FigureKind
from compare_tui.core.words import content_stems


@dataclass(frozen=True, slots=True)
class Frame:
    """What a figure claims, in keys two documents can compare."""

    #: Only figures of one dimension are compared: "count", "money:USD", "measure:length",
    #: "duration", "percent", "pp", "year", "date", "time", "ordinal", "age".
    dimension: str
    #: The value in the dimension's base unit; open ends are None.
    low: float | None
    high: float | None
    #: The interval widened by the figure's precision (approximate values, rounding).
    wide_low: float
    wide_high: float
    #: The unit as written, and half its last digit's place in base units: a figure converted
    #: from another unit ("48,000 feet", "14,630 metres") agrees within that rounding.
    unit: str | None
    precision: float
    #: A vague quantity ("several", "dozens"): a same word says little about the thing.
    vague: bool
    #: Written as a lower bound ("at least 370", "more than 800").
    lower_bound: bool
    #: "more than"/"fewer than": the bound itself is excluded.
    strict: bool
    #: Class of the counted head noun ("person" for residents, victims...), or None.
    head: str | None
    #: Modifiers of the counted noun and the group it belongs to ("malian", "separatist").
    side: frozenset[str]
    event: str | None
    #: Whom an age (or other attribute) is about: surname of a named person, lower case.
    subject: str | None
    #: Years and other time words of the sentence ("1933", "sunday", "so far").
    times: frozenset[str]
    source: frozenset[str]
    #: Roles of the source (lexicon.SOURCE_ROLES): rival roles never conflict.
    roles: frozenset[str]
    #: A count of a group's dead given by its enemy ("10 separatists", said the army): only
    #: another claim of that enemy can contradict it.
    enemy_claim: bool
    #: Stems of the sentence (content words, no numbers) and of the words right around it.
    sentence_words: frozenset[str]
    near_words: frozenset[str]
    position: float
    sentence: int
    #: The first figure of its document with this dimension, head and event ("the death toll
    #: rose to 305" before "the earlier toll of 235"): leads of two reports tell one story.
    lead: bool = False
    #: The only figure of its document with this dimension, head and event.
    only: bool = False
    #: People named by no noun ("eight were rescued", "a toll of 57"): any kind of people.
    anyone: bool = False
    #: The previous figure again in other units, in parentheses: "111,000 acres (45,000
    #: hectares)". It pairs through the figure it restates, never on its own.
    restates: bool = False


_BOUND_WORDS = {
    q: b
    for q, b in nb.QUALIFIERS.items()
    if b in (nb.Bound.AT_LEAST, nb.Bound.MORE_THAN, nb.Bound.LESS_THAN)
}
_STRICT = frozenset({nb.Bound.MORE_THAN, nb.Bound.LESS_THAN})
_NEAR = 6
#: Time words that say when a figure holds; a sentence's years are added to them.
_TIME_WORDS = re.compile(
    r"\b(?:so\s+far|yesterday|today|tonight|last\s+(?:year|month|week|night)|this\s+(?:year|week)"
    rf"|{'|'.join(sorted(lx.WEEKDAYS))}|weekend|earlier|previous|record"
    r"|initial(?:ly)?|later|(?:1[89]|20)\d\d)\b",
    re.IGNORECASE,
)


def frames(document: Document, figures: tuple[Figure, ...]) -> list[Frame]:
    """One frame per figure of ``document``, in the same order."""
    count = max(1, len(document.sentences))
    cache: dict[int, tuple[frozenset[str], frozenset[str], list[tuple[int, int, str]]]] = {}
    out: list[Frame] = []
    for figure in figures:
        if figure.sentence not in cache:
            cache[figure.sentence] = _sentence_keys(document, figure.sentence)
        words, times, tokens = cache[figure.sentence]
        frame = _frame(document, figure, words, times, tokens, count)
        if out and _restates(document.text, figures[len(out) - 1], figure, out[-1], frame):
            frame = dataclasses.replace(frame, restates=True)
        out.append(frame)
    return _mark_leads(out)


_CONVERSION_GAP = re.compile(r"\s*[(\[]\s*(?:about|some|roughly|around|nearly|or)?\s*")


def _restates(text: str, prev: Figure, figure: Figure, p: Frame, q: Frame) -> bool:
    """ "111,000 acres (45,000 hectares)", "48,000 feet (14,600 metres)": one measure twice."""
    return (
        prev.sentence == figure.sentence
        and p.dimension == q.dimension
        and prev.unit != figure.unit
        and _CONVERSION_GAP.fullmatch(text, prev.end, figure.start) is not None
    )


def story_key(f: Frame) -> tuple[str, str | None, str | None] | None:
    """What happened to what, for telling a report's lead figure from later ones ("305
    killed"), or the object a measure is of ("a 16-inch strip of metal"): None for a count
    without an event, since "37 states" may be any states."""
    if f.event is None and (f.dimension == "count" or f.head is None):
        return None
    return f.dimension, f.head, f.event


def _mark_leads(out: list[Frame]) -> list[Frame]:
    counts = Counter(k for k in map(story_key, out) if k is not None)
    seen: set[tuple[str, str | None, str | None]] = set()
    marked = []
    for f in out:
        key = story_key(f)
        if key is None:
            marked.append(f)
            continue
        marked.append(dataclasses.replace(f, lead=key not in seen, only=counts[key] == 1))
        seen.add(key)
    return marked


def _sentence_keys(
    document: Document, index: int
) -> tuple[frozenset[str], frozenset[str], list[tuple[int, int, str]]]:
    sentence = document.sentences[index]
    tokens = content_stems(document.text, sentence.start, sentence.end)
    words = frozenset(k for _, _, k in tokens if k)
    text = document.text[sentence.start : sentence.end]
    times = frozenset(" ".join(m.group().lower().split()) for m in _TIME_WORDS.finditer(text))
    return words, times, tokens


def _frame(
    document: Document,
    figure: Figure,
    words: frozenset[str],
    times: frozenset[str],
    tokens: list[tuple[int, int, str]],
    count: int,
) -> Frame:
    dimension, factor = _dimension(figure)
    low = figure.low * factor if figure.low is not None else None
    high = figure.high * factor if figure.high is not None else None
    bound = _bound(figure.text)
    wide_low, wide_high = widen(low, high, approx=figure.approx, kind=figure.kind)
    if figure.kind is FigureKind.TIME and not _SECONDS.search(figure.text):
        wide_high += 59 / 3600  # "4:43 p.m." is the whole minute, 4:43:13 p.m. within it
    if high is not None and _is_nearly(figure.text):
        # "nearly 13%" is said of 12%: short of the figure by up to one rounding unit.
        wide_low = min(wide_low, high - rounding_unit(figure.high or high) * factor)
    # Counts and ages name a thing counted; a measure names one only when written as a
    # compound ("a 16-inch strip of metal"), else its counted words are its unit ("feet").
    counts = figure.kind in (FigureKind.COUNT, FigureKind.AGE) or (
        figure.kind in (FigureKind.MEASURE, FigureKind.DURATION) and not _unit_only(figure.counted)
    )
    head, side = head_and_side(figure.counted) if counts else (None, set())
    event = lx.EVENT_GROUP.get(figure.event or "", figure.event)
    source = lx.stems(figure.source)
    roles = frozenset(lx.SOURCE_ROLES[w] for w in source if w in lx.SOURCE_ROLES)
    enemy_claim = anyone = False
    if figure.kind is FigureKind.COUNT:
        side_roles = {lx.SOURCE_ROLES[w] for w in side if w in lx.SOURCE_ROLES}
        enemy_claim = bool(roles and side_roles and not roles & side_roles)
        if owner_is_source(document, figure):
            side |= source - lx.ROLE_WORDS
        implicit = head is None or head in lx.DEATH_NOUNS
        if head in lx.DEATH_NOUNS or (head is None and event == "killed"):
            head, event = "person", "killed"  # a death toll counts people killed
        elif head is None and event in lx.HUMAN_EVENTS:
            head = "person"
        anyone = implicit and head == "person"
    before = [k for s, _, k in tokens if s < figure.start and k][-_NEAR:]
    after = [k for s, _, k in tokens if s >= figure.end and k][:_NEAR]
    return Frame(
        dimension=dimension,
        low=low,
        high=high,
        wide_low=wide_low,
        wide_high=wide_high,
        unit=figure.unit,
        precision=rounding_unit(figure.low) * factor / 2 if figure.low else 0.0,
        vague=any(w in figure.text.lower() for w in nb.VAGUE),
        lower_bound=bound in (nb.Bound.AT_LEAST, nb.Bound.MORE_THAN) and high is None,
        strict=bound in _STRICT,
        head=head,
        side=frozenset(side),
        event=event,
        subject=_surname(figure.subject),
        times=times,
        source=source,
        roles=roles,
        enemy_claim=enemy_claim,
        sentence_words=words,
        near_words=frozenset(before + after),
        position=figure.sentence / count,
        sentence=figure.sentence,
        anyone=anyone,
    )


def _dimension(figure: Figure) -> tuple[str, float]:
    kind = figure.kind
    if kind is FigureKind.MONEY:
        return f"money:{figure.unit}", 1.0
    if kind is FigureKind.PERCENT:
        return ("pp" if figure.unit == "pp" else "percent"), 1.0
    if kind in (FigureKind.MEASURE, FigureKind.DURATION):
        dimension, factor = base_unit(figure.unit)
        return dimension, factor
    if kind is FigureKind.AGE and figure.unit in ("month", "week"):
        return "age", (1 / 12 if figure.unit == "month" else 7 / 365.25)
    return kind.value, 1.0


_SECONDS = re.compile(r"\d:\d\d:\d\d")
_NEARLY_WORDS = tuple(q + " " for q, b in nb.QUALIFIERS.items() if b == nb.Bound.NEARLY)


def _is_nearly(text: str) -> bool:
    return " ".join(text.lower().split()).startswith(_NEARLY_WORDS)


def _bound(text: str) -> str | None:
    lead = " ".join(text.lower().split())
    for phrase, bound in _BOUND_WORDS.items():
        if lead.startswith(phrase + " "):
            return bound
    return None


def rounding_unit(value: float) -> float:
    """The unit an approximate figure is rounded to: its last non-zero digit's place, or
    five of them when that digit is 5 ("about 2,500" is rounded to the nearest 500)."""
    if value == 0:
        return 1.0
    magnitude = abs(value)
    place = 10.0 ** math.floor(math.log10(magnitude))
    while place > 1e-6 and abs(magnitude / place - round(magnitude / place)) > 1e-9:
        place /= 10
    digit = round(magnitude / place) % 10
    return place * 5 if digit == 5 else place


#: Minutes of slack around an approximate clock time ("about 12:50 a.m." vs "1 a.m.").
_TIME_SLACK = 10 / 60


def widen(
    low: float | None, high: float | None, *, approx: bool, kind: FigureKind
) -> tuple[float, float]:
    """The interval a figure allows, with the precision of an approximate point value."""
    lo = -math.inf if low is None else low
    hi = math.inf if high is None else high
    if approx and low is not None and low == high:
        if kind is FigureKind.TIME:
            return lo - _TIME_SLACK, hi + _TIME_SLACK
        if kind in (FigureKind.YEAR, FigureKind.DATE, FigureKind.ORDINAL):
            return lo, hi
        # The edge itself is out: "about 20,000" does not stretch to meet 25,000.
        half = rounding_unit(low) / 2 * (1 - 1e-6)
        return lo - half, hi + half
    return lo, hi


def head_and_side(counted: str | None) -> tuple[str | None, set[str]]:
    """Class of the counted head noun and the words that say whose it is.

    "Malian soldiers" -> ("soldier", {"malian"}); "fighters from the separatist group" ->
    ("fighter", {"separatist", "group"}).
    """
    if not counted:
        return None, set()
    parts = re.split(r"\s+(?=(?:from|of)\s)", counted, maxsplit=1)
    main, rest = parts[0], (parts[1] if len(parts) > 1 else "")
    words = [lx.lemma(w) for w in lx.WORD_RE.findall(main)]
    words = [w for w in words if w not in lx.NP_FILLERS]
    if words and (words[-1] in lx.CONTAINER_NOUNS or _is_unit(words[-1])) and rest:
        # "a strip of metal", "a piece of metal": the thing is the metal
        inner = [lx.lemma(w) for w in lx.WORD_RE.findall(rest) if w.lower() not in lx.STOP]
        if inner:
            return lx.HEAD.get(inner[-1], inner[-1]), set(words[:-1]) | set(inner[:-1])
    if not words:
        return None, set()
    head = words[-1]
    side = set(words[:-1]) | set(lx.stems(rest) - {"from", "of"})
    if head in lx.SIDE_NOUNS:
        side.add(head)
    return lx.HEAD.get(head, head), side


def _unit_only(counted: str | None) -> bool:
    return not counted or _is_unit(counted.split()[-1])


def _is_unit(word: str) -> bool:
    low = word.lower()
    return low in MEASURE_UNITS or low in DURATION_UNITS or lx.lemma(low) in DURATION_UNITS


def same_head(p: Frame, q: Frame) -> bool:
    """One counted thing: the same head class, or one compound read both ways ("test
    flights" and "flight tests": each head is the other's modifier)."""
    if p.head is None or q.head is None:
        return False
    return p.head == q.head or (p.head in q.side and q.head in p.side)


def heads_clash(p: Frame, q: Frame) -> bool:
    """Two known, different counted things ("soldiers", "trucks"). People named by no noun do
    not clash with a kind of people: "eight were rescued" may be "eight boys"."""
    if p.head is None or q.head is None or same_head(p, q):
        return False
    return not ((p.anyone or q.anyone) and {p.head, q.head} <= lx.HUMAN_CLASSES)


def _surname(name: str | None) -> str | None:
    if not name:
        return None
    return name.split()[-1].lower().strip("’'")
