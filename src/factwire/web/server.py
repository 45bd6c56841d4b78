"""`factwire serve`: the web UI and JSON API over a corpus database, read-only, on 127.0.0.1.

Stack decision: the standard library's `ThreadingHTTPServer`. factwire's runtime deps stay as
they are (Jinja2 comes with spaCy already); ten routes need a regex table, not a framework; and
a stdlib server has no interactive-docs assets to vendor: /api/docs is a server-rendered page
of the hand-written OpenAPI document (`openapi.py`). What we give up: ASGI speed and generated
schemas, neither of which a single analyst's local UI needs. Nothing was benchmarked.

Safety: binds 127.0.0.1 unless told otherwise; when bound to loopback it also refuses requests
whose Host header is not a loopback name (DNS rebinding); the database is opened `mode=ro` per
request; every response carries CSP, nosniff and no-referrer headers; errors are one-line JSON
(or a small page) and tracebacks go only to the server log.
"""
from __future__ import annotations

import json
import logging
import mimetypes
import re
import sqlite3
import time
from collections.abc import Callable
from contextlib import closing
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, unquote, urlsplit

from factwire.errors import HttpError
from factwire.web import api, data, pages
from factwire.web.openapi import spec

log = logging.getLogger("factwire.web")

HERE = Path(__file__).parent
ASSET_DIRS = {"static": HERE / "static", "ui": HERE / "ui"}
CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
       "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'")
SECURITY_HEADERS = {"Content-Security-Policy": CSP, "X-Content-Type-Options": "nosniff",
                    "Referrer-Policy": "no-referrer", "X-Frame-Options": "DENY"}
LOOPBACK_NAMES = {"127.0.0.1", "localhost", "::1", "[::1]"}
ID = r"([A-Za-z0-9._-]{1,200})"

Response = tuple[int, str, bytes]  # status, content type, body


def _json(status: int, body: Any) -> Response:
    return status, "application/json; charset=utf-8", json.dumps(body, ensure_ascii=False).encode("utf-8")


def _html(status: int, text: str) -> Response:
    return status, "text/html; charset=utf-8", text.encode("utf-8")


def _found(value: Any, what: str) -> Any:
    if value is None:
        raise HttpError(404, f"no {what}")
    return value


#: (method, path regex, handler(conn, params, *groups) -> Response). Order matters.
ROUTES: list[tuple[str, re.Pattern, Callable[..., Response]]] = [
    ("GET", re.compile(r"/"), lambda c, p: (302, "/articles", b"")),
    ("GET", re.compile(r"/articles"), lambda c, p: _html(200, pages.articles_page(c, p))),
    ("GET", re.compile(rf"/articles/{ID}"), lambda c, p, i: _html(200, _found(pages.article_page(c, i), "article"))),
    ("GET", re.compile(r"/events"), lambda c, p: _html(200, pages.events_page(c, p))),
    ("GET", re.compile(rf"/events/{ID}"), lambda c, p, i: _html(200, _found(pages.event_page(c, i), "event"))),
    ("GET", re.compile(r"/api/?"), lambda c, p: (302, "/api/docs", b"")),
    ("GET", re.compile(r"/api/docs"), lambda c, p: _html(200, pages.render("apidocs.html", spec=spec()))),
    ("GET", re.compile(r"/api/openapi\.json"), lambda c, p: _json(200, spec())),
    ("GET", re.compile(r"/api/articles"), lambda c, p: _json(200, api.articles(c, p))),
    ("GET", re.compile(rf"/api/articles/{ID}"), lambda c, p, i: _json(200, api.article(c, i))),
    ("GET", re.compile(r"/api/events"), lambda c, p: _json(200, api.events(c, p))),
    ("GET", re.compile(rf"/api/events/{ID}"), lambda c, p, i: _json(200, api.event(c, i))),
]


def route(method: str, path: str) -> tuple[Callable[..., Response], tuple[str, ...]]:
    """The handler and path groups for a request, or HttpError 404/405."""
    allowed = False
    for m, pattern, handler in ROUTES:
        match = pattern.fullmatch(path)
        if match:
            if m == method:
                return handler, match.groups()
            allowed = True
    raise HttpError(405 if allowed else 404, "method not allowed" if allowed else "not found")


def asset(path: str) -> Response | None:
    """A file under static/ or ui/ (no traversal, no dotfiles), or None."""
    parts = path.strip("/").split("/")
    base = ASSET_DIRS.get(parts[0])
    if base is None or len(parts) < 2 or any(p in ("", ".", "..") or p.startswith(".") for p in parts[1:]):
        return None
    file = base.joinpath(*parts[1:]).resolve()
    if not file.is_file() or base.resolve() not in file.parents:
        return None
    ctype = mimetypes.guess_type(file.name)[0] or "application/octet-stream"
    if ctype.startswith("text/") or ctype.endswith(("javascript", "json")):
        ctype += "; charset=utf-8"
    return 200, ctype, file.read_bytes()


class Handler(BaseHTTPRequestHandler):
    """One request: route it, answer with security headers; no traceback ever leaves."""

    server: FactwireServer
    server_version = "factwire"
    sys_version = ""
    protocol_version = "HTTP/1.1"

    def do_GET(self) -> None:
        self._handle("GET")

    def do_HEAD(self) -> None:
        self._handle("HEAD")

    def do_POST(self) -> None:
        self._handle("POST")

    def _handle(self, method: str) -> None:
        started = time.monotonic()
        url = urlsplit(self.path)
        api_call = url.path.startswith("/api/")
        try:
            status, ctype, body = self._dispatch(method, url.path, url.query)
        except HttpError as exc:  # BadParam included (400)
            status, ctype, body = self._error(api_call, exc.status, exc.message)
        except Exception:  # noqa: BLE001 - logged in full here, one line to the client
            log.exception("error answering %s %s", method, self.path)
            status, ctype, body = self._error(api_call, 500, "internal error (see the server log)")
        self._send(status, ctype, b"" if method == "HEAD" else body, location=body.decode() if status == 302 else None)
        log.info("%s %s %d %.0f ms", method, self.path, status, (time.monotonic() - started) * 1000)

    def _dispatch(self, method: str, path: str, query: str) -> Response:
        self._check_host()
        path = unquote(path)
        if method == "POST" and path == "/api/extract":
            return self._extract()
        if method in ("GET", "HEAD") and path.startswith(("/static/", "/ui/")):
            return _found(asset(path), "file")
        handler, groups = route("GET" if method == "HEAD" else method, path)
        params = dict(parse_qsl(query, keep_blank_values=True))
        with self.server.connect() as conn:
            result = handler(conn, params, *groups)
        if result[0] == 302:
            return 302, "text/plain; charset=utf-8", result[1].encode()
        return result

    def _check_host(self) -> None:
        """Loopback servers answer loopback Host names only (no DNS rebinding)."""
        if self.server.loopback:
            host = self.headers.get("Host") or ""
            host = host.split("]")[0] + "]" if host.startswith("[") else host.rsplit(":", 1)[0]
            if host not in LOOPBACK_NAMES:
                raise HttpError(421, "unexpected Host header")

    def _extract(self) -> Response:
        """POST /api/extract with the body limit checked before reading."""
        try:
            length = int(self.headers.get("Content-Length") or "")
        except ValueError:
            raise HttpError(411, "Content-Length required") from None
        if length > api.MAX_BODY_BYTES:
            self.close_connection = True
            raise HttpError(413, f"body larger than {api.MAX_BODY_BYTES // 2**20} MB")
        body = self.rfile.read(length)
        return _json(200, api.extract(body, self.headers.get("Content-Type") or "", self.server.extract_timeout))

    def _error(self, api_call: bool, status: int, message: str) -> Response:
        message = " ".join(str(message).split())
        if api_call:
            return _json(status, {"error": message})
        return _html(status, pages.error_page(status, message))

    def _send(self, status: int, ctype: str, body: bytes, location: str | None = None) -> None:
        self.send_response(status)
        for name, value in SECURITY_HEADERS.items():
            self.send_header(name, value)
        if location:
            self.send_header("Location", location)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        if self.close_connection:
            self.send_header("Connection", "close")
        self.end_headers()
        if body:
            self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        log.debug(format, *args)


class FactwireServer(ThreadingHTTPServer):
    """The HTTP server holding the database path; one read-only connection per request."""

    daemon_threads = True

    def __init__(self, db: str | Path, host: str = "127.0.0.1", port: int = 8080,
                 extract_timeout: float = api.EXTRACT_TIMEOUT_S):
        self.db = Path(db)
        if not self.db.is_file():
            raise FileNotFoundError(f"database not found: {self.db}")
        with closing(data.connect_ro(self.db)) as conn:  # fail fast: not a corpus database
            data.sites(conn)
        self.loopback = host in ("127.0.0.1", "localhost", "::1")
        self.extract_timeout = extract_timeout
        super().__init__((host, port), Handler)

    def connect(self) -> _Conn:
        return _Conn(self.db)


class _Conn:
    """`with server.connect() as conn`: a read-only connection closed afterwards."""

    def __init__(self, db: Path):
        self.conn = data.connect_ro(db)

    def __enter__(self) -> sqlite3.Connection:
        return self.conn

    def __exit__(self, *exc: Any) -> None:
        self.conn.close()


def serve(db: str | Path, host: str = "127.0.0.1", port: int = 8080) -> None:
    """Run until interrupted (Ctrl-C)."""
    httpd = FactwireServer(db, host, port)
    log.warning("factwire: serving %s on http://%s:%d/", db, host, httpd.server_address[1])
    try:
        httpd.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        httpd.server_close()
