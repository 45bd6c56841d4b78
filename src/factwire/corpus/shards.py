"""Parquet shards: what `--engine dask` workers write, and what `ingest` loads into the store.

Why shards: at cluster scale the client should not receive every article over the network and
hold it in memory.  Each Dask task processes a group of input files (a WARC or JSONL file alone,
single-page files in groups) and writes *one* Parquet file, `<dir>/part-<task id>.parquet`,
returning only its path and counts; the ingesting process then loads the shard into SQLite with
the same idempotent upserts as the local engine.  The shards stay on disk as an output of their
own: DuckDB or Spark can query them without SQLite.

Atomic: a shard is written to `.part-<task id>.parquet.<pid>-<random>.tmp` beside it, fsynced and
then `os.replace`d, so a shard either exists whole or not at all; a temp file left by a killed
worker is never read (only `part-*.parquet` names are) and is deleted by the next ingest.

Task id: a hash of the shard format version, the factwire version, the stage options that change
the output (clean, facts) and the resume keys of the task's files (path, size, mtime).  A re-run
(after kill -9, or of a database deleted and rebuilt) finds the shard of an unchanged task and loads
it instead of recomputing it; a changed file, option or factwire version gives a new id.  Tasks
group files by their place in the full list of inputs, not in the list of files still to do, so
groups (and ids) stay the same across resumes.

Schema (one row per page outcome; every column a string, null where it does not apply):
  kind          "article" or "failure"
  key           the page's resume key (store `done.key`)
  file          absolute path of the input file
  id, source    record id (content hash) / where the page came from (path, path:line, path#offset)
  url, site, title, published, language, text     article fields
  entities, dates, quantities, places, attributions, events
                JSON arrays, exactly `Record.to_dict()`'s lists (facts and article-level events)
  record        JSON of the rest of the record: the fields above that are split out appear in it
                as null placeholders (this keeps the record's key order, so loading a shard stores
                byte-identical JSON to the local engine)
  stage, reason for failures: the stage that failed and why
Key/value metadata `factwire.shard` holds {"version", "task", "files": [file resume keys]}.
DuckDB, for example:
  SELECT id, title, published FROM 'news.db.shards/part-*.parquet' WHERE kind = 'article';
  SELECT id, unnest(from_json(events, '["json"]')) ->> 'event_type' FROM 'news.db.shards/*.parquet';
"""
from __future__ import annotations

import hashlib
import json
import os
import uuid
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from factwire.corpus.engines import Payload, StageOptions, failure_payload, run_batch_or_alone
from factwire.corpus.store import FACT_KINDS
from factwire.model import Failure, Page
from factwire.pipeline import FACTS_BATCH
from factwire.read.pages import MAX_PAGE_BYTES
from factwire.read.sources import SourceFile, read_file

#: Bump when the columns or their meaning change (old shards then get new task ids).
SHARD_VERSION = 1
SHARD_PREFIX = "part-"
TEMP_PREFIX = ".part-"
#: Rows buffered per Parquet row group: bounds a worker's memory on a big WARC task while
#: keeping a single-page-file task (16 pages) in one group.
ROWS_PER_GROUP = 256
METADATA_KEY = b"factwire.shard"

#: Record fields stored in their own column (JSON for the lists), placeholders in `record`.
TEXT_FIELDS = ("text",)
JSON_FIELDS = (*FACT_KINDS, "events")
ARTICLE_COLUMNS = ("id", "source", "url", "site", "title", "published", "language")
COLUMNS = ("kind", "key", "file", *ARTICLE_COLUMNS, *TEXT_FIELDS, *JSON_FIELDS, "record", "stage", "reason")


def schema():
    import pyarrow as pa

    return pa.schema([(name, pa.string()) for name in COLUMNS])


@dataclass(slots=True, frozen=True)
class ShardTask:
    """One Dask task: these files, processed whole, into the shard `dir/part-<id>.parquet`."""

    dir: str
    id: str
    files: tuple[SourceFile, ...]

    @property
    def path(self) -> Path:
        return Path(self.dir) / f"{SHARD_PREFIX}{self.id}.parquet"


def task_id(files: Iterable[SourceFile], options: StageOptions) -> str:
    """Content id of a task (see the module docstring for what goes in)."""
    from factwire import __version__

    basis = [SHARD_VERSION, __version__, options.clean, options.facts, [f.key for f in files]]
    if options.max_bytes != MAX_PAGE_BYTES:  # (only then, so default shards keep their ids)
        basis.append(options.max_bytes)
    return hashlib.sha256(json.dumps(basis).encode()).hexdigest()[:24]


def default_dir(db: str | Path) -> Path:
    """Where shards go when `--shards` is not given: `<db>.shards/` beside the database."""
    return Path(f"{Path(db).absolute()}.shards")


# -- writing (on a worker) ---------------------------------------------------------------------

def run_shard_task(task: ShardTask, options: StageOptions, overwrite: bool = False) -> dict[str, Any]:
    """The Dask task: every page of the task's files -> one shard; returns its path and counts.
    A shard already there (an earlier run, or this task's earlier attempt) is kept unless
    `overwrite` (--retry-failed: the outcomes inside are what is being retried)."""
    from pyarrow.lib import ArrowException

    path = task.path
    if not overwrite and path.exists():
        try:
            return {"shard": str(path), "reused": True, **shard_counts(path)}
        except (ArrowException, OSError):  # damaged (e.g. a disk error after the rename): redo it
            pass
    meta = {"version": SHARD_VERSION, "task": task.id, "files": [f.key for f in task.files]}
    counts = write_shard(path, _outcome_rows(task.files, options), meta)
    return {"shard": str(path), "reused": False, **counts}


def _outcome_rows(files: Iterable[SourceFile], options: StageOptions) -> Iterator[dict[str, Any]]:
    """The rows of every page read from `files`, in reading order; pages go FACTS_BATCH at a time
    through one spaCy batch, as in the local pool (page by page cost ~12 % more spaCy CPU)."""
    pending: list[tuple[SourceFile, Page | Failure]] = []
    pages = 0
    for src in files:
        for item in read_file(src.path, max_bytes=options.max_bytes):
            pending.append((src, item))
            pages += not isinstance(item, Failure)
            if pages >= FACTS_BATCH:
                yield from _batch_rows(pending, options)
                pending, pages = [], 0
    yield from _batch_rows(pending, options)


def _batch_rows(pending: list[tuple[SourceFile, Page | Failure]], options: StageOptions) -> Iterator[dict[str, Any]]:
    """Rows for read pages and read failures, in order (engines.run_batch_or_alone: one page's
    bug never costs the others in its batch)."""
    tasks = [(src.page_key(item), item) for src, item in pending if not isinstance(item, Failure)]
    payloads = iter([payload for _, payload in run_batch_or_alone(tasks, options)] if tasks else [])
    for src, item in pending:
        payload = failure_payload(item) if isinstance(item, Failure) else next(payloads)
        yield to_row(src.absolute, src.page_key(item), payload)


def to_row(file: str, key: str, payload: Payload) -> dict[str, Any]:
    """A page outcome as a shard row (the schema in the module docstring)."""
    if "failure" in payload:
        f = payload["failure"]
        return {"kind": "failure", "key": key, "file": file, "id": f.get("id") or None, "source": f["source"],
                "stage": f["stage"], "reason": f["reason"]}
    rec = payload["record"]
    row: dict[str, Any] = {"kind": "article", "key": key, "file": file}
    row.update((c, _text_or_none(rec.get(c))) for c in ARTICLE_COLUMNS)
    row.update((c, rec[c]) for c in TEXT_FIELDS if c in rec)
    row.update((c, json.dumps(rec[c], ensure_ascii=False)) for c in JSON_FIELDS if c in rec)
    split = {c: None for c in (*TEXT_FIELDS, *JSON_FIELDS) if c in rec}
    row["record"] = json.dumps({**rec, **split}, ensure_ascii=False)
    return row


def _text_or_none(value: Any) -> str | None:
    return None if value is None else str(value)


def write_shard(path: Path, rows: Iterable[dict[str, Any]], meta: dict[str, Any]) -> dict[str, int]:
    """Write rows to `path` atomically (temp file, fsync, os.replace); returns the counts."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f"{TEMP_PREFIX}{path.name[len(SHARD_PREFIX):]}.{os.getpid()}-{uuid.uuid4().hex[:8]}.tmp")
    sch = schema().with_metadata({METADATA_KEY: json.dumps(meta).encode()})
    counts = {"articles": 0, "failures": 0}
    try:
        with open(tmp, "wb") as out:
            with pq.ParquetWriter(out, sch) as writer:
                buffer: list[dict[str, Any]] = []
                for row in rows:
                    counts["articles" if row["kind"] == "article" else "failures"] += 1
                    buffer.append(row)
                    if len(buffer) >= ROWS_PER_GROUP:
                        writer.write_table(pa.Table.from_pylist(buffer, sch))
                        buffer = []
                writer.write_table(pa.Table.from_pylist(buffer, sch))
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return counts


# -- reading (in the ingesting process, or by anyone) -------------------------------------------

def read_shard(path: str | Path) -> Iterator[tuple[str, str, Payload]]:
    """(file, page key, payload) for every row, payloads as the engines produce them."""
    import pyarrow.parquet as pq

    shard = pq.ParquetFile(path)
    for batch in shard.iter_batches(batch_size=ROWS_PER_GROUP):
        for row in batch.to_pylist():
            yield row["file"], row["key"], row_payload(row)


def row_payload(row: dict[str, Any]) -> Payload:
    """The inverse of `to_row`: {"record": dict} or {"failure": dict}."""
    if row["kind"] == "failure":
        return {"failure": {"id": row["id"] or "", "source": row["source"], "stage": row["stage"],
                            "reason": row["reason"]}}
    rec = json.loads(row["record"])
    for c in TEXT_FIELDS:
        if c in rec:
            rec[c] = row[c]
    for c in JSON_FIELDS:
        if c in rec:
            rec[c] = json.loads(row[c])
    return {"record": rec}


def shard_counts(path: str | Path) -> dict[str, int]:
    import pyarrow.parquet as pq

    kinds = pq.read_table(path, columns=["kind"]).column("kind").to_pylist()
    n = sum(k == "article" for k in kinds)
    return {"articles": n, "failures": len(kinds) - n}


def shard_meta(path: str | Path) -> dict[str, Any]:
    import pyarrow.parquet as pq

    return json.loads(pq.read_schema(path).metadata[METADATA_KEY])


def clean_temp(directory: str | Path) -> int:
    """Delete temp files left by killed tasks (run before any task of this ingest starts)."""
    n = 0
    for tmp in Path(directory).glob(f"{TEMP_PREFIX}*.tmp"):
        tmp.unlink(missing_ok=True)
        n += 1
    return n
