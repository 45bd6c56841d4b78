"""Quarters, halves and reporting periods: "the third quarter", "Q3 2019", "the year-ago quarter",
"the quarter", and the calendar unit TimeML names for an expression (`calendar_unit`).

Earnings news dates by quarter and compares with "a year ago"; TimeML (TempEval-3) annotates a
quarter as YYYY-Qn. factwire's `value` for a quarter stays the year (README: a company's fiscal
quarter need not be the calendar one); the calendar quarter is given beside it (dates.py).
"""
from __future__ import annotations

import datetime as dt
import re

from . import dates_calendar as cal
from .dates_rules import Context, Resolved, _norm

#: "year-ago third quarter", "next year's first half": years added to the publication year.
QUARTER_YEAR_SHIFT = {"year-ago": -1, "year-earlier": -1, "year-before": -1, "prior-year": -1,
                      "last year's": -1, "this year's": 0, "next year's": 1}
ORDINAL_WORDS_Q = {"first": 1, "second": 2, "third": 3, "fourth": 4}

#: Words before "year-end" that make it a time ("by year-end", "since year's end"), not the
#: adjective of "year-end results"/"a year-end bonus".
YEAR_END_CUES = {"by", "at", "until", "till", "before", "after", "since", "around", "through", "toward",
                 "towards", "near", "from", "to"}


def resolve_year_end(m: re.Match, ctx: Context) -> Resolved | None:
    """"by year-end", "by year's end": the end of the publication year, as "the end of the year"
    (value the December, calendar the year: TimeML's YYYY with mod END); "since year-end" the
    last one."""
    cue = (ctx.preceding.split() or [""])[-1].lower()
    if cue not in YEAR_END_CUES:
        return None
    return cal.iso_month(ctx.pub.year - (cue == "since"), 12), None


def resolve_quarter(m: re.Match, ctx: Context) -> Resolved | None:
    """"the third quarter", "Q3 2019", "the first half", "the year-ago third quarter": the months
    of that quarter or half (TimeML YYYY-Qn/Hn). The year is written, shifted by "year-ago" /
    "next year's", or the publication year -- the year before when the quarter has not begun by
    publication and the clause is not in the future (a February report on "the fourth quarter")."""
    first, last = _quarter_months(m)
    written = m["year"] or m["qyear"]
    if written:  # "Q3 2019", "the 1988 second quarter"
        return cal.iso_month(int(written), first), cal.iso_month(int(written), last)
    year = ctx.pub.year + QUARTER_YEAR_SHIFT.get((_norm(m["qrel"]) or "").replace("’", "'"), 0)
    if not m["qrel"] and dt.date(year, first, 1) > ctx.pub and ctx.future is not True:
        year -= 1
    return cal.iso_month(year, first), cal.iso_month(year, last)


def _quarter_months(m: re.Match) -> tuple[int, int]:
    """(first, last) month of the quarter or half a match names."""
    if m["h"]:
        return (1, 6) if m["h"].lower() == "first" else (7, 12)
    n = int(m["qn"]) if m["qn"] else ORDINAL_WORDS_Q[m["q"].lower()]
    return 3 * n - 2, 3 * n


def resolve_period(m: re.Match, ctx: Context) -> Resolved | None:
    """"the quarter", "the latest quarter", "the year-ago period", "the 1988 quarter": the
    reporting period earnings news compares -- the last quarter the article named
    (`ctx.period`), else the last quarter completed before publication ("the latest quarter"
    always is that one, "the current quarter" the one holding publication); "year-ago",
    "year-earlier", "prior-year", "a year ago" after it, move it a year back; a written year
    replaces the period's year. "the period" alone, with no quarter named before, is no date."""
    adj = " ".join(w.lower() for w in (m["padj"], m["yago"]) if w)
    back = any(w in adj for w in ("year-ago", "year-earlier", "prior-year")) or bool(m["pago"])
    if ctx.period is None and (m["punit"] or "").lower() == "period" and not (back or m["pyear"]):
        return None  # "its current period", "the period": no quarter named to refer to
    if "current" in adj:
        period = _quarter_of(ctx.pub)
    elif "latest" in adj or "recent" in adj:
        period = _last_quarter(ctx.pub)
    elif ctx.period is None and (m["punit"] or "").lower() == "period" and not (back or m["pyear"]):
        return None
    else:
        period = ctx.period or _last_quarter(ctx.pub)
    if m["pyear"]:
        if ctx.period is None:
            return m["pyear"], None  # "the 1988 period" with no quarter named: that year
        return shift_period(period, int(m["pyear"]) - int(period[0][:4]))
    return shift_period(period, -1) if back else period


def _quarter_of(day: dt.date) -> Resolved:
    """The calendar quarter holding `day`."""
    first = 3 * ((day.month - 1) // 3) + 1
    return cal.iso_month(day.year, first), cal.iso_month(day.year, first + 2)


def _last_quarter(pub: dt.date) -> Resolved:
    """The last calendar quarter that ended before `pub`."""
    y, m = cal.shift_month(pub.year, pub.month, -3)
    return _quarter_of(dt.date(y, m, 1))


def shift_period(period: Resolved, years: int) -> Resolved:
    """A month range moved by whole years ("a year earlier" than the third quarter)."""
    frm, to = period
    return f"{int(frm[:4]) + years:04d}{frm[4:]}", (f"{int(to[:4]) + years:04d}{to[4:]}" if to else None)


def is_quarter(frm: str | None, to: str | None) -> bool:
    """Is (frm, to) a calendar quarter or half as resolve_quarter writes them?"""
    if not (frm and to and len(frm) == 7 and len(to) == 7 and frm[:4] == to[:4]):
        return False
    a, b = int(frm[5:]), int(to[5:])
    return (a % 3 == 1 and b == a + 2) or (a, b) in ((1, 6), (7, 12))


def calendar_unit(kind: str, m: re.Match, value: Resolved, pub: dt.date | None) -> Resolved | None:
    """The whole calendar unit an expression names with a modifier, as TimeML writes its value
    ("earlier this month" -> the month, "the end of 1990" -> 1990, "the early 1980s" -> the
    decade); None when the value already is that unit or the kind has none."""
    g = m.groupdict()
    if kind in ("relative", "earlier_in") and pub and (kind == "earlier_in" or _norm(g.get("rel")) == "this"):
        unit = g["unit"].lower()
        if unit == "month":
            return cal.iso_month(pub.year, pub.month), None
        if unit == "year":
            return f"{pub.year:04d}", None
        return cal.week_range(pub) if unit == "week" else None
    if kind == "year_end" and value[0]:
        return value[0][:4], None
    if kind == "year_part" and (_norm(g.get("part")) or "") in ("end", "beginning", "start", "middle") and value[0]:
        return value[0][:4], None
    if kind == "decade" and g.get("mod") and value[0]:
        return value[0][:3] + "0", value[0][:3] + "9"
    return None


RESOLVERS = {"quarter": resolve_quarter, "period": resolve_period, "year_end": resolve_year_end}
