"""Corpus benchmarks: syndication (near-duplicate) pairs and cross-article event merging.

    .venv/bin/python bench/corpus_dedup.py            # both sections
    .venv/bin/python bench/corpus_dedup.py --only syndication

Writes its two sections of bench/results/corpus.md between its own markers and leaves the rest
of the file (the throughput section of the ingest benchmark) untouched.

Syndication set: the 121 DEV article bodies of ../shared/bench/extraction/scrapinghub-dev plus
the seed story, each with four copies (other site chrome at top and bottom; trimmed; with an
added paragraph; all three), the seed also as its raw scraped page. Hard negatives: the DEV
pairs with the highest word overlap (same topic, different stories), and copies of B with a
paragraph of its same-topic neighbour A quoted in them (a copy of B, not of A). Labels are
pairs: two documents are duplicates when they come from the same source article.
"""
from __future__ import annotations

import argparse
import itertools
import json
import os
import random
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import benchlib  # noqa: E402  (bench/benchlib.py)

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from factwire.corpus.syndication import cluster_articles  # noqa: E402

SHARED = REPO.parent / "shared" / "bench" / "extraction"
DEV = SHARED / "scrapinghub-dev" / "ground-truth.json"
SEED_GOLD = SHARED / "text-input" / "seed-drones.gold.json"
SEED_RAW = SHARED / "text-input" / "seed-drones.txt"
DATA = REPO / "bench" / "data"
RESULTS = REPO / "bench" / "results" / "corpus.md"
HARD_NEGATIVES = 40  # most word-overlapping DEV pairs reported as same-topic negatives
QUOTED = 20  # copies of B quoting a paragraph of its same-topic neighbour A
SCALE_DOCS = 10_000  # docs in the throughput corpus
TARGETS = {"precision": 0.99, "recall": 0.95, "docs_per_s": 5000}
_WORDS = re.compile(r"[a-z]{4,}")


def load_articles() -> dict[str, list[str]]:
    """Source articles as paragraph lists: DEV gold bodies and the seed story."""
    gold = json.loads(DEV.read_text(encoding="utf-8"))
    arts = {k[:12]: [p for p in re.split(r"\n\s*\n|\n", v["articleBody"]) if p.strip()]
            for k, v in sorted(gold.items())}
    arts["seed-drones"] = json.loads(SEED_GOLD.read_text(encoding="utf-8"))["paragraphs"]
    return arts


def trim(paras: list[str], rng: random.Random) -> list[str]:
    """Cut the last paragraphs (a quarter to a third of them); one-paragraph articles lose words."""
    if len(paras) >= 3:
        return paras[:max(2, round(len(paras) * rng.uniform(0.66, 0.8)))]
    words = " ".join(paras).split()
    return [" ".join(words[:max(8, int(len(words) * 0.75))])]


def add_paragraph(paras: list[str], extra: str, rng: random.Random) -> list[str]:
    """Insert one paragraph after the lead or at the end."""
    at = rng.choice([1, len(paras)])
    return paras[:at] + [extra] + paras[at:]


def dress(paras: list[str], site: dict) -> str:
    """The article under a site's chrome lines, one line per paragraph as scraped text has it."""
    return "\n".join(site["header"] + paras + site["footer"])


def variants(key: str, paras: list[str], chrome: dict, rng: random.Random) -> list[tuple[str, str]]:
    """(kind, text) copies of one article: chrome, trimmed, added paragraph, all three."""
    sites, extras = chrome["sites"], chrome["added_paragraphs"]
    s1, s2, s3, s4 = rng.sample(sites, 4)
    return [("original", "\n\n".join(paras)),
            ("chrome", dress(paras, s1)),
            ("trimmed", dress(trim(paras, rng), s2)),
            ("added", dress(add_paragraph(paras, rng.choice(extras), rng), s3)),
            ("all", dress(add_paragraph(trim(paras, rng), rng.choice(extras), rng), s4))]


def word_jaccard(a: list[str], b: list[str]) -> float:
    """Unigram overlap of two articles' content words (4+ letters): the same-topic signal."""
    wa, wb = set(_WORDS.findall(" ".join(a).lower())), set(_WORDS.findall(" ".join(b).lower()))
    return len(wa & wb) / max(1, len(wa | wb))


def same_topic_pairs(arts: dict[str, list[str]]) -> list[tuple[float, str, str]]:
    """The DEV article pairs with the most shared words, most similar first."""
    keys = sorted(arts)
    scored = [(word_jaccard(arts[a], arts[b]), a, b) for a, b in itertools.combinations(keys, 2)]
    return sorted(scored, reverse=True)[:HARD_NEGATIVES]


def build_syndication_set() -> tuple[list[dict], list[tuple[float, str, str]]]:
    """Labelled docs `{"id", "text", "published", "group", "kind"}` and the same-topic pairs."""
    arts, chrome = load_articles(), json.loads((DATA / "syndication-chrome.json").read_text())
    rng, docs = random.Random(5), []
    for key, paras in arts.items():
        for n, (kind, text) in enumerate(variants(key, paras, chrome, rng)):
            docs.append({"id": f"{key}-{n}-{kind}", "text": text, "group": key, "kind": kind,
                         "published": f"2022-11-{10 + n:02d}"})
    docs.append({"id": "seed-drones-raw", "text": SEED_RAW.read_text(encoding="utf-8"),
                 "group": "seed-drones", "kind": "raw page", "published": "2022-11-19"})
    hard = same_topic_pairs(arts)
    for _, a, b in hard[:QUOTED]:
        quoted = add_paragraph(arts[b], max(arts[a], key=len), rng)
        docs.append({"id": f"{b}-quotes-{a}", "text": dress(quoted, chrome["sites"][0]),
                     "group": b, "kind": "quotes other", "published": "2022-11-20"})
    return docs, hard


def cluster_pairs(docs: list[dict], rows: list[dict]) -> set[tuple[str, str]]:
    """Unordered id pairs put in one cluster by the copy rows."""
    cluster: dict[str, list[str]] = {}
    for r in rows:
        cluster.setdefault(r["canonical_id"], [r["canonical_id"]]).append(r["id"])
    return {tuple(sorted(p)) for ids in cluster.values() for p in itertools.combinations(ids, 2)}


def gold_pairs(docs: list[dict]) -> set[tuple[str, str]]:
    """Unordered id pairs from the same source article."""
    by_group: dict[str, list[str]] = {}
    for d in docs:
        by_group.setdefault(d["group"], []).append(d["id"])
    return {tuple(sorted(p)) for ids in by_group.values() for p in itertools.combinations(ids, 2)}


def pair_scores(pred: set, gold: set) -> dict:
    """Pair precision, recall and counts."""
    tp = len(pred & gold)
    return {"precision": tp / len(pred) if pred else 1.0, "recall": tp / len(gold) if gold else 1.0,
            "tp": tp, "fp": len(pred - gold), "fn": len(gold - pred)}


def time_dedup(docs: list[dict], backend: str, repeat: int = 3) -> tuple[float, list[dict]]:
    """Best-of-`repeat` wall time of cluster_articles over docs, and its rows."""
    best, rows = float("inf"), []
    for _ in range(repeat):
        t0 = time.perf_counter()
        rows = cluster_articles(docs, backend=backend)
        best = min(best, time.perf_counter() - t0)
    return best, rows


def scale_corpus(docs: list[dict], n: int) -> list[dict]:
    """`n` docs: the labelled set replicated, every 4th word of replica r suffixed with r so that
    replicas are different stories (no shared 5-gram) of the same lengths, each with its copies."""
    out, r = [], 0
    while len(out) < n:
        for d in docs:
            if r:
                words = d["text"].split(" ")
                words[::4] = [w + str(r) for w in words[::4]]
                text = " ".join(words)
            else:
                text = d["text"]
            out.append({"id": f"r{r}-{d['id']}", "text": text, "published": d["published"]})
        r += 1
    return out[:n]


def kind_recall(docs: list[dict], pred: set) -> dict[str, str]:
    """Recall of the pair (original, copy) per kind of copy."""
    out = {}
    originals = {d["group"]: d["id"] for d in docs if d["kind"] == "original"}
    for kind in sorted({d["kind"] for d in docs} - {"original"}):
        ds = [d for d in docs if d["kind"] == kind]
        hit = sum(tuple(sorted((originals[d["group"]], d["id"]))) in pred for d in ds)
        out[kind] = f"{hit}/{len(ds)}"
    return out


def hard_negative_merges(docs: list[dict], hard: list, pred: set) -> int:
    """Same-topic article pairs (any of their copies) wrongly put in one cluster."""
    group = {d["id"]: d["group"] for d in docs}
    joined = {tuple(sorted((group[a], group[b]))) for a, b in pred if group[a] != group[b]}
    return sum(tuple(sorted((a, b))) in joined for _, a, b in hard)


def run_syndication() -> str:
    """Score and time the syndication step; return its markdown section."""
    docs, hard = build_syndication_set()
    t_np, rows = time_dedup(docs, "numpy")
    t_ds, rows_ds = time_dedup(docs, "datasketch", repeat=1)
    gold, pred = gold_pairs(docs), cluster_pairs(docs, rows)
    s, s_ds = pair_scores(pred, gold), pair_scores(cluster_pairs(docs, rows_ds), gold)
    big = scale_corpus(docs, SCALE_DOCS)
    t_big, _ = time_dedup(big, "numpy", repeat=2)
    t_big_ds, _ = time_dedup(big[:2000], "datasketch", repeat=1)
    return render_syndication(docs, hard, s, s_ds, kind_recall(docs, pred),
                              hard_negative_merges(docs, hard, pred),
                              {"set_np": len(docs) / t_np, "set_ds": len(docs) / t_ds,
                               "big_np": len(big) / t_big, "big_ds": 2000 / t_big_ds})


def render_syndication(docs, hard, s, s_ds, kinds, hard_fp, speed) -> str:
    """Markdown for the syndication section."""
    ok = lambda v, t: "yes" if v >= t else "**no**"  # noqa: E731
    lines = [
        "## Syndication", "",
        f"Labelled set: {len(docs)} documents from {len({d['group'] for d in docs})} source "
        f"articles (121 DEV bodies + the seed story), {len(gold_pairs(docs))} duplicate pairs; "
        f"{HARD_NEGATIVES} same-topic DEV pairs (highest word overlap, word Jaccard "
        f"{hard[-1][0]:.2f}-{hard[0][0]:.2f}) as hard negatives, and {QUOTED} copies quoting a "
        "paragraph of a same-topic article. Built by `bench/corpus_dedup.py` from "
        "`bench/data/syndication-chrome.json`.", "",
        "| | pair precision | pair recall | TP | FP | FN |", "|---|---|---|---|---|---|",
        f"| factwire (numpy sketches) | {s['precision']:.4f} | {s['recall']:.4f} | {s['tp']} | "
        f"{s['fp']} | {s['fn']} |",
        f"| datasketch MinHash.bulk + MinHashLSH, same verification | {s_ds['precision']:.4f} | "
        f"{s_ds['recall']:.4f} | {s_ds['tp']} | {s_ds['fp']} | {s_ds['fn']} |", "",
        "Recall of (original, copy) by kind of copy: "
        + ", ".join(f"{k} {v}" for k, v in kinds.items())
        + f". Same-topic pairs wrongly clustered: {hard_fp}/{len(hard)}.", "",
        "| dedup step (cluster_articles) | docs/s |", "|---|---|",
        f"| labelled set, {len(docs)} docs, numpy | {speed['set_np']:,.0f} |",
        f"| labelled set, datasketch backend | {speed['set_ds']:,.0f} |",
        f"| {SCALE_DOCS:,} docs (labelled set replicated as distinct stories), numpy | "
        f"{speed['big_np']:,.0f} |",
        f"| first 2,000 of those, datasketch backend | {speed['big_ds']:,.0f} |", "",
        f"Targets: precision >= {TARGETS['precision']} ({ok(s['precision'], TARGETS['precision'])}),"
        f" recall >= {TARGETS['recall']} ({ok(s['recall'], TARGETS['recall'])}), >= "
        f"{TARGETS['docs_per_s']:,} docs/s ({ok(speed['big_np'], TARGETS['docs_per_s'])}). "
        "Single process, best of 2-3 runs, on a shared 2-core machine.",
    ]
    return "\n".join(lines) + "\n"


def write_section(name: str, body: str, path: Path = RESULTS) -> None:
    """Replace this script's section `name` in the results file, leaving everything else."""
    benchlib.write_section(path, "corpus_dedup", name, body)


def main(argv: list[str] | None = None) -> None:
    """Run the chosen sections and write them."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--only", choices=["syndication", "merging"])
    args = ap.parse_args(argv)
    if args.only in (None, "syndication"):
        body = run_syndication()
        write_section("syndication", body)
        print(body)
    if args.only in (None, "merging"):
        body = run_merging()
        write_section("merging", body)
        print(body)


def load_merge_set() -> tuple[list[dict], dict[str, str]]:
    """The hand-written article events (without their labels) and each event's incident."""
    data = json.loads((DATA / "merge-events.json").read_text(encoding="utf-8"))
    labels = {e["id"]: e["incident"] for e in data["events"]}
    events = [{k: v for k, v in e.items() if k != "incident"} for e in data["events"]]
    return events, labels


def event_pairs(groups: list[list[str]]) -> set[tuple[str, str]]:
    """Unordered event id pairs put together by a grouping."""
    return {tuple(sorted(p)) for g in groups for p in itertools.combinations(g, 2)}


def naive_groups(events: list[dict]) -> list[list[str]]:
    """Baseline: same sub-event type and same first day, nothing else."""
    by: dict[tuple, list[str]] = {}
    for e in events:
        by.setdefault((e["event_type"], e["sub_event_type"], e["date"]["from"]), []).append(e["id"])
    return list(by.values())


def run_merging() -> str:
    """Score merge_events on the labelled event set; return its markdown section."""
    from factwire.corpus.merge import merge_events
    events, labels = load_merge_set()
    gold_groups: dict[str, list[str]] = {}
    for eid, inc in labels.items():
        gold_groups.setdefault(inc, []).append(eid)
    gold = event_pairs(list(gold_groups.values()))
    merged = merge_events(events)
    assert merged == merge_events(list(reversed(events))), "merge output depends on input order"
    rows = [("factwire merge_events", pair_scores(event_pairs([c["members"] for c in merged]), gold)),
            ("baseline: same sub-type and first day", pair_scores(event_pairs(naive_groups(events)), gold)),
            ("--no-merge", pair_scores(event_pairs([c["members"] for c in merge_events(events, merge=False)]), gold))]
    missed = sorted(gold - event_pairs([c["members"] for c in merged]))
    example = next(c for c in merged if "fox-seed-e1" in c["members"])
    return render_merging(events, gold_groups, gold, rows, missed, example)


def abridge(event: dict) -> str:
    """A corpus event as JSON, one line per field (and per count and join), for the results."""
    out = ["{"]
    for key in ("id", "event_type", "sub_event_type", "actor_norm", "target_norm", "date",
                "members", "rule"):
        out.append(f' "{key}": {json.dumps(event[key], ensure_ascii=False)},')
    out.append(' "counts_summary": {')
    for item, s in event["counts_summary"].items():
        each = ", ".join(json.dumps(e, ensure_ascii=False) for e in s["each"])
        out.append(f'  "{item}": {{"min": {s["min"]}, "max": {s["max"]}, "each": [{each}]}},')
    out.append(" },")
    out.append(' "explanation": [')
    out += [f"  {json.dumps(j, ensure_ascii=False)}," for j in event["explanation"]]
    out.append(" ]")
    out.append("}")
    return "\n".join(out)


def render_merging(events, gold_groups, gold, rows, missed, example) -> str:
    """Markdown for the event-merging section."""
    lines = ["## Event merging", "",
             f"Labelled set: `bench/data/merge-events.json`, {len(events)} hand-written article events "
             f"from {len({e['article_id'] for e in events})} articles about {len(gold_groups)} incidents "
             f"({len(gold)} same-event pairs), with near-misses: same day other city, same city other "
             "day, planned vs reported, two events of one sentence, two drone waves with incompatible "
             "counts. Pairs of events in one corpus event are scored against pairs of one incident.", "",
             "| | pair precision | pair recall | TP | FP | FN |", "|---|---|---|---|---|---|"]
    lines += [f"| {name} | {s['precision']:.3f} | {s['recall']:.3f} | {s['tp']} | {s['fp']} | {s['fn']} |"
              for name, s in rows]
    lines += ["", "Missed pairs: " + (", ".join(f"{a} / {b}" for a, b in missed) or "none") + ".", "",
              "One merged event (the seed story's tally, reported by three outlets with different "
              "numbers), as `merge_events` returns it, abridged:", "", "```json",
              abridge(example), "```"]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    main()
