"""Figurative and out-of-scope uses of trigger words, read from the parse: the word is there,
the event is not. Each rule has its reason in English grammar or in the ACLED codebook
("Definitions of ACLED event and sub-event types"); none comes from an evaluation row.

Found by kind on ordinary newswire (bench/events_relevance_news.py, tune half): light-verb
idioms ('struck a deal'), the proof sense of 'demonstration of', fighting fires, a participle
inside a hyphenated modifier ('artillery-firing vehicles'), agreements between parties that
are not conflict actors, withdrawing people who are not forces, evacuations from hazards.
Used by `gate` before an action's own condition."""
from __future__ import annotations

import re

from . import syntax, weapons
from .actors import FORCE_RE, PROTESTER_RE, REBEL_RE
from .codebook import TRIGGER_FORMS

#: Objects that make 'strike'/'hit' a light-verb idiom (general English: 'strike a deal',
#: 'strike a balance', 'hit a note'), not an attack.
LIGHT_OBJECTS = frozenset({"deal", "deals", "agreement", "agreements", "accord", "bargain", "compromise",
                           "balance", "chord", "note", "tone", "pose", "partnership", "pact", "truce",
                           "ceasefire", "cease-fire"})
#: Verbs of striking that take a light object.
STRIKE_FORMS = frozenset({"strike", "strikes", "struck", "striking", "hit", "hits", "hitting"})
#: Nouns whose 'of' complement is what is shown (general English: 'a demonstration of the
#: fact', 'of strength'), not who gathered.
PROOF_NOUNS = frozenset({"demonstration", "demonstrations"})
#: Verbs that stage a gathering ('held a demonstration of ...' is still a protest).
STAGING_VERBS = frozenset({"hold", "held", "holds", "holding", "stage", "staged", "staging", "organise",
                           "organised", "organize", "organized", "join", "joined", "attend", "attended"})
#: People an 'of' complement can count ('a demonstration of 200 students').
GATHERERS_RE = re.compile(r"\b(people|residents|students|workers|women|men|citizens|supporters|"
                          r"activists|thousands|hundreds|dozens|crowds?)\b", re.I)
#: Things fought that are no armed opponent (general English: 'fighting fires', 'fight
#: cancer', 'battle corruption'); the codebook's battles are between armed, organised groups.
NON_COMBATANT_RE = re.compile(
    r"^(fires?|blazes?|flames|wildfires?|bushfires?|disease|diseases|cancer|virus|viruses|illness|"
    r"pandemic|epidemic|infections?|corruption|crime|poverty|inflation|addiction|climate|"
    r"charges?|cases?|ticket|tickets|extradition|deportation|eviction|ban|rules?|laws?|"
    r"bill|ruling|decision|odds|nerves|tears|traffic|weeds|pests)$", re.I)
#: Verbs of fighting whose object is what is fought.
FIGHT_VERBS = frozenset({"fight", "fights", "fighting", "fought", "battle", "battles", "battled",
                         "battling", "combat", "combats", "combating", "combatting", "combated"})
FIGHT_PREPS = frozenset({"against"})
#: Participle tags: a verb form that can modify a noun.
PARTICIPLE_TAGS = frozenset({"VBG", "VBN"})
#: What an agreement coded by ACLED is about (codebook: "agreements between conflict actors",
#: e.g. ceasefires, peace agreements, prisoner exchanges, withdrawals, evacuation corridors).
AGREEMENT_MATTER_RE = re.compile(
    r"\b(cease-?fires?|truces?|peace|armistice|prisoners?|captives?|hostages?|exchanges?|swaps?|"
    r"corridors?|evacuations?|evacuate|withdraw\w*|surrender\w*|disarm\w*|demilitari[sz]\w*|"
    r"de-?escalat\w*|hostilities|fighting|war|conflict|security guarantees?|occupied|territor\w+)\b",
    re.I)
#: Armed parties to an agreement (FORCE_RE without 'government', 'defence', 'artillery', 'tanks':
#: governments sign trade and arms-sales deals every day; codebook: conflict actors).
ARMED_PARTY_RE = re.compile(r"\b(forces|troops|army|armed|militias?|militants?|rebels?|separatists?|"
                            r"insurgents?|guerrillas?|fighters|combatants|belligerents|warring)\b", re.I)
#: Determiners of a noun that refers back to something already told (grammar).
DEFINITE_DETS = frozenset({"the", "this", "that", "these", "those"})
#: Hazards that make people leave their homes without political violence (general English).
HAZARD_RE = re.compile(
    r"\b(fires?|blazes?|flames|smoke|wildfires?|floods?|flooding|landslides?|mudslides?|storms?|"
    r"hurricanes?|typhoons?|cyclones?|tornado(?:es)?|earthquakes?|tsunamis?|volcan\w+|eruptions?|"
    r"gas leaks?|chemical spills?|snow|rains?|heat ?wave|avalanches?|firefighters?)\b", re.I)
#: Words of political violence that make a hazard word a weapon's effect ('fires after shelling').
VIOLENCE_CAUSE_RE = re.compile(
    r"\b(shell\w*|strikes?|missiles?|rockets?|bomb\w*|attacks?|fighting|war|troops|forces|"
    r"explosions?|drones?|artillery|occupation|invasion)\b", re.I)

#: 'fighting two apartment fires', 'battled the blaze': firefighting, no violence (the object of
#: the fight is the hazard, as in _fights_no_one); removed before VIOLENCE_CAUSE_RE looks.
FIREFIGHTING_RE = re.compile(r"\b(?:fight\w*|battl\w*)\s+(?:[\w-]+\s+){0,3}?(?:fires?|blazes?|flames|wildfires?)\b",
                             re.I)


def figurative(t, action: str) -> bool:
    """Is trigger `t` (taken as `action`) a figurative or out-of-scope use of its word?"""
    return (_light_strike(t) or _proof_demonstration(t, action) or _fights_no_one(t, action)
            or _in_hyphen_modifier(t) or _not_conflict_agreement(t, action)
            or _withdraws_no_force(t, action) or _hazard_evacuation(t, action))


def _light_strike(t) -> bool:
    """'struck a deal', 'strike a balance': a light verb with its idiomatic object (grammar)."""
    if t.lower_ not in STRIKE_FORMS:
        return False
    obj = syntax.argument(t, frozenset({"dobj", "nsubjpass"}))
    return obj is not None and obj.lower_ in LIGHT_OBJECTS


def _proof_demonstration(t, action: str) -> bool:
    """'the clearest demonstration of the fact that ...': the noun's 'of' complement is what is
    shown, so it is the proof sense, not a gathering - unless it is staged ('held a
    demonstration of support') or counts people ('a demonstration of 200 students')."""
    if action != "protest" or t.lower_ not in PROOF_NOUNS or t.head.lower_ in STAGING_VERBS:
        return False
    for prep in (c for c in t.children if c.dep_ == "prep" and c.lower_ == "of"):
        words = " ".join(x.text for x in prep.subtree)
        if not (GATHERERS_RE.search(words) or PROTESTER_RE.search(words) or any(x.like_num for x in prep.subtree)):
            return True
    return False


def _fights_no_one(t, action: str) -> bool:
    """'fighting two apartment fires', 'the fight against cancer': what is fought is no armed
    opponent (codebook: battles are between organised armed groups)."""
    if action != "clash" or t.lower_ not in FIGHT_VERBS:
        return False
    obj = syntax.argument(t, frozenset({"dobj", "nsubjpass"})) or syntax.prep_object(t, FIGHT_PREPS)
    return obj is not None and bool(NON_COMBATANT_RE.match(obj.lemma_ or obj.lower_))


def _in_hyphen_modifier(t) -> bool:
    """'artillery-firing vehicles', 'fire-fighting crews': a participle joined by a hyphen to
    the word before it is part of a compound modifier of a noun, not a verb of an act
    (grammar)."""
    if t.tag_ not in PARTICIPLE_TAGS or t.i < 2:
        return False
    doc = t.doc
    hyphen, before = doc[t.i - 1], doc[t.i - 2]
    joined = hyphen.text == "-" and not hyphen.whitespace_ and not before.whitespace_
    return joined and t.head.pos_ in ("NOUN", "PROPN") and t.head.i > t.i


def _not_conflict_agreement(t, action: str) -> bool:
    """Codebook: the Agreement sub-event records agreements between conflict actors
    (ceasefires, peace deals, prisoner exchanges, withdrawals). An accord whose sentence names
    neither such a matter nor an armed party (an alliance accession, an economic plan, a
    economic plan) is ordinary diplomacy or business. An accord on weapons ('an agreement to
    manufacture drones') is kept: arms for a war are a strategic development of it. A definite
    mention ('the deal the two nations reached') refers back to an accord told before (grammar):
    it is kept when an earlier accord of the text is a conflict one."""
    if action != "agree":
        return False
    if _definite(t):
        return not any(_conflict_accord(s) for s in _earlier_accords(t))
    return not _conflict_accord(t.sent)


def _conflict_accord(sent) -> bool:
    """Does the sentence name a conflict matter, an armed party or a weapon (codebook)?"""
    text = sent.text
    if AGREEMENT_MATTER_RE.search(text) or ARMED_PARTY_RE.search(text) or REBEL_RE.search(text):
        return True
    return weapons.weapon_of(list(sent))[0] not in (None, "small_arms")


def _earlier_accords(t):
    """Sentences before `t`'s that tell of an agreement: what a definite mention refers to."""
    for sent in t.doc.sents:
        if sent.start >= t.sent.start:
            return
        if any(TRIGGER_FORMS.get(x.lower_) == "agree" for x in sent):
            yield sent


def _definite(t) -> bool:
    """A noun with a definite or possessive determiner ('the deal', "Russia's latest deal")."""
    return t.pos_ == "NOUN" and any(c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in DEFINITE_DETS)
                                    for c in t.children)


def _withdraws_no_force(t, action: str) -> bool:
    """'withdraw their journalists', 'withdrew its ambassador': the codebook's withdrawal is an
    armed actor leaving territory; what is withdrawn here is people who are not a force."""
    if action != "withdraw" or t.pos_ != "VERB":
        return False
    obj = syntax.argument(t, frozenset({"dobj"}))
    if obj is None:
        return False
    words = " ".join(x.text for x in obj.subtree)
    return not (FORCE_RE.search(words) or REBEL_RE.search(words))


def _hazard_evacuation(t, action: str) -> bool:
    """'evacuated from a burning suite', 'evacuation of homes near the landslide': leaving a
    hazard (named in the sentence, the one before or earlier in a paragraph free of violence) is
    no strategic development unless the sentence names political violence
    (codebook: strategic developments are those of the conflict)."""
    if action != "displace":
        return False
    sent = t.sent
    before = t.doc[sent.start - 1].sent.text if sent.start > 0 else ""
    # the hazard is often told just before ('... fighting two fires. Two people were evacuated')
    if HAZARD_RE.search(before + " " + sent.text) and not VIOLENCE_CAUSE_RE.search(sent.text):
        return True
    # ... or earlier in the same paragraph, the unit a news story tells one incident in ('fighting
    # two apartment fires. The first happened ... Two people had to be evacuated'); then the whole
    # paragraph must be free of violence, a shelling's fires being its effect
    text = syntax.doc_text(t.doc)
    para = text[text.rfind("\n", 0, sent.start_char) + 1: sent.end_char]
    return bool(HAZARD_RE.search(para)) and not VIOLENCE_CAUSE_RE.search(FIREFIGHTING_RE.sub(" ", para))
