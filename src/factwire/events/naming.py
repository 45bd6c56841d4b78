"""Actor naming: ACLED actor1/actor2 of a frame (codebook, "Actor names, types and inter
codes"): protesters and the displaced by country, agreement parties as governments, a weapon's
owner, the other side of a battle, civilians harmed."""
from __future__ import annotations

from . import parties, syntax
from .actors import (
    CIVILIAN_PEOPLE_RE,
    COMBATANT_RE,
    FORCE_RE,
    PARTY_JOIN_RE,
    PROTESTER_RE,
    country_in,
    government,
    normalize_actor,
    state_force,
)
from .classify import sub_event, violent
from .codebook import GOVERNMENT_STAND_INS, MILITARY_SIDES, STATE_SIDES
from .frame import Frame
from .lexicon import OFFICIALS_RE, TOLD_BEFORE_DETS


def actor_name(frame: Frame, home: str | None) -> str | None:
    """ACLED actor1: demonstrators are coded as protesters whoever they are (codebook:
    'Protesters (Country)'), the displaced as civilians; else the actor's own name."""
    if frame.action in ("protest",):
        country = home or country_in(frame.actor or "")  # named by where they protest
        return f"Protesters ({country})" if country else "Protesters"
    if frame.action == "displace":  # ACLED codes the displaced civilians as the actor
        return f"Civilians ({home})" if home else "Civilians"
    if frame.action == "agree":
        return _agreement_party(frame, 0, home)
    name = normalize_actor(frame.actor, home)
    if name is None and frame.action == "intercept" and frame.actor is None and home:
        return state_force(home)  # 'the missile was intercepted over Kyiv': by the home state's air defence
    if name and name.startswith("Civilians") and OFFICIALS_RE.search(frame.actor or "") \
            and not violent(frame):
        country = country_in(frame.actor) or home  # officials who agree, supply or announce act for their state
        return government(country) if country else name
    return name


def _agreement_party(frame: Frame, index: int, home: str | None) -> str | None:
    """ACLED actor1/actor2 of an agreement: its parties in the order written ('Moscow and
    Tehran have reached an agreement', 'Russia signed a deal with Iran'). A state named by its
    country or capital is its government (codebook: agreements are between governments or
    armed groups); a force named as such stays a force ('Russian and Ukrainian forces agreed')."""
    parties = [p for p in PARTY_JOIN_RE.split(frame.actor or "") if p.strip()]
    if index == 1 and len(parties) < 2:
        parties = [None, frame.target] if frame.target else []
    if len(parties) <= index:
        return None
    part = parties[index]
    name = normalize_actor(part, home)
    country = country_in(part)
    forces = FORCE_RE.search(frame.actor or "") or FORCE_RE.search(part)
    if country and not forces and (name is None or name.startswith(GOVERNMENT_STAND_INS)):
        return government(country)
    return name


def target_name(frame: Frame, home: str | None) -> str | None:
    """ACLED actor2: the target if it is an actor; the owner of an intercepted or hit weapon
    ('a Russian missile'); a person attacked or abducted is a civilian; else the first party
    named harmed in the paragraph ('shelled X, killing four Ukrainian soldiers' -> the
    Ukrainian military; '... wounding three civilians' -> civilians). Property hit with no one
    hurt names no civilians (codebook: violence against civilians harms people). Peaceful
    protests and displacements have none (codebook: no one is attacked)."""
    if frame.action in ("displace", "withdraw"):
        return None
    if frame.action == "protest":  # the force that intervened, if any (codebook)
        return _intervening_force(frame, home)
    if frame.action == "agree":
        return _agreement_party(frame, 1, home)
    target = frame.target or ""
    name = normalize_actor(target, home) if target else None
    if name is None and target and frame.target_class:
        name = _weapon_owner(frame.target_tok, home)
    if name is None and (frame.action in ("capture", "regain") or sub_event(frame) in BATTLE_TYPES):
        return _other_side(frame, home)
    if name is None and home and frame.action in PERSON_HARM and _is_person(
            frame.target_tok or _person_subject(frame)):
        name = f"Civilians ({home})"  # 'kidnapped the head of the village', 'a journalist disappeared'
    if name is None and home and violent(frame) and _people_aboard(frame.target_tok):
        name = f"Civilians ({home})"  # 'fired on a bus with volunteers', 'a shelter where women ... stayed'
    if name is None and violent(frame):
        name = _civilians_hit(frame, home)  # harm told nearby is a target of violence only
    if name and name.startswith("Protesters") and not PROTESTER_RE.search(target):
        return None
    return name


def _weapon_owner(tok, home: str | None) -> str | None:
    """Whose intercepted or hit weapon: its country ('a Russian missile'), its owner ('aircraft
    belonging to Russian forces'), or - for 'the missile' told before - the armed side that
    fired it earlier in the sentence or the one before."""
    if tok is None:
        return None
    owner = parties.owner_of(tok)
    if owner is None and any(c.lower_ in TOLD_BEFORE_DETS for c in tok.children):
        owner = parties.earlier_armed(tok)
    if owner is None:
        return None
    return normalize_actor(" ".join(x.text for x in owner.subtree if x.dep_ not in ("relcl", "acl")), home)


def _intervening_force(frame: Frame, home: str | None) -> str | None:
    """The armed force or police acting later in a protest's paragraph ('Russian troops
    dispersed the rally'): ACLED's actor2 of a protest with intervention."""
    for t in syntax.paragraph_tokens(frame.sent):
        if t.dep_ in ("nsubj", "agent") or (t.dep_ == "pobj" and t.head.dep_ == "agent"):
            name = normalize_actor(" ".join(x.text for x in t.subtree if x.dep_ not in ("relcl", "acl")), home)
            if name and name.startswith(STATE_SIDES):
                return name
    return None


#: Sub-event types that always have two armed sides (codebook: battles).
BATTLE_TYPES = frozenset({"Armed clash", "Government regains territory", "Non-state actor overtakes territory"})


def _other_side(frame: Frame, home: str | None) -> str | None:
    """The second side of a battle or territory change not named as its target (codebook:
    a battle is fought, and territory passes, between two armed sides): a foreign or rebel
    force fighting or taking ground in a country faces that country's forces; the home
    forces face the other armed side named in the paragraph (None if none is)."""
    actor = actor_name(frame, home) or ""
    if not home or not actor.startswith(MILITARY_SIDES):
        return None
    own = state_force(home)
    if not actor.startswith(own):
        return own
    for t in syntax.paragraph_tokens(frame.sent):
        if t.pos_ in ("NOUN", "PROPN", "ADJ"):
            name = normalize_actor(t.text if t.pos_ == "ADJ" else " ".join(x.text for x in t.subtree), home)
            if name and name.startswith(MILITARY_SIDES) and not name.startswith(own):
                return name
    return None


#: Actions done to a person: their target, if a person, is a civilian unless named armed.
PERSON_HARM = frozenset({"abduct", "rape", "kill", "injure", "attack", "shoot", "arrest"})


def _is_person(tok) -> bool:
    """A named person or a noun for one ('the vice-head of the city council', 'Viktor
    Medvedchuk'), not a combatant."""
    if tok is None:
        return False
    words = " ".join(x.text for x in tok.subtree if x.dep_ not in ("relcl", "acl", "prep") or x.i < tok.i)
    if FORCE_RE.search(words) or COMBATANT_RE.search(words):
        return False
    return tok.ent_type_ == "PERSON" or bool(CIVILIAN_PEOPLE_RE.search(words))


def _person_subject(frame: Frame):
    """The person a harm is told of when the trigger has no object ('a journalist ...
    disappeared, likely due to an abduction by Russian forces')."""
    actor = frame.actor_tok
    for t in frame.sent:
        if t.dep_ in ("nsubj", "nsubjpass") and t != actor and (actor is None or t not in actor.subtree):
            return t
    return None


def _people_aboard(tok) -> bool:
    """A vehicle or building hit with people in it, said in the target's own phrase ('a bus
    with volunteers', 'the bus that was transferring civilians')."""
    if tok is None or tok.pos_ != "NOUN" or FORCE_RE.search(tok.text) or parties.is_means(tok):
        return False
    words = " ".join(x.text for x in tok.subtree if x.i > tok.i)
    return bool(CIVILIAN_PEOPLE_RE.search(words)) and not (FORCE_RE.search(words) or COMBATANT_RE.search(words))


def _civilians_hit(frame: Frame, home: str | None) -> str | None:
    """The ACLED name of the first party named harmed in the paragraph (the sentence and the
    ones after it), if it names one: civilians, or an armed side's soldiers."""
    for v in parties.victims_after(frame.sent):
        name = normalize_actor(" ".join(x.text for x in v.subtree if x.dep_ not in ("relcl", "acl")), home)
        if name is not None:
            return name
    return None
