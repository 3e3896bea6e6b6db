"""Events on real coverage: the seeds plus every dev-set article, grouped by the event reported.

Each dev-set folder is one event written up independently by 2-4 outlets; seeds 000/001/004 are
rewrites of one story (June 2025, Kidal) and 002/003 report the July 2024 Tinzaouatene
fighting, a different battle of the same war.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from compare_tui.core.compare import build_document
from compare_tui.core.events import (
    TERM_BOOSTS,
    Event,
    article_date,
    event_mismatch,
    find_events,
)
from compare_tui.core.inputs import load_input
from compare_tui.core.models import Document, Source

ROOT = Path(__file__).resolve().parents[1]
DEV_SET = ROOT.parent / "shared" / "dev-set"
needs_dev_set = pytest.mark.skipif(not DEV_SET.is_dir(), reason="../shared/dev-set not present")
#: Two stories of one week on one policy: the issue allows them to merge.
MAY_MERGE = {"004", "005"}


def _docs(paths: list[Path]) -> list[Document]:
    return [build_document(t.text, t.source) for t in (load_input(str(p)) for p in paths)]


def _seeds() -> list[Path]:
    return sorted((ROOT / "seeds").glob("*.txt"))


def test_seeds_form_the_two_stories() -> None:
    events = find_events(_docs(_seeds()))
    assert sorted(e.articles for e in events) == [(0, 1, 4), (2, 3)]
    kidal = next(e for e in events if e.articles == (0, 1, 4))
    assert kidal.first == kidal.last == "2025-06-14"
    assert kidal.dates == "14 June 2025"
    assert any("Africa" in w or "Azawad" in w for w in kidal.words)


@pytest.fixture(scope="module")
def everything() -> tuple[list[str], tuple[Event, ...]]:
    paths = _seeds()
    labels = ["seed-kidal" if p.name[:3] in {"000", "001", "004"} else "seed-tin" for p in paths]
    for folder in sorted(DEV_SET.iterdir()):
        if folder.is_dir():
            for f in sorted(folder.glob("*.txt")):
                paths.append(f)
                labels.append(folder.name)
    return labels, find_events(_docs(paths))


@needs_dev_set
def test_every_event_of_the_dev_set_in_one_group(
    everything: tuple[list[str], tuple[Event, ...]],
) -> None:
    labels, events = everything
    assert len(labels) == 63
    assert sorted(i for e in events for i in e.articles) == list(range(63))
    for label in set(labels):
        holding = [e for e in events if any(labels[i] == label for i in e.articles)]
        assert len(holding) == 1, f"event {label} split over {len(holding)} groups"
    for e in events:
        found = {labels[i] for i in e.articles}
        assert len(found) == 1 or found == MAY_MERGE, f"different events together: {found}"


@needs_dev_set
def test_event_labels_name_what_defines_them(
    everything: tuple[list[str], tuple[Event, ...]],
) -> None:
    labels, events = everything
    by_label = {labels[e.articles[0]]: e for e in events}
    assert {"Rana", "Bangladesh"} & set(by_label["001"].words)
    assert "Everest" in by_label["009"].words
    assert "Tinzaouatene" not in by_label["seed-kidal"].words


def test_mismatch_names_both_dates() -> None:
    events = find_events(_docs(_seeds()))
    why = event_mismatch(events, 0, 2)
    assert why is not None and why.startswith("the articles may report different events: ")
    assert "14 June 2025" in why and "2024" in why
    assert event_mismatch(events, 0, 4) is None


def _doc(text: str, path: str, *, published: str | None = None) -> Document:
    return build_document(text, Source(path=path, published=published))


STORY = (
    "Floodwaters in Valdoria swept through the Marrick valley on Tuesday, killing 14 people. "
    "Governor Elsa Brandt said 2,300 residents of Marrick were moved to shelters in Tolven.\n\n"
    "Rescue crews from Tolven searched the Marrick riverbanks for 6 missing fishermen."
)


def test_same_text_is_a_duplicate_not_two_outlets() -> None:
    other = (
        "The Orbis space agency launched the Halcyon probe toward Jupiter's moon Europa, "
        "a 2.1 billion euro mission planned since 2014 by engineers in Darmstadt.\n\n"
        "Halcyon will reach Europa in 2031 after a flyby of Venus and two of Earth."
    )
    docs = [_doc(STORY, "a.txt"), _doc(STORY, "b.txt"), _doc(other, "c.txt")]
    events = find_events(docs)
    flood = next(e for e in events if 0 in e.articles)
    assert flood.articles == (0, 1)
    assert flood.duplicates == ((0, 1),)
    assert flood.outlets == 1
    assert (2,) in [e.articles for e in events]


def test_dates_far_apart_are_different_events() -> None:
    docs = [
        _doc(STORY, "a.txt", published="2025-06-14"),
        _doc(STORY + " More rain fell.", "b.txt", published="2024-07-27"),
    ]
    events = find_events(docs)
    assert sorted(e.articles for e in events) == [(0,), (1,)]
    assert event_mismatch(events, 0, 1) == (
        "the articles may report different events: 14 June 2025 vs 27 July 2024"
    )


def test_copyright_year_is_a_date() -> None:
    doc = _doc(STORY + "\n\n© 2024 The Valdoria Herald. All Rights Reserved.\n", "a.txt")
    assert article_date(doc) == (date(2024, 1, 1), date(2024, 12, 31))


def test_every_boost_has_a_reason() -> None:
    assert all(w > 0 and len(reason) > 20 for w, reason in TERM_BOOSTS.values())


WORDS = ["Marrick", "Tolven", "flood", "Brandt", "probe", "Europa", "14", "shelter", "valley"]


@settings(max_examples=25, deadline=None)
@given(st.lists(st.lists(st.sampled_from(WORDS), min_size=3, max_size=30), min_size=1, max_size=8))
def test_every_article_in_exactly_one_event(texts: list[list[str]]) -> None:
    docs = [_doc("The " + " ".join(t) + ".", f"{k}.txt") for k, t in enumerate(texts)]
    events = find_events(docs)
    assert sorted(i for e in events for i in e.articles) == list(range(len(docs)))
    assert all(list(e.articles) == sorted(e.articles) for e in events)


@needs_dev_set
def test_any_two_events_alone_together_stay_apart() -> None:
    """Small sets give the weakest word statistics: every pair of events of the seeds and the
    dev set, with nothing else, must still form exactly its two events (325 sets)."""
    by_event: dict[str, list[Document]] = {}
    for folder in sorted(DEV_SET.iterdir()):
        if folder.is_dir():
            by_event[folder.name] = _docs(sorted(folder.glob("*.txt")))
    seeds = _docs(_seeds())
    by_event["seed-kidal"] = [seeds[0], seeds[1], seeds[4]]
    by_event["seed-tin"] = [seeds[2], seeds[3]]
    names = sorted(by_event)
    for k, a in enumerate(names):
        for b in names[k + 1 :]:
            docs = by_event[a] + by_event[b]
            split = len(by_event[a])
            found = sorted(e.articles for e in find_events(docs))
            expected = [tuple(range(split)), tuple(range(split, len(docs)))]
            if {a, b} == MAY_MERGE:
                assert found in (expected, [tuple(range(len(docs)))])
            else:
                assert found == expected, f"{a} + {b}: {found}"
