"""Events out of a corpus database: the corpus events (merged across articles) or, with
`merged=False`, one row per article event -- filtered and written in any of the query formats.

Why a module of its own: the writers work on event dicts from anywhere (a notebook,
`merge_events`); this is the one place that knows how those dicts are read back from the store,
and it gives the CLI (`factwire events --db`) a single function to call.

Evidence text is not stored with the events (only offsets into the article text), so it is cut
from the article text here: an article event gets `evidence_text`, a corpus event gets it on each
source entry and, at the top level, the first source's sentence (ACLED's `notes`).
"""
from __future__ import annotations

from pathlib import Path
from typing import IO, Any

from factwire.corpus import reads
from factwire.corpus.query import filter_events
from factwire.corpus.store import Store
from factwire.export.events import corpus_table, evidence_text
from factwire.export.writers import FORMATS as WRITER_FORMATS, export

FORMATS = ("table",) + WRITER_FORMATS


def _article_events(store: Store) -> list[dict]:
    """Every article event (store order), with its evidence sentence."""
    events = store.article_events()
    texts = reads.article_values(store.conn, "text", (e.get("article_id") for e in events))
    for ev in events:
        ev["evidence_text"] = evidence_text(ev, texts.get(ev.get("article_id") or "", ""))
    return sorted(events, key=lambda e: ((e.get("date") or {}).get("from") or "9999", e["id"]))


def _corpus_events(store: Store) -> list[dict]:
    """Every stored corpus event, evidence sentences added per source, by (date, id)."""
    events = reads.corpus_events(store.conn)
    texts = reads.article_values(store.conn, "text", (s.get("article_id") for ev in events
                                                       for s in ev.get("sources") or ()))
    for ev in events:
        for src in ev.get("sources") or ():
            src["evidence_text"] = evidence_text(src, texts.get(src.get("article_id"), ""))
        first = next((s["evidence_text"] for s in ev.get("sources") or () if s.get("evidence_text")), "")
        ev["evidence_text"] = first
    return events


def load_events(db: str | Path, merged: bool = True) -> list[dict]:
    """The events of a corpus database: corpus events (`merged`) or article events.

    Read-only: works while an ingest is writing (WAL).  A database whose merge step has not
    run yet (an ingest killed before its end) has article events but no corpus events."""
    with Store(db, readonly=True) as store:
        return _corpus_events(store) if merged else _article_events(store)


def write_db_events(db: str | Path, fmt: str, out: IO[str] | str, *, merged: bool = True,
                    **filters: Any) -> str:
    """Load, filter and write a database's events in `fmt` (parquet: `out` is a path);
    returns a one-line summary (for GeoJSON it counts the events left out for lack of
    coordinates).  Filters are `query.matches`'s: type, sub_type, since, until, country, bbox, actor."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r} (one of {', '.join(FORMATS)})")
    events = filter_events(load_events(db, merged), **{k: v for k, v in filters.items() if v is not None})
    kind = "corpus events" if merged else "article events"
    if fmt == "table":
        if isinstance(out, str):
            raise ValueError("the table is written to a text stream, not a path")
        out.write(corpus_table(events) if events else "(no events)\n")
        return f"{len(events)} {kind}"
    return export(events, fmt, out).replace("events", kind, 1)
