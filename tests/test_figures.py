"""The figure grammar: values, kinds, what is counted, what happened and who says so."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from compare_tui.core.compare import build_document
from compare_tui.core.figures import extract_figures
from compare_tui.core.load import load_path
from compare_tui.core.models import Figure, FigureKind, Source

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def figures_of(text: str) -> tuple[Figure, ...]:
    return extract_figures(build_document(text, Source(path="test.txt")))


def seed(prefix: str) -> tuple[Figure, ...]:
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    loaded = load_path(path)
    return extract_figures(build_document(loaded.text, loaded.source))


def only(text: str, fragment: str) -> Figure:
    """The one figure whose text contains ``fragment``."""
    found = [f for f in figures_of(text) if fragment in f.text]
    assert len(found) == 1, [f.text for f in figures_of(text)]
    return found[0]


@pytest.mark.parametrize(
    ("text", "fragment", "low", "high", "approx", "kind"),
    [
        ("Officials counted 10 bodies.", "10", 10, 10, False, FigureKind.COUNT),
        ("The town has 2,000 residents.", "2,000", 2000, 2000, False, FigureKind.COUNT),
        ("About 1.5 million people voted.", "1.5 million", 1.5e6, 1.5e6, True, FigureKind.COUNT),
        ("Ten soldiers died.", "Ten", 10, 10, False, FigureKind.COUNT),
        ("Twenty-five villagers fled.", "Twenty-five", 25, 25, False, FigureKind.COUNT),
        (
            "They took two hundred and fifty goats.",
            "two hundred",
            250,
            250,
            False,
            FigureKind.COUNT,
        ),
        ("Several houses burned.", "Several", 3, 9, True, FigureKind.COUNT),
        ("A few reporters stayed.", "A few", 2, 5, True, FigureKind.COUNT),
        ("Dozens of protesters were arrested.", "Dozens", 24, None, True, FigureKind.COUNT),
        ("Hundreds of families left.", "Hundreds", 200, None, True, FigureKind.COUNT),
        ("A handful of guards resisted.", "handful", 2, 6, True, FigureKind.COUNT),
        ("Scores of cattle drowned.", "Scores", 40, None, True, FigureKind.COUNT),
        ("About a dozen boats sank.", "a dozen", 12, 12, True, FigureKind.COUNT),
        ("At least 15 miners are trapped.", "At least 15", 15, None, False, FigureKind.COUNT),
        ("More than 40 shops closed.", "More than 40", 40, None, False, FigureKind.COUNT),
        ("Up to 300 workers may lose jobs.", "Up to 300", None, 300, False, FigureKind.COUNT),
        ("Fewer than 50 voters came.", "Fewer than 50", None, 50, False, FigureKind.COUNT),
        ("Nearly 2,000 tents were set up.", "Nearly 2,000", 1900, 2000, True, FigureKind.COUNT),
        ("Between 30 and 40 boats left.", "Between 30 and 40", 30, 40, False, FigureKind.COUNT),
        ("They saw 30-40 boats.", "30-40", 30, 40, False, FigureKind.COUNT),
        ("They saw 30 to 40 boats.", "30 to 40", 30, 40, False, FigureKind.COUNT),
        ("Prices rose 12% last month.", "12%", 12, 12, False, FigureKind.PERCENT),
        ("Turnout fell 3.5 percent.", "3.5 percent", 3.5, 3.5, False, FigureKind.PERCENT),
        ("The bridge cost $3.5 million.", "$3.5 million", 3.5e6, 3.5e6, False, FigureKind.MONEY),
        ("Tickets cost €20 each.", "€20", 20, 20, False, FigureKind.MONEY),
        ("He paid 5 million dollars.", "5 million dollars", 5e6, 5e6, False, FigureKind.MONEY),
        ("The jet flew at 48,000 feet.", "48,000 feet", 48000, 48000, False, FigureKind.MEASURE),
        ("The talks lasted two days.", "two days", 2, 2, False, FigureKind.DURATION),
        ("It was a two-day summit.", "two-day", 2, 2, False, FigureKind.DURATION),
        (
            "He served for over three years.",
            "over three years",
            3,
            None,
            False,
            FigureKind.DURATION,
        ),
        ("The law passed in 2023.", "2023", 2023, 2023, False, FigureKind.YEAR),
        ("A 2015 peace deal collapsed.", "2015", 2015, 2015, False, FigureKind.YEAR),
        (
            "It happened on June 14, 2025.",
            "June 14, 2025",
            20250614,
            20250614,
            False,
            FigureKind.DATE,
        ),
        (
            "It happened on 3 March 2024.",
            "3 March 2024",
            20240303,
            20240303,
            False,
            FigureKind.DATE,
        ),
        ("The curfew starts at 5 p.m. daily.", "5 p.m.", 17, 17, False, FigureKind.TIME),
        ("The vote closed at 10:30 sharp.", "10:30", 10.5, 10.5, False, FigureKind.TIME),
        ("It was the third attack.", "third", 3, 3, False, FigureKind.ORDINAL),
        ("She finished 2nd overall.", "2nd", 2, 2, False, FigureKind.ORDINAL),
        # Beyond the seeds: money, fractions, ratios, shared multipliers, clock times.
        ("The plan is worth 3.5bn dollars.", "3.5bn", 3.5e9, 3.5e9, False, FigureKind.MONEY),
        ("Aid of 5m euros arrived.", "5m", 5e6, 5e6, False, FigureKind.MONEY),
        ("It will cost €20 to €40 million.", "€20", 2e7, 4e7, False, FigureKind.MONEY),
        ("Between 1 and 2 million people voted.", "Between", 1e6, 2e6, False, FigureKind.COUNT),
        ("Half of the voters stayed home.", "Half", 50, 50, False, FigureKind.PERCENT),
        (
            "Two-thirds of the staff quit.",
            "Two-thirds",
            200 / 3,
            200 / 3,
            False,
            FigureKind.PERCENT,
        ),
        ("Nearly half of the crops failed.", "half", 47.5, 50, True, FigureKind.PERCENT),
        ("One in five children is underweight.", "One in five", 20, 20, False, FigureKind.PERCENT),
        (
            "A quarter of a million people fled.",
            "quarter",
            250_000,
            250_000,
            False,
            FigureKind.COUNT,
        ),
        ("Between 30 and 40% voted.", "Between", 30, 40, False, FigureKind.PERCENT),
        ("The ship left at 9.30am.", "9.30am", 9.5, 9.5, False, FigureKind.TIME),
        ("It sank at around 3pm.", "around 3pm", 15, 15, True, FigureKind.TIME),
        ("It took under six hours.", "under six hours", None, 6, False, FigureKind.DURATION),
        ("Rain reached 250 millimetres.", "250", 250, 250, False, FigureKind.MEASURE),
    ],
)
def test_values_and_kinds(
    text: str,
    fragment: str,
    low: float | None,
    high: float | None,
    approx: bool,
    kind: FigureKind,
) -> None:
    fig = only(text, fragment)
    assert (fig.low, fig.high, fig.approx, fig.kind) == (low, high, approx, kind)
    assert fig.text.startswith(fragment) or fragment in fig.text


def test_a_range_does_not_join_a_number_with_another_unit() -> None:
    """ "paid €20 to 40% of the staff" is €20, then 40%: never a money range €20-40."""
    figs = figures_of("They paid €20 to 40% of the staff.")
    assert [(f.text, f.low, f.high, f.kind, f.unit) for f in figs] == [
        ("€20", 20, 20, FigureKind.MONEY, "EUR"),
        ("40%", 40, 40, FigureKind.PERCENT, "%"),
    ]
    (fee,) = figures_of("The fee is $5 to 10 km away.")[:1]
    assert (fee.text, fee.high) == ("$5", 5)


def test_percentage_points_are_their_own_unit() -> None:
    assert only("The rate rose 2 percentage points.", "2").unit == "pp"
    assert only("The rate rose 2 percent.", "2").unit == "%"


def test_full_month_names_do_not_take_the_full_stop() -> None:
    assert only("The strike is set for 14 March.", "14").text == "14 March"
    assert only("It began on Mar. 3 in the north.", "Mar").text == "Mar. 3"


def test_money_and_percent_units() -> None:
    assert only("It cost $3.5 million.", "$").unit == "USD"
    assert only("It cost €20.", "€").unit == "EUR"
    assert only("Up 12%.", "12").unit == "%"
    assert only("A 48,000-foot climb.", "48,000").unit == "foot"


@pytest.mark.parametrize(
    "text",
    [
        "The fighting resumed on Friday.",
        "At one point the road was closed.",
        "At first nobody answered.",
        "First, the convoy stopped.",
        "Many people were there and numerous shops shut.",
        "The F-16 and the 3G network.",
        "No one was hurt, one of the guards said.",
        "Half an hour later the road reopened.",
    ],
)
def test_not_figures(text: str) -> None:
    assert figures_of(text) == ()


def test_one_counts_when_it_introduces_a_noun() -> None:
    fig = only("They took one military pickup truck.", "one")
    assert fig.counted == "military pickup truck"


@pytest.mark.parametrize(
    ("text", "fragment", "counted", "event"),
    [
        (
            "Rebels said seven separatist gunmen were killed.",
            "seven",
            "separatist gunmen",
            "killed",
        ),
        (
            "The army confirmed the deaths of 10 separatist fighters.",
            "10",
            "separatist fighters",
            "killed",
        ),
        ("He confirmed the death of three of their fighters.", "three", "fighters", "killed"),
        (
            "They claimed responsibility for killing dozens of Malian soldiers.",
            "dozens",
            "Malian soldiers",
            "killed",
        ),
        ("The group had seized 12 trucks loaded with food.", "12", "trucks", "seized"),
        ("We recovered 12 trucks.", "12", "trucks", "seized"),
        (
            "Police arrested at least 15 fighters from the Wagner group.",
            "15",
            "fighters from the Wagner group",
            "arrested",
        ),
        ("Thousands of people have been displaced.", "Thousands", "people", "displaced"),
        ("The storm injured 40 tourists.", "40", "tourists", "injured"),
        ("The death toll rose to 52.", "52", "death toll", "killed"),
        ("A convoy of 30 vehicles arrived.", "30", "vehicles", None),
        ("Twelve people are still missing.", "Twelve", "people", "missing"),
        ("Forty climbers remained missing on Sunday.", "Forty", "climbers", "missing"),
        ("Dozens feared dead after the blast.", "Dozens", None, "killed"),
        ("Nine houses were damaged.", "Nine", "houses", "damaged"),
        ("About 100,000 marched through the city.", "100,000", None, None),
        (
            "The death toll from the earthquake in the mountainous north has risen to 57.",
            "57",
            None,
            "killed",
        ),
    ],
)
def test_counted_and_event(
    text: str, fragment: str, counted: str | None, event: str | None
) -> None:
    fig = only(text, fragment)
    assert (fig.counted, fig.event) == (counted, event)


def test_elliptical_count_with_more_takes_the_earlier_noun() -> None:
    text = "Some 1,200 people were displaced, according to the agency, and hundreds more were hurt."
    figs = figures_of(text)
    assert [(f.low, f.counted, f.event) for f in figs] == [
        (1200, "people", "displaced"),
        (200, "people", "injured"),
    ]


def test_elliptical_count_inherits_what_is_counted() -> None:
    figs = figures_of("Seven separatist gunmen were killed and 12 were wounded.")
    assert [(f.low, f.counted, f.event) for f in figs] == [
        (7, "separatist gunmen", "killed"),
        (12, "separatist gunmen", "wounded"),
    ]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Ten rebels died, according to a statement by the Malian army.", "the Malian army"),
        ("Ten rebels died, the Malian army said.", "the Malian army"),
        ("The separatists claimed they killed 40 soldiers.", "The separatists"),
        ("According to U.S. officials, there are 2,000 mercenaries.", "U.S. officials"),
        ("U.S. officials estimate that 2,000 mercenaries remain.", "U.S. officials"),
        (
            "Mohamed Maouloud Ramadan, the spokesperson for the Azawad separatists, confirmed"
            " the death of three fighters.",
            "Azawad separatists’ spokesperson",
        ),
        (
            "“We lost 3 men,” said Jane Doe, a spokeswoman for the Red Cross.",
            "Red Cross’s spokeswoman",
        ),
        ("About 20,000 people took part, police said.", "police"),
        ("Police put the crowd at 25,000 people.", "Police"),
        ("The ministry said on Friday that 12 officers were hurt.", "The ministry"),
    ],
)
def test_source(text: str, source: str) -> None:
    (fig,) = [f for f in figures_of(text) if f.kind is FigureKind.COUNT]
    assert fig.source == source


def test_a_participle_is_not_an_attribution() -> None:
    (fig,) = figures_of("Rescue teams searched for 15 people reported missing in the town.")
    assert (fig.counted, fig.event, fig.source) == ("people", "missing", None)


def test_each_clause_may_name_its_own_source() -> None:
    figs = figures_of(
        "Police said 20,000 people marched, while organisers put the figure at 100,000."
    )
    assert [(f.low, f.source) for f in figs] == [(20_000, "Police"), (100_000, "organisers")]


def test_source_is_carried_within_a_paragraph_and_resolves_pronouns() -> None:
    text = (
        "The separatists said the battle was over. They also listed 12 trucks taken.\n\n"
        "In a statement, the army said it held the town. He added that 40 men deserted."
    )
    figs = figures_of(text)
    assert [f.source for f in figs] == ["The separatists", "the army"]


def test_seed_000_figures() -> None:
    figs = seed("000")
    by_text = {(f.text, f.counted): f for f in figs}
    ten = by_text[("10", "separatist fighters")]
    assert (ten.event, ten.source) == ("killed", "the Malian army")
    estimated = by_text[("an estimated 2,000", "Russian mercenaries")]
    assert (estimated.low, estimated.approx, estimated.source) == (2000, True, "U.S. officials")
    three = by_text[("three", "fighters")]
    assert three.event == "killed"
    assert three.source is not None and "spokesperson" in three.source
    dozens = [f for f in figs if f.text == "dozens" and f.counted == "Malian soldiers"]
    assert len(dozens) == 2
    assert all(f.low is not None and f.low >= 13 and f.event == "killed" for f in dozens)
    assert {f.kind for f in figs if f.text == "two-day"} == {FigureKind.DURATION}
    assert not any(f.text.lower() in {"thursday", "friday"} for f in figs)


def test_seed_002_bounds() -> None:
    figs = seed("002")
    (at_least,) = [f for f in figs if f.text == "at least 15"]
    assert (at_least.low, at_least.high) == (15, None)
    several = [f for f in figs if f.text == "several"]
    assert several and all((f.low, f.high) == (3, 9) for f in several)


def _check(text: str) -> None:
    doc = build_document(text, Source(path="x"))
    figs = extract_figures(doc)
    assert list(figs) == sorted(figs, key=lambda f: (f.start, f.end))
    for f in figs:
        assert f.text == doc.text[f.start : f.end]
        assert 0 <= f.sentence < len(doc.sentences)
        s = doc.sentences[f.sentence]
        assert s.start <= f.start < f.end <= s.end
        if f.low is not None and f.high is not None:
            assert f.low <= f.high


_PIECES = st.sampled_from(
    [
        "at least", "about", "dozens of", "several", "10", "2,000", "1.5 million", "ten",
        "twenty-five", "-", " to ", " and ", "between", "$", "€", "%", " percent", "June",
        "14,", "2025", "p.m.", "10:30", "first", "third", "days", "two-day", "killed",
        "soldiers", "of their", "said", "according to", ",", ".", "\n", "“", "”", " ",
        "over", "nearly", "hundred", "a dozen", "2014-15", "1990s", "3rd",
    ]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES | st.text(max_size=6), max_size=30).map(" ".join))
def test_never_raises_and_offsets_hold(text: str) -> None:
    _check(text)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_arbitrary_text(text: str) -> None:
    _check(text)


@pytest.mark.parametrize(
    ("text", "fragment", "kind", "counted"),
    [
        # A four-digit number before a plural noun counts it, whatever the noun.
        ("Police said 1500 protesters were detained.", "1500", FigureKind.COUNT, "protesters"),
        ("The chain closed 1800 stores.", "1800", FigureKind.COUNT, "stores"),
        ("Power returned to 2000 households.", "2000", FigureKind.COUNT, "households"),
        ("About 2000 Malian soldiers were deployed.", "2000", FigureKind.COUNT, "Malian soldiers"),
        ("The arrest of 1500 protesters drew criticism.", "1500", FigureKind.COUNT, "protesters"),
        ("2000 police were deployed.", "2000", FigureKind.COUNT, "police"),
        # Alone, after in/since/by, or dating its noun, it is a year.
        ("The law passed in 2015.", "2015", FigureKind.YEAR, None),
        ("The 2015 peace deal collapsed.", "2015", FigureKind.YEAR, None),
        ("Since 2012 soldiers have patrolled the town.", "2012", FigureKind.YEAR, None),
        ("In 2015 militants attacked the base.", "2015", FigureKind.YEAR, None),
        ("By 2030 emissions must halve.", "2030", FigureKind.YEAR, None),
        ("The 2019 elections were delayed.", "2019", FigureKind.YEAR, None),
        ("Exports are back to 2010 levels.", "2010", FigureKind.YEAR, None),
        ("The 2002 constitution was suspended.", "2002", FigureKind.YEAR, None),
        ("2015 was a hard year.", "2015", FigureKind.YEAR, None),
    ],
)
def test_four_digit_counts_and_years(
    text: str, fragment: str, kind: FigureKind, counted: str | None
) -> None:
    f = only(text, fragment)
    assert (f.kind, f.counted) == (kind, counted)


@pytest.mark.parametrize(
    ("text", "fragment", "low", "unit"),
    [
        # The adjective before a currency word names the currency.
        ("The bank was fined 20 million Swiss francs.", "Swiss francs", 2e7, "CHF"),
        ("Farmers were paid 5,000 CFA francs a bag.", "CFA francs", 5000, "XOF"),
        ("The fee is 300 Kenyan shillings.", "Kenyan shillings", 300, "KES"),
        ("It cost 40 million Canadian dollars.", "Canadian dollars", 4e7, "CAD"),
        ("They raised 2 million Australian dollars.", "Australian dollars", 2e6, "AUD"),
        ("Bail was set at 10,000 Hong Kong dollars.", "Hong Kong dollars", 10_000, "HKD"),
        ("The loan of 5m Swiss francs was repaid.", "5m Swiss francs", 5e6, "CHF"),
        ("Aid of 3 million US dollars arrived.", "US dollars", 3e6, "USD"),
        # With no adjective, a word many countries use stays the bare currency name.
        ("He was fined 20 million francs.", "francs", 2e7, "franc"),
        ("A bus ticket costs 500 shillings.", "shillings", 500, "shilling"),
        ("She earns 90,000 rupees a year.", "rupees", 90_000, "rupee"),
        ("He paid 5 million dollars.", "dollars", 5e6, "USD"),
    ],
)
def test_currency_words_read_their_adjective(
    text: str, fragment: str, low: float, unit: str
) -> None:
    f = only(text, fragment)
    assert (f.kind, f.low, f.unit) == (FigureKind.MONEY, low, unit)
