#!/usr/bin/env python3
"""factwire vs the peers on the broader public suites (built by bench/suites.py), per suite.

    .venv/bin/python bench/suites.py build                  # once: suites from the git mirrors
    .venv/bin/python bench/extraction_suites.py [--only factwire,trafilatura] [--suites a,b]
                                                [--splits dev,held] [--repeat 1]

Same machinery as bench/extraction.py (each tool in its own process through the shared
``run_peer.py`` / ``bench/run_factwire.py``, factwire from the committed tree, round-robin
passes, fastest pass counts) and the same scorer (shared ``score.py``, token 4-gram F1), so a
row here means what it means there.  Per suite and split: P, R, F1 and pages/s of every tool in
the same invocation; the best F1 of the suite is in bold.

goose3's gold texts are the *beginning* of each article (its tests assert a prefix), so on that
suite every prediction is cut to the gold's token count before scoring ("prefix F1": did the
tool start where the article starts, and are its first N tokens right).

Writes ``bench/results/extraction-suites.md`` and ``.json``; predictions go to
``bench/work/extraction/<suite>.<split>/``.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import extraction as ex  # noqa: E402  (bench/extraction.py: runners, scorer, peers venv)

SUITES_DIR = os.environ.get("FACTWIRE_SUITES", os.path.join(HERE, "work", "suites"))
RESULTS = os.path.join(HERE, "results")
#: Suites scored on the gold's beginning only (see the module docstring).
PREFIX_SUITES = frozenset({"goose3"})
_TOKEN = re.compile(r"\w+")


def manifest() -> dict:
    path = os.path.join(SUITES_DIR, "manifest.json")
    if not os.path.exists(path):
        raise SystemExit("no suites under %s: run bench/suites.py build first" % SUITES_DIR)
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def corpus_of(suite: str, split: str) -> ex.Corpus | None:
    base = os.path.join(SUITES_DIR, suite, split)
    gold = os.path.join(base, "ground-truth.json")
    return ex.Corpus("%s.%s" % (suite, split), os.path.join(base, "html"), gold) if os.path.exists(gold) else None


def cut_to_gold(pred: str, gold_path: str, out: str) -> str:
    """A copy of `pred` with each text cut after as many tokens as its gold has."""
    with open(gold_path, encoding="utf-8") as f:
        gold = json.load(f)
    with open(pred, encoding="utf-8") as src, open(out, "w", encoding="utf-8") as dst:
        for line in src:
            row = json.loads(line)
            n = len(_TOKEN.findall((gold.get(row["id"]) or {}).get("articleBody", "")))
            tokens = list(_TOKEN.finditer(row.get("text") or ""))
            if n and len(tokens) > n:
                row["text"] = row["text"][: tokens[n - 1].end()]
            dst.write(json.dumps(row, ensure_ascii=False) + "\n")
    return out


def score_row(row: dict, corpus: ex.Corpus, suite: str) -> None:
    """Score a tool's best pass on one corpus (prefix-cut first on prefix suites)."""
    if row.get("failed"):
        return
    if suite not in PREFIX_SUITES:
        row["score"] = ex.score(row["pred"], corpus.gold)
        return
    with tempfile.TemporaryDirectory() as tmp:
        row["score"] = ex.score(cut_to_gold(row["pred"], corpus.gold, os.path.join(tmp, "cut.jsonl")), corpus.gold)


def bench_one(corpus: ex.Corpus, suite: str, tools: list[str], repeat: int, env: dict) -> list[dict]:
    passes = ex.run_corpus(corpus, tools, repeat, env)
    rows = []
    for tool in tools:
        best = ex.best_pass(passes[tool])
        row = {"tool": tool, "passes_pages_per_s": [m.get("pages_per_s") for m in passes[tool]]}
        if best is None:
            row["failed"] = True
        else:
            row.update(version=best.get("version"), pages_per_s=best.get("pages_per_s"),
                       n_errors=best.get("n_errors"), pred=best["pred"],
                       peak_rss_mb=max(m["peak_rss_mb"] for m in passes[tool] if not m.get("failed")))
        score_row(row, corpus, suite)
        rows.append(row)
    ex.add_speed_ratios(rows)
    return ex.sort_rows(rows)


# ------------------------------------------------------------------------------------------------
# report


def table(rows: list[dict]) -> list[str]:
    best = max(((r.get("score") or {}).get("f1", 0.0) for r in rows), default=0.0)
    out = ["| tool | P | R | F1 | pages/s | × trafilatura | empty | errors |", "|---|---|---|---|---|---|---|---|"]
    for r in rows:
        if r.get("failed"):
            out.append("| %s | - | - | failed | - | - | - | - |" % r["tool"])
            continue
        s = r["score"]
        f1 = "**%.3f**" % s["f1"] if s["f1"] >= best - 1e-9 else "%.3f" % s["f1"]
        name = "**factwire**" if r["tool"] == ex.FACTWIRE else r["tool"]
        out.append("| %s | %.3f | %.3f | %s | %s | %s | %d | %s |" % (
            name, s["precision"], s["recall"], f1, ex._num(r.get("pages_per_s"), "%.1f"),
            ex._num(r.get("speed_ratio"), "%.2f×"), s["empty_predictions"], r.get("n_errors", "-")))
    return out


def summary_table(results: dict) -> list[str]:
    """One line per suite and split: pages, factwire F1, best peer and its F1, factwire's rank."""
    out = ["| suite | split | pages | factwire F1 | best peer | peer F1 | factwire rank | factwire pages/s"
           " | × trafilatura |",
           "|---|---|---|---|---|---|---|---|---|"]
    for key, rows in results.items():
        suite, split = key.rsplit(".", 1)
        scored = [r for r in rows if not r.get("failed")]
        fw = next((r for r in scored if r["tool"] == ex.FACTWIRE), None)
        peers = [r for r in scored if r["tool"] != ex.FACTWIRE]
        if fw is None:
            continue
        peer = max(peers, key=lambda r: r["score"]["f1"]) if peers else None
        rank = 1 + sum(1 for r in peers if r["score"]["f1"] > fw["score"]["f1"])
        out.append("| %s | %s | %d | %.3f | %s | %s | %d/%d | %s | %s |" % (
            suite, split, fw["score"]["pages"], fw["score"]["f1"], peer["tool"] if peer else "-",
            "%.3f" % peer["score"]["f1"] if peer else "-", rank, len(scored),
            ex._num(fw.get("pages_per_s"), "%.1f"), ex._num(fw.get("speed_ratio"), "%.2f×")))
    return out


def render(summary: dict) -> str:
    m, man = summary["machine"], summary["manifest"]
    lines = ["# Extraction on the broader public suites: factwire vs peers", "",
             "- date: %s (run took %.0f s)" % (summary["date"], summary["elapsed_s"]),
             "- machine: %d cores (%s), Python %s; load average at start %s" % (
                 m["cores"], m["cpu"], m["python"], " / ".join(map(str, m["loadavg_start"]))),
             "- factwire: %s" % summary["factwire_source"],
             "- command: `%s`" % summary["command"],
             "- method: as bench/extraction.py (%d pass(es) per tool, round-robin, fastest counts; shared "
             "`score.py`, token 4-gram F1). `dev` is developed on, `held` never looked at while tuning. "
             "goose3: prefix F1 (predictions cut to the gold's length: its gold is the article's beginning). "
             "Bold: best F1 of the suite." % summary["repeat"], "",
             "## Summary", ""] + summary_table(summary["results"]) + ["", "## Suites", "",
             "| suite | source (commit) | licence | dev | held | note |", "|---|---|---|---|---|---|"]
    for name, entry in man.items():
        if entry.get("missing"):
            continue
        lines.append("| %s | %s (`%s`) | %s | %d | %d | %s |" % (
            name, entry["repo"], entry["commit"][:10], entry["licence"], entry["pages"].get("dev", 0),
            entry["pages"].get("held", 0), entry.get("note", "")))
    for key, rows in summary["results"].items():
        lines += ["", "## %s" % key, ""] + table(rows)
    return "\n".join(lines) + "\n"


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--only", help="comma-separated subset of: " + ",".join(ex.ALL_TOOLS))
    ap.add_argument("--suites", help="comma-separated suite names (default: all built)")
    ap.add_argument("--splits", default="dev,held")
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--factwire-src", choices=["committed", "worktree"], default="committed")
    ap.add_argument("--out", default=os.path.join(RESULTS, "extraction-suites"))
    args = ap.parse_args(argv)
    tools = [t.strip() for t in args.only.split(",")] if args.only else list(ex.ALL_TOOLS)
    args.tools = [t for t in ex.ALL_TOOLS if t in tools]
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    man = manifest()
    suites = args.suites.split(",") if args.suites else [s for s, e in man.items() if not e.get("missing")]
    if any(t != ex.FACTWIRE for t in args.tools):
        ex.setup_peers()
    t0 = dt.datetime.now(dt.UTC)
    env, source = ex.factwire_env(args.factwire_src)
    summary = {"date": t0.strftime("%Y-%m-%d %H:%M UTC"), "machine": ex.machine_info(), "repeat": args.repeat,
               "command": ex.command_line(argv).replace("bench/extraction.py", "bench/extraction_suites.py"),
               "factwire_source": source, "manifest": {s: man[s] for s in suites}, "results": {}}
    for suite in suites:
        for split in args.splits.split(","):
            corpus = corpus_of(suite, split)
            if corpus is not None:
                summary["results"][corpus.name] = bench_one(corpus, suite, args.tools, args.repeat, env)
    summary["elapsed_s"] = (dt.datetime.now(dt.UTC) - t0).total_seconds()
    os.makedirs(os.path.dirname(args.out), exist_ok=True)
    with open(args.out + ".json", "w", encoding="utf-8") as f:
        json.dump(summary, f, indent=1, ensure_ascii=False)
    with open(args.out + ".md", "w", encoding="utf-8") as f:
        f.write(render(summary))
    print(render(summary))
    return 0


if __name__ == "__main__":
    sys.exit(main())
