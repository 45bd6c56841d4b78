"""Corpus test helpers: small folders of DEV pages, WARCs written with warcio, database checks."""
from __future__ import annotations

import gzip
import io
import shutil
import sqlite3
from pathlib import Path

from fwtest import EXTRACTION

DEV_HTML = EXTRACTION / "scrapinghub-dev" / "html"


def dev_pages(n: int) -> list[Path]:
    """The first `n` DEV pages (gzipped HTML), sorted by name."""
    pages = sorted(DEV_HTML.glob("*.html.gz"))
    assert len(pages) >= n, f"DEV pages not found under {DEV_HTML}"
    return pages[:n]


def copy_dev_pages(dest: Path, n: int, variant: str = "") -> list[Path]:
    """Copy `n` DEV pages into `dest`; a `variant` tag makes each copy a distinct page (new id)."""
    dest.mkdir(parents=True, exist_ok=True)
    out = []
    for src in dev_pages(n):
        target = dest / src.name
        if variant:
            html = gzip.decompress(src.read_bytes()) + f"<!-- {variant} -->".encode()
            target.write_bytes(gzip.compress(html))
        else:
            shutil.copyfile(src, target)
        out.append(target)
    return out


def write_warc(path: Path, bodies: list[tuple[str, bytes, str]], *, gz: bool = True) -> None:
    """A WARC of response records: (url, body, content type) each, plus a request record."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as out:
        writer = WARCWriter(out, gzip=gz)
        for url, body, ctype in bodies:
            req = writer.create_warc_record(url, "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n"))
            writer.write_record(req)
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                                          http_headers=headers))


def dev_warc(path: Path, n: int) -> None:
    write_warc(path, [(f"https://example.org/{i}", gzip.decompress(p.read_bytes()), "text/html; charset=utf-8")
                      for i, p in enumerate(dev_pages(n))])


def db_rows(db: Path, sql: str) -> list[tuple]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def integrity(db: Path) -> str:
    return db_rows(db, "PRAGMA integrity_check")[0][0]
