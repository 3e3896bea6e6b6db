"""What a figure is about: the noun phrase it counts, the event that happened to it, and
whether a bare number is a year or a word that only looks like a number."""

from __future__ import annotations

import re

from compare_tui.core import lexicon as lx
from compare_tui.core.figures.scan import Core
from compare_tui.core.figures.units import alt
from compare_tui.core.lexicon import EVENTS, MONTHS, WEEKDAYS, words
from compare_tui.core.models import Document, Figure, FigureKind

_EVENT_RE = alt(EVENTS)
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
#: Words one of which an event before a figure must hold (an event word, or "toll").
_EVENT_HINTS = frozenset(EVENTS) | {"toll"}
#: How far (in characters) an elliptical count may stand from the count whose noun it takes:
#: "1,200 people have been displaced, according to the agency, and hundreds more were injured".
ELLIPSIS_GAP = 60
LIST_GAP = re.compile(r"[^,;:.()]{0,60}?(?:,\s*(?:and\s+)?|\s+and\s+)", re.IGNORECASE)
LIST_BLOCK = re.compile(r"\b(?:from|of|in|at|by|to|into|on)\b", re.IGNORECASE)

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
_YEAR_BEFORE = words("in since by until till from before after during through circa c. ca.")
#: Nouns a year names or dates rather than counts ("the 2019 elections", "2010 levels"): with
#: one of these as head, a bare 1500-2099 stays a year even though the head is plural.
_YEAR_NOUNS = words(
    """
    election census budget season olympics olympic game cup championship final poll vote
    referendum protest riot flood earthquake uprising revolution coup war crisis deal accord
    agreement treaty pact law act constitution reform report survey plan strategy level figure
    result rule guideline standard target record high low price rate estimate statistic data
    edition summit visit campaign
    """
)
#: Singular heads that count as many, so "2000 police" is a count.
_MASS_COUNT = words("police staff personnel cattle livestock")
_ONE_PREV_BLOCK = words(
    """
    no any every each the this that at some anyone someone no-one as of
    """
)
_ONE_NEXT_BLOCK = words(
    """
    of another day time point side hand thing way by after or and more less other else
    moment night morning evening year week
    """
)


def owner_is_source(document: Document, figure: Figure) -> bool:
    """True for "three of their fighters": the counted group belongs to whoever says so."""
    return _OWNER.match(document.text, figure.end, figure.end + 40) is not None


def counted_phrase(text: str, pos: int, limit: int) -> tuple[str | None, int]:
    """The noun phrase a count counts, and where it ends ("of their fighters" -> "fighters")."""
    lead = _NP_LEAD.match(text, pos, limit)
    if lead is None:
        return None, pos
    if lead.group("pron"):
        return None, lead.end()
    at = lead.end()
    words: list[tuple[int, int]] = []
    filler = _NP_WORD.match(text, at, limit)
    if filler is not None and filler.group(1).lower() in lx.NP_FILLERS:
        # "four more boys", "175 remaining South Korean workers": the filler opens the phrase
        # and may stand before a name.
        words.append((filler.start(1), filler.end(1)))
        at = filler.end()
    else:
        filler = None
    at = _np_words(text, at, limit, words, max_words=4)
    if filler is not None and len(words) == 1:
        return None, pos  # "15 more than last year": no noun
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
        if low in lx.NP_ENDERS or low in EVENTS or low in lx.WEEKDAYS or low in MONTHS:
            break
        if len(low) > 4 and low.endswith("ly") and low not in lx.LY_ADJECTIVES:
            break  # "12 reportedly died": an adverb ends the phrase
        if (
            words
            and (low.endswith("ed") or low.endswith("ing"))
            and not _modifies_next(text, w, limit, words)
        ):
            break
        if (
            words
            and word[0].isupper()
            and not text[words[-1][0]].isupper()
            and text[words[-1][0] : words[-1][1]].lower() not in lx.NP_FILLERS
        ):
            break
        if words and is_plural(text[words[-1][0] : words[-1][1]]) and word[0].islower():
            break  # "contractors remain": a noun after a plural head is most often a verb
        words.append((w.start(1), w.end(1)))
        at = w.end()
    return at


def _modifies_next(text: str, w: re.Match[str], limit: int, words: list[tuple[int, int]]) -> bool:
    """A participle inside a phrase is an adjective when a noun follows it and the word before
    it is no plural head: "similar powered flight tests", but not "12 people injured"."""
    if is_plural(text[words[-1][0] : words[-1][1]]):
        return False
    nxt = _NP_WORD.match(text, w.end(), limit)
    if nxt is None:
        return False
    low = nxt.group(1).lower()
    return nxt.group(1).islower() and low not in lx.NP_ENDERS and low not in EVENTS


def _is_verb_like(word: str) -> bool:
    return len(word) > 4 and word.islower() and word.endswith("ed")


def is_plural(word: str) -> bool:
    low = word.lower()
    return (
        low in lx.IRREGULAR_PLURALS
        or (len(low) > 3 and low.endswith("s") and not low.endswith(("ss", "us", "is")))
        or (low.endswith("men") and len(low) > 4)
    )


def keep(text: str, m: re.Match[str], core: Core, counted: str | None, start: int) -> bool:
    """Drop words that look like numbers but are not quantities ("at one point", "at first")."""
    g = m.group
    word = (g("num") or g("ordw") or "").lower()
    if g("qual") or not word or core.kind in (FigureKind.MONEY, FigureKind.MEASURE):
        return True  # "one penny", "one mile": a unit makes any number a quantity
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


def looks_like_year(text: str, m: re.Match[str], counted: str | None) -> bool:
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
    if prev_word in _YEAR_BEFORE or prev_word.rstrip(".") in MONTHS:
        return True
    if not counted:
        return True
    main = re.split(r"\s+(?:of|from)\s", counted, maxsplit=1)[0].split()
    head = main[-1].lower() if main else ""
    singular = head[:-1] if head.endswith("s") else head
    if head in _YEAR_NOUNS or singular in _YEAR_NOUNS:
        return True
    return not (is_plural(head) or head in _MASS_COUNT)


def event_of(text: str, sent_start: int, fig_start: int, np_end: int, limit: int) -> str | None:
    """What happened to the counted: an event word right before the figure ("killed at least
    377 people", "the deaths of 10"), else right after the phrase ("seven gunmen were
    killed"). The word before wins: one after the phrase may belong to the next clause ("killed
    at least 377 people was captured")."""
    window = text[max(sent_start, fig_start - 80) : fig_start]
    before = None
    if not _EVENT_HINTS.isdisjoint(lx.LOWER_WORD_RE.findall(window.lower())):
        before = _EVENT_BEFORE.search(window)  # the cheap test first: most windows hold none
    if before is not None:
        if before.group("toll"):
            return "killed"
        return EVENTS[before.group("ev").lower()]
    after = _EVENT_AFTER.match(text, np_end, limit)
    if after is not None:
        return EVENTS[after.group("ev").lower()]
    return None


# --- Ages of people -----------------------------------------------------------------------

_NAME = r"[A-Z][\w’'.\-]*(?:\s+[A-Z][\w’'.\-]*){0,3}"
#: "Jeremy Lewis, 26," / "Lawrence, 18.": a name, a comma, a whole number, then a clause end.
_NAME_BEFORE = re.compile(rf"(?P<name>{_NAME}),\s*(?:(?:a|an|aged)\s+)?$")
#: "a white male, between 30 and 40,": a person described, not named, then an age.
_PERSON_BEFORE = re.compile(
    r"\b(?:man|woman|male|female|boy|girl|teenager|teen|suspect|victim|driver|gunman|mother|"
    r"father|son|daughter|wife|husband),\s*$",
    re.IGNORECASE,
)
#: An age as written after a comma: "26", "30 to 40", "between 30 and 40", "30-40".
_AGE_WRITTEN = re.compile(r"(?:between\s+)?(\d{1,3})(?:\s*(?:-|–|to|and)\s*(\d{1,3}))?")
_AGE_AFTER = re.compile(
    r"(?:\s*[,;)]|\s*\.(?:\s|$)|\s+(?:and|was|were|is|are|had|has|of|from|who|died)\b)"
)
#: "17-year-old Stephen Lawrence", "a 26-year-old construction worker named ...": up to three
#: lower-case words may stand between the age and the name.
_NAME_AFTER = re.compile(rf"\s+(?:[a-z][\w\-]*\s+){{0,3}}?(?P<name>{_NAME})")
#: Capitalised words that open a sentence or clause but are no one's name ("In 2015, 26 ...").
_NOT_NAMES = words(
    """in on at by since from of and but for with after before during until to as when while
    the a an this that these those some about around nearly almost only just about there
    police officials authorities"""
)
_NOT_NAME_STARTS = _NOT_NAMES | WEEKDAYS | frozenset(MONTHS)
_OLD_AFTER = re.compile(r"\s+old\b")


def age_of(
    text: str, kind: FigureKind, start: int, end: int, sentence: tuple[int, int]
) -> tuple[bool, str | None]:
    """Whether a figure is a person's age, and whose ("Jeremy Lewis" for "Jeremy Lewis, 26,").

    Ages are "N-year-old", "N years old", "aged N", and a bare whole number between commas
    right after a name. A name found right before or after the age is its subject.
    """
    sent_start, sent_end = sentence
    written = text[start:end].lower()
    before = _NAME_BEFORE.search(text, max(sent_start, start - 60), start)
    name = before.group("name") if before is not None else None
    if name is not None and name.split()[0].lower() in _NOT_NAME_STARTS:
        name = None
    if kind is FigureKind.AGE or (
        kind is FigureKind.DURATION
        and (written.endswith("-old") or _OLD_AFTER.match(text, end, sent_end) is not None)
    ):
        if name is None:
            after = _NAME_AFTER.match(text, end, sent_end)
            if after is not None and after.group("name").split()[0].lower() not in _NOT_NAMES:
                name = after.group("name")
        return True, name
    if kind is not FigureKind.COUNT or _AGE_AFTER.match(text, end, sent_end) is None:
        return False, None
    shape = _AGE_WRITTEN.fullmatch(written)
    if (
        shape is not None
        and all(0 < int(n) < 120 for n in shape.groups() if n)
        and (name is not None or _PERSON_BEFORE.search(text, max(sent_start, start - 20), start))
    ):
        return True, name
    return False, None
