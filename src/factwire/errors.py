"""Every exception type factwire raises on purpose, in one place, so a caller (or a reader) finds
them without knowing which stage raises which.  All derive from `FactwireError`.

Pages never fail by exception in a batch: the stages raise these, and the per-page sandbox
(`pipeline.process_page`) turns them into a recorded `Failure` (stage + one-line reason).  The
ones that do reach a caller are `ExtractionError` (from `extract()` on one page),
`MissingDependency`, `StoreFullError`, and the web server's `HttpError`/`BadParam`.

Not here, on purpose: `facts.dates_rules.NoPublicationDate` is control flow inside the date
resolver (a relative date with no publication date stays unresolved) and never leaves it.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from factwire.model import Failure


class FactwireError(Exception):
    """Base of every factwire exception."""


# -- pages (stages 1-3; recorded as a Failure by the sandbox) -----------------------------------

class ReadError(FactwireError, ValueError):
    """An input could not be read or decoded; the message is the one-line reason."""

    def __init__(self, stage: str, reason: str):
        super().__init__(reason)
        self.stage = stage


class ParseError(FactwireError, ValueError):
    """The content could not be parsed into an HTML tree (reason in the message)."""


class PageTimeout(FactwireError):
    """A page ran past its time limit (the message names where it was)."""


class EmptyArticle(FactwireError):
    """Cleaning found no article text (e.g. a page that is only <script>)."""


class ExtractionError(FactwireError):
    """`extract()` could not produce a record; `.failure` says which stage and why."""

    def __init__(self, failure: Failure):
        super().__init__(failure.one_line())
        self.failure = failure


# -- runs -------------------------------------------------------------------------------------

class MissingDependency(FactwireError, RuntimeError):
    """An optional dependency a chosen engine or output needs is not installed (pyarrow for
    Parquet, dask.distributed for `--engine dask`); the message says what to install."""


class MissingDatabase(FactwireError, FileNotFoundError):
    """A command or the server was pointed at a database file that does not exist: one wording
    everywhere (CLI and `serve`), saying how to make one."""

    def __init__(self, db: object):
        super().__init__(f"no database at {db} (make one with: factwire ingest PAGES --db {db})")


class StoreFullError(FactwireError, RuntimeError):
    """The disk (or the file size limit) is full: the run stops; what was committed is kept and
    re-running the same command after freeing space finishes the rest."""


# -- web ----------------------------------------------------------------------------------------

class HttpError(FactwireError):
    """Answered with `status` and a one-line message (JSON under /api/, a page elsewhere)."""

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status, self.message = status, message


class BadParam(HttpError, ValueError):
    """A request parameter is malformed: answered 400 with this message."""

    def __init__(self, message: str):
        super().__init__(400, message)
