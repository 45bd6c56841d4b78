"""`factwire serve` against hostile clients: a real server on 127.0.0.1 (and ::1), raw sockets
where an HTTP library would refuse to send what an attacker sends.

Every answer checked here must carry the security headers, whatever its status; malformed
requests are 4xx (never 500), slow clients do not pin threads, and ids with any character
resolve."""
from __future__ import annotations

import json
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import quote

import pytest

from factwire.web import api, protocol
from factwire.web.protocol import CSP
from factwire.web.server import FactwireServer

WEIRD_IDS = ['quote"id', "slash/id", "urn:colon:id", "q?mark#hash", "pct%2Fid", "space id", "ümlaut‮id"]


def start(db: Path, host: str = "127.0.0.1", **kw) -> tuple[FactwireServer, int]:
    httpd = FactwireServer(db, host, 0, **kw)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, httpd.server_address[1]


def stop(httpd: FactwireServer) -> None:
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(scope="module")
def port(news_db):
    httpd, port = start(news_db, extract_timeout=20)
    yield port
    stop(httpd)


def raw(port: int, data: bytes, host: str = "127.0.0.1", timeout: float = 20) -> tuple[int, dict, bytes]:
    """Send raw bytes, read one answer: (status, headers lower-cased, body)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as s:
        s.settimeout(timeout)
        s.connect((host, port))
        s.sendall(data)
        buf = b""
        while b"\r\n\r\n" not in buf:
            chunk = s.recv(65536)
            if not chunk:
                break
            buf += chunk
        head, _, body = buf.partition(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        headers = {k.strip().lower(): v.strip() for k, v in (ln.split(":", 1) for ln in lines[1:] if ":" in ln)}
        want = int(headers.get("content-length", "0"))
        while len(body) < want:
            chunk = s.recv(65536)
            if not chunk:
                break
            body += chunk
    return int(lines[0].split()[1]), headers, body


def request(port: int, method: str, path: str, headers: dict[str, str] | None = None, body: bytes = b"",
            host: str = "127.0.0.1") -> tuple[int, dict, bytes]:
    hdrs = {"Host": f"{host}:{port}" if ":" not in host else f"[{host}]:{port}", "Connection": "close",
            **(headers or {})}
    head = f"{method} {path} HTTP/1.1\r\n" + "".join(f"{k}: {v}\r\n" for k, v in hdrs.items()) + "\r\n"
    return raw(port, head.encode("utf-8") + body, host=host)


def assert_safe_headers(headers: dict) -> None:
    assert headers.get("content-security-policy") == CSP, headers
    assert headers.get("x-content-type-options") == "nosniff"
    assert headers.get("referrer-policy") == "no-referrer" and headers.get("x-frame-options") == "DENY"


# -- request parsing ----------------------------------------------------------------------------

@pytest.mark.parametrize("length, status", [("-1", 400), ("+5", 400), ("1e3", 400), ("0x10", 400), ("5, 5", 400),
                                            ("٣", 400), ("abc", 400), (str(api.MAX_BODY_BYTES + 1), 413)])
def test_bad_content_length_is_refused_before_the_body(port, length, status):
    started = time.monotonic()
    code, headers, body = request(port, "POST", "/api/extract",
                                  {"Content-Type": "text/plain", "Content-Length": length}, b"x" * 1000)
    assert code == status and "error" in json.loads(body)
    assert_safe_headers(headers)
    assert time.monotonic() - started < 5  # answered from the header, nothing read until close


def test_length_problems_are_4xx(port):
    assert request(port, "POST", "/api/extract", {"Content-Type": "text/plain"})[0] == 411
    assert request(port, "POST", "/api/extract", {"Transfer-Encoding": "chunked"}, b"5\r\nhello\r\n0\r\n\r\n")[0] == 411
    head = (f"POST /api/extract HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Length: 4\r\n"
            "Content-Length: 4\r\n\r\nabcd").encode()
    assert raw(port, head)[0] == 400


def test_a_short_body_times_out_as_408(news_db, monkeypatch):
    monkeypatch.setattr(protocol, "BODY_TIMEOUT_S", 1.0)
    httpd, port = start(news_db)
    try:
        started = time.monotonic()
        code, headers, _ = request(port, "POST", "/api/extract", {"Content-Length": "100"}, b"only ten b")
        assert code == 408 and time.monotonic() - started < 5
        assert_safe_headers(headers)
    finally:
        stop(httpd)


@pytest.mark.parametrize("data, status", [
    (b"GET /" + b"a" * 70000 + b" HTTP/1.1\r\n\r\n", 414),
    (b"GET / HTTP/1.1\r\nX-Big: " + b"a" * 70000 + b"\r\n\r\n", 431),
    (b"GET / HTTP/1.1\r\n" + b"".join(b"X-%d: 1\r\n" % i for i in range(150)) + b"\r\n", 431),
    (b"FOO / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", 501),
    (b"GET / HTTP/9.9\r\nHost: 127.0.0.1\r\n\r\n", 505),
    (b"GET / FTP/1.0\r\nHost: 127.0.0.1\r\n\r\n", 400),
    (b"GET\r\n\r\n", 400),
    (b"GET / HTTP/1.1\r\n\r\n", 400),  # no Host
    (b"GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", 400),
])
def test_stdlib_errors_carry_security_headers(port, data, status):
    code, headers, body = raw(port, data)
    assert code == status
    assert_safe_headers(headers)
    assert b"Traceback" not in body


@pytest.mark.parametrize("path", ["/static/%00", "/ui/%00x", "/static/a%00b.js", "/static/..%5cserver.py",
                                  "/api/articles?limit=%C2%B2", "/api/articles?offset=%C2%B2",
                                  "/api/events?limit=%D9%A3", "/api/events?bbox=nan,nan,nan,nan",
                                  "/api/events?bbox=-inf,0,inf,1", "/api/articles/%ff%fe", "/articles/%00",
                                  "/api/events/%ed%a0%80", "/articles?" + "&".join(f"k{i}=1" for i in range(200)),
                                  "/api/articles?since=%00", "/events?until=%C2%B2", "*", "/%"])
def test_malformed_requests_are_4xx(port, path):
    code, headers, body = request(port, "GET", path)
    assert 400 <= code < 500, (path, code, body[:200])
    assert_safe_headers(headers)


@pytest.mark.parametrize("body, ctype", [
    (b'{"text": "Russian forces \\ud800 attacked Kyiv on Monday."}', "application/json"),
    (b'{"text": "ok", "url": "\\udfff"}', "application/json"),
    (b"[" * 100000 + b"]" * 100000, "application/json"),
    (b'{"html": ' + b"[" * 5000 + b"]" * 5000 + b"}", "application/json"),
    (b'["text"]', "application/json"),
    (b'{"text": 5}', "application/json"),
    (b'{"text": "x", "published": 20221119}', "application/json"),
    (b'\xff\xfe{"text": "x"}', "application/json"),
    (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "application/octet-stream"),
])
def test_hostile_extract_bodies_are_4xx(port, body, ctype):
    code, headers, answer = request(port, "POST", "/api/extract", {"Content-Type": ctype,
                                                                   "Content-Length": str(len(body))}, body)
    assert 400 <= code < 500, (code, answer[:300])
    assert set(json.loads(answer)) == {"error"}
    assert_safe_headers(headers)


@pytest.mark.parametrize("charset", ["base64", "rot13"])
def test_a_page_declaring_a_codec_that_is_no_text_encoding_is_extracted(port, charset):
    """The reader ignores a declared charset that is not a web text encoding (read/pages.web_charset)."""
    body = (f'<html><head><meta charset="{charset}"></head><body><article><p>'.encode() + b"Hello world. " * 40
            + b"</p></article></body></html>")
    code, headers, answer = request(port, "POST", "/api/extract", {"Content-Type": "text/html",
                                                                   "Content-Length": str(len(body))}, body)
    assert code == 200, (code, answer[:300])
    assert json.loads(answer)["text"].startswith("Hello world.")
    assert_safe_headers(headers)


@pytest.mark.parametrize("method", ["PUT", "DELETE", "OPTIONS", "PATCH", "TRACE"])
def test_other_methods_are_405_with_allow(port, method):
    code, headers, _ = request(port, method, "/api/articles", {"Content-Length": "0"})
    assert code == 405 and headers["allow"] == "GET, HEAD"
    assert_safe_headers(headers)
    code, headers, _ = request(port, method, "/api/extract")
    assert code == 405 and headers["allow"] == "POST"
    assert request(port, method, "/nowhere")[0] == 404


def test_get_extract_is_405_and_post_elsewhere_too(port):
    code, headers, body = request(port, "GET", "/api/extract")
    assert code == 405 and headers["allow"] == "POST" and "error" in json.loads(body)
    code, headers, _ = request(port, "POST", "/api/articles", {"Content-Length": "2"}, b"{}")
    assert code == 405 and headers["allow"] == "GET, HEAD"
    assert_safe_headers(headers)


def test_keep_alive_survives_a_refused_body(port):
    """A 413/405 leaves the body unread: the server must close, not parse the body as a request."""
    with socket.create_connection(("127.0.0.1", port), timeout=10) as s:
        s.sendall(b"POST /api/articles HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 30\r\n\r\n"
                  b"GET /smuggled HTTP/1.1\r\n\r\n\r\n")
        data = b""
        while chunk := s.recv(65536):
            data += chunk
    assert data.count(b"HTTP/1.1 ") == 1 and b"405" in data.split(b"\r\n")[0]


# -- slow clients and the worker pool ----------------------------------------------------------

def test_a_dribbling_client_is_cut_at_the_header_deadline(news_db, monkeypatch):
    monkeypatch.setattr(protocol, "HEADER_TIMEOUT_S", 1.0)
    httpd, port = start(news_db)
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=10) as s:
            started = time.monotonic()
            closed = False
            for ch in b"GET /articles HTTP/1.1\r\nX-Slow: " + b"a" * 40:
                try:
                    s.sendall(bytes([ch]))
                    time.sleep(0.2)
                    s.setblocking(False)
                    closed = s.recv(1) == b""
                except (BlockingIOError, InterruptedError):
                    pass
                except OSError:
                    closed = True
                finally:
                    s.setblocking(True)
                if closed:
                    break
        assert closed and time.monotonic() - started < 3
    finally:
        stop(httpd)


def test_slow_sockets_do_not_pin_threads(news_db, monkeypatch):
    monkeypatch.setattr(protocol, "HTTP_WORKERS", 3)
    monkeypatch.setattr(protocol, "HTTP_BACKLOG", 2)
    monkeypatch.setattr(protocol, "HEADER_TIMEOUT_S", 2.0)
    before = threading.active_count()
    httpd, port = start(news_db)
    socks = []
    try:
        for _ in range(40):  # each sends half a request line and stalls
            s = socket.create_connection(("127.0.0.1", port), timeout=10)
            s.sendall(b"GET /art")
            socks.append(s)
        time.sleep(0.5)
        assert threading.active_count() <= before + 1 + 3  # serve_forever + the pool, whatever the load
        busy = raw(port, f"GET /articles HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n".encode())
        assert busy[0] == 503 and busy[1]["retry-after"]
        assert_safe_headers(busy[1])
        time.sleep(2.5)  # the stalled ones hit their deadline and free the workers
        assert request(port, "GET", "/api/articles?limit=1")[0] == 200
    finally:
        for s in socks:
            s.close()
        stop(httpd)


# -- binds and Host -----------------------------------------------------------------------------

def test_host_check_on_loopback(port):
    for host, status in (("evil.example", 421), ("127.0.0.1", 200), ("localhost:1", 200), ("[::1]:80", 200),
                         ("127.0.0.2", 200), ("192.168.1.9", 421), ("localhost.", 200)):
        code, headers, _ = request(port, "GET", "/api/articles?limit=1", {"Host": host})
        assert code == status, host
        assert_safe_headers(headers)


def test_ipv6_loopback_bind(news_db):
    try:
        with socket.socket(socket.AF_INET6) as probe:
            probe.bind(("::1", 0))
    except OSError:
        pytest.skip("no IPv6 loopback on this machine")
    httpd, port = start(news_db, host="::1")
    try:
        assert httpd.url() == f"http://[::1]:{port}/"
        code, headers, body = request(port, "GET", "/api/articles?limit=1", host="::1")
        assert code == 200 and json.loads(body)["articles"]
    finally:
        stop(httpd)


def test_public_bind_warns_and_keeps_the_host_check(news_db):
    """`serve --host 0.0.0.0`: a warning on stderr, and a rebinding Host is still refused.
    (Requests go to 127.0.0.1 only.)"""
    code = ("import logging, sys; from factwire.web import server; logging.basicConfig(level=logging.WARNING, "
            "format='%(message)s'); server.serve(sys.argv[1], '0.0.0.0', 0)")
    proc = subprocess.Popen([sys.executable, "-c", code, str(news_db)], stderr=subprocess.PIPE, text=True)
    try:
        lines = [proc.stderr.readline(), proc.stderr.readline()]
        assert "WARNING" in lines[0] and "not a loopback address" in lines[0] and "/api/extract" in lines[0]
        port = int(lines[1].rsplit(":", 1)[1].strip(" /\n"))
        assert request(port, "GET", "/api/articles?limit=1", {"Host": "evil.example"})[0] == 421
        assert request(port, "POST", "/api/extract", {"Host": "rebind.attacker.example", "Content-Length": "2",
                                                       "Content-Type": "application/json"}, b"{}")[0] == 421
        assert request(port, "GET", "/api/articles?limit=1", {"Host": f"127.0.0.1:{port}"})[0] == 200
        assert request(port, "GET", "/api/articles?limit=1", {"Host": f"10.1.2.3:{port}"})[0] == 200  # an IP literal
    finally:
        proc.terminate()
        proc.wait(timeout=10)


# -- data consistency -----------------------------------------------------------------------------

@pytest.fixture(scope="module")
def weird_db(tmp_path_factory) -> Path:
    from factwire.corpus.ingest import ingest

    folder = tmp_path_factory.mktemp("weird_ids")
    lines = [{"id": i, "url": f"https://example.com/{n}", "published": "2022-11-1%d" % n,
              "text": f"Story {n}. Russian forces shelled the town of Example {n} on Monday, officials said. " * 3}
             for n, i in enumerate(WEIRD_IDS)]
    (folder / "pages.jsonl").write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    summary = ingest([folder / "pages.jsonl"], folder / "news.db", progress=False, facts=False)
    assert summary.failures == 0
    return folder / "news.db"


def test_listed_ids_resolve_whatever_their_characters(weird_db):
    httpd, port = start(weird_db)
    try:
        code, _, body = request(port, "GET", "/api/articles?limit=500")
        listed = [a["id"] for a in json.loads(body)["articles"]]
        assert sorted(listed) == sorted(WEIRD_IDS)
        for aid in listed:
            code, _, body = request(port, "GET", "/api/articles/" + quote(aid, safe=""))
            assert code == 200 and json.loads(body)["id"] == aid, aid
            assert request(port, "GET", "/articles/" + quote(aid, safe=""))[0] == 200, aid
        page = request(port, "GET", "/articles?limit=500")[2].decode()
        for aid in listed:  # the list page links to each article by its encoded id
            assert f'href="/articles/{quote(aid, safe="")}"' in page, aid
    finally:
        stop(httpd)


class _WriterBetweenStatements:
    """A connection that lets another writer delete an article right after the first statement
    (the count): without one snapshot, the rows then disagree with the total."""

    def __init__(self, conn, db: Path):
        self.conn, self.db, self.done = conn, db, False

    @property
    def in_transaction(self) -> bool:
        return self.conn.in_transaction

    def execute(self, sql, args=()):
        cur = self.conn.execute(sql, args)
        if sql.startswith("SELECT count(*)") and not self.done:
            import sqlite3

            self.done = True
            cur = _Fetched(cur.fetchall())
            writer = sqlite3.connect(self.db)
            victim = writer.execute("SELECT id FROM articles ORDER BY id LIMIT 1").fetchone()[0]
            writer.execute("DELETE FROM articles WHERE id = ?", (victim,))
            writer.commit()
            writer.close()
        return cur


class _Fetched:
    def __init__(self, rows):
        self.rows = rows

    def fetchone(self):
        return self.rows[0]


def test_count_and_rows_come_from_one_snapshot(weird_db, tmp_path):
    import shutil

    from factwire.corpus import reads
    from factwire.corpus.store import connect

    db = tmp_path / "copy.db"
    shutil.copy(weird_db, db)
    conn = connect(db, readonly=True)
    total, rows = reads.search_articles(_WriterBetweenStatements(conn, db), limit=500)
    assert total == len(rows) == len(WEIRD_IDS)  # the deleted one is still in this snapshot
    total, rows = reads.search_articles(conn, limit=500)
    assert total == len(rows) == len(WEIRD_IDS) - 1
    conn.close()


def test_events_are_filtered_and_paged_in_sql(port, monkeypatch):
    from factwire.corpus import reads
    from factwire.corpus.query import filter_events

    every = json.loads(request(port, "GET", "/api/events?limit=500")[2])["events"]

    def load_everything(*a, **kw):
        raise AssertionError("/api/events must not load every corpus event")

    monkeypatch.setattr(reads, "corpus_events", load_everything)
    for params in ({}, {"type": "explosions/remote VIOLENCE"}, {"country": "ua", "since": "2022-11-16"},
                   {"actor": "RUSSIA"}, {"bbox": "30,45,37,51"}, {"until": "2022-11-15"},
                   {"since": "2022-11-17", "until": "2022-11-17", "sub_type": "Air/drone strike"}):
        want = [e["id"] for e in filter_events(every, **params)]
        for limit, offset in ((500, 0), (2, 1)):
            q = "&".join(f"{k}={quote(v)}" for k, v in {**params, "limit": str(limit), "offset": str(offset)}.items())
            got = json.loads(request(port, "GET", "/api/events?" + q)[2])
            assert got["total"] == len(want), params
            assert [e["id"] for e in got["events"]] == want[offset:offset + limit], params
        html = request(port, "GET", "/events?" + "&".join(f"{k}={quote(v)}" for k, v in params.items()))[2].decode()
        start = html.index('<script type="application/json" id="events-data">') + 49
        chart = json.loads(html[start:html.index("</script>", start)])
        assert [e["id"] for e in chart["events"]] == want, params  # the charts cover the whole filter
