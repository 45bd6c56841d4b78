"""Stage 3 -- metadata: title, publication date, authors, site, canonical URL, language.

`extract.py` holds the two entry points (before and after cleaning); the other modules each
find one thing: `titles`, `dates`, `authors`, `sources` (meta tags and JSON-LD gathered once),
`text` (datelines and bylines of flattened pages) and `language` (shipped stop-word votes).
"""
from factwire.metadata.extract import complete_metadata, extract_html_metadata

__all__ = ["complete_metadata", "extract_html_metadata"]
