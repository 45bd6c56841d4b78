"""Fast checks of the facts benchmark harness (bench/facts.py, bench/facts_baselines.py).

Why: the table in bench/results/facts.md is only as trustworthy as the pieces that turn scorer
output into numbers and numbers into met/missed; a scorer line parsed wrongly would silently
put zeros (or someone else's field) in the table.  None of this runs spaCy or the baselines venv.
"""
from __future__ import annotations

import os
import sys

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))  # the repo
sys.path.insert(0, os.path.join(ROOT, "bench"))

import facts  # noqa: E402

import facts_baselines  # noqa: E402

SCORER_OUTPUT = """\
field           gold   pred     tp       P       R      F1
quantities       227    200    150   0.750   0.661   0.703
dates            197     10      1   0.100   0.005   0.010
places           242    250    200   0.800   0.826   0.813
attributions     206      0      0   0.000   0.000   0.000
quantity item accuracy among matches: 0.420 (63/150)
FACTS_F1 0.381
"""


def test_parse_score_reads_every_field_and_the_last_line():
    got = facts.parse_score(SCORER_OUTPUT)
    assert got["facts_f1"] == pytest.approx(0.381)
    assert got["fields"]["quantities"] == {"gold": 227, "pred": 200, "tp": 150, "p": 0.75, "r": 0.661, "f1": 0.703}
    assert got["fields"]["places"]["f1"] == pytest.approx(0.813)
    assert got["fields"]["attributions"]["pred"] == 0
    assert got["item_accuracy"] == pytest.approx(0.42)


def test_parse_score_refuses_output_without_facts_f1_or_a_field():
    with pytest.raises(ValueError, match="FACTS_F1"):
        facts.parse_score(SCORER_OUTPUT.rsplit("FACTS_F1", 1)[0])
    without_dates = "\n".join(ln for ln in SCORER_OUTPUT.splitlines() if not ln.startswith("dates"))
    with pytest.raises(ValueError, match="dates"):
        facts.parse_score(without_dates)


def test_parse_score_item_accuracy_na():
    got = facts.parse_score(SCORER_OUTPUT.replace("0.420 (63/150)", "n/a (0/0)"))
    assert got["item_accuracy"] is None


def fake_meta(system: str, seconds: float, rss: float = 100.0) -> dict:
    key = "facts" if system == facts.FACTWIRE else "run"
    return {"system": system, "n": 24, key + "_cpu_s": [seconds * 2, seconds], key + "_s": [seconds * 4, seconds * 3],
            "peak_rss_mb": rss}


def test_rows_and_table_show_only_a_baselines_own_field_and_the_fastest_pass():
    scored = facts.parse_score(SCORER_OUTPUT)
    fw = facts.system_row(fake_meta(facts.FACTWIRE, 1.2, 321.0), scored, None)
    base = facts.system_row(fake_meta("quantulum3", 2.4), scored, "quantities")
    failed = facts.system_row({"system": "dateparser", "failed": "boom"}, None, "dates")
    assert fw["articles_per_s"] == pytest.approx(20.0)  # 24 articles / fastest CPU pass 1.2 s
    assert fw["wall_articles_per_s"] == pytest.approx(24 / 3.6)
    assert list(base["fields"]) == ["quantities"] and base["facts_f1"] is None
    table = facts.render_table([fw, base, failed]).splitlines()
    assert table[0].startswith("| system | quantities P / R / F1 | dates P / R / F1 |")
    assert table[2] == ("| factwire | 0.750 / 0.661 / **0.703** | 0.100 / 0.005 / **0.010** | "
                        "0.800 / 0.826 / **0.813** | 0.000 / 0.000 / **0.000** | 0.381 | 20.0 | 6.7 | 321 |")
    assert table[3] == "| quantulum3 | 0.750 / 0.661 / **0.703** | — | — | — | — | 10.0 | 3.3 | 100 |"
    assert "failed: boom" in table[4]


def test_combined_row_adds_times_and_takes_largest_rss():
    scored = facts.parse_score(SCORER_OUTPUT)
    rows = [{"system": "a", "seconds": 1.0, "wall_s": 2.0, "peak_rss_mb": 50.0},
            {"system": "b", "seconds": 3.0, "wall_s": 10.0, "peak_rss_mb": 300.0}, {"system": "c", "failed": "x"}]
    got = facts.combined_row(rows, scored, 24)
    assert got["articles_per_s"] == pytest.approx(6.0) and got["wall_articles_per_s"] == pytest.approx(2.0)
    assert got["peak_rss_mb"] == 300.0


def test_targets_are_marked_from_the_figures():
    fields = {f: {"p": 0.9, "r": 0.9, "f1": 0.9} for f in facts.FIELDS}
    fw = {"fields": fields, "facts_f1": 0.9}
    baselines = [{"fields": {"dates": {"f1": 0.95}}}, {"fields": {"places": {"f1": 0.5}}}]
    speed = {"cpu": {"on_top": 0.31, "facts_aps": 15.0}, "wall": {"on_top": 0.0, "facts_aps": 99.0}}
    marks = {t["target"]: t["met"] for t in facts.targets(fw, baselines, speed)}
    assert marks["FACTS_F1 ≥ 0.85"] is True
    assert marks["dates F1 above every baseline's"] is False
    assert marks["places F1 above every baseline's"] is True
    assert marks["≤ 30% on top of spaCy nlp.pipe (CPU time)"] is False  # judged on CPU, not the kinder wall
    assert marks["facts stage ≥ 15 articles/s on one core (CPU time)"] is True
    lines = facts.render_targets(facts.targets(fw, baselines, speed))
    assert "- dates F1 above every baseline's: 0.900 vs 0.950 — **missed**" in lines


def test_speed_summary_uses_fastest_passes_per_clock():
    meta = {"n": 24, "spacy_cpu_s": [2.0, 1.0], "spacy_article_cpu_s": [1.2], "facts_cpu_s": [1.5, 3.0],
            "spacy_s": [4.0], "spacy_article_s": [4.0], "facts_s": [3.0]}
    got = facts.speed_summary(meta)
    assert got["cpu"]["spacy_aps"] == pytest.approx(24.0) and got["cpu"]["facts_aps"] == pytest.approx(16.0)
    assert got["cpu"]["on_top"] == pytest.approx(0.5) and got["cpu"]["on_top_vs_article"] == pytest.approx(0.25)
    assert got["wall"]["on_top"] == pytest.approx(-0.25)
    lines = facts.render_speed(got, 24)
    assert "**+50% (-25% wall)** vs batched" in lines[3]


def test_merge_predictions_joins_fields_by_article(tmp_path):
    a, b, out = tmp_path / "a.jsonl", tmp_path / "b.jsonl", tmp_path / "m.jsonl"
    facts.write_jsonl(str(a), [{"id": "x", "dates": [1]}, {"id": "y", "dates": []}])
    facts.write_jsonl(str(b), [{"id": "x", "places": [2]}])
    facts.merge_predictions([str(a), str(b)], str(out))
    assert facts.load_gold(str(out)) == [{"id": "x", "dates": [1], "places": [2]}, {"id": "y", "dates": []}]


def test_cue_regex_baseline_on_hand_written_sentences():
    text = ('Lloyd Austin said on Thursday that the war would go on. The sky was grey. '
            'According to the Washington Post, Iran sent drones. "We will win," he told reporters.')
    got = facts_baselines.cue_attributions(text)
    assert [(a["source"], a["cue"]) for a in got] == [
        ("Lloyd Austin", "said"), ("Washington Post", "According to"), ("he", "told")]
    first = got[0]
    assert text[first["claim_start"]:first["claim_end"]] == "Lloyd Austin said on Thursday that the war would go on."
    assert first["claim"] == text[first["claim_start"]:first["claim_end"]]
    assert text[got[2]["claim_start"]:got[2]["claim_end"]] == '"We will win," he told reporters.'


def test_cue_regex_baseline_source_after_the_cue_and_no_cue():
    got = facts_baselines.cue_attributions("The plan works, said Oleksii Hromov.\n\nNobody spoke.")
    assert [(a["source"], a["claim"]) for a in got] == [("Oleksii Hromov", "The plan works, said Oleksii Hromov.")]


def test_dev_scheme_adapter_drops_adjectival_places_only():
    literal = {"text": "Turkey", "start": 0, "end": 6}
    adjectival = {"text": "Turkish", "start": 10, "end": 17, "use": "adjectival"}
    pred = {"id": "a", "dates": [], "places": [literal, adjectival]}
    assert facts.to_dev_scheme(pred) == {"id": "a", "dates": [], "places": [literal]}
