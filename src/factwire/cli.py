"""Command line: a thin layer over the public functions.  Errors are one line, never a traceback.

Exit codes of `extract`, `facts`, `events PATH` and `ingest`: 0 every page gave a record (for
`ingest`: every page of this run), 1 some pages failed, 2 all failed or nothing was found to read.
Failed pages still get a line in JSON/JSONL output: {"id","source","error"}.  Misuse (a missing
path or database, a value that is not allowed) is one line naming the problem and the fix.
"""
from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
import sys
from pathlib import Path

import click

from factwire.export.events import FORMATS as EVENT_FORMATS, render_events
from factwire.export.records import FORMATS, render
from factwire.export.safe import json_text, one_line
from factwire.limits import DEFAULT_TIMEOUT_S
from factwire.model import Failure
from factwire.read.pages import MAX_PAGE_BYTES

EXTRACT_EXAMPLE = """
\b
Examples:
  factwire extract examples/seed-drones.txt --published 2022-11-19 --format text
  factwire extract page.html --url https://example.com/story -o story.json
  factwire extract crawl/ -o articles.jsonl          # a folder -> JSONL, one line per page
  curl -s https://example.com/story | factwire extract - --format markdown
"""


def _check_date(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date in YYYY-MM-DD form") from None


def _check_choice(value: str | None, what: str, sub: bool = False) -> str | None:
    """`value` as ACLED's codebook spells that event type (or sub-event type, `sub`), matched
    case-insensitively, else misuse listing the valid ones."""
    if value is None:
        return None
    from factwire.events.codebook import SUB_EVENT_TYPES

    valid = tuple(SUB_EVENT_TYPES) if sub else tuple(dict.fromkeys(SUB_EVENT_TYPES.values()))
    for name in valid:
        if name.casefold() == value.strip().casefold():
            return name
    raise Misuse(f"unknown {what} {value!r}; use one of: {', '.join(valid)}")


#: Options several commands share.
published_option = click.option("--published", callback=_check_date, metavar="YYYY-MM-DD",
                                help="Publication date to use when a page has none.")
max_mb_option = click.option("--max-mb", type=click.FloatRange(min=0, min_open=True), default=MAX_PAGE_BYTES / 2**20,
                              show_default=True, help="Refuse pages larger than this (MiB).")
timeout_option = click.option("--timeout", type=click.FloatRange(min=0), default=DEFAULT_TIMEOUT_S,
                              show_default=True, help="Per-page time limit in seconds (0: none).")


def _show_version(ctx: click.Context, param: click.Parameter, value: bool) -> None:
    """--version, with the package metadata read only when asked (it costs ~70 ms at start)."""
    if value and not ctx.resilient_parsing:
        from factwire import __version__

        click.echo(f"factwire, version {__version__}")
        ctx.exit()


def _extract_all(*args, **kwargs):
    """pipeline.extract_all, imported on first use: commands that read no page (`--help`,
    `status`, `search`, ...) start without lxml, the cleaners and the readers."""
    from factwire.pipeline import extract_all

    return extract_all(*args, **kwargs)


@click.group(context_settings={"help_option_names": ["-h", "--help"]},
             epilog="Example:\n\n  factwire extract examples/seed-drones.txt --published 2022-11-19 --format text")
@click.option("--version", is_flag=True, expose_value=False, is_eager=True, callback=_show_version,
              help="Show the version and exit.")
def main() -> None:
    """factwire: raw news pages (HTML or scraped text) -> clean articles, facts and events."""


def _default_format(paths: tuple[str, ...]) -> str:
    from factwire.read.sources import holds_many_pages

    one_page = len(paths) == 1 and (paths[0] == "-" or (Path(paths[0]).is_file()
                                                        and not holds_many_pages(Path(paths[0]))))
    return "json" if one_page else "jsonl"


@main.command(epilog=EXTRACT_EXAMPLE)
@click.argument("paths", nargs=-1, required=True)
@published_option
@click.option("--url", help="The page's URL (resolves relative links, gives the site).")
@click.option("--format", "fmt", type=click.Choice(FORMATS),
              help="Output format (default: json for one page, jsonl for several).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), help="Write here instead of stdout.")
@click.option("--input-kind", type=click.Choice(["html", "text"]), help="Override HTML/text detection.")
@click.option("--no-clean", is_flag=True, help="Text input is already clean: keep it unchanged.")
@click.option("--no-facts", is_flag=True,
              help="Skip the facts stage (entities, dates, quantities, places, attributions).")
@timeout_option
@max_mb_option
def extract(paths, published, url, fmt, output, input_kind, no_clean, no_facts, timeout, max_mb) -> None:
    """Turn news pages (files, folders, .gz, WARC, JSONL or - for stdin) into clean article records."""
    fmt = fmt or _default_format(paths)
    items = _extract_all(paths, url=url, published=published, input_kind=input_kind, clean=not no_clean,
                        facts=not no_facts, timeout=timeout or None, max_bytes=int(max_mb * 2**20))
    run_pages(paths, items, output, lambda item, out, n: out.write(render(item, fmt) or ""), failures_too=True)


def run_pages(paths, items, output: str | None, write, failures_too: bool = False, verb: str = "extract") -> None:
    """The loop every page command shares: each record (and, with `failures_too`, each failure)
    goes to `write(item, out, n_ok)`; each failure also gets one line on stderr; a progress
    line on a terminal when `paths` hold more than one file; then exit 0 (all pages gave a
    record), 1 (some failed) or 2 (all failed / nothing read)."""
    _check_paths(paths)
    ok = failed = 0
    progress = _PageProgress(verb, paths)
    with progress, click.open_file(output or "-", "w", encoding="utf-8") as out:
        for item in items:
            if isinstance(item, Failure):
                failed += 1
                click.echo(f"factwire: {one_line(item.one_line())}", err=True)  # above the progress bar
                if not failures_too:
                    progress.step(ok, failed)
                    continue
            else:
                ok += 1
            write(item, out, ok)
            out.flush()
            progress.step(ok, failed)
    sys.exit(_exit_code(ok, failed, paths))


class Misuse(click.ClickException):
    """Misuse answered in one line naming the problem and the fix (no usage block); exit 2,
    as when nothing is found to read."""

    exit_code = 2


def _check_paths(paths) -> None:
    """A path that does not exist is misuse, said before any page is read (or any database made)."""
    missing = [p for p in paths if p != "-" and not os.path.lexists(p)]
    if missing:
        raise Misuse(f"no such file or folder: {', '.join(missing)} (check the path; give pages, folders, "
                     "JSONL or WARC files)")


def _exit_code(ok: int, failed: int, paths=()) -> int:
    if ok == 0 and failed == 0:
        click.echo(f"factwire: {no_pages_found(paths)}", err=True)
        return 2
    if failed == 0:
        return 0
    return 2 if ok == 0 else 1


def no_pages_found(paths) -> str:
    """The one wording for an input with nothing to read: the paths and what is read."""
    from factwire.read.sources import SOURCE_SUFFIXES

    kinds = " ".join(s for s in SOURCE_SUFFIXES if not s.endswith(".gz"))
    return f"no pages found in {', '.join(map(str, paths)) or 'the input'} (files read: {kinds}, each also as .gz)"


class _PageProgress:
    """`ingest`'s rich progress bar for the page commands (stderr, a terminal only, more than
    one input file): pages done, pages/s, failures.  Failure lines print above it."""

    def __init__(self, verb: str, paths):
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        from factwire.read.sources import holds_many_pages, iter_files

        self.console = Console(stderr=True, highlight=False, soft_wrap=True)
        files = [] if not self.console.is_terminal else list(iter_files(p for p in paths if p != "-"))
        single = all(not holds_many_pages(f) for f in files)
        columns = (TextColumn(verb), BarColumn(), MofNCompleteColumn(),
                   TextColumn("pages · {task.fields[failed]} failed"), TimeElapsedColumn())
        self.bar = Progress(*columns, console=self.console, disable=len(files) < 2)
        self.task = self.bar.add_task(verb, total=len(files) if single else None, failed=0)

    def step(self, ok: int, failed: int) -> None:
        self.bar.update(self.task, completed=ok + failed, failed=failed)

    def __enter__(self) -> _PageProgress:
        self.bar.__enter__()
        return self

    def __exit__(self, *exc) -> None:
        self.bar.__exit__(*exc)


FACTS_EXAMPLE = """
\b
Examples:
  factwire facts examples/seed-drones.txt --published 2022-11-19
  factwire facts page.html --format jsonl -o facts.jsonl
  factwire facts my-clean-article.txt --no-clean     # offsets index into the file as given
"""


@main.command(epilog=FACTS_EXAMPLE)
@click.argument("paths", nargs=-1, required=True)
@published_option
@click.option("--url", help="The page's URL.")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "jsonl"]), default="table", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), help="Write here instead of stdout.")
@click.option("--input-kind", type=click.Choice(["html", "text"]), help="Override HTML/text detection.")
@click.option("--no-clean", is_flag=True, help="Text input is already clean: keep it unchanged.")
@timeout_option
def facts(paths, published, url, fmt, output, input_kind, no_clean, timeout) -> None:
    """Print the facts of news pages: entities, dates, quantities, places, attributions."""
    from factwire.export.records import facts_only, print_facts_table

    items = _extract_all(paths, url=url, published=published, input_kind=input_kind, clean=not no_clean,
                        timeout=timeout or None)

    def write(item, out, n: int) -> None:
        if fmt == "table":
            print_facts_table(item, out)
        else:
            out.write(json_text(facts_only(item), indent=2 if fmt == "json" else None) + "\n")

    run_pages(paths, items, output, write, verb="facts")


EVENTS_EXAMPLE = """
\b
Examples:
  factwire events examples/seed-drones.txt --published 2022-11-19
  factwire events page.html --format csv -o events.csv    # ACLED's columns first, then ours
  factwire events crawl/ --format jsonl -o events.jsonl   # one event per line, with article id and url
  factwire events --db news.db --since 2022-11-01 --country UA --format csv -o events.csv
  factwire events --db news.db --bbox 29,49,32,51 --format geojson -o kyiv.geojson
  factwire events --db news.db --no-merge --format parquet -o article-events.parquet
"""
DB_ONLY_FORMATS = ("parquet", "geojson")


@main.command(epilog=EVENTS_EXAMPLE)
@click.argument("paths", nargs=-1)
@click.option("--db", type=click.Path(dir_okay=False), help="Read the events of a corpus database (instead of PATHs).")
@published_option
@click.option("--url", help="The page's URL.")
@click.option("--format", "fmt", type=click.Choice(EVENT_FORMATS + DB_ONLY_FORMATS), default="table", show_default=True,
              help="table for people; csv in ACLED's column order (formula-safe); jsonl one event per line; "
                   "parquet and geojson (points) with --db only.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), help="Write here instead of stdout.")
@click.option("--input-kind", type=click.Choice(["html", "text"]), help="Override HTML/text detection.")
@click.option("--no-clean", is_flag=True, help="Text input is already clean: keep it unchanged.")
@timeout_option
@click.option("--type", "type_", metavar="TYPE", callback=lambda c, p, v: _check_choice(v, "event type"),
              help="--db: ACLED event type (case-insensitive).")
@click.option("--sub-type", metavar="SUB_TYPE", callback=lambda c, p, v: _check_choice(v, "sub-event type", sub=True),
              help="--db: ACLED sub-event type.")
@click.option("--since", callback=_check_date, metavar="YYYY-MM-DD", help="--db: events overlapping this day or later.")
@click.option("--until", callback=_check_date, metavar="YYYY-MM-DD",
              help="--db: events overlapping this day or earlier.")
@click.option("--country", help="--db: country code as stored (e.g. UA).")
@click.option("--bbox", metavar="MIN_LON,MIN_LAT,MAX_LON,MAX_LAT", help="--db: events located inside this box.")
@click.option("--actor", help="--db: text in the actor's name (case-insensitive).")
@click.option("--no-merge", is_flag=True, help="--db: one row per article event instead of per corpus event.")
def events(paths, db, published, url, fmt, output, input_kind, no_clean, timeout, no_merge, **filters) -> None:
    """Print events: of news pages (PATHs), or of a corpus database (--db, merged across articles)."""
    if db:
        if paths:
            raise click.UsageError("give PATHs or --db, not both")
        _events_db(db, fmt, output, no_merge, filters)
        return
    if not paths:
        raise click.UsageError("give PATHs (pages) or --db DATABASE")
    used = [f"--{k.rstrip('_').replace('_', '-')}" for k, v in filters.items() if v]
    used += ["--no-merge"] if no_merge else []
    if used or fmt in DB_ONLY_FORMATS:
        raise click.UsageError(f"{', '.join(used) or '--format ' + fmt} needs --db (a corpus database)")
    _events_pages(paths, published, url, fmt, output, input_kind, no_clean, timeout)


def _events_db(db: str, fmt: str, output: str | None, no_merge: bool, filters: dict) -> None:
    """`events --db`: one call to `write_db_events`; its summary line goes to stderr."""
    from factwire.errors import MissingDependency
    from factwire.export.db_events import write_db_events

    _require_db(db)
    if fmt == "parquet" and not output:
        raise click.UsageError("--format parquet needs -o FILE")
    filters = {("type" if k == "type_" else k): v for k, v in filters.items()}
    try:
        if fmt == "parquet":
            summary = write_db_events(db, fmt, output, merged=not no_merge, **filters)
        else:
            with click.open_file(output or "-", "w", encoding="utf-8") as out:
                summary = write_db_events(db, fmt, out, merged=not no_merge, **filters)
    except (ValueError, MissingDependency, sqlite3.Error) as exc:
        raise click.ClickException(" ".join(str(exc).split())) from None
    click.echo(f"factwire: {summary}", err=True)


def _events_pages(paths, published, url, fmt, output, input_kind, no_clean, timeout) -> None:
    """`events PATH...`: extract each page and print its events."""
    items = _extract_all(paths, url=url, published=published, input_kind=input_kind, clean=not no_clean,
                        timeout=timeout or None)

    def write(item, out, n: int) -> None:
        if fmt != "table":  # the table prints them itself; csv/jsonl stay machine-readable
            for err in item.errors:
                click.echo(f"factwire: {item.source}: {err['stage']}: {err['reason']}", err=True)
        out.write(render_events(item, fmt, header=n == 1))

    run_pages(paths, items, output, write, verb="events")


INGEST_EXAMPLE = """
\b
Examples:
  factwire ingest crawl/ --db news.db                  # a folder (recursive) with a progress bar
  factwire ingest crawl.warc.gz pages.jsonl --db news.db --workers 2
  factwire ingest crawl/ --db news.db --engine dask --workers 2   # Parquet shards in news.db.shards/
  factwire ingest /nfs/crawl --db news.db --engine dask --scheduler tcp://10.0.0.5:8786 --shards /nfs/shards
  factwire ingest crawl/ --db news.db --retry-failed   # run the failed pages again
"""


@main.command(epilog=INGEST_EXAMPLE)
@click.argument("sources", nargs=-1, required=True)
@click.option("--db", required=True, type=click.Path(dir_okay=False), help="The corpus database (created if missing).")
@click.option("--workers", type=click.IntRange(1),
              help="Worker processes (1: in this process). Default: one per core, as many as the free memory "
                   "holds (~400 MB a worker with facts, ~70 MB with --no-facts).")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="Local process pool or dask.distributed.")
@click.option("--scheduler", metavar="ADDRESS", help="Dask scheduler address (default: a LocalCluster on 127.0.0.1).")
@click.option("--shards", metavar="DIR", type=click.Path(file_okay=False),
              help="--engine dask: folder for the workers' Parquet shards (default: DB.shards next to the database; "
                   "on a cluster, a folder the workers and this machine share).")
@click.option("--retry-failed", is_flag=True, help="Process the pages that failed in earlier runs again.")
@click.option("--no-facts", is_flag=True, help="Skip the facts stage (much faster; articles only).")
@timeout_option
@max_mb_option
@click.option("--quiet", is_flag=True, help="No progress bar.")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
def ingest(sources, db, workers, engine, scheduler, shards, retry_failed, no_facts, timeout, max_mb, quiet,
           as_json) -> None:
    """Store news pages (files, folders, .gz, WARC, JSONL) in a corpus database; resumable."""
    import signal

    from factwire.corpus.ingest import ingest as run_ingest

    if (scheduler or shards) and engine != "dask":
        raise click.UsageError("--scheduler and --shards need --engine dask")
    _check_paths(sources)
    if workers is None:
        from factwire.corpus.engines import default_workers

        workers = default_workers(facts=not no_facts)
    # A file size limit (ulimit -f) then fails the write ("disk full", a clean stop) instead of
    # killing the process with SIGXFSZ.
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    try:
        summary = run_ingest(sources, db, workers=workers, engine=engine, scheduler=scheduler,
                             retry_failed=retry_failed, progress=not quiet, facts=not no_facts,
                             timeout=timeout or None, shards=shards, max_bytes=int(max_mb * 2**20))
    except (RuntimeError, OSError, ValueError) as exc:
        raise click.ClickException(" ".join(str(exc).split())) from None
    except sqlite3.Error as exc:
        raise click.ClickException(f"cannot use {db} as a corpus database ({' '.join(str(exc).split())}): "
                                   "give a new file name or a database made by factwire ingest") from None
    if not summary.files:
        click.echo(f"factwire: {no_pages_found(sources)}; nothing stored, {db} not made", err=True)
        sys.exit(2)
    _print_summary(summary, as_json)
    sys.exit(0 if not summary.failures else 2 if not summary.pages else 1)


def _print_summary(summary, as_json: bool) -> None:
    if as_json:
        click.echo(json.dumps(summary.to_dict(), ensure_ascii=False))
        return
    click.echo(f"{summary.pages} pages stored, {summary.failures} failed, {summary.pages_skipped} pages and "
               f"{summary.files_skipped} files already done, in {summary.seconds:.1f} s "
               f"({summary.pages_per_s:.1f} pages/s) -> {summary.db}", err=True)
    for note in summary.notes:
        click.echo(f"note: {note}", err=True)


def _require_db(db: str) -> None:
    """The one wording for a missing database (every command that reads one)."""
    if not Path(db).is_file():
        from factwire.errors import MissingDatabase
        raise click.ClickException(str(MissingDatabase(db)))


def _open_store(db: str):
    """The database read-only, checked to be a factwire corpus: a 0-byte file, another SQLite
    database or any other file is one line, not a traceback at the first query."""
    from factwire.corpus.store import Store

    _require_db(db)
    try:
        store = Store(db, readonly=True)
        store.conn.execute("SELECT 1 FROM articles, failures LIMIT 1").fetchall()
        return store
    except sqlite3.Error as exc:
        raise click.ClickException(f"{db} is not a factwire database ({' '.join(str(exc).split())})") from None


@main.command(epilog="Example:\n\n  factwire status --db news.db --json")
@click.option("--db", required=True, type=click.Path(dir_okay=False), help="The corpus database.")
@click.option("--json", "as_json", is_flag=True, help="Print the counts as JSON.")
def status(db, as_json) -> None:
    """Counts of a corpus database: articles, copies, facts, events, corpus events, failures by reason."""
    with _open_store(db) as store:
        counts = store.counts()
    if as_json:
        click.echo(json_text(counts))
        return
    for name in ("articles", "copies", "facts", "events", "corpus_events", "failures"):
        click.echo(f"{name:>14}  {counts[name]}")
    for row in counts["failures_by_reason"]:
        click.echo(f"{row['n']:>14}  {one_line(row['stage'])}: {one_line(row['reason'])}")


@main.command(epilog="Example:\n\n  factwire failures --db news.db")
@click.option("--db", required=True, type=click.Path(dir_okay=False), help="The corpus database.")
def failures(db) -> None:
    """List the pages that failed, with stage, reason and attempts (tab-separated; a tab, newline
    or backslash inside a field is written \\t, \\n, \\\\, control characters as [U+XXXX])."""
    with _open_store(db) as store:
        rows = store.failures()
    for row in rows:
        click.echo("\t".join(one_line(row[k]) for k in ("source", "stage", "reason", "attempts")))
    if not rows:
        click.echo(f"factwire: no failures recorded in {one_line(db)}", err=True)


@main.command(epilog='Example:\n\n  factwire search "kamikaze drones" --db news.db --limit 5')
@click.argument("query")
@click.option("--db", required=True, type=click.Path(dir_okay=False), help="The corpus database.")
@click.option("--limit", type=click.IntRange(1), default=20, show_default=True)
def search(query, db, limit) -> None:
    """Full-text search over article titles and text (SQLite FTS5 query syntax)."""
    with _open_store(db) as store:
        try:
            hits = store.search(query, limit)
        except sqlite3.OperationalError as exc:
            raise click.ClickException(f"bad search query: {exc}") from None
    for hit in hits:
        click.echo(f"{one_line(hit['id'])}  {one_line(hit['published'] or '-'):10}  "
                   f"{one_line(hit['title'] or '(no title)')}  [{one_line(hit['site'] or '-')}]")
        click.echo(f"    {one_line(hit['snippet'])}")
    if not hits:
        click.echo(f"factwire: no articles match {one_line(repr(query))} in {one_line(db)}", err=True)


SERVE_EXAMPLE = """
\b
Examples:
  factwire serve --db news.db                  # http://127.0.0.1:8080/articles
  factwire serve --db news.db --port 9000      # JSON API at /api/, docs at /api/docs
"""


@main.command(epilog=SERVE_EXAMPLE)
@click.option("--db", required=True, type=click.Path(dir_okay=False), help="The corpus database (opened read-only).")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to bind (anything but loopback exposes the UI).")
@click.option("--port", type=click.IntRange(0, 65535), default=8080, show_default=True)
def serve(db, host, port) -> None:
    """Web UI (articles with facts highlighted, events, timeline, map) and JSON API over a database."""
    import logging

    from factwire.web.server import serve as run_server

    logging.basicConfig(level=logging.WARNING, format="%(message)s")
    _require_db(db)
    try:
        run_server(db, host, port)
    except (OSError, sqlite3.Error) as exc:
        raise click.ClickException(f"cannot serve {db} on {host}:{port}: {' '.join(str(exc).split())}") from None


REPORT_EXAMPLE = """
\b
Examples:
  factwire report --db news.db --out report.html
  factwire report --db news.db --type "Explosions/Remote violence" --since 2022-11-01 --out strikes.html
  factwire report --db news.db --country UA --format md --out report.md
"""


@main.command(epilog=REPORT_EXAMPLE)
@click.option("--db", required=True, type=click.Path(dir_okay=False), help="The corpus database.")
@click.option("--since", callback=_check_date, metavar="YYYY-MM-DD", help="Events on or after this day.")
@click.option("--until", callback=_check_date, metavar="YYYY-MM-DD", help="Events on or before this day.")
@click.option("--type", "event_type", callback=lambda c, p, v: _check_choice(v, "event type"),
              help='Event type, e.g. "Battles".')
@click.option("--country", metavar="CC", help="ISO-2 country code, e.g. UA.")
@click.option("--format", "fmt", type=click.Choice(["html", "md"]), default="html", show_default=True)
@click.option("--out", "-o", type=click.Path(dir_okay=False, writable=True), help="Write here instead of stdout.")
def report(db, since, until, event_type, country, fmt, out) -> None:
    """A situation report: counts, timeline, map, top actors and places, events with sources (one offline file)."""
    from factwire.web.report import ReportFilters, build_report

    _require_db(db)
    try:
        text = build_report(db, ReportFilters(since, until, event_type, country), fmt)
    except (sqlite3.Error, OSError, ValueError) as exc:
        raise click.ClickException(f"cannot build the report: {' '.join(str(exc).split())}") from None
    with click.open_file(out or "-", "w", encoding="utf-8") as fh:
        fh.write(text)
    if out:
        click.echo(f"report written to {out}", err=True)


if __name__ == "__main__":
    main()
