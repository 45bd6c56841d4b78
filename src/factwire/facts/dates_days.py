"""Days named through another date: "the week of March 6" (the week holding that day) and the
second day of a coordination, "April 24 and 25" (month and year shared with the first).

TimeML (TimeML 1.2.1 guidelines; TempEval-3) annotates "the week of March 6" as that ISO week
(2000-W10) and each conjunct of "April 24 and 25" as its own day; a bare "25" names no month of
its own, so it is read only right after a month-day the text resolved (the paragraph's anchor).
"""
from __future__ import annotations

import re

from . import dates_calendar as cal
from .dates_rules import Context, Resolved, resolve_month_day

#: The characters just before a coordinated day: the first conjunct's day number and the
#: conjunction ("April 24 and " -> 24).
FIRST_CONJUNCT = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?,?\s+(?:and|or|&)\s+$")


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


RESOLVERS = {"week_of": resolve_week_of, "and_day": resolve_and_day}
