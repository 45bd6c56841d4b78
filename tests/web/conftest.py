"""Shared fixtures for the web tests: a small corpus database built with the real ingest.

The pages: the seed story (scraped text, published 2022-11-19), three hand-written HTML reports
of strikes in different Ukrainian cities, and one hostile page whose title, body, caption, URL
and author carry script tags, `onerror` images, `javascript:` links, `</textarea>` and
`</script>` breakouts and a Unicode right-to-left override.  The server's tests may import
`HOSTILE_STRINGS` and use `news_db` / `hostile_db` too.
"""
from __future__ import annotations

import html
import json
import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SEED = REPO / "examples" / "seed-drones.txt"
ARTIFACTS = REPO / "tests" / "artifacts"

#: What a hostile page carries; none of it may execute or become markup anywhere.
HOSTILE_STRINGS = ("<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "javascript:alert(1)",
                   "</textarea>", "</script>", "\u202e")

STRIKES = [  # (url, published, title, body paragraphs)
    ("https://kyiv.example.org/kharkiv-strike", "2022-11-15", "Missile strike hits apartment block in Kharkiv",
     ["A Russian missile strike hit an apartment block in Kharkiv on Tuesday, killing three civilians, "
      "regional governor Oleh Syniehubov said.",
      "Rescue workers searched the rubble for hours after the attack, the governor said."]),
    ("https://odesa.example.net/drones", "2022-11-17", "Drone strike on Odesa port",
     ["Russian forces launched a drone strike on Odesa on Thursday, damaging the port, "
      "according to Ukraine's southern military command.",
      "Air defence units shot down ten Iranian-made Shahed drones over the Odesa region, the command said."]),
    ("https://news.example.com/kherson", "2022-11-16", "Shelling of Kherson kills two",
     ["Russian artillery shelled Kherson on Wednesday, killing two people, the regional administration said.",
      "The city was liberated by Ukrainian forces last week."]),
]


def _html_page(title: str, paragraphs: list[str], *, author: str = "Staff", caption: str = "",
               link: str = "") -> str:
    """A plain news page; every argument is text, escaped into the markup."""
    e = html.escape
    fig = f"<figure><img src='a.jpg'><figcaption>{e(caption)}</figcaption></figure>" if caption else ""
    a = f"<p>Read more: <a href='{e(link)}'>{e(link)}</a></p>" if link else ""
    body = "".join(f"<p>{e(p)}</p>" for p in paragraphs)
    return (f"<html><head><title>{e(title)}</title><meta name='author' content='{e(author)}'></head>"
            f"<body><article><h1>{e(title)}</h1><p class='byline'>By {e(author)}</p>{fig}{body}{a}"
            f"</article></body></html>")


def hostile_page() -> dict:
    """The XSS page as a JSONL object (its URL is a javascript: URL)."""
    bad = " ".join(HOSTILE_STRINGS)
    paragraphs = [f"Russian forces launched a missile strike on Mykolaiv on Friday, killing four civilians "
                  f"{bad}, the regional governor said.",
                  f"Witnesses described the blast as \u202eevil text\u202c and {bad} ran in the local press."]
    return {"url": "javascript:alert(1)", "published": "2022-11-18",
            "html": _html_page(f"Strike on Mykolaiv {bad}", paragraphs, author=f"Evil {bad}",
                               caption=f"Ruins {bad} Photo: AP", link="javascript:alert(1)")}


def write_pages(folder: Path, *, hostile: bool) -> Path:
    """The fixture pages as one JSONL file (url, published, html|text per line)."""
    lines = [{"url": "https://oc.example.com/russia-iran-drones", "published": "2022-11-19",
              "text": SEED.read_text(encoding="utf-8")}]
    lines += [{"url": u, "published": d, "html": _html_page(t, ps)} for u, d, t, ps in STRIKES]
    if hostile:
        lines.append(hostile_page())
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "pages.jsonl"
    path.write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines), encoding="utf-8")
    return path


def build_db(folder: Path, *, hostile: bool) -> Path:
    """Ingest the fixture pages with the real ingest into folder/news.db."""
    from factwire.corpus.ingest import ingest

    db = folder / "news.db"
    summary = ingest([write_pages(folder, hostile=hostile)], db, progress=False)
    assert summary.failures == 0, summary.to_dict()
    return db


@pytest.fixture(scope="session")
def hostile_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Seed + three strike pages + the hostile page."""
    return build_db(tmp_path_factory.mktemp("hostile_db"), hostile=True)


@pytest.fixture(scope="session")
def news_db(hostile_db: Path) -> Path:
    """The web tests' corpus (the same database: every view must also survive the hostile page)."""
    return hostile_db


#: Debian's Chromium (Playwright cannot download its own browser offline); FACTWIRE_CHROMIUM overrides.
CHROMIUM = Path(os.environ.get("FACTWIRE_CHROMIUM") or "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--no-first-run"]
#: Where there is no Chromium the browser tests skip, counted and with this reason; CI sets
#: FACTWIRE_REQUIRE_BROWSER=1 so that a missing browser fails instead (README, "Tests").
NO_CHROMIUM = (f"no Chromium at {CHROMIUM}: browser tests skipped (./scripts/test.sh run as root installs "
               "Debian's chromium; see README)")


@pytest.fixture(scope="module")
def browser():
    """One headless Chromium per module, or a skip (a failure under FACTWIRE_REQUIRE_BROWSER=1)."""
    required = os.environ.get("FACTWIRE_REQUIRE_BROWSER") == "1"
    if not CHROMIUM.exists():
        if required:
            pytest.fail(NO_CHROMIUM.replace("skipped", "required"))
        pytest.skip(NO_CHROMIUM)
    if required:
        import playwright.sync_api as sync_api
    else:
        sync_api = pytest.importorskip("playwright.sync_api", reason="playwright missing: pip install '.[test]'")
    with sync_api.sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    """tests/artifacts/ (gitignored): screenshots and reports the tests leave for a human to look at."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS
