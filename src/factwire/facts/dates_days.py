"""Days named through another date: "the week of March 6" (the week holding that day), "Easter
week", the second day of a coordination, "April 24 and 25" (month and year shared with the
first), and "the day before last Tuesday"; spelled-out years ("nineteen ninety-six").

TimeML (TimeML 1.2.1 guidelines; TempEval-3) annotates "the week of March 6" as that ISO week
(2000-W10) and each conjunct of "April 24 and 25" as its own day; a bare "25" names no month of
its own, so it is read only right after a month-day the text resolved (the paragraph's anchor).
"""
from __future__ import annotations

import datetime as dt
import re

from . import dates_calendar as cal
from .dates_patterns import SPELLED_CENTURIES, spelled_value
from .dates_rules import Context, Resolved, resolve_month_day

#: The characters just before a coordinated day: the first conjunct's day number and the
#: conjunction ("April 24 and " -> 24).
FIRST_CONJUNCT = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?,?\s+(?:and|or|&)\s+$")
#: "the day before" / "the day after" right before a resolved day: that day moved by one.
DAY_NEXT_TO = re.compile(r"(?i:\bthe\s+day\s+(before|after))\s+$")
DAY_NEXT_TO_CHARS = 24


def resolve_week_of(m: re.Match, ctx: Context) -> Resolved | None:
    """"the week of March 6": Monday..Sunday of the week holding that day (its year from the
    text or the tense, as for the day alone)."""
    day = resolve_month_day(m, ctx)
    if day is None or day[0] is None:
        return None
    y, mo, d = (int(x) for x in day[0].split("-"))
    return cal.week_range(cal.safe_day(y, mo, d))


def resolve_and_day(m: re.Match, ctx: Context) -> Resolved | None:
    """"25" in "April 24 and 25": the anchor's month and year with this day, when the anchor is
    the day just before the conjunction, this one comes after it and counts no noun."""
    if ctx.number:
        return None  # "on Nov. 12 and 15 people were hurt": a count (dates.counts_a_noun)
    first = FIRST_CONJUNCT.search(ctx.preceding)
    anchor = ctx.anchor or ""
    if not first or len(anchor) != 10 or int(anchor[8:]) != int(first[1]):
        return None
    day = int(m["day"])
    if day <= int(first[1]):
        return None
    d = cal.safe_day(int(anchor[:4]), int(anchor[5:7]), day)
    return (cal.iso_day(d), None) if d else None


def day_next_to(text: str, item: dict) -> dict:
    """"the day before last Tuesday's hearing", "the day after Christmas": one day, the named
    day moved by one (TimeML annotates the whole phrase with that day). The item grows to
    cover the phrase; anything but a single resolved day is left as it is."""
    frm = item["from"]
    if not frm or len(frm) != 10 or item["to"] is not None:
        return item
    lead = max(0, item["start"] - DAY_NEXT_TO_CHARS)
    m = DAY_NEXT_TO.search(text[lead:item["start"]])
    if not m:
        return item
    day = dt.date.fromisoformat(frm) + dt.timedelta(days=-1 if m[1].lower() == "before" else 1)
    start = lead + m.start()
    return {**item, "text": text[start:item["end"]], "start": start, "from": cal.iso_day(day),
            "value": {"from": cal.iso_day(day), "to": None}}


def resolve_holiday_week(m: re.Match, ctx: Context) -> Resolved | None:
    """"Easter week", "Christmas week": Monday..Sunday of the week holding the holiday (TimeML:
    2000-W16 for Easter 2000). Which year's follows the tense as for the week's Monday, so "as
    Easter week began" on that Monday is this year's, not last year's."""
    holiday = cal.HOLIDAYS[m["hol"].lower()]

    def monday(year: int) -> dt.date:
        day = holiday(year)
        return day - dt.timedelta(days=day.weekday())

    return cal.week_range(cal.yearly_date(ctx.pub, monday, ctx.future))


def resolve_spelled_year(m: re.Match, ctx: Context) -> Resolved | None:
    """"nineteen ninety-six" -> 1996, "the year two thousand" -> 2000 (transcripts spell years out)."""
    if m["cent"]:
        return f"{SPELLED_CENTURIES[m['cent'].lower()] + spelled_value(m['rest']):04d}", None
    return f"{2000 + (spelled_value(m['rest2']) if m['rest2'] else 0):04d}", None


RESOLVERS = {"spelled_year": resolve_spelled_year, "week_of": resolve_week_of, "and_day": resolve_and_day,
             "holiday_week": resolve_holiday_week}
