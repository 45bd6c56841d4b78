"""Trigger gates: which trigger words stand for an event of their own. Each action has its
codebook condition (a launch needs a weapon, an arrest a political target, a capture a place,
a protest a gathering for a cause ...); a trigger inside another's phrase is that event's
detail; legal facts, commentary and habits are no incidents (see `frames`).

Codebook: ACLED, "Definitions of ACLED event and sub-event types" (see `codebook`)."""
from __future__ import annotations

from . import frames, kinds, syntax, weapons
from .actors import CIVILIAN_RE, FORCE_RE, PROTESTER_RE, REBEL_RE, country_in
from .codebook import CASUALTY, TRIGGER_FORMS
from .figurative import figurative
from .lexicon import (
    ARMS_STORE_RE,
    ASSAULT_RE,
    BARE_LAND,
    BASE_WORDS_RE,
    BEATING_STEMS,
    BURN_STEM,
    CAPTIVES_RE,
    CONTROL_WORD,
    DEAL_STEM,
    DEMAND_RE,
    DESTROY_STEM,
    DIRECTION_PREPS,
    DURATION_NOUNS,
    ENTER_STEM,
    EXCHANGE_STEM,
    FIGHT_RE,
    FIRE_NOUNS,
    FIRE_WORD,
    FIRED_AT_PREPS,
    GATHER_STEM,
    GATHER_VERBS,
    HOSTAGE_STEM,
    IN_FLIGHT_RE,
    KIND_WORD,
    MILITARY_THING_RE,
    NEEDS_WEAPON_FORMS,
    NO_FIGHT_RE,
    OF_PREPS,
    OPEN_VERBS,
    PHRASAL,
    PLACE_PREPS,
    PLACE_WORDS_RE,
    POLITICAL_RE,
    PROJECTILE_RE,
    PURPOSE_MARKER,
    RELATIVE_PRONOUNS,
    REPEL_STEMS,
    SHOT_DOWN,
    TAKE_VERBS,
    THROW_FORMS,
    TREND_VERBS,
)
from .syntax import story

#: Actions that make an event only when a weapon is named with them ("sent 100 tanks" yes,
#: "sent a letter" no; "hit by missiles" yes, "hit a record" no).
NEEDS_WEAPON = frozenset({"launch", "fire"})
#: ... or anywhere in the sentence ("which drone design would be used for production").
WEAPON_IN_SENTENCE = frozenset({"supply", "manufacture", "intercept"})
MAX_ABSORB_HOPS = 5


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
    if action == "shoot" and SHOT_DOWN in kids:
        action = "intercept"
    if low in FIRE_NOUNS and t.pos_ == "NOUN":
        return "shoot" if t.head.lower_ in OPEN_VERBS or frames.observer_of(t) else None
    if action == "clash" and low.startswith(EXCHANGE_STEM) and CAPTIVES_RE.search(" ".join(_subtree_words(t))):
        return "agree"  # codebook: prisoner exchanges are agreements
    if action == "clash" and low.startswith(EXCHANGE_STEM) and FIRE_WORD not in _subtree_words(t):
        return None
    if action == "clash" and NO_FIGHT_RE.search(t.sent.text):
        return None  # 'no information on whether fighting took place'
    if _habitual(t) or not _concrete(t):
        return None
    if kinds.names_kind(t):
        return None  # a kind, a class of people, a life story or an industry (kinds.py)
    if t.pos_ == "VERB" and t.dep_ == "amod" and t.tag_ == "VBN":
        return None  # 'the detonated material', 'a burned car': a participle describing a thing
    if low.startswith(BURN_STEM) and not _has_doer(t):
        return None  # 'cars were badly burned': fire, not someone destroying property
    if figurative(t, action):
        return None  # 'struck a deal', 'fighting fires', 'a demonstration of the fact' (figurative.py)
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
    if t.lower_.startswith(DESTROY_STEM) and _destroys_force(t):
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
    if action in ("supply", "manufacture") and _civil_goods(t):
        return None  # 'joint manufacturing of An-70 cargo planes': trade, not arms
    if _of_a_kind(t):
        return None
    if action == "agree" and not any(e.label_ in ("GPE", "NORP", "ORG") for e in t.sent.ents):
        return None
    if action == "agree" and t.lower_.startswith(DEAL_STEM) and t.pos_ == "VERB":
        return None  # 'dealing with' is handling, not a deal
    if t.lower_.startswith(HOSTAGE_STEM) and t.head.lower_ not in TAKE_VERBS:
        return None  # 'holding 17 hostages' is a state; 'took hostages' an abduction
    if action == "arrest" and not POLITICAL_RE.search(words):
        return None
    if action == "displace" and not CIVILIAN_RE.search(sent_text):
        return None
    if action in ("capture", "regain") and not _takes_place(t, words, ctx):
        return None
    if action == "protest" and (_purpose_only(t) or not _is_demonstration(t)):
        return None
    if t.lower_.startswith(BEATING_STEMS) and not CIVILIAN_RE.search(words):
        return None  # 'beat the record', 'beat Arsenal': harm needs a person hurt
    if action == "establish" and CONTROL_WORD in {c.lower_ for c in t.children}:
        return "capture"  # 'established control in X'
    if action == "establish" and not BASE_WORDS_RE.search(words):
        return None
    if action == "move" and not _forces_move(t):
        return None
    if action == "withdraw" and not (FORCE_RE.search(sent_text) or country_in(sent_text)):
        return None
    if action in CASUALTY and not _perpetrator(t, ctx):
        return None
    return action


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
    obj = syntax.argument(t, frozenset({"dobj", "nsubjpass"}))
    if obj is not None and (obj.pos_ == "PRON" or _bare_land(obj)):
        return False
    if obj is not None and obj.ent_type_ == "PERSON" and not _named_place(obj, ctx):
        return False
    if t.lower_.startswith(ENTER_STEM):
        subj = syntax.argument(t, syntax.SUBJECT_DEPS)
        return subj is not None and bool(FORCE_RE.search(" ".join(x.text for x in subj.subtree)))
    return bool(PLACE_WORDS_RE.search(words) or _has_place_object(t) or _proper_object(t, ctx))


#: Longest place mention looked for around a token (an index window, not a limit on names:
#: no gazetteer name is longer).
MAX_PLACE_CHARS = 200


def _named_place(tok, ctx) -> bool:
    """Is `tok`, or a name in apposition to it ('Topolyne, Kherson'), a place found by the
    facts stage?"""
    for x in [tok] + [c for c in tok.children if c.dep_ == "appos"]:
        near = ctx.within("places", x.idx - MAX_PLACE_CHARS, x.idx + len(x) + MAX_PLACE_CHARS)
        if any(p.start <= x.idx < p.end for p in near):
            return True
    return False


def _is_demonstration(t) -> bool:
    """'gather' is a protest only with protesters or a cause in the paragraph ('protesters
    gathered', 'gathered outside parliament demanding ...', 'gathered to commemorate ...';
    codebook: a demonstration is a public gathering for a cause)."""
    if not t.lower_.startswith(GATHER_STEM):
        return True
    told = story(t.sent)
    return bool(PROTESTER_RE.search(told) or DEMAND_RE.search(told))


def _destroys_force(t) -> bool:
    """'destroyed a column of Russian forces', 'destroyed two drones': destroying an armed
    force or a weapon is violence even with no weapon named."""
    obj = syntax.argument(t, frozenset({"dobj", "nsubjpass"}))
    if obj is None:
        return False
    words = " ".join(x.text for x in obj.subtree)
    return bool(FORCE_RE.search(words) or REBEL_RE.search(words) or MILITARY_THING_RE.search(words)
                or weapons.weapon_of(list(obj.subtree))[0])


def _seizes_weapons(t) -> bool:
    """'police seized a cache of grenades', 'seized weapons and ammunition': what is taken is
    arms, not a place."""
    obj = syntax.argument(t, frozenset({"dobj", "nsubjpass"}))
    if obj is None:
        return False
    head_words = " ".join(x.text for x in [obj] + [c for c in obj.children if c.dep_ in ("compound", "amod")])
    return bool(ARMS_STORE_RE.search(head_words) or weapons.weapon_of([obj])[0] not in (None,))


def _repels_force(t) -> bool:
    """'repelled the attack', 'marines ... were repelled', 'a saboteur group was neutralized':
    stopping an armed group or its assault is fighting between two armed groups (codebook:
    armed clash), unlike stopping a missile or drone (disrupted weapons use)."""
    obj = syntax.argument(t, frozenset({"dobj", "nsubjpass"}))
    if obj is None and t.dep_ == "conj":
        obj = syntax.argument(t.head, frozenset({"nsubj", "nsubjpass"}))
    if obj is None:
        return False
    words = " ".join(x.text for x in obj.subtree)
    if IN_FLIGHT_RE.search(words) or weapons.weapon_of(list(obj.subtree))[0] not in (None, "small_arms"):
        return False
    return bool(FORCE_RE.search(words) or REBEL_RE.search(words) or ASSAULT_RE.search(words))


def _destroys_in_flight(t) -> bool:
    """Destroying a drone or missile in the air is an interception (codebook: disrupted
    weapons use)."""
    obj = syntax.argument(t, frozenset({"dobj", "nsubjpass"}))
    return obj is not None and bool(IN_FLIGHT_RE.search(" ".join(x.text for x in obj.subtree)))


def _forces_move(t) -> bool:
    """Movement of armed forces to or from a named place (codebook: a change to a group's
    activity) - not people moving away from windows, not a move made while fighting (that is
    the battle), not a deployment with no place (a general posture)."""
    subj = syntax.argument(t, frozenset({"nsubj", "nsubjpass"}))
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
    if t.dep_ not in ("advcl", "xcomp") or not any(c.lower_ == PURPOSE_MARKER for c in t.children):
        return False
    return t.head.lower_ not in GATHER_VERBS


def _fired_at(t, action: str) -> bool:
    """'fired at the positions': fire aimed at a target is an attack even with no weapon named."""
    return action == "fire" and syntax.prep_object(t, FIRED_AT_PREPS) is not None


def _habitual(t) -> bool:
    """'months of shelling', 'intensified its airstrikes', 'reliance on air strikes'."""
    if t.pos_ != "NOUN":
        return False
    head = t.head
    if head.lower_ in OF_PREPS and head.head.lower_ in DURATION_NOUNS:
        return True
    if head.lower_ in TREND_VERBS or (head.dep_ == "prep" and head.head.lower_ in TREND_VERBS):
        return True
    return False


def _subtree_words(t) -> list[str]:
    return [x.lower_ for x in t.subtree]


def _weapon_near(t, whole_sentence: bool = False) -> bool:
    tokens = t.sent if whole_sentence else list(t.subtree) + [t.head]
    return weapons.weapon_of(tokens)[0] not in (None, "small_arms") or t.lower_.startswith(FIRE_WORD)


def _civil_goods(t) -> bool:
    """The thing made or sent is a vehicle for trade or travel (kinds.civil_vehicle)."""
    head = weapons.weapon_of(list(t.subtree))[2]
    return head is not None and kinds.civil_vehicle(head)


def _of_a_kind(t) -> bool:
    """'building such bombs', 'such attacks': 'such' names a kind of thing, not an incident
    (general English)."""
    obj = syntax.argument(t, frozenset({"dobj", "nsubjpass", "nsubj"})) if t.pos_ == "VERB" else t
    return obj is not None and any(c.lower_ == KIND_WORD and c.dep_ in ("amod", "det", "predet") for c in obj.children)


def _weapon_object(t) -> bool:
    """'produced drones', 'drones were shipped' yes; 'provided bomb-making tips', 'producing
    identity papers' no: what is made or sent must itself be a weapon."""
    obj = syntax.argument(t, frozenset({"dobj", "nsubjpass"}))
    if obj is None:
        return True  # 'plans to ship to Russia': the sentence-level check above decides
    return weapons.weapon_of([obj] + [c for c in obj.children if c.dep_ == "compound"])[0] is not None


def _has_place_object(t) -> bool:
    return any(c.ent_type_ in ("GPE", "LOC", "FAC") for c in t.subtree if c.i > t.i)


def _proper_object(t, ctx) -> bool:
    """'retook Irpin': a named object of a capture verb is a place more often than not (a
    name after the verb that the parser took for its subject counts too)."""
    return any(c.pos_ == "PROPN" and (c.dep_ in ("dobj", "nsubjpass") or (c.dep_ == "nsubj" and c.i > t.i))
               and (c.ent_type_ != "PERSON" or _named_place(c, ctx)) for c in t.children)


def _perpetrator(t, ctx) -> bool:
    """A casualty word makes an event only with a named doer ('gunmen killed', 'killed by')."""
    if syntax.agent(t) is not None:
        return True
    subj = syntax.argument(t, syntax.SUBJECT_DEPS)
    if subj is not None and subj.lower_ not in RELATIVE_PRONOUNS and not CIVILIAN_RE.search(subj.text):
        return True
    if t.dep_ in ("advcl", "xcomp") and t.head.pos_ == "VERB":
        return True
    return _harmed_at_place(t, ctx)


def _harmed_at_place(t, ctx) -> bool:
    """'Two people were killed in Kyiv when debris fell': a passive count of people harmed at
    a named place reports an incident in conflict news (the article passed `scope`), even
    with its doer untold (codebook: fatalities are coded with the event that caused them)."""
    if t.tag_ != "VBN" or not any(c.dep_ == "nsubjpass" and c.lower_ not in RELATIVE_PRONOUNS
                                  and any(x.like_num for x in c.subtree) for c in t.children):
        return False
    return any(c.dep_ == "prep" and c.lower_ in PLACE_PREPS and any(
        g.dep_ == "pobj" and (g.ent_type_ in ("GPE", "LOC", "FAC") or _named_place(g, ctx)) for g in c.children)
        for c in t.children)


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


def _has_doer(t) -> bool:
    """An agent, or a subject of an active verb: someone who did the burning."""
    return bool(syntax.agent(t) or (t.tag_ != "VBN" and syntax.argument(t, syntax.SUBJECT_DEPS)))
