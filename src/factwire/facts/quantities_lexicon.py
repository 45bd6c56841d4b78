"""Word lists for the quantity extractor (`quantities.py`).

Everything here is a plain constant so the rules stay readable and testable. The lists were
calibrated on the facts DEV gold (`../shared/bench/facts/dev.jsonl`, conventions in its README)
and on general English news usage, not on the strings of particular articles: each entry is a
word class (qualifiers, scale words, currencies, units, calendar words), never a phrase copied
from one article.
"""
from __future__ import annotations

import re

#: Plain numerals: "1,000", "16.057", "12". A leading dot (".45-caliber") is a calibre, not a count.
NUMERAL_RE = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$")
#: One-token ranges spaCy keeps whole: "350–375", "40-50".
TOKEN_RANGE_RE = re.compile(r"^(\d[\d,]*(?:\.\d+)?)[–—-](\d[\d,]*(?:\.\d+)?)$")
#: Slash fractions "7/32", "1/2"; only denominators used for fractions (a "11/19" is a date).
SLASH_FRACTION_RE = re.compile(r"^(\d{1,2})/(\d{1,2})$")
FRACTION_DENOMINATORS = {2, 3, 4, 8, 16, 32, 64}
#: A currency symbol or scale glued to the numeral: "HK$300", "$5bn", "5bn", "€40m".
GLUED_RE = re.compile(r"^(HK\$|US\$|A\$|C\$|NZ\$|S\$|R\$|\$|£|€|¥|₹|₦)?(\d[\d,]*(?:\.\d+)?)(bn|tn|mn|m|k)?$")

ONES = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
        "eighty": 80, "ninety": 90}

#: Multipliers that follow a number ("5.9 million", "Rs 24 lakh", "two dozen").
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
          "trillion": 1_000_000_000_000, "lakh": 100_000, "lakhs": 100_000,
          "crore": 10_000_000, "crores": 10_000_000, "dozen": 12, "bn": 1_000_000_000,
          "tn": 1_000_000_000_000}
#: Scale words read straight after the article ("a dozen", "a million").
ARTICLE_SCALES = ("dozen", "hundred", "thousand", "million", "billion", "trillion")
#: Abbreviated scales that are ambiguous with units ("5 m" may be metres): money only.
MONEY_ONLY_SCALES = {"m": 1_000_000, "mn": 1_000_000, "k": 1_000}

#: Vague plurals -> (value, relation) per the gold README ("dozens" -> 12 gt ...). "tens" only
#: combines ("tens of thousands" -> 10000 gt).
VAGUE_PLURALS = {"dozens": 12, "hundreds": 100, "thousands": 1_000, "millions": 1_000_000,
                 "billions": 1_000_000_000}
VAGUE_COMBINERS = {"tens": 10, "hundreds": 100, "dozens": 12}
#: "several dozen", "a few dozen" -> 12 gt.
VAGUE_DOZEN_PREFIXES = {"several", "few"}

#: Fractions after "a"/"one" ("a third of", "more than a third") and hyphenated plurals
#: ("two-thirds"). Values are rounded to 3 decimals as in the gold (0.333).
FRACTION_WORDS = {"half": 0.5, "third": 1 / 3, "quarter": 0.25, "fifth": 0.2}
FRACTION_PLURALS = {"halves": 0.5, "thirds": 1 / 3, "quarters": 0.25, "fifths": 0.2}
FRACTION_DIGITS = 3
#: Openers read only as the article of "a dozen", "a couple", "a third of": they open an amount
#: only before ARTICLE_NEXT (quantities_numbers._read_article_number; ~1,600 "a" tokens in 150
#: pages opened 5 amounts).  Computed, so a lexicon change reading "a" otherwise keeps them.
ARTICLE_ONLY = frozenset({"a", "an"} - set(ONES) - set(TENS) - set(VAGUE_PLURALS) - set(VAGUE_COMBINERS)
                         - VAGUE_DOZEN_PREFIXES - {"half"})
ARTICLE_NEXT = frozenset({"couple", *FRACTION_WORDS, *ARTICLE_SCALES})

#: Qualifiers written before the number, longest first when matched (lower-cased tokens).
QUALIFIERS: dict[tuple[str, ...], str] = {
    **{(w,): "approx" for w in ("about", "around", "roughly", "some", "nearly", "almost",
                                "approximately", "near", "circa", "estimated", "approx.",
                                "~")},
    ("close", "to"): "approx", ("closer", "to"): "approx", ("an", "estimated"): "approx",
    ("just", "about"): "approx", ("more", "or", "less"): "approx",
    # "above" is not a qualifier: "break above $13.60" is a level, eq in the gold.
    **{(w,): "gt" for w in ("over", "exceeding")},
    ("more", "than"): "gt", ("well", "over"): "gt", ("just", "over"): "gt",
    ("greater", "than"): "gt", ("upwards", "of"): "gt", ("upward", "of"): "gt",
    ("in", "excess", "of"): "gt", ("higher", "than"): "gt",
    ("at", "least"): "gte", ("no", "fewer", "than"): "gte", ("no", "less", "than"): "gte",
    ("not", "less", "than"): "gte", ("a", "minimum", "of"): "gte",
    **{(w,): "lt" for w in ("below", "under")},
    ("less", "than"): "lt", ("fewer", "than"): "lt", ("just", "under"): "lt",
    ("lower", "than"): "lt", ("well", "below"): "lt", ("well", "under"): "lt",
    ("up", "to"): "lte", ("as", "many", "as"): "lte", ("as", "much", "as"): "lte",
    ("a", "maximum", "of"): "lte", ("maximum", "of"): "lte", ("at", "most"): "lte",
    ("no", "more", "than"): "lte", ("not", "more", "than"): "lte", ("as", "high", "as"): "lte",
}
QUALIFIER_MAX_LEN = max(len(k) for k in QUALIFIERS)
#: "a maximum sentence of 175 years": a maximum noun phrase ending in "of" within this many tokens.
MAXIMUM_WORDS = {"maximum", "max"}
MAXIMUM_LOOKBACK = 4
#: Qualifiers written after the number ("12 and older", "five or more").
SUFFIX_QUALIFIERS: dict[tuple[str, ...], str] = {
    ("or", "more"): "gte", ("and", "older"): "gte", ("or", "older"): "gte",
    ("and", "over"): "gte", ("and", "above"): "gte", ("or", "above"): "gte",
    ("and", "up"): "gte", ("or", "fewer"): "lte", ("or", "less"): "lte",
    ("or", "younger"): "lte", ("and", "younger"): "lte", ("and", "under"): "lte",
}
AGE_SUFFIXES = {"older", "younger"}

#: Currency written before the number -> ISO code.
CURRENCY_SYMBOLS = {"$": "USD", "US$": "USD", "HK$": "HKD", "A$": "AUD", "C$": "CAD",
                    "NZ$": "NZD", "S$": "SGD", "R$": "BRL", "£": "GBP", "€": "EUR",
                    "¥": "JPY", "₹": "INR", "₦": "NGN", "Rs": "INR", "Rs.": "INR",
                    "INR": "INR", "USD": "USD", "EUR": "EUR", "GBP": "GBP", "JPY": "JPY",
                    "HKD": "HKD", "NGN": "NGN", "CNY": "CNY", "RMB": "CNY"}
#: The currency noun the gold uses as `item` for each ISO code.
CURRENCY_ITEMS = {"USD": "dollars", "HKD": "Hong Kong dollars", "AUD": "Australian dollars",
                  "CAD": "Canadian dollars", "NZD": "New Zealand dollars",
                  "SGD": "Singapore dollars", "BRL": "reais", "GBP": "pounds", "EUR": "euros",
                  "JPY": "yen", "INR": "rupees", "NGN": "naira", "CNY": "yuan", "RUB": "rubles",
                  "UAH": "hryvnias", "CHF": "francs", "ZAR": "rand", "MXN": "pesos",
                  "SAR": "riyals", "AED": "dirhams", "ILS": "shekels", "TRY": "lira"}
#: Currency nouns written after the number ("500 rupees", "2 million naira").
CURRENCY_WORDS = {"dollars": "USD", "dollar": "USD", "euros": "EUR", "euro": "EUR",
                  "yen": "JPY", "yuan": "CNY", "renminbi": "CNY", "rupees": "INR",
                  "rupee": "INR", "naira": "NGN", "rubles": "RUB", "roubles": "RUB",
                  "hryvnias": "UAH", "hryvnia": "UAH", "francs": "CHF", "rand": "ZAR",
                  "pesos": "MXN", "riyals": "SAR", "dirhams": "AED", "shekels": "ILS",
                  "lira": "TRY"}
#: "Hong Kong dollars": a place name before "dollars" changes the currency.
DOLLAR_PREFIXES = {("hong", "kong"): "HKD", ("australian",): "AUD", ("canadian",): "CAD",
                   ("singapore",): "SGD", ("new", "zealand"): "NZD", ("u.s.",): "USD",
                   ("us",): "USD"}
#: "$55.12 per barrel", "$1,472.19 an ounce": a rate after money or a measure.
RATE_WORDS = {"per", "a", "an"}
RATE_NOUNS = {"barrel", "ounce", "tonne", "ton", "share", "gallon", "litre", "liter", "pound",
              "kilogram", "kg", "hour", "day", "week", "month", "year", "head", "person",
              "dollar", "unit"}

PERCENT_WORDS = {"%", "percent", "pct", "per-cent"}
#: Measure words -> unit; the word as written is the item ("55 mph" -> item mph).
UNITS = {"mph": "mph", "kph": "kph", "km/h": "kph", "km": "km", "kilometers": "km",
         "kilometres": "km", "kilometer": "km", "kilometre": "km", "miles": "mi", "mile": "mi",
         "meters": "m", "metres": "m", "meter": "m", "metre": "m", "feet": "ft", "foot": "ft",
         "ft": "ft", "inches": "inch", "inch": "inch", "millimeters": "mm",
         "millimetres": "mm", "mm": "mm", "centimeters": "cm", "centimetres": "cm", "cm": "cm",
         "kg": "kg", "kilograms": "kg", "kilos": "kg", "grams": "g", "tons": "t",
         "tonnes": "t", "pounds": "lb", "lbs": "lb", "ounces": "oz", "acres": "acre",
         "hectares": "ha", "degrees": "degree", "barrels": "barrel", "gallons": "gal",
         "liters": "l", "litres": "l", "points": "points", "megawatts": "MW", "mw": "MW",
         "gigawatts": "GW", "gw": "GW", "kwh": "kWh", "knots": "kn", "calories": "kcal",
         "bpd": "barrels per day"}
#: "percentage point(s)", "basis points": the unit is the two-word phrase.
POINT_UNITS = {("percentage", "points"): "percentage point", ("percentage", "point"):
               "percentage point", ("basis", "points"): "basis point"}

#: Tokens after a number that make it a clock time ("9 a.m.", "6pm", "10 GMT").
CLOCK_WORDS = {"a.m.", "p.m.", "am", "pm", "a.m", "p.m", "gmt", "utc", "et", "est", "edt",
               "pst", "pdt", "bst", "cet", "o'clock", "hrs", "hours'"}
MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august",
          "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun",
          "jul", "aug", "sep", "sept", "oct", "nov", "dec", "jan.", "feb.", "mar.", "apr.",
          "jun.", "jul.", "aug.", "sep.", "sept.", "oct.", "nov.", "dec."}
#: A plain 4-digit integer in this range with no unit is a year ("in 2017", "2025 bond").
YEAR_RANGE = (1500, 2100)
DAY_OF_MONTH_MAX = 31

#: Ages: "48-year-old", "aged 24", "Name, 24,".
AGE_MAX = 120
AGE_CUES = {"aged", "age"}
#: 'Tsarnaev, then 19,' / 'Smith, now 20,': a time word between the comma and the age.
AGE_TIME_WORDS = {"then", "now"}
AGE_ITEM, AGE_UNIT = "years (age)", "year"

#: Words before a number that make it a label, not an amount ("No. 1", "phase one", "Route 66").
LABEL_PREFIXES = {"no.", "no", "#", "number", "top", "lap", "phase", "tier", "level", "page", "route",
                  "flight", "room", "gate", "channel", "article", "section", "chapter",
                  "title", "rule", "grade", "class", "version", "season", "episode", "week",
                  "game", "round", "stage", "step", "pier", "terminal", "platform", "runway",
                  "apartment", "unit", "suite", "floor", "lot", "exit", "highway", "interstate"}
#: Street words that make a leading number an address ("2134 Caldwell Place").
STREET_WORDS = {"street", "st.", "st", "avenue", "ave.", "ave", "road", "rd.", "rd", "place",
                "drive", "dr.", "lane", "ln.", "boulevard", "blvd.", "blvd", "way", "court",
                "ct.", "terrace", "highway", "parkway", "pkwy"}
#: "555-1234": a hyphenated second group this long (no comma) is a phone number or model, not a
#: range end (ranges in news are "40-50", "2-3").
PHONE_GROUP_DIGITS = 4
#: Emergency phone numbers are never quantities ("make 911 calls").
EMERGENCY_NUMBERS = {"911", "999", "112", "000"}

#: "one" is a count only before a singular noun; these nouns make a fixed phrase
#: ("at one point", "one day", "one another").
ONE_IDIOM_NOUNS = {"point", "day", "time", "way", "another", "hand", "side", "thing",
                   "chapter", "moment", "stage", "night", "morning", "evening", "afternoon"}
#: Plurals spaCy's tagger often tags NN, so a number before them is still a count.
INVARIANT_PLURALS = {"aircraft", "people", "personnel", "staff", "police", "sheep", "fish",
                     "deer", "cattle", "livestock", "troops", "crew", "spacecraft", "offspring",
                     "series", "species", "freight", "data", "media", "percent", "lakh",
                     "crore"}
#: A bare number whose head is one of these verbs counts people ("killing two in Poland").
PEOPLE_VERB_PREFIXES = ("kill", "injur", "wound", "die", "dead", "arrest", "detain", "evacuat",
                        "rescu", "hospitali", "abduct", "kidnap", "murder", "shot", "stabb")
PEOPLE_ITEM = "people"
#: 'N of them': the pronoun names things counted before (English partitive).
PARTITIVE_PRONOUNS = frozenset({"them", "those", "these"})
#: How many tokens may sit between the number and its counted noun ("18 Northern and central
#: California counties" has 4); longer gaps on DEV were parse errors.
ITEM_MAX_GAP = 6
#: Tokens between a model number and its singular head noun ("737 Max jet").
MODEL_HEAD_GAP = 3
#: "one last month": a deictic between "one" and its noun makes the noun a date, not a count.
DATE_DEICTICS = {"last", "next", "this", "past", "coming", "same"}
#: Time nouns: counted durations, but never the item a later bare number refers back to.
TIME_NOUNS = {"year", "years", "month", "months", "week", "weeks", "day", "days", "hour", "hours",
              "minute", "minutes", "second", "seconds", "decade", "decades", "century",
              "centuries", "quarter", "quarters"}
#: "the first half", "the second quarter": an ordinal before a fraction word makes a date.
ORDINAL_WORDS = {"first", "second", "third", "fourth", "last", "latter", "former", "final"}
#: Slogans and names in quotes are at most this many tokens ("one country, two systems").
SLOGAN_MAX_TOKENS = 5
OPEN_QUOTES = {"“", '"', "‘", "'", "«"}
CLOSE_QUOTES = {"”", '"', "’", "'", "»"}
#: Parts of speech a counted noun's modifiers have ("1,000 Iranian-supplied drones").
ITEM_SKIP_POS = {"ADJ", "PROPN", "NOUN", "PRON"}
#: "anywhere from 2,000 to 10,000": after these words "from X to Y" is a range, not a change.
RANGE_FROM_CUES = {"anywhere", "ranging", "ranges", "range", "varying", "vary", "varies"}
