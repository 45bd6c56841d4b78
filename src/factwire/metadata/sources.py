"""Read-only views of the metadata a page declares: <meta> tags and JSON-LD objects.

Collected once per page so that the title, date, author and site finders each look values up
in a dict instead of walking the tree again (metadata has a budget of about 1 ms per page).
"""
from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from lxml import etree

#: Attributes of <meta> that name the value held in `content`.
_META_KEY_ATTRS = ("property", "name", "itemprop", "http-equiv")
#: JSON-LD nests objects (WebPage.mainEntity, @graph, author lists); walk this deep at most.
MAX_JSONLD_DEPTH = 6
#: Schema.org types whose headline/date/author describe the article itself ...
_ARTICLE_TYPE_HINTS = ("article", "posting", "report")
#: ... and types that describe the page holding it (second choice: names often carry the site).
_PAGE_TYPE_HINTS = ("webpage", "creativework")


@dataclass(slots=True)
class PageSources:
    """Declared metadata of one page: `meta` maps a lower-cased key to its values in page order;
    `objects` are the JSON-LD objects, article-like ones first."""

    meta: dict[str, list[str]] = field(default_factory=dict)
    objects: list[dict[str, Any]] = field(default_factory=list)

    def first(self, *keys: str) -> str | None:
        """The first non-empty meta value among `keys`, tried in the given order."""
        for key in keys:
            for value in self.meta.get(key, ()):
                if value.strip():
                    return value.strip()
        return None

    def articles(self) -> list[dict[str, Any]]:
        """JSON-LD objects whose @type looks like an article, then web pages, in page order."""
        return [obj for obj in self.objects if is_article(obj)]


def collect_sources(root: etree._Element) -> PageSources:
    """Gather <meta> values and JSON-LD objects without touching the tree."""
    sources = PageSources()
    for meta in root.iter("meta"):
        content = meta.get("content")
        if content is None:
            continue
        for attr in _META_KEY_ATTRS:
            key = meta.get(attr)
            if key:
                sources.meta.setdefault(key.strip().lower(), []).append(content)
    sources.objects = sorted(iter_jsonld(root), key=_rank_object)  # stable: page order kept
    return sources


def _rank_object(obj: dict[str, Any]) -> int:
    """0 for articles, 1 for web pages, 2 for anything else (publisher, breadcrumbs...)."""
    kinds = type_names(obj)
    if any(hint in kind for kind in kinds for hint in _ARTICLE_TYPE_HINTS):
        return 0
    return 1 if any(hint in kind for kind in kinds for hint in _PAGE_TYPE_HINTS) else 2


def iter_jsonld(root: etree._Element) -> Iterator[dict[str, Any]]:
    """Yield every typed JSON-LD object on the page, flattening lists, @graph and nesting.

    A block that is not valid JSON is skipped: one broken script must not hide the others."""
    for script in root.iter("script"):
        if "ld+json" not in (script.get("type") or "").lower() or not script.text:
            continue
        try:
            data = json.loads(script.text.strip().rstrip(";"))
        except (json.JSONDecodeError, RecursionError):
            continue
        yield from _walk_jsonld(data, 0)


def _walk_jsonld(data: Any, depth: int) -> Iterator[dict[str, Any]]:
    """Depth-first walk yielding dicts that carry an @type (the objects we can interpret)."""
    if depth > MAX_JSONLD_DEPTH:
        return
    if isinstance(data, list):
        for item in data:
            yield from _walk_jsonld(item, depth + 1)
    elif isinstance(data, dict):
        if "@type" in data:
            yield data
        for key in ("@graph", "mainEntity", "mainEntityOfPage", "itemListElement"):
            if key in data:
                yield from _walk_jsonld(data[key], depth + 1)


def type_names(obj: dict[str, Any]) -> list[str]:
    """The object's @type(s), lower-cased ("NewsArticle" or ["Article", "NewsArticle"])."""
    kind = obj.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return [k.lower() for k in kinds if isinstance(k, str)]


def is_article(obj: dict[str, Any]) -> bool:
    """True for Article/NewsArticle/BlogPosting-like objects and the WebPage holding them."""
    return _rank_object(obj) < 2


def jsonld_text(value: Any) -> str | None:
    """A plain string from a JSON-LD value that may be a string, a list, or {"name": ...}."""
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, list) and value:
        return jsonld_text(value[0])
    if isinstance(value, dict):
        return jsonld_text(value.get("name") or value.get("@value"))
    return None


#: Second-level labels under which a country TLD sells names ("bbc.co.uk", "abc.net.au").
_SECOND_LEVEL = frozenset({"co", "com", "net", "org", "ac", "gov", "edu", "or", "ne", "go"})
#: Elements and attributes whose absolute URLs show which site a page belongs to.
_URL_ATTRS = (("a", "href"), ("link", "href"), ("script", "src"), ("img", "src"))


def site_key(url: str | None) -> str | None:
    """The registrable part of a URL's host: "https://m.news.bbc.co.uk/x" -> "bbc.co.uk"."""
    host = (urlsplit(url).hostname or "") if url else ""
    labels = host.split(".")
    if len(labels) < 2:
        return host or None
    keep = 3 if len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in _SECOND_LEVEL else 2
    return ".".join(labels[-keep:])


def prefer_own_site(candidates: list[str], root: etree._Element, url: str | None) -> str | None:
    """The first candidate URL on the page's own site, else the first candidate.

    Why: a syndicated or migrated page can declare a rel=canonical on another host (FOX13's
    `localtvkstu.wordpress.com`) while og:url names the page where it is read.  The page's own
    site is the given URL's; without one, the site its own links and assets point to most.
    The link count runs only when the candidates disagree on the site (a handful of pages)."""
    if not candidates:
        return None
    keys = [site_key(c) for c in candidates]
    if len(set(keys)) == 1:
        return candidates[0]
    own = site_key(url) if url else None
    if own not in keys:
        counts = Counter(site_key(el.get(attr)) for tag, attr in _URL_ATTRS for el in root.iter(tag)
                         if (el.get(attr) or "").startswith(("http://", "https://", "//")))
        own = max(keys, key=lambda k: counts.get(k, 0))
    return candidates[keys.index(own)]
