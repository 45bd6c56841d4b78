#!/usr/bin/env python3
"""Build the TEXT benchmark from seven renderers: every page flattened by every renderer.

    bench/.venv-peers/bin/python bench/text_pages.py                      # all but "browser"
    .venv/bin/python bench/text_pages.py --renderers browser             # needs playwright + chromium

A user's "page as text" comes from many tools, so the text cleaner is developed and measured
on all of these, each page rendered by each (the shared `make_text_pages.py` alternates two):

| renderer | what it is | shape of its text |
|---|---|---|
| `inscriptis` | layout-aware HTML->text (PyPI) | one line per block, inline runs kept together |
| `bs4-get_text` | BeautifulSoup `get_text("\\n")` | one line per text node: links split paragraphs |
| `html2text` | Markdown (PyPI, default settings) | lines hard-wrapped at 78 columns, `[link](url)`, `# headings`, `* items` |
| `lynx` | `lynx -dump` (Debian) | wrapped at ~78 columns, indented, `[12]` link numbers and a References list |
| `w3m` | `w3m -dump` (Debian) | wrapped at 80 columns, tables drawn with spaces |
| `readability` | readability-lxml's article HTML as text (PyPI) | the article as readability cut it: little chrome left |
| `browser` | Chromium's `document.body.innerText` (JavaScript off, no network) | what "select all, copy" in a browser gives |

Sources: ``dev`` = scrapinghub-dev (the HTML DEV, 121 pages); ``held`` = WCXB's held-out article
pages (bench/suites.py, first HELD_PAGES by id), never looked at while tuning; ``wcxb-dev`` = the
first HELD_PAGES of WCXB's dev article pages, a second tune set of held's kind (session 5: a
change flat on scrapinghub's DEV is decided here, not on held).  Output:
``bench/work/text/<split>/<renderer>-<id>.txt`` with ``ground-truth.json`` and ``renderers.json``
(id -> renderer), the layout bench/extraction.py's TEXT corpora read.  Renderer output is kept
as the tool wrote it (trailing spaces stripped), wrapping and indentation included.
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
BENCH = os.path.abspath(os.environ.get("FACTWIRE_BENCH", os.path.join(ROOT, "..", "shared", "bench", "extraction")))
SUITES = os.environ.get("FACTWIRE_SUITES", os.path.join(HERE, "work", "suites"))
OUT = os.path.join(HERE, "work", "text")
sys.path.insert(0, BENCH)
from run_peer import decode_page, html_fragment_to_text  # noqa: E402  (stdlib-only shared module)

#: Pages of the held-out source rendered (first by id): enough for a per-renderer figure.
HELD_PAGES = 100
SOURCES = {
    "dev": (os.path.join(BENCH, "scrapinghub-dev", "html"), os.path.join(BENCH, "scrapinghub-dev", "ground-truth.json")),
    "held": (os.path.join(SUITES, "wcxb-article", "held", "html"), os.path.join(SUITES, "wcxb-article", "held", "ground-truth.json")),
    # a second tune set shaped like held: WCXB's dev article pages (bench/suites.py's dev split)
    "wcxb-dev": (os.path.join(SUITES, "wcxb-article", "dev", "html"), os.path.join(SUITES, "wcxb-article", "dev", "ground-truth.json")),
}
#: Short renderer names used in page ids.
SHORT = {"inscriptis": "ins", "bs4-get_text": "bs4", "html2text": "h2t", "lynx": "lyx", "w3m": "w3m",
         "readability": "rdb", "browser": "brw"}
#: A page a renderer chokes on (or that takes longer than this) is left out for that renderer.
TIMEOUT_S = 60


def clean_html(html: str) -> str:
    """The page without script/style/noscript/template and comments (what every renderer gets)."""
    import lxml.html
    from make_text_pages import clean_tree

    return lxml.html.tostring(clean_tree(html), encoding="unicode")


def render_inscriptis(html: str) -> str:
    from inscriptis import get_text

    return get_text(html)


def render_bs4(html: str) -> str:
    from bs4 import BeautifulSoup

    return BeautifulSoup(html, "lxml").get_text("\n")


def render_html2text(html: str) -> str:
    import html2text

    return html2text.HTML2Text().handle(html)


def _run(cmd: list[str], html: str) -> str:
    proc = subprocess.run(cmd, input=html.encode("utf-8"), capture_output=True, timeout=TIMEOUT_S, check=True)
    return proc.stdout.decode("utf-8", "replace")


def render_lynx(html: str) -> str:
    return _run(["lynx", "-dump", "-stdin", "-force_html", "-assume_charset=utf-8", "-display_charset=utf-8",
                 "-nocolor", "-noreferer"], html)


def render_w3m(html: str) -> str:
    return _run(["w3m", "-dump", "-T", "text/html", "-I", "UTF-8", "-O", "UTF-8", "-cols", "80"], html)


def render_readability(html: str) -> str:
    from readability import Document

    doc = Document(html)
    return doc.short_title() + "\n\n" + html_fragment_to_text(doc.summary(html_partial=True))


class Browser:
    """Chromium through playwright: innerText of the body, JavaScript off, every request but
    the page itself refused (nothing leaves the machine)."""

    def __init__(self) -> None:
        from playwright.sync_api import sync_playwright

        self._pw = sync_playwright().start()
        exe = "/usr/bin/chromium" if os.path.exists("/usr/bin/chromium") else None
        self._browser = self._pw.chromium.launch(executable_path=exe, args=["--no-sandbox"])
        self._context = self._browser.new_context(java_script_enabled=False, offline=True)
        self._context.route("**/*", lambda route: route.abort())

    def __call__(self, html: str) -> str:
        page = self._context.new_page()
        try:
            page.set_content(html, wait_until="domcontentloaded", timeout=TIMEOUT_S * 1000)
            return page.evaluate("document.body ? document.body.innerText : ''")
        finally:
            page.close()

    def close(self) -> None:
        self._browser.close()
        self._pw.stop()


RENDERERS = {"inscriptis": render_inscriptis, "bs4-get_text": render_bs4, "html2text": render_html2text,
             "lynx": render_lynx, "w3m": render_w3m, "readability": render_readability}


def load_source(split: str) -> tuple[dict[str, str], dict]:
    """id -> page path, and the gold, for a split (held: the first HELD_PAGES ids)."""
    html_dir, gold_path = SOURCES[split]
    with open(gold_path, encoding="utf-8") as f:
        gold = json.load(f)
    files = {n.split(".")[0]: os.path.join(html_dir, n) for n in os.listdir(html_dir)}
    ids = sorted(set(files) & set(gold))
    if split in ("held", "wcxb-dev"):
        ids = ids[:HELD_PAGES]
    return {i: files[i] for i in ids}, gold


def tidy(text: str) -> str:
    """Trailing spaces stripped, nothing else: wrapping, indentation and blank lines stay."""
    return "\n".join(line.rstrip() for line in text.splitlines()).strip("\n") + "\n"


def build(split: str, names: list[str]) -> None:
    files, gold = load_source(split)
    out = os.path.join(OUT, split)
    os.makedirs(out, exist_ok=True)
    gold_path, map_path = os.path.join(out, "ground-truth.json"), os.path.join(out, "renderers.json")
    all_gold = json.load(open(gold_path, encoding="utf-8")) if os.path.exists(gold_path) else {}
    used = json.load(open(map_path, encoding="utf-8")) if os.path.exists(map_path) else {}
    render = {n: RENDERERS[n] for n in names if n in RENDERERS}
    browser = Browser() if "browser" in names else None
    if browser:
        render["browser"] = browser
    try:
        for page_id, path in files.items():
            with open(path, "rb") as f:
                raw = f.read()
            html = clean_html(decode_page(gzip.decompress(raw) if path.endswith(".gz") else raw))
            for name, fn in render.items():
                rid = "%s-%s" % (SHORT[name], page_id[:24])
                try:
                    text = tidy(fn(html))
                except Exception as exc:  # noqa: BLE001 - one renderer failing a page leaves it out
                    print("%s %s: %s" % (name, page_id, exc), file=sys.stderr)
                    continue
                with open(os.path.join(out, rid + ".txt"), "w", encoding="utf-8") as f:
                    f.write(text)
                all_gold[rid], used[rid] = gold[page_id], name
    finally:
        if browser:
            browser.close()
    with open(gold_path, "w", encoding="utf-8") as f:
        json.dump(all_gold, f, ensure_ascii=False, indent=0, sort_keys=True)
    with open(map_path, "w", encoding="utf-8") as f:
        json.dump(used, f, indent=1, sort_keys=True)
    print("%s: %d pages x %s" % (split, len(files), ", ".join(render)), file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--renderers", default=",".join(RENDERERS), help="comma-separated; 'browser' too")
    ap.add_argument("--splits", default="dev,held")
    args = ap.parse_args(argv)
    for split in args.splits.split(","):
        build(split, args.renderers.split(","))
    return 0


if __name__ == "__main__":
    sys.exit(main())
