"""Attributions: who says what, with the claim's character span.

One item per reported claim, following the facts benchmark's annotation guide (README,
"Benchmarks / Facts"): speech, writing, reports, statements, estimates, accusations, beliefs,
denials and "according to". A claim
is the reporting verb's clausal complement (`ccomp`), its direct object for verbs whose
object *is* the claim ("denied the accusation"), or the quotation next to the verb; for
"according to X" it is the rest of the clause. A quote that continues in the next paragraph
gets its own item with the same source. Items nested in another item's claim carry the
outer sources in `chain` (outlet -> report -> official).

All decisions are linear passes over the parsed tokens; the parse comes from facts.nlp.
"""
from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left, bisect_right

from spacy.attrs import LOWER
from spacy.strings import hash_string
from spacy.tokens import Doc, Token

from factwire.deadline import check_deadline

from .attributions_source import (
    PLACE_ENTS,
    describe_source,
    inverted_source,
    is_unusable_subject,
    resolve_pronoun,
    subject_of,
)
from .nlp import doc_ents, doc_text

# Word lists are surface forms (the pipeline runs without a lemmatizer), written from general
# English usage of reporting, cognition and accusation verbs -- not mined from the gold.
#: Verbs of saying/writing/reporting whose clausal complement or adjacent quote is a claim.
SAY_VERBS = frozenset("""
say says said saying tell tells told telling add adds added adding claim claims claimed claiming
report reports reported reporting announce announces announced announcing warn warns warned warning
confirm confirms confirmed confirming state states stated stating insist insists insisted insisting
argue argues argued arguing explain explains explained explaining note notes noted noting
write writes wrote writing tweet tweets tweeted tweeting post posts posted posting
estimate estimates estimated estimating predict predicts predicted predicting
reveal reveals revealed revealing acknowledge acknowledges acknowledged acknowledging
admit admits admitted admitting allege alleges alleged alleging assert asserts asserted asserting
contend contends contended contending declare declares declared declaring disclose discloses disclosed
indicate indicates indicated indicating maintain maintains maintained recall recalls recalled recalling
remark remarks remarked reply replies replied replying respond responds responded responding
stress stresses stressed stressing suggest suggests suggested suggesting testify testifies testified
emphasize emphasizes emphasized emphasise emphasises emphasised concede concedes conceded
complain complains complained caution cautions cautioned cautioning advise advises advised
forecast forecasts projected project projects mention mentions mentioned
""".split())
#: Belief/expectation verbs: the README annotates beliefs ("believe", "worry", "expect").
#: They need a clausal complement, never a bare object ("they expect growth" is not a claim).
COGNITION_VERBS = frozenset("""
believe believes believed believing think thinks thought expect expects expected
fear fears feared worry worries worried suspect suspects suspected conclude concludes concluded
learn learns learned learnt assess assesses assessed
""".split())
#: Learning verbs report what a source found out: "officials learned of the deal".
LEARN_VERBS = frozenset("learn learns learned learnt".split())
#: Verbs whose direct object is itself the reported content: accusations and denials
#: ("denied the accusation", "accused the UK of meddling").
OBJECT_CLAIM_VERBS = frozenset("""
deny denies denied denying accuse accuses accused accusing charge charges charged charging
denounce denounces denounced denouncing condemn condemns condemned condemning
dispute disputes disputed disputing
""".split())
#: Verbs whose object is a claim only when it is a reported figure ("reported $2.53 in
#: earnings", "predicted 16.6 million"); "reported the call" / "announced the exchange" are acts.
FIGURE_OBJECT_VERBS = frozenset("""
report reports reported reporting announce announces announced announcing predict predicts predicted
forecast forecasts estimate estimates estimated confirm confirms confirmed reveal reveals revealed
project projects projected expect expects expected
""".split())
#: Characterisation verbs: "described the video as satire" is a claim about the object.
DESCRIBE_VERBS = frozenset("describe describes described describing".split())
#: Phrasal reporting verbs written as verb + particle ("points out that ...").
PHRASAL_VERBS = frozenset({("point", "out"), ("points", "out"), ("pointed", "out"), ("pointing", "out")})
CUE_VERBS = SAY_VERBS | COGNITION_VERBS | OBJECT_CLAIM_VERBS | FIGURE_OBJECT_VERBS | DESCRIBE_VERBS \
    | frozenset(v for v, _ in PHRASAL_VERBS)
#: Physical evidence is not a source (README: "video footage shows" is not annotated).
EVIDENCE_NOUNS = frozenset("""
footage video videos image images photo photos photograph photographs picture pictures imagery
recording recordings evidence casings scan scans
""".split())
#: Nouns that make "said in a <noun>" part of the cue, as the README writes it ("said in a statement").
MEDIUM_NOUNS = frozenset("statement email e-mail letter interview tweet post release note memo filing".split())
#: Opening/closing double quotation marks seen in scraped news ("’’" is a common closer).
OPEN_QUOTES, CLOSE_QUOTES = "“„«", "”»"
QUOTE_RE = re.compile(r"“|”|„|«|»|\"|’’|''")
#: How many words after a verb a detached "that" clause may start ("argued for decades that").
THAT_WINDOW = 7
#: Longest tail of an attribution sentence (title, medium) that may separate two quotes by the
#: same speaker: about one long appositive.
MAX_CLUSTER_TAIL = 160
#: How far before a cue an enclosing claim may start (a long paragraph).
MAX_CHAIN_LOOKBACK = 5000
#: Claim spans shorter than this (characters) are parse fragments, not reported content.
MIN_CLAIM_CHARS = 8


def find_attributions(doc: Doc, published: dt.date | None = None) -> list[dict]:
    """Every attributed claim in `doc`, in text order (see module docstring).

    `published` is part of the extractor contract; attributions do not depend on it.
    """
    page = Page(doc_text(doc))
    ents = list(doc_ents(doc))
    items: list[dict] = []
    for tok in cue_tokens(doc):
        check_deadline()
        if tok.lower_ == "according":
            item = build_according_item(tok)
        else:
            item = build_verb_item(tok, page)
        if item is not None:
            finish_source(item, ents, items)
            items.append(item)
    items += build_continuations(page, items)
    items = drop_duplicates(items)
    add_chains(items)
    return [public(item) for item in sorted(items, key=lambda i: (i["claim_start"], i["_cue_at"]))]


#: Hashes (spaCy's string ids) of the lower-case forms that start a claim: "according" and the
#: cue verbs.  Comparing the Doc's LOWER column with these finds the few cue tokens without
#: building a Token object for each of the ~1,000 tokens of a page.
CUE_IDS = frozenset(hash_string(word) for word in CUE_VERBS | {"according"})


def cue_tokens(doc: Doc) -> list[Token]:
    """The tokens whose lower-case form is "according" or a cue verb, in text order."""
    return [doc[i] for i, low in enumerate(doc.to_array(LOWER).tolist()) if low in CUE_IDS]


class Page:
    """The document text and its quotations, with bisect lookups so that every question asked
    per token costs O(log n) (doc.text itself is rebuilt on each access, so it is read once)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.quotes = find_quotes(text)
        self.starts = [q0 for q0, _ in self.quotes]
        self.ends = {q1 for _, q1 in self.quotes}

    def inside(self, at: int) -> bool:
        """Is `at` strictly inside a quotation?"""
        k = bisect_right(self.starts, at) - 1
        return k >= 0 and self.quotes[k][0] < at < self.quotes[k][1]

    def overlapping(self, s: int, e: int) -> list[tuple[int, int]]:
        """Quotations overlapping [s, e) (they are disjoint and sorted)."""
        k = max(0, bisect_right(self.starts, s) - 1)
        out = []
        while k < len(self.quotes) and self.quotes[k][0] < e:
            if self.quotes[k][1] > s:
                out.append(self.quotes[k])
            k += 1
        return out

    def ending_before(self, at: int) -> tuple[int, int] | None:
        """The last quotation that ends at or before `at`."""
        k = bisect_right(self.starts, at) - 1
        while k >= 0 and self.quotes[k][1] > at:
            k -= 1
        return self.quotes[k] if k >= 0 else None

    def starting_after(self, at: int) -> tuple[int, int] | None:
        """The first quotation that starts at or after `at`."""
        k = bisect_left(self.starts, at)
        return self.quotes[k] if k < len(self.quotes) else None

    def paragraph(self, at: int) -> tuple[int, int]:
        """(start, end) of the paragraph (line) holding `at`."""
        p1 = self.text.find("\n", at)
        return self.text.rfind("\n", 0, at) + 1, len(self.text) if p1 < 0 else p1


def find_quotes(text: str) -> list[tuple[int, int]]:
    """(start, end) of each double-quoted stretch, quote marks included. Straight quotes toggle;
    curly ones say which side they are on. A quote left open at a paragraph break runs to the
    paragraph's end (news style: the next paragraph reopens it)."""
    spans, open_at = [], None
    for m in QUOTE_RE.finditer(text):
        mark, at = m.group(), m.start()
        if open_at is not None and "\n" in text[open_at:at]:
            spans.append((open_at, text.index("\n", open_at)))
            open_at = None
        is_open = mark in OPEN_QUOTES or (mark not in CLOSE_QUOTES and mark != "’’" and open_at is None)
        if open_at is None and (is_open or (mark == "”" and at + 1 < len(text) and text[at + 1].isalnum())):
            open_at = at
        elif open_at is not None and mark not in OPEN_QUOTES:
            spans.append((open_at, m.end()))
            open_at = None
    if open_at is not None:
        nl = text.find("\n", open_at)
        spans.append((open_at, nl if nl >= 0 else len(text)))
    return spans


def build_verb_item(verb: Token, page: Page) -> dict | None:
    """An item for a reporting/cognition verb with a usable subject and a claim, else None."""
    if verb.pos_ not in ("VERB", "AUX") or page.inside(verb.idx) or _negated(verb) or _bare_phrasal(verb):
        return None
    subj, direct = subject_of(verb)
    if subj is None:
        return build_inverted_item(verb, page)
    if is_unusable_subject(subj) or subj.lower_ in EVIDENCE_NOUNS or _nested_belief(verb, subj):
        return None
    claim = find_claim(verb, subj if direct else None, page)
    if claim is None or claim[0] <= subj.idx < claim[1]:
        return None
    source, role, s0, s1 = describe_source(subj)
    return _item(source, role, cue_text(verb), claim, (s0, s1), (verb.idx, _end(verb)), subj)


def _nested_belief(verb: Token, subj: Token) -> bool:
    """"Scissors said ... whether he believes it will ...": a pronoun's belief inside someone
    else's reported speech is part of that claim, not a second attribution."""
    return verb.lower_ in COGNITION_VERBS and subj.pos_ == "PRON" and any(a.lower_ in SAY_VERBS for a in verb.ancestors)


def build_inverted_item(verb: Token, page: Page) -> dict | None:
    """"<claim>, said <title> <Name> in ..." when the parser gave the verb no subject."""
    if verb.lower_ not in SAY_VERBS or verb.i == 0 or not verb.nbor(-1).is_punct:
        return None
    found = inverted_source(verb)
    if found is None:
        return None
    source, role, s0, s1, head = found
    claim = find_claim(verb, head, page)
    if claim is None or claim[1] > verb.idx:
        return None
    return _item(source, role, cue_text(verb), claim, (s0, s1), (verb.idx, _end(verb)), head)


def find_claim(verb: Token, subj: Token | None, page: Page) -> tuple[int, int] | None:
    """The claim's character span: the quotation adjacent to the verb and its own subject, the
    clausal complement, the object for accusation/figure/description verbs, or a "that" clause
    the parser did not attach. Widened to cover any quote it touches."""
    toks = _complement(verb)
    span = _adjacent_quote(verb, subj, page, toks) if subj is not None else None
    if span is None and toks:
        span = _clip_to_paragraph(_span_chars(toks), verb, page)
    if span is None or span[1] - span[0] < MIN_CLAIM_CHARS:
        return None
    return _widen_to_quotes(span, page)


def _clip_to_paragraph(span: tuple[int, int], verb: Token, page: Page) -> tuple[int, int] | None:
    """Claims do not cross paragraph breaks; the parser's sentences sometimes do."""
    p0, p1 = page.paragraph(verb.idx)
    s, e = max(span[0], p0), min(span[1], p1)
    return (s, e) if s < e else None


def _complement(verb: Token) -> list[Token] | None:
    """Tokens of the reported content from the parse, or None."""
    comp = next((c for c in verb.children if c.dep_ == "ccomp"), None)
    if comp is not None:
        return list(comp.subtree)
    obj = _object_claim(verb)
    if obj is not None:
        return obj
    if verb.lower_ in LEARN_VERBS:
        about = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("of", "about")), None)
        if about is not None:
            return list(about.subtree)
    return _that_clause(verb)


def _object_claim(verb: Token) -> list[Token] | None:
    """The direct object as claim, for the verbs whose object is the content (see word lists)."""
    low = verb.lower_
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is None:
        return None
    toks = list(obj.subtree)
    if low in OBJECT_CLAIM_VERBS:
        return toks + [t for c in verb.children if c.dep_ == "prep" and c.lower_ in ("of", "with") and c.i > obj.i
                       for t in c.subtree]
    if low in FIGURE_OBJECT_VERBS and _is_figure(obj):
        return toks
    as_prep = next((c for c in verb.children if c.lower_ == "as" and c.i > obj.i), None)
    if low in DESCRIBE_VERBS and as_prep is not None:
        return toks + list(as_prep.subtree)
    return None


def _is_figure(obj: Token) -> bool:
    """An object phrase holding a number ("$2.53 in earnings", "a 6th fatality", "plans to
    expand by 30%"): reported figures, unlike "reported the call"."""
    return any(t.like_num or t.tag_ == "$" for t in obj.subtree)


def _that_clause(verb: Token) -> list[Token] | None:
    """"argued for decades that ..." / "claimed at the time that ...": a "that" a few words after
    the verb, in its sentence, which the parser hung elsewhere. The clause runs to the end of
    the subtree of the word "that" attaches to."""
    doc, sent_end = verb.doc, verb.sent.end
    for i in range(verb.i + 1, min(verb.i + THAT_WINDOW, sent_end)):
        tok = doc[i]
        if tok.is_punct:
            return None
        if tok.lower_ == "that" and tok.head.i > tok.i:
            return list(doc[i:tok.head.right_edge.i + 1])
    return None


def _bare_phrasal(verb: Token) -> bool:
    """"point" is a cue only with its particle ("pointed out")."""
    base = next((v for v, _ in PHRASAL_VERBS if v == verb.lower_), None)
    return base is not None and verb.lower_ not in SAY_VERBS and not any(
        (verb.lower_, c.lower_) in PHRASAL_VERBS for c in verb.children if c.dep_ == "prt")


def _adjacent_quote(verb: Token, subj: Token, page: Page, comp: list[Token] | None) -> tuple[int, int] | None:
    """A quote that ends just before the "X said" cluster or starts just after it (only
    punctuation between): `"...," he said.` / `He said: "..."`. A quote before the cluster
    loses to a complement after the verb (`"...". She said residents ...`)."""
    words = [t for t in subj.subtree if not t.is_space]
    lo = min(verb.idx, words[0].idx)
    hi = max(_end(verb), _end(words[-1]))
    comp_after = bool(comp) and min(t.i for t in comp) > verb.i
    before, after = page.ending_before(lo), page.starting_after(hi)
    if before is not None and not comp_after and _is_separator(page.text[before[1]:lo]):
        return before
    if after is not None and _is_separator(page.text[hi:after[0]]):
        return after
    return None


def _is_separator(gap: str) -> bool:
    """Only punctuation and spaces, within one paragraph."""
    return "\n" not in gap and not gap.strip(" ,:\t—-")


def _widen_to_quotes(span: tuple[int, int], page: Page) -> tuple[int, int]:
    """Extend a claim to whole quotations it overlaps (the README's claim is "the quote")."""
    s, e = span
    for q0, q1 in page.overlapping(s, e):
        s, e = min(s, q0), max(e, q1)
    return s, e


def build_according_item(tok: Token) -> dict | None:
    """"according to X, <claim>" / "<claim>, according to X": X is the source, the rest of the
    clause the claim."""
    doc = tok.doc
    if tok.i + 1 >= len(doc) or doc[tok.i + 1].lower_ != "to":
        return None
    obj = next((c for c in doc[tok.i + 1].children if c.dep_ == "pobj"), None)
    if obj is None:
        return None
    phrase = (tok.i, max(t.i for t in tok.subtree) if obj.i < max(t.i for t in tok.subtree) else obj.right_edge.i)
    claim = _clause_without(_governing_verb(tok), phrase)
    if claim is None:
        return None
    source, role, s0, s1 = describe_source(obj)
    return _item(source, role, "according to", claim, (s0, s1), (tok.idx, _end(doc[tok.i + 1])), obj)


def _governing_verb(tok: Token) -> Token:
    """The nearest verb above `tok` (the clause "according to" modifies), else the sentence root."""
    head = tok.head
    # stop at the root (compare .i, never `is`: spaCy makes a new Token per access)
    while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
        head = head.head
    return head


def _clause_without(verb: Token, phrase: tuple[int, int]) -> tuple[int, int] | None:
    """The verb's clause (its subtree minus coordinated clauses) on the side of `phrase` that
    holds the verb ("X is investigating WeWork, according to Y, adding to ..." -> the left)."""
    skip = {t.i for c in verb.children if c.dep_ in ("conj", "cc") and not c.i <= phrase[0] <= c.right_edge.i
            for t in c.subtree}
    idx = [t.i for t in verb.subtree if t.i not in skip]
    sent = verb.sent
    lo, hi = max(min(idx), sent.start), min(max(idx), sent.end - 1)
    left, right = (lo, phrase[0] - 1), (phrase[1] + 1, hi)
    side = left if verb.i < phrase[0] else right  # the side holding the clause's own verb
    toks = [t for t in verb.doc[side[0]:side[1] + 1] if not t.is_space]
    while toks and toks[0].is_punct and toks[0].text not in "“\"":
        toks = toks[1:]
    while toks and toks[-1].is_punct and toks[-1].text not in "”\"":
        toks = toks[:-1]
    span = _span_chars(toks) if toks else None
    return span if span and span[1] - span[0] >= MIN_CLAIM_CHARS else None


def cue_text(verb: Token) -> str:
    """The reporting verb as written, with its perfect auxiliary ("has said"), its addressee for
    "told" ("told Reuters") and a medium ("said in a statement")."""
    doc = verb.doc
    start, end = verb.i, verb.i + 1
    aux = [c for c in verb.children if c.dep_ == "aux" and c.lower_ in ("has", "have", "had") and c.i == verb.i - 1]
    if aux:
        start = aux[0].i
    for child in verb.children:
        if child.i != end:
            continue
        if child.dep_ in ("dobj", "dative") and verb.lower_.startswith(("tel", "tol")):
            end = child.right_edge.i + 1
        elif child.lower_ == "in" and child.dep_ == "prep":
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None and pobj.lower_ in MEDIUM_NOUNS:
                end = pobj.i + 1
    return doc[start:end].text


def finish_source(item: dict, ents: list, previous: list[dict]) -> None:
    """Write pronoun sources as the README does, "He (Ed Alvarez)", resolving the referent, and
    note what later pronouns need (is the source a name, is it plural)."""
    subj: Token = item.pop("_subj")
    item["_plural"] = subj.tag_ in ("NNS", "NNPS")
    if subj.pos_ != "PRON":
        item["_named"] = subj.pos_ == "PROPN" or subj.ent_type_ == "PERSON"
        item["_person"] = subj.ent_type_ == "PERSON" or (item["_named"] and subj.ent_type_ not in PLACE_ENTS)
        return
    item["_named"] = item["_person"] = False
    referent = resolve_pronoun(subj, ents, previous)
    if referent:
        item["source"] = f"{subj.text} ({referent})"


def build_continuations(page: Page, items: list[dict]) -> list[dict]:
    """A quotation with no cue of its own that follows a quoted claim with nothing but
    punctuation or a paragraph break between (the "X said" cluster aside) continues it: same
    source, its own claim. Chains across paragraphs ("A quote that continues in a new paragraph
    gets its own item")."""
    out: list[dict] = []
    anchors = sorted(items, key=_anchor_end)
    covered = Coverage(items)
    k, prev = 0, None
    for q0, q1 in page.quotes:
        while k < len(anchors) and _anchor_end(anchors[k]) <= q0:
            prev, k = anchors[k], k + 1
        if prev is None or covered.hits(q0, q1) or not _starts_sentence(page.text, q0):
            continue
        if not _only_cluster_between(page.text[_anchor_end(prev):q0]) or prev["claim_end"] not in page.ends:
            continue
        item = {**prev, "claim_start": q0, "claim_end": q1, "_cue_at": q0, "_cue_end": q0}
        out.append(item)
        prev = item
    return out


class Coverage:
    """Which stretches of text already belong to an item (its claim) or hold a cue, for
    O(log n) questions: claims sorted by start with a running maximum of their ends."""

    def __init__(self, items: list[dict]) -> None:
        claims = sorted((i["claim_start"], i["claim_end"]) for i in items)
        self.starts = [c[0] for c in claims]
        self.max_end, top = [], -1
        for _, end in claims:
            top = max(top, end)
            self.max_end.append(top)
        self.cues = sorted(i["_cue_at"] for i in items)

    def hits(self, q0: int, q1: int) -> bool:
        """Does a claim overlap [q0, q1), or a cue start inside it?"""
        k = bisect_left(self.starts, q1) - 1
        if k >= 0 and self.max_end[k] > q0:
            return True
        c = bisect_left(self.cues, q0)
        return c < len(self.cues) and self.cues[c] < q1


def _only_cluster_between(gap: str) -> bool:
    """Nothing but the rest of the attribution's own sentence ("in the company's news release.",
    ", Research Director at Amnesty International.") lies between a quote and the next one."""
    body = gap.strip(" \n\t")
    if len(body) > MAX_CLUSTER_TAIL or "\n" in body:
        return False
    return not re.search(r"[.!?]\s", body.rstrip(".!?,;:"))


def _anchor_end(item: dict) -> int:
    """Where an item's text ends: after its claim, source and cue, whichever is last."""
    return max(item["claim_end"], item["source_end"], item["_cue_end"])


def _starts_sentence(text: str, at: int) -> bool:
    """A quote that opens a sentence (not a scare quote inside one)."""
    before = text[max(0, at - 3):at].rstrip(" \t")
    return not before or before[-1] in "\n.!?”\"’"


def drop_duplicates(items: list[dict]) -> list[dict]:
    """One item per (source, claim span): a verb and its conjoined participle can find the same claim."""
    seen, out = set(), []
    for item in items:
        key = (item["source"].lower(), item["claim_start"], item["claim_end"])
        if key not in seen:
            seen.add(key)
            out.append(item)
    return out


def add_chains(items: list[dict]) -> None:
    """`chain`: sources of the items whose claim contains this item's cue, outermost first.
    Claims stay inside one paragraph, so only items starting within MAX_CHAIN_LOOKBACK
    characters before the cue are candidates (keeps this linear on long texts)."""
    ordered = sorted(items, key=lambda i: i["claim_start"])
    starts = [i["claim_start"] for i in ordered]
    for item in items:
        at = item["_cue_at"]
        hi = bisect_right(starts, at)
        lo = bisect_left(starts, at - MAX_CHAIN_LOOKBACK)
        size = item["claim_end"] - item["claim_start"]
        outer = [o for o in ordered[lo:hi] if o is not item and at < o["claim_end"]
                 and o["claim_end"] - o["claim_start"] > size]
        outer.sort(key=lambda o: o["claim_start"] - o["claim_end"])
        item["chain"] = [o["source"] for o in outer]


def public(item: dict) -> dict:
    """The item without its private working keys."""
    out = {k: v for k, v in item.items() if not k.startswith("_")}
    out["claim"] = {"start": item["claim_start"], "end": item["claim_end"]}
    return out


def _item(source: str, role: str | None, cue: str, claim: tuple[int, int], src: tuple[int, int],
          cue_span: tuple[int, int], subj: Token) -> dict:
    return {"source": source, "role": role, "cue": cue, "claim_start": claim[0], "claim_end": claim[1],
            "source_start": src[0], "source_end": src[1], "_cue_at": cue_span[0],
            "_cue_end": cue_span[1], "_subj": subj}


def _negated(verb: Token) -> bool:
    return any(c.dep_ == "neg" for c in verb.children)


def _span_chars(toks: list[Token]) -> tuple[int, int]:
    return min(t.idx for t in toks), max(_end(t) for t in toks)


def _end(tok: Token) -> int:
    return tok.idx + len(tok.text)
