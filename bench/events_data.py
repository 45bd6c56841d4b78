"""Events benchmark, shared pieces: where the sets are, reading and writing JSON lines, and
the pure mapping of factwire records to the scorers' shapes (ACLED rows, Giveme5W1H who/when/where).

Why a module of its own: bench/events.py (orchestration), bench/events_worker.py (factwire in
its pinned process) and bench/events_report.py (the markdown) all need them, and the mapping is
what bench/tests/test_bench_events.py checks.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import time
from collections.abc import Iterator
from contextlib import contextmanager

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
DATA = os.path.abspath(os.environ.get("FACTWIRE_EVENTS_BENCH", os.path.join(ROOT, "..", "shared", "bench", "events")))
ACLED = os.path.join(DATA, "acled_ukraine_2022q1", "events.csv")
WIKI_DOCS = os.path.join(DATA, "wikievents", "docs.jsonl")
WIKI_TEXTS = os.path.join(DATA, "wikievents", "texts.jsonl")
G5 = os.path.join(DATA, "giveme5w1h_gold", "articles.jsonl")
SCORE_ACLED = os.path.join(DATA, "score_acled.py")
SCORE_WIKI = os.path.join(DATA, "score_wikievents.py")
BASE_VENV = os.path.join(HERE, ".venv-events-baselines")
BASE_PY = os.path.join(BASE_VENV, "bin", "python")
REQUIREMENTS = os.path.join(HERE, "requirements-events-baselines.txt")
WORK = os.path.join(HERE, "work", "events")
RESULTS = os.path.join(HERE, "results")
SPEED_ROWS = 300  # notes timed with and without the events stage
ACLED_CITE = ("ACLED, acleddata.com — filters: country Ukraine, 2022-01-01..2022-04-15; accessed April 2022 "
              "(exported with the ACLED export tool by the author of github.com/BW-GIS-Developer/"
              "EGM722-ACLED-Analysis, commit 871dd04); DEV split of "
              "../shared/bench/events (every 3rd row held out). Used for evaluation only; no rows, notes or "
              "anything learned from them are in this repository.")


# ------------------------------------------------------------------------------------------------
# mapping factwire records to the scorers' shapes (pure)


def iso_date(acled_date: str) -> str:
    """'15 April 2022' -> '2022-04-15'."""
    return dt.datetime.strptime(acled_date.strip(), "%d %B %Y").date().isoformat()


def top_event(events: list[dict]) -> dict | None:
    """The highest-confidence event (first one on ties): one ACLED row is one event."""
    best = None
    for ev in events or ():
        if best is None or (ev.get("confidence") or 0) > (best.get("confidence") or 0):
            best = ev
    return best


#: The documented geocode operating point: latitude/longitude only for a location resolved to the
#: place itself (precision "place"), as ACLED's own p90 reference geocodes only names found in a
#: gazetteer; a region fallback's point is not the event's place. The second factwire row
#: ("all coordinates") also emits region/country points, so both operating points are visible.
COORD_PRECISIONS = frozenset({"place"})
ALL_COORDS_SYSTEM = "factwire (all coordinates)"


def acled_prediction(event_id: str, ev: dict | None, all_coords: bool = False) -> dict:
    """A factwire event -> score_acled.py's fields (actor1 = actor_norm, location = place name)."""
    if ev is None:
        return {"event_id_cnty": event_id}
    loc = ev.get("location") or {}
    placed = all_coords or loc.get("precision", "place") in COORD_PRECISIONS
    return {"event_id_cnty": event_id, "event_type": ev.get("event_type"), "sub_event_type": ev.get("sub_event_type"),
            "actor1": ev.get("actor_norm"), "actor2": ev.get("target_norm"), "location": loc.get("name"),
            "latitude": loc.get("lat") if placed else None, "longitude": loc.get("lon") if placed else None,
            "event_date": (ev.get("date") or {}).get("from"), "fatalities": ev.get("fatalities")}


def norm_phrase(s: str) -> str:
    """Lower-case, punctuation to spaces, leading 'the' dropped: for phrase matching."""
    s = re.sub(r"[^\w]+", " ", (s or "").lower()).strip()
    return re.sub(r"^the ", "", s)


def phrase_match(pred: str, gold: str) -> bool:
    """A predicted phrase matches a gold one when either contains the other as whole words."""
    p, g = norm_phrase(pred), norm_phrase(gold)
    if len(p) < 3 or not g:
        return False
    return f" {p} " in f" {g} " or f" {g} " in f" {p} "


WHO_LABELS = {"PERSON", "ORG", "NORP", "GPE"}


def g5_predictions(rec: dict) -> dict:
    """What factwire says about who/when/where in one article (kept by the worker)."""
    events = rec.get("events") or []
    top = top_event(events)
    fact_dates = [(d.get("value") or {}).get("from") for d in rec.get("dates") or []]
    fact_dates = [d for d in fact_dates if d]
    who = [x for ev in events for x in (ev.get("actor"), ev.get("target")) if x]
    who += [e["text"] for e in rec.get("entities") or [] if e.get("label") in WHO_LABELS]
    where = [(ev.get("location") or {}).get("name") for ev in events]
    where += [p.get(k) for p in rec.get("places") or [] for k in ("text", "name")]
    return {"top_date": (top.get("date") or {}).get("from") if top else None, "fact_dates": fact_dates,
            "who": who, "where": [w for w in where if w], "n_events": len(events)}


def g5_score(articles: list[dict], preds: dict[str, dict]) -> dict:
    """when (top / any / publication-day floor), who and where phrase recall; see the results file."""
    n_when = top_ok = any_ok = pub_ok = 0
    who_hit = who_n = where_hit = where_n = 0
    for a in articles:
        p = preds.get(a["dId"]) or {"top_date": None, "fact_dates": [], "who": [], "where": []}
        gold = {x["parsed"][:10] for x in a["fiveWoneH"]["when"]["annotated"] if x.get("parsed")}
        if gold:
            n_when += 1
            first = p["top_date"] or (p["fact_dates"][0] if p["fact_dates"] else None)
            top_ok += first in gold
            any_ok += bool(gold & set(p["fact_dates"] + [p["top_date"]]))
            pub_ok += (a.get("date_publish") or "")[:10] in gold
        for key, bucket in (("who", "who"), ("where", "where")):
            phrases = [x["text"] for x in a["fiveWoneH"][key]["annotated"] if x.get("text")]
            hits = sum(any(phrase_match(q, g) for q in p[bucket]) for g in phrases)
            if key == "who":
                who_hit, who_n = who_hit + hits, who_n + len(phrases)
            else:
                where_hit, where_n = where_hit + hits, where_n + len(phrases)
    ratio = lambda a, b: a / b if b else 0.0  # noqa: E731
    return {"articles": len(articles), "when_n": n_when, "when_top": ratio(top_ok, n_when),
            "when_any": ratio(any_ok, n_when), "when_pubday_floor": ratio(pub_ok, n_when),
            "who_recall": ratio(who_hit, who_n), "who_n": who_n, "where_recall": ratio(where_hit, where_n),
            "where_n": where_n,
            "articles_with_events": sum(1 for a in articles if (preds.get(a["dId"]) or {}).get("n_events"))}


# ------------------------------------------------------------------------------------------------
# JSON lines


def load_jsonl(path: str) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def write_jsonl(path: str, rows: list[dict]) -> None:
    with open(path, "w", encoding="utf-8") as f:
        f.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)


def day_or_none(value) -> str | None:
    """A gold file's publication date as ISO, or None where it holds none ("None", "", junk):
    extract() refuses a published value that is not a date (issue 11)."""
    try:
        return dt.date.fromisoformat(str(value).strip()[:10]).isoformat()
    except ValueError:
        return None


def half_of(key: str) -> str:
    """The fixed tune/held split (issue 12): sha1 of the record's id, even -> 'tune'. Rules are
    tuned on the 'tune' half only; the 'held' half is reported beside it as the untuned figure.
    Same rule as the page split of bench/data/relevance-labels.json."""
    return "tune" if int(hashlib.sha1(key.encode("utf-8")).hexdigest(), 16) % 2 == 0 else "held"


@contextmanager
def events_stage_clock() -> Iterator[list[float]]:
    """Process CPU seconds spent inside the events stage (pipeline.add_events), summed into the
    yielded one-item list (reset it between passes), so one pass gives the stage's share of
    extract() -- used by bench/events_worker.py (ACLED notes) and bench/events_page_cost.py."""
    from factwire import pipeline

    real, inside = pipeline.add_events, [0.0]

    def timed(*a, **k):
        c = time.process_time()
        try:
            return real(*a, **k)
        finally:
            inside[0] += time.process_time() - c

    pipeline.add_events = timed
    try:
        yield inside
    finally:
        pipeline.add_events = real
