"""A place mention and the few token tests both mention finders share (places_spans for
entities, places_patterns for text patterns); kept apart so neither imports the other."""
from __future__ import annotations

from dataclasses import dataclass

from .gazetteer import Place

#: Entities after which a capitalised word is not a name continuation ("in London Tuesday").
NON_NAME_LABELS = frozenset({"GPE", "LOC", "NORP", "DATE", "TIME", "CARDINAL", "ORDINAL"})
#: Parts of speech that never continue a name ("in Portugal The pair...": a lost full stop).
FUNCTION_POS = frozenset({"DET", "PRON", "ADP", "CCONJ", "SCONJ", "AUX", "PART"})
#: Words that extend a place name to the unit it names ("Zabul province", "Kherson Oblast").
ADMIN_WORDS = frozenset({"province", "state", "region", "oblast", "county", "district",
                         "governorate", "prefecture", "territory"})
#: Longest unknown GPE/LOC/FAC span sent to the small-places fallback ("Staryi Uhryniv" is 2,
#: "Korsun-Shevchenkivskyi" 3 tokens); longer unknown spans are descriptions, not villages.
MAX_FALLBACK_TOKENS = 3


@dataclass(frozen=True)
class Mention:
    """A span of doc.text and every place its name may mean."""

    start: int
    end: int
    text: str
    key: str
    candidates: list[Place]
    #: No main-gazetteer entry: resolve among small places (places_small) if context allows.
    fallback: bool = False
    #: A street, road or building: located by the article's locality (places_facilities).
    facility: bool = False


def modifies_a_name(doc, i: int) -> bool:
    """True when token i continues a proper name the place word belongs to ("Post" after
    "Washington", "President" after "US"): capitalised, not sentence-initial, and not itself
    a place, a nationality or a date."""
    if i >= len(doc):
        return False
    tok = doc[i]
    if not tok.text.rstrip(".").isalpha() or not tok.text[0].isupper() or tok.is_sent_start:
        return False
    if tok.pos_ in FUNCTION_POS:
        return False
    if tok.ent_type_ == "PERSON" and tok.ent_iob_ == "B":  # "ambassador to Britain Liu Xiaming"
        return False
    return tok.ent_type_ not in NON_NAME_LABELS
