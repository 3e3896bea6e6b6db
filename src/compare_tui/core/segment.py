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
2. A one-line paragraph is checked against ``FURNITURE_RULES`` (page chrome: short, at most
   ``FURNITURE_MAX`` characters, and except for fixed phrases not reading as a sentence), then
   taken as a headline when it does not end in sentence punctuation; both are one segment.
   Headline-like lines right after a "Related"/"ALSO:" heading are its list of links to
   other stories: furniture too, up to the first line of prose.
3. Other paragraphs are split at candidates the rules accept (abbreviations, initials,
   ellipses, quotes, numbered lists), and each piece is trimmed of whitespace.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from compare_tui.core.dates import DATE_LINE_RE
from compare_tui.core.lexicon import words
from compare_tui.core.models import SegmentKind, Sentence, Span

__all__ = [
    "FURNITURE_MAX",
    "FURNITURE_RULES",
    "FurnitureRule",
    "Segmentation",
    "furniture_rule",
    "reads_as_sentence",
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


#: Abbreviations that never end a sentence: titles bind to the name after them, and Latin
#: connectives always continue ("Gen. Who", "e.g. The" are still one sentence).
_NEVER_FINAL = words(
    """mr mrs ms messrs mme mlle dr prof gen lt col maj capt cpt cmdr cdr adm sgt cpl pvt brig
    gov sen rep rev hon pres supt insp fr e.g i.e cf vs viz"""
)

#: Abbreviations that usually continue the sentence but may end it ("Pitt, Briggs & Co." at the
#: end, "Jane and co. They ..."): they end it only before a word from ``_STARTERS``.
_ABBREVIATIONS = words(
    """jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat
    inc ltd co corp llc plc bros st ave blvd rd mt ft jr sr etc al p pp vol vols fig figs ch art
    sec no nos nr n° nº para ed eds est dept univ assn approx ca esp lb lbs oz yr yrs hr hrs min
    max mln bn tel ext"""
)

#: Words that start sentences far more often than they follow an abbreviation mid-sentence.
#: Closed-class words only: "U.S. How" splits, "U.S. Government" does not.
_STARTERS = words(
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
    """One kind of page chrome: a pattern a whole line must match, and why it is chrome.

    ``sentence_ok`` marks rules whose pattern is evidence enough on its own (a fixed phrase such
    as "Comments are closed.", a © notice, a caption that ends in a "/ AP" credit): the line may
    read as a sentence. Every other rule also requires that the line does *not* read as one
    (see ``reads_as_sentence``), because in web copy a one-line paragraph is usually prose.
    """

    name: str
    pattern: str
    why: str
    sentence_ok: bool = False


_TOOL = (
    r"(?:zoom\s+in|zoom\s+out|read\s+later|print(?:\s+this)?|share(?:\s+(?:this|on\s+\w+))?|"
    r"e-?mail|tweet|facebook|twitter|x|whatsapp|telegram|linkedin|reddit|pinterest|copy\s+link|"
    r"save|bookmark|listen(?:\s+to\s+(?:this\s+)?article)?|font\s+size|a\+|a-|comments?|"
    r"read\s+more|advertisement|sponsored|subscribe|sign\s+up|log\s+in|sign\s+in|follow\s+us|"
    r"skip\s+to\s+(?:main\s+)?content|more|menu|search|close|next|previous|top)"
)
#: Capitalised words that open time phrases or headlines, never a name after "By".
_NOT_NAME = (
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March"
    r"|July|September|October|November|December|Today|Tonight|Tomorrow|Yesterday|Now|Then"
    r"|The|This|That|These|Those|Early|Late|Next|Last|Dawn|Dusk|Nightfall|Noon|Midnight"
    r"|Morning|Evening|Night|Land|Sea|Air|Road|Rail|Far|All|Most|Some|Law|Decree|Force)\b"
)
#: Verbs that title-case headlines use; a byline has none ("By Tuesday, Officials Confirm ...").
#: Auxiliaries that are also first names (Will, May) are left out.
_HEADLINE_VERB = (
    r"\b(?:say|says|said|claim|claims|claimed|confirm|confirms|confirmed|deny|denies|denied"
    r"|kill|kills|killed|die|dies|died|dead|hold|holds|held|seize|seizes|seized|take|takes"
    r"|took|warn|warns|warned|vow|vows|vowed|call|calls|urge|urges|rise|rises|rose|fall|falls"
    r"|fell|hit|hits|win|wins|won|lose|loses|lost|face|faces|attack|attacks|strike|strikes"
    r"|is|are|was|were|has|have|had)\b"
)
#: A name word: a capital, then letters, apostrophes, dots or hyphens (no digits).
_NAME_WORD = rf"(?!{_NOT_NAME})[A-Z](?:[^\W\d_]|['’.-])*"
_PARTICLE = r"(?:van|von|de|da|del|der|al|bin|ibn|el|la|le)"
#: One to four name words ("Motoni Olodun", "JANE DOE", "Ali bin Hassan").
_NAME = rf"{_NAME_WORD}(?:\s+(?:{_PARTICLE}\s+)?{_NAME_WORD}){{0,3}}"
_NAMES = rf"{_NAME}(?:\s*(?:,|\band\b|&)\s*{_NAME})*"
#: What may follow a byline's names: ", Associated Press", "| Staff Writer", "— Special to X".
_AFFILIATION = rf"{_NAME_WORD}(?:\s+(?:{_NAME_WORD}|of|for|the|to|at)){{0,5}}"
_CREDIT_BY = (
    rf"(?:additional\s+)?(?:reporting|editing|writing|compiled|graphics)\s+by\s+(?-i:{_NAMES})"
    rf"(?:\s+in\s+(?-i:{_NAMES}))?"
)
#: Section names a breadcrumb may start with (besides "Home").
_SECTIONS = (
    r"(?:News|World|Africa|Asia|Europe|Americas|Middle\s+East|Latin\s+America|Politics"
    r"|Business|Economy|Markets|Sports?|Opinion|Culture|Arts|Entertainment|Lifestyle"
    r"|Tech(?:nology)?|Science|Health|Environment|Climate|Local|National|International"
    r"|Regions?|Features|Analysis|Videos?|Live|UK|US)"
)
#: One breadcrumb item after a separator: starts with a capital or digit, holds no quotes.
_CRUMB = r"(?-i:[A-Z0-9])[^»›<>«“”\"|/\n]*"
#: Wire and picture agencies, as written after a "/" credit or alone on a source line.
_AGENCY = (
    r"(?:AP(?:\s+Photo)?|AFP|Reuters|EPA(?:-EFE)?|Getty\s+Images|Shutterstock|Xinhua|Anadolu"
    r"(?:\s+Agency)?|DPA|ANP|PA(?:\s+Images)?|Bloomberg|Alamy)"
)

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
        "comment-section boilerplate (fixed phrases, so a final period is allowed)",
        sentence_ok=True,
    ),
    FurnitureRule(
        "copyright",
        r"(?:©|\(c\)\s*(?=\d{4})|copyright\s*(?:©|\(c\))?\s*(?=\d{4}|©))[^\n]*"
        r"|[^\n]*\ball\s+rights\s+reserved\.?",
        "copyright notices belong to the site, not the story; 'Copyright' must be followed by "
        "a year or ©, so 'Copyright lawyers said ...' stays prose",
        sentence_ok=True,
    ),
    FurnitureRule(
        "related",
        r"(?:you\s+may\s+(?:also\s+)?like|you\s+might\s+also\s+like|related(?:\s+(?:articles?|"
        r"stories|posts|news|content|coverage|topics|reading))?|recommended(?:\s+for\s+you)?"
        r"|most\s+(?:read|popular|viewed|shared)|trending(?:\s+now)?|see\s+also|more\s+stories"
        r"|more\s+from\s+(?-i:[A-Z])[^.!?]{0,60}|latest\s+(?:news|stories))\s*:?"
        r"|also\s*:"
        r"|(?:also\s+read|read\s+also|read\s+more|read\s+next|see\s+also|watch)\s*:"
        r"\s*(?-i:[A-Z0-9‘“'\"]).*",
        "links to other articles; only the exact heading ('Related stories', 'ALSO:') or a "
        "'Read more: Title' line (a capitalised title), so a headline that merely starts with "
        "'Related' stays a headline. The headline-like lines right after such a heading are "
        "the list of links (``segment``): their figures are other stories'",
    ),
    FurnitureRule(
        "byline",
        rf"(?!.*{_HEADLINE_VERB})(?:"
        rf"(?:(?:written|posted|words|story)\s+)?by\s+(?-i:{_NAMES})"
        rf"(?:\s*[,|•·–—-]\s*(?-i:{_AFFILIATION}))?"
        rf"|\(?{_CREDIT_BY}(?:\s*[;,]\s*(?:and\s+)?{_CREDIT_BY})*\)?)",
        "bylines name the author, who is Source metadata: 'By' and one to four capitalised "
        "name words (', Agency' allowed), no digits and no headline verb, so 'by the river' "
        "and 'By Tuesday, Officials Confirm 40 Dead' are not bylines",
    ),
    FurnitureRule(
        "breadcrumb",
        rf"(?:home|accueil|startseite)(?:\s+[»›>/|]\s+{_CRUMB})+"
        rf"|(?-i:{_SECTIONS})(?:\s+[»›>]\s+{_CRUMB})+",
        "navigation trails ('Home » Section » Story') repeat the headline as chrome; they "
        "start with Home or a section name and use spaced separators between capitalised "
        "items, so French «…» and German »…« quotations are not trails",
        sentence_ok=True,
    ),
    FurnitureRule(
        "photo_credit",
        # A caption sentence, then "/ Credit": "Goita had vowed to end insecurity. / AP".
        r"[^\n]*[.!?][\"'”’)]*\s+/\s*(?-i:[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,3})"
        rf"|[^\n]*\s/\s*(?-i:{_AGENCY})\)?"
        # "(AP Photo/Baba Ahmed, File)", "(File photo)" closing a caption.
        r"|[^\n]*\((?:[\w.&-]+\s+)?(?:photo|photograph|image|picture|file|video)s?"
        r"\s*(?:[/:,][^)]*)?\)"
        # "Image: Malian soldiers in Kidal", "Photo credit: ..." leading the line.
        r"|(?:image|photo|picture|photograph|credit|caption|file\s+photo|pictured)s?\s*"
        r"(?:credit)?\s*[:|]\s*(?-i:[A-Z0-9‘“'\"(])[^\n]*"
        r"|[^\n]*[.!?]\s+(?:photo|image|picture)(?:\s+credit)?\s*:\s*[^.!?\n]{1,60}",
        "captions and picture credits ('... / AP', '(AP Photo/...)', 'Image: ...') describe a "
        "picture that is not in the text; a '/' needs a sentence before it or an agency after "
        "it, so 'Israel / Gaza' and 'the EU / UK.' stay prose",
        sentence_ok=True,
    ),
    FurnitureRule(
        "source_line",
        rf"source\s*:\s*[^.!?]{{1,80}}\.?|\(?(?-i:{_AGENCY})\)?",
        "a bare 'Source: Reuters' or 'Reuters' line credits the wire; attribution inside "
        "sentences is kept",
    ),
    FurnitureRule(
        "image_alt",
        r"(?!(?:a|an|the|our|his|her|their|its|this|that|my|your)\b)"
        r"(?:[\w-]+\s+){0,2}(?:logo|icon|avatar|thumbnail)",
        "alt text of site logos left behind by copy-paste ('white logo'); a phrase with an "
        "article ('A national icon') is prose",
    ),
    FurnitureRule(
        "date_line",
        DATE_LINE_RE,
        "a line that is only a date ('June 14, 2025', 'Published: 14 June 2025 10:30 BST') "
        "says when the page was published: Source metadata (``dates.date_line``), not a "
        "figure of the story",
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
#: The rules a line that reads as prose may still match: most lines are prose, and trying
#: only these is the cheaper pass.
_PROSE_FURNITURE = re.compile(
    "|".join(f"(?P<{r.name}>{r.pattern})" for r in FURNITURE_RULES if r.sentence_ok),
    re.IGNORECASE,
)
_RULES = {r.name: (r, re.compile(r.pattern, re.IGNORECASE)) for r in FURNITURE_RULES}
#: Every rule a line of prose may still match ("sentence_ok") needs one of these: a comment
#: notice, a copyright, a breadcrumb separator, a caption's credit. Checked first, as most lines
#: are prose (tests/test_segment.py's examples of those rules all pass through it).
_PROSE_HINT = re.compile(r"comment|reply|©|\(c\)|copyright|rights|[»›>|/(:]", re.IGNORECASE)
#: Furniture is short: a line longer than this is prose whatever it looks like. 100 characters
#: hold a byline with an agency, a breadcrumb ending in a headline, a copyright notice.
FURNITURE_MAX = 100
#: Lowercase words that glue a sentence together. Page chrome has few ("Reporting by X in Y");
#: "by" and "in" are left out because credits use them.
_GLUE = words(
    """the a an to of that and or but with for from on at as than is are was were be been has
    have had will would could should can may might must do does did it its they he she we who
    which this these those their his her there not"""
)
#: From this many glue words up, a line reads as a sentence.
_GLUE_MAX = 3


def reads_as_sentence(line: str) -> bool:
    """Does a (stripped) line read as prose: final sentence punctuation, or many glue words?"""
    if _ends_sentence(line):
        return True
    return sum(1 for w in line.split() if w in _GLUE) >= _GLUE_MAX


def furniture_rule(line: str) -> str | None:
    """Name of the ``FURNITURE_RULES`` entry that the whole (stripped) line matches, if any.

    The line must be at most ``FURNITURE_MAX`` characters, and, unless the rule is marked
    ``sentence_ok``, must not read as a sentence.
    """
    line = line.strip()
    if not line or len(line) > FURNITURE_MAX:
        return None
    prose = reads_as_sentence(line)
    if prose and _PROSE_HINT.search(line) is None:
        return None  # the cheap test first: no rule prose may match can match this line
    m = (_PROSE_FURNITURE if prose else _FURNITURE).fullmatch(line)
    if m is None:
        return None
    for name, (rule, pattern) in _RULES.items():
        if (rule.sentence_ok or not prose) and pattern.fullmatch(line):
            return name
    return None


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
    if "\n" not in text:  # one line (a headline, a phrase): no blocks, no wrapping to find
        start, end = _trim(text, 0, len(text))
        return [(start, end, True)] if start < end else []
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
    links = False  # inside the list of links under a "Related"/"ALSO:" heading
    for p, (start, end, one_line) in enumerate(_paragraphs(text)):
        paragraphs.append(Span(start, end))
        if one_line:
            line = text[start:end]
            rule = furniture_rule(line)
            if rule is not None:
                links = rule == "related" or (links and rule != "copyright")
                sentences.append(Sentence(start, end, p, SegmentKind.FURNITURE))
                continue
            if links and not _ends_sentence(line) and end - start <= _HEADLINE_MAX:
                # "Bomb blasts at campaign offices in northwest Pakistan kill 11" under
                # "ALSO:": another story's headline, not this one's.
                sentences.append(Sentence(start, end, p, SegmentKind.FURNITURE))
                continue
            links = False
            if not _ends_sentence(line):
                # Long prose that lost its final period, or an inline list, is not a headline.
                listed = end - start > _HEADLINE_MAX or _list_cuts(text, start, end)[0]
                pieces = _split(text, start, end) if listed else []
                if len(pieces) <= 1:
                    sentences.append(Sentence(start, end, p, SegmentKind.HEADLINE))
                    continue
                sentences.extend(Sentence(s, e, p) for s, e in pieces)
                continue
        links = False
        sentences.extend(Sentence(s, e, p) for s, e in _split(text, start, end))
    return Segmentation(tuple(paragraphs), tuple(sentences))
