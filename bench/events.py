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
  subprocesses; the Giveme5W1H mapping is in bench/events_data.py (``g5_*``) and stated in the
  results file.
* Split by concern: events_data.py (paths, JSON lines, record -> scorer mapping, the tune/held
  split), events_worker.py (factwire's pinned process), events_report.py (the markdown); this
  file runs the systems and the scorers.

Writes ``bench/results/events.md`` and ``.json``.
"""
from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import os
import re
import shlex
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from facts import machine, worker_env  # noqa: E402

import events_baselines as eb  # noqa: E402
import events_relevance as er  # noqa: E402
from events_data import (  # noqa: E402,F401
    ACLED,
    ALL_COORDS_SYSTEM,
    BASE_PY,
    BASE_VENV,
    G5,
    HERE,
    REQUIREMENTS,
    RESULTS,
    ROOT,
    SCORE_ACLED,
    SCORE_WIKI,
    WIKI_DOCS,
    WIKI_TEXTS,
    WORK,
    acled_prediction,
    g5_predictions,
    g5_score,
    half_of,
    iso_date,
    load_jsonl,
    phrase_match,
    top_event,
    write_jsonl,
)
from events_report import render_report  # noqa: E402
from events_worker import worker  # noqa: E402

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
