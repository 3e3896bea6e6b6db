"""Paragraphs and sentences with exact offsets, plus which segments are headlines or page furniture.

Why in-house (see NOTES.md): libraries are either slow (pySBD ~0.3 MB/s) or miss news cases.
The approach is one C-speed regex pass that finds *candidate* boundaries (terminal punctuation,
optional closing quotes/brackets, then whitespace) and a small Python check per candidate that
looks at the token before and the word after. Nothing loops over the text character by character.

Steps:

1. Blocks are runs of non-blank lines. A block that looks hard-wrapped (prose broken at ~70
   columns: continuation lines start in lower case, or, when the whole document is wrapped,
   each line broke only because the next word would not fit) is one paragraph; otherwise each
   line is its own paragraph (web copy, header stacks).
2. A one-line paragraph is checked against ``FURNITURE_RULES`` (page chrome), then taken as a
   headline when it does not end in sentence punctuation; both are kept as one segment.
3. Other paragraphs are split at candidates the rules accept (abbreviations, initials,
   ellipses, quotes, numbered lists), and each piece is trimmed of whitespace.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from compare_tui.core.models import SegmentKind, Sentence, Span

__all__ = [
    "FURNITURE_RULES",
    "FurnitureRule",
    "Segmentation",
    "furniture_rule",
    "segment",
]


@dataclass(frozen=True, slots=True)
class Segmentation:
    """Paragraph spans and the sentences inside them, in reading order."""

    paragraphs: tuple[Span, ...]
    sentences: tuple[Sentence, ...]


# --------------------------------------------------------------------------------------------
# Word lists
# --------------------------------------------------------------------------------------------


def _words(spaced: str) -> frozenset[str]:
    """A word set written as one readable string."""
    return frozenset(spaced.split())


#: Abbreviations that never end a sentence: titles bind to the name after them, and Latin
#: connectives always continue ("Gen. Who", "e.g. The" are still one sentence).
_NEVER_FINAL = _words(
    """mr mrs ms messrs mme mlle dr prof gen lt col maj capt cpt cmdr cdr adm sgt cpl pvt brig
    gov sen rep rev hon pres supt insp fr e.g i.e cf vs viz"""
)

#: Abbreviations that usually continue the sentence but may end it ("Pitt, Briggs & Co." at the
#: end, "Jane and co. They ..."): they end it only before a word from ``_STARTERS``.
_ABBREVIATIONS = _words(
    """jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat
    inc ltd co corp llc plc bros st ave blvd rd mt ft jr sr etc al p pp vol vols fig figs ch art
    sec no nos nr n° nº para ed eds est dept univ assn approx ca esp lb lbs oz yr yrs hr hrs min
    max mln bn tel ext"""
)

#: Words that start sentences far more often than they follow an abbreviation mid-sentence.
#: Closed-class words only: "U.S. How" splits, "U.S. Government" does not.
_STARTERS = _words(
    """The A An He She It They We I You This That These Those There Here His Her Their Our My Its
    Your But And Or So Yet Nor In On At For From To With By Of As After Before During When While
    Whereas How What Why Where Who Whom Whose Which If Unless Although Though Because Since
    Despite Did Do Does Is Are Was Were Has Have Had Would Can Could Should Might Must Not No
    None Some Many Most All Both Each Every Several Few Other Another Such One Two Three
    According However Meanwhile Moreover Furthermore Still Then Now Also Thus Therefore Instead
    Yes Later Earlier Next Today Yesterday Tomorrow"""
)

# --------------------------------------------------------------------------------------------
# Page furniture
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class FurnitureRule:
    """One kind of page chrome: a pattern a whole line must match, and why it is chrome."""

    name: str
    pattern: str
    why: str


_TOOL = (
    r"(?:zoom\s+in|zoom\s+out|read\s+later|print(?:\s+this)?|share(?:\s+(?:this|on\s+\w+))?|"
    r"e-?mail|tweet|facebook|twitter|x|whatsapp|telegram|linkedin|reddit|pinterest|copy\s+link|"
    r"save|bookmark|listen(?:\s+to\s+(?:this\s+)?article)?|font\s+size|a\+|a-|comments?|"
    r"read\s+more|advertisement|sponsored|subscribe|sign\s+up|log\s+in|sign\s+in|follow\s+us|"
    r"skip\s+to\s+(?:main\s+)?content|more|menu|search|close|next|previous|top)"
)
_NAME = r"[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|van|von|de|da|del|der|al|bin|ibn|el|la|le)){0,4}"

#: Each line of an article that matches one of these *in full* is furniture: shown, never
#: aligned or mined for figures. Patterns are case-insensitive unless marked ``(?-i:...)``.
FURNITURE_RULES: tuple[FurnitureRule, ...] = (
    FurnitureRule(
        "counter",
        r"(?:total\s+)?(?:views?|reads?|shares?|comments?|likes?|hits)\s*[:：]?\s*[\d.,]+\s*[km]?"
        r"|[\d.,]+\s*[km]?\s+(?:views?|reads?|shares?|comments?|likes?)",
        "view/share counters are page state, not reporting, and differ on every copy",
    ),
    FurnitureRule(
        "toolbar",
        rf"{_TOOL}(?:[\s|/·•,:-]+{_TOOL})*[\s|/·•:-]*",
        "share bars and reading tools ('Zoom In Zoom Out Read Later Print') are site chrome",
    ),
    FurnitureRule(
        "comments",
        r"comments?\s+(?:are\s+)?closed\.?|leave\s+a\s+(?:comment|reply)\.?"
        r"|\d*\s*comments?\s*(?:\(\d+\))?|be\s+the\s+first\s+to\s+comment\.?",
        "comment-section boilerplate",
    ),
    FurnitureRule(
        "copyright",
        r"(?:©|\(c\)|copyright\b).*|.*\ball\s+rights\s+reserved\b.*",
        "copyright notices belong to the site, not the story",
    ),
    FurnitureRule(
        "related",
        r"(?:you\s+may\s+(?:also\s+)?like|you\s+might\s+also\s+like|related(?:\s+(?:articles?|"
        r"stories|posts|news|content|coverage|topics|reading))?|recommended(?:\s+for\s+you)?"
        r"|most\s+(?:read|popular|viewed|shared)|trending(?:\s+now)?|see\s+also|more\s+stories"
        r"|more\s+from\s+.{1,60}|latest\s+(?:news|stories))\s*:?"
        r"|(?:also\s+read|read\s+also|read\s+more|read\s+next|see\s+also|watch)\s*:.*",
        "links to other articles; only the exact heading or a 'Read more:' line, so a headline "
        "that merely starts with 'Related' stays a headline",
    ),
    FurnitureRule(
        "byline",
        rf"(?:(?:written|posted|reporting|words|story)\s+)?by\s+(?-i:{_NAME})"
        rf"(?:\s*(?:,|and|&)\s*(?-i:{_NAME}))*(?:\s*[,|•·–—-]\s*[^.!?]{{1,60}})?"
        r"|(?:reporting|editing|writing)\s+by\s+[^.!?]{1,200}",
        "bylines name the author, who is Source metadata; capitalised names are required so "
        "'by the river' is not a byline",
    ),
    FurnitureRule(
        "breadcrumb",
        r"home\s*[»›>/|].*|[^»›\n]+(?:\s*[»›]\s*[^»›\n]+){2,}",
        "navigation trails ('Home » Section » Story') repeat the headline as chrome",
    ),
    FurnitureRule(
        "photo_credit",
        r".*\s/\s*(?-i:[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,2})\s*\)?"
        r"|.*\((?:[\w.&-]+\s+)?(?:photo|photograph|image|picture|file|video)s?\b[^)]*\)\s*"
        r"|.*\b(?:photo|image|picture)\s*(?:credit)?\s*:\s*.{1,80}"
        r"|(?:image|photo|picture|photograph|credit|caption|file\s+photo|pictured)s?\s*"
        r"(?:credit)?\s*[:|].*"
        r"|\(?(?:getty\s+images|reuters|ap|afp|epa|shutterstock)\)?",
        "captions and picture credits ('... / AP', '(AP Photo/...)', 'Image: ...') describe a "
        "picture that is not in the text",
    ),
    FurnitureRule(
        "source_line",
        r"source\s*:\s*[^.!?]{1,80}\.?",
        "a bare 'Source: Reuters' line credits the wire; attribution inside sentences is kept",
    ),
    FurnitureRule(
        "image_alt",
        r"(?:[\w-]+\s+){0,2}(?:logo|icon|avatar|thumbnail)",
        "alt text of site logos left behind by copy-paste",
    ),
    FurnitureRule(
        "reading_time",
        r"\d+\s*(?:min(?:ute)?s?|hours?)\s+(?:read|ago)|updated\s+\d+\s+\w+\s+ago",
        "reading-time and 'n hours ago' badges change with the clock",
    ),
)

_FURNITURE = re.compile(
    "|".join(f"(?P<{r.name}>{r.pattern})" for r in FURNITURE_RULES), re.IGNORECASE
)
#: Lines longer than this are prose even if a caption-like pattern would match.
_FURNITURE_MAX = 300


def furniture_rule(line: str) -> str | None:
    """Name of the ``FURNITURE_RULES`` entry that the whole (stripped) line matches, if any."""
    line = line.strip()
    if not line or len(line) > _FURNITURE_MAX:
        return None
    m = _FURNITURE.fullmatch(line)
    return m.lastgroup if m else None


# --------------------------------------------------------------------------------------------
# Regexes
# --------------------------------------------------------------------------------------------

_TERMINALS = ".!?…‽。！？"
_CLOSERS = "\"'”’»)]）」』"
#: A candidate boundary: terminal punctuation (or a spaced ". . ." ellipsis), closing quotes or
#: brackets, then whitespace and the next word (captured for the check) or the end.
_CANDIDATE = re.compile(
    r"[.!?…‽。！？](?:(?:[ \t]\.){2,}|[.!?…‽。！？]*)(?P<close>[\"'”’»)\]）」』]*)"
    r"(?=(?P<ws>\s+)(?P<open>[“\"‘'«$£€¥¿¡]*)(?P<word>\w*)(?P<dot>\.?)|\Z|(?<=[。！？」』）]))"
)
#: A blank line (only whitespace) between two newlines separates blocks; the separator also
#: takes the next line's indent, which trimming would drop anyway (one quantifier: fast).
_BLANK = re.compile(r"\n[^\S\n]*\n\s*")
#: The first character of each continuation line of a block.
_LINE_START = re.compile(r"\n[^\S\n]*(\S)")
#: Letter-only tokens with inner dots: U.S, U.S.A, e.g, a.m.
_ACRONYM = re.compile(r"[^\W\d_](?:\.[^\W\d_])+")
#: A list marker at the start of a paragraph: "1.", "1.)", "1)", "a.", "• 9.", "⁃10.", "•".
_MARKER = re.compile(
    r"(?P<bullet>[•⁃◦▪‣])?[^\S\n]*(?:(?P<label>\d{1,3}|[a-z])(?P<punct>\.\)|\.|\)))?"
)

_OPENERS = "“\"‘'«([{¿¡"


# --------------------------------------------------------------------------------------------
# Paragraphs
# --------------------------------------------------------------------------------------------


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink ``[start, end)`` to exclude surrounding whitespace (empty if all whitespace)."""
    piece = text[start:end]
    stripped = piece.lstrip()
    start += len(piece) - len(stripped)
    return start, start + len(stripped.rstrip())


def _ends_sentence(line: str) -> bool:
    """Does the (stripped) line end in sentence punctuation, ignoring closing quotes?"""
    line = line.rstrip(_CLOSERS)
    return bool(line) and line[-1] in _TERMINALS


def _lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Trimmed lines of a trimmed block (blank lines never occur inside a block)."""
    out: list[tuple[int, int]] = []
    a = start
    while a < end:
        b = text.find("\n", a, end)
        if b < 0:
            b = end
        s, e = _trim(text, a, b)
        if s < e:
            out.append((s, e))
        a = b + 1
    return out


#: A document is hard-wrapped when it has at least this many lines ...
_WRAP_MIN_LINES = 8
#: ... nearly all of them (``_WRAP_SHARE``) no longer than ``_WRAP_MAX_WIDTH`` characters.
_WRAP_MAX_WIDTH = 100
_WRAP_SHARE = 0.9
#: A wrapped line plus the next line's first word must overflow this share of the width.
_WRAP_FILL = 0.8


def _wrap_width(text: str) -> int | None:
    """The width a document was hard-wrapped at (95th percentile line length), if it was.

    A wrapped text has many short lines, most of them inside blocks rather than standing
    alone; web copy has one long line per paragraph and fails this.
    """
    lengths = sorted(len(line) for line in text.split("\n") if line and not line.isspace())
    if len(lengths) < _WRAP_MIN_LINES:
        return None
    if lengths[int(len(lengths) * _WRAP_SHARE) - 1] > _WRAP_MAX_WIDTH:
        return None
    if len(_BLANK.findall(text)) * 2 > len(lengths):
        return None
    width = lengths[int(len(lengths) * 0.95) - 1]
    return width if width >= 40 else None


#: How a wrapped paragraph can end: sentence punctuation, closers, a colon before a quotation,
#: a dash, or a footnote mark ("... mon cher.” *").
_BLOCK_ENDS = _TERMINALS + _CLOSERS + ":;—-*†"


def _is_wrapped(text: str, start: int, end: int, breaks: int, width: int | None) -> bool:
    """Does a trimmed block of ``breaks + 1`` lines look like prose hard-wrapped at a width?

    Wrapped prose ends in punctuation and its lines continue a sentence: most start in lower
    case, or, in a document wrapped at ``width``, each line was broken only because the next
    word would not fit. A header stack ("Headline" / "Standfirst." / "June 14, 2025") in web
    copy fails both tests.
    """
    if text[end - 1] not in _BLOCK_ENDS:
        return False
    lower = sum(1 for m in _LINE_START.finditer(text, start, end) if m.group(1).islower())
    if lower * 2 >= breaks:
        return True
    if width is None:
        return False
    lines = _lines(text, start, end)
    for (a, b), (c, d) in pairwise(lines):
        word = text[c:d].split(None, 1)[0]
        if (b - a) + 1 + len(word) < width * _WRAP_FILL:
            return False
    return True


def _paragraphs(text: str) -> list[tuple[int, int, bool]]:
    """``(start, end, one_line)`` of each trimmed paragraph, in order."""
    out: list[tuple[int, int, bool]] = []
    pos = 0
    width = _wrap_width(text)
    bounds = [(m.start(), m.end()) for m in _BLANK.finditer(text)]
    bounds.append((len(text), len(text)))
    for sep_start, sep_end in bounds:
        start, end = _trim(text, pos, sep_start)
        pos = sep_end
        if start >= end:
            continue
        breaks = text.count("\n", start, end)
        if breaks == 0:
            out.append((start, end, True))
        elif _is_wrapped(text, start, end, breaks, width):
            out.append((start, end, False))
        else:
            out.extend((s, e, True) for s, e in _lines(text, start, end))
    return out


# --------------------------------------------------------------------------------------------
# Sentences
# --------------------------------------------------------------------------------------------


def _list_cuts(text: str, start: int, end: int) -> tuple[list[int], set[int]]:
    """Cuts before the items of an inline list, and the marker dots that must not cut.

    Only a paragraph that *starts* with a marker is read as a list, and later markers must
    continue its sequence (1, 2, 3 or a, b, c) or repeat its bullet, so "in 2. The" elsewhere
    is untouched.
    """
    m = _MARKER.match(text, start, end)
    if m is None or not (m.group("bullet") or m.group("label")):
        return [], set()
    if m.group("label") and m.end() < end and not text[m.end()].isspace():
        return [], set()
    dots: set[int] = set()
    if m.group("punct") and m.group("punct").startswith("."):
        dots.add(m.start("punct"))
    cuts: list[int] = []
    bullet = m.group("bullet")
    if bullet:
        for b in re.finditer(rf"(?<=\s){re.escape(bullet)}", text[start:end]):
            cuts.append(start + b.start())
            item = _MARKER.match(text, start + b.start(), end)
            if item and item.group("punct") and item.group("punct").startswith("."):
                dots.add(item.start("punct"))
        return cuts, dots
    label, punct = m.group("label"), m.group("punct")
    pattern = re.compile(rf"(?<=\s)(\d{{1,3}}|[a-z]){re.escape(punct)}(?=\s)")
    for item in pattern.finditer(text, m.end(), end):
        nxt = item.group(1)
        if label.isdigit() != nxt.isdigit():
            continue
        step = int(nxt) - int(label) if label.isdigit() else ord(nxt) - ord(label)
        if step != 1:
            continue
        label = nxt
        cuts.append(item.start())
        if punct.startswith("."):
            dots.add(item.start() + len(nxt))
    return cuts, dots


#: How far back to look for the token before a period: no abbreviation is longer, and a
#: bounded look keeps a paragraph without spaces linear.
_TOKEN_MAX = 40


def _token_before(text: str, i: int, floor: int) -> str:
    """The whitespace-delimited token that ends at ``i`` (without leading quotes/brackets)."""
    floor = max(floor, i - _TOKEN_MAX)
    k = max(text.rfind(" ", floor, i), text.rfind("\n", floor, i), text.rfind("\t", floor, i))
    token = text[max(k + 1, floor) : i]
    for joiner in "—–/(":
        # "December 6—St. Nicholas": the abbreviation is what follows the dash.
        token = token.rpartition(joiner)[2]
    return token.lstrip(_OPENERS)


def _cut(text: str, m: re.Match[str], start: int) -> int | None:
    """Where a candidate ends a sentence (an offset), or None if it does not."""
    if m.group("ws") is None:
        # End of paragraph, or CJK punctuation that needs no space after it.
        return m.end() if text[m.start()] in "。！？" else None
    word = m.group("word")
    if not word or word[0].islower():
        return None
    term = text[m.start() : m.start("close")]
    i = m.start()
    if term[0] in "。！？":
        return m.end()
    if "!" in term or "?" in term or "‽" in term:
        return m.end()
    if " " in term or "\t" in term:
        # Spaced ellipsis. ". . ." after a space marks an omission inside a sentence; after a
        # word ("compounds. . . . The") the first dot ends the sentence and the rest opens the
        # next; ". . . ." after a space is an omission plus the final period.
        attached = i > start and not text[i - 1].isspace()
        if attached and term.count(".") >= 4:
            return i + 1
        return m.end() if attached or term.count(".") >= 4 else None
    if len(term) > 1 or term == "…" or m.group("close"):
        return m.end()
    token = _token_before(text, i, start)
    low = token.lower()
    if low in _NEVER_FINAL:
        return None
    if (
        low in _ABBREVIATIONS
        or (len(token) == 1 and token.isalpha())
        or _ACRONYM.fullmatch(token) is not None
    ):
        # "U.S. How" ends; "U.S. Government", "Jonas E. Smith", "p. 55" do not. A capital
        # followed by a dot ("J. R.") is another initial, never a starter.
        if word in _STARTERS and not (len(word) == 1 and m.group("dot")):
            return m.end()
        return None
    return m.end()


def _split(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Trimmed sentence spans of the paragraph ``[start, end)``."""
    listed, marker_dots = _list_cuts(text, start, end)
    cuts = list(listed)
    list_cuts = set(listed)
    #: Where the sentence after a cut starts, when the candidate match already says so.
    starts: dict[int, int] = {}
    for m in _CANDIDATE.finditer(text, start, end):
        if m.start() in marker_dots:
            continue
        c = _cut(text, m, start)
        if c is not None and start < c < end:
            cuts.append(c)
            if c == m.end() and m.group("ws") is not None:
                starts[c] = m.end("ws")
    if not cuts:
        return [(start, end)]
    if list_cuts:
        cuts = sorted(set(cuts))
    out: list[tuple[int, int]] = []
    a = start
    for b in [*cuts, end]:
        s = starts.get(a)
        if s is None or b in list_cuts:
            s, e = _trim(text, a, b)
        else:
            e = b
        if s < e:
            out.append((s, e))
        a = b
    return out


#: A one-line paragraph without final punctuation longer than this, which also splits into
#: sentences, is prose that lost its last period rather than a headline.
_HEADLINE_MAX = 200


def segment(text: str) -> Segmentation:
    """Split clean text into paragraphs and classified sentences with exact offsets."""
    paragraphs: list[Span] = []
    sentences: list[Sentence] = []
    for p, (start, end, one_line) in enumerate(_paragraphs(text)):
        paragraphs.append(Span(start, end))
        if one_line:
            line = text[start:end]
            if furniture_rule(line) is not None:
                sentences.append(Sentence(start, end, p, SegmentKind.FURNITURE))
                continue
            if not _ends_sentence(line):
                # Long prose that lost its final period, or an inline list, is not a headline.
                listed = end - start > _HEADLINE_MAX or _list_cuts(text, start, end)[0]
                pieces = _split(text, start, end) if listed else []
                if len(pieces) <= 1:
                    sentences.append(Sentence(start, end, p, SegmentKind.HEADLINE))
                    continue
                sentences.extend(Sentence(s, e, p) for s, e in pieces)
                continue
        sentences.extend(Sentence(s, e, p) for s, e in _split(text, start, end))
    return Segmentation(tuple(paragraphs), tuple(sentences))
