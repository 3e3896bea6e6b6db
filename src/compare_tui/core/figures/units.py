"""Unit vocabulary of figures: months, currencies (signs, words, adjectives), measures
and durations, and the regex helpers that turn word lists into alternations."""

from __future__ import annotations

import re
from collections.abc import Iterable

from compare_tui.core import numbers as nb
from compare_tui.core.lexicon import words


def alt_plain(words: Iterable[str]) -> str:
    """Regex alternation of single words, longest first (no spacing rules)."""
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))


def alt(words: Iterable[str]) -> str:
    """Regex alternation of phrases, longest first."""
    escaped = (re.escape(w).replace(r"\ ", r"\s+") for w in words)
    return "|".join(sorted(escaped, key=len, reverse=True))


# Month names are matched case-sensitively ("May 5", not "may 5 soldiers").
# Only abbreviations take a full stop: "Mar. 3", but the stop after "14 March." ends the sentence.
MONTH_RE = (
    r"(?-i:January|February|March|April|May|June|July|August|September|October|November"
    r"|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)"
)
NUM_RE = rf"(?:{nb.DIGIT_NUMBER_RE}(?!\d|,\d)|(?:{nb.WORD_NUMBER_RE})\b)"
#: Multipliers glued to a currency amount: "$3.5m", "€2bn", "€10B", "$2.174T".
SHORT_RE = r"(?:bn|mn|bln|mln|m|k|b|t)\b"
#: A fraction of a whole: "half of", "a quarter of the money", "two-thirds of the passengers",
#: and a word fraction that ends a clause ("cut by one fifth.", "two thirds, he said").
#: "quarter(s)" needs "of" and a determiner: "two quarters of growth" are periods of time.
#: Before a noun, "a third" is an ordinal ("a third attempt") and is left to the ordinals.
FRACTION_OF_RE = (
    rf"(?:(?:{nb.FRACTION_NUMERATOR_RE})[\s-]+(?:{nb.FRACTION_RE})|half)"
    r"(?<!quarters)(?=\s+(?:of\s+(?!an?\b)|the\b)|\s*(?:[.,;:!?)]|$))"
    rf"|(?:{nb.FRACTION_NUMERATOR_RE})[\s-]+quarters"
    r"(?=\s+of\s+(?:the|all|its|their|his|her|our|those|these)\b)"
)

DURATION_UNITS: dict[str, str] = {
    "second": "second", "seconds": "second", "sec": "second", "secs": "second",
    "minute": "minute", "minutes": "minute", "min": "minute", "mins": "minute",
    "hour": "hour", "hours": "hour", "hr": "hour", "hrs": "hour", "h": "hour",
    "day": "day", "days": "day", "week": "week", "weeks": "week", "wk": "week", "wks": "week",
    "month": "month", "months": "month", "year": "year", "years": "year", "yr": "year",
    "yrs": "year", "decade": "decade", "decades": "decade", "century": "century",
    "centuries": "century",
}  # fmt: skip
#: What makes a number of years a person's age rather than a span of time: "69-year-old",
#: "40 years old", "87 yo", "30 years of age". "aged 40" and "at the age of 40" are read before
#: the number (AGE_BEFORE_RE). Months count too: "a six-month-old baby".
AGE_AFTER_RE = r"(?:[\s-]+olds?\b|\s+of\s+age\b)"
AGE_ABBREVIATIONS = {"yo": "year", "y/o": "year", "y.o.": "year"}
AGE_BEFORE_RE = r"\b(?:aged|ages?|at\s+the\s+age\s+of|age\s+of)(?:\s+|-)$"

#: Units of measure in news copy, every spelling and abbreviation to one unit name. Area,
#: volume and speed units are several words ("square meters", "miles per hour"); the
#: alternation takes the longest, so "300 square feet" is never 300 feet.
MEASURE_UNITS: dict[str, str] = {
    # length
    "feet": "foot", "foot": "foot", "ft": "foot", "metres": "metre", "metre": "metre",
    "meters": "metre", "meter": "metre", "km": "km", "kilometres": "km", "kilometre": "km",
    "kilometers": "km", "kilometer": "km", "miles": "mile", "mile": "mile", "mi": "mile",
    "inches": "inch", "inch": "inch", "cm": "cm", "mm": "mm", "millimetres": "mm",
    "millimetre": "mm", "millimeters": "mm", "millimeter": "mm", "centimetres": "cm",
    "centimetre": "cm", "centimeters": "cm", "centimeter": "cm", "yards": "yard",
    "yard": "yard", "yd": "yard", "nautical miles": "nmi", "nautical mile": "nmi",
    # mass ("pounds" is decided by POUND_* below: weight unless the context is money)
    "kg": "kg", "kilograms": "kg", "kilogram": "kg", "kilogrammes": "kg", "kilos": "kg",
    "kilo": "kg", "grams": "g", "gram": "g", "grammes": "g", "gramme": "g", "tonnes": "tonne",
    "tonne": "tonne", "tons": "tonne", "ton": "tonne", "metric tons": "tonne",
    "metric tonnes": "tonne", "metric ton": "tonne", "short tons": "tonne",
    "long tons": "tonne", "lbs": "lb", "lb": "lb", "ounces": "oz", "ounce": "oz", "oz": "oz",
    # volume
    "litres": "litre", "litre": "litre", "liters": "litre", "liter": "litre",
    "millilitres": "ml", "millilitre": "ml", "milliliters": "ml", "milliliter": "ml",
    "ml": "ml", "gallons": "gallon", "gallon": "gallon", "barrels": "barrel",
    "barrel": "barrel", "cubic feet": "ft3", "cubic foot": "ft3", "cu ft": "ft3",
    "cubic metres": "m3", "cubic meters": "m3", "cubic metre": "m3", "cubic meter": "m3",
    # area
    "acres": "acre", "acre": "acre", "hectares": "hectare", "hectare": "hectare",
    "square kilometres": "km2", "square kilometers": "km2", "square kilometre": "km2",
    "square kilometer": "km2", "sq km": "km2", "km2": "km2", "km²": "km2",
    "square miles": "mi2", "square mile": "mi2", "sq mi": "mi2", "sq miles": "mi2",
    "square metres": "m2", "square meters": "m2", "square metre": "m2", "square meter": "m2",
    "sq m": "m2", "m2": "m2", "m²": "m2", "square feet": "ft2", "square foot": "ft2",
    "sq ft": "ft2", "sq. ft.": "ft2", "sq feet": "ft2",
    # speed
    "mph": "mph", "miles per hour": "mph", "miles an hour": "mph", "km/h": "km/h",
    "kph": "km/h", "kmph": "km/h", "km/hr": "km/h", "kilometres per hour": "km/h",
    "kilometers per hour": "km/h", "kilometres an hour": "km/h",
    "kilometers an hour": "km/h", "knots": "knot", "knot": "knot",
    # temperature and angle: a bare "degrees" stays "degree"
    "degrees": "degree", "degree": "degree", "deg": "degree", "deg.": "degree", "°": "degree",
    "degrees celsius": "degC", "degree celsius": "degC", "degrees centigrade": "degC",
    "deg celsius": "degC", "deg c": "degC", "degrees c": "degC", "degree c": "degC",
    "°c": "degC", "° c": "degC", "celsius": "degC", "celcius": "degC", "centigrade": "degC",
    "centigrate": "degC", "degrees fahrenheit": "degF", "degree fahrenheit": "degF",
    "degrees farenheit": "degF", "deg f": "degF", "degrees f": "degF", "degree f": "degF",
    "°f": "degF", "° f": "degF", "fahrenheit": "degF", "farenheit": "degF",
    # energy
    "megawatts": "MW", "megawatt": "MW", "mw": "MW", "gw": "GW", "gigawatts": "GW",
    "kwh": "kWh",
}  # fmt: skip
#: Units read with their case, right after the digits: "1 m" and "1.8m tall" are metres, but a
#: glued "m" is a million unless a dimension follows ("2.5m people"); "86F", "30C" are
#: temperatures, while "30 C" spaced is left alone (a grade, a section).
CASED_UNITS_RE = (
    r"(?-i:\s+m(?![\w/])|m(?=\s+(?:tall|high|long|wide|deep|thick|away|below|above)\b)"
    r"|(?P<ctemp>[CF])(?![\w/]))"
)
CASED_UNITS = {"m": "metre", "C": "degC", "F": "degF"}
#: A glued "C"/"F" is a temperature only in a sentence about heat: "777F" is a freighter and
#: "13F" a filing. One of these words within TEMPERATURE_WINDOW characters, or "°", is enough.
TEMPERATURE_WORDS = words(
    """
    temperature temperatures degree degrees heat heatwave hot cold warm warmer cooler cool
    freezing weather forecast thermometer celsius fahrenheit high highs low lows climb
    soared soar plunged plunge chill frost
    """
)
TEMPERATURE_WINDOW = 80


def is_temperature_context(before: str, after: str) -> bool:
    """Does the text around a glued "30C" / "86F" speak of temperature?"""
    near = (before[-TEMPERATURE_WINDOW:] + " " + after[:TEMPERATURE_WINDOW]).lower()
    return "°" in near or bool(set(re.findall(r"[a-z]+", near)) & TEMPERATURE_WORDS)


#: A glued "m" is a metre, not a million, before these words ("a 48m tall crane").
DIMENSION_WORDS_RE = r"(?:tall|high|long|wide|deep|thick|away|below|above)"

#: Currency words after an amount ("5 million dollars"), and the ISO code each means when no
#: adjective names the country. A word several countries use (franc, shilling, rupee, peso,
#: dinar, riyal, dirham, lira, kwacha) has no default: its unit is the word itself ("franc"),
#: so a bare "20 million francs" pairs only with other bare francs, never with CHF or XOF.
#: "dollar" and "pound" default to USD and GBP, as English-language wires write them.
_CURRENCY_WORDS: dict[str, str | None] = {
    "dollar": "USD", "euro": "EUR", "pound": "GBP", "yen": "JPY", "yuan": "CNY",
    "renminbi": "CNY", "naira": "NGN", "rand": "ZAR", "cedi": "GHS", "birr": "ETB",
    "rupiah": "IDR", "ringgit": "MYR", "baht": "THB", "rouble": "RUB", "ruble": "RUB",
    "hryvnia": "UAH", "zloty": "PLN", "bitcoin": "BTC", "rupee": None, "shilling": None,
    "franc": None, "peso": None, "dinar": None, "riyal": None, "dirham": None, "lira": None,
    "kwacha": None, "peseta": None, "guilder": None, "markka": None, "satoshi": None,
    # Subunits are units of their own ("197 pence" is 197, unit pence): "197 pence" and
    # "£1.97" do not pair, and no one writes both for one fact.
    "cent": "cent", "pence": "pence", "penny": "pence", "pennies": "pence",
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
    ("british", "pound"): "GBP", ("sterling", "pound"): "GBP", ("dutch", "guilder"): "NLG",
    ("finnish", "markka"): "FIM", ("spanish", "peseta"): "ESP",
    ("egyptian", "pound"): "EGP", ("lebanese", "pound"): "LBP",
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


CURRENCY_SIGNS = {
    "$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR", "₩": "KRW", "₽": "RUB",
    "₺": "TRY", "₦": "NGN", "₱": "PHP", "₪": "ILS", "₴": "UAH", "₫": "VND", "₡": "CRC",
    "₭": "LAK", "₾": "GEL", "₿": "BTC", "元": "CNY",
}  # fmt: skip
#: Letters written before "$" name the dollar: "US$", "HK$", "C$", "A$", "NZ$", "Mex$",
#: "usd$". Glued only, so "a $5 bill" is never Australian.
DOLLAR_PREFIXES = {
    "us": "USD", "usd": "USD", "a": "AUD", "au": "AUD", "aud": "AUD", "c": "CAD",
    "ca": "CAD", "cad": "CAD", "hk": "HKD", "hkd": "HKD", "nz": "NZD", "nzd": "NZD",
    "s": "SGD", "sg": "SGD", "sgd": "SGD", "r": "BRL", "mex": "MXN", "mx": "MXN",
    "mxn": "MXN", "nt": "TWD",
}  # fmt: skip
#: ISO 4217 codes written before or after an amount ("EUR 125", "500 USD", "rmb 10"). Codes
#: that are English words (ALL, TRY, CUP, TOP, MOP, BOB, CAD in lower case) are left out.
CURRENCY_CODES: dict[str, str] = {
    c.lower(): c
    for c in """USD EUR GBP JPY CNY CHF AUD NZD HKD SGD INR PKR BDT LKR NPR IDR MYR THB PHP
    VND KRW TWD RUB UAH PLN CZK HUF RON SEK NOK DKK ISK TRY ILS SAR AED QAR KWD BHD OMR JOD
    EGP MAD DZD TND NGN GHS KES UGX TZS ZAR ETB XOF XAF BRL MXN ARS CLP COP PEN BTC""".split()
}
CURRENCY_CODES["rmb"] = "CNY"
#: Codes also read in lower case ("10 rmb", "20 usd"): none of them is an English word.
_ANY_CASE_CODES = ["usd", "eur", "gbp", "rmb", "jpy", "cny", "chf", "inr", "btc"]
_CODE_RE = rf"(?:(?-i:{alt_plain(c.upper() for c in CURRENCY_CODES)})|{alt_plain(_ANY_CASE_CODES)})"
_SIGN_CHARS = "".join(re.escape(c) for c in CURRENCY_SIGNS if c != "$")
CURRENCY_SIGN_RE = rf"(?:(?:{alt_plain(DOLLAR_PREFIXES)})\$|\$|[{_SIGN_CHARS}]|{_CODE_RE}(?![a-z]))"
#: A sign or code after an amount: "10 €", "100₾", "500 USD". A "$" after an amount only when
#: no digit follows it ("10 $ 30" is 10, then $30).
CURRENCY_AFTER_RE = rf"\s?(?P<csign>[{_SIGN_CHARS}]|\$(?!\s?\d)|{_CODE_RE}\b)"


def sign_unit(sign: str) -> str:
    """ISO code of a currency sign or code before an amount ("HK$" HKD, "EUR" EUR, "€" EUR)."""
    low = sign.lower().strip()
    if low in CURRENCY_CODES:
        return CURRENCY_CODES[low]
    if low.endswith("$") and len(low) > 1:
        return DOLLAR_PREFIXES.get(low[:-1], "USD")
    return CURRENCY_SIGNS.get(low, "USD")


#: "pounds" after a number is a weight (lb) unless the sentence speaks of money: a £ sign,
#: "sterling", a currency adjective ("British pounds", handled as currency words), or one of
#: these words within POUND_WINDOW characters. A weight word nearby wins over a money word
#: ("weighed 25 pounds and cost ..."): people, fish and drugs are weighed in US copy, and
#: money in pounds is mostly written with £.
POUND_MONEY_WORDS = words(
    """
    cost costs costing paid pay pays paying fine fined fines salary salaries wage wages worth
    budget budgets spent spend spending raised raise funding fund funds price prices priced
    bill bills fee fees tax taxes loan loans debt debts profit profits revenue revenues
    compensation damages award awarded bonus bonuses sterling pension pensions earn earns
    earned earning income bid bids sold sell buy bought deal invest invested investment
    grant grants donated donation donations charge charged ticket tickets bail rent
    penalty payout payment payments sum contract bn billion million
    """
)
POUND_WEIGHT_WORDS = words(
    """
    weigh weighs weighed weighing weight weights heavy heavier lighter lost gained gain
    overweight obese cocaine heroin marijuana cannabis meth methamphetamine fentanyl drugs
    fish baby babies tall lb lbs ounces bag bags
    """
)
POUND_WINDOW = 60


def pound_is_money(before: str, after: str) -> bool:
    """Is "pounds" money here? ``before``/``after`` are the text around the amount."""
    if "£" in before or "£" in after or re.match(r"\s*(?:sterling|stg)\b", after, re.I):
        return True
    near = set(re.findall(r"[a-z]+", (before[-POUND_WINDOW:] + " " + after[:POUND_WINDOW]).lower()))
    if near & POUND_WEIGHT_WORDS:
        return False
    return bool(near & POUND_MONEY_WORDS)
