"""Per-Doc lookups that save re-walking spaCy's tokens (issue 15): they must answer exactly what
the slow way answers."""
from __future__ import annotations

from factwire.facts import nlp as nlp_mod
from factwire.facts.attributions import CUE_VERBS, cue_tokens

TEXT = ("Police SAID on Monday that two men were held.  According to the army, the convoy was hit; "
        "officials claimed it was an accident, and the mayor told reporters nothing.")


def test_doc_text_is_the_text_built_once():
    doc = nlp_mod.parse(TEXT)
    assert nlp_mod.doc_text(doc) == doc.text == TEXT
    assert doc.user_data[nlp_mod.TEXT_KEY] is nlp_mod.doc_text(doc)  # the second read is the stored one


def test_cue_tokens_are_the_tokens_a_lowercase_scan_finds():
    doc = nlp_mod.parse(TEXT)
    slow = [t.i for t in doc if t.lower_ == "according" or t.lower_ in CUE_VERBS]
    assert [t.i for t in cue_tokens(doc)] == slow
    assert {t.lower_ for t in cue_tokens(doc)} >= {"said", "according", "claimed", "told"}


def test_cue_tokens_of_an_empty_doc():
    assert cue_tokens(nlp_mod.parse("")) == []


def test_opening_tokens_are_the_tokens_the_token_scan_tested():
    """The column scan picks the tokens a token-by-token test picks: a character opener holding a
    digit, or a word opener ("a"/"an" only before a word the article reading takes)."""
    from factwire.facts.quantities import OPENERS, OPENING_CHARS, opening_tokens
    from factwire.facts.quantities_lexicon import ARTICLE_ONLY, ARTICLE_SCALES, FRACTION_WORDS

    doc = nlp_mod.parse("About two dozen drones and HK$3.5 million, 40% of Rs 20 crore; a few dozen Nato troops, "
                        "Half of the 1,200 residents fled.  Seven were hurt, a dozen missing, a third of US$ bonds.")
    after_article = {"couple", *FRACTION_WORDS, *ARTICLE_SCALES}

    def opens(t) -> bool:
        by_chars = t.text[0] in OPENING_CHARS and any(c.isdigit() for c in t.text)
        nxt = t.nbor().lower_ if t.i + 1 < len(doc) else ""
        return by_chars or (t.lower_ in OPENERS and (t.lower_ not in ARTICLE_ONLY or nxt in after_article))

    slow = [t.i for t in doc if opens(t)]
    assert opening_tokens(doc) == slow
    assert opening_tokens(doc) == slow  # the second pass reads the form cache
    assert {doc[i].lower_ for i in slow} >= {"two", "40", "a", "half", "1,200", "seven", "20"}
    assert {doc[i].text for i in set(range(len(doc))) - set(slow)} >= {"Rs", "US$", "Nato", "a", "About"}


def test_opening_tokens_of_an_empty_doc():
    from factwire.facts.quantities import opening_tokens

    assert opening_tokens(nlp_mod.parse("")) == []


TRICKY = ["", " ", "\n\n  Two  spaces,\ttabs\tand\r\nCRLF.  ", "Ünïcödé — “quotes” … ‘single’ ½ 10km/h e-mail@x.org",
          "word\u00a0nbsp\u2009thin\u200bzero-width", "emoji 🙂🙂 and 😀x", "a" * 30 + "\n\n" + "b. " * 9000]


def test_the_stored_text_is_what_spacy_rebuilds():
    """facts/nlp stores the input text as doc_text: it must equal spaCy's own doc.text for any
    input, including a text long enough to be parsed in pieces (PARSE_PIECE_CHARS)."""
    assert len(TRICKY[-1]) > nlp_mod.PARSE_PIECE_CHARS
    for doc, text in zip(nlp_mod.parse_many(TRICKY), TRICKY):
        assert doc.user_data[nlp_mod.TEXT_KEY] == doc.text == text
    for text in TRICKY[:3]:
        doc = nlp_mod.parse(text)
        assert nlp_mod.doc_text(doc) == doc.text == text


def test_doc_ents_are_the_docs_entities_built_once():
    doc = nlp_mod.parse("Russian drones hit Kyiv and Lviv on Monday, the Ukrainian army said.")
    ents = nlp_mod.doc_ents(doc)
    assert [(e.start, e.end, e.label_) for e in ents] == [(e.start, e.end, e.label_) for e in doc.ents]
    assert nlp_mod.doc_ents(doc) is ents  # the second read is the stored tuple


def test_tokens_with_are_the_tokens_a_word_scan_visits():
    doc = nlp_mod.parse("In Lviv, near the Main Street hospital, IN, WA and the Counties met; in IN.")
    lower_words, orth_words = {"in", "near", "street", "hospital", "counties"}, {"IN", "WA", ","}
    assert nlp_mod.tokens_with(doc, "LOWER", nlp_mod.word_ids(lower_words)) == \
        [t.i for t in doc if t.lower_ in lower_words]
    assert nlp_mod.tokens_with(doc, "ORTH", nlp_mod.word_ids(orth_words)) == [t.i for t in doc if t.text in orth_words]
    assert nlp_mod.tokens_with(nlp_mod.parse(""), "LOWER", nlp_mod.word_ids(lower_words)) == []
