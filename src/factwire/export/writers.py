"""Writers for many events at once (a corpus database's, or any list of event dicts): CSV,
JSONL, GeoJSON (points) and Parquet (pyarrow, optional).  Rows come from `events.csv_row`, so
every writer has the one column set of `events.CSV_COLUMNS`.
"""
from __future__ import annotations

import io
import json
from collections.abc import Iterable
from typing import IO

from factwire.errors import MissingDependency
from factwire.export.events import CSV_COLUMNS, GEO_PRECISION_COLUMN, csv_row, write_rows
from factwire.export.safe import json_text

FORMATS = ("csv", "jsonl", "geojson", "parquet")
PARQUET_MISSING = "Parquet export needs pyarrow: pip install pyarrow"
#: Parquet column types of the CSV columns that are numbers (the rest are strings).
FLOAT_COLUMNS = ("latitude", "longitude", "confidence")
INT_COLUMNS = ("fatalities", "n_sources", GEO_PRECISION_COLUMN, "evidence_start", "evidence_end")


def write_csv(events: Iterable[dict], out: IO[str]) -> int:
    """Events as CSV with ACLED's columns first; text cells are formula-safe. Returns rows."""
    return write_rows((csv_row(ev) for ev in events), out)


def write_jsonl(events: Iterable[dict], out: IO[str]) -> int:
    """One JSON object per event, exactly as given (JSONL is for programs). Returns rows."""
    n = 0
    for ev in events:
        out.write(json_text(ev, sort_keys=True) + "\n")
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
    out.write(json_text(fc))
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
    for c in FLOAT_COLUMNS:
        columns[c] = pa.array(columns[c], type=pa.float64())
    for c in INT_COLUMNS:
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
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r} (one of {', '.join(FORMATS)})")
    if fmt == "parquet":
        if not isinstance(out, str):
            raise ValueError("parquet needs a file path (-o FILE)")
        return f"{write_parquet(events, out)} events"
    if isinstance(out, str):
        raise ValueError(f"{fmt} is written to a text stream, not a path")
    if fmt == "geojson":
        n, skipped = write_geojson(events, out)
        return f"{n} events mapped, {skipped} without coordinates left out"
    return f"{(write_csv if fmt == 'csv' else write_jsonl)(events, out)} events"


def to_csv_text(events: Iterable[dict]) -> str:
    """CSV as a string (for tests and small outputs)."""
    buf = io.StringIO()
    write_csv(events, buf)
    return buf.getvalue()
