"""`factwire events --db`: the events of a corpus database in every format, every filter,
merged vs --no-merge -- through the real command line (a subprocess), on a small corpus.

The corpus: the seed page (Fox News copy, published 2022-11-19) and three hand-written pages:
two report the same Kharkiv strike of 17 Nov with different tolls (4 and 7 killed), one a
drone attack on Odesa the same day (same day, other city: must stay apart)."""
from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

import pytest

from factwire.corpus.merge import span
from factwire.export.db_events import load_events
from factwire.export.events import CSV_COLUMNS as EXPORT_COLUMNS

from fwtest import SEED, run_cli

ACLED_COLUMNS = EXPORT_COLUMNS[:12]  # ACLED's names and order, geo_precision included

KYIVIND = """Russia launched 160 missiles at Ukraine's energy grid since November 11

KYIV, Ukraine -- Russian forces have fired about 160 missiles and 30 Shahed drones at Ukraine's energy infrastructure since November 11, Ukrainian officials said on Thursday.

On Thursday, a Russian missile strike hit a gas production facility in Kharkiv, killing 4 people, the regional governor said.

Ukraine's air force said it shot down most of the drones."""
REUTERS = """Russian strikes knock out power across Ukraine

KYIV, Nov 18 (Reuters) - Russia has fired more than 140 missiles and 20 drones at Ukraine since November 11, Ukraine's military said on Friday.

On Thursday, a Russian missile strike hit a gas production facility in Kharkiv, killing 7 people, Governor Oleh Synehubov said.

Power cuts were reported across the country."""
ODESA = """Drone attack hits Odesa port

ODESA, Ukraine -- Russian drones struck the port of Odesa on Thursday, killing 2 people, the regional administration said.

Air defence shot down 5 drones over the Odesa region, officials said."""
KHARKIV_BBOX = "36,49.5,37,50.5"
ODESA_BBOX = "30,46,31.5,47"


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    """The four pages ingested (JSONL, so each page carries its publication date)."""
    root = tmp_path_factory.mktemp("events_db")
    pages = [{"url": "https://www.foxnews.com/world/russia-iran-drones", "published": "2022-11-19",
              "text": SEED.read_text(encoding="utf-8")},
             {"url": "https://kyivindependent.com/news/1117", "published": "2022-11-17", "text": KYIVIND},
             {"url": "https://www.reuters.com/world/europe/1118", "published": "2022-11-18", "text": REUTERS},
             {"url": "https://news.example.com/odesa-1117", "published": "2022-11-17", "text": ODESA}]
    src = root / "corpus.jsonl"
    src.write_text("".join(json.dumps(p) + "\n" for p in pages), encoding="utf-8")
    path = root / "news.db"
    r = run_cli("ingest", str(src), "--db", str(path), "--quiet")
    assert r.returncode == 0, r.stderr.decode()
    return path


def events_cli(db: Path, *args: str) -> tuple[str, str]:
    r = run_cli("events", "--db", str(db), *args)
    assert r.returncode == 0, r.stderr.decode()
    return r.stdout.decode(), r.stderr.decode()


def jsonl(db: Path, *args: str) -> list[dict]:
    return [json.loads(line) for line in events_cli(db, "--format", "jsonl", *args)[0].splitlines()]


def at(events: list[dict], place: str) -> list[dict]:
    return [e for e in events if (e.get("location") or {}).get("name") == place]


def test_merged_event_keeps_every_source_number_never_an_average(db):
    merged, single = jsonl(db), jsonl(db, "--no-merge")
    # the two Kharkiv reports became one event (and the outlets' matching since-Nov-11 tallies
    # may merge too: they are one campaign, as in bench/data/merge-events.json)
    assert len(merged) < len(single)
    [strike] = [e for e in at(merged, "Kharkiv") if e["n_sources"] == 2]
    assert sorted(c["value"] for c in strike["counts_by_source"]) == [4, 7]
    assert {k: strike["counts_summary"]["people"][k] for k in ("min", "max")} == {"min": 4, "max": 7}
    assert not any(k in json.dumps(strike) for k in ('"mean"', '"average"', '5.5'))
    assert strike["rule"] and strike["explanation"] and len(strike["sources"]) == 2
    assert all(s["evidence_text"].startswith("On Thursday") for s in strike["sources"])
    assert len([e for e in at(single, "Kharkiv") if "gas production" in e["evidence_text"]]) == 2
    [odesa] = at(merged, "Odesa")  # same day, other city: not merged
    assert odesa["n_sources"] == 1


def test_csv_has_acled_columns_first_and_the_conservative_toll(db):
    out, err = events_cli(db, "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert tuple(out.splitlines()[0].split(",")[:len(ACLED_COLUMNS)]) == ACLED_COLUMNS
    assert len(rows) == len(jsonl(db)) and f"{len(rows)} corpus events" in err
    [strike] = [r for r in rows if r["location"] == "Kharkiv" and r["n_sources"] == "2"]
    assert strike["fatalities"] == "4" and "4 people" in strike["counts"] and "7 people" in strike["counts"]
    assert strike["notes"].startswith("On Thursday") and strike["rule"]
    single = list(csv.DictReader(io.StringIO(events_cli(db, "--format", "csv", "--no-merge")[0])))
    assert len(single) > len(rows) and {r["n_sources"] for r in single} == {"1"}


def test_geojson_points_and_the_unmapped_count_on_stderr(db):
    out, err = events_cli(db, "--format", "geojson")
    fc = json.loads(out)
    assert fc["type"] == "FeatureCollection" and fc["features"]
    assert {f["geometry"]["type"] for f in fc["features"]} == {"Point"}
    unmapped = len([e for e in load_events(db) if (e.get("location") or {}).get("lat") is None])
    assert len(fc["features"]) + unmapped == len(load_events(db))
    assert f"{len(fc['features'])} corpus events mapped, {unmapped} without coordinates left out" in err
    kharkiv = [f for f in fc["features"] if f["properties"]["location_name"] == "Kharkiv"]
    assert kharkiv and kharkiv[0]["geometry"]["coordinates"][0] == pytest.approx(36.26, abs=0.5)


def test_parquet_table_and_output_file(db, tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    target = tmp_path / "events.parquet"
    events_cli(db, "--format", "parquet", "-o", str(target), "--no-merge")
    table = pq.read_table(target)
    assert table.num_rows == len(load_events(db, merged=False))
    assert table.column_names[:len(ACLED_COLUMNS)] == list(ACLED_COLUMNS)
    out, err = events_cli(db)  # table is the default
    assert "Kharkiv" in out and "same_actors" in out and "corpus events" in err
    csv_file = tmp_path / "e.csv"
    events_cli(db, "--format", "csv", "-o", str(csv_file))
    assert csv_file.read_text(encoding="utf-8").startswith("event_date,event_type")


@pytest.mark.parametrize("args, check", [
    (("--type", "protests"), lambda es: es == []),
    (("--type", "explosions/remote violence"), lambda es: es and all(e["event_type"] == "Explosions/Remote violence" for e in es)),
    (("--sub-type", "Air/drone strike"), lambda es: es and all(e["sub_event_type"] == "Air/drone strike" for e in es)),
    # overlap semantics at the date's precision: a '2022-11' event is kept by --since 2022-11-18
    (("--since", "2022-11-18"), lambda es: es and all(span(e)[1] >= date(2022, 11, 18) for e in es)),
    (("--until", "2022-11-10"), lambda es: es and all(span(e)[0] <= date(2022, 11, 10) for e in es)),
    (("--country", "ua"), lambda es: es and all(e["location"]["country"] == "UA" for e in es)),
    (("--bbox", ODESA_BBOX), lambda es: [e["location"]["name"] for e in es] == ["Odesa"]),
    (("--bbox", KHARKIV_BBOX, "--since", "2022-11-17", "--until", "2022-11-17"),
     lambda es: len(es) == 1 and es[0]["n_sources"] == 2),
    (("--actor", "russia"), lambda es: es and all("russia" in (e.get("actor_norm") or "").lower() for e in es)),
])
def test_filters(db, args, check):
    got = jsonl(db, *args)
    assert check(got), got
    assert len(got) < len(jsonl(db))


def test_filters_apply_to_article_events_too(db):
    assert len(jsonl(db, "--bbox", KHARKIV_BBOX, "--since", "2022-11-17", "--until", "2022-11-17",
                     "--no-merge")) == 2


@pytest.mark.parametrize("args, message", [
    (("events", "--db", "X.db", str(SEED)), "give PATHs or --db, not both"),
    (("events",), "give PATHs (pages) or --db DATABASE"),
    (("events", str(SEED), "--country", "UA"), "--country needs --db"),
    (("events", str(SEED), "--format", "geojson"), "--format geojson needs --db"),
    (("events", "--db", "{db}", "--format", "parquet"), "--format parquet needs -o FILE"),
    (("events", "--db", "{db}", "--bbox", "3,2,1,4"), "bbox must be min_lon,min_lat,max_lon,max_lat"),
    (("events", "--db", "{db}", "--since", "last week"), "is not a date"),
    (("events", "--db", "missing.db"), "no database at missing.db"),
])
def test_errors_are_one_line(db, args, message):
    r = run_cli(*(a.replace("{db}", str(db)) for a in args))
    err = r.stderr.decode()
    assert r.returncode in (1, 2) and message in err and "Traceback" not in err


def test_page_mode_still_works():
    r = run_cli("events", str(SEED), "--published", "2022-11-19", "--format", "csv")
    assert r.returncode == 0 and r.stdout.decode().startswith("event_date,event_type")


def test_page_and_database_csv_have_one_header_and_the_same_rows(db):
    """The issue's check: `events FILE --format csv` and `events --db --no-merge --format csv`
    start with the same header line, and the seed page's events are the same rows in both."""
    page = run_cli("events", str(SEED), "--published", "2022-11-19", "--format", "csv",
                   "--url", "https://www.foxnews.com/world/russia-iran-drones")  # as ingested
    assert page.returncode == 0, page.stderr.decode()
    from_page = page.stdout.decode()
    from_db = events_cli(db, "--no-merge", "--format", "csv")[0]
    assert from_page.splitlines()[0] == from_db.splitlines()[0] == ",".join(EXPORT_COLUMNS)
    page_rows = list(csv.DictReader(io.StringIO(from_page)))
    seed_id = page_rows[0]["article_id"]
    db_rows = [r for r in csv.DictReader(io.StringIO(from_db)) if r["article_id"] == seed_id]

    def comparable(rows):  # the database gives each event an id
        return sorted(tuple(v for k, v in r.items() if k != "event_id") for r in rows)

    assert page_rows and comparable(page_rows) == comparable(db_rows)


def test_month_dated_events_keep_their_dates(db):
    """Issue 12: an event dated to a month ('2022-11') keeps that date through merging and is
    found by any --since/--until window that overlaps the month (documented in README)."""
    month = [e for e in jsonl(db) if len((e.get("date") or {}).get("from") or "") == 7]
    assert month, "the seed corpus has month-dated events"
    unmerged = [e for e in jsonl(db, "--no-merge") if len((e.get("date") or {}).get("from") or "") == 7]
    assert unmerged
    first = month[0]["date"]["from"]
    ids = {e["id"] for e in jsonl(db, "--since", first + "-15", "--until", first + "-20")}
    assert month[0]["id"] in ids
