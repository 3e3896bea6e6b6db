"""Document -> Figures: every quantity a fact-checker would check, with what it counts.

The grammar is rule-based and readable on purpose, so a surprising figure can be explained:

1. One scanner regex finds the *core* of each figure in a sentence, trying in order: dates,
   clock times, decades, ordinals, then quantities. A quantity is an optional qualifier
   ("at least", "an estimated", numbers.QUALIFIERS) followed by a range ("between 30 and 40",
   "30-40", "two or three"), a currency amount ("$3.5 million"), an abbreviated amount ("3.5bn"),
   a fraction ("two-thirds of", "a quarter of a million") or ratio ("one in four"), a vague
   quantity ("dozens", numbers.VAGUE) or a number in digits or words ("2,000", "twenty-five").
   A range never joins a number that carries another unit ("€20 to 40%" is €20, then 40%), and a
   multiplier written once belongs to both ends ("€20 to €40 million").
2. A suffix window right after the core decides the kind: percent, currency word, duration
   unit ("two days", "two-day"), unit of measure ("48,000 feet"); otherwise a count, or a year
   for a bare 1500-2099 that is not followed by a plural noun ("1500 protesters" counts; "in
   2015", "since 2012", "the 2015 peace deal", "the 2019 elections" are years).
3. Small windows then attach meaning: ``counted`` is the noun phrase after the figure
   ("dozens of Malian soldiers" -> "Malian soldiers"); ``event`` is an event word right before
   ("the deaths of 10") or after it ("seven gunmen were killed"); ``source`` is the attribution of
   the figure's clause ("police said X, while organisers said Y"), else of its sentence
   (`_Sources`), carried from the previous sentence of the paragraph when missing.

Choices worth knowing: "over"/"more than" n is stored as low = n (the exclusive bound is not
representable and does not matter at news precision); "over two days" is a duration of two days
unless written "for over two days"; "one" counts only when it introduces a noun phrase ("one
military pickup", not "at one point"); "first" is skipped in "at first", "first of all" and
"First, ..." (an adverb, not a rank); weekdays and month names alone are not figures.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from compare_tui.core import numbers as nb
from compare_tui.core.models import Document, Figure, FigureKind, SegmentKind

_MONTH_NAMES = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
_MONTHS: dict[str, int] = {m.lower(): i + 1 for i, m in enumerate(_MONTH_NAMES)}
_MONTHS.update({m[:3].lower(): i + 1 for i, m in enumerate(_MONTH_NAMES)})
_MONTHS["sept"] = 9
# Month names are matched case-sensitively ("May 5", not "may 5 soldiers").
# Only abbreviations take a full stop: "Mar. 3", but the stop after "14 March." ends the sentence.
_MONTH_RE = (
    r"(?-i:January|February|March|April|May|June|July|August|September|October|November"
    r"|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)"
)
_NUM = rf"(?:{nb.DIGIT_NUMBER_RE}(?!\d|,\d)|(?:{nb.WORD_NUMBER_RE})\b)"
_CURRENCY_SIGN = r"(?:US\$|A\$|C\$|\$|€|£|¥)"
_SHORT = r"(?:bn|mn|m|k)\b"
#: A fraction of a whole: "half of", "a quarter of the money", "two-thirds of the passengers".
_FRACTION_RE = (
    rf"(?:(?:{nb.FRACTION_NUMERATOR_RE})[\s-]+(?:{nb.FRACTION_RE})|half)"
    r"(?=\s+(?:of\s+(?!an?\b)|the\b))"
)

_DURATION_UNITS = {
    "second": "second", "minute": "minute", "hour": "hour", "day": "day", "week": "week",
    "month": "month", "year": "year", "decade": "decade", "centurie": "century",
    "century": "century",
}  # fmt: skip
_MEASURE_UNITS: dict[str, str] = {
    "feet": "foot", "foot": "foot", "ft": "foot", "metres": "metre", "metre": "metre",
    "meters": "metre", "meter": "metre", "km": "km", "kilometres": "km", "kilometre": "km",
    "kilometers": "km", "kilometer": "km", "miles": "mile", "mile": "mile", "kg": "kg",
    "kilograms": "kg", "kilogram": "kg", "kilos": "kg", "tonnes": "tonne", "tonne": "tonne",
    "tons": "tonne", "ton": "tonne", "litres": "litre", "litre": "litre", "liters": "litre",
    "liter": "litre", "gallons": "gallon", "gallon": "gallon", "barrels": "barrel",
    "barrel": "barrel", "acres": "acre", "acre": "acre", "hectares": "hectare",
    "hectare": "hectare", "square kilometres": "km2", "square kilometers": "km2", "sq km": "km2",
    "square miles": "mi2", "mph": "mph", "km/h": "km/h", "degrees": "degree",
    "degree": "degree", "inches": "inch", "inch": "inch", "cm": "cm", "mm": "mm",
    "millimetres": "mm", "millimetre": "mm", "millimeters": "mm", "millimeter": "mm",
    "centimetres": "cm", "centimetre": "cm", "centimeters": "cm", "centimeter": "cm",
    "megawatts": "MW", "megawatt": "MW", "mw": "MW", "gw": "GW", "kwh": "kWh",
}  # fmt: skip
#: Currency words after an amount ("5 million dollars"), and the ISO code each means when no
#: adjective names the country. A word several countries use (franc, shilling, rupee, peso,
#: dinar, riyal, dirham, lira, kwacha) has no default: its unit is the word itself ("franc"),
#: so a bare "20 million francs" pairs only with other bare francs, never with CHF or XOF.
#: "dollar" and "pound" default to USD and GBP, as English-language wires write them.
_CURRENCY_WORDS: dict[str, str | None] = {
    "dollar": "USD", "euro": "EUR", "pound": "GBP", "yen": "JPY", "yuan": "CNY",
    "naira": "NGN", "rand": "ZAR", "cedi": "GHS", "birr": "ETB", "rupee": None,
    "shilling": None, "franc": None, "peso": None, "dinar": None, "riyal": None,
    "dirham": None, "lira": None, "kwacha": None,
}  # fmt: skip
#: (adjective, currency word) -> ISO code: "Swiss francs" CHF, "Kenyan shillings" KES. An
#: adjective with a word it does not go with ("Swiss dollars") leaves the bare default.
_CURRENCY_ADJECTIVES: dict[tuple[str, str], str] = {
    ("swiss", "franc"): "CHF", ("cfa", "franc"): "XOF", ("west african cfa", "franc"): "XOF",
    ("central african cfa", "franc"): "XAF", ("congolese", "franc"): "CDF",
    ("rwandan", "franc"): "RWF", ("burundian", "franc"): "BIF", ("guinean", "franc"): "GNF",
    ("kenyan", "shilling"): "KES", ("ugandan", "shilling"): "UGX",
    ("tanzanian", "shilling"): "TZS", ("somali", "shilling"): "SOS",
    ("us", "dollar"): "USD", ("u.s.", "dollar"): "USD", ("american", "dollar"): "USD",
    ("canadian", "dollar"): "CAD", ("australian", "dollar"): "AUD",
    ("hong kong", "dollar"): "HKD", ("new zealand", "dollar"): "NZD",
    ("singapore", "dollar"): "SGD", ("taiwan", "dollar"): "TWD",
    ("zimbabwean", "dollar"): "ZWL", ("liberian", "dollar"): "LRD",
    ("british", "pound"): "GBP", ("egyptian", "pound"): "EGP", ("lebanese", "pound"): "LBP",
    ("sudanese", "pound"): "SDG", ("south sudanese", "pound"): "SSP",
    ("syrian", "pound"): "SYP", ("indian", "rupee"): "INR", ("pakistani", "rupee"): "PKR",
    ("sri lankan", "rupee"): "LKR", ("nepalese", "rupee"): "NPR",
    ("mexican", "peso"): "MXN", ("argentine", "peso"): "ARS", ("philippine", "peso"): "PHP",
    ("colombian", "peso"): "COP", ("chilean", "peso"): "CLP", ("iraqi", "dinar"): "IQD",
    ("algerian", "dinar"): "DZD", ("tunisian", "dinar"): "TND", ("libyan", "dinar"): "LYD",
    ("jordanian", "dinar"): "JOD", ("saudi", "riyal"): "SAR", ("qatari", "riyal"): "QAR",
    ("moroccan", "dirham"): "MAD", ("uae", "dirham"): "AED", ("emirati", "dirham"): "AED",
    ("turkish", "lira"): "TRY", ("zambian", "kwacha"): "ZMW", ("malawian", "kwacha"): "MWK",
    ("japanese", "yen"): "JPY", ("chinese", "yuan"): "CNY", ("nigerian", "naira"): "NGN",
    ("south african", "rand"): "ZAR", ("ghanaian", "cedi"): "GHS",
    ("ethiopian", "birr"): "ETB",
}  # fmt: skip
#: "Swiss", "Hong Kong", "CFA": an adjective before a currency word, captured as ``cadj``.
_CURRENCY_ADJ_RE = "|".join(
    sorted(
        {re.escape(a).replace(r"\ ", r"\s+") for a, _ in _CURRENCY_ADJECTIVES},
        key=len,
        reverse=True,
    )
)
_CURRENCY_NAME_RE = "|".join(sorted(_CURRENCY_WORDS, key=len, reverse=True))
#: A currency word after an amount ("5 million dollars", "3.5bn euros", "5m Swiss francs").
_CURRENCY_WORD_RE = rf"(?:(?:{_CURRENCY_ADJ_RE})\s+)?(?:{_CURRENCY_NAME_RE})s?\b"


def currency_unit(adjective: str | None, word: str) -> str:
    """The unit of an amount in ``word`` ("francs"), read with the adjective before it.

    >>> currency_unit("Swiss", "francs"), currency_unit(None, "francs")
    ('CHF', 'franc')
    """
    name = word.lower()
    if name.endswith("s") and name[:-1] in _CURRENCY_WORDS:
        name = name[:-1]
    if adjective:
        code = _CURRENCY_ADJECTIVES.get((" ".join(adjective.lower().split()), name))
        if code is not None:
            return code
    return _CURRENCY_WORDS.get(name) or name


_CURRENCY_SIGNS = {"$": "USD", "us$": "USD", "a$": "AUD", "c$": "CAD", "€": "EUR", "£": "GBP"}
_CURRENCY_SIGNS["¥"] = "JPY"


def _words(spaced: str) -> frozenset[str]:
    """A word list written as prose, so long lexicons stay readable."""
    return frozenset(spaced.split())


def _alt(words: Iterable[str]) -> str:
    """Regex alternation of phrases, longest first."""
    escaped = (re.escape(w).replace(r"\ ", r"\s+") for w in words)
    return "|".join(sorted(escaped, key=len, reverse=True))


_SUFFIX = re.compile(
    rf"""(?:
      (?P<pct>\s*%|\s+per\s*cent\b|\s+percent\b|\s+percentage\s+points?\b)
    | \s+(?:(?P<cadj>{_CURRENCY_ADJ_RE})\s+)?(?P<curw>(?:{_CURRENCY_NAME_RE})s?)\b
    | [\s-]+(?P<dur>second|minute|hour|day|week|month|year|decade|centurie|century)s?(?:-old\b)?\b
    | (?:\s+|-)?(?P<meas>{_alt(_MEASURE_UNITS)})(?![\w/])
    )""",
    re.IGNORECASE | re.VERBOSE,
)
#: A percent sign or unit right after a number: the number is not the end of a money range
#: ("paid €20 to 40% of the staff" is €20, then 40%).
_UNIT_AHEAD = (
    r"(?:\s*%|\s+per\s*cent\b|\s+percent|[\s-]+(?:second|minute|hour|day|week|month|year)s?\b"
    rf"|(?:\s+|-)?(?:{_alt(_MEASURE_UNITS)})(?![\w/]))"
)

_SCANNER = re.compile(
    rf"""(?<![\w.,:/\-])(?:
      (?P<date>
          (?P<m1>{_MONTH_RE})\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<y1>\d{{4}}))?(?![\d:])
        | (?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m2>{_MONTH_RE})(?:,?\s+(?P<y2>\d{{4}}))?
        | (?P<m3>{_MONTH_RE})\s+(?P<y3>\d{{4}})
        | (?P<iso>(?P<iy>\d{{4}})-(?P<im>\d\d)-(?P<id>\d\d))
      )(?![\w])
    | (?P<time>(?:(?P<tqual>about|around|approximately|roughly)\s+)?
        (?:(?P<th>\d{{1,2}})(?:[:.](?P<tm>\d\d))?\s*(?P<ampm>[ap]\.m\.|[ap]m\b)
        | (?P<th2>\d{{1,2}}):(?P<tm2>\d\d)(?![\d:])))
    | (?P<decade>(?:1[5-9]|20)\d0)s\b
    | (?P<ordd>\d+)(?:st|nd|rd|th)\b
    | (?:(?P<qual>{nb.QUALIFIER_RE})\s+)?(?:
          (?:between|from)\s+(?P<ra>{_NUM})\s+(?:and|to)\s+(?P<rb>{_NUM})
        | (?P<cur>{_CURRENCY_SIGN})\s?(?P<cnum>{nb.DIGIT_NUMBER_RE})(?P<cshort>{_SHORT})?
          (?:\s*(?:-|–|to)\s*{_CURRENCY_SIGN}?\s?(?P<cnum2>{nb.DIGIT_NUMBER_RE})(?P<cshort2>{_SHORT})?
             (?!\d|[,.]\d|{_UNIT_AHEAD}))?
        | (?P<snum>{nb.DIGITS_RE})(?P<sshort>bn|mn|tn\b|(?:m|k)(?=\s+{_CURRENCY_WORD_RE}))\b
        | (?P<fpart>(?:{nb.FRACTION_NUMERATOR_RE})[\s-]+(?:{nb.FRACTION_RE})|half)
          \s+(?:of\s+)?an?\s+(?P<fscale>hundred|thousand|million|billion|trillion)\b
        | (?P<frac>{_FRACTION_RE})
        | (?P<rnum>{_NUM})\s+(?:in|out\s+of)\s+(?:every\s+)?(?!\d{{4}}\b)(?P<rden>{_NUM})
          (?!\s*(?:%|per\b|percent\b|[,.]?\d)|{_UNIT_AHEAD})
        | (?P<vmul>several|a\s+few|a\s+couple\s+of|a\s+handful\s+of)\s+(?P<vscale>{nb.SCALE_RE})\b
        | (?P<vague>{nb.VAGUE_RE})\b
        | (?P<num>{_NUM})(?:\s*(?:-|–|—|\bto|\bor)\s*(?P<num2>{_NUM}))?
        | (?P<ordw>{nb.ORDINAL_RE})\b
      )
    )""",
    re.IGNORECASE | re.VERBOSE,
)

#: Function words that end a counted noun phrase.
_STOP = _words(
    """
    a an the and or but nor of in on at to from by with for as that which who whom whose
    were was is are be been being had have has will would could should may might must can
    did do does not no than then this these those there their its his her our it they he
    she we you i them him us me my your into onto over under after before during since
    until while when where why how if so such also more most less few many each every all
    some any both either neither per via about around against between through across among
    within without upon because though although yet still just only even ago later earlier
    here now too very what whether out up down off again ever never already almost nearly
    along toward towards amid despite near like one two three four five six seven eight
    nine ten whereas others feared believed thought presumed reported said
    """
)
_WEEKDAYS = _words(
    """
    monday tuesday wednesday thursday friday saturday sunday
    """
)

#: Event words, normalised to a lemma.
EVENTS: dict[str, str] = {}
for _lemma, _forms in {
    "killed": "kill kills killed killing death deaths dead died die dies dying slain massacred "
    "executed murdered",
    "wounded": "wounded wounding wounds",
    "injured": "injured injuring injuries injury hurt",
    "seized": "seized seizing seize seizes recovered recovering confiscated",
    "captured": "captured capturing capture captures",
    "arrested": "arrested arresting arrest arrests",
    "detained": "detained detaining detain",
    "abducted": "abducted abducting kidnapped kidnapping",
    "displaced": "displaced displacing fled fleeing",
    "missing": "missing disappeared",
    "destroyed": "destroyed destroying",
    "damaged": "damaged damaging",
    "evacuated": "evacuated evacuating",
    "rescued": "rescued rescuing",
    "released": "released releasing freed",
    "deployed": "deployed deploying",
}.items():
    for _form in _forms.split():
        EVENTS[_form] = _lemma
_EVENT_RE = _alt(EVENTS)
_EVENT_AFTER = re.compile(
    rf"""[\s”"’',]*(?:(?:and|or)\s+[a-z]+\s+(?=(?:were|was|are|is|had|have|has)\b))?(?:(?:who|that|which|were|was|are|is|had|have|has|been|being|be|reportedly|
    also|all|allegedly|later|themselves|reported|believed|confirmed|feared|said|to|either|both|
    still|now|remain|remains|remained|more|others|thought|presumed|listed|as)
    \s+)*(?P<ev>{_EVENT_RE})\b""",
    re.IGNORECASE | re.VERBOSE,
)
_EVENT_BEFORE = re.compile(
    rf"""(?:(?P<ev>\b(?:{_EVENT_RE}))(?:\s+(?:or|and)\s+\w+)?|(?P<toll>\bdeath\s+toll\b[^.;\d]{{0,60}}?))
    \s+(?:of\s+)?(?:(?:the|a|an|some|all|another|its|their)\s+)?[“"‘']?\s*$""",
    re.IGNORECASE | re.VERBOSE,
)
#: How far (in characters) an elliptical count may stand from the count whose noun it takes:
#: "1,200 people have been displaced, according to the agency, and hundreds more were injured".
_ELLIPSIS_GAP = 60
_LIST_GAP = re.compile(r"[^,;:.()]{0,60}?(?:,\s*(?:and\s+)?|\s+and\s+)", re.IGNORECASE)
_LIST_BLOCK = re.compile(r"\b(?:from|of|in|at|by|to|into|on)\b", re.IGNORECASE)

_NP_LEAD = re.compile(
    r"[\s“”\"'‘’]*(?:of\s+(?P<det>(?:the|their|its|his|her|our|these|those|this|that|whose|all)"
    r"\s+)?(?P<pron>them\b|us\b|those\b|these\b|which\b|whom\b)?)?",
    re.IGNORECASE,
)
_NP_WORD = re.compile(r"\s*([A-Za-z][\w’'\-]*)")
_NP_PP = re.compile(r"\s+(?:from|of)\s+(?:(?:the|a|an)\s+)?", re.IGNORECASE)
_OWNER = re.compile(r"[\s“”\"'‘’]*of\s+(?:their|its|our)\b", re.IGNORECASE)

#: A bare 1500-2099 is a year after these words ("in 2015", "since 2012", "by 2030") whatever
#: follows: "In 2015 militants attacked" is a year, and "from 2000 households" is rare.
_YEAR_BEFORE = _words("in since by until till from before after during through circa c. ca.")
#: Nouns a year names or dates rather than counts ("the 2019 elections", "2010 levels"): with
#: one of these as head, a bare 1500-2099 stays a year even though the head is plural.
_YEAR_NOUNS = _words(
    """
    election census budget season olympics olympic game cup championship final poll vote
    referendum protest riot flood earthquake uprising revolution coup war crisis deal accord
    agreement treaty pact law act constitution reform report survey plan strategy level figure
    result rule guideline standard target record high low price rate estimate statistic data
    edition summit visit campaign
    """
)
#: Singular heads that count as many, so "2000 police" is a count.
_MASS_COUNT = _words("police staff personnel cattle livestock")
_ONE_PREV_BLOCK = _words(
    """
    no any every each the this that at which some anyone someone no-one as of
    """
)
_ONE_NEXT_BLOCK = _words(
    """
    of another day time point side hand thing way by after or and more less other else
    moment night morning evening year week
    """
)


@dataclass(frozen=True, slots=True)
class _Core:
    """A figure's value before counted/event/source are attached."""

    end: int
    low: float | None
    high: float | None
    approx: bool
    kind: FigureKind
    unit: str | None
    wants_noun: bool


def owner_is_source(document: Document, figure: Figure) -> bool:
    """True for "three of their fighters": the counted group belongs to whoever says so."""
    return _OWNER.match(document.text, figure.end, figure.end + 40) is not None


def extract_figures(document: Document) -> tuple[Figure, ...]:
    """Every figure in the non-furniture sentences of ``document``, ordered by start."""
    text = document.text
    sources = _Sources(document)
    out: list[Figure] = []
    for index, triggers in _triggered_sentences(document).items():
        sentence = document.sentences[index]
        if sentence.kind is SegmentKind.FURNITURE:
            continue
        matches = _scan(text, sentence.start, sentence.end, triggers)
        out.extend(
            _sentence_figures(text, index, sentence.start, sentence.end, matches, sources.at)
        )
    out.sort(key=lambda f: (f.start, f.end))
    return tuple(out)


#: Words that can start or make up a figure; a cheap pass finds them before the full scanner.
_TRIGGER_WORDS = frozenset(
    [
        *nb.UNITS,
        *nb.TENS,
        *nb.SCALES,
        *nb.ORDINALS,
        *nb.FRACTIONS,
        *(w.split()[-1] for w in nb.VAGUE),
        "few",
        "couple",
        "handful",
        "tens",
        "dozens",
    ]
)
_TOKEN_RE = re.compile(r"[A-Za-z]+|\d[\d,.:]*|[$€£¥]")
_ALPHA_RE = re.compile(r"[a-z]+")
_SIGN_RE = re.compile(r"[\d$€£¥]")
#: Where a figure may start before its trigger: word starts ("no fewer than 15", "June 14").
_WORD_START = re.compile(r"(?<![\w’'])[\w$€£¥]")
_LOOK_BACK = 24


#: First words of the phrases that can open a figure before its trigger word.
_STARTERS = frozenset(
    [q.split()[0] for q in nb.QUALIFIERS]
    + [m.lower() for m in _MONTHS]
    + ["between", "from", "half", "a", "us", "tens", "hundreds", "several"]
)
_DIGIT_OR_SIGN = re.compile(r"\d[\d,.:]*|[$€£¥]")


def _triggered_sentences(document: Document) -> dict[int, list[int]]:
    """Sentence index -> offsets of digits, currency signs and number words in it.

    The full scanner is slow to try at every word of a 3 MB novel; a set intersection per
    sentence is cheap, and every figure the scanner can find holds one of these triggers.
    """
    out: dict[int, list[int]] = {}
    text = document.text
    for index, sentence in enumerate(document.sentences):
        chunk = text[sentence.start : sentence.end]
        lower = chunk.lower()
        words = _TRIGGER_WORDS.intersection(_ALPHA_RE.findall(lower))
        signs = [sentence.start + m.start() for m in _DIGIT_OR_SIGN.finditer(chunk)]
        if not words and not signs:
            continue
        for word in words:
            at = lower.find(word)
            while at >= 0:
                after = at + len(word)
                if (at == 0 or not lower[at - 1].isalpha()) and (
                    after == len(lower) or not lower[after].isalpha()
                ):
                    signs.append(sentence.start + at)
                at = lower.find(word, after)
        out[index] = sorted(signs)
    return out


def _scan(text: str, start: int, end: int, triggers: list[int]) -> list[re.Match[str]]:
    """Scanner matches in ``[start, end)`` that cover a trigger, tried from nearby word starts."""
    matches: list[re.Match[str]] = []
    last = start
    for pos in triggers:
        if pos < last:
            continue
        lo = max(last, pos - _LOOK_BACK)
        candidates = [
            w.start()
            for w in _WORD_START.finditer(text, lo, pos)
            if _word_at(text, w.start()) in _STARTERS or not text[w.start()].isalpha()
        ]
        for c in [*candidates, pos]:
            m = _SCANNER.match(text, c, end)
            if m is not None and m.end() > pos:
                matches.append(m)
                last = m.end()
                break
    return matches


_WORD_AT = re.compile(r"[A-Za-z]+")


def _word_at(text: str, pos: int) -> str:
    m = _WORD_AT.match(text, pos)
    return m.group().lower() if m else ""


def _sentence_figures(
    text: str,
    index: int,
    start: int,
    end: int,
    matches: list[re.Match[str]],
    source_of: Callable[[int, int], str | None],
) -> list[Figure]:
    figures: list[Figure] = []
    # (figure, counted-phrase end) of the previous count in this sentence, for lists/ellipsis.
    prev: tuple[Figure, int] | None = None
    for m in matches:
        try:
            core = _core(text, m, end)
        except (ValueError, OverflowError, ZeroDivisionError):
            core = None
        if core is None:
            continue
        if core.end < end and (text[core.end].isalnum() or text[core.end] == "-"):
            continue  # "3G", "F-16s", "three-member": glued to a word, not a figure
        counted, np_end = (None, core.end)
        if core.wants_noun:
            counted, np_end = _counted(text, core.end, end)
        if not _keep(text, m, core, counted, start):
            continue
        kind = core.kind
        if kind is FigureKind.COUNT and _looks_like_year(text, m, counted):
            kind = FigureKind.YEAR
            counted, np_end = None, core.end
        event = None
        if kind in (FigureKind.COUNT, FigureKind.MONEY, FigureKind.MEASURE):
            event = _event(text, start, m.start(), np_end, end)
        if kind is FigureKind.COUNT and prev is not None and (event is None or counted is None):
            before, prev_np_end = prev
            gap = text[prev_np_end : m.start()]
            if counted is None and event is not None and len(gap) < _ELLIPSIS_GAP:
                counted = before.counted  # "seven gunmen were killed and 12 were wounded"
            elif event is None and _LIST_GAP.fullmatch(gap) and not _LIST_BLOCK.search(gap):
                event = before.event  # "seized 12 trucks, several tankers and ..."
        fig = Figure(
            start=m.start(),
            end=core.end,
            text=text[m.start() : core.end],
            low=core.low,
            high=core.high,
            approx=core.approx,
            kind=kind,
            counted=counted,
            event=event,
            source=source_of(index, m.start()),
            sentence=index,
            unit=core.unit,
        )
        figures.append(fig)
        if kind is FigureKind.COUNT:
            prev = (fig, np_end)
    return figures


def _core(text: str, m: re.Match[str], limit: int) -> _Core | None:
    """Value, kind and unit of one scanner match (None when it is not a figure after all)."""
    g = m.group
    if g("date") is not None:
        return _date(m)
    if g("time") is not None:
        hour = int(g("th") or g("th2"))
        minute = int(g("tm") or g("tm2") or 0)
        ampm = (g("ampm") or "").lower()
        if minute > 59 or hour > 24 or (ampm and not 1 <= hour <= 12):
            return None
        if ampm.startswith("p") and hour < 12:
            hour += 12
        elif ampm.startswith("a") and hour == 12:
            hour = 0
        value = hour + minute / 60
        return _Core(m.end(), value, value, bool(g("tqual")), FigureKind.TIME, None, False)
    if g("decade") is not None:
        first = float(g("decade"))
        return _Core(m.end(), first, first + 9, False, FigureKind.YEAR, "decade", False)
    if g("ordd") is not None:
        value = float(g("ordd"))
        return _Core(m.end(), value, value, False, FigureKind.ORDINAL, None, True)
    if g("ordw") is not None:
        word = g("ordw").lower()
        tens, _, last = word.rpartition("-")
        value = float(nb.ORDINALS[last] + (nb.TENS.get(tens, 0)))
        return _Core(m.end(), value, value, False, FigureKind.ORDINAL, None, True)

    bound = nb.qualifier_bound(g("qual")) if g("qual") else None
    approx = False
    kind = FigureKind.COUNT
    unit: str | None = None
    if g("ra") is not None:
        low, high = nb.word_value(g("ra")), nb.word_value(g("rb"))
        low = _shared_scale(g("ra"), low, g("rb"), high)
    elif g("cur") is not None:
        low = _money(g("cnum"), g("cshort"))
        high = _money(g("cnum2"), g("cshort2")) if g("cnum2") else low
        if g("cnum2") and not g("cshort"):
            low = _shared_scale(g("cnum"), low, g("cnum2") + (g("cshort2") or ""), high)
        kind, unit = FigureKind.MONEY, _CURRENCY_SIGNS.get(g("cur").lower(), "USD")
    elif g("snum") is not None:
        low = _money(g("snum"), g("sshort"))
        high = low
    elif g("fpart") is not None:
        share = nb.fraction_value(g("fpart"))
        low = high = share * nb.SCALES[g("fscale").lower()] / 100 if share is not None else None
    elif g("frac") is not None:
        low = high = nb.fraction_value(g("frac"))
        kind, unit = FigureKind.PERCENT, "%"
    elif g("rnum") is not None:
        part, whole = nb.word_value(g("rnum")), nb.word_value(g("rden"))
        if part is None or whole is None or not 0 < part < whole <= 1000:
            return None  # "one in four" is a share; "5 in 2020" is not
        low = high = round(100 * part / whole, 2)
        kind, unit = FigureKind.PERCENT, "%"
    elif g("vmul") is not None:
        vague = nb.vague_value(g("vmul"))
        scale = nb.SCALES[g("vscale").lower()]
        if vague is None:
            return None
        low = vague.low * scale
        high = vague.high * scale if vague.high is not None else None
        approx = True
    elif g("vague") is not None:
        vague = nb.vague_value(g("vague"))
        if vague is None:
            return None
        low, high, approx = vague.low, vague.high, True
        if g("vague").lower() == "scores" and not re.match(r"\s+of\b", text[m.end() : limit]):
            return None  # "scores" of a match, not "scores of people"
    else:
        low = nb.word_value(g("num"))
        high = nb.word_value(g("num2")) if g("num2") else low
        if g("num2"):
            low = _shared_scale(g("num"), low, g("num2"), high)
        approx = "dozen" in g("num").lower() or bool(g("num2") and " or " in m.group(0))
    if low is None or (high is None and g("vague") is None and g("vmul") is None):
        return None
    if high is not None and high < low:
        if (
            g("num2")
            and g("num2").isdigit()
            and g("num").isdigit()
            and len(g("num2")) < len(g("num"))
        ):  # "2014-15"
            high = float(g("num")[: len(g("num")) - len(g("num2"))] + g("num2"))
        if high < low:
            return None

    end = m.end()
    suffix = _SUFFIX.match(text, end, limit)
    if suffix is not None and kind is FigureKind.COUNT:
        if suffix.group("pct"):
            # A change of 2 percentage points is not 2% of anything: a unit of its own.
            points = "point" in suffix.group("pct").lower()
            kind, unit = FigureKind.PERCENT, ("pp" if points else "%")
        elif suffix.group("curw"):
            kind = FigureKind.MONEY
            unit = currency_unit(suffix.group("cadj"), suffix.group("curw"))
        elif suffix.group("dur"):
            kind = FigureKind.DURATION
            unit = _DURATION_UNITS[suffix.group("dur").lower()]
        elif suffix.group("meas"):
            kind = FigureKind.MEASURE
            unit = _MEASURE_UNITS.get(" ".join(suffix.group("meas").lower().split()))
        if kind is not FigureKind.COUNT:
            end = suffix.end()
    if (
        kind is FigureKind.DURATION
        and g("qual")
        and g("qual").lower() == "over"
        and not re.search(r"\bfor\s+$", text[max(0, m.start() - 8) : m.start()], re.IGNORECASE)
    ):
        bound = None  # "clashed over two days" is a span of time, not a bound
    lo, hi, bound_approx = nb.apply_bound(bound, low, high)
    return _Core(end, lo, hi, approx or bound_approx, kind, unit, kind is FigureKind.COUNT)


_SCALE_TAIL = re.compile(rf"(?:\s+(?:{nb.SCALE_RE})|(?<=\d)(?:bn|mn|tn|m|k))+$", re.IGNORECASE)


def _shared_scale(
    low_text: str, low: float | None, high_text: str, high: float | None
) -> float | None:
    """ "30 to 40 million", "€2-3bn": a multiplier written once belongs to both ends."""
    if low is None or high is None or _SCALE_TAIL.search(low_text):
        return low
    tail = _SCALE_TAIL.search(high_text)
    if tail is None:
        return low
    factor = 1.0
    for word in tail.group().lower().split():
        factor *= nb.SCALES.get(word, 1)
    short = tail.group().strip().lower()
    factor *= nb.SHORT_SCALES.get(short, 1) if short.isalpha() and short not in nb.SCALES else 1
    return low * factor if low * factor <= high else low


def _money(number: str | None, short: str | None) -> float | None:
    value = nb.word_value(number or "")
    if value is None:
        return None
    return value * nb.SHORT_SCALES[short.lower()] if short else value


def _date(m: re.Match[str]) -> _Core | None:
    g = m.group
    if g("iso"):
        year, month, day = int(g("iy")), int(g("im")), int(g("id"))
    else:
        month = _MONTHS[(g("m1") or g("m2") or g("m3")).rstrip(".").lower()]
        day = int(g("d1") or g("d2") or 0)
        year = int(g("y1") or g("y2") or g("y3") or 0)
    if not 1 <= month <= 12 or day > 31 or (year and not 1000 <= year <= 2999):
        return None
    if day == 0 and year == 0:
        return None
    value = float(year * 10_000 + month * 100 + day)
    unit = "date" if year and day else ("month" if year else "day-of-year")
    return _Core(m.end(), value, value, False, FigureKind.DATE, unit, False)


def _counted(text: str, pos: int, limit: int) -> tuple[str | None, int]:
    """The noun phrase a count counts, and where it ends ("of their fighters" -> "fighters")."""
    lead = _NP_LEAD.match(text, pos, limit)
    if lead is None:
        return None, pos
    if lead.group("pron"):
        return None, lead.end()
    at = lead.end()
    words: list[tuple[int, int]] = []
    at = _np_words(text, at, limit, words, max_words=4)
    while words and _is_verb_like(text[words[-1][0] : words[-1][1]]):
        words.pop()  # "100,000 marched": a participle ends a phrase only as an adjective
    if not words:
        return None, pos
    head_end = words[-1][1]
    pp = _NP_PP.match(text, head_end, limit)
    if pp is not None:
        extra: list[tuple[int, int]] = []
        _np_words(text, pp.end(), limit, extra, max_words=5)
        if (extra and text[extra[0][0]].isupper()) or (
            extra and pp.group(0).strip().lower() == "from"
        ):
            head_end = extra[-1][1]
    return text[words[0][0] : head_end], head_end


def _np_words(
    text: str, at: int, limit: int, words: list[tuple[int, int]], *, max_words: int
) -> int:
    while len(words) < max_words:
        w = _NP_WORD.match(text, at, limit)
        if w is None:
            break
        word = w.group(1)
        low = word.lower()
        if low in _STOP or low in EVENTS or low in _WEEKDAYS or low in _MONTHS:
            break
        if len(low) > 4 and low.endswith("ly"):
            break
        if words and (low.endswith("ed") or low.endswith("ing")):
            break
        if words and word[0].isupper() and not text[words[-1][0]].isupper():
            break
        if words and _is_plural(text[words[-1][0] : words[-1][1]]) and word[0].islower():
            break  # "contractors remain": a noun after a plural head is most often a verb
        words.append((w.start(1), w.end(1)))
        at = w.end()
    return at


_IRREGULAR_PLURALS = _words("people children cattle")
#: Collective nouns that say things as a body ("police put the number at 20,000").
_COLLECTIVE = _words("police military army government authorities junta")


def _is_verb_like(word: str) -> bool:
    return len(word) > 4 and word.islower() and word.endswith("ed")


def _is_plural(word: str) -> bool:
    low = word.lower()
    return (
        low in _IRREGULAR_PLURALS
        or (len(low) > 3 and low.endswith("s") and not low.endswith(("ss", "us", "is")))
        or (low.endswith("men") and len(low) > 4)
    )


def _keep(text: str, m: re.Match[str], core: _Core, counted: str | None, start: int) -> bool:
    """Drop words that look like numbers but are not quantities ("at one point", "at first")."""
    g = m.group
    word = (g("num") or g("ordw") or "").lower()
    if g("qual") or not word:
        return True
    prev = re.search(r"([A-Za-z’'-]+)\W*$", text[max(start, m.start() - 20) : m.start()])
    prev_word = prev.group(1).lower() if prev else ""
    after = text[core.end : core.end + 20]
    if word == "one":
        nxt = re.match(r"\W*([A-Za-z]+)", after)
        if counted is None or prev_word in _ONE_PREV_BLOCK:
            return False
        return not (nxt and nxt.group(1).lower() in _ONE_NEXT_BLOCK)
    if word == "first":
        return not (prev_word == "at" or re.match(r"\s*(?:,|of\s+all|-hand)", after))
    if word == "second":
        return prev_word not in ("a", "one", "per", "split", "every")
    return True


def _looks_like_year(text: str, m: re.Match[str], counted: str | None) -> bool:
    """Is a bare four-digit 1500-2099 a year rather than a count?

    A count when a plural noun (or a noun phrase with a plural head) follows it: "1500
    protesters", "1800 stores", "2000 Malian soldiers". A year when it stands alone, follows
    "in", "since", "by", "until", "from" (``_YEAR_BEFORE``) or a month, or dates its noun:
    "the 2015 peace deal" (singular head), "the 2019 elections" (``_YEAR_NOUNS``).
    """
    num = m.group("num")
    if not num or m.group("qual") or m.group("num2") or not num.isdigit() or len(num) != 4:
        return False
    if not 1500 <= int(num) <= 2099:
        return False
    prev = re.search(r"([A-Za-z.]+)\W*$", text[max(0, m.start() - 20) : m.start()])
    prev_word = prev.group(1).lower() if prev else ""
    if prev_word in _YEAR_BEFORE or prev_word.rstrip(".") in _MONTHS:
        return True
    if not counted:
        return True
    main = re.split(r"\s+(?:of|from)\s", counted, maxsplit=1)[0].split()
    head = main[-1].lower() if main else ""
    singular = head[:-1] if head.endswith("s") else head
    if head in _YEAR_NOUNS or singular in _YEAR_NOUNS:
        return True
    return not (_is_plural(head) or head in _MASS_COUNT)


def _event(text: str, sent_start: int, fig_start: int, np_end: int, limit: int) -> str | None:
    """What happened to the counted: an event word right after the phrase, or right before."""
    after = _EVENT_AFTER.match(text, np_end, limit)
    if after is not None:
        return EVENTS[after.group("ev").lower()]
    before = _EVENT_BEFORE.search(text[max(sent_start, fig_start - 80) : fig_start])
    if before is not None:
        if before.group("toll"):
            return "killed"
        return EVENTS[before.group("ev").lower()]
    return None


# --- Attribution --------------------------------------------------------------------------

_SAY = (
    r"said|says|say|stated|states|claimed|claims|claim|reported|reports|confirmed|confirms"
    r"|acknowledged|acknowledges|announced|announces|estimated|estimates|estimate|added|adds"
    r"|told|tells|declared|declares|insisted|noted|explained|continued|wrote|tweeted"
)
_DOCUMENT_WORDS = (
    r"statement|report|communiqu\w*|press\s+release|figures|data|estimates?|tally|count"
    r"|sources?|toll|post"
)
_TOKEN = r"(?:[A-Z]\.(?:[A-Z]\.)+|[\w’'\-]+)"
_PHRASE = rf"{_TOKEN}(?:\s+{_TOKEN}){{0,11}}"
_ACCORDING_BY = re.compile(
    rf"\baccording\s+to\s+(?:an?\s+|the\s+)?(?:\w+\s+)?(?:{_DOCUMENT_WORDS})\s+"
    rf"(?:released\s+|issued\s+|published\s+|posted\s+)?(?:by|from)\s+(?P<x>{_PHRASE})",
    re.IGNORECASE,
)
_ACCORDING = re.compile(rf"\baccording\s+to\s+(?P<x>{_PHRASE})", re.IGNORECASE)
#: ", said Jane Doe, a spokeswoman for X." (the source follows the verb, to the end).
_INVERTED = re.compile(rf"[,”\"’]\s*(?:{_SAY})\s+(?=[A-Z])")
#: "Police put the crowd at 25,000": an estimate given by the subject.
_PUT_AT = r"(?:put|puts|putting|placed|places)\s+(?:the|its|their)\s+(?:[a-z]+\s+){1,2}?at"
_SAY_RE = re.compile(rf"\b(?:{_SAY}|{_PUT_AT})\b")
_GATE = re.compile(rf"\b(?:{_SAY}|according|{_PUT_AT})\b", re.IGNORECASE)
#: "15 people reported missing", "said to be dead": a participle, not an attribution.
_PARTICIPLES = _alt([*(w for w in EVENTS if w.endswith("ed")), "missing", "dead", "hurt"])
_NOT_SAYING = re.compile(rf"\s+(?:to\s+be\s+|as\s+)?(?:{_PARTICIPLES})\b", re.IGNORECASE)
#: Nothing after the verb but the end of the sentence ("..., police said.", "... said on Tuesday.").
_SAY_AT_END = re.compile(
    r"(?:\s+(?:on|late|early|last|this)\s+[A-Za-z]+(?:\s+(?:night|morning|evening))?)?"
    r"[\s.!?”\"’')]*$"
)
#: A finite verb inside a would-be subject: "Rescue teams were still searching for ...".
_FINITE = re.compile(r"\s(?:were|was|is|are|will|would|could|can|had|have|has)\s")
_CUT = re.compile(
    r"\s+(?:on|in|at|that|who|which|whose|there|as|to|said|stated|and\s+(?:said|added))\b.*$",
    re.IGNORECASE | re.S,
)
_ROLE = (
    r"spokesperson|spokesman|spokeswoman|member|official|commander|leader|head|chief"
    r"|director|minister|representative|expert|analyst|researcher|worker|officer|adviser"
    r"|advisor|president|secretary|envoy|governor|mayor"
)
_ROLE_OF = re.compile(
    rf"^(?:(?:the|a|an)\s+)?(?P<role>(?:[\w\-]+\s+){{0,2}}?(?:{_ROLE})s?)\s+(?:for|of|at|with)"
    rf"\s+(?:the\s+)?(?P<org>.+)$",
    re.IGNORECASE | re.S,
)
_POSSESSIVE_DOC = re.compile(rf"^(?P<x>.+?)[’']s?\s+(?:{_DOCUMENT_WORDS})$", re.IGNORECASE)
#: Sources that stand for an earlier one ("he said", "according to the statement").
_ANAPHORS = frozenset(
    ["he", "she", "they", "it", "we", "the group", "the statement", "the report",
     "the same statement", "the spokesman", "the spokesperson"]
)  # fmt: skip
#: Where a sentence splits into clauses that may each name their own source.
_CLAUSE_SPLIT = re.compile(r"[,;]\s+(?:while|whereas|but|and)\s+|;\s+", re.IGNORECASE)
_SUBJECT_START = re.compile(r"^(?:[A-Z]|the\b|a\b|an\b|its\b|their\b)")


class _Sources:
    """Who says so, per sentence: its own attribution, else carried within the paragraph."""

    def __init__(self, document: Document) -> None:
        self._doc = document
        self._own: dict[int, str | None] = {}
        self._effective: dict[int, str | None] = {}

    def own(self, index: int) -> str | None:
        if index not in self._own:
            self._own[index] = _attribution(self._doc.sentence_text(index))
        return self._own[index]

    def at(self, index: int, offset: int) -> str | None:
        """Attribution of the figure at ``offset``: its own clause's, else its sentence's.

        "Police said 20,000 marched, while organisers put the figure at 100,000" has two sources.
        """
        sentence = self._doc.sentences[index]
        text = self._doc.text
        start = sentence.start
        for cut in _CLAUSE_SPLIT.finditer(text, sentence.start, sentence.end):
            if cut.start() > offset:
                end = cut.start()
                break
            start = cut.end()
        else:
            end = sentence.end
        if (start, end) != (sentence.start, sentence.end):
            own = _attribution(text[start:end])
            if own is not None:
                if own.lower() in _ANAPHORS:
                    return self._antecedent(index) or own
                return own
        return self.of(index)

    def of(self, index: int) -> str | None:
        """Attribution of sentence ``index``, resolving "he"/"the statement" to a named source."""
        if index in self._effective:
            return self._effective[index]
        result = self.own(index)
        sentences = self._doc.sentences
        if (
            result is None
            and index > 0
            and sentences[index - 1].paragraph == sentences[index].paragraph
        ):
            result = self.of(index - 1)
        elif result is not None and result.lower() in _ANAPHORS:
            result = self._antecedent(index) or result
        self._effective[index] = result
        return result

    def _antecedent(self, index: int) -> str | None:
        sentences = self._doc.sentences
        paragraph = sentences[index].paragraph
        for j in range(index - 1, max(-1, index - 12), -1):
            if paragraph - sentences[j].paragraph > 3:
                break
            own = self.own(j)
            if own is not None and own.lower() not in _ANAPHORS:
                return own
        return None


def _attribution(sentence: str) -> str | None:
    """The source named in one sentence, tidied ("the spokesperson for X" -> "X' spokesperson")."""
    if _GATE.search(sentence) is None:
        return None
    m = _ACCORDING_BY.search(sentence)
    if m is None:
        m = _ACCORDING.search(sentence)
    if m is not None:
        return _tidy(m.group("x"), cut=True)
    m = _INVERTED.search(sentence)
    if m is not None:
        return _tidy(re.split(r"[.;!?]\s", sentence[m.end() :])[0], cut=False)
    for m in _SAY_RE.finditer(sentence):
        if _NOT_SAYING.match(sentence, m.end()):
            continue
        subject = _last_clause(sentence[max(0, m.start() - 160) : m.start()])
        if not subject or len(subject.split()) > 12 or _FINITE.search(f" {subject} "):
            continue
        words = subject.split()
        bare = len(words) <= 3 and (
            _is_plural(words[-1])
            or words[-1].lower() in _COLLECTIVE
            or _ROLE_OF.match(subject) is not None
        )
        # "..., police said." closes the sentence: whoever stands before the verb is the source.
        closing = len(words) <= 4 and _SAY_AT_END.match(sentence, m.end()) is not None
        if _SUBJECT_START.match(subject) or bare or closing:
            return _tidy(subject, cut=False)
    return None


_CLAUSE_BREAK = re.compile(
    r"\b(?:that|who|which|but|while|as|when|after|because|since|where|if|so|before)\s+"
)
_LEADING = re.compile(
    r"^(?:However|Meanwhile|But|And|Also|Yet|Still|Instead|In\s+a\s+statement|Later)\s+"
)
_TRAILING = re.compile(
    r"\s+(?:also|later|previously|earlier|then|further|again|has|have|had|was|were|is|are"
    r"|yesterday|today|on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))$"
)


def _last_clause(phrase: str) -> str:
    """The subject of a verb: the text after the last comma, quote or clause word."""
    parts = [p.strip() for p in re.split(r"[,;:“”\"()–—]", phrase)]
    parts = [p for p in parts if p]
    if not parts:
        return ""
    last = _CLAUSE_BREAK.split(parts[-1])[-1].strip()
    last = _LEADING.sub("", last)
    while True:
        trimmed = _TRAILING.sub("", last)
        if trimmed == last:
            return last
        last = trimmed


def _tidy(phrase: str, *, cut: bool) -> str | None:
    x = phrase.strip().strip(",.;:”\"’'")
    if cut:
        x = _CUT.sub("", x)
        x = x.split(",")[0].strip()
    if "," in x:
        name, _, rest = x.partition(",")
        role = _ROLE_OF.match(rest.strip().strip(","))
        if role is not None:
            return _role_of(role)
        x = name.strip()
    x = re.sub(r"\s+(?:that|who|which)\b.*$", "", x, flags=re.S)
    role = _ROLE_OF.match(x)
    if role is not None:
        return _role_of(role)
    poss = _POSSESSIVE_DOC.match(x)
    if poss is not None:
        x = poss.group("x")
    return x or None


def _role_of(m: re.Match[str]) -> str:
    org = re.split(r"\s*,", m.group("org"))[0].strip()
    org = re.sub(r"\s+(?:that|who|which|said|stated|on|in)\b.*$", "", org, flags=re.S)
    role = m.group("role")
    mark = "’" if org.endswith("s") and not org.endswith("ss") else "’s"
    return f"{org}{mark} {role}"
