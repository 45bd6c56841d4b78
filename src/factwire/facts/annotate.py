"""Stage 4: run every fact extractor over a record's text and captions; a failing extractor
costs only its own field (recorded in `record.errors`), never the page.

The body's spaCy Doc is handed back to the caller: `pipeline.add_facts` gives it to stage 5
(events), so the text is parsed once and the facts stage never drives a later stage."""
from __future__ import annotations

import datetime as dt
import gc
import importlib
from collections.abc import Callable
from functools import lru_cache
from typing import TYPE_CHECKING

from factwire.errors import PageTimeout
from factwire.model import FACT_TYPES, Record

if TYPE_CHECKING:
    from spacy.tokens import Doc

#: field -> (module, function); each function is `find_X(doc, published) -> list[dict]` (the JSON
#: shape; `_run_one` turns each item into the field's type, model.FACT_TYPES).
EXTRACTORS: dict[str, tuple[str, str]] = {
    "entities": ("factwire.facts.entities", "find_entities"),
    "dates": ("factwire.facts.dates", "find_dates"),
    "quantities": ("factwire.facts.quantities", "find_quantities"),
    "places": ("factwire.facts.places", "find_places"),
    "attributions": ("factwire.facts.attributions", "find_attributions"),
}
#: Facts read at most this much text: spaCy sm parses ~10k words/s here, so 1 MB of text would
#: take ~20 s; 100k characters (~15 news articles) stays within a second or two.
MAX_FACT_CHARS = 100_000
FACT_LANGUAGES = ("en",)


def load_extractor(field: str) -> Callable:
    module, name = EXTRACTORS[field]
    return getattr(importlib.import_module(module), name)


def published_date(iso: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(iso[:10]) if iso else None
    except ValueError:
        return None


def facts_texts(rec: Record) -> list[str]:
    """The body, then each caption: the texts facts are read from (offsets index into each)."""
    return [rec.text[:MAX_FACT_CHARS], *(c.text for c in rec.captions)]


def load_resources() -> None:
    """Load the spaCy pipeline and the gazetteers now, once per process. Called before a page's
    time limit starts: the first page of a process must not pay ~2 s of loading (more on a
    busy machine) out of its own facts budget (seen as a facts timeout on the first ACLED note)."""
    _load_once()


@lru_cache(maxsize=1)
def _load_once() -> None:
    """The loading itself, with the garbage collector paused, then every object loaded so far
    frozen (`gc.freeze`): the model and gazetteers are ~190,000 tracked objects that live as long
    as the process, so each full collection re-scanned them for nothing, during the load (collections
    triggered by the objects the load creates) and again at exit (`factwire extract page`
    spent ~0.3 s CPU after its output in the final collection; bench/results/profile.md).  What
    else exists at that moment (the first batch's pages) is frozen too: a one-off, bounded cost."""
    from factwire.facts.gazetteer import get_gazetteer
    from factwire.facts.nlp import get_nlp
    from factwire.facts.places_small import get_small_places

    enabled = gc.isenabled()
    gc.disable()
    try:
        get_nlp()
        get_gazetteer()
        get_small_places()
    finally:
        if enabled:
            gc.enable()
    gc.freeze()


def wants_facts(rec: Record) -> bool:
    return not rec.language or rec.language in FACT_LANGUAGES


def parse_records(records: list[Record]) -> list[list[Doc] | None]:
    """The facts texts of several records through spaCy together (one `nlp.pipe`: ~12 % less CPU
    than page by page, bench/results/profile.md), in `annotate_record(rec, docs)` form; None for
    a record facts skip."""
    from factwire.facts.nlp import parse_many

    texts = [facts_texts(rec) if wants_facts(rec) else [] for rec in records]
    docs = iter(parse_many([t for group in texts for t in group]))
    return [[next(docs) for _ in group] if group else None for group in texts]


def annotate_record(rec: Record, docs: list[Doc] | None = None) -> Doc | None:
    """Fill entities, dates, quantities, places and attributions on `rec` (in place); return the
    body's Doc for the events stage, or None when facts are skipped (a non-English page).
    `docs` are the record's texts already parsed (`parse_records`), else they are parsed here."""
    if not wants_facts(rec):
        rec.notes.append(f"facts are extracted for English only; this page is '{rec.language}'")
        return None
    from factwire.facts.nlp import parse_many

    if len(rec.text) > MAX_FACT_CHARS:
        rec.notes.append(f"facts read from the first {MAX_FACT_CHARS:,} characters of {len(rec.text):,}")
    docs = docs or parse_many(facts_texts(rec))
    published = published_date(rec.published)
    for field in EXTRACTORS:
        try:
            finder = load_extractor(field)
        except (ImportError, AttributeError) as exc:
            rec.errors.append({"stage": f"facts.{field}", "reason": f"extractor unavailable: {exc}"})
            continue
        items: list = []
        for index, doc in enumerate(docs):
            items.extend(_run_one(rec, field, finder, doc, published, caption=index - 1 if index else None))
        setattr(rec, field, items)
    return docs[0]


def _run_one(rec: Record, field: str, finder: Callable, doc, published, caption: int | None) -> list:
    """The field's facts of one text, typed (an item the type does not fit is a recorded error)."""
    try:
        found = [FACT_TYPES[field].from_dict(item) for item in finder(doc, published)]
    except PageTimeout:
        raise  # the stage's time limit, recorded by the pipeline: not this extractor's bug
    except Exception as exc:  # noqa: BLE001 - one extractor's bug costs its field, and is recorded
        rec.errors.append({"stage": f"facts.{field}", "reason": f"{type(exc).__name__}: {exc}"[:300]})
        return []
    if caption is not None:
        for item in found:
            item.caption = caption
    return found
