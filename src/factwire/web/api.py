"""JSON API of `factwire serve` (under /api/), and `POST /api/extract`.

Handlers return (status, JSON-able body). `extract` runs in a small worker pool and the
request waits at most `EXTRACT_TIMEOUT_S`: the pipeline's SIGALRM limit only works on the main
thread, so on a server thread its deadline is cooperative (checked between stages); the
future's timeout is what bounds the client's wait (504), whatever the page does.
"""
from __future__ import annotations

import json
import logging
import sqlite3
from concurrent.futures import ThreadPoolExecutor, TimeoutError as FutureTimeout
from typing import Any

from factwire.errors import ExtractionError, HttpError
from factwire.web import data

log = logging.getLogger(__name__)

#: Largest request body accepted (413 above it).
MAX_BODY_BYTES = 5 * 2**20
#: Time limit of one POST /api/extract, seconds (504 above it).
EXTRACT_TIMEOUT_S = 30.0
#: Concurrent extractions (2 cores; more would just queue behind spaCy).
EXTRACT_WORKERS = 2

_POOL = ThreadPoolExecutor(max_workers=EXTRACT_WORKERS, thread_name_prefix="extract")


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
        raise HttpError(400, f"body is not valid JSON: {exc}") from None
    content = obj.get("html") or obj.get("text") if isinstance(obj, dict) else None
    if not isinstance(content, str) or not content.strip():
        raise HttpError(400, 'JSON body needs a non-empty "html" or "text" string')
    args: dict[str, Any] = {"data": content, "input_kind": "html" if obj.get("html") else "text"}
    for key in ("url", "published"):
        if obj.get(key) is not None and not isinstance(obj[key], str):
            raise HttpError(400, f"{key} must be a string")
        args[key] = obj.get(key)
    if args.get("published"):
        args["published"] = data.day_param({"published": args["published"]}, "published")
    return args


def _run_extract(args: dict[str, Any], timeout: float) -> dict[str, Any]:
    from factwire.pipeline import extract

    return extract(args.pop("data"), timeout=timeout, **args).to_dict()


def extract(body: bytes, content_type: str, timeout: float = EXTRACT_TIMEOUT_S) -> dict[str, Any]:
    """POST /api/extract: the record, or 400 (bad body), 422 (no article), 504 (too slow)."""
    args = parse_extract_body(body, content_type)
    future = _POOL.submit(_run_extract, args, timeout)
    try:
        return future.result(timeout=timeout + 1)
    except FutureTimeout:
        raise HttpError(504, f"extraction exceeded the {timeout:g} s time limit") from None
    except ExtractionError as exc:
        failure = exc.failure
        status = 504 if failure.stage == "timeout" or "time limit" in failure.reason else 422
        raise HttpError(status, f"{failure.stage}: {' '.join(failure.reason.split())}") from None


__all__ = ["MAX_BODY_BYTES", "EXTRACT_TIMEOUT_S"]
