"""The per-page time limit as a cooperative deadline, checked inside the stages' loops.

Why not only SIGALRM: a signal reaches the main thread only, so pool workers could use it but
Dask workers and the web server's threads could not -- there a pathological page (100 KB of
repeated conflict sentences) ran for minutes and the same page gave different results on
different engines.  Every long loop in facts/ and events/ (and the cleaners) calls
`check_deadline()`; the pipeline sets the page's deadline with `deadline(seconds)`, so the same
limit holds in every thread and process.  It is a context variable: each thread (and each
asyncio task) has its own, and a page's limit never leaks into another page.

Checking costs ~0.1 microsecond (a context-variable read and a clock read), so it can sit in
per-token loops.
"""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from time import monotonic

from factwire.errors import PageTimeout

_DEADLINE: ContextVar[float | None] = ContextVar("factwire_page_deadline", default=None)


def check_deadline() -> None:
    """Raise PageTimeout when the current page's time limit has passed (no limit: no-op)."""
    end = _DEADLINE.get()
    if end is not None and monotonic() > end:
        raise PageTimeout("time limit")


def remaining() -> float | None:
    """Seconds left before the current page's deadline (None without a limit)."""
    end = _DEADLINE.get()
    return None if end is None else end - monotonic()


@contextmanager
def deadline(seconds: float | None) -> Iterator[None]:
    """Within the block, `check_deadline()` raises once `seconds` have passed (None or 0: no
    limit).  A nested block never extends an outer, earlier deadline."""
    outer = _DEADLINE.get()
    end = monotonic() + seconds if seconds else None
    if outer is not None and (end is None or outer < end):
        end = outer
    token = _DEADLINE.set(end)
    try:
        yield
    finally:
        _DEADLINE.reset(token)
