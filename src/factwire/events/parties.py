"""Who is behind a mention: the owner of a thing ('tanks of Russian forces'), the armed side
told just before ('One of the shells hit ...'), the party a pronoun stands for, the parties of
'between X and Y', and the victims named around a harm word."""
from __future__ import annotations

import bisect

from factwire.deadline import check_deadline

from .actors import FORCE_RE, country_in, normalize_actor
from .codebook import ARMED_SIDES, STATE_SIDES, TRIGGER_FORMS
from .lexicon import (
    BETWEEN_PREPS,
    BY_PREPS,
    GENERIC_MEANS,
    GROUP_PRONOUNS,
    HARM_WORDS,
    OF_PREPS,
    OWNER_PREPS,
    OWNING_WORDS,
    THING_HEADS,
)
from .syntax import agent, doc_text, paragraph_span, prep_object
from .weapons import weapon_of


def misparsed_subject(verb):
    """'Russian forces destroyed by shelling a school' is often parsed as a noun phrase with a
    participle modifier (acl) and no main verb; the noun is then the subject of the verb."""
    head = verb.head
    if verb.dep_ != "acl" or head.dep_ != "ROOT" or head.pos_ not in ("NOUN", "PROPN"):
        return None
    if verb.tag_ not in ("VBD", "VBN") or agent(verb) is not None:
        return None
    return head


def root_party(tok):
    """'Ukrainian forces through an artillery attack fired on X' parsed with the noun as the
    sentence root and no main verb: the root noun, when it names an armed party, is the doer."""
    root = tok.sent.root
    if root.pos_ not in ("NOUN", "PROPN") or root.i >= tok.i or root == tok:
        return None
    subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < tok.i), root)
    name = normalize_actor(" ".join(x.text for x in subj.subtree if x.i < tok.i and x.dep_ != "prep"))
    return subj if name and name.startswith(ARMED_SIDES) else None


def between_parties(trig):
    """('Russian forces', 'Ukrainian forces') tokens of 'fighting took place between Russian
    forces and Ukrainian forces' (the 'between' hung on the verb the trigger is subject of), or
    of 'between Russian and Ukrainian forces' (the two country adjectives)."""
    host = trig.head if trig.dep_ in ("nsubj", "nsubjpass", "attr") else trig
    pobj = prep_object(host, BETWEEN_PREPS) or prep_object(trig, BETWEEN_PREPS)
    if pobj is None:
        return None
    if pobj.conjuncts:
        return pobj, pobj.conjuncts[0]
    adjs = [c for c in pobj.children if c.dep_ in ("amod", "compound") and country_in(c.text)]
    adjs += [x for a in adjs for x in a.conjuncts if country_in(x.text)]
    return (adjs[0], adjs[1]) if len(adjs) >= 2 else None


def is_thing(tok) -> bool:
    """A subject that is a weapon, vehicle or blast, not a party ('One of the shells hit',
    'a column of military vehicles was moving'); force nouns that double as weapons ('the air
    forces', 'Russian artillery') stay parties."""
    if FORCE_RE.fullmatch(tok.text):
        return False
    if tok.lower_ in THING_HEADS or weapon_of([tok])[0] is not None:
        return True
    return False


def owner_of(tok):
    """The party a thing belongs to: 'a column ... belonging to the Russian military forces',
    'tanks of Russian forces', "Russia's missiles"; None if none is named."""
    for x in tok.subtree:
        if x.dep_ == "acl" and x.lower_ in OWNING_WORDS:
            found = prep_object(x, OWNER_PREPS)
            if found is not None:
                return found
    for c in tok.children:
        if c.dep_ == "poss" and normalize_actor(c.text):
            return c
        if c.dep_ == "prep" and c.lower_ in OF_PREPS:
            pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if pobj is not None and (pobj.lower_ in THING_HEADS or weapon_of([pobj])[0]):
                return owner_of(pobj)  # 'one of the shells', 'a column of military vehicles'
            if pobj is not None and normalize_actor(" ".join(x.text for x in pobj.subtree)):
                return pobj
    return None


def country_marked(tok) -> bool:
    """Does the thing's own phrase name a country ('a Russian air force missile', 'Ukrainian
    Bayraktar drones')? Then the thing stands for that country's forces."""
    return any(country_in(x.text) for x in tok.subtree
               if x.i < tok.i and x.dep_ in ("amod", "compound", "nmod", "poss"))


def is_means(tok) -> bool:
    """What is fired or used (a weapon, 'unspecified weapons', 'fire'), not a target."""
    return weapon_of([tok])[0] is not None or tok.lower_ in GENERIC_MEANS


def victims(tokens) -> list:
    """Head tokens of those harmed in `tokens`, in text order ('killing four Ukrainian soldiers
    and one civilian' -> soldiers, civilian; 'one child was killed' -> child)."""
    found = {}
    for t in tokens:
        check_deadline()
        if t.lower_ not in HARM_WORDS or any(c.dep_ == "neg" for c in t.children):
            continue
        cands = [c for c in t.children if c.dep_ in ("dobj", "nsubjpass", "nsubj")]
        if t.dep_ in ("amod", "acl", "relcl") and t.head.pos_ in ("NOUN", "PROPN", "NUM"):
            cands.append(t.head)
        for c in cands:
            for v in [c, *c.conjuncts]:
                if v.pos_ in ("NOUN", "PROPN", "NUM"):
                    found[v.i] = v
    return [found[i] for i in sorted(found)]


def victims_after(sent) -> list:
    """`victims(syntax.paragraph_tokens(sent))`, from one pass over the paragraph cached on the
    Doc: a parse tree stays inside its sentence, so those harmed from `sent` to the paragraph's
    end are the paragraph's victims from `sent` on (one pass per event was quadratic on a
    100 KB one-paragraph page)."""
    para = paragraph_span(sent)
    cache = sent.doc.user_data.setdefault("factwire_victims", {})
    if para.start not in cache:
        found = victims(para)
        cache[para.start] = (found, [v.i for v in found])
    found, starts = cache[para.start]
    return found[bisect.bisect_left(starts, sent.start):]


def cause_agent(sent):
    """The 'by' party of an event noun in the sentence: 'as a result of an airstrike by the
    Russian forces ... two buildings collapsed, killing 26' -> the Russian forces."""
    for t in sent:
        if t.lower_ in BY_PREPS and t.head.lower_ in TRIGGER_FORMS and t.head.pos_ == "NOUN":
            pobj = next((g for g in t.children if g.dep_ == "pobj"), None)
            if pobj is not None and normalize_actor(" ".join(x.text for x in pobj.subtree)):
                return pobj
    return None


def earlier_armed(tok):
    """The armed side acting before `tok` in its sentence, else in the sentence before (same
    paragraph): 'Russian forces fired a missile ..., but the missile was intercepted'."""
    for t in tok.sent:
        if t.i >= tok.i:
            break
        if t.dep_ in ("nsubj", "agent") or (t.dep_ == "pobj" and t.head.dep_ == "agent"):
            name = normalize_actor(" ".join(x.text for x in t.subtree if x.dep_ not in ("relcl", "acl")))
            if name and name.startswith(STATE_SIDES):
                return t
    return previous_actor(tok)


def previous_actor(tok):
    """The armed party that acted in the sentence before, same paragraph: 'Russian forces
    shelled Mariupol. One of the shells hit a school' -> Russian forces."""
    sent = tok.sent
    doc = tok.doc
    if sent.start == 0 or "\n\n" in doc_text(doc)[doc[sent.start - 1].idx: sent.start_char]:
        return None
    prev = doc[sent.start - 1].sent
    for t in prev:
        if t.dep_ in ("nsubj", "agent") or (t.dep_ == "pobj" and t.head.dep_ == "agent"):
            name = normalize_actor(" ".join(x.text for x in t.subtree))
            if name and name.startswith(STATE_SIDES):
                return t
    return None


def resolve_pronoun(tok, doc):
    """A pronoun's nearest preceding country/organisation mention in the two sentences before."""
    if tok is None or tok.lower_ not in GROUP_PRONOUNS:
        return tok
    floor = max(0, tok.sent.start - 80)
    fallback = None
    for i in range(tok.i - 1, floor - 1, -1):
        t = doc[i]
        if t.ent_type_ in ("GPE", "NORP", "ORG") and t.dep_ != "compound":
            if country_in(t.text) and t.ent_type_ != "NORP":
                return t
            fallback = fallback or t
    return fallback or tok
