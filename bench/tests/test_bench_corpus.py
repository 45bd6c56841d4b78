"""Fast checks of the corpus benchmark's pure pieces (bench/corpus.py): the page builder, the
ratios and the results-file sections.  No ingest, no trafilatura, no DEV pages."""
from __future__ import annotations

import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))  # the repo
sys.path.insert(0, os.path.join(ROOT, "bench"))

import corpus as bench  # noqa: E402

PAGE = "<html><head><title>T</title></head><body><p>One the story.</p><p>Two.</p><p>Three.</p></body></html>"


def test_pages_differ_in_chrome_and_edits_but_keep_head_and_body():
    pages = [bench.make_page(PAGE, i) for i in range(16)]
    assert len(set(pages)) == 16  # each a distinct content id
    assert all(p.startswith("<html><head><title>T</title></head><body>") for p in pages)
    assert all("<p>Two.</p>" in p for p in pages)
    assert any("<nav>" in p for p in pages) and any("<nav>" not in p for p in pages)
    assert any("Related stories" in p for p in pages) and any("<footer>" in p for p in pages)
    assert {p.split("site-")[1][0] for p in pages} == {"0", "1", "2", "3"}


def test_edits():
    body = "<p>One the story.</p><p>Two.</p><p>Three.</p><script>x</script>"
    added = bench.edit_body(body, "added")
    assert added.index("updated with additional reporting") < added.index("<script>")
    assert "<p>Three.</p>" not in bench.edit_body(body, "trimmed")
    assert bench.edit_body(body, "word").startswith("<p>One a story.")
    assert bench.edit_body(body, "none") == body


def test_per_core_ratio():
    assert bench.per_core_ratio({"pages_per_s": 8.0, "workers": 1}, 40.0) == 0.2
    assert bench.per_core_ratio({"pages_per_s": 16.0, "workers": 2}, 40.0) == 0.2
    assert bench.per_core_ratio({"pages_per_s": 16.0, "workers": 2}, 0.0) == 0.0


def _run(pps: float, workers: int, rss: float = 500.0, pages: int = 300, facts: bool = True) -> dict:
    return {"pages": pages, "seconds": pages / pps, "pages_per_s": pps, "workers": workers, "facts": facts,
            "cpu_parent_s": 1.0, "cpu_others_s": 9.0, "wall_s": 10.0, "failures": 0,
            "peak_rss_mb": rss, "peak_parent_rss_mb": rss / 3}


def test_sections_state_targets_and_replace_only_their_own_block(tmp_path):
    runs = {"local-1": _run(8, 1), "local-2": _run(15, 2), "dask-2": _run(14, 2)}
    md = bench.throughput_md({"pages_per_s": 40.0}, runs, 300, ("1.0", "1.2"))
    assert "1.88×" in md and "0.20× **missed**" in md and "≥ 1.8× on 2 workers: **met**" in md
    mem = bench.memory_md([_run(30, 2, 400, 2000, False), _run(30, 2, 460, 20000, False)],
                          [_run(8, 2, 900), _run(8, 2, 950, 1000)], ("1", "2"))
    assert "**1.15×**" in mem and "**met**" in mem and "1.06×" in mem
    path = tmp_path / "corpus.md"
    path.write_text("# Corpus\n\n<!-- corpus_dedup:x:start -->\nkeep\n<!-- corpus_dedup:x:end -->\n")
    bench.write_section("memory", "first\n", path)
    bench.write_section("memory", "second\n", path)
    text = path.read_text()
    assert "keep" in text and "second" in text and "first" not in text and text.count("corpus_bench:memory:start") == 1


def test_the_ratio_reference_is_trafilaturas_mean_around_the_one_worker_run():
    assert bench.bracketed_rate({"pages_per_s": 60.0}) == 60.0
    assert bench.bracketed_rate({"pages_per_s": 60.0, "after": 50.0}) == 55.0
