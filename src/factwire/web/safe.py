"""Escaping for text taken from scraped pages (hostile by assumption).

Decision on Unicode direction controls (U+202A-U+202E, U+2066-U+2069, U+200E/U+200F, U+061C):
they are **shown as visible codes** (`[U+202E]`, styled, with a title) instead of being passed
through or silently stripped. Passed through, a right-to-left override reverses what follows
it ("Trojan Source" style spoofing of names, numbers and URLs); stripped, an analyst could not
tell the page carried one. Offsets are unaffected: the replacement happens after the text is
split at fact offsets. Page strings are additionally wrapped in `<bdi>` by the templates where
they sit inside a line of our own text (titles, sites, authors), so legitimate RTL text cannot
reorder the UI around it.
"""
from __future__ import annotations

import json
import re
from html import escape
from typing import Any
from urllib.parse import urlsplit

from markupsafe import Markup

BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]")


def _visible(match: re.Match) -> str:
    code = f"U+{ord(match.group()):04X}"
    return f'<span class="ctl" title="direction control {code}">[{code}]</span>'


def esc(value: Any) -> Markup:
    """HTML-escape a page string (quotes included) and make direction controls visible."""
    if value is None:
        return Markup("")
    return Markup(BIDI_CONTROLS.sub(_visible, escape(str(value), quote=True)))


def esc_attr(value: Any) -> Markup:
    """Escape for an attribute value: like `esc`, but direction controls become plain text
    `[U+202E]` (markup inside an attribute would break out of its quotes)."""
    if value is None:
        return Markup("")
    return Markup(BIDI_CONTROLS.sub(lambda m: f"[U+{ord(m.group()):04X}]", escape(str(value), quote=True)))


def safe_url(url: Any) -> str | None:
    """The URL if it is absolute http(s) and free of control characters, else None."""
    if not isinstance(url, str) or any(ord(c) < 32 or c == "\x7f" for c in url) or BIDI_CONTROLS.search(url):
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    return url.strip() if parts.scheme.lower() in ("http", "https") and parts.netloc else None


def ext_link(url: Any, label: Any = None) -> Markup:
    """An outbound link when the URL is http(s) (noopener, noreferrer, nofollow); otherwise the
    URL as plain escaped text, so `javascript:` and friends never become clickable."""
    target = safe_url(url)
    text = esc(label if label is not None else url)
    if target is None:
        return Markup(f'<span class="nolink">{text}</span>')
    return Markup(f'<a href="{escape(target, quote=True)}" rel="noopener noreferrer nofollow" '
                  f'target="_blank">{text}</a>')


def json_script(data: Any) -> Markup:
    """JSON safe inside `<script type="application/json">`: `<`, `>`, `&` and the JS line
    separators are \\u-escaped, so no page string can close the element."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for ch, rep in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                    ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(ch, rep)
    return Markup(text)
