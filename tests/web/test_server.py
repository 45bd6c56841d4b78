"""`factwire serve` in-process: routes, filters, errors, limits, read-only DB, headers, escaping."""
from __future__ import annotations

import http.client
import json
import re
import sqlite3
import threading
import urllib.error
import urllib.request
from urllib.parse import quote

import pytest

from factwire.web import api, data
from factwire.web.server import CSP, FactwireServer


@pytest.fixture(scope="module")
def server(news_db):
    httpd = FactwireServer(news_db, "127.0.0.1", 0, extract_timeout=20)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def get(base: str, path: str) -> tuple[int, dict, str]:
    try:
        with urllib.request.urlopen(base + path, timeout=30) as r:
            return r.status, dict(r.headers), r.read().decode()
    except urllib.error.HTTPError as e:
        return e.code, dict(e.headers), e.read().decode()


def get_json(base: str, path: str) -> tuple[int, dict]:
    status, _, body = get(base, path)
    return status, json.loads(body)


def post(base: str, path: str, body: bytes, ctype: str = "application/json", headers=None) -> tuple[int, dict]:
    req = urllib.request.Request(base + path, data=body, method="POST",
                                 headers={"Content-Type": ctype, **(headers or {})})
    try:
        with urllib.request.urlopen(req, timeout=60) as r:
            return r.status, json.loads(r.read())
    except urllib.error.HTTPError as e:
        return e.code, json.loads(e.read())


def article_id(base: str, q: str) -> str:
    return get_json(base, "/api/articles?q=" + quote(q))[1]["articles"][0]["id"]


@pytest.mark.parametrize("path", ["/articles", "/articles?q=drones", "/events", "/api/docs",
                                  "/events?type=Explosions%2FRemote+violence&country=UA", "/ui/app.js",
                                  "/static/charts.js", "/api/openapi.json"])
def test_pages_answer_with_security_headers(server, path):
    status, headers, _ = get(server, path)
    assert status == 200
    assert headers["Content-Security-Policy"] == CSP
    assert headers["X-Content-Type-Options"] == "nosniff" and headers["Referrer-Policy"] == "no-referrer"


@pytest.mark.parametrize("path", ["/articles/nope", "/events/nope", "/api/articles/nope", "/api/events/nope",
                                  "/nowhere", "/static/../server.py", "/ui/%2e%2e/server.py"])
def test_unknown_is_404_and_errors_keep_headers(server, path):
    status, headers, body = get(server, path)
    assert status == 404 and "Traceback" not in body
    assert headers["Content-Security-Policy"] == CSP


@pytest.mark.parametrize("path", ["/api/articles?q=%22", "/api/articles?since=yesterday", "/api/events?until=11/20",
                                  "/api/events?bbox=1,2,3", "/api/articles?limit=99999", "/api/events?offset=-1"])
def test_bad_params_are_400_json(server, path):
    status, body = get_json(server, path)
    assert status == 400 and set(body) == {"error"} and "\n" not in body["error"]


def test_article_search_and_filters(server):
    status, body = get_json(server, "/api/articles?q=Syniehubov")
    assert status == 200 and [a["title"] for a in body["articles"]] == ["Missile strike hits apartment block in Kharkiv"]
    every = get_json(server, "/api/articles")[1]["articles"]
    site = next(a["site"] for a in every if a["site"])
    assert get_json(server, "/api/articles?site=" + quote(site))[1]["total"] == sum(a["site"] == site for a in every)
    dated = get_json(server, "/api/articles?since=2022-11-16&until=2022-11-17")[1]["articles"]
    assert sorted(a["published"] for a in dated) == ["2022-11-16", "2022-11-17"]
    page = get_json(server, "/api/articles?limit=2&offset=2")[1]
    assert page["total"] == 5 and len(page["articles"]) == 2 and all("copies" in a for a in every)


def test_event_filters_match_the_cli_query(server):
    from factwire.corpus.query import filter_events

    every = get_json(server, "/api/events?limit=500")[1]["events"]
    for params in ({"type": "Explosions/Remote violence"}, {"country": "UA", "since": "2022-11-10"},
                   {"actor": "russia"}, {"bbox": "22,44,41,53"}, {"sub_type": "Air/drone strike", "until": "2022-11-15"}):
        got = get_json(server, "/api/events?limit=500&" + "&".join(f"{k}={quote(v)}" for k, v in params.items()))[1]
        assert [e["id"] for e in got["events"]] == [e["id"] for e in filter_events(every, **params)]
        assert got["total"] == len(got["events"]) > 0


def test_article_page_highlights_facts_in_place(server):
    aid = article_id(server, "Odesa NOT Mykolaiv")
    status, _, html = get(server, f"/articles/{aid}")
    assert status == 200
    assert '<mark class="f f-date"' in html and 'data-tip="date: 2022-11-17' in html
    assert 'class="f f-quantity"' in html and "quantity: = 10 " in html
    assert 'class="f f-place"' in html and "data-tip=\"place: " in html
    assert 'class="f f-attribution"' in html and "said by: " in html
    assert html.count("<mark") == html.count("</mark>")


def test_event_page_links_evidence_into_the_article(server):
    ev = get_json(server, "/api/events?since=2022-11-15&until=2022-11-17")[1]["events"][0]
    status, _, html = get(server, f"/events/{ev['id']}")
    member = ev["members"][0]
    aid = ev["sources"][0]["article_id"]
    assert status == 200 and f'href="/articles/{aid}#ev-{member}"' in html
    assert "Reported numbers" in html and ev["modality"] in html
    assert f'id="ev-{member}"' in get(server, f"/articles/{aid}")[2]
    assert get_json(server, f"/api/events/{member}")[1]["id"] == ev["id"]  # article event id resolves


def test_hostile_page_is_inert(server):
    aid = article_id(server, "Mykolaiv")
    for path in (f"/articles/{aid}", "/articles", "/events", "/articles?q=Mykolaiv", "/events?since=2022-11-18"):
        html = get(server, path)[2]
        assert "<script>alert" not in html and "<img src=x" not in html and "</textarea>" not in html
        assert "\u202e" not in html
    html = get(server, f"/articles/{aid}")[2]
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "[U+202E]" in html
    assert 'href="javascript:' not in html and "javascript:alert(1)" in html  # shown as text only
    assert not re.search(r'(data-tip|value|title)="[^"]*<', html)  # no markup inside an attribute
    html = get(server, "/articles?q=" + quote('"\u202e"'))[2]
    assert 'value="&quot;[U+202E]&quot;"' in html
    rec = get_json(server, f"/api/articles/{aid}")[1]
    assert "<script>alert(1)</script>" in rec["title"]  # the API returns data as stored (JSON is not markup)


def test_events_page_embeds_chart_data_safely(server):
    html = get(server, "/events")[2]
    start = html.index('<script type="application/json" id="events-data">') + 49
    payload = json.loads(html[start:html.index("</script>", start)])
    assert len(payload["events"]) == get_json(server, "/api/events")[1]["total"]
    assert "804" in payload["country_ids"]  # Ukraine, ISO numeric


def test_extract_api(server, seed_text):
    status, rec = post(server, "/api/extract", json.dumps({"text": seed_text, "published": "2022-11-19"}).encode())
    assert status == 200 and rec["published"] == "2022-11-19" and rec["events"]
    status, rec = post(server, "/api/extract", b"<html><body><article><p>" + b"Russian forces launched 30 drones "
                       b"at Kyiv on Saturday, officials said. " * 5 + b"</p></article></body></html>", "text/html")
    assert status == 200 and rec["text"]
    for body, ctype in ((b"{", "application/json"), (b'{"text": ""}', "application/json"), (b"  ", "text/plain"),
                        (b'{"text": "x", "published": "soon"}', "application/json")):
        status, err = post(server, "/api/extract", body, ctype)
        assert status == 400 and set(err) == {"error"}


def test_body_limit_is_413(server):
    host, port = server.removeprefix("http://").split(":")
    conn = http.client.HTTPConnection(host, int(port), timeout=30)
    conn.putrequest("POST", "/api/extract")  # the server answers from the header, before any body
    conn.putheader("Content-Type", "text/plain")
    conn.putheader("Content-Length", str(api.MAX_BODY_BYTES + 1))
    conn.endheaders()
    resp = conn.getresponse()
    assert resp.status == 413 and "error" in json.loads(resp.read())
    conn.close()


def test_rebinding_host_is_refused(server):
    status, body = post(server, "/api/extract", b"{}", headers={"Host": "evil.example:80"})
    assert status == 421 and body == {"error": "unexpected Host header"}


def test_database_is_read_only(server, news_db):
    conn = data.connect_ro(news_db)
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        conn.execute("DELETE FROM articles")
    conn.close()
    assert get_json(server, "/api/articles")[1]["total"] == 5


def test_openapi_describes_the_routes(server):
    doc = get_json(server, "/api/openapi.json")[1]
    assert doc["openapi"].startswith("3.")
    assert set(doc["paths"]) == {"/api/articles", "/api/articles/{id}", "/api/events", "/api/events/{id}",
                                 "/api/extract", "/api/openapi.json"}


def test_missing_database_is_one_line(tmp_path):
    with pytest.raises(FileNotFoundError, match="no database at .* \\(make one with: factwire ingest"):
        FactwireServer(tmp_path / "none.db", "127.0.0.1", 0)
