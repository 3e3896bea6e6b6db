"""Word tokens, function words and a crude stemmer, shared by every stage that compares words.

One definition keeps the aligner, the diff and the corpus screen in agreement on what a word is.
"""

from __future__ import annotations

import re

from compare_tui.core.lexicon import FUNCTION_WORDS

#: A number (digits with inner separators, "2,000", "1.5") or a run of letters with inner
#: apostrophes ("army’s"): the units the aligner scores and the diff marks.
WORD = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+(?:['’‘][^\W\d_]+)*")
#: The numbers among WORD's tokens (WORD takes a digit run as a whole token).
NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_SUFFIX = re.compile(r"(?:ing|ed|es|s|ly)$")
#: Function words (one home: ``lexicon.FUNCTION_WORDS``).
STOP_WORDS = FUNCTION_WORDS


def content_stems(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """(start, end, stem) of every word of ``text[start:end]``; the stem is "" for a function
    word or a number, so callers keep positions but compare only content words."""
    out = []
    for m in WORD.finditer(text, start, end):
        token = m.group().lower()
        out.append((m.start(), m.end(), "" if token[0].isdigit() else stem(token)))
    return out


def stem(token: str) -> str:
    """A lowercased token's stem, or "" for a function word.

    Crude suffix stripping is enough for clashes/clashed, killed/killing, fighters/fighter;
    cutting at seven letters folds most remaining inflections together.
    """
    if token in STOP_WORDS:
        return ""
    base = token[:-2] if token.endswith(("'s", "’s")) else token
    if len(base) > 4:
        base = _SUFFIX.sub("", base)
    return base[:7]
