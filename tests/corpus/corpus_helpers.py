"""Corpus test helpers: folders of generated news pages (tests/fwpages.py), WARCs written with
warcio, database checks."""
from __future__ import annotations

import io
import sqlite3
from pathlib import Path

from fwpages import page_bytes, write_pages


def copy_pages(dest: Path, n: int, variant: str = "") -> list[Path]:
    """`n` distinct news pages (gzipped HTML) in `dest`; a `variant` tag makes each a new page (new id)."""
    return write_pages(dest, n, variant)


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


def pages_warc(path: Path, n: int, start: int = 0) -> None:
    """A WARC holding `n` news pages from page `start` on."""
    write_warc(path, [(f"https://example.org/{start + i}", body, "text/html; charset=utf-8")
                      for i, body in enumerate(page_bytes(n, start))])


def db_rows(db: Path, sql: str) -> list[tuple]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def integrity(db: Path) -> str:
    return db_rows(db, "PRAGMA integrity_check")[0][0]
