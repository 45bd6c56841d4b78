"""JSON API of `factwire serve` (under /api/), and `POST /api/extract`.

Handlers return (status, JSON-able body). `extract` runs a page with ingest's limits: the
pipeline's own per-page time limit (`pipeline.DEFAULT_TIMEOUT_S`, what `ingest` uses) and a body
no larger than `MAX_BODY_BYTES` (below ingest's page limit). It runs on a small pool with a
bounded number of slots: a slot is held until the extraction really ends, so pages that outrun
their limit fill the slots and later requests get 503 at once instead of piling up threads;
the request itself waits at most the time limit plus `EXTRACT_GRACE_S` (then 504).
"""
from __future__ import annotations

import json
import logging
import sqlite3
import threading
from concurrent.futures import Future, ThreadPoolExecutor, TimeoutError as FutureTimeout
from typing import Any

from factwire.errors import ExtractionError, HttpError
from factwire.pipeline import DEFAULT_TIMEOUT_S
from factwire.web import data

log = logging.getLogger(__name__)

#: Largest request body accepted (413 above it).
MAX_BODY_BYTES = 5 * 2**20
#: Time limit of one POST /api/extract, seconds: ingest's per-page limit.
EXTRACT_TIMEOUT_S = DEFAULT_TIMEOUT_S
#: Seconds the request waits past the time limit for the pipeline to give up by itself (504 after).
EXTRACT_GRACE_S = 2.0
#: Concurrent extractions (2 cores; more would just queue behind spaCy).
EXTRACT_WORKERS = 2
#: Extractions allowed to wait for a worker; beyond them, 503.
EXTRACT_QUEUE = 4

_POOL = ThreadPoolExecutor(max_workers=EXTRACT_WORKERS, thread_name_prefix="extract")
_SLOTS = threading.BoundedSemaphore(EXTRACT_WORKERS + EXTRACT_QUEUE)


def articles(conn: sqlite3.Connection, params: dict[str, str]) -> dict[str, Any]:
    return data.list_articles(conn, params)


def article(conn: sqlite3.Connection, article_id: str) -> dict[str, Any]:
    rec = data.get_article(conn, article_id)
    if rec is None:
        raise HttpError(404, f"no article {article_id!r}")
    rec.pop("event_ids", None)
    return rec


def events(conn: sqlite3.Connection, params: dict[str, str]) -> dict[str, Any]:
    return data.list_events(conn, params)


def event(conn: sqlite3.Connection, event_id: str) -> dict[str, Any]:
    ev = data.get_event(conn, event_id)
    if ev is None:
        raise HttpError(404, f"no event {event_id!r}")
    return ev


def _checked_str(obj: dict[str, Any], key: str) -> str | None:
    """A string field of the JSON body, or None; not a string, or holding a lone surrogate
    (JSON's "\\ud800" escape: not text), is a 400."""
    value = obj.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise HttpError(400, f"{key} must be a string")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise HttpError(400, f"{key} holds a lone surrogate escape (not valid Unicode text)") from None
    return value


def parse_extract_body(body: bytes, content_type: str) -> dict[str, Any]:
    """The body as extract's arguments: JSON {"html"|"text", "url"?, "published"?}, or raw
    HTML/text (detected by the pipeline)."""
    if content_type.split(";")[0].strip().lower() != "application/json":
        if not body.strip():
            raise HttpError(400, "empty body: send HTML or text, or JSON {\"html\"|\"text\": ...}")
        return {"data": body}
    try:
        obj = json.loads(body)
    except (ValueError, UnicodeDecodeError) as exc:
        raise HttpError(400, f"body is not valid JSON: {' '.join(str(exc).split())}") from None
    except RecursionError:
        raise HttpError(400, "body is not valid JSON: nested too deep") from None
    if not isinstance(obj, dict):
        raise HttpError(400, 'JSON body must be an object {"html"|"text": ...}')
    key = "html" if obj.get("html") else "text"
    content = _checked_str(obj, key)
    if not content or not content.strip():
        raise HttpError(400, 'JSON body needs a non-empty "html" or "text" string')
    args: dict[str, Any] = {"data": content, "input_kind": key}
    args["url"] = _checked_str(obj, "url")
    published = _checked_str(obj, "published")
    args["published"] = data.day_param({"published": published}, "published") if published else None
    return args


def _run_extract(args: dict[str, Any], timeout: float) -> dict[str, Any]:
    from factwire.pipeline import extract

    return extract(args.pop("data"), timeout=timeout, **args).to_dict()


def _submit(args: dict[str, Any], timeout: float) -> Future:
    """Start an extraction if a slot is free (503 if not); the slot frees when it really ends."""
    if not _SLOTS.acquire(blocking=False):
        raise HttpError(503, "too many extractions running: retry in a few seconds")
    try:
        future = _POOL.submit(_run_extract, args, timeout)
    except RuntimeError:  # the pool is shut down (server stopping)
        _SLOTS.release()
        raise HttpError(503, "server is stopping") from None
    future.add_done_callback(lambda _: _SLOTS.release())
    return future


def extract(body: bytes, content_type: str, timeout: float = EXTRACT_TIMEOUT_S) -> dict[str, Any]:
    """POST /api/extract: the record, or 400 (bad body), 422 (no article), 503 (busy), 504 (too slow)."""
    args = parse_extract_body(body, content_type)
    future = _submit(args, timeout)
    try:
        return future.result(timeout=(timeout or EXTRACT_TIMEOUT_S) + EXTRACT_GRACE_S)
    except FutureTimeout:
        raise HttpError(504, f"extraction exceeded the {timeout:g} s time limit") from None
    except ExtractionError as exc:
        failure = exc.failure
        status = 504 if failure.stage == "timeout" else 422
        raise HttpError(status, f"{failure.stage}: {' '.join(failure.reason.split())}") from None
    except (LookupError, UnicodeError, RecursionError) as exc:
        # A page the pipeline's sandbox should have turned into an ExtractionError (an unknown
        # or non-text charset, undecodable text): still the page's fault, so 422, and logged.
        log.warning("extract: %s escaped the pipeline: %s", type(exc).__name__, exc)
        raise HttpError(422, f"read: {type(exc).__name__}: {' '.join(str(exc).split())}") from None


__all__ = ["MAX_BODY_BYTES", "EXTRACT_TIMEOUT_S"]
