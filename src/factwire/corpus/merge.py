"""Cross-article events: the same real-world event reported by several articles becomes one
corpus event with all its sources and the spread of the numbers they gave.

Why rules and not a learned similarity: an analyst must be able to read why two reports were
joined (every corpus event carries its `explanation`) and undo it (`merge=False`).

Two article events are the same event when:
  - same event type, and the same sub-event type when both have one;
  - their dates overlap, and the overlap covers at least DATE_COVER_MIN of the longer span
    (so a one-day strike is not swallowed by a week-long "since November 11" tally);
  - same place (within PLACE_RADIUS_KM of each other) or same actors (actor_norm, and
    target_norm when both have one);
and nothing vetoes it: places known at city level further apart than the radius, different
countries, different actors, incompatible counts for the same item, different modality
(planned is never merged with reported), or both coming from the same sentence of one article.

Clustering is complete-linkage on the vetoes: an event joins a corpus event only if no rule
vetoes it against any member (so A~B and B~C never drag in an incompatible A/C pair) and a
joining rule ties it to at least one member. Events are visited in a
fixed order (date, publication, id), so the output is deterministic.

Syndicated copies are not independent sources. An event may carry `copy_of` (the canonical
article id, from ingest's copies table). Before clustering, a copy's event is folded into its
twin in the canonical article (same coded slots; offsets and relative dates may differ): it
becomes a member of the twin's corpus event, listed under the canonical article's source entry
as `copies` (site, url), and adds no source, numbers, dates or place. A copy's event with no
twin (the canonical article lost that paragraph) is clustered like any other but counts as its
canonical article in `n_sources`, and is marked `copy_of`. Folding rather than skipping keeps
every URL that carried the story and the events only a copy still has.
"""
from __future__ import annotations

import calendar
import hashlib
import math
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import Any

# Two city-level places within this distance are the same place. 25 km: a city and its
# suburbs/outskirts (Kyiv's oblast towns like Irpin and Bucha are 20-25 km from the centre),
# while the nearest distinct cities reported in the same strike waves (Kyiv-Bila Tserkva 80 km,
# Dnipro-Kamianske 35 km) stay apart.
PLACE_RADIUS_KM = 25.0
# Location kinds too coarse for the distance rule: they neither join nor (unless their
# countries differ) veto.
COARSE_KINDS = frozenset({"country", "region", "admin1", "admin2", "state", "province",
                          "oblast", "continent", "sea"})
# The date overlap must cover this share of the longer of the two spans. A day inside a
# four-day "earlier this week" passes (0.25); a day inside a week-long tally does not (0.14).
DATE_COVER_MIN = 0.25
# Counts of the same item are compatible when the larger is at most this many times the
# smaller (outlets round, and tallies grow as reports come in: 90 vs 100 missiles, 25 vs 40
# drones), or differ by at most COUNT_ABS_SLACK (1 vs 3 killed), or when a relation makes them
# ranges that intersect ("more than 25" and 30).
COUNT_RATIO_MAX = 2.0
COUNT_ABS_SLACK = 3
# Fatality tolls grow faster between first and later reports: a wider factor.
FATALITY_RATIO_MAX = 3.0
# "approx N" is read as the range N/APPROX_SPREAD .. N*APPROX_SPREAD.
APPROX_SPREAD = 1.25
EARTH_KM = 6371.0


@dataclass
class Check:
    """The outcome of one rule on a pair: joins (True), vetoes (False) or says nothing (None)."""
    rule: str
    verdict: bool | None
    why: str


#: A date known to the month or year only ('2022-11', '2022').
PARTIAL_DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2}))?$")


def parse_day(value: Any) -> date | None:
    """ISO date (or datetime text) -> date; anything else -> None."""
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def day_range(value: Any) -> tuple[date, date] | None:
    """An ISO date at its precision -> its first and last day: '2022-11-17' is one day,
    '2022-11' the whole of November, '2022' the year; anything else -> None."""
    day = parse_day(value)
    if day is not None:
        return day, day
    m = PARTIAL_DATE_RE.match(str(value or ""))
    if not m:
        return None
    year, month = int(m.group(1)), int(m.group(2) or 0)
    if not month:
        return date(year, 1, 1), date(year, 12, 31)
    if not 1 <= month <= 12:
        return None
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def span(ev: dict) -> tuple[date, date] | None:
    """The event's date range (from, to) at its precision: a month-dated event ('2022-11')
    covers the month, `to` defaults to the end of `from`; None if undated."""
    d = ev.get("date") or {}
    start = day_range(d.get("from"))
    if start is None:
        return None
    end = day_range(d.get("to")) or start
    lo, hi = min(start[0], end[0]), max(start[1], end[1])
    return lo, hi


def check_type(a: dict, b: dict) -> Check:
    """Same event type, and same sub-event type when both are coded."""
    if not a.get("event_type") or a.get("event_type") != b.get("event_type"):
        return Check("type", False, f"types differ: {a.get('event_type')} / {b.get('event_type')}")
    sa, sb = a.get("sub_event_type"), b.get("sub_event_type")
    if sa and sb and sa != sb:
        return Check("type", False, f"sub-event types differ: {sa} / {sb}")
    return Check("type", None, f"same type: {a['event_type']} / {sa or sb or '-'}")


def check_dates(a: dict, b: dict) -> Check:
    """Overlapping dates, the overlap covering DATE_COVER_MIN of the longer span."""
    sa, sb = span(a), span(b)
    if sa is None or sb is None:
        return Check("dates", False, "a date is unknown")
    lo, hi = max(sa[0], sb[0]), min(sa[1], sb[1])
    if lo > hi:
        return Check("dates", False, f"dates do not overlap: {_fmt_span(sa)} / {_fmt_span(sb)}")
    longer = max((sa[1] - sa[0]).days, (sb[1] - sb[0]).days) + 1
    cover = ((hi - lo).days + 1) / longer
    if cover < DATE_COVER_MIN:
        return Check("dates", False, f"overlap {_fmt_span((lo, hi))} is {cover:.0%} of a "
                                     f"{longer}-day span (< {DATE_COVER_MIN:.0%})")
    return Check("dates", None, f"dates overlap: {_fmt_span((lo, hi))}")


def _fmt_span(s: tuple[date, date]) -> str:
    return s[0].isoformat() if s[0] == s[1] else f"{s[0].isoformat()}..{s[1].isoformat()}"


def distance_km(a: dict, b: dict) -> float:
    """Great-circle distance between two locations with lat/lon (haversine)."""
    la1, lo1, la2, lo2 = map(math.radians, (a["lat"], a["lon"], b["lat"], b["lon"]))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * EARTH_KM * math.asin(min(1.0, math.sqrt(h)))


def _is_point(loc: dict) -> bool:
    """A location precise enough for the distance rule: coordinates, not a coarse kind, and not a
    place located only by its region (`precision` "region"/"country"; older records have none)."""
    return loc.get("lat") is not None and loc.get("lon") is not None \
        and (loc.get("kind") or "").lower() not in COARSE_KINDS \
        and loc.get("precision", "place") == "place"


def check_place(a: dict, b: dict) -> Check:
    """Same place within PLACE_RADIUS_KM joins; farther apart, or other countries, vetoes."""
    la, lb = a.get("location") or {}, b.get("location") or {}
    ca, cb = la.get("country"), lb.get("country")
    if ca and cb and ca != cb:
        return Check("place", False, f"countries differ: {ca} / {cb}")
    if not (_is_point(la) and _is_point(lb)):
        return Check("place", None, "place not known at city level on both sides")
    km = distance_km(la, lb)
    names = f"{la.get('name')} / {lb.get('name')}"
    if km > PLACE_RADIUS_KM:
        return Check("place", False, f"places {km:.0f} km apart (> {PLACE_RADIUS_KM:g} km): {names}")
    return Check("same_place", True, f"same place: {names}, {km:.1f} km <= {PLACE_RADIUS_KM:g} km")


def _norm(value: Any) -> str:
    return " ".join(str(value).casefold().split()) if value else ""


def check_actors(a: dict, b: dict) -> Check:
    """Same actor (and same target when both have one) joins; different actors veto."""
    xa, xb = _norm(a.get("actor_norm")), _norm(b.get("actor_norm"))
    ta, tb = _norm(a.get("target_norm")), _norm(b.get("target_norm"))
    if xa and xb and xa != xb:
        return Check("actors", False, f"actors differ: {a.get('actor_norm')} / {b.get('actor_norm')}")
    if not (xa and xb):
        return Check("actors", None, "an actor is unknown")
    if ta and tb and ta != tb:
        return Check("actors", None, f"same actor, targets differ: {a.get('target_norm')} / "
                                     f"{b.get('target_norm')}")
    target = a.get("target_norm") or b.get("target_norm")
    return Check("same_actors", True, f"same actors: {a.get('actor_norm')}"
                                      + (f" -> {target}" if target else ""))


def item_key(item: Any) -> str:
    """Counted thing -> comparison key: its head word, singular ("kamikaze drones" -> drone)."""
    words = _norm(item).split()
    if not words:
        return ""
    head = words[-1]
    return head[:-1] if len(head) > 3 and head.endswith("s") and not head.endswith("ss") else head


def count_range(value: float, relation: str | None) -> tuple[float, float]:
    """The values a reported count allows: 'more than 25' -> (25, inf), 'about 150' -> (120, 187.5)."""
    rel = (relation or "eq").lower()
    if rel in ("gt", "gte", "ge", "min"):
        return value, math.inf
    if rel in ("lt", "lte", "le", "max"):
        return 0.0, value
    if rel == "approx":
        return value / APPROX_SPREAD, value * APPROX_SPREAD
    return value, value


def counts_agree(x: dict, y: dict, ratio: float = COUNT_RATIO_MAX) -> bool:
    """Two reported counts of one item could describe the same event."""
    vx, vy = float(x["value"]), float(y["value"])
    lo_x, hi_x = count_range(vx, x.get("relation"))
    lo_y, hi_y = count_range(vy, y.get("relation"))
    if max(lo_x, lo_y) <= min(hi_x, hi_y) or abs(vx - vy) <= COUNT_ABS_SLACK:
        return True
    small, large = sorted((abs(vx), abs(vy)))
    return small > 0 and large / small <= ratio


def check_counts(a: dict, b: dict) -> Check:
    """Counts of the same item (and fatalities) must agree; other items are not compared."""
    notes = []
    for x in a.get("counts") or ():
        for y in b.get("counts") or ():
            if x.get("value") is None or y.get("value") is None or item_key(x.get("item")) != item_key(y.get("item")):
                continue
            pair = f"{item_key(x.get('item')) or 'count'} {_fmt_count(x)} vs {_fmt_count(y)}"
            if not counts_agree(x, y):
                return Check("counts", False, f"counts incompatible: {pair}")
            notes.append(pair)
    fa, fb = a.get("fatalities"), b.get("fatalities")
    if fa and fb:
        if not counts_agree({"value": fa}, {"value": fb}, FATALITY_RATIO_MAX):
            return Check("counts", False, f"fatalities incompatible: {fa} vs {fb}")
        notes.append(f"fatalities {fa} vs {fb}")
    if not notes:
        return Check("counts", None, "no shared counted item")
    return Check("counts", None, "counts compatible: " + "; ".join(notes))


def _fmt_count(c: dict) -> str:
    rel = c.get("relation")
    return f"{rel} {c['value']}" if rel and rel != "eq" else str(c["value"])


def check_modality(a: dict, b: dict) -> Check:
    """Only the same modality merges: a planned strike is not the strike that happened."""
    ma, mb = a.get("modality") or "reported", b.get("modality") or "reported"
    if ma != mb:
        return Check("modality", False, f"modality differs: {ma} / {mb}")
    return Check("modality", None, f"both {ma}")


def check_sentence(a: dict, b: dict) -> Check:
    """Two events of one sentence of one article are two events, never one."""
    if a.get("article_id") is None or a.get("article_id") != b.get("article_id"):
        return Check("sentence", None, "different articles")
    ea, eb = a.get("evidence") or {}, b.get("evidence") or {}
    if None in (ea.get("start"), ea.get("end"), eb.get("start"), eb.get("end")) \
            or (ea["start"] < eb["end"] and eb["start"] < ea["end"]):
        return Check("sentence", False, "same article, same sentence")
    return Check("sentence", None, "same article, other sentence")


CHECKS = (check_type, check_dates, check_modality, check_sentence, check_place, check_actors,
          check_counts)


def compare(a: dict, b: dict) -> tuple[bool, list[Check]]:
    """Whether two article events are one event, with every rule's outcome (for the record)."""
    checks = [c(a, b) for c in CHECKS]
    if any(c.verdict is False for c in checks):
        return False, checks
    return any(c.verdict is True for c in checks), checks


@dataclass
class _Cluster:
    members: list[dict]
    joins: list[dict] = field(default_factory=list)
    end: date = date.max  # the last day its common dates allow (an undated cluster never ends)


def _join_into(cluster: _Cluster, ev: dict) -> dict | None:
    """The join record if `ev` belongs in the cluster: no rule vetoes it against any member,
    and at least one joining rule (same place / same actors) ties it to some member, the one
    with the most joining rules being named."""
    best = None
    for m in cluster.members:
        ok, checks = compare(m, ev)
        if any(c.verdict is False for c in checks):
            return None
        score = sum(c.verdict is True for c in checks)
        if ok and (best is None or score > best[0]):
            best = (score, m, checks)
    if best is None:
        return None
    _, m, checks = best
    return {"event": ev["id"], "with": m["id"],
            "rules": sorted({c.rule for c in checks if c.verdict is True}),
            "because": [c.why for c in checks if c.why != "different articles"]}


def _order(ev: dict) -> tuple:
    s = span(ev)
    return (s[0].isoformat() if s else "9999", str(ev.get("published") or "9999"), str(ev["id"]))


def _best_cluster(active: list[_Cluster], ev: dict) -> tuple[_Cluster, dict] | None:
    """The active cluster of the same type that `ev` joins with the most joining rules
    (the earliest such cluster on ties), with the join record."""
    best = None
    for c in active:
        if c.members[0].get("event_type") != ev.get("event_type"):
            continue
        join = _join_into(c, ev)
        if join and (best is None or len(join["rules"]) > len(best[1]["rules"])):
            best = (c, join)
    return best


def cluster_events(events: list[dict]) -> list[_Cluster]:
    """Greedy complete-linkage clustering in a fixed order. A cluster whose common dates end
    before the current event starts is retired: no later event can overlap it."""
    active: list[_Cluster] = []
    done: list[_Cluster] = []
    for ev in sorted(events, key=_order):
        s = span(ev)
        if s is None:
            done.append(_Cluster([ev]))
            continue
        done += [c for c in active if c.end < s[0]]
        active = [c for c in active if c.end >= s[0]]
        found = _best_cluster(active, ev)
        if found:
            found[0].members.append(ev)
            found[0].joins.append(found[1])
            found[0].end = min(found[0].end, s[1])
        else:
            active.append(_Cluster([ev], [], s[1]))
    return done + active


def stable_id(member_ids: list[str]) -> str:
    """Corpus event id: a hash of its sorted member ids (same members, same id)."""
    return "ce-" + hashlib.sha1("\n".join(sorted(map(str, member_ids))).encode()).hexdigest()[:16]


def _common(values: list, default=None):
    """Most frequent non-empty value; ties go to the first seen (members are in a fixed order)."""
    seen = [v for v in values if v not in (None, "")]
    if not seen:
        return default
    counts = Counter(map(str, seen))
    top = max(counts.values())
    return next(v for v in seen if counts[str(v)] == top)


def common_dates(members: list[dict]) -> dict:
    """The dates every member allows: the intersection of their spans (never empty: the spans
    overlap pairwise, and pairwise-overlapping intervals share a point)."""
    spans = [s for s in map(span, members) if s]
    if not spans:
        return {"from": None, "to": None}
    lo, hi = max(s[0] for s in spans), min(s[1] for s in spans)
    for m in members:  # a month or year every member allows keeps its precision ('2022-11')
        d = m.get("date") or {}
        if not d.get("to") and day_range(d.get("from")) == (lo, hi):
            return {"from": d["from"], "to": None}
    return {"from": lo.isoformat(), "to": hi.isoformat()}


def best_location(members: list[dict]) -> dict | None:
    """The most precise location reported: city level with coordinates first, then the most
    often reported name."""
    locs: list[dict] = [m["location"] for m in members if m.get("location")]
    points = [loc for loc in locs if _is_point(loc)]
    pool = points or locs
    if not pool:
        return None
    name = _common([loc.get("name") for loc in pool])
    return dict(next(loc for loc in pool if loc.get("name") == name))


def source_entry(ev: dict) -> dict:
    """Where one report of the event comes from: article, site, url, evidence and who said it."""
    return {"event_id": ev["id"], "article_id": ev.get("article_id"), "site": ev.get("site"),
            "url": ev.get("url"), "published": ev.get("published"),
            "evidence": ev.get("evidence"), "sources": list(ev.get("sources") or [])}


def source_key(ev: dict) -> Any:
    """The article that counts as the event's source: a copy counts as its canonical article."""
    return ev.get("copy_of") or ev.get("article_id")


def source_entries(members: list[dict]) -> list[dict]:
    """One entry per reporting article; a copy whose canonical article is among the members is
    listed under it as `copies` (site, url, article and event id), not as another source."""
    entries: list[dict] = []
    by_article: dict[Any, dict] = {}
    originals = _originals(members)
    for m in members:
        if _folded(m, originals):
            continue
        entry = source_entry(m)
        if m.get("copy_of"):
            entry["copy_of"] = m["copy_of"]
        entry["copies"] = []
        entries.append(entry)
        by_article.setdefault(m.get("article_id"), entry)
    for m in members:
        if _folded(m, originals):
            by_article[m["copy_of"]]["copies"].append(_copy_entry(m))
    return entries


def independent(members: list[dict]) -> list[dict]:
    """Members less the copies whose canonical article is also a member: a copy's numbers are
    its original's, and listing them twice would fake agreement between sources."""
    originals = _originals(members)
    return [m for m in members if not _folded(m, originals)]


def _originals(members: list[dict]) -> set:
    """Article ids of the members that are not copies."""
    return {m.get("article_id") for m in members if not m.get("copy_of")}


def _folded(ev: dict, originals: set) -> bool:
    """Is `ev` a copy's event whose canonical article reported it too?"""
    return bool(ev.get("copy_of")) and ev["copy_of"] in originals


def _copy_entry(ev: dict) -> dict:
    return {"event_id": ev["id"], "article_id": ev.get("article_id"), "site": ev.get("site"),
            "url": ev.get("url")}


def counts_by_source(members: list[dict]) -> list[dict]:
    """Every count every member reported, with its article and site."""
    return [{"article_id": m.get("article_id"), "site": m.get("site"), "value": c.get("value"),
             "relation": c.get("relation"), "item": c.get("item")}
            for m in members for c in (m.get("counts") or ()) if c.get("value") is not None]


def summarise_counts(rows: list[dict]) -> dict:
    """Per counted item: the lowest and highest reported value and each report. No average:
    the sources disagree, and a mean would be a number nobody reported."""
    out: dict[str, dict] = {}
    for r in rows:
        key = item_key(r["item"]) or "count"
        entry = out.setdefault(key, {"min": r["value"], "max": r["value"], "each": []})
        entry["min"], entry["max"] = min(entry["min"], r["value"]), max(entry["max"], r["value"])
        entry["each"].append({k: r[k] for k in ("article_id", "site", "value", "relation", "item")})
    return dict(sorted(out.items()))


def corpus_event(members: list[dict], joins: list[dict]) -> dict:
    """One corpus event from its member article events (in visiting order). Folded copies
    are members (and listed under their original's source) but add no numbers, dates or
    places: those come from the independent reports only."""
    everyone = sorted(members, key=lambda m: (str(m.get("published") or "9999"), str(m["id"])))
    reports = independent(everyone)
    counts = counts_by_source(reports)
    fatal = [{"article_id": m.get("article_id"), "site": m.get("site"), "fatalities": m["fatalities"]}
             for m in reports if m.get("fatalities") is not None]
    return {
        "id": stable_id([m["id"] for m in members]),
        "event_type": _common([m.get("event_type") for m in reports]),
        "sub_event_type": _common([m.get("sub_event_type") for m in reports]),
        "action": _common([m.get("action") for m in reports]),
        "actor_norm": _common([m.get("actor_norm") for m in reports]),
        "target_norm": _common([m.get("target_norm") for m in reports]),
        "location": best_location(reports), "date": common_dates(reports),
        "weapon": _common([m.get("weapon") for m in reports]),
        "modality": reports[0].get("modality") or "reported",
        "confidence": max((m.get("confidence") or 0.0 for m in reports), default=None),
        "members": sorted(str(m["id"]) for m in members),
        "n_sources": len({source_key(m) for m in members}),
        "sources": source_entries(everyone),
        "counts_by_source": counts, "counts_summary": summarise_counts(counts),
        "fatalities_by_source": fatal,
        "rule": sorted({r for j in joins for r in j["rules"]}),
        "explanation": joins,
    }


def copy_signature(ev: dict) -> tuple:
    """What a copy's event shares with its original's: the coded slots, not the offsets (the
    copy's chrome shifts them) nor the dates (relative dates resolve against each page's own
    publication date)."""
    counts = tuple(sorted((str(c.get("value")), str(c.get("relation")), item_key(c.get("item")))
                          for c in ev.get("counts") or ()))
    loc = (ev.get("location") or {}).get("name")
    return (ev.get("event_type"), ev.get("sub_event_type"), ev.get("action"), _norm(ev.get("actor")),
            _norm(ev.get("target")), _norm(ev.get("weapon")), ev.get("modality"), loc, counts)


def fold_copies(events: list[dict]) -> tuple[dict[str, list[dict]], list[dict]]:
    """({original event id: its copies' events}, events left to cluster). A copy's event with
    the same signature as an event of its canonical article is that event, not a new report;
    a copy's event with no such twin is clustered like any other (still counted as its
    canonical article's source)."""
    originals: dict[tuple, list[dict]] = {}
    for ev in events:
        if not ev.get("copy_of"):
            originals.setdefault((ev.get("article_id"), copy_signature(ev)), []).append(ev)
    folded: dict[str, list[dict]] = {}
    rest = []
    for ev in events:
        twins = originals.get((ev.get("copy_of"), copy_signature(ev))) if ev.get("copy_of") else None
        if twins:
            folded.setdefault(twins[0]["id"], []).append(ev)
        else:
            rest.append(ev)
    return folded, rest


def _with_copies(members: list[dict], folded: dict[str, list[dict]]) -> list[dict]:
    return members + [c for m in members for c in folded.get(m["id"], ())]


def merge_events(events: list[dict], merge: bool = True) -> list[dict]:
    """Article events (with id, article_id, site, url, published, and `copy_of` for a
    syndicated copy's events) -> corpus events.

    `merge=False` (``factwire events --no-merge``) keeps each article event as its own corpus
    event, in the same shape (copies included: nothing is folded). Output is sorted by (date from,
    id) and is the same whatever the input order.
    """
    if merge:
        folded, rest = fold_copies(events)
        groups = [(_with_copies(c.members, folded), c.joins) for c in cluster_events(rest)]
    else:
        groups = [([ev], []) for ev in events]
    out = [corpus_event(m, j) for m, j in groups]
    return sorted(out, key=lambda e: (e["date"]["from"] or "9999", e["id"]))
