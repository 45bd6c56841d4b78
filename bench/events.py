#!/usr/bin/env python3
"""Events benchmark: factwire's event coder side by side with a floor, keyword rules and a
trained classifier, on the shared DEV sets (ACLED notes, WikiEvents, Giveme5W1H).

    .venv/bin/python bench/events.py [--limit N] [--factwire-src committed|worktree]
    .venv/bin/python bench/events.py --setup     # (re)create bench/.venv-events-baselines only

Why it looks like this:
* factwire runs in its own subprocess (``--worker``) pinned to one core, imported from the
  *committed* tree (``git archive HEAD``, shared with bench/facts.py) by default, so files other
  engineers are editing cannot change the measurement.  Rows/s is from that process's CPU time.
* ACLED notes go in as ``extract(notes, input_kind="text", clean=False, published=event_date)``;
  the prediction is the record's highest-confidence event (none -> an all-null row).
* TF-IDF + logistic regression (scikit-learn) lives in bench/.venv-events-baselines (pins in
  requirements-events-baselines.txt), never a factwire dependency; it is trained with 5-fold
  cross-validation inside the run and never saved.
* Licence: the ACLED rows are evaluation-only.  Nothing derived from them is committed:
  predictions (which carry no notes text anyway) and any sampled gold go to bench/work/events/
  (gitignored); only aggregate scores reach bench/results/.
* Scores come from the shared ``score_acled.py`` and ``score_wikievents.py``, unchanged, run as
  subprocesses; the Giveme5W1H mapping is here (``g5_*``) and stated in the results file.

Writes ``bench/results/events.md`` and ``.json``.
"""
from __future__ import annotations

import argparse
import csv
import datetime as dt
import hashlib
import json
import os
import re
import shlex
import subprocess
import sys
import time
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)

import events_relevance as er  # noqa: E402
from facts import machine, peak_rss_mb, pin_one_core, worker_env  # noqa: E402

import events_baselines as eb  # noqa: E402

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
# worker (factwire, in its own pinned process)


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


def safe_extract(text: str, **kw):
    """extract() or None: a note factwire cannot read is an all-null prediction, not a crash."""
    from factwire import ExtractionError, extract

    try:
        return extract(text, **kw)
    except ExtractionError:
        return None


def run_acled(rows: list[dict]) -> tuple[list[dict], list[dict], dict]:
    """Every note through extract(); returns predictions (place-level coordinates, then all
    coordinates) and timing / error counts."""
    safe_extract("On 1 March 2022, Russian forces shelled Kharkiv.", input_kind="text", clean=False,
                 published="2022-03-01")  # warm-up: model and gazetteer loads are not per-row cost
    preds, preds_all, errors, n_events = [], [], Counter(), Counter()
    c0, t0 = time.process_time(), time.perf_counter()
    for r in rows:
        rec = safe_extract(r["notes"], input_kind="text", clean=False, published=iso_date(r["event_date"]))
        events = [e.to_dict() for e in rec.events] if rec else []
        n_events[min(len(events), 3)] += 1
        errors.update(e["reason"][:120] for e in (rec.errors if rec else [{"reason": "no record"}]))
        preds.append(acled_prediction(r["event_id_cnty"], top_event(events)))
        preds_all.append(acled_prediction(r["event_id_cnty"], top_event(events), all_coords=True))
    meta = {"cpu_s": time.process_time() - c0, "wall_s": time.perf_counter() - t0, "n": len(rows),
            "errors": dict(errors), "events_per_note": {str(k): v for k, v in sorted(n_events.items())}}
    return preds, preds_all, meta


def events_overhead(rows: list[dict]) -> dict:
    """CPU time of extract() on the same notes with the events stage and with it switched off."""
    from factwire import pipeline

    def one_pass() -> float:
        c0 = time.process_time()
        for r in rows:
            safe_extract(r["notes"], input_kind="text", clean=False, published=iso_date(r["event_date"]))
        return time.process_time() - c0

    with_events = min(one_pass() for _ in range(2))
    real = pipeline.add_events
    pipeline.add_events = lambda *a, **k: None
    try:
        without = min(one_pass() for _ in range(2))
    finally:
        pipeline.add_events = real
    return {"n": len(rows), "with_events_cpu_s": with_events, "without_events_cpu_s": without,
            "events_share": with_events / without - 1 if without else None}


def run_texts() -> tuple[list[dict], dict[str, dict]]:
    """WikiEvents texts (as given: clean=False keeps offsets) and Giveme5W1H pages (cleaned)."""
    wiki = []
    for d in load_jsonl(WIKI_TEXTS):
        rec = safe_extract(d["text"], input_kind="text", clean=False, published=day_or_none(d.get("published")))
        wiki.append({"doc_id": d["doc_id"], "events": [e.to_dict() for e in rec.events] if rec else []})
    g5 = {}
    for a in load_jsonl(G5):
        text = "\n\n".join(x for x in (a.get("title"), a.get("description"), a.get("text")) if x)
        rec = safe_extract(text, input_kind="text", published=day_or_none(a.get("date_publish")))
        g5[a["dId"]] = g5_predictions(rec.to_dict() if rec else {})
    return wiki, g5


def worker(gold: str, out_dir: str) -> None:
    """factwire over all three sets; writes predictions and meta.json into out_dir."""
    cpu = pin_one_core()
    rows = eb.read_acled(gold)
    preds, preds_all, meta = run_acled(rows)
    write_jsonl(os.path.join(out_dir, "factwire-acled.jsonl"), preds)
    write_jsonl(os.path.join(out_dir, "factwire-acled-allcoords.jsonl"), preds_all)
    meta["overhead"] = events_overhead(rows[:SPEED_ROWS])
    wiki, g5 = run_texts()
    write_jsonl(os.path.join(out_dir, "factwire-wikievents.jsonl"), wiki)
    with open(os.path.join(out_dir, "factwire-g5.json"), "w", encoding="utf-8") as f:
        json.dump(g5, f)
    with open(os.path.join(out_dir, "factwire-relevance.json"), "w", encoding="utf-8") as f:
        json.dump(er.run_pages(er.load_labels()), f)
    meta.update(cpu=cpu, peak_rss_mb=peak_rss_mb())
    with open(os.path.join(out_dir, "factwire.meta.json"), "w", encoding="utf-8") as f:
        json.dump(meta, f, indent=1)


# ------------------------------------------------------------------------------------------------
# orchestration (the dev venv's process)


def setup_baselines_venv() -> None:
    """(Re)create bench/.venv-events-baselines with scikit-learn pinned; factwire is not needed there."""
    subprocess.run([sys.executable, "-m", "venv", "--clear", BASE_VENV], check=True)
    subprocess.run([BASE_PY, "-m", "pip", "install", "-q", "-r", REQUIREMENTS], check=True)


def sample_gold(limit: int | None) -> str:
    """The ACLED file, or (while developing) every k-th row of it copied under bench/work/ only."""
    if not limit:
        return ACLED
    rows = eb.read_acled(ACLED)
    step = max(1, len(rows) // limit)
    path = os.path.join(WORK, f"acled-sample-{limit}.csv")
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(rows[::step][:limit])
    return path


def run_proc(cmd: list[str], env: dict | None = None) -> str | None:
    """Run a subprocess; None when it worked, else its last stderr line."""
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True)
    if proc.returncode == 0:
        return None
    return (proc.stderr.strip().splitlines() or [f"exit {proc.returncode}"])[-1]


def score_acled(gold: str, pred: str) -> dict:
    """score_acled.py --json on one predictions file."""
    out = pred + ".score.json"
    err = run_proc([sys.executable, SCORE_ACLED, gold, pred, "--json", out])
    if err:
        raise RuntimeError(f"score_acled.py failed: {err}")
    with open(out, encoding="utf-8") as f:
        return json.load(f)


def score_wiki(pred: str, docs: str = WIKI_DOCS, texts: str = WIKI_TEXTS) -> dict:
    """score_wikievents.py --json on one predictions file."""
    out = pred + ".score.json"
    err = run_proc([sys.executable, SCORE_WIKI, docs, texts, pred, "--json", out])
    if err:
        raise RuntimeError(f"score_wikievents.py failed: {err}")
    with open(out, encoding="utf-8") as f:
        return json.load(f)


def half_of(key: str) -> str:
    """The fixed tune/held split (issue 12): sha1 of the record's id, even -> 'tune'. Rules are
    tuned on the 'tune' half only; the 'held' half is reported beside it as the untuned figure.
    Same rule as the page split of bench/data/relevance-labels.json."""
    return "tune" if int(hashlib.sha1(key.encode("utf-8")).hexdigest(), 16) % 2 == 0 else "held"


def acled_halves(gold: str, pred: str) -> dict[str, dict]:
    """score_acled.py on each half of the gold rows and predictions (files under bench/work/)."""
    rows = eb.read_acled(gold)
    preds = load_jsonl(pred)
    out = {}
    for half in ("tune", "held"):
        keep = {r["event_id_cnty"] for r in rows if half_of(r["event_id_cnty"]) == half}
        g_path, p_path = os.path.join(WORK, f"acled-gold-{half}.csv"), pred + f".{half}.jsonl"
        with open(g_path, "w", encoding="utf-8", newline="") as f:
            w = csv.DictWriter(f, fieldnames=list(rows[0]))
            w.writeheader()
            w.writerows(r for r in rows if r["event_id_cnty"] in keep)
        write_jsonl(p_path, [p for p in preds if p["event_id_cnty"] in keep])
        out[half] = {"n": len(keep), "scores": score_acled(g_path, p_path)}
    return out


def wiki_halves(pred: str) -> dict[str, dict]:
    """score_wikievents.py on each half of the DEV docs (docs, texts and predictions filtered)."""
    out = {}
    docs, texts, preds = load_jsonl(WIKI_DOCS), load_jsonl(WIKI_TEXTS), load_jsonl(pred)
    for half in ("tune", "held"):
        keep = {d["doc_id"] for d in docs if half_of(d["doc_id"]) == half}
        paths = [os.path.join(WORK, f"wikievents-{name}-{half}.jsonl") for name in ("docs", "texts")]
        write_jsonl(paths[0], [d for d in docs if d["doc_id"] in keep])
        write_jsonl(paths[1], [d for d in texts if d["doc_id"] in keep])
        p_path = pred + f".{half}.jsonl"
        write_jsonl(p_path, [p for p in preds if p["doc_id"] in keep])
        out[half] = {"n": len(keep), "scores": score_wiki(p_path, *paths)}
    return out


def timed_rows(name: str, fn, rows: list[dict]) -> tuple[str, float]:
    """Run an in-process baseline over rows, write its predictions; (path, rows/s by CPU)."""
    c0 = time.process_time()
    preds = fn(rows)
    cpu = time.process_time() - c0
    path = os.path.join(WORK, f"{name}-acled.jsonl")
    write_jsonl(path, preds)
    return path, len(rows) / cpu if cpu > 0 else float("inf")


def keyword_acled(rows: list[dict]) -> list[dict]:
    return [{"event_id_cnty": r["event_id_cnty"], **eb.keyword_code_note(r["notes"])} for r in rows]


def acled_systems(gold: str, env: dict) -> tuple[list[dict], dict]:
    """Every system on the ACLED notes -> table rows (scores + rows/s) and factwire's meta."""
    rows = eb.read_acled(gold)
    table, fw_meta = [], {}
    print("events bench: factwire ...", file=sys.stderr, flush=True)
    err = run_proc([sys.executable, os.path.abspath(__file__), "--worker", "--gold", gold], env)
    if err:
        table.append({"system": "factwire", "failed": err})
    else:
        with open(os.path.join(WORK, "factwire.meta.json"), encoding="utf-8") as f:
            fw_meta = json.load(f)
        table.append({"system": "factwire", "scores": score_acled(gold, os.path.join(WORK, "factwire-acled.jsonl")),
                      "rows_per_s": fw_meta["n"] / fw_meta["cpu_s"]})
        table.append({"system": ALL_COORDS_SYSTEM, "rows_per_s": fw_meta["n"] / fw_meta["cpu_s"],
                      "scores": score_acled(gold, os.path.join(WORK, "factwire-acled-allcoords.jsonl"))})
    for name, fn in (("majority class", eb.majority_predictions), ("keyword rules", keyword_acled)):
        path, rps = timed_rows(re.sub(r"\W+", "-", name), fn, rows)
        table.append({"system": name, "scores": score_acled(gold, path), "rows_per_s": rps})
    table.append(tfidf_row(gold))
    return table, fw_meta


def tfidf_row(gold: str) -> dict:
    """The trained reference, in the baselines venv."""
    name = "TF-IDF + LR (5-fold CV)"
    if not os.path.exists(BASE_PY):
        return {"system": name, "failed": f"{BASE_PY} missing: run bench/events.py --setup"}
    print("events bench: tfidf ...", file=sys.stderr, flush=True)
    out = os.path.join(WORK, "tfidf-acled.jsonl")
    err = run_proc([BASE_PY, os.path.join(HERE, "events_baselines.py"), "tfidf", gold, out],
                   dict(os.environ, OMP_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1"))
    if err:
        return {"system": name, "failed": err}
    with open(out + ".meta.json", encoding="utf-8") as f:
        meta = json.load(f)
    return {"system": name, "scores": score_acled(gold, out), "rows_per_s": meta["n"] / meta["cpu_s"],
            "only": "event_type / sub_event_type"}


def wiki_systems(fw_ok: bool) -> list[dict]:
    """factwire (from the worker) and the keyword trigger coder on WikiEvents."""
    table = []
    if fw_ok:
        table.append({"system": "factwire", "scores": score_wiki(os.path.join(WORK, "factwire-wikievents.jsonl"))})
    kw = [{"doc_id": d["doc_id"], "events": eb.keyword_events(d["text"])} for d in load_jsonl(WIKI_TEXTS)]
    path = os.path.join(WORK, "keyword-wikievents.jsonl")
    write_jsonl(path, kw)
    table.append({"system": "keyword rules", "scores": score_wiki(path)})
    return table


def g5_result(fw_ok: bool) -> dict | None:
    if not fw_ok:
        return None
    with open(os.path.join(WORK, "factwire-g5.json"), encoding="utf-8") as f:
        preds = json.load(f)
    return g5_score(load_jsonl(G5), preds)


def run_all(args: argparse.Namespace) -> dict:
    """Every system on every set, as one result dict."""
    os.makedirs(WORK, exist_ok=True)
    env, src_line = worker_env(args.factwire_src)
    gold = sample_gold(args.limit)
    acled, fw_meta = acled_systems(gold, env)
    fw_ok = not acled[0].get("failed")
    return {"date": dt.datetime.now().astimezone().isoformat(timespec="seconds"), "machine": machine(),
            "command": " ".join(shlex.quote(a) for a in [os.path.relpath(sys.executable, ROOT), *sys.argv]),
            "acled_n": len(eb.read_acled(gold)), "sampled": bool(args.limit), "factwire_src": src_line,
            "acled": acled, "factwire_meta": fw_meta, "wikievents": wiki_systems(fw_ok), "g5": g5_result(fw_ok),
            **(halves_and_relevance(gold) if fw_ok else {})}


def halves_and_relevance(gold: str) -> dict:
    """factwire's scores on the tuned and untuned halves, and its events on ordinary news."""
    labels = er.load_labels()
    with open(os.path.join(WORK, "factwire-relevance.json"), encoding="utf-8") as f:
        pages = json.load(f)
    return {"halves": {"acled": acled_halves(gold, os.path.join(WORK, "factwire-acled.jsonl")),
                       "wikievents": wiki_halves(os.path.join(WORK, "factwire-wikievents.jsonl"))},
            "relevance": {"scores": er.relevance_scores(labels, pages),
                          "false_types": er.false_event_types(labels, pages)}}


# ------------------------------------------------------------------------------------------------
# report

ACLED_COLS = [("event_type acc", "event_type_acc", ".3f"), ("sub_event acc", "sub_event_acc", ".3f"),
              ("sub_event macro-F1", "sub_event_macro_f1", ".3f"), ("actor1", "actor1_match", ".3f"),
              ("actor2", "actor2_match", ".3f"), ("location", "location_match", ".3f"),
              ("geo median km", "geo_median_km", ".1f"), ("geo p90 km", "geo_p90_km", ".1f"),
              ("within 25 km", "geo_within_25km", ".3f"), ("date exact", "date_exact_acc", ".3f"),
              ("fatalities exact", "fatalities_exact", ".3f")]
WIKI_COLS = [("det P", "det_P", ".3f"), ("det R", "det_R", ".3f"), ("det F1", "det_F1", ".3f"),
             ("det_P_lenient", "det_P_lenient", ".3f"), ("type fine", "type_acc_fine", ".3f"),
             ("type coarse", "type_acc_coarse", ".3f"), ("fatalities exact", "fat_exact", ".3f"),
             ("events", "pred_events", "d")]
TYPE_ONLY = {"event_type_acc", "sub_event_acc", "sub_event_macro_f1"}


def cell(value, fmt: str) -> str:
    """A number for the table; '—' for missing or NaN (no coordinates predicted)."""
    if value is None or (isinstance(value, float) and value != value):
        return "—"
    return format(value, fmt)


def render_table(rows: list[dict], cols: list[tuple[str, str, str]], speed: bool) -> str:
    """Markdown table, one row per system; a type-only system shows '—' outside its fields."""
    head = ["system", *(c[0] for c in cols)] + (["rows/s (CPU)"] if speed else [])
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for r in rows:
        if r.get("failed"):
            cells = [r["system"], f"failed: {r['failed']}"] + [""] * (len(head) - 2)
        else:
            s = r["scores"]
            cells = [r["system"], *(cell(s.get(k), f) if not r.get("only") or k in TYPE_ONLY else "—"
                                    for _, k, f in cols)]
            cells += [cell(r.get("rows_per_s"), ".0f")] if speed else []
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def verdict(name: str, value: float | None, ok: bool | None, shown: str | None = None) -> str:
    if value is None or ok is None:
        return f"- {name}: not measured — **missed**"
    return f"- {name}: {shown or format(value, '.3f')} — **{'met' if ok else 'missed'}**"


def acled_targets(fw: dict, overhead: dict | None) -> list[str]:
    """Issue 4's ACLED targets, from factwire's row."""
    if fw.get("failed"):
        return ["- factwire failed: every target **missed**"]
    s = fw["scores"]
    p90 = s.get("geo_p90_km")
    p90 = None if p90 is None or p90 != p90 else p90
    out = [verdict("sub_event_type macro-F1 ≥ 0.70", s["sub_event_macro_f1"], s["sub_event_macro_f1"] >= 0.70),
           verdict("event_type accuracy ≥ 0.95", s["event_type_acc"], s["event_type_acc"] >= 0.95),
           verdict("actor1 ≥ 0.90", s["actor1_match"], s["actor1_match"] >= 0.90),
           verdict("fatalities exact ≥ 0.95", s["fatalities_exact"], s["fatalities_exact"] >= 0.95),
           verdict("exact day ≥ 0.95 (time_precision 1)", s["date_exact_acc"], s["date_exact_acc"] >= 0.95),
           verdict("geocode p90 ≤ 25 km", p90, None if p90 is None else p90 <= 25, cell(p90, ".1f") + " km")]
    share = (overhead or {}).get("events_share")
    out.append(verdict("events stage adds ≤ 25 % to the facts stage (CPU)", share,
                       None if share is None else share <= 0.25, cell(share, "+.0%")))
    return out


def wiki_targets(fw: dict | None) -> list[str]:
    if not fw:
        return ["- factwire failed: every target **missed**"]
    s = fw["scores"]
    return [verdict("WIKIEVENTS_F1 ≥ 0.75 with det_P ≥ 0.70", s["det_F1"],
                    s["det_F1"] >= 0.75 and s["det_P"] >= 0.70, f"F1 {s['det_F1']:.3f}, det_P {s['det_P']:.3f}"),
            verdict("fine type accuracy ≥ 0.90", s["type_acc_fine"], s["type_acc_fine"] >= 0.90)]


def render_g5(g: dict | None) -> list[str]:
    if not g:
        return ["factwire failed; nothing to map."]
    return ["| system | when: top event/first date | when: any date | who recall | where recall |",
            "|---|---|---|---|---|",
            f"| factwire | {g['when_top']:.3f} | {g['when_any']:.3f} | {g['who_recall']:.3f} "
            f"| {g['where_recall']:.3f} |",
            f"| publication day (floor) | {g['when_pubday_floor']:.3f} | — | — | — |", "",
            f"{g['articles']} articles; {g['when_n']} with a parsed `when`; {g['who_n']} `who` and {g['where_n']} "
            f"`where` gold phrases; factwire coded events in {g['articles_with_events']} articles."]


G5_HOW = [
    "How the Giveme5W1H annotations were mapped (code: `g5_predictions`, `g5_score` in bench/events.py):",
    "- input: `title`, `description` and `text` joined by blank lines, `extract(..., input_kind=\"text\", "
    "published=date_publish[:10])` with cleaning on (the text still has page chrome), as a user would run it.",
    "- when: gold = the set of `when.annotated[].parsed` days. *top*: the highest-confidence event's `date.from`, "
    "else the first resolved date fact (`dates[].value.from`, text order) — right when it is a gold day. *any*: "
    "right when any event or fact date equals a gold day (a recall reading). Floor: the publication day itself.",
    "- who: each gold `who` phrase is found when some factwire phrase matches it — event `actor`/`target` as "
    "written, or an entity labelled PERSON / ORG / NORP / GPE — where *matches* = after lower-casing and "
    "punctuation → spaces, one contains the other as whole words (prediction ≥ 3 characters). Recall over phrases.",
    "- where: the same over event `location.name` and place facts (`places[].text` and `.name`).",
    "- what/why/how are not mapped (free-text clauses with no factwire counterpart).",
]


def render_report(res: dict) -> str:
    """bench/results/events.md from the result dict (also written as events.json)."""
    fw = res["acled"][0]
    ov = (res.get("factwire_meta") or {}).get("overhead")
    out = ["# Events benchmark (DEV)", "",
           f"- date: {res['date']}", f"- machine: {res['machine']}", f"- command: `{res['command']}`",
           f"- factwire measured from: {res['factwire_src']}",
           f"- ACLED rows: {res['acled_n']}"
           + (" (**sample**, not the full DEV set)" if res["sampled"] else " (all DEV)"),
           f"- data: {ACLED_CITE}", "",
           "## ACLED notes → event (`score_acled.py`)", "",
           render_table(res["acled"], ACLED_COLS, speed=True), "", "Targets (issue 4):", "",
           *acled_targets(fw, ov), "", *acled_notes(res), "",
           "## WikiEvents (`score_wikievents.py`, `wikievents/texts.jsonl`)", "",
           render_table(res["wikievents"], WIKI_COLS, speed=False), "", "Targets (issue 4 / README):", "",
           *wiki_targets(next((r for r in res["wikievents"] if r["system"] == "factwire"), None)), "",
           *render_halves(res.get("halves")), *render_relevance(res.get("relevance")),
           "## Giveme5W1H (`giveme5w1h_gold/articles.jsonl`)", "", *render_g5(res.get("g5")), "", *G5_HOW, ""]
    return "\n".join(out)


HALF_TARGETS = [("ACLED sub-event macro-F1 ≥ 0.85", "acled", "sub_event_macro_f1", 0.85),
                ("ACLED event_type accuracy ≥ 0.96", "acled", "event_type_acc", 0.96),
                ("WikiEvents det F1 ≥ 0.80", "wikievents", "det_F1", 0.80),
                ("WikiEvents det P ≥ 0.80", "wikievents", "det_P", 0.80)]


def render_halves(halves: dict | None) -> list[str]:
    """factwire on the tuned half beside the untuned one (issue 12's generalisation check)."""
    if not halves:
        return []
    out = ["## Tuned and untuned halves (factwire)", "",
           "Fixed split: sha1 of the ACLED `event_id_cnty` / WikiEvents `doc_id`, even = *tune* (rules may be "
           "fitted there), odd = *held* (never read while tuning). Same scorers, run on each half's rows.", "",
           "| half | ACLED rows | event_type acc | sub_event macro-F1 | actor1 | location | date exact | fatalities "
           "| WikiEvents docs | det P | det R | det F1 | type fine |", "|" + "---|" * 13]
    for half in ("tune", "held"):
        a, w = halves["acled"][half], halves["wikievents"][half]
        s, t = a["scores"], w["scores"]
        out.append(f"| {half} | {a['n']} | {s['event_type_acc']:.3f} | {s['sub_event_macro_f1']:.3f} | "
                   f"{s['actor1_match']:.3f} | {s['location_match']:.3f} | {s['date_exact_acc']:.3f} | "
                   f"{s['fatalities_exact']:.3f} | {w['n']} | {t['det_P']:.3f} | {t['det_R']:.3f} | "
                   f"{t['det_F1']:.3f} | {t['type_acc_fine']:.3f} |")
    out += ["", "Targets on the untuned (held) half (issue 12):", ""]
    for name, ds, key, floor in HALF_TARGETS:
        v = halves[ds]["held"]["scores"][key]
        out.append(verdict(name, v, v >= floor))
    return out + [""]


def render_relevance(rel: dict | None) -> list[str]:
    """False events on ordinary news (bench/events_relevance.py)."""
    if not rel:
        return []
    return ["## Ordinary news: false events (`bench/events_relevance.py`)", "",
            "The 121 ScrapingHub DEV pages (HTML through the whole pipeline), labelled by reading "
            "(`bench/data/relevance-labels.json`); every event on a `none` page is false.", "",
            *er.render(rel["scores"], rel["false_types"]), ""]


def acled_notes(res: dict) -> list[str]:
    """How each ACLED row was made, and what factwire's records said."""
    meta = res.get("factwire_meta") or {}
    out = ["Notes:", "",
           "- factwire: `extract(notes, input_kind=\"text\", clean=False, published=<event_date ISO>)`; prediction = "
           "the highest-confidence event → event_type, sub_event_type, actor1 = `actor_norm`, actor2 = `target_norm`, "
           "location = `location.name`, latitude/longitude only when `location.precision` is \"place\" (the "
           "documented operating point, like ACLED's own gazetteer-only p90 reference; the row "
           f"\"{ALL_COORDS_SYSTEM}\" also emits the region/country point of a place named with its region but "
           "found in no gazetteer), event_date = `date.from`, fatalities. No event → all null "
           "(the scorer reads a null fatalities as 0). rows/s = notes / CPU seconds of the extract loop, one core.",
           "- majority class: per CV fold, the commonest value of each field among the other 4 folds' rows; "
           "fatalities 0. keyword rules: `bench/events_baselines.py` (`KEYWORD_RULES`, `ACTOR_RULES`, "
           "'killing N' fatalities, 'On D Month YYYY' date, first capitalised name after in/near/at; no coordinates), "
           "written from general knowledge, not mined from the notes.",
           "- TF-IDF + LR: word 1–2-gram TF-IDF (min_df 2, sublinear tf) + logistic regression (C = 10) on the notes → "
           "sub_event_type, event_type = that sub-event's parent; 5-fold CV (row i in fold i mod 5), so every row is "
           "predicted by a model that never saw it; rows/s includes training the 5 models. Type columns only. "
           "scikit-learn 1.9.1 in bench/.venv-events-baselines; models are never saved."]
    if meta.get("events_per_note"):
        out.append(f"- factwire events per note (3 = 3 or more): {meta['events_per_note']}")
    for reason, count in sorted((meta.get("errors") or {}).items(), key=lambda kv: -kv[1])[:5]:
        out.append(f"- factwire record errors ({count} notes): {reason}")
    ov = meta.get("overhead")
    if ov:
        out.append(f"- events stage cost: {ov['n']} notes, extract() with events {ov['with_events_cpu_s']:.2f} s CPU, "
                   f"with `add_events` switched off {ov['without_events_cpu_s']:.2f} s (fastest of 2 passes each) → "
                   f"{cell(ov['events_share'], '+.0%')}")
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--setup", action="store_true", help="(re)create bench/.venv-events-baselines and stop")
    ap.add_argument("--limit", type=int, help="score only N ACLED rows (every k-th) while developing")
    ap.add_argument("--factwire-src", choices=("committed", "worktree"), default="committed")
    ap.add_argument("--results", default=RESULTS, help="where events.md / events.json go")
    ap.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--gold", default=ACLED, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.worker:
        return worker(args.gold, WORK)
    if args.setup:
        return setup_baselines_venv()
    res = run_all(args)
    os.makedirs(args.results, exist_ok=True)
    with open(os.path.join(args.results, "events.json"), "w", encoding="utf-8") as f:
        json.dump(res, f, indent=1, ensure_ascii=False)
    report = render_report(res)
    with open(os.path.join(args.results, "events.md"), "w", encoding="utf-8") as f:
        f.write(report)
    print(report)


if __name__ == "__main__":
    main()
