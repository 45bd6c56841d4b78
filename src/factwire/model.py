"""Record types that flow through the stages (read -> clean -> metadata -> facts -> events).

Field names of :class:`Record` are part of the public contract (README, "The record");
`to_dict()` gives the JSON shape.  Everything here is plain data: no I/O, no parsing.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

InputKind = Literal["html", "text"]

#: Block kinds a cleaner may give a paragraph; markdown output renders them.
BLOCK_KINDS = ("p", "h2", "h3", "h4", "li", "oli", "quote", "pre", "table")

REMOVED_KINDS = ("related", "promo", "navigation", "comments")


@dataclass(slots=True)
class Page:
    """One input page after reading and decoding (stage 1 output)."""

    source: str  # path, "<stdin>", "file.jsonl:12", or "<bytes>"
    content: str  # decoded text: HTML markup or flattened page text
    kind: InputKind
    id: str | None = None  # an id given by the input (JSONL); else a content hash is used
    url: str | None = None
    published: str | None = None  # ISO date given by the input / user (fallback)
    encoding: str | None = None  # the charset used to decode the bytes
    #: The page's bytes when they are valid UTF-8 HTML: the parser reads them directly, which
    #: skips lxml re-encoding `content` (~0.2 ms of ~6 ms a page on the extraction DEV set).
    raw: bytes | None = None
    #: What reading noticed and set aside (e.g. a `published` value that is not a date): they
    #: become the record's `notes`, so nothing the input gave is dropped silently.
    notes: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Caption:
    text: str
    credit: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "credit": self.credit}


@dataclass(slots=True)
class Removed:
    """What cleaning set aside, by kind, in page order (each kind a list of strings)."""

    related: list[str] = field(default_factory=list)
    promo: list[str] = field(default_factory=list)
    navigation: list[str] = field(default_factory=list)
    comments: list[str] = field(default_factory=list)

    def add(self, kind: str, text: str) -> None:
        getattr(self, kind).append(text)

    def to_dict(self) -> dict[str, list[str]]:
        return {k: list(getattr(self, k)) for k in REMOVED_KINDS}


@dataclass(slots=True)
class Cleaned:
    """Stage 2 output: the article body and what was set aside.

    `kinds[i]` is the block kind (see BLOCK_KINDS) of `paragraphs[i]`; a table paragraph holds
    its rows joined by newlines, cells joined by " | ".
    """

    title: str | None
    paragraphs: list[str]
    kinds: list[str]
    captions: list[Caption] = field(default_factory=list)
    removed: Removed = field(default_factory=Removed)
    #: Byline / dateline texts the cleaner set aside (not body): the metadata stage reads
    #: authors from them, so it need not scan the page a second time.
    bylines: list[str] = field(default_factory=list)
    #: Short metadata lines the cleaner set aside (bylines, datelines, timestamps), page order:
    #: the metadata stage looks for a visible publication date there before asking htmldate.
    datelines: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Metadata:
    """Stage 3 output."""

    title: str | None = None
    published: str | None = None  # ISO date YYYY-MM-DD
    authors: list[str] = field(default_factory=list)
    site: str | None = None
    url: str | None = None  # canonical URL when the page declares one, else the given URL
    language: str | None = None  # ISO 639-1


@dataclass(slots=True)
class Record:
    """One clean article: the product's record (README, "The record").  Facts/events are filled by later stages."""

    id: str
    url: str | None
    site: str | None
    title: str | None
    published: str | None
    authors: list[str]
    language: str | None
    text: str
    paragraphs: list[str]
    captions: list[Caption]
    removed: Removed
    kinds: list[str] = field(default_factory=list)
    source: str | None = None
    input_kind: InputKind | None = None
    entities: list[dict[str, Any]] = field(default_factory=list)
    dates: list[dict[str, Any]] = field(default_factory=list)
    quantities: list[dict[str, Any]] = field(default_factory=list)
    places: list[dict[str, Any]] = field(default_factory=list)
    attributions: list[dict[str, Any]] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)
    #: Non-fatal problems of later stages ({"stage", "reason"}): the record is still good.
    errors: list[dict[str, str]] = field(default_factory=list)
    #: Things a reader should know about how the record was made (e.g. facts skipped: not English).
    notes: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "url": self.url, "site": self.site, "title": self.title,
            "published": self.published, "authors": list(self.authors), "language": self.language,
            "text": self.text, "paragraphs": list(self.paragraphs),
            "captions": [c.to_dict() for c in self.captions], "removed": self.removed.to_dict(),
            "kinds": list(self.kinds), "source": self.source, "input_kind": self.input_kind,
            "entities": self.entities, "dates": self.dates, "quantities": self.quantities,
            "places": self.places, "attributions": self.attributions, "events": self.events,
            "errors": self.errors, "notes": self.notes,
        }


@dataclass(slots=True)
class Failure:
    """A page that could not be turned into a record: never a bare None."""

    id: str
    source: str
    stage: str  # read | decode | parse | clean | metadata | timeout
    reason: str  # one line

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "source": self.source,
                "error": {"stage": self.stage, "reason": self.reason}}

    def one_line(self) -> str:
        return f"{self.source}: {self.stage} failed: {self.reason}"
