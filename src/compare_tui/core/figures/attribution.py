"""Who says so: the source named in a figure's clause or sentence, carried within the
paragraph and resolved from "he" or "the statement" to a named source."""

from __future__ import annotations

import re

from compare_tui.core.figures.meaning import is_plural
from compare_tui.core.figures.units import alt
from compare_tui.core.lexicon import COLLECTIVE, EVENTS
from compare_tui.core.models import Document

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
_PARTICIPLES = alt([*(w for w in EVENTS if w.endswith("ed")), "missing", "dead", "hurt"])
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


class Sources:
    """Who says so, per sentence: its own attribution, else carried within the paragraph."""

    def __init__(self, document: Document) -> None:
        self._doc = document
        self._own: dict[int, str | None] = {}
        self._effective: dict[int, str | None] = {}
        #: Clause cuts of each sentence seen, found once for all its figures.
        self._cuts: dict[int, list[tuple[int, int]]] = {}

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
        if index not in self._cuts:
            self._cuts[index] = [
                (c.start(), c.end())
                for c in _CLAUSE_SPLIT.finditer(text, sentence.start, sentence.end)
            ]
        for cut_start, cut_end in self._cuts[index]:
            if cut_start > offset:
                end = cut_start
                break
            start = cut_end
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
            is_plural(words[-1])
            or words[-1].lower() in COLLECTIVE
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
