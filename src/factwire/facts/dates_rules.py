"""One resolver per pattern kind of `dates_patterns`: a regex match -> `(from, to)`.

A resolver returns a `(from, to)` pair, `VAGUE` for a calendar expression that names no fixed
span ("recently", "the coming weeks"), or None when the match is not a date after all.
It reads the publication date, the tense around the match and the last resolved date of the
paragraph (the anchor of "a year earlier", "the previous week") from a `Context`.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from . import dates_calendar as cal
from .dates_patterns import NAMED_DAY_WORDS, ORDINAL_WORDS, number_value, ordinal_value

#: A resolved date: ISO `from` and `to` (None for a single day/month/year).
Resolved = tuple[str | None, str | None]
#: The answer for a calendar expression that names no fixed span.
VAGUE: Resolved = ("vague", "vague")
#: Decade/century parts: "the early 2020s" is 2020..2023 (README); mid 4..6, late 7..9.
DECADE_PARTS = {None: (0, 9), "early": (0, 3), "mid": (4, 6), "late": (7, 9)}
CENTURY_PARTS = {None: (0, 99), "early": (0, 32), "mid": (33, 65), "late": (66, 99)}
#: "the end of 2025" -> 2025-12, "the beginning of 2020" -> 2020-01; halves are month ranges.
YEAR_PARTS = {"end": (12, None), "beginning": (1, None), "start": (1, None), "first half": (1, 6),
              "second half": (7, 12)}
#: A bare month with no tense cue is read as upcoming when it is at most this many months ahead
#: (the same horizon as a month-day's NEAR_FUTURE_DAYS): an October story's "in January" is the
#: coming January, its "in April" the last one.
NEAR_FUTURE_MONTHS = 3
#: Relative words that count from publication, in units ("last week" = -1).
PUBLICATION_STEPS = {"this": 0, "last": -1, "previous": -1, "next": 1, "coming": 1, "the coming": 1}
#: Relative words that count from the last date mentioned rather than from publication.
ANCHOR_STEPS = {"the previous": -1, "the following": 1, "the next": 1, "that": 0, "the same": 0}
#: Determiners before "recently" make it part of an adjective phrase, not a time.
DETERMINERS = {"the", "a", "an", "its", "his", "her", "their", "our", "this", "these", "those"}
#: Words that mark a bare month, weekday or month-day as a date rather than a name or verb.
MAY_CUES = {"in", "since", "until", "by", "from", "of", "through", "to", "before", "after", "during"}
#: A bare month followed by "for"/"of" and a capitalised word, with no preposition before it, names
#: an event or a movement ("the annual March for Life", "the March of the Combatant Mothers").
MONTH_AS_NAME = re.compile(r"^\s+(?:for|of)\s+(?:the\s+|our\s+)?[A-Z]")


class NoPublicationDate(Exception):
    """A relative expression met an article without a publication date: it stays unresolved."""


@dataclass
class Context:
    """What a resolver may know beyond its match."""

    published: dt.date | None
    future: bool | None = None          # tense of the clause around the match (None: no cue)
    nearest: bool = False               # tense points neither way ("takes office in", "would")
    anchor: str | None = None           # last resolved single date of the paragraph
    period: Resolved | None = None      # last quarter/half the article named (earnings news)
    preceding: str = ""                 # the few characters before the match
    following: str = ""                 # the few characters after it
    noun: bool = True                   # the match's head is a noun (seasons: "fall" vs "prices fall")
    modifier: bool = False              # the match only modifies a noun ("recently named chair")
    number: bool = False                # spaCy's NER calls it a plain number ("2000 people")

    @property
    def pub(self) -> dt.date:
        if self.published is None:
            raise NoPublicationDate
        return self.published


def _norm(s: str | None) -> str | None:
    """Lower case with single spaces, for comparing matched words."""
    return re.sub(r"\s+", " ", s.lower()) if s else None


def resolve_month_day(m: re.Match, ctx: Context) -> Resolved | None:
    """"Oct. 17, 2022", "15 November", "Tuesday, November 19": a day; the year from the text,
    from the weekday it is given with, or from the tense."""
    month, day = cal.month_number(m["month"]), int(m["day"])
    if m["year"]:
        d = cal.safe_day(int(m["year"]), month, day)
    elif m["wd"]:
        d = _day_with_weekday(ctx.pub, month, day, cal.weekday_number(m["wd"]))
    else:
        d = cal.month_day_date(ctx.pub, month, day, ctx.future)
    return (cal.iso_day(d), None) if d else None


def _day_with_weekday(published: dt.date, month: int, day: int, weekday: int) -> dt.date | None:
    """The year near publication in which month/day falls on the given weekday."""
    for year in (published.year, published.year - 1, published.year + 1):
        d = cal.safe_day(year, month, day)
        if d and d.weekday() == weekday:
            return d
    return cal.month_day_date(published, month, day, None)


def resolve_holiday(m: re.Match, ctx: Context) -> Resolved | None:
    """"Christmas", "Thanksgiving 2018": the day, the year from the text or the tense."""
    of_year = cal.HOLIDAYS[re.sub(r"\s+", " ", m["hol"].lower().replace("’", "'"))]
    if m["year"]:
        return cal.iso_day(of_year(int(m["year"]))), None
    return cal.iso_day(cal.yearly_date(ctx.pub, of_year, ctx.future)), None


def resolve_decade_ago(m: re.Match, ctx: Context) -> Resolved | None:
    """"a decade ago" -> the year ten years before publication."""
    return f"{ctx.pub.year - 10 * number_value(m['n']):04d}", None


def resolve_past_decade(m: re.Match, ctx: Context) -> Resolved | None:
    """"the past decade": the ten years ending at publication."""
    return f"{ctx.pub.year - 10:04d}", f"{ctx.pub.year:04d}"


def resolve_numeric(m: re.Match, ctx: Context) -> Resolved | None:
    d = cal.safe_day(int(m["year"]), int(m["m"]), int(m["day"]))
    return (cal.iso_day(d), None) if d else None


def resolve_month(m: re.Match, ctx: Context) -> Resolved | None:
    """"in August", "October 2015", "early November", "last November": a month."""
    month = cal.month_number(m["month"])
    rel = _norm(m["rel"])
    if m["month"] == "May" and not (m["year"] or m["mod"] or rel) and _last_word(ctx.preceding) not in MAY_CUES:
        return None
    if not (m["year"] or m["mod"] or rel or m["yrel"]) and MONTH_AS_NAME.match(ctx.following) \
            and _last_word(ctx.preceding) not in MAY_CUES:  # "in March for Christmas talks" stays a month
        return None
    if m["year"]:
        return cal.iso_month(int(m["year"]), month), None
    if m["yrel"]:  # "March of last year"
        return cal.iso_month(ctx.pub.year + {"last": -1, "next": 1}.get(m["yrel"].lower(), 0), month), None
    if rel in ("next", "this coming"):
        year = cal.month_year(ctx.pub, month, True, strict=True)
    elif rel in ("last", "this past"):
        year = cal.month_year(ctx.pub, month, False, strict=True)
    elif ctx.future is None and (ctx.nearest or 0 < (month - ctx.pub.month) % 12 <= NEAR_FUTURE_MONTHS):
        year = cal.month_year_nearest(ctx.pub, month)
    else:
        year = cal.month_year(ctx.pub, month, bool(ctx.future))
    return cal.iso_month(year, month), None


def resolve_month_range(m: re.Match, ctx: Context) -> Resolved | None:
    """"the July-September period": from..to months (the year of the first from the tense)."""
    first, last = cal.month_number(m["month"]), cal.month_number(m["month2"])
    if m["year"]:
        y1 = y2 = int(m["year"])
        y1 -= first > last
    else:
        y1 = cal.month_year(ctx.pub, first, bool(ctx.future))
        y2 = y1 + (last < first)
    return cal.iso_month(y1, first), cal.iso_month(y2, last)


def _first_word(s: str) -> str:
    words = s.split()
    return words[0].lower().strip(",.;:") if words else ""


def _last_word(s: str) -> str:
    words = s.split()
    return words[-1].lower() if words else ""


def resolve_month_so_far(m: re.Match, ctx: Context) -> Resolved | None:
    """"November so far": the 1st of that month to publication."""
    month = cal.month_number(m["month"])
    year = cal.month_year(ctx.pub, month, False)
    return cal.iso_day(dt.date(year, month, 1)), cal.iso_day(ctx.pub)


def resolve_weekday(m: re.Match, ctx: Context) -> Resolved | None:
    """A weekday: the one on/before publication, or on/after it in a future clause."""
    weekday, rel = cal.weekday_number(m["wd"]), _norm(m["rel"])
    if not rel and ctx.preceding.split()[-1:] and ctx.preceding.split()[-1] in NAMED_DAY_WORDS:
        return None  # "Remembrance Sunday", "Super Tuesday"
    if rel in ("next", "this coming"):
        return cal.iso_day(cal.weekday_date(ctx.pub, weekday, True, strict=True)), None
    if rel in ("last", "this past"):
        return cal.iso_day(cal.weekday_date(ctx.pub, weekday, False, strict=True)), None
    if ctx.future is None and ctx.nearest:
        return cal.iso_day(cal.weekday_nearest(ctx.pub, weekday)), None
    return cal.iso_day(cal.weekday_date(ctx.pub, weekday, bool(ctx.future))), None


def resolve_year(m: re.Match, ctx: Context) -> Resolved | None:
    """"in 2017", "fiscal 2019", "mid-2020", "WeWork's 2025 bond" -- not "2000 people";
    Reuters' "end-2019" is the end of 2019, so 2019-12 (README: "the end of 2025" -> 2025-12)."""
    if ctx.number:
        return None
    edge = {"end": 12, "start": 1}.get(_norm(m["edge"]) or "")
    return (cal.iso_month(int(m["year"]), edge) if edge else m["year"]), None


def resolve_year_range(m: re.Match, ctx: Context) -> Resolved | None:
    """"2018-2019", "2019-20": from..to."""
    last = m["last"] if len(m["last"]) == 4 else m["year"][:2] + m["last"]
    return (m["year"], last) if last > m["year"] else None


def resolve_month_part(m: re.Match, ctx: Context) -> Resolved | None:
    """"the end of the month", "the beginning of next month": the month."""
    step = {"next": 1, "last": -1}.get(_norm(m["which"]), 0)
    year, month = cal.shift_month(ctx.pub.year, ctx.pub.month, step)
    return cal.iso_month(year, month), None


def resolve_year_part(m: re.Match, ctx: Context) -> Resolved | None:
    """"the end of 2025" -> 2025-12, "the first half of next year" -> 2020-01..2020-06."""
    if m["year"]:
        year = int(m["year"])
    elif m["cal"] and "calendar" in m["cal"].lower() and _norm(m["which"]) == "the":
        return VAGUE
    else:
        year = ctx.pub.year + {"next": 1, "last": -1}.get(_norm(m["which"]), 0)
    part = _norm(m["part"])
    if part.endswith("quarter"):
        n = ORDINAL_WORDS[part.split()[0]]
        return cal.iso_month(year, 3 * n - 2), cal.iso_month(year, 3 * n)
    if part not in YEAR_PARTS:
        return f"{year:04d}", None
    first, last = YEAR_PARTS[part]
    return cal.iso_month(year, first), (cal.iso_month(year, last) if last else None)


def resolve_decade(m: re.Match, ctx: Context) -> Resolved | None:
    dec = m["dec"]
    start = int(dec) if dec[0].isdigit() else 1900 + int(dec[1:])
    if start % 100 == 0 and start != 2000:  # "the 1800s" is a century
        lo, hi = CENTURY_PARTS[_norm(m["mod"])]
        return f"{start + lo:04d}", f"{start + hi:04d}"
    lo, hi = DECADE_PARTS[_norm(m["mod"])]
    return f"{start + lo:04d}", f"{start + hi:04d}"


def resolve_century(m: re.Match, ctx: Context) -> Resolved | None:
    """"the 14th century" -> 1300..1399 (README)."""
    if ordinal_value(m["ord"]) < 1:
        return None
    start = (ordinal_value(m["ord"]) - 1) * 100
    lo, hi = CENTURY_PARTS[_norm(m["mod"])]
    return f"{start + lo:04d}", f"{start + hi:04d}"


def resolve_season(m: re.Match, ctx: Context) -> Resolved | None:
    """"fall" -> 2019-09..2019-11: the season holding publication or the latest before it
    (past), the next one (future, "next"), the one before the current ("last")."""
    first, last = cal.SEASONS[m["season"].lower()]
    rel = _norm(m["rel"]) or ""
    if m["year"]:
        year = int(m["year"])
        return cal.iso_month(year, first), cal.iso_month(year + (last < first), last)
    if rel in ("", "the") and (not ctx.noun or _first_word(ctx.following) in SEASON_STOPS):
        return None
    start = _season_start(ctx.pub, first, last, rel, ctx.future)
    return cal.iso_month(start.year, first), cal.iso_month(start.year + (last < first), last)


def _season_start(pub: dt.date, first: int, last: int, rel: str, future: bool | None) -> dt.date:
    """First day of the season meant: the one holding publication or the latest begun (past),
    the coming one ("next", future clause), the latest ended ("last")."""
    spans = []
    for year in (pub.year - 2, pub.year - 1, pub.year, pub.year + 1):
        end_y, end_m = cal.shift_month(year + (last < first), last, 1)
        spans.append((dt.date(year, first, 1), dt.date(end_y, end_m, 1)))
    if rel == "this":  # "this summer": the one of the publication year (a January "this winter" began in December)
        year = pub.year - 1 if (last < first and pub.month <= last) else pub.year
        return dt.date(year, first, 1)
    if rel.startswith("next") or rel == "this coming":
        return [s for s, _ in spans if s > pub][0]
    if rel in ("last", "this past"):
        return [s for s, e in spans if e <= pub][-1]
    if future:
        return [s for s, e in spans if e > pub][0]
    return [s for s, _ in spans if s <= pub][-1]


def resolve_relative(m: re.Match, ctx: Context) -> Resolved | None:
    """"this week", "last month", "earlier this year", "next year"; "the previous week", "the
    next day", "that year" count from the anchor date (and are dropped without one)."""
    rel, unit, mod = _norm(m["rel"]), m["unit"].lower(), _norm(m["mod"])
    if rel in ANCHOR_STEPS:
        found = _from_anchor(ctx.anchor, ANCHOR_STEPS[rel], unit)
        if found or rel in ("that", "the same") or unit == "day":
            return found
    if unit == "day":
        return None
    if rel in ("past", "the past", "the last"):
        if unit == "weekend":
            return cal.weekend_range(ctx.pub, False)
        return cal.span_back(ctx.pub, 1, unit)
    step = PUBLICATION_STEPS.get(rel, ANCHOR_STEPS.get(rel))
    handler = {"week": _week, "weekend": _weekend, "month": _month, "year": _year}[unit]
    return handler(ctx, step, mod)


def _from_anchor(anchor: str | None, step: int, unit: str) -> Resolved | None:
    """The anchor moved by `step` units, at the unit's precision (None when it is coarser)."""
    if not anchor or unit == "weekend" or (unit == "day" and len(anchor) != 10) \
            or (unit == "month" and len(anchor) < 7):
        return None
    frm, to = cal.shift_value(anchor, step, unit)
    return (frm[:4], to) if unit == "year" else (frm, to)


def _week(ctx: Context, step: int, mod: str | None) -> Resolved | None:
    start, end = cal.week_range(ctx.pub, step)
    if step == 0 and mod in ("earlier", "early"):
        end = cal.iso_day(ctx.pub)
    return start, end


def _weekend(ctx: Context, step: int, mod: str | None) -> Resolved | None:
    if step == 0:  # "this weekend": the one of the publication week (Monday-based)
        saturday = dt.date.fromisoformat(cal.week_range(ctx.pub)[0]) + dt.timedelta(days=5)
        return cal.iso_day(saturday), cal.iso_day(saturday + dt.timedelta(days=1))
    saturday = cal.weekday_date(ctx.pub, 5, step > 0, strict=True)
    return cal.iso_day(saturday), cal.iso_day(saturday + dt.timedelta(days=1))


def _month(ctx: Context, step: int, mod: str | None) -> Resolved | None:
    pub = ctx.pub
    if step == 0 and (mod in ("earlier", "early") or (mod is None and ctx.future is False)):
        return cal.iso_day(pub.replace(day=1)), cal.iso_day(pub)  # so far (calendar: the whole month)
    year, month = cal.shift_month(pub.year, pub.month, step)
    return cal.iso_month(year, month), None


def _year(ctx: Context, step: int, mod: str | None) -> Resolved | None:
    pub = ctx.pub
    if step == 0 and mod == "earlier":
        return cal.iso_day(pub.replace(month=1, day=1)), cal.iso_day(pub)
    return f"{pub.year + step:04d}", None


def resolve_earlier_in(m: re.Match, ctx: Context) -> Resolved | None:
    """"earlier in the year" reads as "earlier this year"."""
    unit, mod = m["unit"].lower(), m["mod"].lower()
    return {"week": _week, "month": _month, "year": _year}[unit](ctx, 0, mod)


def resolve_weekend(m: re.Match, ctx: Context) -> Resolved | None:
    return cal.weekend_range(ctx.pub, bool(ctx.future))


def resolve_count_back(m: re.Match, ctx: Context) -> Resolved | None:
    """"the last five days", "the past two months": a span ending at publication."""
    return cal.span_back(ctx.pub, number_value(m["n"]), m["unit"].lower())


def resolve_ago(m: re.Match, ctx: Context) -> Resolved | None:
    """"a year ago", "a year earlier", "two days later": the paragraph's last date (or the
    publication date) moved by the count, at that date's precision."""
    count = number_value(m["n"]) * (1 if m["dir"].lower() == "later" else -1)
    unit = m["unit"].lower()
    if m["dir"].lower() == "before" and re.match(r"\s*\w", ctx.following):
        return None  # "11 days before the election" counts from the election, not a date we know
    if ctx.anchor is None and ctx.period is not None and unit == "year" and count == -1:
        frm, to = ctx.period  # "up from $5 million a year ago": the same quarter a year back
        return f"{int(frm[:4]) - 1:04d}{frm[4:]}", (f"{int(to[:4]) - 1:04d}{to[4:]}" if to else None)
    base = ctx.anchor if ctx.anchor else _pub_at(ctx.pub, unit)
    if unit in ("week", "day"):  # "two weeks later": days, from a day anchor or publication
        if len(base) != 10:
            return None  # "nine days earlier" than a month: no day to count from
        return cal.iso_day(dt.date.fromisoformat(base) + dt.timedelta(weeks=count) * (unit == "week")
                           + dt.timedelta(days=count) * (unit == "day")), None
    return cal.shift_value(base, count, unit)


def _pub_at(pub: dt.date, unit: str) -> str:
    """The publication date at the precision an "N units ago" supports."""
    return cal.iso_day(pub) if unit in ("day", "week") else cal.iso_month(pub.year, pub.month) \
        if unit == "month" else f"{pub.year:04d}"


def resolve_today(m: re.Match, ctx: Context) -> Resolved | None:
    offset = {"yesterday": -1, "tomorrow": 1, "last night": -1}.get(_norm(m["word"]), 0)
    return cal.iso_day(ctx.pub + dt.timedelta(days=offset)), None


def resolve_week_start(m: re.Match, ctx: Context) -> Resolved | None:
    return cal.week_range(ctx.pub)[0], None


def resolve_year_to_date(m: re.Match, ctx: Context) -> Resolved | None:
    """"so far this year", "year to date", "the month so far": from the unit's start to publication."""
    unit = next(u for u in (m["u1"], m["u2"], m["u3"], m["u4"]) if u).lower()
    pub = ctx.pub
    start = {"year": pub.replace(month=1, day=1), "month": pub.replace(day=1),
             "week": pub - dt.timedelta(days=pub.weekday())}[unit]
    return cal.iso_day(start), cal.iso_day(pub)


def resolve_rest_of_year(m: re.Match, ctx: Context) -> Resolved | None:
    return cal.iso_month(ctx.pub.year, ctx.pub.month), cal.iso_month(ctx.pub.year, 12)


def resolve_zodiac(m: re.Match, ctx: Context) -> Resolved | None:
    return f"{cal.zodiac_year(ctx.pub, m['animal'].lower()):04d}", None


def resolve_vague(m: re.Match, ctx: Context) -> Resolved | None:
    """"recently", "the coming weeks": kept, unresolvable -- unless it only modifies a noun
    ("the recently opened plant", "the company's recently named chair")."""
    after_determiner = _last_word(ctx.preceding) in DETERMINERS or re.search(r"['’]s\s+$", ctx.preceding)
    return None if ctx.modifier or (m.group().lower() == "recently" and after_determiner) else VAGUE


RESOLVERS: dict[str, Callable[[re.Match, Context], Resolved | None]] = {
    "year_range": resolve_year_range,
    "month_part": resolve_month_part,
    "month_range": resolve_month_range,
    "holiday": resolve_holiday,
    "decade_ago": resolve_decade_ago,
    "past_decade": resolve_past_decade,
    "month_day": resolve_month_day,
    "day_month": resolve_month_day,
    "iso": resolve_numeric,
    "numeric": resolve_numeric,
    "month": resolve_month,
    "month_so_far": resolve_month_so_far,
    "weekday": resolve_weekday,
    "year": resolve_year,
    "year_part": resolve_year_part,
    "decade": resolve_decade,
    "century": resolve_century,
    "season": resolve_season,
    "relative": resolve_relative,
    "earlier_in": resolve_earlier_in,
    "weekend": resolve_weekend,
    "count_back": resolve_count_back,
    "ago": resolve_ago,
    "today": resolve_today,
    "week_start": resolve_week_start,
    "year_to_date": resolve_year_to_date,
    "rest_of_year": resolve_rest_of_year,
    "zodiac": resolve_zodiac,
    "vague": resolve_vague,
}
#: Kinds whose meaning depends on the clause's tense (only these pay for a parse-tree walk).
TENSED = {"quarter", "holiday", "month_range", "month_day", "day_month", "month", "weekday", "season", "relative",
          "weekend", "earlier_in", "week_of", "holiday_week"}
#: Kinds that read the paragraph's last resolved date.
ANCHORED = {"relative", "ago", "and_day"}
#: "the previous week" always points away from publication (else it would be "last week"), so
#: its anchor may sit in an earlier paragraph; "a year ago" takes one only from its own.
FAR_ANCHORED = {"relative"}
#: Kinds that need the part of speech of their head.
NEEDS_POS = {"season", "vague", "year"}
#: A bare season word followed by these is the noun "fall"/"spring" ("a fall in prices").
SEASON_STOPS = {"in", "of", "to", "from", "by", "for"}
