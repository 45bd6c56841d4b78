#!/usr/bin/env python3
"""The independent check: factwire and the peers on trafilatura's own evaluation pages.

    .venv/bin/python bench/trafilatura_check.py [--only factwire,trafilatura] [--mirrors DIR]

Issue 14 reserves these pages (trafilatura's `tests/eval/`, ~800 annotated pages in many
languages, Apache-2.0) as a check nobody develops on: this script only runs and scores them;
no rule in factwire was shaped on them (look at a page here and it stops being independent).

Each page is annotated with up to six snippets that must be in the extracted text ("with")
and up to six that must not ("without", page chrome).  Scored as trafilatura's own
tests/evaluate.py does: a snippet counts when it occurs in the output after white space is
collapsed; "with" found = TP, missed = FN; "without" found = FP, absent = TN; P, R, accuracy
and F1 from the counts pooled over the pages.  The rule is re-written here from its
documentation, not copied.

The pages come from a local git copy of adbar/trafilatura (the tool library's `fetch`
snapshot; --mirrors as for bench/suites.py); tools run exactly as in bench/extraction.py
(each in its own process, run_peer.py / run_factwire.py, factwire from the committed tree).
Writes bench/results/extraction-trafilatura-eval.md and .json.
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
import extraction as ex  # noqa: E402  (runners, peers venv, machine info)
import suites  # noqa: E402  (mirror reading)

REPO = "adbar/trafilatura"
WORK = os.path.join(HERE, "work", "trafilatura-eval")
RESULTS = os.path.join(HERE, "results", "extraction-trafilatura-eval")
_WS = re.compile(r"\s+")


def build(mirrors: str) -> tuple[str, str]:
    """Unpack the annotated pages into WORK once; returns (commit, annotations path)."""
    ann_path = os.path.join(WORK, "annotations.json")
    if os.path.exists(ann_path):
        with open(ann_path, encoding="utf-8") as f:
            return json.load(f)["commit"], ann_path
    git_dir = suites.find_mirror(mirrors, REPO)
    if git_dir is None:
        raise SystemExit(f"no git copy of {REPO} under {mirrors}: fetch it first (tool library `fetch`)")
    with tempfile.TemporaryDirectory() as tmp:
        tree = suites.Tree(git_dir, ["tests/evaldata.json", "tests/eval", "tests/cache"], tmp)
        evaldata = json.loads(tree.read("tests", "evaldata.json"))
        pages = write_pages(tree, evaldata)
    with open(ann_path, "w", encoding="utf-8") as f:
        json.dump({"commit": tree.commit, "pages": pages}, f, ensure_ascii=False, indent=0)
    with open(os.path.join(WORK, "urls.json"), "w", encoding="utf-8") as f:
        json.dump({pid: {"url": p["url"]} for pid, p in pages.items()}, f)
    return tree.commit, ann_path


def write_pages(tree: suites.Tree, evaldata: dict) -> dict:
    """Copy each annotated page to WORK/html/t<n>.html; returns id -> url, with, without."""
    out_dir = os.path.join(WORK, "html")
    os.makedirs(out_dir, exist_ok=True)
    pages = {}
    for n, url in enumerate(sorted(evaldata)):
        item = evaldata[url]
        src = next((tree.path("tests", sub, item["file"]) for sub in ("cache", "eval")
                    if os.path.isfile(tree.path("tests", sub, item["file"]))), None)
        if src is None:
            continue
        pid = "t%04d" % n
        with open(src, "rb") as f, open(os.path.join(out_dir, pid + ".html"), "wb") as g:
            g.write(f.read())
        pages[pid] = {"url": url, "with": item["with"], "without": item["without"]}
    return pages


def count_page(page: dict, text: str) -> tuple[int, int, int, int]:
    """(tp, fp, fn, tn) of one page: snippets found in the white-space-collapsed output."""
    flat = _WS.sub(" ", text or "").strip()
    found_with = sum(1 for s in page["with"] if _WS.sub(" ", s).strip() in flat)
    found_without = sum(1 for s in page["without"] if _WS.sub(" ", s).strip() in flat)
    return found_with, found_without, len(page["with"]) - found_with, len(page["without"]) - found_without


def score(pred_path: str, pages: dict) -> dict:
    """Pooled P, R, accuracy, F1 of one tool's predictions (a missing page finds nothing)."""
    with open(pred_path, encoding="utf-8") as f:
        texts = {row["id"]: row.get("text") or "" for row in map(json.loads, f)}
    tp = fp = fn = tn = 0
    for pid, page in pages.items():
        a, b, c, d = count_page(page, texts.get(pid, ""))
        tp, fp, fn, tn = tp + a, fp + b, fn + c, tn + d
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"pages": len(pages), "precision": p, "recall": r,
            "accuracy": (tp + tn) / (tp + fp + fn + tn), "f1": 2 * tp / (2 * tp + fp + fn) if tp else 0.0}


def run(tools: list[str], pages: dict, repeat: int, env: dict) -> list[dict]:
    corpus = ex.Corpus("trafilatura-eval", os.path.join(WORK, "html"), os.path.join(WORK, "urls.json"))
    passes = ex.run_corpus(corpus, tools, repeat, env)
    rows = []
    for tool in tools:
        best = ex.best_pass(passes[tool])
        if best is None:
            rows.append({"tool": tool, "failed": True})
            continue
        rows.append({"tool": tool, "version": best.get("version"), "pages_per_s": best.get("pages_per_s"),
                     "passes_pages_per_s": [m.get("pages_per_s") for m in passes[tool]],
                     "score": score(best["pred"], pages)})
    ex.add_speed_ratios(rows)
    return sorted(rows, key=lambda r: -(r.get("score") or {}).get("f1", -1))


def render(summary: dict) -> str:
    m = summary["machine"]
    lines = ["# The independent check: trafilatura's own evaluation pages", "",
             "- date: %s; machine: %d cores, Python %s; load average at start %s" % (
                 summary["date"], m["cores"], m["python"], " / ".join(map(str, m["loadavg_start"]))),
             "- pages: %d annotated pages of `%s` tests/eval (commit `%s`, Apache-2.0); never developed on"
             % (summary["pages"], REPO, summary["commit"][:10]),
             "- factwire: %s" % summary["factwire_source"],
             "- command: `%s`" % summary["command"],
             "- score: trafilatura's rule (snippets that must / must not be in the output, pooled counts)", "",
             "| tool | P | R | accuracy | F1 | pages/s | × trafilatura |", "|---|---|---|---|---|---|---|"]
    for r in summary["rows"]:
        if r.get("failed"):
            lines.append("| %s | - | - | - | failed | - | - |" % r["tool"])
            continue
        s = r["score"]
        name = "**factwire**" if r["tool"] == ex.FACTWIRE else r["tool"]
        lines.append("| %s | %.3f | %.3f | %.3f | %.3f | %s | %s |" % (
            name, s["precision"], s["recall"], s["accuracy"], s["f1"], ex._num(r.get("pages_per_s"), "%.1f"),
            ex._num(r.get("speed_ratio"), "%.2f×")))
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--only", help="comma-separated subset of: " + ",".join(ex.ALL_TOOLS))
    ap.add_argument("--mirrors", default=suites.DEFAULT_MIRRORS)
    ap.add_argument("--repeat", type=int, default=1)
    args = ap.parse_args(argv)
    tools = [t for t in ex.ALL_TOOLS if not args.only or t in args.only.split(",")]
    commit, ann_path = build(args.mirrors)
    with open(ann_path, encoding="utf-8") as f:
        pages = json.load(f)["pages"]
    if any(t != ex.FACTWIRE for t in tools):
        ex.setup_peers()
    start = dt.datetime.now(dt.UTC)
    env, source = ex.factwire_env("committed")
    summary = {"date": start.strftime("%Y-%m-%d %H:%M UTC"), "machine": ex.machine_info(), "commit": commit,
               "pages": len(pages), "factwire_source": source,
               "command": ex.command_line(argv).replace("bench/extraction.py", "bench/trafilatura_check.py"),
               "rows": run(tools, pages, args.repeat, env)}
    with open(RESULTS + ".json", "w", encoding="utf-8") as f:
        json.dump(summary, f, indent=1, ensure_ascii=False)
    with open(RESULTS + ".md", "w", encoding="utf-8") as f:
        f.write(render(summary))
    print(render(summary))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
