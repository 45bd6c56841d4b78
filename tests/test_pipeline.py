"""The per-page sandbox: every bad input becomes a recorded failure with stage and reason."""
from __future__ import annotations

import gzip
import json
import subprocess
import sys
import time

import pytest

from factwire import ExtractionError, extract
from factwire.model import Failure, Page, Record
from factwire.pipeline import extract_all, process_page

ARTICLE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Drones over the river | Example News</title></head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/tech">Tech</a></li></ul></nav>
<article><h1>Drones over the river</h1>
<p>More than twenty drones crossed the river on Saturday night, officials said, and most of them were shot down before reaching the city.</p>
<p>The regional governor said that the air defence units had worked through the night and that no one was hurt in the attack on the port.</p>
<p>Residents described hearing explosions for several hours, and the power company said it had restored electricity to most homes by the morning.</p>
</article><footer><p>Copyright 2022 Example News. All rights reserved.</p></footer></body></html>"""

REQUIRED_FIELDS = ["id", "url", "site", "title", "published", "authors", "language", "text", "paragraphs",
                   "captions", "removed", "entities", "dates", "quantities", "places", "attributions", "events"]


def test_extract_returns_a_record_with_the_contract_fields():
    rec = extract(ARTICLE, url="https://example.com/2022/11/19/drones")
    assert isinstance(rec, Record)
    d = rec.to_dict()
    assert all(k in d for k in REQUIRED_FIELDS)
    assert set(d["removed"]) == {"related", "promo", "navigation", "comments"}
    assert all(isinstance(d[k], list) for k in ("entities", "dates", "quantities", "places", "events"))
    assert any(e["sub_event_type"] == "Disrupted weapons use" for e in d["events"])  # "shot down"
    assert any("twenty drones" in p for p in rec.paragraphs)
    assert rec.text == "\n\n".join(rec.paragraphs)
    assert "Copyright" not in rec.text


def test_extract_accepts_bytes_and_str_alike():
    assert extract(ARTICLE.encode("utf-8")).paragraphs == extract(ARTICLE).paragraphs


def test_published_hint_is_a_fallback_only():
    assert extract(ARTICLE, published="2022-11-19").published == "2022-11-19"


def test_no_clean_keeps_text_unchanged():
    text = "First paragraph of a clean text.\n\nSecond one, with  two spaces.\n"
    rec = extract(text, clean=False, input_kind="text")
    assert rec.text == text and rec.paragraphs == ["First paragraph of a clean text.", "Second one, with  two spaces."]


@pytest.mark.parametrize("data, stage, reason", [
    (b"", "read", "empty input"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "read", "PNG"),
    ("<html><head><script>var a = 1;</script></head><body><script>document.write('hi there everyone')</script></body></html>",
     "clean", "no article text"),
    ("<html><body>" + "<div>" * 100_000 + "<p>Deep.</p>" + "</div>" * 100_000 + "</body></html>", "clean", "256 levels"),
])
def test_bad_inputs_raise_extraction_error_with_stage_and_reason(data, stage, reason):
    with pytest.raises(ExtractionError) as info:
        extract(data)
    assert info.value.failure.stage == stage and reason in info.value.failure.reason
    assert "\n" not in str(info.value)


def test_a_50mb_page_is_refused_by_default_and_time_limited_when_allowed(tmp_path):
    big = ("<html><body>" + "<p>Some words in a paragraph that goes on for a while.</p>\n" * 900_000
           + "</body></html>").encode()
    assert len(big) > 50_000_000
    path = tmp_path / "big.html"
    path.write_bytes(big)
    (refused,) = extract_all([path])
    assert isinstance(refused, Failure) and "too large" in refused.reason
    t0 = time.monotonic()
    (limited,) = extract_all([path], max_bytes=64 * 2**20, timeout=0.5)
    assert time.monotonic() - t0 < 20
    assert isinstance(limited, Failure) and limited.stage == "timeout" and "0.5 s" in limited.reason


def test_time_limit_applies_off_the_main_thread_too():
    from concurrent.futures import ThreadPoolExecutor

    page = Page(source="x", content=ARTICLE * 3000, kind="html", id="x")
    with ThreadPoolExecutor(1) as pool:
        result = pool.submit(process_page, page, timeout=1e-6).result()
    assert isinstance(result, Failure) and result.stage == "timeout"


def test_wrong_charset_and_invalid_bytes_still_give_records():
    ru = "<p>" + "Москва и Тегеран договорились о производстве беспилотников на территории России. " * 4 + "</p>"
    page = f"<html><head><meta charset='utf-8'></head><body><article>{ru}{ru}</article></body></html>"
    assert "Москва" in extract(page.encode("cp1251")).text
    broken = ARTICLE.replace("river on", "river at Zürich on").encode().replace(b"twenty", b"tw\xffenty")
    text = extract(broken).text
    assert "tw\ufffdenty drones" in text and "Zürich" in text
    # an ASCII page with stray high bytes is a single-byte page: cp1252 smart quotes stay quotes
    quoted = ARTICLE.replace("officials said", "officials \u201csaid\u201d").encode("cp1252")
    assert "\u201csaid\u201d" in extract(quoted).text


def test_batch_goes_on_after_bad_pages(tmp_path):
    (tmp_path / "good.html").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "bad.html").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    (tmp_path / "trunc.html.gz").write_bytes(gzip.compress(ARTICLE.encode())[:-30])
    items = list(extract_all([tmp_path]))
    assert sorted(type(i).__name__ for i in items) == ["Failure", "Failure", "Record"]
    assert {i.stage for i in items if isinstance(i, Failure)} == {"read"}


def test_model_loading_is_not_charged_to_the_first_pages_time_limit():
    """A fresh process loads spaCy and the gazetteers (~2 s) before the first page's facts
    clock starts: a one-sentence page with a 1 s limit gets its facts, not a facts timeout."""
    code = ("import json; from factwire import extract; "
            "r = extract('Russian forces shelled Kharkiv on Monday, killing two people.', "
            "input_kind='text', clean=False, published='2022-03-20', timeout=1.0); "
            "print(json.dumps({'errors': r.errors, 'events': len(r.events)}))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    result = json.loads(out.stdout.strip().splitlines()[-1])
    assert result == {"errors": [], "events": 1}


STORY = ("Russian forces shelled the town of Kharkiv on Monday, killing two civilians, "
         "the regional governor said.\n\nUkrainian air defenses shot down three drones over Kyiv overnight.\n")


def test_pipeline_runs_events_on_the_facts_parse_and_records_their_failures(monkeypatch):
    """Stage 5 gets stage 4's Doc from the pipeline (facts never run events); a coder bug costs
    the events only, recorded under stage "events"."""
    import factwire.events.coder as coder

    seen = []
    real = coder.code_events
    monkeypatch.setattr(coder, "code_events", lambda doc, rec, published: seen.append(doc) or real(doc, rec, published))
    rec = extract(STORY, published="2022-03-01", input_kind="text", clean=False)
    assert rec.events and rec.entities and len(seen) == 1 and seen[0].text == rec.text

    def broken(doc, rec, published):
        raise KeyError("slot")

    monkeypatch.setattr(coder, "code_events", broken)
    rec = extract(STORY, published="2022-03-01", input_kind="text", clean=False)
    assert rec.entities and rec.events == []
    assert rec.errors == [{"stage": "events", "reason": "KeyError: 'slot'"}]
    assert extract(STORY, input_kind="text", clean=False, facts=False).events == []
