"""Fast checks of the events benchmark harness (bench/events.py, bench/events_baselines.py).

Why: the table in bench/results/events.md is only as honest as the pieces that turn records into
scorer rows and scores into met/missed.  Fake inputs only: no ACLED rows, no spaCy, no bench venv.
"""
from __future__ import annotations

import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))  # the repo
sys.path.insert(0, os.path.join(ROOT, "bench"))

import events as bench  # noqa: E402

import events_baselines as eb  # noqa: E402


def test_keyword_types_from_rules():
    assert eb.keyword_type("Russian forces shelled the village with artillery.") == eb.SHELLING
    assert eb.keyword_type("A drone dropped explosives on a checkpoint.")[1] == "Air/drone strike"
    assert eb.keyword_type("Interception: air defence shot down a missile.")[1] == "Disrupted weapons use"
    assert eb.keyword_type("Residents held a rally against the war.")[0] == "Protests"
    assert eb.keyword_type("On 3 March 2022, troops fired in both directions.")[1] == "Armed clash"
    assert eb.keyword_type("On 3 March 2022, something happened.") == eb.SHELLING  # 'March' is no protest


def test_keyword_note_fields():
    p = eb.keyword_code_note("On 3 March 2022, Russian forces shelled the town of Bucha, killing two civilians and "
                             "Ukrainian forces responded.")
    assert p["event_date"] == "2022-03-03" and p["fatalities"] == 2 and p["location"] == "Bucha"
    assert p["actor1"] == "Military Forces of Russia (2000-)"
    assert p["actor2"] == "Military Forces of Ukraine (2019-)"
    assert eb.fatalities("12 people were killed") == 12 and eb.fatalities("no casualties") is None


def test_keyword_events_one_per_trigger_sentence():
    text = "A bomb exploded in the market.\nThe trial resumes Monday. Protesters rallied outside."
    evs = eb.keyword_events(text)
    assert [e["event_type"] for e in evs] == ["Explosions/Remote violence", "Protests"]
    s, e = evs[0]["evidence"]["start"], evs[0]["evidence"]["end"]
    assert text[s:e] == "A bomb exploded in the market."


def test_majority_is_cross_validated():
    rows = [{"event_id_cnty": f"X{i}", "event_type": "A" if i % 5 else "B", "sub_event_type": "a",
             "actor1": "", "actor2": "", "location": "L"} for i in range(20)]
    preds = eb.majority_predictions(rows)
    assert len(preds) == 20 and {p["event_type"] for p in preds} == {"A"}
    assert all(p["actor1"] is None and p["fatalities"] == 0 for p in preds)
    assert [eb.fold_of(i) for i in range(6)] == [0, 1, 2, 3, 4, 0]


def test_acled_prediction_maps_top_event():
    low = {"confidence": 0.2, "event_type": "Battles"}
    high = {"confidence": 0.9, "event_type": "Explosions/Remote violence", "sub_event_type": "Air/drone strike",
            "actor_norm": "Military Forces of Russia (2000-)", "target_norm": None, "fatalities": 3,
            "location": {"name": "Kyiv", "lat": 50.45, "lon": 30.52}, "date": {"from": "2022-03-01", "to": None}}
    p = bench.acled_prediction("UKR1", bench.top_event([low, high]))
    assert p == {"event_id_cnty": "UKR1", "event_type": "Explosions/Remote violence",
                 "sub_event_type": "Air/drone strike", "actor1": "Military Forces of Russia (2000-)",
                 "actor2": None, "location": "Kyiv", "latitude": 50.45, "longitude": 30.52,
                 "event_date": "2022-03-01", "fatalities": 3}
    assert bench.acled_prediction("UKR2", None) == {"event_id_cnty": "UKR2"}
    assert bench.iso_date("15 April 2022") == "2022-04-15"


def test_g5_mapping_and_score():
    rec = {"events": [{"actor": "the Taliban", "target": None, "confidence": 0.7,
                       "date": {"from": "2016-11-10"}, "location": {"name": "Mazar-i-Sharif"}}],
           "dates": [{"value": {"from": "2016-11-11"}}], "entities": [{"text": "NATO", "label": "ORG"}],
           "places": [{"text": "Afghanistan", "name": "Afghanistan"}]}
    preds = {"d1": bench.g5_predictions(rec)}
    art = {"dId": "d1", "date_publish": "2016-11-11 08:00:00", "fiveWoneH": {
        "when": {"annotated": [{"text": "Thursday night", "parsed": "2016-11-10"}]},
        "who": {"annotated": [{"text": "Taliban"}, {"text": "a suicide bomber"}]},
        "where": {"annotated": [{"text": "northern Afghan city of Mazar-i-Sharif"}]}}}
    g = bench.g5_score([art], preds)
    assert (g["when_top"], g["when_any"], g["when_pubday_floor"]) == (1.0, 1.0, 0.0)
    assert g["who_recall"] == 0.5 and g["where_recall"] == 1.0 and g["articles_with_events"] == 1
    assert bench.phrase_match("Taliban", "the Taliban fighters") and not bench.phrase_match("Tal", "Taliban")


def fake_result(f1: float = 0.8) -> dict:
    fw = {"system": "factwire", "rows_per_s": 100.0, "scores": {
        "event_type_acc": 0.96, "sub_event_acc": 0.9, "sub_event_macro_f1": 0.72, "actor1_match": 0.91,
        "actor2_match": 0.5, "location_match": 0.6, "geo_median_km": 1.0, "geo_p90_km": float("nan"),
        "geo_within_25km": 0.7, "date_exact_acc": 0.97, "fatalities_exact": 0.94}}
    tfidf = {"system": "TF-IDF + LR (5-fold CV)", "only": "types", "rows_per_s": 50.0,
             "scores": {"event_type_acc": 0.96, "sub_event_acc": 0.93, "sub_event_macro_f1": 0.62,
                        "actor1_match": 0.0}}
    wiki = {"system": "factwire", "scores": {"det_P": 0.71, "det_R": 0.9, "det_F1": f1, "det_P_lenient": 0.8,
                                             "type_acc_fine": 0.95, "type_acc_coarse": 1.0, "fat_exact": 0.5,
                                             "pred_events": 10}}
    return {"date": "d", "machine": "m", "command": "c", "factwire_src": "s", "acled_n": 10, "sampled": False,
            "acled": [fw, tfidf, {"system": "keyword rules", "failed": "boom"}],
            "factwire_meta": {"overhead": {"n": 5, "passes": 3, "extract_cpu_s": 1.1, "events_cpu_s": 0.1,
                                           "rest_cpu_s": 1.0, "events_share": 0.1}},
            "wikievents": [wiki], "g5": None}


def test_report_tables_and_verdicts():
    md = bench.render_report(fake_result())
    assert "| factwire | 0.960 | 0.900 | 0.720 | 0.910 | 0.500 | 0.600 | 1.0 | — | 0.700 | 0.970 | 0.940 | 100 |" in md
    assert "| TF-IDF + LR (5-fold CV) | 0.960 | 0.930 | 0.620 | — |" in md  # type-only system
    assert "| keyword rules | failed: boom |" in md
    assert "- sub_event_type macro-F1 ≥ 0.70: 0.720 — **met**" in md
    assert "- fatalities exact ≥ 0.95: 0.940 — **missed**" in md
    assert "- geocode p90 ≤ 25 km: not measured — **missed**" in md
    assert "+10% — **met**" in md and "acleddata.com" in md
    assert "F1 0.800, det_P 0.710 — **met**" in md
    low = bench.render_report(fake_result(0.70))
    assert "F1 0.700" in low and "**missed**" in low


def test_halves_are_fixed_and_match_the_page_labels():
    """The tune/held split is sha1(id) parity, the same rule as bench/data/relevance-labels.json."""
    import events_relevance as er

    labels = er.load_labels()
    assert all(bench.half_of(pid) == v["split"] for pid, v in labels.items())
    halves = {bench.half_of(f"UKR{i}") for i in range(50)}
    assert halves == {"tune", "held"}


def test_false_events_per_none_page():
    import events_relevance as er

    labels = {"a": {"label": "none", "split": "tune"}, "b": {"label": "none", "split": "held"},
              "c": {"label": "conflict", "split": "held"}}
    events = {"a": [{"sub_event_type": "Attack"}, {"sub_event_type": "Agreement"}], "b": [],
              "c": [{"sub_event_type": "Armed clash"}]}
    s = er.relevance_scores(labels, events)
    assert s["tune"]["none_per_page"] == 2.0 and s["held"]["none_per_page"] == 0.0
    assert s["all"]["none_per_page"] == 1.0 and s["held"]["conflict_events"] == 1
    assert er.false_event_types(labels, events) == {"Attack": 1, "Agreement": 1}
