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

    def _apply_multi(self, keys: list[tuple], chosen: list[dict], starts: list[tuple[Rule, ...]]) -> None:
        """Longer rules at the positions whose token can start them; the highest rule order wins
        per attribute, as in the ruler (the result does not depend on the order positions are tried)."""
        for i in [i for i, rules in enumerate(starts) if rules]:
            for rule in starts[i]:
                n = len(rule.tokens)
                if i + n > len(keys) or not all(_matches(t, keys[i + k]) for k, t in enumerate(rule.tokens[1:], 1)):
                    continue
                j = i + rule.index
                slot = chosen[j] = dict(chosen[j])
                for attr, val in rule.attrs.items():
                    if attr not in slot or slot[attr][0] <= rule.order:
                        slot[attr] = (rule.order, val)

    def __call__(self, doc):
        tokens = list(doc)  # one Token object each: spaCy builds a new one on every iteration
        forms = self.lower_forms
        if forms is None:
            keys = [(tok.tag_, tok.lower_, tok.dep_, tok.is_space) for tok in tokens]
        else:
            keys = [(tok.tag_, low if (low := tok.lower_) in forms else None, tok.dep_, tok.is_space) for tok in tokens]
        cache = self.cache
        entries = [cache.get(key) or self._entry(key) for key in keys]
        chosen = [entry[0] for entry in entries]
        self._apply_multi(keys, chosen, [entry[1] for entry in entries])
        for tok, slot in zip(tokens, chosen):
            if "POS" in slot:
                tok.pos_ = slot["POS"][1]
            if "DEP" in slot and tok.dep_ != slot["DEP"][1]:
                tok.dep_ = slot["DEP"][1]
        return doc
