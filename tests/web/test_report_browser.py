"""The HTML report in a real browser (Debian Chromium via Playwright), with the network cut.

Opens the report file from disk, aborts and records every request that is not file://, and
checks: nothing was attempted, no dialog opened (the hostile page's scripts stay text), the
charts drew the expected marks, and the counts shown equal the store's.  Screenshots go to
tests/artifacts/ for a human to look at.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from factwire.corpus.query import filter_events
from factwire.corpus.store import Store
from factwire.export.safe import EXTERNAL_REL
from factwire.web.report import ReportFilters, build_report

pytestmark = pytest.mark.browser


def _open(browser, path: Path, width: int = 1200):
    """A page on `path` with outside requests aborted and recorded, dialogs and errors recorded."""
    page = browser.new_page(viewport={"width": width, "height": 900})
    seen = {"blocked": [], "dialogs": [], "errors": [], "console": []}

    def route(r):
        if r.request.url.startswith("file://"):
            r.continue_()
        else:
            seen["blocked"].append(r.request.url)
            r.abort()

    page.route("**/*", route)
    page.on("dialog", lambda d: (seen["dialogs"].append(d.message), d.dismiss()))
    page.on("pageerror", lambda e: seen["errors"].append(str(e)))
    page.on("console", lambda m: seen["console"].append(f"{m.type}: {m.text}") if m.type in ("error", "warning") else None)
    page.goto(path.as_uri())
    page.wait_for_selector("html[data-charts-ready]", timeout=15_000)
    return page, seen


def _db_events(db: Path, filters: ReportFilters) -> list[dict]:
    with Store(db, readonly=True) as store:
        rows = store.conn.execute("SELECT event FROM corpus_events").fetchall()
        return filter_events((json.loads(r[0]) for r in rows), **filters.active())


def _located(events: list[dict]) -> int:
    return sum(1 for e in events if (e.get("location") or {}).get("lat") is not None
               and (e.get("location") or {}).get("lon") is not None)


def _dated_days(events: list[dict]) -> int:
    """Distinct (day, type) pairs the timeline draws a bar for (events dated to one exact day)."""
    days = {(d.get("from"), e.get("event_type")) for e in events for d in [e.get("date") or {}]
            if d.get("from") and len(d["from"]) == 10 and d.get("to") in (None, d["from"])}
    return len(days)


def _banded(events: list[dict]) -> set[tuple]:
    """(period, type) pairs the timeline draws a band for: dated to a month, a year or a range."""
    return {(d["from"], d.get("to"), e.get("event_type")) for e in events for d in [e.get("date") or {}]
            if d.get("from") and (len(d["from"]) < 10 or d.get("to") not in (None, d["from"]))}


def test_report_renders_offline_with_counts_and_marks(browser, news_db: Path, tmp_path: Path, artifacts: Path):
    out = tmp_path / "report.html"
    out.write_text(build_report(news_db), encoding="utf-8")
    page, seen = _open(browser, out)
    events = _db_events(news_db, ReportFilters())
    with Store(news_db, readonly=True) as store:
        counts = store.counts()
    shown = {k: int(page.text_content(f'dd[data-count="{k}"]')) for k in ("articles", "events", "corpus_events", "shown")}
    assert shown == {"articles": counts["articles"], "events": counts["events"],
                     "corpus_events": counts["corpus_events"], "shown": len(events)}
    assert page.locator('#fw-map g[aria-label="dot"] circle').count() == _located(events) > 0
    assert page.locator('#fw-timeline g[aria-label="rect"] rect').count() == _dated_days(events) > 0
    bands = _banded(events)
    assert page.locator('#fw-timeline g.fw-band rect').count() == len(bands) > 0
    titles = page.eval_on_selector_all('#fw-timeline g.fw-band title', "els => els.map(e => e.textContent)")
    assert any(t.startswith("2022-11 (day unknown)") for t in titles), titles  # the seed's month-dated deal
    undated = sum(1 for e in events if not (e.get("date") or {}).get("from"))
    assert (f"{undated} undated event(s)" in page.text_content("#fw-timeline")) == (undated > 0)
    assert page.locator("#fw-map g[aria-label='geo'] path").count() > 100  # the country outlines
    assert page.locator('table[data-table="events"] tbody tr').count() == len(events)
    page.screenshot(path=str(artifacts / "report-full.png"), full_page=True)
    page.locator("#fw-map").screenshot(path=str(artifacts / "report-map.png"))
    page.locator("#fw-timeline").screenshot(path=str(artifacts / "report-timeline.png"))
    page.close()
    assert seen["blocked"] == [] and seen["dialogs"] == [] and seen["errors"] == [], seen


def test_hostile_page_stays_text(browser, hostile_db: Path, tmp_path: Path, artifacts: Path):
    out = tmp_path / "report.html"
    out.write_text(build_report(hostile_db), encoding="utf-8")
    page, seen = _open(browser, out)
    page.hover('#fw-map g[aria-label="dot"] circle >> nth=-1', force=True)  # tooltips are SVG <title> text
    text = page.text_content("table[data-table='events']")
    assert "<script>alert(1)</script>" in text and "<img src=x onerror=alert(1)>" in text
    assert page.locator("main img, main iframe, main textarea, main script").count() == 0
    hrefs = page.eval_on_selector_all("a[href]", "els => els.map(e => e.getAttribute('href'))")
    assert hrefs and all(h.startswith(("http://", "https://")) for h in hrefs), hrefs
    rels = page.eval_on_selector_all("a[href]", "els => els.map(e => e.rel)")
    assert all(r == EXTERNAL_REL for r in rels)
    page.screenshot(path=str(artifacts / "report-hostile.png"), full_page=True)
    page.close()
    assert seen["dialogs"] == [] and seen["blocked"] == [] and seen["errors"] == [], seen


def test_filtered_report_and_print(browser, news_db: Path, tmp_path: Path, artifacts: Path):
    filters = ReportFilters(type="Explosions/Remote violence", since="2022-11-14")
    out = tmp_path / "report.html"
    out.write_text(build_report(news_db, filters), encoding="utf-8")
    page, seen = _open(browser, out, width=800)
    events = _db_events(news_db, filters)
    assert int(page.text_content('dd[data-count="shown"]')) == len(events) > 0
    assert page.locator('#fw-map g[aria-label="dot"] circle').count() == _located(events)
    page.emulate_media(media="print")
    page.screenshot(path=str(artifacts / "report-print.png"), full_page=True)
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF") and len(pdf) > 10_000
    (artifacts / "report-print.pdf").write_bytes(pdf)
    widest = page.evaluate("Math.max(...Array.from(document.querySelectorAll('main svg, main table'))"
                           ".map(e => e.getBoundingClientRect().right))")
    assert widest <= page.evaluate("document.documentElement.clientWidth") + 1
    page.close()
    assert seen["blocked"] == [] and seen["dialogs"] == [] and seen["errors"] == [], seen
