"""Matching predicted facts to hand-annotated gold, by the rules of the facts benchmark's scorer
(restated here so the suite needs nothing outside the repo; the gates use the scorer itself).

One-to-one, greedy by largest span overlap, per article and field; a pair must overlap and:
  quantities   -- equal value (relative tolerance 1e-6) and relation (and value_max for a range);
  dates        -- equal `from` and `to`;
  places       -- equal country, and for a city a point within 50 km of the gold point;
  attributions -- overlapping claim spans and a content word shared by the two sources."""
from __future__ import annotations

import math
import re

#: Words two source strings may share without naming the same source (the scorer's list).
STOP = {"the", "a", "an", "of", "for", "and", "in", "at", "to", "on", "by", "with", "from", "s", "his",
        "her", "its", "their", "he", "she", "it", "they"}
#: A predicted city this far from the gold point is another place (the scorer's bound).
CITY_KM = 50.0


def span(item: dict, field: str) -> tuple[int, int]:
    if field == "attributions":
        return item["claim_start"], item["claim_end"]
    return item["start"], item["end"]


def _close(a: float | None, b: float | None) -> bool:
    return a is not None and b is not None and abs(a - b) <= 1e-6 * max(1.0, abs(a), abs(b))


def _km(g: dict, p: dict) -> float:
    la1, la2 = math.radians(g["lat"]), math.radians(p["lat"])
    dlon = math.radians(p["lon"] - g["lon"])
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin(dlon / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def _words(s: str | None) -> set[str]:
    return {t for t in re.findall(r"\w+", (s or "").lower()) if t not in STOP}


def agrees(field: str, g: dict, p: dict) -> bool:
    """Whether predicted item p says what gold item g says (spans aside)."""
    if field == "quantities":
        same = _close(g["value"], p.get("value")) and g["relation"] == (p.get("relation") or "eq")
        return same and (g["relation"] != "range" or _close(g.get("value_max"), p.get("value_max")))
    if field == "dates":
        return g["from"] == p.get("from") and g["to"] == p.get("to")
    if field == "places":
        if (g["country"] or "").upper() != (p.get("country") or "").upper():
            return False
        return g["kind"] != "city" or (p.get("lat") is not None and _km(g, p) < CITY_KM)
    return bool(_words(g["source"]) & _words(p.get("source")))


def match(field: str, gold: list[dict], pred: list[dict]) -> list[tuple[int, int]]:
    """(gold index, predicted index) pairs."""
    cands = []
    for i, g in enumerate(gold):
        for j, p in enumerate(pred):
            (gs, ge), (ps, pe) = span(g, field), span(p, field)
            overlap = min(ge, pe) - max(gs, ps)
            if overlap > 0 and agrees(field, g, p):
                cands.append((-overlap, i, j))
    used_g, used_p, pairs = set(), set(), []
    for _, i, j in sorted(cands):
        if i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
            pairs.append((i, j))
    return pairs
