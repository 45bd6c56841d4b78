r"""The one set of escaping rules for text taken from scraped pages (hostile by assumption), for
every output: HTML (web UI and report), URLs, Markdown (records and report), CSV cells and the
terminal.  One module so that a rule tightened here is tightened everywhere.

The policy, the same in every human format (HTML, Markdown, plain text, terminal, TSV):
**control and direction characters are shown as visible codes** (`[U+202E]`, `[U+001B]`; styled,
with a title, in HTML) instead of being passed through or silently stripped. Passed through, a
right-to-left override reverses what follows it ("Trojan Source" style spoofing of names,
numbers and URLs) and an ESC sequence restyles or rewrites the reader's terminal; stripped, an
analyst could not tell the page carried one. The set (`VISIBLE_CODES`): C0 controls but tab and
newline, DEL, C1 controls, and the direction controls U+202A-U+202E, U+2066-U+2069, U+200E/U+200F,
U+061C. Offsets are unaffected: the replacement happens after the text is split at fact offsets.
Page strings are additionally wrapped in `<bdi>` where they sit inside a line of our own text
(titles, sites, authors), so legitimate RTL text cannot reorder the UI around it.  One-line
outputs (TSV, stderr lines) also write tab, newline, carriage return and backslash as `\t`,
`\n`, `\r`, `\\`.  Formats for programs (JSON) keep the data: there the same characters are
written as `\uXXXX` escapes, never raw.  A URL carrying any control, direction control or white
space is never made a link, and a link target is percent-encoded (no `"`, `<`, `>` or space).
"""
from __future__ import annotations

import json
import re
from html import escape
from typing import Any
from urllib.parse import quote, urlsplit

from markupsafe import Markup

BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]")
#: What every human format shows as a visible code (see the module docstring).
VISIBLE_CODES = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]")
#: What JSON output writes as \\u escapes (json.dumps already escapes C0; ensure_ascii=False
#: would pass the rest raw). U+2028/U+2029 end a line in JavaScript.
_JSON_RAW = re.compile("[\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c\u2028\u2029]")
#: Characters kept as they are in a link target (RFC 3986 reserved + unreserved, and `%`).
_URL_SAFE = ":/?#[]@!$&'()*+,;=%-._~"
#: Characters that never belong in a link target: C0 controls, DEL, C1 controls.
_URL_CONTROLS = re.compile(r"[\x00-\x1f\x7f-\x9f]")
#: External links: no opener access, no referrer, and no ranking credit for a scraped URL.
EXTERNAL_REL = "noopener noreferrer nofollow"
LINK_SCHEMES = ("http", "https")


def _code(match: re.Match) -> str:
    return f"[U+{ord(match.group()):04X}]"


def _visible(match: re.Match) -> str:
    code = _code(match)
    kind = "direction control" if BIDI_CONTROLS.match(match.group()) else "control character"
    return f'<span class="ctl" title="{kind} {code[1:-1]}">{code}</span>'


# -- HTML -------------------------------------------------------------------------------------

def esc(value: Any) -> Markup:
    """HTML-escape a page string (quotes included) and make direction controls visible.
    Markup (already escaped by us) passes unchanged."""
    if value is None:
        return Markup("")
    if isinstance(value, Markup):
        return value
    return Markup(VISIBLE_CODES.sub(_visible, escape(str(value), quote=True)))


def esc_attr(value: Any) -> Markup:
    """Escape for an attribute value: like `esc`, but direction controls become plain text
    `[U+202E]` (markup inside an attribute would break out of its quotes)."""
    if value is None:
        return Markup("")
    return Markup(VISIBLE_CODES.sub(_code, escape(str(value), quote=True)))


def bidi(value: Any) -> Markup:
    """Page text as an isolated run: a U+202E override inside it cannot flip the text around it."""
    return Markup(f"<bdi>{esc(value)}</bdi>")


def json_script(data: Any) -> Markup:
    """JSON safe inside `<script type="application/json">`: `<`, `>`, `&` and the JS line
    separators are \\u-escaped, so no page string can close the element; control and direction
    characters become visible codes (the charts show what the tables show)."""
    text = VISIBLE_CODES.sub(_code, json.dumps(data, ensure_ascii=False, separators=(",", ":")))
    for ch, rep in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                    ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(ch, rep)
    return Markup(text)


# -- URLs -------------------------------------------------------------------------------------

def safe_url(url: Any) -> str | None:
    """The URL (trimmed, percent-encoded outside RFC 3986's characters: no `"`, `<`, `>`, `\\`,
    backtick or non-ASCII left raw) if it is absolute http(s) and free of white space, control
    characters, DEL and direction controls; else None (no `javascript:`, `data:`, `//host`,
    relative)."""
    if not isinstance(url, str):
        return None
    url = url.strip()
    if _URL_CONTROLS.search(url) or BIDI_CONTROLS.search(url) or any(c.isspace() for c in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in LINK_SCHEMES or not parts.netloc:
        return None
    return quote(url, safe=_URL_SAFE)


def is_http_url(url: Any) -> bool:
    """Whether `url` may become a link (see `safe_url`)."""
    return safe_url(url) is not None


def ext_link(url: Any, label: Any = None) -> Markup:
    """An outbound link when the URL is safe http(s) (rel EXTERNAL_REL, new tab); otherwise the
    label as plain escaped text, so `javascript:` and friends never become clickable."""
    target = safe_url(url)
    text = esc(label if label is not None else url)
    if target is None:
        return Markup(f'<span class="nolink">{text}</span>')
    return Markup(f'<a href="{escape(target, quote=True)}" rel="{EXTERNAL_REL}" target="_blank">{text}</a>')


# -- Markdown ---------------------------------------------------------------------------------

#: Characters Markdown gives a meaning inline (escaped with a backslash).
_MD_INLINE = re.compile(r"([\\`*_\[\]|])")
#: A line start Markdown would read as a heading, list item or rule.
_MD_LINE_START = re.compile(r"^(\s*)(#{1,6}|[-+=]+|\d+[.)])(?=\s|$)", re.M)


def md_text(value: Any) -> str:
    """Page text as Markdown that renders as exactly that text: no raw HTML (escaped), inline
    marks and line-start markers backslash-escaped, control and direction characters as visible
    codes."""
    text = escape("" if value is None else str(value), quote=False)
    text = _MD_LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), _MD_INLINE.sub(r"\\\1", text))
    return VISIBLE_CODES.sub(lambda m: "\\" + _code(m)[:-1] + "\\]", text)


def md_cell(value: Any) -> str:
    """Text safe in a Markdown table cell: `md_text` on one line (`|` is escaped there too)."""
    return md_text(" ".join(str(value or "").split()))


def md_link(url: Any, text: Any) -> str:
    """A Markdown link for safe http(s) URLs (parentheses encoded), else the text alone."""
    target = safe_url(url)
    if target is None:
        return md_cell(text)
    return f"[{md_cell(text)}]({target.replace('(', '%28').replace(')', '%29')})"


# -- CSV and terminal -------------------------------------------------------------------------

#: First characters a spreadsheet may read as the start of a formula ("CSV injection"); some
#: spreadsheets skip a leading tab / carriage return before reading one.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
#: One-line outputs: these are written as backslash escapes (backslash first, so it round-trips).
_ONE_LINE = {"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"}


def safe_cell(value: Any) -> Any:
    """A CSV cell a spreadsheet will not run: text starting like a formula (after any leading
    spaces) gets a leading "'", which spreadsheets read as "this is text" and do not show.

    Non-text values (int, float, None) pass unchanged: they are factwire's own numbers, so a
    negative longitude stays a number."""
    if not isinstance(value, str):
        return "" if value is None else value
    stripped = value.lstrip(" ")
    if value.startswith(("\t", "\r")) or stripped.startswith(FORMULA_START):
        return "'" + value
    return value


def plain(value: Any) -> str:
    """Page text for a terminal or a text file: control and direction characters as visible
    codes (no escape sequence reaches the terminal), lines and tabs kept, no None."""
    return "" if value is None else VISIBLE_CODES.sub(_code, str(value))


def one_line(value: Any) -> str:
    """A field of a one-line output (a TSV column, a stderr message): `plain`, with backslash,
    tab, newline and carriage return written `\\\\`, `\\t`, `\\n`, `\\r`, so a file name holding
    them cannot add a column or a row (and the escapes read back unambiguously)."""
    text = "" if value is None else str(value)
    text = re.sub(r"[\\\t\n\r]", lambda m: _ONE_LINE[m.group()], text)
    return VISIBLE_CODES.sub(_code, text)


def json_text(data: Any, *, indent: int | None = None, sort_keys: bool = False) -> str:
    """JSON of `data` (non-ASCII kept readable) with C1 controls, DEL, direction controls and the
    JS line separators written as \\u escapes: the same data, but nothing in it can restyle a
    terminal or reorder a line when the JSON is printed."""
    text = json.dumps(data, ensure_ascii=False, indent=indent, sort_keys=sort_keys)
    return _JSON_RAW.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
