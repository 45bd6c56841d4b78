"""`factwire serve`: the web UI and JSON API over a corpus database, read-only, on 127.0.0.1.

Stack decision: the standard library's `http.server`, under factwire's own HTTP layer
(`protocol.py`: a bounded worker pool, read deadlines, strict lengths, security headers on every
answer). factwire's runtime deps stay as they are (Jinja2 comes with spaCy already); ten routes
need a regex table, not a framework; and a stdlib server has no interactive-docs assets to
vendor: /api/docs is a server-rendered page of the hand-written OpenAPI document
(`openapi.py`). What we give up: ASGI speed and generated schemas, neither of which a single
analyst's local UI needs. Nothing was benchmarked.

Safety: binds 127.0.0.1 unless told otherwise, and on any bind refuses requests whose Host
header is not one this machine answers to (DNS rebinding: an attacker's page can only reach us
under the attacker's own domain name, never under an IP literal or our loopback/host names); a
non-loopback bind prints a warning (the UI and `POST /api/extract` are then open to the
network). The database is opened `mode=ro` per request, and counts and rows of a page are read
in one snapshot; errors are one-line JSON (or a small page) and tracebacks go only to the log.
"""
from __future__ import annotations

import ipaddress
import json
import logging
import mimetypes
import re
import socket
import sqlite3
import time
from collections.abc import Callable
from contextlib import closing
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, unquote, urlsplit

from factwire.errors import BadParam, HttpError, MissingDatabase
from factwire.web import api, data, pages
from factwire.web.openapi import spec
from factwire.web.protocol import CSP, SECURITY_HEADERS, Answer, PooledHTTPServer, StrictHandler

log = logging.getLogger("factwire.web")

HERE = Path(__file__).parent
ASSET_DIRS = {"static": HERE / "static", "ui": HERE / "ui"}
LOOPBACK_NAMES = frozenset({"localhost", "localhost.localdomain", "ip6-localhost", "ip6-loopback"})
#: One path segment (an id), still percent-encoded: any id the store holds can be asked for.
ID = r"([^/]{1,1000})"
#: Query parameters accepted per request (more is a 400, not a parse of an attacker's 10 MB).
MAX_PARAMS = 50
#: Characters never part of a file name we serve (NUL, controls, backslash).
_BAD_ASSET_CHARS = re.compile(r"[\x00-\x1f\x7f\\]")

Response = Answer  # status, content type, body


def _json(status: int, body: Any) -> Response:
    return status, "application/json; charset=utf-8", json.dumps(body, ensure_ascii=False).encode("utf-8")


def _html(status: int, text: str) -> Response:
    return status, "text/html; charset=utf-8", text.encode("utf-8")


def _found(value: Any, what: str) -> Any:
    if value is None:
        raise HttpError(404, f"no {what}")
    return value


#: (method, path regex over the raw path, handler(conn, params, *ids) -> Response). A None
#: handler is answered by the Handler itself (it needs the request body). Order matters.
ROUTES: list[tuple[str, re.Pattern, Callable[..., Response] | None]] = [
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
    ("POST", re.compile(r"/api/extract"), None),
]


def route(method: str, path: str) -> tuple[Callable[..., Response] | None, tuple[str, ...]]:
    """The handler and (decoded) path ids for a request on the raw `path`, or HttpError 404/405."""
    allowed = False
    for m, pattern, handler in ROUTES:
        match = pattern.fullmatch(path)
        if match:
            if m == method:
                return handler, tuple(unquote(g) for g in match.groups())
            allowed = True
    raise HttpError(405 if allowed else 404, "method not allowed" if allowed else "not found")


def allowed_methods(path: str) -> list[str]:
    """The methods answered at a raw path (the Allow header of a 405)."""
    if unquote(path).startswith(("/static/", "/ui/")):
        return ["GET", "HEAD"]
    methods = {m for m, pattern, _ in ROUTES if pattern.fullmatch(path)}
    if "GET" in methods:
        methods.add("HEAD")
    return sorted(methods)


def asset(path: str) -> Response | None:
    """A file under static/ or ui/ (no traversal, no dotfiles, no control characters), or None."""
    if _BAD_ASSET_CHARS.search(path):
        return None
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


def query_params(query: str) -> dict[str, str]:
    """The query string as a dict (last value wins); too many fields is a 400."""
    try:
        return dict(parse_qsl(query, keep_blank_values=True, max_num_fields=MAX_PARAMS))
    except ValueError:
        raise BadParam(f"too many query parameters (at most {MAX_PARAMS})") from None


def host_name(value: str) -> str:
    """The name in a Host header, lower-case, without port, brackets or a trailing dot."""
    value = value.strip().lower()
    if value.startswith("["):
        return value[1:value.find("]")] if "]" in value else ""
    if value.count(":") == 1:
        value = value.rsplit(":", 1)[0]
    return value.rstrip(".")


def is_loopback(host: str) -> bool:
    """Whether a bind address or Host name is this machine's loopback."""
    host = host.strip("[]").lower()
    if host in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def own_names(bind_host: str) -> frozenset[str]:
    """Host names a non-loopback server answers to: loopback names, this machine's names, and the
    name it was bound by (an IP literal is always accepted: DNS rebinding needs a name)."""
    names = {*LOOPBACK_NAMES, socket.gethostname().lower(), socket.getfqdn().lower(), bind_host.lower()}
    return frozenset(n.rstrip(".") for n in names if n)


class Handler(StrictHandler):
    """One request: Host check, route, answer; no traceback ever leaves."""

    server: FactwireServer

    def do_GET(self) -> None:
        self._handle("GET")

    def do_HEAD(self) -> None:
        self._handle("HEAD")

    def do_POST(self) -> None:
        self._handle("POST")

    def allowed_methods(self, path: str) -> list[str]:
        return allowed_methods(path)

    def error_body(self, status: int, message: str) -> Answer:
        message = " ".join(str(message).split())
        if (getattr(self, "path", "") or "").startswith("/api/"):
            return _json(status, {"error": message})
        return _html(status, pages.error_page(status, message))

    def _handle(self, method: str) -> None:
        started = time.monotonic()
        try:
            status, ctype, body = self._dispatch(method)
        except HttpError as exc:  # BadParam included (400)
            status = exc.status
            self.answer_error(exc)
        except Exception:  # noqa: BLE001 - logged in full here, one line to the client
            log.exception("error answering %s %s", method, self.path)
            status = 500
            self.answer_error(HttpError(500, "internal error (see the server log)"))
        else:
            location = {"Location": body.decode()} if status == 302 else None
            self.send_answer(status, ctype, body, headers=location)
        log.info("%s %s %d %.0f ms", method, self.path, status, (time.monotonic() - started) * 1000)

    def _dispatch(self, method: str) -> Response:
        self._check_host()
        url = urlsplit(self.path)
        if method in ("GET", "HEAD") and unquote(url.path).startswith(("/static/", "/ui/")):
            return _found(asset(unquote(url.path)), "file")
        handler, ids = route("GET" if method == "HEAD" else method, url.path)
        if handler is None:
            return self._extract()
        params = query_params(url.query)
        with self.server.connect() as conn:
            result = handler(conn, params, *ids)
        if result[0] == 302:
            return 302, "text/plain; charset=utf-8", result[1].encode()
        return result

    def _check_host(self) -> None:
        """Only Host names this machine answers to (no DNS rebinding); IP literals always pass."""
        values = self.headers.get_all("Host") or []
        if len(values) != 1:
            raise HttpError(400, "exactly one Host header is required")
        name = host_name(values[0])
        try:
            address = ipaddress.ip_address(name)
        except ValueError:
            address = None
        if address is not None:
            if self.server.loopback and not address.is_loopback:
                raise HttpError(421, "unexpected Host header")
            return
        if name not in self.server.host_names:
            raise HttpError(421, "unexpected Host header")

    def _extract(self) -> Response:
        """POST /api/extract: the body read under its limits, then extracted under ingest's."""
        body = self.read_body(api.MAX_BODY_BYTES)
        return _json(200, api.extract(body, self.headers.get("Content-Type") or "", self.server.extract_timeout))


class FactwireServer(PooledHTTPServer):
    """The HTTP server holding the database path; one read-only connection per request."""

    def __init__(self, db: str | Path, host: str = "127.0.0.1", port: int = 8080,
                 extract_timeout: float | None = None):
        self.db = Path(db)
        if not self.db.is_file():
            raise MissingDatabase(self.db)
        with closing(data.connect_ro(self.db)) as conn:  # fail fast: not a corpus database
            data.sites(conn)
        self.loopback = is_loopback(host)
        self.host_names = LOOPBACK_NAMES if self.loopback else own_names(host)
        self.extract_timeout = api.EXTRACT_TIMEOUT_S if extract_timeout is None else extract_timeout
        super().__init__((host.strip("[]"), port), Handler)

    def connect(self) -> _Conn:
        return _Conn(self.db)

    def url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://[{host}]:{port}/" if ":" in host else f"http://{host}:{port}/"


class _Conn:
    """`with server.connect() as conn`: a read-only connection closed afterwards."""

    def __init__(self, db: Path):
        self.conn = data.connect_ro(db)

    def __enter__(self) -> sqlite3.Connection:
        return self.conn

    def __exit__(self, *exc: Any) -> None:
        self.conn.close()


EXPOSED_WARNING = ("factwire: WARNING: serving on {host}, which is not a loopback address: anyone who can "
                   "reach this machine can read the corpus and run POST /api/extract. Requests must name "
                   "this machine (Host header: its IP address or one of {names}). Use --host 127.0.0.1 to "
                   "keep it local.")


def serve(db: str | Path, host: str = "127.0.0.1", port: int = 8080) -> None:
    """Run until interrupted (Ctrl-C); warn when the bind is not loopback."""
    httpd = FactwireServer(db, host, port)
    if not httpd.loopback:
        log.warning(EXPOSED_WARNING.format(host=host, names=", ".join(sorted(httpd.host_names))))
    log.warning("factwire: serving %s on %s", db, httpd.url())
    try:
        httpd.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        httpd.server_close()


__all__ = ["CSP", "SECURITY_HEADERS", "FactwireServer", "serve"]
