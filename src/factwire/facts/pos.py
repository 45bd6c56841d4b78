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

import numpy
from spacy.attrs import DEP, IS_SPACE, LOWER, POS, TAG
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.strings import hash_string

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


def lower_vocabulary(patterns: list[dict]) -> frozenset[str] | None:
    """Every lower-case form a POS/DEP pattern tests (LOWER equal to, IN or NOT_IN a list), or
    None when one tests LOWER otherwise (a REGEX).  Any other form fails every equality and IN
    test and passes every NOT_IN test alike, so the ruler may key its cache on None for all of
    them: the cache then holds ~tags x deps entries instead of one per word seen."""
    forms: set[str] = set()
    for pat in patterns:
        if not any(k in OUTPUT_ATTRS for k in pat["attrs"]):
            continue
        for tok in (tok for seq in pat["patterns"] for tok in seq):
            spec = tok.get("LOWER")
            if spec is None:
                continue
            if isinstance(spec, str):
                forms.add(spec)
            elif isinstance(spec, dict) and set(spec) <= {"IN", "NOT_IN"}:
                forms.update(*spec.values())
            else:
                return None
    return frozenset(forms)


def _matches(tests: list[tuple[int, Test]], key: tuple) -> bool:
    return all(test(key[i]) for i, test in tests)


def _tag_may_match(rule: Rule, tag: str) -> bool:
    return all(test(tag) for i, test in rule.tokens[0] if i == KEY_INDEX["TAG"])


class PosRuler:
    """Applies compiled rules to a Doc: single-token rules through a cache keyed by the token's
    (tag, lower, dep, is_space), pre-filtered by tag; longer rules only where their first token
    matches (the same cache entry lists the longer rules a key can start)."""

    def __init__(self, rules: list[Rule], lower_forms: frozenset[str] | None = None):
        #: `lower_vocabulary` of the patterns: other forms are keyed as None (None: every form kept).
        self.lower_forms = lower_forms
        self.single = [r for r in rules if len(r.tokens) == 1]
        self.multi = [r for r in rules if len(r.tokens) > 1]
        self.by_tag: dict[str, list[Rule]] = {}
        #: key -> (the single-token rules' {attr: (order, value)}, the longer rules it may start)
        self.cache: dict[tuple, tuple[dict[str, tuple[int, str]], tuple[Rule, ...]]] = {}
        #: the tokens' column ids (TAG, LOWER, DEP, IS_SPACE) -> (string key, its cache entry)
        self.by_ids: dict[tuple[int, int, int, int], tuple[tuple, dict, tuple[Rule, ...]]] = {}
        #: the LOWER ids of `lower_forms` (None: every form is its own key)
        self.form_ids = None if lower_forms is None else numpy.array(
            sorted(hash_string(form) for form in lower_forms), dtype=numpy.uint64)

    def _rules_for(self, tag: str) -> list[Rule]:
        rules = self.by_tag.get(tag)
        if rules is None:
            rules = self.by_tag[tag] = [r for r in self.single if _tag_may_match(r, tag)]
        return rules

    def _entry(self, key: tuple) -> tuple[dict[str, tuple[int, str]], tuple[Rule, ...]]:
        """The cache entry of `key`, computed on a miss (the cache is cleared past CACHE_LIMIT)."""
        if len(self.cache) > CACHE_LIMIT:
            self.cache.clear()
        hit: dict[str, tuple[int, str]] = {}
        for rule in self._rules_for(key[0]):
            if _matches(rule.tokens[0], key):
                hit.update({a: (rule.order, v) for a, v in rule.attrs.items()})
        starts = tuple(rule for rule in self.multi if _matches(rule.tokens[0], key))
        entry = self.cache[key] = (hit, starts)
        return entry

    def _id_entry(self, ids: tuple[int, int, int, int], strings) -> tuple[tuple, dict, tuple[Rule, ...]]:
        """The entry of a token's (TAG, LOWER, DEP, IS_SPACE) column ids (LOWER 0: a form no
        pattern tests): its string key, as the rules test it, and that key's cache entry."""
        if len(self.by_ids) > CACHE_LIMIT:
            self.by_ids.clear()
        tag, lower, dep, space = ids
        low = strings[lower] if lower else ""  # no token is empty: 0 stands for "a form no rule tests"
        if self.lower_forms is not None and low not in self.lower_forms:
            low = None
        key = (strings[tag], low, strings[dep], bool(space))
        hit, starts = self.cache.get(key) or self._entry(key)
        entry = self.by_ids[ids] = (key, hit, starts)
        return entry

    def __call__(self, doc):
        """The rules over `doc`, read from its columns, each distinct (tag, form, dep, space) row
        looked up once; a Token object is built only where a DEP changes (spaCy builds one on
        every `doc[i]`: the per-token reads cost ~1.3 ms a page)."""
        if not len(doc):
            return doc
        cols = doc.to_array([TAG, LOWER, DEP, IS_SPACE])
        if self.form_ids is not None:
            cols[~_member(cols[:, 1], self.form_ids), 1] = 0  # every other form: one key (None)
        rows, where = _distinct_rows(cols)
        strings = doc.vocab.strings
        entries = [self.by_ids.get(ids) or self._id_entry(ids, strings) for ids in rows]
        pos = doc.to_array(POS)
        ruled = [POS_IDS[e[1]["POS"][1]] if "POS" in e[1] else -1 for e in entries]
        new_pos = numpy.array(ruled, dtype=numpy.int64)[where]
        pos = numpy.where(new_pos >= 0, new_pos, pos.astype(numpy.int64)).astype(numpy.uint64)
        merged = self._multi(entries, where) if any(e[2] for e in entries) else {}
        for j, slot in merged.items():
            if "POS" in slot:
                pos[j] = POS_IDS[slot["POS"][1]]
        doc.from_array([POS], pos)
        changes = [k for k, e in enumerate(entries) if "DEP" in e[1] and e[1]["DEP"][1] != e[0][2]]
        for i in (_positions(where, changes, len(entries)) if changes else ()):
            if i not in merged:
                doc[i].dep_ = entries[where[i]][1]["DEP"][1]
        for j, slot in merged.items():
            if "DEP" in slot and entries[where[j]][0][2] != slot["DEP"][1]:
                doc[j].dep_ = slot["DEP"][1]
        return doc

    def _multi(self, entries: list, where) -> dict[int, dict[str, tuple[int, str]]]:
        """The slots the longer rules change: position -> the token's single-rule slot merged
        with every longer rule matching there (the highest rule order wins per attribute)."""
        key_at = [entries[k][0] for k in where.tolist()]
        merged: dict[int, dict[str, tuple[int, str]]] = {}
        for i in _positions(where, [k for k, e in enumerate(entries) if e[2]], len(entries)):
            for rule in entries[where[i]][2]:
                n = len(rule.tokens)
                if i + n > len(key_at) or not all(_matches(t, key_at[i + k]) for k, t in enumerate(rule.tokens[1:], 1)):
                    continue
                j = i + rule.index
                slot = merged.setdefault(j, dict(entries[where[j]][1]))
                for attr, val in rule.attrs.items():
                    if attr not in slot or slot[attr][0] <= rule.order:
                        slot[attr] = (rule.order, val)
        return merged


def _distinct_rows(cols) -> tuple[list[tuple[int, ...]], Any]:
    """The distinct rows of a 2-D uint64 array (as tuples) and each row's index among them:
    each column is numbered densely (a 1-D sort each), the numbers combined into one exact
    integer key, and that sorted once (a 2-D `numpy.unique(axis=0)` is several times slower)."""
    key = numpy.zeros(len(cols), dtype=numpy.int64)
    for k in range(cols.shape[1]):
        values, index = numpy.unique(cols[:, k], return_inverse=True)
        if (int(key.max()) + 1) * len(values) >= 2**62:  # keep the combined key exact in int64
            key = numpy.unique(key, return_inverse=True)[1].reshape(-1)
        key = key * len(values) + index.reshape(-1)
    _, first, where = numpy.unique(key, return_index=True, return_inverse=True)
    return list(map(tuple, cols[first].tolist())), where.reshape(-1)


def _member(values, sorted_ids) -> Any:
    """values[i] in sorted_ids, elementwise (a binary search; `numpy.isin` sorts both arrays)."""
    if not len(sorted_ids):
        return numpy.zeros(len(values), dtype=bool)
    at = numpy.minimum(numpy.searchsorted(sorted_ids, values), len(sorted_ids) - 1)
    return sorted_ids[at] == values


def _positions(where, rows: list[int], n_rows: int) -> list[int]:
    """The positions whose distinct-row index is one of `rows`."""
    wanted = numpy.zeros(n_rows, dtype=bool)
    wanted[rows] = True
    return numpy.flatnonzero(wanted[where]).tolist()
