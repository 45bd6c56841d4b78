"""Entities: PERSON, ORG, GPE, LOC, NORP, EVENT spans with offsets into doc.text.

spaCy's small English model does most of the work; three small generic repairs follow:
* a one-word ORG/PERSON the gazetteer knows as a place becomes GPE (sm tags Kharkiv and
  Kherson as ORG) -- the same test the places extractor uses;
* a one-word ORG that is a word of a longer PERSON in the article becomes PERSON
  ("Adam Neumann" ... "Neumann" tagged ORG);
* capitalised words right after an official title that no entity covers are a PERSON
  ("Deputy Chief of General Staff Oleksii Hromov", which sm misses).
FAC is reported as LOC (the record has no FAC label). A NORP naming a nation or a region
carries it: "Turkish" -> `"country": "TR"`, "European" -> `"region": "Europe"` (data/demonyms.tsv,
places_aliases): where an adjective puts a story, without making it a place mention.
"""
from __future__ import annotations

from spacy.attrs import LOWER
from spacy.strings import hash_string

from factwire.deadline import check_deadline

from .gazetteer import get_demonyms, get_gazetteer
from .nlp import doc_ents
from .places_aliases import NATION_ADJECTIVES, REGION_ADJECTIVES
from .places_spans import RELABEL_LABELS, _relabel_part, _words_in_long_persons

KEEP = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "GPE", "LOC": "LOC", "FAC": "LOC",
        "NORP": "NORP", "EVENT": "EVENT"}
#: Title words after which an untagged capitalised pair is a person's name.
TITLE_WORDS = frozenset({
    "president", "minister", "chief", "secretary", "general", "staff", "spokesman",
    "spokeswoman", "spokesperson", "director", "commander", "governor", "senator", "rep.",
    "ambassador", "mayor", "chairman", "chairwoman", "ceo", "officer", "envoy", "judge",
    "prosecutor", "lt.", "col.", "gen.", "sgt.", "capt.", "gov.", "sen.", "dr.", "mr.", "mrs.",
    "ms.", "adviser", "advisor", "head", "leader", "deputy", "colonel", "major", "captain",
})
TITLE_IDS = frozenset(hash_string(word) for word in TITLE_WORDS)
#: Department and rank words that spaCy sm tags ORG when they only modify a title or a noun.
MODIFIER_WORDS = frozenset({
    "defense", "defence", "supreme", "interior", "foreign", "justice", "treasury", "homeland",
    "commerce", "energy", "labor", "labour", "education", "health", "transportation", "transport",
    "agriculture", "finance", "trade", "veterans", "intelligence", "security", "state",
})
#: A person's name after a title has 2-3 words ("Oleksii Hromov", "Mary Ann Smith").
NAME_TOKENS = (2, 3)


def find_entities(doc, published=None) -> list[dict]:
    """Every kept entity as {"text","label","start","end"}, in text order."""
    gaz = get_gazetteer()
    person_words = _words_in_long_persons(doc)
    out = [_item(ent, _label(doc, ent, gaz, person_words)) for ent in doc_ents(doc)
           if ent.label_ in KEEP and any(c.isalpha() for c in ent.text)  # no "✓" NORP/PERSON
           and not _title_modifier(doc, ent)]
    for item in out:
        if item["label"] == "NORP":
            item.update(nationality_of(item["text"]))
    out += _titled_persons(doc)
    return sorted(out, key=lambda e: e["start"])


def nationality_of(text: str) -> dict:
    """{"country": ISO-2} for a nationality adjective ("Turkish", "the British"), {"region":
    name} for a region's ("European"), {} otherwise: what a NORP says about where."""
    word = text[4:] if text.lower().startswith("the ") else text
    cc = get_demonyms().get(word) or NATION_ADJECTIVES.get(word)
    if cc:
        return {"country": cc}
    return {"region": REGION_ADJECTIVES[word]} if word in REGION_ADJECTIVES else {}


def _title_modifier(doc, ent) -> bool:
    """A lone department/rank word that only modifies what follows ("Defense Secretary Lloyd
    Austin", "Defense officials", "Supreme leader"): spaCy sm calls it ORG; it names no
    organisation by itself (the whole "Defense Department", "Supreme Court" stays ORG)."""
    if ent.label_ != "ORG" or len(ent) != 1 or ent.text.lower() not in MODIFIER_WORDS or ent.end >= len(doc):
        return False
    nxt = doc[ent.end]
    return nxt.is_alpha and ((nxt.is_lower and nxt.pos_ == "NOUN") or nxt.lower_ in TITLE_WORDS)


def _label(doc, ent, gaz, person_words: set[str]) -> str:
    """The entity's label after the relabel step."""
    if ent.label_ not in RELABEL_LABELS or len(ent) != 1:
        return KEEP[ent.label_]
    if ent.label_ == "ORG" and ent[0].lower_ in person_words:
        return "PERSON"
    if _relabel_part(doc, ent.start, ent.end, gaz, person_words):
        return "GPE"
    return KEEP[ent.label_]


def _item(span, label: str) -> dict:
    return {"text": span.text, "label": label, "start": span.start_char, "end": span.end_char}


def _titled_persons(doc) -> list[dict]:
    """Untagged capitalised name words right after a title word ("... Staff Oleksii Hromov").
    Title words are found in the Doc's LOWER column: no Token object for the ~1,000 others."""
    out = []
    lowers = doc.to_array(LOWER).tolist() if len(doc) else []
    for k in [k for k, low in enumerate(lowers) if low in TITLE_IDS]:
        check_deadline()
        tok = doc[k]
        if not tok.text[:1].isupper():
            continue
        i = tok.i + 1
        j = i
        while j < len(doc) and j - i < NAME_TOKENS[1] and _untagged_name_word(doc[j]):
            j += 1
        if j - i >= NAME_TOKENS[0]:
            out.append(_item(doc[i:j], "PERSON"))
    return out


def _untagged_name_word(tok) -> bool:
    return tok.is_alpha and tok.is_title and not tok.ent_type_ and not tok.is_sent_start \
        and tok.lower_ not in TITLE_WORDS
