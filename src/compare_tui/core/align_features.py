"""Per-sentence features and the pair scorer that every alignment pass shares.

Computed once per document pair: lowercased word text (for ``fuzz.ratio``), stems of content
words, numbers (digits, and number words written out, so "Ten" meets "10"), and rarity weights
(idf over both documents) so that a shared rare word counts for more than a shared common one.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from compare_tui.core.models import Document, SegmentKind
from compare_tui.core.words import NUMBER, WORD, stem

__all__ = ["Match", "Scorer", "Side", "Stems", "idf_weights", "side_features"]

_QUOTE_PAIRS = (("’", "'"), ("‘", "'"), ("‚", "'"), ("“", '"'), ("”", '"'), ("„", '"'))
_EMPTY = frozenset({""})
#: Number words that newsrooms write out (style guides spell out one to nine, and ten to
#: twenty start sentences), read as digits so that "Ten fighters" meets "10 separatists".
#: "one" is left out: it is a pronoun as often as a number ("one of them").
_NUMBER_WORDS = {
    w: str(n)
    for n, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen"
        " fifteen sixteen seventeen eighteen nineteen twenty".split()
    )
    if n >= 2
}


@dataclass(frozen=True, slots=True)
class Side:
    """Per-sentence features of one document, computed once."""

    words: list[str]  # lowercased word text, the input to fuzz.ratio
    same: list[str]  # whitespace/quote-normalised text, for SAME
    stems: list[frozenset[str]]  # stemmed content words
    numbers: list[frozenset[str]]
    matchable: list[bool]
    #: One-line blocks (headlines, captions): aligned on their own, never joined to a sentence.
    heading: list[bool]


class Stems(dict[str, str]):
    """Token -> stem, computed on first sight; "" for function words."""

    def __missing__(self, token: str) -> str:
        self[token] = result = stem(token)
        return result


def _plain_quotes(text: str) -> str:
    """Straight quotes for curly ones; one character for one, so offsets still hold."""
    for curly, plain in _QUOTE_PAIRS:
        text = text.replace(curly, plain)
    return text


def side_features(doc: Document, cache: Stems) -> Side:
    words: list[str] = []
    same: list[str] = []
    stems: list[frozenset[str]] = []
    numbers: list[frozenset[str]] = []
    matchable: list[bool] = []
    heading: list[bool] = []
    # Normalise the whole text once: per-sentence translate() dominated the profile.
    plain = _plain_quotes(doc.text)
    lower = plain.lower()
    if len(lower) != len(plain):  # a few characters lengthen when lowercased ("İ")
        lower = "".join(c if len(c.lower()) != 1 else c.lower() for c in plain)
    find, find_numbers, stem_of = WORD.findall, NUMBER.findall, cache.__getitem__
    for s in doc.sentences:
        toks = find(lower, s.start, s.end)
        words.append(" ".join(toks))
        same.append(" ".join(plain[s.start : s.end].split()))
        stems.append(frozenset(map(stem_of, toks)) - _EMPTY)
        spelled = [_NUMBER_WORDS[t] for t in toks if t in _NUMBER_WORDS]
        numbers.append(frozenset(find_numbers(lower, s.start, s.end)).union(spelled))
        matchable.append(s.matchable)
        heading.append(s.kind is SegmentKind.HEADLINE)
    return Side(words, same, stems, numbers, matchable, heading)


@dataclass(slots=True)
class Scorer:
    """Scores pairs of (possibly joined) sentences with rarity weights from both documents."""

    left: Side
    right: Side
    idf: dict[str, float]
    #: Rarity weight of each single sentence, filled on first use.
    single: dict[tuple[str, int], float] = field(default_factory=dict)

    def sentence_weight(self, side: str, index: int) -> float:
        key = (side, index)
        w = self.single.get(key)
        if w is None:
            stems = (self.left if side == "l" else self.right).stems[index]
            w = self.single[key] = self.weight(stems)
        return w

    def weight(self, stems: Iterable[str]) -> float:
        idf = self.idf
        return sum(idf.get(t, 0.0) for t in stems)

    def texts(self, left: tuple[int, ...], right: tuple[int, ...]) -> float:
        lw = " ".join(self.left.words[i] for i in left)
        rw = " ".join(self.right.words[j] for j in right)
        if len(left) == 1 and len(right) == 1:
            ls, rs = self.left.stems[left[0]], self.right.stems[right[0]]
            total = self.sentence_weight("l", left[0]) + self.sentence_weight("r", right[0])
        else:
            ls = frozenset().union(*(self.left.stems[i] for i in left))
            rs = frozenset().union(*(self.right.stems[j] for j in right))
            total = self.weight(ls) + self.weight(rs)
        if total <= 0.0:  # only function words ("It was so."): nothing but identity counts
            return 1.0 if lw and lw == rw else 0.0
        dice = 2.0 * self.weight(ls & rs) / total
        if dice <= 0.0:
            return 0.0
        return (fuzz.ratio(lw, rw) / 100.0 + dice) / 2.0

    def contained(self, part: frozenset[str], whole: frozenset[str]) -> float:
        """Share of ``part``'s rarity weight that ``whole`` also has."""
        total = self.weight(part)
        return self.weight(part & whole) / total if total > 0.0 else 0.0

    def shares_figure(self, left: tuple[int, ...], right: tuple[int, ...]) -> bool:
        ln = frozenset().union(*(self.left.numbers[i] for i in left))
        rn = frozenset().union(*(self.right.numbers[j] for j in right))
        return bool(ln & rn)


@dataclass(slots=True)
class Match:
    left: tuple[int, ...]
    right: tuple[int, ...]
    score: float
    reason: str


def idf_weights(left: Side, right: Side) -> dict[str, float]:
    df: Counter[str] = Counter()
    for stems in left.stems:
        df.update(stems)
    for stems in right.stems:
        df.update(stems)
    n = len(left.stems) + len(right.stems) + 1
    return {t: math.log(n / c) for t, c in df.items()}
