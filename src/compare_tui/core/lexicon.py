"""The one home of compare-tui's word lists: the vocabulary figures are read and paired with,
and the function words sentences are compared without.

- Pairing: which counted nouns are the same thing (``HEAD_CLASSES``), who gives rival figures
  (``SOURCE_ROLES``), which counted groups also name a side, events that count one outcome.
- Reading a figure (``figures/meaning.py``, ``figures/phrases.py``): event words and their
  lemmas, the words that end a counted noun phrase, months and weekdays.
- Comparing sentences (``words.py``: aligner, diff, corpus screen): function words.

Each list says why it exists beside it. The pairing vocabulary covers today:

- general news: people (residents, civilians, villagers), patients and the injured, homes and
  buildings, jobs and workers, children, vehicles;
- conflict and security reporting: fighters of armed groups (a "member" of a militia is a
  fighter), soldiers, mercenaries and military contractors, police; armies, juntas and
  governments as authorities, rebels and separatists as insurgents;
- protests and strikes: police and authorities against organisers, unions and activists.

How to extend it: words are written in the singular and lower case, the way ``lemma``
reduces a counted noun (``lemma``) ("troops" -> "troop", "gunmen" -> "gunman", "casualties" ->
"casualty"). Add a word to the class it is a synonym of, or a new class for a new beat
(elections: "voter ballot"?); two counts pair only when their head nouns fall in one class (or
are the same word). A source word in ``SOURCE_ROLES`` gives its figures a role: figures of
different roles may agree but are never reported as a conflict. Add a test to
tests/test_pairing.py with two sentences of your own for each class or role you add.
"""

from __future__ import annotations

import re


def words(spaced: str) -> frozenset[str]:
    """A word list written as prose, so long lexicons stay readable."""
    return frozenset(spaced.split())


#: Head nouns that count the same kind of thing, by class name.
HEAD_CLASSES: dict[str, str] = {
    # General news.
    # Patients are people; "the injured" is no head noun but people with the event "wounded".
    "person": "person people civilian individual resident villager inhabitant patient victim "
    "adult participant respondent",
    "home": "home house dwelling building",
    # "the eight-story building" and "the eight floors that were built".
    "floor": "floor story storey level",
    "gun": "gun firearm weapon rifle handgun pistol",
    "job": "job worker employee staffer manager",
    "child": "child kid boy girl",
    "truck": "truck lorry",
    # Conflict and security reporting.
    "fighter": "fighter gunman militant member combatant rebel insurgent separatist jihadist "
    "militia militiaman guerrilla attacker assailant terrorist extremist islamist",
    "soldier": "soldier troop serviceman servicemember servicewoman",
    "mercenary": "mercenary contractor",
    "casualty": "casualty",
    "police": "police policeman officer",
}
#: Classes of people: "people" in general may be any of them.
HUMAN_CLASSES = frozenset({"person", "child", "fighter", "soldier", "mercenary", "police"})
#: Head noun -> its class.
HEAD: dict[str, str] = {w: cls for cls, ws in HEAD_CLASSES.items() for w in ws.split()}

#: "57 deaths", "the death toll rose to 57": people killed, whoever they were.
DEATH_NOUNS = words("death fatality life toll")

#: Who typically gives a figure, by role. Two sources in different roles (police and organisers,
#: an army and the rebels it fights) give rival figures: when they differ that is news, not a
#: conflict between the two outlets, so such figures may agree but never conflict.
SOURCE_ROLES: dict[str, str] = {
    w: role
    for role, ws in {
        "authority": "police government ministry minister army military authority official "
        "governor mayor junta interior prefecture",
        "organiser": "organiser organizer union protester demonstrator activist opposition "
        "campaigner",
        "insurgent": "rebel separatist jihadist insurgent militant",
    }.items()
    for w in ws.split()
}

#: Heads that also say whose side they are on ("10 separatists" = separatist fighters).
SIDE_NOUNS = words("separatist rebel jihadist insurgent islamist militia")

#: Events that count the same outcome ("captured" trucks were "seized").
EVENT_GROUP: dict[str, str] = {"injured": "wounded", "captured": "seized", "detained": "arrested"}


# --- Reducing what a figure counts and who says so to comparable words ----------------------

#: Words of a counted phrase or a source name that say nothing about which group it is.
STOP = words(
    """a an the and or of in on at to from by with for as that which who this these those their
    its his her our it they he she we were was is are be been had have has said says also
    than more over some about around there into after before during while when"""
)
#: Words before a counted noun that are not the noun ("59,000 fewer workers", "175 remaining
#: South Korean workers", "two more boys"): the head is the noun after them.
NP_FILLERS = words("fewer more remaining other additional further extra new total")
#: Nouns that measure out a thing named after "of": "a strip of metal" is metal.
CONTAINER_NOUNS = words("piece strip slice part chunk bit fragment section portion sheet shard")
#: Role words in a source ("a spokesman for the army"): the group is the army, not "spokes".
ROLE_WORDS = words("spokes member official expert analyst worker head leader chief statement")
#: Spellings of one word: the army is the military; spokesmen and spokeswomen speak alike.
SYNONYM = {
    "military": "army",
    "spokesman": "spokes",
    "spokeswoman": "spokes",
    "spokesperson": "spokes",
    # "29 lives lost": lemma() reads "lives" as "live".
    "live": "life",
}
#: Events that happen to people: a count of them with no noun ("16 injured", "killed 31")
#: counts people.
HUMAN_EVENTS = words(
    "killed wounded injured arrested abducted missing rescued evacuated displaced population"
)
WORD_RE = re.compile(r"[A-Za-z][\w\-]*")
#: Lower-case letter runs: the cheap word test before a costly regex (on lowered text).
LOWER_WORD_RE = re.compile(r"[a-z]+")

#: Month names, and every spelling a date may use -> month number ("sept" is AP style).
MONTH_NAMES: list[str] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
MONTHS: dict[str, int] = {m.lower(): i + 1 for i, m in enumerate(MONTH_NAMES)}
MONTHS.update({m[:3].lower(): i + 1 for i, m in enumerate(MONTH_NAMES)})
MONTHS["sept"] = 9


#: Plurals that do not add -s ("a 10-foot wall" measures feet, "a two-child policy" children).
_IRREGULAR_PLURAL = {"foot": "feet", "child": "children", "person": "people", "man": "men"}


def plural(noun: str) -> str:
    """The plural of a singular noun read off a compound ("story" of "eight-story" -> "stories",
    "seat" -> "seats", "inch" -> "inches"), so it reads like the noun a count counts."""
    w = noun.lower()
    if w in _IRREGULAR_PLURAL:
        return _IRREGULAR_PLURAL[w]
    if w.endswith("man") and len(w) > 4:
        return w[:-3] + "men"
    if w.endswith("y") and len(w) > 2 and w[-2] not in "aeiou":
        return w[:-1] + "ies"
    if w.endswith(("s", "x", "ch", "sh", "z")):
        return w + "es"
    return w + "s"


def lemma(word: str) -> str:
    """A word in the singular, lower case, without a possessive: "gunmen" -> "gunman",
    "casualties" -> "casualty", "army's" -> "army"."""
    w = word.lower().replace("’s", "").replace("'s", "").rstrip("’'")
    if w.endswith("ies") and len(w) > 4:
        w = w[:-3] + "y"
    elif w.endswith("men") and len(w) > 4:
        w = w[:-3] + "man"
    elif w.endswith("s") and len(w) > 3 and not w.endswith(("ss", "us", "is")):
        w = w[:-1]
    return SYNONYM.get(w, w)


def stems(text: str | None) -> frozenset[str]:
    """The lemmas of the content words of ``text`` (a source name, a counted phrase)."""
    if not text:
        return frozenset()
    return frozenset(lemma(w) for w in WORD_RE.findall(text) if w.lower() not in STOP)


# --- Reading a figure's phrase (figures/meaning.py) -----------------------------------------

#: Words that end the noun phrase a count counts: function words, number words, adverbs of
#: time and place, and common verbs that follow a subject ("500 metal fell": not "metal fell").
NP_ENDERS = words(
    """
    a an the and or but nor of in on at to from by with for as that which who whom whose
    were was is are be been being had have has will would could should may might must can
    did do does not no than then this these those there their its his her our it they he
    she we you i them him us me my your into onto over under after before during since
    until while when where why how if so such also more most less few many each every all
    some any both either neither per via about around against between through across among
    within without upon because though although yet still just only even ago later earlier
    here now too very what whether out up down off again ever never already almost nearly
    along toward towards amid despite near like one two three four five six seven eight
    nine ten whereas others feared believed thought presumed reported said
    inside outside aboard abroad overnight today yesterday tonight
    fell rose came went took gave made told got ran struck began saw became remain remained
    stood found seen shown known held built sent kept brought thrown lost won last next
    """
)
WEEKDAYS = words("monday tuesday wednesday thursday friday saturday sunday")

#: Event words, each form -> its lemma: what happened to the people or things counted.
EVENTS: dict[str, str] = {
    form: lemma
    for lemma, forms in {
        "killed": "kill kills killed killing death deaths dead died die dies dying slain "
        "massacred executed murdered",
        "wounded": "wounded wounding wounds",
        "injured": "injured injuring injuries injury hurt",
        "seized": "seized seizing seize seizes recovered recovering confiscated",
        "captured": "captured capturing capture captures",
        "arrested": "arrested arresting arrest arrests",
        "detained": "detained detaining detain",
        "abducted": "abducted abducting kidnapped kidnapping",
        "displaced": "displaced displacing fled fleeing",
        "missing": "missing disappeared",
        "destroyed": "destroyed destroying",
        "damaged": "damaged damaging",
        "evacuated": "evacuated evacuating",
        "rescued": "rescued rescuing",
        "released": "released releasing freed",
        "deployed": "deployed deploying",
    }.items()
    for form in forms.split()
}
#: Plurals without an -s that a counted head may be ("2000 people", "the children").
IRREGULAR_PLURALS = words("people children cattle")
#: Adjectives that end in -ly, so do not end a phrase as adverbs do ("scores of deadly attacks").
LY_ADJECTIVES = words("deadly elderly early daily weekly monthly yearly costly friendly likely")
#: Collective nouns that say things as a body ("police put the number at 20,000").
COLLECTIVE = words("police military army government authorities junta")

# --- Comparing sentences (words.py: the aligner, the diff and the corpus screen) ------------

#: Function words carry no evidence that two sentences report the same thing.
FUNCTION_WORDS = words(
    """
    a an the and or but nor of to in on at by for with from into as is are was were be been
    being has have had do does did it its this that these those they them their he she him
    his her we our us you your i me my not no so than then there which who whom whose what
    when where while also said says say would could should will can may might
    """
)
