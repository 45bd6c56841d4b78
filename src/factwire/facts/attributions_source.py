"""Who is speaking: the source phrase of an attribution, split into name and role, with
pronouns resolved to the nearest preceding name.

Works on the dependency parse of the en_core_web_sm pipeline (no lemmatizer, so word lists
hold surface forms).
"""
from __future__ import annotations

from spacy.tokens import Span, Token

#: Pronouns that can stand for a person; resolved to the nearest preceding PERSON mention.
PERSON_PRONOUNS = frozenset({"he", "she"})
#: Pronouns that can stand for an organisation; resolved to the nearest preceding ORG/GPE.
THING_PRONOUNS = frozenset({"it"})
#: Relative pronouns ("the group, which said ..."): the source is the noun the clause hangs on.
RELATIVE_PRONOUNS = frozenset({"which", "who", "that"})
#: First/second person subjects are speech inside a quote, never an attributable source.
FIRST_PERSON = frozenset({"i", "we", "you", "me", "us"})
#: Dependency labels that hang descriptive material (not the name itself) on a source noun.
ROLE_DEPS = frozenset({"appos"})
#: How far back (in characters) a pronoun may look for its referent: about two paragraphs.
PRONOUN_WINDOW = 1500
#: spaCy NER labels that can be a speaking person / a speaking organisation or state.
PERSON_LABELS = frozenset({"PERSON"})
THING_LABELS = frozenset({"ORG", "GPE", "NORP"})


def subject_of(verb: Token) -> Token | None:
    """The grammatical subject of a reporting verb, climbing to a governing verb for participles
    and conjuncts ("..., adding that ...", "said X and added Y") that have none of their own."""
    tok, steps = verb, 0
    while tok is not None and steps < 4:
        for child in tok.children:
            if child.dep_ in ("nsubj", "nsubjpass") and child.i != verb.i:
                return _through_relative(child)
        if tok.dep_ not in ("advcl", "xcomp", "conj", "acl", "dobj", "pcomp") or tok.head is tok:
            return None
        tok, steps = tok.head, steps + 1
    return None


def _through_relative(subj: Token) -> Token:
    """`which`/`who` as subject of a relative clause stands for the noun the clause modifies."""
    if subj.lower_ in RELATIVE_PRONOUNS and subj.head.dep_ == "relcl":
        return subj.head.head
    return subj


def describe_source(head: Token) -> tuple[str, str | None, int, int]:
    """(source, role, start_char, end_char) for the noun phrase headed by `head`.

    A name (proper-noun run) is the source and the title around it is the role, as in the
    annotation convention: "Defense Secretary Lloyd Austin" -> ("Lloyd Austin", "Defense Secretary").
    A common-noun phrase ("two people familiar with the matter") is the source as a whole.
    """
    toks = _phrase_tokens(head)
    appos = [c for c in head.children if c.dep_ in ROLE_DEPS]
    name_head = head if head.pos_ == "PROPN" else next((a for a in appos if a.pos_ == "PROPN"), None)
    if name_head is None:
        return _text(head.doc, toks), None, toks[0].idx, _end(toks[-1])
    name = _name_run(name_head)
    role_toks = [t for t in _phrase_tokens(head, keep_appos=True) if t not in name and t.dep_ != "punct"]
    role = _text(head.doc, _trim(role_toks)) if _trim(role_toks) else None
    return _text(head.doc, name), role, name[0].idx, _end(name[-1])


def _phrase_tokens(head: Token, keep_appos: bool = False) -> list[Token]:
    """The head's subtree without appositives (unless asked), trailing commas and clauses
    that start after a comma (", who ..."), as a contiguous token list."""
    skip: set[int] = set()
    for child in head.children:
        if (child.dep_ in ROLE_DEPS and not keep_appos) or child.dep_ in ("relcl", "punct", "cc", "conj"):
            if child.dep_ == "relcl" and child.i > head.i and head.doc[child.left_edge.i - 1].text != ",":
                continue  # restrictive relative clause is part of the source ("the staff member who ...")
            skip.update(t.i for t in child.subtree)
    toks = [t for t in head.subtree if t.i not in skip]
    return _trim(_contiguous(toks, head))


def _contiguous(toks: list[Token], head: Token) -> list[Token]:
    """The longest gap-free run of `toks` that contains the head."""
    idx = {t.i for t in toks}
    lo = hi = head.i
    while lo - 1 in idx:
        lo -= 1
    while hi + 1 in idx:
        hi += 1
    return [head.doc[i] for i in range(lo, hi + 1)]


def _trim(toks: list[Token]) -> list[Token]:
    """Drop punctuation and conjunctions at the edges of a phrase."""
    while toks and (toks[0].is_punct or toks[0].dep_ == "cc"):
        toks = toks[1:]
    while toks and (toks[-1].is_punct or toks[-1].dep_ == "cc" or toks[-1].tag_ == "POS" and len(toks) == 1):
        toks = toks[:-1]
    return toks


def _name_run(head: Token) -> list[Token]:
    """The proper-noun run ending at `head` ("Oleksii Hromov", "James P. Kennedy Jr.")."""
    doc = head.doc
    lo = head.i
    while lo - 1 >= 0 and doc[lo - 1].pos_ == "PROPN" and doc[lo - 1].head.i in range(lo - 1, head.i + 1) \
            and doc[lo - 1].dep_ in ("compound", "flat", "nmod"):
        lo -= 1
    hi = head.i
    while hi + 1 < len(doc) and doc[hi + 1].pos_ == "PROPN" and doc[hi + 1].head.i == head.i \
            and doc[hi + 1].dep_ in ("compound", "flat", "appos") and doc[hi + 1].whitespace_ is not None \
            and doc[hi + 1].text.endswith("."):
        hi += 1
    return [doc[i] for i in range(lo, hi + 1)]


def _text(doc, toks: list[Token]) -> str:
    return doc.text[toks[0].idx:_end(toks[-1])]


def _end(tok: Token) -> int:
    return tok.idx + len(tok.text)


def is_unusable_subject(subj: Token) -> bool:
    """Subjects that cannot name a source: first/second person, expletives, quantifiers."""
    return subj.lower_ in FIRST_PERSON or subj.dep_ == "expl" or subj.lower_ in ("there", "this", "what")


def resolve_pronoun(subj: Token, ents: list[Span], previous: list[dict]) -> str | None:
    """The referent for a pronoun source: the nearest preceding PERSON for he/she, the nearest
    earlier organisation source or ORG/GPE mention for "it". None when nothing is close enough."""
    low = subj.lower_
    if low not in PERSON_PRONOUNS and low not in THING_PRONOUNS:
        return None
    labels = PERSON_LABELS if low in PERSON_PRONOUNS else THING_LABELS
    best = None
    for ent in ents:
        if ent.end_char > subj.idx:
            break
        if ent.label_ in labels and subj.idx - ent.start_char < PRONOUN_WINDOW:
            best = ent.text
    if low in PERSON_PRONOUNS:
        best = _later_named_speaker(previous, subj, best, ents)
    return best


def _later_named_speaker(previous: list[dict], subj: Token, best: str | None, ents: list[Span]) -> str | None:
    """Prefer the last named speaker when no PERSON entity lies between it and the pronoun:
    NER misses many names (e.g. "Oleksii Hromov"), the parse does not."""
    for item in reversed(previous):
        if item["source_start"] < subj.idx and item.get("_named"):
            between = [e for e in ents if item["source_end"] <= e.start_char < subj.idx and e.label_ == "PERSON"]
            return best if between else item["source"]
    return best
