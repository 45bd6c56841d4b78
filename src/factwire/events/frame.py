"""Frame reading: the actor, target, weapon, counts and fatalities of one trigger's event,
read from the dependency parse and the facts already on the record; a frame naming two weapon
classes ('150 missiles and 25 drones') splits into one frame per class."""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from factwire.model import Count, Quantity

from . import casualties, frames, parties, syntax, weapons
from .actors import country_in, normalize_actor
from .codebook import ARMED_NAMES, CASUALTY, TRIGGER_FORMS
from .lexicon import (
    AIM_PREPS,
    BACK_POINTING_WORDS,
    BETWEEN_PREPS,
    BY_PREPS,
    CLASH_PREPS,
    DEVICE_PREPS,
    DOER_OF_NOUNS,
    EXCHANGE_RE,
    MINE_PREPS,
    NON_COUNT_ITEMS,
    NOUN_TARGET_PREPS,
    OF_PREPS,
    OPERATION_NOUNS,
    PART_WORDS,
    POSITION_NOUNS,
    POSSESSIVE_RE,
    PROJECT_VERBS,
    PRONOUNS,
    RECIPIENT_PREPS,
    TARGET_PREPS,
)
from .syntax import doc_text, story

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


@dataclass(slots=True)
class Frame:
    """What one trigger's event holds before it is named and classified: the slots read from
    the parse (with the tokens they came from) and the sentence context the codebook rules
    look at. Working data of the coder, never serialised (see `model.Event`)."""

    trigger: Token
    action: str  # codebook action (see codebook.ACTION_WORDS)
    claimed: set[int]  # start offsets of facts that belong to another trigger of the sentence
    sent: Span
    story: str  # the sentence and the rest of its paragraph (syntax.story)
    exchange: bool  # the story tells fire both ways (lexicon.EXCHANGE_RE; syntax.story_has)
    observed: bool  # a monitor's count ('the mission observed 12 explosions')
    actor: str | None  # as written
    target: str | None
    actor_tok: Token | None
    target_tok: Token | None
    target_class: str | None  # weapon class of the target ('a Russian missile' intercepted)
    weapon_class: str | None
    weapon: str | None  # as written ('kamikaze drones')
    weapon_head: Token | None
    counts: list[Count]  # value/relation/item of the quantities in the trigger's phrase
    quantities: list[Quantity]  # the sentence's quantity facts not claimed by another trigger
    fatalities: int | None


#: Dependencies of a country or nationality word that modifies a noun or participle.
NATIONAL_DEPS = frozenset({"amod", "compound", "poss", "npadvmod", "nmod"})


def read_frame(trig, action: str, sent, ctx, triggers) -> Frame | None:
    """Actor, target, weapon, counts and fatalities of the event triggered by `trig`."""
    verb = _clause_verb(trig)
    actor_tok, target_tok = _actor_target(trig, verb, action)
    owner = owners(sent, [t for t, _ in triggers])
    others = [t for t, _ in triggers if t != trig and not _inside(t, trig)]
    claimed = {x.start for x in ctx.items_in(sent) if owner.get(ctx.token_index(x)) != trig.i}
    weapon_cls, weapon, weapon_head = weapons.weapon_of(_own_tokens(trig, others))
    if weapon is None and action not in ("agree", "supply", "manufacture", "withdraw", "protest"):
        weapon_cls, weapon, weapon_head = weapons.weapon_of(_head_clause(trig, others))
    quantities = [q for q in ctx.quantities_in(sent)
                  if q.item not in NON_COUNT_ITEMS and q.start not in claimed]
    mine = [t for t in sent if owner.get(t.i) == trig.i]
    actor, target = _text(actor_tok, ctx), _text(target_tok, ctx)
    if action == "clash":
        actor, target = _between(trig, verb) or (actor, target)
    return Frame(
        trigger=trig, action=action, claimed=claimed, sent=sent,
        story=story(sent), exchange=syntax.story_has(sent, EXCHANGE_RE),
        observed=frames.observer_of(trig) is not None,
        actor=actor, target=target, actor_tok=actor_tok, target_tok=target_tok,
        target_class=weapons.weapon_of(list(target_tok.subtree))[0] if target_tok is not None else None,
        weapon_class=weapon_cls, weapon=weapon, weapon_head=weapon_head,
        counts=[_count(q) for q in quantities], quantities=quantities,
        fatalities=casualties.fatalities_of(mine, ctx.quantities_in(sent)),
    )


def _between(trig, verb) -> tuple[str, str] | None:
    """'clashes between Russian and Ukrainian forces', 'an armed clash occurred between X and
    Y' -> (X, Y) as written ('Russian forces', 'Ukrainian forces')."""
    pobj = syntax.prep_object(trig, BETWEEN_PREPS) or syntax.prep_object(verb, BETWEEN_PREPS)
    if pobj is None:
        return None
    if pobj.conjuncts:
        return syntax.phrase_text(pobj), syntax.phrase_text(pobj.conjuncts[0])
    adjs = [c for c in pobj.children if c.dep_ == "amod"]
    adjs = [a for a in adjs + [x for c in adjs for x in c.conjuncts] if country_in(a.text)]
    if len(adjs) >= 2:
        return f"{adjs[0].text} {pobj.text}", f"{adjs[1].text} {pobj.text}"
    return None


def owners(sent, triggers) -> dict[int, int]:
    """token index -> index of the trigger it belongs to: the innermost trigger whose subtree
    holds it, else the nearest trigger (facts outside every event phrase go to the closest)."""
    out = {}
    spans = [(t.left_edge.i, t.right_edge.i, t.i) for t in triggers]
    for tok in sent:
        inside = [(hi - lo, ti) for lo, hi, ti in spans if lo <= tok.i <= hi]
        if inside:
            out[tok.i] = min(inside)[1]
        elif spans:
            out[tok.i] = min((abs(ti - tok.i), ti) for _, _, ti in spans)[1]
    return out


def _clause_verb(trig):
    """The verb whose arguments are the event's: the trigger itself, or the verb governing a
    noun trigger ('reached an agreement', 'carried out strikes')."""
    tok = trig
    climb = ("dobj", "pobj", "prep", "attr", "nsubj", "nsubjpass", "compound", "conj", "amod")
    while tok.pos_ != "VERB" and tok.head != tok and tok.dep_ in climb:
        tok = tok.head
    return tok if tok.pos_ == "VERB" else trig


def _aimed_at(thing):
    """What a fired weapon or a launched attack was aimed at, when the parser hung the
    'at'/'on' phrase on the noun ('fired mortars and grenade launchers at the positions')."""
    for t in [thing, *thing.conjuncts]:
        found = syntax.prep_object(t, AIM_PREPS)
        if found is not None:
            return found
    return None


def _doer_of_thing(tok):
    """The doer behind a weapon, vehicle or attack named as a subject: 'shells launched by
    Russian forces hit ...' -> Russian forces; 'a column ... belonging to the Russian forces'
    -> the forces; 'a Russian airstrike', 'Ukrainian Bayraktar drones' -> the thing itself
    (its country names the forces); 'One of the shells hit ...' -> the armed party of the
    sentence before; else None (a thing is no actor)."""
    for x in tok.subtree:
        if x.dep_ == "agent":
            found = syntax.agent(x.head)
            if found is not None:
                return found
    owner = parties.owner_of(tok)
    if owner is not None:
        return owner
    if parties.country_marked(tok):
        return tok
    if any(c.lower_ in BACK_POINTING_WORDS for c in tok.subtree if c.i <= tok.i) \
            or tok.lower_ in PART_WORDS:
        return parties.previous_actor(tok)  # a definite thing refers back to the attack told
    return None


def _actor_target(trig, verb, action: str):
    """(actor token, target token) from the parse; a supply's target is its recipient ('to
    Russia'), a withdrawal has none (its object is the withdrawing side's own forces)."""
    attacker = _attacker_of(trig, action)
    actor = attacker or _actor_of(trig, verb, action)
    if action == "withdraw":
        return actor, None
    if action == "supply":
        return actor or _supplier(trig), syntax.prep_object(verb, RECIPIENT_PREPS)
    if attacker is not None:  # 'Ukrainian forces repelled the attack of Russian forces'
        return actor, syntax.argument(verb, syntax.SUBJECT_DEPS) if verb != trig else None
    if action == "clash" and actor is None:
        pair = parties.between_parties(trig)
        if pair:
            return pair
    return actor, _target_of(trig, verb, action)


def _supplier(trig):
    """The country named as the giver without being the subject (general English): the owner
    of the plan a supply verb completes ('Iranian plans to give away drones'), or the
    participle naming who supplied the things shipped ('Iranian-supplied drones were shipped')."""
    if trig.dep_ in ("acl", "xcomp"):
        owner = _national(trig.head)
        if owner is not None:
            return owner
    for thing in (c for c in trig.children if c.dep_ in ("nsubjpass", "dobj")):
        for part in (c for c in thing.children if c.dep_ == "amod" and c.tag_ == "VBN"):
            owner = _national(part)
            if owner is not None:
                return owner
    return None


def _national(tok):
    """A country or nationality modifying `tok` ('Iranian plans', 'Iranian-supplied')."""
    return next((c for c in tok.children if c.dep_ in NATIONAL_DEPS and c.ent_type_ in ("NORP", "GPE")), None)


def _attacker_of(trig, action: str):
    """The force in 'the attack of <force>' (general English: the subjective genitive)."""
    if trig.pos_ != "NOUN" or trig.lower_ not in DOER_OF_NOUNS:
        return None
    party = syntax.prep_object(trig, OF_PREPS)
    if party is None or party.lower_ in POSITION_NOUNS:
        return None
    name = normalize_actor(" ".join(x.text for x in party.subtree))
    return party if name and name.startswith(ARMED_NAMES) else None


def _actor_of(trig, verb, action: str):
    """The doer: a noun trigger's possessor, country or 'by' phrase; the verb's agent or
    subject (a passive clause does not borrow its head's subject: 'fired a missile, but the
    missile was intercepted'); a thing's owner; None for monitors' counts."""
    actor = None
    if trig.pos_ == "NOUN":
        actor = next((c for c in trig.children if c.dep_ == "poss" or
                      (c.dep_ in ("amod", "compound") and country_in(c.text))), None)
        actor = actor or syntax.prep_object(trig, BY_PREPS)
    actor = actor or syntax.agent(verb) or syntax.argument(verb, syntax.SUBJECT_DEPS)
    actor = actor or _governing_subject(verb)
    actor = actor or parties.misparsed_subject(verb) or parties.root_party(trig)
    if actor is None and action == "explode":
        device = syntax.prep_object(trig, OF_PREPS) or syntax.prep_object(verb, DEVICE_PREPS)
        actor = _explosive_owner(device)
    own_subject = actor is not None and actor.head == trig and actor.dep_ in syntax.SUBJECT_DEPS
    if actor == trig or (frames.observer_of(trig) and not own_subject):
        return None  # 'clashes occurred', 'the mission observed explosions': no doer named
    if actor is None:
        return None
    party = _is_party(actor)
    if action == "explode" and not party and not weapons.weapon_of([actor])[0] \
            and not any(c.dep_ == "dobj" for c in verb.children):
        return _mine_owner(verb)  # 'a car exploded on a Russian mine': the car is the victim
    if actor.lower_ in TRIGGER_FORMS or parties.is_thing(actor):
        return _doer_of_thing(actor)
    if not party and action in CASUALTY | {"strike"} and actor.ent_type_ not in PARTY_ENTS:
        return parties.cause_agent(trig.sent)  # 'two buildings collapsed, killing 26': not a doer
    return actor


#: Named-entity labels of mentions that may be parties even when no ACLED name fits them.
PARTY_ENTS = frozenset({"PERSON", "ORG", "NORP", "GPE"})


def _is_party(tok) -> bool:
    """Does the phrase of `tok` name a kind of actor ACLED codes (see actors.normalize_actor)?"""
    return normalize_actor(" ".join(x.text for x in tok.subtree)) is not None


#: How far up a chain of joined verbs the subject is looked for ('Russian forces continued
#: bombing and shelling X', 'a soldier beat, tortured and raped ...').
MAX_SUBJECT_HOPS = 3


def _governing_subject(verb):
    """The subject of the verb this one is joined to (conj/xcomp/advcl chains); a passive
    clause does not borrow it ('fired a missile, but the missile was intercepted')."""
    v = verb
    for _ in range(MAX_SUBJECT_HOPS):
        if v.dep_ not in ("advcl", "xcomp", "conj", "acl", "ccomp", "prep") or syntax.is_passive(v) \
                or v.head.pos_ not in ("VERB", "AUX", "NOUN"):  # a noun head: a misparsed verb
            return None
        v = v.head
        found = syntax.agent(v) or syntax.argument(v, syntax.SUBJECT_DEPS)
        if found is not None:
            return found
    return None


def _explosive_owner(device):
    """Who laid or planted an explosive ('a device planted by Russian forces', 'a Russian
    mine'); None if the text does not say (no guess from the previous sentence)."""
    if device is None or not weapons.weapon_of([device])[0]:
        return None
    for x in device.subtree:
        if x.dep_ == "agent":
            return syntax.agent(x.head)
    return device if parties.country_marked(device) else parties.owner_of(device)


def _mine_owner(verb):
    """'exploded on a Russian anti-tank mine' -> the mine (its country names the layer)."""
    mine = syntax.prep_object(verb, MINE_PREPS)
    return mine if mine is not None and parties.country_marked(mine) else None


def _target_of(trig, verb, action: str):
    """The done-to: a noun trigger's 'on/against/of/at' object, the verb's object (for a
    fired weapon, what it was aimed at), else an 'at/on/against' object of the verb."""
    target = None
    if trig.pos_ == "NOUN":
        preps = NOUN_TARGET_PREPS | (CLASH_PREPS if action == "clash" else frozenset())
        target = syntax.prep_object(trig, frozenset(preps))  # 'clashes with Ukrainian forces'
    if target is None:
        target = syntax.argument(verb, syntax.OBJECT_DEPS)
        if target is not None and action != "intercept" and parties.is_means(target) \
                and verb.lower_.startswith(PROJECT_VERBS):  # what is fired is no target
            target = (syntax.prep_object(verb, TARGET_PREPS) or _aimed_at(target)
                      or (target if target.dep_ == "nsubjpass" and not parties.is_means(target) else None)
                      or syntax.aimed_in_clause(verb))
        elif target is not None and target.lower_ in OPERATION_NOUNS | set(TRIGGER_FORMS):
            # 'launched an attack on the convoy', 'an offensive operation against X'
            target = _aimed_at(target) or syntax.prep_object(verb, AIM_PREPS) or (
                None if target.lower_ in OPERATION_NOUNS else target)
    if target is not None and target.ent_type_ in syntax.NOT_PARTY_ENTS:
        target = None
    if target is None:
        preps = AIM_PREPS | (CLASH_PREPS if action == "clash" else frozenset())
        target = syntax.prep_object(verb, frozenset(preps))
    if target is None and action in ("fire", "shoot", "shell", "launch", "strike", "attack"):
        target = syntax.aimed_in_clause(verb) or syntax.aimed_by_participle(verb)
    return target


def _text(tok, ctx) -> str | None:
    if tok is None:
        return None
    tok = parties.resolve_pronoun(tok, ctx.doc)
    if tok.lower_ in PRONOUNS or tok.pos_ == "PRON":
        return None
    start, end = syntax.phrase(tok)
    text = doc_text(ctx.doc)[start:end].strip(" ,.;:")
    return POSSESSIVE_RE.sub("", text) or None


def _inside(t, trig) -> bool:
    """Is `t` in the subtree of `trig`'s own phrase (absorbed details)?"""
    return trig.left_edge.i <= t.i <= trig.right_edge.i and not (
        t.pos_ == "VERB" and any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children))


def _own_tokens(trig, others) -> list:
    """The trigger's subtree minus other triggers' own clauses."""
    skip = set()
    for o in others:
        if trig.left_edge.i <= o.i <= trig.right_edge.i and o.pos_ == "VERB":
            skip.update(range(o.left_edge.i, o.right_edge.i + 1))
    return [t for t in trig.subtree if t.i not in skip]


def _head_clause(trig, others) -> list:
    """Tokens of the clause governing `trig` ('a ... missile crashed, killing two')."""
    head = trig.head if trig.dep_ in ("advcl", "xcomp", "acl", "relcl", "conj", "dobj", "pobj", "amod") else trig
    if trig.dep_ == "amod":
        return list(head.subtree)
    toks = []
    for c in head.children:
        if c.dep_ in ("nsubj", "nsubjpass", "dobj", "prep") and c != trig:
            toks.extend(c.subtree)
    return toks or list(trig.sent)


def _count(q: Quantity) -> Count:
    return Count(q.value, q.relation, q.item)


def split_by_weapon(frame: Frame, sent, ctx) -> list[Frame]:
    """'launched 150 missiles and 25 drones' -> one frame per weapon class of the conjoined
    objects, each with the counts inside its phrase."""
    head = frame.weapon_head
    if head is None:
        return [frame]
    group = [head] + [c for c in head.conjuncts]
    classes = {}
    for h in group:
        cls, text, _ = weapons.weapon_of([h])
        if cls and cls not in classes:
            classes[cls] = (h, text)
    if len(classes) < 2:
        return [frame]
    return [_sub_frame(frame, cls, h, text) for cls, (h, text) in classes.items()]


def _sub_frame(frame: Frame, cls: str, head, text: str) -> Frame:
    lo = min(t.idx for t in head.subtree if (t == head or t.dep_ != "conj") and t.i <= head.i)
    hi = head.idx + len(head)
    counts = [_count(q) for q in frame.quantities if lo <= q.start < hi]
    return replace(frame, weapon_class=cls, weapon=text, weapon_head=head, counts=counts)
