"""Pairing figures across two articles: same thing counted, agree or conflict, and why."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from compare_tui.core.compare import build_document
from compare_tui.core.figure_table import value_text
from compare_tui.core.figures import extract_figures
from compare_tui.core.figures.features import compatible
from compare_tui.core.figures.frames import Frame, frames, heads_clash, same_head
from compare_tui.core.figures.pairing import pair_figures
from compare_tui.core.lexicon import HEAD, HEAD_CLASSES, SOURCE_ROLES
from compare_tui.core.load import load_path
from compare_tui.core.models import Document, Figure, FigurePair, PairStatus, Source

from .conftest import assert_pair_shape

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

Pairs = list[tuple[Figure, Figure, FigurePair]]


def doc_of(text: str) -> Document:
    return build_document(text, Source(path="t.txt"))


def seed(prefix: str) -> Document:
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    loaded = load_path(path)
    return build_document(loaded.text, loaded.source)


def paired(left: Document, right: Document) -> Pairs:
    figs = extract_figures(left), extract_figures(right)
    pairs = pair_figures(left, right, figs, ())
    return [(figs[0][p.left], figs[1][p.right], p) for p in pairs]


def find(pairs: Pairs, left_text: str, right_text: str) -> FigurePair:
    found = [p for a, b, p in pairs if a.text == left_text and b.text == right_text]
    assert len(found) == 1, [(a.text, b.text) for a, b, _ in pairs]
    return found[0]


def test_000_vs_004_rewrites_agree_everywhere() -> None:
    pairs = paired(seed("000"), seed("004"))
    assert [p.why for _, _, p in pairs if p.status is PairStatus.CONFLICT] == []
    ten = [p for a, b, p in pairs if a.counted == "separatist fighters" and b.text == "10"]
    assert [p.status for p in ten] == [PairStatus.AGREE]
    assert find(pairs, "an estimated 2,000", "around 2,000").status is PairStatus.AGREE
    vehicles = [p for a, b, p in pairs if a.text == "30" and b.text == "30"]
    assert [p.status for p in vehicles] == [PairStatus.AGREE]
    assert find(pairs, "2015", "2015").status is PairStatus.AGREE


def test_000_vs_001_ten_and_trucks_agree() -> None:
    pairs = paired(seed("000"), seed("001"))
    ten = find(pairs, "10", "Ten")
    assert ten.status is PairStatus.AGREE and ten.why == "both 10"
    trucks = [p for a, b, p in pairs if a.counted == b.counted == "trucks"]
    assert [p.status for p in trucks] == [PairStatus.AGREE]
    assert find(pairs, "30", "around 30").why == "30 vs about 30"


def test_000_vs_001_several_against_dozens_is_a_conflict() -> None:
    pairs = paired(seed("000"), seed("001"))
    (pair,) = [p for a, b, p in pairs if b.text == "several" and b.counted == "Malian soldiers"]
    assert pair.status is PairStatus.CONFLICT
    assert "several (3-9)" in pair.why and "dozens (24 or more)" in pair.why


def test_000_vs_002_three_against_seven_is_a_conflict() -> None:
    pairs = paired(seed("000"), seed("002"))
    pair = find(pairs, "three", "seven")
    assert pair.status is PairStatus.CONFLICT
    assert pair.why.startswith("3 vs 7") and "killed" in pair.why
    # The army's "10 separatists" is not the separatists' own toll of seven.
    assert not [p for a, b, p in pairs if a.text == "10" and b.text == "seven"]


def test_different_people_do_not_pair() -> None:
    left = doc_of("Ten separatists were killed, the army said.")
    right = doc_of("The separatists said they killed dozens of Malian soldiers.")
    assert paired(left, right) == []


def test_wounded_does_not_pair_with_killed() -> None:
    left = doc_of("Five soldiers were killed in the attack.")
    right = doc_of("Eight soldiers were wounded in the attack.")
    assert paired(left, right) == []


def test_synonyms_and_lemmas_pair() -> None:
    left = doc_of("Police said 12 militants died in the raid.")
    right = doc_of("Twelve gunmen were killed in the raid, police said.")
    ((_, _, pair),) = paired(left, right)
    assert (pair.status, pair.why) == (PairStatus.AGREE, "both 12")


def test_conflicting_money_in_same_context() -> None:
    left = doc_of("The new bridge over the river will cost $3.5 million, the mayor said.")
    right = doc_of("The new bridge over the river will cost $5 million, the mayor said.")
    ((_, _, pair),) = paired(left, right)
    assert pair.status is PairStatus.CONFLICT
    assert pair.why.startswith("$3.5 million vs $5 million")


def test_unrelated_years_stay_apart() -> None:
    left = doc_of("The junta took power in a 2020 coup.")
    right = doc_of("The football league was founded in 1998 by local clubs.")
    assert paired(left, right) == []


def test_pairs_keep_their_shape_on_seeds() -> None:
    docs = [seed(p) for p in ("000", "001", "002", "003", "004")]
    for left in docs:
        for right in docs:
            figs = extract_figures(left), extract_figures(right)
            pairs = pair_figures(left, right, figs, ())
            assert_pair_shape([(p.left, p.right, str(p.status)) for p in pairs])
            for p in pairs:
                assert 0 <= p.left < len(figs[0]) and 0 <= p.right < len(figs[1])


def frame_of(text: str) -> Frame:
    doc = doc_of(text)
    (frame,) = frames(doc, extract_figures(doc))
    return frame


@pytest.mark.parametrize(
    ("left", "right", "agree"),
    [
        ("10 people came.", "Ten people came.", True),
        ("About 30 people came.", "28 people came.", True),
        # "about 30" covers the rounding unit of its last digit: 25-35, the edge excluded.
        ("About 30 people came.", "32 people came.", True),
        ("About 20,000 people came.", "25,000 people came.", False),
        ("About 24,000 people live there.", "22,500 people live there.", False),
        # A last digit of 5 rounds to fives: "about 2,500" covers 2,250-2,750.
        ("About 2,500 people came.", "2,440 people came.", True),
        ("Several people came.", "Dozens of people came.", False),
        ("At least 15 people came.", "Dozens of people came.", True),
        # Two running counts confirmed so far differ; a bound against its own value is precision.
        ("At least 370 people died.", "At least 377 people died.", False),
        ("More than 1,200 flights were late.", "1,200 flights were late.", True),
        ("More than 100,000 people took part.", "Up to 100,000 people took part.", False),
        ("Three people came.", "Seven people came.", False),
        ("Up to 30 people came.", "12 people came.", True),
        ("It flew 48,000 feet high.", "It flew 14,630 metres high.", True),
        # Round floors are only floors; an exact one is a confirmed count.
        ("At least 100 people were hurt.", "More than 125 people were hurt.", True),
        # "nearly 13%" is said of 12%: one rounding unit short.
        ("Nearly 13% of them left.", "12% of them left.", True),
        ("Nearly 13% of them left.", "11% of them left.", False),
        # A clock time to the minute holds its seconds.
        ("It struck at 4:43 p.m. on Friday.", "It struck at 4:43:13 p.m. on Friday.", True),
        ("It struck at 4:44 p.m. on Friday.", "It struck at 4:43:13 p.m. on Friday.", False),
        # Unit conversions round in floating point: 8 pounds is the edge of "nearly 9-pound".
        ("A nearly 9-pound part fell.", "An 8-pound part fell.", True),
    ],
)
def test_values_compatible_as_news_copy_means_them(left: str, right: str, agree: bool) -> None:
    a, b = frame_of(left), frame_of(right)
    assert compatible(a, b) is agree
    assert compatible(b, a) is agree


_SENTENCES = st.sampled_from(
    [
        "Ten separatist fighters were killed, the army said.",
        "The separatists said they killed dozens of Malian soldiers.",
        "Several soldiers were wounded.",
        "At least 15 fighters were arrested in 2023.",
        "The deal signed in 2015 collapsed.",
        "Around 2,000 mercenaries remain, according to officials.",
        "It cost $3 million over two days.",
        "Seven gunmen died and 12 were wounded.",
    ]
)


@settings(max_examples=100, deadline=None)
@given(st.lists(_SENTENCES, max_size=8), st.lists(_SENTENCES, max_size=8))
def test_pairing_invariants(left_parts: list[str], right_parts: list[str]) -> None:
    left, right = doc_of("\n\n".join(left_parts)), doc_of("\n\n".join(right_parts))
    figs = extract_figures(left), extract_figures(right)
    pairs = pair_figures(left, right, figs, ())
    assert_pair_shape([(p.left, p.right, str(p.status)) for p in pairs])
    for p in pairs:
        a, b = figs[0][p.left], figs[1][p.right]
        assert a.kind == b.kind
        assert p.why


def test_rival_sources_never_conflict() -> None:
    """Police and organisers give different crowd sizes by design: not the outlets' conflict."""
    left = doc_of("About 20,000 people joined the march, police said.")
    right = doc_of("Organisers said 100,000 people joined the march.")
    assert paired(left, right) == []


def test_same_source_different_numbers_conflict() -> None:
    left = doc_of("About 20,000 people joined the march, police said.")
    right = doc_of("Police said 30,000 people joined the march.")
    ((_, _, pair),) = paired(left, right)
    assert pair.status is PairStatus.CONFLICT
    assert pair.why == "about 20,000 vs 30,000 people"


def test_a_death_toll_pairs_with_people_killed() -> None:
    left = doc_of("At least 42 people were killed in the floods.")
    right = doc_of("The death toll from the floods in the south rose to 57 on Wednesday.")
    ((_, _, pair),) = paired(left, right)
    assert (pair.status, pair.why) == (PairStatus.AGREE, "42 or more vs 57")
    deaths = doc_of("The floods caused 57 deaths in the south.")
    ((_, _, pair),) = paired(left, deaths)
    assert pair.status is PairStatus.AGREE


def test_a_count_with_an_event_does_not_conflict_with_one_without() -> None:
    left = doc_of("Rescuers found 146 people near the wreck.")
    right = doc_of("Officials said 30 people were missing near the wreck.")
    assert paired(left, right) == []


def test_percentage_points_do_not_pair_with_percent() -> None:
    left = doc_of("The tax on bank profits will rise by 2 percentage points.")
    right = doc_of("The tax on bank profits will rise by 2%.")
    assert paired(left, right) == []


def test_money_written_differently_agrees() -> None:
    left = doc_of("The government approved a $3.5 billion rescue plan for factories.")
    right = doc_of("The government approved a rescue plan worth 3.5bn dollars for factories.")
    ((_, _, pair),) = paired(left, right)
    assert (pair.status, pair.why) == (PairStatus.AGREE, "both $3.5 billion")


def test_fractions_and_percents_compare() -> None:
    left = doc_of("A quarter of the money will go to small firms, the minister said.")
    right = doc_of("The minister said 25 percent of the money will go to small firms.")
    ((_, _, pair),) = paired(left, right)
    assert (pair.status, pair.why) == (PairStatus.AGREE, "both 25%")


def test_the_same_full_date_pairs_in_different_words() -> None:
    left = doc_of("The ferry sank on March 3, 2024, officials said.")
    right = doc_of("Officials confirmed the accident happened on 3 March 2024.")
    ((_, _, pair),) = paired(left, right)
    assert (pair.status, pair.why) == (PairStatus.AGREE, "March 3, 2024 = 3 March 2024")


def test_amounts_pair_only_in_the_same_currency() -> None:
    swiss = doc_of("The regulator fined the bank 20 million Swiss francs on Monday.")
    bare = doc_of("The regulator fined the bank 20 million francs on Monday.")
    cfa = doc_of("The regulator fined the bank 20 million CFA francs on Monday.")
    assert paired(swiss, bare) == []
    assert paired(swiss, cfa) == []
    assert paired(bare, cfa) == []
    ((a, b, pair),) = paired(cfa, doc_of("On Monday the bank was fined 20 million CFA francs."))
    assert (a.unit, b.unit, pair.status) == ("XOF", "XOF", PairStatus.AGREE)
    ((a, b, pair),) = paired(bare, doc_of("The regulator fined the bank 25 million francs."))
    assert (a.unit, b.unit, pair.status) == ("franc", "franc", PairStatus.CONFLICT)


def test_why_prints_values_as_the_figure_table_does() -> None:
    """One formatter: the values in a pair's explanation are the values its row's cells show."""
    for one, other in (("000", "001"), ("000", "002"), ("000", "004")):
        for a, b, pair in paired(seed(one), seed(other)):
            assert value_text(a) in pair.why and value_text(b) in pair.why, pair.why
    left = doc_of("A handful of villagers were rescued from the river, the mayor said.")
    right = doc_of("The mayor said dozens of villagers were rescued from the river.")
    ((a, b, pair),) = paired(left, right)
    assert pair.why == "a handful of (2-6) vs dozens (24 or more) villagers rescued"
    assert (value_text(a), value_text(b)) == ("2-6", "24 or more")


def test_general_noun_classes_of_the_lexicon() -> None:
    """Classes outside conflict reporting: people, homes, jobs, patients."""
    same = [
        ("Rescuers evacuated 300 residents from the valley.", "Rescuers evacuated 300 civilians "
         "from the valley."),
        ("The storm damaged 600 homes along the coast.", "Along the coast, 600 buildings were "
         "damaged by the storm."),
        ("The carmaker will cut 2,400 jobs at its plants.", "The carmaker will lay off 2,400 "
         "workers at its plants."),
        ("Hospitals in the city treated 40 patients after the blast.", "After the blast, 40 "
         "people were injured in the city."),
    ]  # fmt: skip
    for one, other in same:
        ((_, _, pair),) = paired(doc_of(one), doc_of(other))
        assert pair.status is PairStatus.AGREE, (one, other)
    left = doc_of("The storm damaged 600 homes along the coast, officials said.")
    right = doc_of("Officials said the storm damaged 450 houses along the coast.")
    ((_, _, pair),) = paired(left, right)
    assert (pair.status, pair.why) == (PairStatus.CONFLICT, "600 vs 450 houses damaged")
    # Different classes never pair, whatever the numbers.
    jobs = doc_of("The carmaker will cut 2,400 jobs at its plants.")
    homes = doc_of("The carmaker will build 2,400 homes near its plants.")
    assert paired(jobs, homes) == []


def test_lexicon_classes_are_disjoint_and_roles_known() -> None:
    words = [w for ws in HEAD_CLASSES.values() for w in ws.split()]
    assert len(words) == len(set(words))
    assert HEAD["contractor"] == "mercenary" and HEAD["member"] == "fighter"
    assert HEAD["resident"] == HEAD["civilian"] == "person"
    assert HEAD["house"] == HEAD["building"] == "home"
    assert HEAD["worker"] == HEAD["employee"] == "job"
    assert {SOURCE_ROLES["junta"], SOURCE_ROLES["union"], SOURCE_ROLES["rebel"]} == {
        "authority",
        "organiser",
        "insurgent",
    }


@settings(max_examples=60, deadline=None)
@given(st.lists(_SENTENCES, max_size=6), st.lists(_SENTENCES, max_size=6))
def test_verdicts_do_not_depend_on_argument_order(
    left_parts: list[str], right_parts: list[str]
) -> None:
    """Features are symmetric, so a pair found both ways has one verdict, and the conflicts
    found one way are the conflicts found the other way (as spans of text)."""
    left, right = doc_of("\n\n".join(left_parts)), doc_of("\n\n".join(right_parts))
    figs = extract_figures(left), extract_figures(right)
    forward = {
        (figs[0][p.left].start, figs[1][p.right].start): p.status
        for p in pair_figures(left, right, figs, ())
    }
    backward = {
        (figs[0][p.right].start, figs[1][p.left].start): p.status
        for p in pair_figures(right, left, (figs[1], figs[0]), ())
    }
    for spans in forward.keys() & backward.keys():
        assert forward[spans] is backward[spans]
    conflicts = {s for s, v in forward.items() if v is PairStatus.CONFLICT}
    assert conflicts == {s for s, v in backward.items() if v is PairStatus.CONFLICT}


def test_figures_in_a_list_of_other_stories_never_pair() -> None:
    """An "ALSO:" list of other headlines is page furniture: its "kill 11" is another story's."""
    left = doc_of(
        "Pakistan votes\n\nVoting began on Saturday in 40 districts.\n\n"
        "ALSO:\n\nBomb blasts at campaign offices in northwest Pakistan kill 11"
    )
    right = doc_of(
        "Pakistan votes\n\nBomb blasts at campaign offices killed 11 people, police said."
    )
    assert all(figs.text != "11" for figs in extract_figures(left))
    assert paired(left, right) == []


def frames_of(text: str) -> list[Frame]:
    doc = doc_of(text)
    return frames(doc, extract_figures(doc))


def test_frame_lead_and_only_mark_a_report_s_first_figure_of_a_story() -> None:
    toll, earlier, hurt = frames_of(
        "The prosecutor raised the death toll to 305. The earlier death toll of 235 was revised. "
        "More than 125 people were injured."
    )
    assert (toll.lead, toll.only) == (True, False)
    assert (earlier.lead, earlier.only) == (False, False)
    assert (hurt.lead, hurt.only) == (True, True)
    # A count with no event opens no story: "37 states" may be any states.
    (states,) = frames_of("Obesity rose in 37 states.")
    assert (states.lead, states.only) == (False, False)


def test_frame_restates_a_conversion_in_parentheses() -> None:
    acres, hectares = frames_of("The fire burned more than 111,000 acres (45,000 hectares).")
    assert (acres.restates, hectares.restates) == (False, True)
    # A conversion pairs only with a figure written in its own unit.
    left = doc_of("The fire burned more than 111,000 acres (45,000 hectares) by Sunday.")
    right = doc_of("The fire has burned 117,000 acres, officials said.")
    assert [(a.text, b.text) for a, b, _ in paired(left, right)] == [
        ("more than 111,000 acres", "117,000 acres")
    ]


def test_people_named_by_no_noun_may_be_any_kind_of_people() -> None:
    (rescued,) = frames_of("Eight were rescued on Sunday.")
    (boys,) = frames_of("Eight boys left the cave.")
    (trucks,) = frames_of("Eight trucks left the base.")
    (people,) = frames_of("Eight people were rescued on Sunday.")
    (soldiers,) = frames_of("Eight soldiers left the base.")
    assert rescued.anyone and not people.anyone
    assert not heads_clash(rescued, boys)
    assert heads_clash(rescued, trucks)
    assert heads_clash(people, soldiers)  # "people" said outright is not "soldiers"


def test_a_compound_read_both_ways_is_one_head() -> None:
    (a,) = frames_of("A few more test flights are planned.")
    (b,) = frames_of("A handful of similar powered flight tests is planned.")
    assert same_head(a, b) and same_head(b, a)


def test_values_far_apart_are_two_quantities_not_a_conflict() -> None:
    left = doc_of("Nearly 7,200 structures have been destroyed by the fire.")
    right = doc_of("The blaze destroyed 435 structures, officials said.")
    assert all(p.status is not PairStatus.CONFLICT for _, _, p in paired(left, right))
