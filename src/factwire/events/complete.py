"""Complete events from their context: slots the evidence sentence leaves empty, filled from
what the article has already told, each fill recorded in `Event.inferred` with the text it
came from (so a reader can check it; the sentence's own slots are never overwritten).

Why: news tells an incident across sentences. Grammar and the codebook give three safe cases:

* **Period anaphora** -- "more than 100 of the airstrikes carried out in the six-day period
  were blocked": a definite "the (N-day) period" names the period the text has just given
  ("since November 11 ... on Thursday"); the event takes that period and, if it names no place,
  the place of the event that period dated.
* **Relative dates** -- "comes just three days after a missile crashed ..., killing two": an
  event inside the complement of "N days after" happened N days before its anchor; the anchor
  is a day-dated fact in the sentence before the phrase, else the day the news is told (the
  publication day) when the main clause is in the present tense ("comes", "is"). The one
  sentence slot this replaces is a date equal to the anchor: that date is the main clause's
  ("spoke on 1 March, two days after a drone hit Odesa"), not the complement's.
* **Article actor** -- "Some 400 drones have been launched on various targets in Ukraine": a
  passive remote-violence event with no doer takes the doer the article names for the same
  event type (ACLED codes the side the report attributes the campaign to), only when one side
  does more than half of those events and is not the event's own target.

Slots filled here add no confidence (events.coder.confidence ran before): ranking by how much
a sentence itself says is unchanged.
"""
from __future__ import annotations

import datetime as dt
import re
from collections import Counter

from factwire.model import DateRange, Event

from .syntax import doc_text

#: "the six-day period", "the same period", "that period", "the two-week period".
PERIOD_RE = re.compile(r"\b(?:the|that|this|same)\s+(?:same\s+)?(?:[\w-]+[- ](?:day|week|month)[- ])?period\b", re.I)
#: "three days after", "2 weeks before" (number words up to thirty are enough for news).
RELATIVE_RE = re.compile(r"\b(\d{1,2}|a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                         r"thirteen|fourteen|fifteen|twenty|thirty)\s+(day|week)s?\s+(after|before)\b", re.I)
NUMBER_WORDS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
                "fourteen": 14, "fifteen": 15, "twenty": 20, "thirty": 30}
UNIT_DAYS = {"day": 1, "week": 7}
#: Present-tense main verbs: the clause speaks of the day the news is told ("comes", "is").
PRESENT_TAGS = frozenset({"VBZ", "VBP"})
#: Event types whose doer an article names once for a whole campaign (remote violence).
CAMPAIGN_TYPES = frozenset({"Explosions/Remote violence"})


def complete_events(events: list[Event], ctx, published: dt.date | None) -> list[Event]:
    """Fill empty date/location/actor slots from context (module doc), in text order."""
    text = doc_text(ctx.doc)
    ranged: Event | None = None  # the latest event dated to a period
    for e in events:
        sentence = text[e.evidence.start:e.evidence.end]
        if not (e.date is None and _period_date(e, ranged, sentence, ctx)):
            _relative_date(e, sentence, ctx, published)
        if e.date and e.date.to and e.date.to != e.date.from_:
            ranged = e
    for kind in CAMPAIGN_TYPES:
        _article_actor([e for e in events if e.event_type == kind])
    return events


def _note(e: Event, slot: str, source: str, start: int, end: int) -> None:
    e.inferred = (e.inferred or []) + [{"slot": slot, "from": source, "start": start, "end": end}]


def _period_date(e: Event, src: Event | None, sentence: str, ctx) -> bool:
    """'in the six-day period': the latest period (a range) dated before -> date, and place."""
    m = PERIOD_RE.search(sentence)
    if m is None:
        return False
    if src is not None and src.date is not None:
        e.date = DateRange(src.date.from_, src.date.to)
        _note(e, "date", "period", src.evidence.start, src.evidence.end)
        if e.location is None and src.location is not None:
            e.location = src.location
            _note(e, "location", "period", src.evidence.start, src.evidence.end)
        return True
    facts = [d for d in ctx.dates if d.end <= e.evidence.start and d.value and d.value.to]
    if not facts:
        return False
    e.date = DateRange(facts[-1].value.from_, facts[-1].value.to)
    _note(e, "date", "period", facts[-1].start, facts[-1].end)
    return True


def _relative_date(e: Event, sentence: str, ctx, published: dt.date | None) -> bool:
    """'... three days after <the event>': the anchor's day minus N (see module doc)."""
    m = RELATIVE_RE.search(sentence)
    if m is None or e.trigger_at is None or e.trigger_at < e.evidence.start + m.end():
        return False
    n = int(m.group(1)) if m.group(1).isdigit() else NUMBER_WORDS[m.group(1).lower()]
    days = n * UNIT_DAYS[m.group(2).lower()] * (1 if m.group(3).lower() == "after" else -1)
    start = e.evidence.start + m.start()
    anchor = _anchor_day(ctx, e.evidence.start, start, published)
    if anchor is None or (e.date is not None and e.date != DateRange(anchor.isoformat(), None)):
        return False  # the event's own date, unless it is the main clause's (the anchor)
    e.date = DateRange((anchor - dt.timedelta(days=days)).isoformat(), None)
    _note(e, "date", "relative", start, e.evidence.start + m.end())
    return True


def _anchor_day(ctx, sent_start: int, phrase_start: int, published: dt.date | None) -> dt.date | None:
    """The day the main clause is about: a day-dated fact before the phrase, else the
    publication day when the main clause is present tense."""
    days = [d for d in ctx.within("dates", sent_start, phrase_start)
            if d.value and d.value.from_ and len(d.value.from_) == 10 and not d.value.to]
    if days:
        return dt.date.fromisoformat(days[-1].value.from_)
    span = ctx.doc.char_span(sent_start, phrase_start, alignment_mode="contract")
    if published is None or span is None:
        return None
    return published if any(t.tag_ in PRESENT_TAGS for t in span) else None


def _article_actor(events: list[Event]) -> None:
    """The one side the article names as doer of most of its events of one type fills the
    doer of those that name none (module doc)."""
    doers = Counter(x.actor_norm for x in events if x.actor_norm)
    if not doers or len(doers) == len(events):
        return
    actor, count = doers.most_common(1)[0]
    if count * 2 <= sum(doers.values()):
        return
    src = next(x for x in events if x.actor_norm == actor)
    for e in events:
        if not e.actor_norm and actor != e.target_norm:
            e.actor, e.actor_norm = src.actor, actor
            _note(e, "actor", "article", src.evidence.start, src.evidence.end)
