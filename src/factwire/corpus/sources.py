"""What `ingest` reads: files named or found under folders (recursively), each read into pages
(one per file, one per JSONL line, one per WARC response record), with the keys resume uses.

A file's key carries its size and modification time, so a file that changed since the last run
is read again; a page's key is the file's key (path, size, mtime) plus its place in the file (":12" for a
JSONL line, "#4096" for a WARC record offset).
"""
from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from factwire.corpus.warc import WARC_SUFFIXES, is_warc, read_warc
from factwire.model import Failure, Page
from factwire.read import MAX_PAGE_BYTES, PAGE_SUFFIXES, read_path

#: File name endings picked up when walking a folder (named files are always read).
CORPUS_SUFFIXES = PAGE_SUFFIXES + WARC_SUFFIXES


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
    """Files to ingest, in sorted order under each folder; a named file is taken as given."""
    for p in map(Path, paths):
        if p.is_dir():
            for sub in sorted(p.rglob("*")):
                if sub.is_file() and _is_corpus_file(sub):
                    yield SourceFile(sub, file_key(sub))
        else:
            yield SourceFile(p, file_key(p))


def _is_corpus_file(path: Path) -> bool:
    name = path.name.lower()
    return name.endswith(WARC_SUFFIXES) or name.removesuffix(".gz").endswith(PAGE_SUFFIXES)


def read_file(path: Path, max_bytes: int = MAX_PAGE_BYTES) -> Iterator[Page | Failure]:
    """Every page of one file (WARC, JSONL, or one page), Failures for what cannot be read."""
    if is_warc(path):
        return read_warc(path, max_bytes)
    return read_path(path, max_bytes=max_bytes)
