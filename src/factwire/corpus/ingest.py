"""`ingest`: files, folders, WARC and JSONL -> the corpus store, resumable after any kill.

The parent process reads sources, hands pages to an engine (in-process, the local supervised
pool, or Dask), and is the only writer of the store.  Outcomes are written in batches; a batch
commits its records, its failures and the resume keys of the pages and files it finished in
one transaction, so after kill -9 a re-run skips exactly what was stored and redoes the rest.
After the pages, the corpus steps run: syndication (copies) and cross-article event merging.

With `engine="dask"` workers write Parquet shards (shards.py) and this process loads them, still
the only writer of the store.  A full disk (SQLite says "database or disk is full", or a write is
refused outright) stops the run with StoreFullError instead of failing every page after it:
committed batches are kept, the rolled-back one is redone by the next run.
"""
from __future__ import annotations

import errno
import logging
import os
import shutil
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from factwire.corpus.engines import (
    FILES_PER_TASK,
    LocalPool,
    Outcome,
    Payload,
    StageOptions,
    Task,
    failure_payload,
    run_dask,
    run_in_process,
)
from factwire.corpus.shards import ShardTask, clean_temp, default_dir, read_shard, run_shard_task, task_id
from factwire.corpus.store import FailureRow, Store, to_json
from factwire.errors import MissingDependency, StoreFullError
from factwire.model import Failure
from factwire.pipeline import DEFAULT_TIMEOUT_S
from factwire.read.pages import MAX_PAGE_BYTES
from factwire.read.sources import SourceFile, holds_many_pages, read_file, walk_sources

log = logging.getLogger(__name__)

#: A batch is committed once it holds this many outcomes ...
BATCH_SIZE = 200
#: ... or this many seconds after its first one, so a slow corpus still commits steadily.
BATCH_SECONDS = 2.0
ENGINES = ("local", "dask")
#: OS errors that mean "no room to write": no space, file too large (RLIMIT_FSIZE), quota.
DISK_FULL_ERRNOS = frozenset({errno.ENOSPC, errno.EFBIG, errno.EDQUOT})


#: Free space under which a refused database write is blamed on a full disk: one batch is a few
#: MB at most (BATCH_SIZE pages x ~33 KB in the WAL, measured on DEV pages without facts).
LOW_SPACE_BYTES = 64 * 2**20
#: A database file this close to the file size limit (ulimit -f) is taken as having hit it (a
#: WAL frame is one 4 KB page plus a header; a checkpoint writes page by page).
FSIZE_SLACK_BYTES = 2**20


def storage_error(exc: sqlite3.Error, db: Path) -> str | None:
    """One line for the user when `exc` means the database cannot be written at all (no room,
    or the disk failing), else None (the error is about one page).  Measured with RLIMIT_FSIZE
    (tests/corpus/test_faults.py): a write cut short is SQLITE_FULL, a write refused outright
    (EFBIG/ENOSPC) is SQLITE_IOERR_WRITE, and SQLite keeps no errno -- so an I/O error is
    explained by the file size limit or the free space when either is the cause."""
    code = getattr(exc, "sqlite_errorcode", None)
    primary = None if code is None else code & 0xFF
    if primary == sqlite3.SQLITE_FULL or (code is None and "database or disk is full" in str(exc)):
        return f"disk full: {_why_full(db) or exc}"
    if primary == sqlite3.SQLITE_IOERR:
        why = _why_full(db)
        name = getattr(exc, "sqlite_errorname", code)
        return f"disk full: {why}" if why else f"cannot write the database: {exc} ({name})"
    return None


def _why_full(db: Path) -> str | None:
    """The file size limit reached, or the file system nearly full; None if neither."""
    limit = _size_limit_reached(db)
    if limit:
        return limit
    free = shutil.disk_usage(db.absolute().parent).free
    if free < LOW_SPACE_BYTES:
        return f"{free / 2**20:.1f} MB left on the database's file system"
    return None


def _size_limit_reached(db: Path) -> str | None:
    """The file size limit (ulimit -f) the database or its WAL has reached, if any (Unix only)."""
    try:
        import resource
    except ImportError:  # not on Unix: no such limit
        return None
    files = [p for p in (db, Path(f"{db}-wal")) if p.exists()]
    soft, _ = resource.getrlimit(resource.RLIMIT_FSIZE)
    if files and soft != resource.RLIM_INFINITY and max(p.stat().st_size for p in files) + FSIZE_SLACK_BYTES >= soft:
        return f"the file size limit (ulimit -f) of {soft:,} bytes is reached"
    return None


@dataclass(slots=True)
class IngestSummary:
    """What an ingest did (the CLI prints it; `--json` scripts read it)."""

    db: str
    engine: str
    workers: int
    files: int = 0
    files_skipped: int = 0
    pages: int = 0  # records stored by this run
    pages_skipped: int = 0  # already stored by an earlier run
    failures: int = 0
    lost: int = 0  # outcomes the store refused even as failures (redone by the next run)
    seconds: float = 0.0
    copies: int | None = None
    corpus_events: int | None = None
    worker_crashes: int = 0
    shards: str | None = None  # the dask engine's Parquet shard folder
    shards_reused: int = 0  # shards found from an earlier run and loaded, not recomputed
    notes: list[str] = field(default_factory=list)

    @property
    def pages_per_s(self) -> float:
        return (self.pages + self.failures) / self.seconds if self.seconds else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "pages_per_s": round(self.pages_per_s, 2)}


class _Writer:
    """Collects outcomes and finished files; commits them in batches (see the module docstring)."""

    def __init__(self, store: Store, summary: IngestSummary, on_change: Callable[..., None]):
        self.store, self.summary, self.on_change = store, summary, on_change
        self.records: list[tuple[dict, str, str, SourceFile]] = []
        self.failures: list[tuple[FailureRow, SourceFile]] = []
        self.files: list[SourceFile] = []
        self.started = 0.0

    def add(self, src: SourceFile, key: str, payload: Payload) -> None:
        if not self.records and not self.failures:
            self.started = time.monotonic()
        if "record" in payload:
            rec = payload["record"]
            self.records.append((rec, to_json(rec), key, src))
            self.summary.pages += 1
        else:
            f = payload["failure"]
            self.failures.append((FailureRow(key, f["source"], f["stage"], f["reason"], src.absolute), src))
            self.summary.failures += 1
        self.on_change()
        if len(self.records) + len(self.failures) >= BATCH_SIZE or time.monotonic() - self.started > BATCH_SECONDS:
            self.flush()

    def finish_file(self, src: SourceFile) -> None:
        self.files.append(src)
        self.on_change(advance=1)

    def flush(self) -> None:
        """Commit what is pending; on a database error, retry item by item (see _flush_each)."""
        records, failures, files = self.records, self.failures, self.files
        self.records, self.failures, self.files = [], [], []
        done = [k for _, _, k, _ in records] + [f.key for f, _ in failures] + [s.key for s in files]
        try:
            duplicates = self.store.write_batch([(r, j, k) for r, j, k, _ in records], [f for f, _ in failures], done,
                                                clear=[task_failure_key(s) for s in files],
                                                files={k: s.absolute for _, _, k, s in records})
            self._count_duplicates(duplicates)
        except sqlite3.Error as exc:
            if (fatal := storage_error(exc, self.store.path)) is not None:
                raise _full(fatal, self.store.path) from exc
            log.warning("store write failed (%s); retrying the batch one page at a time", exc)
            self._flush_each(records, failures, files)

    def _flush_each(self, records, failures, files) -> None:
        """A failed batch, one item per transaction: a record the store refuses becomes a
        'store' failure; if even that fails the page stays undone (the next run redoes it) and
        so does its file.  An error that says the database cannot be written at all (disk full)
        stops the run instead of failing every page after it (StoreFullError)."""
        lost: set[str] = set()
        for rec, js, key, src in records:
            if not self._try(self.store.write_batch, [(rec, js, key)], [], [key], files={key: src.absolute}):
                self.summary.pages -= 1
                row = FailureRow(key, rec.get("source") or key, "store", self.last_error, src.absolute)
                self._write_failure(row, src, lost, counted=False)
        for row, src in failures:
            self._write_failure(row, src, lost, counted=True)
        for src in files:
            if src.key not in lost:
                self._try(self.store.write_batch, [], [], [src.key], clear=[task_failure_key(src)])

    def _write_failure(self, row: FailureRow, src: SourceFile, lost: set[str], counted: bool) -> None:
        if self._try(self.store.write_batch, [], [row], [row.key]):
            self.summary.failures += 0 if counted else 1
            return
        self.summary.failures -= 1 if counted else 0
        self.summary.lost += 1
        lost.add(src.key)
        log.error("could not record %s in the store (%s): it will be redone by the next run",
                  row.source, self.last_error)

    def _count_duplicates(self, rows: list[FailureRow] | None) -> None:
        """Records the store kept as "duplicate" failures count as failures, not pages."""
        for row in rows or []:
            self.summary.pages -= 1
            self.summary.failures += 1
            log.info("%s: %s", row.source, row.reason)

    def _try(self, write: Callable[..., Any], *args: Any, **kwargs: Any) -> bool:
        """`write(*args, **kwargs)`; False (and `last_error` set) if the database refused it."""
        try:
            self._count_duplicates(write(*args, **kwargs))
            return True
        except sqlite3.Error as exc:
            if (fatal := storage_error(exc, self.store.path)) is not None:
                raise _full(fatal, self.store.path) from exc
            self.last_error = f"database write failed: {exc}"
            return False


def _full(fatal: str, db: Path) -> StoreFullError:
    return StoreFullError(f"{fatal} (writing {db}); the pages committed before are kept: "
                          "free space and re-run the same command to finish")


def task_failure_key(src: SourceFile) -> str:
    """Resume key of a failure that hit a whole file's task (Dask: worker lost)."""
    return src.page_prefix + "!task"


class _Tracker:
    """Which file each in-flight page belongs to, so a file is marked finished only when every
    one of its pages has an outcome."""

    def __init__(self, writer: _Writer):
        self.writer = writer
        self.owner: dict[str, SourceFile] = {}  # page key -> its file, while the page is out
        self.outstanding: dict[str, int] = {}  # file key -> pages out
        self.read: set[str] = set()  # keys of files read to the end with pages still out

    def sent(self, src: SourceFile, key: str) -> None:
        self.owner[key] = src
        self.outstanding[src.key] = self.outstanding.get(src.key, 0) + 1

    def read_all(self, src: SourceFile) -> None:
        if self.outstanding.get(src.key):
            self.read.add(src.key)
        else:
            self.outstanding.pop(src.key, None)
            self.writer.finish_file(src)

    def received(self, key: str, payload: Payload) -> None:
        src = self.owner.pop(key)
        self.writer.add(src, key, payload)
        self.outstanding[src.key] -= 1
        if not self.outstanding[src.key] and src.key in self.read:
            self.read.discard(src.key)
            del self.outstanding[src.key]
            self.writer.finish_file(src)


def _page_tasks(files: Iterable[SourceFile], store: Store, tracker: _Tracker, summary: IngestSummary,
                max_bytes: int | None) -> Iterator[Task]:
    """Pages still to do, read in this process; read failures go straight to the writer."""
    for src in files:
        if store.is_done(src.key):
            summary.files_skipped += 1
            tracker.writer.on_change(advance=1)
            continue
        skip = store.done_with_prefix(src.page_prefix)
        for item in read_file(src.path, max_bytes=max_bytes or MAX_PAGE_BYTES):
            key = src.page_key(item)
            if key in skip:
                summary.pages_skipped += 1
            elif isinstance(item, Failure):
                tracker.writer.add(src, key, failure_payload(item))
            else:
                tracker.sent(src, key)
                yield key, item
        tracker.read_all(src)


def _run_local(files: list[SourceFile], store: Store, writer: _Writer, summary: IngestSummary,
               options: StageOptions, max_bytes: int | None) -> None:
    tracker = _Tracker(writer)
    tasks = _page_tasks(files, store, tracker, summary, max_bytes)
    if summary.workers <= 1:
        outcomes: Iterator[Outcome] = run_in_process(tasks, options)
        pool = None
    else:
        pool = LocalPool(summary.workers, options)
        outcomes = pool.run(tasks)
    for key, payload in outcomes:
        tracker.received(key, payload)
    summary.worker_crashes = pool.crashes if pool else 0


def _file_groups(files: Iterable[SourceFile]) -> Iterator[list[SourceFile]]:
    """Dask tasks' files: a WARC / JSONL file alone, single-page files in groups of
    FILES_PER_TASK by their place among *all* inputs (done or not), so a resumed run forms the
    same groups and finds their shards (shards.py)."""
    group: list[SourceFile] = []
    for src in files:
        if holds_many_pages(src.path):
            yield [src]
            continue
        group.append(src)
        if len(group) >= FILES_PER_TASK:
            yield group
            group = []
    if group:
        yield group


#: What the loader needs of a task's files: absolute path -> (file, page keys already stored),
#: or None for a file already finished by an earlier run.
Plan = dict[str, tuple[SourceFile, set[str]] | None]


def _shard_tasks(files: Iterable[SourceFile], store: Store, writer: _Writer, summary: IngestSummary,
                 options: StageOptions, shard_dir: Path) -> Iterator[tuple[ShardTask, Plan]]:
    """Tasks with at least one file still to do, each with its loading plan."""
    for group in _file_groups(files):
        plan: Plan = {}
        for src in group:
            if store.is_done(src.key):
                summary.files_skipped += 1
                writer.on_change(advance=1)
                plan[src.absolute] = None
            else:
                skip = store.done_with_prefix(src.page_prefix)
                summary.pages_skipped += len(skip)
                plan[src.absolute] = (src, skip)
        if any(plan.values()):
            yield ShardTask(str(shard_dir), task_id(group, options), tuple(group)), plan


def _run_dask(files: list[SourceFile], store: Store, writer: _Writer, summary: IngestSummary,
              options: StageOptions, scheduler: str | None, shard_dir: Path, overwrite: bool) -> None:
    """Workers write one Parquet shard per task; this process loads each as it is reported."""
    summary.shards = str(shard_dir)
    shard_dir.mkdir(parents=True, exist_ok=True)
    clean_temp(shard_dir)
    plans: dict[str, Plan] = {}  # task id -> its plan, while the task is out

    def tasks() -> Iterator[ShardTask]:
        for task, plan in _shard_tasks(files, store, writer, summary, options, shard_dir):
            plans[task.id] = plan
            yield task

    for task, result in run_dask(run_shard_task, tasks(), (options, overwrite), summary.workers, scheduler):
        plan = plans.pop(task.id)
        if isinstance(result, BaseException):
            _task_lost(task, plan, result, writer)
            continue
        summary.shards_reused += bool(result["reused"])
        _load_shard(result["shard"], plan, writer)
    clean_temp(shard_dir)  # temp files of attempts killed during this run
    summary.notes.append(f"Parquet shards in {shard_dir} ({summary.shards_reused} reused from an earlier run)")


def _load_shard(path: str, plan: Plan, writer: _Writer) -> None:
    """A shard's rows into the store via the writer (batched, idempotent upserts); rows of pages
    stored by an earlier run are skipped, then every file of the task is finished."""
    for file, key, payload in read_shard(path):
        entry = plan.get(file)
        if entry is not None and key not in entry[1]:
            writer.add(entry[0], key, payload)
    for entry in plan.values():
        if entry is not None:
            writer.finish_file(entry[0])


def _task_lost(task: ShardTask, plan: Plan, error: BaseException, writer: _Writer) -> None:
    """A task Dask gave up on (its workers kept dying), or whose shard could not be written."""
    if isinstance(error, OSError) and error.errno in DISK_FULL_ERRNOS:
        raise StoreFullError(f"disk full: cannot write shard {task.path}: {error.strerror or error}")
    reason = f"engine lost this task ({type(error).__name__}: {' '.join(str(error).split())[:200]})"
    for entry in plan.values():
        if entry is not None:
            src = entry[0]
            writer.add(src, task_failure_key(src), {"failure": {"source": str(src.path), "stage": "engine",
                                                               "reason": reason}})


def finish_corpus(store: Store, summary: IngestSummary) -> None:
    """The corpus steps after pages are stored: syndicated copies, then cross-article events.
    Each is skipped with a note while its module is not there yet."""
    try:
        from factwire.corpus.syndication import SyndicationIndex
    except ModuleNotFoundError as exc:
        if exc.name != "factwire.corpus.syndication":
            raise
        summary.notes.append("syndication skipped: factwire.corpus.syndication is not available")
    else:
        summary.copies = store.replace_copies(_copies(store, SyndicationIndex()))
    try:
        from factwire.corpus.merge import merge_events
    except ModuleNotFoundError as exc:
        if exc.name != "factwire.corpus.merge":
            raise
        summary.notes.append("event merging skipped: factwire.corpus.merge is not available")
    else:
        summary.corpus_events = store.replace_corpus_events(merge_events(store.article_events()))
    for note in summary.notes:
        log.info(note)


def _copies(store: Store, index) -> list[dict]:
    """Syndication fed in chunks of articles (the index is incremental): the same rows as one
    `cluster_articles(store.article_docs())` call without every text in memory at once.  Each
    chunk returns the rows of the clusters it touched; later rows replace earlier ones by id."""
    rows: dict[str, dict] = {}
    for chunk in store.iter_article_docs():
        rows.update((r["id"], r) for r in index.add(chunk))
    return [rows[k] for k in sorted(rows)]


def _progress(enabled: bool, total: int):
    """A rich progress bar on stderr: files done of total, pages, pages/s, failures, ETA."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    columns = (TextColumn("ingest"), BarColumn(), MofNCompleteColumn(), TextColumn("files"),
               TextColumn("{task.fields[pages]} pages · {task.fields[rate]:.1f}/s · {task.fields[failed]} failed"),
               TimeRemainingColumn())
    progress = Progress(*columns, console=Console(stderr=True), disable=not enabled)
    task = progress.add_task("ingest", total=total, pages=0, rate=0.0, failed=0)
    return progress, task


def ingest(sources: Iterable[str | Path], db: str | Path, *, workers: int = 1, engine: str = "local",
           scheduler: str | None = None, retry_failed: bool = False, progress: bool = True,
           facts: bool = True, clean: bool = True, timeout: float | None = DEFAULT_TIMEOUT_S,
           max_bytes: int | None = None, shards: str | Path | None = None) -> IngestSummary:
    """Ingest files / folders / WARC / JSONL into the store at `db`; resumable, idempotent.

    engine "local" runs pages in this process (workers=1) or in the supervised pool; "dask"
    runs the same stage function on dask.distributed (a LocalCluster, or `scheduler`), each
    task writing a Parquet shard into `shards` (default `<db>.shards/`; on a real cluster a
    folder every worker and this process can reach) that this process then loads.
    Raises StoreFullError when the database (or a shard) cannot be written for lack of room."""
    if engine not in ENGINES:
        raise ValueError(f"unknown engine {engine!r} (choose from {', '.join(ENGINES)})")
    if shards is not None and engine != "dask":
        raise ValueError("shards are written by the dask engine only (use --engine dask)")
    shard_dir = Path(shards).absolute() if shards is not None else default_dir(db)
    started = time.monotonic()
    sources = list(sources)
    missing = [str(s) for s in sources if not os.path.lexists(s)]
    if missing:  # before the database is created: a typo must not leave an empty one behind
        raise FileNotFoundError(f"no such file or folder: {', '.join(missing)}")
    files = list(walk_sources(sources))
    summary = IngestSummary(db=str(db), engine=engine, workers=max(1, workers), files=len(files))
    if not files:
        summary.notes.append(f"no pages found in {', '.join(map(str, sources))} (nothing stored; no database made)")
        return summary
    options = StageOptions(clean=clean, timeout=timeout, facts=facts, max_bytes=max_bytes or MAX_PAGE_BYTES)
    with open_store(db) as store:
        if retry_failed:
            summary.notes.append(f"retrying {store.reopen_failed()} failed pages")
        bar, task = _progress(progress, len(files))
        with bar:
            def on_change(advance: int = 0) -> None:
                elapsed = time.monotonic() - started
                done = summary.pages + summary.failures
                bar.update(task, advance=advance, pages=done, failed=summary.failures,
                           rate=done / elapsed if elapsed else 0.0)

            writer = _Writer(store, summary, on_change)
            if engine == "dask":
                _require_pyarrow()
                _run_dask(files, store, writer, summary, options, scheduler, shard_dir, overwrite=retry_failed)
            else:
                _run_local(files, store, writer, summary, options, max_bytes)
            writer.flush()
        _finish_or_stop(store, summary)
    summary.seconds = time.monotonic() - started
    return summary


def open_store(db: str | Path) -> Store:
    """The store at `db`, created or migrated; a file size limit or a full disk while the
    schema is written is StoreFullError (one line), like a full disk later on."""
    try:
        return Store(db)
    except sqlite3.Error as exc:
        if (fatal := storage_error(exc, Path(db))) is not None:
            raise _full(fatal, Path(db)) from exc
        raise


def _finish_or_stop(store: Store, summary: IngestSummary) -> None:
    try:
        finish_corpus(store, summary)
    except sqlite3.Error as exc:
        if (fatal := storage_error(exc, store.path)) is None:
            raise
        raise StoreFullError(f"{fatal} (writing copies and corpus events to {store.path}); every page is stored: "
                             "free space and re-run the same command to finish") from exc


def _require_pyarrow() -> None:
    """Fail before starting a cluster, with the project's one-line missing-extra error."""
    try:
        import pyarrow  # noqa: F401
    except ImportError as exc:
        raise MissingDependency("the dask engine writes Parquet shards and needs pyarrow: "
                                "pip install 'factwire[dask]'") from exc
