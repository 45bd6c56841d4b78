"""Record types that flow through the stages (read -> clean -> metadata -> facts -> events).

Field names of :class:`Record` are part of the public contract (README, "The record");
`to_dict()` gives the JSON shape.  Everything here is plain data: no I/O, no parsing.

Facts (stage 4) and events (stage 5) are typed too; each `to_dict()` gives exactly the JSON of
the README ("The record"), and `from_dict()` reads it back (an unknown key is an error: a new JSON field must be
typed here, never dropped on the way).
"""
from __future__ import annotations

from dataclasses import dataclass, field, fields
from functools import cache
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


#: Field names that are not valid Python names, and their JSON keys.
JSON_KEYS = {"from_": "from"}
FIELD_NAMES = {v: k for k, v in JSON_KEYS.items()}


def as_json(obj: Any, optional: tuple[str, ...] = ()) -> dict[str, Any]:
    """The JSON dict of a fact or event: its fields in order (nested records as their dicts),
    a field with `metadata={"json": False}` left out, and an `optional` field left out when it
    is None (today's JSON has no such key then, e.g. "caption" on body facts)."""
    out: dict[str, Any] = {}
    for name, key, skip_none in _json_plan(obj.__class__, optional):
        value = getattr(obj, name)
        if value is None:
            if skip_none:
                continue
        elif isinstance(value, list):
            value = [x.to_dict() if hasattr(x, "to_dict") else x for x in value]
        elif hasattr(value, "to_dict"):
            value = value.to_dict()
        out[key] = value
    return out


@cache
def _json_plan(cls: type, optional: tuple[str, ...]) -> tuple[tuple[str, str, bool], ...]:
    """(field name, JSON key, left out when None) of each JSON field of `cls`, read once per
    class: `dataclasses.fields` rebuilds its tuple on every call (~16,000 calls a 200 pages)."""
    return tuple((f.name, JSON_KEYS.get(f.name, f.name), f.name in optional)
                 for f in fields(cls) if f.metadata.get("json", True))


def field_values(d: dict[str, Any]) -> dict[str, Any]:
    """Keyword arguments from a JSON dict (JSON keys renamed to field names)."""
    return {FIELD_NAMES.get(k, k): v for k, v in d.items()}


@dataclass(slots=True)
class Span:
    """Character offsets into the record's text (`text[start:end]`)."""

    start: int
    end: int

    def to_dict(self) -> dict[str, int]:
        return {"start": self.start, "end": self.end}


@dataclass(slots=True)
class DateRange:
    """A resolved date or range, ISO `YYYY-MM-DD` (or `YYYY-MM` / `YYYY`); `to` None: one day."""

    from_: str | None
    to: str | None

    def to_dict(self) -> dict[str, str | None]:
        return {"from": self.from_, "to": self.to}

    @classmethod
    def from_dict(cls, d: dict[str, Any] | None) -> DateRange | None:
        return None if d is None else cls(**field_values(d))


@dataclass(slots=True)
class Entity:
    """A named entity (spaCy label PERSON / ORG / GPE / LOC / NORP / EVENT)."""

    text: str
    label: str
    start: int
    end: int
    #: What a nationality adjective (NORP) says about where: ISO-2 country ("Turkish" -> "TR") or
    #: a region's name ("European" -> "Europe"); written only when known.
    country: str | None = None
    region: str | None = None
    caption: int | None = None  # index of the caption it was read in (offsets into it); None: body

    def to_dict(self) -> dict[str, Any]:
        return as_json(self, optional=("country", "region", "caption"))

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Entity:
        return cls(**d)


@dataclass(slots=True)
class DateMention:
    """A calendar expression resolved against the publication date ("on Saturday")."""

    text: str
    start: int
    end: int
    from_: str | None
    to: str | None
    resolvable: bool
    kind: str = "date"  # date | range | vague ("recently": tagged, never resolved)
    value: DateRange | None = None  # {from, to} as the README writes it; None when unresolvable
    #: The whole calendar unit the expression names when it differs from `value` (a quarter, the
    #: whole month of "this month", 1990 for "the end of 1990"): what TimeML annotates.
    calendar: DateRange | None = None
    quarter: str | None = None  # "2022-Q3" / "2022-H1" when the expression names a quarter or half
    caption: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return as_json(self, optional=("calendar", "quarter", "caption"))

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> DateMention:
        values = field_values(d)
        values["value"] = DateRange.from_dict(values.get("value"))
        values["calendar"] = DateRange.from_dict(values.get("calendar"))
        return cls(**values)


@dataclass(slots=True)
class Quantity:
    """A number with its qualifier and counted thing ("more than 25 kamikaze drones")."""

    text: str
    start: int
    end: int
    value: int | float | None
    relation: str | None  # eq | gt | lt | approx | range ...
    value_max: int | float | None  # upper bound of a range
    item: str | None
    unit: str | None
    caption: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return as_json(self, optional=("caption",))

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Quantity:
        return cls(**d)


@dataclass(slots=True)
class Place:
    """A geographic mention resolved offline; `precision` says what the point locates:
    "place", "region" or "country"."""

    text: str
    start: int
    end: int
    name: str | None
    country: str | None  # ISO 3166-1 alpha-2
    lat: float | None
    lon: float | None
    kind: str | None  # city | admin | country | other
    precision: str | None
    centre: bool | None = None  # a district named by its centre town (only written when True)
    region: str | None = None  # the region written next to it ("Zolochiv, Kharkiv")
    caption: int | None = None
    #: A street/road/building's town, whose point it carries (precision "locality")
    locality: str | None = None
    #: "adjectival" for a nationality adjective/demonym naming a country ("the Turkish market");
    #: None for a literal mention (only written when set; facts/places_adjectival says why)
    use: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return as_json(self, optional=("centre", "region", "caption", "locality", "use"))

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Place:
        return cls(**d)


@dataclass(slots=True)
class Attribution:
    """Who says a thing: source, role, cue, the claim's offsets and the chain of outer sources."""

    source: str
    role: str | None
    cue: str
    claim_start: int
    claim_end: int
    source_start: int
    source_end: int
    chain: list[str]
    claim: Span  # the claim's offsets again, as DESIGN.md writes them
    caption: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return as_json(self, optional=("caption",))

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Attribution:
        values = dict(d)
        values["claim"] = Span(**values["claim"])
        return cls(**values)


@dataclass(slots=True)
class Location(Place):
    """An event's place: its place fact with the name as the text writes it, and the
    gazetteer's own name (written for place/region precision only; None: in no gazetteer)."""

    gazetteer_name: str | None = None

    def to_dict(self) -> dict[str, Any]:
        d = as_json(self, optional=("centre", "region", "caption"))
        if self.precision == "country":
            del d["gazetteer_name"]
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Location:
        return cls(**d)

    @classmethod
    def of_place(cls, place: Place) -> Location:
        """The place fact's fields (a copy: naming the event's place leaves the fact as found)."""
        return cls(**{f.name: getattr(place, f.name) for f in fields(Place)})


@dataclass(slots=True)
class Count:
    """How many of a thing an event reports (a quantity fact of its phrase)."""

    value: int | float | None
    relation: str | None
    item: str | None

    def to_dict(self) -> dict[str, Any]:
        return {"value": self.value, "relation": self.relation, "item": self.item}


@dataclass(slots=True)
class Event:
    """An ACLED-coded event (DESIGN.md): type and sub-event type, the finer action, actor and
    target as written and as ACLED names them, fatalities, place, date, counts, weapon,
    modality, the source chain, the evidence sentence and a confidence."""

    event_type: str
    sub_event_type: str
    action: str
    actor: str | None
    target: str | None
    actor_norm: str | None
    target_norm: str | None
    fatalities: int | None
    location: Location | None
    date: DateRange | None
    counts: list[Count]
    weapon: str | None
    modality: str
    sources: list[str]
    evidence: Span
    confidence: float
    #: Later mentions of the same incident merged into this event (no key until one is merged).
    mentions: list[Span] | None = None
    #: Slots filled from outside the evidence sentence, each saying from where (events/complete.py):
    #: {"slot": "actor"|"date"|"location", "from": "article"|"period"|"relative", "start", "end"}
    #: (start/end: the text that gave the value). No key when every slot is the sentence's own.
    inferred: list[dict[str, Any]] | None = None
    #: How the trigger points back at an incident told before (frames.is_back_reference): the
    #: coder's working note for merging mentions, not part of the JSON.
    back_reference: str | None = field(default=None, metadata={"json": False})
    #: Character offset of the trigger word (the coder's working note for events/complete.py).
    trigger_at: int | None = field(default=None, metadata={"json": False})

    def to_dict(self) -> dict[str, Any]:
        return as_json(self, optional=("mentions", "inferred"))

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Event:
        values = dict(d)
        loc = values["location"]
        values["location"] = None if loc is None else Location.from_dict(loc)
        values["date"] = DateRange.from_dict(values["date"])
        values["counts"] = [Count(**c) for c in values["counts"]]
        values["evidence"] = Span(**values["evidence"])
        if values.get("mentions") is not None:
            values["mentions"] = [Span(**m) for m in values["mentions"]]
        return cls(**values)


#: Record field -> the fact type its list holds.
FACT_TYPES: dict[str, type] = {"entities": Entity, "dates": DateMention, "quantities": Quantity,
                               "places": Place, "attributions": Attribution}


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
    entities: list[Entity] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    attributions: list[Attribution] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
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
            "entities": [x.to_dict() for x in self.entities], "dates": [x.to_dict() for x in self.dates],
            "quantities": [x.to_dict() for x in self.quantities], "places": [x.to_dict() for x in self.places],
            "attributions": [x.to_dict() for x in self.attributions],
            "events": [e.to_dict() for e in self.events],
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
