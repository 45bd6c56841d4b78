"""The OpenAPI 3 description of /api/ (hand-written: the stdlib server has no schema
generator, and ten routes are easier to read as data than to derive). `/api/docs` renders it
as a plain HTML page, so the docs work offline with no Swagger/Redoc assets."""
from __future__ import annotations

from typing import Any

from factwire import __version__


def _q(name: str, desc: str, schema: dict | None = None) -> dict[str, Any]:
    return {"name": name, "in": "query", "required": False, "description": desc,
            "schema": schema or {"type": "string"}}


def _path_id(desc: str) -> dict[str, Any]:
    return {"name": "id", "in": "path", "required": True, "description": desc, "schema": {"type": "string"}}


_PAGE = [_q("limit", "page size, 1-500 (default 50)", {"type": "integer", "minimum": 1, "maximum": 500}),
         _q("offset", "rows to skip", {"type": "integer", "minimum": 0})]
_DATE = {"type": "string", "format": "date"}
_ERR = {"description": "error", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
_OBJ = {"application/json": {"schema": {"type": "object"}}}


def _get(summary: str, params: list[dict], codes: tuple[str, ...] = ("400",)) -> dict[str, Any]:
    responses: dict[str, Any] = {"200": {"description": "ok", "content": _OBJ}}
    responses.update({c: _ERR for c in codes})
    return {"get": {"summary": summary, "parameters": params, "responses": responses}}


def _extract_op() -> dict[str, Any]:
    body = {"type": "object", "properties": {"html": {"type": "string"}, "text": {"type": "string"},
                                             "url": {"type": "string"}, "published": _DATE}}
    return {"post": {
        "summary": "Extract one page (HTML or text, raw or as JSON) into a record with facts and events",
        "requestBody": {"required": True, "content": {"application/json": {"schema": body},
                                                      "text/html": {"schema": {"type": "string"}},
                                                      "text/plain": {"schema": {"type": "string"}}}},
        "description": ("Runs with ingest's limits: the per-page time limit (504 past it) and a 5 MiB body "
                        "(413). 400: malformed body (invalid JSON, lone surrogates, bad Content-Length); "
                        "411: no Content-Length; 422: no article in the page; 503: extractions busy, retry."),
        "responses": {"200": {"description": "the record", "content": _OBJ}, "400": _ERR, "408": _ERR,
                      "411": _ERR, "413": _ERR, "422": _ERR, "503": _ERR, "504": _ERR}}}


def spec() -> dict[str, Any]:
    """The OpenAPI document served at /api/openapi.json."""
    event_filters = [_q("type", "ACLED event type"), _q("sub_type", "ACLED sub-event type"),
                     _q("since", "events overlapping this day or later", _DATE),
                     _q("until", "events overlapping this day or earlier", _DATE),
                     _q("country", "ISO 3166 alpha-2"), _q("bbox", "min_lon,min_lat,max_lon,max_lat"),
                     _q("actor", "substring of the actor (case-insensitive)")]
    article_filters = [_q("q", "SQLite FTS5 query over title and text"), _q("site", "exact site name"),
                       _q("since", "published on or after", _DATE), _q("until", "published on or before", _DATE)]
    return {
        "openapi": "3.0.3",
        "info": {"title": "factwire", "version": __version__,
                 "description": "Articles, facts and events of a factwire corpus database (read-only)."},
        "paths": {
            "/api/articles": _get("Search and list articles", article_filters + _PAGE),
            "/api/articles/{id}": _get("One article record with copies", [_path_id("article id")], ("404",)),
            "/api/events": _get("Corpus events with filters", event_filters + _PAGE),
            "/api/events/{id}": _get("One corpus event (an article event id resolves to its corpus event)",
                                     [_path_id("event id")], ("404",)),
            "/api/extract": _extract_op(),
            "/api/openapi.json": _get("This document", [], ()),
        },
        "components": {"schemas": {"Error": {"type": "object", "required": ["error"],
                                             "properties": {"error": {"type": "string"}}}}},
    }
