"""Unit vocabulary of figures: months, currencies (signs, words, adjectives), measures
and durations, and the regex helpers that turn word lists into alternations."""

from __future__ import annotations

import re
from collections.abc import Iterable

from compare_tui.core import numbers as nb

MONTH_NAMES = [
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
# Month names are matched case-sensitively ("May 5", not "may 5 soldiers").
# Only abbreviations take a full stop: "Mar. 3", but the stop after "14 March." ends the sentence.
MONTH_RE = (
    r"(?-i:January|February|March|April|May|June|July|August|September|October|November"
    r"|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)"
)
NUM_RE = rf"(?:{nb.DIGIT_NUMBER_RE}(?!\d|,\d)|(?:{nb.WORD_NUMBER_RE})\b)"
CURRENCY_SIGN_RE = r"(?:US\$|A\$|C\$|\$|€|£|¥)"
SHORT_RE = r"(?:bn|mn|m|k)\b"
#: A fraction of a whole: "half of", "a quarter of the money", "two-thirds of the passengers".
FRACTION_OF_RE = (
    rf"(?:(?:{nb.FRACTION_NUMERATOR_RE})[\s-]+(?:{nb.FRACTION_RE})|half)"
    r"(?=\s+(?:of\s+(?!an?\b)|the\b))"
)

DURATION_UNITS = {
    "second": "second", "minute": "minute", "hour": "hour", "day": "day", "week": "week",
    "month": "month", "year": "year", "decade": "decade", "centurie": "century",
    "century": "century",
}  # fmt: skip
MEASURE_UNITS: dict[str, str] = {
    "feet": "foot", "foot": "foot", "ft": "foot", "metres": "metre", "metre": "metre",
    "meters": "metre", "meter": "metre", "km": "km", "kilometres": "km", "kilometre": "km",
    "kilometers": "km", "kilometer": "km", "miles": "mile", "mile": "mile", "kg": "kg",
    "kilograms": "kg", "kilogram": "kg", "kilos": "kg", "tonnes": "tonne", "tonne": "tonne",
    "tons": "tonne", "ton": "tonne", "litres": "litre", "litre": "litre", "liters": "litre",
    "liter": "litre", "gallons": "gallon", "gallon": "gallon", "barrels": "barrel",
    "barrel": "barrel", "acres": "acre", "acre": "acre", "hectares": "hectare",
    "hectare": "hectare", "square kilometres": "km2", "square kilometers": "km2", "sq km": "km2",
    "square miles": "mi2", "mph": "mph", "km/h": "km/h", "degrees": "degree",
    "degree": "degree", "inches": "inch", "inch": "inch", "cm": "cm", "mm": "mm",
    "millimetres": "mm", "millimetre": "mm", "millimeters": "mm", "millimeter": "mm",
    "centimetres": "cm", "centimetre": "cm", "centimeters": "cm", "centimeter": "cm",
    "megawatts": "MW", "megawatt": "MW", "mw": "MW", "gw": "GW", "kwh": "kWh",
}  # fmt: skip
#: Currency words after an amount ("5 million dollars"), and the ISO code each means when no
#: adjective names the country. A word several countries use (franc, shilling, rupee, peso,
#: dinar, riyal, dirham, lira, kwacha) has no default: its unit is the word itself ("franc"),
#: so a bare "20 million francs" pairs only with other bare francs, never with CHF or XOF.
#: "dollar" and "pound" default to USD and GBP, as English-language wires write them.
_CURRENCY_WORDS: dict[str, str | None] = {
    "dollar": "USD", "euro": "EUR", "pound": "GBP", "yen": "JPY", "yuan": "CNY",
    "naira": "NGN", "rand": "ZAR", "cedi": "GHS", "birr": "ETB", "rupee": None,
    "shilling": None, "franc": None, "peso": None, "dinar": None, "riyal": None,
    "dirham": None, "lira": None, "kwacha": None,
}  # fmt: skip
#: (adjective, currency word) -> ISO code: "Swiss francs" CHF, "Kenyan shillings" KES. An
#: adjective with a word it does not go with ("Swiss dollars") leaves the bare default.
_CURRENCY_ADJECTIVES: dict[tuple[str, str], str] = {
    ("swiss", "franc"): "CHF", ("cfa", "franc"): "XOF", ("west african cfa", "franc"): "XOF",
    ("central african cfa", "franc"): "XAF", ("congolese", "franc"): "CDF",
    ("rwandan", "franc"): "RWF", ("burundian", "franc"): "BIF", ("guinean", "franc"): "GNF",
    ("kenyan", "shilling"): "KES", ("ugandan", "shilling"): "UGX",
    ("tanzanian", "shilling"): "TZS", ("somali", "shilling"): "SOS",
    ("us", "dollar"): "USD", ("u.s.", "dollar"): "USD", ("american", "dollar"): "USD",
    ("canadian", "dollar"): "CAD", ("australian", "dollar"): "AUD",
    ("hong kong", "dollar"): "HKD", ("new zealand", "dollar"): "NZD",
    ("singapore", "dollar"): "SGD", ("taiwan", "dollar"): "TWD",
    ("zimbabwean", "dollar"): "ZWL", ("liberian", "dollar"): "LRD",
    ("british", "pound"): "GBP", ("egyptian", "pound"): "EGP", ("lebanese", "pound"): "LBP",
    ("sudanese", "pound"): "SDG", ("south sudanese", "pound"): "SSP",
    ("syrian", "pound"): "SYP", ("indian", "rupee"): "INR", ("pakistani", "rupee"): "PKR",
    ("sri lankan", "rupee"): "LKR", ("nepalese", "rupee"): "NPR",
    ("mexican", "peso"): "MXN", ("argentine", "peso"): "ARS", ("philippine", "peso"): "PHP",
    ("colombian", "peso"): "COP", ("chilean", "peso"): "CLP", ("iraqi", "dinar"): "IQD",
    ("algerian", "dinar"): "DZD", ("tunisian", "dinar"): "TND", ("libyan", "dinar"): "LYD",
    ("jordanian", "dinar"): "JOD", ("saudi", "riyal"): "SAR", ("qatari", "riyal"): "QAR",
    ("moroccan", "dirham"): "MAD", ("uae", "dirham"): "AED", ("emirati", "dirham"): "AED",
    ("turkish", "lira"): "TRY", ("zambian", "kwacha"): "ZMW", ("malawian", "kwacha"): "MWK",
    ("japanese", "yen"): "JPY", ("chinese", "yuan"): "CNY", ("nigerian", "naira"): "NGN",
    ("south african", "rand"): "ZAR", ("ghanaian", "cedi"): "GHS",
    ("ethiopian", "birr"): "ETB",
}  # fmt: skip
#: "Swiss", "Hong Kong", "CFA": an adjective before a currency word, captured as ``cadj``.
CURRENCY_ADJ_RE = "|".join(
    sorted(
        {re.escape(a).replace(r"\ ", r"\s+") for a, _ in _CURRENCY_ADJECTIVES},
        key=len,
        reverse=True,
    )
)
CURRENCY_NAME_RE = "|".join(sorted(_CURRENCY_WORDS, key=len, reverse=True))
#: A currency word after an amount ("5 million dollars", "3.5bn euros", "5m Swiss francs").
CURRENCY_WORD_RE = rf"(?:(?:{CURRENCY_ADJ_RE})\s+)?(?:{CURRENCY_NAME_RE})s?\b"


def currency_unit(adjective: str | None, word: str) -> str:
    """The unit of an amount in ``word`` ("francs"), read with the adjective before it.

    >>> currency_unit("Swiss", "francs"), currency_unit(None, "francs")
    ('CHF', 'franc')
    """
    name = word.lower()
    if name.endswith("s") and name[:-1] in _CURRENCY_WORDS:
        name = name[:-1]
    if adjective:
        code = _CURRENCY_ADJECTIVES.get((" ".join(adjective.lower().split()), name))
        if code is not None:
            return code
    return _CURRENCY_WORDS.get(name) or name


CURRENCY_SIGNS = {"$": "USD", "us$": "USD", "a$": "AUD", "c$": "CAD", "€": "EUR", "£": "GBP"}
CURRENCY_SIGNS["¥"] = "JPY"


def words(spaced: str) -> frozenset[str]:
    """A word list written as prose, so long lexicons stay readable."""
    return frozenset(spaced.split())


def alt(words: Iterable[str]) -> str:
    """Regex alternation of phrases, longest first."""
    escaped = (re.escape(w).replace(r"\ ", r"\s+") for w in words)
    return "|".join(sorted(escaped, key=len, reverse=True))
