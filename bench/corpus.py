#!/usr/bin/env python3
"""Corpus ingest benchmark: throughput (vs trafilatura alone, per core), 2-worker scaling, and
peak RSS as the corpus grows.  Writes the Throughput and Memory sections of
bench/results/corpus.md (between its own markers; bench/corpus_dedup.py owns the others).

    .venv/bin/python bench/corpus.py [--throughput-n 10000] [--resume] [--memory-n 2000,20000]
                                     [--facts-memory-n 300,1000]

Pages: the DEV pages of ../shared/bench/extraction/scrapinghub-dev/html, replicated with varied
site chrome (four site templates; nav, related and footer blocks added or left out) and small
edits to the body (a paragraph added, the last one dropped, a word changed), so syndication has
copies to find.  Each page also carries its index in a comment, so every page is a distinct
content id (a distinct article to store, not an idempotent upsert).  Written under bench/work/.

Why these sizes: the issue asks for 10,000 pages; with facts on (spaCy) the pipeline runs ~6-7
pages/s a core here, so the four throughput runs take about an hour on 2 free cores (`--resume`
keeps finished runs if it is stopped).  The 2,000 vs 20,000 memory check runs with --no-facts
(clean + store + syndication + merge), and facts-on memory is measured at smaller sizes.

Measurement: each ingest is `factwire ingest ... --json` in a subprocess; psutil samples the
whole process tree (parent, forkserver, pool workers, Dask nanny/workers) every SAMPLE_S and
keeps the peak of the *summed* RSS and each process's last CPU times (parent vs the rest).
trafilatura runs in the peers venv through the shared run_peer.py (per-page timing, one core).
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from typing import Any

import benchlib  # noqa: E402  (bench/benchlib.py)

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SHARED = Path(os.environ.get("FACTWIRE_SHARED", ROOT.parent / "shared"))
DEV_HTML = SHARED / "bench" / "extraction" / "scrapinghub-dev" / "html"
RUN_PEER = SHARED / "bench" / "extraction" / "run_peer.py"
PEERS_PY = HERE / ".venv-peers" / "bin" / "python"
WORK = HERE / "work" / "corpus"
RESULTS = HERE / "results" / "corpus.md"
RAW = HERE / "results" / "corpus-bench.json"  # every figure of the last runs, for --render
FACTWIRE = ROOT / ".venv" / "bin" / "factwire"
#: How an ingest is started: the .venv's console script, or `--python PY` (`PY -m factwire.cli`:
#: another environment, e.g. a candidate dependency set, with PYTHONPATH=src for this tree).
FACTWIRE_CMD = [str(FACTWIRE)]
SAMPLE_S = 0.2
MARK = "corpus_bench"

SITES = ("Daily Ledger", "Metro Wire", "Valley Post", "Coastal Herald")
EDITS = ("none", "added", "trimmed", "word")
_BODY = re.compile(r"<body[^>]*>(.*)</body>", re.I | re.S)
_PARA = re.compile(r"<p[\s>].*?</p>", re.I | re.S)


# -- pages ------------------------------------------------------------------------------------

def chrome(site: str, i: int) -> dict[str, str]:
    """Blocks a site template wraps around an article; which ones appear varies with `i`."""
    links = "".join(f'<li><a href="/story/{i}-{k}">{site} story {k}: city council meets again</a></li>'
                    for k in range(4))
    return {"nav": f'<nav><a href="/">{site}</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>'
                   if i % 3 else "",
            "related": f'<aside class="related"><h3>Related stories</h3><ul>{links}</ul></aside>' if i % 2 else "",
            "footer": f"<footer>© 2022 {site}. All rights reserved. <a href='/privacy'>Privacy</a></footer>"
                      if i % 5 else ""}


def edit_body(body: str, edit: str) -> str:
    """A small edit to an article body, as copies of wire stories differ."""
    paras = list(_PARA.finditer(body))
    if edit == "added":
        at = paras[-1].end() if paras else len(body)
        added = "<p>This story has been updated with additional reporting from our correspondents.</p>"
        return body[:at] + added + body[at:]
    if edit == "trimmed" and len(paras) > 2:
        last = paras[-1]
        return body[:last.start()] + body[last.end():]
    if edit == "word":
        return re.sub(r"\bthe\b", "a", body, count=1)
    return body


def make_page(html: str, i: int) -> str:
    """Page `i` of the corpus from one DEV page: its head, its body edited, a site's chrome."""
    m = _BODY.search(html)
    head, body = (html[:m.start()], m.group(1)) if m else ("<html>", html)
    site = SITES[i % len(SITES)]
    blocks = chrome(site, i)
    body = edit_body(body, EDITS[(i // len(SITES)) % len(EDITS)])
    return (f"{head}<body>{blocks['nav']}<div class='site-{i % len(SITES)}'>{body}</div>"
            f"{blocks['related']}{blocks['footer']}<!-- page {i} --></body></html>")


def dev_htmls() -> list[str]:
    """The DEV pages, decoded (UTF-8, replacement for the odd byte)."""
    pages = sorted(DEV_HTML.glob("*.html.gz"))
    if not pages:
        raise SystemExit(f"DEV pages not found under {DEV_HTML}")
    return [gzip.decompress(p.read_bytes()).decode("utf-8", "replace") for p in pages]


def build_files(n: int, dest: Path, dev: list[str]) -> Path:
    """n pages as single .html.gz files (what run_peer.py and ingest both read)."""
    dest.mkdir(parents=True, exist_ok=True)
    if len(list(dest.glob("*.html.gz"))) != n:
        for old in dest.glob("*.html.gz"):
            old.unlink()
        for i in range(n):
            (dest / f"p{i:06d}.html.gz").write_bytes(gzip.compress(make_page(dev[i % len(dev)], i).encode(), 3))
    return dest


def build_jsonl(n: int, dest: Path, dev: list[str], per_file: int = 40) -> Path:
    """n pages as JSONL.gz shards ({"url", "html"}), cheaper to write than 20,000 files.

    Shards stay far below 16 MiB decompressed: factwire's reader caps a whole JSONL file at the
    per-page limit (MAX_PAGE_BYTES) and drops what follows -- found by this benchmark, reported."""
    dest.mkdir(parents=True, exist_ok=True)
    shards = (n + per_file - 1) // per_file
    if len(list(dest.glob("*.jsonl.gz"))) == shards:
        return dest
    for s in range(shards):
        with gzip.open(dest / f"s{s:03d}.jsonl.gz", "wt", encoding="utf-8", compresslevel=3) as out:
            for i in range(s * per_file, min(n, (s + 1) * per_file)):
                out.write(json.dumps({"url": f"https://{SITES[i % 4].replace(' ', '').lower()}.example/{i}",
                                      "html": make_page(dev[i % len(dev)], i)}) + "\n")
    return dest


# -- measuring --------------------------------------------------------------------------------

def _sample(proc, peak: dict, cpu: dict) -> None:
    """One sample of the process tree: summed RSS (peak kept) and each process's CPU times."""
    import psutil

    try:
        tree = [proc] + proc.children(recursive=True)
    except psutil.Error:
        return
    total = 0
    for p in tree:
        try:
            total += p.memory_info().rss
            t = p.cpu_times()
            cpu[p.pid] = t.user + t.system  # own time only: reaped children are sampled themselves
        except psutil.Error:
            continue
    peak["rss"] = max(peak.get("rss", 0), total)
    peak["parent"] = max(peak.get("parent", 0), proc.memory_info().rss if proc.is_running() else 0)


def measure(cmd: list[str]) -> dict[str, Any]:
    """Run `cmd`; peak summed RSS of its tree, parent vs other CPU seconds, wall time, stdout."""
    import psutil

    t0 = time.monotonic()
    popen = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    proc, peak, cpu = psutil.Process(popen.pid), {}, {}
    while popen.poll() is None:
        try:
            _sample(proc, peak, cpu)
        except psutil.Error:
            pass
        time.sleep(SAMPLE_S)
    out, err = popen.communicate()
    if popen.returncode not in (0, 1):
        raise RuntimeError(f"{' '.join(cmd)} failed ({popen.returncode}): {err[-2000:]}")
    parent_cpu = cpu.pop(popen.pid, 0.0)
    return {"wall_s": time.monotonic() - t0, "peak_rss_mb": peak.get("rss", 0) / 2**20,
            "peak_parent_rss_mb": peak.get("parent", 0) / 2**20, "cpu_parent_s": parent_cpu,
            "cpu_others_s": sum(cpu.values()), "stdout": out}


def run_ingest(src: Path, db: Path, *, workers: int = 1, engine: str = "local", facts: bool = True) -> dict:
    """One measured `factwire ingest` into a fresh database; its --json summary merged in."""
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    shutil.rmtree(f"{db}.shards", ignore_errors=True)  # --engine dask would reuse the last run's shards
    cmd = [*FACTWIRE_CMD, "ingest", str(src), "--db", str(db), "--workers", str(workers),
           "--engine", engine, "--quiet", "--json"] + ([] if facts else ["--no-facts"])
    m = measure(cmd)
    summary = json.loads(m.pop("stdout").strip().splitlines()[-1])
    return {**m, "pages": summary["pages"], "failures": summary["failures"], "seconds": summary["seconds"],
            "pages_per_s": summary["pages_per_s"], "copies": summary.get("copies"),
            "corpus_events": summary.get("corpus_events"), "workers": workers, "engine": engine, "facts": facts}


def run_trafilatura(pages: Path) -> dict:
    """trafilatura's extraction alone on the same pages (peers venv, shared run_peer.py)."""
    out = WORK / "trafilatura.jsonl"
    subprocess.run([str(PEERS_PY), str(RUN_PEER), "--extractor", "trafilatura", "--pages", str(pages),
                    "--out", str(out)], check=True, capture_output=True, text=True)
    meta = json.loads(out.with_suffix(".meta.json").read_text())
    return {"pages_per_s": meta["pages_per_s"], "pages": meta.get("pages") or meta.get("n"), "meta": meta}


# -- figures and report -----------------------------------------------------------------------

def per_core_ratio(run: dict, traf_pps: float) -> float:
    """Pages/s per core used (one core per worker) over trafilatura's single-core pages/s."""
    return run["pages_per_s"] / max(1, run["workers"]) / traf_pps if traf_pps else 0.0


def verdict(ok: bool) -> str:
    return "**met**" if ok else "**missed**"


def write_section(name: str, body: str, path: Path | None = None) -> None:
    """Replace this script's section `name` in the results file, leaving everything else."""
    benchlib.write_section(path or RESULTS, MARK, name, body)


def cpu_figures(r: dict) -> tuple[float, float, float]:
    """(parent's share of the CPU time, cores kept busy = CPU s / wall s, CPU s per page).
    On a shared machine `cores busy` shows how much of the 2 cores a run actually got."""
    cpu = r["cpu_parent_s"] + r["cpu_others_s"]
    return (r["cpu_parent_s"] / cpu if cpu else 0.0, cpu / r["wall_s"] if r.get("wall_s") else 0.0,
            cpu / r["pages"] if r["pages"] else 0.0)


def _row(label: str, r: dict, traf: float) -> str:
    share, busy, per_page = cpu_figures(r)
    return (f"| {label} | {r['pages']} | {r['seconds']:.1f} | {r['pages_per_s']:.2f} | "
            f"{per_core_ratio(r, traf):.2f} | {r['cpu_parent_s']:.1f} / {r['cpu_others_s']:.1f} ({share:.0%}) | "
            f"{busy:.2f} | {per_page:.3f} | {r['peak_rss_mb']:.0f} |")


def bracketed_rate(traf: dict) -> float:
    """trafilatura's pages/s as the ratio's reference: the mean of its run before the ingests and
    its run right after the 1-worker ingest, when both exist.  The two runs are minutes apart on a
    shared machine, and a single run before everything moved the 1-worker ratio 0.28-0.32x between
    two otherwise equal runs (session 6); bracketing the run being compared lets load drift hit
    both sides alike."""
    after = traf.get("after")
    return (traf["pages_per_s"] + after) / 2 if after else traf["pages_per_s"]


def throughput_md(traf: dict, runs: dict[str, dict], n: int, load: tuple, commit: str | None = None,
                  command: str | None = None) -> str:
    """The Throughput section."""
    t = bracketed_rate(traf)
    traf_line = (f"trafilatura alone (peers venv, `run_peer.py --extractor trafilatura`, summed per-page time, "
                 f"one core): **{t:.1f} pages/s**"
                 + (f", the mean of {traf['pages_per_s']:.1f} before the ingests and {traf['after']:.1f} right after "
                    "the 1-worker ingest (every ratio below is against this mean)." if traf.get("after") else "."))
    scaling = runs["local-2"]["pages_per_s"] / runs["local-1"]["pages_per_s"]
    dask_scaling = runs["dask-2"]["pages_per_s"] / runs["local-1"]["pages_per_s"]
    best_ratio = per_core_ratio(runs["local-1"], t)
    lines = [
        "## Throughput", "",
        "Produced by `.venv/bin/python bench/corpus.py` (defaults: `--throughput-n 10000 --memory-n 2000,20000 "
        "--facts-memory-n 300,1000`; `--only throughput|memory` reruns one section, `--render "
        "bench/results/corpus-bench.json` rewrites both from the saved figures; `--resume` keeps the runs a "
        f"stopped run finished). Throughput is measured on {n:,} pages"
        + (f", factwire at commit `{commit}`." if commit else ".")
        + (f" This run: `{command}`." if command else ""), "",
        f"{n} pages built from the 121 DEV pages (four site templates, nav/related/footer blocks varied, "
        "a paragraph added / the last dropped / a word changed; every page a distinct content id), "
        f"written as .html.gz files under bench/work/. All runs below on the same pages in the same run of "
        f"`bench/corpus.py`; load average before/after: {load[0]} / {load[1]} "
        "(2 cores shared with other sessions).", "",
        traf_line, "",
        "Full pipeline = `factwire ingest DIR --db ... --json` (read, clean, facts, events, store, then "
        "syndication and event merging), timed end to end by its own summary (pool/cluster start-up and "
        "the corpus steps included).", "",
        "| run | pages | s | pages/s | ratio to trafilatura per core | CPU s parent / workers (parent share) "
        "| cores busy | CPU s per page | peak RSS MB (tree) |",
        "|---|---|---|---|---|---|---|---|---|",
        _row("1 worker (in process)", runs["local-1"], t),
        _row("2 workers, local pool", runs["local-2"], t),
        _row("2 workers, --engine dask", runs["dask-2"], t),
        *([_row("1 worker, --no-facts (read + clean + store only)", runs["nofacts-1"], t)]
          if "nofacts-1" in runs else []),
        "",
        f"Scaling on 2 workers: local pool **{scaling:.2f}×**, dask {dask_scaling:.2f}× (over 1 worker); "
        f"CPU s per page {cpu_figures(runs['local-1'])[2]:.3f} with 1 worker and "
        f"{cpu_figures(runs['local-2'])[2]:.3f} with 2 (the pool adds no work per page; on a shared machine "
        "the wall-clock scaling follows the cores a run gets, column `cores busy`). "
        f"With dask the CPU per page is {cpu_figures(runs['dask-2'])[2]:.3f} s (each task writes a Parquet "
        "shard that the client then loads into SQLite, plus the scheduler and nanny processes), and the "
        f"tree's peak RSS {runs['dask-2']['peak_rss_mb']:.0f} MB against {runs['local-2']['peak_rss_mb']:.0f} MB "
        "for the local pool: the local pool is the default on one machine, dask is for clusters. "
        f"Targets: full pipeline ≥ 0.3× trafilatura per core: {best_ratio:.2f}× {verdict(best_ratio >= 0.3)}; "
        f"≥ 1.8× on 2 workers: {verdict(scaling >= 1.8)}.",
        "",
        "Where the time goes: `--no-facts` costs "
        f"{cpu_figures(runs['nofacts-1'])[2] if 'nofacts-1' in runs else float('nan'):.3f} CPU s a page, so the "
        "facts and events stages (spaCy, gazetteer, event coder) are nearly all of the full pipeline; "
        "trafilatura's figure is wall time per page on the same loaded machine, so under load both sides "
        "of the ratio are inflated, not by the same factor: with `cores busy` well under the workers a "
        "run asked for, the wall-clock ratios and scaling mean little, and the comparable figures are "
        "`CPU s per page` here and the same-run CPU ratio of bench/results/profile.md (spaCy's small "
        "model is ~70 % of a page there). In the 2-worker local pool the parent (reading, receiving "
        "records, SQLite writes in batched transactions) is the small `parent share` above and "
        "the CPU per page does not grow, so 2-worker scaling is bounded by the cores the run gets on the "
        "shared machine, not by the parent or by record transfer; each worker loads spaCy once (~1.5 s "
        "before its first page). A quick earlier figure of 5.8 → 6.2 pages/s on 2 workers was taken "
        "while other sessions were using the cores; `cores busy` now shows it per run.",
        "",
    ]
    return "\n".join(lines) + "\n"


def memory_md(fast: list[dict], facts: list[dict], load: tuple) -> str:
    """The Memory section: peak summed RSS of the process tree at two corpus sizes."""
    growth = fast[1]["peak_rss_mb"] / fast[0]["peak_rss_mb"]
    lines = [
        "## Memory", "",
        "Peak RSS of the whole process tree (parent + forkserver + pool workers), the sum of every "
        f"process's RSS sampled with psutil every {SAMPLE_S} s (not RUSAGE_CHILDREN, which gives the "
        "largest child, not the sum). Pages as JSONL.gz shards of 40 under bench/work/; 2 workers, "
        f"local pool. Load average before/after: {load[0]} / {load[1]}.", "",
        "| run | pages stored | failed | pages/s | peak RSS MB (tree) | peak RSS MB (parent) |",
        "|---|---|---|---|---|---|",
    ]
    for r in fast + facts:
        label = "clean + store (--no-facts)" if not r["facts"] else "full pipeline (facts on)"
        lines.append(f"| {label} | {r['pages']} | {r['failures']} | {r['pages_per_s']:.1f} | {r['peak_rss_mb']:.0f} | "
                     f"{r['peak_parent_rss_mb']:.0f} |")
    lines += ["", f"Growth {fast[0]['pages']:,} → {fast[1]['pages']:,} pages (--no-facts): **{growth:.2f}×**, "
                  f"target ≤ 1.2×: {verdict(growth <= 1.2)}."]
    lines.append("History: the first run of this benchmark gave 284 → 1,103 MB (3.89×) here, the parent "
                 "handing every article's text to syndication at once; the corpus step now feeds the "
                 "incremental index in chunks of 1,000 articles (`Store.iter_article_docs`), same copies.")
    if len(facts) == 2:
        g = facts[1]["peak_rss_mb"] / facts[0]["peak_rss_mb"]
        lines.append(f"Facts on, {facts[0]['pages']:,} → {facts[1]['pages']:,} pages: {g:.2f}×.")
    return "\n".join(lines) + "\n\n"


def load_avg() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


#: Throughput runs in the order they are measured: name -> (engine, workers, facts).
THROUGHPUT_RUNS = {"local-1": ("local", 1, True), "local-2": ("local", 2, True),
                   "dask-2": ("dask", 2, True), "nofacts-1": ("local", 1, False)}
PARTIAL = WORK / "throughput-partial.json"


def git_head() -> str:
    """The commit the ingests ran (the working tree's HEAD; run the bench on a clean tree)."""
    return subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short=12", "HEAD"],
                          capture_output=True, text=True).stdout.strip()


def load_partial(n: int) -> dict:
    """What a stopped throughput run of the same size finished (10,000 pages take ~1 hour)."""
    if not PARTIAL.exists():
        return {}
    saved = json.loads(PARTIAL.read_text())
    return saved if saved.get("n") == n else {}


def save_partial(n: int, traf: dict, runs: dict) -> None:
    PARTIAL.write_text(json.dumps({"n": n, "trafilatura": traf, "runs": runs}, default=str))


def main(argv: list[str] | None = None) -> None:
    """Build the pages, run trafilatura and the ingests, write both sections (and a JSON)."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--throughput-n", type=int, default=10_000)
    ap.add_argument("--memory-n", default="2000,20000")
    ap.add_argument("--facts-memory-n", default="300,1000")
    ap.add_argument("--only", choices=["throughput", "memory"])
    ap.add_argument("--resume", action="store_true",
                    help="keep the throughput runs a stopped run of the same size already finished")
    ap.add_argument("--render", metavar="JSON",
                    help="only rewrite the sections from a saved results JSON (bench/results/corpus-bench.json)")
    ap.add_argument("--results", metavar="MD",
                    help="write the sections to this file instead (a quick or loaded-machine run that must not "
                         "replace the figures in bench/results/corpus.md); its JSON goes beside it")
    ap.add_argument("--python", help="run factwire ingest as `PYTHON -m factwire.cli` (default: .venv/bin/factwire)")
    ap.add_argument("--peers-python", help="a Python with trafilatura (default: bench/.venv-peers/bin/python)")
    args = ap.parse_args(argv)
    global FACTWIRE_CMD, PEERS_PY
    if args.python:
        FACTWIRE_CMD = [args.python, "-m", "factwire.cli"]
    if args.peers_python:
        PEERS_PY = Path(args.peers_python)
    if args.results:
        global RESULTS, RAW, PARTIAL
        RESULTS, RAW = Path(args.results), Path(args.results).with_suffix(".json")
        PARTIAL = WORK / f"throughput-partial-{RESULTS.stem}.json"
    if args.render:
        return render(json.loads(Path(args.render).read_text()))
    dev, raw = dev_htmls(), {}
    if args.only in (None, "throughput"):
        load0 = load_avg()
        pages = build_files(args.throughput_n, WORK / f"files-{args.throughput_n}", dev)
        partial = load_partial(args.throughput_n) if args.resume else {}
        traf = partial.get("trafilatura") or run_trafilatura(pages)
        runs = partial.get("runs", {})
        for name, (engine, workers, facts) in THROUGHPUT_RUNS.items():
            if name not in runs:
                runs[name] = run_ingest(pages, WORK / "tp.db", workers=workers, engine=engine, facts=facts)
            if name == "local-1" and "after" not in traf:  # bracket the 1-worker run (see bracketed_rate)
                traf = {**traf, "after": run_trafilatura(pages)["pages_per_s"]}
            save_partial(args.throughput_n, traf, runs)
        raw["throughput"] = {"trafilatura": traf, "runs": runs, "n": args.throughput_n, "load": (load0, load_avg()),
                             "commit": git_head(), "command": " ".join(["bench/corpus.py", *(argv or sys.argv[1:])])}
        render({"throughput": raw["throughput"]})
    if args.only in (None, "memory"):
        load0 = load_avg()
        fast = [run_ingest(build_jsonl(n, WORK / f"jsonl-{n}", dev), WORK / "mem.db", workers=2, facts=False)
                for n in map(int, args.memory_n.split(","))]
        facts = [run_ingest(build_jsonl(n, WORK / f"jsonl-{n}", dev), WORK / "mem.db", workers=2)
                 for n in map(int, args.facts_memory_n.split(",")) if n]
        raw["memory"] = {"no_facts": fast, "facts": facts, "load": (load0, load_avg())}
        render({"memory": raw["memory"]})
    saved = json.loads(RAW.read_text()) if RAW.exists() else {}  # --only keeps the other section
    RAW.write_text(json.dumps({**saved, **raw}, indent=1, default=str))


def render(raw: dict) -> None:
    """Rewrite the sections from a results JSON written by a full run (no measuring)."""
    if "throughput" in raw:
        tp = raw["throughput"]
        write_section("throughput", throughput_md(tp["trafilatura"], tp["runs"], tp["n"], tp["load"],
                                                  tp.get("commit"), tp.get("command")))
    if "memory" in raw:
        mem = raw["memory"]
        write_section("memory", memory_md(mem["no_facts"], mem["facts"], mem["load"]))


if __name__ == "__main__":
    main()
