"""factwire: raw news pages (HTML or scraped text) -> clean articles -> sourced facts and events.

    from factwire import extract
    rec = extract(html_or_text_or_bytes, url=None, published=None)
    rec.title, rec.paragraphs, rec.to_dict()

Public names are loaded on first use, so `import factwire.read` stays light.
"""
from __future__ import annotations

from functools import lru_cache
from importlib import import_module
from typing import Any

_PUBLIC = {
    "extract": "factwire.pipeline", "extract_all": "factwire.pipeline",
    "process_page": "factwire.pipeline", "ExtractionError": "factwire.errors",
    "Record": "factwire.model", "Failure": "factwire.model",
}
__all__ = [*_PUBLIC, "__version__"]


@lru_cache(maxsize=1)
def _version() -> str:
    """The installed version, looked up on first use: importlib.metadata costs ~70 ms at start."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("factwire")
    except PackageNotFoundError:  # running from a source tree without install
        return "0.0.0+source"


def __getattr__(name: str) -> Any:
    if name == "__version__":
        return _version()
    if name in _PUBLIC:
        return getattr(import_module(_PUBLIC[name]), name)
    raise AttributeError(f"module 'factwire' has no attribute {name!r}")
