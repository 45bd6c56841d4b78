"""Who is speaking: the source phrase of an attribution, split into name and role, with
pronouns resolved to the nearest preceding name.

Works on the dependency parse of the en_core_web_sm pipeline (no lemmatizer, so word lists
hold surface forms).
"""
from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Span, Token

from .attributions_gender import agrees

#: Pronouns that can stand for a person; resolved to the nearest preceding PERSON mention.
PERSON_PRONOUNS = frozenset({"he", "she"})
#: Pronouns that can stand for an organisation; resolved to the nearest preceding ORG/GPE.
THING_PRONOUNS = frozenset({"it"})
#: Finite verb tags: a finite reporting verb parsed as a noun modifier is a misparse.
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})
#: Relative pronouns ("the group, which said ..."): the source is the noun the clause hangs on.
RELATIVE_PRONOUNS = frozenset({"which", "who", "that"})
#: First/second person subjects are speech inside a quote, never an attributable source.
FIRST_PERSON = frozenset({"i", "we", "you", "me", "us"})
#: Title and institution words that are not part of a person's name ("Deputy Chief of General
#: Staff Oleksii Hromov"), from general knowledge of English job titles.
TITLE_WORDS = frozenset("""
president vice minister secretary chief deputy director spokesman spokeswoman spokesperson governor
senator representative rep. sen. gov. general staff ambassador commander chairman chairwoman chair ceo
officer head leader analyst editor prosecutor attorney judge commissioner mayor manager founder
co-founder strategist economist professor dr. mr. mrs. ms. prime premier king queen prince
adviser advisor counsel coach captain colonel lieutenant sergeant inspector superintendent
""".split())
#: Dependency labels that hang descriptive material (not the name itself) on a source noun.
ROLE_DEPS = frozenset({"appos"})
#: How far back (in characters) a pronoun may look for its referent: about two paragraphs.
PRONOUN_WINDOW = 1500
#: spaCy NER labels that can be a speaking person / a speaking organisation or state.
PERSON_LABELS = frozenset({"PERSON"})
THING_LABELS = frozenset({"ORG", "GPE", "NORP"})
#: Entity labels that rule out a proper-noun speaker being a person (ORG is not here: the small
#: model often tags surnames as ORG).
PLACE_ENTS = frozenset({"GPE", "NORP", "LOC", "FAC"})
#: Plural pronoun resolved to the last plural source ("Protesters believe ... They worry ...").
PLURAL_PRONOUNS = frozenset({"they"})
#: Words after an inverted "said" that end the speaker phrase ("said X in an email").
INVERTED_STOP_POS = frozenset({"ADP", "PUNCT", "VERB", "AUX", "SCONJ", "CCONJ"})


def subject_of(verb: Token) -> tuple[Token | None, bool]:
    """(subject, is_own) of a reporting verb: its own nearest nsubj, else one borrowed from a
    governing verb for participles and conjuncts ("..., adding that ...", "said X and added Y")."""
    if verb.dep_ == "acl" and verb.tag_ in FINITE_TAGS and verb.i > 0 and verb.nbor(-1).text == "," \
            and verb.head.pos_ in ("NOUN", "PROPN") and any(c.dep_ == "ccomp" for c in verb.children):
        return verb.head, True  # "The company, which ..., confirmed that ...": a misparsed finite verb
    tok, steps = verb, 0
    while tok is not None and steps < 4:
        if any(c.dep_ == "nsubjpass" for c in tok.children):
            return None, False  # "is expected to", "was told": the subject is not the speaker
        subjects = [c for c in tok.children if c.dep_ == "nsubj" and c.i != verb.i]
        if subjects:
            nearest = min(subjects, key=lambda c: abs(c.i - tok.i))
            return _through_relative(nearest), tok.i == verb.i
        if tok.dep_ not in ("advcl", "xcomp", "conj", "acl", "dobj", "pcomp") or tok.head.i == tok.i:
            return None, False
        tok, steps = tok.head, steps + 1
    return None, False


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
    toks = _phrase_tokens(head) or [head]
    appos = [c for c in head.children if c.dep_ in ROLE_DEPS]
    name_head = head if head.pos_ == "PROPN" else next((a for a in appos if a.pos_ == "PROPN"), None)
    if head.lower_ in TITLE_WORDS and toks[-1].pos_ == "PROPN" and toks[-1].lower_ not in TITLE_WORDS:
        name_head = toks[-1]  # "Deputy Chief of General Staff Oleksii Hromov": title, then the name
    if name_head is None:
        return _text(head.doc, toks), None, toks[0].idx, _end(toks[-1])
    name = _name_run(name_head)
    role_toks = [t for t in _phrase_tokens(head, keep_appos=True) if t not in name and t.dep_ != "punct"]
    return _text(head.doc, name), _role_text(_contiguous_before_or_after(role_toks, name)), name[0].idx, \
        _end(name[-1])


def _contiguous_before_or_after(toks: list[Token], name: list[Token]) -> list[Token]:
    """The role is the run of words right before the name or right after it (an appositive)."""
    before = [t for t in toks if t.i < name[0].i]
    after = [t for t in toks if t.i > name[-1].i]
    return before if len(before) >= len(after) else after


def inverted_source(verb: Token) -> tuple[str, str | None, int, int, Token] | None:
    """(source, role, start, end, head) for a speaker written after the verb that the parser did
    not make its subject: "..., said The We Company's recently named executive chair Marcelo
    Claure in an email". The name is the last proper-noun run before a preposition or comma."""
    doc = verb.doc
    toks = []
    for tok in doc[verb.i + 1:verb.sent.end]:
        if tok.pos_ in INVERTED_STOP_POS and not (tok.tag_ == "VBN" and toks):
            break
        toks.append(tok)
    heads = [t for t in toks if t.pos_ == "PROPN"]
    if not heads:
        return None
    name = _name_run(heads[-1])
    role = _role_text([t for t in toks if t.i < name[0].i])
    return _text(doc, name), role, name[0].idx, _end(name[-1]), heads[-1]


def _role_text(toks: list[Token]) -> str | None:
    """The title around a name, without edge punctuation; a bare article ("The United States")
    is no role."""
    toks = _trim(toks)
    if all(t.pos_ == "DET" for t in toks):
        return None
    return _text(toks[0].doc, toks)


def _phrase_tokens(head: Token, keep_appos: bool = False) -> list[Token]:
    """The head's subtree without appositives (unless asked), trailing commas and clauses
    that start after a comma (", who ..."), as a contiguous token list."""
    skip: set[int] = set()
    for child in head.children:
        if (child.dep_ in ROLE_DEPS and not keep_appos) or child.dep_ in ("relcl", "cc", "conj"):
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
    """The name around `head`: its PERSON entity when NER found one, else the run of proper
    nouns (and in-word hyphens, "Cheuk Hau-yip") ending at it ("Oleksii Hromov")."""
    doc = head.doc
    if head.ent_type_ == "PERSON":
        lo, hi = head.i, head.i
        while doc[lo].ent_iob_ == "I" and lo > 0:
            lo -= 1
        while hi + 1 < len(doc) and doc[hi + 1].ent_iob_ == "I" and doc[hi + 1].tag_ != "POS":
            hi += 1
        return [doc[i] for i in range(lo, hi + 1)]
    lo = head.i
    while lo > 0 and (_name_part(doc[lo - 1], head) or _glued_hyphen(doc, lo - 1)):
        lo -= 1
    while doc[lo].text == "-":
        lo += 1
    return [doc[i] for i in range(lo, head.i + 1)]


def _name_part(tok: Token, head: Token) -> bool:
    return tok.pos_ == "PROPN" and tok.lower_ not in TITLE_WORDS and tok.head.i >= tok.i and tok.head.i <= head.i \
        and tok.dep_ in ("compound", "flat", "nmod", "npadvmod", "amod") and tok.tag_ != "POS"


def _glued_hyphen(doc, i: int) -> bool:
    """A hyphen written without spaces inside a name."""
    return doc[i].text == "-" and not doc[i].whitespace_ and i > 0 and not doc[i - 1].whitespace_


def _text(doc, toks: list[Token]) -> str:
    """Text of a token run (Span.text: doc.text would rebuild the whole document)."""
    return doc[toks[0].i:toks[-1].i + 1].text


def _end(tok: Token) -> int:
    return tok.idx + len(tok.text)


def is_unusable_subject(subj: Token) -> bool:
    """Subjects that cannot name a source: first/second person, expletives, quantifiers."""
    return subj.lower_ in FIRST_PERSON or subj.dep_ == "expl" or subj.lower_ in ("there", "this", "what")


def resolve_pronoun(subj: Token, ents: list[Span], previous: list[dict]) -> str | None:
    """The referent for a pronoun source, None when nothing is close enough.

    he/she: the latest preceding PERSON in subject position or named speaker (NER misses names
    the parse finds), else the latest PERSON mention -- of a gender the pronoun agrees with
    (attributions_gender: "she" is never George W. Bush); it: likewise with organisations and
    states; they: the latest plural source."""
    low = subj.lower_
    recent = _recent(previous, subj)
    if low in PLURAL_PRONOUNS:
        return next((i["source"] for i in reversed(recent) if i["_plural"]), None)
    if low not in PERSON_PRONOUNS and low not in THING_PRONOUNS:
        return None
    person = low in PERSON_PRONOUNS
    labels = PERSON_LABELS if person else THING_LABELS
    mentions = [e for e in _ents_before(ents, subj) if e.label_ in labels and (not person or agrees(low, _titled(e)))]
    subjects = [(e.start_char, e.text) for e in mentions if e.root.dep_ in ("nsubj", "nsubjpass")]
    speakers = [(i["source_start"], i["source"]) for i in recent
                if i["_person"] == person and not i["source"].endswith(")") and (i["_named"] or not person)
                and (not person or agrees(low, i["source"]))]
    best = max(subjects + speakers, default=None)
    if best is not None:
        return _strip_possessive(best[1])
    return _strip_possessive(mentions[-1].text) if mentions else None


def _titled(ent: Span) -> str:
    """The entity's text with the word before it, where a title stands ("Mrs." + "Jones")."""
    return f"{ent.doc[ent.start - 1].text} {ent.text}" if ent.start > 0 else ent.text


def _recent(previous: list[dict], subj: Token) -> list[dict]:
    """Earlier items whose source lies within PRONOUN_WINDOW before the pronoun, in text order
    (`previous` is built in token order, so scan back only as far as the window)."""
    out = []
    for item in reversed(previous):
        if subj.idx - item["source_start"] >= PRONOUN_WINDOW:
            break
        if item["source_start"] < subj.idx:
            out.append(item)
    return out[::-1]


def _ents_before(ents: list[Span], subj: Token) -> list[Span]:
    """Entities ending before the pronoun and starting within PRONOUN_WINDOW of it (ents are
    sorted and disjoint, so bisect, then walk back through the window only)."""
    hi = bisect_right(ents, subj.idx, key=lambda e: e.end_char)
    lo = hi
    while lo > 0 and subj.idx - ents[lo - 1].start_char < PRONOUN_WINDOW:
        lo -= 1
    return ents[lo:hi]


def _strip_possessive(name: str) -> str:
    """NER spans sometimes keep the possessive ("Julian Assange's")."""
    for suffix in ("'s", "’s"):
        if name.endswith(suffix):
            return name[:-len(suffix)]
    return name
