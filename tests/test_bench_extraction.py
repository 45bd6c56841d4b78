"""Fast checks of the extraction benchmark harness (bench/extraction.py, bench/run_factwire.py).

Why: the benchmark's numbers are only trustworthy if its pure pieces (table, ordering, speed
ratios, target verdicts, renderer split) do what the report says, and if run_factwire.py writes
exactly what run_peer.py writes.  None of this needs the peers venv.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "bench"))

import extraction  # noqa: E402

HAVE_BENCH = os.path.exists(extraction.SCORE_PY)
needs_bench = pytest.mark.skipif(not HAVE_BENCH, reason="shared benchmark data not present")

#: meta.json fields run_peer.py writes; run_factwire.py must write the same ones
PEER_META_KEYS = {
    "extractor", "package", "version", "python", "pages_dir", "n_pages", "n_errors", "import_s",
    "warmup_s", "extract_total_s", "pages_per_s", "latency_ms_median", "latency_ms_p95",
    "latency_ms_max", "peak_rss_mb_after_warmup", "peak_rss_mb",
}


def fake_row(tool: str, f1: float, pps: float | None = 10.0, rss: float = 50.0, exact: float = 0.5,
             passes: list[float] | None = None) -> dict:
    score = {"precision": f1, "recall": f1, "f1": f1, "accuracy_exact": exact, "empty_predictions": 0}
    return {"tool": tool, "version": "1.0", "score": score, "pages_per_s": pps, "peak_rss_mb": rss,
            "n_errors": 0, "passes_pages_per_s": passes or [pps]}


def test_sort_puts_factwire_first_then_f1_and_failed_last():
    rows = [fake_row("a", 0.5), {"tool": "broken", "failed": True}, fake_row("b", 0.9),
            fake_row("factwire", 0.1)]
    assert [r["tool"] for r in extraction.sort_rows(rows)] == ["factwire", "b", "a", "broken"]


def test_speed_ratio_is_against_trafilatura_best_and_per_pass_range():
    rows = [fake_row("factwire", 0.9, pps=30.0, passes=[30.0, 20.0]),
            fake_row("trafilatura", 0.9, pps=10.0, passes=[10.0, 5.0])]
    extraction.add_speed_ratios(rows)
    assert rows[0]["speed_ratio"] == pytest.approx(3.0)
    assert rows[0]["speed_ratio_passes"] == pytest.approx([3.0, 4.0])
    assert rows[1]["speed_ratio"] == pytest.approx(1.0)


def test_render_table_shape_and_cells():
    rows = [fake_row("factwire", 0.97, pps=30.0), fake_row("trafilatura", 0.9), {"tool": "goose3", "failed": True}]
    rows[0]["by_renderer"] = {"bs4-get_text": {"f1": 0.8}, "inscriptis": {"f1": 0.95}}
    extraction.add_speed_ratios(rows)
    lines = extraction.render_table(rows, ["bs4-get_text", "inscriptis"]).splitlines()
    width = len(extraction.table_header(["bs4-get_text", "inscriptis"]))
    assert len(lines) == 2 + len(rows)
    assert all(ln.count("|") == width + 1 for ln in lines)  # every row has every column
    fw = [c.strip() for c in lines[2].strip("|").split("|")]
    assert fw[0] == "**factwire**" and fw[4] == "**0.970**" and fw[6:8] == ["0.800", "0.950"]
    assert fw[9].startswith("3.00×")
    assert "failed" in lines[4]


def test_html_targets_marked_from_figures():
    fw = fake_row("factwire", 0.985, pps=40.0, rss=60.0, exact=0.3)
    rows = [fw, fake_row("trafilatura", 0.9, pps=10.0, rss=80.0)]
    extraction.add_speed_ratios(rows)
    line = extraction.target_line("html", rows)
    assert "F1 ≥ 0.980: 0.985 **met**" in line
    assert "exact ≥ 0.40: 0.300 **missed**" in line
    assert "4.00× **met**" in line
    assert "60 MB **met**" in line


def test_text_targets_need_both_renderers():
    fw = fake_row("factwire", 0.95)
    fw["by_renderer"] = {"inscriptis": {"f1": 0.96}, "bs4-get_text": {"f1": 0.90}}
    for corpus in ("text", "text-held"):
        line = extraction.target_line(corpus, [fw])
        assert "inscriptis: 0.960 **met**" in line and "bs4-get_text: 0.900 **missed**" in line


def test_worst_pages_reads_score_tsv(tmp_path):
    tsv = tmp_path / "pp.tsv"
    tsv.write_text("c/g\ta\t1.0\t1.0\t1.0000\nc/g\tb\t\t0.0\t\nc/g\tc\t0.5\t0.5\t0.5000\n")
    assert extraction.worst_pages(str(tsv), 2) == [("b", 0.0), ("c", 0.5)]


@needs_bench
def test_renderer_split_scores_each_half(tmp_path):
    body = "the quick brown fox jumps over the lazy dog again and again"
    gold = {i: {"articleBody": body, "url": "u"} for i in ("p1", "p2", "p3")}
    renderers = {"p1": "inscriptis", "p2": "bs4-get_text", "p3": "bs4-get_text"}
    preds = [{"id": "p1", "text": body}, {"id": "p2", "text": body}, {"id": "p3", "text": ""}]
    (tmp_path / "g.json").write_text(json.dumps(gold))
    (tmp_path / "r.json").write_text(json.dumps(renderers))
    (tmp_path / "p.jsonl").write_text("\n".join(json.dumps(p) for p in preds))
    res = extraction.score_by_renderer(str(tmp_path / "p.jsonl"), str(tmp_path / "g.json"), str(tmp_path / "r.json"))
    assert set(res) == {"inscriptis", "bs4-get_text"}
    assert res["inscriptis"]["pages"] == 1 and res["inscriptis"]["f1"] == pytest.approx(1.0)
    assert res["bs4-get_text"]["pages"] == 2 and res["bs4-get_text"]["empty_predictions"] == 1
    assert res["bs4-get_text"]["recall"] == pytest.approx(0.5)


@needs_bench
def test_run_factwire_writes_run_peer_shape(tmp_path):
    corpus = extraction.CORPORA["html"]
    out = tmp_path / "fw.jsonl"
    cmd = [sys.executable, os.path.join(ROOT, "bench", "run_factwire.py"), "--pages", corpus.pages,
           "--gold", corpus.gold, "--out", str(out), "--limit", "3"]
    subprocess.run(cmd, check=True, capture_output=True, timeout=120)
    lines = [json.loads(ln) for ln in out.read_text().splitlines()]
    assert len(lines) == 3
    assert all(set(ln) == {"id", "text", "seconds", "error"} for ln in lines)
    assert all(isinstance(ln["text"], str) and ln["seconds"] > 0 for ln in lines)
    assert all(ln["error"] is None or ln["text"] == "" for ln in lines)  # a failure is an empty miss
    meta = json.loads((tmp_path / "fw.meta.json").read_text())
    assert set(meta) == PEER_META_KEYS
    assert meta["extractor"] == "factwire" and meta["n_pages"] == 3
    assert meta["peak_rss_mb"] >= meta["peak_rss_mb_after_warmup"] > 0
