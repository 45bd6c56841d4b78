"""Output safety: what a hostile page or file name can put on a terminal, into the `failures`
TSV, into report.html and report.md. One policy (export/safe.py): control and direction
characters become visible `[U+XXXX]` codes in human formats, `\\uXXXX` escapes in JSON, and a
link target is percent-encoded."""
from __future__ import annotations

import json
import re

import pytest

from factwire.export.safe import esc, json_text, md_link, md_text, one_line, plain, safe_url
from factwire.web.report import render_html, render_markdown

from fwtest import run_cli

#: Raw characters that must never reach a terminal or a report: ESC (and a whole CSI sequence),
#: CSI as one C1 byte, BEL, backspace, carriage return, DEL, and the direction controls.
RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]")
EVIL = "\x1b[2J\x1b]0;pwned\x07\x9b31m\u202eevil\u2066\b\r\x7f"
SCRIPT_URL = 'https://evil.example/"><script>alert(1)</script>'

PAGE = ("<html><head><title>Storm {evil} hits the coast</title></head><body><article><h1>Storm {evil} hits</h1>"
        "<p>A powerful storm {evil} hit the northern coast on Tuesday, flooding streets and cutting power to "
        "thousands of homes, officials said.</p><p>Emergency services said they had rescued dozens of people "
        "from their cars as the water rose quickly overnight.</p></article></body></html>")


def test_helpers_follow_one_policy():
    assert not RAW.search(plain(EVIL)) and "[U+001B][2J" in plain(EVIL) and "[U+202E]evil" in plain(EVIL)
    assert plain("a\n\tb") == "a\n\tb"
    assert one_line("a\tb\nc\\d\re") == "a\\tb\\nc\\\\d\\re"
    assert not RAW.search(str(esc(EVIL))) and "[U+001B]" in str(esc(EVIL))
    assert not RAW.search(md_text(EVIL)) and "\\[U+202E\\]" in md_text(EVIL)
    data = {"t": EVIL + "\u2028é"}
    text = json_text(data)
    assert json.loads(text) == data and not RAW.search(text) and "\u2028" not in text and "é" in text


@pytest.mark.parametrize("url, target", [
    (SCRIPT_URL, "https://evil.example/%22%3E%3Cscript%3Ealert(1)%3C/script%3E"),
    ("https://example.com/a?b=1&c=ü#x", "https://example.com/a?b=1&c=%C3%BC#x"),
    ("https://example.com/a%20b", "https://example.com/a%20b"),
    ("https://example.com/\\@evil.example", "https://example.com/%5C@evil.example"),
    ("javascript:alert(1)", None), ("https://example.com/\u202efdp.exe", None), ("https://exa mple.com", None),
])
def test_link_targets_are_encoded(url, target):
    assert safe_url(url) == target


def test_markdown_link_target_never_breaks_out():
    link = md_link(SCRIPT_URL, "evil")
    assert "<" not in link and '"' not in link and link.startswith("[evil](https://evil.example/")
    assert md_link("javascript:alert(1)", "x") == "x"


def _report_data() -> dict:
    src = {"site": "evil\u202eexample.com", "url": SCRIPT_URL, "published": "2022-11-18", "article_id": "a\u202e1",
           "title": f"Title {EVIL}", "sources": [f"Governor {EVIL}"]}
    ev = {"id": "ev\u202e1", "event_type": "Battles", "sub_event_type": "Armed clash", "date": {"from": "2022-11-18"},
          "actor_norm": f"Actor {EVIL}", "target": f"Target {EVIL}",
          "location": {"name": f"Place {EVIL}", "country": "UA", "lat": 47.0, "lon": 32.0},
          "counts_summary": {f"item {EVIL}": {"min": 1, "max": 2}}, "sources": [src]}
    return {"counts": {"articles": 1, "copies": 0, "events": 1, "corpus_events": 1, "shown": 1},
            "filters": f"type = {EVIL}", "generated": "2022-11-20 10:00 UTC", "db": f"news{EVIL}.db",
            "by_type": [("Battles", 1)], "top_actors": [(f"Actor {EVIL}", 1)], "top_places": [(f"Place {EVIL}", 1)],
            "events": [ev], "country_ids": ["804"]}


def test_report_html_passes_no_control_raw():
    html = render_html(_report_data())
    assert not RAW.search(html), RAW.search(html)
    assert "[U+202E]" in html and "<script>alert" not in html
    assert 'href="https://evil.example/%22%3E%3Cscript%3E' in html


def test_report_md_passes_no_control_raw_and_no_raw_link_target():
    md = render_markdown(_report_data())
    assert not RAW.search(md)
    assert '"><script>' not in md and "<script>" not in md
    assert "(https://evil.example/%22%3E%3Cscript%3Ealert%281%29%3C/script%3E)" in md


def test_extract_text_and_json_on_a_terminal(tmp_path):
    page = tmp_path / "storm.html"
    page.write_text(PAGE.format(evil=EVIL), encoding="utf-8")
    bad = tmp_path / "bad\x1b[31m\u202e\nname.html"
    bad.write_bytes(b"")
    for fmt in ("text", "markdown", "json", "jsonl"):
        out = run_cli("extract", str(page), str(bad), "--format", fmt, "--no-facts")
        assert out.returncode == 1, out.stderr
        stdout, stderr = out.stdout.decode(), out.stderr.decode()
        assert not RAW.search(stdout), (fmt, RAW.search(stdout))
        assert not RAW.search(stderr) and stderr.count("\n") == 1, stderr  # the failure: one line
        assert "bad[U+001B][31m[U+202E]\\nname.html" in stderr
    text = run_cli("extract", str(page), "--format", "text", "--no-facts").stdout.decode()
    assert "Storm [U+001B][2J" in text and "[U+202E]evil" in text
    rec = json.loads(run_cli("extract", str(page), "--format", "json", "--no-facts").stdout)
    assert "\x1b[2J" in rec["title"]  # JSON keeps the data (escaped, not raw)


def test_failures_tsv_survives_tabs_and_newlines_in_paths(tmp_path):
    from factwire.corpus.ingest import ingest

    folder = tmp_path / "in"
    folder.mkdir()
    names = ["tab\there.html", "new\nline.html", "esc\x1b[31m.html", "rlo\u202etxt.html", "back\\slash.html"]
    for name in names:
        (folder / name).write_bytes(b"")  # empty: each is a failure row
    db = tmp_path / "news.db"
    summary = ingest([folder], db, progress=False, facts=False)
    assert summary.failures == len(names)
    out = run_cli("failures", "--db", str(db))
    assert out.returncode == 0, out.stderr
    lines = out.stdout.decode().splitlines()
    assert len(lines) == len(names) and not RAW.search(out.stdout.decode())
    assert all(len(line.split("\t")) == 4 for line in lines)
    sources = {line.split("\t")[0] for line in lines}
    assert any(s.endswith("tab\\there.html") for s in sources) and any(s.endswith("new\\nline.html") for s in sources)
    assert any(s.endswith("back\\\\slash.html") for s in sources)
    assert any(s.endswith("esc[U+001B][31m.html") for s in sources)
