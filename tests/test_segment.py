"""The segmenter: exact offsets, paragraph shapes, sentence rules, headlines and furniture."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from compare_tui.core.load import load_path
from compare_tui.core.models import SegmentKind
from compare_tui.core.segment import (
    FURNITURE_MAX,
    FURNITURE_RULES,
    Segmentation,
    furniture_rule,
    reads_as_sentence,
    segment,
)
from tests.conftest import seed

DATA = Path(__file__).parent / "data" / "segment"

#: Golden rules we deliberately do not support, with why (run as strict xfails).
UNSUPPORTED = {
    "18-a-m-p-m-boundary-and-not": (
        "'5 a.m. Mr. Smith' continues and '6 P.M. Mr. Smith' ends a sentence: the same local "
        "context; telling them apart needs a parser, and news styles write 'p.m.' mid-sentence "
        "far more often than at an end"
    ),
}


def texts(text: str, seg: Segmentation | None = None) -> list[str]:
    seg = seg or segment(text)
    return [text[s.start : s.end] for s in seg.sentences]


def kinds(text: str) -> list[tuple[str, SegmentKind]]:
    return [(text[s.start : s.end], s.kind) for s in segment(text).sentences]


def check_invariants(text: str, seg: Segmentation) -> None:
    """The contract of docs/architecture.md, checked exhaustively on one text."""
    owner = [-1] * len(text)
    last_end = 0
    for n, s in enumerate(seg.sentences):
        assert 0 <= s.start < s.end <= len(text)
        assert s.start >= last_end, "ordered and non-overlapping"
        last_end = s.end
        piece = text[s.start : s.end]
        assert piece.strip() == piece and piece, "trimmed and never empty"
        para = seg.paragraphs[s.paragraph]
        assert para.start <= s.start and s.end <= para.end
        for i in range(s.start, s.end):
            owner[i] = n
    for p, q in zip(seg.paragraphs, seg.paragraphs[1:], strict=False):
        assert p.end <= q.start
    for i, ch in enumerate(text):
        if not ch.isspace():
            assert owner[i] >= 0, f"non-space {ch!r} at {i} is in no sentence"


# ---------------------------------------------------------------------------------------------
# Golden rules
# ---------------------------------------------------------------------------------------------


def _golden() -> list[Any]:
    doc = json.loads((DATA / "golden_rules_en.json").read_text(encoding="utf-8"))
    params = []
    for rule in doc["rules"]:
        marks = []
        if rule["id"] in UNSUPPORTED:
            marks.append(pytest.mark.xfail(reason=UNSUPPORTED[rule["id"]], strict=True))
        params.append(pytest.param(rule["text"], rule["expected"], id=rule["id"], marks=marks))
    return params


def _collapse(s: str) -> str:
    return " ".join(s.split())


@pytest.mark.parametrize(("text", "expected"), _golden())
def test_golden_rule(text: str, expected: list[str]) -> None:
    # Sentences are offsets into the original, so compare with whitespace runs collapsed
    # (rule 41 expects "cold \nnight" to read "cold night").
    seg = segment(text)
    check_invariants(text, seg)
    assert [_collapse(t) for t in texts(text, seg)] == [_collapse(e) for e in expected]


def test_golden_rules_count() -> None:
    doc = json.loads((DATA / "golden_rules_en.json").read_text(encoding="utf-8"))
    assert len(doc["rules"]) == 51
    assert set(UNSUPPORTED) <= {r["id"] for r in doc["rules"]}


# ---------------------------------------------------------------------------------------------
# Sentence rules
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "U.S. and U.N. officials met Mr. Traoré and Mrs. Diallo on Friday.",
        "Dr. Keita and Gen. Goïta spoke to Lt. Col. Maïga and Col. Diarra.",
        "Sgt. Coulibaly was posted to St. Louis in Jan. and Feb. last year.",
        "The ceasefire of Sept. 3 held until 6 a.m. on Monday and broke at 4 p.m. the next day.",
        "Items such as fuel, e.g. diesel, i.e. the main supply, etc. were lost.",
        "It is Resolution No. 5 of Acme Inc. and Widgets Ltd. and Smith & Co. today.",
        "Growth of 1.5 percent cost 2,000 jobs and $3.5 million in aid.",
        "J. R. R. Tolkien met George W. Bush.",
        "The talks in Washington, D.C. on Tuesday went well.",
        "On December 6—St. Nicholas’ Day—all Moscow came to the door.",
    ],
)
def test_abbreviations_numbers_and_initials_do_not_split(sentence: str) -> None:
    assert texts(sentence) == [sentence]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He lives in the U.S. He moved in 2019.", ["He lives in the U.S.", "He moved in 2019."]),
        (
            "Talks began at 6 a.m. The army then left.",
            ["Talks began at 6 a.m.", "The army then left."],
        ),
        (
            "They traded fruit, grain, etc. The rest burned.",
            ["They traded fruit, grain, etc.", "The rest burned."],
        ),
        ("It cost $3.5 million. Officials agreed.", ["It cost $3.5 million.", "Officials agreed."]),
        ("He said it was Plan B. The plan failed.", ["He said it was Plan B.", "The plan failed."]),
    ],
)
def test_abbreviation_before_a_sentence_starter_splits(text: str, expected: list[str]) -> None:
    assert texts(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('He said "we won." Then he left.', ['He said "we won."', "Then he left."]),
        ("“We won.” Officials disagreed.", ["“We won.”", "Officials disagreed."]),
        ("Did they win?’ He did not know.", ["Did they win?’", "He did not know."]),
        ("“We won,” he said. “They lost.”", ["“We won,” he said.", "“They lost.”"]),
        ("He left (for good.) Nobody followed.", ["He left (for good.)", "Nobody followed."]),
        ("Wait… They came back.", ["Wait…", "They came back."]),
        ("Really?! Yes. Stop! Now.", ["Really?!", "Yes.", "Stop!", "Now."]),
        ("It was 12 p.m.. The end.", ["It was 12 p.m..", "The end."]),
    ],
)
def test_quotes_brackets_ellipses_and_marks(text: str, expected: list[str]) -> None:
    assert texts(text) == expected


def test_lowercase_after_period_does_not_split() -> None:
    assert texts("The 'Yahoo!' brand. and more. said he") == [
        "The 'Yahoo!' brand. and more. said he"
    ]


def test_offsets_are_exact_with_leading_whitespace_and_tabs() -> None:
    text = "\t  First one.   Second one.\t\n\n   Third one.  "
    seg = segment(text)
    assert texts(text, seg) == ["First one.", "Second one.", "Third one."]
    assert [(s.start, s.end) for s in seg.sentences] == [(3, 13), (16, 27), (33, 43)]
    assert [(p.start, p.end) for p in seg.paragraphs] == [(3, 27), (33, 43)]
    assert [s.paragraph for s in seg.sentences] == [0, 0, 1]


def test_empty_and_whitespace_only() -> None:
    assert segment("") == Segmentation((), ())
    assert segment(" \n\t\n\n  ") == Segmentation((), ())


# ---------------------------------------------------------------------------------------------
# Paragraphs
# ---------------------------------------------------------------------------------------------

WRAPPED = """\
The princess smiled. She rose with the same unchanging smile with which
she had first entered the room, the smile of a perfectly beautiful
woman. With a slight rustle of her white dress trimmed with moss
and ivy, with a gleam of white shoulders, glossy hair, and sparkling
diamonds, she passed between the men who made way for her.

“How lovely!” said everyone who saw her; and the vicomte lifted his
shoulders and dropped his eyes.
"""


def test_hard_wrapped_block_is_one_paragraph_and_sentences_span_lines() -> None:
    seg = segment(WRAPPED)
    assert len(seg.paragraphs) == 2
    got = texts(WRAPPED, seg)
    assert got[1].startswith("She rose") and got[1].endswith("beautiful\nwoman.")
    assert got[2].startswith("With a slight") and "\n" in got[2]
    assert [s.paragraph for s in seg.sentences] == [0, 0, 0, 1]
    assert all(s.kind is SegmentKind.SENTENCE for s in seg.sentences)


def test_capitalised_block_in_a_wrapped_document_is_one_paragraph() -> None:
    # No continuation line starts in lower case, but the document is wrapped at ~70 columns
    # and each line broke only because the next word would not fit.
    block = (
        "Officials in Bamako said the Army had Retaken the Town of Anefis and\n"
        "Several Nearby Villages on Thursday after Heavy Fighting with the\n"
        "Rebels, who Withdrew North toward Kidal According to Witnesses there.\n"
    )
    text = WRAPPED + "\n" + block
    seg = segment(text)
    assert len(seg.paragraphs) == 3
    last = seg.paragraphs[-1]
    assert text[last.start : last.end] == block.strip()
    # The same block pasted alone (too short to tell its wrap width) stays line by line.
    assert len(segment(block).paragraphs) == 3


def test_title_and_standfirst_in_web_copy_stay_apart() -> None:
    text = "Mali army clashes with separatists\nDozens were killed, officials said.\n"
    seg = segment(text)
    assert [text[p.start : p.end] for p in seg.paragraphs] == text.split("\n")[:2]
    assert [s.kind for s in seg.sentences] == [SegmentKind.HEADLINE, SegmentKind.SENTENCE]


def test_wrapped_block_ending_in_a_footnote_mark_is_one_paragraph() -> None:
    text = WRAPPED.split("\n\n")[0] + " *\n"
    assert len(segment(text).paragraphs) == 1


def test_lines_that_are_not_wrapped_are_their_own_paragraphs() -> None:
    text = seed("001").read_text(encoding="utf-8")
    seg = segment(text)
    assert len(seg.paragraphs) == text.strip().count("\n") + 1
    for p in seg.paragraphs:
        assert "\n" not in text[p.start : p.end]


def test_header_stack_is_one_paragraph_per_line() -> None:
    text = seed("004").read_text(encoding="utf-8")
    seg = segment(text)
    first = [text[p.start : p.end] for p in seg.paragraphs[:4]]
    assert first == text.split("\n\n")[0].split("\n")


def test_war_and_peace_is_mostly_wrapped_prose() -> None:
    path = Path(__file__).resolve().parents[2] / "shared" / "bench" / "war-and-peace.txt"
    if not path.exists():
        pytest.skip("shared benchmark text not present")
    text = load_path(path).text
    seg = segment(text)
    blocks = [b for b in text.split("\n\n") if b.strip()]
    # Each block is one paragraph apart from a few stacked headings (chapter titles etc.).
    assert abs(len(seg.paragraphs) - len(blocks)) < len(blocks) // 100
    assert 25_000 < len(seg.sentences) < 40_000


# ---------------------------------------------------------------------------------------------
# Headlines and furniture
# ---------------------------------------------------------------------------------------------


def test_seed_000_headline_and_furniture() -> None:
    text = seed("000").read_text(encoding="utf-8")
    got = kinds(text)
    assert got[0] == (
        "Northern Mali Sees Deadly Fighting Between Separatists and Government Forces",
        SegmentKind.HEADLINE,
    )
    assert ("Total Views : 21", SegmentKind.FURNITURE) in got
    assert ("Zoom In Zoom Out Read Later Print", SegmentKind.FURNITURE) in got
    assert got[3][1] is SegmentKind.HEADLINE  # the standfirst has no final period
    assert all(k is SegmentKind.SENTENCE for _, k in got[4:])


def test_seed_003_byline_breadcrumb_credit_and_copyright() -> None:
    text = seed("003").read_text(encoding="utf-8")
    got = dict(kinds(text))
    assert got["by Motoni Olodun"] is SegmentKind.FURNITURE
    assert got["© 2024 The African Spectator. All Rights Reserved."] is SegmentKind.FURNITURE
    assert got["Source: Reuters"] is SegmentKind.FURNITURE
    assert got["You may also like"] is SegmentKind.FURNITURE
    home = next(t for t in got if t.startswith("Home"))
    assert got[home] is SegmentKind.FURNITURE
    assert got["Mali Rebels Claim to Have Killed 131 Soldiers, Russians in Clashes"] is (
        SegmentKind.HEADLINE
    )


def test_seed_004_header_caption_dateline_and_crosshead() -> None:
    text = seed("004").read_text(encoding="utf-8")
    got = dict(kinds(text))
    assert got["Many killed as separatists clash with Malian army, Russian allies"] is (
        SegmentKind.HEADLINE
    )
    assert got["There have been reports of casualties on both sides."] is SegmentKind.SENTENCE
    assert got["Mali leader Assimi Goita had vowed to end insecurity. / AP"] is (
        SegmentKind.FURNITURE
    )
    assert got["June 14, 2025"] is SegmentKind.FURNITURE  # the publication date
    assert got["Hooded young men"] is SegmentKind.HEADLINE
    assert got["Wagner fighters leave Mali"] is SegmentKind.HEADLINE


def test_seed_002_comments_closed() -> None:
    text = seed("002").read_text(encoding="utf-8")
    assert kinds(text)[-1] == ("Comments are closed.", SegmentKind.FURNITURE)


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        ("Total Views : 21", "counter"),
        ("1,204 views", "counter"),
        ("Zoom In Zoom Out Read Later Print", "toolbar"),
        ("Share this", "toolbar"),
        ("Print", "toolbar"),
        ("Read more", "toolbar"),
        ("Advertisement", "toolbar"),
        ("Share on Facebook | Twitter | WhatsApp", "toolbar"),
        ("Comments are closed.", "comments"),
        ("© 2024 The African Spectator. All Rights Reserved.", "copyright"),
        ("Copyright 2025 Example Media Group", "copyright"),
        ("June 14, 2025", "date_line"),
        ("Published: 14 June 2025 10:30 BST", "date_line"),
        ("Sun 28 Jul 2024 12.00 BST", "date_line"),
        ("You may also like", "related"),
        ("Related articles", "related"),
        ("Read more: Mali junta extends transition", "related"),
        ("by Motoni Olodun", "byline"),
        ("By Jane Doe and John Roe", "byline"),
        ("By JANE DOE, Associated Press", "byline"),
        ("Reporting by Tiemoko Diallo; Editing by Alex Richardson", "byline"),
        ("Home » Mali Rebels Claim to Have Killed 131 Soldiers", "breadcrumb"),
        ("World › Africa › Mali", "breadcrumb"),
        ("Mali leader Assimi Goita had vowed to end insecurity. / AP", "photo_credit"),
        ("Soldiers patrol in Gao. (AP Photo/Baba Ahmed, File)", "photo_credit"),
        ("Image: Malian soldiers in Kidal", "photo_credit"),
        ("Source: Reuters", "source_line"),
        ("white logo", "image_alt"),
        ("4 min read", "reading_time"),
    ],
)
def test_furniture_rules(line: str, rule: str) -> None:
    assert furniture_rule(line) == rule
    (only,) = segment(line).sentences
    assert only.kind is SegmentKind.FURNITURE


@pytest.mark.parametrize(
    "line",
    [
        "Related deaths rise in northern Mali",
        "By the river, soldiers waited for the convoy.",
        "Print media were banned in Kidal, the junta said.",
        "The army said 12 trucks were seized, according to the statement.",
        "Source of the fighting remains unclear, officials said.",
        "Home is far away for thousands displaced by the fighting.",
        "Views differ on the toll.",
        "June 14, 2025 will be remembered as a dark day.",
        "On June 14, 2025, the army attacked.",
    ],
)
def test_prose_is_not_furniture(line: str) -> None:
    assert furniture_rule(line) is None
    assert all(s.kind is not SegmentKind.FURNITURE for s in segment(line).sentences)


#: One-line paragraphs of web copy that are prose, each a shape an old furniture rule took
#: for chrome: quotations with guillemets, a "/" between two names, "By" + a time, "Copyright"
#: as a noun, an article before "icon", "Watch:" before a sentence, long lines.
PROSE_LINES = [
    "« Nous avons tué dix soldats » a déclaré le porte-parole, « c'est faux » selon Paris",
    "Le maire a parlé de « trahison » et de « honte » devant la presse",
    "»Wir haben gewonnen«, sagte er, »und zwar klar«",
    "Der Minister sprach von »Verrat« und »Schande«",
    "Copyright lawyers said the ruling was wrong.",
    "Copyright law was not written for chatbots",
    "The army released a photo: it shows three burnt trucks / two tankers.",
    "The plan was agreed by the EU / UK.",
    "Israel / Gaza",
    "By Tuesday, Officials Confirm 40 Dead",
    "By Nightfall, Rebels Hold Kidal",
    "By land and by sea, the refugees kept coming.",
    "A national icon",
    "The city's most famous icon",
    "Watch: the moment the convoy was hit",
    "Home is where the fighting started, she said",
    "World leaders condemned the attack > the strongest words yet.",
    "More from the river flooded the lower town",
    "Source of the water was a burst main, engineers said.",
    "Reuters reported that the convoy was hit twice.",
    "Print and broadcast journalists were barred from the city on Sunday",
    "Photographs of the burnt trucks circulated on social media within hours of the attack, "
    "and the army said they were taken in Kidal",
]


@pytest.mark.parametrize("line", PROSE_LINES)
def test_prose_lines_of_web_copy_are_not_furniture(line: str) -> None:
    assert furniture_rule(line) is None
    assert all(s.kind is not SegmentKind.FURNITURE for s in segment(line).sentences)


#: Chrome from other sites than the seeds, with the rule that must take it.
CHROME_LINES = [
    ("Home / News / World", "breadcrumb"),
    ("Home > Politics > Elections", "breadcrumb"),
    ("Sport › Football › Premier League", "breadcrumb"),
    ("Accueil » Afrique » Mali", "breadcrumb"),
    ("By Ana García and Li Wei, Reuters", "byline"),
    ("By Will Smith", "byline"),
    ("Written by Fatou Diome | Staff Writer", "byline"),
    ("(Reporting by Tiemoko Diallo in Bamako; Editing by Alex Richardson)", "byline"),
    ("Soldiers in Kidal / AFP", "photo_credit"),
    ("Rescuers search the rubble in Antakya. / Getty Images", "photo_credit"),
    ("Photo: Soldiers patrol in Gao.", "photo_credit"),
    ("Protesters in Paris on Thursday (Photo: Jane Roe)", "photo_credit"),
    ("Reuters", "source_line"),
    ("(AFP)", "source_line"),
    ("Copyright © 2023 Daily Example", "copyright"),
    ("(c) 2022 Example Media", "copyright"),
    ("Facebook icon", "image_alt"),
    ("Watch: Moment the convoy was hit", "related"),
    ("More from Africa", "related"),
    ("Leave a reply.", "comments"),
]


@pytest.mark.parametrize(("line", "rule"), CHROME_LINES)
def test_chrome_lines_of_other_sites_are_furniture(line: str, rule: str) -> None:
    assert furniture_rule(line) == rule


def test_furniture_is_short_and_does_not_read_as_a_sentence() -> None:
    assert reads_as_sentence("The convoy was hit twice.")
    assert reads_as_sentence("the moment the convoy was hit")
    assert not reads_as_sentence(
        "Reporting by Tiemoko Diallo in Bamako; Editing by Alex Richardson"
    )
    long_crumb = "Home » News » " + "Very Long Title " * 6
    assert len(long_crumb) > FURNITURE_MAX
    assert furniture_rule(long_crumb) is None
    assert furniture_rule(long_crumb[:FURNITURE_MAX].rstrip()) == "breadcrumb"
    # A rule that is not a fixed phrase refuses a line that ends as a sentence.
    assert furniture_rule("Home is far away.") is None
    assert furniture_rule("Source: officials in the region said that it was the army.") is None


def test_every_furniture_rule_says_why() -> None:
    names = [r.name for r in FURNITURE_RULES]
    assert len(names) == len(set(names))
    assert all(r.why for r in FURNITURE_RULES)


@pytest.mark.parametrize(
    "line",
    ["June 14", "Hooded young men", "Wagner fighters leave Mali", "U.S. envoy in Bamako"],
)
def test_one_line_block_without_final_punctuation_is_one_headline(line: str) -> None:
    text = f"{line}\n\nThe army said so. It was sure."
    got = kinds(text)
    assert got[0] == (line, SegmentKind.HEADLINE)
    assert [k for _, k in got[1:]] == [SegmentKind.SENTENCE] * 2


def test_long_one_line_paragraph_missing_its_period_is_still_split() -> None:
    line = "The army said it had retaken the town. " * 6 + "Witnesses disputed that account"
    got = kinds(line)
    assert len(got) == 7
    assert all(k is SegmentKind.SENTENCE for _, k in got)


# ---------------------------------------------------------------------------------------------
# Properties
# ---------------------------------------------------------------------------------------------

_PIECES = st.sampled_from(
    [
        ".",
        "!",
        "?",
        "…",
        ". . .",
        '"',
        "'",
        "“",
        "”",
        "’",
        "(",
        ")",
        "[",
        "]",
        "\t",
        "\n",
        "\n\n",
        "\n \n",
        " ",
        "  ",
        "U.S.",
        "Mr.",
        "a.m.",
        "1.",
        "2)",
        "a.",
        "•",
        "⁃",
        "©",
        "By Jane Doe",
        "Total Views : 3",
        "Print",
        "Home » x » y",
        " / AP",
        "The",
        "he",
        "3.5",
        "2,000",
        "N°.",
        "。",
        "！",
        "\u00a0",
        "\u2028",
        "\x1c",
        "é",
        "Ä",
        "ß",
    ]
)
_TEXTS = st.one_of(
    st.text(),
    st.lists(st.one_of(_PIECES, st.text(max_size=4)), max_size=40).map("".join),
)


@given(_TEXTS)
@settings(max_examples=400, deadline=None)
def test_invariants_hold_on_any_text(text: str) -> None:
    seg = segment(text)
    check_invariants(text, seg)


@given(_TEXTS)
@settings(max_examples=100, deadline=None)
def test_segmentation_is_deterministic_and_paragraphs_are_used(text: str) -> None:
    seg = segment(text)
    assert segment(text) == seg
    used = {s.paragraph for s in seg.sentences}
    assert used == set(range(len(seg.paragraphs)))


@pytest.mark.parametrize(
    "text",
    [
        "",
        ".",
        "...",
        "!?!?",
        '"',
        "'",
        "“",
        "\t",
        "\n" * 50,
        ". . . .",
        "1.",
        "•",
        "a. b. c.",
        "(",
        ")",
        "” ” ”",
        "\n.\n.\n",
        "Mr.",
        "U.S.",
        "。。。",
    ],
)
def test_degenerate_inputs(text: str) -> None:
    check_invariants(text, segment(text))


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_seed_invariants(prefix: str) -> None:
    text = seed(prefix).read_text(encoding="utf-8")
    check_invariants(text, segment(text))


def test_headlines_under_an_also_heading_are_links_to_other_stories() -> None:
    text = (
        "Building collapse kills hundreds\n\n"
        "The death toll rose to at least 370 on Sunday, officials said.\n\n"
        "ALSO:\n\n"
        "Taliban says spring offensive begins now\n\n"
        "Bomb blasts at campaign offices in northwest Pakistan kill 11\n\n"
        "Times staff writers contributed to this report.\n\n"
        "Rescuers kept digging"
    )
    got = kinds(text)
    assert [k for _, k in got] == [
        SegmentKind.HEADLINE,
        SegmentKind.SENTENCE,
        SegmentKind.FURNITURE,
        SegmentKind.FURNITURE,
        SegmentKind.FURNITURE,
        SegmentKind.SENTENCE,  # prose ends the list
        SegmentKind.HEADLINE,  # so a later crosshead is a headline again
    ]
