"""Which trigger words make events, what each event's frame holds, and the codebook's rules
from (action, weapon, target) to an ACLED sub-event type.

Codebook definitions behind the rules (ACLED codebook, "Event types and sub-event types"):
Battles are violent interactions between two organised armed groups (armed clash; territory
taken with fighting); Explosions/Remote violence is one-sided violence by remote means (air or
drone strikes; shelling, artillery, missiles; remote explosives, landmines, IEDs; grenades;
suicide bombs; chemical weapons); Violence against civilians is violence by an armed group
against unarmed non-combatants (attack, abduction, sexual violence); Strategic developments
are non-violent but significant (agreements, arrests, disrupted weapons use such as
interceptions, non-violent transfers of territory, looting, bases established, other).
"""
from __future__ import annotations

import re

from . import frames, slots
from .actors import (CIVILIAN_PEOPLE_RE, CIVILIAN_RE, COMBATANT_RE, FORCE_RE, PARTY_JOIN_RE, PROTESTER_RE, REBEL_RE,
                     country_in, government, normalize_actor, state_force)
from .codebook import SUB_EVENT_TYPES, TRIGGER_FORMS, WEAPON_SUB_EVENT
from .slots import doc_text

#: Actions that make an event only when a weapon is named with them ("sent 100 tanks" yes,
#: "sent a letter" no; "hit by missiles" yes, "hit a record" no).
NEEDS_WEAPON = frozenset({"launch", "fire"})
#: ... or anywhere in the sentence ("which drone design would be used for production").
WEAPON_IN_SENTENCE = frozenset({"supply", "manufacture", "intercept"})
NEEDS_WEAPON_FORMS = frozenset({"go", "goes", "going", "went", "gone", "destroy", "destroys", "destroyed", "destroying", "raid", "raids", "raided", "raiding", "drop", "dropped", "dropping", "hit", "hits", "hitting", "target", "targeted", "targets",
                                "targeting", "block", "blocked", "blocks", "repel", "repelled",
                                "neutralized", "neutralised"})
THROW_FORMS = frozenset({"throw", "throws", "threw", "thrown", "throwing", "hurl", "hurled", "hurling"})
#: Things thrown as weapons by crowds (general English).
PROJECTILE_RE = re.compile(r"\b(molotov|petrol bombs?|firebombs?|stones|rocks|bricks|bottles)\b", re.I)
#: Casualty actions describe another event's outcome; alone they need a named perpetrator.
CASUALTY = frozenset({"kill", "injure"})
#: Particles that make a phrasal trigger; a form listed here is an event only with them.
PHRASAL = {"gain": ("control",), "gained": ("control",), "gaining": ("control",),
           "take": ("over", "control"), "took": ("over", "control"), "taken": ("over", "control"),
           "taking": ("over", "control"), "set": ("up",), "pull": ("out", "back"),
           "pulled": ("out", "back"), "blow": ("up",), "blew": ("up",), "blown": ("up",),
           "go": ("off",), "goes": ("off",), "going": ("off",), "went": ("off",), "gone": ("off",),
           "break": ("through",), "breaks": ("through",), "broke": ("through",),
           "breaking": ("through",), "broken": ("through",)}
#: Arrests ACLED codes are political (codebook: arrests of politically significant people).
POLITICAL_RE = re.compile(r"\b(protesters?|activists?|journalists?|opposition|politicians?|"
                          r"mayor|officials?|deputy|leaders?|members? of|saboteurs?|sabotage|"
                          r"collaborat\w*|spies|spy|espionage|treason|agents?|servicem[ae]n|"
                          r"soldiers|prisoners? of war)\b", re.I)
PLACE_WORDS_RE = re.compile(r"\b(city|town|village|settlement|airport|base|plant|region|oblast|"
                            r"district|island|bridge|port|control|outskirts|territory|area|"
                            r"positions?|station|building|headquarters)\b", re.I)
FIGHT_RE = re.compile(r"\b(fight|fighting|fought|battles?|clash|clashes|clashed|combat|storm|"
                      r"stormed|heavy fire)\b", re.I)
NO_FIGHT_RE = re.compile(r"\b(no information|whether|without (?:a |any )?(?:fight|resistance|battle)|"
                         r"peaceful(?:ly)?|no fighting|handed over|after (?:the )?\w+ (?:forces )?(?:withdrew|left|retreated))", re.I)
#: Fire both ways is a clash (codebook: armed clash = two armed groups fight): fire in both
#: directions, an exchange, or the other side answering ('responded with fire', 'returned
#: fire', 'repelled the attack') - general English for a two-sided fight.
EXCHANGE_RE = re.compile(r"\b(both directions|exchang\w* (?:of )?fire|firefights?|small arms|"
                         r"respon\w* with (?:\w+ )?fire|returned (?:the )?fire|fired back|"
                         r"repel\w* (?:the |an |their |its )?(?:\w+ )?(?:attacks?|assaults?|offensive|advance))\b",
                         re.I)
#: Force used on a demonstration (codebook): not likely to cause serious injury - an
#: intervention (dispersal, arrests, tear gas, warning shots, stun grenades); lethal or
#: injuring force - excessive force (fire aimed at the crowd, people killed or wounded).
INTERVENTION_RE = re.compile(r"\b(dispers\w*|detain\w*|arrest\w*|tear gas|batons?|warning shots?|"
                             r"stun grenades?|smoke grenades?|rubber bullets?|water cannons?|pepper spray|"
                             r"beat\w*|into the air|step back|pushed|shoved)\b", re.I)
EXCESSIVE_RE = re.compile(r"\b(opened fire (?:at|on)(?! the air)|fired (?:at|on|into) (?:the )?(?:protesters|"
                          r"protestors|demonstrators|crowd|people|rally)|shot (?:at |dead )?(?:protesters|"
                          r"demonstrators)|killed|killing|wounded|wounding|injured|injuring|live (?:fire|ammunition))\b",
                          re.I)
#: Demonstrators' own violence (codebook: violent demonstration).
RIOTING_RE = re.compile(r"\b(rioters?|molotov|threw (?:stones|rocks|bricks|bottles|eggs|paint)|"
                        r"set (?:fire to|on fire)|smashed|vandali[sz]ed)\b", re.I)
#: Verbs of a trend, not an incident ("intensified its airstrikes"). "Continued/resumed
#: shelling X on <day>" is that day's shelling, so those verbs are not here.
TREND_VERBS = frozenset({"intensified", "intensify", "increase", "increased", "escalated",
                         "stepped", "ramp", "reliance", "condemned", "condemn"})
#: Nouns of duration before "of": "months of shelling" is a history, not an incident.
DURATION_NOUNS = frozenset({"months", "years", "weeks", "days", "decades", "history"})
MAX_ABSORB_HOPS = 5
#: Military kit that is not a weapon class of its own (general military English).
MILITARY_THING_RE = re.compile(r"\b(armou?red|convoy|military (?:equipment|vehicles?|hardware)|"
                               r"ammunition depot|fuel depot)\b", re.I)
#: Words of harm to people (general English).
CASUALTY_RE = re.compile(r"\b(killed|kills|died|dead|wounded|injured|injuries|hurt|victims?)\b", re.I)
#: Civilian vehicles and buildings (general English).
CIVILIAN_THING_RE = re.compile(r"\b(cars?|bus|buses|minibus|vehicles?|house|houses|homes?|"
                               r"apartments?|shops?|market|church|column of civilians|dormitory|"
                               r"residential|kindergarten|hospital|school|maternity)\b", re.I)
#: Prepositions of movement: their proper-noun object is a place ('moving towards Vasylkiv').
DIRECTION_PREPS = frozenset({"to", "towards", "toward", "into", "from", "through", "in", "near"})
#: Verbs of taking someone ('took hostages', 'taken hostage').
TAKE_VERBS = frozenset({"take", "took", "taken", "taking", "takes", "seized", "grabbed"})
#: A protest's demand (general English).
DEMAND_RE = re.compile(r"\b(demand\w*|against|in support of|to support|in solidarity|calling for|"
                       r"called for|to express|to condemn|to commemorate|to honou?r|to mourn|"
                       r"in memory of|to show (?:their )?(?:unity|support|solidarity)|slogans?|banners?)\b", re.I)
#: Weapons that fly to their target: destroyed in the air, they are intercepted.
IN_FLIGHT_RE = re.compile(r"\b(drones?|uavs?|missiles?|rockets?|unmanned)\b", re.I)
#: Verbs of assembling (general English): 'gathered to protest' is a demonstration.
GATHER_VERBS = frozenset({"gathered", "gather", "assembled", "rallied", "marched", "came",
                          "took", "went", "held", "staged", "organised", "organized"})
BASE_WORDS_RE = re.compile(r"\b(base|bases|headquarters|camps?|checkpoints?|outposts?|command posts?|"
                           r"garrisons?|barracks)\b", re.I)


def keep_triggers(tokens, ctx) -> list[tuple[object, str]]:
    """(token, action) of the triggers that stand for events of their own: each passes its
    action's gate, and a trigger inside another's phrase is that event's detail."""
    gated = [(t, a) for t in tokens if (a := gate(t, ctx)) is not None]
    kept_ids = {t.i: a for t, a in gated}
    out = []
    for t, a in gated:
        if not _absorbed(t, a, kept_ids):
            out.append((t, a))
    return out


def gate(t, ctx) -> str | None:
    """The action of trigger `t` if its context allows one."""
    low, action = t.lower_, TRIGGER_FORMS[t.lower_]
    kids = {c.lower_ for c in t.children}
    if low in PHRASAL and not kids & set(PHRASAL[low]):
        return None
    if action == "shoot" and "down" in kids:
        action = "intercept"
    if low in ("fire", "fires") and t.pos_ == "NOUN":
        return "shoot" if t.head.lower_ in ("opened", "open", "opening") or frames.observer_of(t) else None
    if action == "clash" and low.startswith("exchang") and CAPTIVES_RE.search(" ".join(_subtree_words(t))):
        return "agree"  # codebook: prisoner exchanges are agreements
    if action == "clash" and low.startswith("exchang") and "fire" not in _subtree_words(t):
        return None
    if action == "clash" and NO_FIGHT_RE.search(t.sent.text):
        return None  # 'no information on whether fighting took place' 
    if _habitual(t) or not _concrete(t):
        return None
    if t.pos_ == "VERB" and t.dep_ == "amod" and t.tag_ == "VBN":
        return None  # 'the detonated material', 'a burned car': a participle describing a thing
    if low.startswith("burn") and not (slots.agent(t) or (t.tag_ != "VBN" and slots.argument(t, slots.SUBJECT_DEPS))):
        return None  # 'cars were badly burned': fire, not someone destroying property
    return _gate_by_action(t, action, ctx)


def _concrete(t) -> bool:
    """A new incident, not a legal fact, a back-reference or a generality (see `frames`)."""
    if frames.observer_of(t) is not None:
        return True
    return not (frames.in_justice_frame(t) or frames.is_commentary(t) or _habitual_present(t))


def _habitual_present(t) -> bool:
    """'OpenWorks manufactures the SkyWall', 'attacks happen': the simple present tells what
    is usual, not an incident (news tells incidents in the past; headings are skipped
    elsewhere). Reported speech keeps its tense, so only a main-clause verb counts; only the
    -s form, because the tagger takes irregular pasts ('retook') for plain present."""
    return t.tag_ == "VBZ" and t.dep_ == "ROOT" and not any(
        c.dep_ in ("aux", "auxpass") for c in t.children)


def _gate_by_action(t, action: str, ctx) -> str | None:
    words = " ".join(_subtree_words(t))
    sent_text = t.sent.text
    if t.lower_.startswith("destroy") and _destroys_force(t):
        return "intercept" if _destroys_in_flight(t) else action
    if action == "intercept" and t.lower_.startswith(REPEL_STEMS) and _repels_force(t):
        return "clash"
    if action == "capture" and _seizes_weapons(t):
        # codebook: disrupted weapons use includes seizures of weapons; a gerund ('capturing
        # drones with nets is one option') names a method, not a seizure
        return "intercept" if t.tag_ in ("VBD", "VBN") else None
    if (action in NEEDS_WEAPON or t.lower_ in NEEDS_WEAPON_FORMS) and not (
            _weapon_near(t) or _fired_at(t, action)):
        return None
    if t.lower_ in THROW_FORMS and not (_weapon_near(t) or PROJECTILE_RE.search(words)):
        return None  # 'threw a party' no; 'threw a grenade', 'threw stones' yes
    if action in WEAPON_IN_SENTENCE and not _weapon_near(t, whole_sentence=True):
        return None
    if action in ("supply", "manufacture") and t.pos_ == "VERB" and not _weapon_object(t):
        return None
    if action in ("supply", "manufacture") and t.pos_ == "NOUN" and not _weapon_near(t):
        return None  # 'use drones to make deliveries': the thing delivered is no weapon
    if _of_a_kind(t):
        return None
    if action == "agree" and not any(e.label_ in ("GPE", "NORP", "ORG") for e in t.sent.ents):
        return None
    if action == "agree" and t.lower_.startswith("deal") and t.pos_ == "VERB":
        return None  # 'dealing with' is handling, not a deal
    if t.lower_.startswith("hostage") and t.head.lower_ not in TAKE_VERBS:
        return None  # 'holding 17 hostages' is a state; 'took hostages' an abduction
    if action == "arrest" and not POLITICAL_RE.search(words):
        return None
    if action == "displace" and not CIVILIAN_RE.search(sent_text):
        return None
    if action in ("capture", "regain") and not _takes_place(t, words, ctx):
        return None
    if action == "protest" and (_purpose_only(t) or not _is_demonstration(t)):
        return None
    if t.lower_.startswith(("beat", "tortur")) and not CIVILIAN_RE.search(words):
        return None  # 'beat the record', 'beat Arsenal': harm needs a person hurt
    if action == "establish" and "control" in {c.lower_ for c in t.children}:
        return "capture"  # 'established control in X'
    if action == "establish" and not BASE_WORDS_RE.search(words):
        return None
    if action == "move" and not _forces_move(t):
        return None
    if action == "withdraw" and not (FORCE_RE.search(sent_text) or country_in(sent_text)):
        return None
    if action in CASUALTY and not _perpetrator(t):
        return None
    return action


#: Words for land in general ('retaking territory'): taking them names no place.
BARE_LAND = frozenset({"territory", "territories", "ground", "land", "lands"})


def _bare_land(obj) -> bool:
    """'retaking territory from the caliphate', 'recapture territory it once held': land in
    general, with no place named in its phrase, is a campaign aim, not a place taken."""
    if obj is None or obj.lower_ not in BARE_LAND:
        return False
    return not any(x.ent_type_ in ("GPE", "LOC", "FAC") or x.pos_ == "PROPN" for x in obj.subtree)


def _takes_place(t, words: str, ctx) -> bool:
    """A capture takes a place, not a person ('captured Irpin' yes, 'he was captured' no);
    'enter' needs armed forces as its subject (people enter shops every day). A name the
    tagger took for a person is a place when the facts stage found a place there or it is
    written 'Village, Region' (the news convention for small places)."""
    obj = slots.argument(t, frozenset({"dobj", "nsubjpass"}))
    if obj is not None and (obj.pos_ == "PRON" or _bare_land(obj)):
        return False
    if obj is not None and obj.ent_type_ == "PERSON" and not _named_place(obj, ctx):
        return False
    if t.lower_.startswith("enter"):
        subj = slots.argument(t, slots.SUBJECT_DEPS)
        return subj is not None and bool(FORCE_RE.search(" ".join(x.text for x in subj.subtree)))
    return bool(PLACE_WORDS_RE.search(words) or _has_place_object(t) or _proper_object(t, ctx))


def _named_place(tok, ctx) -> bool:
    """Is `tok`, or a name in apposition to it ('Topolyne, Kherson'), a place found by the
    facts stage?"""
    starts = {p["start"] for p in ctx.places}
    spans = [(p["start"], p["end"]) for p in ctx.places]
    for x in [tok] + [c for c in tok.children if c.dep_ == "appos"]:
        if x.idx in starts or any(a <= x.idx < b for a, b in spans):
            return True
    return False


def _is_demonstration(t) -> bool:
    """'gather' is a protest only with protesters or a cause in the paragraph ('protesters
    gathered', 'gathered outside parliament demanding ...', 'gathered to commemorate ...';
    codebook: a demonstration is a public gathering for a cause)."""
    if not t.lower_.startswith("gather"):
        return True
    story = _story(t.sent)
    return bool(PROTESTER_RE.search(story) or DEMAND_RE.search(story))


def _destroys_force(t) -> bool:
    """'destroyed a column of Russian forces', 'destroyed two drones': destroying an armed
    force or a weapon is violence even with no weapon named."""
    obj = slots.argument(t, frozenset({"dobj", "nsubjpass"}))
    if obj is None:
        return False
    words = " ".join(x.text for x in obj.subtree)
    return bool(FORCE_RE.search(words) or REBEL_RE.search(words) or MILITARY_THING_RE.search(words)
                or slots.weapon_of(list(obj.subtree))[0])


#: Verbs of stopping an enemy ('repelled the assault', 'the group was neutralized').
REPEL_STEMS = ("repel", "repuls", "neutrali")
#: Words for an armed push (general military English).
ASSAULT_RE = re.compile(r"\b(attacks?|assaults?|offensives?|advances?|attempts?|landing|breakthrough|"
                        r"saboteurs?|sabotage|groups?)\b", re.I)


#: People or remains handed over in an exchange (general English).
CAPTIVES_RE = re.compile(r"\b(prisoners?|pows?|captives?|hostages?|detainees?|bodies|remains)\b", re.I)
#: Stores of arms (general military English).
ARMS_STORE_RE = re.compile(r"\b(cache|stockpile|arsenal|ammunition|explosives?|weapons?|arms)\b", re.I)


def _seizes_weapons(t) -> bool:
    """'police seized a cache of grenades', 'seized weapons and ammunition': what is taken is
    arms, not a place."""
    obj = slots.argument(t, frozenset({"dobj", "nsubjpass"}))
    if obj is None:
        return False
    head_words = " ".join(x.text for x in [obj] + [c for c in obj.children if c.dep_ in ("compound", "amod")])
    return bool(ARMS_STORE_RE.search(head_words) or slots.weapon_of([obj])[0] not in (None,))


def _repels_force(t) -> bool:
    """'repelled the attack', 'marines ... were repelled', 'a saboteur group was neutralized':
    stopping an armed group or its assault is fighting between two armed groups (codebook:
    armed clash), unlike stopping a missile or drone (disrupted weapons use)."""
    obj = slots.argument(t, frozenset({"dobj", "nsubjpass"}))
    if obj is None and t.dep_ == "conj":
        obj = slots.argument(t.head, frozenset({"nsubj", "nsubjpass"}))
    if obj is None:
        return False
    words = " ".join(x.text for x in obj.subtree)
    if IN_FLIGHT_RE.search(words) or slots.weapon_of(list(obj.subtree))[0] not in (None, "small_arms"):
        return False
    return bool(FORCE_RE.search(words) or REBEL_RE.search(words) or ASSAULT_RE.search(words))


def _destroys_in_flight(t) -> bool:
    """Destroying a drone or missile in the air is an interception (codebook: disrupted
    weapons use)."""
    obj = slots.argument(t, frozenset({"dobj", "nsubjpass"}))
    return obj is not None and bool(IN_FLIGHT_RE.search(" ".join(x.text for x in obj.subtree)))


def _forces_move(t) -> bool:
    """Movement of armed forces to or from a named place (codebook: a change to a group's
    activity) - not people moving away from windows, not a move made while fighting (that is
    the battle), not a deployment with no place (a general posture)."""
    subj = slots.argument(t, frozenset({"nsubj", "nsubjpass"}))
    mover = " ".join(x.text for x in (subj.subtree if subj is not None else t.subtree))
    if not (FORCE_RE.search(mover) or REBEL_RE.search(mover)) or FIGHT_RE.search(t.sent.text):
        return False
    return _has_place_object(t) or any(
        x.ent_type_ in ("GPE", "LOC", "FAC") or (x.pos_ == "PROPN" and _in_direction_phrase(x))
        for x in t.subtree)


def _in_direction_phrase(x) -> bool:
    """Is `x` inside a phrase of movement ('to Konotop', 'in Hadiach district')?"""
    return x.head.lower_ in DIRECTION_PREPS or (x.head.head.lower_ in DIRECTION_PREPS and x.dep_ == "compound")


def _purpose_only(t) -> bool:
    """'did it to protest the policy': a purpose clause of another act is no demonstration,
    unless the act is a gathering ('gathered to protest')."""
    if t.dep_ not in ("advcl", "xcomp") or not any(c.lower_ == "to" for c in t.children):
        return False
    return t.head.lower_ not in GATHER_VERBS


def _fired_at(t, action: str) -> bool:
    """'fired at the positions': fire aimed at a target is an attack even with no weapon named."""
    return action == "fire" and slots.prep_object(t, frozenset({"at", "on", "upon"})) is not None


def _habitual(t) -> bool:
    """'months of shelling', 'intensified its airstrikes', 'reliance on air strikes'."""
    if t.pos_ != "NOUN":
        return False
    head = t.head
    if head.lower_ == "of" and head.head.lower_ in DURATION_NOUNS:
        return True
    if head.lower_ in TREND_VERBS or (head.dep_ == "prep" and head.head.lower_ in TREND_VERBS):
        return True
    return False


def _subtree_words(t) -> list[str]:
    return [x.lower_ for x in t.subtree]


def _weapon_near(t, whole_sentence: bool = False) -> bool:
    tokens = t.sent if whole_sentence else list(t.subtree) + [t.head]
    return slots.weapon_of(tokens)[0] not in (None, "small_arms") or t.lower_.startswith("fire")


def _of_a_kind(t) -> bool:
    """'building such bombs', 'such attacks': 'such' names a kind of thing, not an incident
    (general English)."""
    obj = slots.argument(t, frozenset({"dobj", "nsubjpass", "nsubj"})) if t.pos_ == "VERB" else t
    return obj is not None and any(c.lower_ == "such" and c.dep_ in ("amod", "det", "predet") for c in obj.children)


def _weapon_object(t) -> bool:
    """'produced drones', 'drones were shipped' yes; 'provided bomb-making tips', 'producing
    identity papers' no: what is made or sent must itself be a weapon."""
    obj = slots.argument(t, frozenset({"dobj", "nsubjpass"}))
    if obj is None:
        return True  # 'plans to ship to Russia': the sentence-level check above decides
    return slots.weapon_of([obj] + [c for c in obj.children if c.dep_ == "compound"])[0] is not None


def _has_place_object(t) -> bool:
    return any(c.ent_type_ in ("GPE", "LOC", "FAC") for c in t.subtree if c.i > t.i)


def _proper_object(t, ctx) -> bool:
    """'retook Irpin': a named object of a capture verb is a place more often than not (a
    name after the verb that the parser took for its subject counts too)."""
    return any(c.pos_ == "PROPN" and (c.dep_ in ("dobj", "nsubjpass") or (c.dep_ == "nsubj" and c.i > t.i))
               and (c.ent_type_ != "PERSON" or _named_place(c, ctx)) for c in t.children)


def _perpetrator(t) -> bool:
    """A casualty word makes an event only with a named doer ('gunmen killed', 'killed by')."""
    if slots.agent(t) is not None:
        return True
    subj = slots.argument(t, slots.SUBJECT_DEPS)
    if subj is not None and subj.lower_ not in ("who", "that") and not CIVILIAN_RE.search(subj.text):
        return True
    return t.dep_ in ("advcl", "xcomp") and t.head.pos_ == "VERB"


def _absorbed(t, action: str, kept: dict[int, str]) -> bool:
    """Is `t` a detail of a kept trigger above it (not across a conjunction; a clause with its
    own subject stays an event unless it only reports casualties)?"""
    own_clause = t.pos_ == "VERB" and any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children)
    if own_clause and action not in CASUALTY:
        return False
    tok = t
    for _ in range(MAX_ABSORB_HOPS):
        if tok.dep_ == "conj" or tok.head == tok:
            return False
        tok = tok.head
        if tok.i in kept:
            return True
    return False


def read_frame(trig, action: str, sent, ctx, triggers) -> dict | None:
    """Actor, target, weapon, counts and fatalities of the event triggered by `trig`."""
    verb = _clause_verb(trig)
    actor_tok, target_tok = _actor_target(trig, verb, action)
    owner = owners(sent, [t for t, _ in triggers])
    others = [t for t, _ in triggers if t != trig and not _inside(t, trig)]
    claimed = {x["start"] for x in ctx.items_in(sent) if owner.get(ctx.token_index(x)) != trig.i}
    weapon_cls, weapon, weapon_head = slots.weapon_of(_own_tokens(trig, others))
    if weapon is None and action not in ("agree", "supply", "manufacture", "withdraw", "protest"):
        weapon_cls, weapon, weapon_head = slots.weapon_of(_head_clause(trig, others))
    quantities = [q for q in ctx.quantities_in(sent)
                  if q.get("item") not in slots.NON_COUNT_ITEMS and q["start"] not in claimed]
    mine = [t for t in sent if owner.get(t.i) == trig.i]
    actor, target = _text(actor_tok, ctx), _text(target_tok, ctx)
    if action == "clash":
        actor, target = _between(trig, verb) or (actor, target)
    return {
        "trigger": trig, "action": action, "claimed": claimed, "sent": sent,
        "story": _story(sent), "observed": frames.observer_of(trig) is not None,
        "actor": actor, "target": target, "actor_tok": actor_tok, "target_tok": target_tok,
        "target_class": slots.weapon_of(list(target_tok.subtree))[0] if target_tok is not None else None,
        "weapon_class": weapon_cls, "weapon": weapon, "weapon_head": weapon_head,
        "counts": [_count(q) for q in quantities], "quantities": quantities,
        "fatalities": slots.fatalities_of(mine, ctx.quantities_in(sent)),
    }


def _story(sent) -> str:
    """The sentence and the rest of its paragraph: 'No information on whether fighting took
    place' or 'they were dispersed by police' qualify the incident told just before."""
    text = doc_text(sent.doc)
    end = text.find("\n\n", sent.start_char)
    return text[sent.start_char: len(text) if end < 0 else end]


def _between(trig, verb) -> tuple[str, str] | None:
    """'clashes between Russian and Ukrainian forces', 'an armed clash occurred between X and
    Y' -> (X, Y) as written ('Russian forces', 'Ukrainian forces')."""
    pobj = slots.prep_object(trig, frozenset({"between"})) or slots.prep_object(verb, frozenset({"between"}))
    if pobj is None:
        return None
    if pobj.conjuncts:
        return slots.phrase_text(pobj), slots.phrase_text(pobj.conjuncts[0])
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
        inside = [(r - l, ti) for l, r, ti in spans if l <= tok.i <= r]
        if inside:
            out[tok.i] = min(inside)[1]
        elif spans:
            out[tok.i] = min((abs(ti - tok.i), ti) for _, _, ti in spans)[1]
    return out


def _clause_verb(trig):
    """The verb whose arguments are the event's: the trigger itself, or the verb governing a
    noun trigger ('reached an agreement', 'carried out strikes')."""
    tok = trig
    while tok.pos_ != "VERB" and tok.head != tok and tok.dep_ in ("dobj", "pobj", "prep", "attr", "nsubj", "nsubjpass", "compound", "conj", "amod"):
        tok = tok.head
    return tok if tok.pos_ == "VERB" else trig


def _aimed_at(thing):
    """What a fired weapon or a launched attack was aimed at, when the parser hung the
    'at'/'on' phrase on the noun ('fired mortars and grenade launchers at the positions')."""
    for t in [thing, *thing.conjuncts]:
        found = slots.prep_object(t, frozenset({"at", "on", "against", "upon"}))
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
            found = slots.agent(x.head)
            if found is not None:
                return found
    owner = slots.owner_of(tok)
    if owner is not None:
        return owner
    if slots.country_marked(tok):
        return tok
    if any(c.lower_ in ("the", "this", "these", "those", "another") for c in tok.subtree if c.i <= tok.i) \
            or tok.lower_ in ("one", "some", "part", "fragments", "debris"):
        return slots.previous_actor(tok)  # a definite thing refers back to the attack told
    return None


def _actor_target(trig, verb, action: str):
    """(actor token, target token) from the parse; a supply's target is its recipient ('to
    Russia'), a withdrawal has none (its object is the withdrawing side's own forces)."""
    attacker = _attacker_of(trig, action)
    actor = attacker or _actor_of(trig, verb, action)
    if action == "withdraw":
        return actor, None
    if action == "supply":
        return actor, slots.prep_object(verb, frozenset({"to"}))
    if attacker is not None:  # 'Ukrainian forces repelled the attack of Russian forces'
        return actor, slots.argument(verb, slots.SUBJECT_DEPS) if verb != trig else None
    if action == "clash" and actor is None:
        pair = slots.between_parties(trig)
        if pair:
            return pair
    return actor, _target_of(trig, verb, action)


#: Event nouns whose 'of' names the doer when it is an armed force ('the attack of the Russian
#: forces', 'the offensive of the Russian army'), not the place ('the shelling of Kharkiv').
DOER_OF_NOUNS = frozenset({"attack", "attacks", "offensive", "assault", "advance", "advancement",
                           "onslaught", "incursion", "invasion"})


def _attacker_of(trig, action: str):
    """The force in 'the attack of <force>' (general English: the subjective genitive)."""
    if trig.pos_ != "NOUN" or trig.lower_ not in DOER_OF_NOUNS:
        return None
    party = slots.prep_object(trig, frozenset({"of"}))
    if party is None or party.lower_ in ("positions", "position"):
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
        actor = actor or slots.prep_object(trig, frozenset({"by"}))
    actor = actor or slots.agent(verb) or slots.argument(verb, slots.SUBJECT_DEPS)
    actor = actor or _governing_subject(verb)
    actor = actor or slots.misparsed_subject(verb) or slots.root_party(trig)
    if actor is None and action == "explode":
        device = slots.prep_object(trig, frozenset({"of"})) or slots.prep_object(verb, frozenset({"on", "by"}))
        actor = _explosive_owner(device)
    own_subject = actor is not None and actor.head == trig and actor.dep_ in slots.SUBJECT_DEPS
    if actor == trig or (frames.observer_of(trig) and not own_subject):
        return None  # 'clashes occurred', 'the mission observed explosions': no doer named
    if actor is None:
        return None
    party = _is_party(actor)
    if action == "explode" and not party and not slots.weapon_of([actor])[0] \
            and not any(c.dep_ == "dobj" for c in verb.children):
        return _mine_owner(verb)  # 'a car exploded on a Russian mine': the car is the victim
    if actor.lower_ in TRIGGER_FORMS or slots.is_thing(actor):
        return _doer_of_thing(actor)
    if not party and action in CASUALTY | {"strike"} and actor.ent_type_ not in PARTY_ENTS:
        return slots.cause_agent(trig.sent)  # 'two buildings collapsed, killing 26': not a doer
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
        if v.dep_ not in ("advcl", "xcomp", "conj", "acl", "ccomp", "prep") or slots.is_passive(v) \
                or v.head.pos_ not in ("VERB", "AUX", "NOUN"):  # a noun head: a misparsed verb
            return None
        v = v.head
        found = slots.agent(v) or slots.argument(v, slots.SUBJECT_DEPS)
        if found is not None:
            return found
    return None


def _explosive_owner(device):
    """Who laid or planted an explosive ('a device planted by Russian forces', 'a Russian
    mine'); None if the text does not say (no guess from the previous sentence)."""
    if device is None or not slots.weapon_of([device])[0]:
        return None
    for x in device.subtree:
        if x.dep_ == "agent":
            return slots.agent(x.head)
    return device if slots.country_marked(device) else slots.owner_of(device)


def _mine_owner(verb):
    """'exploded on a Russian anti-tank mine' -> the mine (its country names the layer)."""
    mine = slots.prep_object(verb, frozenset({"on", "onto", "over"}))
    return mine if mine is not None and slots.country_marked(mine) else None


def _target_of(trig, verb, action: str):
    """The done-to: a noun trigger's 'on/against/of/at' object, the verb's object (for a
    fired weapon, what it was aimed at), else an 'at/on/against' object of the verb."""
    target = None
    if trig.pos_ == "NOUN":
        preps = {"on", "against", "of", "at"} | ({"with"} if action == "clash" else set())
        target = slots.prep_object(trig, frozenset(preps))  # 'clashes with Ukrainian forces'
    if target is None:
        target = slots.argument(verb, slots.OBJECT_DEPS)
        if target is not None and action != "intercept" and slots.is_means(target) \
                and verb.lower_.startswith(slots.PROJECT_VERBS):  # what is fired is no target
            target = (slots.prep_object(verb, slots.TARGET_PREPS) or _aimed_at(target)
                      or (target if target.dep_ == "nsubjpass" and not slots.is_means(target) else None)
                      or slots.aimed_in_clause(verb))
        elif target is not None and target.lower_ in slots.OPERATION_NOUNS | set(TRIGGER_FORMS):
            # 'launched an attack on the convoy', 'an offensive operation against X'
            target = _aimed_at(target) or slots.prep_object(verb, slots.AIM_PREPS) or (
                None if target.lower_ in slots.OPERATION_NOUNS else target)
    if target is not None and target.ent_type_ in slots.NOT_PARTY_ENTS:
        target = None
    if target is None:
        preps = {"at", "on", "against", "upon"} | ({"with"} if action == "clash" else set())
        target = slots.prep_object(verb, frozenset(preps))
    if target is None and action in ("fire", "shoot", "shell", "launch", "strike", "attack"):
        target = slots.aimed_in_clause(verb) or slots.aimed_by_participle(verb)
    return target


def _text(tok, ctx) -> str | None:
    if tok is None:
        return None
    tok = slots.resolve_pronoun(tok, ctx.doc)
    if tok.lower_ in slots.PRONOUNS or tok.pos_ == "PRON":
        return None
    start, end = slots.phrase(tok)
    text = doc_text(ctx.doc)[start:end].strip(" ,.;:")
    return re.sub(r"['\u2019]s$", "", text) or None


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


def _count(q: dict) -> dict:
    return {"value": q["value"], "relation": q.get("relation"), "item": q.get("item")}


def split_by_weapon(frame: dict, sent, ctx) -> list[dict]:
    """'launched 150 missiles and 25 drones' -> one frame per weapon class of the conjoined
    objects, each with the counts inside its phrase."""
    head = frame["weapon_head"]
    if head is None:
        return [frame]
    group = [head] + [c for c in head.conjuncts]
    classes = {}
    for h in group:
        cls, text, _ = slots.weapon_of([h])
        if cls and cls not in classes:
            classes[cls] = (h, text)
    if len(classes) < 2:
        return [frame]
    return [_sub_frame(frame, cls, h, text) for cls, (h, text) in classes.items()]


def _sub_frame(frame: dict, cls: str, head, text: str) -> dict:
    lo = min(t.idx for t in head.subtree if (t == head or t.dep_ != "conj") and t.i <= head.i)
    hi = head.idx + len(head)
    part = dict(frame, weapon_class=cls, weapon=text, weapon_head=head)
    part["counts"] = [_count(q) for q in frame["quantities"] if lo <= q["start"] < hi]
    return part


def sub_event(frame: dict) -> str | None:
    """ACLED sub-event type for a frame (codebook rules; see module docstring)."""
    action, cls = frame["action"], frame["weapon_class"]
    fixed = FIXED_SUB_EVENT.get(action)
    if fixed:
        return fixed
    if action in ("capture", "regain"):
        return _territory(frame)
    if action in ("protest", "riot"):
        return _demonstration(frame)
    if action == "intercept":
        return "Shelling/artillery/missile attack" if frame["target_class"] == "manned" else "Disrupted weapons use"
    if frame["observed"]:
        return _observed(frame)
    if action in ("attack", "shoot", "kill", "injure") and _unorganised_doer(frame):
        return "Mob violence"  # residents throwing stones at a tank do not shell it
    if action in TWO_SIDED_ACTIONS and EXCHANGE_RE.search(frame["story"]):
        return "Armed clash"
    if cls in (None, "shelling", "ied") and _from_the_air(frame):
        return "Air/drone strike"
    if cls in WEAPON_SUB_EVENT:
        return WEAPON_SUB_EVENT[cls]
    return _by_action(frame)


#: An air arm as the doer ('Russian air forces fired ...'; general military English).
AIR_ARM_RE = re.compile(r"\b(air ?forces?|aviation|aircraft|warplanes?|jets?|helicopters?|bombers?)\b", re.I)
#: Verbs of releasing from above: dropped munitions come from aircraft or drones.
DROP_STEMS = ("drop",)


def _from_the_air(frame: dict) -> bool:
    """Fire by an air arm, or munitions dropped ('dropped cluster bombs') - codebook: an air
    or drone strike is an attack from the air, whatever the munition."""
    actor = frame["actor"] or ""
    if AIR_ARM_RE.search(actor) and not re.search(r"\bair defen[cs]e", actor, re.I):
        return True
    return frame["trigger"].lower_.startswith(DROP_STEMS) and frame["weapon_class"] is not None


#: Actions of fire that become a clash when the other side fires back in the same story.
TWO_SIDED_ACTIONS = frozenset({"fire", "shoot", "explode", "shell", "attack", "strike"})


def _by_action(frame: dict) -> str:
    """Sub-event when no remote weapon decides it."""
    action, cls = frame["action"], frame["weapon_class"]
    if action in ("fire", "shoot") and (cls == "small_arms" or _civilian_target(frame) or _unknown_means(frame)):
        return _violence(frame)
    if frame["trigger"].lower_.startswith("destroy") and cls is None:
        return _violence(frame)
    if action == "shell":
        return "Shelling/artillery/missile attack"
    if action == "strike":
        return "Air/drone strike" if cls == "air" else "Shelling/artillery/missile attack"
    if action == "explode" and frame["trigger"].pos_ == "VERB" and frame["trigger"].lower_[:3] in PLACED_BLAST:
        return "Remote explosive/landmine/IED"
    if action in ("explode", "fire"):
        return "Shelling/artillery/missile attack"
    return _violence(frame)


#: Weapons said to be unknown ('fired unspecified weapons'): general English.
UNKNOWN_MEANS_RE = re.compile(r"\b(?:unspecified|unknown|unidentified|undisclosed) (?:weapons?|arms|means)\b", re.I)


def _unknown_means(frame: dict) -> bool:
    """'fired unspecified weapons at the positions': the report says the means is unknown, so
    the codebook's condition for remote violence (remote means used) is not met, and fire
    between armed groups is a clash (`_violence` decides by the target)."""
    return frame["weapon_class"] is None and bool(UNKNOWN_MEANS_RE.search(frame["sent"].text))


def _civilian_target(frame: dict) -> bool:
    """Fire aimed at civilians, or at a civilian vehicle or home with civilians hurt ('fired
    on a car ..., one civilian died')."""
    target = frame["target"] or ""
    if CIVILIAN_RE.search(target):
        return True
    return bool(CIVILIAN_THING_RE.search(target) and CIVILIAN_RE.search(frame["sent"].text))


def _observed(frame: dict) -> str:
    """A monitor's count of explosions, projectiles or shots: fire both ways or small-arms
    fire is a clash between the armed sides; otherwise remote fire (codebook: shelling when
    the weapon is unknown or heavy)."""
    if EXCHANGE_RE.search(frame["story"]) or frame["weapon_class"] == "small_arms":
        return "Armed clash"
    return WEAPON_SUB_EVENT.get(frame["weapon_class"], "Shelling/artillery/missile attack")


#: Verbs of a placed charge ('blew up the bridge', 'detonated a device'): the codebook's
#: remote explosive, not fire from afar.
PLACED_BLAST = ("ble", "blo", "det")

FIXED_SUB_EVENT = {
    "clash": "Armed clash",
    "withdraw": "Non-violent transfer of territory", "abduct": "Abduction/forced disappearance",
    "rape": "Sexual violence", "arrest": "Arrests", "loot": "Looting/property destruction",
    "agree": "Agreement", "supply": "Other", "manufacture": "Other", "displace": "Other",
    "establish": "Headquarters or base established",
    "move": "Change to group/activity",
}


def _violence(frame: dict) -> str:
    """attack/shoot/kill without a remote weapon: on civilians -> Attack, on armed -> clash
    (codebook: violence against civilians targets the unarmed; armed on armed is a battle)."""
    if _unorganised_doer(frame):
        return "Mob violence"
    target = normalize_actor(frame["target"], None) or ""
    if target.startswith(ARMED_NAMES):
        return "Armed clash"
    if target.startswith("Civilians") or _civilian_target(frame) or _unarmed_target(frame):
        return "Attack"
    actor = frame["actor"] or ""
    armed_actor = FORCE_RE.search(actor) or REBEL_RE.search(actor)
    if armed_actor and not CIVILIAN_RE.search(REBEL_RE.sub(" ", frame["sent"].text)):
        return "Armed clash"  # forces attacking with no civilian in sight fight other forces
    return "Attack"


#: People by an unarmed role, and civilian craft (general English).
UNARMED_ROLE_RE = re.compile(
    r"\b(activists?|professors?|head of|directors?|managers?|priests?|drivers?|couple|pensioners?|"
    r"doctors?|nurses?|teachers?|volunteers?|employees?|officials?|mayors?|journalists?|reporters?|"
    r"photographers?|residents?|civilians?|man|woman|men|women|boys?|girls?|child(?:ren)?|family|"
    r"merchant|cargo|civilian|ambulances?|ferry|tanker|farmers?|workers?)\b", re.I)


def _unarmed_target(frame: dict) -> bool:
    """A target named by an unarmed role or a civilian craft ('shot dead a professor',
    'opened fire on an ambulance', 'attacked the merchant ship'), or a person by name, with
    no armed word in it (codebook: violence against civilians targets the unarmed)."""
    target, tok = frame["target"] or "", frame.get("target_tok")
    if not target or FORCE_RE.search(target) or REBEL_RE.search(target) or MILITARY_THING_RE.search(target):
        return False
    return bool(UNARMED_ROLE_RE.search(target)) or (tok is not None and tok.ent_type_ == "PERSON")


#: An unorganised crowd (general English).
CROWD_RE = re.compile(r"\b(mob|crowd|residents|locals|villagers|inhabitants|passers-by|bystanders)\b", re.I)


def _unorganised_doer(frame: dict) -> bool:
    """Violence done by residents or a crowd, not by an armed group (codebook: mob violence
    is violence by rioters - an unorganised group - outside a demonstration)."""
    actor = frame["actor"] or ""
    if not actor:
        subj = slots.argument(frame["trigger"], slots.SUBJECT_DEPS)
        actor = " ".join(x.text for x in subj.subtree) if subj is not None else ""
    armed = FORCE_RE.search(actor) or REBEL_RE.search(actor) or UNARMED_EXCEPTIONS_RE.search(actor)
    return bool(CROWD_RE.search(actor)) and not armed


#: Crowds of armed men are armed groups, not mobs.
UNARMED_EXCEPTIONS_RE = re.compile(r"\b(gunm[ae]n|militants?|fighters|armed)\b", re.I)


#: ACLED names of armed actors (see actors.normalize_actor).
ARMED_NAMES = ("Military Forces", "Police Forces", "NAF", "Unidentified Armed Group")


def _territory(frame: dict) -> str:
    """Taken with fighting -> Battles (government regains / non-state or foreign actor
    overtakes); without -> Non-violent transfer of territory."""
    text = frame["story"]
    if NO_FIGHT_RE.search(text):
        return "Non-violent transfer of territory"
    return "Government regains territory" if frame["action"] == "regain" else "Non-state actor overtakes territory"


def _demonstration(frame: dict) -> str:
    """Codebook: riots when demonstrators are violent; protests by the force used on them."""
    text = frame["story"]
    if frame["action"] == "riot":
        return "Mob violence" if re.search(r"\b(mob|lynch)", text, re.I) else "Violent demonstration"
    if RIOTING_RE.search(text):
        return "Violent demonstration"
    if frame["fatalities"] or EXCESSIVE_RE.search(text):
        return "Excessive force against protesters"
    if INTERVENTION_RE.search(text):
        return "Protest with intervention"
    return "Peaceful protest"


def actor_name(frame: dict, home: str | None) -> str | None:
    """ACLED actor1: demonstrators are coded as protesters whoever they are (codebook:
    'Protesters (Country)'), the displaced as civilians; else the actor's own name."""
    if frame["action"] in ("protest",):
        country = home or country_in(frame["actor"] or "")  # named by where they protest
        return f"Protesters ({country})" if country else "Protesters"
    if frame["action"] == "displace":  # ACLED codes the displaced civilians as the actor
        return f"Civilians ({home})" if home else "Civilians"
    if frame["action"] == "agree":
        return _agreement_party(frame, 0, home)
    name = normalize_actor(frame["actor"], home)
    if name is None and frame["action"] == "intercept" and frame["actor"] is None and home:
        return state_force(home)  # 'the missile was intercepted over Kyiv': by the home state's air defence
    if name and name.startswith("Civilians") and OFFICIALS_RE.search(frame["actor"] or "") \
            and not _violent(frame):
        country = country_in(frame["actor"]) or home  # officials who agree, supply or announce act for their state
        return government(country) if country else name
    return name


def _agreement_party(frame: dict, index: int, home: str | None) -> str | None:
    """ACLED actor1/actor2 of an agreement: its parties in the order written ('Moscow and
    Tehran have reached an agreement', 'Russia signed a deal with Iran'). A state named by its
    country or capital is its government (codebook: agreements are between governments or
    armed groups); a force named as such stays a force ('Russian and Ukrainian forces agreed')."""
    parties = [p for p in PARTY_JOIN_RE.split(frame["actor"] or "") if p.strip()]
    if index == 1 and len(parties) < 2:
        parties = [None, frame["target"]] if frame["target"] else []
    if len(parties) <= index:
        return None
    part = parties[index]
    name = normalize_actor(part, home)
    country = country_in(part)
    forces = FORCE_RE.search(frame["actor"] or "") or FORCE_RE.search(part)
    if country and not forces and (name is None or name.startswith(("Military Forces", "Civilians"))):
        return government(country)
    return name


#: Officials are civilians when harmed, their government when they act (agree, supply, plan).
OFFICIALS_RE = re.compile(r"\bofficials?\b", re.I)


def _violent(frame: dict) -> bool:
    """Is the frame's sub-event one of the codebook's violent event types?"""
    return SUB_EVENT_TYPES.get(sub_event(frame) or "") in VIOLENT_FAMILY


def target_name(frame: dict, home: str | None) -> str | None:
    """ACLED actor2: the target if it is an actor; the owner of an intercepted or hit weapon
    ('a Russian missile'); a person attacked or abducted is a civilian; else the first party
    named harmed in the paragraph ('shelled X, killing four Ukrainian soldiers' -> the
    Ukrainian military; '... wounding three civilians' -> civilians). Property hit with no one
    hurt names no civilians (codebook: violence against civilians harms people). Peaceful
    protests and displacements have none (codebook: no one is attacked)."""
    if frame["action"] in ("displace", "withdraw"):
        return None
    if frame["action"] == "protest":  # the force that intervened, if any (codebook)
        return _intervening_force(frame, home)
    if frame["action"] == "agree":
        return _agreement_party(frame, 1, home)
    target = frame["target"] or ""
    name = normalize_actor(target, home) if target else None
    if name is None and target and frame["target_class"]:
        name = _weapon_owner(frame["target_tok"], home)
    if name is None and (frame["action"] in ("capture", "regain") or sub_event(frame) in BATTLE_TYPES):
        return _other_side(frame, home)
    if name is None and home and frame["action"] in PERSON_HARM and _is_person(
            frame["target_tok"] or _person_subject(frame)):
        name = f"Civilians ({home})"  # 'kidnapped the head of the village', 'a journalist disappeared'
    if name is None and home and _violent(frame) and _people_aboard(frame["target_tok"]):
        name = f"Civilians ({home})"  # 'fired on a bus with volunteers', 'a shelter where women ... stayed'
    if name is None and _violent(frame):
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
    owner = slots.owner_of(tok)
    if owner is None and any(c.lower_ in ("the", "this", "that") for c in tok.children):
        owner = slots.earlier_armed(tok)
    if owner is None:
        return None
    return normalize_actor(" ".join(x.text for x in owner.subtree if x.dep_ not in ("relcl", "acl")), home)


def _intervening_force(frame: dict, home: str | None) -> str | None:
    """The armed force or police acting later in a protest's paragraph ('Russian troops
    dispersed the rally'): ACLED's actor2 of a protest with intervention."""
    for t in slots.paragraph_tokens(frame["sent"]):
        if t.dep_ in ("nsubj", "agent") or (t.dep_ == "pobj" and t.head.dep_ == "agent"):
            name = normalize_actor(" ".join(x.text for x in t.subtree if x.dep_ not in ("relcl", "acl")), home)
            if name and name.startswith(("Military", "Police", "NAF")):
                return name
    return None


#: Sub-event types that always have two armed sides (codebook: battles).
BATTLE_TYPES = frozenset({"Armed clash", "Government regains territory", "Non-state actor overtakes territory"})


def _other_side(frame: dict, home: str | None) -> str | None:
    """The second side of a battle or territory change not named as its target (codebook:
    a battle is fought, and territory passes, between two armed sides): a foreign or rebel
    force fighting or taking ground in a country faces that country's forces; the home
    forces face the other armed side named in the paragraph (None if none is)."""
    actor = actor_name(frame, home) or ""
    if not home or not actor.startswith(("Military Forces", "NAF")):
        return None
    own = state_force(home)
    if not actor.startswith(own):
        return own
    for t in slots.paragraph_tokens(frame["sent"]):
        if t.pos_ in ("NOUN", "PROPN", "ADJ"):
            name = normalize_actor(t.text if t.pos_ == "ADJ" else " ".join(x.text for x in t.subtree), home)
            if name and name.startswith(("Military Forces", "NAF")) and not name.startswith(own):
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


def _person_subject(frame: dict):
    """The person a harm is told of when the trigger has no object ('a journalist ...
    disappeared, likely due to an abduction by Russian forces')."""
    actor = frame["actor_tok"]
    for t in frame["sent"]:
        if t.dep_ in ("nsubj", "nsubjpass") and t != actor and (actor is None or t not in actor.subtree):
            return t
    return None


def _people_aboard(tok) -> bool:
    """A vehicle or building hit with people in it, said in the target's own phrase ('a bus
    with volunteers', 'the bus that was transferring civilians')."""
    if tok is None or tok.pos_ != "NOUN" or FORCE_RE.search(tok.text) or slots.is_means(tok):
        return False
    words = " ".join(x.text for x in tok.subtree if x.i > tok.i)
    return bool(CIVILIAN_PEOPLE_RE.search(words)) and not (FORCE_RE.search(words) or COMBATANT_RE.search(words))


def _civilians_hit(frame: dict, home: str | None) -> str | None:
    """The ACLED name of the first party named harmed in the paragraph (the sentence and the
    ones after it), if it names one: civilians, or an armed side's soldiers."""
    for v in slots.victims(slots.paragraph_tokens(frame["sent"])):
        name = normalize_actor(" ".join(x.text for x in v.subtree if x.dep_ not in ("relcl", "acl")), home)
        if name is not None:
            return name
    return None


#: Actions that name harm without its means: they take the means of an explosion told in the
#: same sentence ('the blast ... wounding 13', 'a device exploded ... in what was called an
#: attack').
MEANS_FREE = frozenset({"attack", "kill", "injure"})


def share_explosive_type(events: list[dict], sent=None) -> list[dict]:
    """Give weaponless attack/casualty events of a sentence the Explosions sub-event of an
    explosion event in the same sentence, or of an explosive named in it ('The Rolando
    bombing was an attack on 13 September 1974') - codebook: the means decides the type."""
    blast = next((e for e in events if e["event_type"] == "Explosions/Remote violence"), None)
    sub = blast["sub_event_type"] if blast else _explosive_named(sent)
    if sub is None:
        return events
    for e in events:
        if e["action"] in MEANS_FREE and not e["weapon"] and e["event_type"] == "Violence against civilians":
            e["event_type"], e["sub_event_type"] = SUB_EVENT_TYPES[sub], sub
    return events


#: Weapon classes whose mere naming makes an attack remote violence (bombs, shells, strikes).
EXPLOSIVE_CLASSES = frozenset({"ied", "suicide", "grenade", "shelling", "air", "chemical"})


def _explosive_named(sent) -> str | None:
    """The Explosions sub-event of the explosive weapon a sentence names, if any."""
    if sent is None:
        return None
    cls = slots.weapon_of(list(sent))[0]
    return WEAPON_SUB_EVENT.get(cls) if cls in EXPLOSIVE_CLASSES else None


def mark_exchanges(events: list[dict], text: str) -> list[dict]:
    """Two armed sides firing at each other in one paragraph ('X fired mortars at Y's
    positions. Y fired mortars at X's positions.') fight an armed clash (codebook: a clash
    is an interaction between two armed groups, not one-sided remote violence)."""
    for i, a in enumerate(events):
        for b in events[i + 1:]:
            if "\n\n" in text[a["evidence"]["end"]: b["evidence"]["start"]]:
                break
            if _fire_each_other(a, b):
                for e in (a, b):
                    if e["event_type"] == "Explosions/Remote violence":
                        e["event_type"], e["sub_event_type"] = "Battles", "Armed clash"
    return events


#: Confidence kept by a detail of a battle told after it ('During the day, the Ukrainian
#: army destroyed 20 tanks'): still an event, but not the paragraph's main one.
DETAIL_FACTOR = 0.8


def rank_battle_details(events: list[dict], text: str) -> list[dict]:
    """One battle per place and day (codebook): remote fire or violence between the two sides
    of an armed clash told in the same paragraph is part of that battle, so it ranks below it;
    and a clash told with the territory it won ('clashed ... the village was liberated') is
    that territory change (codebook: regaining/overtaking territory is a battle in which
    territory changes hands), so the clash ranks below the territory event."""
    for clash in events:
        if clash["sub_event_type"] != "Armed clash":
            continue
        for e in _same_paragraph(events, clash, text):
            if e["sub_event_type"] in TERRITORY_BATTLES and e["modality"] == "reported":
                e["confidence"] = max(e["confidence"], clash["confidence"])
                clash["confidence"] = round(clash["confidence"] * DETAIL_FACTOR, 2)
                break
            if clash["action"] == "clash" and e["event_type"] in VIOLENT_TYPES and _between_sides(e, clash):
                e["confidence"] = round(min(e["confidence"], clash["confidence"]) * DETAIL_FACTOR, 2)
    return events


def rank_air_first(events: list[dict]) -> list[dict]:
    """'conducted airstrikes and shelled X': an attack from the air and from the ground in
    one sentence by one side is one event, an air/drone strike (codebook: the air strike
    sub-event takes precedence), so the shelling ranks below it."""
    for air in events:
        if air["sub_event_type"] != "Air/drone strike":
            continue
        for e in events:
            if (e["sub_event_type"] == "Shelling/artillery/missile attack" and e["evidence"] == air["evidence"]
                    and e["actor_norm"] in (air["actor_norm"], None)):
                e["confidence"] = round(min(e["confidence"], air["confidence"]) * DETAIL_FACTOR, 2)
    return events


def rank_crowd_force(events: list[dict], text: str) -> list[dict]:
    """Force used on a demonstration told in its paragraph ('Russian forces opened fire on
    the protesters') is how the protest was met (codebook: protest with intervention /
    excessive force), so it ranks below the demonstration event."""
    for demo in events:
        if demo["event_type"] not in ("Protests", "Riots"):
            continue
        for e in _same_paragraph(events, demo, text):
            if e["event_type"] in VIOLENT_TYPES | {"Violence against civilians", "Strategic developments"}:
                e["confidence"] = round(min(e["confidence"], demo["confidence"]) * DETAIL_FACTOR, 2)
    return events


TERRITORY_BATTLES = frozenset({"Government regains territory", "Non-state actor overtakes territory"})


def _same_paragraph(events: list[dict], event: dict, text: str) -> list[dict]:
    """The other events told in `event`'s paragraph."""
    start = text.rfind("\n\n", 0, event["evidence"]["start"])
    end = text.find("\n\n", event["evidence"]["end"])
    end = len(text) if end < 0 else end
    return [e for e in events if e is not event and start <= e["evidence"]["start"] and e["evidence"]["end"] <= end]


def _between_sides(e: dict, clash: dict) -> bool:
    """Is `e` other violence done by one side of a clash told as such ('clashed', 'fighting';
    not a small-arms part of the same volley of fire)?"""
    return e["sub_event_type"] != "Armed clash" and e["actor_norm"] in {clash["actor_norm"], clash["target_norm"]} - {None}


VIOLENT_TYPES = frozenset({"Battles", "Explosions/Remote violence"})


def _fire_each_other(a: dict, b: dict) -> bool:
    sides = (a["actor_norm"], a["target_norm"])
    if not all(x and x.startswith(ARMED_NAMES) for x in sides) or sides[0] == sides[1]:
        return False
    return (b["actor_norm"], b["target_norm"]) == (sides[1], sides[0])


def merge_mentions(events: list[dict]) -> list[dict]:
    """A later mention of an incident already told is that incident: talked about ('responded
    to the attack', 'claimed responsibility for the blast') it is evidence for the first event,
    not a second one - its slots fill the first's empty ones and its offsets join the first's
    `mentions`; told again with new detail ('the attack killed 13') it stays an event but takes
    the first's type when it names no means of its own (codebook: the means decides the type).
    An agreement's later mentions are merged whatever their wording (one deal per story).

    Measured on WikiEvents DEV: merging every definite back-reference lowered detection F1
    0.726 -> 0.654 (recall 0.848 -> 0.672, precision flat), because its gold marks many
    back-references as event mentions; so only talk frames merge."""
    out: list[dict] = []
    agreement: dict | None = None
    for e in events:
        ref = e.pop("_back_reference", False)
        if e["sub_event_type"] == "Agreement" and e["action"] == "agree" and agreement is not None:
            _fill(agreement, e)
            continue
        if e["sub_event_type"] == "Agreement" and agreement is None:
            agreement = e
        earlier = _referent(out, e) if ref else None
        if earlier is not None and (ref == "talk" or (ref == "talk-concrete" and not e["fatalities"])):
            _fill(earlier, e)
            continue
        if earlier is None and ref == "talk":
            continue  # talk about an incident this text never tells ('they discuss the attacks')
        if earlier is not None and not e["weapon"] and e["action"] in MEANS_FREE:
            e["event_type"], e["sub_event_type"] = earlier["event_type"], earlier["sub_event_type"]
        out.append(e)
    return out


#: Event types of one incident family: a bombing told later as 'the attack' is one incident.
VIOLENT_FAMILY = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})


def _referent(earlier: list[dict], e: dict) -> dict | None:
    """The latest earlier event of `e`'s family (violence, protest, ...) that a definite
    back-reference ('the explosion') names again."""
    family = VIOLENT_FAMILY if e["event_type"] in VIOLENT_FAMILY else {e["event_type"]}
    return next((x for x in reversed(earlier) if x["event_type"] in family), None)


def fill_from(into: dict, other: dict) -> None:
    """Merge `other`, a later mention of the incident `into`, into it (see merge_mentions)."""
    _fill(into, other)


def _fill(into: dict, other: dict) -> None:
    for slot in ("date", "location", "actor", "target", "actor_norm", "target_norm", "fatalities"):
        if not into.get(slot) and other.get(slot):
            into[slot] = other[slot]
    for s in other["sources"]:
        if s not in into["sources"]:
            into["sources"].append(s)
    mentions = into.setdefault("mentions", [])
    if other["evidence"] not in mentions and other["evidence"] != into["evidence"]:
        mentions.append(other["evidence"])
