"""Frames around a trigger that decide whether it reports a new, concrete incident.

Why: in news prose most conflict words do not report a new incident. A trial, a charge or an
investigation talks about a past incident as a legal fact ("charged over the bombing"); a
definite noun after a preposition points back to an incident already told ("after the
blast", "the cause of the explosion"); a bare plural with nothing concrete is generic ("attacks
remain common"). An event needs the trigger plus something concrete in its own clause: a
count, a place, a date, a named doer, or a casualty.

Monitors' reports ("the mission observed 12 explosions near X") are the opposite case: the
observer is not the actor, and the observed shelling is the event itself.

All word lists below are general English (legal and reporting vocabulary), not taken from any
evaluation data.
"""
from __future__ import annotations

#: Legal-process words: a trigger governed by one is a past incident as a legal fact.
JUSTICE_WORDS = frozenset({
    "charge", "charged", "charges", "charging", "plead", "pleaded", "pleads", "pled", "accuse",
    "accused", "accusing", "accusation", "trial", "trials", "sentence", "sentenced",
    "sentencing", "convict", "convicted", "conviction", "indict", "indicted", "indictment",
    "investigation", "investigations", "investigate", "investigated", "investigating",
    "investigators", "suspect", "suspects", "suspected", "prosecute", "prosecuted",
    "prosecution", "prosecutors", "court", "guilty", "verdict", "testimony", "testified",
    "reward", "questioned", "extradite", "extradition", "warrant", "warrants", "hearing",
    "lawsuit",
})
#: Words of harm: a back-reference they govern ('killed in the attack', 'damaged by the
#: blast') reports the incident's casualties, which is a concrete fact.
HARM_WORDS = frozenset({
    "kill", "killed", "died", "dead", "wounded", "injured", "hurt", "injuries", "lost",
    "damaged", "destroyed", "victims", "victim", "maimed", "survived", "survivors",
})
#: Determiners and pronouns that make a noun point back to something already told.
BACK_DETERMINERS = frozenset({"the", "this", "that", "these", "those", "such", "its", "their",
                              "his", "her"})
#: Entity labels that make a mention concrete (spaCy's OntoNotes scheme).
CONCRETE_ENTS = frozenset({"GPE", "LOC", "FAC", "DATE", "TIME", "CARDINAL", "QUANTITY", "NORP",
                           "ORG"})
#: Verbs whose subject is an outcome of the incident ("the blast killed three").
OUTCOME_VERBS = frozenset({
    "kill", "killed", "kills", "killing", "wound", "wounded", "wounding", "injure", "injured",
    "injuring", "destroy", "destroyed", "damage", "damaged", "hit", "hits", "rock", "rocked",
    "tore", "shattered", "left", "leaving", "claimed", "targeted", "struck", "occurred",
    "happened", "erupted", "broke",
})
#: Verbs of observing or recording: their subject is a monitor, their object the incident.
OBSERVER_VERBS = frozenset({
    "observed", "observe", "observes", "recorded", "record", "records", "registered",
    "register", "registers", "heard", "hear", "hears", "saw", "see", "sees", "counted",
    "count", "counts", "noted", "documented", "reported", "reports", "detected",
})
#: Nouns that talk about an incident rather than tell it: 'the scene of the blast', 'the
#: cause of the explosion' (general English).
META_NOUNS = frozenset({
    "scene", "site", "area", "aftermath", "nature", "cause", "causes", "report", "reports",
    "video", "videos", "footage", "photo", "photos", "picture", "pictures", "extent",
    "details", "motive", "motives", "motivation", "wake", "anniversary", "memory", "memories",
    "news", "information", "idea", "lessons", "threat", "fear", "fears", "risk",
})
#: Verbs of perceiving or judging: 'heard the explosion', 'condemned the attack'.
PERCEPTION_VERBS = frozenset({
    "heard", "hear", "felt", "feel", "saw", "see", "watched", "watch", "recalled", "recall",
    "remembered", "remember", "described", "describe", "condemned", "condemns", "condemn",
    "called", "named", "investigated", "investigating", "studied", "examined",
})
#: Linking verbs: 'the explosion was intentional', 'attacks remain common'.
LINKING_VERBS = frozenset({"is", "was", "are", "were", "remain", "remains", "remained",
                           "seems", "seemed", "became", "becomes", "'s"})
#: How far up the parse a governing word still frames the trigger.
MAX_FRAME_HOPS = 2


def in_justice_frame(t) -> bool:
    """Is trigger `t` (or its noun phrase) governed by a legal-process word within a few
    hops ('charged with the bombing', 'investigation into the attack', 'the suspect in the
    blast')? The walk stops at a clause with its own subject, which tells its own story."""
    tok = t
    for _ in range(MAX_FRAME_HOPS):
        if tok.head == tok:
            return False
        if tok != t and tok.pos_ == "VERB" and _has_subject(tok) and tok.lower_ not in JUSTICE_WORDS:
            return False
        tok = tok.head
        if tok.lower_ in JUSTICE_WORDS:
            return True
    return False


def is_back_reference(t) -> bool:
    """A definite noun trigger in an adjunct ('after the explosion', 'the cause of the
    blast', 'heard the explosion') with nothing concrete of its own names an incident told
    elsewhere."""
    if t.pos_ != "NOUN" or has_concrete_slot(t):
        return False
    definite = any(c.dep_ in ("det", "poss") and (c.lower_ in BACK_DETERMINERS or c.ent_type_ == "DATE")
                   for c in t.children)
    if not definite or _harm_above(t):
        return False
    return not (t.dep_ in ("nsubj", "nsubjpass") and t.head.lower_ in OUTCOME_VERBS)


def _harm_above(t) -> bool:
    """'killed in the attack', 'lost a leg in the bombing', 'damaged by the blast'."""
    head = t.head
    if t.dep_ == "pobj" and head.head != head:
        head = head.head
        if head.dep_ == "agent":
            head = head.head
    return head.lower_ in HARM_WORDS or any(c.lower_ in HARM_WORDS for c in head.children)


def is_generic(t) -> bool:
    """A bare or indefinite noun trigger with nothing concrete in its clause ('attacks remain
    common', 'a hallmark of bombings') states a generality, not an incident."""
    if t.pos_ != "NOUN" or has_concrete_slot(t) or _harm_above(t):
        return False
    verb = governing_verb(t)
    if verb is not None and has_concrete_slot(verb, skip=t):
        return False
    if t.dep_ in ("nsubj", "nsubjpass") and t.head.lower_ in OUTCOME_VERBS:
        return False
    return t.dep_ not in ("dobj",) or t.head.lower_ not in OBSERVER_VERBS


def has_concrete_slot(tok, skip=None) -> bool:
    """Does the phrase of `tok` (its subtree, minus `skip`'s) hold a count, place, date or
    named party?"""
    if skip is not None:
        tokens = [c for c in tok.children if c != skip and c.dep_ not in ("punct", "cc")]
        tokens = [x for c in tokens for x in c.subtree]
    else:
        tokens = [x for x in tok.subtree if x != tok]
    for x in tokens:
        if x.ent_type_ in CONCRETE_ENTS or x.like_num:
            return True
    return False


def is_commentary(t) -> bool:
    """A noun trigger that is talked about, not told: 'the scene of the blast', 'heard the
    explosion', 'the explosion was intentional', 'attacks remain common' (nothing concrete of
    its own: a count, place or date keeps it)."""
    if t.pos_ != "NOUN" or has_concrete_slot(t):
        return False
    head = t.head
    if t.dep_ == "pobj" and head.lower_ in ("of", "about") and head.head.lower_ in META_NOUNS:
        return True
    if t.dep_ == "dobj" and head.lower_ in PERCEPTION_VERBS:
        return True
    if t.dep_ == "nsubj" and head.lower_ in LINKING_VERBS:
        return any(c.dep_ in ("acomp", "attr") for c in head.children)
    return False


def observer_of(t):
    """The observing verb when trigger `t` is what a monitor observed ('observed 12
    explosions', 'recorded shelling'), else None."""
    head = t.head
    if t.dep_ in ("dobj", "conj", "pobj") and head.pos_ in ("NOUN", "ADP"):
        head = head.head if head.pos_ == "ADP" else head
        while head.dep_ in ("conj", "dobj", "pobj", "prep") and head.head != head and head.pos_ != "VERB":
            head = head.head
    if head.pos_ == "VERB" and head.lower_ in OBSERVER_VERBS and _counted(t):
        return head
    return None


def _counted(t) -> bool:
    """A monitor counts what it observed ('12 explosions', 'a total of 3 projectiles');
    'heard the explosion' is a witness, not a count."""
    if any(x.like_num for x in t.subtree):
        return True
    head = t.head.head if t.head.pos_ == "ADP" else t.head
    return any(x.like_num for x in head.subtree if x.i < t.i)


def governing_verb(t):
    """The nearest verb above `t` (its clause), or None."""
    tok = t
    for _ in range(MAX_FRAME_HOPS):
        if tok.head == tok:
            return None
        tok = tok.head
        if tok.pos_ in ("VERB", "AUX"):
            return tok
    return None


def _has_subject(tok) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)
