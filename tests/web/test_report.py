"""The situation report without a browser: vendored assets, counts, filters, escaping, offline-ness."""
from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import html as lxml_html

from factwire.cli import main
from factwire.corpus.query import filter_events
from factwire.corpus.store import Store
from factwire.export.safe import EXTERNAL_REL, is_http_url, json_script, md_cell
from factwire.web.report import ReportFilters, build_report, csp_hash, report_data

REPO = Path(__file__).resolve().parents[2]
VENDOR_SCRIPT = REPO / "scripts" / "vendor_assets.py"


def _events(db: Path, filters: ReportFilters) -> list[dict]:
    with Store(db, readonly=True) as store:
        rows = store.conn.execute("SELECT event FROM corpus_events").fetchall()
    return filter_events((json.loads(r[0]) for r in rows), **filters.active())


def _shown(doc) -> dict[str, int]:
    return {dd.get("data-count"): int(dd.text_content()) for dd in doc.xpath("//dd[@data-count]")}


@pytest.fixture(scope="module")
def report_html(news_db: Path) -> str:
    return build_report(news_db)


def test_vendored_assets_match_their_recorded_hashes():
    done = subprocess.run([sys.executable, str(VENDOR_SCRIPT)], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr


def test_vendor_check_catches_a_changed_file(tmp_path: Path):
    sys.path.insert(0, str(VENDOR_SCRIPT.parent))
    try:
        import vendor_assets
    finally:
        sys.path.remove(str(VENDOR_SCRIPT.parent))
    copy = tmp_path / "vendor"
    shutil.copytree(vendor_assets.VENDOR, copy)
    (copy / "d3.min.js").write_text("alert(1)", encoding="utf-8")
    (copy / "extra.js").write_text("", encoding="utf-8")
    problems = vendor_assets.verify(copy)
    assert any(p.startswith("d3.min.js: SHA-256") for p in problems)
    assert "extra.js: not listed in README.md" in problems


def test_counts_match_the_store(news_db: Path, report_html: str):
    doc = lxml_html.fromstring(report_html)
    with Store(news_db, readonly=True) as store:
        counts = store.counts()
    assert _shown(doc) == {"articles": counts["articles"], "copies": counts["copies"], "events": counts["events"],
                           "corpus_events": counts["corpus_events"], "shown": counts["corpus_events"]}
    assert len(doc.xpath('//table[@data-table="events"]/tbody/tr')) == counts["corpus_events"]
    by_type = {tr[0].text_content(): int(tr[1].text_content())
               for tr in doc.xpath('//table[@data-table="by_type"]/tbody/tr')}
    assert sum(by_type.values()) == counts["corpus_events"]


@pytest.mark.parametrize("filters", [ReportFilters(type="Explosions/Remote violence"),
                                     ReportFilters(since="2022-11-15", until="2022-11-17"),
                                     ReportFilters(country="UA"), ReportFilters(type="Riots")])
def test_filters_select_the_same_events_as_the_query_module(news_db: Path, filters: ReportFilters):
    expected = _events(news_db, filters)
    doc = lxml_html.fromstring(build_report(news_db, filters))
    assert _shown(doc)["shown"] == len(expected)
    ids = [tr.get("data-event-id") for tr in doc.xpath('//table[@data-table="events"]/tbody/tr')]
    assert sorted(ids) == sorted(e["id"] for e in expected)
    assert filters.describe() in doc.xpath("//p[@class='fw-meta']")[0].text_content()


def test_report_references_nothing_outside(report_html: str):
    for pattern in (r'src\s*=\s*["\']?(https?:)?//', r'href\s*=\s*["\']?//', r"url\(\s*['\"]?(https?:)?//",
                    r"@import", r'<link[^>]+href'):
        assert not re.search(pattern, report_html, re.IGNORECASE), pattern
    doc = lxml_html.fromstring(report_html)
    assert not doc.xpath("//*[@src]")
    for a in doc.xpath("//a[@href]"):
        assert a.get("href").startswith(("http://", "https://")) and a.get("rel") == EXTERNAL_REL
    csp = doc.xpath("//meta[@http-equiv='Content-Security-Policy']")[0].get("content")
    assert "default-src 'none'" in csp and "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]
    for script in doc.xpath("//script[not(@type)]"):
        assert csp_hash(script.text) in csp  # only our inline scripts may run


def test_hostile_strings_are_text_only(hostile_db: Path, report_html: str):
    assert "<script>alert(1)" not in report_html and "<img src=x" not in report_html
    assert "</textarea>" not in report_html and not re.search(r"href=[\"']?\s*javascript", report_html, re.I)
    doc = lxml_html.fromstring(report_html)
    assert not doc.xpath("//img | //iframe | //textarea | //object | //embed")
    assert not [el for el in doc.iter() if any(k.lower().startswith("on") for k in el.attrib)]
    assert len(doc.xpath("//script")) == 7  # d3, Plot, topojson, charts, boot + two JSON blocks
    table = doc.xpath('//table[@data-table="events"]')[0].text_content()
    for bad in ("<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "javascript:alert(1)",
                "</textarea>", "</script>", "[U+202E]"):  # direction controls shown as codes, as in the UI
        assert bad in table
    assert "\u202e" not in table


def test_embedded_json_cannot_break_out_and_round_trips(news_db: Path, report_html: str):
    raw = re.search(r'<script type="application/json" id="fw-data">(.*?)</script>', report_html, re.S).group(1)
    assert not re.search(r"[<>&\u2028\u2029]", raw)
    data = json.loads(raw)
    assert len(data["events"]) == len(_events(news_db, ReportFilters()))
    assert "804" in data["country_ids"]  # Ukraine's ISO numeric id (world-atlas feature id)
    assert json_script({"t": "</script><!--\u2028&"}) == '{"t":"\\u003c/script\\u003e\\u003c!--\\u2028\\u0026"}'


@pytest.mark.parametrize("url,ok", [("https://a.example/x", True), ("HTTP://a.example", True),
                                    ("javascript:alert(1)", False), (" javascript:alert(1)", False),
                                    ("//evil.example/x", False), ("data:text/html,x", False),
                                    ("/relative", False), ("https://a.example/\nx", False), (None, False),
                                    ("https://a.example/\u202ex", False), ("https://a.example/\x7f", False),
                                    ("https://a.example/a b", False)])
def test_only_http_urls_become_links(url, ok):
    assert is_http_url(url) is ok


def test_markdown_report(news_db: Path):
    md = build_report(news_db, fmt="md")
    data = report_data(news_db, ReportFilters())
    assert f"| {data['counts']['articles']} | {data['counts']['copies']} |" in md
    assert "<script>" not in md and "<img" not in md and "](javascript" not in md
    events = md.split("## Events\n", 1)[1].strip().splitlines()
    assert len(events) == 2 + len(data["events"])
    for row in events:
        assert len(re.findall(r"(?<!\\)\|", row)) == 9, row  # 8 cells: no unescaped | inside a cell
    assert md_cell("a|b\n<c>\u202e") == "a\\|b &lt;c&gt;\\[U+202E\\]"


def test_markdown_timeline_keeps_month_and_range_dates(news_db: Path):
    """The seed's deal is dated to November 2022 and the launches to 11-19 November: they are
    timeline rows at their precision, not dropped; every dated event is counted once."""
    md = build_report(news_db, fmt="md")
    data = report_data(news_db, ReportFilters())
    section = md.split("## Timeline\n", 1)[1].split("\n## ", 1)[0]
    assert "| 2022-11 | month | Strategic developments |" in section
    assert re.search(r"\| 2022-11-1\d to 2022-11-\d\d \| range \|", section)
    counted = sum(int(row.rsplit("|", 2)[1]) for row in section.splitlines()
                  if row.startswith("| 20"))
    assert counted == sum(1 for e in data["events"] if (e.get("date") or {}).get("from")) > 0


def test_cli_report_writes_html_and_md(news_db: Path, tmp_path: Path):
    out = tmp_path / "r.html"
    res = CliRunner().invoke(main, ["report", "--db", str(news_db), "--country", "UA", "--out", str(out)])
    assert res.exit_code == 0, res.output
    assert _shown(lxml_html.fromstring(out.read_text(encoding="utf-8")))["shown"] == len(
        _events(news_db, ReportFilters(country="UA")))
    res = CliRunner().invoke(main, ["report", "--db", str(news_db), "--format", "md"])
    assert res.exit_code == 0 and res.output.startswith("# Situation report")


def test_cli_report_errors_are_one_line(tmp_path: Path):
    res = CliRunner().invoke(main, ["report", "--db", str(tmp_path / "missing.db")])
    assert res.exit_code == 1 and res.output.strip().count("\n") == 0 and "missing.db" in res.output
    res = CliRunner().invoke(main, ["report", "--db", "x.db", "--since", "Nov 5"])
    assert res.exit_code == 2 and "YYYY-MM-DD" in res.output


def test_report_shows_the_same_events_as_the_events_command(news_db: Path, report_html: str):
    """The issue's check: the report's events are what `factwire events --db` prints."""
    out = CliRunner().invoke(main, ["events", "--db", str(news_db), "--format", "jsonl"])
    assert out.exit_code == 0, out.output
    from_cli = [json.loads(line) for line in out.stdout.splitlines() if line.strip()]
    doc = lxml_html.fromstring(report_html)
    assert len(from_cli) == _shown(doc)["shown"]
    assert len(doc.xpath('//table[@data-table="events"]/tbody/tr')) == len(from_cli)
