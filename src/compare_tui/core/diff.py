"""Word-level differences inside one aligned pair of sentences.

Run only on the sentences of one alignment, never on whole documents: difflib is quadratic
in the worst case and a whole-article diff is what makes line-diff tools hang on long texts.
"""

from __future__ import annotations

from collections.abc import Sequence
from difflib import SequenceMatcher

from compare_tui.core.models import Span
from compare_tui.core.words import WORD

_QUOTES = str.maketrans({"’": "'", "‘": "'", "‚": "'", "“": '"', "”": '"', "„": '"'})


def normalise_token(token: str) -> str:
    """Case and curly quotes are typography, not wording."""
    return token.lower().translate(_QUOTES)


def _tokens(text: str, spans: Sequence[Span]) -> list[tuple[str, int, int, int]]:
    """(normalised word, start, end, index of the span it came from), in reading order."""
    out: list[tuple[str, int, int, int]] = []
    for n, span in enumerate(spans):
        piece = text[span.start : span.end]
        lower = piece.lower().translate(_QUOTES)
        if len(lower) == len(piece):  # normalise once; offsets still line up
            base = span.start
            out.extend(
                (m.group(), base + m.start(), base + m.end(), n) for m in WORD.finditer(lower)
            )
        else:  # a character that lengthens when lowercased ("İ"): go word by word
            for m in WORD.finditer(text, span.start, span.end):
                out.append((normalise_token(m.group()), m.start(), m.end(), n))
    return out


def _spans(tokens: list[tuple[str, int, int, int]], lo: int, hi: int) -> list[Span]:
    """One span per run of changed words, cut where a run crosses into another sentence."""
    out: list[Span] = []
    for k in range(lo, hi):
        _, start, end, part = tokens[k]
        if out and tokens[k - 1][3] == part and k > lo:
            out[-1] = Span(out[-1].start, end)
        else:
            out.append(Span(start, end))
    return out


def word_changes(
    left_text: str,
    left_spans: Sequence[Span],
    right_text: str,
    right_spans: Sequence[Span],
) -> tuple[tuple[Span, ...], tuple[Span, ...]]:
    """Spans of the words that differ between the left sentences and the right sentences.

    Each side is the concatenation, in order, of its spans (one per sentence of an alignment).
    Words are compared case- and quote-insensitively. Adjacent changed words form one span, and
    a span never crosses from one sentence into the next nor covers only whitespace.
    """
    a = _tokens(left_text, left_spans)
    b = _tokens(right_text, right_spans)
    # autojunk=False: the heuristic treats any item making up over 1% of a sequence of 200+
    # items as junk. It never fires on one sentence, but on a long merged pair it would ignore
    # "the" and "of" and report spurious changes; being explicit keeps results stable.
    matcher = SequenceMatcher(None, [t[0] for t in a], [t[0] for t in b], autojunk=False)
    left: list[Span] = []
    right: list[Span] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        left.extend(_spans(a, i1, i2))
        right.extend(_spans(b, j1, j2))
    return tuple(left), tuple(right)
