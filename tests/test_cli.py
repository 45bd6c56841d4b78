"""The CLI through a real subprocess: help with examples, formats, exit codes, one-line errors."""
from __future__ import annotations

import json

import pytest

from fwtest import SEED, run_cli, write_warc

GOOD = """<html><head><title>Storm hits the coast</title></head><body><article><h1>Storm hits the coast</h1>
<p>A powerful storm hit the northern coast on Tuesday, flooding streets and cutting power to thousands of homes.</p>
<p>Emergency services said they had rescued dozens of people from their cars as the water rose quickly overnight.</p>
<h2>What comes next</h2>
<ul><li>Schools will stay closed on Wednesday across the region.</li><li>Trains are expected to run a reduced service until Friday.</li></ul>
<p>Forecasters warned that more rain was expected later in the week, and urged residents to stay indoors where possible.</p>
</article></body></html>"""


def test_version_and_help():
    out = run_cli("--version")
    assert out.returncode == 0 and b"factwire" in out.stdout
    top = run_cli("--help")
    assert top.returncode == 0 and b"extract" in top.stdout and b"Example" in top.stdout


def test_extract_help_shows_an_example():
    out = run_cli("extract", "--help")
    assert out.returncode == 0 and b"factwire extract examples/seed-drones.txt" in out.stdout


def test_extract_seed_json(tmp_path):
    out = run_cli("extract", str(SEED), "--published", "2022-11-19")
    assert out.returncode == 0, out.stderr
    rec = json.loads(out.stdout)
    assert rec["published"] == "2022-11-19" and rec["input_kind"] == "text"
    assert rec["title"] == "Russia, Iran reach agreement to manufacture drones on Russian soil for Ukraine war: report"
    assert rec["paragraphs"][0].startswith("Moscow and Tehran have reached an agreement")


def test_formats_and_output_file(tmp_path):
    page = tmp_path / "storm.html"
    page.write_text(GOOD, encoding="utf-8")
    md = run_cli("extract", str(page), "--format", "markdown")
    assert md.returncode == 0, md.stderr
    text = md.stdout.decode()
    assert text.startswith("# Storm hits the coast") and "## What comes next" in text
    assert "- Schools will stay closed" in text
    target = tmp_path / "out.txt"
    plain = run_cli("extract", str(page), "--format", "text", "-o", str(target))
    assert plain.returncode == 0 and plain.stdout == b""
    assert target.read_text(encoding="utf-8").startswith("Storm hits the coast\n\nA powerful storm")


def test_stdin_and_url(tmp_path):
    out = run_cli("extract", "-", "--url", "https://news.example.com/storm", stdin=GOOD.encode())
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)["url"] == "https://news.example.com/storm"


def test_folder_with_good_and_bad_pages_exit_1(tmp_path):
    (tmp_path / "good.html").write_text(GOOD, encoding="utf-8")
    (tmp_path / "bad.html").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    (tmp_path / "empty.txt").write_bytes(b"")
    out = run_cli("extract", str(tmp_path))
    assert out.returncode == 1
    lines = [json.loads(x) for x in out.stdout.decode().splitlines()]
    assert len(lines) == 3 and sum("error" in x for x in lines) == 2
    errors = out.stderr.decode().strip().splitlines()
    assert len(errors) == 2 and all(e.startswith("factwire: ") for e in errors)
    assert b"Traceback" not in out.stderr


def test_all_failed_exit_2_and_no_traceback(tmp_path):
    (tmp_path / "x.html").write_bytes(b"")
    (tmp_path / "y.html").write_bytes(b"\x89PNG\r\n\x1a\n")
    out = run_cli("extract", str(tmp_path / "x.html"), str(tmp_path / "y.html"))
    assert out.returncode == 2 and b"Traceback" not in out.stderr
    assert len(out.stderr.decode().strip().splitlines()) == 2


def test_a_missing_path_is_named_before_anything_is_read(tmp_path):
    (tmp_path / "x.html").write_bytes(b"<p>A page.</p>")
    out = run_cli("extract", str(tmp_path / "x.html"), str(tmp_path / "missing.html"))
    assert out.returncode == 2 and out.stdout == b""
    assert out.stderr.decode().strip() == (f"Error: no such file or folder: {tmp_path / 'missing.html'} (check the "
                                           "path; give pages, folders, JSONL or WARC files)")


@pytest.mark.parametrize("args, message", [
    (["extract", "x.html", "--published", "19/11/2022"], b"YYYY-MM-DD"),
    (["extract", "x.html", "--format", "pdf"], b"pdf"),
])
def test_usage_errors_are_short(args, message):
    out = run_cli(*args)
    assert out.returncode == 2 and message in out.stderr and b"Traceback" not in out.stderr


def test_extract_reads_a_warc_file(tmp_path):
    warc = tmp_path / "crawl.warc.gz"
    write_warc(warc, [("https://example.org/storm", GOOD.encode(), "text/html; charset=utf-8")])
    out = run_cli("extract", str(warc), "--no-facts", "--format", "jsonl")
    assert out.returncode == 0, out.stderr
    (rec,) = [json.loads(line) for line in out.stdout.splitlines()]
    assert rec["url"] == "https://example.org/storm" and rec["title"] == "Storm hits the coast"
    assert rec["source"].startswith(f"{warc}#")
