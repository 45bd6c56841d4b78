"""The event coder: one pass over each sentence's tokens finds trigger words (ACLED codebook
actions), reads actor/target/weapon from the dependency parse, takes counts, places, dates and
attributions from the facts already on the record, and names the ACLED sub-event type by the
codebook's rules (see `classify`).

Every event points at its evidence sentence; nothing is guessed: a slot with no support in the
sentence (or, for places, the paragraph before it) stays null.
"""
from __future__ import annotations

import datetime as dt
import re

from factwire.deadline import check_deadline
from factwire.model import Event, Location, Span

from . import casualties, classify, complete, gate, naming, passes, scope
from .actors import ISO2_COUNTRY
from .codebook import CASUALTY, SUB_EVENT_TYPES, TRIGGER_FORMS, VIOLENT_FAMILY
from .context import Context
from .frame import Frame, read_frame, split_by_weapon
from .frames import is_back_reference, observer_of
from .lexicon import EXISTENTIAL_THERE
from .modality import find_modality
from .syntax import doc_text

#: Sentences that look back over a whole war or ask a question report no concrete incident.
HISTORY_RE = re.compile(
    r"\b(since the (?:start|beginning|outbreak) of|since the (?:war|invasion|conflict) (?:began|started)|"
    r"since (?:the )?(?:19|20)\d\d\b|throughout the war|over the past (?:year|years|decade))", re.I)
#: Evidence of a trigger: verbs and nouns (a proper noun 'March' or adjective is no action).
TRIGGER_POS = frozenset({"VERB", "NOUN"})
#: Confidence: base by trigger kind, plus a bonus per filled slot (hand-set, see docstring of
#: `confidence`).
BASE_VERB, BASE_NOUN, SLOT_BONUS, MAX_CONFIDENCE = 0.5, 0.4, 0.08, 0.95
NOT_REPORTED_FACTOR = 0.8
#: Verbs that assert that something happened (general English).
OCCURRENCE_VERBS = frozenset({"occurred", "occur", "occurs", "took", "happened", "erupted",
                              "broke", "ensued", "continued", "raged", "began", "started"})
#: Nouns that name a thing, not an act ("bomb components", "a gun"): triggers only as verbs.
VERB_ONLY = frozenset({"bomb", "bombs", "gun", "guns", "shot", "shots", "hit", "hits", "target",
                       "targets", "drop", "drops", "set", "sets", "march", "marches", "fire",
                       "fires", "pull", "deal"} - {"fire", "fires", "deal"})
#: Adjectives that name an act with their noun ('an offensive operation').
ADJ_TRIGGERS = {"offensive": frozenset({"operation", "operations", "action", "push"})}
#: Verbs that make a thing-noun an event ('held a march', 'staged a march', 'took part in a
#: march').
HOLD_VERBS = frozenset({"held", "hold", "holds", "staged", "stage", "organised", "organized",
                        "participated", "participate", "joined", "join", "part"})
OPEN_QUOTES, CLOSE_QUOTES = frozenset({"\u201c", "``"}), frozenset({"\u201d", "''"})
#: A quoted word or two ("give away") is a phrase, not somebody's statement.
QUOTE_MIN_TOKENS = 3
#: Actions whose place is where the effect lands (the target area), not where the actor is:
#: attacks, launches, strikes, shelling, shootings and interceptions.
EFFECT_PLACED = frozenset({"shell", "fire", "launch", "strike", "attack", "shoot", "intercept"})
#: Lines this short without closing punctuation are headings, labels or date lines.
HEADING_MAX_WORDS = 14
#: A full stop followed by a new capitalised sentence: the line is prose, not a heading.
SENTENCE_END_RE = re.compile(r"[a-z0-9)][.!?]\s+[A-Z]")


def code_events(doc, rec, published: dt.date | None) -> list[Event]:
    """Events of the body text `rec.text` (parsed as `doc`), in text order; none when the
    article is not about political violence, demonstrations or strategic developments."""
    if not scope.article_in_scope(doc_text(doc)):
        return []
    ctx = Context(doc, rec)
    events: list[Event] = []
    carry = casualties.CasualtyCarry()
    for sent in doc.sents:
        check_deadline()
        found = code_sentence(sent, ctx)
        if found and carry.previous and _only_casualties(found):
            found = _fold_casualties(carry.previous, found)
        carry.step(sent, found, ctx.quantities_in(sent))
        events.extend(found)
    text = doc_text(doc)
    events = passes.rank_battle_details(passes.mark_exchanges(events, text), text)
    events = passes.rank_air_first(passes.rank_crowd_force(events, text))
    events = passes.drop_history(passes.merge_mentions(events), passes.history_anchor(published, doc, rec.dates))
    return complete.complete_events(events, ctx, published)


def code_sentence(sent, ctx) -> list[Event]:
    """Events whose trigger is in `sent` (none for questions, history, headings or quotes)."""
    text = sent.text.strip()
    if not text or text.endswith("?") or HISTORY_RE.search(text) or not scope.sentence_in_scope(text):
        return []
    quoted = _quoted(sent)
    triggers = [t for t in sent if _is_trigger(t) and t.i not in quoted and not _in_heading(t)]
    triggers = gate.keep_triggers(triggers, ctx)
    events: list[Event] = []
    for trig, action in triggers:
        events.extend(build_events(trig, action, sent, ctx, triggers))
    return passes.share_explosive_type(events, sent)


def _is_trigger(t) -> bool:
    """A trigger word used as an action: a verb, or an event noun (a thing-noun such as 'a
    march' or 'shots' only when something is held or observed: 'held a march')."""
    low = t.lower_
    if low not in TRIGGER_FORMS:
        return False
    if t.pos_ == "ADJ":
        return low in ADJ_TRIGGERS and t.head.lower_ in ADJ_TRIGGERS[low]
    if t.pos_ not in TRIGGER_POS:
        return False
    if t.pos_ == "NOUN" and (low in VERB_ONLY or t.dep_ == "compound"):
        return low in VERB_ONLY and (observer_of(t) is not None or _held(t))
    return True


def _held(t) -> bool:
    """'held a march', 'took part in a march': a thing-noun someone holds or joins."""
    head = t.head.head if t.head.pos_ == "ADP" and t.dep_ == "pobj" else t.head
    return head.lower_ in HOLD_VERBS


def _quoted(sent) -> set[int]:
    """Indices of tokens inside quotation marks: a quote is someone's words, not a report."""
    inside, out = False, set()
    for t in sent:
        if t.text in OPEN_QUOTES or (t.text == '"' and not inside):
            inside = True
        elif t.text in CLOSE_QUOTES or t.text == '"':
            inside = False
        elif inside:
            out.add(t.i)
    return out if len(out) > QUOTE_MIN_TOKENS else set()


def _in_heading(t) -> bool:
    """Is `t` on a short line with no closing punctuation (a headline, a label, a date line)?"""
    text = doc_text(t.doc)
    start = text.rfind("\n", 0, t.idx) + 1
    end = text.find("\n", t.idx)
    line = text[start:] if end < 0 else text[start:end]
    line = line.strip()
    if SENTENCE_END_RE.search(line):
        return False  # a paragraph whose last sentence lacks its stop ('... Casualties unknown')
    ends = (".", "!", "?", '"', "\u201d", "'", ")", "]", ":")
    return not line.endswith(ends) and len(line.split()) <= HEADING_MAX_WORDS


def build_events(trig, action: str, sent, ctx, triggers) -> list[Event]:
    """One event per weapon class named in the trigger's object ('150 missiles and 25 drones'
    -> two), else one."""
    frame = read_frame(trig, action, sent, ctx, triggers)
    if frame is None:
        return []
    events = []
    for part in split_by_weapon(frame, sent, ctx):
        check_deadline()
        events.append(assemble(part, sent, ctx))
    return [e for e in events if e is not None]


def assemble(frame: Frame, sent, ctx) -> Event | None:
    """The event (README, "The record": `events`) from a filled frame."""
    sub = classify.sub_event(frame)
    if sub is None or not (scope.argument_in_scope(frame.actor) and scope.argument_in_scope(frame.target)):
        return None
    location = _location(frame, sent, ctx)
    home = ISO2_COUNTRY.get(location.country) if location and location.country else ctx.home
    actor_norm = naming.actor_name(frame, home)
    target_norm = naming.target_name(frame, home)
    event = Event(
        event_type=SUB_EVENT_TYPES[sub], sub_event_type=sub, action=frame.action,
        actor=frame.actor, target=frame.target,
        actor_norm=actor_norm, target_norm=target_norm,
        fatalities=frame.fatalities, location=location,
        date=ctx.date(frame.trigger, sent, frame.claimed),
        counts=frame.counts, weapon=frame.weapon,
        modality=find_modality(frame.trigger),
        sources=ctx.sources(sent), evidence=ctx.trim(_line_of(frame.trigger, sent)),
        confidence=0.0, back_reference=is_back_reference(frame.trigger),  # read by passes.merge_mentions
        trigger_at=frame.trigger.idx,
    )
    event.confidence = confidence(event, frame.trigger)
    return event


def _location(frame: Frame, sent, ctx) -> Location | None:
    """Where it happened: for an attack-like action the actor's place is passed over (ACLED
    codes the place of the effect, not of the launching side)."""
    if frame.action not in EFFECT_PLACED:
        return ctx.location(frame.trigger, sent, frame.claimed, agreement=frame.action == "agree")
    return ctx.location(frame.trigger, sent, frame.claimed,
                        actor=frame.actor_tok, target=frame.target_tok)


def confidence(event: Event, trigger) -> float:
    """How sure: an explicit verb trigger beats a noun mention, and each filled slot (actor,
    target, place, date, counts/weapon) adds support; unreported modality lowers it."""
    score = BASE_VERB if trigger.pos_ == "VERB" or _asserted(trigger) else BASE_NOUN
    for key in ("actor", "target", "location", "date", "weapon"):
        if getattr(event, key):
            score += SLOT_BONUS
    if event.counts or event.fatalities:
        score += SLOT_BONUS
    if event.modality != "reported":
        score *= NOT_REPORTED_FACTOR
    return round(min(score, MAX_CONFIDENCE), 2)


def _asserted(trigger) -> bool:
    """'there was an armed clash', 'clashes took place', 'fighting broke out': a noun the
    sentence asserts as happening is as explicit as a verb."""
    head = trigger.head
    if trigger.dep_ == "attr" and any(c.lower_ == EXISTENTIAL_THERE for c in head.children):
        return True
    return trigger.dep_ == "nsubj" and head.lower_ in OCCURRENCE_VERBS


def _only_casualties(found: list[Event]) -> bool:
    """Does the sentence only count the harm ('They killed 23 soldiers and injured 15')?"""
    return all(e.action in CASUALTY and not e.weapon for e in found)


def _fold_casualties(previous: list[Event], found: list[Event]) -> list[Event]:
    """Killing and wounding told right after a violent incident in the same paragraph, with no
    weapon of their own, are that incident's outcome: the deaths go to it (if it had none),
    the sentence joins its mentions, and no second event is made."""
    target = next((e for e in reversed(previous) if e.event_type in VIOLENT_FAMILY
                   and e.action not in CASUALTY), None)
    if target is None:
        return found
    for e in found:
        passes.fill_from(target, e)
    return []


def _line_of(trigger, sent) -> Span:
    """The part of the sentence on the trigger's line: spaCy may run a sentence across line
    breaks (a heading glued to the first paragraph line), the evidence should not."""
    text = doc_text(trigger.doc)
    start = max(sent.start_char, text.rfind("\n", 0, trigger.idx) + 1)
    end = text.find("\n", trigger.idx)
    end = sent.end_char if end < 0 else min(end, sent.end_char)
    return Span(start, end)
