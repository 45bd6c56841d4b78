"""factwire: raw news pages (HTML or scraped text) -> clean articles -> sourced facts and events.

    from factwire import extract
    rec = extract(html_or_text_or_bytes, url=None, published=None)
    rec.title, rec.paragraphs, rec.to_dict()
"""
from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("factwire")
except PackageNotFoundError:  # running from a source tree without install
    __version__ = "0.0.0+source"

from factwire.model import Failure, Record  # noqa: E402
from factwire.pipeline import ExtractionError, extract, extract_all, process_page  # noqa: E402

__all__ = ["extract", "extract_all", "process_page", "ExtractionError", "Record", "Failure", "__version__"]
