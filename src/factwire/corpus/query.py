"""Queries over corpus events (from `merge_events`) or article events.

Filters are plain predicates over the event dicts, so the CLI, the API, the report and a
notebook share them.  Writers (CSV, JSONL, GeoJSON, Parquet) are in `factwire.export`.
"""
from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from factwire.corpus.merge import parse_day, span


def parse_bbox(value: str | Iterable[float]) -> tuple[float, float, float, float]:
    """'min_lon,min_lat,max_lon,max_lat' (or four numbers) -> a checked tuple."""
    parts = [float(x) for x in (value.split(",") if isinstance(value, str) else value)]
    if len(parts) != 4 or parts[0] > parts[2] or parts[1] > parts[3]:
        raise ValueError(f"bbox must be min_lon,min_lat,max_lon,max_lat; got {value!r}")
    return parts[0], parts[1], parts[2], parts[3]


def in_bbox(ev: dict, bbox: tuple[float, float, float, float]) -> bool:
    """Whether the event has coordinates inside the box (edges included)."""
    loc = ev.get("location") or {}
    lat, lon = loc.get("lat"), loc.get("lon")
    if lat is None or lon is None:
        return False
    return bbox[0] <= lon <= bbox[2] and bbox[1] <= lat <= bbox[3]


def _actor_text(ev: dict) -> str:
    return " ".join(str(ev.get(k) or "") for k in ("actor_norm", "actor")).casefold()


def matches(ev: dict, *, type: str | None = None, sub_type: str | None = None,
            since: str | date | None = None, until: str | date | None = None,
            country: str | None = None, bbox: Any = None, actor: str | None = None) -> bool:
    """Whether one event passes every given filter. Dates compare by overlap: an event dated
    11-17 Nov is kept by --since 2022-11-15; undated events fail any date filter."""
    if type and (ev.get("event_type") or "").casefold() != type.casefold():
        return False
    if sub_type and (ev.get("sub_event_type") or "").casefold() != sub_type.casefold():
        return False
    if since or until:
        s, first, last = span(ev), parse_day(since), parse_day(until)
        if s is None or (first and s[1] < first) or (last and s[0] > last):
            return False
    if country and ((ev.get("location") or {}).get("country") or "").casefold() != country.casefold():
        return False
    if bbox is not None and not in_bbox(ev, parse_bbox(bbox) if isinstance(bbox, str) else bbox):
        return False
    return not actor or actor.casefold() in _actor_text(ev)


def filter_events(events: Iterable[dict], **filters: Any) -> list[dict]:
    """The events passing every filter (see `matches`), in their input order."""
    for key in ("since", "until"):
        if filters.get(key) and parse_day(filters[key]) is None:
            raise ValueError(f"--{key} must be an ISO date (YYYY-MM-DD); got {filters[key]!r}")
    if isinstance(filters.get("bbox"), str):
        filters["bbox"] = parse_bbox(filters["bbox"])
    return [ev for ev in events if matches(ev, **filters)]
