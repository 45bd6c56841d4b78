"""Triggers that name a kind, a class or a life story rather than an incident (session 4c).

Why: the codebook codes specific events (an actor, a time, a place). Ordinary newswire is full
of trigger words that tell what a sort of thing or person does ('US drone strikes cause
embarrassment'), what a class of people once did ('those who
have fought for freedom'), what a person did as a child, or which industry a country is in
('the aircraft building industries'). Each check below is a grammar fact about English, not a
word list fitted to one text; the word lists are in lexicon.py.
"""
from __future__ import annotations

from .lexicon import (
    ANCHOR_ENTS,
    CIVIL_VEHICLE_MODS,
    GENERIC_HEADS,
    LIFE_STAGES,
    ONGOING_VERBS,
    SAME_FORM_PAST,
    SECTOR_NOUNS,
)

#: Determiners and modifiers that make a plural specific ('the strikes', 'two strikes',
#: 'Russia's strikes'); a bare plural subject of a simple present is generic.
SPECIFIC_DEPS = frozenset({"det", "nummod", "poss", "predet"})
#: Noun dependencies a sector modifier may hang by ('aircraft building, missile ... industries').
MODIFIER_DEPS = frozenset({"compound", "nmod", "conj", "amod"})


def names_kind(t) -> bool:
    """True when trigger `t` tells a kind, a class or a life story, not an incident."""
    return (_generic_present(t) or _class_relative(t) or _life_stage(t)
            or _sector_name(t))


def _generic_present(t) -> bool:
    """'US drone strikes cause embarrassment': a bare plural subject of a main-clause simple
    present (VBP) states what such things do (generic reading of bare plurals, English
    grammar). News tells incidents in the past; an ongoing one takes an aspectual verb
    ('clashes continue'). Only a trigger NOUN: a trigger verb tagged VBP is often an irregular
    past the tagger misread ('Ukrainian forces retook Kamyanka' comes out VBP)."""
    if t.pos_ != "NOUN" or t.dep_ != "nsubj" or t.tag_ != "NNS":
        return False
    bare = not any(c.dep_ in SPECIFIC_DEPS for c in t.children)
    return bare and _plain_present_root(t.head)


def _plain_present_root(verb) -> bool:
    """A main-clause VBP with no auxiliary that is neither aspectual nor past-looking."""
    return (verb.tag_ == "VBP" and verb.dep_ == "ROOT" and verb.lower_ not in ONGOING_VERBS
            and verb.lower_ not in SAME_FORM_PAST
            and not any(c.dep_ in ("aux", "auxpass", "neg") for c in verb.children))


def _class_relative(t) -> bool:
    """'those who have fought for freedom': a relative clause on a generic pronoun names a class
    of people; with no time, place or count in it, it tells no incident."""
    if t.dep_ != "relcl" or t.head.lower_ not in GENERIC_HEADS:
        return False
    return not any(x.ent_type_ in ANCHOR_ENTS for x in t.subtree)


def _life_stage(t) -> bool:
    """'who as a child fled her native land': 'as a child' dates the act to the person's past."""
    for c in t.children:
        if c.dep_ == "prep" and c.lower_ == "as":
            if any(g.dep_ == "pobj" and g.lower_ in LIFE_STAGES for g in c.children):
                return True
    return False


def _sector_name(t) -> bool:
    """'cooperation in the aircraft building, missile ... industries': a noun modifier of
    'industry' classifies the industry; it is no act of building."""
    tok, hops = t, 0
    while tok.dep_ in MODIFIER_DEPS and tok.head is not tok and hops < 8:
        tok, hops = tok.head, hops + 1
        if tok.lower_ in SECTOR_NOUNS:
            return True
    return False


def civil_vehicle(tok) -> bool:
    """'An-70 cargo planes', 'passenger jets': a vehicle for trade or travel is no weapon to
    make or to sell (codebook: arms of a conflict)."""
    return any(c.lower_ in CIVIL_VEHICLE_MODS for c in tok.children if c.dep_ in ("compound", "amod"))
