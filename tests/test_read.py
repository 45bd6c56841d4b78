"""Stage 1: decoding, kind detection, file/JSONL/gzip reading, refusals with reasons."""
from __future__ import annotations

import gzip
import json

import pytest

from factwire.errors import ReadError
from factwire.model import Failure, Page
from factwire.read.pages import decode_bytes, detect_kind, page_from_bytes
from factwire.read.sources import read_sources, walk_sources

from fwtest import write_warc

RU = ("Москва и Тегеран договорились о производстве беспилотников на территории России. "
      "Об этом сообщила газета, ссылаясь на американских чиновников разведки. ") * 3
JP = "ロシアとイランは、ロシア国内で無人機を製造することで合意したと報じられた。" * 3


def html_page(body: str, head: str = "") -> str:
    return f"<html><head>{head}<title>t</title></head><body><p>{body}</p></body></html>"


@pytest.mark.parametrize("encoding", ["cp1251", "koi8-r"])
def test_cyrillic_without_declaration_is_detected(encoding):
    text, used = decode_bytes(html_page(RU).encode(encoding))
    assert "Москва и Тегеран" in text
    assert used.replace("_", "-") in ("cp1251", "koi8-r", "windows-1251")


def test_cp1251_with_meta_declaration():
    raw = html_page(RU, '<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">').encode("cp1251")
    text, used = decode_bytes(raw)
    assert "беспилотников" in text and used == "cp1251"


def test_shift_jis_declared_and_detected():
    declared = html_page(JP, "<meta charset='shift_jis'>").encode("shift_jis")
    assert "無人機" in decode_bytes(declared)[0]
    assert "無人機" in decode_bytes(html_page(JP).encode("shift_jis"))[0]


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be", "utf-8"])
def test_bom_decides(codec):
    raw = ("\ufeff" + html_page("Zürich naïve café")).encode(codec)
    text, _ = decode_bytes(raw)
    assert "Zürich naïve café" in text and not text.startswith("\ufeff")


def test_wrong_declared_charset_is_overruled():
    # declares UTF-8, is cp1251: strict UTF-8 fails, detection finds Cyrillic
    raw = html_page(RU, "<meta charset='utf-8'>").encode("cp1251")
    assert "Москва" in decode_bytes(raw)[0]
    # declares Latin-1, is UTF-8 (a common lie): UTF-8 wins
    raw = html_page("Zürich café", "<meta charset='iso-8859-1'>").encode("utf-8")
    assert decode_bytes(raw) == (html_page("Zürich café", "<meta charset='iso-8859-1'>"), "utf-8")


def test_invalid_utf8_bytes_are_replaced_not_fatal():
    raw = html_page("Zürich café " * 40).encode("utf-8").replace(b"caf\xc3\xa9", b"caf\xff", 1)
    text, used = decode_bytes(raw)
    assert used == "utf-8" and text.count("\ufffd") == 1 and text.count("Zürich") == 40


def test_detect_kind():
    assert detect_kind("<!DOCTYPE html><html><body><p>x</p></body></html>") == "html"
    assert detect_kind("Title\n\nA paragraph of text with a < sign and 3 > 2.\n") == "text"
    assert detect_kind("Intro line\n<div><p>one</p><p>two</p><a href=x>y</a></div>") == "html"


@pytest.mark.parametrize("raw, reason", [
    (b"", "empty input"),
    (b"   \n\t ", "empty input"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG image"),
    (bytes(range(256)) * 40, "binary data"),
])
def test_refusals_have_reasons(raw, reason):
    with pytest.raises(ReadError, match=reason):
        page_from_bytes(raw, "x")


def test_size_limit():
    with pytest.raises(ReadError, match="too large"):
        page_from_bytes(b"<p>x</p>" * 1000, "x", max_bytes=1000)


def test_folder_gz_jsonl_and_failures(tmp_path):
    (tmp_path / "a.html").write_text(html_page("Hello world"), encoding="utf-8")
    (tmp_path / "b.txt.gz").write_bytes(gzip.compress(b"Plain text page\n\nWith a paragraph.\n"))
    (tmp_path / "c.html.gz").write_bytes(gzip.compress(b"<html><body><p>x</p></body></html>")[:-12])
    lines = [json.dumps({"id": "k1", "url": "https://e.com/1", "html": html_page("One")}),
             "{not json", json.dumps({"text": "Second page", "published": "2022-11-19"}),
             json.dumps({"url": "no body"})]
    (tmp_path / "d.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (tmp_path / "ignored.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    items = list(read_sources([tmp_path]))
    kinds = [(type(i).__name__, i.source.replace(str(tmp_path), "")) for i in items]
    assert [k for k, _ in kinds] == ["Page", "Page", "Failure", "Page", "Failure", "Page", "Failure"]
    pages = [i for i in items if isinstance(i, Page)]
    assert pages[1].kind == "text" and pages[2].id == "k1" and pages[2].url == "https://e.com/1"
    assert pages[3].published == "2022-11-19" and pages[3].kind == "text"
    failures = [i for i in items if isinstance(i, Failure)]
    assert "truncated gzip" in failures[0].reason
    assert failures[1].source.endswith("d.jsonl:2") and "invalid JSON" in failures[1].reason
    assert 'no "html" or "text"' in failures[2].reason


def test_content_id_is_stable_and_given_id_kept(tmp_path):
    p = tmp_path / "a.html"
    p.write_text(html_page("Same"), encoding="utf-8")
    first = next(read_sources([p])).id
    assert first == next(read_sources([p])).id and len(first) == 16


def test_missing_file_is_a_failure_not_an_exception(tmp_path):
    (item,) = read_sources([tmp_path / "nope.html"])
    assert isinstance(item, Failure) and item.stage == "read" and "No such file" in item.reason


def test_jsonl_size_limit_is_per_page_not_per_file(tmp_path):
    lines = [json.dumps({"id": f"p{i}", "text": "A paragraph of text. " * 50}) for i in range(30)]
    path = tmp_path / "many.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert path.stat().st_size > 20_000
    items = list(read_sources([path], max_bytes=5_000))
    assert [i.id for i in items] == [f"p{i}" for i in range(30)]


def test_truncated_jsonl_gz_keeps_the_lines_before_the_break(tmp_path):
    lines = [json.dumps({"id": f"p{i}", "text": f"Page {i} with some words in it."}) for i in range(2000)]
    raw = gzip.compress(("\n".join(lines) + "\n").encode())
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(raw[: len(raw) // 2])
    items = list(read_sources([path]))
    pages = [i for i in items if isinstance(i, Page)]
    assert 100 < len(pages) < 2000 and [p.id for p in pages] == [f"p{i}" for i in range(len(pages))]
    assert isinstance(items[-1], Failure) and "unreadable after line" in items[-1].reason


def test_extract_reads_warc_files_and_folders_of_them_like_ingest(tmp_path):
    crawl = tmp_path / "crawl"
    (crawl / "sub").mkdir(parents=True)
    write_warc(crawl / "sub" / "a.warc.gz", [
        ("https://example.org/a", html_page("Alpha story text.").encode(), "text/html"),
        ("https://example.org/logo.png", b"\x89PNG\r\n\x1a\n", "image/png"),  # skipped: not a page
        ("https://example.ru/b", html_page(RU).encode("cp1251"), "text/html; charset=windows-1251")])
    (crawl / "c.html").write_text(html_page("Gamma"), encoding="utf-8")
    (crawl / "notes.pdf").write_bytes(b"%PDF-1.4")  # not a page suffix: not walked
    items = list(read_sources([crawl], published="2022-11-19"))
    assert all(isinstance(i, Page) for i in items)
    assert [i.url for i in items] == [None, "https://example.org/a", "https://example.ru/b"]
    assert "Москва" in items[2].content and items[2].encoding == "cp1251"
    assert items[1].source.startswith(str(crawl / "sub" / "a.warc.gz") + "#")
    assert {i.published for i in items} == {"2022-11-19"}  # the fallback date reaches WARC records
    assert [s.path for s in walk_sources([crawl])] == [crawl / "c.html", crawl / "sub" / "a.warc.gz"]
