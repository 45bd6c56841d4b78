"""Cross-article event merging: each rule joins or vetoes as documented, near-misses stay
apart, the spread of numbers is kept per source (never averaged), output is deterministic."""
from __future__ import annotations

import json
import random
from pathlib import Path

from factwire.corpus.merge import PLACE_RADIUS_KM, compare, merge_events

KYIV = {"name": "Kyiv", "country": "UA", "lat": 50.4501, "lon": 30.5234, "kind": "city"}
LVIV = {"name": "Lviv", "country": "UA", "lat": 49.8397, "lon": 24.0297, "kind": "city"}
UKRAINE = {"name": "Ukraine", "country": "UA", "lat": 49.0, "lon": 31.0, "kind": "country"}
DATA = Path(__file__).resolve().parents[2] / "bench" / "data" / "merge-events.json"


def ev(id_: str, article: str | None = None, **kw) -> dict:
    base = {"id": id_, "article_id": article or f"art-{id_}", "site": f"site-{id_}",
            "url": f"https://example.org/{id_}", "published": "2022-11-15",
            "event_type": "Explosions/Remote violence",
            "sub_event_type": "Shelling/artillery/missile attack", "action": "strike",
            "actor": "Russia", "target": "Ukraine", "actor_norm": "Russia",
            "target_norm": "Civilians (Ukraine)", "fatalities": None, "location": KYIV,
            "date": {"from": "2022-11-15", "to": "2022-11-15"}, "counts": [], "weapon": "missiles",
            "modality": "reported", "sources": [f"site-{id_}"],
            "evidence": {"start": 0, "end": 100}, "confidence": 0.8}
    base.update(kw)
    return base


def groups(events: list[dict], **kw) -> list[list[str]]:
    return sorted(c["members"] for c in merge_events(events, **kw))


def test_same_city_same_day_same_type_merges_with_explanation():
    out = merge_events([ev("a"), ev("b", location={**KYIV, "lat": 50.43, "lon": 30.55})])
    assert len(out) == 1
    (merged,) = out
    assert merged["members"] == ["a", "b"]
    assert merged["rule"] == ["same_actors", "same_place"]
    join = merged["explanation"][0]
    assert join["event"] in ("a", "b") and join["with"] in ("a", "b")
    assert any("same place" in why for why in join["because"])
    assert {s["article_id"] for s in merged["sources"]} == {"art-a", "art-b"}


def test_same_day_other_city_is_not_merged_even_with_same_actors():
    assert groups([ev("kyiv"), ev("lviv", location=LVIV)]) == [["kyiv"], ["lviv"]]


def test_same_city_other_day_is_not_merged():
    later = ev("b", date={"from": "2022-11-16", "to": "2022-11-16"})
    assert groups([ev("a"), later]) == [["a"], ["b"]]


def test_place_radius_is_the_boundary():
    # ~0.009 degrees of latitude per km
    near = ev("near", location={**KYIV, "lat": KYIV["lat"] + (PLACE_RADIUS_KM - 2) / 111.2})
    far = ev("far", location={**KYIV, "lat": KYIV["lat"] + (PLACE_RADIUS_KM + 2) / 111.2})
    assert compare(ev("a"), near)[0] is True
    assert compare(ev("a"), far)[0] is False


def test_same_actors_join_when_place_is_only_known_at_country_level():
    a = ev("a", location=UKRAINE, date={"from": "2022-11-11", "to": "2022-11-17"})
    b = ev("b", location=UKRAINE, date={"from": "2022-11-11", "to": "2022-11-18"})
    (merged,) = merge_events([a, b])
    assert merged["rule"] == ["same_actors"]
    assert merged["date"] == {"from": "2022-11-11", "to": "2022-11-17"}  # the intersection


def test_no_place_and_no_shared_actor_does_not_merge():
    a = ev("a", location=UKRAINE, actor_norm=None)
    b = ev("b", location=UKRAINE)
    assert groups([a, b]) == [["a"], ["b"]]


def test_different_actors_veto():
    assert groups([ev("a"), ev("b", actor_norm="Ukraine")]) == [["a"], ["b"]]


def test_different_sub_event_type_vetoes():
    assert groups([ev("a"), ev("b", sub_event_type="Air/drone strike")]) == [["a"], ["b"]]


def test_planned_is_never_merged_with_reported():
    assert groups([ev("a"), ev("b", modality="planned")]) == [["a"], ["b"]]


def test_two_events_of_one_sentence_are_never_merged():
    a, b = ev("a", article="x"), ev("b", article="x", target="power plant")
    assert groups([a, b]) == [["a"], ["b"]]
    other_sentence = ev("c", article="x", evidence={"start": 200, "end": 300})
    assert groups([a, other_sentence]) == [["a", "c"]]


def test_incompatible_counts_veto_and_ranges_are_compatible():
    few = ev("few", counts=[{"value": 12, "relation": "eq", "item": "drones"}])
    many = ev("many", counts=[{"value": 60, "relation": "eq", "item": "drones"}])
    assert groups([few, many]) == [["few"], ["many"]]
    more_than = ev("gt", counts=[{"value": 25, "relation": "gt", "item": "kamikaze drones"}])
    assert groups([many, more_than]) == [["gt", "many"]]
    other_item = ev("other", counts=[{"value": 2, "relation": "eq", "item": "buildings"}])
    assert groups([few, other_item]) == [["few", "other"]]


def test_one_day_event_is_not_swallowed_by_a_week_long_tally():
    tally = ev("tally", date={"from": "2022-11-11", "to": "2022-11-17"})
    assert groups([tally, ev("day")]) == [["day"], ["tally"]]


def test_complete_linkage_no_chain_through_a_vague_member():
    # country-level report with no actor is compatible with both cities, but they veto each other
    vague = ev("vague", location=UKRAINE, actor_norm=None)
    out = groups([ev("kyiv"), ev("lviv", location=LVIV), vague])
    assert ["kyiv", "lviv"] not in out and len(out) >= 2
    assert not any({"kyiv", "lviv"} <= set(g) for g in out)


def test_counts_spread_kept_per_source_without_average():
    evs = [ev("a", counts=[{"value": 150, "relation": "approx", "item": "missiles"}]),
           ev("b", counts=[{"value": 160, "relation": "approx", "item": "missiles"}]),
           ev("c", counts=[{"value": 140, "relation": "gt", "item": "cruise missiles"}])]
    (merged,) = merge_events(evs)
    summary = merged["counts_summary"]["missile"]
    assert (summary["min"], summary["max"]) == (140, 160)
    assert sorted(e["value"] for e in summary["each"]) == [140, 150, 160]
    assert set(summary) == {"min", "max", "each"}  # no mean / average field
    assert len(merged["counts_by_source"]) == 3
    assert {c["site"] for c in merged["counts_by_source"]} == {"site-a", "site-b", "site-c"}


def test_fatalities_listed_per_source():
    (merged,) = merge_events([ev("a", fatalities=4), ev("b", fatalities=5)])
    assert sorted(f["fatalities"] for f in merged["fatalities_by_source"]) == [4, 5]


def test_no_merge_keeps_every_event_in_the_same_shape():
    out = merge_events([ev("a"), ev("b")], merge=False)
    assert [c["members"] for c in out] in ([["a"], ["b"]], [["b"], ["a"]])
    assert all(c["rule"] == [] and c["explanation"] == [] for c in out)
    assert set(out[0]) == set(merge_events([ev("a"), ev("b")])[0])


def test_ids_are_stable_hashes_of_members_and_output_is_order_free():
    data = json.loads(DATA.read_text(encoding="utf-8"))["events"]
    events = [{k: v for k, v in e.items() if k != "incident"} for e in data]
    want = merge_events(events)
    for seed in range(3):
        shuffled = events[:]
        random.Random(seed).shuffle(shuffled)
        assert merge_events(shuffled) == want
    assert merge_events([ev("a"), ev("b")])[0]["id"] == merge_events([ev("b"), ev("a")])[0]["id"]
    assert merge_events([ev("a")])[0]["id"] != merge_events([ev("b")])[0]["id"]


def test_undated_events_stay_alone():
    assert groups([ev("a", date=None), ev("b", date=None)]) == [["a"], ["b"]]


def test_syndicated_copy_is_folded_not_a_second_source():
    """B is a copy of A (ingest's copies table): the same event from both is one corpus event
    with one source, B listed under A as a copy; its offsets and relative dates may differ."""
    a = ev("a", article="art-A", counts=[{"value": 150, "relation": "approx", "item": "missiles"}])
    b = ev("b", article="art-B", copy_of="art-A", site="copy-site", url="https://copy.example/b",
           evidence={"start": 40, "end": 140}, date={"from": "2022-11-15", "to": "2022-11-16"},
           counts=a["counts"])
    (merged,) = merge_events([a, b])
    assert merged["n_sources"] == 1
    assert merged["members"] == ["a", "b"]
    [src] = merged["sources"]
    assert src["article_id"] == "art-A"
    assert src["copies"] == [{"event_id": "b", "article_id": "art-B", "site": "copy-site",
                              "url": "https://copy.example/b"}]
    assert [r["article_id"] for r in merged["counts_by_source"]] == ["art-A"]  # no echoed number
    assert merged["date"] == {"from": "2022-11-15", "to": "2022-11-15"}


def test_independent_source_still_adds_a_source_next_to_a_copy():
    a = ev("a", article="art-A")
    b = ev("b", article="art-B", copy_of="art-A", evidence={"start": 40, "end": 140})
    c = ev("c", article="art-C", location={**KYIV, "lat": 50.43, "lon": 30.55})
    (merged,) = merge_events([c, b, a])
    assert merged["n_sources"] == 2
    assert sorted(s["article_id"] for s in merged["sources"]) == ["art-A", "art-C"]
    assert [c["article_id"] for s in merged["sources"] for c in s["copies"]] == ["art-B"]


def test_copy_event_without_twin_counts_as_its_canonical_article():
    """A copy's event its original lacks (a trimmed paragraph) is kept, marked, one source."""
    a = ev("a", article="art-A")
    b = ev("b", article="art-B", copy_of="art-A", location=LVIV, evidence={"start": 500, "end": 600})
    out = {tuple(e["members"]): e for e in merge_events([a, b])}
    assert set(out) == {("a",), ("b",)}
    assert out[("b",)]["n_sources"] == 1
    [src] = out[("b",)]["sources"]
    assert src["article_id"] == "art-B" and src["copy_of"] == "art-A"


def test_no_merge_keeps_copies_as_they_are():
    a = ev("a", article="art-A")
    b = ev("b", article="art-B", copy_of="art-A", evidence={"start": 40, "end": 140})
    assert groups([a, b], merge=False) == [["a"], ["b"]]
