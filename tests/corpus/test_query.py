"""Queries and exports: filters (type, dates by overlap, country, bbox, actor), CSV with ACLED
columns and formula neutralisation, GeoJSON shape, JSONL, Parquet."""
from __future__ import annotations

import csv
import io
import json

import pytest

from factwire.corpus import query
from factwire.corpus.merge import merge_events
from factwire.errors import MissingDependency
from factwire.export import writers
from factwire.export.events import CSV_COLUMNS as EXPORT_COLUMNS, EXTRA_COLUMNS

ACLED_COLUMNS = EXPORT_COLUMNS[:12]  # ACLED's names and order, geo_precision included

KYIV = {"name": "Kyiv", "country": "UA", "lat": 50.45, "lon": 30.52, "kind": "city"}
LVIV = {"name": "Lviv", "country": "UA", "lat": 49.84, "lon": 24.03, "kind": "city"}
WARSAW = {"name": "Warsaw", "country": "PL", "lat": 52.23, "lon": 21.01, "kind": "city"}


def ev(id_: str, **kw) -> dict:
    base = {"id": id_, "article_id": f"art-{id_}", "site": f"Site {id_}", "url": None,
            "published": "2022-11-15", "event_type": "Explosions/Remote violence",
            "sub_event_type": "Air/drone strike", "action": "strike", "actor": "Russian forces",
            "target": "Kyiv", "actor_norm": "Russia", "target_norm": "Civilians (Ukraine)",
            "fatalities": None, "location": KYIV, "date": {"from": "2022-11-15", "to": "2022-11-15"},
            "counts": [], "weapon": "drones", "modality": "reported", "sources": ["Site"],
            "evidence": {"start": 0, "end": 10}, "confidence": 0.8}
    base.update(kw)
    return base


EVENTS = [ev("kyiv"), ev("lviv", location=LVIV, date={"from": "2022-11-10", "to": "2022-11-12"}),
          ev("warsaw", location=WARSAW, event_type="Protests", sub_event_type="Peaceful protest",
             actor="protesters", actor_norm="Protesters (Poland)", date={"from": "2022-11-20", "to": "2022-11-20"}),
          ev("nowhere", location=None, date=None)]


def ids(events: list[dict]) -> list[str]:
    return [e["id"] for e in events]


def test_filters():
    assert ids(query.filter_events(EVENTS, type="protests")) == ["warsaw"]
    assert ids(query.filter_events(EVENTS, sub_type="Air/drone strike")) == ["kyiv", "lviv", "nowhere"]
    assert ids(query.filter_events(EVENTS, since="2022-11-12")) == ["kyiv", "lviv", "warsaw"]
    assert ids(query.filter_events(EVENTS, until="2022-11-11")) == ["lviv"]
    assert ids(query.filter_events(EVENTS, country="pl")) == ["warsaw"]
    assert ids(query.filter_events(EVENTS, actor="russia")) == ["kyiv", "lviv", "nowhere"]
    assert ids(query.filter_events(EVENTS, actor="PROTESTERS", type="Protests")) == ["warsaw"]


def test_bbox_filter_keeps_only_points_inside():
    assert ids(query.filter_events(EVENTS, bbox="29,49,32,51")) == ["kyiv"]
    assert ids(query.filter_events(EVENTS, bbox=(20, 45, 40, 53))) == ["kyiv", "lviv", "warsaw"]
    with pytest.raises(ValueError):
        query.parse_bbox("32,49,29,51")  # min_lon > max_lon
    with pytest.raises(ValueError):
        query.filter_events(EVENTS, since="last week")


def test_csv_has_acled_columns_first_then_extras():
    rows = list(csv.reader(io.StringIO(writers.to_csv_text(EVENTS[:1]))))
    assert tuple(rows[0][: len(ACLED_COLUMNS)]) == ACLED_COLUMNS
    assert rows[0][len(ACLED_COLUMNS):] == list(EXTRA_COLUMNS)
    row = dict(zip(rows[0], rows[1]))
    assert row["actor1"] == "Russia" and row["latitude"] == "50.45" and row["event_id"] == "kyiv"


def test_csv_neutralises_formula_cells_but_keeps_negative_numbers():
    hostile = ev("=HYPERLINK(\"http://evil\")", actor_norm="+cmd|' /C calc'!A0", target_norm="-2+3",
                 weapon="@SUM(A1)", location={**KYIV, "name": "=1+1", "lon": -3.7})
    row = next(csv.DictReader(io.StringIO(writers.to_csv_text([hostile]))))
    for col in ("actor1", "actor2", "weapon", "location", "event_id"):
        assert row[col].startswith("'"), col
    assert row["longitude"] == "-3.7"


def test_corpus_event_csv_lists_every_source_count_and_lowest_toll():
    merged = merge_events([ev("a", fatalities=4, counts=[{"value": 28, "relation": "eq", "item": "drones"}]),
                           ev("b", fatalities=5, counts=[{"value": 30, "relation": "approx", "item": "drones"}])])
    row = next(csv.DictReader(io.StringIO(writers.to_csv_text(merged))))
    assert row["fatalities"] == "4"
    assert "28 drones (Site a)" in row["counts"] and "approx 30 drones (Site b)" in row["counts"]
    assert row["n_sources"] == "2" and row["source"] == "Site a; Site b"
    assert "same_place" in row["rule"]


def test_geojson_points_are_lon_lat_and_missing_coordinates_are_counted():
    fc, skipped = writers.to_geojson(EVENTS)
    assert fc["type"] == "FeatureCollection" and skipped == 1
    assert len(fc["features"]) == 3
    first = fc["features"][0]
    assert first["type"] == "Feature" and first["geometry"] == {"type": "Point", "coordinates": [30.52, 50.45]}
    assert first["properties"]["event_type"] == "Explosions/Remote violence"
    json.dumps(fc)  # serialisable
    out = io.StringIO()
    assert writers.export(EVENTS, "geojson", out) == "3 events mapped, 1 without coordinates left out"
    assert json.loads(out.getvalue())["type"] == "FeatureCollection"


def test_jsonl_round_trips():
    out = io.StringIO()
    assert writers.write_jsonl(EVENTS, out) == 4
    assert [json.loads(line) for line in out.getvalue().splitlines()] == EVENTS


def test_parquet_round_trips(tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    path = tmp_path / "events.parquet"
    assert writers.write_parquet(EVENTS, str(path)) == 4
    table = pq.read_table(path)
    assert table.column_names[: len(ACLED_COLUMNS)] == list(ACLED_COLUMNS)
    assert table.column("latitude").to_pylist() == [50.45, 49.84, 52.23, None]
    assert json.loads(table.column("event_json")[0].as_py()) == EVENTS[0]


def test_parquet_without_pyarrow_says_so_in_one_line(monkeypatch):
    import builtins
    real = builtins.__import__

    def fake(name, *a, **kw):
        if name.startswith("pyarrow"):
            raise ImportError(name)
        return real(name, *a, **kw)

    monkeypatch.setattr(builtins, "__import__", fake)
    with pytest.raises(MissingDependency) as err:
        writers.export(EVENTS, "parquet", "x.parquet")
    assert "\n" not in str(err.value) and "pyarrow" in str(err.value)
