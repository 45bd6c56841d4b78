"""JSONL input: one page per line, `{"id"?, "url"?, "html"|"text", "published"?}`.

Streamed line by line so the size limit applies to each page, never to the file, and a file
broken midway keeps every line before the break.
"""
from __future__ import annotations

import gzip
import json
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path

from factwire.errors import ReadError
from factwire.model import Failure, InputKind, Page
from factwire.read.pages import MAX_PAGE_BYTES, content_id, page_from_bytes

#: File name endings read as JSONL (also when gzipped).
JSONL_SUFFIXES = (".jsonl", ".ndjson")


def is_jsonl(path: Path) -> bool:
    """Whether a file is JSONL by its name (`.jsonl`, `.ndjson`, optionally `.gz`)."""
    return path.name.lower().removesuffix(".gz").endswith(JSONL_SUFFIXES)


def read_jsonl_file(path: Path, *, input_kind: InputKind | None = None,
                    max_bytes: int = MAX_PAGE_BYTES) -> Iterator[Page | Failure]:
    """A JSONL (or JSONL.gz) file streamed line by line: the size limit applies to each page,
    never to the file (a 20 MB file of 100 pages is 100 pages), and a file broken midway
    yields every line before the break plus one failure saying where it broke."""
    source, n = str(path), 0
    opener = gzip.open if path.name.lower().endswith(".gz") else open
    try:
        with opener(path, "rb") as f:
            for n, line in enumerate(f, 1):
                yield from read_jsonl([line], source, input_kind=input_kind, max_bytes=max_bytes, first=n)
    except (EOFError, OSError, zlib.error) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else f"{type(exc).__name__}: {exc}"
        where = f"{source}:{n + 1}" if n else source
        yield Failure(id=content_id(where.encode()), source=where, stage="read",
                      reason=f"file unreadable after line {n} ({reason})"[:300])


def read_jsonl(raw: bytes | Iterable[bytes], source: str, *, input_kind: InputKind | None = None,
               max_bytes: int = MAX_PAGE_BYTES, first: int = 1) -> Iterator[Page | Failure]:
    """One page per JSON line: {"id"?, "url"?, "html"|"text", "published"?}."""
    lines = raw.splitlines() if isinstance(raw, bytes) else raw
    for n, line in enumerate(lines, first):
        if not line.strip():
            continue
        where = f"{source}:{n}"
        try:
            yield page_from_json_line(line, where, input_kind=input_kind, max_bytes=max_bytes)
        except ReadError as exc:
            yield Failure(id=content_id(line), source=where, stage=exc.stage, reason=str(exc))


def page_from_json_line(line: bytes, where: str, *, input_kind: InputKind | None,
                        max_bytes: int) -> Page:
    try:
        obj = json.loads(line)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise ReadError("read", f"invalid JSON line ({exc.__class__.__name__})") from exc
    if not isinstance(obj, dict):
        raise ReadError("read", "JSON line is not an object")
    body, kind = _json_body(obj, input_kind)
    page = page_from_bytes(body.encode("utf-8"), where, input_kind=kind, url=_str(obj.get("url")),
                           published=_str(obj.get("published")), max_bytes=max_bytes)
    if obj.get("id") is not None:
        page.id = str(obj["id"])
    return page


def _json_body(obj: dict, input_kind: InputKind | None) -> tuple[str, InputKind | None]:
    if isinstance(obj.get("html"), str):
        return obj["html"], input_kind or "html"
    if isinstance(obj.get("text"), str):
        return obj["text"], input_kind or "text"
    raise ReadError("read", 'JSON line has no "html" or "text" string')


def _str(value: object) -> str | None:
    return str(value) if value not in (None, "") else None
