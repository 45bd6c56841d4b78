"""Calendar arithmetic for date resolution: plain `datetime.date` maths, no parser.

Values are ISO strings at the precision the text supports: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
A resolved date is a pair `(from, to)`; `to` is None when the expression names one unit
(a day, a month, a year), as the facts gold writes it.
"""
from __future__ import annotations

import datetime as dt

Value = tuple[str | None, str | None]

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}
WEEKDAYS = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}
#: Meteorological seasons (northern hemisphere), as the gold writes "fall" 09..11.
SEASONS = {"spring": (3, 5), "summer": (6, 8), "fall": (9, 11), "autumn": (9, 11), "winter": (12, 2)}
#: Chinese zodiac: 2020 is the year of the rat; the cycle is 12 years.
ZODIAC = ("rat", "ox", "tiger", "rabbit", "dragon", "snake", "horse", "goat", "monkey",
          "rooster", "dog", "pig")
ZODIAC_BASE = 2020


def month_number(word: str) -> int:
    """1..12 for a month name or abbreviation ("Sept.", "October")."""
    return MONTHS[word.lower()[:3]]


def weekday_number(word: str) -> int:
    """0 (Monday)..6 for a weekday name or abbreviation."""
    return WEEKDAYS[word.lower()[:3]]


def iso_day(d: dt.date) -> str:
    return d.isoformat()


def iso_month(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    """(year, month) moved by `delta` months."""
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def safe_day(year: int, month: int, day: int) -> dt.date | None:
    """The date, or None when the text names an impossible one ("February 30")."""
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def weekday_date(published: dt.date, weekday: int, future: bool, strict: bool = False) -> dt.date:
    """The weekday on/before publication (past) or on/after it (future).

    `strict` excludes publication day itself ("next Tuesday", "last Tuesday")."""
    if future:
        delta = (weekday - published.weekday()) % 7
        if strict and delta == 0:
            delta = 7
        return published + dt.timedelta(days=delta)
    delta = (published.weekday() - weekday) % 7
    if strict and delta == 0:
        delta = 7
    return published - dt.timedelta(days=delta)


def weekday_nearest(published: dt.date, weekday: int) -> dt.date:
    """The weekday nearer to publication, past or coming (ties go to the past)."""
    back, ahead = weekday_date(published, weekday, False), weekday_date(published, weekday, True)
    return ahead if (ahead - published) < (published - back) else back


def week_range(day: dt.date, weeks: int = 0) -> Value:
    """Monday..Sunday of the week holding `day`, moved by `weeks`."""
    monday = day - dt.timedelta(days=day.weekday()) + dt.timedelta(weeks=weeks)
    return iso_day(monday), iso_day(monday + dt.timedelta(days=6))


def weekend_range(published: dt.date, future: bool) -> Value:
    """The Saturday..Sunday just before publication, or the coming one in future tense."""
    saturday = weekday_date(published, 5, future)
    if not future and published.weekday() == 5:
        saturday = published
    return iso_day(saturday), iso_day(saturday + dt.timedelta(days=1))


def month_year(published: dt.date, month: int, future: bool, strict: bool = False) -> int:
    """The year a bare month name takes: the latest not after publication (past tense), or the
    next one (future). `strict` excludes the publication month ("last November" in November)."""
    if future:
        return published.year if (month > published.month or (month == published.month and not strict)) \
            else published.year + 1
    return published.year if (month < published.month or (month == published.month and not strict)) \
        else published.year - 1


def month_year_nearest(published: dt.date, month: int) -> int:
    """The year putting a bare month nearest to publication (ties go to the past): a
    present-tense clause ("takes office in January", "covers January to June") may look
    either way."""
    back = (published.month - month) % 12
    ahead = (month - published.month) % 12
    return month_year(published, month, ahead < back)


def month_day_date(published: dt.date, month: int, day: int, future: bool | None) -> dt.date | None:
    """A month-day without a year: on/before publication (past), on/after (future), or, with no
    tense cue, the nearer of the two unless that one is more than NEAR_FUTURE_DAYS ahead."""
    past = safe_day(published.year, month, day)
    if past is None:
        return None
    if past > published:
        past = safe_day(published.year - 1, month, day)
    nxt = safe_day(published.year + (1 if (month, day) < (published.month, published.day) else 0), month, day)
    if future is True:
        return nxt
    if future is False or past is None or nxt is None:
        return past or nxt
    return nxt if (nxt - published).days <= NEAR_FUTURE_DAYS else past


#: A month-day with no tense cue is read as upcoming only within this many days (scheduled
#: events like "the Dec. 12 election" in a November article); beyond it, past is likelier.
NEAR_FUTURE_DAYS = 100


def zodiac_year(published: dt.date, animal: str) -> int:
    """The year of `animal` nearest to publication."""
    offset = (ZODIAC.index(animal) - (published.year - ZODIAC_BASE)) % 12
    after = published.year + offset
    return after if offset <= 6 else after - 12


def span_back(published: dt.date, count: int, unit: str) -> Value:
    """"the last five days", "the past two months": a span ending at publication."""
    if unit == "day":
        return iso_day(published - dt.timedelta(days=count)), iso_day(published)
    if unit == "week":
        return iso_day(published - dt.timedelta(weeks=count)), iso_day(published)
    if unit == "month":
        y, m = shift_month(published.year, published.month, -count)
        return iso_month(y, m), iso_month(published.year, published.month)
    return f"{published.year - count:04d}", f"{published.year:04d}"


def shift_value(value: str, count: int, unit: str) -> Value:
    """An anchor ISO value moved by `count` units ("a year earlier", "the previous week")."""
    parts = [int(p) for p in value.split("-")]
    if unit == "week":
        anchor = dt.date(*parts) if len(parts) == 3 else dt.date(parts[0], parts[1] if len(parts) > 1 else 1, 1)
        return week_range(anchor, count)
    if unit == "month" and len(parts) >= 2:
        y, m = shift_month(parts[0], parts[1], count)
        return iso_month(y, m), None
    if unit == "day" and len(parts) == 3:
        return iso_day(dt.date(*parts) + dt.timedelta(days=count)), None
    years = count if unit == "year" else 0
    parts[0] += years
    if len(parts) == 3 and parts[1:] == [2, 29]:
        parts[2] = 28
    if unit == "year":
        return "-".join([f"{parts[0]:04d}"] + [f"{p:02d}" for p in parts[1:]]), None
    return f"{parts[0]:04d}", None


def easter(year: int) -> dt.date:
    """Western Easter Sunday (anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 19 * l) // 433
    month = (h + l - 7 * m + 90) // 25
    return dt.date(year, month, (h + l - 7 * m + 33 * month + 19) % 32)


def nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    """The n-th (1-based; -1 = last) given weekday of a month."""
    if n > 0:
        first = dt.date(year, month, 1)
        return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    y, m = shift_month(year, month, 1)
    last = dt.date(y, m, 1) - dt.timedelta(days=1)
    return last - dt.timedelta(days=(last.weekday() - weekday) % 7)


#: Holidays as functions of the year (US ones as US news uses them).
HOLIDAYS = {
    "christmas": lambda y: dt.date(y, 12, 25), "christmas day": lambda y: dt.date(y, 12, 25),
    "christmas eve": lambda y: dt.date(y, 12, 24), "boxing day": lambda y: dt.date(y, 12, 26),
    "new year's day": lambda y: dt.date(y, 1, 1), "new year's eve": lambda y: dt.date(y, 12, 31),
    "valentine's day": lambda y: dt.date(y, 2, 14), "halloween": lambda y: dt.date(y, 10, 31),
    "easter": easter, "easter sunday": easter,
    "good friday": lambda y: easter(y) - dt.timedelta(days=2),
    "thanksgiving": lambda y: nth_weekday(y, 11, 3, 4),
    "thanksgiving day": lambda y: nth_weekday(y, 11, 3, 4),
    "black friday": lambda y: nth_weekday(y, 11, 3, 4) + dt.timedelta(days=1),
    "cyber monday": lambda y: nth_weekday(y, 11, 3, 4) + dt.timedelta(days=4),
    "memorial day": lambda y: nth_weekday(y, 5, 0, -1), "labor day": lambda y: nth_weekday(y, 9, 0, 1),
    # US federal Election Day (2 U.S.C. 7): the Tuesday after the first Monday of November
    "election day": lambda y: nth_weekday(y, 11, 0, 1) + dt.timedelta(days=1),
}


def yearly_date(published: dt.date, of_year, future: bool | None) -> dt.date:
    """A yearly day (holiday) near publication: on/before it (past), on/after (future); with no
    cue, the coming one if within NEAR_FUTURE_DAYS, else the last one."""
    this = of_year(published.year)
    past = this if this <= published else of_year(published.year - 1)
    nxt = this if this >= published else of_year(published.year + 1)
    if future is True:
        return nxt
    if future is False:
        return past
    return nxt if (nxt - published).days <= NEAR_FUTURE_DAYS else past
