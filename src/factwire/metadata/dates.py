"""Publication dates: parse date strings to ISO and find the date an HTML page was published.

Our own pass reads the places most news pages declare a date (meta tags, JSON-LD, <time>,
itemprop, the URL) in a few dict look-ups; htmldate, slower but thorough, runs only when that
pass finds nothing.  Modified/updated dates are never taken for the published date.
"""
from __future__ import annotations

import datetime as dt
import logging
import re

import lxml.html
from lxml import etree

from factwire.dom import text_of
from factwire.metadata.sources import PageSources, jsonld_text

#: Dates outside this window are typos, placeholders (1970-01-01) or template defaults.
MIN_YEAR = 1995
#: Publication dates may run ahead of the clock by time zones, not by years.
MAX_YEARS_AHEAD = 1
#: A declared UTC time and the local day in the URL may differ by this much.
MAX_TIMEZONE_SHIFT = dt.timedelta(days=1)
#: Epoch timestamps in milliseconds have this many digits (seconds have 10).
EPOCH_MS_DIGITS = 13

#: Meta keys that hold the publication date, best first (lower-cased).
PUBLISHED_META_KEYS = (
    "article:published_time", "article:published", "og:article:published_time",
    "og:published_time", "published_time", "datepublished", "article.published",
    "pubdate", "publishdate", "publish-date", "publish_date", "publication_date", "pub_date",
    "sailthru.date", "parsely-pub-date", "dc.date.issued", "dcterms.issued", "dc.date",
    "dcterms.date", "dcterms.created", "dc.date.created", "date", "citation_publication_date",
    "citation_date", "originalpublicationdate", "cxenseparse:recs:publishtime",
    "article:post_date", "date_published", "analyticsattributes.articledate", "displaydate",
)
_ISO = re.compile(r"(?<!\d)((?:19|20)\d\d)[-/.]([01]?\d)[-/.]([0-3]?\d)(?!\d)")
_COMPACT = re.compile(r"(?<!\d)((?:19|20)\d\d)([01]\d)([0-3]\d)(?!\d)")
_EPOCH = re.compile(r"^\d{10}(?:\d{3})?$")
_URL_DATE = re.compile(
    r"/((?:19|20)\d\d)[/_-]?([01]\d)[/_-]?([0-3]\d)(?:[/_.-]|$)"  # /2019/11/20/ /2019-11-20- /20191120/
)
_URL_NAMED_MONTH = re.compile(r"/((?:19|20)\d\d)/([a-z]{3,9})/([0-3]?\d)/", re.I)  # /2019/nov/18/
_PUBLISHED_CLASS = re.compile(r"publish|posted|pubdate|dateline|article-date|entry-date|post-date", re.I)

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
_MONTH = r"(jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*\.?"
_MDY = re.compile(rf"\b{_MONTH}\s+([0-3]?\d)(?:st|nd|rd|th)?,?\s+((?:19|20)\d\d)\b", re.I)
_DMY = re.compile(rf"\b([0-3]?\d)(?:st|nd|rd|th)?\.?\s+(?:of\s+)?{_MONTH},?\s+((?:19|20)\d\d)\b", re.I)

LOG = logging.getLogger(__name__)


def to_iso(year: int, month: int, day: int) -> str | None:
    """ISO date for a plausible calendar day, else None (never a guess)."""
    try:
        date = dt.date(year, month, day)
    except ValueError:
        return None
    if not MIN_YEAR <= year <= dt.date.today().year + MAX_YEARS_AHEAD:
        return None
    return date.isoformat()


def parse_date(value: str | None) -> str | None:
    """ISO date from a machine or human date string ("2019-11-20T10:00Z", "Nov. 20, 2019",
    "20 November 2019", epoch seconds/ms); None when no full date is in it."""
    if not value:
        return None
    value = value.strip()
    if _EPOCH.match(value):
        seconds = int(value) / (1000 if len(value) == EPOCH_MS_DIGITS else 1)
        stamp = dt.datetime.fromtimestamp(seconds, tz=dt.UTC)
        return to_iso(stamp.year, stamp.month, stamp.day)
    for pattern in (_ISO, _COMPACT):
        match = pattern.search(value)
        if match:
            return to_iso(int(match[1]), int(match[2]), int(match[3]))
    return parse_human_date(value)


def parse_human_date(text: str) -> str | None:
    """ISO date from the first English "Month D, YYYY" or "D Month YYYY" in `text`."""
    found = [m for m in (_MDY.search(text), _DMY.search(text)) if m]
    if not found:
        return None
    match = min(found, key=lambda m: m.start())
    if match.re is _MDY:
        return to_iso(int(match[3]), MONTHS[match[1].lower()], int(match[2]))
    return to_iso(int(match[3]), MONTHS[match[2].lower()], int(match[1]))


def find_published(root: etree._Element, sources: PageSources, url: str | None) -> str | None:
    """The page's declared publication date (meta, JSON-LD, markup, URL); None when it has none
    (then `complete_metadata` looks for a visible dateline, then asks htmldate).

    Declared times are often in UTC ("2019-11-19T02:34Z") while the URL carries the
    publisher's local day (/2019/11/18/); when the two are a day apart the URL's day wins."""
    declared = find_declared_date(sources) or find_markup_date(root)
    in_url = date_from_url(url)
    if declared and in_url:
        gap = abs(dt.date.fromisoformat(declared) - dt.date.fromisoformat(in_url))
        return in_url if gap <= MAX_TIMEZONE_SHIFT else declared
    return declared or in_url


def find_declared_date(sources: PageSources) -> str | None:
    """Date from meta tags or JSON-LD datePublished (articles first, @graph flattened)."""
    for key in PUBLISHED_META_KEYS:
        for value in sources.meta.get(key, ()):
            iso = parse_date(value)
            if iso:
                return iso
    for obj in sources.objects:
        iso = parse_date(jsonld_text(obj.get("datePublished")) or jsonld_text(obj.get("dateCreated")))
        if iso:
            return iso
    return None


def find_markup_date(root: etree._Element) -> str | None:
    """Date from itemprop=datePublished or a <time> marked as the publication time."""
    for elem in root.iterfind('.//*[@itemprop="datePublished"]'):
        iso = parse_date(elem.get("content") or elem.get("datetime") or text_of(elem))
        if iso:
            return iso
    for elem in root.iter("time"):
        if elem.get("pubdate") is not None or _PUBLISHED_CLASS.search(_marks(elem)):
            iso = parse_date(elem.get("datetime") or text_of(elem))
            if iso:
                return iso
    return None


def _marks(elem: etree._Element) -> str:
    """Class and id of an element and its parent: where sites say 'published'."""
    parent = elem.getparent()
    own = f"{elem.get('class', '')} {elem.get('id', '')}"
    return own if parent is None else f"{own} {parent.get('class', '')} {parent.get('id', '')}"


def date_from_url(url: str | None) -> str | None:
    """Date from a URL path such as /2019/11/20/ or /2019-11-20- or /20191120/."""
    match = _URL_DATE.search(url or "")
    if match:
        return to_iso(int(match[1]), int(match[2]), int(match[3]))
    match = _URL_NAMED_MONTH.search(url or "")
    month = MONTHS.get(match[2][:3].lower()) if match else None
    return to_iso(int(match[1]), month, int(match[3])) if match and month else None


def find_date_with_htmldate(root: etree._Element, url: str | None) -> str | None:
    """htmldate's search (visible dateline, scripts, free text); it copies a tree before pruning
    it, so ours is left intact.  Original date, fast mode, day precision."""
    from htmldate import find_date  # imported lazily: pages with declared dates never need it

    # htmldate wants an lxml.html tree (our parser makes plain etree ones), and must never get a
    # str: given one that starts with "http" it *downloads* it.  Re-parse our tree for it; this
    # runs on the ~10 % of pages that declare no date, so the cost stays small.
    html_tree = lxml.html.document_fromstring(etree.tostring(root, encoding="unicode"))
    try:
        found = find_date(html_tree, url=url, original_date=True, extensive_search=False,
                          outputformat="%Y-%m-%d")
    except (ValueError, TypeError) as exc:  # htmldate raises these on odd input
        LOG.debug("htmldate failed: %s", exc)
        return None
    return parse_date(found) if found else None
