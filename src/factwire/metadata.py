"""Stage 3 -- metadata (placeholder, being written)."""
from __future__ import annotations

import lxml.html

from factwire.model import Cleaned, Metadata


def extract_html_metadata(root: lxml.html.HtmlElement, url: str | None = None) -> Metadata:
    """Read title/date/authors/site/canonical URL from an HTML tree; must not modify `root`.

    Called before cleaning, because cleaning removes <script> (JSON-LD), bylines and <time>."""
    return Metadata(url=url)


def complete_metadata(meta: Metadata, cleaned: Cleaned, *, page_text: str | None = None,
                      published_hint: str | None = None) -> Metadata:
    """Finish `meta` from the cleaned body: title choice, language, and for text pages the
    visible dateline/byline found in `page_text` (the flattened page)."""
    if meta.title is None:
        meta.title = cleaned.title
    if meta.published is None:
        meta.published = published_hint
    return meta
