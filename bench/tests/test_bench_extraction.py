"""Fast checks of the extraction benchmark harness (bench/extraction.py, bench/run_factwire.py).

Why: the benchmark's numbers are only trustworthy if its pure pieces (table, ordering, speed
ratios, target verdicts) do what the report says.  None of this needs the peers venv or the DEV
data; the checks that do (renderer split, run_factwire.py's output shape) are gates in
bench/gates/test_gate_extraction.py.
"""
from __future__ import annotations

import os
import sys

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))  # the repo
sys.path.insert(0, os.path.join(ROOT, "bench"))

import extraction  # noqa: E402


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
