"""The event coder: one pass over each sentence's tokens finds trigger words (ACLED codebook
actions), reads actor/target/weapon from the dependency parse, takes counts, places, dates and
attributions from the facts already on the record, and names the ACLED sub-event type by the
codebook's rules (see `rules`).

Every event points at its evidence sentence; nothing is guessed: a slot with no support in the
sentence (or, for places, the paragraph before it) stays null.
"""
from __future__ import annotations

import datetime as dt
import re

from . import rules, slots
from .actors import ISO2_COUNTRY, normalize_actor
from .codebook import SUB_EVENT_TYPES, TRIGGER_FORMS
from .context import Context
from .modality import find_modality

#: Sentences that look back over a whole war or ask a question report no concrete incident.
HISTORY_RE = re.compile(
    r"\b(since the (?:start|beginning|outbreak) of|since the (?:war|invasion|conflict) (?:began|started)|"
    r"since (?:19|20)\d\d\b|throughout the war|over the past (?:year|years|decade))", re.I)
#: Evidence of a trigger: verbs and nouns (a proper noun 'March' or adjective is no action).
TRIGGER_POS = frozenset({"VERB", "NOUN"})
#: Confidence: base by trigger kind, plus a bonus per filled slot (hand-set, see docstring of
#: `confidence`).
BASE_VERB, BASE_NOUN, SLOT_BONUS, MAX_CONFIDENCE = 0.5, 0.4, 0.08, 0.95
NOT_REPORTED_FACTOR = 0.8


def code_events(doc, rec, published: dt.date | None) -> list[dict]:
    """Events of the body text `rec.text` (parsed as `doc`), in text order."""
    ctx = Context(doc, rec)
    events: list[dict] = []
    previous: list[dict] = []
    for sent in doc.sents:
        found = code_sentence(sent, ctx)
        if not found and previous and _is_casualty_report(sent):
            _add_later_fatalities(previous, sent, ctx)
        if found or "\n\n" in doc.text[max(0, sent.start_char - 3): sent.start_char + 1]:
            previous = found
        events.extend(found)
    return rules.merge_mentions(events)


def code_sentence(sent, ctx) -> list[dict]:
    """Events whose trigger is in `sent` (none for questions and history)."""
    text = sent.text.strip()
    if not text or text.endswith("?") or HISTORY_RE.search(text):
        return []
    triggers = [t for t in sent if _is_trigger(t)]
    triggers = rules.keep_triggers(triggers, ctx)
    events: list[dict] = []
    for trig, action in triggers:
        events.extend(build_events(trig, action, sent, ctx, triggers))
    return events


def _is_trigger(t) -> bool:
    return t.pos_ in TRIGGER_POS and t.lower_ in TRIGGER_FORMS


def build_events(trig, action: str, sent, ctx, triggers) -> list[dict]:
    """One event per weapon class named in the trigger's object ('150 missiles and 25 drones'
    -> two), else one."""
    frame = rules.read_frame(trig, action, sent, ctx, triggers)
    if frame is None:
        return []
    events = []
    for part in rules.split_by_weapon(frame, sent, ctx):
        events.append(assemble(part, sent, ctx))
    return [e for e in events if e is not None]


def assemble(frame: dict, sent, ctx) -> dict | None:
    """The event dict of DESIGN.md from a filled frame."""
    sub = rules.sub_event(frame)
    if sub is None:
        return None
    location = ctx.location(frame["trigger"], sent, frame["claimed"])
    home = ISO2_COUNTRY.get(location["country"]) if location and location.get("country") else ctx.home
    actor_norm = normalize_actor(frame["actor"], home)
    target_norm = rules.target_name(frame, home)
    event = {
        "event_type": SUB_EVENT_TYPES[sub], "sub_event_type": sub, "action": frame["action"],
        "actor": frame["actor"], "target": frame["target"],
        "actor_norm": actor_norm, "target_norm": target_norm,
        "fatalities": frame["fatalities"], "location": location,
        "date": ctx.date(frame["trigger"], sent, frame["claimed"]),
        "counts": frame["counts"], "weapon": frame["weapon"],
        "modality": find_modality(frame["trigger"]),
        "sources": ctx.sources(sent), "evidence": {"start": sent.start_char, "end": sent.end_char},
    }
    event["evidence"] = ctx.trim(event["evidence"])
    event["confidence"] = confidence(event, frame["trigger"])
    return event


def confidence(event: dict, trigger) -> float:
    """How sure: an explicit verb trigger beats a noun mention, and each filled slot (actor,
    target, place, date, counts/weapon) adds support; unreported modality lowers it."""
    score = BASE_VERB if trigger.pos_ == "VERB" else BASE_NOUN
    for key in ("actor", "target", "location", "date", "weapon"):
        if event.get(key):
            score += SLOT_BONUS
    if event["counts"] or event["fatalities"]:
        score += SLOT_BONUS
    if event["modality"] != "reported":
        score *= NOT_REPORTED_FACTOR
    return round(min(score, MAX_CONFIDENCE), 2)


def _is_casualty_report(sent) -> bool:
    return any(t.lower_ in slots.DEATH_WORDS for t in sent)


def _add_later_fatalities(previous: list[dict], sent, ctx) -> None:
    """'Russian forces shelled X. Two civilians were killed.' -> the deaths belong to the
    incident just told (same paragraph), if it had none."""
    n = slots.fatalities_of(sent, ctx.quantities_in(sent))
    if n is None:
        return
    for event in previous:
        if event["fatalities"] is None and event["event_type"] != "Strategic developments":
            event["fatalities"] = n
