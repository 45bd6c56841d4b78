"""Modality of an event mention, read from the parse around its trigger: `denied` (negated or
under a denial verb), `planned` (will / plans to / intends to), `hypothetical` (may / could /
would / if), else `reported`.

Why a walk up the heads: the cue is usually on a governing verb ("plans to get manufacturing
underway", "denied launching") rather than on the trigger itself. The walk stops at a reporting
verb, because "officials said Russia launched" is reported whatever the officials' verb carries.
"""
from __future__ import annotations

#: Modal auxiliaries (English grammar).
HYPOTHETICAL_AUX = frozenset({"may", "might", "could", "would", "should", "can", "must"})
FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
#: Verbs/nouns whose complement is an intended, not a done, act.
PLAN_WORDS = frozenset({
    "plan", "plans", "planned", "planning", "intend", "intends", "intended", "aim", "aims",
    "aiming", "prepare", "prepares", "preparing", "seek", "seeks", "seeking", "want", "wants",
    "threaten", "threatens", "threatened", "vow", "vowed", "vows", "pledge", "pledged",
    "promise", "promised", "expected", "going", "schedule", "scheduled", "propose", "proposed",
    "agreement", "agree", "agreed", "deal", "try", "tried", "trying", "attempt", "attempted",
    "underway", "ramp",
})
HYPOTHETICAL_WORDS = frozenset({"if", "unless", "whether", "unclear", "possible", "possibly",
                                "potential", "risk", "fear", "fears", "feared", "warn", "warned"})
DENY_WORDS = frozenset({"deny", "denies", "denied", "denying", "reject", "rejected", "refuted",
                        "dismissed"})
NEGATIONS = frozenset({"not", "n't", "never", "no"})
REPORTING = frozenset({"said", "says", "say", "told", "reported", "according", "announced",
                       "stated", "claimed", "added", "confirmed", "noted"})
#: A head walk longer than this has left the trigger's clause.
MAX_HOPS = 6


def find_modality(trigger) -> str:
    """reported | planned | hypothetical | denied for the event whose trigger is `trigger`."""
    tok, hops = trigger, 0
    while hops <= MAX_HOPS:
        found = _cue_on(tok, is_trigger=hops == 0)
        if found:
            return found
        if tok.head == tok or tok.head.lower_ in REPORTING or _own_conj_clause(tok):
            break
        tok, hops = tok.head, hops + 1
    return "reported"


def _cue_on(tok, is_trigger: bool) -> str | None:
    """The modality cue carried by `tok` itself or its aux/neg/mark children."""
    low = tok.lower_
    if low in DENY_WORDS:
        return "denied"
    if not is_trigger and low in PLAN_WORDS:
        return "planned"
    if low in HYPOTHETICAL_WORDS and not is_trigger:
        return "hypothetical"
    for child in tok.children:
        c = child.lower_
        if child.dep_ == "neg" or (c in NEGATIONS and child.dep_ in ("advmod", "det")):
            return "denied"
        if child.dep_ in ("aux", "auxpass"):
            if c in FUTURE_AUX:
                return "planned"
            if c in HYPOTHETICAL_AUX:
                return "hypothetical"
        if child.dep_ == "mark" and c in HYPOTHETICAL_WORDS:
            return "hypothetical"
    return None



def _own_conj_clause(tok) -> bool:
    """A conjoined clause with its own subject ('..., and drones were shipped') keeps its own
    modality: the first clause's 'plans to' does not reach it."""
    return tok.dep_ == "conj" and any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)
