#!/usr/bin/env python3
"""Coverage and speed of stage 3 (metadata) over the DEV pages.

    python bench/metadata_check.py [--show] [--no-language]

Prints the share of the 121 scrapinghub-dev pages with a title, date, authors, site and
language, and the mean milliseconds per page (warm, and cold incl. imports) of extract_html_metadata
(the pre-clean step, htmldate fallback included).  Language is timed separately: it needs the cleaned body, so here
it is run on the page's <p> text as a stand-in.  --show prints each page's fields.
Coverage is not accuracy: tests/test_metadata.py checks values on hand-read pages.
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
BENCH = os.environ.get("FACTWIRE_BENCH", os.path.join(ROOT, "..", "shared", "bench", "extraction"))
sys.path.insert(0, os.path.join(ROOT, "src"))

from factwire.dom import parse_html  # noqa: E402
from factwire.metadata import extract_html_metadata  # noqa: E402
from factwire.metadata.text import detect_language  # noqa: E402

_META_CHARSET = re.compile(rb"""<meta[^>]+charset=["']?([\w-]+)""", re.I)


def decode(raw: bytes) -> str:
    """UTF-8, else the charset a <meta> declares, else cp1252 (same order as the bench)."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        match = _META_CHARSET.search(raw[:65536])
        try:
            return raw.decode(match[1].decode() if match else "cp1252", "replace")
        except LookupError:
            return raw.decode("cp1252", "replace")


def load_pages() -> list[tuple[str, str, str]]:
    """(id, url, html) for every DEV page."""
    folder = os.path.join(BENCH, "scrapinghub-dev")
    with open(os.path.join(folder, "ground-truth.json"), encoding="utf-8") as f:
        truth = json.load(f)
    pages = []
    for page_id in sorted(truth):
        with gzip.open(os.path.join(folder, "html", page_id + ".html.gz"), "rb") as f:
            pages.append((page_id, truth[page_id].get("url"), decode(f.read())))
    return pages


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", action="store_true", help="print each page's metadata")
    args = parser.parse_args()
    pages = [(page_id, url, parse_html(html)) for page_id, url, html in load_pages()]
    t0 = time.perf_counter()
    for _page_id, url, root in pages:  # cold pass: imports htmldate/dateparser on first fallback
        extract_html_metadata(root, url)
    cold_s = time.perf_counter() - t0
    detect_language("Load the language model before timing it.")
    counts = dict.fromkeys(("title", "published", "authors", "site", "language"), 0)
    meta_s = lang_s = 0.0
    for page_id, url, root in pages:
        t0 = time.perf_counter()
        meta = extract_html_metadata(root, url)
        t1 = time.perf_counter()
        body = "\n".join([meta.title or "", *("".join(p.itertext()) for p in root.iter("p"))])
        t2 = time.perf_counter()
        meta.language = detect_language(body)
        lang_s += time.perf_counter() - t2
        meta_s += t1 - t0
        for name in counts:
            counts[name] += bool(getattr(meta, name))
        if args.show:
            print(f"{page_id[:8]} {meta.published} | {meta.site} | {meta.title} | "
                  f"{meta.authors} | {meta.language} | {meta.url}")
    n = len(pages)
    print(f"pages: {n}")
    print("coverage: " + ", ".join(f"{k} {v / n:.0%}" for k, v in counts.items()))
    print(f"extract_html_metadata: {1000 * meta_s / n:.2f} ms/page mean warm "
          f"({1000 * cold_s / n:.2f} cold, first pass incl. imports); "
          f"language: {1000 * lang_s / n:.2f} ms/page mean (model preloaded)")


if __name__ == "__main__":
    main()
