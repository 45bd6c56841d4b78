"""The compiled POS ruler (factwire/facts/pos.py) must give exactly the attribute_ruler's tags."""
from __future__ import annotations

import spacy

from factwire.facts import nlp as nlp_mod
from factwire.facts.pos import PosRuler, compile_rules

TEXTS = [
    "There are three drones over Kyiv, and there were more yesterday.",
    "But he said that nothing had changed; everyone knew it, though somebody denied it.",
    "Russia has launched about 150 missiles at Ukraine since Nov. 11, Oleksii Hromov told reporters.",
    "I gave them mine because they asked me, while she kept hers.",
    "  The   OSCE SMM observed 62 explosions near Lozove.\n\nIt ain't gonna stop, they said.",
    "What if the ceasefire holds? Whether it does or not, shelling continued until 5 p.m.",
]


def _reference():
    return spacy.load(nlp_mod.MODEL, exclude=list(nlp_mod.EXCLUDED_PIPES))


def test_fast_ruler_equals_spacy_attribute_ruler():
    ref = _reference()
    ours = nlp_mod.parse_many(TEXTS)
    assert "attribute_ruler" not in nlp_mod.get_nlp().pipe_names  # the fast path is in use
    for a, b in zip(ours, ref.pipe(TEXTS)):
        assert [(t.text, t.pos_, t.dep_) for t in a] == [(t.text, t.pos_, t.dep_) for t in b]


def test_two_token_rule_applies():
    """en_core_web_sm retags the verb after an expletive 'there' as VERB (a 2-token pattern)."""
    doc = nlp_mod.parse("There are three drones.")
    assert doc[0].dep_ == "expl" and doc[1].pos_ == "VERB"


def test_unknown_pattern_shape_is_not_compiled():
    patterns = [{"patterns": [[{"ORTH": "x"}]], "attrs": {"POS": "X"}, "index": 0}]
    assert compile_rules(patterns) is None


def test_later_pattern_wins():
    patterns = [
        {"patterns": [[{"TAG": "NN"}]], "attrs": {"POS": "NOUN"}, "index": 0},
        {"patterns": [[{"TAG": "NN", "LOWER": {"IN": ["nothing"]}}]], "attrs": {"POS": "PRON"}, "index": 0},
    ]
    ruler = PosRuler(compile_rules(patterns))
    doc = spacy.blank("en")("nothing else")
    doc[0].tag_ = doc[1].tag_ = "NN"
    ruler(doc)
    assert [t.pos_ for t in doc] == ["PRON", "NOUN"]


def _tagged(words: list[str], tags: list[str]):
    from spacy.tokens import Doc

    doc = Doc(spacy.blank("en").vocab, words=words)
    for tok, tag in zip(doc, tags):
        tok.tag_ = tag
    return doc


def test_longer_rule_only_where_it_starts_and_highest_order_wins():
    """A two-token rule fires where its first token matches (also as the last two tokens), not
    when the Doc ends after its first token; a later single-token rule overrides it (ruler order)."""
    patterns = [
        {"patterns": [[{"TAG": "VBZ"}]], "attrs": {"POS": "VERB"}, "index": 0},
        {"patterns": [[{"LOWER": "there"}, {"TAG": "VBZ"}]], "attrs": {"POS": "AUX"}, "index": 1},
        {"patterns": [[{"LOWER": "seems"}]], "attrs": {"POS": "X"}, "index": 0},
    ]
    ruler = PosRuler(compile_rules(patterns))
    doc = ruler(_tagged(["There", "is", "hope", "there", "seems", "there"], ["EX", "VBZ", "NN", "EX", "VBZ", "EX"]))
    assert [t.pos_ for t in doc] == ["", "AUX", "", "", "X", ""]
    doc = ruler(_tagged(["It", "is"], ["PRP", "VBZ"]))  # a second Doc reads the same cache entries
    assert [t.pos_ for t in doc] == ["", "VERB"]


def test_lower_forms_outside_the_patterns_share_one_cache_key():
    """Forms no pattern names are keyed as None: same tags as keying every form, fewer entries."""
    from factwire.facts.pos import lower_vocabulary

    patterns = [
        {"patterns": [[{"TAG": "NN"}]], "attrs": {"POS": "NOUN"}, "index": 0},
        {"patterns": [[{"TAG": "NN", "LOWER": {"IN": ["lot", "bit"]}}]], "attrs": {"POS": "ADV"}, "index": 0},
        {"patterns": [[{"TAG": "NN", "LOWER": {"NOT_IN": ["hope"]}}]], "attrs": {"POS": "X"}, "index": 0},
    ]
    forms = lower_vocabulary(patterns)
    assert forms == {"lot", "bit", "hope"}
    words = ["lot", "hope", "drone", "city", "bit"]
    keyed_by_form = PosRuler(compile_rules(patterns))(_tagged(words, ["NN"] * 5))
    shared = PosRuler(compile_rules(patterns), forms)
    doc = shared(_tagged(words, ["NN"] * 5))
    assert [t.pos_ for t in doc] == [t.pos_ for t in keyed_by_form] == ["X", "NOUN", "X", "X", "X"]
    assert len(shared.cache) == 4  # lot, hope, bit and one shared key for drone and city
    assert lower_vocabulary([{"patterns": [[{"LOWER": {"REGEX": "^x"}}]], "attrs": {"POS": "X"}}]) is None


def test_the_models_patterns_have_a_finite_lower_vocabulary():
    ruler = nlp_mod._pos_ruler()
    assert ruler.lower_forms is not None and 0 < len(ruler.lower_forms) < 1000


def test_dep_rules_change_only_differing_labels_and_longer_rules_override():
    """DEP is written where the winning rule's label differs; a longer rule's later DEP wins
    over the single-token rule at the same position (ruler order), an earlier one does not."""
    patterns = [
        {"patterns": [[{"TAG": "EX", "DEP": "nsubj"}]], "attrs": {"DEP": "expl"}, "index": 0},
        {"patterns": [[{"TAG": "EX"}, {"TAG": "VBZ"}]], "attrs": {"DEP": "ROOT", "POS": "AUX"}, "index": 1},
        {"patterns": [[{"TAG": "VBZ", "DEP": "ROOT"}]], "attrs": {"DEP": "aux"}, "index": 0},
    ]
    doc = _tagged(["there", "is", "there", "is"], ["EX", "VBZ", "EX", "VBZ"])
    for tok, dep in zip(doc, ["nsubj", "ROOT", "expl", "dep"]):
        tok.dep_ = dep
    PosRuler(compile_rules(patterns))(doc)
    # token 1: single rule says aux (order 2) over the longer rule's ROOT (order 1); token 3:
    # only the longer rule applies (its dep is not ROOT), so ROOT
    assert [t.dep_ for t in doc] == ["expl", "aux", "expl", "ROOT"]
    assert [t.pos_ for t in doc] == ["", "AUX", "", "AUX"]


def test_distinct_rows_numbers_rows_exactly_even_past_int64():
    """Rows are grouped exactly as numpy.unique(axis=0) groups them, also when the product of
    the columns' distinct counts would overflow the combined int64 key."""
    import numpy

    from factwire.facts.pos import _distinct_rows

    rng = numpy.random.default_rng(7)
    for shape, high in (((500, 4), 6), ((3000, 6), 2**63)):
        cols = rng.integers(0, high, size=shape, dtype=numpy.uint64)
        cols[::3] = cols[0]  # repeated rows
        rows, where = _distinct_rows(cols)
        assert [rows[k] for k in where] == list(map(tuple, cols.tolist()))
        assert len(rows) == len(numpy.unique(cols, axis=0))
