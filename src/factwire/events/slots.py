"""Filling an event's slots from the parse and the facts already on the record: who acted, on
whom, with what, how many died, where, when, and who says so.
"""
from __future__ import annotations

import re

from .actors import country_in
from .codebook import WEAPON_CLASSES, WEAPON_PRIORITY

#: Dependency labels of the doer / the done-to (spaCy's ClearNLP scheme).
SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
OBJECT_DEPS = frozenset({"dobj", "nsubjpass", "attr"})
TARGET_PREPS = frozenset({"at", "on", "against", "upon", "into", "in", "near"})
#: Modifier deps kept when a head noun is grown into its phrase ("the NAF rebel forces").
PHRASE_DEPS = frozenset({"compound", "amod", "det", "poss", "nummod", "quantmod", "case", "nmod",
                         "prep", "pobj", "conj", "cc", "advmod", "npadvmod", "punct"})
PRONOUNS = frozenset({"it", "they", "its", "their", "them", "he", "she", "his", "her"})
#: Pronouns that stand for a state or group (resolved to the last country/organisation).
GROUP_PRONOUNS = frozenset({"it", "they", "its", "their", "them"})
#: Quantity items that measure time or calibre, not things or people.
NON_COUNT_ITEMS = frozenset({"day", "days", "week", "weeks", "month", "months", "year", "years",
                             "hour", "hours", "minute", "minutes", "mm", "km", "kilometers",
                             "kilometres", "miles", "percent", "%", "times", "nations"})
DEATH_WORDS = frozenset({"kill", "killed", "killing", "kills", "dead", "died", "die", "dies",
                         "death", "deaths", "dying", "lives", "fatalities", "bodies", "slain",
                         "executed", "murdered", "massacred"})
NUMBER_WORDS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve".split())}
#: Quick first check: does a text hold any weapon word at all?
ANY_WEAPON = re.compile(r"\b(" + "|".join(map(re.escape, sorted(
    {w for words in WEAPON_CLASSES.values() for w in words}, key=len, reverse=True))) + r")", re.I)
WEAPON_PATTERNS = {cls: re.compile(r"\b(" + "|".join(map(re.escape, words)) + r")", re.I)
                   for cls, words in WEAPON_CLASSES.items()}


def doc_text(doc) -> str:
    """The Doc's text, built once: spaCy joins every token on each `doc.text` access, which
    made the coder slower than the parser."""
    text = doc.user_data.get("factwire_text")
    if text is None:
        text = doc.user_data["factwire_text"] = doc.text
    return text


def phrase(tok) -> tuple[int, int]:
    """Character span of the noun phrase headed by `tok` (prepositions other than "of" and
    clauses left out: "positions of the Donetsk People's Militia near X" -> up to Militia)."""
    keep = [tok]
    stack = list(tok.children)
    while stack:
        c = stack.pop()
        if c.dep_ not in PHRASE_DEPS or (c.dep_ == "prep" and c.lower_ != "of"):
            continue
        if c.dep_ == "punct" and c.text not in ("-", "'", "\u2019"):
            continue
        keep.append(c)
        stack.extend(c.children)
    start = min(t.idx for t in keep)
    end = max(t.idx + len(t) for t in keep)
    return start, end


def phrase_text(tok) -> str:
    """The noun phrase of `tok` as written, without its conjuncts ('Russian forces' of
    'Russian forces and Ukrainian forces') and a trailing possessive."""
    skip = {x.i for c in tok.children if c.dep_ in ("conj", "cc", "relcl", "acl", "appos")
            or (c.dep_ == "prep" and c.lower_ != "of") for x in c.subtree}
    words = [x for x in tok.subtree if x.i not in skip and x.dep_ != "punct"]
    text = tok.doc[words[0].i: words[-1].i + 1].text if words else tok.text
    return re.sub(r"['\u2019]s$", "", text.strip(" ,.;:"))


def argument(trigger, deps: frozenset[str]):
    """The child of `trigger` in `deps`; a date or number the parser took for a subject
    ('Around 29 March, Russian forces ...') is passed over for a real one."""
    found = [c for c in trigger.children if c.dep_ in deps]
    real = [c for c in found if c.ent_type_ not in NOT_PARTY_ENTS and not c.like_num]
    return (real or found or [None])[0]


def agent(trigger):
    """pobj of 'by' under a passive trigger ('was shelled by Russian forces')."""
    for c in trigger.children:
        if c.dep_ == "agent":
            for g in c.children:
                if g.dep_ == "pobj":
                    return g
    return None


#: Entity labels of a prepositional object that is a time or amount, never a party
#: ('On 18 February', 'in 2022').
NOT_PARTY_ENTS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT"})


def prep_object(trigger, preps: frozenset[str]):
    """pobj of the first prep child in `preps` ('fired mortars at the positions'); a date
    ('On 18 February') is no object."""
    for c in trigger.children:
        if c.dep_ == "prep" and c.lower_ in preps:
            for g in c.children:
                if g.dep_ == "pobj" and g.ent_type_ not in NOT_PARTY_ENTS:
                    return g
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


def weapon_of(tokens) -> tuple[str | None, str | None, object]:
    """(class, text as written, head token) of the most specific weapon among `tokens`."""
    best = None
    for t in tokens:
        cls = _weapon_class(t)
        if cls is None:
            continue
        rank = WEAPON_PRIORITY.index(cls)
        if best is None or rank < best[0]:
            best = (rank, cls, t)
    if best is None:
        return None, None, None
    head = best[2]
    while head.dep_ == "compound" and head.head.pos_ in ("NOUN", "PROPN"):
        head = head.head
    return best[1], weapon_text(head), head


def _weapon_class(t) -> str | None:
    """Weapon class of a token (with its compound neighbour for 'air strike', 'car bomb'),
    computed once per token (the coder asks about the same tokens for many triggers)."""
    cache = t.doc.user_data.setdefault("factwire_weapon", {})
    if t.i not in cache:
        cache[t.i] = _classify_weapon(t)
    return cache[t.i]


def _classify_weapon(t) -> str | None:
    if t.pos_ not in ("NOUN", "PROPN", "ADJ", "NUM", "VERB"):
        return None
    prev = t.doc[t.i - 1].lower_ + " " if t.i > t.sent.start else ""
    if prev == "- " and t.i - 2 >= t.sent.start:
        prev = t.doc[t.i - 2].lower_ + "-"  # 'small-arms' is tokenised small / - / arms
    text = prev + t.lower_
    if not ANY_WEAPON.search(text):
        return None
    for cls in WEAPON_PRIORITY:
        if any(m.end() > len(prev) for m in WEAPON_PATTERNS[cls].finditer(text)):
            return cls
    return None


def weapon_text(head) -> str:
    """'kamikaze drones', 'Shahed-136 drones', '122mm mortars': modifiers + head noun."""
    left = head
    for c in head.lefts:
        if c.dep_ in ("compound", "amod", "nmod") and c.lower_ not in ("more", "other", "several"):
            left = c if c.i < left.i else left
            break
    span = head.doc[left.i: head.i + 1]
    return span.text


def fatalities_of(tokens, quantities: list[dict]) -> int | None:
    """Deaths reported in `tokens` (a sentence or an event's share of it) (ACLED: the lower bound of 'at least N'; a single named victim
    is 1); None when none are reported or the number is not given."""
    best = None
    for t in tokens:
        if t.lower_ not in DEATH_WORDS or t.pos_ not in ("VERB", "NOUN", "ADJ", "AUX"):
            continue
        if any(c.dep_ == "neg" for c in t.children) or t.head.lower_ in ("no", "without"):
            best = best if best is not None else 0
            continue
        n = _victim_count(t, quantities)
        if n is not None:
            best = n if best is None else max(best, n)
    return best


def _victim_count(t, quantities: list[dict]) -> int | None:
    """Number attached to the victims of death word `t`."""
    victims = [c for c in t.children if c.dep_ in ("dobj", "nsubjpass", "nsubj")]
    if t.dep_ in ("amod", "acl") or t.lower_ in ("dead", "deaths", "fatalities", "lives"):
        victims.append(t.head if t.dep_ in ("amod", "acl", "acomp") else t)
        if t.dep_ == "acomp":
            victims += [c for c in t.head.children if c.dep_ == "nsubj"]
    if t.dep_ == "advcl" and t.head.lower_ in ("left",):
        victims += [c for c in t.head.children if c.dep_ == "dobj"]
    total = None
    for v in victims:
        n = _count_of(v, quantities)
        for c in v.conjuncts:
            m = _count_of(c, quantities)
            n = (n or 0) + m if m is not None else n
        if n is not None:
            total = n if total is None else max(total, n)
    return total


def _count_of(v, quantities: list[dict]) -> int | None:
    """The count of noun `v`: an overlapping quantity fact, a numeral child, or 1 for 'a man'."""
    lo, hi = v.left_edge.idx, v.idx + len(v)
    for q in quantities:
        if q["start"] < hi and q["end"] > lo and isinstance(q.get("value"), (int, float)):
            if q.get("item") in NON_COUNT_ITEMS:
                continue
            return int(q["value"])
    for c in v.children:
        if c.dep_ == "nummod":
            return _parse_number(c.lower_)
    if v.pos_ == "NUM":
        return _parse_number(v.lower_)
    if v.tag_ in ("NN", "NNP") and any(c.lower_ in ("a", "an", "one") for c in v.children):
        return 1
    return None


def _parse_number(text: str) -> int | None:
    text = text.replace(",", "")
    if text.isdigit():
        return int(text)
    return NUMBER_WORDS.get(text)
