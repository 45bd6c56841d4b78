"""`factwire serve` in Debian's Chromium (Playwright): tooltips, evidence links, charts, XSS page.

Every request the page makes outside 127.0.0.1 is aborted and recorded; any JS dialog fails the
test. Screenshots go to tests/artifacts/ for a human to look at."""
from __future__ import annotations

import json
import threading
import urllib.request
from urllib.parse import quote

import pytest

from factwire.web.server import FactwireServer

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def base(news_db):
    httpd = FactwireServer(news_db, "127.0.0.1", 0)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture()
def page(browser, base):
    """A page whose dialogs and outside requests are recorded (and blocked)."""
    ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = ctx.new_page()
    pg.dialogs, pg.outside, pg.errors = [], [], []
    pg.on("dialog", lambda d: (pg.dialogs.append(d.message), d.dismiss()))
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))

    def guard(route):
        if route.request.url.startswith(base + "/"):
            route.continue_()
        else:
            pg.outside.append(route.request.url)
            route.abort()
    ctx.route("**/*", guard)
    yield pg
    assert pg.dialogs == [] and pg.outside == [] and pg.errors == []
    ctx.close()


def api(base: str, path: str) -> dict:
    with urllib.request.urlopen(base + path, timeout=30) as r:
        return json.loads(r.read())


def test_search_article_tooltip(page, base, artifacts):
    page.goto(base + "/articles")
    page.fill("input[name=q]", "Odesa")
    page.click("form.filters button")
    page.click("#articles a.title >> text=Drone strike on Odesa port")
    mark = page.locator("mark.f-date[data-tip]").first
    mark.hover()
    tip = mark.evaluate("el => getComputedStyle(el, '::after').content")
    assert "date: 2022-11-17" in tip
    page.screenshot(path=str(artifacts / "serve-article-tooltip.png"), full_page=False)


def test_events_filter_detail_evidence(page, base, artifacts):
    page.goto(base + "/events")
    page.fill("input[name=since]", "2022-11-15")
    page.fill("input[name=until]", "2022-11-17")
    page.click("form.filters button")
    assert "since=2022-11-15" in page.url
    page.locator("#events tbody tr a").first.click()
    assert "/events/" in page.url
    page.screenshot(path=str(artifacts / "serve-event.png"), full_page=True)
    page.locator("a.evlink").first.click()
    page.wait_for_load_state("load")
    anchor = page.url.split("#", 1)[1]
    target = page.locator(f"[id='{anchor}']")
    page.wait_for_function("id => { const el = document.getElementById(id);"
                           " return el && el.matches(':target') && el.classList.contains('f-evidence'); }",
                           arg=anchor, timeout=5000)
    assert target.is_visible()
    page.screenshot(path=str(artifacts / "serve-evidence.png"))


def test_timeline_and_map_marks(page, base, artifacts):
    page.goto(base + "/events")
    page.wait_for_selector("#map[data-rendered='1'] svg", timeout=15000)
    events = api(base, "/api/events?limit=500")["events"]
    located = [e for e in events if (e.get("location") or {}).get("lat") is not None]
    dated_days = {(e["date"]["from"], e["event_type"]) for e in events  # one bar per (day, type)
                  if len((e.get("date") or {}).get("from") or "") == 10
                  and e["date"].get("to") in (None, e["date"]["from"])}
    assert page.locator("#map svg circle").count() == len(located) > 0
    assert page.locator("#timeline svg rect").count() >= len(dated_days) > 0
    banded = {(e["date"]["from"], e["date"].get("to"), e["event_type"]) for e in events  # month / range
              if (e.get("date") or {}).get("from") and (len(e["date"]["from"]) < 10
                                                         or e["date"].get("to") not in (None, e["date"]["from"]))}
    assert page.locator('#timeline g.fw-band rect').count() == len(banded) > 0
    page.screenshot(path=str(artifacts / "serve-events.png"), full_page=True)


def test_xss_page_is_inert(page, base, artifacts):
    aid = api(base, "/api/articles?q=Mykolaiv")["articles"][0]["id"]
    for path in (f"/articles/{aid}", "/articles?q=" + quote("Mykolaiv"), "/events?since=2022-11-18"):
        page.goto(base + path)
        page.wait_for_load_state("networkidle")
    page.goto(base + f"/articles/{aid}")
    page.wait_for_load_state("networkidle")
    text = page.inner_text("main")
    assert "<script>alert(1)</script>" in text and "<img src=x onerror=alert(1)>" in text
    assert "[U+202E]" in text
    assert page.locator("main script, main img, main textarea").count() == 0
    assert page.locator("a[href^='javascript']").count() == 0
    page.screenshot(path=str(artifacts / "serve-xss.png"), full_page=True)
