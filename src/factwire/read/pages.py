"""Stage 1 -- one page's bytes -> a decoded, classified Page (or a ReadError with the reason).

Size limit, binary sniffing, charset decoding and HTML/text detection live here; the file
formats (plain files, JSONL, WARC) and the folder walk that feed it are in `sources.py`,
`jsonl.py` and `warc.py`.  Decoding order: BOM, then the charset the page declares (HTTP-equiv
/ meta / XML declaration), checked against strict UTF-8, then detection with charset-normalizer.
"""
from __future__ import annotations

import codecs
import gzip
import hashlib
import io
import re
import zlib
from pathlib import Path

from factwire.errors import ReadError
from factwire.model import InputKind, Page

#: Pages above this size are refused: the largest page of the extraction DEV set is 1.6 MB and
#: real article pages stay well under 10 MB; a bigger one is a data dump or an attack.
MAX_PAGE_BYTES = 16 * 1024 * 1024

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)
_DECLARED = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:\-]+)|<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:\-]+)""",
    re.I)
_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"), (b"\xff\xd8\xff", "JPEG image"), (b"GIF8", "GIF image"),
    (b"%PDF-", "PDF document"), (b"PK\x03\x04", "ZIP archive"), (b"\x1f\x8b", "gzip data"),
    (b"RIFF", "RIFF media"), (b"\x7fELF", "ELF executable"), (b"OggS", "Ogg media"),
    (b"ID3", "MP3 audio"), (b"\x00\x00\x00", "binary data"),
)
#: Latin single-byte labels that pages often declare while actually serving UTF-8.
_LATIN_LABELS = {"iso8859-1", "iso8859-15", "cp1252", "ascii"}  # codecs.lookup() names
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 11, 12, 13))
#: Share of NUL / control bytes in the first 8 KB above which a BOM-less input is binary.
BINARY_CONTROL_SHARE = 0.10
_HTML_SIGNS = re.compile(
    r"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<(?:p|div|span|a|meta|title|br|table|li|article)[\s>/]",
    re.I)
#: A flattened page is called HTML once it shows this many tag-like signs in its first 64 KB.
HTML_MIN_SIGNS = 3


def content_id(data: bytes) -> str:
    """Stable id of an input: a SHA-256 prefix of its bytes (64 bits: collisions are negligible)."""
    return hashlib.sha256(data).hexdigest()[:16]


def sniff_binary(raw: bytes) -> str | None:
    """Name the kind of a binary (non-text) input, or None when it looks like text."""
    if raw.startswith(tuple(b for b, _ in _BOMS)):
        return None
    for magic, name in _MAGIC:
        if raw.startswith(magic):
            return name
    head = raw[:8192]
    controls = len(head) - len(head.translate(None, _CONTROL_BYTES))
    if head and controls / len(head) > BINARY_CONTROL_SHARE:
        return "binary data"
    return None


def declared_charset(raw: bytes) -> str | None:
    """The charset a page declares in its first 64 KB (meta / http-equiv / XML decl), if valid."""
    m = _DECLARED.search(raw[:65536])
    if not m:
        return None
    label = (m.group(1) or m.group(2)).decode("ascii", "ignore").lower()
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def decode_bytes(raw: bytes, declared: str | None = None) -> tuple[str, str]:
    """Decode page bytes to text; return (text, encoding used)."""
    for bom, enc in _BOMS:
        if raw.startswith(bom):
            return raw.decode(enc, "replace"), enc.replace("-sig", "")
    declared = declared or declared_charset(raw)
    if declared and declared not in _LATIN_LABELS and not declared.startswith("utf"):
        try:
            return raw.decode(declared), declared
        except UnicodeDecodeError:
            pass  # the declaration lies: fall through to UTF-8 and detection
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    damage = utf8_damage(raw)
    if damage < UTF8_DAMAGE_SHARE or (declared == "utf-8" and damage < DECLARED_UTF8_DAMAGE_SHARE):
        # only when some non-ASCII text *is* valid UTF-8: an ASCII page with a few stray high
        # bytes is a single-byte charset (cp1252 smart quotes declared as UTF-8, typically)
        return raw.decode("utf-8", "replace"), "utf-8"
    if declared in _LATIN_LABELS:
        return raw.decode("cp1252", "replace"), "cp1252"
    return detect_and_decode(raw)


#: A page whose invalid UTF-8 sequences are under this share of its non-ASCII characters is UTF-8
#: with a few damaged bytes (decoded with U+FFFD), not another charset.
UTF8_DAMAGE_SHARE = 0.02
#: When the page itself declares UTF-8, believe it unless most non-ASCII bytes are invalid
#: (a cp1251 page mislabelled UTF-8 scores ~1.0 here; a UTF-8 page with one bad byte, <= 0.5).
DECLARED_UTF8_DAMAGE_SHARE = 0.6


def utf8_damage(raw: bytes) -> float:
    """Share of non-ASCII characters that are invalid UTF-8 (1.0 when all are, or none is valid)."""
    text = raw.decode("utf-8", "replace")
    non_ascii = sum(1 for ch in text if ord(ch) > 127)
    bad = text.count("\ufffd")
    return bad / non_ascii if non_ascii > bad else 1.0


#: Charsets detection may choose from: the ones web pages actually use.  Left unrestricted,
#: charset-normalizer picked mac_cyrillic over cp1251 for plain Russian news text.
WEB_CHARSETS = (
    "cp1252", "iso8859_15", "iso8859_2", "cp1250", "cp1251", "koi8_r", "koi8_u", "iso8859_5",
    "cp1253", "iso8859_7", "cp1254", "iso8859_9", "cp1255", "iso8859_8", "cp1256", "cp1257",
    "cp1258", "shift_jis", "cp932", "euc_jp", "iso2022_jp", "gb18030", "gbk", "big5", "euc_kr",
    "cp949", "tis_620", "cp874", "utf_16", "utf_32",
)


def detect_and_decode(raw: bytes) -> tuple[str, str]:
    """Decode with the charset charset-normalizer finds (cp1251, koi8-r, Shift-JIS, ...).
    Imported here: most pages declare their charset, and commands that read no page start faster."""
    import charset_normalizer

    best = charset_normalizer.from_bytes(raw[:200_000], cp_isolation=list(WEB_CHARSETS)).best()
    if best is None:
        return raw.decode("utf-8", "replace"), "utf-8"
    return raw.decode(best.encoding, "replace"), best.encoding


def detect_kind(content: str) -> InputKind:
    """HTML when the content shows markup, else flattened text."""
    head = content[:65536]
    if head.lstrip()[:1] == "<" and _HTML_SIGNS.search(head[:2048]):
        return "html"
    return "html" if len(_HTML_SIGNS.findall(head)) >= HTML_MIN_SIGNS else "text"


def page_from_bytes(raw: bytes, source: str, *, input_kind: InputKind | None = None,
                    url: str | None = None, published: str | None = None,
                    page_id: str | None = None, max_bytes: int = MAX_PAGE_BYTES) -> Page:
    """Check, decode and classify one page's bytes; raise ReadError with the reason."""
    if not raw or raw.isspace():
        raise ReadError("read", "empty input")
    if len(raw) > max_bytes:
        raise ReadError("read", f"page too large ({len(raw) / 1e6:.1f} MB > {max_bytes / 1e6:.1f} MB limit)")
    binary = sniff_binary(raw)
    if binary:
        raise ReadError("read", f"not a text or HTML page ({binary})")
    text, encoding = decode_bytes(raw)
    kind = input_kind or detect_kind(text)
    utf8_html = kind == "html" and encoding == "utf-8"
    return Page(source=source, content=text, kind=kind, id=page_id or content_id(raw), url=url,
                published=published, encoding=encoding, raw=raw if utf8_html else None)


def read_file_bytes(path: Path, max_bytes: int = MAX_PAGE_BYTES) -> bytes:
    """Bytes of a file, gunzipped when it is gzip; ReadError on truncation or oversize."""
    with open(path, "rb") as f:
        raw = f.read(max_bytes + 1)
    if not raw.startswith(b"\x1f\x8b"):
        return raw
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(raw)) as gz:
            return gz.read(max_bytes + 1)
    except EOFError as exc:
        raise ReadError("read", "truncated gzip file (compressed stream ends early)") from exc
    except (OSError, zlib.error) as exc:
        raise ReadError("read", f"corrupt gzip file ({exc})") from exc
