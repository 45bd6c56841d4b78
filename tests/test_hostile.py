"""The hostile corpus (tests/hostile.py: good pages mixed with the garbage a crawler saves and the
inputs an attacker writes) ingested into a database: every input unit (file, JSONL line, WARC
record) ends as exactly one article or one failure row with stage + reason, each case as its
manifest expects; nothing stops the batch; a re-run finishes; the summary equals `status`.

The fast version: 6 good pages, a 64 MB gzip bomb, no facts (facts and time limits are tested
in tests/test_time_limit.py).  `bench/hostile.py` runs the big folder on every engine.
"""
from __future__ import annotations

import hostile
import pytest
from hostile import account, build, db_rows, shown

from factwire.corpus.ingest import ingest
from factwire.corpus.store import Store


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile")
    folder = root / "in"
    cases = build(folder, good=6, bomb_bytes=64 << 20)
    db = root / "h.db"
    summary = ingest([folder], db, facts=False, progress=False)
    return folder, {c.name: c for c in cases}, db, summary, db_rows(db)


def rows_of(corpus, name: str) -> list[tuple[str, str, str, str]]:
    """(source, "article" or failure stage, reason, article id) of every row of a case's file."""
    return hostile.rows_of(corpus[0], name, corpus[4])


def test_every_unit_ends_as_exactly_one_article_or_one_failure(corpus):
    folder, cases, _, _, rows = corpus
    problems = account(folder, list(cases.values()), rows)
    assert not problems, "\n".join(problems)


def test_no_failure_is_an_internal_error_and_every_one_names_stage_and_reason(corpus):
    rows = [r for r in corpus[4] if r[1] != "article"]
    assert rows and all(r[1] and r[2] for r in rows)
    assert not [r for r in rows if "internal error" in r[2] or "Error:" in r[2]], rows


def test_the_summary_counts_equal_status_and_a_rerun_finishes_with_nothing_to_do(corpus):
    folder, _, db, summary, _ = corpus
    with Store(db, readonly=True) as store:
        counts = store.counts()
    assert (summary.pages, summary.failures) == (counts["articles"], counts["failures"])
    again = ingest([folder], db, facts=False, progress=False)
    assert (again.pages, again.failures, again.files_skipped) == (0, 0, again.files)
    with Store(db, readonly=True) as store:
        assert store.counts() == counts


@pytest.mark.parametrize("name", [f"charset/declared-{i:02d}.html" for i in range(18)]
                         + [f"charset/http-{i}.warc" for i in range(5)])
def test_declared_charsets_that_are_not_text_codecs_are_ignored(corpus, name):
    (row,) = rows_of(corpus, name)
    assert row[1] == "article", row


def test_jsonl_lone_surrogates_in_text_id_url_published_give_articles(corpus):
    rows = rows_of(corpus, "jsonl/surrogates.jsonl")
    assert [r[1] for r in rows] == ["article"] * 4
    assert "\ufffd" in {r[3] for r in rows}  # the id "\ud800"


def test_json_nested_5000_deep_is_one_failure_per_line(corpus):
    assert [r[1:3] for r in rows_of(corpus, "jsonl/deep.jsonl")] == [("read", "JSON line nested too deeply to read")] * 2


def test_non_utf8_file_name_is_stored_with_its_bytes_escaped(corpus):
    (row,) = rows_of(corpus, "fs/latin1-\udce9t\udce9.html")
    assert row[1] == "article" and row[0].endswith("latin1-\\xe9t\\xe9.html")


def test_warc_response_without_target_uri_is_read(corpus):
    (row,) = rows_of(corpus, "warc/no-uri.warc")
    assert row[1] == "article"


@pytest.mark.parametrize("name, reason", [
    ("fs/fifo.html", "not a regular file (a FIFO / named pipe)"),
    ("fs/zero.html", "not a regular file (a character device)"),
    ("fs/loop-a.html", "symbolic link loop"),
    ("fs/dangling.html", "dangling symbolic link (to 'no-such-file.html'"),
    ("warc/empty.warc", "empty WARC file"),
    ("warc/fake.warc", "not a WARC file"),
    ("binary/random.html", "not a text or HTML page (binary data"),
    ("binary/random-noctl.txt", "not a text or HTML page (binary data"),
    ("size/big.html", "page too large (17.0 MiB > 16 MiB limit"),
    ("size/bomb.html.gz", "page too large (its gzip stream inflates past the 16 MiB limit"),
    ("size/bomb.jsonl.gz", "JSON line too large (64.0 MiB > 48 MiB limit"),
    ("more/requests-only.warc", "no text or HTML response records"),
    ("more/empty.jsonl", "no JSON lines"),
    ("more/bad-length.warc", "Content-Length 'lots'"),
])
def test_unreadable_inputs_are_one_failure_with_the_reason(corpus, name, reason):
    (row,) = rows_of(corpus, name)
    assert row[1] == "read" and row[2].startswith(reason) or reason in row[2], row


@pytest.mark.parametrize("name", ["text/utf16-nobom.txt", "more/utf16be-nobom.txt"])
def test_utf16_without_bom_is_text(corpus, name):
    (row,) = rows_of(corpus, name)
    assert row[1] == "article"


def test_duplicate_ids_and_identical_bytes_are_recorded_naming_the_other_input(corpus):
    folder = corpus[0]
    dup = rows_of(corpus, "jsonl/dup-ids.jsonl")
    assert [r[1] for r in dup] == ["article", "duplicate", "duplicate"]
    first = shown(folder / "jsonl/dup-ids.jsonl") + ":1"
    assert all(f"already the id of {first}, a different article" in r[2] for r in dup[1:])
    (a,), (b,) = rows_of(corpus, "fs/copy-a.html"), rows_of(corpus, "fs/copy-b.html")
    assert a[1] == "article" and b[1] == "duplicate" and f"same article as {a[0]}" in b[2]


def test_a_symlinked_folder_loop_is_walked_once(corpus):
    sources = [r[0] for r in corpus[4]]
    assert not [s for s in sources if "loopdir" in s]


def test_which_duplicate_keeps_the_id_follows_input_order_not_arrival(tmp_path):
    """The pool and Dask finish pages out of order: written last-first, the result is the same."""
    from factwire.corpus.duplicates import input_order

    page = {"id": "same", "text": "Body.", "url": None}
    sources = ["/in/a.jsonl:2", "/in/a.jsonl:10", "/in/a.jsonl:1", "/in/b.html"]
    assert sorted(sources, key=input_order) == ["/in/a.jsonl:1", "/in/a.jsonl:2", "/in/a.jsonl:10", "/in/b.html"]
    results = []
    for order in (sources, sorted(sources, key=input_order, reverse=True)):
        db = tmp_path / f"{len(results)}.db"
        with Store(db) as store:
            for n, src in enumerate(order):
                store.write_batch([({**page, "source": src, "text": f"Body {src[-1]}."}, None, f"k{n}")], [], [f"k{n}"])
        rows = db_rows(db)
        results.append(sorted((r[0], r[1]) for r in rows))
        assert len(rows) == 4 and [r[0] for r in rows if r[1] == "article"] == ["/in/a.jsonl:1"]
    assert results[0] == results[1]


def test_duplicate_reasons_name_the_final_keeper_whatever_the_arrival_order(tmp_path):
    page = {"id": "same", "text": "Body.", "url": None}
    with Store(tmp_path / "c.db") as store:
        for n, src in enumerate(["/in/c.html", "/in/b.html", "/in/a.html"]):  # the keeper arrives last
            store.write_batch([({**page, "source": src}, None, f"k{n}")], [], [f"k{n}"])
        reasons = sorted(r["reason"] for r in store.failures())
    assert reasons == ["same article as /in/a.html (stored once, under id same)"] * 2
