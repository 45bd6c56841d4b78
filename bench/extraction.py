#!/usr/bin/env python3
"""Side-by-side main-content extraction benchmark: factwire vs the best existing tools.

    .venv/bin/python bench/extraction.py [--only factwire,trafilatura] [--corpus html|text|both]
                                         [--repeat N] [--factwire-src committed|worktree]
    .venv/bin/python bench/extraction.py --setup     # (re)create bench/.venv-peers only

Why it looks like this:
* Peers run in their own venv (``bench/.venv-peers``, pins in ``requirements-peers.txt``) so
  they never become factwire dependencies; each runs through the shared ``run_peer.py`` and
  factwire through ``bench/run_factwire.py``, which mirrors it (same decoding-inside-timing,
  warm-up, JSONL + meta.json).  The shared data and scripts are used from where they are.
* The machine is shared and noisy, so every tool is run ``--repeat`` times, round-robin
  (pass 1 of every tool, then pass 2, ...), and the fastest pass counts; speed is quoted as a
  ratio to trafilatura's (default settings) best pass in the same invocation.
* factwire is measured from the *committed* tree (``git archive HEAD``) by default, so files
  other engineers are editing mid-run cannot change or break the measurement.
* Scores come from the shared ``score.py`` (``--json``), unchanged; TEXT is also scored per
  renderer by splitting the gold file along ``renderers.json``.

Writes ``bench/results/extraction.md`` and ``.json`` (plus factwire per-page TSVs); raw
predictions go to ``bench/work/extraction/`` (gitignored).
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shlex
import subprocess
import sys
import tempfile
from dataclasses import dataclass

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import benchlib  # noqa: E402  (bench/benchlib.py)

ROOT = os.path.dirname(HERE)
BENCH = os.path.abspath(os.environ.get("FACTWIRE_BENCH", os.path.join(ROOT, "..", "shared", "bench", "extraction")))
PEERS_VENV = os.path.join(HERE, ".venv-peers")
PEERS_PY = os.path.join(PEERS_VENV, "bin", "python")
REQUIREMENTS = os.path.join(HERE, "requirements-peers.txt")
WORK = os.path.join(HERE, "work", "extraction")
RESULTS = os.path.join(HERE, "results")
SCORE_PY = os.path.join(BENCH, "score.py")

BASELINE = "trafilatura"
FACTWIRE = "factwire"
FLOOR = "keep-everything"
PEERS = ["trafilatura", "trafilatura-precision", "trafilatura-fast", "readability", "resiliparse",
         "justext", "newspaper4k", "boilerpy3", "goose3", "inscriptis"]
ALL_TOOLS = [FACTWIRE] + PEERS


@dataclass(frozen=True)
class Corpus:
    """One benchmark corpus: its pages, gold file, and (TEXT only) the renderer of each page."""

    name: str
    pages: str
    gold: str
    renderers: str | None = None


TEXT7 = os.path.join(HERE, "work", "text")  # bench/text_pages.py: seven renderers, dev and held


def _text_corpus(name: str, folder: str) -> Corpus:
    return Corpus(name, folder, os.path.join(folder, "ground-truth.json"), os.path.join(folder, "renderers.json"))


CORPORA = {
    "html": Corpus("html", os.path.join(BENCH, "scrapinghub-dev", "html"),
                   os.path.join(BENCH, "scrapinghub-dev", "ground-truth.json")),
    "text": _text_corpus("text", os.path.join(TEXT7, "dev")),
    "text-held": _text_corpus("text-held", os.path.join(TEXT7, "held")),
    "text-shared": _text_corpus("text-shared", os.path.join(BENCH, "text-dev")),
}
TITLES = {
    "html": "HTML — scrapinghub-dev (121 pages)",
    "text": "TEXT — scrapinghub-dev flattened by seven renderers (bench/text_pages.py; peers get one `<p>` per line)",
    "text-held": "TEXT held out — 100 WCXB held-out article pages by the same seven renderers (never tuned on)",
    "text-shared": "TEXT — shared text-dev (121 pages, two renderers alternating; the session-2 corpus)",
}
#: Corpus groups for --corpus.
GROUPS = {"both": ["html", "text"], "texts": ["text", "text-held"],
          "all": ["html", "text", "text-held", "text-shared"]}

TARGETS = {"html": {"f1": 0.980, "exact": 0.40, "speed_ratio": 3.0}, "text": {"renderer_f1": 0.95}}


# ------------------------------------------------------------------------------------------------
# peers venv


def setup_peers(force: bool = False) -> None:
    """Create bench/.venv-peers and install the pinned peers (PyPI via pip, nothing else).

    A copy of the requirements is kept in the venv so a changed pin triggers a reinstall."""
    stamp = os.path.join(PEERS_VENV, "requirements-peers.installed")
    with open(REQUIREMENTS, encoding="utf-8") as f:
        wanted = f.read()
    if not force and os.path.exists(stamp) and open(stamp, encoding="utf-8").read() == wanted:
        return
    if not os.path.exists(PEERS_PY):
        subprocess.run([sys.executable, "-m", "venv", PEERS_VENV], check=True)
    # the pip bundled with Python 3.11 trips over lxml[html-clean] extras; a current pip does not
    subprocess.run([PEERS_PY, "-m", "pip", "install", "-q", "-U", "pip"], check=True)
    subprocess.run([PEERS_PY, "-m", "pip", "install", "-q", "-r", REQUIREMENTS], check=True)
    with open(stamp, "w", encoding="utf-8") as f:
        f.write(wanted)


# ------------------------------------------------------------------------------------------------
# running tools


def committed_factwire_src() -> tuple[str, str]:
    """src/ of git HEAD exported under this benchmark's work folder (see benchlib)."""
    return benchlib.committed_src(WORK)


def tool_command(tool: str, corpus: Corpus, out: str) -> list[str]:
    """The subprocess command for one tool on one corpus (peers: run_peer.py in the peers venv)."""
    if tool == FACTWIRE:
        return [sys.executable, os.path.join(HERE, "run_factwire.py"), "--pages", corpus.pages,
                "--gold", corpus.gold, "--out", out]
    return [PEERS_PY, os.path.join(BENCH, "run_peer.py"), "--extractor", tool, "--pages", corpus.pages,
            "--gold", corpus.gold, "--out", out]


def run_tool(tool: str, corpus: Corpus, out: str, env: dict) -> dict:
    """Run one pass of one tool; returns its meta.json (or an ``error`` entry if it crashed)."""
    proc = subprocess.run(tool_command(tool, corpus, out), capture_output=True, text=True, env=env)
    meta_path = out[:-6] + ".meta.json"
    if proc.returncode != 0 or not os.path.exists(meta_path):
        return {"extractor": tool, "failed": True, "stderr": proc.stderr[-2000:]}
    with open(meta_path, encoding="utf-8") as f:
        meta = json.load(f)
    meta["pred"] = out
    return meta


def run_corpus(corpus: Corpus, tools: list[str], repeat: int, env: dict) -> dict[str, list[dict]]:
    """Every tool ``repeat`` times, round-robin, so slow drifts in machine load hit all tools."""
    passes: dict[str, list[dict]] = {t: [] for t in tools}
    for k in range(repeat):
        for tool in tools:
            out = os.path.join(WORK, corpus.name, "%s.pass%d.jsonl" % (tool, k + 1))
            meta = run_tool(tool, corpus, out, env)
            passes[tool].append(meta)
            pps = meta.get("pages_per_s")
            print("  %-5s pass %d/%d %-22s %s" % (corpus.name, k + 1, repeat, tool,
                  "FAILED" if meta.get("failed") else "%.1f pages/s" % (pps or 0)), file=sys.stderr)
    return passes


def best_pass(passes: list[dict]) -> dict | None:
    """The fastest successful pass (least summed extraction time): the least-disturbed one."""
    ok = [m for m in passes if not m.get("failed") and m.get("extract_total_s") is not None]
    return min(ok, key=lambda m: m["extract_total_s"]) if ok else None


def write_keep_everything(corpus: Corpus, out: str) -> str:
    """The TEXT floor: every page's whole text as the prediction (what "no cleaning" scores)."""
    os.makedirs(os.path.dirname(out), exist_ok=True)
    with open(out, "w", encoding="utf-8") as f:
        for name in sorted(os.listdir(corpus.pages)):
            if name.endswith(".txt"):
                with open(os.path.join(corpus.pages, name), encoding="utf-8") as page:
                    text = page.read()
                f.write(json.dumps({"id": name.split(".")[0], "text": text}, ensure_ascii=False) + "\n")
    return out


# ------------------------------------------------------------------------------------------------
# scoring


def score(pred: str, gold: str, per_page: str | None = None) -> dict:
    """score.py --json on one prediction file; returns that corpus's result dict."""
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "score.json")
        cmd = [sys.executable, SCORE_PY, "--gold", gold, "--pred", pred, "--json", out]
        if per_page:
            cmd += ["--per-page", per_page]
        subprocess.run(cmd, check=True, capture_output=True, text=True)
        with open(out, encoding="utf-8") as f:
            corpora = json.load(f)["corpora"]
    return next(iter(corpora.values()))


def split_gold(gold_path: str, renderers_path: str, out_dir: str) -> dict[str, str]:
    """Write one gold file per renderer (the pages that renderer produced); name -> path."""
    with open(gold_path, encoding="utf-8") as f:
        gold = json.load(f)
    with open(renderers_path, encoding="utf-8") as f:
        renderers = json.load(f)
    paths = {}
    for name in sorted(set(renderers.values())):
        part = {k: v for k, v in gold.items() if renderers.get(k) == name}
        paths[name] = os.path.join(out_dir, name, "ground-truth.json")
        os.makedirs(os.path.dirname(paths[name]), exist_ok=True)
        with open(paths[name], "w", encoding="utf-8") as f:
            json.dump(part, f, ensure_ascii=False)
    return paths


def score_by_renderer(pred: str, gold_path: str, renderers_path: str) -> dict[str, dict]:
    """score.py on each renderer's half of the gold (predictions for other pages are ignored)."""
    with tempfile.TemporaryDirectory() as tmp:
        parts = split_gold(gold_path, renderers_path, tmp)
        return {name: score(pred, path) for name, path in parts.items()}


# ------------------------------------------------------------------------------------------------
# summarising


def summarize_tool(tool: str, passes: list[dict], corpus: Corpus, per_page: str | None) -> dict:
    """One result row: best pass's speed/RSS, its predictions' scores, all passes' speeds."""
    best = best_pass(passes)
    row = {"tool": tool, "passes_pages_per_s": [m.get("pages_per_s") for m in passes]}
    if best is None:
        row["failed"] = True
        row["stderr"] = (passes[-1].get("stderr") or "")[-500:] if passes else ""
        return row
    row.update(version=best.get("version"), pages_per_s=best.get("pages_per_s"), n_errors=best.get("n_errors"),
               peak_rss_mb=max(m["peak_rss_mb"] for m in passes if not m.get("failed")),
               latency_ms_median=best.get("latency_ms_median"), latency_ms_p95=best.get("latency_ms_p95"),
               import_s=best.get("import_s"), pred=best["pred"])
    row["score"] = score(best["pred"], corpus.gold, per_page)
    if corpus.renderers:
        row["by_renderer"] = score_by_renderer(best["pred"], corpus.gold, corpus.renderers)
    return row


def floor_row(corpus: Corpus) -> dict:
    """The keep-everything floor as a result row (no timing: it is not an extractor)."""
    pred = write_keep_everything(corpus, os.path.join(WORK, corpus.name, FLOOR + ".jsonl"))
    row = {"tool": FLOOR, "version": "-", "pred": pred, "n_errors": 0, "score": score(pred, corpus.gold)}
    if corpus.renderers:
        row["by_renderer"] = score_by_renderer(pred, corpus.gold, corpus.renderers)
    return row


def add_speed_ratios(rows: list[dict]) -> None:
    """Speed ratio to trafilatura's best pass, plus the per-pass ratio range (pass k vs pass k)."""
    base = next((r for r in rows if r["tool"] == BASELINE and not r.get("failed")), None)
    if base is None:
        return
    for r in rows:
        if r.get("pages_per_s") and base.get("pages_per_s"):
            r["speed_ratio"] = r["pages_per_s"] / base["pages_per_s"]
            pairs = zip(r.get("passes_pages_per_s", []), base["passes_pages_per_s"])
            ratios = [a / b for a, b in pairs if a and b]
            if ratios:
                r["speed_ratio_passes"] = [min(ratios), max(ratios)]


def sort_rows(rows: list[dict]) -> list[dict]:
    """factwire first, then by F1 (best first); failed tools last."""
    def key(r: dict) -> tuple:
        return (r["tool"] != FACTWIRE, r.get("failed", False), -(r.get("score") or {}).get("f1", 0.0))

    return sorted(rows, key=key)


# ------------------------------------------------------------------------------------------------
# rendering


def _num(x: float | None, fmt: str) -> str:
    return "-" if x is None else fmt % x


def table_cells(row: dict, renderers: list[str]) -> list[str]:
    """The Markdown cells of one row (see ``table_header``)."""
    if row.get("failed"):
        return [row["tool"], "-", "failed"] + ["-"] * (8 + len(renderers))
    s = row["score"]
    ratio = _num(row.get("speed_ratio"), "%.2f×")
    if row.get("speed_ratio_passes") and row["tool"] != BASELINE:
        lo, hi = row["speed_ratio_passes"]
        ratio += " (%.2f–%.2f)" % (lo, hi)
    cells = [("**%s**" % row["tool"]) if row["tool"] == FACTWIRE else row["tool"], str(row.get("version") or "-"),
             "%.3f" % s["precision"], "%.3f" % s["recall"], "**%.3f**" % s["f1"], "%.3f" % s["accuracy_exact"]]
    cells += ["%.3f" % row["by_renderer"][r]["f1"] if "by_renderer" in row else "-" for r in renderers]
    cells += [_num(row.get("pages_per_s"), "%.1f"), ratio, _num(row.get("peak_rss_mb"), "%.0f"),
              str(s["empty_predictions"]), str(row.get("n_errors", "-"))]
    return cells


def table_header(renderers: list[str]) -> list[str]:
    """Column names; per-renderer F1 columns only when the corpus has renderers."""
    return (["tool", "version", "P", "R", "F1", "exact"] + ["F1 %s" % r for r in renderers]
            + ["pages/s", "× trafilatura", "peak RSS MB", "empty", "errors"])


def render_table(rows: list[dict], renderers: list[str]) -> str:
    """A Markdown table of result rows, in the order given."""
    head = table_header(renderers)
    lines = ["| " + " | ".join(head) + " |", "|" + "|".join("---" for _ in head) + "|"]
    lines += ["| " + " | ".join(table_cells(r, renderers)) + " |" for r in rows]
    return "\n".join(lines)


def _mark(ok: bool) -> str:
    return "**met**" if ok else "**missed**"


def target_line(corpus: str, rows: list[dict]) -> str:
    """The target line for a corpus, each target marked met/missed from factwire's figures."""
    fw = next((r for r in rows if r["tool"] == FACTWIRE), None)
    if fw is None or fw.get("failed"):
        return "Targets: factwire not measured in this run."
    if corpus.startswith("text"):
        t = TARGETS["text"]["renderer_f1"]
        parts = ["F1 ≥ %.2f on %s: %.3f %s" % (t, name, res["f1"], _mark(res["f1"] >= t))
                 for name, res in sorted(fw.get("by_renderer", {}).items())]
        return "Targets (TEXT): " + "; ".join(parts) + "."
    return "Targets (HTML): " + "; ".join(html_target_parts(fw, rows)) + "."


def html_target_parts(fw: dict, rows: list[dict]) -> list[str]:
    """F1, exact, speed vs trafilatura, RSS vs trafilatura, each with its figure and verdict."""
    t, s = TARGETS["html"], fw["score"]
    base = next((r for r in rows if r["tool"] == BASELINE and not r.get("failed")), None)
    parts = ["F1 ≥ %.3f: %.3f %s" % (t["f1"], s["f1"], _mark(s["f1"] >= t["f1"])),
             "exact ≥ %.2f: %.3f %s" % (t["exact"], s["accuracy_exact"], _mark(s["accuracy_exact"] >= t["exact"]))]
    if base is None or fw.get("speed_ratio") is None:
        return parts + ["speed and RSS vs trafilatura: not measured (trafilatura not in this run)"]
    ratio, rss, brss = fw["speed_ratio"], fw["peak_rss_mb"], base["peak_rss_mb"]
    parts.append("≥ %.0f× trafilatura pages/s: %.2f× %s" % (t["speed_ratio"], ratio, _mark(ratio >= t["speed_ratio"])))
    parts.append("peak RSS ≤ trafilatura's (%.0f MB): %.0f MB %s" % (brss, rss, _mark(rss <= brss)))
    return parts


def worst_pages(per_page_tsv: str, n: int = 5) -> list[tuple[str, float]]:
    """The n lowest page-F1s from score.py's --per-page TSV (corpus, id, P, R, F1)."""
    out = []
    with open(per_page_tsv, encoding="utf-8") as f:
        for line in f:
            cols = line.rstrip("\n").split("\t")
            if len(cols) >= 5:
                out.append((cols[1], float(cols[4]) if cols[4] else 0.0))
    return sorted(out, key=lambda x: x[1])[:n]


def machine_info() -> dict:
    """What the speed figures depend on: cores, CPU, Python, load when the run started."""
    cpu = "?"
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            cpu = next((ln.split(":", 1)[1].strip() for ln in f if ln.startswith("model name")), "?")
    except OSError:
        pass
    return {"cores": os.cpu_count(), "cpu": cpu, "python": platform.python_version(),
            "platform": platform.platform(), "loadavg_start": [round(x, 2) for x in os.getloadavg()]}


def renderer_names(corpus: Corpus) -> list[str]:
    """The renderers used in a TEXT corpus (sorted), none for HTML."""
    if not corpus.renderers:
        return []
    with open(corpus.renderers, encoding="utf-8") as f:
        return sorted(set(json.load(f).values()))


def corpus_section(name: str, res: dict) -> list[str]:
    """Heading, table, target line and factwire's worst pages for one corpus."""
    corpus = CORPORA[name]
    renderers = renderer_names(corpus)
    lines = ["## " + TITLES[name], "", render_table(res["rows"], renderers), "", target_line(name, res["rows"]), ""]
    if res.get("worst"):
        lines.append("factwire's lowest page-F1s (per-page TSV: `bench/results/extraction.factwire-%s.tsv`): %s" % (
            name, ", ".join("`%s…` %.2f" % (i[:10], f) for i, f in res["worst"])))
        lines.append("")
    return lines


def render_report(summary: dict) -> str:
    """The whole extraction.md from the JSON summary."""
    m = summary["machine"]
    lines = ["# Extraction benchmark: factwire vs peers", "",
             "- date: %s (run took %.0f s)" % (summary["date"], summary["elapsed_s"]),
             "- machine: %d cores (%s), Python %s, %s; load average at start %s" % (
                 m["cores"], m["cpu"], m["python"], m["platform"], " / ".join(map(str, m["loadavg_start"]))),
             "- factwire: %s" % summary["factwire_source"],
             "- command: `%s`" % summary["command"],
             "- method: each tool ran %d× round-robin in one invocation; pages/s, latency and "
             "predictions are from its fastest pass, peak RSS is the max over passes; “× trafilatura” is pages/s "
             "over trafilatura (default settings) best pass, with the pass-by-pass range in brackets. "
             "Scores: shared `score.py` (token 4-gram P/R per page, averaged; F1 of the means; exact = "
             "token-identical pages). Noise: ±0.02 F1 on this DEV split." % summary["repeat"], ""]
    for name in CORPORA:
        if name in summary["corpora"]:
            lines += corpus_section(name, summary["corpora"][name])
    return "\n".join(lines).rstrip() + "\n"


# ------------------------------------------------------------------------------------------------
# main


def factwire_env(source: str) -> tuple[dict, str]:
    """Environment for run_factwire.py and a one-line description of which factwire it measures."""
    env = dict(os.environ)
    if source == "worktree":
        return env, "working tree (editable install, uncommitted changes included)"
    src, commit = committed_factwire_src()
    env["PYTHONPATH"] = src + os.pathsep + env.get("PYTHONPATH", "")
    dirty = subprocess.run(["git", "-C", ROOT, "status", "--porcelain", "src"], capture_output=True,
                           text=True).stdout.strip().splitlines()
    return env, "committed tree `%s` (git archive HEAD; %d uncommitted paths under src/ not measured)" % (
        commit[:12], len(dirty))


def bench_corpus(corpus: Corpus, tools: list[str], repeat: int, env: dict) -> dict:
    """Run, score and summarise one corpus; factwire also gets a per-page TSV in results/."""
    passes = run_corpus(corpus, tools, repeat, env)
    rows, worst = [], []
    for tool in tools:
        tsv = os.path.join(RESULTS, "extraction.factwire-%s.tsv" % corpus.name) if tool == FACTWIRE else None
        rows.append(summarize_tool(tool, passes[tool], corpus, tsv))
        if tsv and not rows[-1].get("failed"):
            worst = worst_pages(tsv)
    if corpus.renderers:
        rows.append(floor_row(corpus))
    add_speed_ratios(rows)
    return {"rows": sort_rows(rows), "worst": worst}


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--setup", action="store_true", help="(re)create the peers venv and exit")
    ap.add_argument("--only", help="comma-separated subset of: " + ",".join(ALL_TOOLS))
    ap.add_argument("--corpus", choices=[*CORPORA, *GROUPS], default="both",
                    help="both = html + text; texts = text + text-held; all = every corpus "
                    "(text-held: never tuned on)")
    ap.add_argument("--repeat", type=int, default=5, help="passes per tool; the fastest counts (default 5)")
    ap.add_argument("--factwire-src", choices=["committed", "worktree"], default="committed")
    ap.add_argument("--out", default=os.path.join(RESULTS, "extraction"),
                    help="report path without .md/.json (a TEXT-only run can keep the HTML report)")
    args = ap.parse_args(argv)
    tools = [t.strip() for t in args.only.split(",")] if args.only else list(ALL_TOOLS)
    unknown = [t for t in tools if t not in ALL_TOOLS]
    if unknown:
        ap.error("unknown tools: %s" % ", ".join(unknown))
    args.tools = [t for t in ALL_TOOLS if t in tools]
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.setup:
        setup_peers(force=True)
        return 0
    if any(t != FACTWIRE for t in args.tools):
        setup_peers()
    t0 = dt.datetime.now(dt.UTC)
    env, source = factwire_env(args.factwire_src)
    summary = {"date": t0.strftime("%Y-%m-%d %H:%M UTC"), "machine": machine_info(), "repeat": args.repeat,
               "command": command_line(argv), "factwire_source": source, "corpora": {}}
    os.makedirs(RESULTS, exist_ok=True)
    for name in GROUPS.get(args.corpus, [args.corpus]):
        summary["corpora"][name] = bench_corpus(CORPORA[name], args.tools, args.repeat, env)
    summary["elapsed_s"] = (dt.datetime.now(dt.UTC) - t0).total_seconds()
    with open(args.out + ".json", "w", encoding="utf-8") as f:
        json.dump(summary, f, indent=1, ensure_ascii=False)
    with open(args.out + ".md", "w", encoding="utf-8") as f:
        f.write(render_report(summary))
    print(render_report(summary))
    return 0


def command_line(argv: list[str] | None) -> str:
    """The command as typed from the repo root, for the report."""
    exe = os.path.relpath(sys.executable, ROOT) if sys.executable.startswith(ROOT) else sys.executable
    args = sys.argv[1:] if argv is None else argv
    return " ".join(shlex.quote(x) for x in [exe, "bench/extraction.py"] + args)


if __name__ == "__main__":
    sys.exit(main())
