"""Titles and site names: pick the headline and strip the site name sites append to it.

<title>, og:title and even JSON-LD headlines often read "Headline | Site" or "Site - Headline";
the record wants the headline alone, and the removed part is a good site name when the page
declares none.
"""
from __future__ import annotations

import re
from urllib.parse import urlsplit

from lxml import etree

from factwire.dom import text_of
from factwire.metadata.sources import PageSources, jsonld_text

#: Separators between a headline and the site name in <title>.
_SEPARATOR = re.compile(r"\s+(?:\||-|–|—|::|·|•|»|/)\s+|\s*\|\s*")
_EDGE_END = re.compile(r"[\s|\-–—:·•»/]+$")
_EDGE_START = re.compile(r"^[\s|\-–—:·•»/]+")
#: A suffix is taken for a site name only when it is this short (words) ...
MAX_SITE_WORDS = 5
#: ... and the headline before it is at least this many times longer.
MIN_HEADLINE_TO_SITE_RATIO = 1.0
#: Headings longer than this are paragraphs marked up as <h1>, not headlines.
MAX_TITLE_CHARS = 300
_PUBLISHER_KEYS = ("publisher", "sourceOrganization", "provider")


def find_site(sources: PageSources, title_tag: str | None, url: str | None) -> str | None:
    """Site name: og:site_name, JSON-LD publisher, application-name, the <title> suffix,
    else the domain.  A declared name with a tagline ("LinkNaija | Nigeria's popular news
    platform") keeps its first part; a Twitter handle ("@politifact") is not a name."""
    declared = sources.first("og:site_name", "application-name", "al:android:app_name",
                             "apple-mobile-web-app-title")
    if declared and declared.startswith("@"):
        declared = None
    elif declared and declared.islower() and " " not in declared:
        declared = _jsonld_publisher(sources) or declared  # "usatoday" < "USA TODAY"
    site = declared or _jsonld_publisher(sources) or _title_suffix(title_tag) or domain_of(url)
    site = _SEPARATOR.split(site)[0].strip().removeprefix("www.") if site else None
    return site or None


def _jsonld_publisher(sources: PageSources) -> str | None:
    """publisher.name of the article, else the name of a WebSite/Organization object."""
    for obj in sources.objects:
        for key in _PUBLISHER_KEYS:
            name = jsonld_text(obj.get(key))
            if name:
                return name
    for obj in sources.objects:
        if obj.get("@type") in ("WebSite", "NewsMediaOrganization", "Organization"):
            name = jsonld_text(obj.get("name"))
            if name:
                return name
    return None


def _title_suffix(title: str | None) -> str | None:
    """"Headline | Site" -> "Site", when the last segment is short next to the headline."""
    if not title:
        return None
    parts = _SEPARATOR.split(title)
    if len(parts) < 2:
        return None
    head, tail = " - ".join(parts[:-1]), parts[-1].strip()
    if tail and len(tail.split()) <= MAX_SITE_WORDS and len(head) >= MIN_HEADLINE_TO_SITE_RATIO * len(tail):
        return tail
    return None


def domain_of(url: str | None) -> str | None:
    """"https://www.example.co.uk/x" -> "example.co.uk"."""
    if not url:
        return None
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.") or None


def find_title(root: etree._Element, sources: PageSources, site: str | None) -> str | None:
    """Headline: og/twitter title, JSON-LD headline, an <h1> the <title> agrees with, then
    <title> itself; each stripped of the site name."""
    title_tag = title_text(root)
    h1 = _matching_h1(root, title_tag)
    candidates = (
        sources.first("og:title", "twitter:title", "sailthru.title", "parsely-title"),
        next((jsonld_text(o.get("headline")) for o in sources.articles() if o.get("headline")), None),
        h1, title_tag, _first_h1(root),
    )
    for candidate in candidates:
        title = strip_site(candidate, site) if candidate else None
        if title and len(title) <= MAX_TITLE_CHARS:
            return title
    return None


def title_text(root: etree._Element) -> str | None:
    """Text of the first <title>; None when absent or empty."""
    elem = root.find(".//title")
    text = " ".join(text_of(elem).split()) if elem is not None else ""
    return text or None


def _first_h1(root: etree._Element) -> str | None:
    elem = root.find(".//h1")
    text = " ".join(text_of(elem).split()) if elem is not None else ""
    return text or None


def _matching_h1(root: etree._Element, title_tag: str | None) -> str | None:
    """The longest <h1> whose text is part of <title>: the headline, not the logo or a section
    heading (which may also appear in <title>, but as the shorter part)."""
    if not title_tag:
        return None
    folded = title_tag.casefold()
    texts = (" ".join(text_of(elem).split()) for elem in root.iter("h1"))
    return max((t for t in texts if t and t.casefold() in folded), key=len, default=None)


def strip_site(title: str, site: str | None) -> str:
    """Remove a leading/trailing site name ("Headline | Site", "Site: Headline") from `title`."""
    title = " ".join(title.split())
    parts = _SEPARATOR.split(title)
    if len(parts) < 2:
        return title
    keys = _site_keys(site)
    if _key(parts[-1]) in keys or _title_suffix(title) and _looks_like_site(parts[-1], keys):
        return strip_site(_join_rest(title, parts[-1], tail=True), site)
    if _key(parts[0]) in keys:
        return strip_site(_join_rest(title, parts[0], tail=False), site)
    return title


def _looks_like_site(segment: str, keys: set[str]) -> bool:
    """A short trailing segment counts as the site when no site is known, or when it contains
    the known site name (e.g. "Fox News" inside "Fox News Politics")."""
    key = _key(segment)
    return not keys or any(k and (k in key or key in k) for k in keys)


def _join_rest(title: str, segment: str, *, tail: bool) -> str:
    """`title` without its first/last segment and the separator next to it."""
    if tail:
        cut = title.rfind(segment)
        return _EDGE_END.sub("", title[:cut])
    cut = title.find(segment) + len(segment)
    return _EDGE_START.sub("", title[cut:])


def _site_keys(site: str | None) -> set[str]:
    """Keys a site name may appear as: "The Wall Street Journal", "wsj.com" -> both forms."""
    if not site:
        return set()
    keys = {_key(site), _key(site.removeprefix("The ").removeprefix("the "))}
    if "." in site:
        keys.add(_key(site.split(".")[0]))
    return {k for k in keys if k}


def _key(text: str) -> str:
    return "".join(ch for ch in text.casefold() if ch.isalnum())
