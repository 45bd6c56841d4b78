"""The inputs of `extract` and `ingest`: files named or found under folders (one walk for both),
each read into pages -- one per plain file, one per JSONL line, one per WARC response record.

`ingest` also needs resume keys: a file's key carries its size and modification time, so a file
that changed since the last run is read again; a page's key is the file's key (path, size,
mtime) plus its place in the file (":12" for a JSONL line, "#4096" for a WARC record offset).
"""
from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from factwire.errors import ReadError
from factwire.model import Failure, InputKind, Page
from factwire.read.jsonl import JSONL_SUFFIXES, is_jsonl, read_jsonl_file
from factwire.read.pages import MAX_PAGE_BYTES, content_id, page_from_bytes, read_file_bytes, read_stream_bytes
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
        if str(p) != STDIN and p.is_dir():
            yield from _walk(p, set())
        else:
            yield p


def _walk(folder: Path, seen: set[tuple[int, int]]) -> Iterator[Path]:
    """Every entry under `folder` named like a source that is not a folder, depth first in name
    order (the order `sorted(rglob)` gave).  Not only regular files: a FIFO, a link to a device,
    a dangling link or a link loop is yielded too, and its reader records why it cannot be read
    (skipping them here left no trace).  A folder reached twice (a symlinked folder loop) is
    walked once; a folder that cannot be listed is yielded, so its error is recorded."""
    try:
        st = folder.stat()
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError:
        yield folder
        return
    if (st.st_dev, st.st_ino) in seen:
        return
    seen.add((st.st_dev, st.st_ino))
    for entry in entries:
        path = Path(entry.path)
        if _is_dir(entry):
            yield from _walk(path, seen)
        elif is_source_file(path):
            yield path


def _is_dir(entry: os.DirEntry) -> bool:
    """Whether an entry is a folder (following links); False for a link loop (ELOOP), which
    DirEntry.is_dir raises instead of answering."""
    try:
        return entry.is_dir()
    except OSError:
        return False


def display_name(path: str | os.PathLike) -> str:
    """A path as factwire writes it (sources, keys, messages): the path as given, with bytes
    that are not UTF-8 (a Latin-1 file name on a UTF-8 system) written as \\xNN -- Python
    holds them as lone surrogates, which SQLite, JSON writers and terminals cannot encode."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


@dataclass(slots=True, frozen=True)
class SourceFile:
    """One input file and its resume key."""

    path: Path
    key: str  # "file:<absolute path>|<size>|<mtime_ns>"

    @property
    def absolute(self) -> str:
        return display_name(os.path.abspath(self.path))

    def page_key(self, item: Page | Failure) -> str:
        """The resume key of a page of this file: its absolute path plus the page's locator."""
        source = item.source
        here = display_name(self.path)
        return self.page_prefix + (source[len(here):] if source.startswith(here) else f"!{source}")

    @property
    def page_prefix(self) -> str:
        """Keys of this file's pages start with this: its path *and version*, so the pages of a
        file that changed since the last run are done again."""
        return "page:" + self.key.removeprefix("file:")


def file_key(path: Path) -> str:
    """Resume key of a file: absolute path, size and mtime (a missing file gets its own key)."""
    absolute = display_name(os.path.abspath(path))
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
    source = display_name(path)
    items: Iterator[Page | Failure]
    if is_warc(path):
        items = read_warc(path, max_bytes, input_kind=input_kind, published=published, source=source)
    elif is_jsonl(path):
        items = read_jsonl_file(path, input_kind=input_kind, max_bytes=max_bytes, source=source)
    else:
        items = _read_one_page(path, source, input_kind=input_kind, url=url, published=published,
                               max_bytes=max_bytes)
    return _guarded(items, source)


def _guarded(items: Iterator[Page | Failure], source: str) -> Iterator[Page | Failure]:
    """A reader's unforeseen error (a bug, a dependency's exception) costs the rest of its file,
    recorded as one Failure, never the batch.  FACTWIRE_DEBUG=1 lets it through."""
    n = 0
    try:
        for item in items:
            n += 1
            yield item
    except Exception as exc:  # noqa: BLE001 - the reader's sandbox: recorded, never hidden
        if os.environ.get("FACTWIRE_DEBUG"):
            raise
        where = source if not n else f"{source}!{n}"
        reason = f"internal error reading after {n} pages: {type(exc).__name__}: {' '.join(str(exc).split())}"
        yield Failure(id=content_id(where.encode()), source=where, stage="read", reason=reason[:300])


def _read_one_page(path: Path, source: str, *, input_kind: InputKind | None, url: str | None,
                   published: str | None, max_bytes: int) -> Iterator[Page | Failure]:
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
    """The one page on standard input (gzip allowed), read up to the size limit."""
    try:
        raw = read_stream_bytes(sys.stdin.buffer, max_bytes)
        yield page_from_bytes(raw, "<stdin>", input_kind=input_kind, url=url, published=published,
                              max_bytes=max_bytes)
    except ReadError as exc:
        yield Failure(id=content_id(b"<stdin>"), source="<stdin>", stage=exc.stage, reason=str(exc))
    except OSError as exc:
        yield Failure(id=content_id(b"<stdin>"), source="<stdin>", stage="read", reason=exc.strerror or str(exc))
