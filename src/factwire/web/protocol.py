"""The HTTP layer under `factwire serve`: a strict request reader and a bounded worker pool.

Why not the stdlib's `ThreadingHTTPServer` as it comes: it starts one thread per connection
and reads with no time limit, so 1,000 slow sockets held 1,003 threads; its own error pages
(400, 414, 431, 501) carry none of our security headers; and `Content-Length: -1` was read as
"read until the client closes" (a 300 MB body got past the 5 MB limit). Here:

- a fixed pool of `HTTP_WORKERS` threads serves connections, at most `HTTP_BACKLOG` more wait,
  and any further connection gets an immediate 503 (threads stay bounded whatever clients do);
- every read of a request has a deadline (`HEADER_TIMEOUT_S` for the request line and headers,
  idle keep-alive time included; `BODY_TIMEOUT_S` for a body), enforced per socket read, so a
  client dribbling one byte at a time cannot hold a worker past it;
- `Content-Length` must be plain ASCII digits (else 400), and a body is read only when the
  handler asks for one of a size it accepts;
- every response, the stdlib's own error answers included, goes through `send_answer`, which
  adds `SECURITY_HEADERS`.

The numbers are for one analyst's local UI on a small machine; see each constant.
"""
from __future__ import annotations

import logging
import re
import socket
import threading
from concurrent.futures import ThreadPoolExecutor
from http.server import BaseHTTPRequestHandler, HTTPServer
from time import monotonic
from typing import Any

from factwire.errors import HttpError

log = logging.getLogger("factwire.web")

#: Connections served at once. Pages take milliseconds; 16 keeps a browser's parallel asset
#: requests plus a few API scripts from queueing, at 16 threads' memory (~8 MB stacks, lazily).
HTTP_WORKERS = 16
#: Accepted connections allowed to wait for a worker; beyond them, 503 at once.
HTTP_BACKLOG = 64
#: Seconds for a request line and its headers (and for a keep-alive connection to send one).
HEADER_TIMEOUT_S = 10.0
#: Seconds to receive a request body (5 MB at ~0.5 MB/s: slow links still fit).
BODY_TIMEOUT_S = 30.0
#: Seconds a response may take to be accepted by the client's socket.
WRITE_TIMEOUT_S = 30.0
#: Largest chunk read from the socket at once.
READ_CHUNK = 65536

CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
       "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'")
SECURITY_HEADERS = {"Content-Security-Policy": CSP, "X-Content-Type-Options": "nosniff",
                    "Referrer-Policy": "no-referrer", "X-Frame-Options": "DENY",
                    "Cross-Origin-Resource-Policy": "same-origin", "Cache-Control": "no-store"}
#: Methods a client may send that no route takes: 405 with an Allow header, not 501.
OTHER_METHODS = ("PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "CONNECT")
_DIGITS = re.compile(r"[0-9]{1,18}")

Answer = tuple[int, str, bytes]  # status, content type, body


class DeadlineReader:
    """A request's reads with one deadline: each socket read gets the time that is left, and a
    read after the deadline raises TimeoutError (a dribbling client cannot reset the clock)."""

    def __init__(self, raw: Any, sock: socket.socket, deadline: float):
        self.raw, self.sock, self.deadline = raw, sock, deadline

    def start(self, seconds: float) -> None:
        self.deadline = monotonic() + seconds

    def _arm(self) -> None:
        left = self.deadline - monotonic()
        if left <= 0:
            raise TimeoutError("request read deadline passed")
        self.sock.settimeout(left)

    def readline(self, limit: int = -1) -> bytes:
        """One line, at most `limit` bytes; one socket read per step, each under the deadline."""
        out = bytearray()
        while limit < 0 or len(out) < limit:
            self._arm()
            chunk = self.raw.peek(1)
            if not chunk:
                break
            room = len(chunk) if limit < 0 else min(len(chunk), limit - len(out))
            end = chunk.find(b"\n", 0, room)
            take = end + 1 if end >= 0 else room
            out += self.raw.read(take)
            if end >= 0:
                break
        return bytes(out)

    def read(self, size: int = -1) -> bytes:
        """Exactly `size` bytes, or fewer if the client closed; `size` < 0 is refused (no
        read-until-close: that is what let an unbounded body in)."""
        if size < 0:
            raise ValueError("a request body is read only with a known length")
        out = bytearray()
        while len(out) < size:
            self._arm()
            chunk = self.raw.read1(min(READ_CHUNK, size - len(out)))
            if not chunk:
                break
            out += chunk
        return bytes(out)

    def close(self) -> None:
        self.raw.close()


def error_answer(status: int, message: str, api: bool) -> Answer:
    """The body of an error: one-line JSON for the API, else a small escaped HTML page."""
    import json
    from html import escape

    message = " ".join(str(message).split())
    if api:
        return status, "application/json; charset=utf-8", json.dumps({"error": message}).encode()
    page = (f"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{status}</title></head>"
            f"<body><h1>{status}</h1><p>{escape(message)}</p></body></html>")
    return status, "text/html; charset=utf-8", page.encode()


class StrictHandler(BaseHTTPRequestHandler):
    """Request reading and answering for every route: deadlines, strict lengths, 405s, and
    security headers on every answer (the stdlib's own error answers included).

    Subclasses implement `allowed_methods(path)` and the `do_GET`/`do_HEAD`/`do_POST` they serve,
    and may override `error_body`."""

    server_version = "factwire"
    sys_version = ""
    protocol_version = "HTTP/1.1"
    #: A request line without a version is answered with a status line and headers anyway
    #: (the stdlib default, HTTP/0.9, would send a bare body: no security headers).
    default_request_version = "HTTP/1.0"
    rfile: DeadlineReader  # type: ignore[assignment]
    body_read = False

    def setup(self) -> None:
        """The first request's clock starts when the connection was accepted: time spent
        waiting for a worker counts, so stalled connections queued behind others expire
        instead of each holding a worker for a full deadline in turn."""
        super().setup()
        accepted = getattr(self.server, "accepted_at", monotonic)()
        self.rfile = DeadlineReader(self.rfile, self.connection, accepted + HEADER_TIMEOUT_S)
        self.requests_read = 0

    def handle_one_request(self) -> None:
        if self.requests_read:
            self.rfile.start(HEADER_TIMEOUT_S)  # a keep-alive connection's next request
        self.requests_read += 1
        self.body_read = False
        super().handle_one_request()

    # -- what subclasses give -------------------------------------------------------------

    def allowed_methods(self, path: str) -> list[str]:
        """The methods some route takes at `path` (empty: no such path)."""
        return []

    def error_body(self, status: int, message: str) -> Answer:
        return error_answer(status, message, api=(getattr(self, "path", "") or "").startswith("/api/"))

    # -- answering ------------------------------------------------------------------------

    def send_answer(self, status: int, ctype: str, body: bytes, headers: dict[str, str] | None = None) -> None:
        """Status, SECURITY_HEADERS, `headers`, then the body (none for HEAD)."""
        self.connection.settimeout(WRITE_TIMEOUT_S)
        if getattr(self, "headers", None) is not None and self.has_body() and not self.body_read:
            self.close_connection = True  # an unread body must not be parsed as the next request
        self.send_response(status)
        for name, value in {**SECURITY_HEADERS, **(headers or {})}.items():
            self.send_header(name, value)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        if self.close_connection:
            self.send_header("Connection", "close")
        self.end_headers()
        if body and self.command != "HEAD":
            self.wfile.write(body)

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        """The stdlib's error path (bad request line 400, 414, 431, 501, ...) through `send_answer`."""
        from http import HTTPStatus

        self.close_connection = True
        status, ctype, body = self.error_body(code, message or HTTPStatus(code).phrase)
        self.send_answer(status, ctype, body)

    def answer_error(self, exc: HttpError) -> None:
        """An HttpError as an answer; a 405 names the allowed methods."""
        headers = {}
        if exc.status == 405:
            headers["Allow"] = ", ".join(self.allowed_methods(self.path.split("?", 1)[0]))
        self.send_answer(*self.error_body(exc.status, exc.message), headers=headers)

    def not_allowed(self) -> None:
        """PUT, DELETE, OPTIONS, ...: 405 with Allow where a route exists, else 404."""
        exists = bool(self.allowed_methods(self.path.split("?", 1)[0]))
        self.answer_error(HttpError(405, "method not allowed") if exists else HttpError(404, "not found"))

    # -- reading a body -------------------------------------------------------------------

    def has_body(self) -> bool:
        """Whether the request announces a body (a route that reads none leaves it unread)."""
        return bool(self.headers.get("Transfer-Encoding")) or (self.headers.get("Content-Length") or "0") != "0"

    def content_length(self, limit: int) -> int:
        """The declared body length: ASCII digits only and at most `limit`, else 400/411/413
        (the body then stays unread, so `send_answer` closes the connection)."""
        values = self.headers.get_all("Content-Length") or []
        if self.headers.get("Transfer-Encoding"):
            raise HttpError(411, "Transfer-Encoding is not supported: send a Content-Length")
        if not values:
            raise HttpError(411, "Content-Length required")
        if len(values) > 1 or not _DIGITS.fullmatch(values[0].strip()):
            raise HttpError(400, "Content-Length must be one non-negative integer")
        length = int(values[0].strip())
        if length > limit:
            raise HttpError(413, f"body larger than {limit // 2**20} MB")
        return length

    def read_body(self, limit: int) -> bytes:
        """The body, read under `BODY_TIMEOUT_S`; a short body is a 400."""
        length = self.content_length(limit)
        self.rfile.start(BODY_TIMEOUT_S)
        try:
            body = self.rfile.read(length)
        except TimeoutError:
            raise HttpError(408, f"request body not received within {BODY_TIMEOUT_S:g} s") from None
        if len(body) != length:
            raise HttpError(400, "request body shorter than its Content-Length")
        self.body_read = True
        return body

    def log_message(self, format: str, *args: Any) -> None:
        log.debug(format, *args)


for _method in OTHER_METHODS:
    setattr(StrictHandler, f"do_{_method}", StrictHandler.not_allowed)


def address_family(host: str) -> socket.AddressFamily:
    """AF_INET6 for an IPv6 address or a name resolving only to one (`::1`), else AF_INET."""
    infos = socket.getaddrinfo(host, None, type=socket.SOCK_STREAM)
    families = [info[0] for info in infos]
    return socket.AF_INET if socket.AF_INET in families else families[0]


_BUSY = b"".join([b"HTTP/1.1 503 Service Unavailable\r\n",
                  *(f"{k}: {v}\r\n".encode() for k, v in SECURITY_HEADERS.items()),
                  b"Retry-After: 1\r\nContent-Type: application/json; charset=utf-8\r\n",
                  b"Content-Length: 29\r\nConnection: close\r\n\r\n", b'{"error": "server too busy"}\n'])


class PooledHTTPServer(HTTPServer):
    """An HTTPServer whose connections run on a fixed thread pool, with a bounded wait list."""

    request_queue_size = 128  # the kernel's accept queue; the wait list below is what bounds threads

    def __init__(self, address: tuple[str, int], handler: type[StrictHandler]):
        self.address_family = address_family(address[0])
        self._pool = ThreadPoolExecutor(HTTP_WORKERS, thread_name_prefix="http")
        self._slots = threading.BoundedSemaphore(HTTP_WORKERS + HTTP_BACKLOG)
        self._local = threading.local()
        super().__init__(address, handler)

    def accepted_at(self) -> float:
        """When the connection this worker thread serves was accepted (monotonic clock)."""
        return getattr(self._local, "accepted", None) or monotonic()

    def process_request(self, request: Any, client_address: Any) -> None:
        if not self._slots.acquire(blocking=False):
            self._refuse(request)
            return
        self._pool.submit(self._serve, request, client_address, monotonic())

    def _serve(self, request: Any, client_address: Any, accepted: float) -> None:
        self._local.accepted = accepted
        try:
            self.finish_request(request, client_address)
        except Exception:  # noqa: BLE001 - a broken connection: logged, the worker goes on
            self.handle_error(request, client_address)
        finally:
            self.shutdown_request(request)
            self._slots.release()

    def _refuse(self, request: socket.socket) -> None:
        """503 without reading the request; never blocks the accept loop for long."""
        try:
            request.settimeout(0.5)
            request.sendall(_BUSY)
        except OSError:
            pass
        self.shutdown_request(request)

    def handle_error(self, request: Any, client_address: Any) -> None:
        log.warning("connection from %s failed", client_address, exc_info=True)

    def server_close(self) -> None:
        super().server_close()
        self._pool.shutdown(wait=False, cancel_futures=True)
