"""Flattened-text cleaning (placeholder, being written)."""
from __future__ import annotations

from factwire.model import Cleaned


def clean_text(text: str) -> Cleaned:
    """Return the article body of a page flattened to text, line by line."""
    paras = [ln.strip() for ln in text.splitlines() if ln.strip()]
    return Cleaned(title=None, paragraphs=paras, kinds=["p"] * len(paras))
