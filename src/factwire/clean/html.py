"""HTML cleaning (placeholder, being written)."""
from __future__ import annotations

import lxml.html

from factwire.model import Cleaned


def clean_html(root: lxml.html.HtmlElement) -> Cleaned:
    """Return the article body of a parsed page.  May modify `root`."""
    paras = [t.strip() for t in root.itertext() if t.strip()]
    return Cleaned(title=None, paragraphs=paras, kinds=["p"] * len(paras))
