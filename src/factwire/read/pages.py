"""Stage 1 -- one page's bytes -> a decoded, classified Page (or a ReadError with the reason).

Size limit, binary sniffing, charset decoding and HTML/text detection live here; the file
formats (plain files, JSONL, WARC) and the folder walk that feed it are in `sources.py`,
`jsonl.py` and `warc.py`.  Decoding order: BOM, then the charset the page declares (HTTP-equiv
/ meta / XML declaration), checked against strict UTF-8, then detection with charset-normalizer.
"""
from __future__ import annotations

import codecs
import datetime as dt
import errno
import gzip
import hashlib
import io
import os
import re
import stat
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
    if raw.startswith(tuple(b for b, _ in _BOMS)) or bomless_utf16(raw):
        return None
    for magic, name in _MAGIC:
        if raw.startswith(magic):
            return name
    head = raw[:8192]
    controls = len(head) - len(head.translate(None, _CONTROL_BYTES))
    if head and controls / len(head) > BINARY_CONTROL_SHARE:
        return "binary data"
    if len(head) >= NO_ASCII_MIN_BYTES and not head.translate(None, _HIGH_BYTES):
        return "binary data: not one ASCII byte, so no space, line break or markup"
    return None


#: A text in any 8-bit or multi-byte web charset has ASCII bytes (spaces, line breaks, digits,
#: punctuation, markup); a head this long with none is random or encrypted data, which charset
#: detection would otherwise happily decode as Korean or Cyrillic (tests/hostile.py: 30 KB of
#: random high bytes came out as a cp949 "article").
NO_ASCII_MIN_BYTES = 1024
_HIGH_BYTES = bytes(range(128, 256))
#: UTF-16 without a BOM: at one byte parity this share of bytes is below 0x20 (the high byte of
#: a code point under U+2000: Latin, Greek, Cyrillic, Hebrew, Arabic, ...; NUL for ASCII) ...
UTF16_HIGH_SHARE = 0.9
#: ... at the other parity at most this share is NUL, and the decoded head is this printable.
UTF16_LOW_NUL_SHARE = 0.05
UTF16_PRINTABLE_SHARE = 0.97


def bomless_utf16(raw: bytes) -> str | None:
    """"utf-16-le" / "utf-16-be" when the bytes are UTF-16 text without a BOM, else None.

    Such files (Windows "Unicode" text saved by some tools) are half NUL bytes, so the binary
    sniffer took them for binary data."""
    head = raw[:8192]
    if len(head) < 16 or b"\x00" not in head:
        return None
    even, odd = head[0::2], head[1::2]
    for high, low, codec in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        if (sum(b < 0x20 for b in high) >= UTF16_HIGH_SHARE * len(high)
                and low.count(0) <= UTF16_LOW_NUL_SHARE * len(low) and _printable_utf16(head, codec)):
            return codec
    return None


def _printable_utf16(head: bytes, codec: str) -> bool:
    try:
        text = codecs.getincrementaldecoder(codec)().decode(head[: len(head) // 2 * 2], final=False)
    except UnicodeDecodeError:
        return False
    printable = sum(ch.isprintable() or ch in "\t\n\r\f" for ch in text)
    return bool(text) and printable >= UTF16_PRINTABLE_SHARE * len(text)


def declared_charset(raw: bytes) -> str | None:
    """The charset a page declares in its first 64 KB (meta / http-equiv / XML decl), if it is
    one a web page may use (`web_charset`)."""
    m = _DECLARED.search(raw[:65536])
    if not m:
        return None
    return web_charset((m.group(1) or m.group(2)).decode("ascii", "ignore"))


def web_charset(label: str | None) -> str | None:
    """The Python codec of a charset label a page or an HTTP header declares, or None when the
    label is unknown or names something that is not a web text encoding.

    Why an allow-list: Python's codec registry also holds bytes-to-bytes and str-to-str codecs
    (`base64`, `zlib`, `rot13`: decoding with them raises LookupError), codecs that refuse
    everything (`undefined`) and ones the WHATWG Encoding Standard forbids for pages because
    they smuggle markup (`utf-7`).  A page is decoded only with an encoding that standard lists
    (plus the close Python relatives charset detection may return)."""
    try:
        name = codecs.lookup(label.strip().lower()).name if label else None
    except (LookupError, ValueError):  # ValueError: a label with a NUL byte
        return None
    return name if name in _WEB_CODECS else None


def decode_bytes(raw: bytes, declared: str | None = None) -> tuple[str, str]:
    """Decode page bytes to text; return (text, encoding used).  `declared` (an HTTP charset)
    is used only when it is a web text encoding (`web_charset`)."""
    for bom, enc in _BOMS:
        if raw.startswith(bom):
            return raw.decode(enc, "replace"), enc.replace("-sig", "")
    utf16 = bomless_utf16(raw)
    if utf16:
        return raw.decode(utf16, "replace"), utf16
    declared = web_charset(declared) or declared_charset(raw)
    if declared and declared not in _LATIN_LABELS and not declared.startswith("utf"):
        try:
            return raw.decode(declared), declared
        except UnicodeError:
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


#: Every codec a page may be decoded with: the WHATWG Encoding Standard's encodings that Python
#: has (UTF-8, UTF-16, the ISO-8859 and Windows families, KOI8, the CJK multi-byte ones, Mac
#: Roman/Cyrillic, IBM866), plus what charset detection may choose (WEB_CHARSETS).
_WEB_CODECS = frozenset(codecs.lookup(n).name for n in (
    *WEB_CHARSETS, "utf-8", "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be", "ascii", "latin-1",
    "cp866", "cp1252", *(f"iso8859-{k}" for k in (2, 3, 4, 5, 6, 7, 8, 10, 13, 14, 15, 16)),
    "mac-roman", "mac-cyrillic", "big5hkscs", "euc_jis_2004", "euc_kr", "iso2022_jp"))


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


def size_text(n: int) -> str:
    """A byte count for people, in the unit `--max-mb` takes (MiB), never rounded to the limit."""
    if n < 2**20:
        return f"{n / 2**10:.1f} KiB"
    return f"{n / 2**20:.1f} MiB" if n % 2**20 else f"{n >> 20} MiB"


def too_large(size: int | None, max_bytes: int, what: str = "page") -> ReadError:
    """The one size-limit refusal.  `size` is the real size when it is known (a file's length,
    a WARC record's Content-Length, a JSON line read to its end), else None: only "more than the
    limit" is known (a gzip stream is cut at the limit, never inflated to the end)."""
    actual = f"{size_text(size)} > " if size is not None and size > max_bytes else "over "
    return ReadError("read", f"{what} too large ({actual}{size_text(max_bytes)} limit; --max-mb raises it)")


def parse_published(value: object) -> str | None:
    """A publication date given by the input or the caller as "YYYY-MM-DD" (None stays None).
    Takes a `datetime.date`/`datetime`, or a string in ISO form ("2022-11-19", also with a time
    "2022-11-19T08:00:00Z"); TypeError for other types (20221119 is an int, not a date),
    ValueError for a string that is not such a date."""
    if value is None:
        return None
    if isinstance(value, dt.date):  # datetime is a date too
        return value.isoformat()[:10]
    if not isinstance(value, str):
        raise TypeError(f"published must be a 'YYYY-MM-DD' string or a datetime.date, not {type(value).__name__}")
    try:
        return dt.date.fromisoformat(value.strip()[:10]).isoformat()
    except ValueError:
        raise ValueError(f"published {value[:40]!r} is not a date in YYYY-MM-DD form") from None


def scrub_surrogates(text: str) -> str:
    """`text` with lone UTF-16 surrogates (a JSON "\\ud800" escape, a Python str built by hand)
    replaced by U+FFFD: nothing downstream can encode them (spaCy, SQLite and json writers
    raise UnicodeEncodeError)."""
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")


def page_from_bytes(raw: bytes, source: str, *, input_kind: InputKind | None = None,
                    url: str | None = None, published: str | None = None,
                    page_id: str | None = None, max_bytes: int = MAX_PAGE_BYTES,
                    size: int | None = None) -> Page:
    """Check, decode and classify one page's bytes; raise ReadError with the reason.  `size` is
    the input's real size when `raw` was cut at the limit (for the message)."""
    if not raw or raw.isspace():
        raise ReadError("read", "empty input")
    if len(raw) > max_bytes:
        raise too_large(size or len(raw), max_bytes)
    binary = sniff_binary(raw)
    if binary:
        raise ReadError("read", f"not a text or HTML page ({binary})")
    text, encoding = decode_bytes(raw)
    kind = input_kind or detect_kind(text)
    utf8_html = kind == "html" and encoding == "utf-8"
    return Page(source=source, content=text, kind=kind, id=page_id or content_id(raw), url=url,
                published=published, encoding=encoding, raw=raw if utf8_html else None)


#: The first bytes of a gzip stream.
GZIP_MAGIC = b"\x1f\x8b"


def open_input(path: str | os.PathLike) -> io.BufferedReader:
    """Open an input file for reading, refusing what is not a regular file (ReadError) without
    ever blocking: a FIFO is opened non-blocking and refused, a symlink to /dev/zero or a
    device is refused before a byte is read, a symlink loop or a dangling link is named."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError as exc:
        if os.path.islink(path):
            target = os.readlink(os.fspath(path))
            raise ReadError("read", f"dangling symbolic link (to {target!r}, which does not exist)") from exc
        raise
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise ReadError("read", "symbolic link loop (the link never reaches a file)") from exc
        raise
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise ReadError("read", f"not a regular file ({_FILE_TYPES.get(stat.S_IFMT(mode), 'special file')})")
        os.set_blocking(fd, True)
        return open(fd, "rb")  # a BufferedReader: callers peek at magic bytes
    except BaseException:
        os.close(fd)
        raise


_FILE_TYPES = {stat.S_IFIFO: "a FIFO / named pipe", stat.S_IFCHR: "a character device",
               stat.S_IFBLK: "a block device", stat.S_IFSOCK: "a socket", stat.S_IFDIR: "a folder"}


def read_file_bytes(path: Path, max_bytes: int = MAX_PAGE_BYTES) -> bytes:
    """Bytes of a file, gunzipped when it is gzip; ReadError on truncation or oversize.  Never
    holds more than `max_bytes` + 1 bytes of the file or of its gzip stream (a gzip bomb is
    cut at the limit, not inflated)."""
    with open_input(path) as f:
        size = os.fstat(f.fileno()).st_size
        return read_stream_bytes(f, max_bytes, size)


def read_stream_bytes(stream: io.BufferedReader, max_bytes: int, size: int | None = None) -> bytes:
    """At most `max_bytes` of a stream (gunzipped if it is gzip), else ReadError: too large
    (with the real size when `size` is known), truncated or corrupt gzip."""
    if stream.peek(2)[:2] != GZIP_MAGIC:
        raw = stream.read(max_bytes + 1)
        if len(raw) > max_bytes:
            raise too_large(size, max_bytes)
        return raw
    try:
        with gzip.GzipFile(fileobj=stream) as gz:
            raw = gz.read(max_bytes + 1)
    except EOFError as exc:
        raise ReadError("read", "truncated gzip file (compressed stream ends early)") from exc
    except (OSError, zlib.error) as exc:
        raise ReadError("read", f"corrupt gzip file ({exc})") from exc
    if len(raw) > max_bytes:
        packed = f"; the file is {size_text(size)}" if size is not None else ""
        raise ReadError("read", f"page too large (its gzip stream inflates past the {size_text(max_bytes)} limit"
                                f"{packed}; --max-mb raises it)")
    return raw
