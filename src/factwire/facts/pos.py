"""Coarse part-of-speech tags without spaCy's attribute_ruler: the same rules, compiled to lookups.

Why: in en_core_web_sm the attribute_ruler (179 Matcher patterns run over every token) cost
20 ms of ~150 ms per DEV extraction article (profiled on 40 scrapinghub-dev pages), more than the
tagger and as much as the parser; the facts only read `token.pos_` (never MORPH or LEMMA). The
ruler's own POS/DEP patterns are compiled once into a per-(tag, lower, dep, is_space) cache, so
the result is the ruler's result (later patterns win, as in spaCy's AttributeRuler.match).
tests/facts/test_pos.py checks token-for-token equality with the real ruler.

Only pattern shapes the model actually uses are compiled; anything else makes `compile_rules`
return None and the caller keeps the real attribute_ruler.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

#: Token attributes a compiled pattern may test (en_core_web_sm 3.8 uses only these), and
#: their place in the per-token key.
KEY_INDEX = {"TAG": 0, "LOWER": 1, "DEP": 2, "IS_SPACE": 3}
#: Attributes we reproduce; MORPH and LEMMA are left out because no factwire code reads them.
OUTPUT_ATTRS = ("POS", "DEP")
#: The cache keys are (tag, lower, dep, is_space); clear it past this many (memory bound).
CACHE_LIMIT = 200_000

Test = Callable[[Any], bool]


@dataclass(slots=True)
class Rule:
    order: int
    tokens: list[list[tuple[int, Test]]]
    index: int
    attrs: dict[str, str]


def _compile_value(spec: Any) -> Test | None:
    if not isinstance(spec, dict):
        return lambda v, s=spec: v == s
    if set(spec) == {"IN"}:
        allowed = frozenset(spec["IN"])
        return lambda v: v in allowed
    if set(spec) == {"NOT_IN"}:
        banned = frozenset(spec["NOT_IN"])
        return lambda v: v not in banned
    if set(spec) == {"REGEX"}:
        rx = re.compile(spec["REGEX"])
        return lambda v: isinstance(v, str) and rx.search(v) is not None
    return None


def _compile_token(tok: dict) -> list[tuple[int, Test]] | None:
    if not set(tok) <= set(KEY_INDEX):
        return None
    tests = [(KEY_INDEX[key], _compile_value(spec)) for key, spec in tok.items()]
    return None if any(test is None for _, test in tests) else tests  # type: ignore[return-value]


def compile_rules(patterns: list[dict]) -> list[Rule] | None:
    """The ruler's patterns that set POS or DEP as Rules, in the ruler's order; None when a
    pattern uses something this module does not reproduce."""
    rules = []
    for order, pat in enumerate(patterns):
        attrs = {k: v for k, v in pat["attrs"].items() if k in OUTPUT_ATTRS}
        if not attrs:
            continue
        for seq in pat["patterns"]:
            tokens = [_compile_token(tok) for tok in seq]
            if None in tokens:
                return None
            rules.append(Rule(order, tokens, pat.get("index", 0), attrs))  # type: ignore[arg-type]
    return rules


def _matches(tests: list[tuple[int, Test]], key: tuple) -> bool:
    return all(test(key[i]) for i, test in tests)


def _tag_may_match(rule: Rule, tag: str) -> bool:
    return all(test(tag) for i, test in rule.tokens[0] if i == KEY_INDEX["TAG"])


class PosRuler:
    """Applies compiled rules to a Doc: single-token rules through a cache keyed by the token's
    (tag, lower, dep, is_space) hashes, pre-filtered by tag; longer rules by a scan.  All in
    numpy over `Doc.to_array` (the rules are looked up once per distinct key, POS written with
    one `Doc.from_array`): a Python Token per token, twice, was most of the ~2 ms a text."""

    def __init__(self, rules: list[Rule]):
        self.single = [r for r in rules if len(r.tokens) == 1]
        self.multi = [r for r in rules if len(r.tokens) > 1]
        self.by_tag: dict[str, list[Rule]] = {}
        self.cache: dict[tuple, tuple[dict[str, tuple[int, str]], tuple[tuple[bool, ...], ...]]] = {}

    def _rules_for(self, tag: str) -> list[Rule]:
        rules = self.by_tag.get(tag)
        if rules is None:
            rules = self.by_tag[tag] = [r for r in self.single if _tag_may_match(r, tag)]
        return rules

    def _entry(self, ids: tuple, strings):
        """(single-token result, per multi-token rule which of its tokens match) for a token whose
        (TAG, LOWER, DEP, IS_SPACE) hashes are `ids`."""
        hit = self.cache.get(ids)
        if hit is None:
            if len(self.cache) > CACHE_LIMIT:
                self.cache.clear()
            key = (strings[ids[0]], strings[ids[1]], strings[ids[2]], bool(ids[3]))
            single: dict[str, tuple[int, str]] = {}
            for rule in self._rules_for(key[0]):
                if _matches(rule.tokens[0], key):
                    single.update({a: (rule.order, v) for a, v in rule.attrs.items()})
            multi = tuple(tuple(_matches(t, key) for t in rule.tokens) for rule in self.multi)
            hit = self.cache[ids] = (single, multi)
        return hit

    def _multi(self, entries: list, inverse, slots: list[dict]) -> dict[int, dict]:
        """Multi-token rules, as a scan over every token's match flags: {token index: its slot
        as the rules change it} (few tokens; the others keep their single-token slot)."""
        import numpy

        changed: dict[int, dict] = {}
        if not self.multi:
            return changed
        width = max(len(rule.tokens) for rule in self.multi)
        by_key = numpy.zeros((len(entries), len(self.multi), width), dtype=bool)
        for u, (_, multi) in enumerate(entries):
            for r, hits in enumerate(multi):
                by_key[u, r, :len(hits)] = hits
        flags, n_tok = by_key[inverse], len(inverse)
        for r, rule in enumerate(self.multi):
            n = len(rule.tokens)
            hit = flags[:max(0, n_tok - n + 1), r, 0].copy()
            for k in range(1, n):
                hit &= flags[k:n_tok - n + 1 + k, r, k]
            for i in hit.nonzero()[0].tolist():
                j = i + rule.index
                slot = changed[j] = dict(changed.get(j, slots[inverse[j]]))
                for attr, val in rule.attrs.items():
                    if attr not in slot or slot[attr][0] <= rule.order:
                        slot[attr] = (rule.order, val)
        return changed

    def __call__(self, doc):
        import numpy
        from spacy.attrs import DEP, IS_SPACE, LOWER, POS, TAG

        if not len(doc):
            return doc
        arr = doc.to_array([TAG, LOWER, DEP, IS_SPACE, POS])
        keys, inverse = numpy.unique(arr[:, :4], axis=0, return_inverse=True)
        inverse = inverse.reshape(-1)
        entries = [self._entry(tuple(row), doc.vocab.strings) for row in keys.tolist()]
        slots = [entry[0] for entry in entries]
        changed = self._multi(entries, inverse, slots)
        _write_pos(doc, arr[:, 4], inverse, slots, changed)
        _write_dep(doc, keys[:, 2], inverse, slots, changed)
        return doc


def _write_pos(doc, old, inverse, slots: list[dict], changed: dict[int, dict]) -> None:
    """POS from the chosen slots (a token no rule sets keeps its POS), in one Doc.from_array."""
    import numpy
    from spacy.attrs import POS
    from spacy.parts_of_speech import IDS

    has = numpy.array(["POS" in slot for slot in slots], dtype=bool)
    ids = numpy.array([IDS[slot["POS"][1]] if "POS" in slot else 0 for slot in slots], dtype=old.dtype)
    pos = numpy.where(has[inverse], ids[inverse], old)
    for i, slot in changed.items():
        if "POS" in slot:
            pos[i] = IDS[slot["POS"][1]]
    doc.from_array([POS], pos.reshape(-1, 1))


def _write_dep(doc, old_deps, inverse, slots: list[dict], changed: dict[int, dict]) -> None:
    """DEP labels the rules rename (rare: token by token), leaving the tree as it is."""
    import numpy

    strings = doc.vocab.strings
    renamed = [u for u, slot in enumerate(slots) if "DEP" in slot and strings[int(old_deps[u])] != slot["DEP"][1]]
    todo = {i: slots[inverse[i]] for i in numpy.isin(inverse, renamed).nonzero()[0].tolist()} if renamed else {}
    todo.update(changed)
    for i, slot in todo.items():
        if "DEP" in slot and doc[i].dep_ != slot["DEP"][1]:
            doc[i].dep_ = slot["DEP"][1]
