"""JSONL input: one page per line, `{"id"?, "url"?, "html"|"text", "published"?}`.

Streamed line by line with a bounded read, so memory per line is capped (a 1 GB line in a 1 MB
`.jsonl.gz` is skipped as it streams past, never held), the size limit applies to each page,
never to the file, and a file broken midway keeps every line before the break.  Every line is
one input unit: it ends as a Page or as one Failure, whatever it holds (lone surrogate
escapes, nesting 5,000 deep, invalid UTF-8, a value of the wrong type).
"""
from __future__ import annotations

import gzip
import io
import json
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path

from factwire.errors import ReadError
from factwire.model import Failure, InputKind, Page
from factwire.read.pages import (
    GZIP_MAGIC,
    MAX_PAGE_BYTES,
    content_id,
    open_input,
    page_from_bytes,
    parse_published,
    scrub_surrogates,
    size_text,
)

#: File name endings read as JSONL (also when gzipped).
JSONL_SUFFIXES = (".jsonl", ".ndjson")
#: A JSON line may be this many times the page limit: ASCII-only JSON escaping grows text up to
#: 3x (`\u0416` for the two UTF-8 bytes of a Cyrillic letter, 12 bytes for a 4-byte emoji), so
#: a page under the limit fits unless it is made of escaped control characters; a longer line
#: is skipped as it is read, in chunks of SKIP_CHUNK, never held.
LINE_LIMIT_FACTOR = 3
SKIP_CHUNK = 1 << 20
#: Keys whose values become page fields; a non-string value is refused with a reason.
_STRING_FIELDS = ("id", "url")


def is_jsonl(path: Path) -> bool:
    """Whether a file is JSONL by its name (`.jsonl`, `.ndjson`, optionally `.gz`)."""
    return path.name.lower().removesuffix(".gz").endswith(JSONL_SUFFIXES)


def read_jsonl_file(path: Path, *, input_kind: InputKind | None = None,
                    max_bytes: int = MAX_PAGE_BYTES, source: str | None = None) -> Iterator[Page | Failure]:
    """A JSONL (or JSONL.gz: told by its magic bytes) file streamed line by line (see the
    module docstring); `source` is the file's display name.  A file with no JSON line at all
    gives one Failure, so it is never left without a trace."""
    source, n, units = source or str(path), 0, 0
    try:
        with open_input(path) as raw:
            stream = gzip.GzipFile(fileobj=raw) if raw.peek(2)[:2] == GZIP_MAGIC else raw
            for n, (line, size) in enumerate(bounded_lines(stream, LINE_LIMIT_FACTOR * max_bytes), 1):
                if line is None:
                    units += 1
                    yield _failure(f"{source}:{n}", f"JSON line too large ({size_text(size)} > "
                                   f"{size_text(LINE_LIMIT_FACTOR * max_bytes)} limit; --max-mb raises it)")
                    continue
                for item in read_jsonl([line], source, input_kind=input_kind, max_bytes=max_bytes, first=n):
                    units += 1
                    yield item
    except ReadError as exc:
        units += 1
        yield _failure(source, str(exc))
    except (EOFError, OSError, zlib.error) as exc:
        units += 1
        where = f"{source}:{n + 1}" if n else source
        yield _failure(where, f"file unreadable after line {n} ({_why_unreadable(exc)})"[:300])
    if not units:
        yield _failure(source, "no JSON lines in this file (empty or only blank lines)")


def _why_unreadable(exc: BaseException) -> str:
    if isinstance(exc, EOFError):
        return "truncated gzip file: the compressed stream ends early"
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return f"corrupt gzip file: {' '.join(str(exc).split())}"


def bounded_lines(stream: io.BufferedIOBase, limit: int) -> Iterator[tuple[bytes | None, int]]:
    """(line, its size in bytes) for every line; the line is None when it is longer than
    `limit` (read to its end in chunks and dropped, so it is never held whole)."""
    while line := stream.readline(limit + 1):
        if len(line) <= limit or line.endswith(b"\n"):
            yield line, len(line)
            continue
        size = len(line)
        while line and not line.endswith(b"\n"):
            line = stream.readline(SKIP_CHUNK)
            size += len(line)
        yield None, size


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
    """One line -> Page, or ReadError saying what is wrong with the line.  Invalid UTF-8 bytes
    become U+FFFD (as in any page); lone surrogate escapes ("\\ud800") too."""
    try:
        obj = json.loads(line.decode("utf-8", "replace").removeprefix("\ufeff"))
    except json.JSONDecodeError as exc:
        raise ReadError("read", f"invalid JSON line ({exc.msg} at column {exc.colno})") from exc
    except RecursionError as exc:
        raise ReadError("read", "JSON line nested too deeply to read") from exc
    if not isinstance(obj, dict):
        raise ReadError("read", f"JSON line is not an object (it is {_json_type(obj)})")
    body, kind = _json_body(obj, input_kind)
    fields = {k: _str_field(obj, k) for k in _STRING_FIELDS}
    published, note = _published(obj.get("published"))
    page = page_from_bytes(scrub_surrogates(body).encode("utf-8"), where, input_kind=kind, url=fields["url"],
                           published=published, max_bytes=max_bytes)
    if fields["id"] is not None:
        page.id = fields["id"]
    page.notes.extend(note)
    return page


def _published(value: object) -> tuple[str | None, list[str]]:
    """The line's `published` as YYYY-MM-DD; a value that is no date is set aside with a note
    (the page is still read: its own dateline may give the date)."""
    try:
        return parse_published(value if value != "" else None), []
    except (TypeError, ValueError) as exc:
        return None, [f"the input's published value was ignored ({scrub_surrogates(str(exc))})"]


def _json_body(obj: dict, input_kind: InputKind | None) -> tuple[str, InputKind | None]:
    if isinstance(obj.get("html"), str):
        return obj["html"], input_kind or "html"
    if isinstance(obj.get("text"), str):
        return obj["text"], input_kind or "text"
    raise ReadError("read", 'JSON line has no "html" or "text" string')


def _str_field(obj: dict, key: str) -> str | None:
    """A string field of the line (lone surrogates replaced), None when absent or empty; a
    number id is taken as its digits; any other type is refused with a reason."""
    value = obj.get(key)
    if value is None or value == "":
        return None
    if key == "id" and isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if not isinstance(value, str):
        raise ReadError("read", f'JSON line\'s "{key}" is {_json_type(value)}, not a string')
    return scrub_surrogates(value)


def _json_type(value: object) -> str:
    names = {dict: "an object", list: "an array", str: "a string", bool: "a boolean", int: "a number",
             float: "a number", type(None): "null"}
    return names.get(type(value), type(value).__name__)


def _failure(where: str, reason: str) -> Failure:
    return Failure(id=content_id(where.encode("utf-8", "replace")), source=where, stage="read", reason=reason)
