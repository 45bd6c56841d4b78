"""Dependency-parse helpers shared by the event rules: a noun's phrase and its text, a
verb's arguments (subject, object, 'by' agent, prepositional objects), the sentence's story
(the sentence and the rest of its paragraph). Labels are spaCy's ClearNLP scheme."""
from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from factwire.deadline import check_deadline
from factwire.facts.nlp import doc_text

from .actors import country_in
from .lexicon import AIM_PREPS, AIMING_VERBS, MEMBER_NOUNS, MEMBER_PREPS, OF_PREPS, POSSESSIVE_RE

#: Dependency labels of the doer / the done-to (spaCy's ClearNLP scheme).
SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
OBJECT_DEPS = frozenset({"dobj", "nsubjpass", "attr"})
#: Modifier deps kept when a head noun is grown into its phrase ("the NAF rebel forces").
PHRASE_DEPS = frozenset({"compound", "amod", "det", "poss", "nummod", "quantmod", "case", "nmod",
                         "prep", "pobj", "conj", "cc", "advmod", "npadvmod", "punct"})
#: Entity labels of a prepositional object that is a time or amount, never a party
#: ('On 18 February', 'in 2022').
NOT_PARTY_ENTS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT"})


def phrase(tok) -> tuple[int, int]:
    """Character span of the noun phrase headed by `tok` (prepositions other than "of" and
    clauses left out: "positions of the Donetsk People's Militia near X" -> up to Militia)."""
    keep = [tok]
    stack = list(tok.children)
    preps = _member_preps(tok)
    while stack:
        c = stack.pop()
        if c.dep_ not in PHRASE_DEPS or (c.dep_ == "prep" and c.lower_ not in preps):
            continue
        if c.dep_ == "punct" and c.text not in ("-", "'", "\u2019"):
            continue
        keep.append(c)
        stack.extend(c.children)
    start = min(t.idx for t in keep)
    end = max(t.idx + len(t) for t in keep)
    return start, end


def _member_preps(tok) -> frozenset[str]:
    """Prepositions kept in the phrase of `tok`: 'of' always; 'with'/'from' for members of a
    force not named in the noun's own modifiers."""
    if tok.lower_ in MEMBER_NOUNS and not any(country_in(c.text) for c in tok.lefts):
        return MEMBER_PREPS
    return OF_PREPS


def phrase_text(tok) -> str:
    """The noun phrase of `tok` as written, without its conjuncts ('Russian forces' of
    'Russian forces and Ukrainian forces') and a trailing possessive."""
    skip = {x.i for c in tok.children if c.dep_ in ("conj", "cc", "relcl", "acl", "appos")
            or (c.dep_ == "prep" and c.lower_ not in OF_PREPS) for x in c.subtree}
    words = [x for x in tok.subtree if x.i not in skip and x.dep_ != "punct"]
    text = tok.doc[words[0].i: words[-1].i + 1].text if words else tok.text
    return POSSESSIVE_RE.sub("", text.strip(" ,.;:"))


def argument(trigger, deps: frozenset[str]):
    """The child of `trigger` in `deps`; a date or number the parser took for a subject
    ('Around 29 March, Russian forces ...') is passed over for a real one."""
    found = [c for c in trigger.children if c.dep_ in deps]
    real = [c for c in found if c.ent_type_ not in NOT_PARTY_ENTS and not c.like_num]
    if len(real) > 1:  # a misparse with two subjects ('Movement of forces: ... a column ... was moving')
        real.sort(key=lambda c: abs(c.i - trigger.i))
    return (real or found or [None])[0]


def agent(trigger):
    """pobj of 'by' under a passive trigger ('was shelled by Russian forces')."""
    for c in trigger.children:
        if c.dep_ == "agent":
            for g in c.children:
                if g.dep_ == "pobj":
                    return g
    return None


def prep_object(trigger, preps: frozenset[str]):
    """pobj of the first prep child in `preps` ('fired mortars at the positions'); a date
    ('On 18 February') is no object."""
    for c in trigger.children:
        if c.dep_ == "prep" and c.lower_ in preps:
            for g in c.children:
                if g.dep_ == "pobj" and g.ent_type_ not in NOT_PARTY_ENTS:
                    return g
    return None


def is_passive(verb) -> bool:
    """'was shot down', 'were repelled': the grammatical subject is the done-to."""
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)


def aimed_in_clause(verb):
    """The first 'at/on/against' object anywhere in the verb's own clause, after the verb: the
    parser may hang 'at the positions' on a misparsed conjunct ('fired mortars and grenade
    launchers at the positions'). A date is no target; a clause with its own subject is
    another event's."""
    for t in verb.subtree:
        if t.i <= verb.i or t.dep_ != "prep" or t.lower_ not in AIM_PREPS:
            continue
        if _crosses_clause(t, verb):
            continue
        pobj = next((g for g in t.children if g.dep_ == "pobj"), None)
        if pobj is not None and pobj.ent_type_ not in NOT_PARTY_ENTS:
            return pobj
    return None


def aimed_by_participle(verb):
    """The object of a participle of aiming hung on the verb: 'launched mortars and heavy
    artillery targeting hidden Russian forces' -> forces."""
    for c in verb.subtree:
        if c.lower_ in AIMING_VERBS and c.dep_ in ("advcl", "xcomp", "conj", "acl") and not _crosses_clause(c, verb):
            found = argument(c, frozenset({"dobj"})) or prep_object(c, AIM_PREPS)
            if found is not None:
                return found
    return None


def _crosses_clause(tok, verb) -> bool:
    """Is there a verb with its own subject between `tok` and `verb` in the tree?"""
    x = tok.head
    while x != verb and x.head != x:
        if x.pos_ in ("VERB", "AUX") and any(c.dep_ in SUBJECT_DEPS | {"nsubjpass"} for c in x.children):
            return True
        x = x.head
    return False


def paragraph_tokens(sent) -> Iterator:
    """Tokens of `sent` and the sentences after it up to the paragraph's end, lazily: callers
    stop at their first find, and the walk stops at the paragraph's end, not the document's
    (a list up to the document's end made the coder quadratic on a long page)."""
    doc = sent.doc
    text = doc_text(doc)
    end = text.find("\n\n", sent.start_char)
    end = len(text) if end < 0 else end
    for t in doc[sent.start:]:
        if t.idx >= end:
            return
        check_deadline()
        yield t


def paragraph_span(sent):
    """The Span of the paragraph holding `sent`'s start (from the blank line before it to the
    one after; a paragraph is where `paragraph_tokens` stops)."""
    doc = sent.doc
    text = doc_text(doc)
    begin = text.rfind("\n\n", 0, sent.start_char)
    begin = 0 if begin < 0 else begin + 2
    end = text.find("\n\n", sent.start_char)
    end = len(text) if end < 0 else end
    starts = doc.user_data.get("factwire_token_starts")
    if starts is None:
        starts = doc.user_data["factwire_token_starts"] = [t.idx for t in doc]
    return doc[bisect.bisect_left(starts, begin):bisect.bisect_left(starts, end)]


#: A story is cut this many characters after its sentence starts.  The longest paragraph of the
#: DEV sets is 10,473 characters (WikiEvents; scrapinghub-dev 2,071, ACLED notes 626), so no
#: DEV story is cut; without a cap, a page that is one 100 KB paragraph had every frame's rules
#: search the rest of the page (11 s of regex searches on tests/hostile.py's repetitive page).
STORY_MAX_CHARS = 12_000


def story_has(sent, pattern: re.Pattern) -> bool:
    """Does `pattern` match inside `story(sent)`? One finditer over the whole text per pattern,
    cached on the Doc, then a bisection per question: searching each frame's story (up to
    STORY_MAX_CHARS) was 4 s of the events stage on a page that is one 100 KB paragraph."""
    doc = sent.doc
    cache = doc.user_data.setdefault("factwire_story_hits", {})
    hits = cache.get(pattern)
    text = doc_text(doc)
    if hits is None:
        found = [(m.start(), m.end()) for m in pattern.finditer(text)]
        hits = cache[pattern] = ([a for a, _ in found], [b for _, b in found])
    start = sent.start_char
    end = text.find("\n\n", start, start + STORY_MAX_CHARS)
    end = min(len(text), start + STORY_MAX_CHARS) if end < 0 else end
    i = bisect.bisect_left(hits[0], start)
    return i < len(hits[0]) and hits[1][i] <= end


def story(sent) -> str:
    """The sentence and the rest of its paragraph: 'No information on whether fighting took
    place' or 'they were dispersed by police' qualify the incident told just before."""
    text = doc_text(sent.doc)
    end = text.find("\n\n", sent.start_char, sent.start_char + STORY_MAX_CHARS)
    return text[sent.start_char: min(len(text), sent.start_char + STORY_MAX_CHARS) if end < 0 else end]
