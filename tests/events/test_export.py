"""Events export (table, CSV, JSONL) on hand-made events: the coder is not needed.

Why: the CSV is read by sheets built for ACLED exports (column names and order are the
contract), and its cells come from hostile pages (a formula in a cell must never run).
"""
from __future__ import annotations

import csv
import io
import json

import pytest

from factwire.export.events import (
    ACLED_COLUMNS,
    CSV_COLUMNS,
    EXTRA_COLUMNS,
    format_counts,
    render_events,
    to_csv,
    to_table,
)
from factwire.export.safe import safe_cell
from factwire.model import Record, Removed

TEXT = ("Russia launched about 150 missiles at Ukraine since November 11, Oleksii Hromov said. "
        "Ukrainian air defenses blocked more than 100 of them near Kyiv.")
SENT1_END = TEXT.index(" Ukrainian")
SENT2_START = SENT1_END + 1


def make_event(**over) -> dict:
    ev = {
        "event_type": "Explosions/Remote violence", "sub_event_type": "Shelling/artillery/missile attack",
        "action": "launch", "actor": "Russia", "target": "Ukraine",
        "actor_norm": "Military Forces of Russia (2000-)", "target_norm": "Military Forces of Ukraine (2019-)",
        "fatalities": None, "location": {"name": "Kyiv", "country": "UA", "lat": 50.45, "lon": 30.52},
        "date": {"from": "2022-11-11", "to": "2022-11-17"},
        "counts": [{"value": 150, "relation": "approx", "item": "missiles"}],
        "weapon": "missiles", "modality": "reported", "sources": ["Fox News", "Oleksii Hromov"],
        "evidence": {"start": 0, "end": SENT1_END}, "confidence": 0.8,
    }
    ev.update(over)
    return ev


def make_record(events: list[dict], text: str = TEXT) -> dict:
    """A record's JSON form (what the exporters read) holding these event dicts."""
    rec = Record(id="abc123", url="https://example.com/story", site=None, title="Missiles on Ukraine",
                 published="2022-11-19", authors=[], language="en", text=text, paragraphs=[text],
                 captions=[], removed=Removed()).to_dict()
    rec["events"] = events
    return rec


def read_csv(text: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(text)))


def test_csv_columns_acled_first_in_acled_order_then_extras():
    head = to_csv(make_record([])).splitlines()[0].split(",")
    assert head[:12] == ["event_date", "event_type", "sub_event_type", "actor1", "actor2", "location",
                         "latitude", "longitude", "geo_precision", "source", "notes", "fatalities"]
    assert tuple(head) == CSV_COLUMNS
    assert [c for c in head if c != "geo_precision"] == list(ACLED_COLUMNS + EXTRA_COLUMNS)
    assert head[12:] == ["action", "actor1_as_written", "actor2_as_written", "date_to", "time_precision", "counts", "weapon",
                         "modality", "confidence", "evidence_start", "evidence_end", "article_id", "url",
                         "n_sources", "rule", "event_id"]


def test_csv_values_have_acled_meanings():
    intercept = make_event(sub_event_type="Disrupted weapons use", event_type="Strategic developments",
                           action="intercept", counts=[{"value": 100, "relation": "gt", "item": "missiles"}],
                           evidence={"start": SENT2_START, "end": len(TEXT)}, location=None, fatalities=2)
    rows = read_csv(to_csv(make_record([make_event(), intercept])))
    first, second = rows
    assert first["event_date"] == "2022-11-11" and first["date_to"] == "2022-11-17"
    assert first["actor1"] == "Military Forces of Russia (2000-)" and first["actor1_as_written"] == "Russia"
    assert first["actor2"] == "Military Forces of Ukraine (2019-)"
    assert first["source"] == "Fox News; Oleksii Hromov"
    assert first["notes"] == TEXT[:SENT1_END]
    assert (first["location"], first["latitude"], first["longitude"]) == ("Kyiv", "50.45", "30.52")
    assert first["counts"] == "approx 150 missiles" and first["fatalities"] == ""
    assert first["article_id"] == "abc123" and first["url"] == "https://example.com/story"
    assert second["notes"].startswith("Ukrainian air defenses") and second["location"] == ""
    assert second["counts"] == "gt 100 missiles" and second["fatalities"] == "2"
    assert (second["evidence_start"], second["evidence_end"]) == (str(SENT2_START), str(len(TEXT)))


@pytest.mark.parametrize("cell", ["=HYPERLINK(\"http://evil\",\"x\")", "+1+2", "-2+3", "@SUM(A1)",
                                  "  =1+1", "\t=1", "\r=1"])
def test_formula_cells_are_neutralised(cell):
    assert safe_cell(cell) == "'" + cell


@pytest.mark.parametrize("value", ["Kyiv", "Military Forces of Russia (2000-)", "a=b", "", 0, -33.86, 2])
def test_ordinary_cells_and_own_numbers_pass(value):
    assert safe_cell(value) == value
    assert safe_cell(None) == ""


def test_hostile_page_values_reach_the_csv_neutralised():
    text = "=cmd|' /C calc'!A0 fired rockets at the town."
    ev = make_event(actor="=cmd|' /C calc'!A0", actor_norm="@evil", sources=["+Outlet"],
                    location={"name": "-Town", "country": None, "lat": -10.5, "lon": -70.25},
                    evidence={"start": 0, "end": len(text)})
    row = read_csv(to_csv(make_record([ev], text=text)))[0]
    assert row["actor1_as_written"].startswith("'=") and row["actor1"] == "'@evil"
    assert row["source"] == "'+Outlet" and row["location"] == "'-Town" and row["notes"].startswith("'=")
    assert (row["latitude"], row["longitude"]) == ("-10.5", "-70.25")  # numbers stay numbers


def test_csv_header_once_across_records():
    first = render_events(make_record([make_event()]), "csv", header=True)
    second = render_events(make_record([make_event()]), "csv", header=False)
    rows = read_csv(first + second)
    assert len(rows) == 2 and "event_date" not in second


def test_jsonl_one_event_per_line_with_article_id_and_url():
    out = render_events(make_record([make_event(), make_event(action="intercept")]), "jsonl")
    lines = [json.loads(x) for x in out.splitlines()]
    assert [x["action"] for x in lines] == ["launch", "intercept"]
    assert all(x["article_id"] == "abc123" and x["url"] == "https://example.com/story" for x in lines)
    assert lines[0]["counts"] == [{"value": 150, "relation": "approx", "item": "missiles"}]
    assert lines[0]["evidence_text"] == TEXT[:SENT1_END]


def test_table_shows_every_column_for_each_event():
    out = to_table(make_record([make_event()]), width=400)
    for shown in ("2022-11-11 .. 2022-11-17", "Explosions/Remote violence / Shelling/artillery/missile attack",
                  "launch", "Military Forces of Russia (2000-) → Military Forces of Ukraine (2019-)",
                  "Kyiv, UA", "approx 150 missiles", "reported", "Fox News; Oleksii Hromov",
                  "Russia launched about 150 missiles"):
        assert shown in out, shown


def test_table_from_json_dict_and_no_events_and_errors():
    rec = make_record([])
    rec["errors"] = [{"stage": "events", "reason": "event coder unavailable"}]
    out = to_table(rec)
    assert "(no events)" in out and "! events: event coder unavailable" in out


def test_table_keeps_page_text_inert():
    text = "\x1b[2J[bold red]Rebels[/] shelled the town."
    ev = make_event(actor="[bold red]Rebels[/]", actor_norm=None, target=None, target_norm=None,
                    evidence={"start": 0, "end": len(text)})
    out = to_table(make_record([ev], text=text), width=400)
    assert "\x1b" not in out and "[bold red]Rebels[/]" in out


def test_counts_formatting_and_unknown_format():
    assert format_counts([{"value": 2, "relation": "eq", "item": "people"}, {"value": 25, "relation": "gt",
                                                                             "item": None}]) == "2 people; gt 25"
    assert format_counts(None) == ""
    with pytest.raises(ValueError):
        render_events(make_record([]), "xml")


def test_geo_precision_column_follows_location_precision():
    """ACLED's 1/2/3: the place itself, a named place located only by its region, the region."""
    place = {"name": "Kyiv", "country": "UA", "lat": 50.45, "lon": 30.52, "kind": "city", "precision": "place"}
    village = {"name": "Vasylivka", "country": "UA", "lat": 48.02, "lon": 37.8, "kind": "city",
               "precision": "region", "region": "Donetsk"}
    oblast = {"name": "Kharkiv", "country": "UA", "lat": 49.98, "lon": 36.26, "kind": "city", "precision": "region"}
    rows = read_csv(to_csv(make_record([make_event(location=loc) for loc in (place, village, oblast, None)])))
    assert [r["geo_precision"] for r in rows] == ["1", "2", "3", ""]
    legacy = {"name": "Kyiv", "country": "UA", "lat": 50.45, "lon": 30.52, "kind": "city"}
    assert read_csv(to_csv(make_record([make_event(location=legacy)])))[0]["geo_precision"] == "1"


@pytest.mark.parametrize("date, precision", [
    ({"from": "2022-11-17", "to": None}, 1),
    ({"from": "2022-11-11", "to": "2022-11-17"}, 2),
    ({"from": "2022-11-01", "to": "2022-11-19"}, 3),
    ({"from": "2022-11", "to": None}, 3),
    ({"from": None, "to": None}, None),
])
def test_time_precision_column(date, precision):
    """ACLED's time_precision beside event_date (issue 12): the day when known, else how coarse."""
    from factwire.export.events import csv_row
    row = csv_row({"date": date})
    assert row["time_precision"] == precision
    assert row["event_date"] == date["from"]
