"""A hostile corpus: good news pages mixed with the garbage a crawler saves and the inputs an
attacker writes.  `build(folder)` writes it and returns a manifest saying, for every input unit
(a file, a JSONL line, a WARC record), whether it must end as an article, a failure, or either —
never as nothing.  Used by tests/test_hostile.py and by `python tests/hostile.py FOLDER` to make
the big folder the robustness benchmark ingests on every engine.

Imports nothing from factwire: the attack is written before (and independent of) the fix.
"""
from __future__ import annotations

import gzip
import io
import json
import os
import random
import struct
import sys
from dataclasses import asdict, dataclass, field
from pathlib import Path

ARTICLE, FAILURE, EITHER = "article", "failure", "either"

#: Stand-in vocabulary for the synthetic good pages (each page a different story, so near-duplicate
#: detection keeps them apart).
_PLACES = ["Kharkiv", "Odesa", "Lviv", "Dnipro", "Zaporizhzhia", "Mykolaiv", "Kherson", "Poltava",
           "Sumy", "Chernihiv", "Vinnytsia", "Rivne", "Lutsk", "Uzhhorod", "Ternopil", "Kropyvnytskyi"]
_TOPICS = ["the city council approved a new budget", "a new bridge opened to traffic",
           "the regional hospital received new equipment", "farmers reported a record harvest",
           "the university opened a research centre", "a local football club won the cup",
           "the railway company announced new trains", "a museum reopened after repairs",
           "power engineers restored electricity", "volunteers delivered aid to villages",
           "air defence forces shot down drones", "the governor said a missile hit an energy facility"]
_WORDS = ("market school river winter bakery tram library orchestra harbour factory clinic park "
          "station garden festival bridge tower square museum theatre").split()


@dataclass(slots=True)
class Case:
    """One hostile input: its file name (relative), what each of its units must become."""

    name: str
    kind: str  # what the attack is, one phrase
    units: int = 1  # input units (files, JSONL lines, WARC records) in this file
    expect: str = FAILURE  # article | failure | either (per unit)
    notes: list[str] = field(default_factory=list)


def good_text(rng: random.Random, i: int) -> str:
    """A plausible short news article as flattened text, unique per i."""
    place = _PLACES[i % len(_PLACES)]
    topic = _TOPICS[(i // len(_PLACES)) % len(_TOPICS)]
    sents = [f"{place.upper()} (Wire) - On Tuesday {topic} in {place}, officials said, story {i}."]
    for k in range(6):
        words = " ".join(rng.choice(_WORDS) for _ in range(14))
        sents.append(f"Residents of {place} described the {words} as number {i * 7 + k} of the year.")
    return "\n\n".join(sents)


def good_html(rng: random.Random, i: int, charset: str = "utf-8") -> str:
    body = "".join(f"<p>{p}</p>\n" for p in good_text(rng, i).split("\n\n"))
    return (f"<!doctype html><html><head><meta charset=\"{charset}\"><title>Story {i}</title></head>"
            f"<body><nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav>"
            f"<article><h1>Story {i} headline</h1>{body}</article><footer>© Wire</footer></body></html>")


def warc_record(rtype: str, payload: bytes, headers: dict[str, str]) -> bytes:
    """One WARC/1.0 record (enough of the format for warcio to read it)."""
    head = ["WARC/1.0", f"WARC-Type: {rtype}", "WARC-Date: 2022-11-19T00:00:00Z",
            f"WARC-Record-ID: <urn:uuid:{random.Random(payload).getrandbits(128):032x}>"]
    head += [f"{k}: {v}" for k, v in headers.items()]
    head += [f"Content-Length: {len(payload)}"]
    return ("\r\n".join(head) + "\r\n\r\n").encode() + payload + b"\r\n\r\n"


def http_response(body: bytes, content_type: str = "text/html; charset=utf-8") -> bytes:
    return (f"HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\n"
            f"Content-Length: {len(body)}\r\n\r\n").encode() + body


def gzip_bomb(path: Path, inner_bytes: int, line: bool = True) -> None:
    """A small .gz file that inflates to `inner_bytes` (one JSONL line with no newline)."""
    chunk = b"a" * (1 << 20)
    with gzip.open(path, "wb", compresslevel=9) as fh:
        if line:
            fh.write(b'{"id": "bomb", "text": "')
        left = inner_bytes
        while left > 0:
            fh.write(chunk[:min(left, len(chunk))])
            left -= len(chunk)
        if line:
            fh.write(b'"}\n')


class Writer:
    """Writes cases into a folder and keeps the manifest."""

    def __init__(self, root: Path):
        self.root = root
        self.cases: list[Case] = []

    def add(self, name: str, data: bytes | str, kind: str, *, units: int = 1, expect: str = FAILURE) -> Path:
        path = self.root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data)
        self.cases.append(Case(name, kind, units, expect))
        return path

    def note(self, name: str, kind: str, *, units: int = 1, expect: str = FAILURE) -> None:
        self.cases.append(Case(name, kind, units, expect))


def add_good(w: Writer, rng: random.Random, n: int) -> None:
    for i in range(n):
        if i % 3 == 0:
            w.add(f"good/page-{i:04d}.txt", good_text(rng, i), "good text page", expect=ARTICLE)
        else:
            w.add(f"good/page-{i:04d}.html", good_html(rng, i), "good HTML page", expect=ARTICLE)


def add_charset_attacks(w: Writer, rng: random.Random) -> None:
    """Declared charsets that name codecs which are not text encodings (LookupError in decode)."""
    for i, cs in enumerate(["base64", "bz2", "hex", "quopri", "rot13", "uu", "zlib", "x-unknown-cs",
                            "utf-7", "utf-32", "\u0000", "utf-8\"><script>alert(1)</script>",
                            "undefined", "idna", "punycode", "unicode_escape", "mbcs", "utf-16"]):
        w.add(f"charset/declared-{i:02d}.html", good_html(rng, 5000 + i, cs), f"meta charset={cs!r}",
              expect=EITHER)
    for i, cs in enumerate(["base64", "rot13", "zlib", "undefined", "\"utf-7\""]):
        body = good_html(rng, 5100 + i).encode()
        rec = warc_record("response", http_response(body, f"text/html; charset={cs}"),
                          {"WARC-Target-URI": f"http://example.org/cs{i}"})
        w.add(f"charset/http-{i}.warc", rec, f"WARC HTTP charset={cs}", expect=EITHER)


def add_jsonl_attacks(w: Writer, rng: random.Random) -> None:
    text = good_text(rng, 6000)
    lines = [
        '{"id": "sur-text", "text": ' + json.dumps(text[:200])[:-1] + ' \\ud800 end"}',
        '{"id": "\\ud800", "text": ' + json.dumps(good_text(rng, 6001)) + "}",
        '{"id": "sur-url", "url": "http://x/\\udfff", "text": ' + json.dumps(good_text(rng, 6002)) + "}",
        '{"id": "sur-pub", "published": "2022-\\ud800", "text": ' + json.dumps(good_text(rng, 6003)) + "}",
    ]
    w.add("jsonl/surrogates.jsonl", "\n".join(lines) + "\n", "lone surrogate escapes", units=4, expect=EITHER)
    w.add("jsonl/deep.jsonl", "[" * 5000 + "]" * 5000 + "\n" + '{"a":' * 5000 + "1" + "}" * 5000 + "\n",
          "JSON nested 5,000 deep", units=2)
    dup = [json.dumps({"id": "same", "text": good_text(rng, 6100 + k)}) for k in range(3)]
    w.add("jsonl/dup-ids.jsonl", "\n".join(dup) + "\n", "three lines with the same id", units=3, expect=EITHER)
    odd = ["[1, 2, 3]", "42", "null", '"just a string"', '{"text": 5}', '{"text": null}', '{"id": 7, "text": "x"}',
           '{"text": ["a"]}', "{not json", "", "   ", '{"text": ""}', '{"id": "ok", "text": ' + json.dumps(text) + "}",
           '{"published": 20221119, "text": ' + json.dumps(good_text(rng, 6200)) + "}"]
    # blank lines are not inputs: 12 units (two blank lines skipped)
    w.add("jsonl/odd-values.jsonl", "\n".join(odd) + "\n", "JSONL lines of the wrong shape", units=12, expect=EITHER)
    w.add("jsonl/invalid-utf8.jsonl", b'{"id": "bad", "text": "caf\xe9 \xff\xfe"}\n', "invalid UTF-8 in JSONL",
          expect=EITHER)
    w.add("jsonl/bom.jsonl", b"\xef\xbb\xbf" + json.dumps({"id": "bom", "text": good_text(rng, 6300)}).encode()
          + b"\r\n", "UTF-8 BOM and CRLF", expect=ARTICLE)


def add_size_attacks(w: Writer, rng: random.Random, bomb_bytes: int) -> None:
    gz = w.root / "size/bomb.jsonl.gz"
    gz.parent.mkdir(parents=True, exist_ok=True)
    gzip_bomb(gz, bomb_bytes)
    w.note("size/bomb.jsonl.gz", f"gzip bomb: one {bomb_bytes >> 20} MB JSONL line")
    html_gz = w.root / "size/bomb.html.gz"
    gzip_bomb(html_gz, bomb_bytes, line=False)
    w.note("size/bomb.html.gz", f"gzip bomb: {bomb_bytes >> 20} MB of 'a'")
    w.add("size/big.html", b"<p>" + b"x" * (17 * 1024 * 1024) + b"</p>", "17 MB page (over the size limit)")
    w.add("size/trunc.html.gz", gzip.compress(good_html(rng, 7000).encode())[:200], "truncated gzip")
    w.add("size/notgzip.html.gz", good_html(rng, 7001), "not gzip despite .gz", expect=EITHER)


#: 100 KB of one conflict sentence pair repeated, one paragraph: every facts and events rule
#: fires on every sentence (the page that ran for minutes in threads and on Dask).
_REPEATED = ("Russian forces shelled the village of Nova Kakhovka on 12 May, killing 3 people, officials "
             "said; the owners of the houses said more than 100 drones were launched. ")
REPETITIVE_TEXT = _REPEATED * (100_000 // len(_REPEATED))


def add_text_attacks(w: Writer, rng: random.Random) -> None:
    w.add("text/repetitive-100k.txt", REPETITIVE_TEXT, "100 KB repetitive conflict text", expect=EITHER)
    w.add("text/numbers.txt", " ".join(f"{k} drones, {k} people and {k} missiles" for k in range(5000)),
          "a storm of quantities", expect=EITHER)
    w.add("text/dates.txt", " ".join(f"on {d} May 2022 and since November {d}" for d in range(1, 29)) * 60,
          "a storm of dates", expect=EITHER)
    w.add("text/oneline.txt", "word" * 300_000, "1.2 MB with no spaces", expect=EITHER)
    w.add("text/utf16-nobom.txt", good_text(rng, 7100).encode("utf-16-le"), "UTF-16 LE text without a BOM",
          expect=ARTICLE)
    w.add("text/utf16-bom.txt", good_text(rng, 7101).encode("utf-16"), "UTF-16 text with a BOM", expect=ARTICLE)
    w.add("text/latin1.txt", good_text(rng, 7102).replace("e", "é").encode("latin-1"), "Latin-1 text",
          expect=ARTICLE)
    w.add("text/escapes.txt", "\x1b]0;pwned\x07\x1b[2J\x1b[31m" + good_text(rng, 7103) + "\x1b[0m\u202e",
          "terminal escape sequences in the text", expect=EITHER)
    w.add("text/controls.txt", "".join(chr(c) for c in range(1, 32)) * 50 + good_text(rng, 7104),
          "control characters", expect=EITHER)


def add_binary_attacks(w: Writer, rng: random.Random) -> None:
    w.add("binary/empty.html", b"", "empty file")
    w.add("binary/space.txt", b" \n\t\r\n   ", "whitespace only")
    w.add("binary/random.html", random.Random(1).randbytes(30_000), "random bytes")
    w.add("binary/random-noctl.txt", bytes(random.Random(2).randrange(128, 256) for _ in range(30_000)),
          "random high bytes with no control characters")
    w.add("binary/png.html", b"\x89PNG\r\n\x1a\n" + random.Random(3).randbytes(5000), "a PNG named .html")
    w.add("binary/pdf.txt", b"%PDF-1.4\n" + random.Random(4).randbytes(5000), "a PDF named .txt")
    buf = io.BytesIO()
    import zipfile
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("a.html", good_html(rng, 7200))
    w.add("binary/zip.html", buf.getvalue(), "a ZIP named .html")
    w.add("binary/nul.html", good_html(rng, 7201).replace("<p>", "<p>\x00", 3), "NUL bytes inside HTML",
          expect=EITHER)
    w.add("binary/elf.txt", b"\x7fELF" + struct.pack("<I", 2) + b"\x00" * 200, "an ELF executable")


def add_html_attacks(w: Writer, rng: random.Random) -> None:
    w.add("html/deep.html", "<div>" * 100_000 + "<p>deep text here for a reader</p>" + "</div>" * 100_000,
          "100,000 nested divs", expect=EITHER)
    w.add("html/wide.html", "<html><body>" + "<span>a</span>" * 200_000 + "</body></html>",
          "200,000 sibling elements", expect=EITHER)
    xss = ('<html><head><title>"><script>alert(1)</script>\u202e</title>'
           '<link rel="canonical" href="javascript:alert(1)"><meta http-equiv="refresh" content="0;url=http://evil">'
           '</head><body><article><h1><img src=x onerror=alert(1)></h1>'
           + "".join(f"<p>{p} <a href='javascript:alert(1)'>x</a></p>" for p in good_text(rng, 7300).split("\n\n"))
           + "<script>document.write('x')</script><iframe src='http://evil'></iframe></article></body></html>")
    w.add("html/xss.html", xss, "script, javascript: URLs, refresh, bidi in the title", expect=ARTICLE)
    laughs = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">'
              '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;">]><html><body><p>&lol3;</p></body></html>')
    w.add("html/laughs.xhtml", laughs, "billion laughs (entity expansion)", expect=EITHER)
    w.add("html/attr.html", '<html><body><p title="' + "a" * 5_000_000 + '">x</p></body></html>',
          "a 5 MB attribute", expect=EITHER)
    w.add("html/scripts-only.html", "<html><body>" + "<script>var a=1;</script>" * 1000 + "</body></html>",
          "scripts only, no text")


def add_warc_attacks(w: Writer, rng: random.Random) -> None:
    body = good_html(rng, 7400).encode()
    no_uri = warc_record("response", http_response(body), {})
    w.add("warc/no-uri.warc", no_uri, "WARC response without WARC-Target-URI", expect=EITHER)
    w.add("warc/empty.warc", b"", "empty .warc file")
    w.add("warc/fake.warc", ("not a warc file, just words " * 1000).encode(), "26 KB non-WARC named .warc")
    recs = b"".join(warc_record("response", http_response(good_html(rng, 7500 + k).encode()),
                                {"WARC-Target-URI": f"http://example.org/a{k}"}) for k in range(3))
    w.add("warc/good.warc", recs, "three good WARC records", units=3, expect=ARTICLE)
    w.add("warc/good.warc.gz", gzip.compress(recs), "gzipped WARC of the same three pages", units=3,
          expect=EITHER)
    w.add("warc/trunc.warc", recs[: len(recs) // 2 + 50], "WARC cut in the middle of a record", units=2,
          expect=EITHER)


def add_fs_attacks(w: Writer, rng: random.Random) -> None:
    """File-system shapes: links, odd names, copies, things that are not regular files."""
    fs = w.root / "fs"
    fs.mkdir(parents=True, exist_ok=True)
    same = good_html(rng, 7600)
    w.add("fs/copy-a.html", same, "identical bytes (first copy)", expect=EITHER)
    w.add("fs/copy-b.html", same, "identical bytes (second copy)", expect=EITHER)
    os.symlink("loop-b.html", fs / "loop-a.html")
    os.symlink("loop-a.html", fs / "loop-b.html")
    w.note("fs/loop-a.html", "symlink loop")
    w.note("fs/loop-b.html", "symlink loop")
    os.symlink("no-such-file.html", fs / "dangling.html")
    w.note("fs/dangling.html", "dangling symlink")
    os.symlink("/dev/zero", fs / "zero.html")
    w.note("fs/zero.html", "symlink to /dev/zero (endless bytes)")
    os.mkfifo(fs / "fifo.html")
    w.note("fs/fifo.html", "a FIFO named .html (a reader that opens it blocks)")
    (fs / "dir.html").mkdir()
    w.add("fs/dir.html/inside.html", good_html(rng, 7601), "a page inside a folder named .html", expect=ARTICLE)
    names = [b"latin1-\xe9t\xe9.html", b"esc-\x1b[31mred.html", b"new\nline.html",
             b"tab\there.html", b"quote\"'<b>.html", b"space name.html"]
    for k, raw in enumerate(names):
        path = os.path.join(os.fsencode(fs), raw)
        with open(path, "wb") as fh:
            fh.write(good_html(rng, 7700 + k).encode())
        w.note("fs/" + os.fsdecode(raw), f"file name {raw!r}", expect=ARTICLE)


def add_more_attacks(w: Writer, rng: random.Random) -> None:
    """Cases beyond the first report: what else a crawler saves or an attacker writes."""
    w.add("more/empty.jsonl", b"", "empty JSONL file")
    w.add("more/blank.jsonl", b"\n\n  \n", "JSONL of blank lines only")
    w.add("more/plain.jsonl.gz", json.dumps({"id": "plain-gz", "text": good_text(rng, 8000)}) + "\n",
          "JSONL named .gz that is not gzip", expect=ARTICLE)
    lines = "".join(json.dumps({"id": f"tr{k}", "text": good_text(rng, 8010 + k)}) + "\n" for k in range(4)).encode()
    w.add("more/trunc.jsonl.gz", gzip.compress(lines)[:-40], "gzipped JSONL cut before its end", units=4,
          expect=EITHER)
    w.add("more/types.jsonl", "\n".join([
        json.dumps({"id": "ty-url", "url": ["x"], "text": good_text(rng, 8020)}),
        json.dumps({"id": {"a": 1}, "text": good_text(rng, 8021)}),
        json.dumps({"id": "ty-pub", "published": "Nov 19, 2022", "text": good_text(rng, 8022)}),
        json.dumps({"id": "ty-both", "html": 5, "text": good_text(rng, 8023)}),
    ]) + "\n", "JSONL values of the wrong type", units=4, expect=EITHER)
    w.add("more/utf16be-nobom.txt", good_text(rng, 8030).encode("utf-16-be"), "UTF-16 BE text without a BOM",
          expect=ARTICLE)
    w.add("more/utf16-cyrillic.txt", ("Москва и Тегеран договорились. " * 40).encode("utf-16-le"),
          "UTF-16 LE Cyrillic without a BOM", expect=EITHER)
    w.add("more/random-ascii.txt", bytes(random.Random(9).choice(range(32, 127)) for _ in range(30_000)),
          "random printable ASCII", expect=EITHER)
    body = good_html(rng, 8040).encode()
    bad_len = warc_record("response", http_response(body), {"WARC-Target-URI": "http://example.org/bl"})
    w.add("more/bad-length.warc", bad_len.replace(f"Content-Length: {len(http_response(body))}".encode(),
                                                  b"Content-Length: lots"), "WARC Content-Length not a number",
          expect=EITHER)
    w.add("more/not-http.warc", warc_record("response", b"just some bytes, no HTTP status line\r\n\r\nbody",
                                            {"WARC-Target-URI": "http://example.org/nh"}),
          "WARC response whose payload is not HTTP", expect=EITHER)
    only_req = warc_record("request", b"GET / HTTP/1.1\r\n\r\n", {"WARC-Target-URI": "http://example.org/r"})
    w.add("more/requests-only.warc", only_req, "WARC with request records only")
    w.add("more/gzip-of-warc-bomb.warc.gz", gzip.compress(warc_record(
        "response", http_response(b"<p>" + b"a" * (20 << 20) + b"</p>"), {"WARC-Target-URI": "http://example.org/b"})),
        "WARC record of 20 MB (over the limit), gzipped")
    link = w.root / "more/loopdir"
    link.parent.mkdir(parents=True, exist_ok=True)
    os.symlink("..", link)  # a folder link back up: the walk must not go round forever


def build(root: str | os.PathLike, *, good: int = 200, bomb_bytes: int = 64 << 20, seed: int = 7) -> list[Case]:
    """Write the hostile corpus under `root` (created, must be empty) and return its manifest."""
    rootp = Path(root)
    rootp.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    w = Writer(rootp)
    add_good(w, rng, good)
    for add in (add_charset_attacks, add_jsonl_attacks, add_text_attacks, add_binary_attacks,
                add_html_attacks, add_warc_attacks, add_fs_attacks, add_more_attacks):
        add(w, rng)
    add_size_attacks(w, rng, bomb_bytes)
    (rootp / "MANIFEST.json").write_text(json.dumps([asdict(c) for c in w.cases], indent=1, ensure_ascii=True))
    return w.cases


def total_units(cases: list[Case]) -> int:
    return sum(c.units for c in cases)


#: What separates a file's name from a unit's locator in a row's `source`: JSONL line, WARC
#: offset, the rest of a file after a reader error.
LOCATORS = (":", "#", "!")


def shown(path: str | os.PathLike) -> str:
    """A path as factwire writes it (bytes that are not UTF-8 as \\xNN)."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def db_rows(db: str | os.PathLike) -> list[tuple[str, str, str, str]]:
    """Every row of a corpus database: (source, "article" or the failure's stage, reason, id)."""
    import sqlite3

    conn = sqlite3.connect(db)
    try:
        rows = [(s, "article", "", i) for s, i in conn.execute("SELECT source, id FROM articles")]
        rows += [(s, st, r, "") for s, st, r in conn.execute("SELECT source, stage, reason FROM failures")]
    finally:
        conn.close()
    return rows


def rows_of(folder: str | os.PathLike, name: str, rows: list[tuple]) -> list[tuple]:
    """The rows of one case's file."""
    base = shown(os.path.join(folder, name))
    return [r for r in rows if r[0] == base or any(r[0].startswith(base + sep) for sep in LOCATORS)]


def account(folder: str | os.PathLike, cases: list[Case], rows: list[tuple]) -> list[str]:
    """What is wrong with a database's rows for this corpus (empty when nothing): a unit with no
    row or two, a row of the wrong kind for its case, a row that belongs to no unit."""
    problems = []
    for case in cases:
        got = rows_of(folder, case.name, rows)
        kinds = {"article" if r[1] == "article" else "failure" for r in got}
        if len(got) != case.units or (case.expect in (ARTICLE, FAILURE) and kinds - {case.expect}):
            problems.append(f"{case.name} ({case.kind}): {case.units} unit(s), expected {case.expect}, "
                            f"got {[r[1:3] for r in got]}")
    if len(rows) != total_units(cases):
        problems.append(f"{len(rows)} rows for {total_units(cases)} units")
    return problems


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit("usage: python tests/hostile.py FOLDER [GOOD_PAGES] [BOMB_MB]")
    n_good = int(sys.argv[2]) if len(sys.argv) > 2 else 200
    bomb = int(sys.argv[3]) << 20 if len(sys.argv) > 3 else 1 << 30
    cases = build(sys.argv[1], good=n_good, bomb_bytes=bomb)
    print(f"{len(cases)} files, {total_units(cases)} input units under {sys.argv[1]}")
