"""The inputs of `extract` and `ingest`: files named or found under folders (one walk for both),
each read into pages -- one per plain file, one per JSONL line, one per WARC response record.

`ingest` also needs resume keys: a file's key carries its size and modification time, so a file
that changed since the last run is read again; a page's key is the file's key (path, size,
mtime) plus its place in the file (":12" for a JSONL line, "#4096" for a WARC record offset).
"""
from __future__ import annotations

import gzip
import os
import sys
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from factwire.errors import ReadError
from factwire.model import Failure, InputKind, Page
from factwire.read.jsonl import JSONL_SUFFIXES, is_jsonl, read_jsonl_file
from factwire.read.pages import MAX_PAGE_BYTES, content_id, page_from_bytes, read_file_bytes
from factwire.read.warc import WARC_SUFFIXES, is_warc, read_warc

#: Single-page file endings (also when gzipped).
PAGE_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml", ".txt", ".text")
#: File name endings picked up when walking a folder (named files are always read).
SOURCE_SUFFIXES = PAGE_SUFFIXES + JSONL_SUFFIXES + WARC_SUFFIXES
#: The name standard input goes by among the paths.
STDIN = "-"


def is_source_file(path: Path) -> bool:
    """Whether a file found in a folder is read: pages, JSONL and WARC, gzipped or not."""
    return path.name.lower().removesuffix(".gz").endswith(SOURCE_SUFFIXES)


def holds_many_pages(path: Path) -> bool:
    """Whether one file may hold many pages (WARC, JSONL): such files are never grouped."""
    return is_warc(path) or is_jsonl(path)


def iter_files(paths: Iterable[str | os.PathLike]) -> Iterator[Path]:
    """The one folder walk: named files as given, folders recursively in sorted order."""
    for p in map(Path, paths):
        if p.is_dir():
            for sub in sorted(p.rglob("*")):
                if sub.is_file() and is_source_file(sub):
                    yield sub
        else:
            yield p


@dataclass(slots=True, frozen=True)
class SourceFile:
    """One input file and its resume key."""

    path: Path
    key: str  # "file:<absolute path>|<size>|<mtime_ns>"

    @property
    def absolute(self) -> str:
        return os.path.abspath(self.path)

    def page_key(self, item: Page | Failure) -> str:
        """The resume key of a page of this file: its absolute path plus the page's locator."""
        source = item.source
        here = str(self.path)
        return self.page_prefix + (source[len(here):] if source.startswith(here) else f"!{source}")

    @property
    def page_prefix(self) -> str:
        """Keys of this file's pages start with this: its path *and version*, so the pages of a
        file that changed since the last run are done again."""
        return "page:" + self.key.removeprefix("file:")


def file_key(path: Path) -> str:
    """Resume key of a file: absolute path, size and mtime (a missing file gets its own key)."""
    absolute = os.path.abspath(path)
    try:
        st = path.stat()
    except OSError:
        return f"file:{absolute}|missing"
    return f"file:{absolute}|{st.st_size}|{st.st_mtime_ns}"


def walk_sources(paths: Iterable[str | os.PathLike]) -> Iterator[SourceFile]:
    """Files to ingest (`iter_files`) with their resume keys."""
    for path in iter_files(paths):
        yield SourceFile(path, file_key(path))


def read_file(path: Path, *, input_kind: InputKind | None = None, url: str | None = None,
              published: str | None = None, max_bytes: int = MAX_PAGE_BYTES) -> Iterator[Page | Failure]:
    """Every page of one file (WARC, JSONL, or one page), Failures for what cannot be read.

    `url` applies to a single-page file only (WARC records and JSONL lines carry their own);
    `published` is the fallback date of single pages and WARC records."""
    if is_warc(path):
        return read_warc(path, max_bytes, input_kind=input_kind, published=published)
    if is_jsonl(path):
        return read_jsonl_file(path, input_kind=input_kind, max_bytes=max_bytes)
    return _read_one_page(path, input_kind=input_kind, url=url, published=published, max_bytes=max_bytes)


def _read_one_page(path: Path, *, input_kind: InputKind | None, url: str | None, published: str | None,
                   max_bytes: int) -> Iterator[Page | Failure]:
    source = str(path)
    try:
        raw = read_file_bytes(path, max_bytes)
        yield page_from_bytes(raw, source, input_kind=input_kind, url=url, published=published,
                              max_bytes=max_bytes)
    except ReadError as exc:
        yield Failure(id=content_id(source.encode()), source=source, stage=exc.stage, reason=str(exc))
    except OSError as exc:
        yield Failure(id=content_id(source.encode()), source=source, stage="read",
                      reason=exc.strerror or str(exc))


def read_sources(paths: Iterable[str | os.PathLike], *, input_kind: InputKind | None = None,
                 url: str | None = None, published: str | None = None,
                 max_bytes: int = MAX_PAGE_BYTES) -> Iterator[Page | Failure]:
    """Every page under `paths` ("-" reads standard input), in order: what `extract` reads."""
    for path in iter_files(paths):
        if str(path) == STDIN:
            yield from read_stdin(input_kind=input_kind, url=url, published=published, max_bytes=max_bytes)
            continue
        yield from read_file(path, input_kind=input_kind, url=url, published=published, max_bytes=max_bytes)


def read_stdin(*, input_kind: InputKind | None = None, url: str | None = None, published: str | None = None,
               max_bytes: int = MAX_PAGE_BYTES) -> Iterator[Page | Failure]:
    """The one page on standard input (gzip allowed)."""
    raw = sys.stdin.buffer.read()
    try:
        if raw.startswith(b"\x1f\x8b"):
            raw = gzip.decompress(raw)
        yield page_from_bytes(raw, "<stdin>", input_kind=input_kind, url=url, published=published,
                              max_bytes=max_bytes)
    except ReadError as exc:
        yield Failure(id=content_id(raw), source="<stdin>", stage=exc.stage, reason=str(exc))
    except (EOFError, OSError, zlib.error) as exc:
        yield Failure(id=content_id(raw), source="<stdin>", stage="read", reason=f"bad gzip input ({exc})")
