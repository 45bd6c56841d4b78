#!/usr/bin/env python3
"""Run factwire over a folder of pages exactly as ``run_peer.py`` runs a peer extractor.

    python bench/run_factwire.py --pages DIR --out PRED.jsonl [--gold GOLD.json] [--limit N]

Why a separate runner: factwire lives in the dev venv, the peers in ``bench/.venv-peers``, so
it cannot be one of run_peer.py's ``EXTRACTORS``.  To keep the comparison fair this file reuses
run_peer.py's own helpers (page listing, URL loading, warm-up page, RSS reading) and writes the
same JSONL lines ``{"id", "text", "seconds", "error"}`` and the same ``<out stem>.meta.json``
fields.  Methodology, as for the peers:

* the import of factwire is timed separately (``import_s``) and excluded from pages/s;
* one untimed warm-up call per input kind the run will see (run_peer's warm-up page as HTML,
  a flattened page as text) precedes timing; a text-only run is not warmed with HTML, which
  would load the HTML-only libraries (htmldate and its urllib3, ~24 MB) into a run that never
  uses them and charge them to its peak RSS;
* the timed region per page is the *whole* ``extract(raw_bytes, url=..., input_kind=..., facts=False)`` call
  (read + clean + metadata: what the peers do; the NLP facts stage has its own benchmark, bench/facts.py),
  so byte decoding happens inside it, as ``decode_page`` does inside it for the peers;
* a page that raises (``ExtractionError`` or anything else) is a miss: empty text plus error;
* peak RSS is ``ru_maxrss`` of this process.

factwire's own per-page limit (``extract``'s default ``timeout``, SIGALRM based) applies; no outer
alarm is set because factwire re-arms the same interval timer (an outer one would be cancelled).
``.txt`` pages are given as ``input_kind="text"`` (factwire reads flattened text natively, no
``<p>`` wrapping), everything else as ``"html"``.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
import time
from collections.abc import Callable
from importlib import metadata

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
BENCH = os.environ.get("FACTWIRE_BENCH", os.path.join(ROOT, "..", "shared", "bench", "extraction"))
sys.path.insert(0, os.path.abspath(BENCH))

import run_peer  # noqa: E402  (stdlib-only module of the shared benchmark)

Extract = Callable[[bytes, "str | None", str], str]


def load_factwire() -> tuple[Extract, float]:
    """Import factwire (timed apart, like a peer's import) and return a bytes->text callable."""
    t0 = time.perf_counter()
    from factwire import extract

    def run(raw: bytes, url: str | None, kind: str) -> str:
        return extract(raw, url=url, input_kind=kind, facts=False).text

    return run, time.perf_counter() - t0


def warm_up(run: Extract, kinds: set[str]) -> float:
    """One untimed call per input kind so lazy initialisation is not charged to page one."""
    t0 = time.perf_counter()
    page = run_peer._WARMUP_HTML.encode("utf-8")
    flat = b"Warm-up headline\n\n" + (b"This is a warm-up paragraph with enough words to look like an "
                                      b"article body, so that lazily loaded resources are initialised.\n\n") * 6
    for raw, kind in ((page, "html"), (flat, "text")):
        if kind not in kinds:
            continue
        try:
            run(raw, None, kind)
        except Exception:  # noqa: BLE001 - a warm-up failure must not stop the run
            pass
    return time.perf_counter() - t0


def input_kind(path: str, forced: str) -> str:
    """``.txt`` pages are flattened text, the rest HTML (unless --input-kind forces one)."""
    if forced != "auto":
        return forced
    return "text" if path.lower().endswith(".txt") else "html"


def time_page(run: Extract, raw: bytes, url: str | None, kind: str) -> tuple[str, float, str | None]:
    """(text, seconds, error) for one page; the whole extract call is inside the timed region."""
    err = None
    t0 = time.perf_counter()
    try:
        text = run(raw, url, kind) or ""
    except BaseException as exc:  # noqa: BLE001 - a crash is a miss, not a stop
        if isinstance(exc, KeyboardInterrupt):
            raise
        err, text = "%s: %s" % (type(exc).__name__, str(exc)[:200]), ""
    return text, time.perf_counter() - t0, err


def run_pages(run: Extract, pages: list[tuple[str, str]], urls: dict, forced: str,
              out_path: str) -> tuple[list[float], int]:
    """Extract every page, writing one JSONL line each; returns per-page times and error count."""
    times, errors = [], 0
    os.makedirs(os.path.dirname(os.path.abspath(out_path)), exist_ok=True)
    with open(out_path, "w", encoding="utf-8") as out:
        for page_id, path in pages:
            raw, _ = run_peer.read_page(path, "none")
            text, dt, err = time_page(run, raw, urls.get(page_id), input_kind(path, forced))
            errors += err is not None
            times.append(dt)
            out.write(json.dumps({"id": page_id, "text": text, "seconds": round(dt, 6), "error": err},
                                 ensure_ascii=False) + "\n")
    return times, errors


def build_meta(times: list[float], errors: int, pages_dir: str, import_s: float, warmup_s: float,
               rss_after_warmup: float) -> dict:
    """The same summary fields run_peer.py writes, computed the same way."""
    total = sum(times)
    qs = statistics.quantiles(times, n=20, method="inclusive") if len(times) >= 2 else times * 19
    return {
        "extractor": "factwire", "package": "factwire", "version": _version(),
        "python": platform.python_version(), "pages_dir": os.path.abspath(pages_dir),
        "n_pages": len(times), "n_errors": errors,
        "import_s": round(import_s, 3), "warmup_s": round(warmup_s, 3),
        "extract_total_s": round(total, 3),
        "pages_per_s": round(len(times) / total, 2) if total else None,
        "latency_ms_median": round(statistics.median(times) * 1000, 2) if times else None,
        "latency_ms_p95": round(qs[18] * 1000, 2) if times else None,
        "latency_ms_max": round(max(times) * 1000, 2) if times else None,
        "peak_rss_mb_after_warmup": round(rss_after_warmup, 1),
        "peak_rss_mb": round(run_peer.peak_rss_mb(), 1),
    }


def _version() -> str:
    try:
        return metadata.version("factwire")
    except metadata.PackageNotFoundError:
        return "?"


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pages", required=True, help="folder of .html/.html.gz/.txt pages, or one such file")
    ap.add_argument("--out", required=True, help="PRED.jsonl to write")
    ap.add_argument("--gold", help="optional gold JSON, only used to pass page URLs")
    ap.add_argument("--input-kind", choices=["auto", "html", "text"], default="auto",
                    help="auto: .txt -> text, else html")
    ap.add_argument("--limit", type=int, default=0, help="only the first N pages (0: all)")
    args = ap.parse_args(argv)

    import logging
    import warnings

    logging.disable(logging.CRITICAL)
    warnings.filterwarnings("ignore")
    run, import_s = load_factwire()
    pages = run_peer.list_pages(args.pages)
    pages = pages[: args.limit] if args.limit else pages
    warmup_s = warm_up(run, {input_kind(path, args.input_kind) for _, path in pages})
    rss_after_warmup = run_peer.peak_rss_mb()
    times, errors = run_pages(run, pages, run_peer.load_urls(args.gold), args.input_kind, args.out)
    meta = build_meta(times, errors, args.pages, import_s, warmup_s, rss_after_warmup)
    stem = args.out[:-6] if args.out.endswith(".jsonl") else args.out
    with open(stem + ".meta.json", "w", encoding="utf-8") as f:
        json.dump(meta, f, indent=1)
    print(json.dumps(meta), file=sys.stderr)


if __name__ == "__main__":
    main()
