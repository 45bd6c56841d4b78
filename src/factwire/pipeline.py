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

import os
import signal
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from time import monotonic
from typing import Any

from factwire.clean import clean_html, clean_text
from factwire.dom import parse_html_checked
from factwire.errors import EmptyArticle, ExtractionError, PageTimeout, ParseError, ReadError
from factwire.limits import DEFAULT_TIMEOUT_S
from factwire.metadata import complete_metadata, extract_html_metadata
from factwire.model import Cleaned, Failure, InputKind, Metadata, Page, Record
from factwire.read.pages import MAX_PAGE_BYTES, content_id, detect_kind, page_from_bytes
from factwire.read.sources import read_sources

#: Pages whose texts spaCy parses in one batch: measured on corpus-bench pages (CPU ms a page for
#: 1/3/8/16 pages a batch: 138/120/122/123), 3-4 pages give the whole gain, and a batch delays
#: the first output line by only that many pages.
FACTS_BATCH = 4

__all__ = ["DEFAULT_TIMEOUT_S", "add_facts", "extract", "extract_all", "process_page", "process_pages"]


@dataclass(slots=True)
class _Progress:
    """Which stage a page is in, so a failure can name it; and the cooperative deadline."""

    stage: str
    deadline: float

    def enter(self, stage: str) -> None:
        if monotonic() > self.deadline:
            raise PageTimeout(self.stage)
        self.stage = stage


@contextmanager
def time_limit(seconds: float | None):
    """Interrupt the block after `seconds` with PageTimeout (SIGALRM, main thread only).

    Off the main thread (or without SIGALRM) the pipeline still checks its deadline between
    stages, so a limit always applies; it is just coarser there."""
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
        for rec, docs in zip(records, _parse_batch(records, timeout)):
            add_facts(rec, timeout, docs=docs)
    return results


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
    stage = "facts"
    try:
        with time_limit(timeout):
            doc = annotate_record(rec, docs)
            if events and doc is not None:
                stage = "events"
                add_events(rec, doc)
    except PageTimeout:
        rec.errors.append({"stage": stage, "reason": f"{stage} exceeded the {timeout:g} s time limit"})
    return rec


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
    progress = _Progress("read", monotonic() + (timeout or float("inf")))

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


def extract(data: str | bytes, *, url: str | None = None, published: str | None = None,
            input_kind: InputKind | None = None, clean: bool = True, facts: bool = True,
            timeout: float | None = DEFAULT_TIMEOUT_S, id: str | None = None) -> Record:
    """One page (HTML or flattened text, as str or bytes) -> clean article Record with facts.

    Raises ExtractionError (with `.failure`) when the page yields no article.  `clean=False`
    keeps text input unchanged (offsets then index into exactly what was given);
    `facts=False` skips stage 4."""
    try:
        page = _page_from_data(data, url=url, published=published, input_kind=input_kind, page_id=id)
    except ReadError as exc:
        raise ExtractionError(Failure(id=id or "", source="<input>", stage=exc.stage, reason=str(exc))) from None
    result = process_page(page, clean=clean, timeout=timeout, facts=facts)
    if isinstance(result, Failure):
        raise ExtractionError(result)
    return result


def _page_from_data(data: str | bytes, *, url, published, input_kind, page_id) -> Page:
    if isinstance(data, bytes):
        return page_from_bytes(data, "<input>", input_kind=input_kind, url=url, published=published, page_id=page_id)
    if not data.strip():
        raise ReadError("read", "empty input")
    return Page(source="<input>", content=data, kind=input_kind or detect_kind(data),
                id=page_id or content_id(data.encode("utf-8", "replace")), url=url, published=published)


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
