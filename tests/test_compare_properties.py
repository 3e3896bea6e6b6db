"""Invariants of the whole engine on arbitrary input, checked through the JSON every view reads."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from compare_tui.core.compare import build_document, compare_documents
from compare_tui.core.load import clean_text
from compare_tui.core.models import Source
from compare_tui.report.json import to_json

from .conftest import assert_pair_shape

#: Words that exercise every stage: figures, vague quantities, bounds, attribution, furniture.
NEWS_WORDS = [
    "10",
    "2,000",
    "1.5",
    "million",
    "Ten",
    "three",
    "dozens",
    "several",
    "at least",
    "around",
    "an estimated",
    "killed",
    "wounded",
    "soldiers",
    "separatist fighters",
    "said",
    "claimed",
    "according to",
    "the army",
    "U.S.",
    "Mr.",
    "Gen.",
    "p.m.",
    "$3.5",
    "12%",
    "June 14, 2025",
    "in 2015",
    "30 to 40",
    "“",
    "”",
    ".",
    ".",
    "?",
    ",",
    "\n",
    "\n\n",
    "Total Views : 21",
    "Comments are closed.",
    "© 2024 Example.",
    "by Jane Doe",
    "[bold]x[/]",
    "\x1b[2J",
]
news_text = st.lists(st.one_of(st.sampled_from(NEWS_WORDS), st.text(max_size=12)), max_size=60).map(
    " ".join
)
any_text = st.one_of(st.text(max_size=400), news_text)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(any_text, any_text)
def test_every_comparison_keeps_its_invariants(left_raw: str, right_raw: str) -> None:
    docs = [
        build_document(clean_text(raw), Source(path=name))
        for raw, name in ((left_raw, "l.txt"), (right_raw, "r.txt"))
    ]
    data = json.loads(to_json(compare_documents(docs[0], docs[1])))

    for doc in data["documents"]:
        text, previous_end = doc["text"], 0
        assert "\x1b" not in text
        for s in doc["sentences"]:
            assert previous_end <= s["start"] < s["end"] <= len(text)
            previous_end = s["end"]

    seen: list[list[int]] = [[], []]
    for a in data["alignments"]:
        assert 0.0 <= a["score"] <= 1.0
        assert (a["kind"] == "left_only") == (not a["right"])
        assert (a["kind"] == "right_only") == (not a["left"])
        seen[0] += a["left"]
        seen[1] += a["right"]
        for side, changes in ((0, a["left_changes"]), (1, a["right_changes"])):
            sentences = data["documents"][side]["sentences"]
            held = [sentences[i] for i in a["left" if side == 0 else "right"]]
            for start, end in changes:
                assert any(s["start"] <= start < end <= s["end"] for s in held)
    for side in (0, 1):
        assert sorted(seen[side]) == list(range(len(data["documents"][side]["sentences"])))

    for side, figures in enumerate(data["figures"]):
        text = data["documents"][side]["text"]
        for f in figures:
            assert text[f["start"] : f["end"]] == f["text"]
            assert 0 <= f["sentence"] < len(data["documents"][side]["sentences"])
            if f["low"] is not None and f["high"] is not None:
                assert f["low"] <= f["high"]

    for p in data["figure_pairs"]:
        assert p["status"] in {"agree", "conflict"} and p["why"]
        for side, key in ((0, "left"), (1, "right")):
            assert 0 <= p[key] < len(data["figures"][side])
    assert_pair_shape([(p["left"], p["right"], p["status"]) for p in data["figure_pairs"]])
