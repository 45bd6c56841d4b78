"""Queries and exports over corpus events (from `merge_events`) or article events.

Filters are plain predicates over the event dicts, so the CLI, the API and a notebook share
them. Writers: CSV in ACLED's column names and order (ACLED columns first, factwire's extras
after, never in between), JSONL, GeoJSON (points) and Parquet (pyarrow, optional).

CSV reuses the single-article exporter's column names and its spreadsheet-formula guard
(`factwire.events.export`): text from hostile pages that starts like a formula gets a leading
apostrophe. For a corpus event, `fatalities` is the lowest reported toll (ACLED's rule with
conflicting reports: the most conservative estimate), and `counts` lists every source's number:
the spread, never an average.
"""
from __future__ import annotations

import csv
import io
import json
from datetime import date
from typing import IO, Any, Iterable

from factwire.corpus.merge import parse_day, span
from factwire.events.export import ACLED_COLUMNS, GEO_PRECISION_COLUMN, format_counts, geo_precision, safe_cell

EXTRA_COLUMNS = ("action", "date_to", "counts", "weapon", "modality", "confidence", "n_sources",
                 "rule", "event_id")
CSV_COLUMNS = ACLED_COLUMNS[:8] + (GEO_PRECISION_COLUMN,) + ACLED_COLUMNS[8:] + EXTRA_COLUMNS
FORMATS = ("csv", "jsonl", "geojson", "parquet")
PARQUET_MISSING = "Parquet export needs pyarrow: pip install pyarrow"


class MissingDependency(RuntimeError):
    """An optional dependency a chosen output needs is not installed (one-line message)."""


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
        s = span(ev)
        if s is None or (since and s[1] < parse_day(since)) or (until and s[0] > parse_day(until)):
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


def _source_names(ev: dict) -> str:
    """ACLED's `source`: the outlets (corpus event) or the attribution chain (article event)."""
    if ev.get("members"):
        return "; ".join(dict.fromkeys(str(s.get("site") or s.get("article_id"))
                                       for s in ev.get("sources") or ()))
    return "; ".join(str(s) for s in ev.get("sources") or ())


def _counts_cell(ev: dict) -> str:
    """Every reported count: per source for corpus events, as coded for article events."""
    if "counts_by_source" in ev:
        return "; ".join(f"{format_counts([c])} ({c.get('site') or c.get('article_id')})"
                         for c in ev["counts_by_source"])
    return format_counts(ev.get("counts"))


def _fatalities(ev: dict) -> Any:
    """The lowest reported toll of a corpus event (ACLED's conservative rule), else as coded."""
    tolls = [f["fatalities"] for f in ev.get("fatalities_by_source") or () if f.get("fatalities") is not None]
    return min(tolls) if tolls else ev.get("fatalities")


def csv_row(ev: dict) -> dict[str, Any]:
    """One event -> {column: value}: actor1 = actor_norm, notes = evidence text if present."""
    loc, d = ev.get("location") or {}, ev.get("date") or {}
    rule = ev.get("rule")
    return {
        "event_date": d.get("from"), "event_type": ev.get("event_type"),
        "sub_event_type": ev.get("sub_event_type"), "actor1": ev.get("actor_norm") or ev.get("actor"),
        "actor2": ev.get("target_norm") or ev.get("target"), "location": loc.get("name"),
        "latitude": loc.get("lat"), "longitude": loc.get("lon"), GEO_PRECISION_COLUMN: geo_precision(loc),
        "source": _source_names(ev),
        "notes": ev.get("evidence_text") or ev.get("notes"), "fatalities": _fatalities(ev),
        "action": ev.get("action"), "date_to": d.get("to"), "counts": _counts_cell(ev),
        "weapon": ev.get("weapon"), "modality": ev.get("modality"),
        "confidence": ev.get("confidence"),
        "n_sources": (ev.get("n_sources") or len(ev.get("sources") or ())) if ev.get("members") else 1,
        "rule": "; ".join(rule) if isinstance(rule, list) else rule, "event_id": ev.get("id"),
    }


def write_csv(events: Iterable[dict], out: IO[str]) -> int:
    """Events as CSV with ACLED's columns first; text cells are formula-safe. Returns rows."""
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    n = 0
    for ev in events:
        writer.writerow({k: safe_cell(v) for k, v in csv_row(ev).items()})
        n += 1
    return n


def write_jsonl(events: Iterable[dict], out: IO[str]) -> int:
    """One JSON object per event, exactly as given (JSONL is for programs). Returns rows."""
    n = 0
    for ev in events:
        out.write(json.dumps(ev, ensure_ascii=False, sort_keys=True) + "\n")
        n += 1
    return n


def to_geojson(events: Iterable[dict]) -> tuple[dict, int]:
    """A FeatureCollection of Points [lon, lat] with the event's fields as properties, and the
    number of events left out for lack of coordinates."""
    features, skipped = [], 0
    for ev in events:
        loc = ev.get("location") or {}
        if loc.get("lat") is None or loc.get("lon") is None:
            skipped += 1
            continue
        props = {k: v for k, v in ev.items() if k != "location"}
        props.update({"location_name": loc.get("name"), "country": loc.get("country"),
                      "location_kind": loc.get("kind")})
        features.append({"type": "Feature", "id": ev.get("id"), "properties": props,
                         "geometry": {"type": "Point",
                                      "coordinates": [float(loc["lon"]), float(loc["lat"])]}})
    return {"type": "FeatureCollection", "features": features}, skipped


def write_geojson(events: Iterable[dict], out: IO[str]) -> tuple[int, int]:
    """GeoJSON to `out`; returns (features written, events without coordinates left out)."""
    fc, skipped = to_geojson(events)
    json.dump(fc, out, ensure_ascii=False)
    out.write("\n")
    return len(fc["features"]), skipped


def _pyarrow():
    """pyarrow and pyarrow.parquet, or a one-line MissingDependency error."""
    try:
        import pyarrow
        import pyarrow.parquet
    except ImportError:
        raise MissingDependency(PARQUET_MISSING) from None
    return pyarrow, pyarrow.parquet


def parquet_table(events: Iterable[dict]):
    """A pyarrow Table: the CSV columns (typed), plus the full event as JSON for lossless reads."""
    pa, _ = _pyarrow()
    rows = [{**csv_row(ev), "event_json": json.dumps(ev, ensure_ascii=False, sort_keys=True)}
            for ev in events]
    columns = {c: [r[c] for r in rows] for c in CSV_COLUMNS + ("event_json",)}
    for c in ("latitude", "longitude", "confidence"):
        columns[c] = pa.array(columns[c], type=pa.float64())
    for c in ("fatalities", "n_sources", GEO_PRECISION_COLUMN):
        columns[c] = pa.array(columns[c], type=pa.int64())
    return pa.table({c: (v if isinstance(v, pa.Array) else pa.array(
        [None if x is None else str(x) for x in v], type=pa.string())) for c, v in columns.items()})


def write_parquet(events: Iterable[dict], path: str) -> int:
    """Events to a Parquet file at `path` (pyarrow needed). Returns rows."""
    _, pq = _pyarrow()
    table = parquet_table(events)
    pq.write_table(table, path)
    return table.num_rows


def export(events: Iterable[dict], fmt: str, out: IO[str] | str) -> str:
    """Write events in `fmt` to a text stream (or, for parquet, a path); a one-line summary."""
    if fmt == "csv":
        return f"{write_csv(events, out)} events"
    if fmt == "jsonl":
        return f"{write_jsonl(events, out)} events"
    if fmt == "geojson":
        n, skipped = write_geojson(events, out)
        return f"{n} events mapped, {skipped} without coordinates left out"
    if fmt == "parquet":
        if not isinstance(out, str):
            raise ValueError("parquet needs a file path (-o FILE)")
        return f"{write_parquet(events, out)} events"
    raise ValueError(f"unknown format {fmt!r} (one of {', '.join(FORMATS)})")


def to_csv_text(events: Iterable[dict]) -> str:
    """CSV as a string (for tests and small outputs)."""
    buf = io.StringIO()
    write_csv(events, buf)
    return buf.getvalue()
