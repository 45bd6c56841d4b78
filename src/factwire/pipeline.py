"""The stage chain for one page, in order: 1 read -> 2 clean -> 3 metadata -> 4 facts -> 5 events,
with a per-page time limit.

`process_page` is the per-document sandbox: whatever a page does, the caller gets back a
`Record` or a `Failure` naming the stage and a one-line reason, so a batch never stops.
The same function is what the local pool and Dask run later.  Stages 4 and 5 run after the
record exists (`add_facts`): they share one spaCy parse of the body and one time limit, and a
problem in either is recorded in `record.errors`, never costing the article.  This module is
the only place that runs one stage after another; no stage calls a later one.
"""
from __future__ import annotations

import datetime as dt
import os
import signal
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from typing import Any

from factwire.clean import clean_html, clean_text
from factwire.deadline import check_deadline, deadline
from factwire.dom import parse_html_checked
from factwire.errors import EmptyArticle, ExtractionError, PageTimeout, ParseError, ReadError
from factwire.limits import DEFAULT_TIMEOUT_S
from factwire.metadata import complete_metadata, extract_html_metadata
from factwire.model import Cleaned, Failure, InputKind, Metadata, Page, Record
from factwire.read.pages import (
    MAX_PAGE_BYTES,
    content_id,
    detect_kind,
    page_from_bytes,
    parse_published,
    scrub_surrogates,
    too_large,
)
from factwire.read.sources import read_sources

#: Pages whose texts spaCy parses in one batch: measured on corpus-bench pages (CPU ms a page for
#: 1/3/8/16 pages a batch: 138/120/122/123), 3-4 pages give the whole gain, and a batch delays
#: the first output line by only that many pages.
FACTS_BATCH = 4

__all__ = ["DEFAULT_TIMEOUT_S", "add_facts", "extract", "extract_all", "process_page", "process_pages"]


@dataclass(slots=True)
class _Progress:
    """Which stage a page is in, so a failure can name it."""

    stage: str

    def enter(self, stage: str) -> None:
        check_deadline()
        self.stage = stage


@contextmanager
def time_limit(seconds: float | None):
    """`seconds` for the block, in any thread: the cooperative deadline the stages' loops check
    (deadline.py), so pool workers, Dask workers and server threads stop a page at the same
    point; on the main thread a SIGALRM as well, for a loop without a check."""
    with deadline(seconds):
        usable = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
        if not seconds or not usable:
            yield
            return

        def on_alarm(signum, frame):
            raise PageTimeout("time limit")

        previous = signal.signal(signal.SIGALRM, on_alarm)
        signal.setitimer(signal.ITIMER_REAL, seconds)
        try:
            yield
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)


def keep_text(text: str) -> Cleaned:
    """The `clean=False` path: the text as given, paragraphs split at blank lines."""
    paras = [p.strip() for p in text.replace("\r\n", "\n").split("\n\n") if p.strip()]
    return Cleaned(title=None, paragraphs=paras, kinds=["p"] * len(paras))


def run_stages(page: Page, progress: _Progress, clean: bool = True) -> Record:
    """read -> clean -> metadata for one decoded page."""
    page_text, depth_limited, root = None, False, None
    if page.kind == "html":
        progress.enter("parse")
        root, depth_limited = parse_html_checked(page.content, page.raw)
        progress.enter("metadata")
        meta = extract_html_metadata(root, page.url)
        progress.enter("clean")
        cleaned = clean_html(root)
    else:
        meta, page_text = Metadata(url=page.url), page.content
        progress.enter("clean")
        cleaned = clean_text(page.content) if clean else keep_text(page.content)
    if not cleaned.paragraphs:
        raise EmptyArticle("no article text found" + (
            " (nesting deeper than 256 levels: the HTML parser drops what lies below)" if depth_limited else ""))
    progress.enter("metadata")
    meta = complete_metadata(meta, cleaned, page_text=page_text, published_hint=page.published, html_root=root)
    return build_record(page, cleaned, meta, clean)


def build_record(page: Page, cleaned: Cleaned, meta: Metadata, clean: bool = True) -> Record:
    text = page.content if (not clean and page.kind == "text") else "\n\n".join(cleaned.paragraphs)
    return Record(
        id=page.id or content_id(page.content.encode("utf-8", "replace")), url=meta.url or page.url,
        site=meta.site, title=meta.title, published=meta.published, authors=meta.authors,
        language=meta.language, text=text, paragraphs=cleaned.paragraphs, captions=cleaned.captions,
        removed=cleaned.removed, kinds=cleaned.kinds, source=page.source, input_kind=page.kind,
        notes=list(page.notes),
    )


def process_page(page: Page, *, clean: bool = True, timeout: float | None = DEFAULT_TIMEOUT_S,
                 facts: bool = True) -> Record | Failure:
    """The per-page sandbox: a Record, or a Failure with stage and one-line reason.

    Facts run after the record exists, under their own time limit: a fact problem is noted on
    the record (`errors`) and never costs the article."""
    result = _clean_page(page, clean, timeout)
    if facts and isinstance(result, Record):
        add_facts(result, timeout)
    return result


def process_pages(pages: list[Page], *, clean: bool = True, timeout: float | None = DEFAULT_TIMEOUT_S,
                  facts: bool = True) -> list[Record | Failure]:
    """`process_page` for each page, in order, with the records' texts parsed by spaCy in one
    batch (`nlp.pipe` over several pages costs ~12 % less than page by page).  The sandbox is
    kept: each page is cleaned, and its facts and events run, under its own time limit; the
    batch parse runs under the pages' summed limits, and if it fails or times out every record
    is parsed again on its own clock, so a bad page costs only itself."""
    results = [_clean_page(page, clean, timeout) for page in pages]
    records = [r for r in results if isinstance(r, Record)]
    if facts and records:
        batched = [r for r in records if len(r.text) <= BATCH_PARSE_MAX_CHARS]
        parsed = dict(zip(map(id, batched), _parse_batch(batched, timeout))) if batched else {}
        for rec in records:
            add_facts(rec, timeout, docs=parsed.get(id(rec)))
    return results


#: A record with a longer text is parsed on its own clock (in `add_facts`), not in the batch: its
#: parse takes seconds (tests/hostile.py's 100 KB page: ~3 s unloaded) and, charged to the batch,
#: would run outside the page's own limit, so the page could end differently in a batch
#: (in-process, pool) than alone (Dask tasks, a retried page).  facts/nlp.PARSE_PIECE_CHARS.
BATCH_PARSE_MAX_CHARS = 20_000


def _parse_batch(records: list[Record], timeout: float | None) -> list:
    from factwire.facts.annotate import load_resources, parse_records

    load_resources()
    try:
        with time_limit(timeout * len(records) if timeout else None):
            return parse_records(records)
    except Exception:  # noqa: BLE001 - not hidden: each record is parsed again alone, errors recorded there
        return [None] * len(records)


def add_facts(rec: Record, timeout: float | None = DEFAULT_TIMEOUT_S, events: bool = True,
              docs: list | None = None) -> Record:
    """Stages 4-5 on a record (facts, then events unless `events=False`) within one `timeout`;
    a timeout is recorded in `rec.errors` under the stage it interrupted.  `docs`: the record's
    texts already parsed in a batch (`process_pages`)."""
    from factwire.facts.annotate import annotate_record, load_resources

    load_resources()  # outside the page's clock: loading is per process, not per page
    if events:
        _import_event_coder()
    stage = "facts"
    try:
        with time_limit(timeout):
            doc = annotate_record(rec, docs)
            if events and doc is not None:
                stage = "events"
                add_events(rec, doc)
    except PageTimeout:
        rec.errors.append({"stage": stage, "reason": f"{stage} exceeded the {timeout:g} s time limit"})
    except RecursionError:
        rec.errors.append({"stage": stage, "reason": "text nested too deeply to process"})
    except Exception as exc:  # noqa: BLE001 - a dependency's error (spaCy, ...) costs the facts, recorded
        if os.environ.get("FACTWIRE_DEBUG"):
            raise
        rec.errors.append({"stage": stage, "reason": f"internal error: {type(exc).__name__}: {_one_line(exc)}"})
    return rec


def _import_event_coder() -> None:
    """Import the event coder before the page's clock starts, like the model: a worker's first
    page must not pay the import (~0.1 s, over a second on a loaded machine: seen as a 1 s limit
    overrun on a 0.08 s page) out of its own time limit.  An ImportError is recorded per page
    by `add_events`."""
    with suppress(ImportError):
        import factwire.events.coder  # noqa: F401


def add_events(rec: Record, doc: Any) -> None:
    """Stage 5 over the body's Doc (parsed once by stage 4); the coder's failure costs the
    events only, and is recorded."""
    from factwire.facts.annotate import published_date

    try:
        from factwire.events.coder import code_events
    except ImportError as exc:
        rec.errors.append({"stage": "events", "reason": f"event coder unavailable: {exc}"})
        return
    try:
        rec.events = code_events(doc, rec, published_date(rec.published))
    except PageTimeout:
        raise
    except Exception as exc:  # noqa: BLE001 - the coder's bug costs the events, recorded
        rec.errors.append({"stage": "events", "reason": f"{type(exc).__name__}: {exc}"[:300]})


def _clean_page(page: Page, clean: bool, timeout: float | None) -> Record | Failure:
    progress = _Progress("read")

    def fail(stage: str, reason: str) -> Failure:
        return Failure(id=page.id or "", source=page.source, stage=stage, reason=reason)

    try:
        with time_limit(timeout):
            return run_stages(page, progress, clean)
    except PageTimeout:
        return fail("timeout", f"page exceeded the {timeout:g} s time limit (during {progress.stage})")
    except ParseError as exc:
        return fail("parse", str(exc))
    except EmptyArticle as exc:
        return fail(progress.stage, str(exc))
    except RecursionError:
        return fail(progress.stage, "document nested too deeply to process")
    except MemoryError:
        return fail(progress.stage, "out of memory on this page")
    except Exception as exc:  # noqa: BLE001 - the sandbox: recorded as a failure, never hidden
        if os.environ.get("FACTWIRE_DEBUG"):
            raise
        return fail(progress.stage, f"internal error: {type(exc).__name__}: {_one_line(exc)}")


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split())[:300]


def extract(data: str | bytes, *, url: str | None = None, published: str | dt.date | None = None,
            input_kind: InputKind | None = None, clean: bool = True, facts: bool = True,
            timeout: float | None = DEFAULT_TIMEOUT_S, id: str | None = None,
            max_bytes: int = MAX_PAGE_BYTES) -> Record:
    """One page (HTML or flattened text, as str or bytes) -> clean article Record with facts.

    Raises ExtractionError (with `.failure`) when the page yields no article (a str is held to
    the same `max_bytes` as bytes, measured in UTF-8), TypeError / ValueError for arguments of
    the wrong type or value.  `clean=False` keeps text input unchanged (offsets then index
    into exactly what was given); `facts=False` skips stage 4; `timeout` 0 or None: no limit."""
    published = _check_arguments(data, url=url, published=published, input_kind=input_kind, timeout=timeout, id=id)
    try:
        page = _page_from_data(data, url=url, published=published, input_kind=input_kind, page_id=id,
                               max_bytes=max_bytes)
    except ReadError as exc:
        raise ExtractionError(Failure(id=id or "", source="<input>", stage=exc.stage, reason=str(exc))) from None
    result = process_page(page, clean=clean, timeout=timeout or None, facts=facts)
    if isinstance(result, Failure):
        raise ExtractionError(result)
    return result


def _check_arguments(data: object, *, url: object, published: object, input_kind: object, timeout: object,
                     id: object) -> str | None:
    """TypeError / ValueError naming the argument and what it takes; returns `published` as
    YYYY-MM-DD (a date or datetime is accepted too)."""
    if not isinstance(data, (str, bytes, bytearray, memoryview)):
        raise TypeError(f"extract() takes the page as str or bytes, not {type(data).__name__}")
    for name, value in (("url", url), ("id", id)):
        if value is not None and not isinstance(value, str):
            raise TypeError(f"{name} must be a str or None, not {type(value).__name__}")
    if input_kind not in (None, "html", "text"):
        raise ValueError(f"input_kind must be 'html', 'text' or None, not {input_kind!r}")
    if timeout is not None and (isinstance(timeout, bool) or not isinstance(timeout, (int, float))):
        raise TypeError(f"timeout must be a number of seconds or None, not {type(timeout).__name__}")
    if timeout is not None and not timeout >= 0:  # also NaN
        raise ValueError(f"timeout must be >= 0 seconds (0 or None: no limit), not {timeout!r}")
    return parse_published(published)


def _page_from_data(data: str | bytes | bytearray | memoryview, *, url, published, input_kind, page_id,
                    max_bytes: int) -> Page:
    if not isinstance(data, str):
        return page_from_bytes(bytes(data), "<input>", input_kind=input_kind, url=url, published=published,
                               page_id=page_id, max_bytes=max_bytes)
    if len(data) > max_bytes or (len(data) * 4 > max_bytes and len(data.encode("utf-8", "surrogatepass")) > max_bytes):
        raise too_large(len(data.encode("utf-8", "surrogatepass")), max_bytes)
    if not data.strip():
        raise ReadError("read", "empty input")
    data = scrub_surrogates(data)  # lone surrogates: U+FFFD (spaCy and SQLite cannot encode them)
    return Page(source="<input>", content=data, kind=input_kind or detect_kind(data),
                id=scrub_surrogates(page_id) if page_id else content_id(data.encode("utf-8")),
                url=scrub_surrogates(url) if url else None, published=published)


def extract_all(paths: Iterable[str], *, url: str | None = None, published: str | None = None,
                input_kind: InputKind | None = None, clean: bool = True, facts: bool = True,
                timeout: float | None = DEFAULT_TIMEOUT_S,
                max_bytes: int = MAX_PAGE_BYTES) -> Iterator[Record | Failure]:
    """Every page under `paths` (files, folders, "-") -> Record or Failure, in input order; pages
    go through `process_pages` FACTS_BATCH at a time."""
    batch: list[Page] = []
    for item in read_sources(paths, input_kind=input_kind, url=url, published=published, max_bytes=max_bytes):
        if isinstance(item, Page):
            batch.append(item)
        if batch and (isinstance(item, Failure) or len(batch) == FACTS_BATCH):
            yield from process_pages(batch, clean=clean, timeout=timeout, facts=facts)
            batch = []
        if isinstance(item, Failure):
            yield item
    yield from process_pages(batch, clean=clean, timeout=timeout, facts=facts)
