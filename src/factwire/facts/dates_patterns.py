"""Regular expressions for calendar expressions, compiled once at import.

Each pattern is one kind of expression; `dates.py` runs them all over the text (linear passes),
keeps the longest non-overlapping matches and resolves each with the handler of its kind.
Month and weekday names are matched case-sensitively (capitalised), so "may" the verb and
"march" the noun are not months; relative words are matched case-insensitively.
"""
from __future__ import annotations

import re

from factwire import casefree

from . import dates_gate

MONTH = (r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|December"
         r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.)")
#: Bare abbreviations ("Oct 17") only count right before a day number.
MONTH_BEFORE_DAY = (r"(?P<month>January|February|March|April|May|June|July|August|September|October|November"
                    r"|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?)")
DAY = r"(?P<day>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\d:.,]\d|\s*(?:a\.m|p\.m|am\b|pm\b|%|percent))"
YEAR = r"(?P<year>1[5-9]\d\d|20\d\d)(?!\d)"
WEEKDAY = r"(?P<wd>(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)"
#: Words that make a weekday part of a name ("Remembrance Sunday", "Super Tuesday").
NAMED_DAY_WORDS = ("Black", "Super", "Good", "Cyber", "Holy", "Bloody", "Easter", "Remembrance", "Palm",
                   "Ash", "Maundy", "Giving", "Mothering", "Trinity", "Whit", "Fat")
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
}
ORDINAL_WORDS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
    "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
    "twentieth": 20, "twenty-first": 21, "twenty-second": 22,
}
#: Spelled-out years as broadcast transcripts write them ("nineteen ninety-six", "the year two
#: thousand"): a century word, then a two-digit number in words.
SPELLED_UNITS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}
SPELLED_TEENS = {"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
                 "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19}
SPELLED_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
                "ninety": 90}
SPELLED_CENTURIES = {"eighteen": 1800, "nineteen": 1900}


def _alt(words) -> str:
    return "|".join(sorted(words, key=len, reverse=True))


TWO_DIGITS = (rf"(?:(?:{_alt(SPELLED_TENS)})(?:[-\s](?:{_alt(SPELLED_UNITS)}))?|{_alt(SPELLED_TEENS)})")
NUM = r"(?P<n>\d{1,3}|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + ")"
ORD = r"(?P<ord>\d{1,2}(?:st|nd|rd|th)|" + "|".join(sorted(ORDINAL_WORDS, key=len, reverse=True)) + ")"
ZODIAC = r"(?P<animal>rat|ox|tiger|rabbit|dragon|snake|horse|goat|monkey|rooster|dog|pig)"
CASE_INSENSITIVE = r"(?i:{})"


def _ci(fragment: str) -> str:
    return CASE_INSENSITIVE.format(fragment)


PATTERNS: dict[str, str] = {
    # "Tuesday, November 19, 2019", "Oct. 17", "the March 21 call"
    "month_day": rf"\b(?:{WEEKDAY},?\s+)?{MONTH_BEFORE_DAY}\s+{DAY}(?:,?\s+{YEAR})?\b",
    # "15 November", "Tuesday 19th of November 2019"
    "day_month": rf"\b(?:{WEEKDAY},?\s+)?(?:the\s+)?{DAY}\s+(?:of\s+)?{MONTH}(?:,?\s+{YEAR})?\b",
    # "the July-September period", "January–March 2019"
    "month_range": (rf"\b{MONTH}\s?[-–]\s?" + MONTH.replace("?P<month>", "?P<month2>")
                    + rf"(?:,?\s+{YEAR})?(?![\w-])"),
    # "the week of March 6" (the week holding that day)
    "week_of": _ci(r"\b(?:the\s+)?week\s+of\s+") + rf"(?:{WEEKDAY},?\s+)?{MONTH_BEFORE_DAY}\s+{DAY}(?:,?\s+{YEAR})?\b",
    # "Easter week", "Christmas week" (the week holding the holiday)
    "holiday_week": r"\b(?P<hol>Easter|Christmas|Thanksgiving)\s+[Ww]eek\b(?!-)",
    # "nineteen ninety-six", "the year two thousand" (spelled years; not "nineteen twenty-dollar bills")
    "spelled_year": _ci(rf"\b(?:the\s+year\s+)?(?P<cent>{_alt(SPELLED_CENTURIES)})[-\s]+(?P<rest>{TWO_DIGITS}|hundred)"
                        rf"|\bthe\s+year\s+two\s+thousand(?:\s+(?:and\s+)?(?P<rest2>{TWO_DIGITS}|{_alt(SPELLED_UNITS)}))?")
                    + r"\b(?![-\w])",
    # "by year-end", "by year's end" (only after a preposition: dates_periods.resolve_year_end)
    "year_end": _ci(r"\byear(?:[-\s]end|['’]s\s+end)\b(?!-)"),
    # "25" in "April 24 and 25": a day coordinated with a month-day (dates_days.resolve_and_day)
    "and_day": (r"(?:(?<=\d and )|(?<=\d or )|(?<=\d & )|(?<=\d, and ))"
                r"(?P<day>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\w:.,%]\w|\s*(?:%|percent|a\.m|p\.m|am\b|pm\b))"
                r"(?!\s+(?:of\s+)?(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec))"),
    "holiday": (r"\b(?P<hol>Christmas(?:\s+(?:Day|Eve))?|Boxing\s+Day|New\s+Year['’]s\s+(?:Day|Eve)"
                r"|Valentine['’]s\s+Day|Halloween|Easter(?:\s+Sunday)?|Good\s+Friday|Thanksgiving(?:\s+Day)?"
                r"|Black\s+Friday|Cyber\s+Monday|Memorial\s+Day|Labor\s+Day|Election\s+Day)"
                rf"(?:,?\s+{YEAR})?(?![\w-])"),
    "iso": r"\b(?P<year>(?:19|20)\d\d)-(?P<m>0[1-9]|1[0-2])-(?P<day>0[1-9]|[12]\d|3[01])\b",
    "numeric": r"\b(?P<m>1[0-2]|0?[1-9])/(?P<day>3[01]|[12]\d|0?[1-9])/(?P<year>(?:19|20)\d\d)\b",
    # "October 2015", "early November", "mid-December", "the end of August", "last November"
    "month": (_ci(r"\b(?:(?P<mod>early|mid|late|end-|start-|the\s+(?:end|beginning|start|middle)\s+of)[-\s]*"
                  r"|(?P<rel>last|next|this|this\s+past|this\s+coming)\s+)?")
              + rf"{MONTH}(?:,?\s+(?:of\s+)?(?:{YEAR}|"
              + _ci(r"(?P<yrel>last|next|this)\s+year") + r"))?(?![\w-])"),
    "month_so_far": rf"\b{MONTH}\s+" + _ci(r"(?:so\s+far|to\s+date|thus\s+far)\b"),
    "weekday": (_ci(r"(?:\b(?P<rel>early|late|last|next|this|this\s+past|this\s+coming)\s+)?")
                + rf"\b{WEEKDAY}(?!\s+(?:Times|Telegraph|Express|Mirror|Post|Night\s+Football)\b)"
                + _ci(r"(?P<part>\s+(?:morning|afternoon|evening|night))?") + r"(?!\w)"),
    "year_range": r"(?<![\w$£€#.,/'’-])" + YEAR + r"\s?[-–]\s?(?P<last>(?:1[5-9]|20)\d\d|\d\d)(?![\w%-])",
    "month_part": _ci(r"\b(?:the\s+)?(?:end|beginning|start|middle)\s+of\s+"
                      r"(?P<which>the|this|next|last)\s+month\b"),
    "year": (r"(?<![\w$£€#.,/'’-])"
             + _ci(r"(?:(?P<mod>early|mid|late)[-\s]|(?P<edge>end|start)-|(?:fiscal|FY|calendar)\s+|(?:pre|post)-)?")
             + YEAR + r"(?![\w%]|[.,]\d|-\d|/\d|\s*(?:%|percent))"),
    "year_part": _ci(r"\b(?:the\s+)?(?P<part>end|beginning|start|middle|first\s+half|second\s+half"
                     r"|(?:first|second|third|fourth)\s+quarter)\s+of\s+(?:the\s+)?")
                 + r"(?:" + YEAR + "|"
                 + _ci(r"(?P<which>this|next|last|the)\s+(?P<cal>calendar\s+|fiscal\s+)?year") + r")\b",
    # "the third quarter", "third-quarter", "the fiscal first quarter", "the year-ago third quarter",
    # "this year's first half", "Q3 2019"
    "quarter": _ci(r"\b(?:the\s+)?(?:(?P<qrel>year-ago|year-earlier|year-before|prior-year|last\s+year['’]s"
                   r"|this\s+year['’]s|next\s+year['’]s)\s+)?(?:(?P<qyear>(?:19|20)\d\d)\s+)?(?:fiscal[-\s]+)?"
                   r"(?:(?P<q>first|second|third|fourth)[-\s]quarter|(?P<h>first|second)[-\s]half)\b")
               + rf"|\bQ(?P<qn>[1-4])(?:\s+{YEAR})?\b",
    # "the quarter", "the latest quarter", "the year-ago period", "that quarter": the reporting period
    "period": _ci(r"\b(?:the|that|this|its)\s+(?:(?P<pyear>(?:19|20)\d\d)\s+)?(?:(?P<padj>latest|current|comparable"
                  r"|most\s+recent|recent|same|year-ago|year-earlier|prior-year|previous|fiscal)\s+){0,2}"
                  r"(?P<punit>quarter|period)\b(?![-\w])(?P<pago>\s+a\s+year\s+(?:ago|earlier))?"
                  r"|\b(?P<yago>year-ago|year-earlier)\b(?=\s+[a-z])"),
    "decade": _ci(r"\b(?:the\s+)?(?:(?P<mod>early|mid|late)[-\s]+)?") + r"(?P<dec>(?:1[5-9]|20)\d0|['’]\d0)s\b",
    "century": _ci(r"\b(?:the\s+)?(?:(?P<mod>early|mid|late)[-\s]+)?" + ORD + r"[-\s]+century\b"),
    "season": _ci(r"\b(?:(?P<rel>this|last|next|this\s+past|this\s+coming|(?:the\s+)?(?:early|late)|the)\s+)?"
                  r"(?P<season>spring|summer|fall|autumn|winter)"
                  r"(?:\s+(?:of\s+)?" + YEAR + r")?(?!\s+of\b)(?![\w-])"),
    "relative": _ci(r"\b(?:(?P<mod>earlier|later|early|late)\s+)?(?P<rel>this|last|next|previous|past|coming"
                    r"|the\s+previous|the\s+past|the\s+following|the\s+next|the\s+last|the\s+coming"
                    r"|that|the\s+same)"
                    r"\s+(?P<unit>week|weekend|month|year|day)\b(?![-\w])"),
    "earlier_in": _ci(r"\b(?P<mod>earlier|later)\s+in\s+the\s+(?P<unit>week|month|year)\b"),
    "weekend": _ci(r"\b(?:over\s+)?the\s+weekend\b"),
    "past_decade": _ci(r"\bthe\s+(?:past|last)\s+decade\b"),
    "count_back": _ci(r"\b(?:the\s+)?(?:past|last|previous)\s+" + NUM
                      + r"\s+(?P<unit>day|week|month|year)s\b"),
    "ago": _ci(r"\b" + NUM + r"\s+(?P<unit>day|week|month|year)s?\s+(?P<dir>ago|earlier|before|later)\b"),
    "decade_ago": _ci(r"\b(?P<n>a|one|two|three|four|five)\s+decades?\s+ago\b"),
    "today": r"(?<!USA )" + _ci(r"\b(?P<word>today|tonight|last\s+night|yesterday|tomorrow"
                                r"|this\s+(?:morning|afternoon|evening))\b"),
    "week_start": _ci(r"\b(?:to\s+(?:begin|start)\s+the\s+week|the\s+(?:beginning|start)\s+of\s+the\s+week)\b"),
    "year_to_date": _ci(r"\b(?:so\s+far\s+this\s+(?P<u1>year|month|week)|(?P<u2>year|month)\s+to\s+date"
                        r"|(?P<u3>year|month)-to-date(?!\s+[a-z])|the\s+(?P<u4>year|month|week)\s+(?:thus|so)\s+far)\b"),
    "rest_of_year": _ci(r"\bthe\s+(?:remainder|rest|balance)\s+of\s+the\s+year\b"),
    "zodiac": _ci(r"\bthe\s+year\s+of\s+the\s+" + ZODIAC + r"\b"),
    "vague": _ci(r"\b(?:recently|lately|(?:in\s+)?recent\s+(?:days|weeks|months|years)"
                 r"|(?:the\s+)?(?:coming|next\s+few|past\s+few|last\s+few)\s+(?:days|weeks|months|years)"
                 r"|the\s+(?:days|weeks|months|years)\s+(?:ahead|to\s+come)"
                 # the present, where a phrase makes "now" temporal (a bare "now" is as often a
                 # discourse word: "Now Assange faces..."; the facts scheme leaves it out)
                 r"|right\s+now|for\s+now|as\s+of\s+now|by\s+now"
                 r"|nowadays|at\s+present)\b"),
}

MONTH_KEYS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
WEEKDAY_KEYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
#: Substrings a text must hold for a pattern to be worth running (a scan costs ~1-10 ms per 60 kB;
#: an `in` test ~0.01 ms). Keys with capitals are tested case-sensitively, others on lower case.
TRIGGERS: dict[str, tuple[str, ...]] = {
    "month_day": MONTH_KEYS, "day_month": MONTH_KEYS, "month_range": MONTH_KEYS, "month": MONTH_KEYS,
    "month_so_far": MONTH_KEYS, "weekday": WEEKDAY_KEYS,
    "holiday": ("Christmas", "Boxing", "New Year", "Valentine", "Halloween", "Easter", "Good Friday",
                "Thanksgiving", "Black Friday", "Cyber", "Memorial Day", "Labor Day", "Election Day"),
    "week_of": ("week of",), "spelled_year": ("eighteen ", "nineteen ", "two thousand"),
    "holiday_week": ("Easter", "Christmas", "Thanksgiving"), "and_day": MONTH_KEYS, "year_end": ("end",),
    "iso": ("-",), "numeric": ("/",), "month_part": ("month",), "year_part": (" of ",),
    "quarter": ("quarter", "half", "q1", "q2", "q3", "q4"), "period": ("quarter", "period", "year-"),
    "decade": ("0s",), "century": ("centur",),
    "season": ("spring", "summer", "fall", "autumn", "winter"), "relative": ("week", "month", "year", "day"),
    "earlier_in": ("earlier in", "later in"), "weekend": ("weekend",), "past_decade": ("decade",),
    "decade_ago": ("decade",), "count_back": ("past", "last", "previous"),
    "ago": ("ago", "earlier", "before", "later"),
    "today": ("today", "tonight", "night", "yesterday", "tomorrow", "this morning", "this afternoon",
              "this evening"),
    "week_start": ("the week",), "year_to_date": ("so far", "to date", "to-date", "thus far"),
    "rest_of_year": ("of the year",), "zodiac": ("year of the",),
    "vague": ("recent", "lately", "coming", "few", "ahead", "to come", "now", "present"),
}

#: The compiled patterns, in a fixed order (ties in span length go to the earlier kind).
COMPILED: list[tuple[str, re.Pattern]] = [(kind, re.compile(rx)) for kind, rx in PATTERNS.items()]
#: Case-sensitive twins of the patterns that are case-insensitive throughout, run over the
#: lower-cased text (factwire/casefree.py: the same spans, a 3-4x cheaper scan).
TWINS: dict[str, re.Pattern] = {kind: twin for kind, rx in COMPILED
                                if "(?i:" in rx.pattern and (twin := casefree.twin(rx)) is not None}


#: Per pattern (and twin), where its matches can start (dates_gate: a pattern opening with a
#: month name or a digit is tried only at capitals / digits); None: scanned everywhere.
GATES: dict[re.Pattern, re.Pattern | None] = {rx: dates_gate.gate(rx) for rx in
                                              [rx for _, rx in COMPILED] + list(TWINS.values())}


def pattern_matches(kind: str, rx: re.Pattern, text: str, lower: str | None) -> list[re.Match]:
    """`rx.finditer(text)`, found through the kind's twin on `lower` (text.lower(), or None when
    casefree.plain(text) is False): each span is matched again on `text` for its groups."""
    twin = TWINS.get(kind)
    if twin is None or lower is None:
        return list(dates_gate.finditer(rx, GATES.get(rx), text))
    out = []
    for low in dates_gate.finditer(twin, GATES.get(twin), lower):
        m = rx.match(text, low.start())
        if m is None or m.span() != low.span():
            return list(rx.finditer(text))  # never seen (casefree's argument); the original decides
        out.append(m)
    return out


def worth_running(kind: str, text: str, lower: str) -> bool:
    """False when `text` lacks every trigger of the pattern (patterns without triggers run)."""
    keys = TRIGGERS.get(kind)
    return keys is None or any(k in (lower if k.islower() else text) for k in keys)


def number_value(word: str) -> int:
    """3 for "3" or "three"."""
    return int(word) if word.isdigit() else NUMBER_WORDS[word.lower()]


def spelled_value(words: str) -> int:
    """96 for "ninety-six", 15 for "fifteen", 0 for "hundred" (in "nineteen hundred")."""
    parts = re.split(r"[-\s]+", words.lower())
    if parts == ["hundred"]:
        return 0
    return sum(SPELLED_TENS.get(w) or SPELLED_TEENS.get(w) or SPELLED_UNITS[w] for w in parts)


def ordinal_value(word: str) -> int:
    """14 for "14th" or "fourteenth"."""
    return int(word[:-2]) if word[:1].isdigit() else ORDINAL_WORDS[word.lower()]
