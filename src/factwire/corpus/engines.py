"""Engines: the same stage function (`process_page`) run in-process, in a local supervised process
pool, or on dask.distributed.

Why a supervisor instead of ProcessPoolExecutor: there, one dead worker breaks the whole pool
(BrokenProcessPool) and loses the run.  Here each worker has its own task
queue and its own result pipe (no lock shared between workers, so a worker killed mid-write
cannot wedge the others); a dead or hung worker is replaced, the page it was on is retried once,
and a second crash on the same page becomes a Failure "worker crashed on this page".

Results cross process boundaries as plain dicts (`Record.to_dict()`): measured on DEV pages,
pickling the dict is as cheap as pickling the Record and needs no class on the other side.
"""
from __future__ import annotations

import logging
import multiprocessing as mp
import signal
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from typing import Any

from factwire.errors import MissingDependency
from factwire.model import Failure, Page
from factwire.pipeline import DEFAULT_TIMEOUT_S, FACTS_BATCH, process_page, process_pages
from factwire.read.pages import MAX_PAGE_BYTES

log = logging.getLogger(__name__)

#: Tasks queued per worker beyond the one it is on, so it never waits for the parent and always
#: finds a whole spaCy batch (FACTS_BATCH pages) queued when it finishes one: with 2 queued, a
#: worker often gathered batches of 1-2 pages.  Measured on 600 corpus-bench pages, 2 workers,
#: two alternated rounds (session 7, bench/results/corpus.md): workers' CPU a page 57.6 / 58.9 ms
#: with 2 queued, 54.6 / 55.6 ms with 7.
PREFETCH = 2 * FACTS_BATCH - 1
#: A page is tried this many times in total when its worker dies on it.
MAX_ATTEMPTS = 2
#: How long the supervisor waits for any news before checking workers again (seconds).
POLL_S = 0.5
#: A worker with no answer for this many page time limits is taken as hung and killed (the
#: per-page limit is SIGALRM, which cannot interrupt a page stuck inside C code).
HUNG_AFTER_LIMITS = 4
#: ... and never sooner than this (seconds), so slow machines and the facts stage have room.
HUNG_AFTER_MIN_S = 60.0

#: Workers that die before any worker has answered once mean the pool cannot start at all
#: (e.g. a script without an `if __name__ == "__main__":` guard): stop after this many.
MAX_STARTUP_CRASHES = 4

CRASH_REASON = "worker crashed on this page"

#: Peak RSS of one pool worker with facts on (spaCy sm, gazetteers, the event coder), from
#: bench/results/corpus.md: 767 MB for the 2-worker tree minus the ~40 MB parent, /2, rounded up.
#: With --no-facts a worker stays under 70 MB (memory section of the same file).
WORKER_MB_FACTS = 400
WORKER_MB_NO_FACTS = 70

Payload = dict[str, Any]  # {"record": Record.to_dict()} or {"failure": {"stage", "reason", ...}}
Outcome = tuple[str, Payload]  # (page key, payload)
Task = tuple[str, Page]  # (page key, page)


@dataclass(slots=True, frozen=True)
class StageOptions:
    """How each page is processed (the arguments of `process_page`)."""

    clean: bool = True
    timeout: float | None = DEFAULT_TIMEOUT_S
    facts: bool = True
    max_bytes: int = MAX_PAGE_BYTES  # the page size limit, for the readers Dask tasks run


def default_workers(facts: bool = True) -> int:
    """`factwire ingest`'s default --workers: one per core this process may run on (taskset and
    cgroup cpusets count), but no more than the available memory holds at the per-worker peak
    above, so a small VM does not swap instead of going faster."""
    import os

    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    per_worker = WORKER_MB_FACTS if facts else WORKER_MB_NO_FACTS
    return max(1, min(cores, _available_mb() // per_worker))


def _available_mb() -> int:
    """MemAvailable in MB (Linux /proc/meminfo); a very large number where it cannot be read."""
    try:
        with open("/proc/meminfo", encoding="ascii") as f:
            for line in f:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) // 1024
    except (OSError, ValueError, IndexError):
        return 1 << 30  # not Linux, or an unreadable /proc: cores alone decide
    return 1 << 30


def failure_payload(failure: Failure) -> Payload:
    return {"failure": {"id": failure.id, "source": failure.source, "stage": failure.stage,
                        "reason": failure.reason}}


def run_page(page: Page, options: StageOptions) -> Payload:
    """The stage function every engine runs: one page -> a record dict or a failure dict."""
    result = process_page(page, clean=options.clean, timeout=options.timeout, facts=options.facts)
    if isinstance(result, Failure):
        return failure_payload(result)
    return {"record": result.to_dict()}


def run_batch(tasks: list[Task], options: StageOptions) -> list[Outcome]:
    """Several pages through `pipeline.process_pages` (spaCy parses their texts in one batch)."""
    results = process_pages([page for _, page in tasks], clean=options.clean, timeout=options.timeout,
                            facts=options.facts)
    return [(key, failure_payload(r) if isinstance(r, Failure) else {"record": r.to_dict()})
            for (key, _), r in zip(tasks, results)]


def run_batch_or_alone(tasks: list[Task], options: StageOptions) -> list[Outcome]:
    """`run_batch`, and if the batch itself raises (a bug outside every page's own sandbox), each
    page again on its own (`run_page`), so one page's bug never costs its batch-mates: the
    guarantee the pool gets from retrying alone the pages of a crashed worker, for engines that
    cannot retry one page (Dask runs a whole task again)."""
    try:
        return run_batch(tasks, options)
    except Exception:  # noqa: BLE001 - not hidden: every page runs again alone, its own error recorded
        log.warning("a batch of %d pages failed; processing them one by one", len(tasks), exc_info=True)
        return [(key, run_page(page, options)) for key, page in tasks]


def run_in_process(tasks: Iterable[Task], options: StageOptions) -> Iterator[Outcome]:
    """`--workers 1`: pages processed in this process, FACTS_BATCH at a time."""
    source = iter(tasks)
    while batch := _take(source, FACTS_BATCH):
        yield from run_batch(batch, options)


# -- the local supervised pool ----------------------------------------------------------------

def _worker_main(inbox: mp.Queue, outbox: Connection, options: StageOptions) -> None:
    """A pool worker: take (key, page, attempts) tasks until None, send back (key, payload) in
    task order.  First tries are batched with what else is already queued (up to FACTS_BATCH);
    a retried page (attempts > 0, its worker died on it) always runs alone, so a page that kills
    its worker is found and never takes a batch of innocent pages down with it twice."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    held: Any = None
    while True:
        task = held if held is not None else inbox.get()
        if task is None or task is _STOP:
            return
        batch, held = _gather(inbox, task)
        for outcome in run_batch([(key, page) for key, page, _ in batch], options):
            outbox.send(outcome)


#: A stop request read while gathering a batch (the batch is finished first).
_STOP = object()


def _gather(inbox: mp.Queue, first: tuple) -> tuple[list, Any]:
    """`first` and the first tries already queued behind it (up to FACTS_BATCH); a retry or a
    stop request read meanwhile is handed back for the next round."""
    batch = [first]
    while first[2] == 0 and len(batch) < FACTS_BATCH and not inbox.empty():
        nxt = inbox.get()
        if nxt is None or nxt[2] != 0:
            return batch, (_STOP if nxt is None else nxt)
        batch.append(nxt)
    return batch, None


@dataclass(slots=True)
class _Worker:
    process: mp.process.BaseProcess
    inbox: mp.Queue
    results: Connection
    inflight: deque = field(default_factory=deque)  # [(key, page, attempts)], oldest first
    since: float = field(default_factory=time.monotonic)  # last task start or answer


class LocalPool:
    """A process pool that survives crashed and hung workers (see the module docstring)."""

    def __init__(self, workers: int, options: StageOptions):
        self.size = max(1, workers)
        self.options = options
        self.ctx = mp.get_context("forkserver")
        self.ctx.set_forkserver_preload(["factwire.pipeline"])
        limit = options.timeout or DEFAULT_TIMEOUT_S
        self.hung_after = max(HUNG_AFTER_MIN_S, HUNG_AFTER_LIMITS * limit)
        self.workers: list[_Worker] = []
        self.retries: deque = deque()
        self.crashes = 0
        self.answers = 0

    def _spawn(self) -> _Worker:
        inbox = self.ctx.Queue()
        receive, send = self.ctx.Pipe(duplex=False)
        proc = self.ctx.Process(target=_worker_main, args=(inbox, send, self.options), daemon=True)
        proc.start()
        send.close()  # the worker holds the only write end: EOF here means it is gone
        return _Worker(proc, inbox, receive)

    def run(self, tasks: Iterable[Task]) -> Iterator[Outcome]:
        """Process every task; yield outcomes as they arrive (not in input order)."""
        source = iter(tasks)
        self.workers = [self._spawn() for _ in range(self.size)]
        try:
            while self._feed(source) or any(w.inflight for w in self.workers):
                wait([w.results for w in self.workers] + [w.process.sentinel for w in self.workers], POLL_S)
                yield from self._collect()
        finally:
            self._stop()

    def _feed(self, source: Iterator[Task]) -> bool:
        """Top up every worker's queue; False once there is nothing left to send."""
        more = True
        for w in self.workers:
            while len(w.inflight) < 1 + PREFETCH:
                item = self.retries.popleft() if self.retries else _next_task(source)
                if item is None:
                    more = False
                    break
                if not w.inflight:
                    w.since = time.monotonic()
                w.inflight.append(item)
                w.inbox.put(item)
        return more or bool(self.retries)

    def _collect(self) -> list[Outcome]:
        """Answers from every worker; replace the dead and the hung."""
        out: list[Outcome] = []
        for i, w in enumerate(self.workers):
            alive = self._drain(w, out)
            hung = alive and w.inflight and time.monotonic() - w.since > self.hung_after
            if hung:
                w.process.kill()
            if not alive or hung:
                w.process.join()
                _release(w)
                out.extend(self._requeue(w, "hung" if hung else "crashed"))
                self.workers[i] = self._spawn()
        return out

    def _drain(self, w: _Worker, out: list[Outcome]) -> bool:
        """Read every answer waiting from a worker; False when the worker is gone."""
        try:
            while w.results.poll():
                key, payload = w.results.recv()
                w.inflight.popleft()
                w.since = time.monotonic()
                self.answers += 1
                out.append((key, payload))
        except (EOFError, OSError):
            return False
        return w.process.is_alive()

    def _requeue(self, w: _Worker, how: str) -> list[Outcome]:
        """The page a dead worker was on gets one more try (then a Failure); the rest go back."""
        self.crashes += 1
        if not self.answers and self.crashes >= MAX_STARTUP_CRASHES:
            raise RuntimeError(f"pool workers die before processing anything (exit code {w.process.exitcode}); "
                               "a script using factwire's pool needs an `if __name__ == '__main__':` guard")
        log.warning("pool worker %s %s (exit code %s); replacing it", w.process.pid, how, w.process.exitcode)
        if not w.inflight:
            return []
        (key, page, attempts), rest = w.inflight[0], list(w.inflight)[1:]
        self.retries.extendleft(reversed(rest))
        if attempts + 1 < MAX_ATTEMPTS:
            self.retries.appendleft((key, page, attempts + 1))
            return []
        reason = CRASH_REASON if how == "crashed" else f"worker hung on this page (no answer in {self.hung_after:g} s)"
        return [(key, failure_payload(Failure(id=page.id or "", source=page.source, stage="worker", reason=reason)))]

    def _stop(self) -> None:
        for w in self.workers:
            if w.process.is_alive():
                w.inbox.put(None)
        for w in self.workers:
            w.process.join(timeout=5)
            if w.process.is_alive():
                w.process.kill()
                w.process.join()
            _release(w)


def _release(w: _Worker) -> None:
    """Close a finished or dead worker's queue and pipe.  cancel_join_thread matters: the queue's
    feeder thread may be blocked writing a page nobody will read (the pipe of a dead worker is
    full), and at exit Python would join that thread forever -- `ingest` hung after any worker
    crash until this was done for replaced workers too."""
    w.inbox.close()
    w.inbox.cancel_join_thread()
    w.results.close()


def _next_task(source: Iterator[Task]) -> tuple[str, Page, int] | None:
    task = next(source, None)
    return None if task is None else (task[0], task[1], 0)


# -- dask.distributed --------------------------------------------------------------------------

#: Single-page files go to Dask in groups this large (a task costs ~ms of scheduling, and each
#: task writes one shard); WARC and JSONL files are one task each, read inside the task.
FILES_PER_TASK = 16
#: Tasks submitted ahead per Dask worker, so the cluster stays busy without holding the corpus.
TASKS_AHEAD_PER_WORKER = 2


def start_dask(workers: int, scheduler: str | None):
    """A Client on `scheduler`, or on a LocalCluster bound to 127.0.0.1 with no dashboard."""
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError as exc:
        raise MissingDependency("the dask engine needs dask.distributed: pip install 'factwire[dask]'") from exc
    if scheduler:
        return Client(scheduler), None
    cluster = LocalCluster(n_workers=max(1, workers), threads_per_worker=1, processes=True,
                           host="127.0.0.1", dashboard_address=None, silence_logs=logging.ERROR)
    return Client(cluster), cluster


def run_dask(fn: Callable[..., Any], tasks: Iterable[Any], args: tuple, workers: int,
             scheduler: str | None = None) -> Iterator[tuple[Any, Any]]:
    """Run `fn(task, *args)` for every task (a bounded number submitted ahead); yield
    (task, result or the task's error) as they finish.

    Dask itself reruns a task whose worker died; a task that keeps killing workers comes back
    as its error (KilledWorker) for the caller to record."""
    from dask.distributed import as_completed

    client, cluster = start_dask(workers, scheduler)
    try:
        ahead = TASKS_AHEAD_PER_WORKER * max(1, len(client.scheduler_info()["workers"]) or workers)
        source, submitted = iter(tasks), dict[Any, Any]()
        pending = as_completed()
        for task in _take(source, ahead):
            pending.add(_submit(client, fn, task, args, submitted))
        for future in pending:
            task = submitted.pop(future.key)
            yield task, (future.result() if future.status == "finished" else future.exception())
            future.release()
            for task in _take(source, 1):
                pending.add(_submit(client, fn, task, args, submitted))
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _submit(client, fn: Callable[..., Any], task: Any, args: tuple, submitted: dict):
    future = client.submit(fn, task, *args, pure=False)
    submitted[future.key] = task
    return future


def _take(source: Iterator, n: int) -> list:
    return [t for _, t in zip(range(n), source)]
