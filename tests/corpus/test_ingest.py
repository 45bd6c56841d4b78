"""Ingest: folders, WARC and JSONL into the store; resume; re-ingest is idempotent; CLI commands."""
from __future__ import annotations

import gzip
import json

from fwpages import page_bytes

from factwire.corpus.ingest import ingest
from factwire.read.warc import read_warc

from corpus_helpers import copy_pages, db_rows, integrity, pages_warc, write_warc
from fwtest import run_cli

RU = ("<html><head><title>Новости</title></head><body><article><p>"
      + "Москва и Тегеран договорились о производстве беспилотников на территории России. " * 5
      + "</p><p>" + "Соглашение подписали в ноябре, сообщили источники в правительстве. " * 4
      + "</p></article></body></html>")


def test_reingest_is_idempotent_and_skips_finished_files(tmp_path):
    pages = copy_pages(tmp_path / "in", 8)
    db = tmp_path / "c.db"
    first = ingest([tmp_path / "in"], db, progress=False, facts=False)
    assert (first.pages, first.failures, first.files) == (8, 0, 8)
    again = ingest([tmp_path / "in"], db, progress=False, facts=False)
    assert (again.pages, again.files_skipped) == (0, 8)
    pages[0].write_bytes(pages[0].read_bytes())  # touched: read again, stored once
    pages[1].write_bytes(gzip.compress(gzip.decompress(pages[1].read_bytes()) + b"<!-- edited -->"))
    third = ingest([tmp_path / "in"], db, progress=False, facts=False)
    assert third.files_skipped == 6 and third.pages == 2
    assert db_rows(db, "SELECT count(*) FROM articles") == [(9,)]  # the edited page is a new article
    assert integrity(db) == "ok"


def test_warc_records_become_pages_with_url_offset_and_http_charset(tmp_path):
    warc = tmp_path / "crawl.warc.gz"
    write_warc(warc, [("https://example.ru/a", RU.encode("cp1251"), "text/html; charset=windows-1251"),
                      ("https://example.org/logo.png", b"\x89PNG\r\n\x1a\n", "image/png"),
                      ("https://example.org/b", page_bytes(1)[0], "text/html")])
    pages = list(read_warc(warc))
    assert [p.url for p in pages] == ["https://example.ru/a", "https://example.org/b"]
    assert "Москва" in pages[0].content and pages[0].encoding == "cp1251"
    assert pages[0].source.startswith(f"{warc}#") and pages[1].source != pages[0].source
    summary = ingest([warc], tmp_path / "c.db", progress=False, facts=False)
    assert (summary.pages, summary.failures) == (2, 0)
    urls = {u for (u,) in db_rows(tmp_path / "c.db", "SELECT url FROM articles")}
    assert "https://example.ru/a" in urls and len(urls) == 2  # the news page declares its canonical URL


def test_folders_mix_warc_jsonl_and_pages_and_resume_by_page(tmp_path):
    src = tmp_path / "in"
    copy_pages(src / "html", 3, variant="html")  # not the WARC's bytes: those would be duplicates
    (src / "sub").mkdir(parents=True)
    pages_warc(src / "sub" / "a.warc", 3)
    html = [body.decode("utf-8") for body in page_bytes(6)[3:]]
    (src / "b.jsonl").write_text("\n".join(json.dumps({"url": f"https://x.org/{i}", "html": h})
                                           for i, h in enumerate(html)) + "\n")
    summary = ingest([src], tmp_path / "c.db", progress=False, facts=False)
    assert (summary.files, summary.pages, summary.failures) == (5, 9, 0)
    keys = [k for (k,) in db_rows(tmp_path / "c.db", "SELECT key FROM done WHERE key LIKE 'page:%'")]
    assert any("a.warc|" in k and "#" in k for k in keys) and any("b.jsonl|" in k and k.endswith(":2") for k in keys)


def test_cli_ingest_status_failures_search(tmp_path):
    copy_pages(tmp_path / "in", 4)
    (tmp_path / "in" / "broken.html").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    db = str(tmp_path / "c.db")
    done = run_cli("ingest", str(tmp_path / "in"), "--db", db, "--no-facts", "--quiet", "--json")
    assert done.returncode == 1, done.stderr  # some pages failed (as `extract`: 0 none, 2 all)
    assert json.loads(done.stdout)["pages"] == 4
    status = json.loads(run_cli("status", "--db", db, "--json").stdout)
    assert (status["articles"], status["failures"]) == (4, 1)
    assert status["failures_by_reason"][0]["stage"] == "read"
    listed = run_cli("failures", "--db", db).stdout.decode()
    assert "broken.html\tread\tnot a text or HTML page (PNG image)" in listed
    title = db_rows(tmp_path / "c.db", "SELECT title FROM articles LIMIT 1")[0][0]
    word = max(title.split(), key=len).strip("'\":,.?!")
    hits = run_cli("search", word, "--db", db, "--limit", "2")
    assert hits.returncode == 0 and title in hits.stdout.decode()
    bad = run_cli("status", "--db", str(tmp_path / "none.db"))
    assert bad.returncode == 1 and b"no database" in bad.stderr and b"Traceback" not in bad.stderr


def test_retry_failed_runs_failed_pages_again(tmp_path):
    (tmp_path / "in").mkdir()
    page = tmp_path / "in" / "a.html"
    page.write_text("")
    db = tmp_path / "c.db"
    assert ingest([tmp_path / "in"], db, progress=False, facts=False).failures == 1
    assert ingest([tmp_path / "in"], db, progress=False, facts=False, retry_failed=True).failures == 1
    assert db_rows(db, "SELECT attempts, stage, reason FROM failures") == [(2, "read", "empty input")]


def test_cli_shards_need_the_dask_engine_and_help_shows_examples(tmp_path):
    r = run_cli("ingest", str(tmp_path), "--db", str(tmp_path / "c.db"), "--shards", str(tmp_path / "s"))
    assert r.returncode == 2 and b"--shards need --engine dask" in r.stderr
    assert not (tmp_path / "c.db").exists()
    help_text = run_cli("ingest", "--help").stdout.decode()
    assert "--engine dask --workers 2" in help_text and "--shards DIR" in help_text
