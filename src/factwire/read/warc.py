"""WARC reading: response records of `.warc` / `.warc.gz` files -> Pages, streamed record by record.

warcio is used (pure Python, also what the tests write WARCs with).  Measured on a 605-record
`.warc.gz` of DEV pages (22 MB): warcio reads it in 0.29 s, fastwarc in 0.13 s -- 0.5 vs 0.2 ms a
record, noise next to the 10-100 ms a page spends in the pipeline, so one dependency wins.

A file is never loaded whole: each record's payload is read up to the page size limit.  A
truncated file yields the records before the break and then one Failure saying where it broke.
"""
from __future__ import annotations

import codecs
import zlib
from collections.abc import Iterator
from pathlib import Path

from factwire.errors import ReadError
from factwire.model import Failure, InputKind, Page
from factwire.read.pages import MAX_PAGE_BYTES, content_id, decode_bytes, detect_kind, sniff_binary

#: File name endings read as WARC.
WARC_SUFFIXES = (".warc", ".warc.gz")

#: Content types kept from response records; anything else (images, scripts, PDFs) is skipped
#: silently, as a crawl holds many of them and none is an article page.
PAGE_CONTENT_TYPES = ("text/html", "application/xhtml+xml", "text/plain")


def is_warc(path: Path) -> bool:
    """Whether a file is a WARC by its name."""
    return path.name.lower().endswith(WARC_SUFFIXES)


def http_charset(content_type: str | None) -> str | None:
    """The charset parameter of an HTTP Content-Type header, if any."""
    for part in (content_type or "").split(";")[1:]:
        key, _, value = part.strip().partition("=")
        if key.strip().lower() == "charset" and value.strip():
            return value.strip().strip("\"'").lower()
    return None


def known_charset(label: str | None) -> str | None:
    """The codec name of a charset label, or None when Python does not know it."""
    try:
        return codecs.lookup(label).name if label else None
    except LookupError:
        return None


def is_page_type(content_type: str | None) -> bool:
    """Whether a response's content type can hold an article (a missing type is given a chance)."""
    if not content_type:
        return True
    return content_type.split(";")[0].strip().lower() in PAGE_CONTENT_TYPES


def page_from_payload(raw: bytes, source: str, url: str | None, charset: str | None, *,
                      input_kind: InputKind | None = None, published: str | None = None) -> Page:
    """Decode one record's payload; the HTTP charset is the declared one (it outranks <meta>)."""
    if not raw.strip():
        raise ReadError("read", "empty response body")
    binary = sniff_binary(raw)
    if binary:
        raise ReadError("read", f"not a text or HTML page ({binary})")
    text, encoding = decode_bytes(raw, known_charset(charset))
    return Page(source=source, content=text, kind=input_kind or detect_kind(text), id=content_id(raw), url=url,
                published=published, encoding=encoding)


def read_warc(path: Path, max_bytes: int = MAX_PAGE_BYTES, *, input_kind: InputKind | None = None,
              published: str | None = None) -> Iterator[Page | Failure]:
    """Every page-like response record of a WARC file, then a Failure if the file is cut short.
    `input_kind` and `published` (the fallback date) apply to every record, as for any page."""
    from warcio.exceptions import ArchiveLoadFailed  # here: warcio (+fsspec) is ~45 ms to import

    name = str(path)
    options = {"input_kind": input_kind, "published": published}
    try:
        with open(path, "rb") as stream:
            yield from _read_records(stream, name, max_bytes, options)
    except (ArchiveLoadFailed, EOFError, zlib.error) as exc:
        yield _failure(name, f"truncated or corrupt WARC ({type(exc).__name__}: {_one_line(exc)})")
    except OSError as exc:
        yield _failure(name, exc.strerror or str(exc))


def _read_records(stream, name: str, max_bytes: int, options: dict) -> Iterator[Page | Failure]:
    from warcio.archiveiterator import ArchiveIterator

    records = ArchiveIterator(stream)
    for record in records:
        if record.rec_type != "response":
            continue
        offset = records.offset  # start of this record (get_record_offset() would read past it)
        source = f"{name}#{offset}"
        content_type = record.http_headers.get_header("Content-Type") if record.http_headers else None
        if not is_page_type(content_type):
            continue
        raw = record.content_stream().read(max_bytes + 1)
        if record.raw_stream.limit > 0 and len(raw) <= max_bytes:
            yield _failure(name, f"truncated WARC: record at offset {offset} ends early")
            return
        yield _page_or_failure(raw, source, record, content_type, max_bytes, options)


def _page_or_failure(raw: bytes, source: str, record, content_type: str | None,
                     max_bytes: int, options: dict) -> Page | Failure:
    if len(raw) > max_bytes:
        return _failure(source, f"page too large (> {max_bytes / 1e6:.1f} MB limit)", raw[:4096])
    url = record.rec_headers.get_header("WARC-Target-URI")
    try:
        return page_from_payload(raw, source, url, http_charset(content_type), **options)
    except ReadError as exc:
        return _failure(source, str(exc), raw)


def _failure(source: str, reason: str, raw: bytes | None = None) -> Failure:
    return Failure(id=content_id(raw if raw is not None else source.encode()), source=source,
                   stage="read", reason=reason)


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split())[:200]
