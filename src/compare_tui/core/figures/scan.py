"""Where figures are and what they are worth: the scanner regex, the cheap trigger pass
that finds sentences worth scanning, and the value of each match (interval, kind, unit)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from compare_tui.core import numbers as nb
from compare_tui.core.figures.units import (
    AGE_ABBREVIATIONS,
    AGE_AFTER_RE,
    AGE_BEFORE_RE,
    CASED_UNITS,
    CASED_UNITS_RE,
    CURRENCY_ADJ_RE,
    CURRENCY_AFTER_RE,
    CURRENCY_CODES,
    CURRENCY_NAME_RE,
    CURRENCY_SIGN_RE,
    CURRENCY_SIGNS,
    DIMENSION_WORDS_RE,
    DOLLAR_PREFIXES,
    DURATION_UNITS,
    FRACTION_OF_RE,
    MEASURE_UNITS,
    MONTH_RE,
    NUM_RE,
    SHORT_RE,
    alt,
    alt_plain,
    currency_unit,
    is_temperature_context,
    pound_is_money,
    sign_unit,
)
from compare_tui.core.lexicon import LOWER_WORD_RE, MONTHS
from compare_tui.core.models import Document, FigureKind

_SUFFIX = re.compile(
    rf"""(?:
      (?P<pct>\s*%|\s+per\s*cent\b|\s+percent\b|\s+percentage\s+points?\b)
    | [\s-]+(?:(?P<cadj>{CURRENCY_ADJ_RE})\s+)?(?P<curw>(?:{CURRENCY_NAME_RE})s?)\b
    | {CURRENCY_AFTER_RE}
    | \s*(?P<ageab>{alt_plain(AGE_ABBREVIATIONS)})(?![\w/])
    | [\s-]*(?P<dur>{alt_plain(DURATION_UNITS)})(?P<old>{AGE_AFTER_RE})?(?![\w/])
    | (?:\s+|-)?(?P<meas>{alt(MEASURE_UNITS)})(?![\w/])
    | (?P<cased>{CASED_UNITS_RE})
    )""",
    re.IGNORECASE | re.VERBOSE,
)
#: A percent sign or unit right after a number: the number is not the end of a money range
#: ("paid €20 to 40% of the staff" is €20, then 40%).
_UNIT_AHEAD = (
    r"(?:\s*%|\s+per\s*cent\b|\s+percent|[\s-]+(?:second|minute|hour|day|week|month|year)s?\b"
    rf"|(?:\s+|-)?(?:{alt(MEASURE_UNITS)})(?![\w/]))"
)
#: Glued abbreviated multipliers ("2.5m people", "10k", "€2bn"); a glued "m" before a dimension
#: word is a metre ("a 48m tall crane"), read by the unit suffix instead.
_SHORT_AFTER_DIGITS = rf"(?:\s?(?:bln|mln|tln|mil|bn|mn|tn)|(?:m|k)(?!\s+{DIMENSION_WORDS_RE}\b))\b"

_SCANNER = re.compile(
    rf"""(?:(?<=\bage-)|(?<![\w.,:/\-]))(?:
      (?P<date>
          (?P<m1>{MONTH_RE})\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<y1>\d{{4}}))?(?![\d:])
        | (?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m2>{MONTH_RE})(?:,?\s+(?P<y2>\d{{4}}))?
        | (?P<m3>{MONTH_RE})\s+(?P<y3>\d{{4}})
        | (?P<iso>(?P<iy>\d{{4}})-(?P<im>\d\d)-(?P<id>\d\d))
      )(?![\w])
    | (?P<time>(?:(?P<tqual>about|around|approximately|roughly)\s+)?
        (?:(?P<th>\d{{1,2}})(?:[:.](?P<tm>\d\d)(?::(?P<ts>\d\d))?)?\s*(?P<ampm>[ap]\.m\.|[ap]m\b)
        | (?P<th2>\d{{1,2}}):(?P<tm2>\d\d)(?::(?P<ts2>\d\d))?(?![\d:])))
    | (?P<decade>(?:1[5-9]|20)\d0)s\b
    | (?P<ordd>\d+)(?:st|nd|rd|th)\b
    | (?:(?P<qual>{nb.QUALIFIER_RE})\s+)?(?:
          (?:between|from)\s+(?P<ra>{NUM_RE})\s+(?:and|to)\s+(?P<rb>{NUM_RE})
        | (?P<cur>{CURRENCY_SIGN_RE})\s?(?P<cnum>{nb.DIGIT_NUMBER_RE})(?P<cshort>{SHORT_RE})?
          (?:\s*(?:-|–|to)\s*{CURRENCY_SIGN_RE}?\s?(?P<cnum2>{nb.DIGIT_NUMBER_RE})(?P<cshort2>{SHORT_RE})?
             (?!\d|[,.]\d|{_UNIT_AHEAD}))?
        | (?P<snum>{nb.DIGITS_RE})(?P<sshort>{_SHORT_AFTER_DIGITS})
        | (?P<fpart>(?:{nb.FRACTION_NUMERATOR_RE})[\s-]+(?:{nb.FRACTION_RE})|half|quarter)
          \s+(?:(?:of\s+)?an?\s+)?(?P<fscale>hundred|thousand|million|billion|trillion)\b
        | (?P<frac>{FRACTION_OF_RE})
        | (?P<rnum>{NUM_RE})\s+(?:in|out\s+of)\s+(?:every\s+)?(?!\d{{4}}\b)(?P<rden>{NUM_RE})
          (?!\s*(?:%|per\b|percent\b|[,.]?\d)|{_UNIT_AHEAD})
        | (?P<vmul>several|a\s+few|a\s+couple\s+of|a\s+handful\s+of)\s+(?P<vscale>{nb.SCALE_RE})\b
        | (?P<vague>{nb.VAGUE_RE})\b
        | (?P<ordw>{nb.ORDINAL_RE})\b
        | (?P<num>{NUM_RE})(?:\s*(?:-|–|—|\bto|\bor|\bthrough)\s*(?P<num2>{NUM_RE}))?
          (?:\s*(?P<post>{alt(nb.POST_QUALIFIERS)})\b(?!\s+than\b))?
      )
    )""",
    re.IGNORECASE | re.VERBOSE,
)


@dataclass(frozen=True, slots=True)
class Core:
    """A figure's value before counted/event/source are attached."""

    end: int
    low: float | None
    high: float | None
    approx: bool
    kind: FigureKind
    unit: str | None
    wants_noun: bool


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
        "quarter",
        *nb.SCALE_ORDINALS,
    ]
)
_SIGNS = "".join(CURRENCY_SIGNS) + "".join(nb.VULGAR_FRACTIONS)
#: Where a figure may start before its trigger: word starts ("no fewer than 15", "June 14"),
#: and a point before decimals (".08").
_WORD_START = re.compile(rf"(?<![\w’'])[\w{_SIGNS}.]")
_LOOK_BACK = 24


#: First words of the phrases that can open a figure before its trigger word.
_STARTERS = frozenset(
    [q.split()[0] for q in nb.QUALIFIERS]
    + [m.lower() for m in MONTHS]
    + ["between", "from", "half", "quarter", "a", "us", "tens", "hundreds", "several"]
    + list(CURRENCY_CODES)
    + list(DOLLAR_PREFIXES)
)
_DIGIT_OR_SIGN = re.compile(rf"\d[\d,.:]*|[{_SIGNS}]")


def triggered_sentences(document: Document) -> dict[int, list[int]]:
    """Sentence index -> offsets of digits, currency signs and number words in it.

    The full scanner is slow to try at every word of a 3 MB novel; a set intersection per
    sentence is cheap, and every figure the scanner can find holds one of these triggers.
    """
    out: dict[int, list[int]] = {}
    text = document.text
    for index, sentence in enumerate(document.sentences):
        chunk = text[sentence.start : sentence.end]
        lower = chunk.lower()
        words = _TRIGGER_WORDS.intersection(LOWER_WORD_RE.findall(lower))
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


def scan(text: str, start: int, end: int, triggers: list[int]) -> list[re.Match[str]]:
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
            if m is not None and m.group("num2") and not _range_ok(m):
                # "from 12 percent in 1991 to 17.9 percent": "1991 to 17.9" is no range; read
                # the first number alone, so the scan goes on to the second.
                m = _SCANNER.match(text, c, m.end("num"))
            elif m is not None and m.group("rnum") and _share(m) is None:
                # "12 in six boxes", "12 out of 10": no share, two numbers.
                m = _SCANNER.match(text, c, m.end("rnum"))
            if m is not None and m.end() > pos:
                matches.append(m)
                # A sign or code after the amount is its own ("10 rmb 20 usd"): not the start
                # of the next figure.
                tail = _CURRENCY_TAIL.match(text, m.end(), end)
                last = tail.end() if tail is not None else m.end()
                break
    return matches


def _share(m: re.Match[str]) -> float | None:
    """ "one in four" as a percentage; None when the words are no share ("5 in 2020", "12 in
    six boxes", "12 out of 10")."""
    try:
        part, whole = nb.word_value(m.group("rnum")), nb.word_value(m.group("rden"))
    except (ValueError, OverflowError, ZeroDivisionError):
        return None
    if part is None or whole is None or not 0 < part < whole <= 1000:
        return None
    return round(100 * part / whole, 2)


def _range_ok(m: re.Match[str]) -> bool:
    """A written range runs upwards, or abbreviates its second end ("2014-15")."""
    first, second = m.group("num"), m.group("num2")
    try:
        low, high = nb.word_value(first), nb.word_value(second)
    except (ValueError, OverflowError, ZeroDivisionError):
        return False
    if low is None or high is None:
        return False
    return high >= low or (first.isdigit() and second.isdigit() and len(second) < len(first))


_WORD_AT = re.compile(r"[A-Za-z]+")
_CURRENCY_TAIL = re.compile(CURRENCY_AFTER_RE, re.IGNORECASE)


def _word_at(text: str, pos: int) -> str:
    m = _WORD_AT.match(text, pos)
    return m.group().lower() if m else ""


def core_of(text: str, m: re.Match[str], limit: int) -> Core | None:
    """Value, kind and unit of one scanner match (None when it is not a figure after all)."""
    g = m.group
    if g("date") is not None:
        return _date(m)
    if g("time") is not None:
        hour = int(g("th") or g("th2"))
        minute = int(g("tm") or g("tm2") or 0)
        second = int(g("ts") or g("ts2") or 0)  # "4:43:13 p.m.", a time read off a recording
        ampm = (g("ampm") or "").lower()
        if minute > 59 or second > 59 or hour > 24 or (ampm and not 1 <= hour <= 12):
            return None
        if ampm.startswith("p") and hour < 12:
            hour += 12
        elif ampm.startswith("a") and hour == 12:
            hour = 0
        value = hour + minute / 60 + second / 3600
        return Core(m.end(), value, value, bool(g("tqual")), FigureKind.TIME, None, False)
    if g("decade") is not None:
        first = float(g("decade"))
        return Core(m.end(), first, first + 9, False, FigureKind.YEAR, "decade", False)
    if g("ordd") is not None:
        value = float(g("ordd"))
        return Core(m.end(), value, value, False, FigureKind.ORDINAL, None, True)
    if g("ordw") is not None:
        ordinal = nb.ordinal_value(g("ordw"))
        if ordinal is None:
            return None
        return Core(m.end(), ordinal, ordinal, False, FigureKind.ORDINAL, None, True)

    bound = nb.qualifier_bound(g("qual")) if g("qual") else None
    approx = False
    kind = FigureKind.COUNT
    unit: str | None = None
    bare_share = False  # a bare fraction of one ("3/4", "½"): a percent unless a unit follows
    if g("ra") is not None:
        low, high = nb.word_value(g("ra")), nb.word_value(g("rb"))
        low = _shared_scale(g("ra"), low, g("rb"), high)
    elif g("cur") is not None:
        low = _money(g("cnum"), g("cshort"))
        high = _money(g("cnum2"), g("cshort2")) if g("cnum2") else low
        if g("cnum2") and not g("cshort"):
            low = _shared_scale(g("cnum"), low, g("cnum2") + (g("cshort2") or ""), high)
        kind, unit = FigureKind.MONEY, sign_unit(g("cur"))
    elif g("snum") is not None:
        low = _money(g("snum"), g("sshort").strip())
        high = low
    elif g("fpart") is not None:
        share = nb.fraction_value(g("fpart"))
        low = high = share * nb.SCALES[g("fscale").lower()] / 100 if share is not None else None
    elif g("frac") is not None:
        low = high = nb.fraction_value(g("frac"))
        kind, unit = FigureKind.PERCENT, "%"
    elif g("rnum") is not None:
        share = _share(m)
        if share is None:
            return None
        low = high = share
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
        bare_share = bool(_SHARE.fullmatch(g("num"))) and not g("num2")
        if g("post"):
            post = " ".join(g("post").lower().split())
            bound = nb.POST_QUALIFIERS[post]
            if post in nb.AGE_POST_QUALIFIERS and kind is FigureKind.COUNT:
                kind, unit = FigureKind.AGE, "year"  # "only those 15 and older can buy"
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
        kind, unit = _suffix_kind(text, m.start(), suffix)
        if kind is not FigureKind.COUNT:
            end = suffix.end()
    if kind in (FigureKind.COUNT, FigureKind.DURATION) and re.search(
        AGE_BEFORE_RE, text[max(0, m.start() - 20) : m.start()], re.IGNORECASE
    ):
        kind, unit = FigureKind.AGE, unit or "year"  # "aged 40", "at the age of 6 months"
    if kind is FigureKind.COUNT and bare_share:
        kind, unit = FigureKind.PERCENT, "%"  # "3/4" alone is a share, as "three quarters of"
        low, high = low * 100, (high * 100 if high is not None else None)
    if (
        kind is FigureKind.DURATION
        and g("qual")
        and g("qual").lower() == "over"
        and not re.search(r"\bfor\s+$", text[max(0, m.start() - 8) : m.start()], re.IGNORECASE)
    ):
        bound = None  # "clashed over two days" is a span of time, not a bound
    lo, hi, bound_approx = nb.apply_bound(bound, low, high)
    return Core(end, lo, hi, approx or bound_approx, kind, unit, kind is FigureKind.COUNT)


#: A fraction alone, with no whole part: "3/4", "½".
_SHARE = re.compile(rf"{nb.DIGIT_FRACTION_RE}|[{''.join(nb.VULGAR_FRACTIONS)}]")


def _suffix_kind(text: str, start: int, suffix: re.Match[str]) -> tuple[FigureKind, str | None]:
    """Kind and unit that the words right after a number give it ("%", "dollars", "km")."""
    g = suffix.group
    if g("pct"):
        # A change of 2 percentage points is not 2% of anything: a unit of its own.
        return FigureKind.PERCENT, ("pp" if "point" in g("pct").lower() else "%")
    if g("curw"):
        word = g("curw").lower()
        if word.rstrip("s") == "pound" and not g("cadj"):
            before = text[max(0, start - 200) : start]
            after = text[suffix.end() : suffix.end() + 200]
            if not pound_is_money(before, after):
                return FigureKind.MEASURE, "lb"  # "over two pounds", "a 20-pound bag"
        return FigureKind.MONEY, currency_unit(g("cadj"), g("curw"))
    if g("csign"):
        return FigureKind.MONEY, sign_unit(g("csign"))
    if g("ageab"):
        return FigureKind.AGE, AGE_ABBREVIATIONS[g("ageab").lower()]
    if g("dur"):
        unit = DURATION_UNITS[g("dur").lower()]
        return (FigureKind.AGE if g("old") else FigureKind.DURATION), unit
    if g("meas"):
        return FigureKind.MEASURE, MEASURE_UNITS.get(" ".join(g("meas").lower().split()))
    if g("cased"):
        if g("ctemp") and not is_temperature_context(
            text[max(0, start - 200) : start], text[suffix.end() : suffix.end() + 200]
        ):
            return FigureKind.COUNT, None
        return FigureKind.MEASURE, CASED_UNITS[g("cased").strip()]
    return FigureKind.COUNT, None


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


def _date(m: re.Match[str]) -> Core | None:
    g = m.group
    if g("iso"):
        year, month, day = int(g("iy")), int(g("im")), int(g("id"))
    else:
        month = MONTHS[(g("m1") or g("m2") or g("m3")).rstrip(".").lower()]
        day = int(g("d1") or g("d2") or 0)
        year = int(g("y1") or g("y2") or g("y3") or 0)
    if not 1 <= month <= 12 or day > 31 or (year and not 1000 <= year <= 2999):
        return None
    if day == 0 and year == 0:
        return None
    value = float(year * 10_000 + month * 100 + day)
    unit = "date" if year and day else ("month" if year else "day-of-year")
    return Core(m.end(), value, value, False, FigureKind.DATE, unit, False)
